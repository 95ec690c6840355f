//! The automaton: one Aho-Corasick DFA over every knowledge-base name, alias, other-language name,
//! demonym and acronym (a second, small one per glossary). Matching is anchored at word starts,
//! leftmost-longest, ASCII-case-insensitive in the automaton and then checked per character:
//! the text may capitalise what the form writes in lower case ("Of", headlines in capitals) but
//! never the reverse, so acronyms are effectively case-sensitive ("WHO" never matches "Who",
//! "US" never "us") and single-word names never match common nouns ("Turkey" not "turkey").

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};
use rustc_hash::FxHashSet;

use crate::kb::{self, Record};
use crate::span::Span;

/// What a surface form names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Target {
    Kb(Record),
    /// Index into the glossary's entries.
    Glossary(usize),
}

#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    pub target: Target,
    pub form: Box<str>,
    pub acronym: bool,
    /// Recognised only if the article also mentions one of these entity ids (generic names such
    /// as "Customs Union").
    pub context: &'static [&'static str],
}

pub(crate) struct Matcher {
    ac: Option<AhoCorasick>,
    /// Pattern id → the forms that fold to it, best first.
    candidates: Vec<Vec<Candidate>>,
    /// The patterns' first words, so most word starts are ruled out without the automaton.
    first_words: FirstWords,
}

/// A filter on the first words of the forms (their letters and digits up to the first other
/// character), hashed (false positives only). A match's first word is the text's first word
/// there, ASCII case-folded as the automaton matches, and exactly as written when the text has
/// no ASCII capital in it (the text may capitalise a form, never the reverse).
struct FirstWords {
    folded: FxHashSet<u64>,
    /// The first words without ASCII capitals, as written.
    lower_case: FxHashSet<u64>,
    /// A form that starts with another character: words starting so may match.
    unworded: bool,
}

impl FirstWords {
    fn new<'f>(forms: impl IntoIterator<Item = &'f str>) -> FirstWords {
        let mut first_words =
            FirstWords { folded: FxHashSet::default(), lower_case: FxHashSet::default(), unworded: false };
        for form in forms {
            let word = first_word(form).as_bytes();
            first_words.unworded |= word.is_empty();
            first_words.folded.insert(word_hash(word, true));
            if !word.iter().any(u8::is_ascii_uppercase) {
                first_words.lower_case.insert(word_hash(word, false));
            }
        }
        first_words
    }

    /// Whether some form may match where the text's first word is `word`.
    fn may_start(&self, word: &str) -> bool {
        let word = word.as_bytes();
        if word.is_empty() {
            self.unworded
        } else if word.iter().any(u8::is_ascii_uppercase) {
            self.folded.contains(&word_hash(word, true))
        } else {
            self.lower_case.contains(&word_hash(word, false))
        }
    }
}

/// A hash of a word's bytes, ASCII letters in lower case when `fold`.
fn word_hash(word: &[u8], fold: bool) -> u64 {
    word.iter().fold(0, |hash: u64, &b| {
        let b = if fold { b.to_ascii_lowercase() } else { b };
        (hash.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
    })
}

/// The letters and digits `s` starts with.
#[inline]
pub(crate) fn first_word(s: &str) -> &str {
    let bytes = s.as_bytes();
    let mut end = 0;
    while end < bytes.len() {
        if bytes[end] < 0x80 {
            if !bytes[end].is_ascii_alphanumeric() {
                break;
            }
            end += 1;
        } else {
            let c = s[end..].chars().next().expect("a char at a boundary");
            if !is_word_char(c) {
                break;
            }
            end += c.len_utf8();
        }
    }
    &s[..end]
}

/// One accepted match: the span and the forms of its pattern (at least one fits the case).
#[derive(Clone, Debug)]
pub(crate) struct Hit<'m> {
    pub span: Span,
    forms: &'m [Candidate],
}

impl<'m> Hit<'m> {
    /// The candidates whose case fits `text`, best first: those written exactly as in the text,
    /// then the others, each in the matcher's order.
    pub(crate) fn candidates<'a>(&'a self, text: &'a str) -> impl Iterator<Item = &'m Candidate> + 'a {
        let written = self.span.text(text);
        let exact = self.forms.iter().filter(move |c| *c.form == *written);
        let capitalised = self.forms.iter().filter(move |c| *c.form != *written && case_fits(&c.form, written));
        exact.chain(capitalised)
    }
}

