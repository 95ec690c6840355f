//! Any bytes as an article: decoding, analysis and every rule, and the LSP conversion of every
//! finding, must neither panic nor produce a range outside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsls::protocol::Document;
use newsls::text::{LineIndex, PositionEncoding};

fuzz_target!(|bytes: &[u8]| {
    let Ok(article) = newsls::files::decode_article(bytes) else { return };
    let text = article.text.as_str();
    let lines = LineIndex::new(text);
    for encoding in [PositionEncoding::Utf16, PositionEncoding::Utf8] {
        let document = Document { text, lines: &lines, encoding };
        for finding in newsls::analysis::check(text) {
            assert!(finding.span.end <= text.len() && finding.span.start <= finding.span.end);
            let range = document.range(finding.span);
            assert_eq!(document.offset(range.start), finding.span.start);
            assert_eq!(document.offset(range.end), finding.span.end);
        }
    }
});
