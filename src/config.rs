//! `newsls.toml`: rule severities, which files are articles, limits and the newsroom's glossary.
//! Read by the CLI (found from the checked path upward, or `--config`) and by the server (at each
//! workspace root), where client settings override it.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use toml::Spanned;

use crate::baseline::Baseline;
use crate::entities::{EntrySource, Glossary, GlossaryEntry};
use crate::files::DEFAULT_MAX_FILE_SIZE;
use crate::language::LanguageSetting;
use crate::locks::lock;
use crate::rules::{self, Rule, Severity};

pub const FILE_NAME: &str = "newsls.toml";

/// A rule's configured level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Hint,
    Information,
    Warning,
    Error,
}

impl Level {
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Off => None,
            Level::Hint => Some(Severity::Hint),
            Level::Information => Some(Severity::Information),
            Level::Warning => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }
}

/// The contents of a `newsls.toml`, or of the client's `newsls` settings section.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    #[serde(default)]
    pub rules: BTreeMap<String, Level>,
    /// Globs, relative to the configuration's folder, of the files that are articles.
    pub include: Option<Vec<String>>,
    /// Globs of files and folders never checked.
    pub exclude: Option<Vec<String>>,
    /// `exclude` applies to files and folders named on the command line too, as with
    /// `--force-exclude`.
    pub force_exclude: Option<bool>,
    /// In bytes; larger files are skipped with a message.
    pub max_file_size: Option<u64>,
    /// Entities of the newsroom's own (`[[glossary]]` tables).
    #[serde(default)]
    pub glossary: Vec<Spanned<GlossaryEntry>>,
    /// A TOML file of `[[glossary]]` tables, relative to this file's folder; its entries come
    /// after the ones written here.
    pub glossary_file: Option<PathBuf>,
    /// The baseline of accepted findings, relative to this file's folder (default
    /// [`DEFAULT_BASELINE`]): never reported, by the CLI or the server, and where the editor's
    /// "accept" action records a finding.
    pub baseline: Option<PathBuf>,
    /// The articles' language: `auto` (detected per article, the default), `en`, `es` or `pt`.
    pub language: Option<LanguageSetting>,
}

/// The baseline file of a folder when `newsls.toml` names none.
pub const DEFAULT_BASELINE: &str = ".newsls-baseline.json";

/// A file named by `glossary-file`: `[[glossary]]` tables and nothing else.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GlossaryFile {
    #[serde(default)]
    glossary: Vec<Spanned<GlossaryEntry>>,
}

