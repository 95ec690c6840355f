//! People: a title followed by capitalised names ("President Vladimir Putin", "Foreign Minister
//! Ana Ruiz", "la presidenta Dina Boluarte"), then later mentions of the full name or the surname
//! ("Putin", "Putin's"). A person's id comes from the full name (`person:vladimir-putin`), so the
//! same person is the same entity in every article.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::words::{FirstWordIndex, WordStart, first_word, folded_hash};

use crate::span::Span;

/// Titles that introduce a name (matched case-sensitively, word-bounded).
const TITLES: &[&str] = &[
    "President",
    "Vice President",
    "Prime Minister",
    "Minister",
    "Foreign Minister",
    "Chancellor",
    "Senator",
    "Sen.",
    "Rep.",
    "Representative",
    "Congressman",
    "Congresswoman",
    "Governor",
    "Gov.",
    "Mayor",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Pope",
    "General",
    "Gen.",
    "Ambassador",
    "Judge",
    "Justice",
    "Dr.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Premier",
    "Chairman",
    "Chairwoman",
    "Secretary-General",
    "Secretary General",
    "Secretary",
    "Commissioner",
    "Spokesman",
    "Spokeswoman",
    "Speaker",
    "Envoy",
    "Emir",
    "Sheikh",
    "Archbishop",
    "Bishop",
    "Cardinal",
    "Colonel",
    "Col.",
    "Lieutenant",
    "Lt.",
    "Captain",
    "Capt.",
    "Admiral",
    "Adm.",
    "Director",
    "Sr.",
    "Sra.",
    "Presidente",
    "presidente",
    "Presidenta",
    "presidenta",
    "Ministro",
    "ministro",
    "Ministra",
    "ministra",
    "canciller",
    "Canciller",
    "senador",
    "senadora",
    "diputado",
    "diputada",
    "deputado",
    "deputada",
    "alcalde",
    "alcaldesa",
    "prefeito",
    "prefeita",
    "gobernador",
    "gobernadora",
    "governador",
    "governadora",
    "rey",
    "reina",
    "papa",
    "general",
];

/// Lower-case particles inside names ("Luiz Inácio Lula da Silva", "Ursula von der Leyen").
const PARTICLES: &[&str] =
    &["da", "de", "del", "della", "der", "di", "do", "dos", "das", "du", "la", "le", "van", "von", "bin", "al", "y"];

/// [`TITLES`] as a set, for the words of a name.
static TITLE_WORDS: LazyLock<FxHashSet<&str>> = LazyLock::new(|| TITLES.iter().copied().collect());

/// [`TITLES`] by their first word, longest first.
static TITLES_BY_FIRST_WORD: LazyLock<FirstWordIndex<Vec<&str>>> = LazyLock::new(|| {
    let mut by_first_word: FxHashMap<u64, Vec<&str>> = FxHashMap::default();
    for title in TITLES {
        by_first_word.entry(folded_hash(first_word(title).as_bytes())).or_default().push(title);
    }
    for titles in by_first_word.values_mut() {
        titles.sort_by_key(|title| std::cmp::Reverse(title.len()));
    }
    FirstWordIndex::new(by_first_word)
});

/// The titles in `text` (whose word starts are `words`), as spans: the longest at a word start,
/// never overlapping.
fn titles(text: &str, words: &[WordStart]) -> Vec<Span> {
    let mut found: Vec<Span> = Vec::new();
    for word in words {
        if found.last().is_some_and(|title| word.start < title.end) {
            continue;
        }
        let Some(titles) = TITLES_BY_FIRST_WORD.get(word.folded) else { continue };
        let rest = &text[word.start..];
        if let Some(title) = titles.iter().find(|title| rest.starts_with(**title)) {
            found.push(Span::new(word.start, word.start + title.len()));
        }
    }
    found
}

/// A person introduced in the text: the whole "Title Name Surname" span and the name's span.
#[derive(Clone, Debug)]
pub(crate) struct Introduction {
    pub whole: Span,
    pub name: Span,
}

/// A capitalised (or particle) word starting at `i`: its span without a possessive "'s". Letters,
/// and single hyphens or apostrophes between letters ("Jean-Claude", "O'Brien").
fn word_at(text: &str, i: usize) -> Option<Span> {
    let rest = &text[i..];
    // The letter at `at` and its length in bytes; ASCII bytes without decoding.
    let letter_at = |at: usize| match rest.as_bytes().get(at) {
        Some(b) if b.is_ascii() => b.is_ascii_alphabetic().then_some(1),
        Some(_) => rest[at..].chars().next().filter(|c| c.is_alphabetic()).map(char::len_utf8),
        None => None,
    };
    let mut end = 0;
    loop {
        if let Some(len) = letter_at(end) {
            end += len;
            continue;
        }
        let joiner = match rest.as_bytes().get(end) {
            Some(b'-' | b'\'') => 1,
            Some(_) if rest[end..].starts_with('’') => '’'.len_utf8(),
            _ => 0,
        };
        if end == 0 || joiner == 0 || letter_at(end + joiner).is_none() {
            break;
        }
        end += joiner;
    }
    if end == 0 {
        return None;
    }
    let mut word = &rest[..end];
    for suffix in ["'s", "’s"] {
        if let Some(w) = word.strip_suffix(suffix) {
            word = w;
        }
    }
    Some(Span::new(i, i + word.len()))
}

