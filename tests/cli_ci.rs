//! `newsls check` in CI: the SARIF, GitHub and compact formats, `--fail-on`, baselines (which must
//! survive moved paragraphs, text added above and re-wrapped lines), `--shard`, and
//! `newsls rules --format json`. The real binary on the articles of `tests/fixtures/ci`, written
//! for these tests.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

const CI: &str = "tests/fixtures/ci";

fn newsls_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsls"))
        .args(args)
        .current_dir(dir)
        .env("NEWSLS_NO_PROGRESS", "1")
        .output()
        .expect("run newsls")
}

fn newsls(args: &[&str]) -> Output {
    newsls_in(root(), args)
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("newsls exited by a signal")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

fn json(output: &Output) -> Value {
    serde_json::from_str(&stdout(output))
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\nstderr: {}", stdout(output), stderr(output)))
}

/// A workspace with `news/market.txt` and a `newsls.toml` at its root holding `config`.
fn market_under_news_with_config(config: &str) -> tempfile::TempDir {
    let dir = workspace(&[]);
    std::fs::create_dir(dir.path().join("news")).unwrap();
    std::fs::copy(root().join(CI).join("market.txt"), dir.path().join("news/market.txt")).unwrap();
    std::fs::write(dir.path().join("newsls.toml"), config).unwrap();
    dir
}

/// A temporary folder with copies of the named fixtures of `tests/fixtures/ci`.
fn workspace(names: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in names {
        std::fs::copy(root().join(CI).join(name), dir.path().join(name)).unwrap();
    }
    dir
}

/// The (rule, text of the flagged span) of every finding `--format json` reports in `dir`.
fn findings_in(dir: &Path, extra: &[&str]) -> Vec<(String, String)> {
    let mut args = vec!["check", "--format", "json", "."];
    args.extend_from_slice(extra);
    let output = newsls_in(dir, &args);
    let mut out = Vec::new();
    for file in json(&output).as_array().unwrap() {
        let path = dir.join(file["path"].as_str().unwrap());
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text.split('\n').collect();
        for d in file["diagnostics"].as_array().unwrap() {
            let line = d["range"]["start"]["line"].as_u64().unwrap() as usize;
            out.push((d["code"].as_str().unwrap().to_string(), lines[line].to_string()));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// SARIF
// ---------------------------------------------------------------------------------------------

#[test]
fn sarif_has_the_tool_rules_and_results() {
    let output = newsls(&["check", "--format", "sarif", CI]);
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    let log = json(&output);
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "utf16CodeUnits");
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "newsls");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    assert!(driver["informationUri"].as_str().unwrap().starts_with("https://"));
    let rules = driver["rules"].as_array().unwrap();
    assert_eq!(rules.len(), newsls::rules::ALL.len());
    for (rule, descriptor) in newsls::rules::ALL.iter().zip(rules) {
        assert_eq!(descriptor["id"], rule.name);
        assert_eq!(descriptor["shortDescription"]["text"], rule.summary());
        assert_eq!(descriptor["fullDescription"]["text"], rule.markdown());
        assert_eq!(descriptor["helpUri"], rule.url());
        let level = descriptor["defaultConfiguration"]["level"].as_str().unwrap();
        assert!(["error", "warning", "note"].contains(&level));
    }
    let unattributed_claim = rules.iter().position(|r| r["id"] == "unattributed-claim").unwrap();

    let results = run["results"].as_array().unwrap();
    assert!(results.len() >= 6, "{results:#?}");
    for result in results {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        assert!(["error", "warning", "note"].contains(&result["level"].as_str().unwrap()));
        assert!(!result["message"]["text"].as_str().unwrap().is_empty());
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        assert!(location["artifactLocation"]["uri"].as_str().unwrap().starts_with("tests/fixtures/ci/"));
        let region = &location["region"];
        for key in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(region[key].as_u64().unwrap() >= 1, "{key} is 1-based: {region}");
        }
        assert_eq!(result["partialFingerprints"]["newsls/v1"].as_str().unwrap().len(), 32);
    }

    // "Stall rents will rise sharply next year." follows an emoji (two UTF-16 code units) on line 5.
    let prediction = results
        .iter()
        .find(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "tests/fixtures/ci/market.txt"
                && r["message"]["text"].as_str().unwrap().contains("prediction")
        })
        .expect("the prediction in market.txt");
    assert_eq!(prediction["ruleId"], "unattributed-claim");
    assert_eq!(prediction["ruleIndex"], unattributed_claim);
    assert_eq!(prediction["level"], "warning");
    let region = &prediction["locations"][0]["physicalLocation"]["region"];
    assert_eq!((region["startLine"].as_u64(), region["startColumn"].as_u64()), (Some(5), Some(29)));
    let sentence = "Stall rents will rise sharply next year.";
    assert_eq!(region["endLine"], 5);
    assert_eq!(region["endColumn"].as_u64().unwrap(), 29 + sentence.len() as u64);

    // Information findings are notes.
    assert!(results.iter().any(|r| r["ruleId"] == "vague-attribution" && r["level"] == "note"));
}

