//! The rules: each in its own file, with a stable kebab-case name, a default severity, and its
//! documentation (the doc comment on its declaration, which `newsls explain` prints).

mod unattributed_claim;
mod unattributed_quote;
mod unbalanced_quote;
mod undefined_acronym;
mod vague_attribution;

#[cfg(test)]
mod fix_tests;

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::span::Span;

/// LSP's four severities, most severe first; the numbers are LSP's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error = 1,
    Warning = 2,
    Information = 3,
    Hint = 4,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Information => "information",
            Severity::Hint => "hint",
        }
    }
}

/// Another place that helps explain a finding: the quotation a claim belongs to, an earlier attribution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    pub span: Span,
    pub message: String,
}

/// One problem found in an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub rule: &'static Rule,
    pub severity: Severity,
    pub span: Span,
    pub message: String,
    pub related: Vec<Related>,
}

/// One replacement in the article's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
    /// Part of `replacement` (a byte range) the writer has to fill in, such as `[source]`: an editor
    /// that takes snippets selects it after applying the edit.
    pub placeholder: Option<std::ops::Range<usize>>,
}

/// A way to resolve a finding that the editor can apply; newsls itself never edits an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
    /// The fix an editor may apply without asking (there is one obvious remedy).
    pub preferred: bool,
}

impl Fix {
    /// The text with the fix applied (its edits never overlap), and where the placeholder of its
    /// edits ends up in that text.
    pub fn apply(&self, text: &str) -> (String, Option<Span>) {
        let mut edits: Vec<&Edit> = self.edits.iter().collect();
        edits.sort_by_key(|e| e.span.start);
        let mut out = String::with_capacity(text.len() + 64);
        let mut placeholder = None;
        let mut copied = 0;
        for edit in edits {
            let start = edit.span.start.clamp(copied, text.len());
            out.push_str(&text[copied..start]);
            if let Some(range) = &edit.placeholder {
                placeholder = Some(Span::new(out.len() + range.start, out.len() + range.end));
            }
            out.push_str(&edit.replacement);
            copied = edit.span.end.clamp(start, text.len());
        }
        out.push_str(&text[copied..]);
        (out, placeholder)
    }
}

/// A rule's identity, defaults and checker.
#[derive(Debug)]
pub struct Rule {
    /// Stable kebab-case name: the diagnostic `code`; never renamed.
    pub name: &'static str,
    pub default_severity: Severity,
    /// Markdown: what it flags, why, and an example.
    pub documentation: &'static str,
    pub check: fn(&Analysis, &mut Vec<Finding>),
    /// The fixes of the finding at a span, computed only when an editor asks for them.
    pub fixes: fn(&Analysis, Span) -> Vec<Fix>,
}

/// For rules without an automatic fix.
pub fn no_fixes(_: &Analysis, _: Span) -> Vec<Fix> {
    Vec::new()
}

impl PartialEq for Rule {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl Eq for Rule {}

impl Rule {
    /// The documentation as Markdown (doc comments keep a leading space on every line).
    pub fn markdown(&self) -> String {
        let lines: Vec<&str> = self.documentation.lines().map(|l| l.strip_prefix(' ').unwrap_or(l)).collect();
        lines.join("\n").trim().to_string()
    }

    /// The first paragraph of the documentation, on one line.
    pub fn summary(&self) -> String {
        let markdown = self.markdown();
        let first = markdown.split("\n\n").next().unwrap_or("");
        first.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    pub fn url(&self) -> String {
        format!("https://github.com/newsls/newsls/blob/main/docs/rules.md#{}", self.name)
    }
}

/// Declares a rule whose doc comment is its documentation; `fixes` names the function that
/// proposes its fixes, if it has any.
macro_rules! declare_rule {
    ($(#[doc = $doc:literal])+ pub static $id:ident = ($name:literal, $severity:expr, $check:path);) => {
        $crate::rules::declare_rule! {
            $(#[doc = $doc])+ pub static $id = ($name, $severity, $check, fixes: $crate::rules::no_fixes);
        }
    };
    ($(#[doc = $doc:literal])+ pub static $id:ident = ($name:literal, $severity:expr, $check:path, fixes: $fixes:path);) => {
        $(#[doc = $doc])+
        pub static $id: $crate::rules::Rule = $crate::rules::Rule {
            name: $name,
            default_severity: $severity,
            documentation: concat!($($doc, "\n"),+),
            check: $check,
            fixes: $fixes,
        };
    };
}
pub(crate) use declare_rule;

/// Every rule, in the order findings of one place are reported.
pub static ALL: &[&Rule] = &[
    &unattributed_claim::UNATTRIBUTED_CLAIM,
    &unattributed_quote::UNATTRIBUTED_QUOTE,
    &unbalanced_quote::UNBALANCED_QUOTE,
    &vague_attribution::VAGUE_ATTRIBUTION,
    &undefined_acronym::UNDEFINED_ACRONYM,
];

pub fn by_name(name: &str) -> Option<&'static Rule> {
    ALL.iter().copied().find(|r| r.name == name)
}

/// The rules reference (`docs/rules.md`): every rule's name, default severity and documentation.
pub fn reference_markdown() -> String {
    let mut out = String::from(
        "# Rules\n\nGenerated from the rules' source files by `cargo test --test docs` (set `NEWSLS_UPDATE_DOCS=1` to \
         rewrite it). Rule names never change; configure them in `newsls.toml` under `[rules]`.\n\n\
         | rule | default severity | what it flags |\n| --- | --- | --- |\n",
    );
    for rule in ALL {
        out.push_str(&format!(
            "| [`{0}`](#{0}) | {1} | {2} |\n",
            rule.name,
            rule.default_severity.as_str(),
            rule.summary()
        ));
    }
    for rule in ALL {
        out.push_str(&format!(
            "\n## {}\n\nDefault severity: **{}**.\n\n{}\n",
            rule.name,
            rule.default_severity.as_str(),
            rule.markdown()
        ));
    }
    out
}
