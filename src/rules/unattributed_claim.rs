use super::{Edit, Finding, Fix, Related, Severity, declare_rule};
use crate::analysis::Analysis;
use crate::article::ParagraphKind;
use crate::claims::{self, ClaimKind};
use crate::language::Language;
use crate::span::Span;

declare_rule! {
    /// Flags a body sentence that asserts something with no identifiable source in scope.
    ///
    /// **Why.** Readers must be able to tell who says so. A prediction, an evaluation, a motive
    /// ascribed to someone, a figure, a superlative or a causal claim is contestable, so it is a
    /// warning; any other statement of fact, which a reporter may make on their own authority, is
    /// information, so an editor can still see it. Headlines, datelines, bylines, questions,
    /// boilerplate and quotations (see `unattributed-quote`) are not flagged. A sentence is in scope
    /// of an attribution when it holds a cue ("said", "according to", "in a statement"), sits in a
    /// quotation whose speaker is named, follows a "... said:" introduction, or continues the
    /// speaker of the sentence before it in the same paragraph. Attribution to an unnamed group
    /// ("critics say") is attribution, flagged by `vague-attribution` instead; words that attribute
    /// to no one at all ("is expected to", "reportedly", "seems to") leave the claim flagged,
    /// pointing at them.
    ///
    /// **Example.**
    ///
    /// ```text
    /// Prices will double next year.              <- warning: unattributed prediction
    /// Prices will double next year, the central bank said.   <- fine
    /// ```
    pub static UNATTRIBUTED_CLAIM = ("unattributed-claim", Severity::Warning, check, fixes: fixes);
}

/// Attribute the sentence before its final stop, in the article's language: ", [source] said"
/// ("Prices will double next year, [source] said."), ", dijo [fuente]", ", disse [fonte]".
fn fixes(analysis: &Analysis, sentence: Span) -> Vec<Fix> {
    let (before, placeholder, after) = match analysis.language {
        Language::English => (", ", "[source]", " said"),
        Language::Spanish => (", dijo ", "[fuente]", ""),
        Language::Portuguese => (", disse ", "[fonte]", ""),
    };
    let body = sentence.text(analysis.text).trim_end();
    let at = sentence.start + body.trim_end_matches(['.', '!']).len();
    let replacement = format!("{before}{placeholder}{after}");
    let title = analysis.language.pick("Attribute it: insert", "Atribuir: insertar", "Atribuir: inserir");
    vec![Fix {
        title: format!("{title} \"{replacement}\""),
        edits: vec![Edit {
            span: Span::new(at, at),
            replacement,
            placeholder: Some(before.len()..before.len() + placeholder.len()),
        }],
        preferred: false,
    }]
}

/// A speech tag and an "according to", as the article's copy would write them: the examples the
/// message gives of an attribution.
fn attribution_examples(language: Language) -> (&'static str, &'static str) {
    match language {
        Language::English => ("..., the ministry said", "according to ..."),
        Language::Spanish => ("..., dijo el ministerio", "según ..."),
        Language::Portuguese => ("..., disse o ministério", "segundo ..."),
    }
}

/// The finding's message in the article's language: what kind of claim, and how to attribute it.
fn message(kind: ClaimKind, language: Language) -> String {
    let (tag, according) = attribution_examples(language);
    let noun = kind.noun(language);
    match (kind, language) {
        (ClaimKind::Fact, Language::English) => format!(
            "Unattributed statement of fact: no source is named. Fine if the reporter established it; \
             otherwise say who says so (\"{tag}\")."
        ),
        (ClaimKind::Fact, Language::Spanish) => format!(
            "Afirmación de hecho sin atribuir: no se nombra ninguna fuente. Está bien si el periodista lo \
             comprobó; si no, diga quién lo afirma (\"{tag}\")."
        ),
        (ClaimKind::Fact, Language::Portuguese) => format!(
            "Afirmação de fato sem atribuição: nenhuma fonte é citada. Tudo bem se o repórter a apurou; \
             caso contrário, diga quem afirma (\"{tag}\")."
        ),
        (_, Language::English) => format!(
            "Unattributed {noun}: nobody is named as its source. Say who says so (\"{tag}\", \"{according}\") \
             or rewrite it as established fact."
        ),
        (_, Language::Spanish) => format!(
            "{} sin atribuir: nadie figura como su fuente. Diga quién lo afirma (\"{tag}\", \"{according}\") o \
             redáctelo como un hecho comprobado.",
            capitalised(noun)
        ),
        (_, Language::Portuguese) => format!(
            "{} sem atribuição: ninguém é citado como fonte. Diga quem afirma (\"{tag}\", \"{according}\") ou \
             reescreva como fato apurado.",
            capitalised(noun)
        ),
    }
}

/// "Predicción" from "predicción".
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// Fewer words than this make a fragment, not a claim.
const MIN_WORDS: usize = 4;

fn check(analysis: &Analysis, out: &mut Vec<Finding>) {
    let text = analysis.text;
    let article = &analysis.article;
    for (i, sentence) in article.sentences.iter().enumerate() {
        let paragraph = &article.paragraphs[sentence.paragraph];
        let s = sentence.span.text(text);
        if paragraph.kind != ParagraphKind::Body
            || analysis.attributions.sentences[i].is_some_and(|a| a.names_someone())
            || analysis.is_quoted(i)
            || s.trim_end_matches(['"', '”', '’', '\'', ')', '»']).ends_with('?')
            // "... released the following statement:" introduces what follows; it claims nothing.
            || s.ends_with(':')
            || s.split_whitespace().nth(MIN_WORDS - 1).is_none()
        {
            continue;
        }
        let claim = claims::classify(text, analysis.words.of(i));
        let severity = if claim.kind.is_contestable() { Severity::Warning } else { Severity::Information };
        let message = message(claim.kind, analysis.language);
        // A sourceless vague cue ("is expected to", "reportedly") names nobody: the claim still has
        // no source. An unnamed group ("critics say") is a source, which `vague-attribution` flags.
        let vague_cue = analysis.attributions.sentences[i].map(|a| a.cue.span);
        let language = analysis.language;
        let related = vague_cue
            .map(|span| Related {
                span,
                message: language
                    .pick(
                        "a vague attribution, which names no identifiable source",
                        "una atribución vaga, que no nombra ninguna fuente identificable",
                        "uma atribuição vaga, que não cita nenhuma fonte identificável",
                    )
                    .into(),
            })
            .or_else(|| {
                analysis.nearest_attribution(i).map(|nearest| Related {
                    span: nearest.cue,
                    message: language
                        .pick(
                            "the nearest attribution, which does not cover this sentence",
                            "la atribución más cercana, que no abarca esta oración",
                            "a atribuição mais próxima, que não abrange esta frase",
                        )
                        .into(),
                })
            })
            .into_iter()
            .collect();
        out.push(Finding { rule: &UNATTRIBUTED_CLAIM, severity, span: sentence.span, message, related });
    }
}
