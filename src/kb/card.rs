//! Compact Markdown hover cards for knowledge-base records.

use super::{MemberStatus, Record, member_name, organization};

/// How many members (and observers, associates, ...) a card lists by name.
const FIRST_MEMBERS: usize = 6;

/// A country's or territory's English name from its code (the code itself when unknown).
fn country_name(code: &str) -> String {
    member_name(code).unwrap_or(code).to_string()
}

/// "Eurasian Economic Union (EAEU)" for `eaeu` (the id itself when unknown).
fn organization_name(id: &str) -> String {
    match organization(id) {
        Some(o) => match o.acronyms.first() {
            Some(acronym) => format!("{} ({acronym})", o.name),
            None => o.name.clone(),
        },
        None => id.to_string(),
    }
}

/// The first [`FIRST_MEMBERS`] names in alphabetical order, and "…" when there are more.
fn first_names(names: impl Iterator<Item = String>) -> String {
    let mut names: Vec<String> = names.collect();
    names.sort();
    let more = if names.len() > FIRST_MEMBERS { ", …" } else { "" };
    names.truncate(FIRST_MEMBERS);
    names.join(", ") + more
}

/// The card: **full name (ACRONYM)**, native names, kind, founded, headquarters, members with
/// the first few named, status, purpose, and "as of" with the sources.
pub fn markdown(record: Record) -> String {
    let mut lines = Vec::new();
    match record {
        Record::Organization(o) => {
            // "CELAC", not "CELAC / Celac": a form written as a word is the same acronym.
            let mut acronyms: Vec<&str> = Vec::new();
            for acronym in &o.acronyms {
                if !acronyms.iter().any(|a| a.eq_ignore_ascii_case(acronym)) {
                    acronyms.push(acronym);
                }
            }
            let acronyms = if acronyms.is_empty() { String::new() } else { format!(" ({})", acronyms.join(" / ")) };
            lines.push(format!("**{}**{acronyms}", o.name));
            let native: Vec<String> = o.names.iter().map(|(lang, name)| format!("{lang}: {name}")).collect();
            if !native.is_empty() {
                lines.push(format!("_{}_", native.join(" · ")));
            }
            let mut facts = vec![o.kind.clone()];
            if let Some(f) = &o.founded {
                let place = f.place.as_deref().map(|p| format!(", {p}")).unwrap_or_default();
                if let Some(date) = &f.date {
                    facts.push(format!("founded {date}{place}"));
                }
            }
            if let Some(hq) = &o.headquarters {
                facts.push(format!("HQ {hq}"));
            }
            if o.status != "active" {
                let successor =
                    o.superseded_by.as_deref().map(|id| format!(" by {}", organization_name(id))).unwrap_or_default();
                facts.push(format!("**{}**{successor}", o.status));
            }
            lines.push(facts.join(" · "));
            let members: Vec<_> = o.members_with(MemberStatus::Member).collect();
            if !members.is_empty() {
                let first = first_names(members.iter().map(|m| country_name(&m.country)));
                lines.push(format!("{} members: {first}", members.len()));
            }
            let others: Vec<String> =
                [MemberStatus::Observer, MemberStatus::Associate, MemberStatus::Suspended, MemberStatus::Withdrawn]
                    .into_iter()
                    .filter_map(|status| {
                        let names: Vec<String> = o
                            .members_with(status)
                            .map(|m| {
                                let years = match (&m.since, &m.until) {
                                    (_, Some(until)) => format!(" {until}"),
                                    // `since` is when the membership began, not the suspension.
                                    (Some(since), None) if status == MemberStatus::Suspended => {
                                        format!(" (member since {since})")
                                    }
                                    _ => String::new(),
                                };
                                format!("{}{years}", country_name(&m.country))
                            })
                            .collect();
                        let count = names.len();
                        let label = match count {
                            0 => return None,
                            1..=FIRST_MEMBERS => status.as_str().to_string(),
                            _ => format!("{} ({count})", status.as_str()),
                        };
                        Some(format!("{label}: {}", first_names(names.into_iter())))
                    })
                    .collect();
            if !others.is_empty() {
                lines.push(others.join(" · "));
            }
            if let Some(p) = &o.purpose {
                lines.push(p.clone());
            }
            lines.push(format!("_as of {} · {}_", o.as_of, o.sources.join(", ")));
        }
        Record::Country(c) => {
            lines.push(format!("**{}** ({})", c.name, c.iso2));
            let native: Vec<String> = c.names.iter().map(|(lang, name)| format!("{lang}: {name}")).collect();
            if !native.is_empty() {
                lines.push(format!("_{}_", native.join(" · ")));
            }
            let demonyms: Vec<&str> =
                [&c.demonyms.en, &c.demonyms.es, &c.demonyms.pt].into_iter().flatten().map(String::as_str).collect();
            let mut facts =
                vec![if c.un_member { "UN member state".to_string() } else { "not a UN member".to_string() }];
            if !demonyms.is_empty() {
                facts.push(format!("demonym {}", demonyms.join(" / ")));
            }
            lines.push(facts.join(" · "));
        }
        Record::Agency(a) => {
            let acronyms: Vec<&str> = a.acronyms.iter().map(String::as_str).filter(|x| *x != a.name).collect();
            let acronyms = if acronyms.is_empty() { String::new() } else { format!(" ({})", acronyms.join(" / ")) };
            lines.push(format!("**{}**{acronyms}", a.name));
            let mut facts = vec!["news agency".to_string()];
            if let Some(c) = &a.country {
                facts.push(country_name(c));
            }
            if let Some(f) = &a.founded {
                facts.push(format!("founded {f}"));
            }
            if let Some(hq) = &a.headquarters {
                facts.push(format!("HQ {hq}"));
            }
            if a.status != "active" {
                facts.push(format!("**{}**", a.status));
            }
            lines.push(facts.join(" · "));
            if let Some(owner) = &a.owner {
                lines.push(format!("Owner: {owner}"));
            }
            lines.push(format!("_as of {} · {}_", a.as_of, a.sources.join(", ")));
        }
    }
    lines.join("  \n")
}

