use super::{Finding, Severity, declare_rule};
use crate::analysis::Analysis;
use crate::article::ParagraphKind;

declare_rule! {
    /// Flags a direct quotation with no identifiable speaker in its sentence, the sentences next to
    /// it, or its paragraph.
    ///
    /// **Why.** A quotation is someone's exact words; a reader who cannot tell whose they are cannot
    /// weigh them. Quoted terms of one to three words ("so-called "reforms"") are not quotations of
    /// speech and are not flagged, nor are quotations in the headline.
    ///
    /// **Example.**
    ///
    /// ```text
    /// "We will not give up on this city."           <- warning: no speaker
    /// "We will not give up on this city," the mayor said.    <- fine
    /// ```
    pub static UNATTRIBUTED_QUOTE = ("unattributed-quote", Severity::Warning, check);
}

/// Quoted passages this short are terms or titles, not speech.
const MIN_QUOTE_WORDS: usize = 4;

fn check(analysis: &Analysis, out: &mut Vec<Finding>) {
    let text = analysis.text;
    let article = &analysis.article;
    for (quote, speaker) in article.quotations.iter().zip(&analysis.attributions.quotations) {
        let in_body = article.paragraphs[quote.paragraph].kind == ParagraphKind::Body;
        let paragraph_attributed =
            article.paragraphs[quote.paragraph].sentences.clone().any(|i| analysis.attributions.sentences[i].is_some());
        if speaker.is_some() || !in_body || paragraph_attributed || quote.word_count(text) < MIN_QUOTE_WORDS {
            continue;
        }
        out.push(Finding {
            rule: &UNATTRIBUTED_QUOTE,
            severity: Severity::Warning,
            span: quote.span,
            message: "Quotation with no speaker: nobody in this sentence, the next one or this paragraph is named as \
                      saying it. Add who said it (\"...,\" she said)."
                .into(),
            related: Vec::new(),
        });
    }
}
