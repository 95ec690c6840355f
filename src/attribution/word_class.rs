//! Which of the attribution word lists each word is in, found with one lookup per word of an
//! article. The cue tests read several lists for every word (and more around every verb form);
//! searching each list, or hashing the word for each set, cost more than the tests themselves.
//! The lists stay where they are named; the classes are derived from them once per language.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::cues::{
    ATTITUDE_ADJECTIVES, CLAUSE_WORDS, CUE_PHRASE_OPENERS, DETERMINERS, LEFT_NP_GLUE, RULE_NOUNS, SPEECH_NOUNS,
    VIEWPOINT_NOUNS,
};
use super::lexicon::{
    BE_FORMS, Lexicon, NON_REPORTING_BEFORE, NOUN_PRONE_FORMS, POSSESSIVES, SUBJECT_PRONOUNS, VERB_PRELUDE,
};
use super::vague;
use crate::language::Language;

/// A set of word lists, one bit each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct WordClass(u32);

impl WordClass {
    pub(super) const VERB_PRELUDE: WordClass = WordClass(1);
    pub(super) const BE_FORM: WordClass = WordClass(1 << 1);
    pub(super) const NON_REPORTING_BEFORE: WordClass = WordClass(1 << 2);
    pub(super) const NOUN_PRONE: WordClass = WordClass(1 << 3);
    pub(super) const COMPLEMENT_OPENER: WordClass = WordClass(1 << 4);
    pub(super) const POSSESSIVE: WordClass = WordClass(1 << 5);
    pub(super) const SUBJECT_PRONOUN: WordClass = WordClass(1 << 6);
    pub(super) const LEFT_NP_GLUE: WordClass = WordClass(1 << 7);
    pub(super) const DETERMINER: WordClass = WordClass(1 << 8);
    pub(super) const CLAUSE_WORD: WordClass = WordClass(1 << 9);
    pub(super) const SPEECH_NOUN: WordClass = WordClass(1 << 10);
    pub(super) const ATTITUDE_ADJECTIVE: WordClass = WordClass(1 << 11);
    /// A word some vague shape is anchored on, in any language ([`vague::anchors`]).
    pub(super) const VAGUE_ANCHOR: WordClass = WordClass(1 << 12);
    /// A reporting-verb form of the article's language.
    pub(super) const REPORTING_VERB: WordClass = WordClass(1 << 13);
    /// A hedging adverb of the article's language.
    pub(super) const VAGUE_ADVERB: WordClass = WordClass(1 << 14);
    /// A vague passive participle of the article's language.
    pub(super) const VAGUE_PARTICIPLE: WordClass = WordClass(1 << 15);
    /// A noun of "in a statement" in the article's language.
    pub(super) const CUE_NOUN: WordClass = WordClass(1 << 16);
    /// A document that says what "under" it holds: "Under Missouri law".
    pub(super) const RULE_NOUN: WordClass = WordClass(1 << 17);
    /// A word an "according to" or "in a statement" cue opens with, in any language.
    pub(super) const CUE_PHRASE_OPENER: WordClass = WordClass(1 << 18);
    /// A form of "have" or "be" of the article's language, after which a participle reports.
    pub(super) const AUXILIARY: WordClass = WordClass(1 << 19);
    /// A word some cue found inside a sentence may open with, other than its first word: a filter
    /// run before the cue tests ([`WordClass::has`] reads any of the bits).
    pub(super) const CUE_ANCHOR: WordClass = WordClass(
        Self::CUE_PHRASE_OPENER.0 | Self::SPEECH_NOUN.0 | Self::ATTITUDE_ADJECTIVE.0 | Self::REPORTING_VERB.0,
    );

    pub(super) fn has(self, class: WordClass) -> bool {
        self.0 & class.0 != 0
    }
}

/// The classes of every listed word, for articles read with one lexicon.
pub(super) struct Classes(FxHashMap<&'static str, WordClass>);

impl Classes {
    /// The classes for articles read with `lexicon`: chosen once an article, not once a word.
    pub(super) fn of(lexicon: &Lexicon) -> &'static Classes {
        match lexicon.language {
            Language::English => &ENGLISH,
            Language::Spanish => &SPANISH,
            Language::Portuguese => &PORTUGUESE,
        }
    }

    /// The classes of `lower`, a lower-cased word.
    pub(super) fn get(&self, lower: &str) -> WordClass {
        self.0.get(lower).copied().unwrap_or_default()
    }
}

