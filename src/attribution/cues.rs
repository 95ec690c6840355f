//! Attribution cues inside one sentence, with their sources.

use super::lexicon::{Lexicon, VAGUE_PARTICIPLES, VAGUE_QUANTIFIERS, VerbClass};
use super::vague;
use super::word_class::WordClass;
use std::borrow::Cow;

use crate::article::{Quotation, Word};
use crate::language::Language;
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
    /// The conditional of rumour: "habría recibido", "teria desviado" (allegedly received).
    RumourConditional,
    /// A dash crediting the quotation before it: “We will stay.” — Ana Ruiz.
    Credit,
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
#[rustfmt::skip]
pub(super) const LEFT_NP_GLUE: &[&str] = &[
    "the", "a", "an", "of", "and", "for", "de", "del", "la", "el", "da", "do", "dos", "das", "former", "top",
    "senior", "chief", "deputy", "general", "vice", "acting", "then", "his", "her", "their", "its", "our",
];
pub(super) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "this", "that", "el", "la", "los", "las", "un", "una",
    "unos", "unas", "o", "os", "um", "uma", "uns", "umas", "su", "sus", "seu", "sua", "seus", "suas",
];
/// Words that end a source noun phrase read rightwards: "said Putin in an interview".
#[rustfmt::skip]
const RIGHT_NP_STOP: &[&str] = &[
    "in", "on", "at", "during", "after", "before", "for", "with", "about", "who", "which", "that", "when", "while",
    "to", "told", "said", "says", "as", "because", "but", "and", "en", "em", "que", "durante", "ante", "a", "al",
    "ao", "aos", "à", "às",
];
const MAX_NP_WORDS: usize = 7;
/// Conjunctions and relatives that start a new clause, so end a subject read leftwards.
#[rustfmt::skip]
pub(super) const CLAUSE_WORDS: &[&str] = &["that", "which", "who", "because", "but", "while", "when", "if", "as", "and", "or", "than", "so"];
/// English finite verbs and modals: a clause's verb, where a noun phrase has none.
const FINITE: &[&str] = &[
    "would", "will", "was", "were", "is", "are", "had", "has", "have", "could", "should", "might", "may", "can", "did",
    "does", "do", "must", "won't", "wouldn't", "isn't", "wasn't",
];
/// Verb forms whose sense with a plain noun-phrase object is not reporting: "added a striker",
/// "posted a loss".
#[rustfmt::skip]
const OBJECT_NOT_SPEECH: &[&str] = &[
    "add", "adds", "added", "adding", "post", "posts", "posted", "posting",
    // "expressed its age"; "expressed the belief that ..." reports, and so do stances.
    "express", "expresses", "expressed", "expressing",
];

/// Speech acts and stances as nouns, attributed to the holder who precedes them: "his critique".
#[rustfmt::skip]
pub(super) const SPEECH_NOUNS: &[&str] = &[
    "statement", "remarks", "comments", "critique", "criticism", "speech", "announcement", "argument", "message",
    "endorsement", "warning", "testimony", "accusation", "accusations", "allegations", "denial", "praise",
    "complaint", "prediction", "assessment", "explanation", "insistence", "admission", "apology", "rhetoric",
    "suggestion", "declaration", "insults", "boast", "promise", "pledge", "vow", "vows", "proposal", "proposals",
    "calls", "answer",
];

/// Adjectives that ascribe a state of mind to their subject: "appreciative of", "confident that".
#[rustfmt::skip]
pub(super) const ATTITUDE_ADJECTIVES: &[&str] = &[
    "appreciative", "critical", "skeptical", "sceptical", "confident", "convinced", "worried", "concerned",
    "optimistic", "pessimistic", "hopeful", "sure", "certain", "aware", "opposed", "supportive", "proud", "angry",
    "upset", "furious", "frustrated", "disappointed", "pleased", "happy", "unhappy", "satisfied", "dissatisfied",
    "wary", "fearful", "afraid", "doubtful", "adamant", "insistent", "unconvinced", "outraged", "dismissive",
    "enthusiastic", "grateful", "thankful", "suspicious", "unsure", "uncertain", "resigned", "committed",
];

/// States of mind that are expressed: "expressed concern", "voiced support".
#[rustfmt::skip]
const STANCE_NOUNS: &[&str] = &[
    "concern", "concerns", "support", "confidence", "skepticism", "scepticism", "doubt", "doubts", "optimism",
    "pessimism", "hope", "hopes", "fear", "fears", "frustration", "dismay", "disappointment", "solidarity",
    "astonishment", "surprise", "anger", "outrage", "regret", "sympathy", "opposition", "gratitude", "reservations",
    "interest", "willingness", "displeasure", "alarm", "satisfaction", "condolences", "admiration", "reluctance",
    "inclination", "desire", "wish", "intention", "readiness",
];
/// At most this many words from "expressed" to its stance: "expressed cautious optimism".
const STANCE_WINDOW: usize = 3;
/// Verb forms that report only with a stance after them: "raised concerns", "voiced doubts", but
/// "raised taxes", "aired a documentary".
#[rustfmt::skip]
const STANCE_ONLY: &[&str] = &[
    "raise", "raises", "raised", "raising", "voice", "voices", "voiced", "voicing", "air", "airs", "aired", "airing",
];
/// What is raised or aired as a stance: "raised questions about", "aired grievances".
#[rustfmt::skip]
const RAISED_STANCES: &[&str] = &[
    "questions", "concern", "concerns", "doubts", "objections", "alarm", "fears", "suspicions", "criticism",
    "complaints", "grievances", "opposition", "support", "frustration", "worries", "misgivings", "reservations",
    "possibility", "prospect",
];
/// Common nouns for people and for the bodies that speak for them, which hold and voice stances:
/// "the senator raised concerns", "the union voiced support".
#[rustfmt::skip]
const STANCE_HOLDERS: &[&str] = &[
    "senator", "senators", "governor", "governors", "mayor", "president", "minister", "ministers", "lawmaker",
    "lawmakers", "legislator", "legislators", "leader", "leaders", "spokesman", "spokeswoman", "spokesperson",
    "candidate", "candidates", "judge", "judges", "prosecutor", "prosecutors", "lawyer", "lawyers", "attorney",
    "attorneys", "chairman", "chairwoman", "secretary", "ambassador", "director", "executive", "executives",
    "member", "members", "voters", "parents", "students", "teachers", "workers", "farmers", "protesters",
    "demonstrators", "group", "groups", "union", "unions", "party", "committee", "council", "ministry",
    "government", "administration", "company", "campaign", "agency", "commission", "court", "board",
    "association", "coalition", "department", "nominee", "delegates", "residents", "diplomat", "economist",
];
/// Verb forms that name what their object is: "called climate change a hoax", "labeled him a liar".
#[rustfmt::skip]
const NAMING: &[&str] = &[
    "call", "calls", "called", "calling", "label", "labels", "labeled", "labelled", "labeling", "labelling",
    "brand", "brands", "branded", "branding", "dub", "dubs", "dubbed", "dubbing",
];
/// At most this many words of object between a naming verb and the name it gives.
const NAMED_OBJECT_WINDOW: usize = 5;
/// Particles and prepositions after "call" that make it another verb: "called off a strike",
/// "called for a ban" (which the ordinary complement test reads).
const NOT_A_NAMED_OBJECT: &[&str] = &["off", "up", "out", "in", "on", "back", "for", "to", "at", "into", "upon"];

/// Verbs of forecasting, by infinitive, whose object with a figure is the forecast they report:
/// "proyecta un crecimiento de 1,2%", "estimate inflation at 5%", "projeta alta de 3%". Without a
/// figure their object may be anything ("proyecta una película", "calculated the risks").
#[rustfmt::skip]
const FORECASTING: &[&str] = &[
    "estimate", "forecast", "project", "predict", "calculate", "estimar", "calcular", "proyectar", "prever",
    "pronosticar", "projetar",
];
/// At most this many words of object between a verb of forecasting and its figure.
const FORECAST_WINDOW: usize = 5;
/// Prepositions after which a form of forecasting is a participle describing a noun, not a verb:
/// "on estimated receipts of 2,000 head", "en proyectados 300 millones".
const PREPOSITIONS_BEFORE_PARTICIPLES: &[&str] =
    &["on", "at", "in", "from", "by", "de", "del", "en", "con", "por", "para", "em", "com", "no", "na", "do", "da"];

