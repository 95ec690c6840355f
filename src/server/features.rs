//! Hover, document symbols, semantic tokens, inlay hints and quick fixes, from the core's
//! analysis of the current text.

use std::collections::HashMap;

use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, Command, Diagnostic, DocumentSymbol, InlayHint, InlayHintLabel, NumberOrString, Range,
    SemanticToken, SemanticTokenType, SymbolKind, TextEdit, Uri, WorkspaceEdit,
};

use crate::analysis::Analysis;
use crate::article::ParagraphKind;
use crate::attribution::{Attribution, Link};
use crate::claims;
use crate::language::Language;
use crate::protocol::Document;
use crate::rules::{self, Finding, Fix, Rule};
use crate::span::Span;
use crate::text::LineIndex;

/// Words of a paragraph shown as its symbol name.
const SYMBOL_WORDS: usize = 8;

fn describe_link(link: Link, language: Language) -> &'static str {
    match link {
        Link::InSentence => language.pick("in this sentence", "en esta oración", "nesta frase"),
        Link::Quotation => language.pick(
            "the quotation's speaker tag",
            "la atribución que acompaña a la cita",
            "a atribuição que acompanha a citação",
        ),
        Link::ColonIntro => language.pick(
            "a colon introduction before it",
            "una introducción con dos puntos antes",
            "uma introdução com dois-pontos antes",
        ),
        Link::Continuation => language.pick(
            "continues the speaker of the sentence before it",
            "sigue al hablante de la oración anterior",
            "continua o falante da frase anterior",
        ),
        Link::SpeakerLabel => language.pick(
            "a transcript speaker label",
            "un nombre de hablante de transcripción",
            "um nome de falante de transcrição",
        ),
    }
}

fn quoted(text: &str, span: Span) -> String {
    format!("“{}”", span.text(text).split_whitespace().collect::<Vec<_>>().join(" "))
}

fn attribution_lines(analysis: &Analysis, attribution: &Attribution) -> String {
    let (text, language) = (analysis.text, analysis.language);
    let speaker = analysis.attributions.named_source(text, attribution).map(|s| s.text(text).trim().to_string());
    let source_label = language.pick("Source", "Fuente", "Fonte");
    let mut out = match speaker {
        Some(name) => format!("{source_label}: **{name}**"),
        None => format!("{source_label}: *{}*", language.pick("not named", "sin nombre", "não identificada")),
    };
    if let Some(source) = attribution.cue.source.filter(|s| Some(s.text(text).trim()) != out.split("**").nth(1)) {
        out.push_str(&format!(" ({} {})", language.pick("as", "como", "como"), quoted(text, source)));
    }
    out.push_str(&format!(
        "  \n{}: {} — {}",
        language.pick("Cue", "Marca", "Marca"),
        quoted(text, attribution.cue.span),
        describe_link(attribution.link, language)
    ));
    if attribution.cue.vague {
        out.push_str(language.pick(
            "  \n*Vague: no identifiable source.*",
            "  \n*Vaga: sin fuente identificable.*",
            "  \n*Vaga: sem fonte identificável.*",
        ));
    }
    out
}

