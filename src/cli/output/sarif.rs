//! `--format sarif`: SARIF 2.1.0 for code-scanning dashboards (GitHub code scanning, Azure DevOps,
//! ...). Streamed: the header with the tool and its rules, then each file's results as they come,
//! then the footer, so memory does not grow with the number of files.
//!
//! Regions are 1-based; columns count UTF-16 code units (`run.columnKind`), `endColumn` is
//! exclusive. Paths are relative to the working folder, under `uriBaseId` `%SRCROOT%`.
//! `partialFingerprints` carries the baseline fingerprint, which survives moved and re-wrapped text.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::{FileReport, line_col, sarif_level};
use crate::rules::{self, Rule};
use crate::text::LineIndex;

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
pub const INFORMATION_URI: &str = "https://github.com/newsls/newsls";
/// The key of the baseline fingerprint in `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "newsls/v1";

fn rule_descriptor(rule: &Rule) -> Value {
    let markdown = rule.markdown();
    json!({
        "id": rule.name,
        "name": rule.name,
        "shortDescription": { "text": rule.summary() },
        "fullDescription": { "text": markdown, "markdown": markdown },
        "help": { "text": markdown, "markdown": markdown },
        "helpUri": rule.url(),
        "defaultConfiguration": { "level": sarif_level(rule.default_severity) },
    })
}

/// Writes everything up to the opening of the `results` array.
pub fn begin(out: &mut impl Write) -> io::Result<()> {
    let rules: Vec<Value> = rules::ALL.iter().map(|r| rule_descriptor(r)).collect();
    let driver = json!({
        "name": "newsls",
        "version": env!("CARGO_PKG_VERSION"),
        "semanticVersion": env!("CARGO_PKG_VERSION"),
        "informationUri": INFORMATION_URI,
        "rules": rules,
    });
    write!(
        out,
        "{{\"$schema\":{},\"version\":\"2.1.0\",\"runs\":[{{\"tool\":{{\"driver\":{}}},\"columnKind\":\"utf16CodeUnits\",\
         \"originalUriBaseIds\":{{\"%SRCROOT%\":{}}},\"results\":[",
        json!(SCHEMA),
        serde_json::to_string(&driver).map_err(io::Error::other)?,
        src_root_uri(),
    )
}

/// The working folder as a `file://` URI ending in `/`, as SARIF wants for `originalUriBaseIds`.
fn src_root_uri() -> Value {
    match std::env::current_dir() {
        Ok(dir) => {
            let mut s = dir.to_string_lossy().replace('\\', "/");
            if !s.ends_with('/') {
                s.push('/');
            }
            if !s.starts_with('/') {
                s.insert(0, '/');
            }
            json!({ "uri": format!("file://{}", encode_uri_path(&s)) })
        }
        Err(_) => json!({}),
    }
}

/// Writes one file's results; `first` tracks the commas between results across files.
pub fn file(out: &mut impl Write, report: &FileReport, first: &mut bool) -> io::Result<()> {
    if report.findings.is_empty() {
        return Ok(());
    }
    let lines = LineIndex::new(report.text);
    // A file outside the working folder keeps its absolute path, as a `file://` URI.
    let artifact = if report.relative.starts_with('/') {
        json!({ "uri": format!("file://{}", encode_uri_path(report.relative)) })
    } else {
        json!({ "uri": encode_uri_path(report.relative), "uriBaseId": "%SRCROOT%" })
    };
    for (finding, fingerprint) in report.findings.iter().zip(report.fingerprints) {
        let (start_line, start_col) = line_col(&lines, report.text, finding.span.start, true);
        let (end_line, end_col) = line_col(&lines, report.text, finding.span.end.max(finding.span.start), true);
        let rule_index = rules::ALL.iter().position(|r| r.name == finding.rule.name).unwrap_or(0);
        let result = json!({
            "ruleId": finding.rule.name,
            "ruleIndex": rule_index,
            "level": sarif_level(finding.severity),
            "message": { "text": finding.message },
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": artifact.clone(),
                    "region": {
                        "startLine": start_line,
                        "startColumn": start_col,
                        "endLine": end_line,
                        "endColumn": end_col,
                    }
                }
            }],
            "partialFingerprints": { FINGERPRINT_KEY: fingerprint },
        });
        if !std::mem::take(first) {
            out.write_all(b",\n")?;
        }
        serde_json::to_writer(&mut *out, &result).map_err(io::Error::other)?;
    }
    Ok(())
}

/// Closes the results, the run and the log.
pub fn end(out: &mut impl Write, successful: bool) -> io::Result<()> {
    writeln!(out, "],\"invocations\":[{{\"executionSuccessful\":{successful}}}]}}]}}")
}

/// A relative path as a URI reference: each segment percent-encoded where URIs need it.
fn encode_uri_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_encoded() {
        assert_eq!(encode_uri_path("a b/ç#.txt"), "a%20b/%C3%A7%23.txt");
    }
}
