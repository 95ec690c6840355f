//! The workspace index: which entities every article mentions and where, for navigation across
//! files (definition, references, workspace symbols, mention counts) and for recognising in one
//! article the people another introduces.
//!
//! Files are keyed by whatever the front end uses (the server: URIs). An article is summarised
//! off the lock ([`IndexedArticle::new`], in parallel while indexing) and swapped in under a short
//! write lock; positions are kept in the session's [`PositionEncoding`] so that a query never
//! re-reads a closed file. Entity ids are interned, so an article costs a few bytes per mention.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;
use std::sync::{Arc, Mutex, RwLock};

use crate::entities::{ArticleEntities, EntityKind, KnownPeople, Origin};
use crate::locks;
use crate::span::Span;
use crate::text::{LineCol, LineIndex, PositionEncoding};

/// A range of a text in lines and columns of the index's encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineRange {
    pub start: LineCol,
    pub end: LineCol,
}

/// What the index knows of an entity, whichever article it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntitySummary {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    pub acronym: Option<String>,
    /// Knowledge base or glossary: known outside the articles, so not renamed with them.
    pub curated: bool,
}

/// One article's entities, ready to be swapped into the index.
#[derive(Clone, Debug, Default)]
pub struct IndexedArticle {
    entities: Vec<(EntitySummary, Option<LineRange>)>,
    mentions: Vec<(u32, LineRange, bool)>,
    /// Full names of the people the article introduces with a title.
    people: Vec<String>,
}

impl IndexedArticle {
    pub fn new(text: &str, found: &ArticleEntities, encoding: PositionEncoding) -> IndexedArticle {
        let lines = LineIndex::new(text);
        let range = |span: Span| LineRange {
            start: lines.position(text, span.start, encoding),
            end: lines.position(text, span.end, encoding),
        };
        let entities = found
            .entities
            .iter()
            .map(|e| {
                let summary = EntitySummary {
                    id: e.id.clone(),
                    name: e.name.clone(),
                    kind: e.kind,
                    acronym: e.acronym.clone(),
                    curated: matches!(e.origin, Origin::Kb(_) | Origin::Glossary(_)),
                };
                (summary, e.introduction.map(range))
            })
            .collect();
        let mentions = found.mentions.iter().map(|m| (m.entity as u32, range(m.span), m.introduction)).collect();
        IndexedArticle { entities, mentions, people: found.people().map(str::to_string).collect() }
    }
}

type EntityKey = u32;
type FileKey = u32;

/// A mention in an indexed file.
#[derive(Clone, Copy, Debug)]
pub struct IndexedMention {
    entity: EntityKey,
    pub range: LineRange,
    /// Inside the entity's introduction in that file.
    pub introduction: bool,
}

#[derive(Default)]
struct FileEntry {
    /// The article's entities with where it introduces them.
    entities: Vec<(EntityKey, Option<LineRange>)>,
    /// By entity, then in text order, so an entity's mentions are one [`MentionSlice`].
    mentions: Vec<IndexedMention>,
    people: Vec<String>,
}

/// Where a file's mentions of one entity lie in its [`FileEntry::mentions`]: start and end.
type MentionSlice = (u32, u32);

struct Inner<K> {
    entity_keys: HashMap<String, EntityKey>,
    entities: Vec<EntitySummary>,
    /// For each entity, the files that mention it and where; kept here so that listing a busy
    /// entity's mentions touches each file once instead of searching it.
    mentioned_in: Vec<HashMap<FileKey, MentionSlice>>,
    file_keys: HashMap<K, FileKey>,
    /// By [`FileKey`]; `None` once removed.
    files: Vec<Option<(K, FileEntry)>>,
    /// How many files introduce each person.
    people: HashMap<String, usize>,
    /// Built on demand; `None` until first asked for.
    known_people: Option<Arc<KnownPeople>>,
    /// Files whose introduced people changed since `known_people` was built.
    people_changed_in: HashSet<FileKey>,
}

/// Every article's entities and mentions. Share it (`Arc`); all methods take `&self`.
pub struct WorkspaceIndex<K> {
    encoding: PositionEncoding,
    inner: RwLock<Inner<K>>,
    /// Each file key's rank in file order, built on demand for as many keys as there were:
    /// sorting thousands of files by rank costs far less than comparing their paths.
    file_order: Mutex<Arc<Vec<u32>>>,
}

/// A place in some file of the index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place<K> {
    pub file: K,
    pub range: LineRange,
}

