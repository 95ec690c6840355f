//! Words with their spans: letters and digits, joined by inner apostrophes, hyphens, dots
//! ("U.S", "don't", "Kazakhstan's", "well-known") and digit-group commas ("170,000").

use std::borrow::Cow;

use crate::span::Span;

#[derive(Clone, Debug)]
pub struct Word<'t> {
    pub span: Span,
    /// Lower-cased text, with curly apostrophes made straight; borrowed from the text when it is
    /// already so (most words), so that splitting a sentence allocates once, not once a word.
    pub lower: Cow<'t, str>,
    /// First character upper case.
    pub capitalized: bool,
}

impl Word<'_> {
    pub fn is(&self, lower: &str) -> bool {
        self.lower == lower
    }

    pub fn is_any(&self, set: &[&str]) -> bool {
        set.contains(&self.lower.as_ref())
    }

    /// A Spanish or Portuguese verb in the synthetic future ("se duplicarán", "dobrarão",
    /// "tendrá"): the tense says "will" without a separate word. Written in lower case, which
    /// leaves out place names ("Pará"); "verão" is also the summer.
    pub fn is_synthetic_future(&self) -> bool {
        let w = self.lower.as_ref();
        !self.capitalized
            && w.chars().count() >= 4
            && (w.ends_with("rá") || w.ends_with("rán") || ["arão", "erão", "irão"].iter().any(|e| w.ends_with(e)))
            && w != "verão"
    }
}

/// What a character is to a word, as bits: letters and digits make words, marks join them.
const ALPHANUMERIC: u8 = 1;
const ASCII_DIGIT: u8 = 2;
const ASCII_UPPER: u8 = 4;
/// An apostrophe (straight or curly), hyphen or dot: joins letters or digits either side.
const JOINING_MARK: u8 = 8;
/// Joins ASCII digits either side ("170,000").
const COMMA: u8 = 16;
const NON_ASCII: u8 = 32;

/// The class of every ASCII byte, and of every other byte `NON_ASCII` alone: most of a text is
/// classed by one look-up, without decoding it.
static BYTE_CLASS: [u8; 256] = {
    let mut classes = [0; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        classes[b] = if !c.is_ascii() {
            NON_ASCII
        } else if c.is_ascii_lowercase() {
            ALPHANUMERIC
        } else if c.is_ascii_uppercase() {
            ALPHANUMERIC | ASCII_UPPER
        } else if c.is_ascii_digit() {
            ALPHANUMERIC | ASCII_DIGIT
        } else if matches!(c, b'\'' | b'-' | b'.') {
            JOINING_MARK
        } else if c == b',' {
            COMMA
        } else {
            0
        };
        b += 1;
    }
    classes
};

/// The class of the character at byte `i` of `s` (a character boundary) and its length; only a
/// non-ASCII character is decoded.
fn class_at(s: &str, i: usize) -> (u8, usize) {
    let class = BYTE_CLASS[usize::from(s.as_bytes()[i])];
    if class != NON_ASCII {
        return (class, 1);
    }
    let c = s[i..].chars().next().expect("a character starts at a boundary");
    let class = if c.is_alphanumeric() {
        ALPHANUMERIC
    } else if c == '’' {
        JOINING_MARK
    } else {
        0
    };
    (class | NON_ASCII, c.len_utf8())
}

/// The words of `span` in `text`.
pub fn words(text: &str, span: Span) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    push_words(text, span, &mut out);
    out
}

/// Appends the words of `span` in `text` to `out`.
fn push_words<'t>(text: &'t str, span: Span, out: &mut Vec<Word<'t>>) {
    let s = span.text(text);
    let mut i = 0;
    while i < s.len() {
        let (first, len) = class_at(s, i);
        if first & ALPHANUMERIC == 0 {
            i += len;
            continue;
        }
        let start = i;
        // Every class of the word's characters, for `make`.
        let mut classes = first;
        i += len;
        while i < s.len() {
            let (class, len) = class_at(s, i);
            if class & ALPHANUMERIC != 0 {
                classes |= class;
                i += len;
                continue;
            }
            // A mark joins only with a letter or digit after it; inside a word one comes before.
            if class & (JOINING_MARK | COMMA) == 0 || i + len == s.len() {
                break;
            }
            let (next, next_len) = class_at(s, i + len);
            let joins = if class & JOINING_MARK != 0 {
                next & ALPHANUMERIC != 0
            } else {
                s.as_bytes()[i - 1].is_ascii_digit() && next & ASCII_DIGIT != 0
            };
            if !joins {
                break;
            }
            classes |= class | next;
            i += len + next_len;
        }
        out.push(make(text, Span::new(span.start + start, span.start + i), first, classes));
    }
}