/// Verbs, by infinitive, that name their object with "de" before the name in quotation marks:
/// "chamou a decisão de “intromissão”", "tachó de “traidor” al diputado", "tildó la norma de
/// “populismo”". Otherwise "chamar" and "tachar" call, summon or cross out ("chamou a polícia",
/// "tachó su nombre de la lista").
const NAMING_WITH_DE: &[&str] = &["chamar", "tachar", "tildar", "calificar", "qualificar"];

/// Verb forms that report a characterization with "as": "described the plan as reckless".
#[rustfmt::skip]
const CHARACTERIZING: &[&str] = &[
    "described", "describes", "describing", "describe", "portrayed", "portrays", "characterized", "characterizes",
    "labeled", "labels", "branded", "brands", "depicted", "depicts", "painted", "paints", "cast", "casts",
    "dismissed", "dismisses", "condemned", "condemns", "praised", "praises", "hailed", "hails", "sees", "saw",
    "views", "viewed", "regards", "regarded",
];

/// Documents and data that speak for themselves: "the poll shows", "records show".
#[rustfmt::skip]
const DOCUMENT_SOURCES: &[&str] = &[
    "poll", "polls", "survey", "surveys", "study", "studies", "report", "reports", "data", "figures", "records",
    "documents", "analysis", "statistics", "census", "audit", "review", "results", "numbers", "research", "filing",
    "filings", "memo", "letter", "emails", "ruling", "indictment", "complaint", "transcript", "estimates",
    "projections", "forecast", "index", "minutes", "accounts", "tally", "count",
];

/// Documents that, after "under", are the source of what a sentence says: "Under Missouri law".
#[rustfmt::skip]
pub(super) const RULE_NOUNS: &[&str] = &[
    "law", "laws", "regulation", "regulations", "rule", "rules", "contract", "agreement", "deal", "bill", "proposal",
    "plan", "policy", "terms", "treaty", "statute", "constitution", "guidelines", "order", "ruling", "settlement",
];
/// Modifiers of a spokesperson that do not say whom they speak for: "a senior official", "two
/// sources". Not "the": "the official" points back to one the article has introduced.
#[rustfmt::skip]
const UNIDENTIFYING_MODIFIERS: &[&str] = &[
    "a", "an", "another", "one", "two", "three", "several", "some", "many", "other", "senior", "top", "former",
    "high-ranking", "anonymous", "unnamed", "current",
];

/// A reporting verb's gerund, which a form of "be" makes progressive rather than passive: "is
/// calling", "está diciendo", "está afirmando".
fn is_gerund(form: &str) -> bool {
    form.ends_with("ing") || form.ends_with("ndo")
}

/// "familiar with", "close to", "briefed on": what an unnamed source knows, standing for who it is.
fn is_insider_phrase(adjective: &str, preposition: &str) -> bool {
    matches!(
        (adjective, preposition),
        ("familiar", "with") | ("close", "to") | ("knowledgeable", "about") | ("briefed", "on")
            // "fuentes cercanas a", "fontes próximas ao", "fontes ligadas à"
            | ("cercanas" | "cercanos" | "próximas" | "próximos" | "allegadas" | "allegados", "a" | "al")
            | ("conocedoras" | "conocedores", "de" | "del")
            | ("próximas" | "próximos" | "ligadas" | "ligados", "ao" | "aos" | "à" | "às" | "do" | "da" | "de")
    )
}

/// Spanish and Portuguese "of", with the article it contracts: what follows names whom a source
/// speaks for ("fuentes de la oposición").
const ROMANCE_OF: &[&str] = &["de", "del", "do", "da", "dos", "das"];

const NUMBER_WORDS: &[&str] =
    &["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "another", "both"];
/// The first words of the cues [`Sentence::according`] and [`Sentence::noun_phrase`] find, in every
/// language ([`WordClass::CUE_PHRASE_OPENER`]): only a first filter, each test reads its language.
#[rustfmt::skip]
pub(super) const CUE_PHRASE_OPENERS: &[&str] = &[
    "according", "acuerdo", "según", "segun", "acordo", "segundo", "conforme", "in", "on", "en", "em", "under",
];
/// Nouns of a point of view, whose holder follows "of" or precedes them as a possessive: "in the
/// view of the opposition", "a juicio de los analistas", "na opinião do ministro", "a su juicio".
/// [`Sentence::viewpoint`] is tried at them, so they are cue anchors too.
#[rustfmt::skip]
pub(super) const VIEWPOINT_NOUNS: &[&str] = &[
    "view", "opinion", "words", "eyes", "judgment", "judgement", "estimation", "opinión", "juicio", "criterio",
    "palabras", "parecer", "entender", "decir", "visión", "evaluación", "opinião", "avaliação", "palavras", "visão",
    "entendimento", "juízo",
];
/// Viewpoint nouns that also take what is assessed after "of" ("la evaluación del proyecto", "na
/// avaliação do programa"): their holder must be a name or a group that speaks.
const VIEWPOINT_OR_TOPIC: &[&str] = &["evaluación", "avaliação"];
/// "of" before a viewpoint's holder, with the article Spanish and Portuguese contract into it.
const VIEWPOINT_OF: &[&str] = &["of", "de", "del", "do", "da", "dos", "das"];
/// Prepositions that end a noun-phrase cue's phrase before its noun: "in the euphoria after the polls".
const PHRASE_ENDS: &[&str] = &["after", "before", "up", "since"];
/// Spanish "according to", followed by its source.
const SEGUN: &[&str] = &["según", "segun"];
/// Words before a Portuguese "segundo" that make it the ordinal ("o segundo turno"), not "according to".
const ARTICLES_BEFORE_SEGUNDO: &[&str] =
    &["o", "a", "os", "as", "um", "uma", "de", "do", "da", "no", "na", "em", "pelo", "pela"];

pub(super) struct Sentence<'a> {
    pub(super) text: &'a str,
    pub(super) span: Span,
    /// The sentence's words outside quotations: borrowed when it quotes no one (most sentences).
    pub(super) words: Cow<'a, [Word<'a>]>,
    /// The classes of each word of `words`, looked up once for the article.
    pub(super) classes: Cow<'a, [WordClass]>,
    /// The cue words of the article's language.
    pub(super) lexicon: &'static Lexicon,
}

