//! The server's shared state: workspace roots and their settings, analysis scheduling, ordered
//! publishing, and the workspace index of every article's entities (open and closed).

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock, Mutex, OnceLock, RwLock};
use std::time::Duration;

use dashmap::DashMap;
use futures::FutureExt;
use rayon::prelude::*;
use rustc_hash::FxHashSet;
use tower_lsp_server::Client;
use tower_lsp_server::ls_types::{
    Diagnostic, DidChangeWatchedFilesRegistrationOptions, FileSystemWatcher, GlobPattern, MessageType, ProgressToken,
    PublishDiagnosticsParams, Registration, Uri,
};

use super::analyses::{AnalysisCache, DocumentAnalysis, Unavailable};
use super::documents::DocumentStore;
use super::settings::ClientSettings;
use super::transport::Outbox;
use super::watch::Watcher;
use crate::analysis::{Analysis, Context};
use crate::baseline;
use crate::config::{self, ConfigFile, FolderSettings, Settings};
use crate::entities::KnownPeople;
use crate::files;
use crate::locks;
use crate::protocol::{self, Document};
use crate::rules::Finding;
use crate::text::{LineIndex, PositionEncoding};
use crate::workspace::{IndexedArticle, WorkspaceIndex};

/// What the client said it can do, in `initialize`.
#[derive(Clone, Copy, Debug, Default)]
pub struct ClientFlags {
    pub work_done_progress: bool,
    pub dynamic_watch: bool,
    pub configuration: bool,
    /// `experimental.selectPlaceholder`: the client runs the `newsls.selectPlaceholder` command
    /// (select a range) after a fix, so the writer types over `[source]` as in a snippet.
    pub select_placeholder: bool,
    /// `textDocument.hover.contentFormat` offers plain text but not Markdown.
    pub plaintext_hover: bool,
    /// `workspace.codeLens.refreshSupport`: the client asks for code lenses again when told to.
    pub code_lens_refresh: bool,
}

/// What a workspace folder had when its configuration last read well.
struct LastGood {
    file: ConfigFile,
    settings: Arc<Settings>,
}

/// A workspace folder with its `newsls.toml` (the last good one) and effective settings, and
/// those of its subfolders with a `newsls.toml` of their own.
pub struct Root {
    pub path: PathBuf,
    file: ConfigFile,
    folders: Arc<FolderSettings>,
    /// The glossary file `newsls.toml` names, watched even while it is missing or broken (when
    /// `settings` had to do without it), so that its return applies.
    glossary_file: Option<PathBuf>,
}

/// Open documents up to this size are analysed on the runtime's worker, larger ones on a blocking thread.
const INLINE_ANALYSIS_BYTES: usize = 64 * 1024;
/// Files analysed per indexing step, between progress reports.
const INDEX_BATCH: usize = 512;
/// How long to wait for a client's answer before going on without it.
const CLIENT_ANSWER_TIMEOUT: Duration = Duration::from_secs(2);

/// One indexing run under way, counted in while it lives, however it ends.
struct IndexingRun<'a>(&'a AtomicUsize);

