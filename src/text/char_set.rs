//! Finding any of a few characters in a text: the article scans that look for punctuation
//! (sentence ends, quotation marks) skip most of the text without decoding it, with the vector
//! search of `aho-corasick` over the characters' UTF-8 encodings.

use aho_corasick::{AhoCorasick, Input, MatchKind};

/// A set of characters and a searcher for their UTF-8 encodings.
pub struct CharSet {
    chars: &'static [char],
    searcher: AhoCorasick,
}

impl CharSet {
    pub fn new(chars: &'static [char]) -> CharSet {
        let encodings = chars.iter().map(|c| c.to_string());
        let searcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(encodings)
            .expect("a few characters make a valid searcher");
        CharSet { chars, searcher }
    }

    pub fn contains(&self, c: char) -> bool {
        self.chars.contains(&c)
    }

    /// The first character of the set at or after byte `from` of `s` (a character boundary),
    /// with its offset.
    pub fn find(&self, s: &str, from: usize) -> Option<(usize, char)> {
        // A character's encoding begins only at a character boundary: UTF-8 synchronises itself.
        let found = self.searcher.find(Input::new(s).range(from..))?;
        Some((found.start(), self.chars[found.pattern().as_usize()]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_characters_of_every_width_and_skips_their_byte_cousins() {
        let marks = CharSet::new(&['.', '…', '«', '😀']);
        // '—' and '’' start with the same byte as '…'; 'ñ' with a byte of the two-byte range.
        let s = "a—b’c ñ«d…e😀.";
        let found: Vec<(usize, char)> =
            std::iter::successors(marks.find(s, 0), |&(i, c)| marks.find(s, i + c.len_utf8())).collect();
        let want: Vec<(usize, char)> = s.char_indices().filter(|&(_, c)| marks.contains(c)).collect();
        assert_eq!(found, want);
        assert_eq!(marks.find("plain text", 0), None);
    }
}
