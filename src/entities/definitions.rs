//! Definitions inside an article: "Full Name (ACR)" and "ACR (Full Name)".

use crate::kb;
use crate::span::Span;

/// Lower-case words allowed inside an organization's name.
const CONNECTORS: &[&str] = &[
    "of", "and", "the", "for", "on", "in", "to", "against", "de", "del", "la", "las", "los", "el", "y", "e", "da",
    "do", "das", "dos", "des", "du", "et", "für", "und", "der",
];

/// Longest parenthetical considered.
const MAX_INNER: usize = 160;
/// Longest full name considered before a parenthesis.
const MAX_BEFORE: usize = 200;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Definition {
    /// From the first character of the definition to its closing parenthesis.
    pub whole: Span,
    pub full: Span,
    pub acronym: Span,
    /// "ACR (Full Name)" rather than "Full Name (ACR)".
    pub acronym_first: bool,
}

/// An acronym as newsrooms write it: no spaces, at most 15 characters, two capitals or more.
pub(crate) fn is_acronym(word: &str) -> bool {
    word.len() <= 15
        && kb::is_acronym_like(word)
        && word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '&'))
}

/// The words before `end` (byte offset of the space before "("), stopping at punctuation or at a
/// lower-case word that is not a connector; leading connectors dropped.
fn name_run(text: &str, end: usize) -> Vec<Span> {
    let mut from = end.saturating_sub(MAX_BEFORE);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut words: Vec<Span> = Vec::new();
    let mut cursor = end;
    for token in text[from..end].rsplit(' ') {
        let start = cursor - token.len();
        let span = Span::new(start, cursor);
        cursor = start.saturating_sub(1);
        if token.is_empty() || token.contains(['\n', '\t']) {
            break;
        }
        let first = token.chars().next().unwrap();
        let clean = token.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '.' | '&'));
        if !clean || token.ends_with('.') && !words.is_empty() {
            break;
        }
        if first.is_uppercase() || CONNECTORS.contains(&token) && !words.is_empty() {
            words.push(span);
        } else {
            break;
        }
        if cursor <= from {
            break;
        }
    }
    words.reverse();
    while words.first().is_some_and(|w| CONNECTORS.contains(&w.text(text)) || is_article(w.text(text))) {
        words.remove(0);
    }
    words
}

fn is_article(word: &str) -> bool {
    matches!(word, "The" | "La" | "El" | "Los" | "Las" | "O" | "A" | "Os" | "As")
}

/// Whether the acronym's letters fit the name's words: same first letter, and its letters appear
/// in order in the name.
pub(crate) fn fits(acronym: &str, name: &str) -> bool {
    let mut letters = acronym.chars().filter(|c| c.is_alphabetic()).flat_map(char::to_lowercase);
    let mut name_lower = name.chars().flat_map(char::to_lowercase);
    if letters.clone().next() != name_lower.clone().next() {
        return false;
    }
    letters.all(|l| name_lower.any(|c| c == l))
}

/// Every candidate definition. "Full Name (ACR)" keeps the longest run of capitalised words
/// before the parenthesis whose first word begins with the acronym's first letter, or the whole
/// run when `known_acronym` (a knowledge-base acronym, which may come from another language:
/// "Common Market of the South (MERCOSUR)").
pub(crate) fn find(text: &str, known_acronym: impl Fn(&str) -> bool) -> Vec<Definition> {
    let mut out = Vec::new();
    for (open, _) in text.match_indices('(') {
        let rest = &text[open + 1..];
        let mut window = rest.len().min(MAX_INNER);
        while !rest.is_char_boundary(window) {
            window -= 1;
        }
        // Bytes, not characters: these are ASCII, which never occurs inside another character.
        let Some(close_rel) = memchr::memchr3(b')', b'(', b'\n', &rest.as_bytes()[..window]) else { continue };
        if rest.as_bytes()[close_rel] != b')' {
            continue;
        }
        let close = open + 1 + close_rel;
        let inner = Span::new(open + 1, close).trim(text);
        if inner.is_empty() || open == 0 || text.as_bytes()[open - 1] != b' ' {
            continue;
        }
        let inner_text = inner.text(text);
        if is_acronym(inner_text) {
            let run = name_run(text, open - 1);
            if run.len() < 2 && !(run.len() == 1 && known_acronym(inner_text)) {
                continue;
            }
            let known = known_acronym(inner_text);
            let start = (0..run.len()).find(|&i| {
                let w = run[i].text(text);
                w.chars().next().is_some_and(char::is_uppercase)
                    && (known || fits(inner_text, Span::new(run[i].start, run[run.len() - 1].end).text(text)))
                    && run.len() - i >= 2
            });
            let start = match start {
                Some(s) => s,
                None if known && !run.is_empty() => 0,
                None => continue,
            };
            let full = Span::new(run[start].start, run[run.len() - 1].end);
            out.push(Definition {
                whole: Span::new(full.start, close + 1),
                full,
                acronym: inner,
                acronym_first: false,
            });
        } else {
            // "ACR (Full Name)"
            let words: Vec<&str> = inner_text.split(' ').collect();
            if words.len() < 2 || !words[0].chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            if words.iter().any(|w| !(w.chars().next().is_some_and(char::is_uppercase) || CONNECTORS.contains(w))) {
                continue;
            }
            let before = &text[..open - 1];
            let token_start = before.rfind(|c: char| c.is_whitespace()).map_or(0, |i| i + 1);
            let token = &before[token_start..];
            if !is_acronym(token) {
                continue;
            }
            if !known_acronym(token) && !fits(token, kb::strip_article(inner_text)) {
                continue;
            }
            out.push(Definition {
                whole: Span::new(token_start, close + 1),
                full: inner,
                acronym: Span::new(token_start, open - 1),
                acronym_first: true,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn defs(text: &str) -> Vec<(&str, &str)> {
        find(text, |a| a == "MERCOSUR" || a == "CELAC")
            .into_iter()
            .map(|d| (d.full.text(text), d.acronym.text(text)))
            .collect()
    }

    #[test]
    fn full_name_then_acronym() {
        assert_eq!(
            defs("Putin praised the Community of Latin American and Caribbean States (CELAC) on Monday."),
            [("Community of Latin American and Caribbean States", "CELAC")]
        );
        assert_eq!(
            defs("and the Common Market of the South (MERCOSUR), the"),
            [("Common Market of the South", "MERCOSUR")]
        );
        assert_eq!(defs("officials of the Andean Water Council (AWC) met"), [("Andean Water Council", "AWC")]);
        assert!(defs("WASHINGTON (AP) - The").is_empty());
        assert!(defs("it rose (by 3%) in May").is_empty());
    }

    #[test]
    fn acronym_then_full_name() {
        assert_eq!(defs("talks with the AWC (Andean Water Council) ended"), [("Andean Water Council", "AWC")]);
    }

    #[test]
    fn fitting() {
        assert!(fits("AWC", "Andean Water Council"));
        assert!(fits("UNHCR", "United Nations High Commissioner for Refugees"));
        assert!(!fits("AWC", "Latin American Water Council"));
    }
}
