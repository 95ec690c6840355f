//! Entities in the language server, in process: hover cards, go to definition and references
//! across articles, highlights, symbols, rename, code lenses and the live glossary, on fixture
//! articles shaped like the user's example (`tests/fixtures/entities`).

mod support;

use std::fs;
use std::path::Path;

use serde_json::{Value, json};
use support::in_process::{Answers, Client};
use support::uri;

fn fixture(name: &str) -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/entities").join(name)).unwrap()
}

/// A workspace of the given fixtures (name in the workspace, fixture name).
fn workspace(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, fixture_name) in files {
        fs::write(dir.path().join(name), fixture(fixture_name)).unwrap();
    }
    dir
}

/// The LSP position (UTF-16 columns) of the `nth` occurrence of `needle` in `text`, plus `shift`
/// characters.
fn position(text: &str, needle: &str, nth: usize, shift: usize) -> Value {
    let offset = text.match_indices(needle).nth(nth).unwrap_or_else(|| panic!("{needle:?} #{nth} in the text")).0;
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let character = text[line_start..offset].encode_utf16().count() + shift;
    json!({"line": line, "character": character})
}

/// A client with the workspace indexed (closed files included).
async fn indexed(dir: &Path) -> Client {
    let mut client = Client::start(Answers::default());
    client.initialize(dir, json!({"window": {"workDoneProgress": true}})).await;
    client.wait_for("progress end", |m| m["method"] == "$/progress" && m["params"]["value"]["kind"] == "end").await;
    client
}

/// `first.txt` introduces CELAC; `second.txt` names it by acronym alone. Neither is open yet.
async fn two_celac_articles_indexed() -> (tempfile::TempDir, Client) {
    let dir = workspace(&[("first.txt", "celac-first.txt"), ("second.txt", "celac-second.txt")]);
    let client = indexed(dir.path()).await;
    (dir, client)
}

async fn open_fixture(client: &mut Client, dir: &Path, name: &str) -> (String, String) {
    let text = fs::read_to_string(dir.join(name)).unwrap();
    let doc = uri(&dir.join(name));
    client.open(&doc, &text, 1).await;
    (doc, text)
}

fn at(doc: &str, position: Value) -> Value {
    json!({"textDocument": {"uri": doc}, "position": position})
}

async fn hover_text(client: &mut Client, doc: &str, position: Value) -> String {
    let hover = client.request("textDocument/hover", at(doc, position)).await;
    hover["contents"]["value"].as_str().unwrap_or_else(|| panic!("a hover card: {hover}")).to_string()
}

/// Definition results as (uri, start line) pairs, whether one location or a list.
fn targets(result: &Value) -> Vec<(String, u64)> {
    let list = if result.is_array() { result.as_array().unwrap().clone() } else { vec![result.clone()] };
    list.iter()
        .map(|l| (l["uri"].as_str().unwrap().to_string(), l["range"]["start"]["line"].as_u64().unwrap()))
        .collect()
}

