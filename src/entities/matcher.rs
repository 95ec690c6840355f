//! The matcher over every knowledge-base name, alias, other-language name, demonym and acronym
//! (a second, small one per glossary). Matching happens at word starts: the text's first word
//! there, hashed ASCII-case-folded, finds the patterns that start with it, and the next word the
//! few of those worth comparing; the longest that ends a word wins. The comparison is
//! ASCII-case-insensitive and then checked per character: the text may capitalise what the form
//! writes in lower case ("Of", headlines in capitals) but never the reverse, so acronyms are
//! effectively case-sensitive ("WHO" never matches "Who", "US" never "us") and single-word names
//! never match common nouns ("Turkey" not "turkey").

use std::collections::HashMap;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::words::{FirstWordIndex, WordStart, ends_word, first_word, folded_hash, is_word_char};
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
    /// Pattern id → the pattern: its forms' bytes, ASCII letters in lower case.
    patterns: Vec<Box<[u8]>>,
    /// Pattern id → the forms that fold to it, best first.
    candidates: Vec<Vec<Candidate>>,
    /// The patterns by their first word (letters and digits up to the first other character),
    /// hashed ASCII-case-folded: a match's first word is the text's first word there, so one
    /// lookup finds the few patterns worth comparing at a word start.
    by_first_word: FirstWordIndex<FirstWordPatterns>,
}

#[derive(Default)]
struct FirstWordPatterns {
    /// Patterns with a second word, by [`second_word_key`]: "United" has dozens ("United
    /// States", "United Nations ..."), the next word picks the few to compare. Longest first.
    by_second_word: FxHashMap<u64, Vec<u32>>,
    /// The others, longest first: one word, perhaps with a full stop.
    one_word: Vec<u32>,
    /// Some form writes this first word without ASCII capitals: only then may a text word
    /// without capitals start a match (the text may capitalise a form, never the reverse).
    lower_case: bool,
}

/// Longest run of characters between a first and a second word that still makes them one key.
const MAX_SEPARATOR_BYTES: usize = 8;

/// The key of a second word: the characters between it and the first word (" " in "United
/// States") and the second word's [`folded_hash`], mixed. Made of the two parts, rather than
/// hashed from the text, so that the text side can take the second word's hash from its word
/// start.
fn second_word_key(separator: &[u8], second_folded: u64) -> u64 {
    folded_hash(separator).rotate_left(32) ^ second_folded
}

/// [`second_word_key`] of a form, from what follows its first word; `None` without a second word
/// close by.
fn form_second_word_key(after_first_word: &str) -> Option<u64> {
    let separator = after_first_word
        .char_indices()
        .take_while(|&(i, _)| i <= MAX_SEPARATOR_BYTES)
        .find_map(|(i, c)| is_word_char(c).then_some(i))?;
    let second = first_word(&after_first_word[separator..]);
    Some(second_word_key(&after_first_word.as_bytes()[..separator], folded_hash(second.as_bytes())))
}

/// [`second_word_key`] in the text after `word`, whose following word starts are `following`:
/// the next word with letters or digits is the second word.
fn text_second_word_key(text: &str, word: &WordStart, following: &[WordStart]) -> Option<u64> {
    let end = word.start + word.len;
    let second = following.iter().take_while(|w| w.start <= end + MAX_SEPARATOR_BYTES).find(|w| w.len > 0)?;
    Some(second_word_key(&text.as_bytes()[end..second.start], second.folded))
}

/// One accepted match: the span and the forms of its pattern (at least one fits the case).
#[derive(Clone, Debug)]
pub(crate) struct Hit<'m> {
    pub span: Span,
    forms: &'m [Candidate],
}

impl<'m> Hit<'m> {
    /// The best candidate whose case fits `text`, and the targets of the others but the best's:
    /// those written exactly as in the text first, then the others, each in the matcher's order.
    pub(crate) fn best_and_alternatives(&self, text: &str) -> (&'m Candidate, Vec<Target>) {
        // Most patterns have one form, and a hit has a form that fits.
        if let [only] = self.forms {
            return (only, Vec::new());
        }
        let written = self.span.text(text);
        let exact = self.forms.iter().filter(|c| *c.form == *written);
        let capitalised = self.forms.iter().filter(|c| *c.form != *written && case_fits(&c.form, written));
        let mut candidates = exact.chain(capitalised);
        let best = candidates.next().expect("a hit has a candidate that fits");
        (best, candidates.map(|c| c.target).filter(|t| *t != best.target).collect())
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
        let mut patterns: Vec<Box<[u8]>> = Vec::new();
        let mut candidates: Vec<Vec<Candidate>> = Vec::new();
        for candidate in forms {
            let key = candidate.form.as_bytes().to_ascii_lowercase();
            let id = *index.entry(key.clone()).or_insert_with(|| {
                patterns.push(key.into());
                candidates.push(Vec::new());
                patterns.len() - 1
            });
            let list = &mut candidates[id];
            if !list.iter().any(|c| c.target == candidate.target && c.form == candidate.form) {
                list.push(candidate);
            }
        }
        let mut by_first_word: FxHashMap<u64, FirstWordPatterns> = FxHashMap::default();
        for (id, forms) in candidates.iter().enumerate() {
            let id = u32::try_from(id).expect("fewer than 2^32 patterns");
            for form in forms {
                let word = first_word(&form.form);
                let entry = by_first_word.entry(folded_hash(word.as_bytes())).or_default();
                entry.lower_case |= !word.bytes().any(|b| b.is_ascii_uppercase());
                let list = match form_second_word_key(&form.form[word.len()..]) {
                    Some(key) => entry.by_second_word.entry(key).or_default(),
                    None => &mut entry.one_word,
                };
                if !list.contains(&id) {
                    list.push(id);
                }
            }
        }
        let longest_first = |ids: &mut Vec<u32>| ids.sort_by_key(|&id| std::cmp::Reverse(patterns[id as usize].len()));
        for entry in by_first_word.values_mut() {
            entry.by_second_word.values_mut().for_each(longest_first);
            longest_first(&mut entry.one_word);
        }
        Matcher { patterns, candidates, by_first_word: FirstWordIndex::new(by_first_word) }
    }