impl<'a> IndexingRun<'a> {
    fn start(runs: &'a AtomicUsize) -> IndexingRun<'a> {
        runs.fetch_add(1, Ordering::AcqRel);
        IndexingRun(runs)
    }
}

impl Drop for IndexingRun<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

pub struct State {
    pub client: Client,
    /// Where diagnostics go when serving over stdio; else through `client`.
    outbox: Option<Outbox>,
    pub documents: Arc<DocumentStore>,
    /// The open documents' analyses at their current versions.
    pub analyses: AnalysisCache,
    pub roots: RwLock<Vec<Root>>,
    pub client_settings: RwLock<ClientSettings>,
    /// The settings of files outside every workspace folder, by folder: made once per folder
    /// (its baseline read once) so that such a file's cached analysis is reused; forgotten when
    /// the client settings or the folders change.
    outside_settings: DashMap<PathBuf, Arc<Settings>>,
    /// Baselines as the server last wrote them (accepting a finding): the watcher's report of
    /// that write is not a change to re-index the workspace for.
    own_writes: DashMap<PathBuf, Vec<u8>>,
    /// Baselines of nested configurations that did not read, said after the next walk.
    baseline_troubles: Arc<std::sync::Mutex<Vec<String>>>,
    pub flags: RwLock<ClientFlags>,
    /// Bumped by every edit or file event of a document; an analysis publishes only if its
    /// generation is still the newest, so stale diagnostics never overwrite fresh ones.
    generations: DashMap<Uri, u64>,
    publish_lock: tokio::sync::Mutex<()>,
    /// Closed articles known to the index.
    pub indexed: DashMap<Uri, PathBuf>,
    /// Every article's entities; made at the first use after `initialize`, in the negotiated
    /// position encoding.
    workspace: OnceLock<WorkspaceIndex<Uri>>,
    panic_reported: AtomicBool,
    progress_tokens: AtomicU64,
    /// Indexing runs under way: until they end, counts of mentioning articles are partial.
    indexing_runs: AtomicUsize,
    pub watcher: Mutex<Option<Watcher>>,
}

/// The file a `file:` URI names; `None` for any other scheme (`untitled:`, `https:`), which the
/// conversion alone would read as a local path ("https://example.com/" as `/`).
pub fn path_of(uri: &Uri) -> Option<PathBuf> {
    let is_file = uri.scheme().as_str().eq_ignore_ascii_case("file");
    is_file.then(|| uri.to_file_path().map(|p| p.into_owned())).flatten()
}

/// Fault injection for the tests that prove a panic is contained: analysis of a text containing
/// this variable's value panics.
const PANIC_MARKER_VARIABLE: &str = "NEWSLS_TEST_PANIC_MARKER";
static PANIC_MARKER: LazyLock<Option<String>> =
    LazyLock::new(|| std::env::var(PANIC_MARKER_VARIABLE).ok().filter(|m| !m.is_empty()));

/// What the server keeps of one analysis: the diagnostics to publish and the entities to index.
pub struct Analysed {
    pub diagnostics: Vec<Diagnostic>,
    pub entities: IndexedArticle,
}

/// What an analysis in the workspace knows besides its text: the root's glossary and language,
/// and the people other articles introduce.
pub fn context<'a>(settings: &'a Settings, people: &'a KnownPeople) -> Context<'a> {
    Context { glossary: &settings.glossary, people: Some(people), language: settings.language }
}

/// The findings of `analysis` the editor shows: at their configured severities, less those the
/// baseline accepts for the file at `path`.
pub fn shown_findings(analysis: &Analysis, settings: &Settings, path: Option<&Path>) -> Vec<Finding> {
    let mut findings = analysis.findings(|rule| settings.severity_of(rule));
    if !settings.accepted.is_empty()
        && let Some(path) = path
    {
        let relative = baseline::relative_path(path, &settings.root);
        let mut accepted = (*settings.accepted).clone();
        findings
            .retain(|f| !accepted.suppresses(&baseline::fingerprint(f.rule.name, &relative, analysis.text, f.span)));
    }
    findings
}

/// Analyses one text in the workspace's context. May panic, as any analysis may: callers run it
/// under [`contained`].
pub fn analyse_text<'t>(text: &'t str, settings: &Settings, people: &KnownPeople) -> Analysis<'t> {
    if let Some(marker) = PANIC_MARKER.as_deref()
        && text.contains(marker)
    {
        panic!("injected fault: the text contains {marker:?}");
    }
    Analysis::with_context(text, context(settings, people))
}

/// Runs `work`, or returns the panic message if it panicked.
pub fn contained<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(work)).map_err(|panic| {
        panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into())
    })
}

/// What the editor shows of an analysis of `uri`: the diagnostics of the findings it shows, and
/// its entities to index.
fn diagnose(
    analysis: &Analysis,
    findings: &[Finding],
    lines: &LineIndex,
    uri: &Uri,
    encoding: PositionEncoding,
) -> Analysed {
    let document = Document { text: analysis.text, lines, encoding };
    let diagnostics = findings.iter().map(|f| protocol::diagnostic(f, &document, Some(uri))).collect();
    Analysed { diagnostics, entities: IndexedArticle::new(analysis.text, &analysis.entities, encoding) }
}

/// Runs `work` here when it is about `bytes` of text an ordinary article has (well under a
/// millisecond, not worth the hop), else on a blocking thread so that a long document does not
/// hold up the runtime's workers. `None` when the runtime is shutting down.
async fn off_the_runtime_if_long<T: Send + 'static>(
    bytes: usize,
    work: impl FnOnce() -> T + Send + 'static,
) -> Option<T> {
    if bytes <= INLINE_ANALYSIS_BYTES { Some(work()) } else { tokio::task::spawn_blocking(work).await.ok() }
}

impl State {
    pub fn new(client: Client, documents: Arc<DocumentStore>, outbox: Option<Outbox>) -> State {
        State {
            client,
            outbox,
            documents,
            analyses: AnalysisCache::default(),
            roots: RwLock::new(Vec::new()),
            client_settings: RwLock::new(ClientSettings::default()),
            outside_settings: DashMap::new(),
            own_writes: DashMap::new(),
            baseline_troubles: Arc::default(),
            flags: RwLock::new(ClientFlags::default()),
            generations: DashMap::new(),
            publish_lock: tokio::sync::Mutex::new(()),
            indexed: DashMap::new(),
            workspace: OnceLock::new(),
            panic_reported: AtomicBool::new(false),
            progress_tokens: AtomicU64::new(0),
            indexing_runs: AtomicUsize::new(0),
            watcher: Mutex::new(None),
        }
    }

    pub fn flags(&self) -> ClientFlags {
        *locks::read(&self.flags)
    }

