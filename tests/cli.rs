//! The real `newsls` binary on the fixture articles of `tests/fixtures` (written for these tests,
//! one behaviour each) and on `samples/`: exit codes, the JSON shape (LSP diagnostics, UTF-16
//! columns), which sentences are flagged and which are not, stdin, folder walking, `newsls.toml`,
//! `newsls rules` and `newsls explain`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> String {
    format!("tests/fixtures/{name}")
}

/// Runs `newsls ARGS` from the crate root (so reported paths are relative and stable).
fn newsls(args: &[&str]) -> Output {
    newsls_in(root(), args)
}

fn newsls_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsls")).args(args).current_dir(dir).output().expect("run newsls")
}

fn newsls_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsls"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run newsls");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn exit_code(output: &Output) -> i32 {
    output.status.code().expect("newsls exited by a signal")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// `newsls check --format json ARGS`: the parsed array, the exit code and stderr.
fn check_json_in(dir: &Path, args: &[&str]) -> (Vec<Value>, i32, String) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let output = newsls_in(dir, &all);
    let text = stdout(&output);
    let value: Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("stdout is not one JSON document ({e}):\n{text}\nstderr:\n{}", stderr(&output)));
    let files = value.as_array().unwrap_or_else(|| panic!("stdout is not a JSON array: {text}")).clone();
    (files, exit_code(&output), stderr(&output))
}

fn check_json(args: &[&str]) -> (Vec<Value>, i32, String) {
    check_json_in(root(), args)
}

/// A diagnostic reduced to what the tests look at, with the text its range covers.
#[derive(Debug, Clone)]
struct Diag {
    code: String,
    severity: u64,
    start: (u64, u64),
    end: (u64, u64),
    message: String,
    text: String,
}

/// The file's text as newsls reads it (BOM stripped; not UTF-8: Windows-1252), for cutting out ranges.
fn read_text(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    String::from_utf8(bytes.to_vec()).unwrap_or_else(|_| {
        bytes
            .iter()
            .map(|&b| match b {
                0x91 => '‘',
                0x92 => '’',
                0x93 => '“',
                0x94 => '”',
                0x96 => '–',
                0x97 => '—',
                _ => char::from(b),
            })
            .collect()
    })
}

/// Byte offsets of line starts, with LSP's line terminators: `\r\n`, `\r` and `\n`.
fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                i += 2;
                starts.push(i);
            }
            b'\r' | b'\n' => {
                i += 1;
                starts.push(i);
            }
            _ => i += 1,
        }
    }
    starts
}

/// The byte offset of an LSP position (0-based line, UTF-16 character).
fn offset(text: &str, starts: &[usize], (line, character): (u64, u64)) -> usize {
    let start = starts[line as usize];
    let mut units = 0u64;
    for (i, c) in text[start..].char_indices() {
        if units >= character {
            return start + i;
        }
        units += c.len_utf16() as u64;
    }
    text.len()
}

fn position(value: &Value) -> (u64, u64) {
    (value["line"].as_u64().unwrap(), value["character"].as_u64().unwrap())
}

fn diags_of(file: &Value, text: &str) -> Vec<Diag> {
    let starts = line_starts(text);
    file["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let start = position(&d["range"]["start"]);
            let end = position(&d["range"]["end"]);
            Diag {
                code: d["code"].as_str().unwrap().to_string(),
                severity: d["severity"].as_u64().unwrap(),
                start,
                end,
                message: d["message"].as_str().unwrap().to_string(),
                text: text[offset(text, &starts, start)..offset(text, &starts, end)].to_string(),
            }
        })
        .collect()
}

/// The diagnostics of one fixture, and the exit code.
fn diagnose(name: &str) -> (Vec<Diag>, i32) {
    let path = fixture(name);
    let (files, code, err) = check_json(&[&path]);
    assert_eq!(files.len(), 1, "one file checked: {files:?}\n{err}");
    assert_eq!(files[0]["path"], path);
    (diags_of(&files[0], &read_text(&root().join(&path))), code)
}

fn with_code<'a>(diags: &'a [Diag], code: &str) -> Vec<&'a Diag> {
    diags.iter().filter(|d| d.code == code).collect()
}

/// Every diagnostic must be absent: the fixture is attributed throughout.
fn assert_clean(name: &str) {
    let (diags, code) = diagnose(name);
    assert!(diags.is_empty(), "{name}: expected no findings, got {diags:#?}");
    assert_eq!(code, 0, "{name}: exit code");
}

/// No diagnostic of any rule covers the sentence starting with `start`.
fn assert_not_flagged(name: &str, start: &str) {
    let (diags, _) = diagnose(name);
    let hit: Vec<_> = diags.iter().filter(|d| d.text.starts_with(start)).collect();
    assert!(hit.is_empty(), "{name}: the sentence {start:?} must not be flagged, got {hit:#?}");
}

/// Exactly one `unattributed-claim` covering exactly `sentence`, at `severity`, naming `noun`.
fn assert_claim(name: &str, sentence: &str, severity: u64, noun: &str) {
    let (diags, code) = diagnose(name);
    assert_eq!(diags.len(), 1, "{name}: expected one finding, got {diags:#?}");
    let d = &diags[0];
    assert_eq!(d.code, "unattributed-claim", "{name}: {d:#?}");
    assert_eq!(d.text, sentence, "{name}: the range covers the sentence");
    assert_eq!(d.severity, severity, "{name}: severity ({d:#?})");
    assert!(d.message.contains(noun), "{name}: message should name the kind {noun:?}: {}", d.message);
    assert_eq!(code, if severity <= 2 { 1 } else { 0 }, "{name}: exit code");
}

fn txt_files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(txt_files_under(&path));
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Attribution forms: every sentence of these fixtures is attributed, so nothing is reported.
// ---------------------------------------------------------------------------------------------

macro_rules! clean_fixtures {
    ($($test:ident => $file:literal,)*) => {
        $(
            #[test]
            fn $test() {
                assert_clean($file);
            }
        )*
    };
}

