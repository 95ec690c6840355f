//! Quotations: straight and curly double quotes, guillemets, curly single quotes used as
//! quotation marks, quotes spanning sentences, and the newspaper convention where a quotation
//! runs on into the next paragraph, which reopens it without the previous one closing.

use std::sync::LazyLock;

use super::Paragraph;
use crate::span::Span;
use crate::text::CharSet;

#[derive(Clone, Debug)]
pub struct Quotation {
    /// From the opening mark to the closing mark inclusive, or to the paragraph's end when the
    /// quotation runs on or is never closed.
    pub span: Span,
    /// The quoted words, without the marks.
    pub content: Span,
    pub paragraph: usize,
    /// The quotation of the previous paragraph that this one continues.
    pub continues: Option<usize>,
    pub closed: bool,
}

impl Quotation {
    pub fn word_count(&self, text: &str) -> usize {
        self.content.text(text).split_whitespace().count()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteIssueKind {
    /// Opened and never closed, and the next paragraph does not reopen it.
    NeverClosed,
    /// A closing mark with no quotation open.
    NeverOpened,
    /// A closing mark typed where the opening one belongs, at the start of the quoted words: `”We`.
    /// It is read as opening the quotation.
    OpenedWithClosingMark,
    /// A quotation inside a quotation in the same double marks: `“… what he calls “hell” …”`. The
    /// issue's mark is the inner opening one; `closing` is the inner closing one.
    NestedInSameMarks { closing: Span },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuoteIssue {
    /// The offending mark.
    pub mark: Span,
    pub kind: QuoteIssueKind,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    /// A straight `"` or `''`: direction from context.
    Either,
}

/// A double quotation mark in a paragraph: its byte range there, its kind, and the characters
/// around it.
struct MarkAt {
    start: usize,
    end: usize,
    mark: Mark,
    before: Option<char>,
    after: Option<char>,
}

static MARK_CHARS: LazyLock<CharSet> = LazyLock::new(|| CharSet::new(&['“', '«', '„', '”', '»', '"', '\'', '`']));

/// The double quotation marks of `s`: curly, straight, guillemets, and the typewriter pairs `''`
/// and ``` `` ``` of some archives.
fn marks(s: &str) -> Vec<MarkAt> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some((i, c)) = MARK_CHARS.find(s, from) {
        let width = c.len_utf8();
        let pair = matches!(c, '\'' | '`') && s[i + width..].starts_with(c);
        let mark = match c {
            '“' | '«' | '„' => Some(Mark::Open),
            '”' | '»' => Some(Mark::Close),
            '"' => Some(Mark::Either),
            '\'' if pair => Some(Mark::Either),
            '`' if pair => Some(Mark::Open),
            _ => None,
        };
        let end = if pair { i + 2 * width } else { i + width };
        if let Some(mark) = mark {
            out.push(MarkAt {
                start: i,
                end,
                mark,
                before: s[..i].chars().next_back(),
                after: s[end..].chars().next(),
            });
        }
        from = end;
    }
    out
}

/// The closing mark of a quotation opened with `open`: » for «, ” for “ and „.
fn closing_of(open: &str) -> &'static str {
    match open {
        "«" => "»",
        "“" | "„" | "”" => "”",
        _ => "\"",
    }
}

/// A mark that follows a word and precedes a space or punctuation reads as a closing mark.
fn looks_closing(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_some_and(|p| !p.is_whitespace() && !matches!(p, '(' | '[' | '—' | '–' | '-'))
        && next.is_none_or(|n| n.is_whitespace() || n.is_ascii_punctuation() || matches!(n, '—' | '–' | '…'))
}

/// A mark after a space and before a word reads as an opening mark.
fn looks_opening(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–'))
        && next.is_some_and(|n| n.is_alphanumeric() || matches!(n, '‘' | '\'' | '…'))
}

/// The commonest verbs of a speech tag, in English, Spanish and Portuguese. The full cue lexicon
/// is the attribution module's, which reads the quotations found here.
#[rustfmt::skip]
const TAG_VERBS: &[&str] = &[
    "said", "says", "told", "added", "asked", "explained", "insisted", "warned", "dijo", "afirmó", "señaló",
    "agregó", "añadió", "explicó", "disse", "afirmou", "acrescentou", "explicou",
];

/// Whether quoted words before a new opening mark end a paragraph of a quotation that runs on:
/// they end with a sentence's final stop and a space, and not with a speech tag the writer forgot
/// to close the quotation before (`"We are done, she said. "Now we rest."`).
fn runs_on(quoted: &str) -> bool {
    const MAX_TAG_WORDS: usize = 8;
    let trimmed = quoted.trim_end();
    let body = trimmed.trim_end_matches(['.', '?', '!', '…']);
    let last_clause = body.rsplit_once([',', '.', '?', '!']).map_or(body, |(_, after)| after);
    let words: Vec<&str> = last_clause.split_whitespace().collect();
    let tagged = words.len() <= MAX_TAG_WORDS
        && words.iter().any(|w| TAG_VERBS.contains(&w.to_lowercase().trim_matches(|c: char| !c.is_alphabetic())));
    trimmed.len() < quoted.len() && trimmed.ends_with(['.', '?', '!', '…']) && !tagged
}

fn opens_paragraph(text: &str, paragraph: &Paragraph) -> bool {
    let s = paragraph.span.text(text);
    s.starts_with(['“', '"', '«', '„']) || s.starts_with("''") || s.starts_with("``")
}

pub(super) fn find(text: &str, paragraphs: &[Paragraph]) -> (Vec<Quotation>, Vec<QuoteIssue>) {
    let mut quotes: Vec<Quotation> = Vec::new();
    let mut issues = Vec::new();
    let mut running_on: Option<usize> = None;
    for (index, paragraph) in paragraphs.iter().enumerate() {
        let base = paragraph.span.start;
        let mut open: Option<Span> = None;
        // A quotation inside the open one, in the other kind of marks: “…” inside «…», as Spanish
        // and Portuguese nest them. It is part of the outer quotation's words.
        let mut inner: Option<Span> = None;
        let mut continues = running_on.take();
        let found = marks(paragraph.span.text(text));
        let mut k = 0;
        while let Some(m) = found.get(k) {
            k += 1;
            let here = Span::new(base + m.start, base + m.end);
            if open.is_none() && here.text(text) == "”" && looks_opening(m.before, m.after) {
                issues.push(QuoteIssue { mark: here, kind: QuoteIssueKind::OpenedWithClosingMark });
                open = Some(here);
                continue;
            }
            // Its own closing mark closes the inner quotation; any other closes the outer one too.
            if let Some(i) = inner.take()
                && m.mark == Mark::Close
                && here.text(text) == closing_of(i.text(text))
            {
                continue;
            }
            if let Some(o) = open
                && m.mark == Mark::Open
                && !looks_closing(m.before, m.after)
            {
                if closing_of(o.text(text)) != closing_of(here.text(text)) {
                    inner = Some(here);
                    continue;
                }
                // The same marks inside, when the next two marks close both quotations.
                let closes = |j: usize| found.get(j).is_some_and(|c| c.mark == Mark::Close);
                if closes(k) && closes(k + 1) {
                    let c = &found[k];
                    let closing = Span::new(base + c.start, base + c.end);
                    issues.push(QuoteIssue { mark: here, kind: QuoteIssueKind::NestedInSameMarks { closing } });
                    k += 1;
                    continue;
                }
            }
            let closing = match m.mark {
                Mark::Close => true,
                // A “ typed where ” belongs still closes.
                Mark::Open => open.is_some() && looks_closing(m.before, m.after),
                // A straight mark closes an open quotation, unless it plainly opens a new one.
                Mark::Either => match open {
                    Some(_) => !looks_opening(m.before, m.after) || looks_closing(m.before, m.after),
                    None => looks_closing(m.before, m.after),
                },
            };
            match (closing, open) {
                (true, Some(o)) => {
                    quotes.push(Quotation {
                        span: o.cover(here),
                        content: Span::new(o.end, here.start),
                        paragraph: index,
                        continues: continues.take(),
                        closed: true,
                    });
                    open = None;
                }
                (true, None) => issues.push(QuoteIssue { mark: here, kind: QuoteIssueKind::NeverOpened }),
                // A quotation reopened after the end of a sentence: the convention for a quotation
                // running on into the next paragraph, in copy whose paragraph breaks were lost
                // (`said: "We will stay. "We have work to do."`).
                (false, Some(o)) if runs_on(&text[o.end..here.start]) => {
                    let end = o.end + text[o.end..here.start].trim_end().len();
                    quotes.push(Quotation {
                        span: Span::new(o.start, end),
                        content: Span::new(o.end, end),
                        paragraph: index,
                        continues: continues.take(),
                        closed: false,
                    });
                    continues = Some(quotes.len() - 1);
                    open = Some(here);
                }
                (false, Some(o)) => {
                    issues.push(QuoteIssue { mark: o, kind: QuoteIssueKind::NeverClosed });
                    open = Some(here);
                }
                (false, None) => open = Some(here),
            }
        }
        if let Some(o) = open {
            let runs_on = paragraphs.get(index + 1).is_some_and(|next| opens_paragraph(text, next));
            quotes.push(Quotation {
                span: Span::new(o.start, paragraph.span.end),
                content: Span::new(o.end, paragraph.span.end),
                paragraph: index,
                continues,
                closed: false,
            });
            if runs_on {
                running_on = Some(quotes.len() - 1);
            } else {
                issues.push(QuoteIssue { mark: o, kind: QuoteIssueKind::NeverClosed });
            }
        }
    }
    single_quotes(text, paragraphs, &mut quotes);
    (quotes, issues)
}

/// British-style quotations in curly single quotes, outside any double-quoted quotation. `’` is
/// also the apostrophe, so only a `‘` after a space opens one, and an unmatched one is not an issue.
fn single_quotes(text: &str, paragraphs: &[Paragraph], quotes: &mut Vec<Quotation>) {
    let doubles: Vec<Span> = quotes.iter().map(|q| q.span).collect();
    for (index, paragraph) in paragraphs.iter().enumerate() {
        let s = paragraph.span.text(text);
        let base = paragraph.span.start;
        // Where a ’ may close one: not an apostrophe inside a word ("don’t"). Found once, not
        // searched for after every ‘, which took the square of a paragraph's length with none.
        let closers: Vec<usize> = s
            .match_indices('’')
            .map(|(j, _)| j)
            .filter(|&j| s[j + '’'.len_utf8()..].chars().next().is_none_or(|n| !n.is_alphanumeric()))
            .collect();
        let mut search = 0;
        while let Some(rel) = s[search..].find('‘') {
            let o = search + rel;
            search = o + '‘'.len_utf8();
            let at = base + o;
            let after_space =
                s[..o].chars().next_back().is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '—' | '–'));
            // The double quotations are in order and disjoint: only the last to start before
            // `at` may hold it.
            let in_double =
                doubles[..doubles.partition_point(|d| d.start <= at)].last().is_some_and(|d| d.contains(at));
            if !after_space || in_double {
                continue;
            }
            if let Some(&end) = closers.get(closers.partition_point(|&j| j < search)) {
                quotes.push(Quotation {
                    span: Span::new(at, base + end + '’'.len_utf8()),
                    content: Span::new(at + '‘'.len_utf8(), base + end),
                    paragraph: index,
                    continues: None,
                    closed: true,
                });
                search = end + '’'.len_utf8();
            }
        }
    }
    quotes.sort_by_key(|q| q.span.start);
}

