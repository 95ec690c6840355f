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
}

/// Whether the mark `c` between `prev` and the character `next` joins them into one word; `next`
/// is decoded only for the marks that may join, not for every character of the text.
fn joins(prev: char, c: char, next: impl FnOnce() -> Option<char>) -> bool {
    match c {
        '\'' | '’' | '-' | '.' => prev.is_alphanumeric() && next().is_some_and(char::is_alphanumeric),
        ',' => prev.is_ascii_digit() && next().is_some_and(|n| n.is_ascii_digit()),
        _ => false,
    }
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
    let mut start: Option<usize> = None;
    let mut prev = ' ';
    let mut iter = s.char_indices();
    while let Some((i, c)) = iter.next() {
        let inside = c.is_alphanumeric() || (start.is_some() && joins(prev, c, || iter.as_str().chars().next()));
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push(make(text, Span::new(span.start + st, span.start + i)));
                start = None;
            }
            _ => {}
        }
        prev = c;
    }
    if let Some(st) = start {
        out.push(make(text, Span::new(span.start + st, span.end)));
    }
}

fn make(text: &str, span: Span) -> Word<'_> {
    let raw = span.text(text);
    // Most words are already lower case ASCII: no allocation, no case mapping.
    let lower = if raw.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'\'') {
        Cow::Borrowed(raw)
    } else if raw.is_ascii() {
        Cow::Owned(raw.to_ascii_lowercase())
    } else {
        let lower = raw.to_lowercase();
        Cow::Owned(if lower.contains('’') { lower.replace('’', "'") } else { lower })
    };
    let capitalized = match raw.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => raw.chars().next().is_some_and(char::is_uppercase),
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

    #[test]
    fn lower_cases_and_capitals_of_every_script() {
        let text = "ÉTAT Ñandú São PAULO’S Über";
        let got: Vec<(String, bool)> =
            words(text, Span::new(0, text.len())).into_iter().map(|w| (w.lower.into_owned(), w.capitalized)).collect();
        let want = [("état", true), ("ñandú", true), ("são", true), ("paulo's", true), ("über", true)];
        assert_eq!(got, want.map(|(w, c)| (w.to_string(), c)));
    }
}