clean_fixtures! {
    attribution_x_said => "attr-said-after.txt",
    attribution_said_x => "attr-said-inverted.txt",
    attribution_told_reporters => "attr-told-reporters.txt",
    attribution_added => "attr-added.txt",
    attribution_added_after_an_appositive => "attr-added-appositive.txt",
    attribution_believes => "attr-believes.txt",
    attribution_highlighted => "attr-highlighted.txt",
    attribution_recalled => "attr-recalled.txt",
    attribution_reaffirmed => "attr-reaffirmed.txt",
    attribution_stressed => "attr-stressed.txt",
    attribution_warned => "attr-warned.txt",
    attribution_according_to => "attr-according-to.txt",
    attribution_colon_introduction => "attr-colon-intro.txt",
    attribution_transcript_labels => "attr-transcript.txt",
    attribution_documents_and_polls => "attr-documents.txt",
    attribution_multi_sentence_quotation_named_once => "attr-multi-sentence-quote.txt",
    attribution_continues_within_a_paragraph => "attr-continuation.txt",
    attribution_multi_paragraph_quotation_convention => "attr-multi-paragraph-quote.txt",
    not_flagged_headline_byline_and_dateline => "not-flagged-headline-byline-dateline.txt",
    not_flagged_question => "not-flagged-question.txt",
    not_flagged_boilerplate => "not-flagged-boilerplate.txt",
    windows_1252_curly_quotes_are_quotations => "windows-1252.txt",
    empty_file_is_clean => "empty.txt",
}

#[test]
fn attribution_in_his_opinion() {
    assert_not_flagged("attr-in-his-opinion.txt", "In his opinion");
    // The sentence before it has no cue: a plain fact, reported at information only.
    let (diags, code) = diagnose("attr-in-his-opinion.txt");
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert!(diags[0].text.starts_with("Professor Ivan Petrov spoke"), "{diags:#?}");
    assert_eq!(diags[0].severity, 3);
    assert_eq!(code, 0);
}

#[test]
fn continuation_does_not_cross_a_paragraph() {
    // The same words as a continuation, but in a paragraph of their own.
    let text = "Mill closure confirmed\n\nPlant manager Rosa Lindqvist said the paper mill would close in June.\n\n\
                It had lost money for five years.\n";
    let output = newsls_stdin(&["check", "--format", "json", "-"], text.as_bytes());
    let files: Value = serde_json::from_slice(&output.stdout).unwrap();
    let diags = diags_of(&files[0], text);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0].text, "It had lost money for five years.");
    assert_eq!(diags[0].code, "unattributed-claim");
}

// ---------------------------------------------------------------------------------------------
// unattributed-claim: warning for contestable claims, information for plain facts
// ---------------------------------------------------------------------------------------------

#[test]
fn claim_prediction_is_a_warning() {
    assert_claim(
        "claim-prediction.txt",
        "The new tram line will carry passengers from the airport to the centre by next summer.",
        2,
        "prediction",
    );
}

#[test]
fn claim_evaluation_is_a_warning() {
    assert_claim(
        "claim-evaluation.txt",
        "The school reform is a dangerous mistake for rural families.",
        2,
        "opinion or evaluation",
    );
}

#[test]
fn claim_intention_is_a_warning() {
    assert_claim(
        "claim-intention.txt",
        "The national airline is eager to buy its smaller regional rival before the end of the year.",
        2,
        "intentions",
    );
}

#[test]
fn claim_figure_is_a_warning() {
    assert_claim("claim-figure.txt", "Foreign visitors spent $4.2 billion in the country last year.", 2, "figure");
}

#[test]
fn claim_superlative_is_a_warning() {
    // "tallest": a regular -est superlative.
    assert_claim("claim-superlative.txt", "The dam on the Sava river is the tallest in the region.", 2, "superlative");
}

#[test]
fn claim_causal_is_a_warning() {
    assert_claim(
        "claim-causal.txt",
        "The northern rail line closed because of a landslide near the tunnel.",
        2,
        "causal claim",
    );
}

#[test]
fn claim_plain_fact_is_information() {
    assert_claim("claim-fact.txt", "The city council met on Tuesday in the old town hall.", 3, "statement of fact");
}

#[test]
fn claim_is_due_to_is_a_schedule_not_a_cause() {
    // "is due to visit" says when, not why: a scheduled event, not a causal claim.
    let (diags, _) = diagnose("claim-due-to-schedule.txt");
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert!(!diags[0].message.contains("causal"), "classified as causal: {}", diags[0].message);
}

#[test]
fn added_with_an_object_is_not_attribution() {
    // "added a new striker" is not a reporting verb: the superlative is nobody's.
    assert_claim(
        "not-attribution-added-object.txt",
        "The club added a new striker in January, its biggest signing in a decade.",
        2,
        "superlative",
    );
}

#[test]
fn plural_noun_before_a_comma_is_not_a_reporting_verb() {
    // "projects" is a noun here, not the verb "project": nobody is named for the prediction.
    assert_claim(
        "not-attribution-noun-projects.txt",
        "The government will spend $2 billion on new water storage projects, the biggest programme in its history.",
        2,
        "prediction",
    );
}

#[test]
fn dateline_is_not_part_of_the_flagged_sentence() {
    let (diags, code) = diagnose("dateline-unattributed.txt");
    assert_eq!(diags.len(), 1, "{diags:#?}");
    let d = &diags[0];
    assert_eq!(d.text, "Ecuador's oil output will recover to 480,000 barrels a day by April.");
    assert_eq!(d.start, (2, "QUITO, Feb 8 (Reuters) - ".len() as u64));
    assert_eq!(d.severity, 2);
    assert_eq!(code, 1);
}

#[test]
fn headline_is_never_flagged_even_when_contestable() {
    // The headline of claim-prediction ("Tram line plans") and of the samples; here a headline that
    // is itself a prediction.
    let text = "Prices will double next year, bank warns\n\nThe central bank said on Monday prices would double.\n";
    let output = newsls_stdin(&["check", "--format", "json", "-"], text.as_bytes());
    let files: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(files[0]["diagnostics"], serde_json::json!([]), "{}", stdout(&output));
    assert_eq!(exit_code(&output), 0);
}

// ---------------------------------------------------------------------------------------------
// unattributed-quote, unbalanced-quote, vague-attribution
// ---------------------------------------------------------------------------------------------