/// How many capitals `word` has (ASCII words by their bytes).
fn capitals(word: &str) -> usize {
    if word.is_ascii() {
        word.bytes().filter(u8::is_ascii_uppercase).count()
    } else {
        word.chars().filter(|c| c.is_uppercase()).count()
    }
}

/// Names after titles in `text`, whose word starts are `words`. `blocked(offset)` says whether a
/// knowledge-base mention starts there (a name stops before it: "President Vladimir Putin
/// Russia ...").
pub(crate) fn introductions(text: &str, words: &[WordStart], blocked: impl Fn(usize) -> bool) -> Vec<Introduction> {
    let mut out = Vec::new();
    for title in titles(text, words) {
        let mut i = title.end;
        // A title is followed by one space (or a non-breaking one).
        let after = &text[i..];
        let Some(space) = after.chars().next().filter(|c| *c == ' ' || *c == '\u{a0}') else { continue };
        i += space.len_utf8();
        let mut words: Vec<Span> = Vec::new();
        loop {
            if blocked(i) {
                break;
            }
            let Some(word) = word_at(text, i) else { break };
            let w = word.text(text);
            // A name's word is capitalised, and not all capitals ("NATO"); a particle goes on a name.
            let is_name_word = if w.chars().next().is_some_and(char::is_uppercase) {
                capitals(w) * 2 <= w.chars().count().max(2)
            } else {
                !words.is_empty() && PARTICLES.contains(&w)
            };
            if !is_name_word || TITLE_WORDS.contains(w) {
                break;
            }
            words.push(word);
            // Continue only across one space, and not after a possessive or punctuation.
            let after_word = &text[word.end..];
            let Some(next) = after_word.strip_prefix(' ') else { break };
            if next.is_empty() {
                break;
            }
            i = word.end + 1;
        }
        while words.last().is_some_and(|w| PARTICLES.contains(&w.text(text))) {
            words.pop();
        }
        let (Some(first), Some(last)) = (words.first(), words.last()) else { continue };
        let name = Span::new(first.start, last.end);
        if name.text(text).split(' ').count() > 5 {
            continue;
        }
        out.push(Introduction { whole: Span::new(title.start, name.end), name });
    }
    out
}

/// The last word of a name.
pub(crate) fn surname(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::words::word_starts;

    fn names(text: &str) -> Vec<&str> {
        introductions(text, &word_starts(text), |_| false).into_iter().map(|i| i.name.text(text)).collect()
    }

    #[test]
    fn titles_and_names() {
        assert_eq!(names("Russian President Vladimir Putin said."), ["Vladimir Putin"]);
        assert_eq!(names("Foreign Minister Ana Ruiz's plan."), ["Ana Ruiz"]);
        assert_eq!(names("President Luiz Inácio Lula da Silva spoke"), ["Luiz Inácio Lula da Silva"]);
        assert_eq!(names("la presidenta Dina Boluarte dijo"), ["Dina Boluarte"]);
        assert_eq!(names("the President said"), Vec::<&str>::new());
        assert_eq!(names("Ministers of the region"), Vec::<&str>::new());
    }

    #[test]
    fn words_of_names() {
        let word = |text: &'static str| word_at(text, 0).map(|span| span.text(text));
        assert_eq!(word("Jean-Claude Juncker"), Some("Jean-Claude"));
        assert_eq!(word("O'Brien's plan"), Some("O'Brien"));
        assert_eq!(word("D’Alessandro said"), Some("D’Alessandro"));
        assert_eq!(word("Núñez, who"), Some("Núñez"));
        assert_eq!(word("Ruiz-- and"), Some("Ruiz"));
        assert_eq!(word("-Ruiz"), None);
        assert_eq!(word("2024"), None);
    }

    proptest::proptest! {
        /// A word is the longest run of letters, and of hyphens or apostrophes each between two
        /// letters, less a possessive: as a walk of the characters finds it.
        #[test]
        fn words_of_names_are_letters_and_joiners(text in "[a-zA-Zéñ'’ -]{0,12}") {
            let mut end = 0;
            let mut chars = text.char_indices().peekable();
            let mut after_letter = false;
            while let Some((i, c)) = chars.next() {
                let before_letter = chars.peek().is_some_and(|&(_, n)| n.is_alphabetic());
                if !(c.is_alphabetic() || after_letter && before_letter && matches!(c, '-' | '\'' | '’')) {
                    break;
                }
                end = i + c.len_utf8();
                after_letter = c.is_alphabetic();
            }
            let mut expected = &text[..end];
            for suffix in ["'s", "’s"] {
                expected = expected.strip_suffix(suffix).unwrap_or(expected);
            }
            let found = word_at(&text, 0).map(|span| span.text(&text));
            proptest::prop_assert_eq!(found, (end > 0).then_some(expected));
        }
    }

    #[test]
    fn stops_at_a_knowledge_base_mention() {
        let text = "President Vladimir Putin Russia was";
        let at = text.find("Russia").unwrap();
        let found: Vec<_> =
            introductions(text, &word_starts(text), |i| i == at).into_iter().map(|i| i.name.text(text)).collect();
        assert_eq!(found, ["Vladimir Putin"]);
    }
}
