//! The LSP shape of the core's findings: one `Diagnostic` schema shared by the server and by
//! `newsls check --format json`, so the editor and CI never disagree.

use tower_lsp_server::ls_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Position,
    Range, Uri,
};

use std::sync::LazyLock;

use crate::rules::{self, Finding, Rule, Severity};
use crate::span::Span;
use crate::text::{LineCol, LineIndex, PositionEncoding};

pub const SOURCE: &str = "newsls";

/// A text with its line index, for converting spans to LSP ranges.
pub struct Document<'a> {
    pub text: &'a str,
    pub lines: &'a LineIndex,
    pub encoding: PositionEncoding,
}

impl Document<'_> {
    pub fn position(&self, offset: usize) -> Position {
        let LineCol { line, col } = self.lines.position(self.text, offset, self.encoding);
        Position::new(line, col)
    }

    pub fn range(&self, span: Span) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of an LSP position, clamped into the text.
    pub fn offset(&self, position: Position) -> usize {
        self.lines.offset(self.text, LineCol { line: position.line, col: position.character }, self.encoding)
    }
}

pub fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Information => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

/// Each rule's documentation address, parsed once rather than once a diagnostic.
static DOCUMENTATION_URIS: LazyLock<Vec<(&'static str, Uri)>> =
    LazyLock::new(|| rules::ALL.iter().filter_map(|rule| Some((rule.name, rule.url().parse().ok()?))).collect());

fn documentation_uri(rule: &Rule) -> Option<Uri> {
    DOCUMENTATION_URIS.iter().find(|(name, _)| *name == rule.name).map(|(_, uri)| uri.clone())
}

/// Each rule's fields of a diagnostic that never change, as JSON from `"code"` up to
/// `"message":`: escaped once, not once a diagnostic (`check --format json` writes hundreds
/// of thousands). Serialised by serde, so they are the bytes of [`diagnostic`]'s fields.
static CONSTANT_FIELDS_JSON: LazyLock<Vec<(&'static str, Vec<u8>)>> =
    LazyLock::new(|| rules::ALL.iter().map(|rule| (rule.name, constant_fields_json(rule))).collect());

fn constant_fields_json(rule: &Rule) -> Vec<u8> {
    let mut json = b"\"code\":".to_vec();
    write_json_value(&mut json, rule.name);
    if let Some(href) = documentation_uri(rule) {
        json.extend_from_slice(b",\"codeDescription\":");
        write_json_value(&mut json, &CodeDescription { href });
    }
    json.extend_from_slice(b",\"source\":");
    write_json_value(&mut json, SOURCE);
    json.extend_from_slice(b",\"message\":");
    json
}

fn write_json_value(out: &mut Vec<u8>, value: &(impl serde::Serialize + ?Sized)) {
    serde_json::to_writer(out, value).expect("a value without maps serialises into a Vec");
}

fn write_json_position(out: &mut Vec<u8>, position: Position) {
    out.extend_from_slice(b"{\"line\":");
    out.extend_from_slice(itoa::Buffer::new().format(position.line).as_bytes());
    out.extend_from_slice(b",\"character\":");
    out.extend_from_slice(itoa::Buffer::new().format(position.character).as_bytes());
    out.push(b'}');
}

/// `range` as serde would write it, without building a `Value` or a serializer.
pub fn write_json_range(out: &mut Vec<u8>, range: Range) {
    out.extend_from_slice(b"{\"start\":");
    write_json_position(out, range.start);
    out.extend_from_slice(b",\"end\":");
    write_json_position(out, range.end);
    out.push(b'}');
}

/// The strings already written as JSON into one buffer, and where: a file's findings repeat a
/// few messages, which are then copied within the buffer rather than escaped again. Only for
/// the buffer they were written to. Kept by string, so that a file of many distinct messages costs
/// one lookup each, not a search of all those before it.
#[derive(Default)]
pub struct WrittenStrings<'a>(rustc_hash::FxHashMap<&'a str, std::ops::Range<usize>>);

impl<'a> WrittenStrings<'a> {
    fn write(&mut self, out: &mut Vec<u8>, string: &'a str) {
        if let Some(range) = self.0.get(string) {
            out.extend_from_within(range.clone());
        } else {
            let start = out.len();
            write_json_value(out, string);
            self.0.insert(string, start..out.len());
        }
    }
}

/// Appends the JSON of [`diagnostic`]`(finding, document, uri)` to `out`, byte for byte, without
/// building it: no message or URI is cloned, and the rule's constant fields and the URI
/// (`uri_json`, the document's URI already serialised) are written as escaped bytes.
/// `written` holds the messages `out` has already.
pub fn write_diagnostic_json<'a>(
    out: &mut Vec<u8>,
    written: &mut WrittenStrings<'a>,
    finding: &'a Finding,
    document: &Document,
    uri_json: Option<&[u8]>,
) {
    out.extend_from_slice(b"{\"range\":");
    write_json_range(out, document.range(finding.span));
    out.extend_from_slice(b",\"severity\":");
    write_json_value(out, &severity(finding.severity));
    out.push(b',');
    match CONSTANT_FIELDS_JSON.iter().find(|(name, _)| *name == finding.rule.name) {
        Some((_, json)) => out.extend_from_slice(json),
        None => out.extend_from_slice(&constant_fields_json(finding.rule)),
    }
    written.write(out, &finding.message);
    if let Some(uri_json) = uri_json
        && !finding.related.is_empty()
    {
        out.extend_from_slice(b",\"relatedInformation\":[");
        for (i, related) in finding.related.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"{\"location\":{\"uri\":");
            out.extend_from_slice(uri_json);
            out.extend_from_slice(b",\"range\":");
            write_json_range(out, document.range(related.span));
            out.extend_from_slice(b"},\"message\":");
            written.write(out, &related.message);
            out.push(b'}');
        }
        out.push(b']');
    }
    out.push(b'}');
}

