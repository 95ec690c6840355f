//! Attribution cues inside one sentence, with their sources.

use super::lexicon::{
    BE_FORMS, COMPLEMENT_OPENERS, CUE_NOUNS, NON_REPORTING_BEFORE, POSSESSIVES, SUBJECT_PRONOUNS, VAGUE_ADVERBS,
    VAGUE_PARTICIPLES, VAGUE_QUANTIFIERS, VAGUE_SOURCES, VERB_FORMS, VERB_PRELUDE, VerbClass,
};
use crate::article::{Word, words};
use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueKind {
    /// A reporting verb: "said", "told", "believes", "the report found".
    Verb(VerbClass),
    /// "according to", "según", "de acordo com".
    According,
    /// "in a statement", "in his opinion".
    NounPhrase,
    /// A transcript label: "WALLACE:".
    SpeakerLabel,
    /// "reportedly", "allegedly".
    HedgeAdverb,
    /// "is expected to", "it is believed".
    Passive,
}

/// Words that attribute, and the words naming who they attribute to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cue {
    pub span: Span,
    pub source: Option<Span>,
    pub kind: CueKind,
    /// No identifiable source: "critics say", "reportedly", "is expected to".
    pub vague: bool,
}

/// Words that end a subject noun phrase when reading leftwards from its verb.
const LEFT_NP_GLUE: &[&str] = &[
    "the", "a", "an", "of", "and", "for", "de", "del", "la", "el", "da", "do", "dos", "das", "former", "top", "senior",
    "chief", "deputy", "general", "vice", "acting", "then", "his", "her", "their", "its", "our",
];
const DETERMINERS: &[&str] =
    &["the", "a", "an", "his", "her", "their", "its", "our", "this", "that", "el", "la", "o", "a"];
/// Words that end a source noun phrase read rightwards: "said Putin in an interview".
const RIGHT_NP_STOP: &[&str] = &[
    "in", "on", "at", "during", "after", "before", "for", "with", "about", "who", "which", "that", "when", "while",
    "to", "told", "said", "says", "as", "because", "but", "and", "en", "em", "que", "durante", "ante",
];
const MAX_NP_WORDS: usize = 7;
/// Iberian prepositional cues followed by their source: "según", "segundo".
const SEGUN: &[&str] = &["según", "segun"];
const ARTICLES_BEFORE_SEGUNDO: &[&str] = &[
    "o", "a", "os", "as", "um", "uma", "el", "la", "lo", "del", "al", "de", "do", "da", "no", "na", "em", "pelo",
    "pela",
];

struct Sentence<'a> {
    text: &'a str,
    span: Span,
    words: Vec<Word>,
}

