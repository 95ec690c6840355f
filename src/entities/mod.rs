//! Entity recognition: who and what an article talks about.
//!
//! [`recognise`] (or [`recognise_article`], which knows the headline) finds, in one pass over the
//! text's word starts ([`words`]) with one word-level automaton over every knowledge-base form
//! (see [`matcher`]) plus the glossary's own small one:
//!
//! - knowledge-base organizations, countries (names, other-language names, demonyms) and news
//!   agencies; acronyms case-sensitive, names allowing capitals the form writes in lower case
//!   ("Of", headlines); word-bounded, so "CELAC's" and "CELAC’s" are mentions of `CELAC` whose
//!   span covers just the name; leftmost-longest;
//! - definitions inside the article, "Full Name (ACR)" and "ACR (Full Name)", which link the
//!   acronym to the knowledge-base entity of the full name, or create an article entity
//!   (`defined:<slug>`) when the knowledge base lacks it;
//! - people: a title and capitalised names ("President Vladimir Putin"), then later mentions by
//!   full name or surname; the id comes from the full name (`person:vladimir-putin`), so it is
//!   the same in every article;
//! - glossary entries ([`Glossary`]), which win over knowledge-base forms at the same place.
//!
//! Entity ids: `org:<kb id>`, `country:<iso2 lower>`, `agency:<kb id>`, `glossary:<slug>`,
//! `defined:<slug of the full name>`, `person:<slug of the full name>`.

mod definitions;
mod glossary;
mod matcher;
mod occurrences;
mod people;
mod words;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use std::collections::BTreeMap;
use std::rc::Rc;

pub use glossary::{EntrySource, Glossary, GlossaryEntry};

use crate::article::Article;
use crate::kb::{self, Record};
use crate::language::Language;
use crate::span::Span;
use matcher::{Hit, Target};
use words::WordStart;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Organization,
    Country,
    Agency,
    Person,
    /// A glossary entry of another kind.
    Other,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Organization => "organization",
            EntityKind::Country => "country",
            EntityKind::Agency => "agency",
            EntityKind::Person => "person",
            EntityKind::Other => "other",
        }
    }

    /// The kind's name in `language`, for cards.
    pub fn name_in(self, language: Language) -> &'static str {
        match self {
            EntityKind::Organization => language.pick("organization", "organización", "organização"),
            EntityKind::Country => language.pick("country", "país", "país"),
            EntityKind::Agency => language.pick("agency", "agencia", "agência"),
            EntityKind::Person => language.pick("person", "persona", "pessoa"),
            EntityKind::Other => language.pick("other", "otra", "outra"),
        }
    }
}

/// Where an entity's facts come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    Kb(Record),
    /// Index into [`Glossary::entries`].
    Glossary(usize),
    /// Defined in this article ("Full Name (ACR)") and unknown elsewhere.
    Article,
    Person,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// Stable across articles: `org:celac`, `person:vladimir-putin`, `defined:andean-water-council`.
    pub id: String,
    pub kind: EntityKind,
    /// Display name: the knowledge base's or glossary's canonical name, the article's full name
    /// for article entities, the full name for people.
    pub name: String,
    /// The acronym the article (or else the record) uses for it.
    pub acronym: Option<String>,
    pub origin: Origin,
    /// Where the article introduces it: the whole definition ("Community of ... States (CELAC)"),
    /// else the first mention by full name ("President Vladimir Putin"); never in the headline.
    /// `None` when the article only ever uses an acronym or a surname.
    pub introduction: Option<Span>,
    /// The full name as the article spells it in a definition.
    pub defined_as: Option<Span>,
    /// The first mention anywhere (headline included).
    pub first_mention: Span,
}

impl Entity {
    pub fn record(&self) -> Option<Record> {
        match self.origin {
            Origin::Kb(record) => Some(record),
            _ => None,
        }
    }

    /// The full name to spell out on first reference: the article's own definition, else the
    /// canonical name.
    pub fn full_name<'a>(&'a self, text: &'a str) -> &'a str {
        self.defined_as.map_or(self.name.as_str(), |s| s.text(text))
    }