    pub fn workspace(&self) -> &WorkspaceIndex<Uri> {
        self.workspace.get_or_init(|| WorkspaceIndex::new(self.documents.encoding()))
    }

    pub fn closed_file_diagnostics(&self) -> bool {
        locks::read(&self.client_settings).diagnostics.closed_files
    }

    /// The settings of the root holding `path` (the innermost), else the defaults with the
    /// client's settings over them.
    pub fn settings_for(&self, path: Option<&Path>) -> Arc<Settings> {
        path.and_then(|path| self.root_settings(path)).unwrap_or_else(|| {
            let root = path.and_then(Path::parent).unwrap_or(Path::new("/"));
            let settings = self.outside_settings.entry(root.to_path_buf()).or_insert_with(|| {
                // The nearest newsls.toml above, as `newsls check` finds it (not watched: no
                // workspace folder holds it), else the defaults; the client's settings over either.
                let configured = config::find(root).and_then(|file| {
                    let folder = file.parent()?.to_path_buf();
                    self.config_loader(&folder)(&file).ok()
                });
                Arc::new(configured.unwrap_or_else(|| {
                    let merged = locks::read(&self.client_settings).over(&ConfigFile::default());
                    let mut settings = Settings::from_file(root, &merged, Path::new("client settings"))
                        .unwrap_or_else(|_| Settings::defaults(root));
                    // Its folder's baseline applies if it reads.
                    settings.read_accepted().ok();
                    settings
                }))
            });
            settings.clone()
        })
    }

    /// The settings that govern `path` in the innermost workspace folder holding it, if one does:
    /// the nearest `newsls.toml` above it in that folder.
    fn root_settings(&self, path: &Path) -> Option<Arc<Settings>> {
        let folders = self.folders_holding(path)?;
        Some(folders.of_file(path))
    }

    /// The settings of the folders of the innermost workspace folder holding `path`.
    fn folders_holding(&self, path: &Path) -> Option<Arc<FolderSettings>> {
        self.with_root_holding(path, |root| root.folders.clone())
    }

    /// The innermost workspace folder holding `path`.
    pub fn workspace_folder_of(&self, path: &Path) -> Option<PathBuf> {
        self.with_root_holding(path, |root| root.path.clone())
    }

    fn with_root_holding<T>(&self, path: &Path, f: impl FnOnce(&Root) -> T) -> Option<T> {
        let roots = locks::read(&self.roots);
        let root = roots.iter().filter(|r| path.starts_with(&r.path)).max_by_key(|r| r.path.as_os_str().len())?;
        Some(f(root))
    }

    /// Sets the workspace folders, keeping the last good configuration of folders already known.
    pub async fn set_roots(&self, paths: Vec<PathBuf>) {
        let previous: Vec<(PathBuf, LastGood)> = locks::read(&self.roots)
            .iter()
            .map(|r| (r.path.clone(), LastGood { file: r.file.clone(), settings: r.folders.top().clone() }))
            .collect();
        let mut roots = Vec::new();
        let mut errors = Vec::new();
        for path in paths {
            let last_good = previous.iter().find(|(p, _)| *p == path).map(|(_, last)| last);
            let (root, root_errors) = self.load_root(path, last_good);
            roots.push(root);
            errors.extend(root_errors);
        }
        *locks::write(&self.roots) = roots;
        self.forget_outside_settings();
        for error in errors {
            self.client.show_message(MessageType::ERROR, format!("newsls: {error}")).await;
        }
    }

    /// Re-reads every root's `newsls.toml`.
    pub async fn reload_roots(&self) {
        let paths = locks::read(&self.roots).iter().map(|r| r.path.clone()).collect();
        self.set_roots(paths).await;
    }

    /// The root's settings, and what went wrong reading its configuration and its baseline,
    /// each said with what the server does instead: a broken `newsls.toml` or glossary file
    /// leaves the last good settings in force (the defaults, the first time).
    fn load_root(&self, path: PathBuf, last_good: Option<&LastGood>) -> (Root, Vec<String>) {
        let config_path = path.join(config::FILE_NAME);
        let parsed = match std::fs::read_to_string(&config_path) {
            Ok(text) => config::parse(&text, &config_path),
            Err(_) => Ok(ConfigFile::default()),
        };
        let last_good_file = last_good.map(|last| last.file.clone()).unwrap_or_default();
        // Watched even when it is what broke, so that its repair applies.
        let glossary_file = parsed.as_ref().unwrap_or(&last_good_file).glossary_file.as_ref().map(|n| path.join(n));
        let loaded = parsed.and_then(|file| {
            let merged = locks::read(&self.client_settings).over(&file);
            Settings::from_file(&path, &merged, &config_path).map(|settings| (file, settings))
        });
        let (file, mut settings, mut errors) = match loaded {
            Ok((file, settings)) => (file, settings, Vec::new()),
            Err(err) => {
                // The last good file under the client's settings of now; if that fails too (its
                // glossary file is what went missing), the last good settings as they were.
                let merged = locks::read(&self.client_settings).over(&last_good_file);
                let settings = Settings::from_file(&path, &merged, &config_path)
                    .ok()
                    .or_else(|| last_good.map(|last| (*last.settings).clone()))
                    .unwrap_or_else(|| Settings::defaults(&path));
                (last_good_file, settings, vec![format!("{err} (going on with the last good settings)")])
            }
        };
        if let Err(message) = settings.read_accepted() {
            errors.push(format!("{message}; until then, no finding is taken as accepted"));
        }
        let folders = Arc::new(FolderSettings::new(&path, Arc::new(settings), Some(self.config_loader(&path))));
        (Root { path, file, folders, glossary_file }, errors)
    }