impl Sentence<'_> {
    /// Only white space between words `a` and `b` (a < b).
    fn clean_gap(&self, a: usize, b: usize) -> bool {
        self.text[self.words[a].span.end..self.words[b].span.start].chars().all(char::is_whitespace)
    }

    fn word(&self, i: usize) -> Option<&Word> {
        self.words.get(i)
    }

    fn lower(&self, i: usize) -> &str {
        self.words.get(i).map_or("", |w| w.lower.as_str())
    }

    fn is_sentence_initial(&self, i: usize) -> bool {
        self.text[self.span.start..self.words[i].span.start].chars().all(|c| !c.is_alphanumeric())
    }

    /// The next non-space character after word `i`, or `None` at the sentence's end.
    fn char_after(&self, i: usize) -> Option<char> {
        self.text[self.words[i].span.end..self.span.end].chars().find(|c| !c.is_whitespace())
    }

    fn char_before(&self, i: usize) -> Option<char> {
        self.text[self.span.start..self.words[i].span.start].chars().rev().find(|c| !c.is_whitespace())
    }

    fn span_of(&self, first: usize, last: usize) -> Span {
        Span::new(self.words[first].span.start, self.words[last].span.end)
    }

    /// The subject of the verb at `verb`, read leftwards: "President Vladimir Putin", "a company spokesman".
    fn subject(&self, verb: usize) -> Option<Span> {
        let mut j = verb.checked_sub(1)?;
        while VERB_PRELUDE.contains(&self.lower(j)) && self.clean_gap(j, j + 1) {
            j = j.checked_sub(1)?;
        }
        if !self.clean_gap(j, j + 1)
            || NON_REPORTING_BEFORE.contains(&self.lower(j))
            || BE_FORMS.contains(&self.lower(j))
        {
            return None;
        }
        let head = &self.words[j];
        let mut k = j;
        let head_is_name = head.capitalized;
        while k > 0 && j - k < MAX_NP_WORDS && self.clean_gap(k - 1, k) {
            let prev = &self.words[k - 1];
            let extends = if head_is_name {
                prev.capitalized || LEFT_NP_GLUE.contains(&prev.lower.as_str())
            } else {
                !SUBJECT_PRONOUNS.contains(&head.lower.as_str())
                    && !DETERMINERS.contains(&self.lower(k))
                    && !VERB_FORMS.contains_key(&prev.lower)
                    && !matches!(
                        prev.lower.as_str(),
                        "that"
                            | "which"
                            | "who"
                            | "because"
                            | "but"
                            | "while"
                            | "when"
                            | "if"
                            | "as"
                            | "and"
                            | "or"
                            | "than"
                            | "so"
                    )
            };
            if !extends {
                break;
            }
            k -= 1;
        }
        Some(self.span_of(k, j))
    }

    /// A noun phrase read rightwards from `start`: the source of "said Putin", "according to the report".
    fn object(&self, start: usize) -> Option<Span> {
        let mut end = None;
        let mut i = start;
        while i < self.words.len() && i - start < MAX_NP_WORDS {
            if (i > start && !self.clean_gap(i - 1, i)) || (i > start && RIGHT_NP_STOP.contains(&self.lower(i))) {
                break;
            }
            end = Some(i);
            i += 1;
        }
        end.map(|e| self.span_of(start, e))
    }

    fn is_vague_source(&self, source: Span) -> bool {
        let np: Vec<&Word> = self.words.iter().filter(|w| source.contains_span(w.span)).collect();
        let (Some(first), Some(head)) = (np.first(), np.last()) else {
            return false;
        };
        if VAGUE_QUANTIFIERS.contains(&first.lower.as_str()) && np.len() > 1 {
            return true;
        }
        let first_index = self.words.iter().position(|w| w.span == first.span).unwrap_or(0);
        let named =
            np.iter().enumerate().any(|(k, w)| w.capitalized && !(k == 0 && self.is_sentence_initial(first_index)));
        VAGUE_SOURCES.contains(&head.lower.as_str()) && !named
    }

    /// After an ambiguous verb, something that reads as reported content or an addressee.
    fn has_complement(&self, verb: usize) -> bool {
        match self.char_after(verb) {
            None => true,
            Some(c) if matches!(c, ',' | ':' | '"' | '“' | '”' | '«' | '—' | '–' | '.') => true,
            Some(_) => self.word(verb + 1).is_some_and(|w| {
                self.clean_gap(verb, verb + 1) && (w.capitalized || COMPLEMENT_OPENERS.contains(&w.lower.as_str()))
            }),
        }
    }

    fn cue(&self, span: Span, source: Option<Span>, kind: CueKind) -> Cue {
        let vague = match kind {
            CueKind::HedgeAdverb | CueKind::Passive => true,
            CueKind::SpeakerLabel => false,
            CueKind::Verb(_) | CueKind::According | CueKind::NounPhrase => {
                source.is_some_and(|s| self.is_vague_source(s))
            }
        };
        Cue { span, source, kind, vague }
    }

    fn according(&self, i: usize) -> Option<Cue> {
        let w = self.lower(i);
        let (cue_end, source_start) = if w == "according" && self.lower(i + 1) == "to" {
            (i + 1, i + 2)
        } else if (w == "acuerdo" && self.lower(i + 1) == "con" || w == "acordo" && self.lower(i + 1) == "com")
            && i > 0
            && self.lower(i - 1) == "de"
        {
            (i + 1, i + 2)
        } else if SEGUN.contains(&w) {
            (i, i + 1)
        } else if w == "segundo"
            && !ARTICLES_BEFORE_SEGUNDO.contains(&self.lower(i.wrapping_sub(1)))
            && self
                .word(i + 1)
                .is_some_and(|n| n.capitalized || matches!(n.lower.as_str(), "o" | "a" | "os" | "as" | "ele" | "ela"))
        {
            (i, i + 1)
        } else {
            return None;
        };
        let start = if w == "acuerdo" || w == "acordo" { i - 1 } else { i };
        let source = self.object(source_start);
        Some(self.cue(self.span_of(start, cue_end.min(self.words.len() - 1)), source, CueKind::According))
    }

    /// "in a statement", "in an interview with", "in his opinion", "en un comunicado", "em nota".
    fn noun_phrase(&self, i: usize) -> Option<Cue> {
        const MAX_GAP_WORDS: usize = 3;
        if !matches!(self.lower(i), "in" | "en" | "em" | "on") {
            return None;
        }
        let mut possessor = None;
        for k in i + 1..(i + 2 + MAX_GAP_WORDS).min(self.words.len()) {
            if !self.clean_gap(k - 1, k) {
                return None;
            }
            let w = &self.words[k];
            if CUE_NOUNS.contains(&w.lower.as_str())
                || matches!(
                    w.lower.as_str(),
                    "comunicado" | "entrevista" | "declaraciones" | "nota" | "opinión" | "opinião"
                )
            {
                let needs_possessor = matches!(w.lower.as_str(), "opinion" | "view" | "words" | "opinión" | "opinião");
                if needs_possessor && possessor.is_none() {
                    return None;
                }
                return Some(self.cue(self.span_of(i, k), possessor, CueKind::NounPhrase));
            }
            if POSSESSIVES.contains(&w.lower.as_str()) || w.lower.ends_with("'s") {
                possessor = Some(w.span);
            } else if w.capitalized || !w.lower.chars().all(char::is_alphabetic) && !w.lower.contains('-') {
                return None;
            }
        }
        None
    }

    fn verb(&self, i: usize) -> Option<Cue> {
        let form = &self.words[i].lower;
        let cue = *VERB_FORMS.get(form)?;
        let prev = i.checked_sub(1).filter(|&p| self.clean_gap(p, i)).map(|p| self.lower(p));
        let span = self.words[i].span;
        if prev.is_some_and(|p| BE_FORMS.contains(&p)) {
            if !VAGUE_PARTICIPLES.contains(&form.as_str()) {
                return None;
            }
            if self.lower(i + 1) == "by" {
                return Some(self.cue(span, self.object(i + 2), CueKind::Verb(cue.class)));
            }
            let reports =
                matches!(self.lower(i + 1), "to" | "that" | "as") || self.char_after(i).is_none_or(|c| c == ',');
            return reports.then(|| self.cue(span, None, CueKind::Passive));
        }
        if prev.is_some_and(|p| NON_REPORTING_BEFORE.contains(&p)) || (cue.ambiguous && !self.has_complement(i)) {
            return None;
        }
        let inverted = i == 0 || matches!(self.char_before(i), Some(',' | '”' | '"' | '’' | '»' | '—' | '–'));
        let source = if inverted { self.object(i + 1).or_else(|| self.subject(i)) } else { self.subject(i) };
        if source.is_none() && (cue.ambiguous || cue.class != VerbClass::Speech) {
            return None;
        }
        Some(self.cue(span, source, CueKind::Verb(cue.class)))
    }
}