    /// A compact Markdown hover card in `language`: the knowledge-base card, the glossary
    /// entry, or the article's definition.
    pub fn card_markdown(&self, text: &str, glossary: &Glossary, language: Language) -> String {
        match self.origin {
            Origin::Kb(record) => record.card_markdown(language),
            Origin::Glossary(i) => {
                let entry = &glossary.entries()[i];
                let mut lines = vec![format!("**{}**", entry.name)];
                if !entry.aliases.is_empty() {
                    lines[0].push_str(&format!(" ({})", entry.aliases.join(" / ")));
                }
                let kind = entry.kind.as_deref().unwrap_or(language.pick("entity", "entidad", "entidade"));
                let glossary = language.pick(
                    "workspace glossary",
                    "glosario del espacio de trabajo",
                    "glossário do espaço de trabalho",
                );
                lines.push(format!("{kind} · {glossary}"));
                lines.extend(entry.description.clone());
                lines.extend(entry.link.as_ref().map(|l| format!("<{l}>")));
                lines.join("  \n")
            }
            Origin::Article | Origin::Person => {
                let acronym = self.acronym.as_ref().map(|a| format!(" ({a})")).unwrap_or_default();
                let mut lines = vec![format!("**{}**{acronym}", self.name), self.kind.name_in(language).to_string()];
                if let Some(intro) = self.introduction {
                    let introduced = language.pick("Introduced", "Presentado", "Apresentado");
                    lines.push(format!("{introduced}: “{}”", intro.text(text)));
                }
                lines.join("  \n")
            }
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionForm {
    /// A full name, alias, other-language name or demonym.
    Name,
    Acronym,
    /// A person's surname alone.
    Surname,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Just the name: "CELAC" in "CELAC's", "Vladimir Putin" in "President Vladimir Putin".
    pub span: Span,
    /// Index into [`ArticleEntities::entities`].
    pub entity: usize,
    pub form: MentionForm,
    /// Inside the entity's introduction.
    pub introduction: bool,
}

/// An article's entities (in order of first mention) and mentions (in text order).
#[derive(Clone, Debug, Default)]
pub struct ArticleEntities {
    pub entities: Vec<Entity>,
    pub mentions: Vec<Mention>,
}

impl ArticleEntities {
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }

    /// The mention covering `offset` (a cursor at the end of a name counts).
    pub fn mention_at(&self, offset: usize) -> Option<&Mention> {
        let i = self.mentions.partition_point(|m| m.span.end < offset);
        self.mentions.get(i).filter(|m| m.span.start <= offset && offset <= m.span.end)
    }

    pub fn mentions_of(&self, entity: usize) -> impl Iterator<Item = &Mention> {
        self.mentions.iter().filter(move |m| m.entity == entity)
    }

    /// Full names of the people this article names (for [`KnownPeople`]).
    pub fn people(&self) -> impl Iterator<Item = &str> {
        self.entities.iter().filter(|e| e.origin == Origin::Person && e.name.contains(' ')).map(|e| e.name.as_str())
    }

    pub fn entity_of(&self, mention: &Mention) -> &Entity {
        &self.entities[mention.entity]
    }
}

/// Recognises entities in a whole text, treating it all as body (no headline).
pub fn recognise(text: &str, glossary: &Glossary) -> ArticleEntities {
    recognise_in(text, None, glossary, None)
}

/// Recognises entities in a parsed article: mentions in the headline never introduce an entity.
pub fn recognise_article(text: &str, article: &Article, glossary: &Glossary) -> ArticleEntities {
    recognise_in(text, article.headline().map(|p| p.span), glossary, None)
}

/// As [`recognise_article`], also finding people other articles introduced (by full name, then
/// surname) when this one names them without a title: "Vladimir Putin sent a message".
pub fn recognise_article_with(
    text: &str,
    article: &Article,
    glossary: &Glossary,
    known: &KnownPeople,
) -> ArticleEntities {
    recognise_in(text, article.headline().map(|p| p.span), glossary, Some(known))
}

/// Full names of people introduced elsewhere in the workspace (collect them from the entities of
/// every article: [`ArticleEntities::people`]), with an automaton over them.
pub struct KnownPeople {
    names: Vec<String>,
    ac: Option<aho_corasick::AhoCorasick>,
}

impl KnownPeople {
    pub fn new(names: impl IntoIterator<Item = String>) -> KnownPeople {
        let mut names: Vec<String> = names.into_iter().filter(|n| n.contains(' ')).collect();
        names.sort();
        names.dedup();
        let ac = (!names.is_empty()).then(|| {
            aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .build(&names)
                .expect("people automaton")
        });
        KnownPeople { names, ac }
    }

    pub fn names(&self) -> &[String] {
        &self.names
    }

    fn found_in<'a>(&'a self, text: &str) -> Vec<&'a str> {
        let Some(ac) = &self.ac else { return Vec::new() };
        let mut out: Vec<&str> = ac.find_iter(text).map(|m| self.names[m.pattern().as_usize()].as_str()).collect();
        out.sort();
        out.dedup();
        out
    }
}