impl Sentence<'_> {
    /// Only white space between words `a` and `b` (a < b).
    pub(super) fn clean_gap(&self, a: usize, b: usize) -> bool {
        self.text[self.words[a].span.end..self.words[b].span.start].chars().all(char::is_whitespace)
    }

    /// Whether word `a` is a plural possessive after a determiner, glued to word `b` by its
    /// apostrophe: "the farmers' union", "the workers’ party".
    fn plural_possessive_gap(&self, a: usize, b: usize) -> bool {
        let gap = &self.text[self.words[a].span.end..self.words[b].span.start];
        let after_apostrophe = gap.strip_prefix('\'').or_else(|| gap.strip_prefix('’'));
        after_apostrophe.is_some_and(|rest| !rest.is_empty() && rest.chars().all(char::is_whitespace))
            && self.lower(a).ends_with('s')
            && a > 0
            && self.is(a - 1, WordClass::DETERMINER)
            && self.clean_gap(a - 1, a)
    }

    fn word(&self, i: usize) -> Option<&Word<'_>> {
        self.words.get(i)
    }

    pub(super) fn lower(&self, i: usize) -> &str {
        self.words.get(i).map_or("", |w| w.lower.as_ref())
    }

    /// Whether word `i` is in the lists of `class` (no word past the sentence's end is).
    pub(super) fn is(&self, i: usize, class: WordClass) -> bool {
        self.classes.get(i).is_some_and(|c| c.has(class))
    }

    pub(super) fn is_sentence_initial(&self, i: usize) -> bool {
        self.text[self.span.start..self.words[i].span.start].chars().all(|c| !c.is_alphanumeric())
    }

    /// The next non-space character after word `i`, or `None` at the sentence's end or when the
    /// sentence has no word `i`.
    pub(super) fn char_after(&self, i: usize) -> Option<char> {
        self.text[self.words.get(i)?.span.end..self.span.end].chars().find(|c| !c.is_whitespace())
    }

    fn char_before(&self, i: usize) -> Option<char> {
        self.text[self.span.start..self.words[i].span.start].chars().rev().find(|c| !c.is_whitespace())
    }

    pub(super) fn span_of(&self, first: usize, last: usize) -> Span {
        Span::new(self.words[first].span.start, self.words[last].span.end)
    }

    /// Whether word `i` stands between a subject and the verb at `verb`: an adverb or auxiliary, or
    /// a form of "be" before a progressive ("is calling for").
    fn is_prelude(&self, i: usize, verb: usize) -> bool {
        self.is(i, WordClass::VERB_PRELUDE) || (is_gerund(self.lower(verb)) && self.is(i, WordClass::BE_FORM))
    }

    /// The subject of the verb at `verb`, read leftwards: "President Vladimir Putin", "a company spokesman".
    fn subject(&self, verb: usize) -> Option<Span> {
        let j = self.subject_head(verb)?;
        let head = &self.words[j];
        let mut k = j;
        let insider = self.insider_subject(j);
        let head_is_name = head.capitalized;
        while k > 0 && j - k < MAX_NP_WORDS && (self.clean_gap(k - 1, k) || self.plural_possessive_gap(k - 1, k)) {
            let prev = &self.words[k - 1];
            // Spanish and Portuguese write titles and offices in lower case, before the name or
            // its "de": "la ministra Gloria Ramírez", "El ministro de Economía", "O deputado
            // Arthur Lira". The phrase opens with the determiner before that noun.
            if head_is_name && !prev.capitalized && self.romance_title_at(k - 1) {
                k -= 2;
                break;
            }
            let extends = if head_is_name {
                prev.capitalized || self.is(k - 1, WordClass::LEFT_NP_GLUE)
            } else {
                !self.is(j, WordClass::SUBJECT_PRONOUN)
                    && !self.is(k, WordClass::DETERMINER)
                    && !self.is(k - 1, WordClass::REPORTING_VERB)
                    && !self.is(k - 1, WordClass::CLAUSE_WORD)
            };
            if !extends {
                break;
            }
            k -= 1;
        }
        Some(self.span_of(insider.map_or(k, |first| first.min(k)), j))
    }

    /// In Spanish or Portuguese copy, word `i` a lower-case noun right after a determiner, in one
    /// run of words: the title or office before a name ("el presidente", "a ministra").
    fn romance_title_at(&self, i: usize) -> bool {
        self.lexicon.language != Language::English
            && i > 0
            && self.clean_gap(i - 1, i)
            && self.is(i - 1, WordClass::DETERMINER)
            && !self.is(i, WordClass::LEFT_NP_GLUE)
            && !self.is(i, WordClass::DETERMINER)
    }

    /// The last word of the subject of the verb at `verb`, past its adverbs and auxiliaries and
    /// past an aside between commas ("The poll, conducted by Gallup, shows").
    fn subject_head(&self, verb: usize) -> Option<usize> {
        let mut j = verb.checked_sub(1)?;
        while self.is_prelude(j, verb) && self.clean_gap(j, j + 1) {
            j = j.checked_sub(1)?;
        }
        if !self.clean_gap(j, j + 1) {
            return self.head_before_aside(j + 1);
        }
        let blocked = self.is(j, WordClass::NON_REPORTING_BEFORE) || self.is(j, WordClass::BE_FORM);
        (!blocked).then_some(j)
    }

    /// The word before a participial or relative aside that ends, with a comma, right before word
    /// `after`: "poll" in "A Fox News poll, conducted jointly with two firms, shows"; "study" in
    /// "the study, which surveyed 900 voters, found"; "encuesta" in "la encuesta, realizada por
    /// Datafolha, muestra". Parentheses, slashes, ampersands and apostrophes may stand inside the aside.
    fn head_before_aside(&self, after: usize) -> Option<usize> {
        const MAX_ASIDE_WORDS: usize = 12;
        let gap = |a: usize| &self.text[self.words[a].span.end..self.words[a + 1].span.start];
        let last = after.checked_sub(1)?;
        if gap(last).trim().trim_start_matches(')') != "," {
            return None;
        }
        let mut first = last;
        while first > 0 && last - first < MAX_ASIDE_WORDS {
            let before = gap(first - 1);
            if before.trim() == "," {
                return self.opens_aside(first).then_some(first - 1);
            }
            if !before.chars().all(|c| c.is_whitespace() || matches!(c, '(' | ')' | '&' | '/' | '\'' | '’')) {
                return None;
            }
            first -= 1;
        }
        None
    }

    /// A relative pronoun, a past participle, a determiner, a number or a name, which open an aside
    /// about the noun before them: "which surveyed", "conducted by", "a veteran of", "35", "Ana Ruiz".
    fn opens_aside(&self, i: usize) -> bool {
        const RELATIVES: &[&str] =
            &["which", "who", "whose", "que", "quien", "quienes", "cuyo", "cuya", "cujo", "cuja"];
        #[rustfmt::skip]
        const ENGLISH_IRREGULAR_PARTICIPLES: &[&str] = &[
            "written", "taken", "held", "led", "run", "done", "made", "given", "known", "seen", "drawn", "paid",
            "sent", "built",
        ];
        let word = self.lower(i);
        let participle = match self.lexicon.language {
            Language::English => {
                word.len() > 4 && word.ends_with("ed") || ENGLISH_IRREGULAR_PARTICIPLES.contains(&word)
            }
            Language::Spanish | Language::Portuguese => vague::is_romance_participle(word),
        };
        participle
            || RELATIVES.contains(&word)
            || self.is(i, WordClass::DETERMINER)
            || self.words[i].capitalized
            || word.starts_with(|c: char| c.is_ascii_digit())
    }

    /// Whether the subject of the verb at `verb` is someone rather than something: a name, a
    /// personal pronoun, "who", or a word for people ("critics", "officials"). "Critics raised
    /// concerns" attributes; "the merger raises concerns" does not.
    fn personal_subject(&self, verb: usize) -> bool {
        self.subject_head(verb).is_some_and(|head| {
            let word = self.lower(head);
            self.words[head].capitalized
                || matches!(word, "he" | "she" | "they" | "we" | "i" | "who")
                || self.lexicon.vague_sources.contains(&word)
                || self.lexicon.institutional_sources.contains(&word)
                || STANCE_HOLDERS.contains(&word)
        })
    }

    /// The start of "a person familiar with", "sources close to" before the object that ends at
    /// `object_end` ("the talks", "Trump"): such a source is named only by what it knows.
    fn insider_subject(&self, object_end: usize) -> Option<usize> {
        const MAX_OBJECT_WORDS: usize = 4;
        let phrase = (object_end.saturating_sub(MAX_OBJECT_WORDS)..=object_end).find(|&p| {
            p >= 2
                && is_insider_phrase(self.lower(p - 2), self.lower(p - 1))
                && (p - 2..object_end).all(|g| self.clean_gap(g, g + 1))
        })?;
        // The person noun before the adjective, with its determiners: "a person", "two sources";
        // not "who is close to".
        let mut first = phrase.checked_sub(3).filter(|&n| {
            let noun = self.lower(n);
            self.clean_gap(n, n + 1)
                && (self.lexicon.vague_sources.contains(&noun)
                    || self.lexicon.institutional_sources.contains(&noun)
                    || matches!(noun, "person" | "adviser" | "advisor" | "advisers" | "advisors" | "insider"))
        })?;
        while first > 0 && self.clean_gap(first - 1, first) && {
            let modifier = self.lower(first - 1);
            UNIDENTIFYING_MODIFIERS.contains(&modifier) || DETERMINERS.contains(&modifier)
        } {
            first -= 1;
        }
        Some(first)
    }

    /// A noun phrase read rightwards from `start`: the source of "said Putin", "according to the report".
    pub(super) fn object(&self, start: usize) -> Option<Span> {
        let mut end = None;
        let glued = |i: usize| self.clean_gap(i - 1, i) || self.plural_possessive_gap(i - 1, i);
        // "fuentes cercanas a la Casa Rosada" goes on past its "a": the phrase says who they know.
        let stops = |i: usize| {
            RIGHT_NP_STOP.contains(&self.lower(i)) && !is_insider_phrase(self.lower(i - 1), self.lower(i))
                || self.starts_romance_predicate(i)
        };
        let mut i = start;
        while i < self.words.len() && i - start < MAX_NP_WORDS {
            if i > start && (!glued(i) || stops(i)) {
                break;
            }
            end = Some(i);
            i += 1;
        }
        end.map(|e| self.span_of(start, e))
    }

    /// A Spanish or Portuguese verb that starts the clause after a source with no comma between:
    /// "que según sus defensores creará ...", "segundo analistas deve ...". English copy marks the
    /// end of an "according to" with a comma.
    fn starts_romance_predicate(&self, i: usize) -> bool {
        self.lexicon.language != Language::English
            && (self.is(i, WordClass::AUXILIARY)
                || self.words[i].is_synthetic_future()
                || self.lexicon.verbs.get(self.lower(i)).is_some_and(|cue| !cue.needs_auxiliary))
    }

    fn is_vague_source(&self, source: Span) -> bool {
        // The words inside the source, found as the run they form rather than by testing every word.
        let first_index = self.words.partition_point(|w| w.span.start < source.start);
        let inside = self.words[first_index..].iter().take_while(|w| source.contains_span(w.span)).count();
        let np = &self.words[first_index..first_index + inside];
        let romance = self.lexicon.language != Language::English;
        let head_index = inside.checked_sub(1).and_then(|last| self.head_of(first_index, first_index + last));
        let (Some(first), Some(head_index)) = (np.first(), head_index.map(|h| h - first_index)) else {
            return false;
        };
        let head = &np[head_index];
        if VAGUE_QUANTIFIERS.contains(&first.lower.as_ref()) && np.len() > 1 {
            return true;
        }
        // "a person familiar with the talks", "sources close to Trump": named by what they know.
        if np.windows(2).any(|pair| is_insider_phrase(&pair[0].lower, &pair[1].lower)) {
            return true;
        }
        // "officials said" and "a senior official said" name no one; "mine officials" and "a
        // White House aide" the body they speak for.
        if self.lexicon.institutional_sources.contains(&head.lower.as_ref()) {
            if romance {
                // "fuentes diplomáticas" name no one; "fuentes del Gobierno", "fontes do Itamaraty"
                // the body they speak for.
                return np[head_index + 1..].iter().all(|w| !w.capitalized && !ROMANCE_OF.contains(&w.lower.as_ref()));
            }
            return np[..np.len() - 1].iter().all(|w| UNIDENTIFYING_MODIFIERS.contains(&w.lower.as_ref()));
        }
        let named =
            np.iter().enumerate().any(|(k, w)| w.capitalized && !(k == 0 && self.is_sentence_initial(first_index)));
        self.lexicon.vague_sources.contains(&head.lower.as_ref()) && !named
    }

    /// The head of the noun phrase of words `first..=last`. English puts it last ("diplomatic
    /// sources"); Spanish and Portuguese first, after its determiners and quantifiers ("las
    /// fuentes diplomáticas", "algunos funcionarios"), and a phrase of those alone has none.
    fn head_of(&self, first: usize, last: usize) -> Option<usize> {
        if self.lexicon.language == Language::English {
            return Some(last);
        }
        (first..=last).find(|&k| !DETERMINERS.contains(&self.lower(k)) && !VAGUE_QUANTIFIERS.contains(&self.lower(k)))
    }

    /// Whether a form that is more often a noun ("states", "points", "calls") is a verb here: after a
    /// pronoun ("he states"), after a name with something reported after it ("Cruz calls for"), or
    /// after a common noun only when a reported clause follows ("the report states that").
    /// Called only when no adverb or auxiliary stands before the verb, so the subject's head is the
    /// word right before it, or before an aside.
    fn noun_prone_is_verb(&self, verb: usize) -> bool {
        let Some(head) = self.subject_head(verb) else { return false };
        let word = &self.words[head];
        if self.is(head, WordClass::SUBJECT_PRONOUN) {
            return true;
        }
        // "records show he backed both": a subject pronoun opens the reported clause.
        if matches!(self.lower(verb + 1), "he" | "she" | "they" | "we" | "i") && self.clean_gap(verb, verb + 1) {
            return true;
        }
        if word.capitalized && !self.is_sentence_initial(head) {
            return self.has_complement(verb);
        }
        if self.follows_document(verb) {
            return true; // "a Bloomberg poll shows", "the figures show"
        }
        // A comma is not enough after a common noun: "water storage projects, the biggest ...".
        let reported_clause = self.clause_follows(verb) && self.char_after(verb) != Some(',');
        reported_clause && !self.counted(head) || self.closing_tag(head, verb)
    }

    /// Right after a document or data, which report whatever follows: "a poll shows upstart
    /// candidates leading", "the study found improvements".
    fn follows_document(&self, verb: usize) -> bool {
        self.subject_head(verb).is_some_and(|head| DOCUMENT_SOURCES.contains(&self.lower(head)))
    }

    /// "..., new fundraising reports show.": a short subject after a comma and the verb last.
    fn closing_tag(&self, head: usize, verb: usize) -> bool {
        const MAX_TAG_SUBJECT_WORDS: usize = 4;
        if !matches!(self.char_after(verb), None | Some('.' | '!')) {
            return false;
        }
        let mut first = head;
        while first > 0 && self.clean_gap(first - 1, first) {
            first -= 1;
        }
        let after_comma =
            first > 0 && self.text[self.words[first - 1].span.end..self.words[first].span.start].contains(',');
        let subject = &self.words[first..=head];
        after_comma
            && subject.len() <= MAX_TAG_SUBJECT_WORDS
            && !subject
                .iter()
                .any(|w| matches!(w.lower.as_ref(), "in" | "of" | "to" | "for" | "at" | "on" | "from" | "with" | "by"))
    }

    /// A noun preceded by a number or quantifier: "eight states", "many points".
    fn counted(&self, head: usize) -> bool {
        head.checked_sub(1).is_some_and(|m| {
            let modifier = &self.words[m].lower;
            modifier.starts_with(|c: char| c.is_ascii_digit())
                || VAGUE_QUANTIFIERS.contains(&modifier.as_ref())
                || NUMBER_WORDS.contains(&modifier.as_ref())
        })
    }

    /// The last word of a Spanish or Portuguese time phrase starting at `start` ("este jueves",
    /// "nesta segunda-feira", "la semana pasada"), which may stand between a verb and its clause.
    fn romance_time_phrase_end(&self, start: usize) -> Option<usize> {
        const OPENERS: &[&str] = &["este", "esta", "el", "la", "nesta", "neste", "na", "no"];
        #[rustfmt::skip]
        const TIMES: &[&str] = &[
            "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "semana", "mes", "año", "mañana",
            "tarde", "noche", "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "mês",
            "ano", "manhã", "noite",
        ];
        const PAST: &[&str] = &["pasado", "pasada", "passado", "passada"];
        let glued = |k: usize| k < self.words.len() && self.clean_gap(k - 1, k);
        if self.lexicon.language == Language::English
            || !OPENERS.contains(&self.lower(start))
            || !TIMES.contains(&self.lower(start + 1))
            || !glued(start + 1)
        {
            return None;
        }
        Some(if PAST.contains(&self.lower(start + 2)) && glued(start + 2) { start + 2 } else { start + 1 })
    }

    /// After an ambiguous verb, something that reads as reported content or an addressee.
    fn has_complement(&self, verb: usize) -> bool {
        // "cobrou nesta segunda-feira que ...": what follows the day is the complement.
        if let Some(end) = self.romance_time_phrase_end(verb + 1).filter(|_| self.clean_gap(verb, verb + 1)) {
            return self.has_complement(end);
        }
        if self.characterizes_its_object(verb) {
            return true;
        }
        let within = |window: usize| verb + 1..(verb + 1 + window).min(self.words.len());
        // "expressed deep concern": the stance expressed is the content.
        if self.lower(verb).starts_with("express")
            && within(STANCE_WINDOW).any(|k| STANCE_NOUNS.contains(&self.lower(k)))
        {
            return true;
        }
        if STANCE_ONLY.contains(&self.lower(verb)) {
            return self.personal_subject(verb)
                && within(STANCE_WINDOW).any(|k| RAISED_STANCES.contains(&self.lower(k)));
        }
        if NAMING.contains(&self.lower(verb)) {
            if self.names_its_object(verb) {
                return true;
            }
            // "called an election", "calls a meeting": summoning, not saying; but "calling an
            // “instant classic”" names.
            let quote_after_article = matches!(self.char_after(verb + 1), Some('"' | '“' | '\'' | '‘'));
            if self.lower(verb).starts_with("call")
                && matches!(self.lower(verb + 1), "a" | "an")
                && !quote_after_article
            {
                return false;
            }
        }
        match self.char_after(verb) {
            None => true,
            Some(',' | ':' | '"' | '“' | '”' | '«' | '—' | '–' | '.') => true,
            Some(_) => self.word(verb + 1).is_some_and(|w| {
                let opens =
                    w.capitalized || self.is(verb + 1, WordClass::COMPLEMENT_OPENER) || self.clause_without_that(verb);
                // "added the plan would fail" reports; "added a new striker" does not. Other speech
                // verbs report with a plain object too ("announced a plan", "praised the deal").
                let object_only = OBJECT_NOT_SPEECH.contains(&self.lower(verb))
                    && w.lower != "that" // "added that ..." reports
                    && self.is(verb + 1, WordClass::DETERMINER)
                    && !self.finite_verb_within(verb + 2);
                self.clean_gap(verb, verb + 1) && opens && !object_only
            }),
        }
    }

    /// "El Banco Central proyecta un crecimiento de 1,2%", "analysts estimate inflation at 5%": a
    /// verb of forecasting whose object, in one run of words and before any clause, holds a figure.
    fn forecasts_a_figure(&self, verb: usize, lemma: &str) -> bool {
        // A participle describing its noun follows no subject: it opens the sentence ("Estimated
        // volume was 3,605 contracts"), or follows a possessive, an adverb or a clause word ("this
        // week's estimated arrivals", "an officially estimated 50 billion", "if projected stocks").
        let describes_a_noun = |b: usize| {
            let word = self.lower(b);
            PREPOSITIONS_BEFORE_PARTICIPLES.contains(&word)
                || self.is(b, WordClass::NON_REPORTING_BEFORE)
                || self.is(b, WordClass::CLAUSE_WORD)
                || word.ends_with("'s")
                || word.ends_with("’s")
                || word.ends_with("ly")
        };
        FORECASTING.contains(&lemma)
            && verb.checked_sub(1).is_some_and(|b| !describes_a_noun(b))
            && (verb + 1..(verb + 1 + FORECAST_WINDOW).min(self.words.len()))
                .take_while(|&k| self.clean_gap(k - 1, k) && !self.is(k, WordClass::CLAUSE_WORD))
                .any(|k| self.lower(k).starts_with(|c: char| c.is_ascii_digit()))
    }

    /// "described families playing in the park as a disgrace": a characterization, "as" after
    /// the object.
    fn characterizes_its_object(&self, verb: usize) -> bool {
        const AS_WINDOW: usize = 6;
        CHARACTERIZING.contains(&self.lower(verb))
            && (verb + 2..(verb + 2 + AS_WINDOW).min(self.words.len())).any(|k| self.lower(k) == "as")
    }

    /// Whether the words after the verb at `verb` are its clause or its named object, so that
    /// no speaker stands there: "denied that ...", "negó que ...", "called the law a fraud",
    /// "tildó la norma de “populismo fiscal”".
    fn object_follows(&self, verb: usize, lemma: &str) -> bool {
        self.is(verb + 1, WordClass::CLAUSE_WORD)
            || self.lower(verb + 1) == "que"
            || (NAMING.contains(&self.lower(verb)) && self.names_its_object(verb))
            || self.characterizes_its_object(verb)
            || self.names_with_de(verb, lemma)
    }

    /// "O presidente da Câmara chamou a decisão de “intromissão”": a naming verb, then in one run
    /// of object words "de" and the name in quotation marks.
    fn names_with_de(&self, verb: usize, lemma: &str) -> bool {
        NAMING_WITH_DE.contains(&lemma)
            && (verb + 1..(verb + 1 + NAMED_OBJECT_WINDOW).min(self.words.len()))
                .take_while(|&k| self.clean_gap(k - 1, k))
                .any(|k| self.lower(k) == "de" && matches!(self.char_after(k), Some('"' | '“' | '«' | '‘')))
    }

    /// "called climate change a hoax": an object, then "a" or "an" opening the name given to it,
    /// all in one run of words.
    fn names_its_object(&self, verb: usize) -> bool {
        let object_start = verb + 1;
        (object_start + 1..(object_start + 1 + NAMED_OBJECT_WINDOW).min(self.words.len()))
            .take_while(|&k| self.clean_gap(k - 1, k) && !NOT_A_NAMED_OBJECT.contains(&self.lower(k - 1)))
            .any(|k| matches!(self.lower(k), "a" | "an"))
    }

    /// "Experts thought compromise was unlikely", "she estimated most voters would stay home": a
    /// clause with no "that" after a person's verb, the clause's subject a bare noun phrase (a
    /// determiner or a name already opens a complement), then a finite verb, all in one run of
    /// words. Not after a gerund ("Trump finding common ground is ...") nor with a pronoun in
    /// between, which makes a relative clause ("found someone he would like").
    fn clause_without_that(&self, verb: usize) -> bool {
        const SUBJECT_WINDOW: usize = 4;
        if is_gerund(self.lower(verb)) || !self.personal_subject(verb) {
            return false;
        }
        let end = (verb + 2 + SUBJECT_WINDOW).min(self.words.len());
        let mut subject = (verb + 1..end).take_while(|&k| {
            self.clean_gap(k - 1, k)
                && !self.is(k, WordClass::CLAUSE_WORD)
                && !self.is(k, WordClass::SUBJECT_PRONOUN)
                && !self.is(k, WordClass::COMPLEMENT_OPENER)
        });
        subject.any(|k| k > verb + 1 && FINITE.contains(&self.lower(k)))
    }

    /// A finite verb or modal among the few words from `start`: a clause, not just a noun phrase.
    fn finite_verb_within(&self, start: usize) -> bool {
        const CLAUSE_WINDOW: usize = 5;
        (start..(start + CLAUSE_WINDOW).min(self.words.len())).any(|k| FINITE.contains(&self.lower(k)))
    }

    fn cue(&self, span: Span, source: Option<Span>, kind: CueKind) -> Cue {
        let vague = match kind {
            CueKind::HedgeAdverb | CueKind::Passive | CueKind::RumourConditional => true,
            CueKind::SpeakerLabel | CueKind::Credit => false,
            CueKind::Verb(_) | CueKind::According | CueKind::NounPhrase => {
                source.is_some_and(|s| self.is_vague_source(s))
            }
        };
        Cue { span, source, kind, vague }
    }

    /// "according to", "según", "de acuerdo con", "segundo", "de acordo com", each in its language.
    /// The word at `i` is one of [`CUE_PHRASE_OPENERS`]: [`find`] tries no other, so a new form's
    /// first word goes there too.
    fn according(&self, i: usize) -> Option<Cue> {
        let w = self.lower(i);
        let after_de = i > 0 && self.lower(i - 1) == "de";
        let (first, cue_end, source_start) = match self.lexicon.language {
            Language::English if w == "according" && self.lower(i + 1) == "to" => (i, i + 1, i + 2),
            // "de acuerdo con" and the Latin American "de acuerdo a", "de acuerdo al".
            Language::Spanish if w == "acuerdo" && matches!(self.lower(i + 1), "con" | "a" | "al") && after_de => {
                (i - 1, i + 1, i + 2)
            }
            // "conforme o IBGE", but not "conforme a economia cresce" ("as the economy grows"): a
            // name or a group that speaks follows.
            Language::Portuguese if w == "conforme" && self.names_a_speaker(i + 1) => (i, i, i + 1),
            Language::Spanish if SEGUN.contains(&w) => (i, i, i + 1),
            Language::Portuguese if w == "acordo" && self.lower(i + 1) == "com" && after_de => (i - 1, i + 1, i + 2),
            Language::Portuguese
                if w == "segundo"
                    && !ARTICLES_BEFORE_SEGUNDO.contains(&self.lower(i.wrapping_sub(1)))
                    && self.word(i + 1).is_some_and(|n| {
                        n.capitalized
                            || matches!(n.lower.as_ref(), "o" | "a" | "os" | "as" | "ele" | "ela")
                            || self.lexicon.vague_sources.contains(&n.lower.as_ref())
                            || self.lexicon.institutional_sources.contains(&n.lower.as_ref())
                    }) =>
            {
                (i, i, i + 1)
            }
            _ => return None,
        };
        if self.lexicon.language == Language::Spanish
            && SEGUN.contains(&w)
            && let Some(cue) = self.segun_with_a_verb(i)
        {
            return Some(cue);
        }
        let source = self.object(source_start);
        Some(self.cue(self.span_of(first, cue_end.min(self.words.len() - 1)), source, CueKind::According))
    }

    /// "según" before a verb rather than its source: "según dijo el ministro" names its source
    /// after the verb; "según trascendió", "según se supo" name none.
    fn segun_with_a_verb(&self, segun: usize) -> Option<Cue> {
        const TRANSPIRED: &[&str] = &["trascendió", "trascendieron", "trasciende", "trascendido"];
        let next = self.lower(segun + 1);
        if next == "se" && segun + 2 < self.words.len() {
            return Some(self.cue(self.span_of(segun, segun + 2), None, CueKind::Passive));
        }
        if TRANSPIRED.contains(&next) {
            return Some(self.cue(self.span_of(segun, segun + 1), None, CueKind::Passive));
        }
        if !self.is(segun + 1, WordClass::REPORTING_VERB) {
            return None;
        }
        let source = self.object(segun + 2);
        let kind = if source.is_some() { CueKind::According } else { CueKind::Passive };
        Some(self.cue(self.span_of(segun, segun + 1), source, kind))
    }

    /// "in a statement", "in an interview with", "in his opinion", "en un comunicado", "em nota".
    /// The word at `i` is one of [`CUE_PHRASE_OPENERS`], as for [`Sentence::according`].
    fn noun_phrase(&self, i: usize) -> Option<Cue> {
        const MAX_GAP_WORDS: usize = 5;
        // A long name counts as one word: "in an NBC News/Wall Street Journal poll".
        const MAX_NAME_WORDS: usize = 6;
        let nouns = match (self.lexicon.language, self.lower(i)) {
            (Language::English, "in" | "on") | (Language::Spanish, "en") | (Language::Portuguese, "em") => {
                WordClass::CUE_NOUN
            }
            // "Under Missouri law": the document that says so.
            (Language::English, "under") => WordClass::RULE_NOUN,
            _ => return None,
        };
        let mut possessor = None;
        let mut names = 0;
        for k in i + 1..(i + 2 + MAX_GAP_WORDS + MAX_NAME_WORDS).min(self.words.len()) {
            if k - i - names > MAX_GAP_WORDS + 1 {
                return None;
            }
            // Names inside the phrase may be joined by slashes: "an NBC News/Wall Street Journal poll".
            let gap = &self.text[self.words[k - 1].span.end..self.words[k].span.start];
            if !gap.chars().all(|c| c.is_whitespace() || c == '/') {
                return None;
            }
            let w = &self.words[k];
            if matches!(w.lower.as_ref(), "in" | "en" | "em" | "on" | "under") {
                return None; // the phrase starts at this later preposition
            }
            // "on Iowa up to Monday night's caucuses", "on foreign policy was his speech": the
            // phrase ended before its noun.
            if self.is(k, WordClass::BE_FORM) || PHRASE_ENDS.contains(&w.lower.as_ref()) {
                return None;
            }
            if self.is(k, nouns) {
                let needs_possessor = matches!(w.lower.as_ref(), "opinion" | "view" | "words" | "opinión" | "opinião");
                if needs_possessor && possessor.is_none() {
                    return None;
                }
                return Some(self.cue(self.span_of(i, k), possessor, CueKind::NounPhrase));
            }
            if self.is(k, WordClass::POSSESSIVE) || w.lower.ends_with("'s") {
                possessor = Some(w.span);
            } else if w.capitalized {
                if k - 1 > i && self.words[k - 1].capitalized {
                    names = (names + 1).min(MAX_NAME_WORDS);
                }
            } else if !w.lower.chars().all(|c| c.is_alphabetic() || c == '-') {
                return None;
            }
        }
        None
    }

    /// A speech act or stance named as a noun with its holder: "his critique of", "Obama's
    /// announcement", "their opposition to", "criticism from allies".
    fn possessed_speech(&self, i: usize) -> Option<Cue> {
        if !self.is(i, WordClass::SPEECH_NOUN) {
            return None;
        }
        let holder = i.checked_sub(1).filter(|&h| self.clean_gap(h, i)).filter(|&h| {
            let w = &self.words[h];
            self.is(h, WordClass::POSSESSIVE) || (w.lower.ends_with("'s") && w.capitalized)
        });
        // "drew criticism from Democrats": the holder follows.
        let source = match holder {
            Some(h) => self.words[h].span,
            None if self.lower(i + 1) == "from" && self.clean_gap(i, i + 1) => self.object(i + 2)?,
            None => return None,
        };
        Some(self.cue(self.words[i].span, Some(source), CueKind::NounPhrase))
    }

    /// A state of mind ascribed to a named holder with an adjective: "Barden's group is
    /// appreciative of", "the senator was confident that", "she is opposed to".
    fn attitude(&self, i: usize) -> Option<Cue> {
        if !self.is(i, WordClass::ATTITUDE_ADJECTIVE)
            || !matches!(self.lower(i + 1), "that" | "of" | "about" | "to" | "with" | "over" | "by")
        {
            return None;
        }
        let mut be = i.checked_sub(1)?;
        while be > 0 && self.clean_gap(be, be + 1) && self.lower(be).ends_with("ly") {
            be -= 1; // "is particularly appreciative of"
        }
        if !(self.is(be, WordClass::BE_FORM) || matches!(self.lower(be), "remain" | "remains" | "remained")) {
            return None;
        }
        let source = self.subject(be)?;
        Some(self.cue(self.words[i].span, Some(source), CueKind::Verb(VerbClass::Cognition)))
    }

    /// A sentence opening "For Sanders, ..." or "To Frank, ...": the view of a named holder.
    fn perspective(&self, i: usize) -> Option<Cue> {
        const MAX_HOLDER_WORDS: usize = 8;
        if i != 0 {
            return None;
        }
        let opens = match self.lexicon.language {
            Language::English => matches!(self.lower(0), "for" | "to"),
            Language::Spanish | Language::Portuguese => self.lower(0) == "para",
        };
        if !opens {
            return None;
        }
        let mut last = 1;
        while last < self.words.len() && last <= MAX_HOLDER_WORDS {
            if !self.clean_gap(last - 1, last) && last > 1 {
                break;
            }
            last += 1;
        }
        let holder_end = last - 1;
        let comma_after = self.text[self.words[holder_end].span.end..].trim_start().starts_with(',');
        // A name, or a group that names no one as the holder's head ("For critics, ...", "Para los
        // ambientalistas, ..."), which the cue then marks vague; not "For many months, ...".
        let head = self.head_of(1, holder_end).unwrap_or(holder_end);
        let names_someone = (1..=holder_end).any(|k| self.words[k].capitalized)
            || self.lexicon.vague_sources.contains(&self.lower(head));
        (holder_end >= 1 && comma_after && names_someone)
            .then(|| self.cue(self.words[0].span, Some(self.span_of(1, holder_end)), CueKind::NounPhrase))
    }

    fn verb(&self, i: usize) -> Option<Cue> {
        if !self.is(i, WordClass::REPORTING_VERB) {
            return None;
        }
        let form = self.lexicon.without_enclitic(&self.words[i].lower);
        let cue = self.lexicon.verbs[form];
        let span = self.words[i].span;
        let progressive = is_gerund(form);
        // Adverbs and auxiliaries between the subject and this word ("has also detailed") show it
        // is a verb, however often the form is a noun.
        let mut first_prelude = i;
        while first_prelude > 0
            && self.clean_gap(first_prelude - 1, first_prelude)
            && (self.is(first_prelude - 1, WordClass::VERB_PRELUDE) || self.is(first_prelude - 1, WordClass::BE_FORM))
        {
            first_prelude -= 1;
        }
        let has_prelude = first_prelude < i;
        if cue.needs_auxiliary && !(first_prelude..i).any(|k| self.is(k, WordClass::AUXILIARY)) {
            return None; // "lo dicho", "el citado informe"
        }
        // "The carmaker reportedly plans": the stance is reported by nobody in particular.
        if let Some(hedge) = (first_prelude..i).find(|&k| self.is(k, WordClass::VAGUE_ADVERB)) {
            return Some(self.cue(self.words[hedge].span, None, CueKind::HedgeAdverb));
        }
        let passive = !progressive && (first_prelude..i).any(|k| self.is(k, WordClass::BE_FORM));
        if passive {
            // "was endorsed by the Times", "fue criticado por la oposición": the agent is the source.
            if self.lexicon.agent_prepositions.contains(&self.lower(i + 1)) {
                return Some(self.cue(span, self.object(i + 2), CueKind::Verb(cue.class)));
            }
            let impersonal = first_prelude > 0 && self.lower(first_prelude - 1) == "it"; // "it is believed"
            let reports = impersonal
                || matches!(self.lower(i + 1), "to" | "that" | "as")
                || self.char_after(i).is_none_or(|c| c == ',');
            return (VAGUE_PARTICIPLES.contains(&form) && reports).then(|| self.cue(span, None, CueKind::Passive));
        }
        let prev = i.checked_sub(1).filter(|&p| self.clean_gap(p, i));
        let capitalized_mid_sentence = self.words[i].capitalized && !self.is_sentence_initial(i);
        let counted =
            prev.is_some_and(|p| self.lower(p).starts_with(|c: char| c.is_ascii_digit())) && !self.clause_follows(i);
        if capitalized_mid_sentence
            || counted
            || prev.is_some_and(|p| self.is(p, WordClass::NON_REPORTING_BEFORE))
            || (cue.ambiguous
                && !self.has_complement(i)
                && !self.follows_document(i)
                && !self.tags_a_quotation(i)
                && !self.forecasts_a_figure(i, cue.lemma)
                && !self.names_with_de(i, cue.lemma))
            || (self.is(i, WordClass::NOUN_PRONE)
                && !has_prelude
                && !self.noun_prone_is_verb(i)
                && !self.tags_a_quotation(i))
            || cue.has_other_sense_before(self.lower(i + 1))
        {
            return None;
        }
        let after_comma = i == 0 || matches!(self.char_before(i), Some(',' | '”' | '"' | '’' | '»' | '—' | '–'));
        // A speaker is named after what they said ("..., said Ruiz"); a document or data seldom is
        // ("The poll, conducted by Gallup, shows ..."). A clause or a named object after the verb
        // is no speaker ("The minister, Luis Caputo, denied that ..."): the subject comes first.
        let inverted = after_comma && cue.class != VerbClass::Evidence;
        let source = if inverted && self.object_follows(i, cue.lemma) {
            self.subject(i).or_else(|| self.object(i + 1))
        } else if inverted {
            self.object(i + 1).or_else(|| self.subject(i))
        } else {
            self.subject(i)
        }
        .or_else(|| self.appositive_tag_subject(i))
        .or_else(|| self.relative_subject(i));
        if source.is_none() && (cue.ambiguous || cue.class != VerbClass::Speech) {
            return None;
        }
        Some(self.cue(span, source, CueKind::Verb(cue.class)))
    }

    /// An inverted speech tag right after a quotation: "«…», destacó el ministro", "—Vamos a
    /// ganar —contó el entrenador". There a verb with other senses ("destacar", "contar") reports,
    /// when its speaker follows it: a name, or a noun phrase opened by a determiner.
    fn tags_a_quotation(&self, verb: usize) -> bool {
        // The sentence's words leave out quoted ones: the verb is the first word outside the
        // quotation that opens the sentence. After a subject ("Serafinowicz, who starred in
        // “Parks”, posted the clip") the words after the verb are its object, not its speaker.
        if verb != 0 {
            return false;
        }
        let gap = &self.text[self.span.start..self.words[verb].span.start];
        let after_quotation =
            gap.contains(char::is_alphanumeric) && gap.trim_end().ends_with([',', '—', '–', '”', '»', '"', '’']);
        after_quotation
            && self.word(verb + 1).is_some_and(|w| w.capitalized || self.is(verb + 1, WordClass::DETERMINER))
            && self.clean_gap(verb, verb + 1)
    }

    /// "In the view of the opposition", "en opinión del economista Martín Redrado", "a juicio de
    /// los analistas", "na avaliação do economista", "a su juicio": a viewpoint noun (at `i`)
    /// after its preposition, with its holder after "of" or before it as a possessive.
    fn viewpoint(&self, i: usize) -> Option<Cue> {
        if !VIEWPOINT_NOUNS.contains(&self.lower(i)) || i == 0 {
            return None;
        }
        let glued_before = |k: usize| k > 0 && self.clean_gap(k - 1, k);
        let mut first = i - 1;
        // "in our judgment", "en mi opinión": the writer's own view, which attributes nothing.
        const FIRST_PERSON: &[&str] =
            &["my", "our", "mi", "mis", "nuestra", "nuestro", "meu", "minha", "nossa", "nosso"];
        if FIRST_PERSON.contains(&self.lower(first)) {
            return None;
        }
        let possessor = self.is(first, WordClass::POSSESSIVE).then(|| self.words[first].span);
        // "tears in their eyes": eyes are a point of view only as "the eyes of".
        if possessor.is_some() && self.lower(i) == "eyes" {
            return None;
        }
        let determined = possessor.is_some() || self.is(first, WordClass::DETERMINER);
        if determined && glued_before(first) {
            first -= 1;
        }
        // The preposition, with the article Portuguese contracts into it: "in the", "en", "a",
        // "na", "nas". English needs the article: "in view of the storm" is "considering".
        let opens = match self.lexicon.language {
            Language::English => self.lower(first) == "in" && determined,
            Language::Spanish => matches!(self.lower(first), "en" | "a" | "al"),
            Language::Portuguese => matches!(self.lower(first), "na" | "nas" | "no" | "nos" | "em" | "a" | "à"),
        };
        if !opens || !glued_before(i) {
            return None;
        }
        let (source, cue_end) = match possessor {
            Some(possessor) => (possessor, i),
            None => {
                let of = i + 1;
                if !VIEWPOINT_OF.contains(&self.lower(of)) || !self.clean_gap(i, of) {
                    return None;
                }
                if VIEWPOINT_OR_TOPIC.contains(&self.lower(i)) && !self.names_a_speaker(of + 1) {
                    return None;
                }
                (self.object(of + 1)?, of)
            }
        };
        Some(self.cue(self.span_of(first, cue_end), Some(source), CueKind::NounPhrase))
    }

    /// Whether the noun phrase read rightwards from `start` names someone who can speak: a name,
    /// or a group or official that speaks ("los analistas", "fontes do governo").
    fn names_a_speaker(&self, start: usize) -> bool {
        self.object(start).is_some_and(|phrase| {
            self.words[start..].iter().take_while(|w| phrase.contains_span(w.span)).any(|w| {
                w.capitalized
                    || self.lexicon.vague_sources.contains(&w.lower.as_ref())
                    || self.lexicon.institutional_sources.contains(&w.lower.as_ref())
            })
        })
    }

    /// A relative pronoun right before the verb stands for its antecedent: "her records, which
    /// showed she was fit".
    fn relative_subject(&self, verb: usize) -> Option<Span> {
        let before = verb.checked_sub(1).filter(|&b| self.clean_gap(b, verb))?;
        matches!(self.lower(before), "which" | "who" | "that").then(|| self.words[before].span)
    }

    /// The subject of a closing tag whose speaker has an appositive: "..., the association's chair,
    /// Marta Kowal, added."
    fn appositive_tag_subject(&self, verb: usize) -> Option<Span> {
        const MAX_TAG_WORDS: usize = 8;
        // The tag is the last clause; counting back from the verb, the comma that opens it is the
        // third: "... summer, | the association's chair, Marta Kowal, | added."
        const OPENING_COMMA: usize = 3;
        if !matches!(self.char_after(verb), None | Some('.' | '!')) {
            return None;
        }
        let mut commas = 0;
        let mut k = verb;
        while k > 0 && verb - k <= MAX_TAG_WORDS {
            let gap = &self.text[self.words[k - 1].span.end..self.words[k].span.start];
            if !gap.chars().all(|c| c.is_whitespace() || c == ',') {
                return None;
            }
            if gap.contains(',') {
                commas += 1;
                if commas == OPENING_COMMA {
                    return (k < verb).then(|| Span::new(self.words[k].span.start, self.words[verb - 1].span.end));
                }
            }
            k -= 1;
        }
        None
    }

    /// A reported clause starts right after word `i`: "that", "whether", "que", a comma, a colon, a
    /// quote.
    fn clause_follows(&self, i: usize) -> bool {
        matches!(self.char_after(i), Some(',' | ':' | '"' | '“' | '«'))
            || matches!(self.lower(i + 1), "that" | "whether" | "if" | "que")
    }
}

