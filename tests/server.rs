//! In-process tests of every capability of the language server, through its tower service.

mod support;

use std::fs;
use std::path::Path;

use serde_json::{Value, json};
use support::in_process::{Answers, Client};
use support::{ARTICLE, codes, uri};

fn workspace(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    dir
}

/// A client with default answers, initialized in a workspace with no files.
async fn initialized_in_an_empty_workspace() -> (tempfile::TempDir, Client) {
    let dir = workspace(&[]);
    let mut client = Client::start(Answers::default());
    client.initialize(dir.path(), json!({})).await;
    (dir, client)
}

/// The code actions the server offers for one of its diagnostics.
async fn code_actions(client: &mut Client, doc: &str, diagnostic: &Value) -> Value {
    let params =
        json!({"textDocument": {"uri": doc}, "range": diagnostic["range"], "context": {"diagnostics": [diagnostic]}});
    client.request("textDocument/codeAction", params).await
}

/// The quick fix that accepts `diagnostic`, and its command run.
async fn accept_with_quick_fix(client: &mut Client, doc: &str, diagnostic: &Value) -> Value {
    let actions = code_actions(client, doc, diagnostic).await;
    let accept =
        actions.as_array().unwrap().iter().find(|a| a["command"]["command"] == "newsls.acceptFinding").unwrap().clone();
    let command = &accept["command"];
    client
        .request("workspace/executeCommand", json!({"command": command["command"], "arguments": command["arguments"]}))
        .await;
    accept
}

/// What `newsls check --format compact .` prints in `dir`.
fn check_compact_in(dir: &Path) -> String {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_newsls"))
        .current_dir(dir)
        .args(["check", "--format", "compact", "."])
        .output()
        .unwrap();
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[tokio::test]
async fn initialize_negotiates_encoding_and_capabilities() {
    let dir = workspace(&[]);
    let mut client = Client::start(Answers::default());
    let result = client.initialize(dir.path(), json!({})).await;
    let caps = &result["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental sync");
    assert_eq!(caps["hoverProvider"], true);
    assert_eq!(caps["documentSymbolProvider"], true);

    let mut client = Client::start(Answers::default());
    let result = client.initialize(dir.path(), json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}})).await;
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-8");
}

#[tokio::test]
async fn diagnostics_carry_rule_code_link_and_version() {
    let (dir, mut client) = initialized_in_an_empty_workspace().await;
    let doc = uri(&dir.path().join("new.txt"));
    client.open(&doc, ARTICLE, 7).await;
    let params = client.diagnostics_where(&doc, |_| true).await;
    assert_eq!(params["version"], 7);
    let diagnostic = &params["diagnostics"][0];
    assert_eq!(diagnostic["code"], "unattributed-claim");
    assert_eq!(diagnostic["source"], "newsls");
    assert_eq!(diagnostic["severity"], 2);
    assert_eq!(diagnostic["range"]["start"], json!({"line": 2, "character": 0}));
    assert!(diagnostic["codeDescription"]["href"].as_str().unwrap().ends_with("#unattributed-claim"));
    assert!(diagnostic["message"].as_str().unwrap().contains("prediction"));
}

#[tokio::test]
async fn incremental_edits_with_emoji_and_crlf_are_followed() {
    let (dir, mut client) = initialized_in_an_empty_workspace().await;
    let doc = uri(&dir.path().join("edit.txt"));
    let text = "Headline 😀 here\r\n\r\nThe council met on Monday.\r\n";
    client.open(&doc, text, 1).await;
    client.diagnostics_where(&doc, |p| p["version"] == 1).await;
    // Insert a prediction after the emoji line: line 2, character 0; the emoji is 2 UTF-16 units.
    client
        .notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": doc, "version": 2}, "contentChanges": [
                {"range": {"start": {"line": 0, "character": 12}, "end": {"line": 0, "character": 16}}, "text": "now"},
                {"range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 0}}, "text": "Prices will double next year. "}
            ]}),
        )
        .await;
    let params = client.diagnostics_where(&doc, |p| p["version"] == 2).await;
    let claim = params["diagnostics"].as_array().unwrap().iter().find(|d| d["severity"] == 2).expect("a warning");
    assert_eq!(claim["range"]["start"], json!({"line": 2, "character": 0}));
    assert_eq!(claim["range"]["end"], json!({"line": 2, "character": 29}));
    // A change older than the version held is ignored.
    client
        .notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": doc, "version": 1}, "contentChanges": [{"text": "Stale text that must be ignored."}]}),
        )
        .await;
    let symbols = client.request("textDocument/documentSymbol", json!({"textDocument": {"uri": doc}})).await;
    assert_eq!(symbols[0]["name"], "Headline 😀 now");
}

#[tokio::test]
async fn hover_names_the_speaker_of_a_quotation() {
    let (dir, mut client) = initialized_in_an_empty_workspace().await;
    let doc = uri(&dir.path().join("hover.txt"));
    client.open(&doc, ARTICLE, 1).await;
    let hover = client
        .request("textDocument/hover", json!({"textDocument": {"uri": doc}, "position": {"line": 4, "character": 5}}))
        .await;
    let markdown = hover["contents"]["value"].as_str().unwrap();
    assert!(markdown.contains("**Quotation**") && markdown.contains("Minister Ana Ruiz"), "{markdown}");
    assert!(markdown.contains("“said”"), "{markdown}");
    // Hover on the unattributed sentence says what kind of claim it is.
    let hover = client
        .request("textDocument/hover", json!({"textDocument": {"uri": doc}, "position": {"line": 2, "character": 3}}))
        .await;
    assert!(hover["contents"]["value"].as_str().unwrap().contains("prediction"), "{hover}");
    // Out-of-range positions are clamped, never an error.
    let hover = client
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": doc}, "position": {"line": 999, "character": 999}}),
        )
        .await;
    assert!(hover.is_null() || hover["contents"].is_object());
}

