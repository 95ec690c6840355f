//! `--format human`: `path:line:col: severity[rule] message`, then the line with the span underlined.

use std::io::{self, Write};
use std::path::Path;

use unicode_width::UnicodeWidthStr;

use crate::rules::Finding;
use crate::text::LineIndex;

/// Snippets longer than this many characters are cut around the span.
const MAX_SNIPPET_CHARS: usize = 100;
const CONTEXT_CHARS: usize = 20;

pub fn write(out: &mut impl Write, path: &Path, text: &str, findings: &[Finding]) -> io::Result<()> {
    if findings.is_empty() {
        return Ok(());
    }
    let lines = LineIndex::new(text);
    for finding in findings {
        let start = lines.char_position(text, finding.span.start);
        let (line_start, line_end) = lines.line_span(text, start.line as usize);
        let line = &text[line_start..line_end];
        let col_chars = start.col as usize;
        writeln!(
            out,
            "{}:{}:{}: {}[{}] {}",
            path.display(),
            start.line + 1,
            col_chars + 1,
            finding.severity.as_str(),
            finding.rule.name,
            finding.message
        )?;
        let span_end = finding.span.end.min(line_end).max(finding.span.start);
        let span_chars = char_count(&text[finding.span.start..span_end], lines.is_ascii()).max(1);
        let Window { shown, offset, cut_after } = window(line, finding.span.start - line_start);
        let number = (start.line + 1).to_string();
        let pad = " ".repeat(number.len());
        let (before, rest) = shown.split_at(shown.char_indices().nth(offset).map_or(shown.len(), |(i, _)| i));
        // Up to the cut, not under the "…" that marks it.
        let up_to_cut = if cut_after { rest.chars().count() - 1 } else { usize::MAX };
        let span_shown = span_chars.min(up_to_cut).max(1);
        let spanned = rest.char_indices().nth(span_shown).map_or(rest, |(i, _)| &rest[..i]);
        let underline = " ".repeat(display_width(before)) + &"^".repeat(display_width(spanned).max(1));
        writeln!(out, "{pad} |\n{number} | {}\n{pad} | {underline}\n", shown.replace('\t', TAB))?;
    }
    Ok(())
}

/// What a tab is shown as, so that the carets under a line line up whatever the terminal's tab stops.
const TAB: &str = "    ";

/// The columns `s` takes on a terminal once its tabs are [`TAB`]: wide characters (CJK, most
/// emoji) take two, combining accents of decomposed letters none.
fn display_width(s: &str) -> usize {
    if s.is_ascii() {
        return s.len() + s.bytes().filter(|&b| b == b'\t').count() * (TAB.len() - 1);
    }
    s.split('\t').map(UnicodeWidthStr::width).sum::<usize>() + s.matches('\t').count() * TAB.len()
}

/// The characters of `s`, counted only when it is not `ascii`: then they are its bytes.
fn char_count(s: &str, ascii: bool) -> usize {
    if ascii { s.len() } else { s.chars().count() }
}

/// The part of a line shown under a finding.
struct Window {
    shown: String,
    /// In how many characters of `shown` the span starts.
    offset: usize,
    /// Whether the line goes on past `shown`, which then ends in "…".
    cut_after: bool,
}

/// The part of `line` to show for a span at byte `at`: all of it, or [`MAX_SNIPPET_CHARS`] from
/// [`CONTEXT_CHARS`] before the span. Only the characters around the span are walked: a
/// paragraph of megabytes on one line may hold thousands of findings.
fn window(line: &str, at: usize) -> Window {
    if line.len() <= MAX_SNIPPET_CHARS || line.chars().nth(MAX_SNIPPET_CHARS).is_none() {
        return Window { shown: line.to_string(), offset: line[..at].chars().count(), cut_after: false };
    }
    let from = line[..at].char_indices().rev().nth(CONTEXT_CHARS - 1).map_or(0, |(i, _)| i);
    let to = line[from..].char_indices().nth(MAX_SNIPPET_CHARS).map_or(line.len(), |(i, _)| from + i);
    let mut shown = String::with_capacity(to - from + 2 * '…'.len_utf8());
    let mut offset = line[from..at].chars().count();
    if from > 0 {
        shown.push('…');
        offset += 1;
    }
    shown.push_str(&line[from..to]);
    let cut_after = to < line.len();
    if cut_after {
        shown.push('…');
    }
    Window { shown, offset, cut_after }
}
