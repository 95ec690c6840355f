//! Vague attribution inside one sentence: words that present content as someone's view or report
//! without saying whose. News writing has a few general shapes for it, in every language:
//!
//! - an agentless passive of a reporting or evaluating verb: "is expected to", "has been harshly
//!   criticized", "was accused of", "were rated as", "se espera que", "espera-se que";
//! - an impression with no holder: "seems to", "appeared nervous", "looks like", "it is clear that",
//!   "parece que";
//! - a view or report named as a noun with no holder, in the frames news uses for it: "faced
//!   criticism", "amid growing concerns", "endured questions", "there has been speculation",
//!   "suspicions persist", "allegations that he lied";
//! - hedging adverbs: "reportedly", "apparently", "al parecer", "supostamente";
//! - the Spanish and Portuguese conditional of rumour: "habría recibido sobornos", "teria desviado
//!   verbas", "estaría negociando".
//!
//! A holder named after the noun ("criticism from Republicans", "was criticized by the Times")
//! makes the phrase an ordinary attribution instead, which [`holder_after`] finds.

use super::cues::{Cue, CueKind, Sentence};
use super::lexicon::{BE_FORMS, IMPRESSION_ADJECTIVES, Lexicon, POSSESSIVES, SUBJECT_PRONOUNS, VAGUE_NOUN_SPREADING};
use super::word_class::WordClass;
use crate::language::Language;
use crate::span::Span;

/// The words every vague shape is anchored on, in any language: its hedge, participle, impression
/// verb, "clear" adjective, view noun or impersonal "se" ([`WordClass::VAGUE_ANCHOR`]). Only a
/// first filter: each shape then reads the article's own language.
pub(super) fn anchors() -> impl Iterator<Item = &'static str> {
    let lexicons = [Language::English, Language::Spanish, Language::Portuguese].map(Lexicon::of);
    let lexicon_words = lexicons
        .into_iter()
        .flat_map(|l| l.vague_adverbs.iter().chain(l.vague_nouns).chain(l.seem_forms).chain(l.vague_participles));
    [CLEAR, ENCLITIC, APPEARS, LOOKS, RUMOUR_PERFECT, RUMOUR_PROGRESSIVE, &["al", "se"]]
        .into_iter()
        .flatten()
        .chain(lexicon_words)
        .copied()
}

/// Conditionals of "have" and "be" that, before a participle or a gerund, report a rumour.
const RUMOUR_PERFECT: &[&str] = &["habría", "habrían", "teria", "teriam", "haveria", "haveriam"];
const RUMOUR_PROGRESSIVE: &[&str] = &["estaría", "estarían", "estaria", "estariam"];
/// Participles that do not end in -ado or -ido.
#[rustfmt::skip]
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "dicho", "hecho", "puesto", "visto", "escrito", "muerto", "abierto", "vuelto", "roto", "cubierto", "propuesto",
    "impuesto", "previsto", "dito", "feito", "posto", "morto", "aberto", "pago", "ganho", "gasto", "aceito",
    "proposto", "imposto",
];

/// A Spanish or Portuguese past participle: "recibido", "desviadas", "dicho", "feito".
pub(super) fn is_romance_participle(word: &str) -> bool {
    const ENDINGS: &[&str] = &["ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas"];
    ENDINGS.iter().any(|e| word.ends_with(e)) || IRREGULAR_PARTICIPLES.contains(&word)
}

/// English impression verbs that need a complement to report an impression: "appeared nervous",
/// not "appeared on television".
const APPEARS: &[&str] = &["appear", "appears", "appeared"];
const LOOKS: &[&str] = &["look", "looks", "looked", "sound", "sounds", "sounded"];
/// Adjectives of "it is clear that".
const CLEAR: &[&str] = &["clear", "unclear", "obvious", "evident", "apparent", "undeniable", "certain"];
/// Portuguese impersonals with an enclitic "se": "espera-se que".
#[rustfmt::skip]
const ENCLITIC: &[&str] = &[
    "espera-se", "acredita-se", "estima-se", "diz-se", "sabe-se", "prevê-se", "comenta-se", "teme-se",
    "especula-se", "fala-se", "calcula-se", "suspeita-se",
];

/// View nouns whose content follows as a "that" clause: "allegations that", "fears that".
#[rustfmt::skip]
const CLAUSE_NOUNS: &[&str] = &[
    "allegations", "accusations", "claims", "concerns", "fears", "worries", "suspicions", "speculation", "rumors",
    "rumours", "reports", "complaints", "doubts", "criticism", "talk",
];

