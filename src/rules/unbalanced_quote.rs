use super::{Edit, Finding, Fix, Severity, declare_rule};
use crate::analysis::Analysis;
use crate::article::QuoteIssueKind;
use crate::language::Language;
use crate::span::Span;

declare_rule! {
    /// Flags a quotation mark that is never closed, a closing mark with no quotation open, a
    /// closing mark typed where a quotation opens (`”We will stay.”`), or a quotation inside a
    /// quotation in the same marks (`“They call it “a hoax” and move on.”`). A quotation inside
    /// one in the other marks («… “…” …», “… ‘…’ …») is balanced.
    ///
    /// **Why.** An unbalanced mark leaves the reader unsure where someone's words end and the
    /// reporter's begin, and it often means a quotation was cut in editing. The newspaper convention
    /// for a quotation running over several paragraphs — each new paragraph reopens the quotation
    /// and only the last one closes it — is balanced and not flagged.
    ///
    /// **Example.**
    ///
    /// ```text
    /// "We will stay, the mayor said.      <- warning: the quotation is never closed
    /// "We will stay," the mayor said.     <- fine
    /// ```
    pub static UNBALANCED_QUOTE = ("unbalanced-quote", Severity::Warning, check, fixes: fixes);
}

/// What is wrong with the mark and what to do, in the article's language.
fn message(kind: QuoteIssueKind, language: Language) -> &'static str {
    match kind {
        QuoteIssueKind::NeverClosed => language.pick(
            "Quotation mark opened here is never closed, and the next paragraph does not reopen it. \
             Close the quotation where the speaker's words end, or remove this mark.",
            "La comilla que se abre aquí nunca se cierra, y el párrafo siguiente no la vuelve a abrir. \
             Cierre la cita donde terminan las palabras del hablante, o quite esta comilla.",
            "As aspas abertas aqui nunca se fecham, e o parágrafo seguinte não as reabre. Feche a citação \
             onde terminam as palavras de quem fala, ou remova estas aspas.",
        ),
        QuoteIssueKind::NeverOpened => language.pick(
            "Closing quotation mark with no quotation open. Open the quotation where the speaker's words \
             begin, or remove this mark.",
            "Comilla de cierre sin ninguna cita abierta. Abra la cita donde empiezan las palabras del \
             hablante, o quite esta comilla.",
            "Aspas de fechamento sem nenhuma citação aberta. Abra a citação onde começam as palavras de \
             quem fala, ou remova estas aspas.",
        ),
        QuoteIssueKind::OpenedWithClosingMark => language.pick(
            "Closing quotation mark (”) where the quotation opens. Type the opening mark (“) here.",
            "Comilla de cierre (”) donde se abre la cita. Escriba aquí la de apertura (“).",
            "Aspas de fechamento (”) onde a citação se abre. Digite aqui as de abertura (“).",
        ),
        QuoteIssueKind::NestedInSameMarks { .. } => language.pick(
            "Quotation inside a quotation in the same marks, so the reader cannot tell which mark closes \
             which. Use single marks inside (‘…’), or guillemets outside («… “…” …»).",
            "Cita dentro de una cita con las mismas comillas: el lector no sabe qué comilla cierra cuál. \
             Use comillas simples dentro (‘…’), o angulares fuera («… “…” …»).",
            "Citação dentro de citação com as mesmas aspas: o leitor não sabe quais aspas fecham quais. \
             Use aspas simples dentro (‘…’), ou angulares fora («… “…” …»).",
        ),
    }
}

fn check(analysis: &Analysis, out: &mut Vec<Finding>) {
    for issue in &analysis.article.quote_issues {
        let message = message(issue.kind, analysis.language);
        out.push(Finding {
            rule: &UNBALANCED_QUOTE,
            severity: Severity::Warning,
            span: issue.mark,
            message: message.into(),
            related: Vec::new(),
        });
    }
}

/// The closing mark that matches an opening one.
fn closing_mark(open: &str) -> &'static str {
    match open {
        "“" => "”",
        "‘" => "’",
        "«" => "»",
        "„" => "“",
        "''" | "``" => "''",
        "'" => "'",
        _ => "\"",
    }
}

/// Turn a closing mark that opens a quotation, or an inner pair in the outer quotation's marks,
/// into the marks meant; otherwise close a quotation at the end of its paragraph, or remove the
/// stray mark.
fn fixes(analysis: &Analysis, mark: Span) -> Vec<Fix> {
    let (text, language) = (analysis.text, analysis.language);
    let Some(issue) = analysis.article.quote_issues.iter().find(|i| i.mark == mark) else { return Vec::new() };
    if let QuoteIssueKind::NestedInSameMarks { closing } = issue.kind {
        return vec![Fix {
            title: language
                .pick(
                    "Use single marks for the inner quotation (‘…’)",
                    "Usar comillas simples en la cita interior (‘…’)",
                    "Usar aspas simples na citação interna (‘…’)",
                )
                .into(),
            edits: vec![
                Edit { span: mark, replacement: "‘".into(), placeholder: None },
                Edit { span: closing, replacement: "’".into(), placeholder: None },
            ],
            preferred: true,
        }];
    }
    if issue.kind == QuoteIssueKind::OpenedWithClosingMark {
        return vec![Fix {
            title: language
                .pick(
                    "Replace with the opening mark (“)",
                    "Sustituir por la comilla de apertura (“)",
                    "Substituir pelas aspas de abertura (“)",
                )
                .into(),
            edits: vec![Edit { span: mark, replacement: "“".into(), placeholder: None }],
            preferred: true,
        }];
    }
    let remove = Fix {
        title: language.pick("Remove this quotation mark", "Quitar esta comilla", "Remover estas aspas").into(),
        edits: vec![Edit { span: mark, replacement: String::new(), placeholder: None }],
        preferred: false,
    };
    let paragraph = analysis.article.paragraphs.iter().find(|p| p.span.contains(mark.start));
    let close = match (issue.kind, paragraph) {
        (QuoteIssueKind::NeverClosed, Some(paragraph)) => {
            let end = paragraph.span.start + paragraph.span.text(text).trim_end().len();
            let closing = closing_mark(mark.text(text));
            Some(Fix {
                title: format!(
                    "{} ({closing})",
                    language.pick(
                        "Close the quotation at the end of the paragraph",
                        "Cerrar la cita al final del párrafo",
                        "Fechar a citação no fim do parágrafo",
                    )
                ),
                edits: vec![Edit { span: Span::new(end, end), replacement: closing.into(), placeholder: None }],
                preferred: false,
            })
        }
        _ => None,
    };
    close.into_iter().chain([remove]).collect()
}