/// Markdown for a hover at `offset`, and the span it describes.
pub fn hover(analysis: &Analysis, offset: usize) -> Option<(String, Span)> {
    let (text, language) = (analysis.text, analysis.language);
    let quotation = language.pick("**Quotation**", "**Cita**", "**Citação**");
    let article = &analysis.article;
    if let Some((index, quote)) = article.quotations.iter().enumerate().find(|(_, q)| q.span.contains(offset)) {
        let body = match &analysis.attributions.quotations[index] {
            Some(attribution) => format!("{quotation}  \n{}", attribution_lines(analysis, attribution)),
            None => format!(
                "{quotation} {}",
                language.pick("with no identifiable speaker", "sin hablante identificable", "sem autor identificável")
            ),
        };
        return Some((body, quote.span));
    }
    let sentence = article.sentence_at(offset)?;
    let span = article.sentences[sentence].span;
    if article.paragraph_of(sentence).kind != ParagraphKind::Body {
        return None;
    }
    // A vague cue that names nobody ("is expected to") leaves the sentence unattributed, as the
    // rule has it: the hover says so instead of calling it attributed.
    let attribution = analysis.attributions.sentences[sentence].as_ref();
    let body = match attribution.filter(|a| a.names_someone()) {
        Some(attribution) => format!(
            "{}  \n{}",
            language.pick("**Attributed**", "**Atribuida**", "**Atribuída**"),
            attribution_lines(analysis, attribution)
        ),
        None => {
            let claim = claims::classify(text, analysis.words.of(sentence));
            let evidence = claim
                .evidence
                .map(|e| format!(" ({} {})", language.pick("from", "por", "por"), quoted(text, e)))
                .unwrap_or_default();
            let mut body = format!(
                "{}  \n{}: {}{evidence}",
                language.pick("**No attribution**", "**Sin atribución**", "**Sem atribuição**"),
                language.pick("Claim", "Afirmación", "Afirmação"),
                claim.kind.noun(language)
            );
            match (attribution, analysis.nearest_attribution(sentence)) {
                (Some(sourceless), _) => body.push_str(&format!(
                    "  \n{}: {}, {}.",
                    language.pick("Vague attribution", "Atribución vaga", "Atribuição vaga"),
                    quoted(text, sourceless.cue.span),
                    language.pick(
                        "which names no source: the claim is still nobody's",
                        "que no nombra ninguna fuente: la afirmación sigue sin fuente",
                        "que não cita nenhuma fonte: a afirmação continua sem fonte",
                    )
                )),
                (None, Some(nearest)) => {
                    let vague = if nearest.vague {
                        language.pick(
                            ", which names no source anyway",
                            ", que de todos modos no nombra ninguna fuente",
                            ", que de todo modo não cita nenhuma fonte",
                        )
                    } else {
                        ""
                    };
                    let because = language.pick(
                        "it does not cover this sentence because",
                        "no abarca esta oración porque",
                        "não abrange esta frase porque",
                    );
                    body.push_str(&format!(
                        "  \n{}: {}{vague}; {because} {}.",
                        language.pick("Nearest attribution", "Atribución más cercana", "Atribuição mais próxima"),
                        quoted(text, nearest.cue),
                        nearest.reason.explanation(language)
                    ));
                }
                (None, None) => body.push_str(language.pick(
                    "  \nNo attribution in this paragraph or the one before.",
                    "  \nNinguna atribución en este párrafo ni en el anterior.",
                    "  \nNenhuma atribuição neste parágrafo nem no anterior.",
                )),
            }
            body
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

/// Semantic token types, in the order of the legend the server announces.
pub const TOKEN_TYPES: &[SemanticTokenType] =
    &[SemanticTokenType::STRING, SemanticTokenType::VARIABLE, SemanticTokenType::KEYWORD, SemanticTokenType::TYPE];
const QUOTATION: u8 = 1;
const SPEAKER: u8 = 2;
const CUE: u8 = 3;
const ENTITY: u8 = 4;

/// Quotations, entity mentions, speakers and attribution cues as semantic tokens. Later layers
/// win where they overlap (an entity named inside a quotation, a person who is the speaker), and
/// tokens never cross a line.
pub fn semantic_tokens(analysis: &Analysis, document: &Document) -> Vec<SemanticToken> {
    let text = analysis.text;
    let mut paint = vec![0u8; text.len()];
    let mut fill = |span: Span, kind: u8| paint[span.start.min(text.len())..span.end.min(text.len())].fill(kind);
    for quote in &analysis.article.quotations {
        fill(quote.span, QUOTATION);
    }
    for mention in &analysis.entities.mentions {
        fill(mention.span, ENTITY);
    }
    let attributions = analysis.attributions.sentences.iter().chain(&analysis.attributions.quotations).flatten();
    for attribution in attributions {
        if let Some(source) = attribution.cue.source {
            fill(source, SPEAKER);
        }
        fill(attribution.cue.span, CUE);
    }
    let mut tokens = Vec::new();
    let (mut last_line, mut last_start) = (0u32, 0u32);
    let mut offset = 0;
    let is_line_break = |i: usize| matches!(text.as_bytes()[i], b'\n' | b'\r');
    while offset < text.len() {
        // A line break inside a painted span ends one token; the next line's starts after it.
        let kind = if is_line_break(offset) { 0 } else { paint[offset] };
        let run_end = (offset..text.len()).find(|&i| paint[i] != kind || is_line_break(i)).unwrap_or(text.len());
        let run_end = if run_end == offset { offset + 1 } else { run_end };
        if kind != 0 && text.is_char_boundary(offset) && text.is_char_boundary(run_end) {
            let start = document.position(offset);
            let end = document.position(run_end);
            let delta_line = start.line - last_line;
            let delta_start = if delta_line == 0 { start.character - last_start } else { start.character };
            tokens.push(SemanticToken {
                delta_line,
                delta_start,
                length: end.character - start.character,
                token_type: u32::from(kind - 1),
                token_modifiers_bitset: 0,
            });
            (last_line, last_start) = (start.line, start.character);
        }
        offset = run_end;
    }
    tokens
}

/// After each closed quotation whose speaker is known, "— Putin".
pub fn inlay_hints(analysis: &Analysis, document: &Document, within: Span) -> Vec<InlayHint> {
    let text = analysis.text;
    analysis
        .article
        .quotations
        .iter()
        .zip(&analysis.attributions.quotations)
        .filter(|(quote, _)| quote.closed && within.contains_span(quote.span))
        .filter_map(|(quote, speaker)| {
            let name = analysis.attributions.named_source(text, speaker.as_ref()?)?;
            Some(InlayHint {
                position: document.position(quote.span.end),
                label: InlayHintLabel::String(format!(
                    "— {}",
                    name.text(text).split_whitespace().collect::<Vec<_>>().join(" ")
                )),
                kind: None,
                text_edits: None,
                tooltip: None,
                padding_left: Some(true),
                padding_right: None,
                data: None,
            })
        })
        .collect()
}

/// The client capability (under `experimental`) that says it runs [`SELECT_PLACEHOLDER_COMMAND`].
pub const SELECT_PLACEHOLDER_CAPABILITY: &str = "selectPlaceholder";
/// Selects a range of a document (`[uri, range]`): run by the client after a fix that leaves a
/// placeholder, so the writer types over it.
pub const SELECT_PLACEHOLDER_COMMAND: &str = "newsls.selectPlaceholder";

/// The rule that made a diagnostic (its `code`), if it is one of ours.
fn rule_of(diagnostic: &Diagnostic) -> Option<&'static Rule> {
    match &diagnostic.code {
        Some(NumberOrString::String(code)) => rules::by_name(code),
        _ => None,
    }
}

/// The quick fixes the rule of `finding` proposes for it; `diagnostic` is the finding's.
pub fn code_actions(
    analysis: &Analysis,
    document: &Document,
    uri: &Uri,
    finding: &Finding,
    diagnostic: &Diagnostic,
    select_placeholder: bool,
) -> Vec<CodeAction> {
    (finding.rule.fixes)(analysis, finding.span)
        .into_iter()
        .map(|fix| {
            let edits = fix
                .edits
                .iter()
                .map(|edit| TextEdit { range: document.range(edit.span), new_text: edit.replacement.clone() })
                .collect();
            let command =
                select_placeholder.then(|| placeholder_after(analysis.text, &fix, document)).flatten().map(|range| {
                    Command {
                        title: "Select the placeholder".into(),
                        command: SELECT_PLACEHOLDER_COMMAND.into(),
                        arguments: Some(vec![serde_json::json!(uri), serde_json::json!(range)]),
                    }
                });
            CodeAction {
                title: fix.title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diagnostic.clone()]),
                edit: Some(WorkspaceEdit {
                    changes: Some(HashMap::from([(uri.clone(), edits)])),
                    ..Default::default()
                }),
                command,
                is_preferred: Some(fix.preferred),
                ..Default::default()
            }
        })
        .collect()
}