#[tokio::test]
async fn document_symbols_are_headline_and_paragraphs() {
    let (dir, mut client) = initialized_in_an_empty_workspace().await;
    let doc = uri(&dir.path().join("symbols.txt"));
    client.open(&doc, ARTICLE, 1).await;
    let symbols = client.request("textDocument/documentSymbol", json!({"textDocument": {"uri": doc}})).await;
    let symbols = symbols.as_array().unwrap();
    let details: Vec<&str> = symbols.iter().map(|s| s["detail"].as_str().unwrap()).collect();
    // The article's structure, then its entities grouped by kind.
    assert_eq!(details, ["headline", "paragraph 1", "paragraph 2", "1"]);
    assert_eq!(symbols[3]["name"], "People");
    assert_eq!(symbols[3]["children"][0]["name"], "Ana Ruiz");
    assert_eq!(
        symbols[3]["children"][0]["range"]["start"],
        json!({"line": 4, "character": 55}),
        "at \"Minister Ana Ruiz\""
    );
}

#[tokio::test]
async fn workspace_is_indexed_with_progress_and_closed_files_get_diagnostics() {
    let dir = workspace(&[("a.txt", ARTICLE), ("sub/b.txt", ARTICLE), ("ignored.md", ARTICLE)]);
    let mut client = Client::start(Answers::default());
    client.initialize(dir.path(), json!({"window": {"workDoneProgress": true}})).await;
    for name in ["a.txt", "sub/b.txt"] {
        let params = client.diagnostics_where(&uri(&dir.path().join(name)), |_| true).await;
        assert!(params["version"].is_null(), "closed files have no version");
        assert!(codes(&params).contains(&"unattributed-claim".to_string()));
    }
    client.wait_for("progress begin", |m| m["method"] == "$/progress" && m["params"]["value"]["kind"] == "begin").await;
    let end =
        client.wait_for("progress end", |m| m["method"] == "$/progress" && m["params"]["value"]["kind"] == "end").await;
    assert_eq!(end["params"]["value"]["message"], "2 articles indexed");
}

#[tokio::test]
async fn closed_file_diagnostics_can_be_turned_off() {
    let dir = workspace(&[("a.txt", ARTICLE)]);
    let mut client = Client::start(Answers { configuration: json!({"diagnostics": {"closedFiles": false}}) });
    client
        .initialize(dir.path(), json!({"workspace": {"configuration": true}, "window": {"workDoneProgress": true}}))
        .await;
    client.wait_for("progress end", |m| m["method"] == "$/progress" && m["params"]["value"]["kind"] == "end").await;
    assert!(
        !client.seen.iter().any(|m| m["method"] == "textDocument/publishDiagnostics"),
        "no diagnostics for closed files: {:?}",
        client.seen
    );
}

#[tokio::test]
async fn watched_file_events_update_and_clear_diagnostics() {
    let dir = workspace(&[("a.txt", ARTICLE)]);
    let mut client = Client::start(Answers::default());
    client.initialize(dir.path(), json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}})).await;
    let registration = client.wait_for("registration", |m| m["method"] == "client/registerCapability").await;
    assert_eq!(registration["params"]["registrations"][0]["method"], "workspace/didChangeWatchedFiles");
    let a = uri(&dir.path().join("a.txt"));
    client.diagnostics_where(&a, |p| !p["diagnostics"].as_array().unwrap().is_empty()).await;

    // A file outside the workspace folder is none of the server's business, whoever watches it.
    let elsewhere = workspace(&[("outside.txt", ARTICLE)]);
    let outside = uri(&elsewhere.path().join("outside.txt"));
    client.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": outside, "type": 1}]})).await;
    let created = dir.path().join("new.txt");
    fs::write(&created, ARTICLE).unwrap();
    client.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": uri(&created), "type": 1}]})).await;
    client.diagnostics_where(&uri(&created), |p| !p["diagnostics"].as_array().unwrap().is_empty()).await;
    assert!(!client.seen.iter().any(|m| m["params"]["uri"] == outside), "{:?}", client.seen);

    fs::remove_file(dir.path().join("a.txt")).unwrap();
    client.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": a, "type": 3}]})).await;
    client.diagnostics_where(&a, |p| p["diagnostics"].as_array().unwrap().is_empty()).await;
}

/// An `exclude` taken out brings its files in; put back, it takes them out again.
#[tokio::test]
async fn an_exclude_applies_live_both_ways() {
    let exclude = "exclude = [\"archive/**\"]\n";
    let dir = workspace(&[("newsls.toml", exclude), ("archive/old.txt", ARTICLE)]);
    let mut client = Client::start(Answers::default());
    client.initialize(dir.path(), json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}})).await;
    client.wait_for("registration", |m| m["method"] == "client/registerCapability").await;
    let config = dir.path().join("newsls.toml");
    let old = uri(&dir.path().join("archive/old.txt"));
    for (text, excluded) in [("", false), (exclude, true)] {
        fs::write(&config, text).unwrap();
        client.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": uri(&config), "type": 2}]})).await;
        client.diagnostics_where(&old, |p| p["diagnostics"].as_array().unwrap().is_empty() == excluded).await;
    }
}

#[tokio::test]
async fn server_side_watcher_carries_changes_without_client_registration() {
    let dir = workspace(&[("a.txt", "Quiet headline\n\nThe council met on Monday in the town hall.\n")]);
    let mut client = Client::start(Answers::default());
    client.initialize(dir.path(), json!({"window": {"workDoneProgress": true}})).await;
    client.wait_for("progress end", |m| m["method"] == "$/progress" && m["params"]["value"]["kind"] == "end").await;
    let a = dir.path().join("a.txt");
    fs::write(&a, ARTICLE).unwrap();
    let params = client.diagnostics_where(&uri(&a), |p| !p["diagnostics"].as_array().unwrap().is_empty()).await;
    assert!(codes(&params).contains(&"unattributed-claim".to_string()));
    let renamed = dir.path().join("renamed.txt");
    fs::rename(&a, &renamed).unwrap();
    client.diagnostics_where(&uri(&a), |p| p["diagnostics"].as_array().unwrap().is_empty()).await;
    client.diagnostics_where(&uri(&renamed), |p| !p["diagnostics"].as_array().unwrap().is_empty()).await;
}