/// A configuration problem, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    /// 1-based line and column, when the problem has a place.
    pub line_col: Option<(usize, usize)>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line_col {
            Some((line, col)) => write!(f, "{}:{line}:{col}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

/// Settings ready for use: every rule's severity and the file selection.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The folder globs are relative to.
    pub root: PathBuf,
    severities: Vec<(&'static str, Option<Severity>)>,
    include: GlobSet,
    exclude: GlobSet,
    /// Whether `exclude` also leaves out what is named on the command line.
    pub force_exclude: bool,
    pub max_file_size: u64,
    pub glossary: Arc<Glossary>,
    /// The file the glossary's entries come from besides the configuration itself.
    pub glossary_file: Option<PathBuf>,
    /// The baseline of accepted findings (it need not exist).
    pub baseline: PathBuf,
    /// What it records: empty until [`Settings::read_accepted`], and when it does not exist.
    pub accepted: Arc<Baseline>,
    pub language: LanguageSetting,
}

impl Settings {
    /// Defaults: every rule at its default severity, every `*.txt` file.
    pub fn defaults(root: &Path) -> Settings {
        Settings::from_file(root, &ConfigFile::default(), root).expect("the default settings are valid")
    }

    /// Settings from a parsed file; `origin` names it in errors.
    pub fn from_file(root: &Path, file: &ConfigFile, origin: &Path) -> Result<Settings, ConfigError> {
        let error = |message: String| ConfigError { path: origin.to_path_buf(), line_col: None, message };
        for name in file.rules.keys() {
            if rules::by_name(name).is_none() {
                let names: Vec<_> = rules::ALL.iter().map(|r| r.name).collect();
                return Err(error(format!("unknown rule {name:?} in [rules]; the rules are: {}", names.join(", "))));
            }
        }
        let severities = rules::ALL
            .iter()
            .map(|rule| (rule.name, file.rules.get(rule.name).map_or(Some(rule.default_severity), |l| l.severity())))
            .collect();
        let default_include = vec![format!("**/*.{}", crate::files::ARTICLE_EXTENSION)];
        let include = glob_set(file.include.as_ref().unwrap_or(&default_include)).map_err(error)?;
        let exclude = glob_set(file.exclude.as_deref().unwrap_or_default()).map_err(error)?;
        let glossary_file = file.glossary_file.as_ref().map(|name| origin.parent().unwrap_or(root).join(name));
        let mut entries = sourced_entries(&file.glossary, origin);
        if let Some(path) = &glossary_file {
            entries.extend(load_glossary_file(path)?);
        }
        let baseline = match &file.baseline {
            Some(name) => origin.parent().unwrap_or(root).join(name),
            None => root.join(DEFAULT_BASELINE),
        };
        Ok(Settings {
            root: root.to_path_buf(),
            baseline,
            accepted: Arc::default(),
            severities,
            include,
            exclude,
            force_exclude: file.force_exclude.unwrap_or(false),
            max_file_size: file.max_file_size.unwrap_or(DEFAULT_MAX_FILE_SIZE),
            glossary: Arc::new(Glossary::with_sources(entries)),
            glossary_file,
            language: file.language.unwrap_or_default(),
        })
    }

    /// Reads the baseline into `accepted` when the file exists. Apart from the settings, so
    /// that a broken baseline never stands in the way of the rest of the configuration, nor of
    /// `--write-baseline` replacing it.
    pub fn read_accepted(&mut self) -> Result<(), String> {
        if self.baseline.is_file() {
            self.accepted = Arc::new(Baseline::load(&self.baseline)?);
        }
        Ok(())
    }

    /// The severity a rule runs at, or `None` when it is off.
    pub fn severity_of(&self, rule: &Rule) -> Option<Severity> {
        self.severities.iter().find(|(name, _)| *name == rule.name).and_then(|(_, s)| *s)
    }

    /// Whether a file found by walking is an article to check.
    pub fn selects(&self, path: &Path) -> bool {
        self.includes(path) && !self.excludes(path)
    }

    /// Whether a file matches the `include` globs, excluded or not: [`crate::files::walk`], which
    /// has left out what `exclude` matches already, asks only this.
    /// A path relative to [`Settings::root`] is taken as it is.
    pub fn includes(&self, path: &Path) -> bool {
        let relative = path.strip_prefix(&self.root).unwrap_or(path);
        self.include.is_match(relative)
    }

    /// Whether a file or folder is excluded (an excluded folder is not walked). A path relative
    /// to [`Settings::root`] is taken as it is.
    pub fn excludes(&self, path: &Path) -> bool {
        let relative = path.strip_prefix(&self.root).unwrap_or(path);
        self.exclude.is_match(relative)
    }

    /// Whether `path`, named on the command line rather than found by a walk (which never enters
    /// an excluded folder), is excluded: it or a folder above it, up to the root, matches an
    /// `exclude` glob. A path outside the root is not.
    pub fn excludes_named(&self, path: &Path) -> bool {
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let Ok(relative) = absolute.strip_prefix(&self.root) else { return false };
        relative.ancestors().filter(|p| !p.as_os_str().is_empty()).any(|p| self.exclude.is_match(p))
    }

    /// Whether any `exclude` glob is configured: without one, the walk tests no folder.
    pub fn excludes_anything(&self) -> bool {
        !self.exclude.is_empty()
    }
}

fn glob_set(patterns: &[String]) -> Result<GlobSet, String> {
    let mut builder = GlobSetBuilder::new();
    for pattern in patterns {
        let glob = Glob::new(pattern).map_err(|e| format!("bad glob {pattern:?}: {}", e.kind()))?;
        builder.add(glob);
    }
    builder.build().map_err(|e| e.to_string())
}

fn sourced_entries(entries: &[Spanned<GlossaryEntry>], path: &Path) -> Vec<(GlossaryEntry, Option<EntrySource>)> {
    entries
        .iter()
        .map(|entry| {
            let source = EntrySource { path: path.to_path_buf(), offset: entry.span().start };
            (entry.get_ref().clone(), Some(source))
        })
        .collect()
}

/// A glossary of its own: a TOML file of `[[glossary]]` tables.
pub fn glossary_from_file(path: &Path) -> Result<Glossary, ConfigError> {
    load_glossary_file(path).map(Glossary::with_sources)
}

fn load_glossary_file(path: &Path) -> Result<Vec<(GlossaryEntry, Option<EntrySource>)>, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|err| ConfigError {
        path: path.to_path_buf(),
        line_col: None,
        message: format!("cannot read the glossary file: {err}"),
    })?;
    let file: GlossaryFile = parse_toml(&text, path)?;
    Ok(sourced_entries(&file.glossary, path))
}

