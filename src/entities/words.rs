//! Words as entity recognition sees them: runs of letters and digits. The text's word starts are
//! found once ([`word_starts`]) and serve the knowledge-base scan, people's titles and the names
//! an article introduces, each of which looks a word up by its hash instead of searching the text.

use rustc_hash::FxHashMap;

/// A place where a word may start, with the letters and digits it starts with (none at a
/// non-ASCII character that is neither: "“CELAC").
#[derive(Clone, Copy, Debug)]
pub(crate) struct WordStart {
    pub start: usize,
    /// Bytes of the first word.
    pub len: usize,
    /// [`folded_hash`] of the first word.
    pub folded: u64,
    pub has_ascii_upper: bool,
}

/// Every place where a word may start, in text order: an ASCII letter or digit, or any
/// non-ASCII character, with no letter or digit right before it.
pub(crate) fn word_starts(text: &str) -> Vec<WordStart> {
    const BYTES_PER_WORD: usize = 6;
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / BYTES_PER_WORD);
    let mut i = 0;
    // Whether `i` is right after a word, so at the character that ended it: no word starts there.
    let mut after_word = false;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 && !b.is_ascii_alphanumeric() {
            after_word = false;
            i += 1;
            continue;
        }
        if after_word {
            // A non-ASCII character that is not a letter or digit, or the word would go on.
            after_word = false;
            i += utf8_len(b);
            continue;
        }
        let end = word_end(text, i);
        let (folded, has_ascii_upper) = fold_and_hash(&bytes[i..end]);
        out.push(WordStart { start: i, len: end - i, folded, has_ascii_upper });
        if end == i {
            i += utf8_len(b);
        } else {
            i = end;
            after_word = true;
        }
    }
    out
}

/// The length of the UTF-8 sequence that `lead` starts.
fn utf8_len(lead: u8) -> usize {
    match lead {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

/// Where the letters and digits from `start` end.
fn word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = start;
    loop {
        while bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
            end += 1;
        }
        match text[end..].chars().next() {
            Some(c) if !c.is_ascii() && is_word_char(c) => end += c.len_utf8(),
            _ => return end,
        }
    }
}

/// A hash of a word's bytes with ASCII letters in lower case, so that a word finds the forms it
/// may match whatever its capitals. Equal hashes may still be other words: compare the bytes.
pub(crate) fn folded_hash(word: &[u8]) -> u64 {
    fold_and_hash(word).0
}