#[tokio::test]
async fn newsls_toml_sets_rule_levels_and_a_broken_one_is_reported() {
    let dir = workspace(&[("newsls.toml", "[rules]\nunattributed-claim = \"error\"\n")]);
    let mut client = Client::start(Answers::default());
    client.initialize(dir.path(), json!({})).await;
    let doc = uri(&dir.path().join("a.txt"));
    client.open(&doc, ARTICLE, 1).await;
    let params = client.diagnostics_where(&doc, |_| true).await;
    assert_eq!(params["diagnostics"][0]["severity"], 1);

    fs::write(dir.path().join("newsls.toml"), "[rules]\nunattributed-claim = \"loud\"\n").unwrap();
    client
        .notify(
            "workspace/didChangeWatchedFiles",
            json!({"changes": [{"uri": uri(&dir.path().join("newsls.toml")), "type": 2}]}),
        )
        .await;
    let message = client.wait_for("showMessage", |m| m["method"] == "window/showMessage").await;
    let text = message["params"]["message"].as_str().unwrap();
    assert!(text.contains("newsls.toml:2:") && text.contains("loud"), "{text}");
    // The last good settings stay in force.
    client
        .notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": doc, "version": 2}, "contentChanges": [{"text": ARTICLE}]}),
        )
        .await;
    let params = client.diagnostics_where(&doc, |p| p["version"] == 2).await;
    assert_eq!(params["diagnostics"][0]["severity"], 1);
}

/// A glossary file that goes missing is reported and the last good settings stay in force,
/// its entries included; when it comes back, what it says now applies.
#[tokio::test]
async fn a_glossary_file_that_goes_missing_and_comes_back_applies_again() {
    let entry = |description: &str| {
        format!("[[glossary]]\nname = \"Andean Water Council\"\naliases = [\"AWC\"]\ndescription = \"{description}\"\n")
    };
    let dir = workspace(&[
        ("newsls.toml", "glossary-file = \"glossary.toml\"\n[rules]\nunattributed-claim = \"error\"\n"),
        ("glossary.toml", &entry("Regional water regulator.")),
    ]);
    let mut client = Client::start(Answers::default());
    client.initialize(dir.path(), json!({})).await;
    let doc = uri(&dir.path().join("a.txt"));
    let text = "Water\n\nThe AWC will double the tariffs next year.\n";
    client.open(&doc, text, 1).await;
    client.diagnostics_where(&doc, |p| p["version"] == 1).await;
    let card = |description: &'static str| {
        move |hover: &Value| hover["contents"]["value"].as_str().is_some_and(|v| v.contains(description))
    };
    let hover_on_awc = json!({"textDocument": {"uri": doc}, "position": {"line": 2, "character": 5}});
    let hover = client.request("textDocument/hover", hover_on_awc.clone()).await;
    assert!(card("Regional water regulator.")(&hover), "{hover}");

    let glossary = dir.path().join("glossary.toml");
    fs::remove_file(&glossary).unwrap();
    client.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": uri(&glossary), "type": 3}]})).await;
    let message = client.wait_for("showMessage", |m| m["method"] == "window/showMessage").await;
    let message = message["params"]["message"].as_str().unwrap();
    assert!(message.contains("glossary.toml") && message.contains("last good settings"), "{message}");
    let params = client.diagnostics_where(&doc, |_| true).await;
    assert_eq!(params["diagnostics"][0]["severity"], 1, "newsls.toml's levels stay: {params}");
    let hover = client.request("textDocument/hover", hover_on_awc.clone()).await;
    assert!(card("Regional water regulator.")(&hover), "the entries stay: {hover}");

    fs::write(&glossary, entry("Regulator of the Andes' rivers.")).unwrap();
    client.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": uri(&glossary), "type": 1}]})).await;
    client.diagnostics_where(&doc, |_| true).await;
    let hover = client.request("textDocument/hover", hover_on_awc).await;
    assert!(card("Regulator of the Andes' rivers.")(&hover), "{hover}");
}

/// A broken baseline (here a merge left half done) neither stops the server nor the settings
/// beside it: it is reported, and the findings it would have suppressed are shown.
#[tokio::test]
async fn a_broken_baseline_is_reported_and_the_settings_still_apply() {
    let dir = workspace(&[
        ("newsls.toml", "[rules]\nunattributed-claim = \"error\"\n"),
        (".newsls-baseline.json", "<<<<<<< HEAD\n{ broken"),
    ]);
    let mut client = Client::start(Answers::default());
    client.initialize(dir.path(), json!({})).await;
    let message = client.wait_for("showMessage", |m| m["method"] == "window/showMessage").await;
    let text = message["params"]["message"].as_str().unwrap();
    assert!(text.contains(".newsls-baseline.json:1:1: not a newsls baseline"), "{text}");
    let doc = uri(&dir.path().join("a.txt"));
    client.open(&doc, ARTICLE, 1).await;
    let params = client.diagnostics_where(&doc, |_| true).await;
    assert_eq!(params["diagnostics"][0]["severity"], 1, "newsls.toml applies");
}

/// The baseline applies live: rewritten or deleted on disk (a `git checkout`, `newsls check
/// --write-baseline`), the findings it accepts go or come back.
#[tokio::test]
async fn a_changed_baseline_applies_live() {
    let text = "Prices\n\nPrices will double next year.\n";
    let dir = workspace(&[("claim.txt", text)]);
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_newsls"))
        .current_dir(dir.path())
        .args(["check", "--write-baseline", ".newsls-baseline.json", "."])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let mut client = Client::start(Answers::default());
    client.initialize(dir.path(), json!({})).await;
    let doc = uri(&dir.path().join("claim.txt"));
    client.open(&doc, text, 1).await;
    client.diagnostics_where(&doc, |p| codes(p).is_empty()).await;
    let baseline = dir.path().join(".newsls-baseline.json");
    fs::remove_file(&baseline).unwrap();
    client.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": uri(&baseline), "type": 3}]})).await;
    client.diagnostics_where(&doc, |p| codes(p) == ["unattributed-claim"]).await;
}

