//! A one-line progress bar on stderr, for long `newsls check` runs in a terminal only: never when
//! stderr is a file or a pipe (CI logs), and only once the run has more than 1,000 files or has
//! lasted more than two seconds.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

const MANY_FILES: usize = 1000;
const LONG_RUN: Duration = Duration::from_secs(2);
const REDRAW_EVERY: Duration = Duration::from_millis(100);
const WIDTH: usize = 30;

pub struct Progress {
    total: usize,
    enabled: bool,
    started: Instant,
    last_draw: Option<Instant>,
    drawn: bool,
}

impl Progress {
    pub fn new(total: usize) -> Progress {
        Progress {
            total,
            enabled: std::io::stderr().is_terminal() && std::env::var_os("NEWSLS_NO_PROGRESS").is_none(),
            started: Instant::now(),
            last_draw: None,
            drawn: false,
        }
    }

    /// Whether the bar may be drawn: stderr is a terminal.
    pub fn is_shown(&self) -> bool {
        self.enabled
    }

    /// `done` of the files are checked.
    pub fn update(&mut self, done: usize) {
        if !self.enabled || self.total == 0 {
            return;
        }
        let now = Instant::now();
        if self.total <= MANY_FILES && now.duration_since(self.started) < LONG_RUN {
            return;
        }
        if self.last_draw.is_some_and(|t| now.duration_since(t) < REDRAW_EVERY) && done < self.total {
            return;
        }
        self.last_draw = Some(now);
        let filled = done.min(self.total) * WIDTH / self.total;
        let bar = "#".repeat(filled) + &"-".repeat(WIDTH - filled);
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K[{bar}] {done}/{} files", self.total);
        let _ = err.flush();
        self.drawn = true;
    }

    /// Erases the bar, before the summary and error messages.
    pub fn finish(&mut self) {
        if self.drawn {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
            self.drawn = false;
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}