    /// Reads a `newsls.toml` below the workspace folder `root` (or outside every one, in its
    /// folder `root`) as the CLI does, with the client's settings over it; a glossary file or
    /// baseline the client names stays `root`'s. A baseline that does not read is no reason to
    /// refuse the rest: it is said after the walk, as a root's is.
    fn config_loader(&self, root: &Path) -> Box<config::LoadNested> {
        let mut client = locks::read(&self.client_settings).clone();
        client.glossary_file = client.glossary_file.map(|file| root.join(file));
        client.baseline = client.baseline.map(|file| root.join(file));
        let troubles = self.baseline_troubles.clone();
        Box::new(move |path: &Path| {
            let merged = client.over(&config::read(path)?);
            let mut settings = Settings::from_file(path.parent().unwrap_or(Path::new("/")), &merged, path)?;
            if let Err(message) = settings.read_accepted() {
                let mut troubles = locks::lock(&troubles);
                troubles.push(format!("{message}; until then, no finding under it is taken as accepted"));
            }
            Ok(settings)
        })
    }

    /// Asks the client for the `newsls` settings section, if it can answer; never waits long.
    pub async fn pull_client_settings(&self) {
        if !self.flags().configuration {
            return;
        }
        let item = tower_lsp_server::ls_types::ConfigurationItem { scope_uri: None, section: Some("newsls".into()) };
        let answer = tokio::time::timeout(CLIENT_ANSWER_TIMEOUT, self.client.configuration(vec![item])).await;
        if let Ok(Ok(values)) = answer
            && let Some(value) = values.into_iter().next()
        {
            self.apply_client_settings(value).await;
        }
    }

    /// Takes settings the client sent; bad ones are reported and the last good kept.
    pub async fn apply_client_settings(&self, value: serde_json::Value) {
        if value.is_null() {
            return;
        }
        match serde_json::from_value::<ClientSettings>(value) {
            Ok(settings) => {
                *locks::write(&self.client_settings) = settings;
                self.forget_outside_settings();
            }
            Err(err) => {
                self.client
                    .show_message(
                        MessageType::ERROR,
                        format!("newsls: bad client settings: {err} (going on with the last good settings)"),
                    )
                    .await;
            }
        }
    }

    fn forget_outside_settings(&self) {
        self.outside_settings.clear();
    }

    fn bump(&self, uri: &Uri) -> u64 {
        let mut entry = self.generations.entry(uri.clone()).or_insert(0);
        *entry += 1;
        *entry
    }

    fn is_current(&self, uri: &Uri, generation: u64) -> bool {
        self.generations.get(uri).is_some_and(|g| *g == generation)
    }

    /// Publishes diagnostics unless a newer edit or file event has superseded them.
    async fn publish(&self, uri: Uri, version: Option<i32>, generation: u64, diagnostics: Vec<Diagnostic>) {
        let _ordered = self.publish_lock.lock().await;
        if self.is_current(&uri, generation) {
            self.send_diagnostics(uri, diagnostics, version).await;
        }
    }

    async fn send_diagnostics(&self, uri: Uri, diagnostics: Vec<Diagnostic>, version: Option<i32>) {
        match &self.outbox {
            Some(outbox) => {
                let params = PublishDiagnosticsParams::new(uri, diagnostics, version);
                outbox.notify("textDocument/publishDiagnostics", &params);
            }
            None => self.client.publish_diagnostics(uri, diagnostics, version).await,
        }
    }

    /// Publishes a batch of closed articles' diagnostics under one acquisition of the lock.
    async fn publish_closed(&self, batch: Vec<(Uri, u64, Vec<Diagnostic>)>) {
        let _ordered = self.publish_lock.lock().await;
        for (uri, generation, diagnostics) in batch {
            if self.is_current(&uri, generation) {
                self.send_diagnostics(uri, diagnostics, None).await;
            }
        }
    }

    async fn report_panic(&self, uri: &Uri, message: &str) {
        self.client
            .log_message(MessageType::ERROR, format!("newsls: analysis of {} panicked: {message}", uri.as_str()))
            .await;
        if !self.panic_reported.swap(true, Ordering::SeqCst) {
            self.client
                .show_message(
                    MessageType::ERROR,
                    "newsls hit an internal error analysing a document; its diagnostics are cleared and the server \
                     goes on. The log has details: please report it.",
                )
                .await;
        }
    }