/// A file deleted on disk while it is open (a branch switched under the editor) keeps its
/// diagnostics and entities, which follow the buffer, until it is closed.
#[tokio::test]
async fn an_open_file_deleted_on_disk_keeps_its_findings_until_closed() {
    let dir = workspace(&[("claim.txt", ARTICLE)]);
    let mut client = Client::start(Answers::default());
    client.initialize(dir.path(), json!({"window": {"workDoneProgress": true}})).await;
    client.wait_for("progress end", |m| m["method"] == "$/progress" && m["params"]["value"]["kind"] == "end").await;
    let path = dir.path().join("claim.txt");
    let doc = uri(&path);
    client.open(&doc, ARTICLE, 1).await;
    client.diagnostics_where(&doc, |p| p["version"] == 1 && !codes(p).is_empty()).await;
    fs::remove_file(&path).unwrap();
    client.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": doc, "type": 3}]})).await;
    let symbols = client.request("workspace/symbol", json!({"query": "ruiz"})).await;
    assert!(!symbols.as_array().unwrap().is_empty(), "the open buffer's entities stay: {symbols}");
    client.notify("textDocument/didClose", json!({"textDocument": {"uri": doc}})).await;
    client.diagnostics_where(&doc, |p| codes(p).is_empty()).await;
}

#[tokio::test]
async fn client_settings_override_the_file() {
    let dir = workspace(&[("newsls.toml", "[rules]\nunattributed-claim = \"error\"\n")]);
    let mut client = Client::start(Answers::default());
    client.initialize(dir.path(), json!({})).await;
    let doc = uri(&dir.path().join("a.txt"));
    client.open(&doc, ARTICLE, 1).await;
    client.diagnostics_where(&doc, |p| p["diagnostics"][0]["severity"] == 1).await;
    client
        .notify(
            "workspace/didChangeConfiguration",
            json!({"settings": {"newsls": {"rules": {"unattributed-claim": "off"}}}}),
        )
        .await;
    let params = client.diagnostics_where(&doc, |p| !codes(p).contains(&"unattributed-claim".to_string())).await;
    assert_eq!(params["version"], 1);
}

#[tokio::test]
async fn workspace_folders_can_be_added_and_removed() {
    let first = workspace(&[("a.txt", ARTICLE)]);
    let second = workspace(&[("b.txt", ARTICLE)]);
    let mut client = Client::start(Answers::default());
    client.initialize(first.path(), json!({})).await;
    client.diagnostics_where(&uri(&first.path().join("a.txt")), |_| true).await;
    client
        .notify(
            "workspace/didChangeWorkspaceFolders",
            json!({"event": {"added": [{"uri": uri(second.path()), "name": "second"}], "removed": [{"uri": uri(first.path()), "name": "first"}]}}),
        )
        .await;
    client
        .diagnostics_where(&uri(&first.path().join("a.txt")), |p| p["diagnostics"].as_array().unwrap().is_empty())
        .await;
    client
        .diagnostics_where(&uri(&second.path().join("b.txt")), |p| !p["diagnostics"].as_array().unwrap().is_empty())
        .await;
}

