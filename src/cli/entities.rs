//! `newsls entities [PATH...]`: the entities of each article and their mentions.
//!
//! JSON: one array of `{"path", "entities": [{"id", "kind", "name", "acronym", "source",
//! "introduction": Range | null, "mentions": [{"range", "text", "form", "introduction"}]}]}`, with
//! LSP ranges (0-based lines, UTF-16 columns) as in `check --format json`. Human: per file, one
//! line per entity, then its mentions as `line:col`.
//!
//! The glossary: the nearest newsls.toml's (`[[glossary]]` tables and its `glossary-file`), or
//! `--glossary FILE` instead.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::ValueEnum;
use rayon::prelude::*;
use serde::Serialize;
use tower_lsp_server::ls_types::Range;

use super::EXIT_TROUBLE;
use crate::article::Article;
use crate::config;
use crate::entities::{self, ArticleEntities, Glossary, KnownPeople, Origin};
use crate::files;
use crate::protocol::Document;
use crate::text::{LineIndex, PositionEncoding};

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum EntitiesFormat {
    /// Per file: each entity, then its mentions as line:col.
    Human,
    /// One JSON array of {"path", "entities": [...]} with LSP ranges.
    Json,
}

#[derive(clap::Args)]
pub struct EntitiesArgs {
    /// Files and folders (walked for *.txt like `check`).
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = EntitiesFormat::Human)]
    format: EntitiesFormat,
    /// A TOML file of `[[glossary]]` tables, instead of the nearest newsls.toml's glossary.
    #[arg(long, value_name = "FILE")]
    glossary: Option<PathBuf>,
}

#[derive(Serialize)]
struct JsonMention {
    range: Range,
    text: String,
    form: entities::MentionForm,
    introduction: bool,
}

#[derive(Serialize)]
struct JsonEntity {
    id: String,
    kind: entities::EntityKind,
    name: String,
    acronym: Option<String>,
    /// kb | glossary | article | person
    source: &'static str,
    introduction: Option<Range>,
    mentions: Vec<JsonMention>,
}

#[derive(Serialize)]
struct JsonFile {
    path: String,
    entities: Vec<JsonEntity>,
}

fn json_file(path: &Path, text: &str, found: &ArticleEntities) -> JsonFile {
    let lines = LineIndex::new(text);
    let document = Document { text, lines: &lines, encoding: PositionEncoding::Utf16 };
    let entities = found
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| JsonEntity {
            id: e.id.clone(),
            kind: e.kind,
            name: e.name.clone(),
            acronym: e.acronym.clone(),
            source: match e.origin {
                Origin::Kb(_) => "kb",
                Origin::Glossary(_) => "glossary",
                Origin::Article => "article",
                Origin::Person => "person",
            },
            introduction: e.introduction.map(|s| document.range(s)),
            mentions: found
                .mentions_of(i)
                .map(|m| JsonMention {
                    range: document.range(m.span),
                    text: m.span.text(text).to_string(),
                    form: m.form,
                    introduction: m.introduction,
                })
                .collect(),
        })
        .collect();
    JsonFile { path: path.display().to_string(), entities }
}

fn write_human(out: &mut impl Write, path: &Path, text: &str, found: &ArticleEntities) -> io::Result<()> {
    let lines = LineIndex::new(text);
    let at = |offset: usize| {
        let p = lines.char_position(text, offset);
        format!("{}:{}", p.line + 1, p.col + 1)
    };
    writeln!(out, "{}:", path.display())?;
    for (i, e) in found.entities.iter().enumerate() {
        let acronym = e.acronym.as_ref().map(|a| format!(" ({a})")).unwrap_or_default();
        let intro = e.introduction.map(|s| format!(", introduced at {}", at(s.start))).unwrap_or_default();
        writeln!(out, "  {} {}{acronym} [{}{intro}]", e.id, e.name, e.kind.as_str())?;
        let mentions: Vec<String> =
            found.mentions_of(i).map(|m| format!("{} {}", at(m.span.start), m.span.text(text))).collect();
        writeln!(out, "    {}", mentions.join(", "))?;
    }
    writeln!(out)
}

