//! The command line: a thin front end over the analysis core.

mod check;
mod human;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "newsls",
    version,
    about = "Language server and linter for news articles: attribution, quotations, entities"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check articles (files, folders walked for *.txt, or - for stdin) and report findings.
    Check(CheckArgs),
    /// Run the language server over stdio.
    Server {
        /// Accepted for editors that pass it; stdio is the only transport.
        #[arg(long)]
        stdio: bool,
    },
    /// List the rules with their default severities.
    Rules,
    /// Print a rule's documentation.
    Explain {
        /// The rule's name, e.g. unattributed-claim.
        rule: String,
    },
}

#[derive(clap::Args)]
pub struct CheckArgs {
    /// Files and folders to check; `-` reads one article from stdin.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Use this configuration file instead of the nearest newsls.toml.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// The name to report for an article read from stdin.
    #[arg(long, value_name = "PATH")]
    stdin_filename: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// path:line:col: severity[rule] message, with the sentence underlined.
    Human,
    /// One JSON array of {"path", "diagnostics": [LSP Diagnostic]}.
    Json,
}

/// Exit codes: 0 clean, 1 findings at warning or above, 2 usage errors or unreadable input.
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_TROUBLE: u8 = 2;

pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let code = if err.use_stderr() { EXIT_TROUBLE } else { 0 };
            let _ = err.print();
            return ExitCode::from(code);
        }
    };
    match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Server { stdio: _ } => crate::server::run(),
        Command::Rules => {
            for rule in crate::rules::ALL {
                println!("{:<22} {:<12} {}", rule.name, rule.default_severity.as_str(), rule.summary());
            }
            ExitCode::SUCCESS
        }
        Command::Explain { rule } => match crate::rules::by_name(&rule) {
            Some(rule) => {
                println!(
                    "# {}

Default severity: {}

{}",
                    rule.name,
                    rule.default_severity.as_str(),
                    rule.markdown()
                );
                ExitCode::SUCCESS
            }
            None => {
                let names: Vec<_> = crate::rules::ALL.iter().map(|r| r.name).collect();
                eprintln!("newsls: no rule named {rule:?}; the rules are: {}", names.join(", "));
                ExitCode::from(EXIT_TROUBLE)
            }
        },
    }
}
