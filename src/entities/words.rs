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
    let classes = ByteClasses::of(text);
    let mut out = Vec::with_capacity(bytes.len() / BYTES_PER_WORD);
    // Whether the byte before the current block is a word's.
    let mut word_before = 0;
    for (block, (&word, &other)) in classes.word.iter().zip(&classes.other).enumerate() {
        let after_word = word << 1 | word_before;
        word_before = word >> 63;
        let mut starts = (word | other) & !after_word;
        while starts != 0 {
            let bit = starts.trailing_zeros();
            starts &= starts - 1;
            let start = block * 64 + bit as usize;
            let len = if word >> bit & 1 == 0 { 0 } else { classes.word_run(block, bit) };
            let (folded, has_ascii_upper) = fold_and_hash(bytes, start, start + len, lower_case_word_capitals);
            out.push(WordStart { start, len, folded, has_ascii_upper });
        }
    }
    out
}

/// The text's bytes as two bit sets, 64 bytes a block, bit `i` of a block for its byte `i`: the
/// bytes of letters and digits (any script), and the first bytes of the non-ASCII characters
/// that are neither (a word may start there: it is a [`WordStart`] of no letters). Bits rather
/// than a walk of the text byte by byte, because a walk mispredicts a branch at every word's
/// end; with bits a word's end is one count of trailing ones.
struct ByteClasses {
    word: Vec<u64>,
    other: Vec<u64>,
}

impl ByteClasses {
    fn of(text: &str) -> ByteClasses {
        let bytes = text.as_bytes();
        let blocks = bytes.len().div_ceil(64);
        let mut word = Vec::with_capacity(blocks);
        let mut non_ascii_leads = Vec::with_capacity(blocks);
        let mut push = |block: &[u8; 64]| {
            let (alphanumeric, leads) = ascii_alphanumerics_and_non_ascii_leads(block);
            word.push(alphanumeric);
            non_ascii_leads.push(leads);
        };
        let mut whole_blocks = bytes.chunks_exact(64);
        whole_blocks.by_ref().for_each(|block| push(block.try_into().expect("64 bytes")));
        if !whole_blocks.remainder().is_empty() {
            // The last block padded with zeros, which are neither.
            let mut last = [0; 64];
            last[..whole_blocks.remainder().len()].copy_from_slice(whole_blocks.remainder());
            push(&last);
        }
        // Non-ASCII characters are few: decode each to see whether it is a letter or digit.
        let mut other = vec![0; blocks];
        for (block, &leads) in non_ascii_leads.iter().enumerate() {
            let mut leads = leads;
            while leads != 0 {
                let start = block * 64 + leads.trailing_zeros() as usize;
                leads &= leads - 1;
                let c = text[start..].chars().next().expect("a character starts at a lead byte");
                if is_word_char(c) {
                    (start..start + c.len_utf8()).for_each(|i| word[i / 64] |= 1 << (i % 64));
                } else {
                    other[block] |= 1 << (start % 64);
                }
            }
        }
        ByteClasses { word, other }
    }

