//! The article model: headline, dateline, byline, paragraphs, sentences and quotations, found from
//! plain text alone. Everything is a [`Span`] into the original text, so positions never drift.

mod paragraphs;
mod quotes;
mod sentences;
mod words;

pub use quotes::{Quotation, QuoteIssue, QuoteIssueKind};
pub use words::{SentenceWords, Word, words};

use crate::span::Span;

/// What a paragraph is, which decides whether rules look at it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParagraphKind {
    Headline,
    Byline,
    /// Credits, links and sign-offs: "Read the rest here.", "(Reporting by ...)".
    Boilerplate,
    Body,
}

#[derive(Clone, Debug)]
pub struct Paragraph {
    pub span: Span,
    pub kind: ParagraphKind,
    /// Indices into [`Article::sentences`].
    pub sentences: std::ops::Range<usize>,
}

#[derive(Clone, Debug)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
}

#[derive(Clone, Debug)]
pub struct Article {
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    /// `MOSCOW, July 11 (Reuters) -` at the start of the first body paragraph, excluded from its sentence.
    pub dateline: Option<Span>,
    /// In order of their starts.
    pub quotations: Vec<Quotation>,
    /// For each quotation, the furthest end of its span and those before it: the quotations that
    /// may meet a span are then one run, found by two binary searches.
    quotation_reach: Vec<usize>,
    pub quote_issues: Vec<QuoteIssue>,
}

/// [`Article::quotation_reach`] of quotations in order of their starts.
fn reach(quotations: &[Quotation]) -> Vec<usize> {
    debug_assert!(quotations.is_sorted_by_key(|q| q.span.start));
    quotations
        .iter()
        .scan(0, |furthest, q| {
            *furthest = q.span.end.max(*furthest);
            Some(*furthest)
        })
        .collect()
}

impl Article {
    pub fn parse(text: &str) -> Article {
        let mut paragraphs = paragraphs::split(text);
        paragraphs::classify(text, &mut paragraphs);
        let dateline =
            paragraphs.iter().find(|p| p.kind == ParagraphKind::Body).and_then(|p| paragraphs::dateline(text, p.span));
        let mut sentences = Vec::new();
        for (index, paragraph) in paragraphs.iter_mut().enumerate() {
            let mut span = paragraph.span;
            if let Some(d) = dateline.filter(|d| span.contains(d.start)) {
                span = Span::new(d.end, span.end).trim(text);
            }
            let first = sentences.len();
            sentences.extend(sentences::split(text, span).into_iter().map(|span| Sentence { span, paragraph: index }));
            paragraph.sentences = first..sentences.len();
        }
        let (quotations, quote_issues) = quotes::find(text, &paragraphs);
        let quotation_reach = reach(&quotations);
        Article { paragraphs, sentences, dateline, quotations, quotation_reach, quote_issues }
    }

    /// Spanish and Portuguese dialogue: a paragraph opened by a dash quotes a speaker, and a dash
    /// after a space opens the narrator's tag (`—Vamos a ganar —dijo el ministro—. Lo haremos.`).
    pub fn add_dialogue_quotations(&mut self, text: &str) {
        quotes::dialogue(text, &self.paragraphs, &mut self.quotations);
        self.quotation_reach = reach(&self.quotations);
    }

    /// The quotations whose spans meet `span`, with their indices, in order: without a walk of
    /// them all, which made a paragraph of many quotations take time in the square of their number.
    pub fn quotations_meeting(&self, span: Span) -> impl Iterator<Item = (usize, &Quotation)> {
        let to = self.quotations.partition_point(|q| q.span.start < span.end);
        let from = self.quotation_reach[..to].partition_point(|&end| end <= span.start);
        (from..to).map(|i| (i, &self.quotations[i])).filter(move |(_, q)| q.span.intersects(span))
    }

    pub fn headline(&self) -> Option<&Paragraph> {
        self.paragraphs.first().filter(|p| p.kind == ParagraphKind::Headline)
    }

    pub fn paragraph_of(&self, sentence: usize) -> &Paragraph {
        &self.paragraphs[self.sentences[sentence].paragraph]
    }

    /// The index of the sentence that contains `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start <= offset).then_some(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence_texts<'a>(text: &'a str, article: &Article) -> Vec<&'a str> {
        article.sentences.iter().map(|s| s.span.text(text)).collect()
    }

    #[test]
    fn headline_dateline_and_sentences() {
        let text = "Mill to close\n\nLIMA, May 3 (Reuters) - Mr. Ruiz said the U.S. firm paid $3.5 million. It closes in Sept. next year.\n\nBy Ana Soto\n";
        let article = Article::parse(text);
        assert_eq!(article.paragraphs[0].kind, ParagraphKind::Headline);
        assert_eq!(article.dateline.unwrap().text(text), "LIMA, May 3 (Reuters) - ");
        assert_eq!(article.paragraphs[2].kind, ParagraphKind::Byline);
        assert_eq!(
            sentence_texts(text, &article),
            [
                "Mill to close",
                "Mr. Ruiz said the U.S. firm paid $3.5 million.",
                "It closes in Sept. next year.",
                "By Ana Soto"
            ]
        );
    }

    #[test]
    fn hard_wrapped_wire_copy_joins_lines_and_splits_on_indent() {
        let text = "GRAIN PRICES RISE\n\n  CHICAGO, March 3 - Grain prices rose on\nWednesday, traders said.\n  Corn gained two cents a\nbushel.\n";
        let article = Article::parse(text);
        let bodies: Vec<_> = article.paragraphs.iter().filter(|p| p.kind == ParagraphKind::Body).collect();
        assert_eq!(bodies.len(), 2);
        assert_eq!(sentence_texts(text, &article)[1], "Grain prices rose on\nWednesday, traders said.");
    }

    #[test]
    fn one_paragraph_per_line_when_lines_are_not_wrapped() {
        let text = "Title\n\nThe first paragraph is a long line that ends with a full stop and is complete as it stands here.\nThe second paragraph sits on the next line.\n";
        let article = Article::parse(text);
        assert_eq!(article.paragraphs.len(), 3);
    }

    #[test]
    fn full_stop_inside_closing_quote_and_ellipsis() {
        let text = "Head\n\nShe said: “We won.” Then she left. They waited … and waited. “Is it over?” he asked.";
        let article = Article::parse(text);
        assert_eq!(
            sentence_texts(text, &article)[1..],
            ["She said: “We won.”", "Then she left.", "They waited … and waited.", "“Is it over?” he asked."]
        );
    }

    #[test]
    fn initials_titles_and_corporate_suffixes() {
        let text = "Head\n\nJohn F. Kennedy met Dr. Smith of Acme Inc. on Tuesday. Acme Inc. The company declined. Sen. Cruz spoke.";
        let article = Article::parse(text);
        assert_eq!(
            sentence_texts(text, &article)[1..],
            [
                "John F. Kennedy met Dr. Smith of Acme Inc. on Tuesday.",
                "Acme Inc.",
                "The company declined.",
                "Sen. Cruz spoke."
            ]
        );
    }
}
