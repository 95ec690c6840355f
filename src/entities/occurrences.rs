//! Word-bounded occurrences of the names an article itself introduces (defined acronyms and full
//! names, people's names and surnames), all found in one pass over the text's word starts rather
//! than one search of the whole text per name.

use rustc_hash::FxHashMap;

use super::words::{FirstWordIndex, WordStart, ends_word, first_word, folded_hash, starts_word};
use crate::span::Span;

/// For each needle, its occurrences in `text` (whose word starts are `words`) in text order:
/// where it is neither preceded nor followed by a letter or digit, as `text.match_indices(needle)`
/// finds them (non-overlapping).
pub(crate) fn occurrences_of_each(text: &str, words: &[WordStart], needles: &[&str]) -> Vec<Vec<Span>> {
    let mut found = vec![Vec::new(); needles.len()];
    // A word-bounded occurrence starts at a word start whose first word is the needle's.
    let mut by_first_word: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    for (i, needle) in needles.iter().enumerate() {
        let word = first_word(needle);
        // A needle two word-bounded occurrences of which can overlap ("Ana Ana") keeps
        // match_indices' choice of which one counts, so it gets a search of its own.
        if word.is_empty() || overlaps_itself(needle) {
            found[i] = occurrences(text, needle);
        } else {
            by_first_word.entry(folded_hash(word.as_bytes())).or_default().push(i);
        }
    }
    let by_first_word = FirstWordIndex::new(by_first_word);
    if by_first_word.is_empty() {
        return found;
    }
    for word in words {
        let Some(ids) = by_first_word.get(word.folded) else { continue };
        let rest = &text[word.start..];
        for &i in ids {
            let end = word.start + needles[i].len();
            if rest.starts_with(needles[i]) && ends_word(text, end) {
                found[i].push(Span::new(word.start, end));
            }
        }
    }
    found
}

/// Whether two word-bounded occurrences of `needle` may overlap: a proper suffix that starts a
/// word is also a prefix ("Ana" in "Ana Ana"; "C" in "CELAC" starts no word).
fn overlaps_itself(needle: &str) -> bool {
    let bytes = needle.as_bytes();
    (1..bytes.len()).any(|j| bytes.starts_with(&bytes[j..]) && starts_word(needle, j))
}

/// Word-bounded occurrences of one needle, by a search of the whole text.
fn occurrences(text: &str, needle: &str) -> Vec<Span> {
    if needle.is_empty() {
        return Vec::new();
    }
    text.match_indices(needle)
        .map(|(i, _)| Span::new(i, i + needle.len()))
        .filter(|span| starts_word(text, span.start) && ends_word(text, span.end))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::words::word_starts;

    fn texts<'t>(text: &'t str, needles: &[&str]) -> Vec<Vec<&'t str>> {
        occurrences_of_each(text, &word_starts(text), needles)
            .iter()
            .map(|spans| spans.iter().map(|s| s.text(text)).collect())
            .collect()
    }

    #[test]
    fn word_bounded_in_text_order() {
        let text = "Ortega's aide met Ortegas, Nicolás Ortega and ORTEGA; Ortega.";
        assert_eq!(
            texts(text, &["Ortega", "Nicolás Ortega", "Nicolás"]),
            [vec!["Ortega", "Ortega", "Ortega"], vec!["Nicolás Ortega"], vec!["Nicolás"]]
        );
        let spans = occurrences_of_each(text, &word_starts(text), &["Ortega"]);
        assert_eq!(spans[0][0], Span::new(0, 6));
    }

    #[test]
    fn needles_sharing_a_first_word_and_odd_needles() {
        let text = "U.S. and U.S. Steel, (IDB) and éclair Éva";
        assert_eq!(
            texts(text, &["U.S.", "U.S. Steel", "(IDB)", "", "Éva"]),
            [vec!["U.S.", "U.S."], vec!["U.S. Steel"], vec!["(IDB)"], vec![], vec!["Éva"]]
        );
    }

    #[test]
    fn self_overlapping_needles_as_match_indices_finds_them() {
        // match_indices takes "Ana Ana" inside "XAna Ana" and then finds no more.
        let text = "XAna Ana Ana";
        assert_eq!(texts(text, &["Ana Ana", "Ana"]), [vec![], vec!["Ana", "Ana"]]);
        assert_eq!(texts("Ana Ana Ana", &["Ana Ana"]), [vec!["Ana Ana"]]);
    }
}