#[tokio::test]
async fn hover_cards_for_every_organization_of_the_example_and_for_putin() {
    let dir = workspace(&[("first.txt", "celac-first.txt")]);
    let mut client = indexed(dir.path()).await;
    let (doc, text) = open_fixture(&mut client, dir.path(), "first.txt").await;
    let expected = [
        ("CELAC's", "**Community of Latin American and Caribbean States** (CELAC"),
        ("UNASUR", "**Union of South American Nations** (UNASUR"),
        ("MERCOSUR", "**Southern Common Market** (MERCOSUR"),
        ("ALBA", "**Bolivarian Alliance for the Peoples of Our America** (ALBA"),
        ("Pacific Alliance", "**Pacific Alliance**"),
        ("SICA", "**Central American Integration System** (SICA"),
        ("CARICOM", "**Caribbean Community** (CARICOM"),
        ("EAEU", "**Eurasian Economic Union** (EAEU"),
        ("Customs Union", "**Customs Union of Belarus, Kazakhstan and Russia**"),
        ("Common Economic Space", "**Common Economic Space**"),
        ("WTO", "**World Trade Organization** (WTO"),
    ];
    for (needle, title) in expected {
        let card = hover_text(&mut client, &doc, position(&text, needle, 0, 1)).await;
        assert!(card.starts_with(title), "hover on {needle}: {card}");
        assert!(card.contains("as of"), "hover on {needle} names its date and source: {card}");
    }
    let celac = hover_text(&mut client, &doc, position(&text, "CELAC", 0, 0)).await;
    assert!(celac.contains("Comunidad de Estados Latinoamericanos y Caribeños"), "{celac}");
    assert!(celac.contains("members"), "{celac}");
    let eaeu = hover_text(&mut client, &doc, position(&text, "EAEU", 0, 0)).await;
    assert!(eaeu.contains("Armenia") && eaeu.contains("Kyrgyzstan"), "EAEU members: {eaeu}");

    let putin = hover_text(&mut client, &doc, position(&text, "Putin has", 0, 2)).await;
    assert!(putin.starts_with("**Vladimir Putin**"), "{putin}");
    assert!(putin.contains("President Vladimir Putin"), "the introducing sentence: {putin}");
}

#[tokio::test]
async fn definition_of_a_possessive_acronym_lands_on_its_introduction() {
    let dir = workspace(&[("first.txt", "celac-first.txt")]);
    let mut client = indexed(dir.path()).await;
    let (doc, text) = open_fixture(&mut client, dir.path(), "first.txt").await;
    // "the CELAC's extended troika", in the paragraph after the one that introduces "(CELAC)".
    let result = client.request("textDocument/definition", at(&doc, position(&text, "CELAC's", 0, 2))).await;
    assert_eq!(targets(&result), [(doc.clone(), 2)]);
    let intro = &result["range"];
    assert_eq!(intro["start"], position(&text, "Community of Latin American", 0, 0));
    assert_eq!(intro["end"], position(&text, "(CELAC)", 0, 7), "the full name and its acronym");
}

#[tokio::test]
async fn definition_and_references_cross_articles_closed_files_included() {
    let (dir, mut client) = two_celac_articles_indexed().await;
    // Only the second article is open; it names CELAC by acronym alone.
    let (second, text) = open_fixture(&mut client, dir.path(), "second.txt").await;
    let first = uri(&dir.path().join("first.txt"));
    let result = client.request("textDocument/definition", at(&second, position(&text, "CELAC", 0, 1))).await;
    assert_eq!(targets(&result), [(first.clone(), 2)], "the first article's introduction");

    let params = json!({"textDocument": {"uri": second}, "position": position(&text, "CELAC", 0, 1),
                        "context": {"includeDeclaration": true}});
    let references = client.request("textDocument/references", params).await;
    let mut found = targets(&references);
    found.sort();
    assert_eq!(
        found,
        [(first.clone(), 2), (first.clone(), 2), (first.clone(), 4), (first.clone(), 6), (second.clone(), 2)]
    );

    let params = json!({"textDocument": {"uri": second}, "position": position(&text, "CELAC", 0, 1),
                        "context": {"includeDeclaration": false}});
    let without = targets(&client.request("textDocument/references", params).await);
    assert_eq!(without.len(), 3, "the introduction (full name and acronym) left out: {without:?}");

    // A person the second article names by full name itself: the same person as the first's.
    let result = client.request("textDocument/definition", at(&second, position(&text, "Putin's", 0, 1))).await;
    assert_eq!(targets(&result), [(second.clone(), 2)], "the second article's own first full-name mention");
    let params = json!({"textDocument": {"uri": second}, "position": position(&text, "Putin's", 0, 1),
                        "context": {"includeDeclaration": true}});
    let files: std::collections::BTreeSet<String> =
        targets(&client.request("textDocument/references", params).await).into_iter().map(|(f, _)| f).collect();
    assert_eq!(files, [first, second].into_iter().collect());
}