/// The LSP diagnostic of a finding in the document at `uri`.
pub fn diagnostic(finding: &Finding, document: &Document, uri: Option<&Uri>) -> Diagnostic {
    let related = uri.map(|uri| {
        finding
            .related
            .iter()
            .map(|r| DiagnosticRelatedInformation {
                location: Location::new(uri.clone(), document.range(r.span)),
                message: r.message.clone(),
            })
            .collect::<Vec<_>>()
    });
    Diagnostic {
        range: document.range(finding.span),
        severity: Some(severity(finding.severity)),
        code: Some(NumberOrString::String(finding.rule.name.to_string())),
        code_description: documentation_uri(finding.rule).map(|href| CodeDescription { href }),
        source: Some(SOURCE.to_string()),
        message: finding.message.clone(),
        related_information: related.filter(|r| !r.is_empty()),
        tags: None,
        data: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analysis;

    /// `write_diagnostic_json` is `check --format json`'s diagnostic: it must stay the bytes of
    /// the `Diagnostic` the server sends, for every rule, with and without related information.
    #[test]
    fn written_diagnostic_json_is_the_serialised_diagnostic() {
        let text = include_str!("../tests/fixtures/attr-multi-paragraph-quote.txt").to_string()
            + "\n\nThe economy grew 4% last year, the fastest since 1990.\n\n\"It will \\ rise\tagain\u{1}, officials \
               say,\" an official said. The WHO and the NATO-led force agreed.\n\n\"Unbalanced, he said.\n";
        let lines = LineIndex::new(&text);
        let document = Document { text: &text, lines: &lines, encoding: PositionEncoding::Utf16 };
        let findings = Analysis::new(&text).findings(|rule| Some(rule.default_severity));
        assert!(findings.iter().any(|f| !f.related.is_empty()), "the test wants related information");
        let uri: Uri = "file:///tmp/a%20b/article.txt".parse().unwrap();
        let uri_json = serde_json::to_vec(&uri).unwrap();
        for uri in [None, Some(&uri)] {
            // All into one buffer, as for a file, so that repeated messages are copied.
            let (mut written, mut strings) = (Vec::new(), WrittenStrings::default());
            let mut serialised = Vec::new();
            for finding in &findings {
                write_diagnostic_json(&mut written, &mut strings, finding, &document, uri.map(|_| uri_json.as_slice()));
                serde_json::to_writer(&mut serialised, &diagnostic(finding, &document, uri)).unwrap();
            }
            assert_eq!(String::from_utf8(written).unwrap(), String::from_utf8(serialised).unwrap());
        }
    }
}
