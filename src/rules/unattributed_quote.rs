use super::{Edit, Finding, Fix, Severity, declare_rule};
use crate::analysis::Analysis;
use crate::article::ParagraphKind;
use crate::language::Language;
use crate::span::Span;

declare_rule! {
    /// Flags a direct quotation with no identifiable speaker in its sentence, the sentences next to
    /// it, or its paragraph.
    ///
    /// **Why.** A quotation is someone's exact words; a reader who cannot tell whose they are cannot
    /// weigh them. Quoted terms of one to three words ("so-called "reforms"") are not quotations of
    /// speech and are not flagged, nor are quotations in the headline. A quotation that runs on
    /// over several paragraphs, each reopening it, is flagged once, where it starts.
    ///
    /// **Example.**
    ///
    /// ```text
    /// "We will not give up on this city."           <- warning: no speaker
    /// "We will not give up on this city," the mayor said.    <- fine
    /// ```
    pub static UNATTRIBUTED_QUOTE = ("unattributed-quote", Severity::Warning, check, fixes: fixes);
}

/// Name the speaker after a closed quotation that ends its sentence, news style: the quotation's
/// final full stop becomes a comma (“We will stay,” [speaker] said.; «...», dijo [hablante].).
fn fixes(analysis: &Analysis, quotation: Span) -> Vec<Fix> {
    let text = analysis.text;
    let Some(quote) = analysis.article.quotations.iter().find(|q| q.span == quotation && q.closed) else {
        return Vec::new();
    };
    let after = &text[quote.span.end..];
    let ends_sentence = after.trim_start_matches([' ', '\t']).starts_with(['\n', '\r']) || after.trim().is_empty();
    if !ends_sentence {
        return Vec::new();
    }
    let inside = quote.content.text(text).trim_end();
    let inside_end = quote.content.start + inside.len();
    let mut edits = Vec::new();
    if inside.ends_with('.') {
        edits.push(Edit { span: Span::new(inside_end - 1, inside_end), replacement: ",".into(), placeholder: None });
    } else if !inside.ends_with(['?', '!', ',']) {
        edits.push(Edit { span: Span::new(inside_end, inside_end), replacement: ",".into(), placeholder: None });
    }
    // The tag and its placeholder, in the article's language.
    let (tag, placeholder) = match analysis.language {
        Language::English => (" [speaker] said.", 1..10),
        Language::Spanish => (" dijo [hablante].", 6..16),
        Language::Portuguese => (" disse [falante].", 7..16),
    };
    let title = format!(
        "{} \"{}\"",
        analysis.language.pick(
            "Name the speaker: insert",
            "Nombrar al hablante: insertar",
            "Nomear quem falou: inserir"
        ),
        tag.trim_matches([' ', '.'])
    );
    edits.push(Edit {
        span: Span::new(quote.span.end, quote.span.end),
        replacement: tag.into(),
        placeholder: Some(placeholder),
    });
    vec![Fix { title, edits, preferred: false }]
}

/// A quotation with its speech tag, in the article's own marks and language.
fn speech_tag_example(language: Language) -> &'static str {
    match language {
        Language::English => "\"...,\" she said",
        Language::Spanish => "«...», dijo la ministra",
        Language::Portuguese => "“...”, disse a ministra",
    }
}

/// The finding's message in the article's language.
fn message(language: Language) -> String {
    let tag = speech_tag_example(language);
    match language {
        Language::English => format!(
            "Quotation with no speaker: nobody in this sentence, the next one or this paragraph is named as \
             saying it. Add who said it ({tag})."
        ),
        Language::Spanish => format!(
            "Cita sin hablante: nadie en esta oración, la siguiente o este párrafo figura como quien la dijo. \
             Añada quién la dijo ({tag})."
        ),
        Language::Portuguese => format!(
            "Citação sem autor: ninguém nesta frase, na seguinte ou neste parágrafo é citado como quem a disse. \
             Acrescente quem a disse ({tag})."
        ),
    }
}

/// Quoted passages this short are terms or titles, not speech.
const MIN_QUOTE_WORDS: usize = 4;

fn check(analysis: &Analysis, out: &mut Vec<Finding>) {
    let text = analysis.text;
    let article = &analysis.article;
    // Once a paragraph, not once a quotation: a paragraph may hold thousands.
    let attributed_paragraphs: Vec<bool> = article
        .paragraphs
        .iter()
        .map(|p| p.sentences.clone().any(|i| analysis.attributions.sentences[i].is_some()))
        .collect();
    for (quote, speaker) in article.quotations.iter().zip(&analysis.attributions.quotations) {
        let in_body = article.paragraphs[quote.paragraph].kind == ParagraphKind::Body;
        let paragraph_attributed = attributed_paragraphs[quote.paragraph];
        if speaker.is_some()
            || !in_body
            || paragraph_attributed
            || quote.continues.is_some()
            || quote.word_count(text) < MIN_QUOTE_WORDS
        {
            continue;
        }
        out.push(Finding {
            rule: &UNATTRIBUTED_QUOTE,
            severity: Severity::Warning,
            span: quote.span,
            message: message(analysis.language),
            related: Vec::new(),
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::check;

    #[test]
    fn a_quotation_that_runs_on_is_flagged_once_where_it_starts() {
        let text = "Head\n\n\"We have two executives in Japan at the moment. \"We have a very good product to sell there.\"\n\n\
                    “We will not give up on this city.\n\n“Not while we have work to do.”\n";
        let flagged: Vec<String> = check(text)
            .into_iter()
            .filter(|f| f.rule.name == "unattributed-quote")
            .map(|f| f.span.text(text).split_whitespace().take(3).collect::<Vec<_>>().join(" "))
            .collect();
        assert_eq!(flagged, ["\"We have two", "“We will not"]);
    }

    #[test]
    fn the_message_shows_a_speech_tag_in_the_articles_language() {
        let message = |text: &str| {
            check(text).into_iter().find(|f| f.rule.name == "unattributed-quote").map(|f| f.message).unwrap()
        };
        let spanish = "Titular\n\nEl Gobierno presentó ayer el presupuesto del año.\n\n\
                       «No vamos a pagar esa deuda externa», y luego se fueron del salón.\n";
        assert!(message(spanish).contains("(«...», dijo la ministra)"), "{}", message(spanish));
        assert!(message(spanish).starts_with("Cita sin hablante:"), "{}", message(spanish));
        let english =
            "Head\n\nThe government presented its budget.\n\n\"We will not pay that debt,\" and then they left.\n";
        assert!(message(english).contains("(\"...,\" she said)"), "{}", message(english));
    }
}