/// An entity found by [`WorkspaceIndex::search`], with where to go for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SymbolMatch<K> {
    pub entity: EntitySummary,
    pub place: Place<K>,
    pub articles: usize,
}

impl<K: Clone + Eq + Hash + Ord> WorkspaceIndex<K> {
    pub fn new(encoding: PositionEncoding) -> Self {
        WorkspaceIndex {
            encoding,
            inner: RwLock::new(Inner {
                entity_keys: HashMap::new(),
                entities: Vec::new(),
                mentioned_in: Vec::new(),
                file_keys: HashMap::new(),
                files: Vec::new(),
                people: HashMap::new(),
                known_people: None,
                people_changed_in: HashSet::new(),
            }),
            file_order: Mutex::default(),
        }
    }

    /// The encoding of every range the index returns.
    pub fn encoding(&self) -> PositionEncoding {
        self.encoding
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, Inner<K>> {
        locks::read(&self.inner)
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, Inner<K>> {
        locks::write(&self.inner)
    }

    /// Indexes a file, replacing what the index had for it.
    pub fn insert(&self, file: K, article: IndexedArticle) {
        self.insert_many(std::iter::once((file, article)));
    }

    /// Indexes many files under one acquisition of the lock.
    pub fn insert_many(&self, articles: impl IntoIterator<Item = (K, IndexedArticle)>) {
        let mut inner = self.write();
        for (file, article) in articles {
            inner.insert(file, article);
        }
    }

    /// Forgets a file.
    pub fn remove(&self, file: &K) {
        let mut inner = self.write();
        if let Some(key) = inner.file_keys.remove(file)
            && !inner.clear(key).is_empty()
        {
            inner.people_changed_in.insert(key);
        }
    }

    pub fn len(&self) -> usize {
        self.read().file_keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn entity(&self, id: &str) -> Option<EntitySummary> {
        let inner = self.read();
        inner.entity_keys.get(id).map(|&key| inner.entities[key as usize].clone())
    }

    /// How many articles mention the entity.
    pub fn article_count(&self, id: &str) -> usize {
        let inner = self.read();
        inner.entity_keys.get(id).map_or(0, |&key| inner.mentioned_in[key as usize].len())
    }

    /// Where articles introduce the entity, in file order.
    pub fn introductions(&self, id: &str) -> Vec<Place<K>> {
        let inner = self.read();
        let Some(&entity) = inner.entity_keys.get(id) else { return Vec::new() };
        let mut out: Vec<Place<K>> = inner
            .files_of(entity)
            .filter_map(|(file, entry, _)| {
                let (_, intro) = entry.entities.iter().find(|(e, _)| *e == entity)?;
                intro.map(|range| Place { file: file.clone(), range })
            })
            .collect();
        out.sort_by(|a, b| (&a.file, a.range).cmp(&(&b.file, b.range)));
        out
    }

    /// How many mentions of the entity the workspace has.
    pub fn mention_count(&self, id: &str) -> usize {
        let inner = self.read();
        let Some(&entity) = inner.entity_keys.get(id) else { return 0 };
        inner.mentioned_in[entity as usize].values().map(|&(start, end)| (end - start) as usize).sum()
    }

    /// Visits every file that mentions the entity, in file order, with its mentions of it in text
    /// order. Borrowed under the read lock, so that the busiest entity's thousands of mentions are
    /// not copied on their way to a reply; `visit` must not call back into the index.
    pub fn visit_references(&self, id: &str, mut visit: impl FnMut(&K, &[IndexedMention])) {
        let inner = self.read();
        let Some(&entity) = inner.entity_keys.get(id) else { return };
        let order = self.file_order(&inner);
        let mut files: Vec<(u32, FileKey, MentionSlice)> = inner.mentioned_in[entity as usize]
            .iter()
            .map(|(&key, &slice)| (order[key as usize], key, slice))
            .collect();
        files.sort_unstable();
        for (_, key, slice) in files {
            if let Some((file, _, mentions)) = inner.file_mentions(key, slice) {
                visit(file, mentions);
            }
        }
    }

    /// The rank in file order of every file key `inner` has. Keys are never reused and only their
    /// number grows, so ranks built for as many keys as there are now are still right.
    fn file_order(&self, inner: &Inner<K>) -> Arc<Vec<u32>> {
        let mut cached = locks::lock(&self.file_order);
        if cached.len() != inner.files.len() {
            let mut keys: Vec<usize> = (0..inner.files.len()).collect();
            keys.sort_unstable_by(|&a, &b| {
                let file = |key: usize| inner.files[key].as_ref().map(|(file, _)| file);
                file(a).cmp(&file(b))
            });
            let mut order = vec![0; keys.len()];
            for (rank, key) in keys.into_iter().enumerate() {
                order[key] = rank as u32;
            }
            *cached = Arc::new(order);
        }
        cached.clone()
    }

    /// The files that mention the entity, sorted.
    pub fn files_mentioning(&self, id: &str) -> Vec<K> {
        let inner = self.read();
        let Some(&entity) = inner.entity_keys.get(id) else { return Vec::new() };
        let mut files: Vec<K> = inner.files_of(entity).map(|(file, _, _)| file.clone()).collect();
        files.sort();
        files
    }

    /// Entities whose name or acronym matches `query` loosely (its letters in order), best first:
    /// exact, then prefix, word start, substring, scattered letters; ties go to the entity more
    /// articles mention. Each comes with its first introduction, else its first mention.
    pub fn search(&self, query: &str, limit: usize) -> Vec<SymbolMatch<K>> {
        let query: Vec<char> = query.chars().flat_map(char::to_lowercase).filter(|c| !c.is_whitespace()).collect();
        let inner = self.read();
        let mut scored: Vec<(u32, usize, EntityKey)> = inner
            .entities
            .iter()
            .enumerate()
            .filter(|(key, _)| !inner.mentioned_in[*key].is_empty())
            .filter_map(|(key, entity)| {
                let score = std::iter::once(entity.name.as_str())
                    .chain(entity.acronym.as_deref())
                    .filter_map(|candidate| match_score(&query, candidate))
                    .min()?;
                Some((score, inner.mentioned_in[key].len(), key as EntityKey))
            })
            .collect();
        scored.sort_by(|a, b| {
            (a.0, std::cmp::Reverse(a.1), &inner.entities[a.2 as usize].name).cmp(&(
                b.0,
                std::cmp::Reverse(b.1),
                &inner.entities[b.2 as usize].name,
            ))
        });
        scored
            .into_iter()
            .take(limit)
            .filter_map(|(_, articles, entity)| {
                let place = inner.first_place(entity)?;
                Some(SymbolMatch { entity: inner.entities[entity as usize].clone(), place, articles })
            })
            .collect()
    }

    /// The people articles introduce, for recognising them by name alone elsewhere.
    pub fn known_people(&self) -> Arc<KnownPeople> {
        self.known_people_for(None)
    }

    /// [`Self::known_people`] for analysing `file`. Changes to the people `file` itself
    /// introduces do not rebuild the automaton (that costs milliseconds over a large workspace,
    /// on every keystroke that touches a name): the file's own analysis finds its own people.
    pub fn known_people_for(&self, file: Option<&K>) -> Arc<KnownPeople> {
        if let Some(people) = self.read().reusable_people(file) {
            return people;
        }
        let mut inner = self.write();
        // Another thread may have rebuilt it while this one waited for the lock.
        if let Some(people) = inner.reusable_people(file) {
            return people;
        }
        let people = Arc::new(KnownPeople::new(inner.people.keys().cloned()));
        inner.known_people = Some(people.clone());
        inner.people_changed_in.clear();
        people
    }
}

impl<K: Clone + Eq + Hash + Ord> Inner<K> {
    /// The built automaton, unless files other than `file` changed their people since.
    fn reusable_people(&self, file: Option<&K>) -> Option<Arc<KnownPeople>> {
        let own_key = file.and_then(|f| self.file_keys.get(f));
        let only_own_changes = self.people_changed_in.iter().all(|key| Some(key) == own_key);
        self.known_people.clone().filter(|_| only_own_changes)
    }

    fn intern(&mut self, summary: EntitySummary) -> EntityKey {
        if let Some(&key) = self.entity_keys.get(&summary.id) {
            return key;
        }
        let key = self.entities.len() as EntityKey;
        self.entity_keys.insert(summary.id.clone(), key);
        self.entities.push(summary);
        self.mentioned_in.push(HashMap::new());
        key
    }

    fn insert(&mut self, file: K, article: IndexedArticle) {
        let mut vanished = Vec::new();
        let key = match self.file_keys.get(&file) {
            Some(&key) => {
                vanished = self.clear(key);
                key
            }
            None => {
                let key = self.files.len() as FileKey;
                self.file_keys.insert(file.clone(), key);
                self.files.push(None);
                key
            }
        };
        let keys: Vec<EntityKey> = article.entities.iter().map(|(summary, _)| self.intern(summary.clone())).collect();
        let mut mentions: Vec<IndexedMention> = article
            .mentions
            .iter()
            .map(|&(i, range, introduction)| IndexedMention { entity: keys[i as usize], range, introduction })
            .collect();
        mentions.sort_by_key(|m| m.entity);
        for &entity in &keys {
            let start = mentions.partition_point(|m| m.entity < entity);
            let end = mentions.partition_point(|m| m.entity <= entity);
            self.mentioned_in[entity as usize].insert(key, (start as u32, end as u32));
        }
        let entry = FileEntry {
            entities: keys.iter().zip(&article.entities).map(|(&k, (_, intro))| (k, *intro)).collect(),
            mentions,
            people: article.people,
        };
        let mut appeared = Vec::new();
        for person in &entry.people {
            let count = self.people.entry(person.clone()).or_insert(0);
            *count += 1;
            if *count == 1 {
                appeared.push(person.clone());
            }
        }
        appeared.sort();
        vanished.sort();
        if appeared != vanished {
            self.people_changed_in.insert(key);
        }
        self.files[key as usize] = Some((file, entry));
    }

    /// Empties a file's slot, keeping its key for reuse by the same file; returns the people no
    /// file introduces any more.
    fn clear(&mut self, key: FileKey) -> Vec<String> {
        let mut vanished = Vec::new();
        let Some((_, entry)) = self.files[key as usize].take() else { return vanished };
        for (entity, _) in &entry.entities {
            self.mentioned_in[*entity as usize].remove(&key);
        }
        for person in &entry.people {
            if let Some(count) = self.people.get_mut(person) {
                *count -= 1;
                if *count == 0 {
                    self.people.remove(person);
                    vanished.push(person.clone());
                }
            }
        }
        vanished
    }

    /// The files that mention the entity, with their mentions of it.
    fn files_of(&self, entity: EntityKey) -> impl Iterator<Item = (&K, &FileEntry, &[IndexedMention])> {
        self.mentioned_in[entity as usize].iter().filter_map(|(&key, &slice)| self.file_mentions(key, slice))
    }

    fn file_mentions(&self, key: FileKey, (start, end): MentionSlice) -> Option<(&K, &FileEntry, &[IndexedMention])> {
        let (file, entry) = self.files[key as usize].as_ref()?;
        Some((file, entry, &entry.mentions[start as usize..end as usize]))
    }

    /// The first introduction of an entity in file order, else its first mention.
    fn first_place(&self, entity: EntityKey) -> Option<Place<K>> {
        let (file, entry, mentions) = self.files_of(entity).min_by(|a, b| {
            let introduces =
                |entry: &FileEntry| entry.entities.iter().any(|(e, intro)| *e == entity && intro.is_some());
            (!introduces(a.1), a.0).cmp(&(!introduces(b.1), b.0))
        })?;
        let intro = entry.entities.iter().find(|(e, _)| *e == entity).and_then(|(_, intro)| *intro);
        let range = intro.or_else(|| mentions.first().map(|m| m.range))?;
        Some(Place { file: file.clone(), range })
    }
}

/// How well `candidate` matches a lower-case `query` (lower is better), or `None`.
fn match_score(query: &[char], candidate: &str) -> Option<u32> {
    let lower: Vec<char> = candidate.chars().flat_map(char::to_lowercase).collect();
    if query.is_empty() {
        return Some(5);
    }
    let compact: Vec<char> = lower.iter().copied().filter(|c| !c.is_whitespace()).collect();
    if compact == query {
        return Some(0);
    }
    if compact.starts_with(query) {
        return Some(1);
    }
    let words_start = lower.split(|c| c.is_whitespace() || *c == '-').any(|word| word.starts_with(query));
    if words_start {
        return Some(2);
    }
    if compact.windows(query.len()).any(|w| w == query) {
        return Some(3);
    }
    let mut rest = compact.iter();
    query.iter().all(|q| rest.any(|c| c == q)).then_some(4)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analysis;

    fn indexed(text: &str) -> IndexedArticle {
        IndexedArticle::new(text, &Analysis::new(text).entities, PositionEncoding::Utf16)
    }

    const FIRST: &str = "Summit opens\n\nLeaders of the Community of Latin American and Caribbean States (CELAC) met as President Vladimir Putin sent greetings.\n\nThe CELAC's troika met.\n";
    const SECOND: &str = "Trade\n\nCELAC ministers met again. Putin did not attend.\n";

    #[test]
    fn references_and_introductions_across_files() {
        let index = WorkspaceIndex::new(PositionEncoding::Utf16);
        index.insert("a", indexed(FIRST));
        index.insert("b", indexed(SECOND));
        assert_eq!(index.article_count("org:celac"), 2);
        let mut refs: Vec<(&str, u32, bool)> = Vec::new();
        index.visit_references("org:celac", |file, mentions| {
            refs.extend(mentions.iter().map(|m| (*file, m.range.start.line, m.introduction)));
        });
        // Line 2 holds the full name and the acronym, the introduction.
        assert_eq!(refs, [("a", 2, true), ("a", 2, true), ("a", 4, false), ("b", 2, false)]);
        assert_eq!(index.mention_count("org:celac"), 4);
        let intros = index.introductions("org:celac");
        assert_eq!(intros.len(), 1);
        assert_eq!((intros[0].file, intros[0].range.start.line), ("a", 2));
        assert!(index.known_people().names().contains(&"Vladimir Putin".to_string()));
    }

    #[test]
    fn reindexing_and_removal_replace_what_a_file_said() {
        let index = WorkspaceIndex::new(PositionEncoding::Utf16);
        index.insert("a", indexed(FIRST));
        index.insert("b", indexed(SECOND));
        index.insert("a", indexed("Nothing\n\nNo one met.\n"));
        assert_eq!(index.files_mentioning("org:celac"), ["b"]);
        assert!(index.introductions("org:celac").is_empty());
        assert!(index.known_people().names().is_empty());
        index.remove(&"b");
        assert_eq!(index.article_count("org:celac"), 0);
        assert!(index.search("celac", 10).is_empty());
    }

    #[test]
    fn known_people_are_rebuilt_only_when_the_set_of_names_changes() {
        let index = WorkspaceIndex::new(PositionEncoding::Utf16);
        index.insert("a", indexed(FIRST));
        let before = index.known_people();
        index.insert("a", indexed(FIRST));
        assert!(Arc::ptr_eq(&before, &index.known_people()), "the same people: the same automaton");
        index.insert("a", indexed(SECOND));
        assert!(!Arc::ptr_eq(&before, &index.known_people()));
    }

    #[test]
    fn a_file_changing_its_own_people_does_not_rebuild_them_for_itself() {
        let index = WorkspaceIndex::new(PositionEncoding::Utf16);
        index.insert("a", indexed(FIRST));
        index.insert("b", indexed("Nothing\n\nNo one met.\n"));
        let before = index.known_people_for(Some(&"a"));
        index.insert("a", indexed("Nothing\n\nNo one met.\n"));
        assert!(Arc::ptr_eq(&before, &index.known_people_for(Some(&"a"))), "a's own change: kept");
        let for_b = index.known_people_for(Some(&"b"));
        assert!(!Arc::ptr_eq(&before, &for_b), "b must see that a no longer introduces Putin");
        assert!(for_b.names().is_empty());
    }

    #[test]
    fn search_ranks_exact_prefix_and_scattered_matches() {
        let index = WorkspaceIndex::new(PositionEncoding::Utf16);
        index.insert("a", indexed(FIRST));
        index.insert("b", indexed(SECOND));
        let found = index.search("CELAC", 10);
        assert_eq!(found[0].entity.id, "org:celac");
        assert_eq!((found[0].place.file, found[0].articles), ("a", 2));
        let putin: Vec<_> = index.search("vput", 10).into_iter().map(|m| m.entity.id).collect();
        assert_eq!(putin, ["person:vladimir-putin"]);
        assert!(index.search("zzzz", 10).is_empty());
    }

    #[test]
    fn match_score_orders_kinds_of_match() {
        let q = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(match_score(&q("celac"), "CELAC"), Some(0));
        assert_eq!(match_score(&q("comm"), "Community of States"), Some(1));
        assert_eq!(match_score(&q("stat"), "Community of States"), Some(2));
        assert_eq!(match_score(&q("unit"), "Community"), Some(3));
        assert_eq!(match_score(&q("cos"), "Community of States"), Some(4));
        assert_eq!(match_score(&q("x"), "Community"), None);
    }
}