    /// How many word bytes run from bit `bit` of block `block` on.
    fn word_run(&self, block: usize, bit: u32) -> usize {
        let mut run = (!(self.word[block] >> bit)).trailing_zeros() as usize;
        if run == 64 - bit as usize {
            for &next in &self.word[block + 1..] {
                let ones = next.trailing_ones() as usize;
                run += ones;
                if ones < 64 {
                    break;
                }
            }
        }
        run
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = ONES * 0x80;

/// Up to eight bytes as one little-endian number, missing bytes zero.
fn load_le(bytes: &[u8]) -> u64 {
    match <[u8; 8]>::try_from(bytes) {
        Ok(eight) => u64::from_le_bytes(eight),
        Err(_) => bytes.iter().rev().fold(0, |eight, &b| eight << 8 | u64::from(b)),
    }
}

/// The high bits of eight bytes as eight bits, byte `i`'s as bit `i` (every other bit of
/// `marked` must be clear): the multiplication moves each byte's bit to its own place in the
/// top byte, with no two products on one bit.
fn high_bits(marked: u64) -> u64 {
    const GATHER: u64 = 0x0102_0408_1020_4080;
    (marked >> 7).wrapping_mul(GATHER) >> 56
}

/// The high bit of each of eight bytes that is ASCII and in `from..=to`, all at once: the bytes'
/// low seven bits plus a constant carry into the high bit exactly when at least `from`, and no
/// carry crosses a byte.
fn ascii_in_range(eight: u64, from: u8, to: u8) -> u64 {
    let ascii = !eight & HIGH_BITS;
    let low_seven = eight & (ONES * 0x7f);
    let at_least_from = low_seven + ONES * u64::from(0x80 - from);
    let past_to = low_seven + ONES * u64::from(0x7f - to);
    ascii & at_least_from & !past_to
}

/// Two bit sets of a block of 64 bytes, bit `i` for byte `i`: the ASCII letters and digits, and
/// the first bytes of non-ASCII characters (0b11xxxxxx). Each byte is first marked in a byte of its
/// own, a loop the compiler turns into vector instructions, and the marks are then gathered eight
/// at a time.
fn ascii_alphanumerics_and_non_ascii_leads(block: &[u8; 64]) -> (u64, u64) {
    let mut alphanumeric_marks = [0u8; 64];
    let mut lead_marks = [0u8; 64];
    for ((&byte, alphanumeric), lead) in block.iter().zip(&mut alphanumeric_marks).zip(&mut lead_marks) {
        // Setting 0x20 makes capitals small letters and moves no digit or other byte into a-z.
        let is_alphanumeric = (byte | 0x20).wrapping_sub(b'a') < 26 || byte.wrapping_sub(b'0') < 10;
        *alphanumeric = if is_alphanumeric { 0x80 } else { 0 };
        *lead = if byte >= 0xC0 { 0x80 } else { 0 };
    }
    let gather = |marks: &[u8; 64]| {
        marks.chunks_exact(8).enumerate().fold(0, |bits, (i, eight)| {
            bits | high_bits(u64::from_le_bytes(eight.try_into().expect("8 bytes"))) << (8 * i)
        })
    };
    (gather(&alphanumeric_marks), gather(&lead_marks))
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
    fold_and_hash(word, 0, word.len(), lower_case_ascii_capitals).0
}

/// [`folded_hash`] of `bytes[start..end]`, and whether it has an ASCII capital, with `fold`
/// making eight bytes' ASCII capitals small letters. Eight bytes at a time: most words take one
/// step.
#[inline]
fn fold_and_hash(bytes: &[u8], start: usize, end: usize, fold: impl Fn(u64) -> u64) -> (u64, bool) {
    const MULTIPLIER: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let mut hash = (end - start) as u64;
    let mut has_capital = false;
    // The bytes of `eight` that `keep` keeps, folded.
    let mut mix = |eight: u64, keep: u64| {
        let folded = fold(eight) & keep;
        has_capital |= folded != eight & keep;
        hash = (hash.rotate_left(5) ^ folded).wrapping_mul(MULTIPLIER);
    };
    let mut at = start;
    while end - at >= 8 {
        mix(load_le(&bytes[at..at + 8]), u64::MAX);
        at += 8;
    }
    if at < end {
        // The tail's bytes, then zeros: loaded eight at once where the text goes on that far.
        let tail = end - at;
        let eight = match bytes.get(at..at + 8) {
            Some(eight) => load_le(eight),
            None => load_le(&bytes[at..end]),
        };
        mix(eight, u64::MAX >> (64 - 8 * tail));
    }
    (hash, has_capital)
}

/// Eight bytes with their ASCII capitals made small letters.
fn lower_case_ascii_capitals(eight: u64) -> u64 {
    // The high bit of each capital, shifted right by two, is the bit that makes it small.
    eight | ascii_in_range(eight, b'A', b'Z') >> 2
}

/// Eight bytes of a word (ASCII letters and digits, the bytes of other characters) with their
/// capitals made small letters, as [`lower_case_ascii_capitals`] but in fewer steps: setting 0x20
/// in every ASCII byte changes only the capitals among a word's bytes (small letters and digits
/// have it already) and the bytes past the word, which [`fold_and_hash`] masks off.
fn lower_case_word_capitals(eight: u64) -> u64 {
    eight | (!eight & HIGH_BITS) >> 2
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
        let mut filter = WordFilter::empty();
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

/// A set of word hashes that may say yes wrongly but never no wrongly. One size for every table:
/// some 14 bits a word for the knowledge base's 2,400 first words, the most any table has
/// (more only raise the false yeses), and a size the compiler knows needs no bounds checks.
struct WordFilter {
    bits: Box<[u64; WordFilter::BITS / 64]>,
}

impl WordFilter {
    const BITS_LOG2: u32 = 15;
    const BITS: usize = 1 << WordFilter::BITS_LOG2;

    fn empty() -> WordFilter {
        WordFilter { bits: Box::new([0; WordFilter::BITS / 64]) }
    }

    fn insert(&mut self, folded: u64) {
        let (word, bit) = WordFilter::place(folded);
        self.bits[word] |= bit;
    }

    #[inline]
    fn may_contain(&self, folded: u64) -> bool {
        let (word, bit) = WordFilter::place(folded);
        self.bits[word] & bit != 0
    }

    /// The hash's top bits pick the bit.
    #[inline]
    fn place(folded: u64) -> (usize, u64) {
        let index = (folded >> (64 - WordFilter::BITS_LOG2)) as usize;
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
        /// outside the words found before them, with their hash and capitals. Long texts and long
        /// words, that cross the 64-byte blocks of the bit sets.
        #[test]
        fn word_starts_are_where_words_may_start(
            text in "([a-zA-Z0-9 .,'’“”()áÉñ€\u{a0}-]|[a-zÉ]{60,130}){0,150}"
        ) {
            let mut expected = Vec::new();
            let mut i = 0;
            while i < text.len() {
                let b = text.as_bytes()[i];
                if (b.is_ascii_alphanumeric() || b >= 0xC0) && starts_word(&text, i) {
                    let word = first_word(&text[i..]);
                    let upper = word.bytes().any(|b| b.is_ascii_uppercase());
                    expected.push((i, word.len(), folded_hash(word.as_bytes()), upper));
                    i += word.len().max(1);
                } else {
                    i += 1;
                }
            }
            let found: Vec<(usize, usize, u64, bool)> =
                word_starts(&text).iter().map(|w| (w.start, w.len, w.folded, w.has_ascii_upper)).collect();
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
