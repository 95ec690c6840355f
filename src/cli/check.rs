//! `newsls check`: read articles, analyse them in parallel, stream the results in path order.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;
use tower_lsp_server::ls_types::{Diagnostic, Uri};

use super::{CheckArgs, EXIT_FINDINGS, EXIT_TROUBLE, Format, human};
use crate::analysis::Analysis;
use crate::config::{self, ConfigError, Settings};
use crate::files::{self, ArticleText, ReadError};
use crate::protocol::{self, Document};
use crate::rules::{Finding, Severity};
use crate::text::{LineIndex, PositionEncoding};

/// Files analysed per batch: enough to keep every core busy, few enough to bound memory.
const BATCH: usize = 256;

/// What one checked file produced.
struct Checked {
    path: PathBuf,
    text: String,
    findings: Vec<Finding>,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: String,
    diagnostics: &'a [Diagnostic],
}

enum Source {
    File(PathBuf),
    Stdin(PathBuf),
}

/// An article to check and the settings that govern it.
struct Input {
    source: Source,
    settings: Arc<Settings>,
}

/// The settings for `path`: from `--config`, else the nearest `newsls.toml` above it.
fn settings_for(args: &CheckArgs, path: &Path) -> Result<Arc<Settings>, ConfigError> {
    match &args.config {
        Some(file) => config::load(file),
        None => config::discover(path),
    }
    .map(Arc::new)
}

pub fn run(args: &CheckArgs) -> ExitCode {
    let mut inputs = Vec::new();
    let mut trouble = Vec::new();
    for path in &args.paths {
        let is_stdin = path.as_os_str() == "-";
        let stdin_name = args.stdin_filename.clone().unwrap_or_else(|| PathBuf::from("<stdin>"));
        let config_start =
            if is_stdin { args.stdin_filename.clone().unwrap_or_else(|| ".".into()) } else { path.clone() };
        let settings = match settings_for(args, &config_start) {
            Ok(settings) => settings,
            Err(err) => {
                eprintln!("newsls: {err}");
                return ExitCode::from(EXIT_TROUBLE);
            }
        };
        if is_stdin {
            inputs.push(Input { source: Source::Stdin(stdin_name), settings });
        } else if !path.exists() {
            trouble.push((path.clone(), "no such file or folder".to_string()));
        } else {
            let (paths, errors) = files::walk(path, &settings);
            inputs.extend(paths.into_iter().map(|p| Input { source: Source::File(p), settings: settings.clone() }));
            trouble.extend(errors);
        }
    }

    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut counts = Counts::default();
    let mut first_json = true;
    if matches!(args.format, Format::Json) {
        let _ = out.write_all(b"[");
    }
    for batch in inputs.chunks(BATCH) {
        let results: Vec<Result<Checked, (PathBuf, String)>> = batch.par_iter().map(check_input).collect();
        for result in results {
            match result {
                Ok(checked) => {
                    counts.add(&checked.findings);
                    let written = match args.format {
                        Format::Human => human::write(&mut out, &checked.path, &checked.text, &checked.findings),
                        Format::Json => write_json(&mut out, &checked, &mut first_json),
                    };
                    if let Err(err) = written {
                        return broken_pipe_or_trouble(err);
                    }
                }
                Err(bad) => trouble.push(bad),
            }
        }
    }
    if matches!(args.format, Format::Json) {
        let _ = out.write_all(b"]\n");
    }
    if let Err(err) = out.flush() {
        return broken_pipe_or_trouble(err);
    }
    for (path, message) in &trouble {
        eprintln!("newsls: {}: {message}", path.display());
    }
    if matches!(args.format, Format::Human) {
        eprintln!("{}", counts.summary());
    }
    if !trouble.is_empty() {
        ExitCode::from(EXIT_TROUBLE)
    } else if counts.at_or_above_warning > 0 {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

fn broken_pipe_or_trouble(err: io::Error) -> ExitCode {
    if err.kind() == io::ErrorKind::BrokenPipe {
        ExitCode::SUCCESS
    } else {
        eprintln!("newsls: cannot write output: {err}");
        ExitCode::from(EXIT_TROUBLE)
    }
}

fn check_input(input: &Input) -> Result<Checked, (PathBuf, String)> {
    let (path, read) = match &input.source {
        Source::File(path) => (path, files::read_article(path, input.settings.max_file_size)),
        Source::Stdin(name) => {
            let mut bytes = Vec::new();
            let read =
                io::stdin().read_to_end(&mut bytes).map_err(ReadError::Io).and_then(|_| files::decode_article(&bytes));
            (name, read)
        }
    };
    let ArticleText { text, lossy_latin1 } = read.map_err(|err| (path.clone(), err.to_string()))?;
    if lossy_latin1 {
        eprintln!("newsls: {}: warning: not valid UTF-8; read as Windows-1252 (Latin-1)", path.display());
    }
    let findings = Analysis::new(&text).findings(|rule| input.settings.severity_of(rule));
    Ok(Checked { path: path.clone(), text, findings })
}

fn write_json(out: &mut impl Write, checked: &Checked, first: &mut bool) -> io::Result<()> {
    let lines = LineIndex::new(&checked.text);
    let document = Document { text: &checked.text, lines: &lines, encoding: PositionEncoding::Utf16 };
    let uri = file_uri(&checked.path);
    let diagnostics: Vec<Diagnostic> =
        checked.findings.iter().map(|f| protocol::diagnostic(f, &document, uri.as_ref())).collect();
    if !std::mem::take(first) {
        out.write_all(b",\n")?;
    }
    let file = JsonFile { path: checked.path.display().to_string(), diagnostics: &diagnostics };
    serde_json::to_writer(&mut *out, &file).map_err(io::Error::other)
}

fn file_uri(path: &Path) -> Option<Uri> {
    std::path::absolute(path).ok().and_then(|p| Uri::from_file_path(p))
}

#[derive(Default)]
struct Counts {
    files: usize,
    by_severity: [usize; 4],
    at_or_above_warning: usize,
}

impl Counts {
    fn add(&mut self, findings: &[Finding]) {
        self.files += 1;
        for f in findings {
            self.by_severity[f.severity as usize - 1] += 1;
            if f.severity <= Severity::Warning {
                self.at_or_above_warning += 1;
            }
        }
    }

    fn summary(&self) -> String {
        let names = ["error", "warning", "information", "hint"];
        let parts: Vec<String> = self
            .by_severity
            .iter()
            .zip(names)
            .filter(|(n, _)| **n > 0)
            .map(|(n, name)| format!("{n} {name}{}", if *n == 1 || name == "information" { "" } else { "s" }))
            .collect();
        let files = if self.files == 1 { "file" } else { "files" };
        if parts.is_empty() {
            format!("Checked {} {files}: no findings.", self.files)
        } else {
            format!("Checked {} {files}: {}.", self.files, parts.join(", "))
        }
    }
}
