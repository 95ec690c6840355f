use super::{Finding, Severity, declare_rule};
use crate::analysis::Analysis;
use crate::article::QuoteIssueKind;

declare_rule! {
    /// Flags a quotation mark that is never closed, or a closing mark with no quotation open.
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
    pub static UNBALANCED_QUOTE = ("unbalanced-quote", Severity::Warning, check);
}

fn check(analysis: &Analysis, out: &mut Vec<Finding>) {
    for issue in &analysis.article.quote_issues {
        let message = match issue.kind {
            QuoteIssueKind::NeverClosed => {
                "Quotation mark opened here is never closed, and the next paragraph does not reopen it. \
                 Close the quotation where the speaker's words end, or remove this mark."
            }
            QuoteIssueKind::NeverOpened => {
                "Closing quotation mark with no quotation open. Open the quotation where the speaker's words \
                 begin, or remove this mark."
            }
        };
        out.push(Finding {
            rule: &UNBALANCED_QUOTE,
            severity: Severity::Warning,
            span: issue.mark,
            message: message.into(),
            related: Vec::new(),
        });
    }
}