    /// The analysis of open document `uri` at its current text, settings and known people: made
    /// once and shared by the diagnostics and every request until one of them changes. `None`
    /// when the document is not open.
    pub async fn current_analysis(&self, uri: &Uri) -> Option<Result<Arc<DocumentAnalysis>, Unavailable>> {
        let edition = self.documents.edition(uri)?;
        let path = path_of(uri);
        let settings = self.settings_for(path.as_deref());
        let people = self.workspace().known_people_for(Some(uri));
        let inputs = (settings.clone(), people.clone());
        let make = || async move {
            // Copied only now: a cached analysis needs no copy of a long text.
            let Some((text, version)) = self.documents.snapshot(uri) else { return Err(Unavailable::Closed) };
            let bytes = text.len();
            let analyse = move || {
                contained(|| Arc::new(DocumentAnalysis::new(text, version, path, inputs.0, inputs.1)))
                    .map_err(Unavailable::Panicked)
            };
            off_the_runtime_if_long(bytes, analyse).await.unwrap_or(Err(Unavailable::ShuttingDown))
        };
        Some(self.analyses.get_or_make(uri, edition, settings, people, make).await)
    }

    /// Analyses an open document off the protocol task and publishes its diagnostics.
    pub fn schedule(self: &Arc<Self>, uri: Uri) {
        let generation = self.bump(&uri);
        let state = self.clone();
        tokio::spawn(async move {
            if !state.is_current(&uri, generation) {
                return;
            }
            let Some(current) = state.current_analysis(&uri).await else { return };
            let encoding = state.documents.encoding();
            let result = match current {
                Ok(current) => {
                    let (target, version, bytes) = (uri.clone(), current.version, current.text().len());
                    let diagnose = move || {
                        contained(|| {
                            diagnose(current.analysis(), current.shown_findings(), &current.lines, &target, encoding)
                        })
                    };
                    let Some(result) = off_the_runtime_if_long(bytes, diagnose).await else { return };
                    result.map(|analysed| (analysed, version))
                }
                Err(Unavailable::Panicked(panic)) => Err(panic),
                Err(Unavailable::Closed | Unavailable::ShuttingDown) => return,
            };
            match result {
                Ok((analysed, version)) => {
                    if state.is_current(&uri, generation) {
                        state.workspace().insert(uri.clone(), analysed.entities);
                    }
                    state.publish(uri, Some(version), generation, analysed.diagnostics).await
                }
                Err(panic) => {
                    let version = state.documents.version(&uri);
                    state.report_panic(&uri, &panic).await;
                    state.publish(uri, version, generation, Vec::new()).await;
                }
            }
        });
    }

    /// Analyses a closed article from disk, or clears it if it is gone or no longer selected.
    pub fn refresh_from_disk(self: &Arc<Self>, path: PathBuf) {
        let Some(uri) = Uri::from_file_path(&path) else { return };
        if self.documents.is_open(&uri) {
            return;
        }
        let generation = self.bump(&uri);
        let state = self.clone();
        tokio::spawn(async move {
            let settings = state.settings_for(Some(&path));
            let selected = path.is_file() && settings.selects(&path);
            if !selected {
                state.workspace().remove(&uri);
                if state.indexed.remove(&uri).is_some() {
                    state.publish(uri, None, generation, Vec::new()).await;
                }
                return;
            }
            state.indexed.insert(uri.clone(), path.clone());
            let people = state.workspace().known_people_for(Some(&uri));
            let encoding = state.documents.encoding();
            let target = uri.clone();
            let analysis = move || analyse_file(&path, &settings, &people, &target, encoding);
            match tokio::task::spawn_blocking(analysis).await {
                Ok(Some(Ok(analysed))) if state.is_current(&uri, generation) => {
                    state.workspace().insert(uri.clone(), analysed.entities);
                    if state.closed_file_diagnostics() {
                        state.publish(uri, None, generation, analysed.diagnostics).await;
                    }
                }
                Ok(Some(Err(panic))) => {
                    state.report_panic(&uri, &panic).await;
                    state.publish(uri, None, generation, Vec::new()).await;
                }
                _ => {}
            }
        });
    }

    /// Clears a document's diagnostics and forgets its entities.
    pub async fn clear(&self, uri: Uri) {
        self.workspace().remove(&uri);
        let generation = self.bump(&uri);
        self.publish(uri, None, generation, Vec::new()).await;
    }

    /// Clears every indexed article under `path` (a deleted file or folder, a removed root).
    pub async fn forget_under(&self, path: &Path) {
        // An open document follows its buffer, not the disk: deleted there (a branch switched
        // under the editor), it keeps its diagnostics until it is closed.
        self.forget_closed(|indexed| indexed.starts_with(path)).await;
    }

