//! The core's entry point: article text in, structure, attributions and findings out.

use crate::article::Article;
use crate::attribution::{self, Attributions};
use crate::entities::{self, ArticleEntities, Glossary, KnownPeople};
use crate::language::{Language, LanguageSetting};
use crate::rules::{self, Finding, Rule, Severity};

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
    pub attributions: Attributions,
    pub entities: ArticleEntities,
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
        let attributions = attribution::attribute(text, &article);
        let entities = match context.people {
            Some(people) => entities::recognise_article_with(text, &article, context.glossary, people),
            None => entities::recognise_article(text, &article, context.glossary),
        };
        Analysis { text, language, article, attributions, entities }
    }

    /// Whether a sentence lies mostly inside quotations.
    pub fn is_quoted(&self, sentence: usize) -> bool {
        attribution::is_quoted(&self.article, self.article.sentences[sentence].span)
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

/// Every finding of every rule at its default severity.
pub fn check(text: &str) -> Vec<Finding> {
    Analysis::new(text).findings(|rule| Some(rule.default_severity))
}
