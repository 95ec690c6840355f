//! `newsls kb [QUERY]`: the embedded knowledge base's records matching a query.
//!
//! Human output: one line per record (entity id, name, acronyms, kind), or the full card when
//! one record matches, or one matches exactly (then the others that contain the query after it).
//! JSON: one array of records in the schema of kb/README.md, each with a `"type"` of `organization`, `country` or `agency` (organizations first). Exit code 1 when
//! nothing matches.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::ValueEnum;

use super::EXIT_TROUBLE;
use crate::kb::{self, Record};
use crate::language::Language;

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum KbFormat {
    /// One line per record; the whole card when one record matches, or one exactly.
    Human,
    /// One JSON array of records (kb/README.md schema plus "type").
    Json,
}

#[derive(clap::Args)]
pub struct KbArgs {
    /// Part of an id (as printed: org:celac), name, alias, acronym or other-language name
    /// (without case or accents); exact matches first. Without it, every record. Several words
    /// are one query: `newsls kb World Trade Organization`.
    #[arg(num_args = 1..)]
    query: Vec<String>,
    #[arg(long, value_enum, default_value_t = KbFormat::Human)]
    format: KbFormat,
}

fn line(record: Record) -> String {
    let (acronyms, kind) = match record {
        Record::Organization(o) => (o.acronyms.join(", "), o.kind.as_str()),
        Record::Country(c) => (c.iso3.clone(), "country"),
        Record::Agency(a) => (a.acronyms.join(", "), "news agency"),
    };
    let acronyms = if acronyms.is_empty() { String::new() } else { format!(" ({acronyms})") };
    format!("{:<28} {}{acronyms} — {kind}", record.entity_id(), record.name())
}

/// The record's card, then the records that only contain the query.
fn write_card(out: &mut impl Write, record: Record, others: &[Record], query: &str) -> io::Result<()> {
    writeln!(out, "{}\n{}", record.entity_id(), crate::text::plain_text(&record.card_markdown(Language::English)))?;
    if !others.is_empty() {
        writeln!(out, "\nAlso containing {query:?}:")?;
        others.iter().try_for_each(|r| writeln!(out, "{}", line(*r)))?;
    }
    Ok(())
}

pub fn run(args: &KbArgs) -> ExitCode {
    let query = args.query.join(" ");
    let matches = kb::search(&query);
    let records: Vec<Record> = matches.all().collect();
    let card = match (&matches.exact[..], records.len()) {
        ([only], _) => Some(*only),
        (_, 1) => Some(records[0]),
        _ => None,
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let written = match args.format {
        KbFormat::Json => {
            let values: Vec<serde_json::Value> = records.iter().map(|r| r.to_json()).collect();
            serde_json::to_writer_pretty(&mut out, &values).map_err(io::Error::other).and_then(|_| writeln!(out))
        }
        KbFormat::Human if let Some(record) = card => write_card(&mut out, record, &matches.partial, &query),
        KbFormat::Human => records.iter().try_for_each(|r| writeln!(out, "{}", line(*r))),
    };
    if let Err(err) = written.and_then(|_| out.flush()) {
        if err.kind() == io::ErrorKind::BrokenPipe {
            return ExitCode::SUCCESS;
        }
        eprintln!("newsls: cannot write output: {err}");
        return ExitCode::from(EXIT_TROUBLE);
    }
    if matches.is_empty() {
        eprintln!("newsls: no knowledge-base record matches {query:?}");
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
