//! The core's entry point: article text in, structure, attributions and findings out.

use crate::article::{Article, SentenceWords};
use crate::attribution::{self, Attributions};
use crate::entities::{self, ArticleEntities, Glossary, KnownPeople};
use crate::language::{Language, LanguageSetting};
use crate::rules::{self, Finding, Rule, Severity};
use crate::span::Span;

/// What the analysis of one article knows from the rest of the workspace.
#[derive(Clone, Copy)]
pub struct Context<'c> {
    /// The newsroom's glossary (`newsls.toml`).
    pub glossary: &'c Glossary,
    /// People other articles introduce, so a bare "Vladimir Putin" here is the same person.
    pub people: Option<&'c KnownPeople>,
    /// `newsls.toml`'s `language`: fixed, or detected from the article.
    pub language: LanguageSetting,
}

impl Default for Context<'_> {
    fn default() -> Self {
        Context { glossary: Glossary::empty(), people: None, language: LanguageSetting::Auto }
    }
}

/// Everything the core knows about one article's text.
pub struct Analysis<'a> {
    pub text: &'a str,
    pub language: Language,
    pub article: Article,
    /// Each sentence's words, split once for attribution, claims and the rules.
    pub words: SentenceWords<'a>,
    pub attributions: Attributions,
    pub entities: ArticleEntities,
    /// The sentences that have an attribution, in order: where [`Analysis::nearest_attribution`]
    /// looks, rather than back over every sentence of a long paragraph with none.
    attributed: Vec<usize>,
}

impl<'a> Analysis<'a> {
    /// Analyses a text on its own: the knowledge base, no glossary, no other articles.
    pub fn new(text: &'a str) -> Self {
        Analysis::with_context(text, Context::default())
    }

    pub fn with_context(text: &'a str, context: Context) -> Self {
        let language = context.language.resolve(text);
        let mut article = Article::parse(text);
        if language.has_dialogue_dashes() {
            article.add_dialogue_quotations(text);
        }
        let words = SentenceWords::new(text, &article.sentences);
        let attributions = attribution::attribute(text, &article, &words, language);
        let entities = match context.people {
            Some(people) => entities::recognise_article_with(text, &article, context.glossary, people),
            None => entities::recognise_article(text, &article, context.glossary),
        };
        let attributed = (0..attributions.sentences.len()).filter(|&i| attributions.sentences[i].is_some()).collect();
        Analysis { text, language, article, words, attributions, entities, attributed }
    }

    /// Whether a sentence lies mostly inside quotations.
    pub fn is_quoted(&self, sentence: usize) -> bool {
        attribution::is_quoted(&self.article, self.article.sentences[sentence].span)
    }

    /// The closest attribution before an unattributed sentence, in its paragraph or the one
    /// before, and why it does not cover the sentence.
    pub fn nearest_attribution(&self, sentence: usize) -> Option<Uncovered> {
        let sentences = &self.article.sentences;
        let paragraph = sentences[sentence].paragraph;
        let before = self.attributed[..self.attributed.partition_point(|&j| j < sentence)].last().copied()?;
        if sentences[before].paragraph + 1 < paragraph {
            return None;
        }
        let attribution = self.attributions.sentences[before]?;
        let reason = if sentences[before].paragraph != paragraph {
            Reason::OtherParagraph
        } else if before + 1 == sentence {
            Reason::NotContinued
        } else {
            Reason::ChainBroken
        };
        Some(Uncovered { cue: attribution.cue.span, vague: attribution.cue.vague, reason })
    }

    /// Runs the rules, each at the severity `severity_of` gives it (`None`: rule off). Findings
    /// come in text order.
    pub fn findings(&self, severity_of: impl Fn(&Rule) -> Option<Severity>) -> Vec<Finding> {
        let mut out = Vec::new();
        for rule in rules::ALL {
            let Some(severity) = severity_of(rule) else {
                continue;
            };
            let start = out.len();
            (rule.check)(self, &mut out);
            // A configured severity replaces the rule's default; findings the rule itself graded
            // lower (information for plain facts) never rise above it.
            for finding in &mut out[start..] {
                finding.severity =
                    if finding.severity == rule.default_severity { severity } else { finding.severity.max(severity) };
            }
        }
        out.sort_by_key(|f| (f.span.start, f.span.end));
        out
    }
}

/// An attribution near a sentence that does not cover it ([`Analysis::nearest_attribution`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Uncovered {
    pub cue: Span,
    /// The attribution names no source ("critics say").
    pub vague: bool,
    pub reason: Reason,
}

/// Why an attribution does not reach a later sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// Attribution does not carry across paragraphs.
    OtherParagraph,
    /// It is in the sentence just before, which this one does not continue.
    NotContinued,
    /// Sentences in between, unattributed themselves, break the chain of continuation.
    ChainBroken,
}

impl Reason {
    /// Why the attribution does not reach the sentence, in `language`.
    pub fn explanation(self, language: Language) -> &'static str {
        match self {
            Reason::OtherParagraph => language.pick(
                "it is in the paragraph before, and attribution does not carry across paragraphs",
                "está en el párrafo anterior, y la atribución no pasa de un párrafo a otro",
                "está no parágrafo anterior, e a atribuição não passa de um parágrafo para outro",
            ),
            Reason::NotContinued => language.pick(
                "this sentence does not continue it: no closing speech tag (\"..., she said\"), no reported \
                 speech in its tense (\"would\", \"had\"), no pointer back such as \"This\" or \"He\"",
                "esta oración no la continúa: no tiene atribución al final (\"..., dijo\") ni remite a ella \
                 (\"Esto\", \"Él\")",
                "esta frase não a continua: não tem atribuição no fim (\"..., disse\") nem remete a ela \
                 (\"Isso\", \"Ele\")",
            ),
            Reason::ChainBroken => language.pick(
                "a sentence in between is not attributed, and continuation reaches only the sentence right after \
                 an attributed one",
                "una oración intermedia no está atribuida, y la continuación solo alcanza a la oración que sigue \
                 a una atribuida",
                "uma frase no meio não está atribuída, e a continuação só alcança a frase logo depois de uma \
                 atribuída",
            ),
        }
    }
}

/// Every finding of every rule at its default severity.
pub fn check(text: &str) -> Vec<Finding> {
    Analysis::new(text).findings(|rule| Some(rule.default_severity))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nearest(text: &str, sentence_start: &str) -> Option<(String, Reason)> {
        let analysis = Analysis::new(text);
        let offset = text.find(sentence_start).unwrap();
        let sentence = analysis.article.sentence_at(offset).unwrap();
        assert!(analysis.attributions.sentences[sentence].is_none(), "{sentence_start:?} is unattributed");
        analysis.nearest_attribution(sentence).map(|u| (u.cue.text(text).to_string(), u.reason))
    }

    #[test]
    fn the_nearest_attribution_and_why_it_stops() {
        let text = "Mill\n\nAccording to the owner, the mill closed on Monday. Prices will double next year.\n";
        assert_eq!(nearest(text, "Prices"), Some(("According to".into(), Reason::NotContinued)));
        let text = "Mill\n\nThe mill closed on Monday, its owner said.\n\nPrices will double next year.\n";
        assert_eq!(nearest(text, "Prices"), Some(("said".into(), Reason::OtherParagraph)));
        let text = "Mill\n\nAccording to the owner, the mill closed. Wages will fall by half. Prices will double.\n";
        assert_eq!(nearest(text, "Prices"), Some(("According to".into(), Reason::ChainBroken)));
        assert_eq!(nearest("Mill\n\nPrices will double next year.\n", "Prices"), None);
    }
}
