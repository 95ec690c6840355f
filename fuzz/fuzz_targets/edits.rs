//! Any sequence of incremental edits, positions anywhere (past the end, inside a surrogate pair or
//! a CRLF), applied to the server's document store: never a panic, always valid UTF-8 text, and
//! analysis of the result never panics either.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsls::server::DocumentStore;
use serde_json::json;
use tower_lsp_server::ls_types::{DidChangeTextDocumentParams, DidOpenTextDocumentParams, InitializeParams};

fuzz_target!(|bytes: &[u8]| {
    let Some((&mode, rest)) = bytes.split_first() else { return };
    let store = DocumentStore::default();
    let init: InitializeParams = if mode & 1 == 1 {
        serde_json::from_value(json!({"capabilities": {"general": {"positionEncodings": ["utf-8"]}}})).unwrap()
    } else {
        InitializeParams::default()
    };
    store.negotiate(&init);
    let uri = "file:///fuzz.txt";
    let open: DidOpenTextDocumentParams = serde_json::from_value(json!({
        "textDocument": {"uri": uri, "languageId": "plaintext", "version": 0, "text": "Head\r\n\r\nA 😀 b\rc\n"}
    }))
    .unwrap();
    store.open(open);
    // Each edit: 4 bytes of positions, 1 byte of length, then that many bytes of inserted text.
    let mut data = rest;
    let mut version = 0;
    while data.len() >= 5 {
        let (head, tail) = data.split_at(5);
        let insert_len = (head[4] as usize).min(tail.len());
        let (insert, tail) = tail.split_at(insert_len);
        data = tail;
        version += 1;
        let change: DidChangeTextDocumentParams = serde_json::from_value(json!({
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{
                "range": {"start": {"line": head[0] % 8, "character": head[1] % 16}, "end": {"line": head[2] % 8, "character": head[3] % 16}},
                "text": String::from_utf8_lossy(insert),
            }],
        }))
        .unwrap();
        store.change(change);
    }
    let (text, _) = store.snapshot(&uri.parse().unwrap()).unwrap();
    let _ = newsls::analysis::check(&text);
});
