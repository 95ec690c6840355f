//! Byte offsets to (line, column) and back, where lines end at `\n`, `\r\n` or a lone `\r` (as in LSP).

use std::ops::Range;

/// How columns are counted, as negotiated with an LSP client (`general.positionEncodings`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PositionEncoding {
    #[default]
    Utf16,
    Utf8,
}

/// A 0-based line and a column in the units of some [`PositionEncoding`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

/// Start offsets of every line of a text.
#[derive(Clone, Debug)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    len: usize,
    /// The text is ASCII (most articles are): a UTF-16 column is the count of bytes, not counted
    /// character by character for every position asked for.
    ascii: bool,
}

/// The byte range of every line break of `text` (`\n`, `\r\n` or a lone `\r`), in order. Found
/// with memchr, which skips the text between breaks many bytes at a time.
pub fn line_breaks(text: &str) -> impl Iterator<Item = Range<usize>> {
    let bytes = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        let at = from + memchr::memchr2(b'\n', b'\r', &bytes[from..])?;
        from = at + if bytes[at..].starts_with(b"\r\n") { 2 } else { 1 };
        Some(at..from)
    })
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let line_starts = std::iter::once(0).chain(line_breaks(text).map(|line_break| line_break.end)).collect();
        LineIndex { line_starts, len: text.len(), ascii: text.is_ascii() }
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The byte range of a line, without its line break.
    pub fn line_span(&self, text: &str, line: usize) -> (usize, usize) {
        let start = self.line_starts[line.min(self.line_starts.len() - 1)];
        let mut end = self.line_starts.get(line + 1).copied().unwrap_or(self.len);
        let bytes = text.as_bytes();
        while end > start && matches!(bytes[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        (start, end)
    }

    /// The position of a byte offset (clamped to the text, and back to a char boundary).
    pub fn position(&self, text: &str, offset: usize, encoding: PositionEncoding) -> LineCol {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let (start, end) = self.line_span(text, line);
        let slice = &text[start..offset.min(end).max(start)];
        let col = match encoding {
            PositionEncoding::Utf16 if !self.ascii => utf16_len(slice),
            PositionEncoding::Utf8 | PositionEncoding::Utf16 => slice.len(),
        };
        LineCol { line: line as u32, col: col as u32 }
    }

    /// The position of a byte offset with the column in characters, as people count them (and
    /// terminals, compilers and editors' status lines show them).
    pub fn char_position(&self, text: &str, offset: usize) -> LineCol {
        let bytes = self.position(text, offset, PositionEncoding::Utf8);
        if self.ascii {
            return bytes;
        }
        let (line_start, _) = self.line_span(text, bytes.line as usize);
        let col = text[line_start..line_start + bytes.col as usize].chars().count();
        LineCol { col: col as u32, ..bytes }
    }

    /// Whether the text is ASCII, where bytes, characters and UTF-16 code units are one.
    pub fn is_ascii(&self) -> bool {
        self.ascii
    }

    /// The byte offset of a position; a line or column past the end is clamped, and a column inside
    /// a character (half a surrogate pair, a UTF-8 continuation byte) moves to that character's start.
    pub fn offset(&self, text: &str, pos: LineCol, encoding: PositionEncoding) -> usize {
        let line = pos.line as usize;
        if line >= self.line_starts.len() {
            return self.len;
        }
        let (start, end) = self.line_span(text, line);
        let mut units = 0usize;
        for (i, ch) in text[start..end].char_indices() {
            let width = match encoding {
                PositionEncoding::Utf8 => ch.len_utf8(),
                PositionEncoding::Utf16 => ch.len_utf16(),
            };
            if units + width > pos.col as usize {
                return start + i;
            }
            units += width;
        }
        end
    }
}

/// UTF-16 code units in `s`, counted on bytes (this runs for every diagnostic): one per character,
/// that is per byte that does not continue a character, and one more for a four-byte character.
fn utf16_len(s: &str) -> usize {
    s.bytes().map(|b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_line_breaks_count() {
        let text = "a\nb\r\nc\rd";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        assert_eq!(index.position(text, 7, PositionEncoding::Utf16), LineCol { line: 3, col: 0 });
        assert_eq!(index.line_span(text, 1), (2, 3));
    }

    #[test]
    fn utf16_columns_count_surrogates() {
        let text = "😀 é x";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(index.position(text, x, PositionEncoding::Utf16).col, 5);
        assert_eq!(index.position(text, x, PositionEncoding::Utf8).col, 8);
        assert_eq!(index.offset(text, LineCol { line: 0, col: 5 }, PositionEncoding::Utf16), x);
        // Half a surrogate pair lands on the emoji's start.
        assert_eq!(index.offset(text, LineCol { line: 0, col: 1 }, PositionEncoding::Utf16), 0);
    }

    proptest::proptest! {
        #[test]
        fn utf16_len_counts_what_encode_utf16_yields(s in "\\PC*") {
            proptest::prop_assert_eq!(utf16_len(&s), s.encode_utf16().count());
        }
    }

    #[test]
    fn clamps_out_of_range() {
        let text = "ab\ncd";
        let index = LineIndex::new(text);
        assert_eq!(index.offset(text, LineCol { line: 9, col: 0 }, PositionEncoding::Utf16), 5);
        assert_eq!(index.offset(text, LineCol { line: 0, col: 99 }, PositionEncoding::Utf16), 2);
        assert_eq!(index.position(text, 99, PositionEncoding::Utf16), LineCol { line: 1, col: 2 });
    }
}