    /// Clears every indexed article whose path `gone` picks, unless it is open.
    async fn forget_closed(&self, gone: impl Fn(&Path) -> bool) {
        let gone: Vec<Uri> = self
            .indexed
            .iter()
            .filter(|e| gone(e.value()) && !self.documents.is_open(e.key()))
            .map(|e| e.key().clone())
            .collect();
        for uri in gone {
            self.indexed.remove(&uri);
            self.workspace().remove(&uri);
            let generation = self.bump(&uri);
            self.publish(uri, None, generation, Vec::new()).await;
        }
    }

    /// Re-analyses every open document and the whole index (after a settings change).
    pub async fn reanalyse_everything(self: &Arc<Self>) {
        for uri in self.documents.open_uris() {
            self.schedule(uri);
        }
        let roots: Vec<PathBuf> = locks::read(&self.roots).iter().map(|r| r.path.clone()).collect();
        self.index_in_background(roots);
    }

    /// [`Self::index`] on a task of its own: a notification's handler that waited for it (over a
    /// large folder, seconds; over `/`, for ever) would hold up the requests behind it, and `exit`.
    pub fn index_in_background(self: &Arc<Self>, roots: Vec<PathBuf>) {
        let state = self.clone();
        tokio::spawn(async move { state.index(roots).await });
    }

    /// Indexes every article under `roots` in the background. Work-done progress is shown once
    /// the client has accepted its token; indexing never waits for that answer.
    pub async fn index(self: &Arc<Self>, roots: Vec<PathBuf>) {
        let run = IndexingRun::start(&self.indexing_runs);
        let mut pending_progress =
            self.flags().work_done_progress.then(|| tokio::spawn(self.clone().create_progress()));
        let mut progress = None;
        let state = self.clone();
        let walked = roots.clone();
        let listed = tokio::task::spawn_blocking(move || {
            let mut found = Vec::new();
            let mut errors = Vec::new();
            for root in walked {
                let Some(folders) = state.folders_holding(&root) else { continue };
                let (paths, _errors) = files::walk(&root, &folders);
                found.extend(paths);
                errors.extend(folders.take_errors());
            }
            (found, errors)
        })
        .await
        .unwrap_or_default();
        let (listed, config_errors) = listed;
        for error in config_errors {
            self.client
                .show_message(MessageType::ERROR, format!("newsls: {error} (going on with the settings above it)"))
                .await;
        }
        let baseline_troubles = std::mem::take(&mut *locks::lock(&self.baseline_troubles));
        for trouble in baseline_troubles {
            self.client.show_message(MessageType::ERROR, format!("newsls: {trouble}")).await;
        }
        // What the walk no longer selects (an exclude put back, a file deleted unseen) goes.
        let selected: FxHashSet<&Path> = listed.iter().map(|(path, _)| path.as_path()).collect();
        self.forget_closed(|path| roots.iter().any(|root| path.starts_with(root)) && !selected.contains(path)).await;
        let listed = Arc::new(listed);
        let total = listed.len();
        let closed_files = self.closed_file_diagnostics();
        let encoding = self.documents.encoding();
        let mut done = 0;
        // Batch k+1 is analysed on the blocking pool while batch k is published; each batch knows
        // the people the batches before it introduced.
        let analyse_batch = |range: std::ops::Range<usize>| {
            let batch = listed.clone();
            let state = self.clone();
            tokio::task::spawn_blocking(move || {
                // Built here, off the protocol's threads: over a large workspace it takes milliseconds.
                let people = state.workspace().known_people();
                batch[range]
                    .par_iter()
                    .filter_map(|(path, settings)| {
                        let uri = Uri::from_file_path(path)?;
                        let analysed = analyse_file(path, settings, &people, &uri, encoding);
                        Some((uri, path.clone(), analysed))
                    })
                    .collect::<Vec<_>>()
            })
        };
        let mut next = (total > 0).then(|| analyse_batch(0..INDEX_BATCH.min(total)));
        while let Some(current) = next.take() {
            let end = (done + INDEX_BATCH).min(total);
            let analysed = current.await.unwrap_or_default();
            let mut publishable = Vec::new();
            let mut entities = Vec::new();
            for (uri, path, analysed) in analysed {
                if self.documents.is_open(&uri) {
                    continue;
                }
                let known = self.indexed.insert(uri.clone(), path).is_some();
                match analysed {
                    Some(Ok(analysed)) => {
                        if closed_files && (known || !analysed.diagnostics.is_empty()) {
                            let generation = self.bump(&uri);
                            publishable.push((uri.clone(), generation, analysed.diagnostics));
                        }
                        entities.push((uri, analysed.entities));
                    }
                    Some(Err(panic)) => self.report_panic(&uri, &panic).await,
                    None => {}
                }
            }
            self.workspace().insert_many(entities);
            if end < total {
                next = Some(analyse_batch(end..(end + INDEX_BATCH).min(total)));
            }
            self.publish_closed(publishable).await;
            done = end;
            if progress.is_none() && pending_progress.as_ref().is_some_and(|p| p.is_finished()) {
                progress = pending_progress.take().and_then(|p| p.now_or_never()).and_then(|r| r.ok()).flatten();
            }
            if let Some(progress) = &progress {
                let percentage = (done * 100 / total.max(1)) as u32;
                progress.report_with_message(format!("{done}/{total} articles"), percentage).await;
            }
        }
        if progress.is_none()
            && let Some(pending) = pending_progress
        {
            progress = pending.await.ok().flatten();
        }
        if let Some(progress) = progress {
            progress.finish_with_message(format!("{total} articles indexed")).await;
        }
        drop(run);
        if self.flags().code_lens_refresh && !self.is_indexing() {
            // Lenses shown while indexing counted only the articles indexed by then.
            let client = self.client.clone();
            tokio::spawn(async move { tokio::time::timeout(CLIENT_ANSWER_TIMEOUT, client.code_lens_refresh()).await });
        }
    }

