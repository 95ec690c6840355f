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
    /// On the long lines of a text that is not ASCII, the columns at every [`CHECKPOINT_BYTES`],
    /// so that a column is counted from the nearest one before it: a paragraph of megabytes on
    /// one line costs each of its thousands of positions a few hundred bytes, not the line.
    checkpoints: Vec<Checkpoint>,
}

/// Columns counted from a line's start to the byte `byte` inside it.
#[derive(Clone, Copy, Debug)]
struct Checkpoint {
    byte: usize,
    utf16: u32,
    chars: u32,
}

/// Bytes between checkpoints; lines shorter than this have none.
const CHECKPOINT_BYTES: usize = 512;

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
        let mut index = LineIndex { line_starts, len: text.len(), ascii: text.is_ascii(), checkpoints: Vec::new() };
        if !index.ascii {
            index.checkpoints = index.checkpoints_of(text);
        }
        index
    }

    fn checkpoints_of(&self, text: &str) -> Vec<Checkpoint> {
        let mut checkpoints = Vec::new();
        for line in 0..self.line_starts.len() {
            let (start, end) = self.line_span(text, line);
            let (mut at, mut utf16, mut chars) = (start, 0, 0);
            while end - at > CHECKPOINT_BYTES {
                let mut next = at + CHECKPOINT_BYTES;
                while !text.is_char_boundary(next) {
                    next += 1;
                }
                let chunk = &text[at..next];
                utf16 += utf16_len(chunk) as u32;
                chars += chunk.chars().count() as u32;
                checkpoints.push(Checkpoint { byte: next, utf16, chars });
                at = next;
            }
        }
        checkpoints
    }

    /// The last checkpoint at or before `offset` on the line starting at `line_start`, or the
    /// line's start.
    fn checkpoint_before(&self, line_start: usize, offset: usize) -> Checkpoint {
        let after = self.checkpoints.partition_point(|c| c.byte <= offset);
        match after.checked_sub(1).map(|i| self.checkpoints[i]) {
            // Checkpoints lie inside their lines, so one past this line's start is on it.
            Some(checkpoint) if checkpoint.byte > line_start => checkpoint,
            _ => Checkpoint { byte: line_start, utf16: 0, chars: 0 },
        }
    }

    /// The line of a byte offset (clamped to the text, and back to a char boundary), that line's
    /// start, and the offset clamped to the line's end.
    fn locate(&self, text: &str, offset: usize) -> (usize, usize, usize) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let (start, end) = self.line_span(text, line);
        (line, start, offset.min(end).max(start))
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
        let (line, start, offset) = self.locate(text, offset);
        let col = match encoding {
            PositionEncoding::Utf16 if !self.ascii => {
                let from = self.checkpoint_before(start, offset);
                from.utf16 as usize + utf16_len(&text[from.byte..offset])
            }
            PositionEncoding::Utf8 | PositionEncoding::Utf16 => offset - start,
        };
        LineCol { line: line as u32, col: col as u32 }
    }

    /// The position of a byte offset with the column in characters, as people count them (and
    /// terminals, compilers and editors' status lines show them).
    pub fn char_position(&self, text: &str, offset: usize) -> LineCol {
        let (line, start, offset) = self.locate(text, offset);
        let col = if self.ascii {
            offset - start
        } else {
            let from = self.checkpoint_before(start, offset);
            from.chars as usize + text[from.byte..offset].chars().count()
        };
        LineCol { line: line as u32, col: col as u32 }
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
        let col = pos.col as usize;
        if self.ascii || encoding == PositionEncoding::Utf8 {
            let mut offset = start.saturating_add(col).min(end);
            while !text.is_char_boundary(offset) {
                offset -= 1;
            }
            return offset;
        }
        // From the last checkpoint of the line at or before the column, as `position` counts.
        let first = self.checkpoints.partition_point(|c| c.byte <= start);
        let on_line = &self.checkpoints[first..self.checkpoints.partition_point(|c| c.byte < end)];
        let from = match on_line.partition_point(|c| c.utf16 as usize <= col).checked_sub(1) {
            Some(i) => on_line[i],
            None => Checkpoint { byte: start, utf16: 0, chars: 0 },
        };
        let mut units = from.utf16 as usize;
        for (i, ch) in text[from.byte..end].char_indices() {
            let width = ch.len_utf16();
            if units + width > col {
                return from.byte + i;
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

    proptest::proptest! {
        /// Columns counted from checkpoints are those counted from the line's start, on lines long
        /// enough to have several.
        #[test]
        fn columns_on_long_lines_are_counted_from_the_start(
            line in "[aé😀 ]{3000,9000}",
            breaks in proptest::collection::vec(0usize..9000, 0..3),
            probes in proptest::collection::vec(0usize..20_000, 1..20),
        ) {
            let mut text = line.clone();
            for at in breaks {
                let mut at = at.min(text.len());
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                text.insert(at, '\n');
            }
            let index = LineIndex::new(&text);
            for probe in probes {
                let (line, start, offset) = index.locate(&text, probe);
                let prefix = &text[start..offset];
                let expected = LineCol { line: line as u32, col: prefix.encode_utf16().count() as u32 };
                proptest::prop_assert_eq!(index.position(&text, probe, PositionEncoding::Utf16), expected);
                let chars = LineCol { col: prefix.chars().count() as u32, ..expected };
                proptest::prop_assert_eq!(index.char_position(&text, probe), chars);
                // And back: the position's offset, and any column, as counted from the line's start.
                proptest::prop_assert_eq!(index.offset(&text, expected, PositionEncoding::Utf16), offset);
                let any = LineCol { col: (probe % 12_000) as u32, ..expected };
                proptest::prop_assert_eq!(index.offset(&text, any, PositionEncoding::Utf16), offset_from_start(&text, &index, any));
            }
        }
    }

    /// The offset of a UTF-16 position, counted from its line's start.
    fn offset_from_start(text: &str, index: &LineIndex, pos: LineCol) -> usize {
        let (start, end) = index.line_span(text, pos.line as usize);
        let mut units = 0;
        for (i, ch) in text[start..end].char_indices() {
            if units + ch.len_utf16() > pos.col as usize {
                return start + i;
            }
            units += ch.len_utf16();
        }
        end
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