#[test]
fn quotation_without_speaker() {
    let (diags, code) = diagnose("quote-unattributed.txt");
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0].code, "unattributed-quote");
    assert_eq!(diags[0].severity, 2);
    assert_eq!(diags[0].text, "\"We will not give up on this town, not now and not ever.\"");
    assert_eq!(code, 1);
}

#[test]
fn quotation_never_closed() {
    let (diags, code) = diagnose("quote-never-closed.txt");
    let unbalanced = with_code(&diags, "unbalanced-quote");
    assert_eq!(unbalanced.len(), 1, "{diags:#?}");
    assert_eq!((unbalanced[0].start, unbalanced[0].end), ((2, 0), (2, 1)));
    assert_eq!(unbalanced[0].text, "\"");
    assert!(unbalanced[0].message.contains("never closed"), "{}", unbalanced[0].message);
    assert_eq!(code, 1);
}

#[test]
fn quotation_never_opened() {
    let (diags, code) = diagnose("quote-never-opened.txt");
    assert_eq!(diags.len(), 1, "{diags:#?}");
    let d = &diags[0];
    assert_eq!(d.code, "unbalanced-quote");
    let line = "The museum's director, Clara Jensen, said the west wing would reopen in May. The restored ceiling is back where it belongs,\" she said.";
    let at = line.find("\" she").unwrap() as u64;
    assert_eq!((d.start, d.end), ((2, at), (2, at + 1)));
    assert!(d.message.contains("no quotation open"), "{}", d.message);
    assert_eq!(code, 1);
}

#[test]
fn straight_quote_reopened_after_an_unclosed_one() {
    // `"` after a space and before a word opens a quotation: the first one is the unclosed mark,
    // and the second quotation belongs to the governor named in the sentence before it.
    let (diags, _) = diagnose("quote-straight-reopened.txt");
    let unbalanced = with_code(&diags, "unbalanced-quote");
    assert_eq!(unbalanced.len(), 1, "{diags:#?}");
    assert_eq!(unbalanced[0].start, (2, 0), "the first mark is never closed: {diags:#?}");
    assert!(unbalanced[0].message.contains("never closed"), "{}", unbalanced[0].message);
    assert!(
        !diags.iter().any(|d| d.code == "unattributed-claim" && d.text.contains("We want to see")),
        "the second quotation is not an unattributed claim: {diags:#?}"
    );
}

/// An unnamed group as the source: the vague words are flagged, at information, and the claim counts
/// as attributed.
fn assert_vague(name: &str, cue: &str) {
    let (diags, code) = diagnose(name);
    assert_eq!(diags.len(), 1, "{name}: {diags:#?}");
    assert_eq!(diags[0].code, "vague-attribution", "{name}: {diags:#?}");
    assert_eq!(diags[0].severity, 3, "{name}");
    assert_eq!(diags[0].text, cue, "{name}");
    assert_eq!(code, 0, "{name}: information only");
}

/// Words that attribute to nobody at all: the vague words are flagged at information, and the
/// contestable claim they leave without a source is a warning.
fn assert_sourceless(name: &str, cue: &str, sentence: &str) {
    let (diags, code) = diagnose(name);
    assert_eq!(diags.len(), 2, "{name}: {diags:#?}");
    let vague = with_code(&diags, "vague-attribution");
    assert_eq!((vague.len(), vague[0].severity, vague[0].text.as_str()), (1, 3, cue), "{name}: {diags:#?}");
    let claims = with_code(&diags, "unattributed-claim");
    assert_eq!((claims.len(), claims[0].severity, claims[0].text.as_str()), (1, 2, sentence), "{name}: {diags:#?}");
    assert_eq!(code, 1, "{name}: a warning");
}

#[test]
fn vague_reportedly() {
    assert_sourceless(
        "vague-reportedly.txt",
        "reportedly",
        "The carmaker reportedly plans to cut a night shift at its southern plant.",
    );
}

#[test]
fn vague_is_expected_to() {
    assert_sourceless(
        "vague-expected.txt",
        "is expected",
        "The central bank is expected to raise its main interest rate on Thursday.",
    );
}

#[test]
fn vague_critics_say() {
    assert_vague("vague-critics.txt", "Critics say");
}

#[test]
fn vague_it_is_believed_without_that() {
    assert_sourceless(
        "vague-it-is-believed.txt",
        "is believed",
        "It is believed the logistics group will sell its shipping arm to a Danish rival.",
    );
}

// ---------------------------------------------------------------------------------------------
// Layout, line endings, encodings, positions
// ---------------------------------------------------------------------------------------------

#[test]
fn hard_wrapped_wire_copy() {
    let (diags, code) = diagnose("wire-hard-wrapped.txt");
    assert_eq!(diags.len(), 1, "only the unattributed paragraph: {diags:#?}");
    let d = &diags[0];
    assert_eq!(d.code, "unattributed-claim");
    assert_eq!(d.severity, 2);
    // The sentence runs over three wrapped lines, from after the indent to its full stop.
    assert_eq!((d.start, d.end), ((5, 2), (7, 7)));
    assert_eq!(
        d.text,
        "The price of copper will stay above $9,000 a tonne\nfor the rest of the month as smelters rebuild their\nstocks."
    );
    assert_eq!(code, 1);
}

#[test]
fn crlf_cr_and_bom_give_the_same_positions_as_lf() {
    let expected = ((2, 0), (2, 58));
    for name in ["line-endings-crlf.txt", "line-endings-cr.txt", "bom.txt"] {
        let (diags, code) = diagnose(name);
        assert_eq!(diags.len(), 1, "{name}: {diags:#?}");
        assert_eq!(diags[0].code, "unattributed-claim", "{name}");
        assert_eq!((diags[0].start, diags[0].end), expected, "{name}");
        assert_eq!(diags[0].text, "The island ferry will stay in port until the storm passes.", "{name}");
        assert_eq!(code, 1, "{name}");
    }
}

#[test]
fn crlf_human_output_has_no_carriage_returns() {
    let output = newsls(&["check", &fixture("line-endings-crlf.txt")]);
    let out = stdout(&output);
    assert!(out.starts_with("tests/fixtures/line-endings-crlf.txt:3:1: warning[unattributed-claim]"), "{out}");
    assert!(!out.contains('\r'), "{out:?}");
}

