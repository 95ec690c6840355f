//! Under load: 10,000 edits in about ten seconds into one 10 KB article, with hovers in between.
//! The server keeps up, its memory stays bounded, and the last diagnostics describe the last text.

mod support;

use std::time::{Duration, Instant};

use newsls::protocol::Document;
use newsls::text::{LineIndex, PositionEncoding};
use serde_json::json;
use support::pipes::Server;
use support::uri;

const EDITS: usize = 10_000;
const PACE: Duration = Duration::from_micros(1_000);
const HOVER_EVERY: usize = 100;
/// Far above what the server needs (about 30 MB); an unbounded queue would pass it.
const MAX_RESIDENT_MB: u64 = 300;

fn resident_mb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb / 1024)
}

fn paragraph(i: usize) -> String {
    format!(
        "Officials in district {i} said the new bridge would open in spring. Prices will double by next year. \
         “We are ready for the work ahead,” the mayor told reporters on Monday.\n\n"
    )
}

#[test]
fn ten_thousand_edits_with_hovers() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Server::spawn();
    server.request("initialize", json!({"processId": null, "rootUri": uri(dir.path()), "capabilities": {}}));
    server.notify("initialized", json!({}));
    let doc = uri(&dir.path().join("load.txt"));
    let mut text = String::from("Bridge works\n\n");
    let mut i = 0;
    while text.len() < 10_000 {
        text.push_str(&paragraph(i));
        i += 1;
    }
    server.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": doc, "languageId": "plaintext", "version": 0, "text": text}}),
    );

    let start = Instant::now();
    let mut peak_mb = 0;
    for n in 1..=EDITS {
        // Type and delete a character at the end of the second line, alternately.
        let line_end = text[14..].find('\n').map(|e| 14 + e).unwrap();
        let column = text[14..line_end].encode_utf16().count() as u32;
        let change = if n % 2 == 1 {
            text.insert(line_end, 'x');
            json!({"range": {"start": {"line": 2, "character": column}, "end": {"line": 2, "character": column}}, "text": "x"})
        } else {
            text.remove(line_end - 1);
            json!({"range": {"start": {"line": 2, "character": column - 1}, "end": {"line": 2, "character": column}}, "text": ""})
        };
        server.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": doc, "version": n}, "contentChanges": [change]}),
        );
        if n % HOVER_EVERY == 0 {
            let id = server.send_request(
                "textDocument/hover",
                json!({"textDocument": {"uri": doc}, "position": {"line": 4, "character": 5}}),
            );
            server.wait_for("hover", |m| m["id"] == id && m.get("method").is_none());
            peak_mb = peak_mb.max(resident_mb(server.child.id()));
        }
        let due = PACE * n as u32;
        if let Some(wait) = due.checked_sub(start.elapsed()) {
            std::thread::sleep(wait);
        }
    }
    let last = server.diagnostics_where(&doc, |p| p["version"] == EDITS);
    let elapsed = start.elapsed();
    assert!(elapsed < Duration::from_secs(30), "the server fell behind: {elapsed:?}");
    assert!(peak_mb < MAX_RESIDENT_MB, "resident memory reached {peak_mb} MB");

    let lines = LineIndex::new(&text);
    let document = Document { text: &text, lines: &lines, encoding: PositionEncoding::Utf16 };
    let expected: Vec<_> =
        newsls::analysis::check(&text).iter().map(|f| serde_json::to_value(document.range(f.span)).unwrap()).collect();
    let published: Vec<_> = last["diagnostics"].as_array().unwrap().iter().map(|d| d["range"].clone()).collect();
    assert_eq!(published, expected, "the final diagnostics describe the final text");
}
