//! Bad input gets a clear answer and never a crash: from `newsls check` and from the server.

mod support;

use std::fs;
use std::process::Command;

use serde_json::json;
use support::pipes::Server;
use support::{ARTICLE, uri};

fn check(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_newsls")).arg("check").args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn a_file_above_the_size_limit_is_skipped_with_a_message_and_the_rest_checked() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("ok.txt"), ARTICLE).unwrap();
    let huge = "The council met on Monday. ".repeat(30 * 1024 * 1024 / 27 + 1);
    fs::write(dir.path().join("huge.txt"), &huge).unwrap();
    let (code, stdout, stderr) = check(&["--format", "json", dir.path().to_str().unwrap()]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("huge.txt") && stderr.contains("above the 10 MB limit"), "{stderr}");
    let files: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(files.as_array().unwrap().len(), 1, "ok.txt is still checked");
}

#[test]
fn symlink_loops_and_dangling_links_are_named() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("ok.txt"), ARTICLE).unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("gone.txt"), dir.path().join("dangling.txt")).unwrap();
    let (code, stdout, stderr) = check(&["--format", "json", dir.path().to_str().unwrap()]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("loop"), "{stderr}");
    assert!(stderr.contains("dangling.txt"), "{stderr}");
    let files: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert!(files.as_array().unwrap().iter().any(|f| f["path"].as_str().unwrap().ends_with("ok.txt")));
}

#[test]
fn a_missing_file_is_named_and_the_rest_checked() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("ok.txt"), ARTICLE).unwrap();
    let (code, stdout, stderr) =
        check(&[dir.path().join("ok.txt").to_str().unwrap(), dir.path().join("missing.txt").to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("missing.txt") && stderr.contains("no such file"), "{stderr}");
    assert!(stdout.contains("ok.txt"), "{stdout}");
}

#[test]
fn requests_before_initialize_and_after_shutdown_get_errors_and_exit_without_shutdown_is_1() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Server::spawn();
    let early = server.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///x.txt"}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(early["error"]["code"], -32002, "server not initialized: {early}");
    server.request("initialize", json!({"processId": null, "rootUri": uri(dir.path()), "capabilities": {}}));
    server.notify("initialized", json!({}));
    // Cancelling a request that already finished, or never existed, is harmless.
    server.notify("$/cancelRequest", json!({"id": 999}));
    let doc = uri(&dir.path().join("a.txt"));
    server.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": doc, "languageId": "plaintext", "version": 1, "text": ARTICLE}}),
    );
    server.diagnostics_where(&doc, |p| !p["diagnostics"].as_array().unwrap().is_empty());
    // A non-file URI works like any other document.
    let untitled = "untitled:Untitled-2";
    server.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": untitled, "languageId": "plaintext", "version": 1, "text": ARTICLE}}),
    );
    server.diagnostics_where(untitled, |p| !p["diagnostics"].as_array().unwrap().is_empty());
    server.notify("exit", json!(null));
    assert_eq!(server.wait_exit(), Some(1), "exit without shutdown");

    let mut server = Server::spawn();
    server.request("initialize", json!({"processId": null, "rootUri": uri(dir.path()), "capabilities": {}}));
    server.request("shutdown", json!(null));
    let late = server.request("textDocument/documentSymbol", json!({"textDocument": {"uri": doc}}));
    assert_eq!(late["error"]["code"], -32600, "invalid request after shutdown: {late}");
    server.notify("exit", json!(null));
    assert_eq!(server.wait_exit(), Some(0));
}
