//! `--format github`: GitHub Actions workflow commands, which the runner turns into annotations on
//! the pull request: `::warning file=...,line=...,col=...,endLine=...,endColumn=...,title=...::message`.
//! Errors are `error`, warnings `warning`, information and hints `notice`. Columns are 1-based
//! UTF-16 code units; `endColumn` is the column of the last character.

use std::io::{self, Write};

use super::{FileReport, line_col};
use crate::rules::Severity;
use crate::text::LineIndex;

pub fn write(out: &mut impl Write, report: &FileReport) -> io::Result<()> {
    if report.findings.is_empty() {
        return Ok(());
    }
    let lines = LineIndex::new(report.text);
    for finding in report.findings {
        let command = match finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Information | Severity::Hint => "notice",
        };
        let (line, col) = line_col(&lines, report.text, finding.span.start, true);
        let (end_line, end_col_exclusive) =
            line_col(&lines, report.text, finding.span.end.max(finding.span.start), true);
        let end_col = end_col_exclusive.saturating_sub(1).max(if end_line == line { col } else { 1 });
        writeln!(
            out,
            "::{command} file={},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}",
            escape_property(report.relative),
            escape_property(&format!("newsls({})", finding.rule.name)),
            escape_data(&finding.message)
        )?;
    }
    Ok(())
}

/// Escapes a command's message: `%`, carriage return and line feed.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a command's property value: as messages, plus `:` and `,`.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(escape_data("50% a\r\nb, c: d"), "50%25 a%0D%0Ab, c: d");
        assert_eq!(escape_property("a,b:c%\n"), "a%2Cb%3Ac%25%0A");
    }
}