/// Records a finding in the workspace's baseline (`[uri, rule, range]`), run by the server.
pub const ACCEPT_COMMAND: &str = "newsls.acceptFinding";

/// Accept a finding so that it is not reported again, in the editor or by `newsls check`: for
/// an unattributed claim, the reporter states it on their own authority.
pub fn accept_action(
    uri: &Uri,
    diagnostic: &Diagnostic,
    baseline_name: &str,
    language: Language,
) -> Option<CodeAction> {
    let rule = rule_of(diagnostic)?;
    let what = if rule.name == "unattributed-claim" {
        language.pick(
            "Accept as the reporter's own",
            "Aceptar como afirmación propia del periodista",
            "Aceitar como afirmação do próprio repórter",
        )
    } else {
        language.pick("Accept this finding", "Aceptar este aviso", "Aceitar este aviso")
    };
    let record_it = language.pick("record it in", "se anota en", "fica registrado em");
    Some(CodeAction {
        title: format!("{what} ({record_it} {baseline_name})"),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic.clone()]),
        command: Some(Command {
            title: what.into(),
            command: ACCEPT_COMMAND.into(),
            arguments: Some(vec![
                serde_json::json!(uri),
                serde_json::json!(rule.name),
                serde_json::json!(diagnostic.range),
            ]),
        }),
        is_preferred: Some(false),
        ..Default::default()
    })
}

/// Where a fix's placeholder lies once the fix is applied.
fn placeholder_after(text: &str, fix: &Fix, document: &Document) -> Option<Range> {
    let (fixed, placeholder) = fix.apply(text);
    let placeholder = placeholder?;
    let lines = LineIndex::new(&fixed);
    let after = Document { text: &fixed, lines: &lines, encoding: document.encoding };
    Some(after.range(placeholder))
}
