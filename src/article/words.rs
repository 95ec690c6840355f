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

fn joins(prev: char, c: char, next: Option<char>) -> bool {
    let next_alnum = next.is_some_and(char::is_alphanumeric);
    match c {
        '\'' | '’' | '-' | '.' => prev.is_alphanumeric() && next_alnum,
        ',' => prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()),
        _ => false,
    }
}

/// The words of `span` in `text`.
pub fn words(text: &str, span: Span) -> Vec<Word<'_>> {
    let s = span.text(text);
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut prev = ' ';
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        let inside = c.is_alphanumeric() || (start.is_some() && joins(prev, c, next));
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
    out
}

fn make(text: &str, span: Span) -> Word<'_> {
    let raw = span.text(text);
    // Most words are already lower case ASCII: no allocation, no case mapping.
    let lower = if raw.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'\'') {
        Cow::Borrowed(raw)
    } else {
        let lower = raw.to_lowercase();
        Cow::Owned(if lower.contains('’') { lower.replace('’', "'") } else { lower })
    };
    Word { span, lower, capitalized: raw.chars().next().is_some_and(char::is_uppercase) }
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
}