/// Parses `newsls.toml` text; errors carry the line and column.
pub fn parse(text: &str, path: &Path) -> Result<ConfigFile, ConfigError> {
    parse_toml(text, path)
}

fn parse_toml<T: serde::de::DeserializeOwned>(text: &str, path: &Path) -> Result<T, ConfigError> {
    toml::from_str(text).map_err(|err| {
        let line_col = err.span().map(|span| {
            let before = &text[..span.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            (line, col)
        });
        ConfigError { path: path.to_path_buf(), line_col, message: err.message().to_string() }
    })
}

/// Reads and parses the configuration file at `path`.
pub fn read(path: &Path) -> Result<ConfigFile, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|err| ConfigError {
        path: path.to_path_buf(),
        line_col: None,
        message: format!("cannot read: {err}"),
    })?;
    parse(&text, path)
}

/// Reads and validates the configuration file at `path`, whose folder is the root of its globs.
pub fn load(path: &Path) -> Result<Settings, ConfigError> {
    let file = read(path)?;
    // Absolute, as walked paths are made before they are tested: `--config newsls.toml` has the
    // empty folder as its parent, which no absolute path starts with.
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let root = std::path::absolute(folder).unwrap_or_else(|_| folder.to_path_buf());
    Settings::from_file(&root, &file, path)
}

/// The nearest `newsls.toml` in `start` (a file's folder, or a folder) or above it.
pub fn find(start: &Path) -> Option<PathBuf> {
    let absolute = std::path::absolute(start).ok()?;
    let folder = if absolute.is_dir() { absolute.as_path() } else { absolute.parent()? };
    folder.ancestors().map(|dir| dir.join(FILE_NAME)).find(|candidate| candidate.is_file())
}

/// The settings that govern `start`: from the nearest `newsls.toml`, else the defaults rooted at
/// `start`'s folder.
pub fn discover(start: &Path) -> Result<Settings, ConfigError> {
    match find(start) {
        Some(path) => load(&path),
        None => Ok(defaults_at(start)),
    }
}

/// The defaults, rooted at `start`'s folder (`start` itself when it is one).
pub fn defaults_at(start: &Path) -> Settings {
    let folder = if start.is_dir() { start } else { start.parent().unwrap_or(Path::new(".")) };
    Settings::defaults(&std::path::absolute(folder).unwrap_or_else(|_| folder.to_path_buf()))
}

/// Reads a nested `newsls.toml` into settings rooted at its folder.
pub type LoadNested = dyn Fn(&Path) -> Result<Settings, ConfigError> + Send + Sync;