#[tokio::test]
async fn closing_an_unsaved_document_clears_it() {
    let (_workspace, mut client) = initialized_in_an_empty_workspace().await;
    let doc = "untitled:Untitled-1";
    client.open(doc, ARTICLE, 1).await;
    client.diagnostics_where(doc, |p| !p["diagnostics"].as_array().unwrap().is_empty()).await;
    client.notify("textDocument/didClose", json!({"textDocument": {"uri": doc}})).await;
    let params: Value = client.diagnostics_where(doc, |p| p["diagnostics"].as_array().unwrap().is_empty()).await;
    assert!(params["diagnostics"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn semantic_tokens_mark_quotations_speakers_cues_and_entities() {
    let dir = workspace(&[]);
    let mut client = Client::start(Answers::default());
    let init = client.initialize(dir.path(), json!({})).await;
    let legend = &init["capabilities"]["semanticTokensProvider"]["legend"]["tokenTypes"];
    assert_eq!(legend, &json!(["string", "variable", "keyword", "type"]));
    let doc = uri(&dir.path().join("tokens.txt"));
    let text = "Trade talks\n\n“We will sign with MERCOSUR,” Minister Ana Ruiz said.\n";
    client.open(&doc, text, 1).await;
    let result = client.request("textDocument/semanticTokens/full", json!({"textDocument": {"uri": doc}})).await;
    let data: Vec<u64> = result["data"].as_array().unwrap().iter().map(|v| v.as_u64().unwrap()).collect();
    // Decode (line, start, length, type) from the relative encoding.
    let (mut line, mut start) = (0, 0);
    let mut tokens = Vec::new();
    for t in data.chunks(5) {
        line += t[0];
        start = if t[0] == 0 { start + t[1] } else { t[1] };
        tokens.push((line, start, t[2], t[3]));
    }
    let line_text: Vec<u16> = text.lines().nth(2).unwrap().encode_utf16().collect();
    let word =
        |(_, s, l, _): &(u64, u64, u64, u64)| String::from_utf16(&line_text[*s as usize..(*s + *l) as usize]).unwrap();
    let of_type = |ty: u64| tokens.iter().filter(|t| t.3 == ty).map(word).collect::<Vec<_>>();
    assert!(of_type(0).iter().any(|s| s.starts_with("“We will sign")), "{tokens:?}");
    assert_eq!(of_type(3), ["MERCOSUR"]);
    assert_eq!(of_type(1), ["Minister Ana Ruiz"]);
    assert_eq!(of_type(2), ["said"]);
}

/// In hard-wrapped copy a quotation and its speaker run over line breaks: each line gets a token
/// of its own, never one that crosses a line or has no length, with LF and CRLF alike.
#[tokio::test]
async fn semantic_tokens_of_a_wrapped_quotation_stay_within_lines() {
    let dir = workspace(&[]);
    let mut client = Client::start(Answers::default());
    client.initialize(dir.path(), json!({})).await;
    for (name, line_break) in [("lf.txt", "\n"), ("crlf.txt", "\r\n")] {
        let text = "Trade talks\n\n\"We will open the market to\neveryone,\" Minister\nAna Ruiz said.\n"
            .replace('\n', line_break);
        let doc = uri(&dir.path().join(name));
        client.open(&doc, &text, 1).await;
        let result = client.request("textDocument/semanticTokens/full", json!({"textDocument": {"uri": doc}})).await;
        let data: Vec<u64> = result["data"].as_array().unwrap().iter().map(|v| v.as_u64().unwrap()).collect();
        let lines: Vec<&str> = text.split(line_break).collect();
        let (mut line, mut start) = (0, 0);
        let mut tokens = Vec::new();
        for t in data.chunks(5) {
            line += t[0];
            start = if t[0] == 0 { start + t[1] } else { t[1] };
            let line_text: Vec<u16> = lines[line as usize].encode_utf16().collect();
            assert!(t[2] > 0 && start + t[2] <= line_text.len() as u64, "{name}: token {t:?} at {line}:{start}");
            let covered = String::from_utf16(&line_text[start as usize..(start + t[2]) as usize]).unwrap();
            tokens.push((t[3], covered));
        }
        let of_type = |ty: u64| tokens.iter().filter(|t| t.0 == ty).map(|t| t.1.as_str()).collect::<Vec<_>>();
        assert_eq!(of_type(0), ["\"We will open the market to", "everyone,\""], "{name}");
        assert_eq!(of_type(1), ["Minister", "Ana Ruiz"], "{name}");
        assert_eq!(of_type(2), ["said"], "{name}");
    }
}

/// `context.only` picks the kinds of action: code actions on save ask for "source" ones, which
/// newsls has none of; "quickfix" asks for every fix.
#[tokio::test]
async fn code_actions_are_only_of_the_kinds_asked_for() {
    let (dir, mut client) = initialized_in_an_empty_workspace().await;
    let doc = uri(&dir.path().join("claim.txt"));
    client.open(&doc, "Prices\n\nPrices will double next year.\n", 1).await;
    let params = client.diagnostics_where(&doc, |p| !codes(p).is_empty()).await;
    let diagnostic = &params["diagnostics"][0];
    for (only, expect_some) in [
        (json!(["source"]), false),
        (json!(["source.fixAll"]), false),
        (json!(["quick"]), false),
        (json!(["quickfix"]), true),
        (json!(["source", "quickfix"]), true),
    ] {
        let request = json!({"textDocument": {"uri": doc}, "range": diagnostic["range"],
                             "context": {"diagnostics": [diagnostic], "only": only}});
        let actions = client.request("textDocument/codeAction", request).await;
        assert_eq!(actions.as_array().is_some_and(|a| !a.is_empty()), expect_some, "only {only}: {actions}");
    }
}

/// Fixes come from the findings shown now, not from the diagnostics the client sends back: none
/// for a diagnostic the text no longer has, and the fix at the cursor when the client sends none.
#[tokio::test]
async fn code_actions_follow_the_current_findings_not_the_clients_diagnostics() {
    let (dir, mut client) = initialized_in_an_empty_workspace().await;
    let doc = uri(&dir.path().join("claim.txt"));
    client.open(&doc, "Prices\n\nPrices will double next year.\n", 1).await;
    let params = client.diagnostics_where(&doc, |p| !codes(p).is_empty()).await;
    let stale = params["diagnostics"][0].clone();
    let at_cursor = json!({"textDocument": {"uri": doc},
                           "range": {"start": {"line": 2, "character": 3}, "end": {"line": 2, "character": 3}},
                           "context": {"diagnostics": []}});
    let actions = client.request("textDocument/codeAction", at_cursor.clone()).await;
    assert_eq!(actions[0]["title"], "Attribute it: insert \", [source] said\"", "{actions}");
    assert_eq!(actions[0]["diagnostics"][0]["range"], stale["range"]);
    // The reporter attributes it by hand; the client asks with the old diagnostic before the
    // new diagnostics reach it.
    client
        .notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": doc, "version": 2},
                   "contentChanges": [{"text": "Prices\n\nPrices will double next year, the bank said.\n"}]}),
        )
        .await;
    let actions = code_actions(&mut client, &doc, &stale).await;
    assert!(actions.is_null(), "{actions}");
    let actions = client.request("textDocument/codeAction", at_cursor).await;
    assert!(actions.is_null(), "{actions}");
}

/// A client that shows hovers as plain text only gets them without Markdown.
#[tokio::test]
async fn hover_is_plain_text_for_a_client_that_asks_for_it() {
    let dir = workspace(&[]);
    let mut client = Client::start(Answers::default());
    client.initialize(dir.path(), json!({"textDocument": {"hover": {"contentFormat": ["plaintext"]}}})).await;
    let doc = uri(&dir.path().join("celac.txt"));
    client.open(&doc, "Summit\n\nCELAC leaders met in Lima on Monday, the ministry said.\n", 1).await;
    let hover = client
        .request("textDocument/hover", json!({"textDocument": {"uri": doc}, "position": {"line": 2, "character": 2}}))
        .await;
    assert_eq!(hover["contents"]["kind"], "plaintext", "{hover}");
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(value.starts_with("Community of Latin American and Caribbean States (CELAC)\n"), "{value}");
    assert!(!value.contains("**") && !value.contains("  \n"), "{value}");
}

#[tokio::test]
async fn inlay_hints_name_the_speaker_after_each_quotation() {
    let (dir, mut client) = initialized_in_an_empty_workspace().await;
    let doc = uri(&dir.path().join("hints.txt"));
    client.open(&doc, ARTICLE, 1).await;
    let hints = client
        .request(
            "textDocument/inlayHint",
            json!({"textDocument": {"uri": doc}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 9, "character": 0}}}),
        )
        .await;
    assert_eq!(hints[0]["label"], "— Minister Ana Ruiz");
    assert_eq!(hints[0]["position"]["line"], 4);
}