/// The word at `span`, whose first character is of class `first` and whose characters are of
/// the classes `classes`, together.
fn make(text: &str, span: Span, first: u8, classes: u8) -> Word<'_> {
    let raw = span.text(text);
    // Most words are lower case ASCII: no allocation, no case mapping.
    let lower = if classes & NON_ASCII != 0 {
        let lower = raw.to_lowercase();
        Cow::Owned(if lower.contains('’') { lower.replace('’', "'") } else { lower })
    } else if classes & ASCII_UPPER != 0 {
        Cow::Owned(raw.to_ascii_lowercase())
    } else {
        Cow::Borrowed(raw)
    };
    let capitalized = if first & NON_ASCII == 0 {
        first & ASCII_UPPER != 0
    } else {
        raw.chars().next().is_some_and(char::is_uppercase)
    };
    Word { span, lower, capitalized }
}

/// Fewer bytes of text per word than almost any article has (the median is about 6): enough
/// room reserved up front that the words of an article are rarely moved.
const BYTES_PER_WORD: usize = 5;

/// The words of every sentence of an article, split once for every stage that reads them
/// (cues, continuation, claims), in one vector.
pub struct SentenceWords<'t> {
    words: Vec<Word<'t>>,
    /// Where each sentence's words start in `words`, and one past the last sentence's.
    starts: Vec<usize>,
}

impl<'t> SentenceWords<'t> {
    pub fn new(text: &'t str, sentences: &[super::Sentence]) -> Self {
        let bytes: usize = sentences.iter().map(|s| s.span.len()).sum();
        let mut words = Vec::with_capacity(bytes / BYTES_PER_WORD);
        let mut starts = Vec::with_capacity(sentences.len() + 1);
        for sentence in sentences {
            starts.push(words.len());
            push_words(text, sentence.span, &mut words);
        }
        starts.push(words.len());
        SentenceWords { words, starts }
    }

    /// The words of sentence `sentence` (an index into [`super::Article::sentences`]).
    pub fn of(&self, sentence: usize) -> &[Word<'t>] {
        &self.words[self.range(sentence)]
    }

    /// Where the words of sentence `sentence` are in [`SentenceWords::all`]: for values kept per
    /// word of the article.
    pub fn range(&self, sentence: usize) -> std::ops::Range<usize> {
        self.starts[sentence]..self.starts[sentence + 1]
    }

    /// The words of every sentence, in text order.
    pub fn all(&self) -> &[Word<'t>] {
        &self.words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_inner_marks_only() {
        let text = "The U.S.-led \"deal\" cost $170,000, Kazakhstan’s don't.";
        let got: Vec<String> =
            words(text, Span::new(0, text.len())).into_iter().map(|w| w.lower.into_owned()).collect();
        assert_eq!(got, ["the", "u.s", "led", "deal", "cost", "170,000", "kazakhstan's", "don't"]);
    }

    /// The words of `s` as the character-by-character definition gives them: letters and digits,
    /// and the marks that join them; each word lower-cased by the full Unicode mapping.
    fn words_char_by_char(s: &str) -> Vec<(Span, String, bool)> {
        let joins = |prev: char, c: char, next: Option<char>| match c {
            '\'' | '’' | '-' | '.' => prev.is_alphanumeric() && next.is_some_and(char::is_alphanumeric),
            ',' => prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()),
            _ => false,
        };
        let word = |start: usize, end: usize| {
            let raw = &s[start..end];
            (Span::new(start, end), raw.to_lowercase().replace('’', "'"), raw.starts_with(char::is_uppercase))
        };
        let (mut out, mut start, mut prev) = (Vec::new(), None, ' ');
        for (i, c) in s.char_indices() {
            let inside =
                c.is_alphanumeric() || (start.is_some() && joins(prev, c, s[i + c.len_utf8()..].chars().next()));
            match (inside, start) {
                (true, None) => start = Some(i),
                (false, Some(st)) => {
                    out.push(word(st, i));
                    start = None;
                }
                _ => {}
            }
            prev = c;
        }
        out.extend(start.map(|st| word(st, s.len())));
        out
    }

    proptest::proptest! {
        /// The byte-classed split finds the words, lower cases and capitals of the definition.
        #[test]
        fn words_are_those_of_the_char_by_char_definition(
            s in "([a-zA-Z0-9 .,'’\"-]|[ÉéñÑßİ٣Ⅻ—“”\u{a0}]){0,60}"
        ) {
            let got: Vec<(Span, String, bool)> =
                words(&s, Span::new(0, s.len())).into_iter().map(|w| (w.span, w.lower.into_owned(), w.capitalized)).collect();
            proptest::prop_assert_eq!(got, words_char_by_char(&s));
        }
    }

    #[test]
    fn lower_cases_and_capitals_of_every_script() {
        let text = "ÉTAT Ñandú São PAULO’S Über";
        let got: Vec<(String, bool)> =
            words(text, Span::new(0, text.len())).into_iter().map(|w| (w.lower.into_owned(), w.capitalized)).collect();
        let want = [("état", true), ("ñandú", true), ("são", true), ("paulo's", true), ("über", true)];
        assert_eq!(got, want.map(|(w, c)| (w.to_string(), c)));
    }
}