/// The cues of one sentence.
#[derive(Clone, Debug, Default)]
pub struct SentenceCues {
    /// The strongest cue: a named source wins over a vague one.
    pub strongest: Option<Cue>,
    /// Every vague attribution, in text order.
    pub vague: Vec<Cue>,
}

/// The cues of the sentence at `span`, whose words are `words` with their `classes`, ignoring
/// words inside quotations (a quoted "they say" is the speaker's words, not the article's
/// attribution).
pub fn find<'a>(
    text: &'a str,
    span: Span,
    words: &'a [Word<'a>],
    classes: &'a [WordClass],
    quoted: &[Span],
    lexicon: &'static Lexicon,
) -> SentenceCues {
    let mut inside: Vec<Span> = quoted.iter().copied().filter(|q| q.intersects(span)).collect();
    let (words, classes) = if inside.is_empty() {
        (Cow::Borrowed(words), Cow::Borrowed(classes))
    } else {
        // Sized for the whole sentence, which bounds what is kept, rather than grown word by word.
        let mut kept_words = Vec::with_capacity(words.len());
        let mut kept_classes = Vec::with_capacity(words.len());
        // A quotation holds a word exactly when, of those starting at or before it, the one that
        // reaches furthest reaches past it: one walk of both in order, not every quotation tested
        // against every word (a sentence may hold thousands of each).
        inside.sort_by_key(|q| q.start);
        let (mut next, mut reach) = (0, 0);
        for (w, c) in words.iter().zip(classes) {
            while let Some(q) = inside.get(next).filter(|q| q.start <= w.span.start) {
                reach = reach.max(q.end);
                next += 1;
            }
            if reach < w.span.end {
                kept_words.push(w.clone());
                kept_classes.push(*c);
            }
        }
        (Cow::Owned(kept_words), Cow::Owned(kept_classes))
    };
    let sentence = Sentence { text, span, words, classes, lexicon };
    let mut vague = sentence.vague_cues();
    let mut strongest = None;
    for i in 0..sentence.words.len() {
        // A word read as vague ("faced ridicule", "is expected") is not also a named cue's verb.
        // One lookup rules out most words before the cue tests run; only the first word may open
        // a perspective ("For Sanders, ...").
        if i != 0 && !sentence.is(i, WordClass::CUE_ANCHOR)
            || vague.iter().any(|v| v.span.contains_span(sentence.words[i].span))
        {
            continue;
        }
        let cue = sentence
            .according(i)
            .or_else(|| sentence.perspective(i))
            .or_else(|| sentence.noun_phrase(i))
            .or_else(|| sentence.viewpoint(i))
            .or_else(|| sentence.possessed_speech(i))
            .or_else(|| sentence.attitude(i))
            .or_else(|| sentence.verb(i));
        match cue {
            Some(c) if !c.vague => {
                strongest = Some(c);
                break;
            }
            Some(c) if !vague.iter().any(|v| v.span.intersects(c.span)) => vague.push(c),
            Some(_) | None => {}
        }
    }
    vague.sort_by_key(|c| c.span.start);
    // An unnamed group ("segundo pessoas próximas às negociações") is still a source, which a
    // rumour's conditional or a "reportedly" in the same sentence is not.
    let vague_strongest = vague.iter().find(|c| c.source.is_some()).or(vague.first()).copied();
    SentenceCues { strongest: strongest.or(vague_strongest), vague }
}

