//! Client settings (`workspace/configuration`, section `newsls`), which override `newsls.toml`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Deserialize;

use crate::config::{ConfigFile, Level};
use crate::language::LanguageSetting;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ClientSettings {
    pub rules: BTreeMap<String, Level>,
    pub include: Option<Vec<String>>,
    pub exclude: Option<Vec<String>>,
    pub max_file_size: Option<u64>,
    /// Relative to the workspace folder, like newsls.toml's `glossary-file` and `baseline`.
    pub glossary_file: Option<PathBuf>,
    pub baseline: Option<PathBuf>,
    pub language: Option<LanguageSetting>,
    pub diagnostics: DiagnosticsSettings,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DiagnosticsSettings {
    /// Publish diagnostics for articles that are not open in the editor.
    pub closed_files: bool,
}

impl Default for DiagnosticsSettings {
    fn default() -> Self {
        DiagnosticsSettings { closed_files: true }
    }
}

impl ClientSettings {
    /// The file's configuration with these settings laid over it.
    pub fn over(&self, file: &ConfigFile) -> ConfigFile {
        let mut merged = file.clone();
        merged.rules.extend(self.rules.iter().map(|(k, v)| (k.clone(), *v)));
        merged.include = self.include.clone().or(merged.include);
        merged.exclude = self.exclude.clone().or(merged.exclude);
        merged.max_file_size = self.max_file_size.or(merged.max_file_size);
        merged.glossary_file = self.glossary_file.clone().or(merged.glossary_file);
        merged.baseline = self.baseline.clone().or(merged.baseline);
        merged.language = self.language.or(merged.language);
        merged
    }
}
