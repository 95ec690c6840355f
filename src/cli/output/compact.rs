//! `--format compact`: `path:line:col: severity[rule] message`, one line per finding; columns count
//! characters, as in `--format human`.

use std::io::{self, Write};

use super::{FileReport, line_col};
use crate::text::LineIndex;

pub fn write(out: &mut impl Write, report: &FileReport) -> io::Result<()> {
    if report.findings.is_empty() {
        return Ok(());
    }
    let lines = LineIndex::new(report.text);
    for finding in report.findings {
        let (line, col) = line_col(&lines, report.text, finding.span.start, false);
        let message = one_line(&finding.message);
        writeln!(
            out,
            "{}:{line}:{col}: {}[{}] {message}",
            report.path.display(),
            finding.severity.as_str(),
            finding.rule.name
        )?;
    }
    Ok(())
}

fn one_line(message: &str) -> String {
    message.split(['\r', '\n']).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ")
}
