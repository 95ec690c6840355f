//! Attribution: for every sentence, whether its content is attributed, to whom (source span) and
//! by which words (cue span), and for every quotation, who speaks it.
//!
//! Cues are found inside a sentence (reporting verbs in any order, "according to", noun cues such
//! as "in a statement", transcript speaker labels), then carried to the sentences they govern:
//! quotations whose speaker is named once, text after a colon introduction, and the following
//! sentences of the same paragraph, where news writing continues a speaker without repeating the tag.

mod conjugation;
mod cues;
pub mod lexicon;
mod vague;
mod word_class;

pub use cues::{Cue, CueKind};
use word_class::{Classes, WordClass};

use crate::article::{Article, ParagraphKind, SentenceWords, Word};
use crate::language::Language;
use crate::span::Span;

/// How a sentence came to be attributed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Link {
    /// The cue is in the sentence itself.
    InSentence,
    /// The sentence is inside a quotation whose speaker is named elsewhere.
    Quotation,
    /// The sentence follows a "... said:" introduction.
    ColonIntro,
    /// The sentence continues the speaker of the previous sentence in its paragraph: after a speech
    /// tag that closed it ("..., she said. It costs more."), in backshifted reported speech
    /// ("She said the mill would close. It had lost money."), or pointing back at what was
    /// reported ("In his opinion, a market will emerge. This market ...").
    Continuation,
    /// The paragraph opens with a transcript label such as "WALLACE:".
    SpeakerLabel,
}

#[derive(Clone, Copy, Debug)]
pub struct Attribution {
    pub cue: Cue,
    pub link: Link,
    /// The sentence that holds the cue.
    pub cue_sentence: usize,
}

impl Attribution {
    /// Whether it names someone as the source of what it covers: any cue but a vague one that
    /// names nobody ("is expected to", "reportedly", "se espera"), which leaves a claim unattributed.
    /// An unnamed group ("critics say") names someone, vaguely.
    pub fn names_someone(&self) -> bool {
        !self.cue.vague || self.cue.source.is_some()
    }
}

/// The attribution of every sentence and every quotation of an article.
#[derive(Clone, Debug, Default)]
pub struct Attributions {
    /// Indexed like [`Article::sentences`].
    pub sentences: Vec<Option<Attribution>>,
    /// Indexed like [`Article::quotations`]: the speaker of each quotation.
    pub quotations: Vec<Option<Attribution>>,
    /// Indexed like [`Article::sentences`]: the vague attributions in the article's own voice —
    /// outside quotations and outside what a named source is reported to say.
    pub vague: Vec<Vec<Cue>>,
}

/// At most this many words after a speech cue make it a tag closing its sentence ("..., he said.").
const TAG_WORDS: usize = 6;

/// Share of a sentence's length inside quotations above which the sentence is the quotation's.
const QUOTED_SHARE: f32 = 0.5;

/// Whether a sentence lies mostly inside quotations.
pub fn is_quoted(article: &Article, sentence: Span) -> bool {
    quoted_share(article, sentence) >= QUOTED_SHARE
}

fn quoted_share(article: &Article, sentence: Span) -> f32 {
    let inside: usize = article
        .quotations_meeting(sentence)
        .map(|(_, q)| q)
        .filter(|q| q.content.intersects(sentence))
        .map(|q| q.content.end.min(sentence.end) - q.content.start.max(sentence.start))
        .sum();
    inside as f32 / sentence.len().max(1) as f32
}

