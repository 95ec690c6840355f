//! The newsroom's own glossary: entries that add entities or override the knowledge base for
//! their names. Written in TOML as a `[[glossary]]` array of tables, in `newsls.toml` or in the
//! file its `glossary-file` names (read by [`crate::config`]):
//!
//! ```toml
//! [[glossary]]
//! name = "Andean Development Forum"
//! aliases = ["ADF", "the Forum"]
//! kind = "organization"        # organization | country | agency | person | anything else
//! description = "Regional think tank based in Quito."
//! link = "https://example.org/adf"
//! ```
//!
//! An entry's name and aliases win over knowledge-base forms of the same or shorter length at the
//! same place, so an entry named "CELAC" overrides the knowledge base's CELAC in every article.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::EntityKind;
use super::matcher::{Candidate, Matcher, Target};
use crate::kb;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Free text; `organization`, `country`, `agency` and `person` map to their [`EntityKind`].
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub link: Option<String>,
}

impl GlossaryEntry {
    pub fn entity_kind(&self) -> EntityKind {
        match self.kind.as_deref().map(str::to_ascii_lowercase).as_deref() {
            Some("organization" | "organisation" | "org") => EntityKind::Organization,
            Some("country") => EntityKind::Country,
            Some("agency" | "news agency") => EntityKind::Agency,
            Some("person") => EntityKind::Person,
            _ => EntityKind::Other,
        }
    }

    /// `glossary:<slug of the name>`.
    pub fn entity_id(&self) -> String {
        format!("glossary:{}", super::slug(&self.name))
    }

    /// The first alias that looks like an acronym.
    pub fn acronym(&self) -> Option<&str> {
        self.aliases.iter().map(String::as_str).find(|a| kb::is_acronym_like(a))
    }
}

/// Where a glossary entry is written: a file and the byte offset of its table there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntrySource {
    pub path: PathBuf,
    pub offset: usize,
}

/// A workspace glossary with its automaton. Cheap to share (`Arc<Glossary>`); rebuild it when
/// the file changes.
pub struct Glossary {
    entries: Vec<GlossaryEntry>,
    /// Parallel to `entries`; `None` for entries not read from a file.
    sources: Vec<Option<EntrySource>>,
    pub(crate) matcher: Matcher,
}

impl std::fmt::Debug for Glossary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Glossary").field("entries", &self.entries).finish()
    }
}

impl Default for Glossary {
    fn default() -> Self {
        Glossary::new(Vec::new())
    }
}

impl Glossary {
    pub fn new(entries: Vec<GlossaryEntry>) -> Glossary {
        Glossary::with_sources(entries.into_iter().map(|entry| (entry, None)).collect())
    }

    /// Entries with where each is written (for go to definition).
    pub fn with_sources(entries: Vec<(GlossaryEntry, Option<EntrySource>)>) -> Glossary {
        let (entries, sources): (Vec<_>, Vec<_>) = entries.into_iter().unzip();
        let mut candidates = Vec::new();
        for (i, entry) in entries.iter().enumerate() {
            for form in std::iter::once(&entry.name).chain(&entry.aliases) {
                let form = form.trim();
                if form.is_empty() {
                    continue;
                }
                candidates.push(Candidate {
                    target: Target::Glossary(i),
                    form: form.into(),
                    acronym: kb::is_acronym_like(form),
                    context: &[],
                });
            }
        }
        Glossary { matcher: Matcher::new(candidates), entries, sources }
    }

    /// An empty glossary (knowledge base only).
    pub fn empty() -> &'static Glossary {
        static EMPTY: std::sync::LazyLock<Glossary> = std::sync::LazyLock::new(Glossary::default);
        &EMPTY
    }

    pub fn entries(&self) -> &[GlossaryEntry] {
        &self.entries
    }

    /// Where entry `index` is written, if it was read from a file.
    pub fn source(&self, index: usize) -> Option<&EntrySource> {
        self.sources.get(index).and_then(Option::as_ref)
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry of an entity id `glossary:<slug>`.
    pub fn entry(&self, entity_id: &str) -> Option<&GlossaryEntry> {
        self.entries.iter().find(|e| e.entity_id() == entity_id)
    }
}
