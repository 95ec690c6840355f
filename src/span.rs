//! Byte ranges into an article's text: the one coordinate system of the core.

use serde::Serialize;

/// A half-open byte range `start..end` into the article text. Always on `char` boundaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.start >= self.end
    }

    pub const fn contains(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    pub const fn contains_span(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub const fn intersects(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn text(self, text: &str) -> &str {
        &text[self.start..self.end]
    }

    /// The span shrunk to exclude leading and trailing whitespace.
    pub fn trim(self, text: &str) -> Span {
        let slice = self.text(text);
        let start = self.start + (slice.len() - slice.trim_start().len());
        let end = self.start + slice.trim_end().len();
        if start >= end { Span::new(start, start) } else { Span::new(start, end) }
    }
}
