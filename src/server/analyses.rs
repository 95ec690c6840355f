//! The analysis of each open document at its current version, made once and shared: by the
//! diagnostics the edit schedules and by every request on the document until the next edit.
//! Without it each hover, highlight, code action and lens analysed the whole text again, which
//! on a long document (5 MB: over a second) held up every request behind it.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use dashmap::DashMap;
use tokio::sync::OnceCell;
use tower_lsp_server::ls_types::Uri;

use crate::analysis::Analysis;
use crate::config::Settings;
use crate::entities::KnownPeople;
use crate::rules::Finding;
use crate::text::LineIndex;

self_cell::self_cell!(
    /// An analysis together with the text it borrows.
    struct OwnedAnalysis {
        owner: String,
        #[covariant]
        dependent: Analysis,
    }
);

/// Why a document has no analysis to serve.
#[derive(Clone, Debug)]
pub enum Unavailable {
    /// Closed while its analysis was being made: nothing to report.
    Closed,
    ShuttingDown,
    /// The analysis panicked; the panic's message.
    Panicked(String),
}

/// One document's text at one edition, analysed with one set of settings and known people.
pub struct DocumentAnalysis {
    /// The client's version of the text.
    pub version: i32,
    pub settings: Arc<Settings>,
    pub people: Arc<KnownPeople>,
    pub lines: LineIndex,
    /// The document's file, whose baseline entries apply to it.
    path: Option<PathBuf>,
    owned: OwnedAnalysis,
    shown: OnceLock<Vec<Finding>>,
}

impl DocumentAnalysis {
    /// Analyses `text`; may panic as analysis may (the caller contains it).
    pub fn new(
        text: String,
        version: i32,
        path: Option<PathBuf>,
        settings: Arc<Settings>,
        people: Arc<KnownPeople>,
    ) -> DocumentAnalysis {
        let lines = LineIndex::new(&text);
        let owned = OwnedAnalysis::new(text, |text| super::state::analyse_text(text, &settings, &people));
        DocumentAnalysis { version, settings, people, lines, path, owned, shown: OnceLock::new() }
    }

    /// The findings the editor shows (see [`super::state::shown_findings`]), found at the first
    /// call: the diagnostics, every code action and accepting a finding share them.
    pub fn shown_findings(&self) -> &[Finding] {
        self.shown.get_or_init(|| super::state::shown_findings(self.analysis(), &self.settings, self.path.as_deref()))
    }

    pub fn analysis(&self) -> &Analysis<'_> {
        self.owned.borrow_dependent()
    }

    pub fn text(&self) -> &str {
        self.owned.borrow_owner()
    }
}

/// What an analysis was made from: a cached one serves a request only if all three are the same.
#[derive(Clone)]
struct Inputs {
    edition: u64,
    settings: Arc<Settings>,
    people: Arc<KnownPeople>,
}

impl Inputs {
    fn same_as(&self, other: &Inputs) -> bool {
        self.edition == other.edition
            && Arc::ptr_eq(&self.settings, &other.settings)
            && Arc::ptr_eq(&self.people, &other.people)
    }
}

/// The analysis of a document at some inputs, made by whichever caller comes first; the others
/// wait for it rather than making it again.
struct Slot {
    inputs: Inputs,
    analysis: OnceCell<Result<Arc<DocumentAnalysis>, Unavailable>>,
}

/// Open documents' analyses by URI: the latest inputs' only.
#[derive(Default)]
pub struct AnalysisCache {
    slots: DashMap<Uri, Arc<Slot>>,
}

impl AnalysisCache {
    /// The analysis of `uri` at these inputs (`edition` as the [`super::documents::DocumentStore`]
    /// numbers texts): the cached one, or the one `make` makes (once, if
    /// several callers ask together).
    pub async fn get_or_make<F>(
        &self,
        uri: &Uri,
        edition: u64,
        settings: Arc<Settings>,
        people: Arc<KnownPeople>,
        make: impl FnOnce() -> F,
    ) -> Result<Arc<DocumentAnalysis>, Unavailable>
    where
        F: Future<Output = Result<Arc<DocumentAnalysis>, Unavailable>>,
    {
        let inputs = Inputs { edition, settings, people };
        let slot = {
            let mut entry = self
                .slots
                .entry(uri.clone())
                .or_insert_with(|| Arc::new(Slot { inputs: inputs.clone(), analysis: OnceCell::new() }));
            if !entry.inputs.same_as(&inputs) {
                *entry = Arc::new(Slot { inputs, analysis: OnceCell::new() });
            }
            entry.clone()
        };
        slot.analysis.get_or_init(make).await.clone()
    }

    pub fn remove(&self, uri: &Uri) {
        self.slots.remove(uri);
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    fn uri() -> Uri {
        "file:///newsroom/a.txt".parse().expect("a URI")
    }

    /// Gets the analysis at `edition`, counting how many times it is made.
    async fn get(cache: &AnalysisCache, made: &AtomicUsize, edition: u64, inputs: &(Arc<Settings>, Arc<KnownPeople>)) {
        let (settings, people) = inputs.clone();
        let make = || async {
            made.fetch_add(1, Ordering::SeqCst);
            tokio::task::yield_now().await;
            Ok(Arc::new(DocumentAnalysis::new("CELAC met.".into(), 1, None, settings, people)))
        };
        let analysis = cache.get_or_make(&uri(), edition, inputs.0.clone(), inputs.1.clone(), make).await;
        assert_eq!(analysis.expect("no panic").text(), "CELAC met.");
    }

    #[tokio::test]
    async fn an_analysis_is_made_once_per_edition_settings_and_people() {
        let cache = AnalysisCache::default();
        let made = AtomicUsize::new(0);
        let inputs = (Arc::new(Settings::defaults(std::path::Path::new("/newsroom"))), Arc::new(KnownPeople::new([])));
        // Callers at once wait for the one analysis; later ones reuse it.
        tokio::join!(get(&cache, &made, 1, &inputs), get(&cache, &made, 1, &inputs));
        get(&cache, &made, 1, &inputs).await;
        assert_eq!(made.load(Ordering::SeqCst), 1);
        // An edit, new settings, new people: each makes it again.
        get(&cache, &made, 2, &inputs).await;
        let new_settings = (Arc::new(Settings::defaults(std::path::Path::new("/newsroom"))), inputs.1.clone());
        get(&cache, &made, 2, &new_settings).await;
        let new_people = (new_settings.0.clone(), Arc::new(KnownPeople::new(["Ana Ruiz".to_string()])));
        get(&cache, &made, 2, &new_people).await;
        assert_eq!(made.load(Ordering::SeqCst), 4);
        // A closed document is forgotten.
        cache.remove(&uri());
        get(&cache, &made, 2, &new_people).await;
        assert_eq!(made.load(Ordering::SeqCst), 5);
    }
}