#[test]
fn windows_1252_is_read_with_a_warning() {
    let output = newsls(&["check", &fixture("windows-1252.txt")]);
    assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains("tests/fixtures/windows-1252.txt") && err.contains("Windows-1252"), "{err}");
}

#[test]
fn empty_file_is_one_entry_with_no_diagnostics() {
    let (files, code, _) = check_json(&[&fixture("empty.txt")]);
    assert_eq!(files, [serde_json::json!({"path": "tests/fixtures/empty.txt", "diagnostics": []})]);
    assert_eq!(code, 0);
    let output = newsls(&["check", &fixture("empty.txt")]);
    assert_eq!(stdout(&output), "");
    assert!(stderr(&output).contains("Checked 1 file: no findings."), "{}", stderr(&output));
}

#[test]
fn emoji_columns_are_utf16_in_json_and_characters_in_human_output() {
    let (diags, _) = diagnose("emoji-utf16.txt");
    assert_eq!(diags.len(), 2, "{diags:#?}");
    // "Fans 🎉🎉 filled the main square on Sunday night. " is 48 characters but 50 UTF-16 units.
    assert_eq!(diags[1].text, "The club will sign three new players before the next season.");
    assert_eq!((diags[1].start, diags[1].end), ((2, 50), (2, 110)));
    assert_eq!(diags[1].severity, 2);
    assert_eq!((diags[0].start, diags[0].end), ((2, 0), (2, 49)));
    let out = stdout(&newsls(&["check", &fixture("emoji-utf16.txt")]));
    assert!(out.contains("tests/fixtures/emoji-utf16.txt:3:49: warning[unattributed-claim]"), "{out}");
}

#[test]
fn human_carets_line_up_under_tabs_wide_characters_and_decomposed_accents() {
    // A tab, two emoji (two columns each) and a decomposed "é" (e + U+0301, one column) before
    // the flagged sentence; the carets must start under its first letter and be as wide as it.
    let text = "Head\n\n\tFans 🎉🎉 cheered Jose\u{301}. Prices will double next year.\n";
    let out = stdout(&newsls_stdin(&["check", "-"], text.as_bytes()));
    let lines: Vec<&str> = out.lines().collect();
    let at = lines.iter().position(|l| l.contains("warning[unattributed-claim]")).unwrap_or_else(|| panic!("{out}"));
    let (shown, carets) = (&lines[at + 2]["3 | ".len()..], &lines[at + 3]["  | ".len()..]);
    assert!(!shown.contains('\t'), "{shown:?}");
    let sentence = "Prices will double next year.";
    let before = &shown[..shown.find(sentence).unwrap()];
    let columns = |s: &str| s.chars().filter(|&c| c != '\u{301}').map(|c| if c == '🎉' { 2 } else { 1 }).sum::<usize>();
    assert_eq!(carets, format!("{}{}", " ".repeat(columns(before)), "^".repeat(sentence.len())), "{out}");
}

#[test]
fn spanish_article() {
    let (diags, code) = diagnose("es-noticia.txt");
    assert_eq!(diags.len(), 1, "dijo and según attribute; only the last sentence is nobody's: {diags:#?}");
    assert_eq!(diags[0].text, "El plan será el mayor programa de vivienda de la última década.");
    assert_eq!(diags[0].severity, 2);
    assert_eq!(code, 1);
}

#[test]
fn portuguese_article() {
    let (diags, code) = diagnose("pt-noticia.txt");
    assert_eq!(diags.len(), 1, "disse and segundo attribute; only the last sentence is nobody's: {diags:#?}");
    assert_eq!(diags[0].text, "O país vai exportar mais soja do que em qualquer outro ano.");
    assert_eq!(diags[0].severity, 2);
    assert_eq!(code, 1);
}

#[test]
fn spanish_and_portuguese_attribution_in_every_tense_and_unnamed_sources() {
    for (fixture, vague, last, tag) in [
        (
            "es-fuentes.txt",
            "Según fuentes diplomáticas",
            "La región concentra la mayor reserva de litio del mundo.",
            "dijo el ministerio",
        ),
        (
            "pt-fontes.txt",
            "Fontes próximas ao governo afirmaram",
            "A região concentra a maior reserva de lítio do mundo.",
            "disse o ministério",
        ),
    ] {
        let (diags, code) = diagnose(fixture);
        // "ha dicho", "explicaron", a passive with its agent and a named ministry attribute; the
        // sources nobody can check are vague, and the closing superlative is nobody's.
        let found: Vec<(&str, &str)> = diags.iter().map(|d| (d.code.as_str(), d.text.as_str())).collect();
        assert_eq!(found.len(), 2, "{fixture}: {diags:#?}");
        assert_eq!(found[0].0, "vague-attribution", "{fixture}");
        assert!(found[0].1.starts_with(vague), "{fixture}: {}", found[0].1);
        assert_eq!(found[1], ("unattributed-claim", last), "{fixture}");
        assert_eq!(diags[1].severity, 2, "{fixture}: a superlative is a warning");
        assert!(
            diags[1].message.contains(tag),
            "{fixture}: the example is in the article's language: {}",
            diags[1].message
        );
        assert_eq!(code, 1);
    }
}

/// (rule, line, flagged text) of every diagnostic, in order.
fn summary(diags: &[Diag]) -> Vec<(&str, u64, &str)> {
    diags.iter().map(|d| (d.code.as_str(), d.start.0, d.text.as_str())).collect()
}

#[test]
fn spanish_dialogue_guillemets_and_vague_forms() {
    // The dialogue dashes quote around the narrator's tag, so the words after the tag are the
    // union leader's; « » quote the port director; "según fuentes", "se espera que" and "al
    // parecer" attribute to nobody in particular.
    let (diags, code) = diagnose("es-dialogo.txt");
    assert_eq!(
        summary(&diags),
        [
            ("vague-attribution", 8, "Según fuentes"),
            ("vague-attribution", 10, "Se espera"),
            ("unattributed-claim", 10, "Se espera que el Congreso apruebe la nueva ley de puertos en marzo."),
            ("vague-attribution", 12, "Al parecer"),
            ("unattributed-claim", 12, "Al parecer, la naviera planea trasladar sus buques a otro puerto."),
            ("unattributed-claim", 14, "El puerto será el más moderno de la costa del Pacífico."),
        ],
        "{diags:#?}"
    );
    assert_eq!(diags[5].severity, 2, "a prediction");
    assert_eq!(code, 1);
}