    /// The longest acceptable match starting at `word` (followed by the word starts
    /// `following`): the longest pattern there that ends a word, if some form of it fits the
    /// text's case.
    fn at(&self, text: &str, word: &WordStart, following: &[WordStart]) -> Option<Hit<'_>> {
        let entry = self.by_first_word.get(word.folded)?;
        if !entry.lower_case && !word.has_ascii_upper {
            return None;
        }
        let start = word.start;
        let rest = &text.as_bytes()[start..];
        // The case check belongs to the choice: "Reuters news agency" is not the alias
        // "Reuters News", and then it is "Reuters".
        let fits_here = |&&id: &&u32| {
            let pattern = &self.patterns[id as usize];
            rest.get(..pattern.len()).is_some_and(|written| written.eq_ignore_ascii_case(pattern))
                && ends_word(text, start + pattern.len())
                && text
                    .get(start..start + pattern.len())
                    .is_some_and(|written| self.candidates[id as usize].iter().any(|c| case_fits(&c.form, written)))
        };
        // A pattern with a second word that matches is longer than one without.
        let longer = (!entry.by_second_word.is_empty())
            .then(|| text_second_word_key(text, word, following))
            .flatten()
            .and_then(|key| entry.by_second_word.get(&key))
            .and_then(|ids| ids.iter().find(fits_here));
        let id = *longer.or_else(|| entry.one_word.iter().find(fits_here))? as usize;
        if is_compound_tail(text, start) {
            return None;
        }
        Some(Hit { span: Span::new(start, start + self.patterns[id].len()), forms: &self.candidates[id] })
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
    let word_start = before.char_indices().rev().find(|&(_, c)| !is_word_char(c)).map_or(0, |(i, c)| i + c.len_utf8());
    COMPOUND_HEADS.contains(&&before[word_start..])
}

/// Every match of `matchers` (first has priority on equal length) at `words` of `text`, left to
/// right, never overlapping.
pub(crate) fn scan<'m>(text: &str, words: &[WordStart], matchers: &[&'m Matcher]) -> Vec<Hit<'m>> {
    // Room for a mention every four words, as in a dense wire story, so it seldom regrows.
    let mut hits: Vec<Hit<'m>> = Vec::with_capacity(words.len() / 4);
    for (i, word) in words.iter().enumerate() {
        if hits.last().is_some_and(|hit| word.start < hit.span.end) {
            continue;
        }
        let mut best: Option<Hit> = None;
        for matcher in matchers {
            if let Some(hit) = matcher.at(text, word, &words[i + 1..])
                && best.as_ref().is_none_or(|b| hit.span.end > b.span.end)
            {
                best = Some(hit);
            }
        }
        if let Some(hit) = best {
            hits.push(hit);
        }
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
    use crate::entities::words::word_starts;

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
        let hits = scan(text, &word_starts(text), &[&KB]);
        let found: Vec<&str> = hits.iter().map(|h| h.span.text(text)).collect();
        assert_eq!(found, ["USA", "CELAC", "CELAC"]);
        let text = "Latin American and South American leaders, and an American.";
        let found: Vec<&str> = scan(text, &word_starts(text), &[&KB]).iter().map(|h| h.span.text(text)).collect();
        assert_eq!(found, ["American"]);
    }

    #[test]
    fn a_longer_form_whose_case_does_not_fit_leaves_the_shorter_one() {
        // The knowledge base knows "Reuters News"; "news" in lower case is not it.
        let text = "He told the Reuters news agency, and Reuters News later.";
        let hits = scan(text, &word_starts(text), &[&KB]);
        let found: Vec<&str> = hits.iter().map(|h| h.span.text(text)).collect();
        assert_eq!(found, ["Reuters", "Reuters News"]);
    }
}
