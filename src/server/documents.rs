//! Open documents as ropes, with incremental edits applied in the order the client sent them.

use std::sync::RwLock;
use std::sync::atomic::{AtomicU64, Ordering};

use dashmap::DashMap;
use ropey::Rope;
use tower_lsp_server::ls_types::{
    DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams, InitializeParams, Position,
    PositionEncodingKind, Range, TextDocumentContentChangeEvent, Uri,
};

use crate::locks;
use crate::text::PositionEncoding;

pub struct Document {
    pub rope: Rope,
    pub version: i32,
    /// Which text this is, unique over the server's life: a document closed and opened again at
    /// the same version (the client's number) may hold another text.
    pub edition: u64,
}

/// The open documents. Edits are applied synchronously as messages arrive (see `Ordered`), so the
/// store always holds the text the client has.
#[derive(Default)]
pub struct DocumentStore {
    documents: DashMap<Uri, Document>,
    encoding: RwLock<PositionEncoding>,
    last_edition: AtomicU64,
}

impl DocumentStore {
    pub fn encoding(&self) -> PositionEncoding {
        *locks::read(&self.encoding)
    }

    /// UTF-8 positions when the client offers them (no conversions), else LSP's default UTF-16.
    pub fn negotiate(&self, params: &InitializeParams) {
        let offers_utf8 = params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_ref())
            .is_some_and(|encodings| encodings.contains(&PositionEncodingKind::UTF8));
        *locks::write(&self.encoding) = if offers_utf8 { PositionEncoding::Utf8 } else { PositionEncoding::Utf16 };
    }

    fn next_edition(&self) -> u64 {
        self.last_edition.fetch_add(1, Ordering::Relaxed) + 1
    }

    pub fn open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        let edition = self.next_edition();
        self.documents.insert(doc.uri, Document { rope: Rope::from_str(&doc.text), version: doc.version, edition });
    }

    /// Applies a change unless its version is older than the one held. Returns whether it applied.
    pub fn change(&self, params: DidChangeTextDocumentParams) -> bool {
        let encoding = self.encoding();
        let Some(mut doc) = self.documents.get_mut(&params.text_document.uri) else { return false };
        if params.text_document.version < doc.version {
            return false;
        }
        for change in params.content_changes {
            apply(&mut doc.rope, change, encoding);
        }
        doc.version = params.text_document.version;
        doc.edition = self.next_edition();
        true
    }

    pub fn close(&self, params: DidCloseTextDocumentParams) {
        self.documents.remove(&params.text_document.uri);
    }

    pub fn is_open(&self, uri: &Uri) -> bool {
        self.documents.contains_key(uri)
    }

    /// The current text and version.
    pub fn snapshot(&self, uri: &Uri) -> Option<(String, i32)> {
        self.documents.get(uri).map(|doc| (doc.rope.to_string(), doc.version))
    }

    /// The client's version of the text, without copying it.
    pub fn version(&self, uri: &Uri) -> Option<i32> {
        self.documents.get(uri).map(|doc| doc.version)
    }

    /// The current edition, without copying the text.
    pub fn edition(&self, uri: &Uri) -> Option<u64> {
        self.documents.get(uri).map(|doc| doc.edition)
    }

    pub fn open_uris(&self) -> Vec<Uri> {
        self.documents.iter().map(|entry| entry.key().clone()).collect()
    }
}

fn apply(rope: &mut Rope, change: TextDocumentContentChangeEvent, encoding: PositionEncoding) {
    let Some(range) = change.range else {
        *rope = Rope::from_str(&change.text);
        return;
    };
    let Range { start, end } = range;
    let (mut from, mut to) = (char_index(rope, start, encoding), char_index(rope, end, encoding));
    if to < from {
        std::mem::swap(&mut from, &mut to);
    }
    rope.remove(from..to);
    rope.insert(from, &change.text);
}

/// The char index of an LSP position; lines and columns past the end are clamped, and a column
/// inside a character moves to that character's start.
pub fn char_index(rope: &Rope, position: Position, encoding: PositionEncoding) -> usize {
    let line = position.line as usize;
    if line >= rope.len_lines() {
        return rope.len_chars();
    }
    let start = rope.line_to_char(line);
    let line_slice = rope.line(line);
    let mut end = start + line_slice.len_chars();
    while end > start && matches!(rope.char(end - 1), '\n' | '\r') {
        end -= 1;
    }
    match encoding {
        PositionEncoding::Utf16 => {
            let target = rope.char_to_utf16_cu(start) + position.character as usize;
            rope.utf16_cu_to_char(target.min(rope.char_to_utf16_cu(end)))
        }
        PositionEncoding::Utf8 => {
            let target = rope.char_to_byte(start) + position.character as usize;
            rope.byte_to_char(target.min(rope.char_to_byte(end)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(rope: &mut Rope, (l1, c1): (u32, u32), (l2, c2): (u32, u32), text: &str) {
        let change = TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(l1, c1), Position::new(l2, c2))),
            range_length: None,
            text: text.to_string(),
        };
        apply(rope, change, PositionEncoding::Utf16);
    }

    #[test]
    fn utf16_edits_around_emoji_and_crlf() {
        let mut rope = Rope::from_str("a😀b\r\ncd\re");
        edit(&mut rope, (0, 3), (0, 4), "X"); // replaces "b": the emoji is two UTF-16 units
        assert_eq!(rope.to_string(), "a😀X\r\ncd\re");
        edit(&mut rope, (1, 2), (2, 0), ""); // joins lines across a lone CR
        assert_eq!(rope.to_string(), "a😀X\r\ncde");
        edit(&mut rope, (9, 9), (9, 9), "!"); // past the end: appended
        assert_eq!(rope.to_string(), "a😀X\r\ncde!");
        edit(&mut rope, (0, 99), (1, 0), " "); // past a line's end: clamped before its break
        assert_eq!(rope.to_string(), "a😀X cde!");
    }
}
