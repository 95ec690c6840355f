//! The language of an article — English, Spanish or Portuguese — set in `newsls.toml`
//! (`language = "auto" | "en" | "es" | "pt"`) or, by default, detected per article by counting
//! words that are frequent in one of the three languages and rare in the others.

use serde::Deserialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    English,
    Spanish,
    Portuguese,
}

impl Language {
    /// Spanish and Portuguese copy opens quotations with a dash: `—Vamos a ganar —dijo el ministro—.`
    pub fn has_dialogue_dashes(self) -> bool {
        self != Language::English
    }
}

/// The `language` setting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LanguageSetting {
    #[default]
    Auto,
    En,
    Es,
    Pt,
}

impl LanguageSetting {
    /// The language of `text` under this setting.
    pub fn resolve(self, text: &str) -> Language {
        match self {
            LanguageSetting::Auto => detect(text),
            LanguageSetting::En => Language::English,
            LanguageSetting::Es => Language::Spanish,
            LanguageSetting::Pt => Language::Portuguese,
        }
    }
}

/// Words far more frequent in one of the languages than in the other two.
#[rustfmt::skip]
const ENGLISH: &[&str] = &["the", "and", "of", "to", "is", "was", "that", "with", "for", "said", "it", "on", "by", "he", "she"];
#[rustfmt::skip]
const SPANISH: &[&str] = &["el", "los", "las", "del", "y", "una", "por", "es", "lo", "al", "según", "dijo", "también", "fue", "pero", "más"];
#[rustfmt::skip]
const PORTUGUESE: &[&str] = &["os", "do", "da", "dos", "das", "não", "uma", "em", "ao", "é", "disse", "também", "pelo", "pela", "foi", "mais", "mas"];

/// Enough words to tell the languages apart; later ones only cost time.
const SAMPLE_WORDS: usize = 200;

/// The language most of the first words of `text` belong to; English when none stands out.
pub fn detect(text: &str) -> Language {
    let mut counts = [0usize; 3];
    for word in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).take(SAMPLE_WORDS) {
        for (count, words) in counts.iter_mut().zip([ENGLISH, SPANISH, PORTUGUESE]) {
            // The lists are lower case; only a capital at a sentence's start differs.
            *count += usize::from(words.iter().any(|w| w.eq_ignore_ascii_case(word)));
        }
    }
    let [english, spanish, portuguese] = counts;
    if spanish > english && spanish > portuguese {
        Language::Spanish
    } else if portuguese > english && portuguese > spanish {
        Language::Portuguese
    } else {
        Language::English
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_each_language_from_its_common_words() {
        assert_eq!(detect("The minister said the plan was ready and that it would pass."), Language::English);
        assert_eq!(detect("El ministro dijo que el plan de los bancos es una buena idea."), Language::Spanish);
        assert_eq!(detect("O ministro disse que o plano dos bancos não é uma boa ideia."), Language::Portuguese);
        assert_eq!(detect(""), Language::English);
    }

    #[test]
    fn a_fixed_setting_wins_over_detection() {
        let spanish = "El ministro dijo que el plan de los bancos es una buena idea.";
        assert_eq!(LanguageSetting::Pt.resolve(spanish), Language::Portuguese);
        assert_eq!(LanguageSetting::Auto.resolve(spanish), Language::Spanish);
    }
}
