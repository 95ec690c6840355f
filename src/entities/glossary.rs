//! The newsroom's own glossary: entries that add entities or override the knowledge base for
//! their names. Loaded from TOML, as a `[[glossary]]` array of tables (in `newsls.toml` or in a
//! separate file):
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

/// A workspace glossary with its automaton. Cheap to share (`Arc<Glossary>`); rebuild it when
/// the file changes.
pub struct Glossary {
    entries: Vec<GlossaryEntry>,
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

/// A glossary that could not be read or parsed; the message has line and column when TOML says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlossaryError(pub String);

impl std::fmt::Display for GlossaryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for GlossaryError {}

#[derive(Deserialize)]
struct GlossaryFile {
    #[serde(default)]
    glossary: Vec<GlossaryEntry>,
}

impl Glossary {
    pub fn new(entries: Vec<GlossaryEntry>) -> Glossary {
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
        Glossary { matcher: Matcher::new(candidates), entries }
    }

    /// An empty glossary (knowledge base only).
    pub fn empty() -> &'static Glossary {
        static EMPTY: std::sync::LazyLock<Glossary> = std::sync::LazyLock::new(Glossary::default);
        &EMPTY
    }

    /// The `[[glossary]]` entries of a TOML document; other keys are ignored, so this reads
    /// `newsls.toml` as well as a file of its own.
    pub fn from_toml(source: &str) -> Result<Glossary, GlossaryError> {
        let file: GlossaryFile = toml::from_str(source).map_err(|e| GlossaryError(e.to_string()))?;
        Ok(Glossary::new(file.glossary))
    }

    pub fn load(path: &std::path::Path) -> Result<Glossary, GlossaryError> {
        let source = std::fs::read_to_string(path).map_err(|e| GlossaryError(format!("{}: {e}", path.display())))?;
        Glossary::from_toml(&source).map_err(|e| GlossaryError(format!("{}: {e}", path.display())))
    }

    pub fn entries(&self) -> &[GlossaryEntry] {
        &self.entries
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry of an entity id `glossary:<slug>`.
    pub fn entry(&self, entity_id: &str) -> Option<&GlossaryEntry> {
        self.entries.iter().find(|e| e.entity_id() == entity_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_glossary_array_and_ignores_other_keys() {
        let source = r#"
include = ["**/*.txt"]
[rules]
vague-attribution = "off"

[[glossary]]
name = "Andean Development Forum"
aliases = ["ADF"]
kind = "organization"
description = "Think tank."
link = "https://example.org/adf"
"#;
        let glossary = Glossary::from_toml(source).unwrap();
        assert_eq!(glossary.entries().len(), 1);
        let entry = &glossary.entries()[0];
        assert_eq!(entry.entity_id(), "glossary:andean-development-forum");
        assert_eq!(entry.acronym(), Some("ADF"));
        assert_eq!(entry.entity_kind(), EntityKind::Organization);
    }

    #[test]
    fn errors_have_positions() {
        let err = Glossary::from_toml("[[glossary]]\nname = 3\n").unwrap_err();
        assert!(err.0.contains("line 2"), "{err}");
    }
}