/// The attributions of `article`, whose sentences are split into `words`, read with the cue words
/// of its language.
pub fn attribute(text: &str, article: &Article, words: &SentenceWords, language: Language) -> Attributions {
    let lexicon = lexicon::Lexicon::of(language);
    // One vector of classes for the article's words, not one a sentence.
    let table = Classes::of(lexicon);
    let classes: Vec<WordClass> = words.all().iter().map(|w| table.get(lexicon.without_enclitic(&w.lower))).collect();
    let found: Vec<cues::SentenceCues> = article
        .sentences
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let quoted: Vec<Span> = article.quotations_meeting(s.span).map(|(_, q)| q.content).collect();
            cues::find(text, s.span, words.of(i), &classes[words.range(i)], &quoted, lexicon)
        })
        .collect();
    let mut direct: Vec<Option<Cue>> = found.iter().map(|c| c.strongest).collect();
    let credits: Vec<Option<Cue>> =
        article.quotations.iter().map(|q| cues::credit(text, q, article.paragraphs[q.paragraph].span)).collect();
    // A credit line names the speaker of its own sentence too ("— Ana Ruiz, economist").
    for cue in credits.iter().flatten() {
        if let Some(i) = article.sentence_at(cue.span.start)
            && direct[i].is_none_or(|c| c.vague)
        {
            direct[i] = Some(*cue);
        }
    }
    let labels: Vec<Option<Cue>> = article.paragraphs.iter().map(|p| cues::speaker_label(text, p.span)).collect();
    let in_sentence = |i: usize| direct[i].map(|cue| Attribution { cue, link: Link::InSentence, cue_sentence: i });
    let named_in_sentence = |i: usize| in_sentence(i).filter(|a| !a.cue.vague);

    let quotations = quotation_speakers(text, article, &direct, &credits);

    let mut sentences: Vec<Option<Attribution>> = Vec::with_capacity(article.sentences.len());
    for (i, sentence) in article.sentences.iter().enumerate() {
        let paragraph = &article.paragraphs[sentence.paragraph];
        let first_in_paragraph = paragraph.sentences.start == i;
        let previous = i.checked_sub(1).and_then(|p| sentences[p]);
        let previous_same_paragraph = previous.filter(|_| !first_in_paragraph);
        // A vague cue yields to any named source in scope: a speaker label, a quotation's speaker,
        // a colon introduction, a continued speaker.
        let attribution = named_in_sentence(i)
            .or_else(|| {
                labels[sentence.paragraph].map(|cue| Attribution {
                    cue,
                    link: Link::SpeakerLabel,
                    cue_sentence: paragraph.sentences.start,
                })
            })
            .or_else(|| {
                is_quoted(article, sentence.span)
                    .then(|| {
                        article
                            .quotations_meeting(sentence.span)
                            .filter(|(_, q)| q.content.intersects(sentence.span))
                            .find_map(|(qi, _)| quotations[qi])
                    })
                    .flatten()
                    .map(|a| Attribution { link: Link::Quotation, ..a })
            })
            .or_else(|| {
                let before = i.checked_sub(1)?;
                let intro = previous?;
                ends_with_colon(text, article.sentences[before].span)
                    .then_some(Attribution { link: Link::ColonIntro, ..intro })
            })
            .or_else(|| {
                previous_same_paragraph
                    .filter(|a| {
                        !a.cue.vague
                            && paragraph.kind == ParagraphKind::Body
                            && (tags_its_sentence(text, article, a)
                                || reports_speech(a) && backshifted(words.of(i))
                                || opens_with_anaphor(words.of(i)))
                    })
                    .map(|a| Attribution { link: Link::Continuation, ..a })
            })
            .or_else(|| in_sentence(i));
        sentences.push(attribution);
    }
    let vague = found
        .into_iter()
        .enumerate()
        .map(|(i, cues)| {
            cues.vague
                .into_iter()
                .filter(|cue| in_articles_voice(text, article.sentences[i].span, sentences[i], cue))
                .collect()
        })
        .collect();
    Attributions { sentences, quotations, vague }
}

/// Whether a vague cue is the article's own wording rather than part of what a named source says:
/// "Ruiz said the plan is expected to fail" and "The plan is expected to fail, Ruiz said" report
/// Ruiz; in "The efforts are expected to continue, with Obama expected to visit" the first hedge
/// is the article's, and so is one in an aside after the cue ("Ruiz backed Romney, who is
/// expected to run").
fn in_articles_voice(text: &str, sentence: Span, attribution: Option<Attribution>, cue: &Cue) -> bool {
    match attribution {
        None => true,
        Some(a) if a.cue.vague => true,
        Some(a) if a.link == Link::InSentence => {
            let closing_tag = (reports_speech(&a) || a.cue.kind == CueKind::According)
                && text[a.cue.span.end..sentence.end].split_whitespace().count() <= TAG_WORDS;
            (cue.span.end <= a.cue.span.start || opens_aside(text, sentence, cue)) && !closing_tag
        }
        Some(_) => false,
    }
}

/// A cue opening a non-restrictive relative clause (", who is expected to", ", which appeared
/// to"): the writer's aside about someone in the sentence, not part of what is reported.
fn opens_aside(text: &str, sentence: Span, cue: &Cue) -> bool {
    let before = text[sentence.start..cue.span.start].trim_end();
    before
        .strip_suffix("who")
        .or_else(|| before.strip_suffix("which"))
        .is_some_and(|rest| rest.ends_with(char::is_whitespace) && rest.trim_end().ends_with(','))
}

/// A speech tag that closes its sentence ("..., he said."): news writing carries such a speaker
/// on to the next sentence of the paragraph.
fn tags_its_sentence(text: &str, article: &Article, attribution: &Attribution) -> bool {
    let sentence = article.sentences[attribution.cue_sentence].span;
    reports_speech(attribution) && text[attribution.cue.span.end..sentence.end].split_whitespace().count() <= TAG_WORDS
}

