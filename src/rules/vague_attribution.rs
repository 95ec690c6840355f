use super::{Finding, Severity, declare_rule};
use crate::analysis::Analysis;
use crate::article::ParagraphKind;
use crate::attribution::CueKind;
use crate::language::Language;

declare_rule! {
    /// Flags attribution with no identifiable source: "reportedly", "is expected to", "it is
    /// believed", "critics say", "some experts", "many observers".
    ///
    /// **Why.** Vague attribution signals that a claim is someone's without saying whose, so a
    /// reader can neither check it nor weigh the source's interest. Name the source, or say why it
    /// cannot be named.
    ///
    /// **What counts.** Unnamed groups as sources ("critics say", "officials said", "according to
    /// sources", "a senior official said", "a person familiar with the talks said"); hedging adverbs ("reportedly", "apparently", "al parecer", "supostamente");
    /// passives with no agent of reporting or judging verbs ("is expected to", "has been
    /// criticized", "was accused of", "widely regarded as", "fue criticado", "se espera que", "espera-se que");
    /// impressions nobody is said to hold ("seems to", "appeared nervous", "looks like", "it is
    /// clear that", "it remains unclear whether", "parece que"); and views named as nouns with no
    /// holder ("faced criticism", "amid growing concerns", "there has been speculation",
    /// "suspicions persist", "allegations that he lied"). A holder named after it ("criticism from Republicans",
    /// "was criticized by the Times") is an ordinary attribution. In Spanish and Portuguese, also
    /// sources named by a noun and adjectives only ("según fuentes diplomáticas", "fontes próximas
    /// ao governo"; "fuentes del Ministerio" name the body) and the conditional of rumour ("el
    /// ministro habría recibido sobornos", "o deputado teria desviado verbas"), outside a sentence
    /// with a condition ("si hubiera ..."). Hedges inside a quotation, or in
    /// a sentence a named source already covers ("Ruiz said the plan is expected to fail"), are
    /// that source's words and are not flagged. Where the vague words name no source at all
    /// ("is expected to"), `unattributed-claim` flags the sentence's claim too, pointing here.
    ///
    /// **Example.**
    ///
    /// ```text
    /// Critics say the law is flawed.                       <- information: who are the critics?
    /// The opposition leader, Ana Ruiz, said the law is flawed.   <- fine
    /// ```
    pub static VAGUE_ATTRIBUTION = ("vague-attribution", Severity::Information, check);
}

/// The finding's message in the article's language; the conditional of rumour ("habría recibido")
/// is named as such.
fn message(words: &str, rumour: bool, language: Language) -> String {
    match (rumour, language) {
        (true, Language::English) => format!(
            "Vague attribution \"{words}\": the conditional reports a rumour, with no identifiable source. \
             Name who says so, or state it as fact once it is confirmed."
        ),
        (true, Language::Spanish) => format!(
            "Atribución vaga \"{words}\": el condicional presenta un rumor, sin fuente identificable. \
             Nombre a quien lo afirma, o preséntelo como hecho cuando esté confirmado."
        ),
        (true, Language::Portuguese) => format!(
            "Atribuição vaga \"{words}\": o futuro do pretérito apresenta um boato, sem fonte identificável. \
             Cite quem afirma, ou apresente como fato quando estiver confirmado."
        ),
        (false, Language::English) => format!(
            "Vague attribution \"{words}\": no identifiable source. Name who says so, or say why they cannot be named."
        ),
        (false, Language::Spanish) => format!(
            "Atribución vaga \"{words}\": sin fuente identificable. Nombre a quien lo afirma, o explique por qué \
             no se le puede nombrar."
        ),
        (false, Language::Portuguese) => format!(
            "Atribuição vaga \"{words}\": sem fonte identificável. Cite quem afirma, ou explique por que a fonte \
             não pode ser identificada."
        ),
    }
}

fn check(analysis: &Analysis, out: &mut Vec<Finding>) {
    let article = &analysis.article;
    for (i, vague) in analysis.attributions.vague.iter().enumerate() {
        if matches!(article.paragraph_of(i).kind, ParagraphKind::Byline | ParagraphKind::Boilerplate) {
            continue;
        }
        for cue in vague {
            let span = cue.source.map_or(cue.span, |source| source.cover(cue.span));
            let words = span.text(analysis.text);
            let message = message(words, cue.kind == CueKind::RumourConditional, analysis.language);
            out.push(Finding {
                rule: &VAGUE_ATTRIBUTION,
                severity: Severity::Information,
                span,
                message,
                related: Vec::new(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::check;

    /// (rule, flagged text) of every finding.
    fn findings(text: &str) -> Vec<(&'static str, String)> {
        check(text).into_iter().map(|f| (f.rule.name, f.span.text(text).to_string())).collect()
    }

    #[test]
    fn a_sourceless_hedge_leaves_the_claim_flagged_and_a_vague_group_does_not() {
        let text =
            "Head\n\nThe tariff is expected to rise sharply next year.\n\nCritics say the tariff will rise sharply.\n";
        let found = findings(text);
        assert!(found.contains(&("vague-attribution", "is expected".into())), "{found:?}");
        assert!(found.contains(&("vague-attribution", "Critics say".into())), "{found:?}");
        let claims: Vec<&String> = found.iter().filter(|(r, _)| *r == "unattributed-claim").map(|(_, t)| t).collect();
        assert_eq!(claims, ["The tariff is expected to rise sharply next year."]);
    }

    #[test]
    fn the_conditional_of_rumour_says_it_reports_a_rumour() {
        let text = "Titular\n\nEl ministro habría recibido sobornos de la constructora.\n";
        let finding =
            check(text).into_iter().find(|f| f.rule.name == "vague-attribution").expect("a vague attribution");
        assert_eq!(finding.span.text(text), "habría recibido");
        assert!(finding.message.contains("el condicional presenta un rumor"), "{}", finding.message);
        let text = "Título\n\nO ministro teria recebido propinas da construtora.\n";
        let finding =
            check(text).into_iter().find(|f| f.rule.name == "vague-attribution").expect("a vague attribution");
        assert!(finding.message.contains("o futuro do pretérito apresenta um boato"), "{}", finding.message);
    }

    #[test]
    fn hedges_under_a_named_source_are_that_sources_words() {
        let text = "Head\n\nMinister Ana Ruiz said the plan is expected to fail.\n\n“It is widely expected to fail,” Ruiz said.\n";
        assert!(findings(text).iter().all(|(rule, _)| *rule != "vague-attribution"), "{:?}", findings(text));
    }
}