/// [`folded_hash`], and whether the word has an ASCII capital. Eight bytes at a time: most words
/// take one step.
fn fold_and_hash(word: &[u8]) -> (u64, bool) {
    const MULTIPLIER: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let mut hash = word.len() as u64;
    let mut capitals = 0;
    let mut mix = |eight: u64| {
        let found = ascii_capitals(eight);
        capitals |= found;
        hash = (hash.rotate_left(5) ^ (eight | found >> 2)).wrapping_mul(MULTIPLIER);
    };
    let mut chunks = word.chunks_exact(8);
    for chunk in &mut chunks {
        mix(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
    }
    let tail = chunks.remainder();
    if !tail.is_empty() {
        mix(tail.iter().rev().fold(0, |eight, &b| eight << 8 | u64::from(b)));
    }
    (hash, capitals != 0)
}

/// The high bit of each of eight bytes that is an ASCII capital, all at once (shifted right by
/// two it is the bit that makes the capital lower case).
fn ascii_capitals(eight: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let ascii = !eight & (ONES * 0x80);
    let low_seven = eight & (ONES * 0x7f);
    // The high bit of each byte: at least 'A', and more than 'Z' (no carry crosses a byte).
    let from_a = low_seven + ONES * (0x80 - u64::from(b'A'));
    let past_z = low_seven + ONES * (0x7f - u64::from(b'Z'));
    ascii & from_a & !past_z
}

/// Values by the folded hash of a first word ([`folded_hash`]), behind a filter of those hashes:
/// most words of a text are in none of the tables, and the filter rules them out before the
/// lookup.
pub(crate) struct FirstWordIndex<V> {
    by_first_word: FxHashMap<u64, V>,
    filter: WordFilter,
}

impl<V> FirstWordIndex<V> {
    pub fn new(by_first_word: FxHashMap<u64, V>) -> FirstWordIndex<V> {
        let mut filter = WordFilter::for_words(by_first_word.len());
        by_first_word.keys().for_each(|&folded| filter.insert(folded));
        FirstWordIndex { by_first_word, filter }
    }

    /// The value of the first word whose folded hash is `folded` (perhaps another word's with the
    /// same hash: compare the bytes).
    #[inline]
    pub fn get(&self, folded: u64) -> Option<&V> {
        if !self.filter.may_contain(folded) {
            return None;
        }
        self.by_first_word.get(&folded)
    }

    pub fn is_empty(&self) -> bool {
        self.by_first_word.is_empty()
    }
}

/// A set of word hashes that may say yes wrongly but never no wrongly.
struct WordFilter {
    bits: Vec<u64>,
    /// How far a hash is shifted right to pick its bit: 64 less the log2 of the bit count.
    shift: u32,
}

impl WordFilter {
    /// A filter for about `words` words, with some 8 bits each.
    fn for_words(words: usize) -> WordFilter {
        const MIN_BITS: usize = 256;
        const BITS_PER_WORD: usize = 8;
        let bits = (words * BITS_PER_WORD).next_power_of_two().max(MIN_BITS);
        WordFilter { bits: vec![0; bits / 64], shift: 64 - bits.trailing_zeros() }
    }

    fn insert(&mut self, folded: u64) {
        let (word, bit) = self.place(folded);
        self.bits[word] |= bit;
    }

    #[inline]
    fn may_contain(&self, folded: u64) -> bool {
        let (word, bit) = self.place(folded);
        self.bits[word] & bit != 0
    }

    /// The hash's top bits pick the bit.
    #[inline]
    fn place(&self, folded: u64) -> (usize, u64) {
        let index = (folded >> self.shift) as usize;
        (index / 64, 1 << (index % 64))
    }
}

/// The letters and digits `s` starts with.
pub(crate) fn first_word(s: &str) -> &str {
    &s[..word_end(s, 0)]
}

pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Whether a word may start at `i`: start of text or a non-word character before it.
#[inline]
pub(crate) fn starts_word(text: &str, i: usize) -> bool {
    let bytes = text.as_bytes();
    if i == 0 {
        return true;
    }
    let prev = bytes[i - 1];
    if prev < 0x80 {
        return !prev.is_ascii_alphanumeric();
    }
    !text[..i].chars().next_back().is_some_and(is_word_char)
}

/// Whether a word may end at `i`: end of text or a non-word character there.
#[inline]
pub(crate) fn ends_word(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        None => true,
        Some(b) if *b < 0x80 => !b.is_ascii_alphanumeric(),
        Some(_) => !text[i..].chars().next().is_some_and(is_word_char),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_starts_skip_the_inside_of_words() {
        let text = "the CELAC's “Mercosur” summit, 2024";
        let words: Vec<&str> = word_starts(text).iter().map(|w| &text[w.start..w.start + w.len]).collect();
        // The apostrophe ends "CELAC" and starts no word ("s" follows a non-word character, so
        // it is one); the opening quotation mark is a non-ASCII place with no word.
        assert_eq!(words, ["the", "CELAC", "s", "", "Mercosur", "summit", "2024"]);
        let celac = word_starts(text)[1];
        assert!(celac.has_ascii_upper);
        assert_eq!(celac.folded, folded_hash(b"celac"));
    }

    proptest::proptest! {
        /// Word starts are the places with a word start character and no word character before,
        /// outside the words found before them.
        #[test]
        fn word_starts_are_where_words_may_start(text in "[a-zA-Z0-9 .,'’“”()áÉñ€\u{a0}-]{0,40}") {
            let mut expected = Vec::new();
            let mut i = 0;
            while i < text.len() {
                let b = text.as_bytes()[i];
                if (b.is_ascii_alphanumeric() || b >= 0xC0) && starts_word(&text, i) {
                    let word = first_word(&text[i..]);
                    expected.push((i, word.len()));
                    i += word.len().max(1);
                } else {
                    i += 1;
                }
            }
            let found: Vec<(usize, usize)> = word_starts(&text).iter().map(|w| (w.start, w.len)).collect();
            proptest::prop_assert_eq!(found, expected);
        }
    }

    #[test]
    fn folded_hashes_ignore_ascii_capitals_only() {
        for (a, b) in [("CELAC", "celac"), ("Mercosur", "MERCOSUR"), ("Intergovernmental", "INTERGOVERNMENTAL")] {
            assert_eq!(folded_hash(a.as_bytes()), folded_hash(b.as_bytes()));
        }
        // '@' and '[' sit either side of the capitals; 'É' is not ASCII.
        for (a, b) in [("@", "`"), ("[", "{"), ("Éva", "éva"), ("ab", "abc")] {
            assert_ne!(folded_hash(a.as_bytes()), folded_hash(b.as_bytes()));
        }
    }
}