/// The settings of every folder of a tree: a `newsls.toml` governs its folder and everything
/// below it down to the next one, as ruff's configuration files do; a folder without one has
/// its parent's. So `newsls check .`, `newsls check sub/` and an editor opened at either agree on
/// every file. Each folder is looked at once; nested files are read only when `load` is given
/// (`--config` names one configuration for everything).
pub struct FolderSettings {
    /// Absolute; `top` governs it and the folders above.
    top_folder: PathBuf,
    top: Arc<Settings>,
    load: Option<Box<LoadNested>>,
    folders: std::sync::Mutex<std::collections::HashMap<PathBuf, Arc<Settings>>>,
    errors: std::sync::Mutex<Vec<ConfigError>>,
}

impl FolderSettings {
    /// `top` for `top_folder`, and the nested configurations `load` reads below it.
    pub fn new(top_folder: &Path, top: Arc<Settings>, load: Option<Box<LoadNested>>) -> FolderSettings {
        FolderSettings {
            top_folder: std::path::absolute(top_folder).unwrap_or_else(|_| top_folder.to_path_buf()),
            top,
            load,
            folders: Default::default(),
            errors: Default::default(),
        }
    }

    /// The settings of the top folder.
    pub fn top(&self) -> &Arc<Settings> {
        &self.top
    }

    /// The settings that govern the files of `folder`; a folder outside the top's has the top's.
    pub fn of_folder(&self, folder: &Path) -> Arc<Settings> {
        let absolute;
        let folder = if folder.is_absolute() {
            folder
        } else {
            absolute = std::path::absolute(folder).unwrap_or_else(|_| folder.to_path_buf());
            &absolute
        };
        if self.load.is_none() || folder == self.top_folder || !folder.starts_with(&self.top_folder) {
            return self.top.clone();
        }
        if let Some(known) = lock(&self.folders).get(folder) {
            return known.clone();
        }
        let parent = self.of_folder(folder.parent().unwrap_or(&self.top_folder));
        let candidate = folder.join(FILE_NAME);
        let settings = match self.load.as_ref().filter(|_| candidate.is_file()).map(|load| load(&candidate)) {
            Some(Ok(settings)) => Arc::new(settings),
            Some(Err(err)) => {
                lock(&self.errors).push(err);
                parent
            }
            None => parent,
        };
        lock(&self.folders).insert(folder.to_path_buf(), settings.clone());
        settings
    }

    /// The settings that govern `file`.
    pub fn of_file(&self, file: &Path) -> Arc<Settings> {
        self.of_folder(file.parent().unwrap_or(Path::new(".")))
    }

    /// The nested configurations read so far that could not be used (their folders have the
    /// settings above them), each once.
    pub fn take_errors(&self) -> Vec<ConfigError> {
        std::mem::take(&mut *lock(&self.errors))
    }