#[test]
fn portuguese_dialogue_and_vague_forms() {
    let (diags, code) = diagnose("pt-dialogo.txt");
    assert_eq!(
        summary(&diags),
        [
            ("vague-attribution", 6, "Segundo fontes"),
            ("vague-attribution", 8, "Espera-se"),
            ("unattributed-claim", 8, "Espera-se que o Senado vote o projeto na próxima semana."),
            ("unattributed-claim", 10, "O pacote supostamente custará 3 bilhões de reais aos cofres públicos."),
            ("vague-attribution", 10, "supostamente"),
            ("unattributed-claim", 12, "A energia solar vai crescer mais do que qualquer outra fonte."),
        ],
        "{diags:#?}"
    );
    assert_eq!(code, 1);
}

#[test]
fn spanish_and_portuguese_wire_stories() {
    // Inverted tags after quotations ("», afirmó el presidente", "”, garantiu a presidente"), a
    // dialogue dash, "contar con/com" read as "have", unnamed groups read as vague sources, and a
    // "se espera que" read as the prediction it is.
    let (diags, code) = diagnose("es-tratado.txt");
    assert_eq!(
        summary(&diags),
        [
            ("undefined-acronym", 2, "Mercosur"),
            ("vague-attribution", 2, "según sus defensores"),
            ("vague-attribution", 12, "Según fuentes diplomáticas"),
            (
                "unattributed-claim",
                14,
                "El acuerdo todavía debe ser aprobado por el Parlamento Europeo y por los congresos de los cuatro \
                 países sudamericanos."
            ),
            ("vague-attribution", 16, "Analistas consultados por esta agencia estiman"),
            ("vague-attribution", 24, "Se espera"),
            (
                "unattributed-claim",
                24,
                "Se espera que los primeros recortes arancelarios entren en vigor a mediados de 2026."
            ),
            ("vague-attribution", 26, "Los ambientalistas temen"),
            ("unattributed-claim", 32, "El peso argentino cayó un 2% frente al dólar tras el anuncio."),
        ],
        "{diags:#?}"
    );
    assert_eq!(diags[6].severity, 2, "a prediction: {diags:#?}");
    assert_eq!(code, 1);
    let (diags, code) = diagnose("pt-cop.txt");
    assert_eq!(
        summary(&diags),
        [
            (
                "unattributed-claim",
                18,
                "A conferência contou com a presença de 40 mil delegados, um recorde para o evento."
            ),
            ("vague-attribution", 20, "Especialistas ouvidos pela reportagem acreditam"),
            // The rumour's conditional names no one, but "pessoas próximas às negociações" is a
            // source, if a vague one: the claim is not also flagged as nobody's.
            ("vague-attribution", 28, "Teria havido"),
            ("vague-attribution", 28, "segundo pessoas próximas às negociações"),
            ("unattributed-claim", 30, "A próxima COP será realizada na Turquia."),
        ],
        "{diags:#?}"
    );
    assert_eq!(code, 1);
}

#[test]
fn language_setting_overrides_detection() {
    // Read as English, a dash opening a paragraph is no quotation mark, so the union leader's
    // second sentence becomes the article's own claim; and "dijo" is no English cue, so the first
    // sentence is unattributed too.
    let output = newsls(&[
        "check",
        "--format",
        "compact",
        "--config",
        "tests/config-fixtures/language-en/newsls.toml",
        &fixture("es-dialogo.txt"),
    ]);
    let out = stdout(&output);
    assert!(out.starts_with("tests/fixtures/es-dialogo.txt:3:1: information[unattributed-claim]"), "{out}");
    assert!(out.contains("tests/fixtures/es-dialogo.txt:3:131: information[unattributed-claim]"), "{out}");
    let detected = stdout(&newsls(&["check", "--format", "compact", &fixture("es-dialogo.txt")]));
    assert!(!detected.contains(":3:"), "{detected}");
}

