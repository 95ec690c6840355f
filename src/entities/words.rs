//! Words as entity recognition sees them: runs of letters and digits. The text's word starts are
//! found once ([`word_starts`]) and serve the knowledge-base scan, people's titles and the names
//! an article introduces, each of which looks a word up by its hash instead of searching the text.

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
    while i < bytes.len() {
        let b = bytes[i];
        let may_start = b.is_ascii_alphanumeric() || b >= 0xC0;
        if !may_start || !starts_word(text, i) {
            i += 1;
            continue;
        }
        let word = first_word(&text[i..]).as_bytes();
        out.push(WordStart {
            start: i,
            len: word.len(),
            folded: folded_hash(word),
            has_ascii_upper: word.iter().any(u8::is_ascii_uppercase),
        });
        // No word starts inside the word.
        i += word.len().max(1);
    }
    out
}

/// A hash of a word's bytes with ASCII letters in lower case, so that a word finds the forms it
/// may match whatever its capitals. Equal hashes may still be other words: compare the bytes.
pub(crate) fn folded_hash(word: &[u8]) -> u64 {
    word.iter().fold(0, |hash: u64, &b| {
        (hash.rotate_left(5) ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
    })
}

/// The letters and digits `s` starts with.
#[inline]
pub(crate) fn first_word(s: &str) -> &str {
    let bytes = s.as_bytes();
    let mut end = 0;
    while end < bytes.len() {
        if bytes[end] < 0x80 {
            if !bytes[end].is_ascii_alphanumeric() {
                break;
            }
            end += 1;
        } else {
            let c = s[end..].chars().next().expect("a char at a boundary");
            if !is_word_char(c) {
                break;
            }
            end += c.len_utf8();
        }
    }
    &s[..end]
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
}