/// `vladimir-putin` from "Vladimir Putin": lower-case ASCII, common accents folded, other
/// characters made '-'.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        let c = fold_accent(c);
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

pub(crate) fn fold_accent(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        'ý' | 'ÿ' => 'y',
        '’' => '\'',
        c => c,
    }
}

/// What a raw mention refers to before entities are numbered.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Key {
    Target(Target),
    Defined(Rc<str>),
    Person(Rc<str>),
}

#[derive(Clone, Debug)]
struct Raw {
    span: Span,
    key: Key,
    form: MentionForm,
    /// Other readings of an ambiguous acronym.
    alternatives: Vec<Target>,
    context: &'static [&'static str],
}

/// Whether a raw mention of `sorted` (by start) intersects `span`. Raw mentions never overlap
/// each other, so only the one starting last before `span.end` can.
fn overlaps(sorted: &[Raw], span: Span) -> bool {
    let i = sorted.partition_point(|r| r.span.start < span.end);
    i > 0 && sorted[i - 1].span.intersects(span)
}

/// The raw mentions while definitions are read: the automaton's, sorted by start and disjoint,
/// then the ones definitions add, as one list appended to would hold them.
struct DefinitionRaws {
    sorted: Vec<Raw>,
    added: Vec<Raw>,
}

impl DefinitionRaws {
    /// Where the first mention ending at `end` that `is_it` is (`sorted` first, then `added`).
    /// Disjoint, `sorted` has at most one mention ending there.
    fn position_ending_at(&self, end: usize, is_it: impl Fn(&Raw) -> bool) -> Option<usize> {
        let i = self.sorted.partition_point(|r| r.span.end < end);
        if self.sorted.get(i).is_some_and(|r| r.span.end == end && is_it(r)) {
            return Some(i);
        }
        let j = self.added.iter().position(|r| r.span.end == end && is_it(r))?;
        Some(self.sorted.len() + j)
    }

    fn get_mut(&mut self, position: usize) -> &mut Raw {
        match position.checked_sub(self.sorted.len()) {
            Some(j) => &mut self.added[j],
            None => &mut self.sorted[position],
        }
    }
}

/// The word-bounded occurrences of names the article introduced, `uses` (the name, what it names,
/// its form), that no mention of `raws` (sorted by start) covers; an earlier use wins a place.
fn later_mentions(text: &str, words: &[WordStart], raws: &[Raw], uses: &[(&str, Key, MentionForm)]) -> Vec<Raw> {
    let needles: Vec<&str> = uses.iter().map(|(needle, _, _)| *needle).collect();
    let mut taken = DisjointSpans::default();
    let mut found = Vec::new();
    for ((_, key, form), spans) in uses.iter().zip(occurrences::occurrences_of_each(text, words, &needles)) {
        for span in spans {
            if !overlaps(raws, span) && taken.insert_if_free(span) {
                found.push(Raw { span, key: key.clone(), form: *form, alternatives: Vec::new(), context: &[] });
            }
        }
    }
    found
}

/// The raw mentions of `sorted` (sorted by span) and of `extra` in one list sorted by span,
/// `sorted`'s first where spans are equal: what a stable sort of the two appended gives, without
/// sorting the long list again.
fn merged(sorted: Vec<Raw>, mut extra: Vec<Raw>) -> Vec<Raw> {
    if extra.is_empty() {
        return sorted;
    }
    let by_span = |r: &Raw| (r.span.start, r.span.end);
    extra.sort_by_key(by_span);
    let mut out = Vec::with_capacity(sorted.len() + extra.len());
    let mut extra = extra.into_iter().peekable();
    for raw in sorted {
        while let Some(first) = extra.next_if(|e| by_span(e) < by_span(&raw)) {
            out.push(first);
        }
        out.push(raw);
    }
    out.extend(extra);
    out
}

/// Spans that never intersect, taken in order of priority.
#[derive(Default)]
struct DisjointSpans(BTreeMap<usize, usize>);

