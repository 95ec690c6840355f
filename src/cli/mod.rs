//! The command line: a thin front end over the analysis core.

mod check;
mod entities;
mod human;
mod kb;
pub mod output;
mod progress;
mod rules_json;
pub mod shard;

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
    Rules {
        #[arg(long, value_enum, default_value_t = RulesFormat::Human)]
        format: RulesFormat,
    },
    /// Print a rule's documentation.
    Explain {
        /// The rule's name, e.g. unattributed-claim.
        rule: String,
    },
    /// Print knowledge-base records (organizations, countries, news agencies) matching a query.
    Kb(kb::KbArgs),
    /// List the entities of articles and their mentions.
    Entities(entities::EntitiesArgs),
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
    /// Skip files and folders named here (and --stdin-filename) that newsls.toml's `exclude`
    /// matches, as a walk would: for pre-commit hooks and editors, which name files one by one
    /// (also `force-exclude = true` in newsls.toml).
    #[arg(long)]
    force_exclude: bool,
    /// The least severe finding that makes the exit code 1.
    #[arg(long, value_enum, value_name = "SEVERITY", default_value_t = FailOn::Warning)]
    fail_on: FailOn,
    /// Report only findings not recorded in this baseline file.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record the current findings in this baseline file (written atomically); exits 0 unless input is unreadable.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Check only the I-th of N deterministic shards of the files (by path hash), e.g. 2/4.
    /// Not with --write-baseline: a baseline of one shard would drop every other shard's findings.
    #[arg(long, value_name = "I/N", conflicts_with = "write_baseline")]
    shard: Option<shard::Shard>,
}

/// `--fail-on`: findings at this severity or above make the exit code 1.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Information,
    Hint,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// path:line:col: severity[rule] message, with the sentence underlined.
    Human,
    /// One JSON array of {"path", "diagnostics": [LSP Diagnostic]}.
    Json,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
    /// GitHub Actions workflow commands (annotations on pull requests).
    Github,
    /// path:line:col: severity[rule] message, one line per finding.
    Compact,
}

#[derive(Clone, Copy, ValueEnum)]
enum RulesFormat {
    /// name, default severity, summary: one rule a line.
    Human,
    /// A JSON array of {"name", "defaultSeverity", "summary", "documentation", "url"}.
    Json,
}

/// Exit codes: 0 clean, 1 findings at `--fail-on` (default warning) or above, 2 usage errors or unreadable input.
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
        Command::Kb(args) => kb::run(&args),
        Command::Entities(args) => entities::run(&args),
        Command::Server { stdio: _ } => crate::server::run(),
        Command::Rules { format: RulesFormat::Json } => rules_json::print(),
        Command::Rules { format: RulesFormat::Human } => {
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