const DASHES: [char; 2] = ['—', '–'];
/// Both dashes take three bytes in UTF-8.
const DASH_BYTES: usize = 3;

/// Spanish and Portuguese dialogue, where a dash opening a paragraph opens a quotation, a dash
/// after a space opens the narrator's tag, and the next dash closes the tag: the words after it
/// are quoted again. `—Vamos a ganar —dijo el ministro—. Lo haremos pronto.` quotes "Vamos a
/// ganar" and "Lo haremos pronto."
pub(super) fn dialogue(text: &str, paragraphs: &[Paragraph], quotes: &mut Vec<Quotation>) {
    for (index, paragraph) in paragraphs.iter().enumerate() {
        let s = paragraph.span.text(text);
        let base = paragraph.span.start;
        if !s.starts_with(DASHES) {
            continue;
        }
        let mut mark = 0;
        let mut start = DASH_BYTES;
        while start < s.len() {
            // The tag opens at a dash after a space; "sin-techo" or "2015–2016" are not tags.
            let tag = s[start..].match_indices(DASHES).map(|(i, _)| start + i).find(|&i| s[..i].ends_with(' '));
            let end = tag.map_or(s.len(), |i| s[..i].trim_end().len());
            if end > start {
                let content = Span::new(base + start, base + end);
                quotes.push(Quotation {
                    span: Span::new(base + mark, content.end),
                    content,
                    paragraph: index,
                    continues: None,
                    closed: true,
                });
            }
            let Some(tag) = tag else { break };
            let Some(close) = s[tag + DASH_BYTES..].find(DASHES).map(|i| tag + DASH_BYTES + i) else { break };
            mark = close;
            let rest = &s[close + DASH_BYTES..];
            start = s.len() - rest.trim_start_matches(['.', ',', ';', ' ']).len();
        }
    }
    quotes.sort_by_key(|q| q.span.start);
}