    /// Whether the workspace is still being indexed, so that what it counts is not yet complete.
    pub fn is_indexing(&self) -> bool {
        self.indexing_runs.load(Ordering::Acquire) > 0
    }

    async fn create_progress(
        self: Arc<Self>,
    ) -> Option<tower_lsp_server::OngoingProgress<tower_lsp_server::Bounded, tower_lsp_server::NotCancellable>> {
        let token =
            ProgressToken::String(format!("newsls-index-{}", self.progress_tokens.fetch_add(1, Ordering::Relaxed)));
        let created =
            tokio::time::timeout(CLIENT_ANSWER_TIMEOUT, self.client.create_work_done_progress(token.clone())).await;
        if !matches!(created, Ok(Ok(()))) {
            return None;
        }
        Some(self.client.progress(token, "Indexing articles").with_percentage(0).begin().await)
    }

    /// Watches article and configuration files: through the client when it can register
    /// watchers dynamically (without waiting for its answer), else with a server-side watcher.
    pub fn watch(self: &Arc<Self>) {
        if self.flags().dynamic_watch {
            let client = self.client.clone();
            tokio::spawn(async move {
                // `*.toml`, not only newsls.toml: the glossary file a configuration names is one
                // too; `*.json` for the baseline.
                let watchers = ["**/*.txt", "**/*.toml", "**/*.json"]
                    .iter()
                    .map(|glob| FileSystemWatcher { glob_pattern: GlobPattern::String(glob.to_string()), kind: None })
                    .collect();
                let options = DidChangeWatchedFilesRegistrationOptions { watchers };
                let registration = Registration {
                    id: "newsls-watch".into(),
                    method: "workspace/didChangeWatchedFiles".into(),
                    register_options: serde_json::to_value(options).ok(),
                };
                let _ = client.register_capability(vec![registration]).await;
            });
            return;
        }
        let roots: Vec<PathBuf> = locks::read(&self.roots).iter().map(|r| r.path.clone()).collect();
        let handle = tokio::runtime::Handle::current();
        let state = Arc::downgrade(self);
        let watcher = Watcher::start(&roots, move |paths| {
            if let Some(state) = state.upgrade() {
                handle.spawn(async move { state.files_changed(paths).await });
            }
        });
        match watcher {
            Ok(watcher) => *locks::lock(&self.watcher) = Some(watcher),
            Err(err) => {
                let client = self.client.clone();
                tokio::spawn(async move {
                    client.log_message(MessageType::WARNING, format!("newsls: cannot watch files: {err}")).await;
                });
            }
        }
    }

    /// The text of an article: the editor's if it is open, else the file's.
    pub fn article_text(&self, uri: &Uri) -> Result<String, String> {
        if let Some((text, _)) = self.documents.snapshot(uri) {
            return Ok(text);
        }
        let path = path_of(uri).ok_or("not a file")?;
        let settings = self.settings_for(Some(&path));
        files::read_article(&path, settings.max_file_size).map(|a| a.text).map_err(|e| e.to_string())
    }

