//! Sentence boundaries inside a paragraph, not fooled by abbreviations, initials, decimals,
//! ellipses followed by lower case, or a full stop inside a closing quotation mark.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use crate::span::Span;
use crate::text::CharSet;

/// Abbreviations that are always followed by a name or number, so never end a sentence.
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "dr", "prof", "sen", "sens", "rep", "reps", "gov", "gen", "lt", "col", "sgt",
    "capt", "cmdr", "adm", "maj", "rev", "hon", "pres", "supt", "det", "insp", "atty", "amb", "st", "ft", "mt",
    "no", "nos", "vol", "fig", "sra", "sras", "srta", "dra", "lic", "ing", "profa", "dña", "sto", "sta", "vs", "v",
    "cf", "approx", "ca", "op",
];

/// Abbreviations that usually sit mid-sentence but can end one ("... of Acme Inc. The company ...").
#[rustfmt::skip]
const MID_SENTENCE: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "corp", "co", "cos",
    "ltd", "bros", "jr", "sr", "plc", "llc", "etc", "ave", "blvd", "dept", "univ", "est", "govt", "assn", "intl",
];

/// Words that commonly open a sentence, which tips an ambiguous abbreviation into a boundary.
#[rustfmt::skip]
const SENTENCE_OPENERS: &[&str] = &[
    "the", "a", "an", "it", "he", "she", "they", "we", "i", "you", "but", "and", "in", "on", "at", "this", "that",
    "these", "those", "his", "her", "their", "its", "there", "some", "many", "most", "meanwhile", "however",
    "still", "yet", "also", "for", "if", "when", "while", "after", "before", "as", "so", "then", "now", "mr", "mrs",
    "ms", "el", "la", "los", "las", "o", "os", "as", "em", "en", "por", "pero", "mas",
];

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | '»' | ')' | ']')
}

/// Characters that end a sentence.
static TERMINALS: LazyLock<CharSet> = LazyLock::new(|| CharSet::new(&['.', '!', '?', '…']));

fn can_open_sentence(c: char) -> bool {
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(c, '"' | '“' | '‘' | '\'' | '«' | '¿' | '¡' | '(' | '[' | '—' | '–')
}

/// The word (letters, digits and inner dots) that ends just before byte `end` of `s`.
fn word_before(s: &str, end: usize) -> &str {
    let start = s[..end]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '.')
        .last()
        .map_or(end, |(i, _)| i);
    &s[start..end]
}

fn word_after(s: &str) -> &str {
    s.trim_start_matches(|c: char| !c.is_alphanumeric()).split(|c: char| !c.is_alphanumeric()).next().unwrap_or("")
}

/// A set of the lower-case words of a list.
type WordSet = LazyLock<FxHashSet<&'static str>>;

static TITLE_SET: WordSet = LazyLock::new(|| TITLES.iter().copied().collect());
static MID_SENTENCE_SET: WordSet = LazyLock::new(|| MID_SENTENCE.iter().copied().collect());
static SENTENCE_OPENER_SET: WordSet = LazyLock::new(|| SENTENCE_OPENERS.iter().copied().collect());

/// Whether `word`, lower-cased, is in `set`. Every full stop asks, so a short ASCII word, nearly
/// every one, is lower-cased in a buffer on the stack rather than copied, and looked up once
/// rather than compared with each word of the list.
fn lower_case_in(set: &WordSet, word: &str) -> bool {
    const BUFFER_BYTES: usize = 16;
    if word.is_ascii() && word.len() <= BUFFER_BYTES {
        let mut buffer = [0u8; BUFFER_BYTES];
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        std::str::from_utf8(lower).is_ok_and(|lower| set.contains(lower))
    } else {
        set.contains(word.to_lowercase().as_str())
    }
}

/// Whether a single full stop after `word` ends the sentence, given the text that follows.
fn full_stop_ends_sentence(word: &str, following: &str) -> bool {
    if lower_case_in(&TITLE_SET, word) {
        return false;
    }
    let is_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    let is_dotted = word.contains('.');
    if is_initial || is_dotted || lower_case_in(&MID_SENTENCE_SET, word) {
        return lower_case_in(&SENTENCE_OPENER_SET, word_after(following));
    }
    true
}

pub(super) fn split(text: &str, span: Span) -> Vec<Span> {
    let s = span.text(text);
    let mut out = Vec::new();
    let mut start = 0;
    let mut from = 0;
    while let Some((i, c)) = TERMINALS.find(s, from) {
        let mut end = i + c.len_utf8();
        let mut terminal_run = 1;
        for d in s[end..].chars() {
            if TERMINALS.contains(d) {
                terminal_run += 1;
            } else if !is_closing(d) {
                break;
            }
            end += d.len_utf8();
        }
        from = end;
        let rest = &s[end..];
        let after_space = rest.trim_start();
        if after_space.len() == rest.len() && !rest.is_empty() {
            continue; // no space after: a decimal, a URL, "U.S.-led"
        }
        let Some(next) = after_space.chars().next() else {
            break;
        };
        if !can_open_sentence(next) {
            continue;
        }
        if c == '.' && terminal_run == 1 && !full_stop_ends_sentence(word_before(s, i), after_space) {
            continue;
        }
        push(&mut out, span.start, s, start, end);
        start = end;
    }
    push(&mut out, span.start, s, start, s.len());
    out
}

fn push(out: &mut Vec<Span>, base: usize, s: &str, start: usize, end: usize) {
    let piece = &s[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let first = base + start + lead;
        out.push(Span::new(first, first + trimmed.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words are looked up lower-cased, so the lists must be written in lower case.
    #[test]
    fn word_lists_are_lower_case() {
        for list in [TITLES, MID_SENTENCE, SENTENCE_OPENERS] {
            assert!(list.iter().all(|w| *w == w.to_lowercase()), "{list:?}");
        }
        assert!(["mr", "Mr", "MR"].iter().all(|w| lower_case_in(&TITLE_SET, w)));
        assert!(!lower_case_in(&TITLE_SET, "Mrs-and-Mr-Smith-of-the-long-word"));
    }
}