/// Words that end the modifiers read leftwards from a view noun: "criticism" in "the effect of
/// criticism" has no frame.
const NOT_MODIFIERS: &[&str] =
    &["of", "to", "for", "in", "on", "at", "by", "with", "and", "or", "but", "that", "which", "who", "de", "en", "em"];

/// Words a passive's auxiliary and participle may have between them: "has been harshly criticized",
/// "have sometimes been accused", "is not expected", "is increasingly seen", "ha sido duramente
/// criticado", "é muito criticado".
fn is_passive_filler(word: &str) -> bool {
    matches!(
        word,
        "not"
            | "never"
            | "also"
            | "still"
            | "now"
            | "often"
            | "sometimes"
            | "long"
            | "already"
            | "n't"
            | "muy"
            | "muito"
    ) || (word.len() > 4 && word.ends_with("ly"))
        || word.ends_with("mente")
}

impl Sentence<'_> {
    /// Every vague attribution in the sentence (words inside quotations are not the article's).
    pub(super) fn vague_cues(&self) -> Vec<Cue> {
        let mut found: Vec<Cue> = Vec::new();
        for i in 0..self.words.len() {
            // One lookup rules out almost every word before the shape tests run.
            if !self.is(i, WordClass::VAGUE_ANCHOR) {
                continue;
            }
            let cue = self
                .hedge(i)
                .or_else(|| self.agentless_passive(i))
                .or_else(|| self.impression(i))
                .or_else(|| self.impersonal_clear(i))
                .or_else(|| self.holderless_noun(i))
                .or_else(|| self.iberian_impersonal(i))
                .or_else(|| self.rumour_conditional(i));
            if let Some(cue) = cue
                && !found.iter().any(|c| c.span.intersects(cue.span))
            {
                found.push(cue);
            }
        }
        found
    }

    fn vague(&self, first: usize, last: usize, kind: CueKind) -> Cue {
        Cue { span: self.span_of(first, last), source: None, kind, vague: true }
    }

    /// "reportedly", "apparently", "al parecer", "supostamente".
    fn hedge(&self, i: usize) -> Option<Cue> {
        if self.is(i, WordClass::VAGUE_ADVERB) {
            return Some(self.vague(i, i, CueKind::HedgeAdverb));
        }
        let spanish = self.lexicon.language == Language::Spanish;
        (spanish && self.lower(i) == "al" && self.lower(i + 1) == "parecer" && self.clean_gap(i, i + 1))
            .then(|| self.vague(i, i + 1, CueKind::HedgeAdverb))
    }

    /// A form of "be" then a reporting or evaluating participle, with no "by" naming the agent:
    /// "is expected to", "has been harshly criticized for", "as predicted".
    fn agentless_passive(&self, participle: usize) -> Option<Cue> {
        if !self.is(participle, WordClass::VAGUE_PARTICIPLE) || self.holder_after(participle + 1).is_some() {
            return None;
        }
        // "is seen as a favourite" judges; "officers are seen gathered" only sees.
        if matches!(self.lower(participle), "seen" | "viewed") && !matches!(self.lower(participle + 1), "as" | "to") {
            return None;
        }
        // "as expected", "as predicted": the expectation of nobody in particular.
        if participle > 0 && self.lower(participle - 1) == "as" && self.clean_gap(participle - 1, participle) {
            return Some(self.vague(participle - 1, participle, CueKind::Passive));
        }
        let mut k = participle;
        while k > 0 && self.clean_gap(k - 1, k) && is_passive_filler(self.lower(k - 1)) {
            k -= 1;
        }
        let auxiliaries = self.lexicon.passive_auxiliaries;
        match k.checked_sub(1).filter(|&b| self.clean_gap(b, k) && auxiliaries.contains(&self.lower(b))) {
            Some(auxiliary) => Some(self.vague(auxiliary, participle, CueKind::Passive)),
            None => self.judged_as(k, participle).then(|| self.vague(k, participle + 1, CueKind::Passive)),
        }
    }

    /// A judgment with no auxiliary, "a state seen as critical", "widely regarded as the
    /// favourite": an active verb would put its object before "as", so "as" right after the
    /// participle makes it passive, unless the object moved out before its subject ("what he
    /// described as", "whom one aide described as"). "Has seen as many as" compares.
    fn judged_as(&self, first: usize, participle: usize) -> bool {
        const MAX_RELATIVE_SUBJECT_WORDS: usize = 4;
        const JUDGED_AS: &[&str] = &[
            "seen",
            "viewed",
            "regarded",
            "perceived",
            "considered",
            "described",
            "characterized",
            "characterised",
            "portrayed",
            "billed",
            "touted",
            "hailed",
            "labeled",
            "labelled",
            "branded",
        ];
        let perfect = first > 0 && matches!(self.lower(first - 1), "has" | "have" | "had" | "having");
        let object_moved = (first.saturating_sub(MAX_RELATIVE_SUBJECT_WORDS)..first).any(|b| {
            matches!(self.lower(b), "what" | "whom" | "which" | "that" | "who")
                && (b..participle).all(|j| self.clean_gap(j, j + 1))
        }) || first > 0 && SUBJECT_PRONOUNS.contains(&self.lower(first - 1));
        JUDGED_AS.contains(&self.lower(participle))
            && self.lower(participle + 1) == "as"
            && self.clean_gap(participle, participle + 1)
            && self.lower(participle + 3) != "as"
            && !perfect
            && !object_moved
    }

    /// An impression nobody is said to hold: "seems to", "seemed an insult", "appeared to
    /// capitulate", "appeared paralyzed", "looks like", "it appears, though, that", "parece que".
    /// "Seemed to him" and "me parece" name its holder; "appeared on television" is no impression,
    /// nor is a comparison ("worse than it seems").
    fn impression(&self, i: usize) -> Option<Cue> {
        const OBJECT_PRONOUNS: &[&str] = &["me", "him", "her", "us", "them", "you"];
        // A clitic before the verb names who has the impression ("le pareció"); "se parece a" resembles.
        const CLITICS: &[&str] = &["me", "te", "le", "les", "nos", "lhe", "lhes", "se"];
        let word = self.lower(i);
        let next = self.lower(i + 1);
        let seems = self.lexicon.seem_forms.contains(&word);
        let appears = APPEARS.contains(&word);
        let looks = LOOKS.contains(&word);
        let english = self.lexicon.language == Language::English;
        if !(seems || english && (appears || looks)) || self.is_capitalized_mid_sentence(i) {
            return None;
        }
        // "lower than they seem", "más fácil de lo que parece": the writer compares what is with
        // how it looks, and reports no one's impression.
        let compared = (i.saturating_sub(2)..i).any(|k| self.lower(k) == "than")
            || i >= 2 && self.lower(i - 1) == "que" && matches!(self.lower(i - 2), "lo" | "do");
        if compared {
            return None;
        }
        let holder_named = next == "to" && OBJECT_PRONOUNS.contains(&self.lower(i + 2))
            || i > 0 && CLITICS.contains(&self.lower(i - 1));
        // "seemed to the crowd" names who saw it; "seemed to capitulate" does not.
        let to_someone = next == "to" && matches!(self.lower(i + 2), "the" | "a" | "an");
        // "Seem" only ever reports an impression, whatever follows it.
        let frame = if seems {
            !holder_named && !to_someone
        } else {
            let impersonal = i > 0 && self.lower(i - 1) == "it" && self.char_after(i) == Some(',');
            let complement = i + 1 < self.words.len()
                && self.clean_gap(i, i + 1)
                && match next {
                    "like" | "as" => true,
                    "that" => appears,
                    "to" => appears && !holder_named && !to_someone,
                    _ => self.describes_a_state(i + 1),
                };
            impersonal || complement
        };
        frame.then(|| self.vague(i, i, CueKind::Passive))
    }

    /// An adjective after "appears" or "looks", past degree adverbs: "likely", "somewhat uneasy",
    /// "paralyzed", "nervous", "equally unimpressive".
    fn describes_a_state(&self, start: usize) -> bool {
        const ADJECTIVE_ENDINGS: &[&str] = &["ed", "ous", "ive", "ful", "able", "ible"];
        const DEGREE_WORDS: &[&str] = &["somewhat", "equally", "even"];
        let mut k = start;
        while k < self.words.len() && {
            let w = self.lower(k);
            !IMPRESSION_ADJECTIVES.contains(&w) && (DEGREE_WORDS.contains(&w) || w.len() > 4 && w.ends_with("ly"))
        } {
            k += 1;
        }
        let word = self.lower(k);
        k < self.words.len()
            && (start..=k).all(|j| self.clean_gap(j - 1, j))
            && (IMPRESSION_ADJECTIVES.contains(&word)
                || word.len() > 4 && ADJECTIVE_ENDINGS.iter().any(|ending| word.ends_with(ending)))
    }

    /// "it is clear that", "it's obvious", "it should be evident", "it remains unclear whether": an
    /// assertion made to sound agreed.
    fn impersonal_clear(&self, i: usize) -> Option<Cue> {
        if !CLEAR.contains(&self.lower(i)) {
            return None;
        }
        let mut k = i;
        while k > 0 && self.clean_gap(k - 1, k) && {
            let w = self.lower(k - 1);
            BE_FORMS.contains(&w)
                || is_passive_filler(w)
                || matches!(w, "should" | "would" | "seems" | "is" | "remains" | "remained")
        } {
            k -= 1;
        }
        let opens = k > 0 && matches!(self.lower(k - 1), "it" | "it's") || self.lower(k) == "it's";
        let first = if self.lower(k) == "it's" { k } else { k.checked_sub(1)? };
        (opens && k < i).then(|| self.vague(first, i, CueKind::Passive))
    }

    /// A view or report named as a noun with no holder, in a frame that makes it the source of the
    /// sentence's content: "has faced sharp criticism", "amid growing concerns that", "there has
    /// been much speculation", "suspicions run high".
    fn holderless_noun(&self, noun: usize) -> Option<Cue> {
        const MAX_MODIFIERS: usize = 3;
        if !self.lexicon.vague_nouns.contains(&self.lower(noun)) || self.holder_after(noun + 1).is_some() {
            return None;
        }
        // Leftwards over modifiers ("growing", "sharp", "much") to the frame word.
        let mut k = noun;
        while k > 0 && noun - k < MAX_MODIFIERS && self.clean_gap(k - 1, k) {
            let w = &self.words[k - 1];
            if self.is_noun_frame(k - 1)
                || POSSESSIVES.contains(&w.lower.as_ref())
                || NOT_MODIFIERS.contains(&w.lower.as_ref())
            {
                break;
            }
            // A name or a genitive before the noun is its holder: "Republican criticism", "Trump's critics".
            if w.capitalized && !self.is_sentence_initial(k - 1) || w.lower.ends_with("'s") {
                return None;
            }
            k -= 1;
        }
        let before = k.checked_sub(1).filter(|&b| self.clean_gap(b, k));
        if let Some(b) = before
            && self.is_noun_frame(b)
        {
            return Some(self.vague(b, noun, CueKind::NounPhrase));
        }
        // "suspicions persist that", "talk had been mounting": the noun spreads on its own.
        let spreads = (noun + 1..(noun + 4).min(self.words.len()))
            .take_while(|&j| self.clean_gap(j - 1, j))
            .find(|&j| VAGUE_NOUN_SPREADING.contains(&self.lower(j)));
        let possessed = before.is_some_and(|b| POSSESSIVES.contains(&self.lower(b)));
        if possessed {
            return None;
        }
        spreads.map(|j| self.vague(noun, j, CueKind::NounPhrase)).or_else(|| self.content_clause(noun))
    }

    /// A view whose content follows as a clause, with nobody holding it: "allegations that he
    /// lied", "rumors that the firm was for sale". "Fears that drove the sale" is a relative clause:
    /// the content must open with a subject. A form that is also a reporting verb ("claims",
    /// "fears") is the noun only after a determiner or preposition: "the claims that", not "the
    /// senator claims that".
    fn content_clause(&self, noun: usize) -> Option<Cue> {
        const NOUN_MARKERS: &[&str] = &["the", "these", "those", "such", "no", "any", "of", "about", "amid", "over"];
        const SUBJECT_OPENERS: &[&str] =
            &["the", "a", "an", "his", "her", "their", "its", "this", "these", "those", "some", "many", "no", "there"];
        if !CLAUSE_NOUNS.contains(&self.lower(noun))
            || self.lower(noun + 1) != "that"
            || !self.clean_gap(noun, noun + 1)
        {
            return None;
        }
        let subject = self.words.get(noun + 2).is_some_and(|w| {
            w.capitalized
                || w.lower.starts_with(|c: char| c.is_ascii_digit())
                || SUBJECT_OPENERS.contains(&w.lower.as_ref())
                || SUBJECT_PRONOUNS.contains(&w.lower.as_ref())
        });
        let noun_reading = !self.lexicon.verbs.contains_key(self.lower(noun))
            || noun.checked_sub(1).is_some_and(|b| NOUN_MARKERS.contains(&self.lower(b)));
        (subject && noun_reading).then(|| self.vague(noun, noun, CueKind::NounPhrase))
    }

    /// A frame word before a view noun, or "there is", "there has been".
    fn is_noun_frame(&self, i: usize) -> bool {
        let word = self.lower(i);
        self.lexicon.vague_noun_frames.contains(&word)
            || BE_FORMS.contains(&word)
                && (i.saturating_sub(2)..i).any(|b| self.lower(b) == "there" && self.clean_gap(b, b + 1))
    }

    /// The conditional of rumour, with which Spanish and Portuguese news reports what it has not
    /// confirmed: "el ministro habría recibido sobornos", "o deputado teria desviado verbas", "la
    /// empresa estaría negociando". Not in a conditional sentence, where it answers a condition:
    /// "si hubiera llovido, habría ...", "se tivesse chovido, teria ...".
    fn rumour_conditional(&self, i: usize) -> Option<Cue> {
        if self.lexicon.language == Language::English || i + 1 >= self.words.len() || !self.clean_gap(i, i + 1) {
            return None;
        }
        let word = self.lower(i);
        let next = self.lower(i + 1);
        let reports = RUMOUR_PERFECT.contains(&word) && is_romance_participle(next)
            || RUMOUR_PROGRESSIVE.contains(&word) && next.ends_with("ndo");
        // "si" opens a Spanish condition, and a past subjunctive ("hubiera", "tuviese") shows one;
        // "cualquiera" and "siquiera" do not. In Portuguese, where "se" is also a pronoun and
        // "disse" or "interesse" end like a subjunctive: "se" or "caso" with one after it ("se
        // tivesse chovido").
        const SUBJUNCTIVE_WINDOW: usize = 4;
        let answers_a_condition = || match self.lexicon.language {
            Language::Portuguese => (0..self.words.len()).any(|k| {
                matches!(self.lower(k), "se" | "caso")
                    && (k + 1..(k + 1 + SUBJUNCTIVE_WINDOW).min(self.words.len()))
                        .any(|s| self.lower(s).ends_with("sse") || self.lower(s).ends_with("ssem"))
            }),
            _ => (0..self.words.len()).any(|k| {
                let w = self.lower(k);
                w == "si" || (w.ends_with("iera") || w.ends_with("iese")) && !w.ends_with("quiera")
            }),
        };
        (reports && !answers_a_condition()).then(|| self.vague(i, i + 1, CueKind::RumourConditional))
    }

    /// Spanish and Portuguese impersonal reports: "se espera que", "se cree que", "espera-se que",
    /// "acredita-se".
    fn iberian_impersonal(&self, i: usize) -> Option<Cue> {
        const SE_VERBS: &[&str] = &[
            "espera", "esperan", "cree", "creen", "dice", "dicen", "estima", "rumorea", "informó", "teme", "temen",
            "especula", "sabe", "prevé", "calcula", "comenta", "comentan",
        ];
        match self.lexicon.language {
            Language::Portuguese => ENCLITIC.contains(&self.lower(i)).then(|| self.vague(i, i, CueKind::Passive)),
            Language::Spanish => {
                (self.lower(i) == "se" && SE_VERBS.contains(&self.lower(i + 1)) && self.clean_gap(i, i + 1))
                    .then(|| self.vague(i, i + 1, CueKind::Passive))
            }
            Language::English => None,
        }
    }

    /// The holder named right after a view or a passive: "criticism from Republicans", "accused by
    /// the Times of", "criticado por la oposición", "criticada pelo prefeito" are not vague. Only
    /// the next two words are looked at.
    pub(super) fn holder_after(&self, start: usize) -> Option<Span> {
        const HOLDER_WINDOW: usize = 2;
        (start..(start + HOLDER_WINDOW).min(self.words.len()))
            .take_while(|&j| j == start || self.clean_gap(j - 1, j))
            .find(|&j| {
                let word = self.lower(j);
                // A view's holder also follows "from" and "among": "criticism from Republicans".
                self.lexicon.agent_prepositions.contains(&word)
                    || self.lexicon.language == Language::English && matches!(word, "from" | "among")
            })
            .and_then(|j| self.object(j + 1))
    }

    fn is_capitalized_mid_sentence(&self, i: usize) -> bool {
        self.words[i].capitalized && !self.is_sentence_initial(i)
    }
}
