//! The core's entry point: article text in, structure, attributions and findings out.

use crate::article::Article;
use crate::attribution::{self, Attributions};
use crate::rules::{self, Finding, Rule, Severity};

/// Everything the core knows about one article's text.
pub struct Analysis<'a> {
    pub text: &'a str,
    pub article: Article,
    pub attributions: Attributions,
}

impl<'a> Analysis<'a> {
    pub fn new(text: &'a str) -> Self {
        let article = Article::parse(text);
        let attributions = attribution::attribute(text, &article);
        Analysis { text, article, attributions }
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