#[tokio::test]
async fn a_spanish_name_resolves_to_celac() {
    let dir = workspace(&[("es.txt", "celac-es.txt")]);
    let mut client = indexed(dir.path()).await;
    let (doc, text) = open_fixture(&mut client, dir.path(), "es.txt").await;
    let card = hover_text(&mut client, &doc, position(&text, "Comunidad de Estados", 0, 4)).await;
    // The card of a Spanish article leads with the Spanish name, the English one after it.
    assert!(card.starts_with("**Comunidad de Estados Latinoamericanos y Caribeños** (CELAC)"), "{card}");
    assert!(card.contains("_en: Community of Latin American and Caribbean States · "), "{card}");
    let card = hover_text(&mut client, &doc, position(&text, "Mercado Común del Sur", 0, 2)).await;
    assert!(card.contains("MERCOSUR"), "{card}");
}

#[tokio::test]
async fn highlights_symbols_and_workspace_symbols() {
    let (dir, mut client) = two_celac_articles_indexed().await;
    let (doc, text) = open_fixture(&mut client, dir.path(), "first.txt").await;

    let highlights = client.request("textDocument/documentHighlight", at(&doc, position(&text, "CELAC's", 0, 1))).await;
    let kinds: Vec<u64> = highlights.as_array().unwrap().iter().map(|h| h["kind"].as_u64().unwrap()).collect();
    assert_eq!(kinds, [3, 3, 2, 2], "the introduction (name and acronym) as write, the later mentions as read");

    let symbols = client.request("textDocument/documentSymbol", json!({"textDocument": {"uri": doc}})).await;
    let groups: Vec<&str> = symbols
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["children"].as_array().map(|_| s["name"].as_str().unwrap()))
        .collect();
    assert_eq!(groups, ["Organizations", "Countries", "People"]);
    let organizations = &symbols.as_array().unwrap().iter().find(|s| s["name"] == "Organizations").unwrap()["children"];
    assert!(
        organizations
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["name"] == "Community of Latin American and Caribbean States")
    );

    let found = client.request("workspace/symbol", json!({"query": "celac"})).await;
    let first = &found[0];
    assert_eq!(first["name"], "Community of Latin American and Caribbean States (CELAC)");
    assert_eq!(first["location"]["uri"], doc);
    assert!(first["containerName"].as_str().unwrap().contains("2 articles"), "{first}");
    let fuzzy = client.request("workspace/symbol", json!({"query": "andwatr"})).await;
    assert_eq!(fuzzy[0]["name"], "Andean Water Council (AWC)", "letters in order: {fuzzy}");
}

#[tokio::test]
async fn code_lens_counts_the_articles_that_mention_an_introduced_entity() {
    let (dir, mut client) = two_celac_articles_indexed().await;
    let (doc, _) = open_fixture(&mut client, dir.path(), "first.txt").await;
    let lenses = client.request("textDocument/codeLens", json!({"textDocument": {"uri": doc}})).await;
    let titles: Vec<&str> =
        lenses.as_array().unwrap().iter().map(|l| l["command"]["title"].as_str().unwrap()).collect();
    assert!(
        titles.contains(&"Community of Latin American and Caribbean States: mentioned in 2 articles"),
        "{titles:?}"
    );
    assert!(titles.contains(&"Union of South American Nations: mentioned in 1 article"), "{titles:?}");
    let lens = &lenses[0];
    assert_eq!(lens["command"]["command"], "newsls.showReferences");
    assert_eq!(lens["command"]["arguments"][0], doc);
}