#[cfg(test)]
mod tests {
    use crate::article::Article;

    use super::*;

    #[test]
    fn multi_paragraph_convention_is_balanced() {
        let text = "Head\n\n“We will stay,” she said. “We have work to do.\n\n“And we will finish it.”\n";
        let article = Article::parse(text);
        assert!(article.quote_issues.is_empty(), "{:?}", article.quote_issues);
        assert_eq!(article.quotations.len(), 3);
        assert_eq!(article.quotations[2].continues, Some(1));
    }

    #[test]
    fn quotations_nest_in_the_other_marks_and_are_reported_in_the_same_ones() {
        let text = "Head\n\n«El ministro dijo “no vamos a pagar” y se fue», contó Ruiz.\n\n\
                    He said: “They call it “a hoax” and move on.”\n";
        let article = Article::parse(text);
        let quoted: Vec<&str> = article.quotations.iter().map(|q| q.content.text(text)).collect();
        assert_eq!(quoted, ["El ministro dijo “no vamos a pagar” y se fue", "They call it “a hoax” and move on."]);
        let issues: Vec<_> = article.quote_issues.iter().map(|i| (i.kind, i.mark.start)).collect();
        let closing = text.find("” and").unwrap();
        assert_eq!(
            issues,
            [(
                QuoteIssueKind::NestedInSameMarks { closing: Span::new(closing, closing + "”".len()) },
                text.find("“a hoax").unwrap()
            )]
        );
    }