impl DisjointSpans {
    /// Takes `span` unless it intersects one taken before.
    fn insert_if_free(&mut self, span: Span) -> bool {
        // The spans taken are disjoint, so only the last one to start before `span` ends can meet it.
        let last_before = self.0.range(..span.end).next_back();
        if last_before.is_some_and(|(&start, &end)| Span::new(start, end).intersects(span)) {
            return false;
        }
        self.0.insert(span.start, span.end);
        true
    }
}

/// A person's entity id, from the full name (or the surname alone): the same in every article.
fn person_id(name: &str) -> Rc<str> {
    format!("person:{}", slug(name)).into()
}

fn target_id(target: Target, glossary: &Glossary) -> String {
    match target {
        Target::Kb(record) => record.entity_id(),
        Target::Glossary(i) => glossary.entries()[i].entity_id(),
    }
}

fn recognise_in(
    text: &str,
    headline: Option<Span>,
    glossary: &Glossary,
    known: Option<&KnownPeople>,
) -> ArticleEntities {
    let kb_matcher: &matcher::Matcher = &matcher::KB;
    let words = words::word_starts(text);
    let hits: Vec<Hit<'_>> = if glossary.is_empty() {
        matcher::scan(text, &words, &[kb_matcher])
    } else {
        matcher::scan(text, &words, &[&glossary.matcher, kb_matcher])
    };
    let mut raws: Vec<Raw> = hits
        .iter()
        .map(|hit| {
            let (best, alternatives) = hit.best_and_alternatives(text);
            Raw {
                span: hit.span,
                key: Key::Target(best.target),
                form: if best.acronym { MentionForm::Acronym } else { MentionForm::Name },
                alternatives,
                context: best.context,
            }
        })
        .collect();

    // Definitions in the article.
    let mut definitions: Vec<(definitions::Definition, Key)> = Vec::new();
    if text.contains('(') {
        let kb_acronyms: FxHashSet<&str> =
            raws.iter().filter(|r| r.form == MentionForm::Acronym).map(|r| r.span.text(text)).collect();
        let defs = definitions::find(text, |acronym| kb_acronyms.contains(acronym));
        let mut raws_so_far = DefinitionRaws { sorted: raws, added: Vec::new() };
        for def in defs {
            let mut def = def;
            // The knowledge-base mention that ends the full name ("Brazil's Central American
            // Integration System (SICA)": the system, not Brazil).
            let full_raw = raws_so_far
                .position_ending_at(def.full.end, |r| r.form == MentionForm::Name && def.full.contains_span(r.span));
            let acronym_raw = raws_so_far.position_ending_at(def.acronym.end, |r| r.span == def.acronym);
            let key = match (full_raw, acronym_raw) {
                (Some(f), _) => {
                    let full_raw = raws_so_far.get_mut(f);
                    if !def.acronym_first {
                        def.full = full_raw.span;
                        def.whole = Span::new(def.full.start, def.whole.end);
                    }
                    full_raw.key.clone()
                }
                (None, Some(a)) => raws_so_far.get_mut(a).key.clone(),
                (None, None) => Key::Defined(slug(kb::strip_article(def.full.text(text))).into()),
            };
            match acronym_raw {
                Some(a) => {
                    let acronym_raw = raws_so_far.get_mut(a);
                    acronym_raw.key = key.clone();
                    acronym_raw.alternatives.clear();
                }
                None => raws_so_far.added.push(Raw {
                    span: def.acronym,
                    key: key.clone(),
                    form: MentionForm::Acronym,
                    alternatives: Vec::new(),
                    context: &[],
                }),
            }
            if full_raw.is_none() {
                raws_so_far.sorted.retain(|r| !r.span.intersects(def.full));
                raws_so_far.added.retain(|r| !r.span.intersects(def.full));
                raws_so_far.added.push(Raw {
                    span: def.full,
                    key: key.clone(),
                    form: MentionForm::Name,
                    alternatives: Vec::new(),
                    context: &[],
                });
            }
            definitions.push((def, key));
        }
        raws = merged(raws_so_far.sorted, raws_so_far.added);
        // Later uses of acronyms and names the article defined but the automaton does not know.
        let mut seen = FxHashSet::default();
        let mut uses: Vec<(&str, Key, MentionForm)> = Vec::new();
        for (def, key) in &definitions {
            for (span, form) in [(def.acronym, MentionForm::Acronym), (def.full, MentionForm::Name)] {
                if seen.insert(span.text(text)) {
                    uses.push((span.text(text), key.clone(), form));
                }
            }
        }
        let extra = later_mentions(text, &words, &raws, &uses);
        raws = merged(raws, extra);
    }

    // Ambiguous acronyms: prefer a reading the article mentions otherwise; generic names need
    // their context.
    let mentioned_targets: FxHashSet<Target> = raws
        .iter()
        .filter(|r| r.alternatives.is_empty())
        .filter_map(|r| match &r.key {
            Key::Target(t) => Some(*t),
            _ => None,
        })
        .collect();
    for raw in &mut raws {
        if let Some(t) = raw.alternatives.iter().find(|t| mentioned_targets.contains(*t)) {
            raw.key = Key::Target(*t);
        }
    }
    if raws.iter().any(|r| !r.context.is_empty()) {
        let mentioned: FxHashSet<String> = mentioned_targets.iter().map(|t| target_id(*t, glossary)).collect();
        raws.retain(|r| r.context.is_empty() || r.context.iter().any(|c| mentioned.contains(*c)));
    }

    // People.
    debug_assert!(raws.is_sorted_by_key(|r| (r.span.start, r.span.end)));
    let intros = people::introductions(text, &words, |i| raws.binary_search_by_key(&i, |r| r.span.start).is_ok());
    let mut person_intro: FxHashMap<Rc<str>, Span> = FxHashMap::default();
    let mut full_names: Vec<(String, Rc<str>)> = Vec::new(); // (full name, id)
    for intro in intros.iter().filter(|i| i.name.text(text).contains(' ')) {
        let name = intro.name.text(text);
        // A person is introduced many times over: make the id once.
        let id = match full_names.iter().find(|(n, _)| n == name) {
            Some((_, id)) => Rc::clone(id),
            None => {
                let id = person_id(name);
                full_names.push((name.to_string(), Rc::clone(&id)));
                id
            }
        };
        if !headline.is_some_and(|h| h.contains(intro.whole.start)) {
            person_intro.entry(id).or_insert(intro.whole);
        }
    }
    for name in known.map(|k| k.found_in(text)).unwrap_or_default() {
        if !full_names.iter().any(|(n, _)| n == name) {
            full_names.push((name.to_string(), person_id(name)));
        }
    }
    for intro in intros.iter().filter(|i| !i.name.text(text).contains(' ')) {
        let name = intro.name.text(text);
        if !full_names.iter().any(|(n, _)| people::surname(n) == name) {
            full_names.push((name.to_string(), person_id(name)));
        }
    }
    // Every full name first, then surnames (a full name wins over another person's surname).
    let mut uses: Vec<(&str, Key, MentionForm)> =
        full_names.iter().map(|(name, id)| (name.as_str(), Key::Person(Rc::clone(id)), MentionForm::Name)).collect();
    for (name, id) in &full_names {
        let surname = people::surname(name);
        if surname != name && surname.chars().count() > 1 {
            uses.push((surname, Key::Person(Rc::clone(id)), MentionForm::Surname));
        }
    }
    let person_raws = later_mentions(text, &words, &raws, &uses);
    let raws = merged(raws, person_raws);

    // Entities in order of first mention.
    let mut index: FxHashMap<Key, usize> = FxHashMap::default();
    let mut entities: Vec<Entity> = Vec::new();
    let mut mentions: Vec<Mention> = Vec::new();
    let in_headline = |span: Span| headline.is_some_and(|h| h.contains(span.start));
    for raw in &raws {
        let entity = match index.get(&raw.key) {
            Some(&entity) => entity,
            None => {
                entities.push(new_entity(&raw.key, raw, text, glossary, &full_names));
                index.insert(raw.key.clone(), entities.len() - 1);
                entities.len() - 1
            }
        };
        let e = &mut entities[entity];
        if raw.form == MentionForm::Acronym && e.acronym.is_none() {
            e.acronym = Some(raw.span.text(text).to_string());
        }
        mentions.push(Mention { span: raw.span, entity, form: raw.form, introduction: false });
    }
    for (def, key) in &definitions {
        let Some(&i) = index.get(key) else { continue };
        let e = &mut entities[i];
        if e.introduction.is_none() && !in_headline(def.whole) {
            e.introduction = Some(def.whole);
            e.defined_as = Some(def.full);
            e.acronym = Some(def.acronym.text(text).to_string());
        }
    }
    for (key, &i) in &index {
        if let Key::Person(id) = key
            && let Some(span) = person_intro.get(id)
        {
            entities[i].introduction = Some(*span);
        }
    }
    for m in &mentions {
        let e = &mut entities[m.entity];
        if m.form == MentionForm::Name && !in_headline(m.span) && e.introduction.is_none_or(|i| i.start > m.span.start)
        {
            e.introduction = Some(m.span);
            e.defined_as = None;
        }
    }
    for m in &mut mentions {
        m.introduction = entities[m.entity].introduction.is_some_and(|i| i.contains_span(m.span));
    }
    ArticleEntities { entities, mentions }
}

