//! Client settings (`workspace/configuration`, section `newsls`), which override `newsls.toml`.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::config::{ConfigFile, Level};
use crate::language::LanguageSetting;

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ClientSettings {
    pub rules: BTreeMap<String, Level>,
    pub include: Option<Vec<String>>,
    pub exclude: Option<Vec<String>>,
    pub max_file_size: Option<u64>,
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

impl Default for ClientSettings {
    fn default() -> Self {
        ClientSettings {
            rules: BTreeMap::new(),
            include: None,
            exclude: None,
            max_file_size: None,
            language: None,
            diagnostics: DiagnosticsSettings::default(),
        }
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
        merged.language = self.language.or(merged.language);
        merged
    }
}
