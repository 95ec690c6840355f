//! The language server: a thin front end over the analysis core.

use std::process::ExitCode;

pub fn run() -> ExitCode {
    eprintln!("newsls: the language server is not built yet");
    ExitCode::from(crate::cli::EXIT_TROUBLE)
}
