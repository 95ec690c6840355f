//! End to end: the real `newsls server` binary over stdin/stdout pipes.

mod support;

use serde_json::json;
use support::pipes::Server;
use support::{ARTICLE, uri};

fn initialize(server: &mut Server, root: &std::path::Path) {
    let result = server.request(
        "initialize",
        json!({"processId": null, "rootUri": uri(root), "capabilities": {}, "workspaceFolders": [{"uri": uri(root), "name": "ws"}]}),
    );
    assert_eq!(result["result"]["capabilities"]["textDocumentSync"]["change"], 2);
    server.notify("initialized", json!({}));
}

#[test]
fn edit_sequence_with_emoji_and_crlf_over_pipes() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Server::spawn();
    initialize(&mut server, dir.path());
    let doc = uri(&dir.path().join("story.txt"));
    let text = "Flood 🌊 in the valley\r\n\r\nThe river rose 🌊🌊 overnight.\r\n";
    server.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": doc, "languageId": "plaintext", "version": 1, "text": text}}),
    );
    let first = server.diagnostics_where(&doc, |p| p["version"] == 1);
    assert!(first["diagnostics"].as_array().unwrap().iter().all(|d| d["severity"] != 2), "{first}");

    // Replace "overnight." (after two 2-unit emoji) with a prediction: line 2, UTF-16 columns 20..30.
    server.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": doc, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": 2, "character": 20}, "end": {"line": 2, "character": 30}}, "text": "overnight and will rise again."}
        ]}),
    );
    let second = server.diagnostics_where(&doc, |p| p["version"] == 2);
    let warning = second["diagnostics"].as_array().unwrap().iter().find(|d| d["severity"] == 2).expect("a prediction");
    assert_eq!(warning["code"], "unattributed-claim");
    assert_eq!(warning["range"]["end"], json!({"line": 2, "character": 50}));

    // Delete across the CRLF line breaks, joining the headline and body.
    server.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": doc, "version": 3}, "contentChanges": [
            {"range": {"start": {"line": 0, "character": 22}, "end": {"line": 2, "character": 0}}, "text": ". "}
        ]}),
    );
    server.diagnostics_where(&doc, |p| p["version"] == 3);
    let symbols = server.request("textDocument/documentSymbol", json!({"textDocument": {"uri": doc}}));
    assert_eq!(symbols["result"].as_array().unwrap().len(), 1, "{symbols}");

    let id = server.send_request("shutdown", json!(null));
    server.wait_for("shutdown", |m| m["id"] == id);
    server.notify("exit", json!(null));
    assert_eq!(server.wait_exit(), Some(0));
}

#[test]
fn malformed_messages_and_unknown_methods_get_errors_and_the_server_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Server::spawn();
    initialize(&mut server, dir.path());
    server.send_raw(b"{this is not json");
    let parse_error = server.wait_for("parse error", |m| m["error"]["code"] == -32700);
    assert!(parse_error["id"].is_null());
    let unknown = server.request("newsls/noSuchMethod", json!({}));
    assert_eq!(unknown["error"]["code"], -32601);
    let doc = uri(&dir.path().join("a.txt"));
    server.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": doc, "languageId": "plaintext", "version": 1, "text": ARTICLE}}),
    );
    server.diagnostics_where(&doc, |p| !p["diagnostics"].as_array().unwrap().is_empty());
}

/// Header names are case-insensitive; a body sent without headers gets a parse error, not
/// silence, and the server goes on.
#[test]
fn headers_in_any_case_and_a_body_without_headers() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Server::spawn();
    initialize(&mut server, dir.path());
    let body = r#"{"jsonrpc": "2.0", "id": 41, "method": "workspace/symbol", "params": {"query": "x"}}"#;
    server.send_bytes(
        format!("content-length: {}\r\ncontent-type: application/vscode-jsonrpc\r\n\r\n{body}", body.len()).as_bytes(),
    );
    let answer = server.wait_for("the answer", |m| m["id"] == 41);
    assert!(answer["error"].is_null(), "{answer}");
    server.send_bytes(format!("{body}\r\n").as_bytes());
    let error = server.wait_for("parse error", |m| m["error"]["code"] == -32700);
    assert!(error["error"]["message"].as_str().unwrap().contains("Content-Length"), "{error}");
    let symbols = server.request("workspace/symbol", json!({"query": "CELAC"}));
    assert!(symbols["error"].is_null(), "{symbols}");
}