    #[test]
    fn a_quotation_reopened_after_a_full_stop_runs_on() {
        let text = "Head\n\nRuiz said: \"We will stay. \"We have work to do.\" Then she left, \"for now.\n";
        let article = Article::parse(text);
        let quoted: Vec<(&str, Option<usize>)> =
            article.quotations.iter().map(|q| (q.content.text(text), q.continues)).collect();
        assert_eq!(quoted, [("We will stay.", None), ("We have work to do.", Some(0)), ("for now.", None)]);
        let issues: Vec<_> = article.quote_issues.iter().map(|i| (i.kind, i.mark.start)).collect();
        assert_eq!(issues, [(QuoteIssueKind::NeverClosed, text.find("\"for").unwrap())]);
    }

    #[test]
    fn unclosed_and_unopened_marks() {
        let text = "Head\n\n“We will stay, she said.\n\nThe plan failed.” Officials left.\n";
        let article = Article::parse(text);
        let kinds: Vec<_> = article.quote_issues.iter().map(|i| i.kind).collect();
        assert_eq!(kinds, [QuoteIssueKind::NeverClosed, QuoteIssueKind::NeverOpened]);
    }

    #[test]
    fn a_closing_mark_before_the_first_quoted_word_opens_the_quotation() {
        let text = "Head\n\n”We will stay.” She left. He said.” Then\n";
        let article = Article::parse(text);
        let quoted: Vec<&str> = article.quotations.iter().map(|q| q.content.text(text)).collect();
        assert_eq!(quoted, ["We will stay."]);
        let issues: Vec<_> = article.quote_issues.iter().map(|i| (i.kind, i.mark.start)).collect();
        assert_eq!(
            issues,
            [
                (QuoteIssueKind::OpenedWithClosingMark, text.find("”We").unwrap()),
                (QuoteIssueKind::NeverOpened, text.find("” Then").unwrap())
            ]
        );
    }

    #[test]
    fn typewriter_pairs_and_a_straight_quote_reopened_before_closing() {
        let text = "Head\n\n''We will win,'' he said.\n\n\"We are done, she said. \"Now we rest.\"\n";
        let article = Article::parse(text);
        let quoted: Vec<&str> = article.quotations.iter().map(|q| q.content.text(text)).collect();
        assert_eq!(quoted, ["We will win,", "Now we rest."]);
        let issue = article.quote_issues[0];
        assert_eq!((issue.kind, issue.mark.start), (QuoteIssueKind::NeverClosed, text.find("\"We").unwrap()));
    }

    #[test]
    fn spanish_dialogue_dashes_quote_around_the_narrators_tag() {
        let text = "Titular\n\n—Vamos a ganar —dijo el ministro—. Lo haremos pronto.\n\nEl plan 2015–2016 sigue.\n";
        let mut article = Article::parse(text);
        article.add_dialogue_quotations(text);
        let quoted: Vec<&str> = article.quotations.iter().map(|q| q.content.text(text)).collect();
        assert_eq!(quoted, ["Vamos a ganar", "Lo haremos pronto."]);
    }

    #[test]
    fn straight_quotes_and_single_quotes() {
        let text = "Head\n\nHe called it \"a disgrace\" and left. She said ‘it’s over’ today.\n";
        let article = Article::parse(text);
        let quoted: Vec<&str> = article.quotations.iter().map(|q| q.content.text(text)).collect();
        assert_eq!(quoted, ["a disgrace", "it’s over"]);
        assert!(article.quote_issues.is_empty());
    }
}