#[tokio::test]
async fn lenses_are_refreshed_once_indexing_ends_and_counts_are_then_complete() {
    let dir = workspace(&[("first.txt", "celac-first.txt"), ("second.txt", "celac-second.txt")]);
    let mut client = Client::start(Answers::default());
    let capabilities =
        json!({"window": {"workDoneProgress": true}, "workspace": {"codeLens": {"refreshSupport": true}}});
    client.initialize(dir.path(), capabilities).await;
    client.wait_for("progress end", |m| m["method"] == "$/progress" && m["params"]["value"]["kind"] == "end").await;
    client.wait_for("a code lens refresh", |m| m["method"] == "workspace/codeLens/refresh").await;
    let (doc, text) = open_fixture(&mut client, dir.path(), "first.txt").await;
    let card = hover_text(&mut client, &doc, position(&text, "CELAC", 0, 0)).await;
    assert!(card.contains("Mentioned in 2 articles of the workspace"), "{card}");
    assert!(!card.contains("so far"), "indexing has ended: {card}");
}

#[tokio::test]
async fn rename_of_a_workspace_entity_edits_every_article() {
    let (dir, mut client) = two_celac_articles_indexed().await;
    let (second, text) = open_fixture(&mut client, dir.path(), "second.txt").await;
    let first = uri(&dir.path().join("first.txt"));

    // A person: the full name and the surname follow.
    let prepared = client.request("textDocument/prepareRename", at(&second, position(&text, "Putin's", 0, 1))).await;
    assert_eq!(prepared["placeholder"], "Putin");
    let params = json!({"textDocument": {"uri": second}, "position": position(&text, "Vladimir Putin", 0, 1), "newName": "Vladimir V. Putin"});
    let edit = client.request("textDocument/rename", params).await;
    let changes = edit["changes"].as_object().unwrap();
    let mut files: Vec<&String> = changes.keys().collect();
    files.sort();
    assert_eq!(files, [&first, &second]);
    let new_texts: Vec<&str> =
        changes[&second].as_array().unwrap().iter().map(|e| e["newText"].as_str().unwrap()).collect();
    assert_eq!(new_texts, ["Vladimir V. Putin", "Putin"]);

    // The knowledge base's entities are not the newsroom's to rename.
    let refused = client
        .raw_request("textDocument/prepareRename", at(&second, position(&text, "CELAC", 0, 1)))
        .await
        .unwrap()
        .unwrap();
    let refused = serde_json::to_value(&refused).unwrap();
    assert!(refused["error"]["message"].as_str().unwrap().contains("knowledge base"), "{refused}");
}

#[tokio::test]
async fn glossary_changes_apply_live() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("notes.txt"), "Desk notes\n\nThe QWB raised tariffs on Monday, the board said.\n")
        .unwrap();
    let glossary = dir.path().join("desk-glossary.toml");
    fs::write(dir.path().join("newsls.toml"), "glossary-file = \"desk-glossary.toml\"\n").unwrap();
    fs::write(&glossary, "[[glossary]]\nname = \"Quito Water Board\"\naliases = [\"QWB\"]\ndescription = \"Regional water regulator.\"\n").unwrap();
    let mut client = Client::start(Answers::default());
    client
        .initialize(
            dir.path(),
            json!({"window": {"workDoneProgress": true}, "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}),
        )
        .await;
    client.wait_for("progress end", |m| m["method"] == "$/progress" && m["params"]["value"]["kind"] == "end").await;
    let (doc, text) = open_fixture(&mut client, dir.path(), "notes.txt").await;
    let card = hover_text(&mut client, &doc, position(&text, "QWB", 0, 1)).await;
    assert!(card.contains("Regional water regulator."), "{card}");

    // An entity the article never introduces: definition goes to its glossary entry.
    let result = client.request("textDocument/definition", at(&doc, position(&text, "QWB", 0, 1))).await;
    assert_eq!(targets(&result), [(uri(&glossary), 0)]);

    fs::write(&glossary, "[[glossary]]\nname = \"Quito Water Board\"\naliases = [\"QWB\"]\ndescription = \"Water regulator of five Andean states.\"\n").unwrap();
    client.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": uri(&glossary), "type": 2}]})).await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let card = hover_text(&mut client, &doc, position(&text, "QWB", 0, 1)).await;
        if card.contains("Water regulator of five Andean states.") {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "the new description never showed: {card}");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}