/// The strongest cue of a sentence, ignoring words inside quotations (a quoted "they say" is the
/// speaker's words, not the article's attribution). A named source wins over a vague one.
pub fn find(text: &str, span: Span, quoted: &[Span]) -> Option<Cue> {
    let inside: Vec<Span> = quoted.iter().copied().filter(|q| q.intersects(span)).collect();
    let sentence = Sentence {
        text,
        span,
        words: words(text, span).into_iter().filter(|w| !inside.iter().any(|q| q.contains_span(w.span))).collect(),
    };
    let mut vague = None;
    for i in 0..sentence.words.len() {
        let cue = if VAGUE_ADVERBS.contains(&sentence.lower(i)) {
            Some(sentence.cue(sentence.words[i].span, None, CueKind::HedgeAdverb))
        } else {
            sentence.according(i).or_else(|| sentence.noun_phrase(i)).or_else(|| sentence.verb(i))
        };
        match cue {
            Some(c) if !c.vague => return Some(c),
            Some(c) => vague = vague.or(Some(c)),
            None => {}
        }
    }
    vague
}

/// A transcript speaker label opening a paragraph: "WALLACE:", "MR. TRUMP:", "Q:".
pub fn speaker_label(text: &str, paragraph: Span) -> Option<Cue> {
    const MAX_LABEL_BYTES: usize = 40;
    const MAX_LABEL_WORDS: usize = 4;
    let s = paragraph.text(text);
    let colon = s.char_indices().take_while(|&(i, _)| i < MAX_LABEL_BYTES).find(|&(_, c)| c == ':')?.0;
    let label = &s[..colon];
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    let ok = (letters >= 2 || label == "Q" || label == "A")
        && label.split_whitespace().count() <= MAX_LABEL_WORDS
        && label.chars().all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '-' | '’'));
    ok.then(|| Cue {
        span: Span::new(paragraph.start + colon, paragraph.start + colon + 1),
        source: Some(Span::new(paragraph.start, paragraph.start + colon)),
        kind: CueKind::SpeakerLabel,
        vague: false,
    })
}