    /// Records a finding of `uri` in its workspace's baseline, so that neither the editor nor
    /// `newsls check` reports it again, and analyses the document anew.
    pub async fn accept(
        self: &Arc<Self>,
        uri: Uri,
        rule: &str,
        range: tower_lsp_server::ls_types::Range,
    ) -> Result<(), String> {
        let path = path_of(&uri).ok_or("Only findings of files can be accepted.")?;
        let settings = self.root_settings(&path).ok_or_else(|| {
            format!("{} is outside the workspace folders: its findings cannot be accepted.", path.display())
        })?;
        let relative = baseline::relative_path(&path, &settings.root);
        let encoding = self.documents.encoding();
        // Only a finding the editor shows now: not a stale one, nor one accepted already. An open
        // document's are in its current analysis; a closed file's come from its saved text.
        let entry = match self.current_analysis(&uri).await {
            Some(Ok(current)) => {
                let document = Document { text: current.text(), lines: &current.lines, encoding };
                accepted_entry(current.shown_findings(), rule, &relative, &document, range)
            }
            Some(Err(_)) => return Err("newsls could not analyse the document: nothing was accepted.".into()),
            None => {
                let text = self.article_text(&uri)?;
                let lines = LineIndex::new(&text);
                let document = Document { text: &text, lines: &lines, encoding };
                let people = self.workspace().known_people_for(Some(&uri));
                let findings =
                    contained(|| shown_findings(&analyse_text(&text, &settings, &people), &settings, Some(&path)))
                        .map_err(|_| "newsls hit an internal error analysing the file: nothing was accepted.")?;
                accepted_entry(&findings, rule, &relative, &document, range)
            }
        }
        .ok_or_else(|| format!("No {rule} finding is shown there now: nothing to accept."))?;
        let written = baseline::accept(&settings.baseline, entry)?;
        self.own_writes.insert(settings.baseline.clone(), written);
        self.reload_roots().await;
        if self.documents.is_open(&uri) {
            self.schedule(uri);
        } else {
            self.refresh_from_disk(path);
        }
        Ok(())
    }

    /// Whether `path` is a `newsls.toml`, or the glossary file or the baseline a root's
    /// configuration or a nested one names.
    fn is_configuration(&self, path: &Path) -> bool {
        let named = |settings: &Settings| settings.glossary_file.as_deref() == Some(path) || settings.baseline == path;
        path.file_name().is_some_and(|n| n == config::FILE_NAME)
            || locks::read(&self.roots).iter().any(|root| {
                root.glossary_file.as_deref() == Some(path)
                    || named(root.folders.top())
                    || root.folders.nested().iter().any(|nested| named(nested))
            })
    }

    /// Files created, changed, deleted or renamed on disk.
    pub async fn files_changed(self: &Arc<Self>, mut paths: Vec<PathBuf>) {
        // A baseline as this server wrote it has been applied already, by the accept that wrote it.
        paths.retain(|path| !self.is_own_write(path));
        let config_changed = paths.iter().any(|p| self.is_configuration(p));
        if config_changed {
            self.reload_roots().await;
            self.reanalyse_everything().await;
            return;
        }
        // A client may report files outside every workspace folder (a watcher of its own).
        paths.retain(|path| locks::read(&self.roots).iter().any(|root| path.starts_with(&root.path)));
        for path in paths {
            if path.exists() {
                if path.is_file() {
                    self.refresh_from_disk(path);
                } else {
                    self.index_in_background(vec![path]);
                }
            } else {
                self.forget_under(&path).await;
            }
        }
    }

    /// Whether `path` holds what the server last wrote to it; once it holds anything else, the
    /// write is forgotten.
    fn is_own_write(&self, path: &Path) -> bool {
        let Some(written) = self.own_writes.get(path) else { return false };
        let same = std::fs::read(path).is_ok_and(|now| now == *written);
        drop(written);
        if !same {
            self.own_writes.remove(path);
        }
        same
    }

    pub fn stop_watching(&self) {
        locks::lock(&self.watcher).take();
    }
}

/// The baseline entry that accepts the `rule` finding at `range`, if `findings` has it.
fn accepted_entry(
    findings: &[Finding],
    rule: &str,
    relative: &str,
    document: &Document,
    range: tower_lsp_server::ls_types::Range,
) -> Option<baseline::Entry> {
    let span = crate::span::Span::new(document.offset(range.start), document.offset(range.end));
    findings.iter().any(|f| f.rule.name == rule && f.span == span).then(|| baseline::Entry {
        fingerprint: baseline::fingerprint(rule, relative, document.text, span),
        text: baseline::excerpt(document.text, span),
        path: relative.to_string(),
        rule: rule.to_string(),
        count: 1,
    })
}

/// Reads and analyses a closed article; `None` when it cannot be read (gone, too large, binary).
fn analyse_file(
    path: &Path,
    settings: &Settings,
    people: &KnownPeople,
    uri: &Uri,
    encoding: PositionEncoding,
) -> Option<Result<Analysed, String>> {
    let article = files::read_article(path, settings.max_file_size).ok()?;
    Some(contained(|| {
        let analysis = analyse_text(&article.text, settings, people);
        let findings = shown_findings(&analysis, settings, Some(path));
        diagnose(&analysis, &findings, &LineIndex::new(&article.text), uri, encoding)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_file_uris_name_files() {
        let path = |uri: &str| path_of(&uri.parse().expect("a URI"));
        assert_eq!(path("file:///newsroom/a.txt"), Some(PathBuf::from("/newsroom/a.txt")));
        assert_eq!(path("FILE:///newsroom/a.txt"), Some(PathBuf::from("/newsroom/a.txt")));
        assert_eq!(path("https://example.com/"), None);
        assert_eq!(path("untitled:Untitled-1"), None);
    }
}