/// A file that could not be read, and why.
type Unreadable = (PathBuf, String);

pub fn run(args: &EntitiesArgs) -> ExitCode {
    let mut trouble: Vec<(PathBuf, String)> = Vec::new();
    let mut inputs: Vec<(PathBuf, Arc<Glossary>, u64)> = Vec::new();
    // `--glossary FILE` stands in for every configuration's glossary.
    let glossary = match args.glossary.as_deref().map(config::glossary_from_file).transpose() {
        Ok(glossary) => glossary.map(Arc::new),
        Err(err) => {
            eprintln!("newsls: {err}");
            return ExitCode::from(EXIT_TROUBLE);
        }
    };
    for path in &args.paths {
        if !path.exists() {
            trouble.push((path.clone(), "no such file or folder".into()));
            continue;
        }
        let settings = match config::discover(path) {
            Ok(settings) => Arc::new(settings),
            Err(err) => {
                eprintln!("newsls: {err}");
                return ExitCode::from(EXIT_TROUBLE);
            }
        };
        let folders = Arc::new(config::FolderSettings::new(path, settings, Some(Box::new(config::load))));
        let (paths, errors) = files::walk(path, &folders);
        if let Some(err) = folders.take_errors().first() {
            eprintln!("newsls: {err}");
            return ExitCode::from(EXIT_TROUBLE);
        }
        trouble.extend(errors);
        inputs.extend(paths.into_iter().map(|(p, settings)| {
            let glossary = glossary.clone().unwrap_or_else(|| settings.glossary.clone());
            (p, glossary, settings.max_file_size)
        }));
    }
    // Two passes: people introduced in one article are recognised by full name in the others.
    let first: Vec<Result<(PathBuf, String, Article, ArticleEntities), Unreadable>> = inputs
        .par_iter()
        .map(|(path, glossary, max)| {
            let read = files::read_article(path, *max).map_err(|e| (path.clone(), e.to_string()))?;
            let article = Article::parse(&read.text);
            let found = entities::recognise_article(&read.text, &article, glossary);
            Ok((path.clone(), read.text, article, found))
        })
        .collect();
    let known = KnownPeople::new(
        first.iter().flatten().flat_map(|(_, _, _, found)| found.people().map(str::to_string)).collect::<Vec<_>>(),
    );
    let results: Vec<Result<(PathBuf, String, ArticleEntities), Unreadable>> = first
        .into_par_iter()
        .zip(inputs.par_iter())
        .map(|(result, (_, glossary, _))| {
            let (path, text, article, _) = result?;
            let found = entities::recognise_article_with(&text, &article, glossary, &known);
            Ok((path, text, found))
        })
        .collect();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut files_json = Vec::new();
    let mut written = Ok(());
    for result in results {
        match result {
            Ok((path, text, found)) => match args.format {
                EntitiesFormat::Json => files_json.push(json_file(&path, &text, &found)),
                EntitiesFormat::Human => {
                    if written.is_ok() {
                        written = write_human(&mut out, &path, &text, &found);
                    }
                }
            },
            Err(bad) => trouble.push(bad),
        }
    }
    if matches!(args.format, EntitiesFormat::Json) {
        written = serde_json::to_writer(&mut out, &files_json).map_err(io::Error::other).and_then(|_| writeln!(out));
    }
    if let Err(err) = written.and_then(|_| out.flush())
        && err.kind() != io::ErrorKind::BrokenPipe
    {
        eprintln!("newsls: cannot write output: {err}");
        return ExitCode::from(EXIT_TROUBLE);
    }
    for (path, message) in &trouble {
        eprintln!("newsls: {}: {message}", path.display());
    }
    if trouble.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(EXIT_TROUBLE) }
}
