//! Finding any of a few characters in a text by their first UTF-8 byte: the article scans that
//! look for punctuation (sentence ends, quotation marks) skip most of the text without decoding it.

/// A set of characters, with the bytes their UTF-8 encodings start with.
pub struct CharSet {
    chars: &'static [char],
    lead_bytes: [bool; 256],
}

impl CharSet {
    pub const fn new(chars: &'static [char]) -> CharSet {
        let mut lead_bytes = [false; 256];
        let mut i = 0;
        while i < chars.len() {
            lead_bytes[lead_byte(chars[i])] = true;
            i += 1;
        }
        CharSet { chars, lead_bytes }
    }

    pub fn contains(&self, c: char) -> bool {
        self.chars.contains(&c)
    }

    /// The first character of the set at or after byte `from` of `s` (a character boundary),
    /// with its offset.
    pub fn find(&self, s: &str, from: usize) -> Option<(usize, char)> {
        let bytes = s.as_bytes();
        let mut i = from;
        while let Some(skipped) = bytes[i..].iter().position(|&b| self.lead_bytes[usize::from(b)]) {
            let at = i + skipped;
            let c = s[at..].chars().next()?;
            if self.contains(c) {
                return Some((at, c));
            }
            i = at + c.len_utf8();
        }
        None
    }
}

const fn lead_byte(c: char) -> usize {
    let c = c as usize;
    match c {
        0..0x80 => c,
        0x80..0x800 => 0xC0 | c >> 6,
        0x800..0x10000 => 0xE0 | c >> 12,
        _ => 0xF0 | c >> 18,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MARKS: CharSet = CharSet::new(&['.', '…', '«', '😀']);

    #[test]
    fn finds_characters_of_every_width_and_skips_their_byte_cousins() {
        // '—' and '’' start with the same byte as '…'; 'ñ' with a byte of the two-byte range.
        let s = "a—b’c ñ«d…e😀.";
        let found: Vec<(usize, char)> =
            std::iter::successors(MARKS.find(s, 0), |&(i, c)| MARKS.find(s, i + c.len_utf8())).collect();
        let want: Vec<(usize, char)> = s.char_indices().filter(|&(_, c)| MARKS.contains(c)).collect();
        assert_eq!(found, want);
        assert_eq!(MARKS.find("plain text", 0), None);
    }
}
