//! Paragraphs: blank-line separated blocks, or indented first lines in hard-wrapped wire copy.

use super::{Paragraph, ParagraphKind};
use crate::span::Span;
use crate::text::line_breaks;

/// Lines of hard-wrapped wire copy are at most this many characters wide.
const MAX_WRAPPED_WIDTH: usize = 100;

struct Line {
    span: Span,
    indented: bool,
    blank: bool,
}

fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut push = |start: usize, end: usize| {
        let slice = &text[start..end];
        out.push(Line {
            span: Span::new(start, end),
            indented: slice.starts_with([' ', '\t', '\u{3000}', '\u{a0}']),
            blank: slice.trim().is_empty(),
        });
    };
    for line_break in line_breaks(text) {
        push(start, line_break.start);
        start = line_break.end;
    }
    if start < text.len() {
        push(start, text.len());
    }
    out
}

/// A block of lines is hard-wrapped when its lines are narrow and some line breaks mid-sentence.
fn is_hard_wrapped(text: &str, block: &[Line]) -> bool {
    let body = &block[..block.len() - 1];
    body.iter().all(|l| l.span.text(text).chars().count() <= MAX_WRAPPED_WIDTH)
        && body.iter().any(|l| {
            let t = l.span.text(text).trim_end();
            !t.ends_with(['.', '!', '?', '"', '”', '’', ':', '»'])
        })
}

pub(super) fn split(text: &str) -> Vec<Paragraph> {
    let lines = lines(text);
    let mut out = Vec::new();
    let mut push = |span: Span| {
        let span = span.trim(text);
        if !span.is_empty() {
            out.push(Paragraph { span, kind: ParagraphKind::Body, sentences: 0..0 });
        }
    };
    for block in lines.split(|l| l.blank).filter(|b| !b.is_empty()) {
        if block.len() == 1 {
            push(block[0].span);
        } else if is_hard_wrapped(text, block) {
            let mut start = block[0].span.start;
            for pair in block.windows(2) {
                if pair[1].indented && !pair[0].indented {
                    push(Span::new(start, pair[0].span.end));
                    start = pair[1].span.start;
                }
            }
            push(Span::new(start, block[block.len() - 1].span.end));
        } else {
            block.iter().for_each(|l| push(l.span));
        }
    }
    out
}

const HEADLINE_MAX_WORDS: usize = 25;
const BYLINE_MAX_WORDS: usize = 12;
const BOILERPLATE_MAX_WORDS: usize = 25;

/// Paragraph openings that mark credits, links and sign-offs rather than reporting.
#[rustfmt::skip]
const BOILERPLATE_OPENINGS: &[&str] = &[
    "read the rest", "read more", "click here", "related:", "related coverage", "(reporting by", "reporting by",
    "(editing by", "editing by", "(writing by", "writing by", "additional reporting", "(additional reporting",
    "copyright", "all rights reserved", "sign up", "subscribe", "follow us", "follow him", "follow her",
    "advertisement", "this story has been", "this article was", "more from", "watch:", "listen:", "photo:",
    "image:", "video:", "(c)", "©",
];

fn is_boilerplate(paragraph: &str) -> bool {
    let opening = paragraph.as_bytes();
    BOILERPLATE_OPENINGS
        .iter()
        .any(|o| opening.get(..o.len()).is_some_and(|head| head.eq_ignore_ascii_case(o.as_bytes())))
}

pub(super) fn classify(text: &str, paragraphs: &mut [Paragraph]) {
    let many = paragraphs.len() > 1;
    for (i, p) in paragraphs.iter_mut().enumerate() {
        let t = p.span.text(text);
        // Only counts up to the largest limit matter, and body paragraphs run long; counted only
        // for a paragraph placed or opening like one of the short kinds, not for every paragraph.
        let word_count = || t.split_whitespace().take(HEADLINE_MAX_WORDS.max(BOILERPLATE_MAX_WORDS) + 1).count();
        p.kind = if i == 0 && many && word_count() <= HEADLINE_MAX_WORDS {
            ParagraphKind::Headline
        } else if (t.starts_with("By ") || t.starts_with("BY ") || t.starts_with("Por "))
            && word_count() <= BYLINE_MAX_WORDS
        {
            ParagraphKind::Byline
        } else if is_boilerplate(t) && word_count() <= BOILERPLATE_MAX_WORDS {
            ParagraphKind::Boilerplate
        } else {
            ParagraphKind::Body
        };
    }
}

/// A wire dateline at the start of a paragraph: `MOSCOW, July 11 (Reuters) - `, `WASHINGTON (AP) — `,
/// `NEW YORK, March 3 - `. Returns its span including the dash and the space after it.
pub(super) fn dateline(text: &str, paragraph: Span) -> Option<Span> {
    const MAX_DATELINE_BYTES: usize = 120;
    let t = paragraph.text(text);
    let mut limit = t.len().min(MAX_DATELINE_BYTES);
    while !t.is_char_boundary(limit) {
        limit -= 1;
    }
    let head = &t[..limit];
    // The first space that a dash and a space follow, found in one pass over the head rather
    // than one search for each dash.
    let (at, dash_len) = head.match_indices(' ').find_map(|(i, _)| {
        let after = &head[i + 1..];
        ["- ", "-- ", "— ", "– "].iter().find(|d| after.starts_with(**d)).map(|d| (i, d.len() + 1))
    })?;
    let place = &head[..at];
    let city_end = place.find([',', '(']).unwrap_or(place.len());
    let city = place[..city_end].trim();
    let city_is_caps = city.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && city.chars().all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '-' | '’'));
    // After the city: a region, a date, an agency in brackets; never a whole clause.
    let rest = &place[city_end..];
    let rest_is_short = rest.split_whitespace().count() <= 6 && !rest.contains(';');
    if !(city_is_caps && rest_is_short) {
        return None;
    }
    let end = at + dash_len;
    let end = end + (t[end..].len() - t[end..].trim_start().len());
    Some(Span::new(paragraph.start, paragraph.start + end))
}