#[tokio::test]
async fn undefined_acronym_has_a_quick_fix_that_spells_it_out() {
    let (dir, mut client) = initialized_in_an_empty_workspace().await;
    let doc = uri(&dir.path().join("acronym.txt"));
    client.open(&doc, "Summit\n\nCELAC leaders met in Lima on Monday, the foreign ministry said.\n", 1).await;
    let params = client.diagnostics_where(&doc, |p| codes(p).contains(&"undefined-acronym".to_string())).await;
    let diagnostic =
        params["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == "undefined-acronym").unwrap().clone();
    let actions = code_actions(&mut client, &doc, &diagnostic).await;
    let edit = &actions[0]["edit"]["changes"][&doc][0];
    assert_eq!(edit["newText"], "The Community of Latin American and Caribbean States (CELAC)");
    assert_eq!(actions[0]["kind"], "quickfix");
}

#[tokio::test]
async fn unattributed_claim_fix_inserts_a_source_placeholder_and_selects_it_when_the_client_can() {
    let dir = workspace(&[]);
    let text = "Prices\n\nPrices will double next year.\n";
    for (capabilities, selects) in [(json!({}), false), (json!({"experimental": {"selectPlaceholder": true}}), true)] {
        let mut client = Client::start(Answers::default());
        client.initialize(dir.path(), capabilities).await;
        let doc = uri(&dir.path().join("claim.txt"));
        client.open(&doc, text, 1).await;
        let params = client.diagnostics_where(&doc, |p| codes(p).contains(&"unattributed-claim".to_string())).await;
        let diagnostic = params["diagnostics"][0].clone();
        let actions = code_actions(&mut client, &doc, &diagnostic).await;
        let action = &actions[0];
        assert_eq!(action["title"], "Attribute it: insert \", [source] said\"");
        let edit = &action["edit"]["changes"][&doc][0];
        assert_eq!(edit["newText"], ", [source] said");
        assert_eq!(edit["range"]["start"], json!({"line": 2, "character": 28}), "before the full stop");
        if selects {
            assert_eq!(action["command"]["command"], "newsls.selectPlaceholder");
            let range = &action["command"]["arguments"][1];
            assert_eq!(range, &json!({"start": {"line": 2, "character": 30}, "end": {"line": 2, "character": 38}}));
        } else {
            assert!(action["command"].is_null(), "{action}");
        }
    }
}

#[tokio::test]
async fn hover_on_a_flagged_sentence_explains_why_and_on_an_attributed_one_names_the_source() {
    let (dir, mut client) = initialized_in_an_empty_workspace().await;
    let doc = uri(&dir.path().join("explain.txt"));
    let text = "Mill\n\nAccording to the owner, the mill closed on Monday. Prices will double next year.\n";
    client.open(&doc, text, 1).await;
    let at = |character: usize| json!({"textDocument": {"uri": doc}, "position": {"line": 2, "character": character}});
    let flagged = client.request("textDocument/hover", at(60)).await;
    let flagged = flagged["contents"]["value"].as_str().unwrap();
    assert!(flagged.contains("**No attribution**"), "{flagged}");
    assert!(flagged.contains("Claim: prediction"), "{flagged}");
    assert!(flagged.contains("Nearest attribution: “According to”"), "{flagged}");
    assert!(flagged.contains("does not continue it"), "{flagged}");
    let attributed = client.request("textDocument/hover", at(30)).await;
    let attributed = attributed["contents"]["value"].as_str().unwrap();
    assert!(attributed.contains("Source: **the owner**"), "{attributed}");
    assert!(attributed.contains("Cue: “According to”"), "{attributed}");
}

/// A sentence flagged because its only cue names nobody ("is expected to") is explained as
/// unattributed, with that cue, as the diagnostic has it; an unnamed group is a (vague) source.
#[tokio::test]
async fn hover_on_a_claim_whose_only_cue_names_nobody_says_it_is_unattributed() {
    let (dir, mut client) = initialized_in_an_empty_workspace().await;
    let doc = uri(&dir.path().join("expected.txt"));
    let text = "Tariffs\n\nThe tariff is expected to rise sharply next year.\n\nCritics say the tariff is too high.\n";
    client.open(&doc, text, 1).await;
    let hover = |line: u32| json!({"textDocument": {"uri": doc}, "position": {"line": line, "character": 5}});
    let expected = client.request("textDocument/hover", hover(2)).await;
    let expected = expected["contents"]["value"].as_str().unwrap();
    assert!(expected.starts_with("**No attribution**"), "{expected}");
    assert!(expected.contains("Claim: prediction"), "{expected}");
    assert!(expected.contains("Vague attribution: “is expected”, which names no source"), "{expected}");
    let critics = client.request("textDocument/hover", hover(4)).await;
    let critics = critics["contents"]["value"].as_str().unwrap();
    assert!(critics.starts_with("**Attributed**"), "{critics}");
    assert!(critics.contains("*Vague: no identifiable source.*"), "{critics}");
}

/// Spanish copy gets its diagnostics, hovers and quick fixes in Spanish.
#[tokio::test]
async fn spanish_copy_is_explained_in_spanish() {
    let (dir, mut client) = initialized_in_an_empty_workspace().await;
    let doc = uri(&dir.path().join("explica.txt"));
    let text = "Molino\n\nSegún el dueño, el molino cerró el lunes. Los precios del pan subirán el próximo año.\n";
    client.open(&doc, text, 1).await;
    let published = client.diagnostics_where(&doc, |p| codes(p).len() == 1).await;
    let diagnostic = published["diagnostics"][0].clone();
    let message = diagnostic["message"].as_str().unwrap();
    assert!(message.starts_with("Predicción sin atribuir: nadie figura como su fuente."), "{message}");
    let at = |character: usize| json!({"textDocument": {"uri": doc}, "position": {"line": 2, "character": character}});
    let flagged = client.request("textDocument/hover", at(60)).await;
    let flagged = flagged["contents"]["value"].as_str().unwrap();
    assert!(flagged.contains("**Sin atribución**"), "{flagged}");
    assert!(flagged.contains("Afirmación: predicción"), "{flagged}");
    assert!(flagged.contains("Atribución más cercana: “Según”"), "{flagged}");
    assert!(flagged.contains("esta oración no la continúa"), "{flagged}");
    let attributed = client.request("textDocument/hover", at(20)).await;
    let attributed = attributed["contents"]["value"].as_str().unwrap();
    assert!(attributed.contains("Fuente: **el dueño**"), "{attributed}");
    assert!(attributed.contains("Marca: “Según” — en esta oración"), "{attributed}");
    let actions = code_actions(&mut client, &doc, &diagnostic).await;
    let titles: Vec<&str> = actions.as_array().unwrap().iter().map(|a| a["title"].as_str().unwrap()).collect();
    assert_eq!(
        titles,
        [
            "Atribuir: insertar \", dijo [fuente]\"",
            "Aceptar como afirmación propia del periodista (se anota en .newsls-baseline.json)"
        ]
    );
}

#[tokio::test]
async fn accepting_takes_the_editors_text_of_an_open_file_and_the_saved_text_of_a_closed_one() {
    let saved = "Prices\n\nThe mill will close in May.\n";
    let dir = workspace(&[("open.txt", saved), ("closed.txt", saved)]);
    let mut client = Client::start(Answers::default());
    client.initialize(dir.path(), json!({})).await;
    // The command of a finding on a whole line of `chars` characters.
    let accept = |doc: &str, line: u32, chars: u32| {
        let range = json!({"start": {"line": line, "character": 0}, "end": {"line": line, "character": chars}});
        json!({"command": "newsls.acceptFinding", "arguments": [doc, "unattributed-claim", range]})
    };
    // The claim on line 3 is only in the editor, not on disk.
    let open = uri(&dir.path().join("open.txt"));
    let edited = "Prices\n\nPrices will double next year.\n\nThe mill will close in May.\n";
    client.open(&open, edited, 1).await;
    client.diagnostics_where(&open, |p| codes(p).len() == 2).await;
    let answer = client.response("workspace/executeCommand", accept(&open, 2, 29)).await;
    assert!(answer["error"].is_null(), "{answer}");
    client.diagnostics_where(&open, |p| codes(p).len() == 1).await;
    // A closed file's finding is found in its saved text, and its diagnostics follow.
    let closed = uri(&dir.path().join("closed.txt"));
    client.diagnostics_where(&closed, |p| codes(p).len() == 1).await;
    let answer = client.response("workspace/executeCommand", accept(&closed, 2, 27)).await;
    assert!(answer["error"].is_null(), "{answer}");
    client.diagnostics_where(&closed, |p| codes(p).is_empty()).await;
    let recorded = fs::read_to_string(dir.path().join(".newsls-baseline.json")).unwrap();
    assert!(recorded.contains("\"path\": \"open.txt\"") && recorded.contains("Prices will double"), "{recorded}");
    assert!(recorded.contains("\"path\": \"closed.txt\"") && recorded.contains("The mill will close"), "{recorded}");
}

#[tokio::test]
async fn accepting_a_claim_records_it_in_the_baseline_for_the_editor_and_for_check() {
    let text = "Prices\n\nPrices will double next year.\n\nThe mill will close in May.\n";
    let dir = workspace(&[("claim.txt", text)]);
    let mut client = Client::start(Answers::default());
    let caps = client.initialize(dir.path(), json!({})).await;
    assert_eq!(caps["capabilities"]["executeCommandProvider"]["commands"], json!(["newsls.acceptFinding"]));
    let doc = uri(&dir.path().join("claim.txt"));
    client.open(&doc, text, 1).await;
    let params = client.diagnostics_where(&doc, |p| codes(p).len() == 2).await;
    let diagnostic = params["diagnostics"][0].clone();
    let accept = accept_with_quick_fix(&mut client, &doc, &diagnostic).await;
    assert_eq!(accept["title"], "Accept as the reporter's own (record it in .newsls-baseline.json)");
    let command = &accept["command"];
    let after = client.diagnostics_where(&doc, |p| codes(p).len() == 1).await;
    assert_eq!(after["diagnostics"][0]["range"]["start"]["line"], 4, "the other claim is still reported");
    let recorded = fs::read_to_string(dir.path().join(".newsls-baseline.json")).unwrap();
    assert!(recorded.contains("\"path\": \"claim.txt\"") && recorded.contains("Prices will double"), "{recorded}");

    // Only a finding shown now: not the one accepted already, nor a place with none, nor a file
    // outside the workspace; each is refused and the baseline stays as it was.
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("other.txt"), text).unwrap();
    let nothing_there = json!({"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 6}});
    for arguments in [
        command["arguments"].clone(),
        json!([doc, "unattributed-claim", nothing_there]),
        json!([uri(&outside.path().join("other.txt")), "unattributed-claim", diagnostic["range"]]),
    ] {
        let answer = client
            .response("workspace/executeCommand", json!({"command": command["command"], "arguments": arguments}))
            .await;
        assert!(answer["error"]["message"].is_string(), "{arguments}: {answer}");
    }
    assert_eq!(fs::read_to_string(dir.path().join(".newsls-baseline.json")).unwrap(), recorded);
    assert!(!outside.path().join(".newsls-baseline.json").exists());

    // newsls check in the same folder agrees.
    let stdout = check_compact_in(dir.path());
    assert!(stdout.contains("claim.txt:5:1") && !stdout.contains("claim.txt:3:1"), "{stdout}");
}

/// A subfolder's `newsls.toml` governs the documents below it in the editor as in `newsls check`,
/// live; a broken one is reported and the settings above it apply meanwhile.
#[tokio::test]
async fn a_nested_newsls_toml_governs_its_folder_live() {
    let dir = workspace(&[
        ("newsls.toml", "[rules]\nunattributed-claim = \"error\"\n"),
        ("desk/newsls.toml", "[rules]\nunattributed-claim = \"hint\"\n"),
    ]);
    let mut client = Client::start(Answers::default());
    client.initialize(dir.path(), json!({})).await;
    let top = uri(&dir.path().join("a.txt"));
    let desk = uri(&dir.path().join("desk/b.txt"));
    client.open(&top, ARTICLE, 1).await;
    let params = client.diagnostics_where(&top, |p| p["version"] == 1).await;
    assert_eq!(params["diagnostics"][0]["severity"], 1);
    client.open(&desk, ARTICLE, 1).await;
    let params = client.diagnostics_where(&desk, |p| p["version"] == 1).await;
    assert_eq!(params["diagnostics"][0]["severity"], 4, "the desk's own level: {params}");

    let nested = dir.path().join("desk/newsls.toml");
    fs::write(&nested, "[rules]\nunattributed-claim = \"warning\"\n").unwrap();
    client.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": uri(&nested), "type": 2}]})).await;
    client.diagnostics_where(&desk, |p| p["diagnostics"][0]["severity"] == 2).await;

    fs::write(&nested, "[rules]\nunattributed-claim = \"loud\"\n").unwrap();
    client.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": uri(&nested), "type": 2}]})).await;
    let message = client.wait_for("showMessage", |m| m["method"] == "window/showMessage").await;
    let text = message["params"]["message"].as_str().unwrap();
    assert!(text.contains("desk/newsls.toml:2:") && text.contains("loud"), "{text}");
    client.diagnostics_where(&desk, |p| p["diagnostics"][0]["severity"] == 1).await;
}

/// Accepting a finding under a subfolder with its own `newsls.toml` records it in that folder's
/// baseline, relative to it, where `newsls check` run from the workspace folder looks.
#[tokio::test]
async fn accepting_under_a_nested_newsls_toml_records_in_its_baseline() {
    let text = "Prices\n\nPrices will double next year.\n\nThe mill will close in May.\n";
    let dir = workspace(&[("desk/newsls.toml", ""), ("desk/claim.txt", text)]);
    let mut client = Client::start(Answers::default());
    client.initialize(dir.path(), json!({})).await;
    let doc = uri(&dir.path().join("desk/claim.txt"));
    client.open(&doc, text, 1).await;
    let params = client.diagnostics_where(&doc, |p| codes(p).len() == 2).await;
    let accept = accept_with_quick_fix(&mut client, &doc, &params["diagnostics"][0]).await;
    assert_eq!(accept["title"], "Accept as the reporter's own (record it in desk/.newsls-baseline.json)");
    client.diagnostics_where(&doc, |p| codes(p).len() == 1).await;
    let recorded = fs::read_to_string(dir.path().join("desk/.newsls-baseline.json")).unwrap();
    assert!(recorded.contains("\"path\": \"claim.txt\""), "{recorded}");
    assert!(!dir.path().join(".newsls-baseline.json").exists());

    let stdout = check_compact_in(dir.path());
    assert!(stdout.contains("claim.txt:5:1") && !stdout.contains("claim.txt:3:1"), "{stdout}");
}

/// The watcher's report of the baseline the server wrote itself, accepting a finding, is no
/// reason to index the whole workspace again; the baseline changed by anyone else is.
#[tokio::test]
async fn the_baseline_an_accept_wrote_does_not_reindex_the_workspace() {
    let text = "Prices\n\nPrices will double next year.\n\nThe mill will close in May.\n";
    let dir = workspace(&[("claim.txt", text), ("other.txt", text)]);
    let mut client = Client::start(Answers::default());
    client.initialize(dir.path(), json!({"window": {"workDoneProgress": true}})).await;
    let is_progress =
        |kind: &'static str| move |m: &Value| m["method"] == "$/progress" && m["params"]["value"]["kind"] == kind;
    client.wait_for("the first indexing's end", is_progress("end")).await;
    let doc = uri(&dir.path().join("claim.txt"));
    client.open(&doc, text, 1).await;
    let params = client.diagnostics_where(&doc, |p| codes(p).len() == 2).await;
    accept_with_quick_fix(&mut client, &doc, &params["diagnostics"][0]).await;
    client.diagnostics_where(&doc, |p| codes(p).len() == 1).await;
    client.seen.retain(|m| !is_progress("begin")(m));

    let baseline = dir.path().join(".newsls-baseline.json");
    client.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": uri(&baseline), "type": 2}]})).await;
    // Then the baseline goes (a checkout): the accepted finding is back, after one indexing.
    fs::remove_file(&baseline).unwrap();
    client.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": uri(&baseline), "type": 3}]})).await;
    client.diagnostics_where(&doc, |p| codes(p).len() == 2).await;
    client.wait_for("the indexing's end", is_progress("end")).await;
    let begun = client.seen.iter().filter(|m| is_progress("begin")(m)).count();
    assert_eq!(begun, 1, "one indexing, for the baseline's removal only");
}

/// A file opened outside every workspace folder (a lone file in VS Code) is governed by the
/// nearest `newsls.toml` above it, as `newsls check` would read it.
#[tokio::test]
async fn a_file_outside_the_workspace_folders_gets_the_newsls_toml_above_it() {
    let dir = workspace(&[]);
    let elsewhere = workspace(&[("newsls.toml", "[rules]\nunattributed-claim = \"error\"\n")]);
    let mut client = Client::start(Answers::default());
    client.initialize(dir.path(), json!({})).await;
    let lone = uri(&elsewhere.path().join("desk/lone.txt"));
    client.open(&lone, ARTICLE, 1).await;
    let params = client.diagnostics_where(&lone, |p| p["version"] == 1).await;
    assert_eq!(params["diagnostics"][0]["severity"], 1, "{params}");
}

/// A nested configuration's broken baseline is said, as a workspace folder's is, and its
/// settings still apply.
#[tokio::test]
async fn a_nested_configurations_broken_baseline_is_reported() {
    let dir = workspace(&[
        ("desk/newsls.toml", "[rules]\nunattributed-claim = \"error\"\n"),
        ("desk/.newsls-baseline.json", "<<<<<<< HEAD\n{ broken"),
        ("desk/a.txt", ARTICLE),
    ]);
    let mut client = Client::start(Answers::default());
    client.initialize(dir.path(), json!({})).await;
    let message = client.wait_for("showMessage", |m| m["method"] == "window/showMessage").await;
    let text = message["params"]["message"].as_str().unwrap();
    assert!(text.contains("desk/.newsls-baseline.json:1:1: not a newsls baseline"), "{text}");
    let doc = uri(&dir.path().join("desk/a.txt"));
    client.open(&doc, ARTICLE, 1).await;
    let params = client.diagnostics_where(&doc, |p| p["version"] == 1).await;
    assert_eq!(params["diagnostics"][0]["severity"], 1, "the desk's newsls.toml applies");
}