#[test]
fn bad_language_setting_is_exit_two_naming_the_choices() {
    let output =
        newsls(&["check", "--config", "tests/config-fixtures/bad-language/newsls.toml", &fixture("es-dialogo.txt")]);
    assert_eq!(exit_code(&output), 2);
    let err = stderr(&output);
    assert!(
        err.contains("bad-language/newsls.toml:1:12: unknown variant `fr`, expected one of `auto`, `en`, `es`, `pt`"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------------
// JSON shape, exit codes, bad paths
// ---------------------------------------------------------------------------------------------

#[test]
fn json_is_one_array_of_lsp_diagnostics_per_file() {
    let (files, code, _) = check_json(&["tests/fixtures"]);
    let mut expected: Vec<String> = txt_files_under(&root().join("tests/fixtures"))
        .iter()
        .map(|p| p.strip_prefix(root()).unwrap().display().to_string())
        .collect();
    expected.sort();
    let paths: Vec<String> = files.iter().map(|f| f["path"].as_str().unwrap().to_string()).collect();
    assert_eq!(paths, expected, "one entry per article, empty ones included, in path order");
    assert_eq!(code, 1);
    let rules =
        ["unattributed-claim", "unattributed-quote", "unbalanced-quote", "vague-attribution", "undefined-acronym"];
    let mut total = 0;
    for file in &files {
        let mut keys: Vec<&String> = file.as_object().unwrap().keys().collect();
        keys.sort();
        assert_eq!(keys, ["diagnostics", "path"], "{file}");
        for d in file["diagnostics"].as_array().unwrap() {
            total += 1;
            for end in ["start", "end"] {
                assert!(d["range"][end]["line"].is_u64() && d["range"][end]["character"].is_u64(), "{d}");
            }
            assert!((1..=4).contains(&d["severity"].as_u64().unwrap()), "{d}");
            assert!(rules.contains(&d["code"].as_str().unwrap()), "{d}");
            assert_eq!(d["source"], "newsls", "{d}");
            assert!(!d["message"].as_str().unwrap().is_empty(), "{d}");
            let href = d["codeDescription"]["href"].as_str().unwrap();
            assert!(href.ends_with(&format!("#{}", d["code"].as_str().unwrap())), "{d}");
        }
    }
    assert!(total > 20, "the fixtures hold findings: {total}");
    let empty = files.iter().find(|f| f["path"] == "tests/fixtures/empty.txt").unwrap();
    assert_eq!(empty["diagnostics"], serde_json::json!([]));
}

#[test]
fn exit_code_zero_one() {
    assert_eq!(exit_code(&newsls(&["check", &fixture("attr-said-after.txt")])), 0);
    assert_eq!(exit_code(&newsls(&["check", &fixture("claim-prediction.txt")])), 1);
    // Information only (a plain fact, a vague cue) does not fail the check.
    assert_eq!(exit_code(&newsls(&["check", &fixture("claim-fact.txt"), &fixture("vague-critics.txt")])), 0);
}

#[test]
fn missing_paths_give_exit_two_but_the_rest_is_checked() {
    let (files, code, err) = check_json(&[
        &fixture("claim-prediction.txt"),
        "tests/fixtures/no-such-article.txt",
        &fixture("attr-said-after.txt"),
        "no/such/folder",
    ]);
    assert_eq!(code, 2, "{err}");
    let paths: Vec<&str> = files.iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["tests/fixtures/claim-prediction.txt", "tests/fixtures/attr-said-after.txt"]);
    assert_eq!(files[0]["diagnostics"].as_array().unwrap().len(), 1);
    assert!(err.contains("tests/fixtures/no-such-article.txt"), "{err}");
    assert!(err.contains("no/such/folder"), "{err}");

    // Human output too: the good file is reported, the bad path named.
    let output = newsls(&["check", &fixture("claim-prediction.txt"), "missing.txt"]);
    assert_eq!(exit_code(&output), 2);
    assert!(stdout(&output).contains("tests/fixtures/claim-prediction.txt:3:1:"), "{}", stdout(&output));
    assert!(stderr(&output).contains("missing.txt"), "{}", stderr(&output));
}

#[test]
fn binary_file_is_skipped_with_exit_two() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("scan.txt"), b"PK\x03\x04\x00\x00binary").unwrap();
    std::fs::write(dir.path().join("story.txt"), "Ferry\n\nThe ferry sailed at noon, the port said.\n").unwrap();
    let (files, code, err) = check_json_in(dir.path(), &["."]);
    assert_eq!(code, 2, "{err}");
    let paths: Vec<&str> = files.iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["./story.txt"]);
    assert!(err.contains("scan.txt") && err.contains("binary"), "{err}");
}

#[test]
fn unknown_option_is_a_usage_error() {
    let output = newsls(&["check", "--frobnicate"]);
    assert_eq!(exit_code(&output), 2);
}

// ---------------------------------------------------------------------------------------------
// stdin, walking
// ---------------------------------------------------------------------------------------------

#[test]
fn stdin_with_a_filename() {
    let text = std::fs::read(root().join(fixture("claim-prediction.txt"))).unwrap();
    let output = newsls_stdin(&["check", "--format", "json", "--stdin-filename", "news/trams.txt", "-"], &text);
    assert_eq!(exit_code(&output), 1, "{}", stderr(&output));
    let files: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(files.as_array().unwrap().len(), 1);
    assert_eq!(files[0]["path"], "news/trams.txt");
    let diags = diags_of(&files[0], std::str::from_utf8(&text).unwrap());
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].text, "The new tram line will carry passengers from the airport to the centre by next summer.");

    let output = newsls_stdin(&["check", "--stdin-filename", "news/trams.txt", "-"], &text);
    assert!(stdout(&output).starts_with("news/trams.txt:3:1: warning[unattributed-claim]"), "{}", stdout(&output));
    let output = newsls_stdin(&["check", "-"], &text);
    assert!(stdout(&output).starts_with("<stdin>:3:1:"), "{}", stdout(&output));
}

#[test]
fn folders_are_walked_for_txt_honouring_gitignore() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let article = "Ferry\n\nThe ferry will not sail tonight.\n";
    for path in ["a.txt", "notes.md", "sub/b.txt", "drafts/c.txt", "ignored.txt", ".hidden/d.txt", "sub/deep/e.txt"] {
        std::fs::create_dir_all(d.join(path).parent().unwrap()).unwrap();
        std::fs::write(d.join(path), article).unwrap();
    }
    std::fs::write(d.join(".gitignore"), "ignored.txt\ndrafts/\n").unwrap();
    let (files, code, err) = check_json_in(d, &["."]);
    let paths: Vec<&str> = files.iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["./a.txt", "./sub/b.txt", "./sub/deep/e.txt"], "{err}");
    assert_eq!(code, 1);
    // A file named explicitly is checked whatever its extension.
    let (files, _, _) = check_json_in(d, &["notes.md"]);
    assert_eq!(files.len(), 1);
    assert_eq!(files[0]["diagnostics"].as_array().unwrap().len(), 1);
}

// ---------------------------------------------------------------------------------------------
// newsls.toml
// ---------------------------------------------------------------------------------------------

#[test]
fn config_rule_off() {
    let (files, code, err) = check_json(&["tests/config-fixtures/off"]);
    assert_eq!(files.len(), 1, "{err}");
    assert_eq!(files[0]["diagnostics"], serde_json::json!([]));
    assert_eq!(code, 0);
}

