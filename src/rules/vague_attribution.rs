use super::{Finding, Severity, declare_rule};
use crate::analysis::Analysis;
use crate::attribution::Link;

declare_rule! {
    /// Flags attribution with no identifiable source: "reportedly", "is expected to", "it is
    /// believed", "critics say", "some experts", "many observers".
    ///
    /// **Why.** Vague attribution signals that a claim is someone's without saying whose, so a
    /// reader can neither check it nor weigh the source's interest. Name the source, or say why it
    /// cannot be named.
    ///
    /// **Example.**
    ///
    /// ```text
    /// Critics say the law is flawed.                       <- information: who are the critics?
    /// The opposition leader, Ana Ruiz, said the law is flawed.   <- fine
    /// ```
    pub static VAGUE_ATTRIBUTION = ("vague-attribution", Severity::Information, check);
}

fn check(analysis: &Analysis, out: &mut Vec<Finding>) {
    for attribution in analysis.attributions.sentences.iter().flatten() {
        if attribution.link != Link::InSentence || !attribution.cue.vague {
            continue;
        }
        let cue = attribution.cue;
        let span = cue.source.map_or(cue.span, |source| source.cover(cue.span));
        out.push(Finding {
            rule: &VAGUE_ATTRIBUTION,
            severity: Severity::Information,
            span,
            message: format!(
                "Vague attribution \"{}\": no identifiable source. Name who says so, or say why they cannot be named.",
                span.text(analysis.text)
            ),
            related: Vec::new(),
        });
    }
}