#[test]
fn sarif_of_a_clean_file_is_a_complete_log() {
    let output = newsls(&["check", "--format", "sarif", "tests/fixtures/ci/clean.txt"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let log = json(&output);
    assert_eq!(log["runs"][0]["results"], Value::Array(vec![]));
    assert_eq!(log["runs"][0]["invocations"][0]["executionSuccessful"], true);
}

// ---------------------------------------------------------------------------------------------
// GitHub and compact
// ---------------------------------------------------------------------------------------------

#[test]
fn github_annotations_are_escaped_workflow_commands() {
    let output = newsls(&["check", "--format", "github", CI]);
    assert_eq!(code(&output), 1);
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.len() >= 6, "{text}");
    for line in &lines {
        assert!(
            line.starts_with("::warning file=")
                || line.starts_with("::notice file=")
                || line.starts_with("::error file="),
            "{line}"
        );
        let (properties, message) = line[2..].split_once("::").expect("a message");
        let properties = properties.split_once(' ').unwrap().1;
        let keys: Vec<&str> = properties.split(',').map(|kv| kv.split_once('=').unwrap().0).collect();
        assert_eq!(keys, ["file", "line", "col", "endLine", "endColumn", "title"], "{line}");
        assert!(!message.contains('\n') && !message.contains('\r'));
        assert!(properties.contains(",title=newsls("), "{line}");
    }
    // The prediction after the emoji in market.txt, with its columns in UTF-16 code units.
    let sentence_len = "Stall rents will rise sharply next year.".len();
    let expected = format!(
        "::warning file=tests/fixtures/ci/market.txt,line=5,col=29,endLine=5,endColumn={},title=newsls(unattributed-claim)::Unattributed prediction",
        28 + sentence_len
    );
    assert!(lines.iter().any(|l| l.starts_with(&expected)), "{expected}\n{text}");
    // Vague attribution is information: a notice.
    assert!(lines.iter().any(|l| l.starts_with("::notice file=tests/fixtures/ci/harbour.txt,line=11,")), "{text}");
}

#[test]
fn github_property_escaping() {
    let dir = tempfile::tempdir().unwrap();
    let name = "a,b:c%d.txt";
    std::fs::copy(root().join(CI).join("market.txt"), dir.path().join(name)).unwrap();
    let output = newsls_in(dir.path(), &["check", "--format", "github", name]);
    let text = stdout(&output);
    assert!(text.lines().all(|l| l.contains("file=a%2Cb%3Ac%25d.txt,line=")), "{text}");
}

#[test]
fn compact_is_one_line_per_finding() {
    let output = newsls(&["check", "--format", "compact", CI]);
    assert_eq!(code(&output), 1);
    let text = stdout(&output);
    let json_count: usize = json(&newsls(&["check", "--format", "json", CI]))
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["diagnostics"].as_array().unwrap().len())
        .sum();
    assert_eq!(text.lines().count(), json_count);
    assert!(
        text.lines()
            .any(|l| l
                .starts_with("tests/fixtures/ci/market.txt:5:28: warning[unattributed-claim] Unattributed prediction")),
        "{text}"
    );
    assert!(text.lines().any(|l| l.starts_with("tests/fixtures/ci/harbour.txt:11:1: information[vague-attribution] ")));
    // Nothing else on stdout (no summary, no snippets).
    for line in text.lines() {
        assert!(line.starts_with("tests/fixtures/ci/"), "{line}");
    }
}