/// JSON that is not a JSON-RPC 2.0 message (tower-lsp-server's reader stops for good at one)
/// gets an invalid-request error, under its id when that is usable, and the server goes on.
#[test]
fn json_that_is_not_a_json_rpc_message_gets_an_error_and_the_server_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Server::spawn();
    initialize(&mut server, dir.path());
    let query = r#""method": "workspace/symbol", "params": {"query": "x"}"#;
    let bodies = [
        ("[]".to_string(), json!(null)),
        ("null".to_string(), json!(null)),
        ("{}".to_string(), json!(null)),
        (format!(r#"{{"id": 7, {query}}}"#), json!(7)),
        (format!(r#"{{"jsonrpc": "1.0", "id": 8, {query}}}"#), json!(8)),
        (format!(r#"{{"jsonrpc": "2.0", "id": 1.5, {query}}}"#), json!(null)),
        (format!(r#"{{"jsonrpc": "2.0", "id": 99999999999999999999, {query}}}"#), json!(null)),
        (format!(r#"{{"jsonrpc": "2.0", "id": {{"a": 1}}, {query}}}"#), json!(null)),
        (r#"{"jsonrpc": "2.0", "id": 9, "method": 5}"#.to_string(), json!(9)),
        (r#"{"jsonrpc": "2.0", "id": 10, "id": 11, "method": "shutdown"}"#.to_string(), json!(null)),
    ];
    for (body, id) in bodies {
        server.send_raw(body.as_bytes());
        let error = server.wait_for("invalid request", |m| m["error"]["code"] == -32600);
        assert_eq!(error["id"], id, "{body}: {error}");
        let symbols = server.request("workspace/symbol", json!({"query": "CELAC"}));
        assert!(symbols["error"].is_null(), "{body} stopped the server: {symbols}");
    }
}

#[test]
fn a_panic_in_analysis_is_contained_and_reported_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Server::spawn_with_env(&[("NEWSLS_TEST_PANIC_MARKER", "KABOOM")]);
    initialize(&mut server, dir.path());
    let bad = uri(&dir.path().join("bad.txt"));
    let good = uri(&dir.path().join("good.txt"));
    for (doc, version) in [(&bad, 1), (&bad, 2)] {
        let text = format!("Title\n\nThe dam will burst next week. KABOOM {version}\n");
        if version == 1 {
            server.notify(
                "textDocument/didOpen",
                json!({"textDocument": {"uri": doc, "languageId": "plaintext", "version": 1, "text": text}}),
            );
        } else {
            server.notify(
                "textDocument/didChange",
                json!({"textDocument": {"uri": doc, "version": 2}, "contentChanges": [{"text": text}]}),
            );
        }
        let params = server.diagnostics_where(doc, |p| p["version"] == version);
        assert!(params["diagnostics"].as_array().unwrap().is_empty(), "cleared: {params}");
    }
    server.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": good, "languageId": "plaintext", "version": 1, "text": ARTICLE}}),
    );
    server.diagnostics_where(&good, |p| !p["diagnostics"].as_array().unwrap().is_empty());
    let hover = server
        .request("textDocument/hover", json!({"textDocument": {"uri": good}, "position": {"line": 4, "character": 3}}));
    assert!(hover["result"]["contents"]["value"].as_str().unwrap().contains("Ana Ruiz"));
    let shown = server.seen.iter().filter(|m| m["method"] == "window/showMessage").count();
    assert_eq!(shown, 1, "told once: {:#?}", server.seen);
}

/// `exit` is a success only after a shutdown the server accepted: one refused because the server
/// was never initialized does not count.
#[test]
fn exit_after_a_refused_shutdown_is_a_failure() {
    let mut server = Server::spawn();
    let refused = server.request("shutdown", json!(null));
    assert_eq!(refused["error"]["code"], -32002, "{refused}");
    server.notify("exit", json!(null));
    assert_eq!(server.wait_exit(), Some(1));
}

/// The server writes `textDocument/references` replies itself (bypassing tower-lsp-server's); they
/// must read as any other reply, under the request's own id, and the requests tower-lsp-server
/// refuses must still be refused.
#[test]
fn references_across_open_and_closed_files_and_refused_requests() {
    let dir = tempfile::tempdir().unwrap();
    let closed = dir.path().join("summit.txt");
    std::fs::write(
        &closed,
        "Summit opens\n\nThe Community of Latin American and Caribbean States (CELAC) met in Bogotá.\n\nCELAC's ministers left early.\n",
    )
    .unwrap();
    let mut server = Server::spawn();
    let params = |doc: &str| json!({"textDocument": {"uri": doc}, "position": {"line": 2, "character": 1}, "context": {"includeDeclaration": true}});
    let open = uri(&dir.path().join("trade.txt"));
    let early = server.request("textDocument/references", params(&open));
    assert_eq!(early["error"]["code"], -32002, "before initialize: {early}");

    initialize(&mut server, dir.path());
    let closed = uri(&closed);
    server.diagnostics_where(&closed, |_| true);
    server.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": open, "languageId": "plaintext", "version": 1, "text": "Trade\n\nCELAC ministers met again.\n"}}),
    );
    server.diagnostics_where(&open, |p| p["version"] == 1);

    let body = json!({"jsonrpc": "2.0", "id": "refs-1", "method": "textDocument/references", "params": params(&open)});
    server.send_raw(body.to_string().as_bytes());
    let reply = server.wait_for("references", |m| m["id"] == "refs-1");
    let places: Vec<(String, u64, u64)> = reply["result"]
        .as_array()
        .unwrap_or_else(|| panic!("{reply}"))
        .iter()
        .map(|l| {
            let start = &l["range"]["start"];
            (
                l["uri"].as_str().unwrap().to_string(),
                start["line"].as_u64().unwrap(),
                start["character"].as_u64().unwrap(),
            )
        })
        .collect();
    // This article first, then the closed one: its full name and acronym, then "CELAC's".
    assert_eq!(
        places,
        [(open.clone(), 2, 0), (closed.clone(), 2, 4), (closed.clone(), 2, 54), (closed.clone(), 4, 0)],
        "{reply}"
    );
    assert_eq!(reply["jsonrpc"], "2.0");

    let nothing = server.request(
        "textDocument/references",
        json!({"textDocument": {"uri": open}, "position": {"line": 0, "character": 0}, "context": {"includeDeclaration": true}}),
    );
    assert_eq!(nothing["result"], json!(null), "{nothing}");
    let invalid = server.request("textDocument/references", json!({"textDocument": {"uri": open}}));
    assert_eq!(invalid["error"]["code"], -32602, "invalid params: {invalid}");

    let shutdown = server.request("shutdown", json!(null));
    assert_eq!(shutdown["result"], json!(null), "{shutdown}");
    let late = server.request("textDocument/references", params(&open));
    assert_eq!(late["error"]["code"], -32600, "after shutdown: {late}");
    server.notify("exit", json!(null));
    assert_eq!(server.wait_exit(), Some(0));
}
