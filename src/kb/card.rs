//! Compact Markdown hover cards for knowledge-base records.

use super::{MemberStatus, Names, Record, country, member_name, organization};
use crate::language::Language;

/// How many members (and observers, associates, ...) a card lists by name.
const FIRST_MEMBERS: usize = 6;

/// A country's or territory's name in `language` (English where the record has no other; the
/// code itself when unknown).
fn country_name(code: &str, language: Language) -> String {
    country(code)
        .and_then(|c| Record::Country(c).name_in(language))
        .or_else(|| member_name(code))
        .unwrap_or(code)
        .to_string()
}

/// "Eurasian Economic Union (EAEU)" for `eaeu`, in `language` where the record has the name (the
/// id itself when unknown).
fn organization_name(id: &str, language: Language) -> String {
    match organization(id) {
        Some(o) => {
            let name = Record::Organization(o).name_in(language).unwrap_or(&o.name);
            match o.acronyms.first() {
                Some(acronym) => format!("{name} ({acronym})"),
                None => name.to_string(),
            }
        }
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

/// The kind of organization (the knowledge base's English word) in `language`.
fn kind_in(kind: &str, language: Language) -> &str {
    let (spanish, portuguese) = match kind {
        "political union" => ("unión política", "união política"),
        "trade bloc" => ("bloque comercial", "bloco comercial"),
        "economic union" => ("unión económica", "união econômica"),
        "customs union" => ("unión aduanera", "união aduaneira"),
        "military alliance" => ("alianza militar", "aliança militar"),
        "development bank" => ("banco de desarrollo", "banco de desenvolvimento"),
        "international organization" => ("organización internacional", "organização internacional"),
        "regional organization" => ("organización regional", "organização regional"),
        "commodity cartel" => ("cártel de materias primas", "cartel de matérias-primas"),
        "forum" => ("foro", "fórum"),
        "other" => ("otra", "outra"),
        _ => return kind,
    };
    language.pick(kind, spanish, portuguese)
}

/// An organization's status other than active, in `language`.
fn status_in(status: &str, language: Language) -> &str {
    match status {
        "dissolved" => language.pick(status, "disuelta", "dissolvida"),
        "superseded" => language.pick(status, "sustituida", "substituída"),
        "inactive" => language.pick(status, "inactiva", "inativa"),
        _ => status,
    }
}

/// The word for members of one status, in `language`: the label of a list of observers, associates, ...,
/// and "member" in "(member since 2012)".
fn members_label(status: MemberStatus, language: Language) -> &'static str {
    match status {
        MemberStatus::Member => language.pick("member", "miembro", "membro"),
        MemberStatus::Observer => language.pick("observer", "observadores", "observadores"),
        MemberStatus::Associate => language.pick("associate", "asociados", "associados"),
        MemberStatus::Suspended => language.pick("suspended", "suspendidos", "suspensos"),
        MemberStatus::Withdrawn => language.pick("withdrawn", "retirados", "retirados"),
    }
}

/// The bold name with its acronyms, then the names in the other languages: a Spanish or
/// Portuguese card leads with the name in its language, the English one among the others.
fn name_lines(record: Record, acronyms: &[&str], names: &Names, language: Language) -> Vec<String> {
    let acronyms = if acronyms.is_empty() { String::new() } else { format!(" ({})", acronyms.join(" / ")) };
    let lead = record.name_in(language).unwrap_or(record.name());
    let others: Vec<String> = std::iter::once(("en", record.name()))
        .chain(names.iter())
        .filter(|(_, name)| *name != lead)
        .map(|(lang, name)| format!("{lang}: {name}"))
        .collect();
    let mut lines = vec![format!("**{lead}**{acronyms}")];
    if !others.is_empty() {
        lines.push(format!("_{}_", others.join(" · ")));
    }
    lines
}

/// "_as of 2026-05 · sources_", in `language`.
fn as_of_line(as_of: &str, sources: &[String], language: Language) -> String {
    let as_of_label = language.pick("as of", "datos a", "dados de");
    format!("_{as_of_label} {as_of} · {}_", sources.join(", "))
}

/// The card: **full name (ACRONYM)**, native names, kind, founded, headquarters, members with
/// the first few named, status, purpose, and "as of" with the sources; its words in `language`
/// (the purpose is the knowledge base's English).
pub fn markdown(record: Record, language: Language) -> String {
    let founded_label = language.pick("founded", "fundada en", "fundada em");
    let headquarters_label = language.pick("HQ", "sede", "sede");
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
            lines.extend(name_lines(record, &acronyms, &o.names, language));
            let mut facts = vec![kind_in(&o.kind, language).to_string()];
            if let Some(f) = &o.founded {
                let place = f.place.as_deref().map(|p| format!(", {p}")).unwrap_or_default();
                if let Some(date) = &f.date {
                    facts.push(format!("{founded_label} {date}{place}"));
                }
            }
            if let Some(hq) = &o.headquarters {
                facts.push(format!("{headquarters_label} {hq}"));
            }
            if o.status != "active" {
                let successor = o
                    .superseded_by
                    .as_deref()
                    .map(|id| format!(" {} {}", language.pick("by", "por", "por"), organization_name(id, language)))
                    .unwrap_or_default();
                facts.push(format!("**{}**{successor}", status_in(&o.status, language)));
            }
            lines.push(facts.join(" · "));
            let members: Vec<_> = o.members_with(MemberStatus::Member).collect();
            if !members.is_empty() {
                let first = first_names(members.iter().map(|m| country_name(&m.country, language)));
                let label = language.pick("members", "miembros", "membros");
                lines.push(format!("{} {label}: {first}", members.len()));
            }
            let member_since = members_label(MemberStatus::Member, language);
            let since_label = language.pick("since", "desde", "desde");
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
                                        format!(" ({member_since} {since_label} {since})")
                                    }
                                    _ => String::new(),
                                };
                                format!("{}{years}", country_name(&m.country, language))
                            })
                            .collect();
                        let count = names.len();
                        let status_label = members_label(status, language);
                        let label = match count {
                            0 => return None,
                            1..=FIRST_MEMBERS => status_label.to_string(),
                            _ => format!("{status_label} ({count})"),
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
            lines.push(as_of_line(&o.as_of, &o.sources, language));
        }
        Record::Country(c) => {
            let mut name = name_lines(record, &[], &c.names, language);
            name[0].push_str(&format!(" ({})", c.iso2));
            lines.extend(name);
            let demonyms: Vec<&str> =
                [&c.demonyms.en, &c.demonyms.es, &c.demonyms.pt].into_iter().flatten().map(String::as_str).collect();
            let mut facts = vec![
                if c.un_member {
                    language.pick("UN member state", "Estado miembro de la ONU", "Estado-membro da ONU")
                } else {
                    language.pick("not a UN member", "no es miembro de la ONU", "não é membro da ONU")
                }
                .to_string(),
            ];
            if !demonyms.is_empty() {
                facts.push(format!("{} {}", language.pick("demonym", "gentilicio", "gentílico"), demonyms.join(" / ")));
            }
            lines.push(facts.join(" · "));
        }
        Record::Agency(a) => {
            let acronyms: Vec<&str> = a.acronyms.iter().map(String::as_str).filter(|x| *x != a.name).collect();
            lines.extend(name_lines(record, &acronyms, &Names::default(), language));
            let mut facts =
                vec![language.pick("news agency", "agencia de noticias", "agência de notícias").to_string()];
            if let Some(c) = &a.country {
                facts.push(country_name(c, language));
            }
            if let Some(f) = &a.founded {
                facts.push(format!("{founded_label} {f}"));
            }
            if let Some(hq) = &a.headquarters {
                facts.push(format!("{headquarters_label} {hq}"));
            }
            if a.status != "active" {
                facts.push(format!("**{}**", status_in(&a.status, language)));
            }
            lines.push(facts.join(" · "));
            if let Some(owner) = &a.owner {
                lines.push(format!("{}: {owner}", language.pick("Owner", "Propietario", "Proprietário")));
            }
            lines.push(as_of_line(&a.as_of, &a.sources, language));
        }
    }
    lines.join("  \n")
}