/// Generic names recognised only in context: (form, entity id, context entity ids).
const CONTEXTUAL: &[(&str, &str, &[&str])] = &[
    (
        "Customs Union",
        "org:customs-union-bkr",
        &["org:eaeu", "org:common-economic-space", "country:by", "country:kz", "org:eurasec"],
    ),
    ("Eurasian Customs Union", "org:customs-union-bkr", &[]),
];

impl Matcher {
    pub(crate) fn new(forms: impl IntoIterator<Item = Candidate>) -> Matcher {
        let mut index: HashMap<Vec<u8>, usize> = HashMap::new();
        let mut patterns: Vec<Vec<u8>> = Vec::new();
        let mut candidates: Vec<Vec<Candidate>> = Vec::new();
        for candidate in forms {
            let key = candidate.form.as_bytes().to_ascii_lowercase();
            let id = *index.entry(key.clone()).or_insert_with(|| {
                patterns.push(key);
                candidates.push(Vec::new());
                patterns.len() - 1
            });
            let list = &mut candidates[id];
            if !list.iter().any(|c| c.target == candidate.target && c.form == candidate.form) {
                list.push(candidate);
            }
        }
        let first_words = FirstWords::new(candidates.iter().flatten().map(|c| &*c.form));
        let ac = (!patterns.is_empty()).then(|| {
            AhoCorasick::builder()
                // A contiguous NFA builds in a few milliseconds where a DFA over these ~2,600 names
                // takes about 100: the first diagnostics of a session wait for it.
                .kind(Some(AhoCorasickKind::ContiguousNFA))
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Anchored)
                .ascii_case_insensitive(true)
                .build(&patterns)
                .expect("knowledge-base automaton builds")
        });
        Matcher { ac, candidates, first_words }
    }

    /// The longest acceptable match starting exactly at `start`, where the text's first word is
    /// `word`.
    fn at(&self, text: &str, start: usize, word: &str) -> Option<Hit<'_>> {
        let ac = self.ac.as_ref()?;
        if !self.first_words.may_start(word) {
            return None;
        }
        let m = ac.find(Input::new(text).range(start..).anchored(Anchored::Yes))?;
        if !ends_word(text, m.end()) {
            return None;
        }
        let slice = &text[m.start()..m.end()];
        if is_compound_tail(text, m.start()) {
            return None;
        }
        let forms = &self.candidates[m.pattern().as_usize()];
        forms.iter().any(|c| case_fits(&c.form, slice)).then(|| Hit { span: Span::new(m.start(), m.end()), forms })
    }
}

/// The text may write in capitals what the form writes in lower case, never the reverse.
/// (Byte by byte: other characters must be equal, so their bytes are.)
fn case_fits(form: &str, text: &str) -> bool {
    form.len() == text.len()
        && form
            .bytes()
            .zip(text.bytes())
            .all(|(a, b)| a == b || (a.is_ascii_lowercase() && b == a.to_ascii_uppercase()))
}

/// Words that make a following name part of another one: "Latin American" is not "American",
/// "South America" not "America".
const COMPOUND_HEADS: &[&str] = &["Latin", "South", "Central", "North", "Pan", "Ibero", "Anglo", "Afro", "Native"];

fn is_compound_tail(text: &str, start: usize) -> bool {
    let before = &text[..start];
    let Some(before) = before.strip_suffix(' ').or_else(|| before.strip_suffix('-')) else { return false };
    COMPOUND_HEADS.iter().any(|head| {
        before.ends_with(head) && !before[..before.len() - head.len()].chars().next_back().is_some_and(is_word_char)
    })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Whether a word may start at `i`: start of text or a non-word character before it.
#[inline]
pub(crate) fn starts_word(text: &str, i: usize) -> bool {
    let bytes = text.as_bytes();
    if i == 0 {
        return true;
    }
    let prev = bytes[i - 1];
    if prev < 0x80 {
        return !prev.is_ascii_alphanumeric();
    }
    !text[..i].chars().next_back().is_some_and(is_word_char)
}

/// Whether a word may end at `i`: end of text or a non-word character there.
#[inline]
pub(crate) fn ends_word(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        None => true,
        Some(b) if *b < 0x80 => !b.is_ascii_alphanumeric(),
        Some(_) => !text[i..].chars().next().is_some_and(is_word_char),
    }
}

