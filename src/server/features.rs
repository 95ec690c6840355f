//! Hover and document symbols, from the core's analysis of the current text.

use tower_lsp_server::ls_types::{DocumentSymbol, SymbolKind};

use crate::analysis::Analysis;
use crate::article::ParagraphKind;
use crate::attribution::{Attribution, Link};
use crate::claims;
use crate::protocol::Document;
use crate::span::Span;

/// Words of a paragraph shown as its symbol name.
const SYMBOL_WORDS: usize = 8;

fn describe_link(link: Link) -> &'static str {
    match link {
        Link::InSentence => "in this sentence",
        Link::Quotation => "the quotation's speaker tag",
        Link::ColonIntro => "a colon introduction before it",
        Link::Continuation => "continues the speaker of the sentence before it",
        Link::SpeakerLabel => "a transcript speaker label",
    }
}

fn quoted(text: &str, span: Span) -> String {
    format!("“{}”", span.text(text).split_whitespace().collect::<Vec<_>>().join(" "))
}

fn attribution_lines(analysis: &Analysis, attribution: &Attribution) -> String {
    let text = analysis.text;
    let speaker = analysis.attributions.named_source(text, attribution).map(|s| s.text(text).trim().to_string());
    let mut out = match speaker {
        Some(name) => format!("Source: **{name}**"),
        None => "Source: *not named*".to_string(),
    };
    if let Some(source) = attribution.cue.source.filter(|s| Some(s.text(text).trim()) != out.split("**").nth(1)) {
        out.push_str(&format!(" (as {})", quoted(text, source)));
    }
    out.push_str(&format!("  \nCue: {} — {}", quoted(text, attribution.cue.span), describe_link(attribution.link)));
    if attribution.cue.vague {
        out.push_str("  \n*Vague: no identifiable source.*");
    }
    out
}

/// Markdown for a hover at `offset`, and the span it describes.
pub fn hover(analysis: &Analysis, offset: usize) -> Option<(String, Span)> {
    let text = analysis.text;
    let article = &analysis.article;
    if let Some((index, quote)) = article.quotations.iter().enumerate().find(|(_, q)| q.span.contains(offset)) {
        let body = match &analysis.attributions.quotations[index] {
            Some(attribution) => format!("**Quotation**  \n{}", attribution_lines(analysis, attribution)),
            None => "**Quotation** with no identifiable speaker".to_string(),
        };
        return Some((body, quote.span));
    }
    let sentence = article.sentence_at(offset)?;
    let span = article.sentences[sentence].span;
    if article.paragraph_of(sentence).kind != ParagraphKind::Body {
        return None;
    }
    let body = match &analysis.attributions.sentences[sentence] {
        Some(attribution) => format!("**Attributed**  \n{}", attribution_lines(analysis, attribution)),
        None => {
            let claim = claims::classify(text, span);
            let evidence = claim.evidence.map(|e| format!(" (from {})", quoted(text, e))).unwrap_or_default();
            format!("**No attribution**  \nClaim: {}{evidence}", claim.kind.noun())
        }
    };
    Some((body, span))
}

/// The headline and the paragraphs, as an outline.
#[allow(deprecated)] // `DocumentSymbol::deprecated` must still be set
pub fn document_symbols(analysis: &Analysis, document: &Document) -> Vec<DocumentSymbol> {
    let text = analysis.text;
    let mut body_number = 0;
    analysis
        .article
        .paragraphs
        .iter()
        .map(|paragraph| {
            let words: Vec<&str> = paragraph.span.text(text).split_whitespace().collect();
            let mut name = words.iter().take(SYMBOL_WORDS).copied().collect::<Vec<_>>().join(" ");
            if words.len() > SYMBOL_WORDS {
                name.push('…');
            }
            let (kind, detail) = match paragraph.kind {
                ParagraphKind::Headline => (SymbolKind::NAMESPACE, "headline".to_string()),
                ParagraphKind::Byline => (SymbolKind::PROPERTY, "byline".to_string()),
                ParagraphKind::Boilerplate => (SymbolKind::NULL, "boilerplate".to_string()),
                ParagraphKind::Body => {
                    body_number += 1;
                    (SymbolKind::STRING, format!("paragraph {body_number}"))
                }
            };
            let range = document.range(paragraph.span);
            DocumentSymbol {
                name,
                detail: Some(detail),
                kind,
                tags: None,
                deprecated: None,
                range,
                selection_range: range,
                children: None,
            }
        })
        .collect()
}