#[test]
fn json_is_still_one_array_in_path_order() {
    let output = newsls(&["check", "--format", "json", CI]);
    let files = json(&output);
    let paths: Vec<&str> = files.as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap()).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    assert_eq!(paths.len(), 4);
}

// ---------------------------------------------------------------------------------------------
// --fail-on
// ---------------------------------------------------------------------------------------------

#[test]
fn fail_on_sets_the_exit_code() {
    // harbour.txt: warnings and information; clean.txt: nothing.
    let harbour = "tests/fixtures/ci/harbour.txt";
    let cases = [
        (vec![], 1),
        (vec!["--fail-on", "warning"], 1),
        (vec!["--fail-on", "error"], 0),
        (vec!["--fail-on", "never"], 0),
        (vec!["--fail-on", "information"], 1),
        (vec!["--fail-on", "hint"], 1),
    ];
    for (extra, expected) in cases {
        let mut args = vec!["check", "--format", "compact", harbour];
        args.extend(extra.iter().copied());
        assert_eq!(code(&newsls(&args)), expected, "{args:?}");
    }

    // Only information findings: a gate at information fails, the default does not.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("info.txt"), "Council meets\n\nCritics say the council meets too rarely.\n")
        .unwrap();
    let findings = findings_in(dir.path(), &[]);
    assert!(!findings.is_empty() && findings.iter().all(|(rule, _)| rule == "vague-attribution"), "{findings:?}");
    assert_eq!(code(&newsls_in(dir.path(), &["check", "."])), 0);
    assert_eq!(code(&newsls_in(dir.path(), &["check", "--fail-on", "information", "."])), 1);

    // Errors from newsls.toml, and exit code 2 beats everything.
    std::fs::write(dir.path().join("newsls.toml"), "[rules]\nvague-attribution = \"error\"\n").unwrap();
    assert_eq!(code(&newsls_in(dir.path(), &["check", "--fail-on", "error", "."])), 1);
    assert_eq!(code(&newsls_in(dir.path(), &["check", "--fail-on", "never", ".", "missing.txt"])), 2);
    assert_eq!(code(&newsls_in(dir.path(), &["check", "--fail-on", "sometimes", "."])), 2);
}

// ---------------------------------------------------------------------------------------------
// Baselines
// ---------------------------------------------------------------------------------------------