#[cfg(test)]
mod tests {
    use crate::kb::{Record, organization};

    #[test]
    fn celac_card() {
        let card = Record::Organization(organization("celac").unwrap()).card_markdown();
        assert!(card.starts_with("**Community of Latin American and Caribbean States** (CELAC)"), "{card}");
        assert!(card.contains("33 members"), "{card}");
        let mercosur = Record::Organization(organization("mercosur").unwrap()).card_markdown();
        assert!(mercosur.starts_with("**Southern Common Market** (MERCOSUR / MERCOSUL)"), "{mercosur}");
        assert!(card.contains("founded 2011-12-03, Caracas, Venezuela"), "{card}");
        assert!(card.contains("as of 2026-05"), "{card}");
    }

    #[test]
    fn superseded_status_shows() {
        let card = Record::Organization(organization("customs-union-bkr").unwrap()).card_markdown();
        assert!(card.contains("**superseded** by Eurasian Economic Union (EAEU)"), "{card}");
    }

    #[test]
    fn members_are_named_and_long_lists_shortened() {
        let card = Record::Organization(organization("caricom").unwrap()).card_markdown();
        assert!(card.contains("Aruba") && card.contains("Curaçao"), "{card}");
        assert!(!card.contains(" AW") && !card.contains(" CW,"), "{card}");
        let card = Record::Organization(organization("pacific-alliance").unwrap()).card_markdown();
        let observers = card.lines().find(|l| l.starts_with("observer")).expect(&card);
        assert!(observers.starts_with("observer (") && observers.ends_with(", …  "), "{observers}");
        assert_eq!(observers.matches(", ").count(), 6, "{observers}");
    }
}