fn reports_speech(attribution: &Attribution) -> bool {
    matches!(attribution.cue.kind, CueKind::Verb(lexicon::VerbClass::Speech))
}

/// Reported speech shifts tenses back ("the mill would close", "it had lost money"): a sentence
/// in that mood after a speech cue goes on reporting the same source.
fn backshifted(sentence: &[Word]) -> bool {
    const BACKSHIFT: &[&str] = &["would", "had", "could", "might", "wouldn't", "hadn't", "couldn't"];
    sentence.iter().any(|w| BACKSHIFT.contains(&w.lower.as_ref()))
}

/// A sentence that opens by pointing back at what was just reported: "This market ...",
/// "That includes ...".
fn opens_with_anaphor(sentence: &[Word]) -> bool {
    const ANAPHORS: &[&str] = &["this", "that", "these", "those", "such"];
    sentence.first().is_some_and(|w| ANAPHORS.contains(&w.lower.as_ref()))
}

fn ends_with_colon(text: &str, span: Span) -> bool {
    span.text(text).trim_end().ends_with(':')
}

/// The speaker of each quotation: its credit line, a cue in a sentence it overlaps, a short tag
/// sentence right after it, a colon introduction right before it, the quotation it continues from
/// the previous paragraph, or the speaker of the sentence before it in its paragraph.
fn quotation_speakers(
    text: &str,
    article: &Article,
    direct: &[Option<Cue>],
    credits: &[Option<Cue>],
) -> Vec<Option<Attribution>> {
    let mut speakers: Vec<Option<Attribution>> = vec![None; article.quotations.len()];
    let at = |i: usize| {
        direct.get(i).copied().flatten().map(|cue| Attribution { cue, link: Link::Quotation, cue_sentence: i })
    };
    for (qi, quote) in article.quotations.iter().enumerate() {
        let Some(first) = article.sentence_at(quote.span.start) else {
            continue;
        };
        let last = article.sentence_at(quote.span.end.saturating_sub(1)).unwrap_or(first);
        let paragraph = &article.paragraphs[quote.paragraph];
        let same_paragraph = |i: usize| paragraph.sentences.contains(&i);
        let overlapping = (first..=last).find_map(at);
        let tag_after = Some(last + 1)
            .filter(|&i| same_paragraph(i) && is_speech_tag(text, article.sentences[i].span))
            .and_then(at);
        let colon_before =
            first.checked_sub(1).filter(|&i| ends_with_colon(text, article.sentences[i].span)).and_then(at);
        let continued = quote.continues.and_then(|p| speakers[p]);
        let previous_in_paragraph = first.checked_sub(1).filter(|&i| same_paragraph(i)).and_then(at);
        let credit = credits[qi].map(|cue| Attribution {
            cue,
            link: Link::Quotation,
            cue_sentence: article.sentence_at(cue.span.start).unwrap_or(last),
        });
        speakers[qi] = credit.or(overlapping).or(tag_after).or(colon_before).or(continued).or(previous_in_paragraph);
    }
    // A quotation that runs over several paragraphs is often tagged only in a later one.
    for qi in (0..speakers.len()).rev() {
        if let (Some(p), Some(speaker)) = (article.quotations[qi].continues, speakers[qi])
            && speakers[p].is_none()
        {
            speakers[p] = Some(speaker);
        }
    }
    speakers
}

/// A short sentence that only names a speaker: "Putin said.", "he added in an interview."
fn is_speech_tag(text: &str, span: Span) -> bool {
    const MAX_TAG_WORDS: usize = 12;
    let s = span.text(text);
    s.split_whitespace().count() <= MAX_TAG_WORDS || s.starts_with(char::is_lowercase)
}

#[cfg(test)]
mod tests;

impl Attributions {
    /// The source of an attribution as a name: a pronoun ("he said") is resolved to the nearest
    /// named source before it ("Putin said"), as a reader would.
    pub fn named_source(&self, text: &str, attribution: &Attribution) -> Option<Span> {
        let source = attribution.cue.source?;
        if !is_pronoun(source.text(text)) {
            return Some(source);
        }
        self.sentences[..attribution.cue_sentence]
            .iter()
            .rev()
            .flatten()
            .filter_map(|a| a.cue.source)
            .find(|s| !is_pronoun(s.text(text)))
            .or(Some(source))
    }
}

fn is_pronoun(words: &str) -> bool {
    let lower = words.trim().to_lowercase();
    lexicon::SUBJECT_PRONOUNS.contains(&lower.as_ref()) || lexicon::POSSESSIVES.contains(&lower.as_ref())
}