    /// The settings of the nested configurations read so far.
    pub fn nested(&self) -> Vec<Arc<Settings>> {
        let folders = lock(&self.folders);
        let mut nested: Vec<Arc<Settings>> = Vec::new();
        for settings in folders.values() {
            if !Arc::ptr_eq(settings, &self.top) && !nested.iter().any(|known| Arc::ptr_eq(known, settings)) {
                nested.push(settings.clone());
            }
        }
        nested
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severities_and_off() {
        let file =
            parse("[rules]\nunattributed-claim = \"off\"\nunbalanced-quote = \"error\"\n", Path::new("newsls.toml"))
                .unwrap();
        let settings = Settings::from_file(Path::new("/ws"), &file, Path::new("/ws/newsls.toml")).unwrap();
        assert_eq!(settings.severity_of(rules::by_name("unattributed-claim").unwrap()), None);
        assert_eq!(settings.severity_of(rules::by_name("unbalanced-quote").unwrap()), Some(Severity::Error));
        assert_eq!(settings.severity_of(rules::by_name("unattributed-quote").unwrap()), Some(Severity::Warning));
    }

    #[test]
    fn errors_name_line_and_problem() {
        let err = parse("[rules]\nunattributed-claim = \"loud\"\n", Path::new("newsls.toml")).unwrap_err();
        assert_eq!(err.line_col.map(|(l, _)| l), Some(2));
        assert!(err.message.contains("unknown variant"), "{}", err.message);
        let file = parse("[rules]\nno-such-rule = \"off\"\n", Path::new("newsls.toml")).unwrap();
        let err = Settings::from_file(Path::new("/ws"), &file, Path::new("/ws/newsls.toml")).unwrap_err();
        assert!(err.message.contains("unknown rule \"no-such-rule\""), "{}", err.message);
    }

    #[test]
    fn language_setting_defaults_to_auto_and_rejects_other_values() {
        let settings = Settings::defaults(Path::new("/ws"));
        assert_eq!(settings.language, LanguageSetting::Auto);
        let file = parse("language = \"pt\"\n", Path::new("newsls.toml")).unwrap();
        let settings = Settings::from_file(Path::new("/ws"), &file, Path::new("/ws/newsls.toml")).unwrap();
        assert_eq!(settings.language, LanguageSetting::Pt);
        let err = parse("language = \"Spanish\"\n", Path::new("newsls.toml")).unwrap_err();
        assert_eq!(err.line_col, Some((1, 12)));
        assert!(err.message.contains("expected one of `auto`, `en`, `es`, `pt`"), "{}", err.message);
    }

    #[test]
    fn include_and_exclude_globs() {
        let file =
            parse("include = [\"**/*.txt\", \"**/*.md\"]\nexclude = [\"archive/**\"]\n", Path::new("x")).unwrap();
        let settings = Settings::from_file(Path::new("/ws"), &file, Path::new("x")).unwrap();
        assert!(settings.selects(Path::new("/ws/news/a.md")));
        assert!(!settings.selects(Path::new("/ws/archive/old.txt")));
        assert!(!settings.selects(Path::new("/ws/news/a.doc")));
    }

    #[test]
    fn glossary_inline_and_from_a_named_file() {
        let dir = tempfile::tempdir().unwrap();
        let extra = "[[glossary]]\nname = \"Quito Water Board\"\naliases = [\"QWB\"]\n";
        std::fs::write(dir.path().join("glossary.toml"), extra).unwrap();
        let text = "glossary-file = \"glossary.toml\"\n\n[[glossary]]\nname = \"Andean Development Forum\"\naliases = [\"ADF\"]\nkind = \"organization\"\n";
        let origin = dir.path().join(FILE_NAME);
        let settings = Settings::from_file(dir.path(), &parse(text, &origin).unwrap(), &origin).unwrap();
        let names: Vec<_> = settings.glossary.entries().iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Andean Development Forum", "Quito Water Board"]);
        let first = settings.glossary.source(0).unwrap();
        assert_eq!((first.path.as_path(), &text[first.offset..first.offset + 12]), (origin.as_path(), "[[glossary]]"));
        assert_eq!(settings.glossary.source(1).unwrap().path, dir.path().join("glossary.toml"));
    }

    #[test]
    fn glossary_errors_name_the_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("g.toml"), "[[glossary]]\nname = \"X\"\ncolour = \"red\"\n").unwrap();
        let origin = dir.path().join(FILE_NAME);
        let file = parse("glossary-file = \"g.toml\"\n", &origin).unwrap();
        let err = Settings::from_file(dir.path(), &file, &origin).unwrap_err();
        assert_eq!((err.path.clone(), err.line_col.map(|(l, _)| l)), (dir.path().join("g.toml"), Some(3)), "{err}");
        let missing = parse("glossary-file = \"nowhere.toml\"\n", &origin).unwrap();
        let err = Settings::from_file(dir.path(), &missing, &origin).unwrap_err();
        assert!(err.message.contains("cannot read the glossary file"), "{err}");
        let err = parse("[[glossary]]\nname = 3\n", &origin).unwrap_err();
        assert_eq!(err.line_col.map(|(l, _)| l), Some(2));
    }
}