fn write_baseline(dir: &Path) {
    let output = newsls_in(dir, &["check", "--format", "compact", "--write-baseline", "baseline.json", "."]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(stderr(&output).contains("wrote the baseline"), "{}", stderr(&output));
}

/// `newsls check --baseline baseline.json` in `dir`: the compact lines and the exit code.
fn check_with_baseline(dir: &Path) -> (Vec<String>, i32) {
    let output = newsls_in(dir, &["check", "--format", "compact", "--baseline", "baseline.json", "."]);
    (stdout(&output).lines().map(str::to_string).collect(), code(&output))
}

#[test]
fn baseline_suppresses_recorded_findings() {
    let dir = workspace(&["harbour.txt", "market.txt"]);
    assert!(findings_in(dir.path(), &[]).len() >= 6);
    write_baseline(dir.path());
    assert_eq!(check_with_baseline(dir.path()), (vec![], 0));

    // The file: versioned, sorted, one entry per fingerprint, readable.
    let text = std::fs::read_to_string(dir.path().join("baseline.json")).unwrap();
    let file: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(file["version"], 1);
    let entries = file["findings"].as_array().unwrap();
    let keys: Vec<(String, String, String)> = entries
        .iter()
        .map(|e| {
            (
                e["path"].as_str().unwrap().into(),
                e["rule"].as_str().unwrap().into(),
                e["fingerprint"].as_str().unwrap().into(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    assert!(entries.iter().all(|e| e["count"] == 1));
    assert!(
        entries.iter().any(|e| e["path"] == "market.txt" && e["text"] == "Stall rents will rise sharply next year.")
    );
    assert!(text.lines().count() > entries.len(), "pretty-printed, one field a line");
    assert!(!dir.path().read_dir().unwrap().any(|e| e.unwrap().file_name().to_string_lossy().ends_with(".tmp")));

    // A new finding is reported, the old ones stay suppressed.
    let market = dir.path().join("market.txt");
    let mut text = std::fs::read_to_string(&market).unwrap();
    text.push_str("\nThe fish will be cheaper than anywhere else in the country.\n");
    std::fs::write(&market, text).unwrap();
    let (lines, exit) = check_with_baseline(dir.path());
    assert_eq!(exit, 1);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].starts_with("./market.txt:11:1: warning[unattributed-claim]"), "{lines:?}");
}

#[test]
fn baseline_survives_moved_paragraphs() {
    let dir = workspace(&["harbour.txt", "market.txt"]);
    write_baseline(dir.path());
    let market = dir.path().join("market.txt");
    let text = std::fs::read_to_string(&market).unwrap();
    let mut paragraphs: Vec<&str> = text.trim_end().split("\n\n").collect();
    let headline = paragraphs.remove(0);
    paragraphs.reverse();
    paragraphs.insert(0, headline);
    std::fs::write(&market, paragraphs.join("\n\n") + "\n").unwrap();
    assert_eq!(check_with_baseline(dir.path()), (vec![], 0));
}

#[test]
fn baseline_survives_text_added_above() {
    let dir = workspace(&["harbour.txt", "market.txt"]);
    write_baseline(dir.path());
    let harbour = dir.path().join("harbour.txt");
    let text = std::fs::read_to_string(&harbour).unwrap();
    let (headline, rest) = text.split_once("\n\n").unwrap();
    let added = "\"It is a great day for the city,\" the mayor said at the harbour on Tuesday.\n\n\n\n";
    std::fs::write(&harbour, format!("{headline}\n\n{added}{rest}")).unwrap();
    assert_eq!(check_with_baseline(dir.path()), (vec![], 0));
}

#[test]
fn baseline_survives_rewrapped_lines() {
    let dir = workspace(&["harbour.txt", "market.txt", "unbalanced.txt"]);
    write_baseline(dir.path());
    for name in ["harbour.txt", "market.txt", "unbalanced.txt"] {
        let path = dir.path().join(name);
        let text = std::fs::read_to_string(&path).unwrap();
        // Hard-wrap every paragraph at 30 columns, with trailing spaces and doubled spaces.
        let wrapped: Vec<String> = text
            .split("\n\n")
            .map(|paragraph| {
                let mut lines = Vec::new();
                let mut line = String::new();
                for word in paragraph.split_whitespace() {
                    if !line.is_empty() && line.len() + word.len() > 30 {
                        lines.push(std::mem::take(&mut line) + "  ");
                    }
                    if !line.is_empty() {
                        line.push_str("  ");
                    }
                    line.push_str(word);
                }
                lines.push(line);
                lines.join("\r\n")
            })
            .collect();
        std::fs::write(&path, wrapped.join("\r\n\r\n") + "\r\n").unwrap();
    }
    let findings = findings_in(dir.path(), &[]);
    assert!(findings.len() >= 7, "the wrapped articles still have their findings: {findings:?}");
    assert_eq!(check_with_baseline(dir.path()), (vec![], 0));
}

#[test]
fn baseline_counts_identical_findings() {
    let dir = tempfile::tempdir().unwrap();
    let article =
        "Ferry prices\n\nFerry tickets will cost more next year.\n\nFerry tickets will cost more next year.\n";
    std::fs::write(dir.path().join("ferry.txt"), article).unwrap();
    assert_eq!(findings_in(dir.path(), &[]).len(), 2);
    write_baseline(dir.path());
    let file: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("baseline.json")).unwrap()).unwrap();
    assert_eq!(file["findings"].as_array().unwrap().len(), 1);
    assert_eq!(file["findings"][0]["count"], 2);
    assert_eq!(check_with_baseline(dir.path()), (vec![], 0));

    // A third copy of the same sentence is new.
    std::fs::write(dir.path().join("ferry.txt"), format!("{article}\nFerry tickets will cost more next year.\n"))
        .unwrap();
    let (lines, exit) = check_with_baseline(dir.path());
    assert_eq!((lines.len(), exit), (1, 1), "{lines:?}");
}

#[test]
fn baseline_is_per_file_and_per_rule() {
    let dir = workspace(&["market.txt"]);
    write_baseline(dir.path());
    std::fs::copy(dir.path().join("market.txt"), dir.path().join("copy.txt")).unwrap();
    let (lines, _) = check_with_baseline(dir.path());
    assert!(lines.len() == 4 && lines.iter().all(|l| l.starts_with("./copy.txt:")), "{lines:?}");
}

#[test]
fn baseline_paths_are_relative_to_the_config_root() {
    // Run from a subfolder and from the root with newsls.toml: the same fingerprints.
    let dir = market_under_news_with_config("");
    let output = newsls_in(dir.path(), &["check", "--write-baseline", "baseline.json", "news"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = std::fs::read_to_string(dir.path().join("baseline.json")).unwrap();
    assert!(text.contains("\"path\": \"news/market.txt\""), "{text}");
    let output = newsls_in(&dir.path().join("news"), &["check", "--baseline", "../baseline.json", "market.txt"]);
    assert_eq!(code(&output), 0, "{}{}", stdout(&output), stderr(&output));
}

#[test]
fn bad_baselines_are_errors() {
    let dir = workspace(&["market.txt"]);
    let output = newsls_in(dir.path(), &["check", "--baseline", "missing.json", "."]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("missing.json"), "{}", stderr(&output));
    assert!(stdout(&output).is_empty());

    std::fs::write(dir.path().join("broken.json"), "{\"version\": 1, \"findings\": [").unwrap();
    let output = newsls_in(dir.path(), &["check", "--baseline", "broken.json", "."]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("broken.json:1:"), "{}", stderr(&output));

    std::fs::write(dir.path().join("future.json"), "{\"version\": 99, \"tool\": \"newsls\", \"findings\": []}")
        .unwrap();
    let output = newsls_in(dir.path(), &["check", "--baseline", "future.json", "."]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("version 99"), "{}", stderr(&output));

    let output = newsls_in(dir.path(), &["check", "--write-baseline", "no/such/folder/b.json", "."]);
    assert_eq!(code(&output), 2);
}

#[test]
fn rewriting_a_baseline_replaces_it_atomically() {
    let dir = workspace(&["harbour.txt"]);
    write_baseline(dir.path());
    let first = std::fs::read_to_string(dir.path().join("baseline.json")).unwrap();
    std::fs::copy(root().join(CI).join("market.txt"), dir.path().join("market.txt")).unwrap();
    write_baseline(dir.path());
    let second = std::fs::read_to_string(dir.path().join("baseline.json")).unwrap();
    assert_ne!(first, second);
    assert!(second.contains("market.txt"));
    let leftovers: Vec<_> = dir
        .path()
        .read_dir()
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn fingerprint_ignores_position_and_whitespace() {
    use newsls::baseline::fingerprint;
    use newsls::span::Span;
    let a = "Headline\n\nThe ferry will\n   stop running in May.\n";
    let b = "Headline\n\nSomething new.\n\nThe ferry will stop running in May.\n";
    let span = |text: &str, needle: &str| {
        let start = text.find(needle).unwrap();
        Span { start, end: start + needle.len() }
    };
    let fa = fingerprint("unattributed-claim", "a.txt", a, span(a, "The ferry will\n   stop running in May."));
    let fb = fingerprint("unattributed-claim", "a.txt", b, span(b, "The ferry will stop running in May."));
    assert_eq!(fa, fb);
    let lower = b.replace("The ferry", "the ferry");
    assert_ne!(
        fa,
        fingerprint("unattributed-claim", "a.txt", &lower, span(&lower, "the ferry will stop running in May."))
    );
}

// ---------------------------------------------------------------------------------------------
// Sharding
// ---------------------------------------------------------------------------------------------

fn checked_paths(dir: &Path, extra: &[&str]) -> Vec<String> {
    let mut args = vec!["check", "--format", "json", "--fail-on", "never"];
    args.extend_from_slice(extra);
    let output = newsls_in(dir, &args);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    json(&output).as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap().to_string()).collect()
}

#[test]
fn shards_partition_the_files() {
    let dir = tempfile::tempdir().unwrap();
    for folder in ["2023", "2024/05", "2024/06"] {
        std::fs::create_dir_all(dir.path().join(folder)).unwrap();
        for i in 0..20 {
            std::fs::write(
                dir.path().join(folder).join(format!("story-{i}.txt")),
                format!("Story {i}\n\nThe council met on Monday, its spokesman said.\n"),
            )
            .unwrap();
        }
    }
    let all: BTreeSet<String> = checked_paths(dir.path(), &["."]).into_iter().collect();
    assert_eq!(all.len(), 60);
    assert_eq!(checked_paths(dir.path(), &["--shard", "1/1", "."]).len(), 60);
    for n in [3u32, 4] {
        let mut union = BTreeSet::new();
        let mut sizes = Vec::new();
        for i in 1..=n {
            let shard = format!("{i}/{n}");
            let paths = checked_paths(dir.path(), &["--shard", &shard, "."]);
            if i == 2 {
                // Deterministic: the same shard twice is the same files.
                assert_eq!(paths, checked_paths(dir.path(), &["--shard", &shard, "."]));
            }
            sizes.push(paths.len());
            for path in paths {
                assert!(union.insert(path.clone()), "{path} is in two shards of {n}");
            }
        }
        assert_eq!(union, all, "the shards of {n} cover every file");
        if n == 4 {
            assert!(sizes.iter().all(|&s| s > 0), "roughly even: {sizes:?}");
        }
    }

    // The shard depends on the path relative to the root, not on the working folder or how the
    // folder was named: from a parent folder, the same files land in the same shard.
    let inside = checked_paths(dir.path(), &["--shard", "2/3", "."]);
    std::fs::write(dir.path().join("newsls.toml"), "").unwrap();
    let name = dir.path().file_name().unwrap().to_str().unwrap().to_string();
    let parent = dir.path().parent().unwrap();
    let outside = checked_paths(parent, &["--shard", "2/3", &name]);
    let strip: Vec<String> = outside.iter().map(|p| p.strip_prefix(&format!("{name}/")).unwrap().to_string()).collect();
    let inside: Vec<String> = inside.iter().map(|p| p.trim_start_matches("./").to_string()).collect();
    assert_eq!(strip, inside);
}

#[test]
fn bad_shards_are_usage_errors() {
    for bad in ["0/4", "5/4", "1/0", "two/4", "3", "-1/4", "1/2/3"] {
        let output = newsls(&["check", &format!("--shard={bad}"), CI]);
        assert_eq!(code(&output), 2, "{bad}");
        assert!(stderr(&output).contains("I/N"), "{bad}: {}", stderr(&output));
        assert!(stdout(&output).is_empty());
    }
}

#[test]
fn a_shard_cannot_write_the_baseline() {
    let output = newsls(&["check", "--shard", "1/2", "--write-baseline", "/tmp/never-written.json", CI]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("cannot be used with"), "{}", stderr(&output));
}

/// A file named twice, or inside a folder also named, is checked once: a second copy of its
/// findings would be past what the baseline accepts, and fail the gate.
#[test]
fn a_file_named_twice_is_checked_once() {
    let dir = workspace(&["market.txt"]);
    let once = findings_in(dir.path(), &[]);
    assert!(!once.is_empty());
    assert_eq!(findings_in(dir.path(), &["market.txt", ".", "./market.txt"]), once);
    let output = newsls_in(dir.path(), &["check", "--write-baseline", "b.json", "market.txt"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let output = newsls_in(dir.path(), &["check", "--baseline", "b.json", ".", "market.txt"]);
    assert_eq!(code(&output), 0, "{}{}", stdout(&output), stderr(&output));
}

/// A pipe named as a path (`<(cat story.txt)`, /dev/stdin from a pipe) is an error that says how
/// to check it, never "Checked 0 files" and a passing gate.
#[test]
fn a_pipe_named_as_a_path_is_an_error_that_says_to_use_stdin() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsls"))
        .args(["check", "/dev/stdin"])
        .env("NEWSLS_NO_PROGRESS", "1")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdin.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("newsls check -"), "{}", stderr(&output));
}

// ---------------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------------

#[test]
fn rules_as_json() {
    let output = newsls(&["rules", "--format", "json"]);
    assert_eq!(code(&output), 0);
    let rules = json(&output);
    let rules = rules.as_array().unwrap();
    assert_eq!(rules.len(), newsls::rules::ALL.len());
    for (rule, value) in newsls::rules::ALL.iter().zip(rules) {
        assert_eq!(value["name"], rule.name);
        assert_eq!(value["defaultSeverity"], rule.default_severity.as_str());
        assert_eq!(value["documentation"], rule.markdown());
        assert_eq!(value["url"], rule.url());
    }
    // The plain listing is unchanged.
    let plain = stdout(&newsls(&["rules"]));
    assert!(plain.lines().next().unwrap().starts_with("unattributed-claim"));
}

#[test]
fn the_configured_baseline_applies_without_flags() {
    let dir = market_under_news_with_config("baseline = \"accepted.json\"\n");
    assert_eq!(code(&newsls_in(dir.path(), &["check", "news"])), 1, "findings before anything is accepted");
    let output = newsls_in(dir.path(), &["check", "--write-baseline", "accepted.json", "news"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let output = newsls_in(&dir.path().join("news"), &["check", "market.txt"]);
    assert_eq!(code(&output), 0, "{}{}", stdout(&output), stderr(&output));
    assert!(stderr(&output).contains("4 more in the baseline"), "{}", stderr(&output));
    std::fs::write(dir.path().join("accepted.json"), "{ broken").unwrap();
    assert_eq!(code(&newsls_in(dir.path(), &["check", "news"])), 2, "a broken baseline is an error");
}

/// A broken default baseline is an error that names it, with or without a `newsls.toml`, and in
/// a folder below the one checked too; `--baseline` and `--write-baseline` do without it, so the
/// fix the error suggests works.
#[test]
fn a_broken_default_baseline_is_an_error_that_write_baseline_fixes() {
    for config in [None, Some("")] {
        let dir = workspace(&["market.txt"]);
        if let Some(config) = config {
            std::fs::write(dir.path().join("newsls.toml"), config).unwrap();
        }
        let default = dir.path().join(".newsls-baseline.json");
        std::fs::write(&default, "<<<<<<< HEAD\n{ broken").unwrap();
        let output = newsls_in(dir.path(), &["check", "market.txt"]);
        assert_eq!(code(&output), 2, "config {config:?}: {}", stderr(&output));
        assert!(stderr(&output).contains(".newsls-baseline.json:1:1: not a newsls baseline"), "{}", stderr(&output));
        let output = newsls_in(dir.path(), &["check", "--write-baseline", "other.json", "market.txt"]);
        assert_eq!(code(&output), 0, "{}", stderr(&output));
        let output = newsls_in(dir.path(), &["check", "--baseline", "other.json", "market.txt"]);
        assert_eq!(code(&output), 0, "the broken default aside: {}", stderr(&output));
        let output = newsls_in(dir.path(), &["check", "--write-baseline", ".newsls-baseline.json", "market.txt"]);
        assert_eq!(code(&output), 0, "{}", stderr(&output));
        assert_eq!(code(&newsls_in(dir.path(), &["check", "market.txt"])), 0, "every finding is in the new baseline");
    }
    let dir = workspace(&[]);
    std::fs::create_dir(dir.path().join("desk")).unwrap();
    std::fs::copy(root().join(CI).join("market.txt"), dir.path().join("desk/market.txt")).unwrap();
    std::fs::write(dir.path().join("desk/.newsls-baseline.json"), "{ broken").unwrap();
    let output = newsls_in(dir.path(), &["check", "desk"]);
    assert_eq!(code(&output), 1, "the baseline of the working folder applies, not desk's: {}", stderr(&output));
    let output = newsls_in(&dir.path().join("desk"), &["check", "market.txt"]);
    assert_eq!(code(&output), 2, "{}", stderr(&output));
}

/// On a terminal (here a pseudo-terminal from util-linux's `script`, part of every Debian), the
/// progress bar on stderr is erased before findings are written to stdout, never glued to one.
#[test]
fn findings_on_a_terminal_never_follow_the_progress_bar_on_its_line() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..1500 {
        std::fs::write(dir.path().join(format!("s{i}.txt")), "Story\n\nPrices will double next year.\n").unwrap();
    }
    let log = dir.path().join("tty.log");
    let command = format!("{} check --format compact .", env!("CARGO_BIN_EXE_newsls"));
    let output = Command::new("script")
        .args(["-qec", &command])
        .arg(&log)
        .current_dir(dir.path())
        .env_remove("NEWSLS_NO_PROGRESS")
        .output()
        .expect("run script (util-linux)");
    assert_eq!(code(&output), 1, "{}", String::from_utf8_lossy(&output.stderr));
    let typed = String::from_utf8_lossy(&std::fs::read(&log).unwrap()).into_owned();
    assert!(typed.contains("1500/1500 files"), "the bar was drawn: {typed:.300}");
    assert_eq!(typed.matches("warning[unattributed-claim]").count(), 1500);
    for glued in typed.match_indices(" files") {
        let after = &typed[glued.0 + " files".len()..];
        assert!(after.is_empty() || after.starts_with(['\r', '\u{1b}', '\n']), "glued: {:.120}", after);
    }
}

#[test]
fn a_nested_configuration_keeps_its_own_baseline_from_every_starting_point() {
    // news/ has a newsls.toml of its own: its baseline lies beside it and its fingerprints are
    // relative to it, whether the check starts above news/, at it or inside it.
    let dir = market_under_news_with_config("");
    std::fs::copy(root().join(CI).join("market.txt"), dir.path().join("top.txt")).unwrap();
    std::fs::write(dir.path().join("news/newsls.toml"), "").unwrap();
    let output = newsls_in(dir.path(), &["check", "--write-baseline", "news/.newsls-baseline.json", "news"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = std::fs::read_to_string(dir.path().join("news/.newsls-baseline.json")).unwrap();
    assert!(text.contains("\"path\": \"market.txt\""), "{text}");
    let reported = |from: &Path, path: &str| -> Vec<String> {
        let output = newsls_in(from, &["check", "--format", "json", path]);
        let mut files: Vec<String> = json(&output)
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| !f["diagnostics"].as_array().unwrap().is_empty())
            .map(|f| f["path"].as_str().unwrap().trim_start_matches("./").to_string())
            .collect();
        files.sort();
        files
    };
    assert_eq!(reported(dir.path(), "."), ["top.txt"], "news/market.txt is accepted by news/'s baseline");
    assert!(reported(dir.path(), "news").is_empty());
    assert!(reported(&dir.path().join("news"), ".").is_empty());
    let output = newsls_in(dir.path(), &["check", "."]);
    assert!(stderr(&output).contains("more in the baseline"), "{}", stderr(&output));
}
