//! `newsls rules --format json`: every rule with its default severity and documentation.

use std::process::ExitCode;

use serde_json::json;

pub fn print() -> ExitCode {
    let rules: Vec<_> = crate::rules::ALL
        .iter()
        .map(|rule| {
            json!({
                "name": rule.name,
                "defaultSeverity": rule.default_severity.as_str(),
                "summary": rule.summary(),
                "documentation": rule.markdown(),
                "url": rule.url(),
            })
        })
        .collect();
    println!("{}", serde_json::to_string_pretty(&rules).expect("rules serialise"));
    ExitCode::SUCCESS
}
