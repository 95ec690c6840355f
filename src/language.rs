//! The language of an article — English, Spanish or Portuguese — set in `newsls.toml`
//! (`language = "auto" | "en" | "es" | "pt"`) or, by default, detected per article by counting
//! words that are frequent in one of the three languages and rare in the others.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;
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

    /// One of three wordings, the one in this language: messages and fixes speak the article's
    /// language, as LanguageTool's do.
    pub fn pick<T>(self, english: T, spanish: T, portuguese: T) -> T {
        match self {
            Language::English => english,
            Language::Spanish => spanish,
            Language::Portuguese => portuguese,
        }
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
const SPANISH: &[&str] = &[
    "el", "los", "las", "del", "y", "una", "por", "es", "lo", "al", "según", "dijo", "también", "fue", "pero", "más",
    "un", "con", "su", "sus", "muy", "hay", "ya", "sin", "han", "ella", "él", "están", "la",
];
#[rustfmt::skip]
const PORTUGUESE: &[&str] = &[
    "os", "do", "da", "dos", "das", "não", "uma", "em", "ao", "é", "disse", "também", "pelo", "pela", "foi", "mais",
    "mas", "um", "com", "na", "nas", "às", "à", "são", "há", "já", "ainda", "ele", "ela", "isso", "pelos", "pelas",
    "ou", "muito", "o",
];

/// Fewer frequent words than this of Spanish or Portuguese leave a text English, the default.
const MIN_EVIDENCE: usize = 2;

/// Enough words to tell the languages apart; later ones only cost time.
const SAMPLE_WORDS: usize = 200;

/// The longest word of the lists, in bytes ("también"): longer words need no lookup.
const LONGEST_FREQUENT: usize = 8;

/// Each frequent word, keyed by [`packed`], and the languages (English, Spanish, Portuguese) it is
/// frequent in: one lookup a word instead of a comparison with every word of every list.
static FREQUENT: LazyLock<FxHashMap<u64, [bool; 3]>> = LazyLock::new(|| {
    let mut map = FxHashMap::default();
    for (language, words) in [ENGLISH, SPANISH, PORTUGUESE].into_iter().enumerate() {
        for &word in words {
            map.entry(packed(word)).or_insert([false; 3])[language] = true;
        }
    }
    map
});

/// A word of at most [`LONGEST_FREQUENT`] bytes as one number, its ASCII letters lower-cased:
/// hashed and compared as an integer. Zero padding keeps words of different lengths apart, as no
/// word holds a zero byte.
fn packed(word: &str) -> u64 {
    let mut buffer = [0u8; LONGEST_FREQUENT];
    buffer[..word.len()].copy_from_slice(word.as_bytes());
    buffer.make_ascii_lowercase();
    u64::from_le_bytes(buffer)
}

/// The languages `word` is frequent in. The lists are lower case; only a capital at a
/// sentence's start differs, so ASCII letters are compared without case.
fn frequent_in(word: &str) -> [bool; 3] {
    if word.len() > LONGEST_FREQUENT {
        return [false; 3];
    }
    FREQUENT.get(&packed(word)).copied().unwrap_or_default()
}

/// Whether the character at byte `i` of `text` (a character boundary) is alphabetic, and its
/// length, by decoding it: for the few non-ASCII characters.
fn decoded_alphabetic_at(text: &str, i: usize) -> (bool, usize) {
    let c = text[i..].chars().next().expect("a character starts at a boundary");
    (c.is_alphabetic(), c.len_utf8())
}

/// The runs of alphabetic characters of `text`, in order. ASCII bytes are tested as they are,
/// in tight loops; only a non-ASCII character is decoded.
fn alphabetic_runs(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        // To the next alphabetic character.
        loop {
            while bytes.get(i).is_some_and(|b| b.is_ascii() && !b.is_ascii_alphabetic()) {
                i += 1;
            }
            match bytes.get(i) {
                None => return None,
                Some(b) if b.is_ascii() => break,
                Some(_) => match decoded_alphabetic_at(text, i) {
                    (true, _) => break,
                    (false, len) => i += len,
                },
            }
        }
        let start = i;
        // To its end.
        loop {
            while bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
                i += 1;
            }
            match bytes.get(i) {
                Some(b) if !b.is_ascii() => match decoded_alphabetic_at(text, i) {
                    (true, len) => i += len,
                    (false, _) => break,
                },
                _ => break,
            }
        }
        Some(&text[start..i])
    })
}

/// The language most of the first words of `text` belong to; English when none stands out.
pub fn detect(text: &str) -> Language {
    let mut counts = [0usize; 3];
    for word in alphabetic_runs(text).take(SAMPLE_WORDS) {
        for (count, frequent) in counts.iter_mut().zip(frequent_in(word)) {
            *count += usize::from(frequent);
        }
    }
    let [english, spanish, portuguese] = counts;
    // One frequent word is chance: "Del" in "DEL E. WEBB INVESTMENT", a table of figures.
    if spanish > english && spanish > portuguese && spanish >= MIN_EVIDENCE {
        Language::Spanish
    } else if portuguese > english && portuguese > spanish && portuguese >= MIN_EVIDENCE {
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
    fn a_brief_of_one_sentence_is_told_apart_too() {
        let portuguese =
            "Título\n\nHouve, segundo pessoas próximas às negociações, um desentendimento entre as delegações.\n";
        assert_eq!(detect(portuguese), Language::Portuguese);
        let spanish = "Titular\n\nHubo, según personas cercanas a las negociaciones, un desacuerdo con Brasil.\n";
        assert_eq!(detect(spanish), Language::Spanish);
        assert_eq!(detect("DEL E. WEBB INVESTMENT 4TH QTR NET\n\nShr eight cts vs 16 cts\n"), Language::English);
    }

    #[test]
    fn no_frequent_word_is_longer_than_the_lookup_allows() {
        assert!([ENGLISH, SPANISH, PORTUGUESE].iter().flat_map(|l| l.iter()).all(|w| w.len() <= LONGEST_FREQUENT));
        assert_eq!(frequent_in("También"), [false, true, false]);
        assert_eq!(frequent_in("THE"), [true, false, false]);
        assert_eq!(frequent_in("SEGÚN"), [false; 3]);
    }

    proptest::proptest! {
        /// The byte scan finds the words of a split at every character that is not alphabetic.
        #[test]
        fn alphabetic_runs_are_the_split_at_other_characters(s in "([a-zA-Z0-9 .,'’-]|[ÉéñßİªǅⅫ٣—\u{a0}]){0,60}") {
            let split: Vec<&str> = s.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
            proptest::prop_assert_eq!(alphabetic_runs(&s).collect::<Vec<_>>(), split);
        }
    }

    #[test]
    fn a_fixed_setting_wins_over_detection() {
        let spanish = "El ministro dijo que el plan de los bancos es una buena idea.";
        assert_eq!(LanguageSetting::Pt.resolve(spanish), Language::Portuguese);
        assert_eq!(LanguageSetting::Auto.resolve(spanish), Language::Spanish);
    }
}