/// Labels that open a paragraph like a speaker's name but head a section.
const HEADING_LABELS: &[&str] = &[
    "Editor's Note",
    "Editor’s Note",
    "Related Coverage",
    "Breaking News",
    "Photo Credit",
    "Read More",
    "Watch Video",
];

/// A transcript speaker label opening a paragraph: "WALLACE:", "MR. TRUMP:", "Q:".
pub fn speaker_label(text: &str, paragraph: Span) -> Option<Cue> {
    const MAX_LABEL_BYTES: usize = 40;
    const MAX_LABEL_WORDS: usize = 4;
    let s = paragraph.text(text);
    // A colon is one ASCII byte, never part of another character: the bytes are searched rather
    // than the characters decoded, for every paragraph.
    let colon = s.bytes().take(MAX_LABEL_BYTES).position(|b| b == b':')?;
    let label = &s[..colon];
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    let words: Vec<&str> = label.split_whitespace().collect();
    let all_caps = label.chars().all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '-' | '’'));
    // "Chris Matthews:", "Sen. Warren:"; one capitalised word is too often a heading ("Update:").
    let name = words.len() >= 2
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '-' | '’'))
        });
    let ok = (letters >= 2 || label == "Q" || label == "A")
        && words.len() <= MAX_LABEL_WORDS
        && (all_caps || name)
        && !HEADING_LABELS.iter().any(|h| label.eq_ignore_ascii_case(h));
    ok.then(|| Cue {
        span: Span::new(paragraph.start + colon, paragraph.start + colon + 1),
        source: Some(Span::new(paragraph.start, paragraph.start + colon)),
        kind: CueKind::SpeakerLabel,
        vague: false,
    })
}

