use super::{Edit, Finding, Fix, Related, Severity, declare_rule};
use crate::analysis::Analysis;
use crate::entities::{self, EntityKind, MentionForm, Origin};
use crate::language::Language;
use crate::span::Span;

declare_rule! {
    /// Flags an organization's acronym used before the article spells it out: news style gives
    /// the full name on first reference, then the acronym ("the Community of Latin American and
    /// Caribbean States (CELAC)", later "CELAC").
    ///
    /// The full name comes from the article itself (a later "Full Name (ACR)") or from the
    /// knowledge base; the editor offers a code action that spells it out at the first use.
    /// Only the first use of each acronym is flagged. Headlines are exempt, and so are news
    /// agencies (AFP, EFE, TASS are how they are known) and the abbreviations newsrooms accept
    /// on first reference (AP style): US, U.S., USA, UK, U.K., UN, U.N., EU, NATO, FBI, CIA,
    /// NASA, OPEC, AIDS, HIV, GDP, CEO, with their Spanish and Portuguese forms (ONU, UE, OTAN,
    /// OPEP) and however they are capitalised (Nato, Opec). An acronym written as a word
    /// (Celac, Cepal, Unicef) is still an acronym.
    ///
    /// **Example.**
    ///
    /// ```text
    /// CELAC leaders met in Caracas.              <- information: spell out CELAC first
    /// Leaders of the Community of Latin American and Caribbean States (CELAC) met.   <- fine
    /// ```
    pub static UNDEFINED_ACRONYM = ("undefined-acronym", Severity::Information, check, fixes: fixes);
}

/// Abbreviations acceptable on first reference (AP Stylebook and common newsroom practice), in
/// capitals, and the Spanish and Portuguese forms of those that have one.
pub const ACCEPTED_ON_FIRST_REFERENCE: &[&str] = &[
    "US", "U.S.", "USA", "U.S.A.", "UK", "U.K.", "UN", "U.N.", "EU", "NATO", "FBI", "CIA", "NASA", "OPEC", "AIDS",
    "HIV", "GDP", "CEO", "ONU", "UE", "OTAN", "OPEP",
];

fn check(analysis: &Analysis, out: &mut Vec<Finding>) {
    let text = analysis.text;
    let headline = analysis.article.headline().map(|p| p.span);
    let found = &analysis.entities;
    let mut flagged = vec![false; found.entities.len()];
    for mention in &found.mentions {
        let entity = &found.entities[mention.entity];
        if mention.form != MentionForm::Acronym
            || flagged[mention.entity]
            || entity.kind != EntityKind::Organization
            || matches!(entity.origin, Origin::Person)
            || headline.is_some_and(|h| h.contains(mention.span.start))
        {
            continue;
        }
        let acronym = mention.span.text(text);
        if ACCEPTED_ON_FIRST_REFERENCE.contains(&acronym.to_uppercase().as_str()) {
            continue;
        }
        flagged[mention.entity] = true;
        if entity.introduction.is_some_and(|i| i.start <= mention.span.start) {
            continue;
        }
        let language = analysis.language;
        let spelled_out = entities::spell_out(text, found, mention.span, language).map(|(_, replacement)| replacement);
        let related = entity
            .introduction
            .map(|span| Related {
                span,
                message: format!(
                    "{acronym} {}",
                    language.pick("is spelled out only here", "solo se desarrolla aquí", "só aparece por extenso aqui")
                ),
            })
            .into_iter()
            .collect();
        out.push(Finding {
            rule: &UNDEFINED_ACRONYM,
            severity: Severity::Information,
            span: mention.span,
            message: message(acronym, entity.full_name(text), spelled_out.as_deref(), language),
            related,
        });
    }
}

/// The finding's message in the article's language, with the spelled-out form to use when there
/// is one. `full` is the English name, which Spanish and Portuguese give only when there is no
/// spelled-out form in their language.
fn message(acronym: &str, full: &str, spelled_out: Option<&str>, language: Language) -> String {
    let full =
        if language == Language::English || spelled_out.is_none() { format!(" ({full})") } else { String::new() };
    let used_before = match language {
        Language::English => format!("\"{acronym}\"{full} is used before it is spelled out."),
        Language::Spanish => format!("La sigla \"{acronym}\"{full} aparece antes de su forma desarrollada."),
        Language::Portuguese => format!("A sigla \"{acronym}\"{full} aparece antes da forma por extenso."),
    };
    let spell_out = language.pick(
        "Spell it out on first reference",
        "Desarróllela en la primera mención",
        "Escreva-a por extenso na primeira menção",
    );
    match spelled_out {
        Some(replacement) => format!("{used_before} {spell_out}: \"{replacement}\"."),
        None => format!("{used_before} {spell_out}."),
    }
}

/// Spell the name out where the acronym is first used.
fn fixes(analysis: &Analysis, acronym: Span) -> Vec<Fix> {
    entities::spell_out(analysis.text, &analysis.entities, acronym, analysis.language)
        .map(|(span, replacement)| Fix {
            title: format!(
                "{}: {replacement}",
                analysis.language.pick("Spell out", "Desarrollar", "Escrever por extenso")
            ),
            edits: vec![Edit { span, replacement, placeholder: None }],
            preferred: true,
        })
        .into_iter()
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::analysis::check;

    fn flagged(text: &str) -> Vec<(String, String)> {
        check(text)
            .into_iter()
            .filter(|f| f.rule.name == "undefined-acronym")
            .map(|f| (f.span.text(text).to_string(), f.message))
            .collect()
    }

    #[test]
    fn fires_on_first_use_before_definition() {
        let text = "Summit opens\n\nCELAC leaders met in Caracas. CELAC said so.\n";
        let found = flagged(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "CELAC");
        assert!(
            found[0].1.contains("\"The Community of Latin American and Caribbean States (CELAC)\""),
            "{}",
            found[0].1
        );
    }

    #[test]
    fn fires_when_the_definition_comes_later() {
        let text = "Trade talks\n\nThe WTO ruled on Monday.\n\nThe World Trade Organization (WTO) is in Geneva.\n";
        let found = flagged(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].1.contains("World Trade Organization"));
    }

    #[test]
    fn silent_after_definition_in_headline_and_for_accepted() {
        let text = "CELAC and WTO in talks\n\nLeaders of the Community of Latin American and Caribbean States (CELAC) met. The CELAC's troika, NATO, the EU and U.S. officials attended, AFP said. The World Trade Organization sent envoys; the WTO did not comment.\n";
        assert!(flagged(text).is_empty(), "{:?}", flagged(text));
    }

    #[test]
    fn accepted_in_any_capitalisation_and_in_spanish_and_portuguese() {
        let text =
            "Cumbre\n\nNato y Opec enviaron delegados, mientras la OTAN, la ONU y la UE callaron. La Celac no.\n";
        let found = flagged(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "Celac");
    }

    #[test]
    fn silent_for_article_defined_acronyms() {
        let text = "Water\n\nThe Andean Water Council (AWC) met. The AWC agreed.\n";
        assert!(flagged(text).is_empty());
    }
}
