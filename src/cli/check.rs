//! `newsls check`: read articles, analyse them in parallel, stream the results in path order.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, mpsc};

use rayon::prelude::*;
use tower_lsp_server::ls_types::Uri;

use super::output::{self, FileReport};
use super::progress::Progress;
use super::{CheckArgs, EXIT_FINDINGS, EXIT_TROUBLE, FailOn, Format, human};
use crate::analysis::{Analysis, Context};
use crate::baseline::{self, Baseline, Recorder, RelativePaths};
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
    /// The path relative to the configuration root or the working folder, for fingerprints
    /// (empty when no baseline or SARIF needs them).
    relative: String,
    text: String,
    findings: Vec<Finding>,
    /// Each finding's baseline fingerprint, when a baseline or SARIF needs them (else empty).
    fingerprints: Vec<String>,
    baseline: Option<usize>,
}

enum Source {
    File(PathBuf),
    Stdin(PathBuf),
}

/// An article to check and the settings that govern it.
struct Input {
    source: Source,
    settings: Arc<Settings>,
    /// Makes the path relative to the configuration root (or the working folder), when
    /// fingerprints or shards need it: most runs never do.
    relative_paths: Arc<RelativePaths>,
    /// The baseline that accepts its findings, in [`Baselines`].
    baseline: Option<usize>,
}

impl Input {
    fn path(&self) -> &Path {
        match &self.source {
            Source::File(path) | Source::Stdin(path) => path,
        }
    }

    /// The path relative to the configuration root (or the working folder), `/`-separated:
    /// what fingerprints and shards are computed from.
    fn relative(&self) -> String {
        self.relative_paths.of(self.path())
    }
}

/// The configuration a named path starts from, looked up once.
struct StartingConfig {
    settings: Arc<Settings>,
    /// The folder fingerprints and shards are relative to: that of `--config` or of the nearest
    /// `newsls.toml`, else the working folder.
    root: PathBuf,
    /// Whether there is a configuration file, or only the defaults.
    configured: bool,
}

/// The settings for `start`: from `--config`, else the nearest `newsls.toml` above it.
fn starting_config(args: &CheckArgs, start: &Path) -> Result<StartingConfig, ConfigError> {
    let file = args.config.clone().or_else(|| config::find(start));
    let settings = match &file {
        Some(file) => config::load(file)?,
        None => config::defaults_at(start),
    };
    // A configuration's settings are rooted at its folder already.
    let root = match &file {
        Some(_) => settings.root.clone(),
        None => std::env::current_dir().unwrap_or_default(),
    };
    Ok(StartingConfig { settings: Arc::new(settings), root, configured: file.is_some() })
}

/// The nested configurations a walk reads: none when `--config` names the one for everything.
fn nested_loader(args: &CheckArgs) -> Option<Box<config::LoadNested>> {
    args.config.is_none().then(|| Box::new(config::load) as Box<config::LoadNested>)
}

/// The baselines of a run, each file read once: `--baseline`'s, else those of the
/// configurations that govern the checked files.
#[derive(Default)]
struct Baselines {
    loaded: Vec<Baseline>,
    /// Each file asked for, and where it is in `loaded` (`None`: missing or empty).
    by_file: std::collections::HashMap<PathBuf, Option<usize>>,
}

impl Baselines {
    /// The baseline in `file`, read the first time it is asked for.
    fn index_of(&mut self, file: &Path) -> Result<Option<usize>, String> {
        if let Some(&known) = self.by_file.get(file) {
            return Ok(known);
        }
        let loaded = if file.is_file() { Baseline::load(file)? } else { Baseline::default() };
        Ok(self.add(file, loaded))
    }

    /// Keeps `loaded`, read from `file`, unless it accepts nothing.
    fn add(&mut self, file: &Path, loaded: Baseline) -> Option<usize> {
        let index = (!loaded.is_empty()).then(|| {
            self.loaded.push(loaded);
            self.loaded.len() - 1
        });
        self.by_file.insert(file.to_path_buf(), index);
        index
    }