fn new_entity(key: &Key, raw: &Raw, text: &str, glossary: &Glossary, people: &[(String, Rc<str>)]) -> Entity {
    let (id, kind, name, origin) = match key {
        Key::Target(Target::Kb(record)) => {
            let kind = match record {
                Record::Organization(_) => EntityKind::Organization,
                Record::Country(_) => EntityKind::Country,
                Record::Agency(_) => EntityKind::Agency,
            };
            (record.entity_id(), kind, record.name().to_string(), Origin::Kb(*record))
        }
        Key::Target(Target::Glossary(i)) => {
            let entry = &glossary.entries()[*i];
            (entry.entity_id(), entry.entity_kind(), entry.name.clone(), Origin::Glossary(*i))
        }
        Key::Defined(slug) => {
            (format!("defined:{slug}"), EntityKind::Organization, raw.span.text(text).to_string(), Origin::Article)
        }
        Key::Person(id) => {
            let name = people.iter().find(|(_, i)| i == id).map_or_else(|| raw.span.text(text), |(n, _)| n);
            (id.to_string(), EntityKind::Person, name.to_string(), Origin::Person)
        }
    };
    let acronym = match origin {
        Origin::Kb(record) => record.acronym().map(str::to_string),
        Origin::Glossary(i) => glossary.entries()[i].acronym().map(str::to_string),
        _ => None,
    };
    Entity { id, kind, name, acronym, origin, introduction: None, defined_as: None, first_mention: raw.span }
}

