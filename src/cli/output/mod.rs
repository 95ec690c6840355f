//! The CI output formats of `newsls check`, each written file by file as results arrive:
//! `sarif` (SARIF 2.1.0), `github` (GitHub Actions workflow commands) and `compact` (one line per
//! finding). `human` and `json` live in `cli::human` and `cli::check`.

pub mod compact;
pub mod github;
pub mod sarif;

use std::io::{self, Write};
use std::path::Path;

use crate::rules::{Finding, Severity};
use crate::text::{LineIndex, PositionEncoding};

/// One checked file's findings, ready to write.
pub struct FileReport<'a> {
    /// The path as found (relative to the working folder when given so).
    pub path: &'a Path,
    /// The path relative to the working folder, with `/` separators (for SARIF and GitHub).
    pub relative: &'a str,
    pub text: &'a str,
    pub findings: &'a [Finding],
    /// The baseline fingerprint of each finding.
    pub fingerprints: &'a [String],
}

/// 1-based line and column of a byte offset; columns in UTF-16 code units or characters.
pub(crate) fn line_col(lines: &LineIndex, text: &str, offset: usize, utf16: bool) -> (u32, u32) {
    let pos =
        if utf16 { lines.position(text, offset, PositionEncoding::Utf16) } else { lines.char_position(text, offset) };
    (pos.line + 1, pos.col + 1)
}

/// The SARIF level of a severity.
pub fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information | Severity::Hint => "note",
    }
}

/// Output that a reader may stop reading (`newsls check | head`): once the pipe is closed, what
/// follows is dropped rather than an error, so the check still runs to the end and its exit code
/// is the gate's, not a success taken from a reader that left early.
pub struct UntilClosed<W: Write> {
    inner: W,
    closed: bool,
}

impl<W: Write> UntilClosed<W> {
    pub fn new(inner: W) -> UntilClosed<W> {
        UntilClosed { inner, closed: false }
    }

    /// The result of a write, unless the reader has gone.
    fn unless_closed(&mut self, result: io::Result<()>) -> io::Result<()> {
        match result {
            Err(err) if err.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            other => other,
        }
    }
}

impl<W: Write> Write for UntilClosed<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if !self.closed {
            let written = self.inner.write_all(bytes);
            self.unless_closed(written)?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let flushed = self.inner.flush();
        self.unless_closed(flushed)
    }
}