static ENGLISH: LazyLock<Classes> = LazyLock::new(|| classes(Language::English));
static SPANISH: LazyLock<Classes> = LazyLock::new(|| classes(Language::Spanish));
static PORTUGUESE: LazyLock<Classes> = LazyLock::new(|| classes(Language::Portuguese));

fn classes(language: Language) -> Classes {
    let lexicon = Lexicon::of(language);
    let verbs: Vec<&'static str> = lexicon.verbs.keys().map(String::as_str).collect();
    let anchors: Vec<&'static str> = vague::anchors().collect();
    let lists: [(&[&'static str], WordClass); 25] = [
        (VERB_PRELUDE, WordClass::VERB_PRELUDE),
        (lexicon.verb_preludes, WordClass::VERB_PRELUDE),
        (lexicon.perfect_auxiliaries, WordClass::VERB_PRELUDE),
        (lexicon.perfect_auxiliaries, WordClass::AUXILIARY),
        (lexicon.passive_auxiliaries, WordClass::AUXILIARY),
        (BE_FORMS, WordClass::BE_FORM),
        (lexicon.passive_auxiliaries, WordClass::BE_FORM),
        (NON_REPORTING_BEFORE, WordClass::NON_REPORTING_BEFORE),
        (NOUN_PRONE_FORMS, WordClass::NOUN_PRONE),
        (lexicon.complement_openers, WordClass::COMPLEMENT_OPENER),
        (POSSESSIVES, WordClass::POSSESSIVE),
        (SUBJECT_PRONOUNS, WordClass::SUBJECT_PRONOUN),
        (LEFT_NP_GLUE, WordClass::LEFT_NP_GLUE),
        (DETERMINERS, WordClass::DETERMINER),
        (CLAUSE_WORDS, WordClass::CLAUSE_WORD),
        (SPEECH_NOUNS, WordClass::SPEECH_NOUN),
        (ATTITUDE_ADJECTIVES, WordClass::ATTITUDE_ADJECTIVE),
        (&anchors, WordClass::VAGUE_ANCHOR),
        (&verbs, WordClass::REPORTING_VERB),
        (lexicon.vague_adverbs, WordClass::VAGUE_ADVERB),
        (lexicon.vague_participles, WordClass::VAGUE_PARTICIPLE),
        (lexicon.cue_nouns, WordClass::CUE_NOUN),
        (RULE_NOUNS, WordClass::RULE_NOUN),
        (CUE_PHRASE_OPENERS, WordClass::CUE_PHRASE_OPENER),
        (VIEWPOINT_NOUNS, WordClass::CUE_PHRASE_OPENER),
    ];
    let mut map: FxHashMap<&'static str, WordClass> = FxHashMap::default();
    for (words, class) in lists {
        for &word in words {
            map.entry(word).or_default().0 |= class.0;
        }
    }
    Classes(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_has_the_class_of_every_list_it_is_in() {
        let english = Lexicon::of(Language::English);
        let that = Classes::of(english).get("that");
        assert!(that.has(WordClass::VERB_PRELUDE) && that.has(WordClass::CLAUSE_WORD));
        assert!(that.has(WordClass::DETERMINER) && that.has(WordClass::COMPLEMENT_OPENER));
        assert!(!that.has(WordClass::BE_FORM));
        assert!(Classes::of(english).get("said").has(WordClass::REPORTING_VERB));
        assert_eq!(Classes::of(english).get("zebra"), WordClass::default());
    }

    #[test]
    fn language_classes_follow_the_article_language() {
        let dijo = |language| Classes::of(Lexicon::of(language)).get("dijo").has(WordClass::REPORTING_VERB);
        assert!(dijo(Language::Spanish) && !dijo(Language::English));
        // The vague anchors are shared: only a first filter before each language's own tests.
        let anchor = |language| Classes::of(Lexicon::of(language)).get("supuestamente").has(WordClass::VAGUE_ANCHOR);
        assert!(anchor(Language::English) && anchor(Language::Spanish));
        let hedge = |language| Classes::of(Lexicon::of(language)).get("supuestamente").has(WordClass::VAGUE_ADVERB);
        assert!(hedge(Language::Spanish) && !hedge(Language::Portuguese));
    }
}