#[test]
fn config_rule_error() {
    let (files, code, _) = check_json(&["tests/config-fixtures/error/article.txt"]);
    let diags = files[0]["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0]["code"], "unattributed-claim");
    assert_eq!(diags[0]["severity"], 1);
    assert_eq!(code, 1);
    let out = stdout(&newsls(&["check", "tests/config-fixtures/error/article.txt"]));
    assert!(out.contains(":3:1: error[unattributed-claim]"), "{out}");
}

#[test]
fn config_flag_overrides_discovery() {
    let output =
        newsls(&["check", "--config", "tests/config-fixtures/off/newsls.toml", &fixture("claim-prediction.txt")]);
    assert_eq!(exit_code(&output), 0, "{}", stdout(&output));
    assert_eq!(stdout(&output), "");
}

#[test]
fn broken_config_is_exit_two_with_line_and_column() {
    let output = newsls(&["check", "tests/config-fixtures/broken"]);
    assert_eq!(exit_code(&output), 2);
    let err = stderr(&output);
    assert!(err.contains("tests/config-fixtures/broken/newsls.toml:2:22:"), "{err}");
    assert!(err.contains("unknown variant `loud`"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// rules, explain
// ---------------------------------------------------------------------------------------------

#[test]
fn rules_lists_every_rule_with_its_default_severity() {
    let output = newsls(&["rules"]);
    assert_eq!(exit_code(&output), 0);
    let out = stdout(&output);
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split_whitespace().take(2).collect()).collect();
    assert_eq!(
        rows,
        [
            ["unattributed-claim", "warning"],
            ["unattributed-quote", "warning"],
            ["unbalanced-quote", "warning"],
            ["vague-attribution", "information"],
            ["undefined-acronym", "information"],
        ]
    );
    assert!(out.lines().all(|l| l.split_whitespace().count() > 4), "each rule has a summary: {out}");
}

#[test]
fn explain_prints_a_rules_documentation() {
    let output = newsls(&["explain", "unattributed-claim"]);
    assert_eq!(exit_code(&output), 0);
    let out = stdout(&output);
    assert!(out.starts_with("# unattributed-claim\n"), "{out}");
    assert!(out.contains("Default severity: warning"), "{out}");
    assert!(out.contains("**Why.**") && out.contains("**Example.**"), "{out}");
    assert!(out.contains("Prices will double next year."), "{out}");

    let output = newsls(&["explain", "no-such-rule"]);
    assert_eq!(exit_code(&output), 2);
    assert!(stderr(&output).contains("unattributed-claim"), "lists the rules: {}", stderr(&output));
}

// ---------------------------------------------------------------------------------------------
// samples/ (the README's main command) and human output snapshots
// ---------------------------------------------------------------------------------------------

#[test]
fn samples_interview_misses_one_said() {
    let (files, code, _) = check_json(&["samples"]);
    assert_eq!(code, 1);
    let paths: Vec<&str> = files.iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(
        paths,
        ["samples/central-bank-wire.txt", "samples/integration-interview.txt", "samples/port-strike.txt"]
    );
    let path = "samples/integration-interview.txt";
    let diags = diags_of(&files[1], &read_text(&root().join(path)));
    // CELAC and MERCOSUR are never spelled out (information, undefined-acronym).
    assert_eq!(with_code(&diags, "undefined-acronym").len(), 2, "{diags:#?}");
    let diags: Vec<Diag> = diags.into_iter().filter(|d| d.code != "undefined-acronym").collect();
    assert_eq!(diags.len(), 1, "only the sentence without its \"said\": {diags:#?}");
    assert_eq!(diags[0].start, (2, 0));
    assert_eq!(diags[0].severity, 2);
    assert!(diags[0].message.contains("intentions"), "{}", diags[0].message);
    assert!(diags[0].text.starts_with("Uruguayan President Tomás Aguirre is keen"));
    // The port story: a vague "is expected to" leaves its prediction the only warning.
    let diags = diags_of(&files[2], &read_text(&root().join("samples/port-strike.txt")));
    let warnings: Vec<&Diag> = diags.iter().filter(|d| d.severity < 3).collect();
    assert_eq!(warnings.len(), 1, "{diags:#?}");
    assert!(warnings[0].text.starts_with("The government is expected to send a bill"), "{diags:#?}");
    assert_eq!(with_code(&diags, "vague-attribution").len(), 1, "{diags:#?}");
}

fn human(args: &[&str]) -> String {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    let output = newsls(&all);
    format!("{}--- stderr ---\n{}", stdout(&output), stderr(&output))
}

#[test]
fn snapshot_human_sample_interview() {
    insta::assert_snapshot!("human_sample_interview", human(&["samples/integration-interview.txt"]));
}

#[test]
fn snapshot_human_quote_never_opened() {
    insta::assert_snapshot!("human_quote_never_opened", human(&[&fixture("quote-never-opened.txt")]));
}

#[test]
fn snapshot_human_hard_wrapped_and_emoji() {
    insta::assert_snapshot!(
        "human_wrapped_and_emoji",
        human(&[&fixture("wire-hard-wrapped.txt"), &fixture("emoji-utf16.txt")])
    );
}

/// A reader that stops reading (`newsls check | head -1`) does not turn the gate into a pass:
/// the check runs to the end, says nothing of the closed pipe, and exits as it would have.
#[test]
fn a_closed_output_pipe_keeps_the_exit_code_of_the_check() {
    for (args, code) in
        [(vec!["check", "--format", "json", "tests/fixtures"], 1), (vec!["check", "samples", "--fail-on", "never"], 0)]
    {
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        let output = Command::new(env!("CARGO_BIN_EXE_newsls"))
            .args(&args)
            .current_dir(root())
            .stdout(writer)
            .stderr(Stdio::piped())
            .output()
            .expect("run newsls");
        assert_eq!(exit_code(&output), code, "{args:?}: {}", stderr(&output));
        assert!(!stderr(&output).contains("cannot write"), "{}", stderr(&output));
    }
}

#[test]
fn force_exclude_applies_exclude_to_named_files_folders_and_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path();
    std::fs::write(ws.join("newsls.toml"), "exclude = [\"archive\", \"drafts/*.txt\"]\n").unwrap();
    for folder in ["archive/2019", "drafts", "news"] {
        std::fs::create_dir_all(ws.join(folder)).unwrap();
    }
    let story = "Head\n\nPrices will double next year.\n";
    for file in ["archive/2019/old.txt", "drafts/d.txt", "news/a.txt"] {
        std::fs::write(ws.join(file), story).unwrap();
    }
    let checked = |args: &[&str]| -> Vec<String> {
        let (files, _, err) = check_json_in(ws, args);
        let mut paths: Vec<String> =
            files.iter().map(|f| f["path"].as_str().unwrap().trim_start_matches("./").to_string()).collect();
        paths.sort();
        assert!(!err.contains("newsls:"), "{err}");
        paths
    };
    assert_eq!(checked(&["."]), ["news/a.txt"], "a walk leaves excluded files out");
    assert_eq!(checked(&["archive/2019/old.txt", "news/a.txt"]), ["archive/2019/old.txt", "news/a.txt"]);
    let forced = ["--force-exclude", "archive/2019/old.txt", "./drafts/d.txt", "archive", "news/a.txt"];
    assert_eq!(checked(&forced), ["news/a.txt"]);

    let named = ws.join("archive/2019/piped.txt");
    let stdin = |extra: &[&str]| {
        let mut args = vec!["check", "--format", "json", "--stdin-filename", named.to_str().unwrap()];
        args.extend_from_slice(extra);
        args.push("-");
        let output = newsls_stdin(&args, story.as_bytes());
        (stdout(&output), exit_code(&output))
    };
    assert_eq!(stdin(&[]).1, 1, "without --force-exclude, stdin is checked");
    let (out, code) = stdin(&["--force-exclude"]);
    assert_eq!((out.trim(), code), ("[]", 0));

    // The same from the configuration, for every run.
    std::fs::write(ws.join("newsls.toml"), "exclude = [\"archive\", \"drafts/*.txt\"]\nforce-exclude = true\n")
        .unwrap();
    assert_eq!(checked(&forced[1..]), ["news/a.txt"]);
}

/// A subfolder's `newsls.toml` governs the files below it, wherever the check starts; the one
/// above decides whether the subfolder is walked at all; `--config` names one for everything.
#[test]
fn a_nested_newsls_toml_governs_its_folder_from_every_starting_point() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path();
    for folder in ["desk/drafts", "archive"] {
        std::fs::create_dir_all(ws.join(folder)).unwrap();
    }
    let story = "Head\n\nPrices will double next year, critics say.\n\nThe WTO met on Monday.\n";
    for file in ["top.txt", "desk/story.txt", "desk/drafts/draft.txt", "archive/old.txt"] {
        std::fs::write(ws.join(file), story).unwrap();
    }
    std::fs::write(ws.join("newsls.toml"), "exclude = [\"archive\"]\n[rules]\nvague-attribution = \"off\"\n").unwrap();
    std::fs::write(ws.join("desk/newsls.toml"), "exclude = [\"drafts\"]\n[rules]\nundefined-acronym = \"error\"\n")
        .unwrap();
    // Each checked file (as seen from `ws`) with its rules and their levels.
    let checked = |from: &str, args: &[&str]| -> Vec<String> {
        let (files, _, err) = check_json_in(&ws.join(from), args);
        assert!(!err.contains("newsls:"), "{err}");
        let mut seen: Vec<String> = files
            .iter()
            .map(|f| {
                let path = Path::new(from).join(f["path"].as_str().unwrap().trim_start_matches("./"));
                let mut rules: Vec<String> = f["diagnostics"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|d| format!("{}={}", d["code"].as_str().unwrap(), d["severity"]))
                    .collect();
                rules.sort();
                format!("{} {}", path.display().to_string().trim_start_matches("./"), rules.join(" "))
            })
            .collect();
        seen.sort();
        seen
    };
    let desk = "desk/story.txt unattributed-claim=3 undefined-acronym=1 vague-attribution=3";
    let top = "top.txt unattributed-claim=3 undefined-acronym=3";
    assert_eq!(checked(".", &["."]), [desk, top], "the desk's own rules; drafts and archive are not walked");
    assert_eq!(checked(".", &["desk"]), [desk]);
    assert_eq!(checked("desk", &["."]), [desk]);
    assert_eq!(checked(".", &["desk/story.txt"]), [desk]);
    assert_eq!(
        checked(".", &["--config", "newsls.toml", "."]),
        [
            "desk/drafts/draft.txt unattributed-claim=3 undefined-acronym=3",
            "desk/story.txt unattributed-claim=3 undefined-acronym=3",
            top
        ],
        "--config: the one configuration, whose exclude knows no drafts"
    );

    std::fs::write(ws.join("desk/newsls.toml"), "[rules]\nundefined-acronym = \"loud\"\n").unwrap();
    let output = newsls_in(ws, &["check", "."]);
    assert_eq!(exit_code(&output), 2);
    assert!(stderr(&output).contains("desk/newsls.toml:2:21: unknown variant `loud`"), "{}", stderr(&output));
}

#[test]
fn a_config_named_relative_to_the_working_folder_still_excludes() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path();
    std::fs::create_dir(ws.join("archive")).unwrap();
    for file in ["a.txt", "archive/old.txt"] {
        std::fs::write(ws.join(file), "Head\n\nPrices will double next year.\n").unwrap();
    }
    std::fs::write(ws.join("newsls.toml"), "exclude = [\"archive\"]\n").unwrap();
    for config in ["newsls.toml", "./newsls.toml"] {
        let (files, _, err) = check_json_in(ws, &["--config", config, "."]);
        let paths: Vec<&str> = files.iter().map(|f| f["path"].as_str().unwrap()).collect();
        assert_eq!(paths, ["./a.txt"], "--config {config}: {err}");
    }
}

#[test]
fn human_carets_run_to_the_cut_of_a_snippet_cut_on_both_sides() {
    // A sentence far into a long line, running past the snippet's right cut: the carets end under
    // the last character shown, just before the "…".
    let filler = "The council met. ".repeat(6);
    let sentence = format!("Prices will double next year{}.", " and more".repeat(20));
    let text = format!("Head\n\n{filler}{sentence} The mayor said so.\n");
    let out = stdout(&newsls_stdin(&["check", "-"], text.as_bytes()));
    let lines: Vec<&str> = out.lines().collect();
    let at = lines.iter().position(|l| l.contains("[unattributed-claim]")).unwrap_or_else(|| panic!("{out}"));
    let (shown, carets) = (&lines[at + 2]["3 | ".len()..], &lines[at + 3]["  | ".len()..]);
    assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
    let start = shown.find("Prices").unwrap();
    let before = shown[..start].chars().count();
    let to_cut = shown[start..].chars().count() - 1;
    assert_eq!(carets, format!("{}{}", " ".repeat(before), "^".repeat(to_cut)), "{out}");
}