/// The text edit that spells out the acronym at `acronym` on first reference, in the article's
/// language: `(span, "the Community of Latin American and Caribbean States (CELAC)")`, with "the"
/// only when the text does not already have one before it (and "The" at the start of a sentence);
/// in Spanish and Portuguese the knowledge base's name in that language where it has one
/// (`Comunidad de Estados Latinoamericanos y Caribeños (CELAC)`), with no article added, since
/// the name's gender decides it. `None` when no entity with a known full name is mentioned there.
pub fn spell_out(text: &str, entities: &ArticleEntities, acronym: Span, language: Language) -> Option<(Span, String)> {
    let mention = entities.mentions.iter().find(|m| m.span == acronym || m.span.contains_span(acronym))?;
    let entity = entities.entity_of(mention);
    let in_language = entity.defined_as.is_none().then(|| entity.record()?.name_in(language)).flatten();
    let full = in_language.unwrap_or_else(|| entity.full_name(text));
    let written = mention.span.text(text);
    if full.is_empty() || full == written {
        return None;
    }
    let before = text[..mention.span.start].trim_end_matches([' ', '\u{a0}']);
    let has_article = ["the", "The", "la", "La", "el", "El", "a", "A", "o", "O", "its", "their", "his", "her"]
        .iter()
        .any(|a| before.ends_with(a) && !before[..before.len() - a.len()].ends_with(char::is_alphanumeric));
    let sentence_start = before.is_empty() || before.ends_with(['.', '!', '?', '\n', '“', '"']);
    let needs_article = entity.kind == EntityKind::Organization && !has_article && language == Language::English;
    let article = match (needs_article, sentence_start) {
        (false, _) => "",
        (true, true) => "The ",
        (true, false) => "the ",
    };
    Some((mention.span, format!("{article}{full} ({written})")))
}

#[cfg(test)]
mod tests;

/// Builds the knowledge-base matcher now (it takes a few milliseconds), so that the first
/// recognition does not wait for it; the server calls this on a thread of its own at start-up.
pub fn warm_up() {
    std::sync::LazyLock::force(&matcher::KB);
}