/// Every match of `matchers` (first has priority on equal length) at word starts, left to right,
/// never overlapping.
pub(crate) fn scan<'m>(text: &str, matchers: &[&'m Matcher]) -> Vec<Hit<'m>> {
    let bytes = text.as_bytes();
    let mut hits = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let word_start_byte = b.is_ascii_alphanumeric() || b >= 0xC0;
        let continuation = (0x80..0xC0).contains(&b);
        if continuation {
            i += 1;
            continue;
        }
        if word_start_byte && starts_word(text, i) {
            let word = first_word(&text[i..]);
            let mut best: Option<Hit> = None;
            for matcher in matchers {
                if let Some(hit) = matcher.at(text, i, word)
                    && best.as_ref().is_none_or(|b| hit.span.end > b.span.end)
                {
                    best = Some(hit);
                }
            }
            if let Some(hit) = best {
                i = hit.span.end;
                hits.push(hit);
                continue;
            }
            // No word starts inside the word.
            i += word.len().max(1);
            continue;
        }
        i += 1;
    }
    hits
}

fn kb_candidates() -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut push = |target: Record, form: &str, acronym: bool| {
        let form = form.trim();
        if form.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
            return;
        }
        out.push(Candidate { target: Target::Kb(target), form: form.into(), acronym, context: &[] });
        // "The Canadian Press" is also "Canadian Press".
        let stripped = kb::strip_article(form);
        if stripped.len() < form.len() && stripped.contains(' ') {
            out.push(Candidate { target: Target::Kb(target), form: stripped.into(), acronym, context: &[] });
        }
    };
    // Priority on equal forms: countries, then agencies, then organizations.
    for c in kb::countries() {
        let r = Record::Country(c);
        push(r, &c.name, false);
        for a in &c.aliases {
            push(r, a, kb::is_acronym_like(a));
        }
        for (_, n) in c.names.iter() {
            push(r, n, false);
        }
        for d in [&c.demonyms.en, &c.demonyms.es, &c.demonyms.pt].into_iter().flatten() {
            push(r, d, false);
        }
    }
    for a in kb::agencies() {
        let r = Record::Agency(a);
        push(r, &a.name, kb::is_acronym_like(&a.name));
        for acr in &a.acronyms {
            // Two-letter agency codes (AA, AE, NA, PL, TT, CP) are too ambiguous, AP aside.
            if acr.chars().count() > 2 || acr == "AP" {
                push(r, acr, true);
            }
        }
        for alias in &a.aliases {
            push(r, alias, kb::is_acronym_like(alias));
        }
    }
    for o in kb::organizations() {
        let r = Record::Organization(o);
        push(r, &o.name, false);
        for acr in &o.acronyms {
            push(r, acr, true);
        }
        for alias in &o.aliases {
            push(r, alias, kb::is_acronym_like(alias));
        }
        for (_, n) in o.names.iter() {
            push(r, n, false);
        }
    }
    for (form, id, context) in CONTEXTUAL {
        if let Some(record) = kb::record(id) {
            out.push(Candidate { target: Target::Kb(record), form: (*form).into(), acronym: false, context });
        }
    }
    out
}

/// The knowledge-base automaton, built on first use.
pub(crate) static KB: LazyLock<Matcher> = LazyLock::new(|| Matcher::new(kb_candidates()));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_rule() {
        assert!(case_fits("CELAC", "CELAC"));
        assert!(!case_fits("WHO", "Who"));
        assert!(case_fits("Mercosur", "MERCOSUR"));
        assert!(case_fits("Community of Latin", "Community Of Latin"));
        assert!(!case_fits("Turkey", "turkey"));
    }

    #[test]
    fn word_boundaries_and_possessives() {
        let text = "USA, because the CELAC's and CELAC’s; CELACS no.";
        let hits = scan(text, &[&KB]);
        let found: Vec<&str> = hits.iter().map(|h| h.span.text(text)).collect();
        assert_eq!(found, ["USA", "CELAC", "CELAC"]);
        let text = "Latin American and South American leaders, and an American.";
        let found: Vec<&str> = scan(text, &[&KB]).iter().map(|h| h.span.text(text)).collect();
        assert_eq!(found, ["American"]);
    }
}
