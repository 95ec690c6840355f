//! Random incremental edits through the server's document store never drift from a plain-string
//! model, and every diagnostic range lies inside the document and covers the text it claims to.

use newsls::analysis;
use newsls::protocol::Document;
use newsls::server::DocumentStore;
use newsls::text::{LineIndex, PositionEncoding};
use proptest::prelude::*;
use serde_json::json;
use tower_lsp_server::ls_types::{
    DidChangeTextDocumentParams, DidOpenTextDocumentParams, InitializeParams, Position, Range, Uri,
};

/// Pieces that stress positions: astral characters, combining marks, every line break, quotes.
const PIECES: &[&str] = &[
    "word ",
    "Putin said. ",
    "😀",
    "e\u{301}",
    "\r\n",
    "\r",
    "\n",
    "“",
    "”",
    "\"",
    " ",
    "Prices will double. ",
    "ñ",
    "\n\n",
];

fn piece() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..6).prop_map(|p| p.concat())
}

/// Every position a client can name in `text`, with its byte offset: char boundaries, except
/// between the `\r` and `\n` of a CRLF.
fn positions(text: &str, encoding: PositionEncoding) -> Vec<(Position, usize)> {
    let lines = LineIndex::new(text);
    let mut out = Vec::new();
    for (offset, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        if offset > 0 && text.as_bytes()[offset - 1] == b'\r' && text.as_bytes().get(offset) == Some(&b'\n') {
            continue;
        }
        let at = lines.position(text, offset, encoding);
        out.push((Position::new(at.line, at.col), offset));
    }
    out
}

fn uri() -> Uri {
    "file:///tmp/prop.txt".parse().unwrap()
}

fn store(encoding: PositionEncoding, text: &str) -> DocumentStore {
    let store = DocumentStore::default();
    let mut init = InitializeParams::default();
    if encoding == PositionEncoding::Utf8 {
        init = serde_json::from_value(json!({"capabilities": {"general": {"positionEncodings": ["utf-8"]}}})).unwrap();
    }
    store.negotiate(&init);
    store.open(
        serde_json::from_value::<DidOpenTextDocumentParams>(json!({
            "textDocument": {"uri": uri(), "languageId": "plaintext", "version": 0, "text": text}
        }))
        .unwrap(),
    );
    store
}

fn check_diagnostic_ranges(text: &str) {
    let lines = LineIndex::new(text);
    let document = Document { text, lines: &lines, encoding: PositionEncoding::Utf16 };
    for finding in analysis::check(text) {
        let span = finding.span;
        assert!(span.start <= span.end && span.end <= text.len(), "{span:?} outside {} bytes", text.len());
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        let range = document.range(span);
        assert_eq!(document.offset(range.start), span.start, "start of {range:?} in {text:?}");
        assert_eq!(document.offset(range.end), span.end, "end of {range:?} in {text:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn edits_never_drift(
        initial in piece(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>(), piece()), 1..25),
        utf8 in any::<bool>(),
    ) {
        let encoding = if utf8 { PositionEncoding::Utf8 } else { PositionEncoding::Utf16 };
        let store = store(encoding, &initial);
        let mut model = initial.clone();
        for (version, (a, b, insert)) in edits.into_iter().enumerate() {
            let valid = positions(&model, encoding);
            let (mut start, mut end) = (valid[a.index(valid.len())], valid[b.index(valid.len())]);
            if end.1 < start.1 {
                std::mem::swap(&mut start, &mut end);
            }
            let params: DidChangeTextDocumentParams = serde_json::from_value(json!({
                "textDocument": {"uri": uri(), "version": version as i32 + 1},
                "contentChanges": [{"range": Range::new(start.0, end.0), "text": insert}],
            })).unwrap();
            prop_assert!(store.change(params));
            model.replace_range(start.1..end.1, &insert);
            let (text, _) = store.snapshot(&uri()).unwrap();
            prop_assert_eq!(&text, &model);
        }
        check_diagnostic_ranges(&model);
    }

    #[test]
    fn out_of_range_edits_are_clamped(text in piece(), line in 0u32..50, character in 0u32..200, insert in piece()) {
        let store = store(PositionEncoding::Utf16, &text);
        let far = Position::new(line + 100, character);
        let params: DidChangeTextDocumentParams = serde_json::from_value(json!({
            "textDocument": {"uri": uri(), "version": 1},
            "contentChanges": [{"range": Range::new(far, far), "text": insert}],
        })).unwrap();
        prop_assert!(store.change(params));
        let (after, _) = store.snapshot(&uri()).unwrap();
        prop_assert_eq!(after, format!("{text}{insert}"));
    }

    #[test]
    fn any_text_analyses_with_valid_ranges(text in "(?s).{0,400}") {
        check_diagnostic_ranges(&text);
    }
}