/// Dashes that credit a quotation to the name after them; a hyphen only with a space after it.
const CREDIT_DASHES: &[&str] = &["—", "―", "–", "--", "- "];
/// At most this many words in a credit line: "— Ana Ruiz, economist at the central bank".
const MAX_CREDIT_WORDS: usize = 12;

/// A credit line after a quotation that opens its line and ends a sentence: “We will stay.” —
/// Ana Ruiz, economist. Reader-reaction pieces, pull quotes and epigraphs name the speaker so: a
/// dash and a capitalised name after the closing mark, to the end of the line. The name runs to
/// the first comma or parenthesis, where the speaker's description begins.
pub fn credit(text: &str, quote: &Quotation, paragraph: Span) -> Option<Cue> {
    // Only white space between the line's start and the quotation: read from the quotation back,
    // not searched for from the paragraph's start, which took the square of a paragraph's length
    // when one line held thousands of quotations.
    let before = text[paragraph.start..quote.span.start].trim_end();
    let opens_line = before.is_empty() || text[paragraph.start + before.len()..quote.span.start].contains('\n');
    if !quote.closed || !opens_line || !quote.content.text(text).trim_end().ends_with(['.', '!', '?', '…']) {
        return None;
    }
    let rest = &text[quote.span.end..paragraph.end];
    let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let dash_at = line.len() - line.trim_start().len();
    let dash = CREDIT_DASHES.iter().find(|d| line[dash_at..].starts_with(*d))?.trim_end();
    let after_dash = &line[dash_at + dash.len()..];
    let name_at = dash_at + dash.len() + (after_dash.len() - after_dash.trim_start().len());
    let credit = line[name_at..].trim_end();
    if !credit.starts_with(char::is_uppercase) || credit.split_whitespace().count() > MAX_CREDIT_WORDS {
        return None;
    }
    let name = credit[..credit.find([',', ';', '(']).unwrap_or(credit.len())].trim_end().trim_end_matches('.');
    let start = quote.span.end;
    Some(Cue {
        span: Span::new(start + dash_at, start + dash_at + dash.len()),
        source: Some(Span::new(start + name_at, start + name_at + name.len())),
        kind: CueKind::Credit,
        vague: false,
    })
}