#[cfg(test)]
mod tests {
    use crate::kb::{Record, country, organization};
    use crate::language::Language;

    #[test]
    fn celac_card() {
        let card = Record::Organization(organization("celac").unwrap()).card_markdown(Language::English);
        assert!(card.starts_with("**Community of Latin American and Caribbean States** (CELAC)"), "{card}");
        assert!(card.contains("33 members"), "{card}");
        let mercosur = Record::Organization(organization("mercosur").unwrap()).card_markdown(Language::English);
        assert!(mercosur.starts_with("**Southern Common Market** (MERCOSUR / MERCOSUL)"), "{mercosur}");
        assert!(card.contains("founded 2011-12-03, Caracas, Venezuela"), "{card}");
        assert!(card.contains("as of 2026-05"), "{card}");
    }

    #[test]
    fn a_spanish_or_portuguese_card_leads_with_its_own_name_and_words() {
        let celac = Record::Organization(organization("celac").unwrap());
        let card = celac.card_markdown(Language::Spanish);
        assert!(card.starts_with("**Comunidad de Estados Latinoamericanos y Caribeños** (CELAC)  \n"), "{card}");
        assert!(card.contains("_en: Community of Latin American and Caribbean States · pt: "), "{card}");
        assert!(card.contains("organización regional · fundada en 2011-12-03, Caracas, Venezuela"), "{card}");
        assert!(card.contains("33 miembros: Antigua y Barbuda, Argentina, Bahamas, Barbados"), "{card}");
        assert!(card.contains("_datos a 2026-05 · "), "{card}");
        let card = Record::Organization(organization("customs-union-bkr").unwrap()).card_markdown(Language::Portuguese);
        assert!(card.contains("**substituída** por "), "{card}");
        let card = Record::Organization(organization("mercosur").unwrap()).card_markdown(Language::Portuguese);
        assert!(card.starts_with("**Mercado Comum do Sul** (MERCOSUR / MERCOSUL)"), "{card}");
        assert!(card.contains("suspensos: Venezuela (membro desde "), "{card}");
        let card = Record::Country(country("BR").unwrap()).card_markdown(Language::Spanish);
        assert!(card.starts_with("**Brasil** (BR)  \n_en: Brazil"), "{card}");
        assert!(card.contains("Estado miembro de la ONU · gentilicio "), "{card}");
    }

    #[test]
    fn superseded_status_shows() {
        let card = Record::Organization(organization("customs-union-bkr").unwrap()).card_markdown(Language::English);
        assert!(card.contains("**superseded** by Eurasian Economic Union (EAEU)"), "{card}");
    }

    #[test]
    fn members_are_named_and_long_lists_shortened() {
        let card = Record::Organization(organization("caricom").unwrap()).card_markdown(Language::English);
        assert!(card.contains("Aruba") && card.contains("Curaçao"), "{card}");
        assert!(!card.contains(" AW") && !card.contains(" CW,"), "{card}");
        let card = Record::Organization(organization("pacific-alliance").unwrap()).card_markdown(Language::English);
        let observers = card.lines().find(|l| l.starts_with("observer")).expect(&card);
        assert!(observers.starts_with("observer (") && observers.ends_with(", …  "), "{observers}");
        assert_eq!(observers.matches(", ").count(), 6, "{observers}");
    }
}
