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