    fn suppressed(&self) -> usize {
        self.loaded.iter().map(|b| b.suppressed).sum()
    }
}

pub fn run(args: &CheckArgs) -> ExitCode {
    let mut baselines = Baselines::default();
    // Named on the command line, it must exist; a configuration's need not.
    let explicit_baseline = match &args.baseline {
        Some(file) => match Baseline::load(file) {
            Ok(loaded) => baselines.add(file, loaded),
            Err(message) => {
                eprintln!("newsls: {message}");
                return ExitCode::from(EXIT_TROUBLE);
            }
        },
        None => None,
    };
    if let Some(file) = &args.write_baseline {
        let folder = file.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        if !folder.is_dir() || file.is_dir() {
            eprintln!("newsls: cannot write the baseline {}: no such folder, or it is a folder", file.display());
            return ExitCode::from(EXIT_TROUBLE);
        }
    }
    // Without either flag, each file's configuration's baseline (newsls.toml's `baseline`, else
    // .newsls-baseline.json beside it, or in the folder fingerprints are relative to when there
    // is no configuration) applies when it exists: what the editor accepted stays accepted.
    let default_baselines = args.baseline.is_none() && args.write_baseline.is_none();
    // The knowledge-base automaton builds while the folders are walked, not while the first
    // batch's threads wait for it.
    rayon::spawn(crate::entities::warm_up);
    let mut recorder = args.write_baseline.as_ref().map(|_| Recorder::default());
    let mut inputs = Vec::new();
    let mut trouble = Vec::new();
    for path in &args.paths {
        let is_stdin = path.as_os_str() == "-";
        let stdin_name = args.stdin_filename.clone().unwrap_or_else(|| PathBuf::from("<stdin>"));
        let config_start =
            if is_stdin { args.stdin_filename.clone().unwrap_or_else(|| ".".into()) } else { path.clone() };
        let StartingConfig { settings, root, configured } = match starting_config(args, &config_start) {
            Ok(config) => config,
            Err(err) => {
                eprintln!("newsls: {err}");
                return ExitCode::from(EXIT_TROUBLE);
            }
        };
        let named = if is_stdin { args.stdin_filename.as_deref() } else { Some(path.as_path()) };
        let force_exclude = args.force_exclude || settings.force_exclude;
        if force_exclude && named.is_some_and(|named| settings.excludes_named(named)) {
            continue;
        }
        // Without a configuration, the baseline lies where fingerprints are relative to.
        let top_baseline = if configured { settings.baseline.clone() } else { root.join(config::DEFAULT_BASELINE) };
        let top_relative_paths = Arc::new(RelativePaths::new(&root));
        let mut nested_relative_paths: Vec<(Arc<Settings>, Arc<RelativePaths>)> = Vec::new();
        let mut input = |source: Source, governing: Arc<Settings>| -> Result<Input, String> {
            let nested = !Arc::ptr_eq(&governing, &settings);
            // Fingerprints are relative to the configuration that governs the file, unless one
            // baseline named on the command line takes them all.
            let relative_paths = if nested && default_baselines {
                match nested_relative_paths.iter().find(|(known, _)| Arc::ptr_eq(known, &governing)) {
                    Some((_, paths)) => paths.clone(),
                    None => {
                        let paths = Arc::new(RelativePaths::new(&governing.root));
                        nested_relative_paths.push((governing.clone(), paths.clone()));
                        paths
                    }
                }
            } else {
                top_relative_paths.clone()
            };
            let baseline = if default_baselines {
                baselines.index_of(if nested { &governing.baseline } else { &top_baseline })?
            } else {
                explicit_baseline
            };
            Ok(Input { source, settings: governing, relative_paths, baseline })
        };
        let mut walked = Vec::new();
        if is_stdin {
            walked.push((Source::Stdin(stdin_name), settings.clone()));
        } else if !path.exists() {
            trouble.push((path.clone(), "no such file or folder".to_string()));
        } else {
            let folders = Arc::new(config::FolderSettings::new(path, settings.clone(), nested_loader(args)));
            let (paths, errors) = files::walk(path, &folders);
            if let Some(err) = folders.take_errors().first() {
                eprintln!("newsls: {err}");
                return ExitCode::from(EXIT_TROUBLE);
            }
            walked.extend(paths.into_iter().map(|(p, governing)| (Source::File(p), governing)));
            trouble.extend(errors);
        }
        for (source, governing) in walked {
            match input(source, governing) {
                Ok(input) => inputs.push(input),
                Err(message) => {
                    eprintln!("newsls: {message}");
                    return ExitCode::from(EXIT_TROUBLE);
                }
            }
        }
    }
    if args.paths.len() > 1 {
        // A file named twice ("check . story.txt", "a.txt ./a.txt") is checked once: twice would
        // report its findings twice, the second time past what the baseline accepts.
        let mut seen = std::collections::HashSet::new();
        inputs.retain(|input| match &input.source {
            Source::File(path) => seen.insert(std::fs::canonicalize(path).unwrap_or_else(|_| path.clone())),
            Source::Stdin(_) => true,
        });
    }
    if let Some(shard) = args.shard {
        // On the pool, which has nothing else to do before the first batch.
        inputs = inputs.into_par_iter().filter(|input| shard.contains(&input.relative())).collect();
    }
    // Paths in SARIF, GitHub and compact output are relative to the working folder.
    let relative_to_cwd = RelativePaths::new(&std::env::current_dir().unwrap_or_default());
    let mut progress = Progress::new(inputs.len());
    let mut done = 0;
    let wants_fingerprints = !baselines.loaded.is_empty() || recorder.is_some() || matches!(args.format, Format::Sarif);

    let stdout = io::stdout();
    let mut out = io::BufWriter::new(output::UntilClosed::new(stdout.lock()));
    let mut counts = Counts::default();
    let mut first = true;
    let begun = match args.format {
        Format::Json => out.write_all(b"["),
        Format::Sarif => output::sarif::begin(&mut out),
        Format::Human | Format::Github | Format::Compact => Ok(()),
    };
    if let Err(err) = begun {
        return cannot_write(err);
    }
    // One thread analyses batch after batch on the rayon pool while this one filters, renders (on
    // the pool too) and writes the batch before, so no core waits for the output.
    let written = std::thread::scope(|scope| -> io::Result<()> {
        let (analysed, batches) = mpsc::sync_channel::<Vec<Result<Checked, (PathBuf, String)>>>(1);
        let inputs = &inputs;
        scope.spawn(move || {
            for batch in inputs.chunks(BATCH) {
                let results = batch.par_iter().map(|input| check_input(input, wants_fingerprints)).collect();
                if analysed.send(results).is_err() {
                    break; // the output failed
                }
            }
        });
        for results in batches {
            let batch_len = results.len();
            let mut checked_files = Vec::with_capacity(batch_len);
            for result in results {
                match result {
                    Ok(mut checked) => {
                        if let Some(recorder) = &mut recorder {
                            for (finding, fingerprint) in checked.findings.iter().zip(&checked.fingerprints) {
                                recorder.record(&checked.relative, finding.rule.name, fingerprint.clone(), || {
                                    baseline::excerpt(&checked.text, finding.span)
                                });
                            }
                        }
                        if let Some(baseline) = checked.baseline.map(|i| &mut baselines.loaded[i]) {
                            let keep: Vec<bool> =
                                checked.fingerprints.iter().map(|fp| !baseline.suppresses(fp)).collect();
                            let mut keep_iter = keep.iter();
                            checked.findings.retain(|_| *keep_iter.next().unwrap_or(&true));
                            let mut keep_iter = keep.iter();
                            checked.fingerprints.retain(|_| *keep_iter.next().unwrap_or(&true));
                        }
                        counts.add(&checked.findings);
                        checked_files.push(checked);
                    }
                    Err(bad) => trouble.push(bad),
                }
            }
            let rendered: Vec<io::Result<Vec<u8>>> =
                // Taken by the pool, which frees each file's text and findings after rendering them,
                // rather than this thread one after the other.
                checked_files.into_par_iter().map(|checked| render(args.format, &checked, &relative_to_cwd)).collect();
            // Findings go to stdout, the bar to stderr: on one terminal the bar is erased before
            // findings are written, and they are flushed before it is drawn again.
            let writes = rendered.iter().any(|chunk| chunk.as_ref().is_ok_and(|c| !c.is_empty()));
            if writes {
                progress.finish();
            }
            for chunk in rendered {
                let chunk = chunk?;
                // JSON files and SARIF results are array elements: commas between the non-empty ones.
                let separated = matches!(args.format, Format::Json | Format::Sarif);
                if separated && !chunk.is_empty() && !std::mem::take(&mut first) {
                    out.write_all(b",\n")?;
                }
                out.write_all(&chunk)?;
            }
            if writes && progress.is_shown() {
                out.flush()?;
            }
            done += batch_len;
            progress.update(done);
        }
        Ok(())
    });
    if let Err(err) = written {
        return cannot_write(err);
    }
    progress.finish();
    let ended = match args.format {
        Format::Json => out.write_all(b"]\n"),
        Format::Sarif => output::sarif::end(&mut out, trouble.is_empty()),
        Format::Human | Format::Github | Format::Compact => Ok(()),
    };
    if let Err(err) = ended.and_then(|()| out.flush()) {
        return cannot_write(err);
    }
    for (path, message) in &trouble {
        eprintln!("newsls: {}: {message}", path.display());
    }
    if matches!(args.format, Format::Human) {
        eprintln!("{}", counts.summary(baselines.suppressed()));
    }
    if let (Some(recorder), Some(file)) = (&recorder, &args.write_baseline) {
        if let Err(err) = recorder.write(file) {
            eprintln!("newsls: cannot write the baseline {}: {err}", file.display());
            return ExitCode::from(EXIT_TROUBLE);
        }
        let findings = if recorder.len() == 1 { "finding" } else { "findings" };
        eprintln!("newsls: wrote the baseline {} ({} {findings})", file.display(), recorder.len());
    }
    if !trouble.is_empty() {
        ExitCode::from(EXIT_TROUBLE)
    } else if recorder.is_none() && counts.failing(args.fail_on) > 0 {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

fn cannot_write(err: io::Error) -> ExitCode {
    eprintln!("newsls: cannot write output: {err}");
    ExitCode::from(EXIT_TROUBLE)
}

/// Reads and analyses one article; fingerprints only when a baseline or SARIF needs them.
fn check_input(input: &Input, wants_fingerprints: bool) -> Result<Checked, (PathBuf, String)> {
    let (path, read) = match &input.source {
        Source::File(path) => (path, files::read_article(path, input.settings.max_file_size)),
        Source::Stdin(name) => {
            let mut bytes = Vec::new();
            let read =
                io::stdin().read_to_end(&mut bytes).map_err(ReadError::Io).and_then(|_| files::decode_article(bytes));
            (name, read)
        }
    };
    let ArticleText { text, lossy_latin1 } = read.map_err(|err| (path.clone(), err.to_string()))?;
    if lossy_latin1 {
        eprintln!("newsls: {}: warning: not valid UTF-8; read as Windows-1252 (Latin-1)", path.display());
    }
    let context = Context { glossary: &input.settings.glossary, people: None, language: input.settings.language };
    let findings = Analysis::with_context(&text, context).findings(|rule| input.settings.severity_of(rule));
    let (relative, fingerprints) = if wants_fingerprints {
        let relative = input.relative();
        let fingerprints =
            findings.iter().map(|f| baseline::fingerprint(f.rule.name, &relative, &text, f.span)).collect();
        (relative, fingerprints)
    } else {
        (String::new(), Vec::new())
    };
    Ok(Checked { path: path.clone(), relative, text, findings, fingerprints, baseline: input.baseline })
}

/// One file's output in `format`; JSON and SARIF without the comma that separates it from the
/// file before.
fn render(format: Format, checked: &Checked, relative_to_cwd: &RelativePaths) -> io::Result<Vec<u8>> {
    // About what a JSON diagnostic takes (560 bytes on the test corpus), so the buffer seldom grows.
    let mut out = Vec::with_capacity(256 + 640 * checked.findings.len());
    match format {
        Format::Human => human::write(&mut out, &checked.path, &checked.text, &checked.findings)?,
        Format::Json => write_json(&mut out, checked),
        Format::Sarif | Format::Github | Format::Compact => {
            let relative = relative_to_cwd.of(&checked.path);
            let report = FileReport {
                path: &checked.path,
                relative: &relative,
                text: &checked.text,
                findings: &checked.findings,
                fingerprints: &checked.fingerprints,
            };
            match format {
                Format::Sarif => output::sarif::file(&mut out, &report, &mut true)?,
                Format::Github => output::github::write(&mut out, &report)?,
                _ => output::compact::write(&mut out, &report)?,
            }
        }
    }
    Ok(out)
}

/// One file's `{"path": ..., "diagnostics": [...]}`, written straight into its buffer: the same
/// bytes as serialising `protocol::diagnostic`s, without building them.
fn write_json(out: &mut Vec<u8>, checked: &Checked) {
    let lines = LineIndex::new(&checked.text);
    let document = Document { text: &checked.text, lines: &lines, encoding: PositionEncoding::Utf16 };
    // Serialised once for all the file's related information.
    let uri_json = file_uri(&checked.path).map(|uri| serde_json::to_vec(&uri).expect("a URI serialises"));
    out.extend_from_slice(b"{\"path\":");
    serde_json::to_writer(&mut *out, &checked.path.display().to_string()).expect("a string serialises");
    out.extend_from_slice(b",\"diagnostics\":[");
    let mut written = protocol::WrittenStrings::default();
    for (i, finding) in checked.findings.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        protocol::write_diagnostic_json(out, &mut written, finding, &document, uri_json.as_deref());
    }
    out.extend_from_slice(b"]}");
}

fn file_uri(path: &Path) -> Option<Uri> {
    std::path::absolute(path).ok().and_then(Uri::from_file_path)
}

#[derive(Default)]
struct Counts {
    files: usize,
    by_severity: [usize; 4],
}

impl Counts {
    fn add(&mut self, findings: &[Finding]) {
        self.files += 1;
        for f in findings {
            self.by_severity[f.severity as usize - 1] += 1;
        }
    }

    /// How many findings are at `fail_on` or more severe.
    fn failing(&self, fail_on: FailOn) -> usize {
        let least = match fail_on {
            FailOn::Never => return 0,
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Information => Severity::Information,
            FailOn::Hint => Severity::Hint,
        };
        self.by_severity[..least as usize].iter().sum()
    }

    fn summary(&self, suppressed: usize) -> String {
        let names = ["error", "warning", "information", "hint"];
        let parts: Vec<String> = self
            .by_severity
            .iter()
            .zip(names)
            .filter(|(n, _)| **n > 0)
            .map(|(n, name)| format!("{n} {name}{}", if *n == 1 || name == "information" { "" } else { "s" }))
            .collect();
        let files = if self.files == 1 { "file" } else { "files" };
        let baseline = match suppressed {
            0 => String::new(),
            1 => " (1 more in the baseline)".to_string(),
            n => format!(" ({n} more in the baseline)"),
        };
        if parts.is_empty() {
            format!("Checked {} {files}: no findings{baseline}.", self.files)
        } else {
            format!("Checked {} {files}: {}{baseline}.", self.files, parts.join(", "))
        }
    }
}
