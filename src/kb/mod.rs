//! The embedded knowledge base: organizations, countries and news agencies (kb/*.json, generated
//! by kb/generate.py; see kb/README.md for the schema). The JSON is compiled into the binary with
//! `include_str!` and parsed on first use, each file on its own ([`organizations`], [`countries`],
//! [`agencies`]), so a command that needs only countries never parses the 2 MB of organizations.
//!
//! Look-ups: by id ([`organization`], [`country`], [`agency`], [`record`] for prefixed entity ids
//! such as `org:celac`), by exact name, alias or acronym ([`by_name`]), and a substring search for
//! `newsls kb QUERY` ([`search`]). [`Record::card_markdown`] renders a compact hover card.

mod card;

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::language::Language;

static ORGANIZATIONS_JSON: &str = include_str!("../../kb/organizations.json");
static COUNTRIES_JSON: &str = include_str!("../../kb/countries.json");
static AGENCIES_JSON: &str = include_str!("../../kb/agencies.json");
static TERRITORIES_JSON: &str = include_str!("../../kb/territories.json");

/// A membership's standing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MemberStatus {
    Member,
    Observer,
    Associate,
    Suspended,
    Withdrawn,
}

impl MemberStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            MemberStatus::Member => "member",
            MemberStatus::Observer => "observer",
            MemberStatus::Associate => "associate",
            MemberStatus::Suspended => "suspended",
            MemberStatus::Withdrawn => "withdrawn",
        }
    }
}

/// One country's membership of an organization.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    /// ISO 3166-1 alpha-2 code (see [`country`]).
    pub country: String,
    pub status: MemberStatus,
    /// `YYYY`, or `None` when unknown.
    pub since: Option<String>,
    pub until: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// When and where an organization was founded; `date` is `YYYY[-MM[-DD]]`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Founded {
    pub date: Option<String>,
    pub place: Option<String>,
}

/// Names in other languages (`es`, `pt`, `fr`), where known.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Names {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub es: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pt: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fr: Option<String>,
}

impl Names {
    /// `(language, name)` for every known name.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &str)> {
        [("es", &self.es), ("pt", &self.pt), ("fr", &self.fr)].into_iter().filter_map(|(l, n)| Some((l, n.as_deref()?)))
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organization {
    /// Stable lowercase slug (`mercosur`).
    pub id: String,
    /// Canonical English name.
    pub name: String,
    /// Exact case, matched case-sensitively (`MERCOSUR`, `Mercosur`).
    pub acronyms: Vec<String>,
    pub aliases: Vec<String>,
    pub names: Names,
    /// political union | trade bloc | economic union | customs union | military alliance | ...
    pub kind: String,
    pub founded: Option<Founded>,
    pub headquarters: Option<String>,
    /// active | dissolved | superseded | inactive
    pub status: String,
    pub superseded_by: Option<String>,
    /// Sorted by status, then country.
    pub members: Vec<Member>,
    pub purpose: Option<String>,
    pub wikidata: Option<String>,
    /// `YYYY-MM`: when the facts were last checked.
    pub as_of: String,
    pub sources: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

impl Organization {
    /// Members with the given status.
    pub fn members_with(&self, status: MemberStatus) -> impl Iterator<Item = &Member> {
        self.members.iter().filter(move |m| m.status == status)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Demonyms {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub es: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pt: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Country {
    pub iso2: String,
    pub iso3: String,
    pub name: String,
    pub names: Names,
    /// Other names, including abbreviations (`US`, `U.S.`) and "the States".
    pub aliases: Vec<String>,
    pub demonyms: Demonyms,
    pub un_member: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agency {
    pub id: String,
    pub name: String,
    pub acronyms: Vec<String>,
    pub aliases: Vec<String>,
    /// ISO alpha-2 code of its home country.
    pub country: Option<String>,
    pub founded: Option<String>,
    pub headquarters: Option<String>,
    pub owner: Option<String>,
    pub purpose: Option<String>,
    pub status: String,
    pub wikidata: Option<String>,
    pub as_of: String,
    pub sources: Vec<String>,
}

static ORGANIZATIONS: LazyLock<Vec<Organization>> =
    LazyLock::new(|| serde_json::from_str(ORGANIZATIONS_JSON).expect("kb/organizations.json is valid"));
static COUNTRIES: LazyLock<Vec<Country>> =
    LazyLock::new(|| serde_json::from_str(COUNTRIES_JSON).expect("kb/countries.json is valid"));
static AGENCIES: LazyLock<Vec<Agency>> =
    LazyLock::new(|| serde_json::from_str(AGENCIES_JSON).expect("kb/agencies.json is valid"));

/// A member that is no country record: a territory, the European Union, an unrecognised state.
/// Only named on cards; never recognised in the text ("Jersey" is also in "New Jersey").
#[derive(Deserialize)]
struct Territory {
    code: String,
    name: String,
}

static TERRITORIES: LazyLock<Vec<Territory>> =
    LazyLock::new(|| serde_json::from_str(TERRITORIES_JSON).expect("kb/territories.json is valid"));

/// The English name of a member's code (`BR`, `AW`, `EU`): a country's or a territory's.
pub fn member_name(code: &str) -> Option<&'static str> {
    country(code)
        .map(|c| c.name.as_str())
        .or_else(|| TERRITORIES.iter().find(|t| t.code == code).map(|t| t.name.as_str()))
}

/// Every organization, sorted by id.
pub fn organizations() -> &'static [Organization] {
    &ORGANIZATIONS
}

/// Every country (UN members and a few others), sorted by ISO code.
pub fn countries() -> &'static [Country] {
    &COUNTRIES
}

/// Every news agency, sorted by id.
pub fn agencies() -> &'static [Agency] {
    &AGENCIES
}

/// The organization with this id (`celac`).
pub fn organization(id: &str) -> Option<&'static Organization> {
    let all = organizations();
    all.binary_search_by(|o| o.id.as_str().cmp(id)).ok().map(|i| &all[i])
}

/// The country with this ISO alpha-2 code, in either case (`US`, `us`).
pub fn country(iso2: &str) -> Option<&'static Country> {
    countries().iter().find(|c| c.iso2.eq_ignore_ascii_case(iso2))
}

pub fn agency(id: &str) -> Option<&'static Agency> {
    agencies().iter().find(|a| a.id == id)
}

/// One record of any of the three tables. Records compare and hash by identity.
#[derive(Clone, Copy, Debug)]
pub enum Record {
    Organization(&'static Organization),
    Country(&'static Country),
    Agency(&'static Agency),
}

impl Record {
    fn address(self) -> (u8, usize) {
        match self {
            Record::Organization(o) => (0, o as *const Organization as usize),
            Record::Country(c) => (1, c as *const Country as usize),
            Record::Agency(a) => (2, a as *const Agency as usize),
        }
    }
}

impl PartialEq for Record {
    fn eq(&self, other: &Self) -> bool {
        self.address() == other.address()
    }
}

impl Eq for Record {}

impl std::hash::Hash for Record {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.address().hash(state);
    }
}

impl Record {
    /// The record's entity id: `org:celac`, `country:us`, `agency:efe`.
    pub fn entity_id(self) -> String {
        match self {
            Record::Organization(o) => format!("org:{}", o.id),
            Record::Country(c) => format!("country:{}", c.iso2.to_ascii_lowercase()),
            Record::Agency(a) => format!("agency:{}", a.id),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Record::Organization(o) => &o.name,
            Record::Country(c) => &c.name,
            Record::Agency(a) => &a.name,
        }
    }

    /// The name in Spanish or Portuguese, where the record has one; English has `name`.
    pub fn name_in(self, language: Language) -> Option<&'static str> {
        let names = match self {
            Record::Organization(o) => &o.names,
            Record::Country(c) => &c.names,
            Record::Agency(_) => return None,
        };
        match language {
            Language::English => None,
            Language::Spanish => names.es.as_deref(),
            Language::Portuguese => names.pt.as_deref(),
        }
    }

    /// The first acronym, if the record has one.
    pub fn acronym(self) -> Option<&'static str> {
        match self {
            Record::Organization(o) => o.acronyms.first().map(String::as_str),
            Record::Country(_) => None,
            Record::Agency(a) => a.acronyms.first().map(String::as_str).filter(|acr| *acr != a.name),
        }
    }

    /// The acronyms, each matched only as written ("Celac" is one, "celac" is not).
    fn acronyms(self) -> &'static [String] {
        match self {
            Record::Organization(o) => &o.acronyms,
            Record::Country(_) => &[],
            Record::Agency(a) => &a.acronyms,
        }
    }

    /// Every surface form: name, acronyms, aliases, other-language names (and demonyms).
    pub fn surface_forms(self) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = Vec::new();
        match self {
            Record::Organization(o) => {
                out.push(&o.name);
                out.extend(o.acronyms.iter().map(String::as_str));
                out.extend(o.aliases.iter().map(String::as_str));
                out.extend(o.names.iter().map(|(_, n)| n));
            }
            Record::Country(c) => {
                out.push(&c.name);
                out.extend(c.aliases.iter().map(String::as_str));
                out.extend(c.names.iter().map(|(_, n)| n));
                out.extend([&c.demonyms.en, &c.demonyms.es, &c.demonyms.pt].into_iter().flatten().map(String::as_str));
            }
            Record::Agency(a) => {
                out.push(&a.name);
                out.extend(a.acronyms.iter().map(String::as_str));
                out.extend(a.aliases.iter().map(String::as_str));
            }
        }
        out
    }

    /// The record as JSON (the schema of kb/README.md, plus `"type"`).
    pub fn to_json(self) -> serde_json::Value {
        let (kind, value) = match self {
            Record::Organization(o) => ("organization", serde_json::to_value(o)),
            Record::Country(c) => ("country", serde_json::to_value(c)),
            Record::Agency(a) => ("agency", serde_json::to_value(a)),
        };
        let mut value = value.unwrap_or_default();
        if let Some(map) = value.as_object_mut() {
            map.insert("type".into(), kind.into());
        }
        value
    }

    /// A compact Markdown hover card in `language` (see [`card`]).
    pub fn card_markdown(self, language: Language) -> String {
        card::markdown(self, language)
    }
}

/// A record by entity id: `org:celac`, `country:us`, `agency:efe`.
pub fn record(entity_id: &str) -> Option<Record> {
    let (prefix, id) = entity_id.split_once(':')?;
    match prefix {
        "org" => organization(id).map(Record::Organization),
        "country" => country(id).map(Record::Country),
        "agency" => agency(id).map(Record::Agency),
        _ => None,
    }
}

/// Every record, organizations first, then countries, then agencies.
pub fn all_records() -> impl Iterator<Item = Record> {
    organizations()
        .iter()
        .map(Record::Organization)
        .chain(countries().iter().map(Record::Country))
        .chain(agencies().iter().map(Record::Agency))
}

/// Exact surface form → records; the key is the form lowercased (acronyms are checked for exact
/// case by [`by_name`]).
static BY_NAME: LazyLock<HashMap<String, Vec<Record>>> = LazyLock::new(|| {
    let mut map: HashMap<String, Vec<Record>> = HashMap::new();
    for record in all_records() {
        for form in record.surface_forms() {
            let list = map.entry(form.to_lowercase()).or_default();
            if !list.contains(&record) {
                list.push(record);
            }
        }
    }
    map
});

/// Records with this name, alias, other-language name or acronym. Names compare without case;
/// acronyms (forms with two or more capitals and no space) must match exactly.
pub fn by_name(name: &str) -> Vec<Record> {
    let name = name.trim();
    let name = strip_article(name);
    let Some(list) = BY_NAME.get(&name.to_lowercase()) else { return Vec::new() };
    list.iter()
        .copied()
        .filter(|r| {
            let acronyms = r.acronyms();
            r.surface_forms().iter().any(|f| {
                if is_acronym_like(f) || acronyms.iter().any(|a| a == f) {
                    *f == name
                } else {
                    f.eq_ignore_ascii_case(name) || f.to_lowercase() == name.to_lowercase()
                }
            })
        })
        .collect()
}

/// `name` without a leading article ("the", "la", "el", "a", "o", "os", "as", "los", "las").
pub fn strip_article(name: &str) -> &str {
    for article in ["the ", "The ", "la ", "La ", "el ", "El ", "los ", "Los ", "las ", "Las ", "o ", "O ", "a ", "A "]
    {
        if let Some(rest) = name.strip_prefix(article) {
            return rest;
        }
    }
    name
}

/// An abbreviation rather than a name: no whitespace and at least two capitals (`CELAC`,
/// `U.S.`, `ALBA-TCP`, `MERCOSUR`), or listed as an acronym.
pub fn is_acronym_like(form: &str) -> bool {
    !form.contains(char::is_whitespace) && form.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// Records whose id, name, alias, acronym or other-language name contains `query`, without
/// case or accents, those that are it (by id or any form) apart. An empty query gives every record.
pub fn search(query: &str) -> Matches {
    let q = folded(query.trim());
    if q.is_empty() {
        return Matches { exact: Vec::new(), partial: all_records().collect() };
    }
    let mut matches = Matches { exact: Vec::new(), partial: Vec::new() };
    for record in all_records() {
        let forms: Vec<String> = record.surface_forms().iter().map(|f| folded(f)).collect();
        // The entity id as `newsls kb` prints it ("org:celac"), or without its prefix ("celac").
        let id = record.entity_id();
        let bare_id = id.split_once(':').map_or(id.as_str(), |(_, bare)| bare);
        if id == q || bare_id == q || forms.contains(&q) {
            matches.exact.push(record);
        } else if id.contains(&q) || forms.iter().any(|f| f.contains(&q)) {
            matches.partial.push(record);
        }
    }
    matches
}

/// Records found by [`search`].
pub struct Matches {
    /// Those with an id, name or alias that is the query.
    pub exact: Vec<Record>,
    /// Those that only contain it (every record, for an empty query).
    pub partial: Vec<Record>,
}

impl Matches {
    /// Exact matches first.
    pub fn all(&self) -> impl Iterator<Item = Record> + '_ {
        self.exact.iter().chain(&self.partial).copied()
    }

    pub fn is_empty(&self) -> bool {
        self.exact.is_empty() && self.partial.is_empty()
    }
}

/// Lower case without accents, so "Caribenos" finds "Caribeños" and "Sao Paulo" "São Paulo".
fn folded(text: &str) -> String {
    text.chars().flat_map(char::to_lowercase).map(crate::entities::fold_accent).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_every_table_quickly_enough() {
        let start = std::time::Instant::now();
        assert!(organizations().len() >= 250);
        let elapsed = start.elapsed();
        eprintln!("organizations.json parsed in {elapsed:?}");
        assert!(countries().len() >= 193);
        assert!(agencies().len() >= 10);
    }

    #[test]
    fn the_example_organizations_are_there() {
        for (id, name) in [
            ("celac", "Community of Latin American and Caribbean States"),
            ("unasur", "Union of South American Nations"),
            ("mercosur", "Southern Common Market"),
            ("eaeu", "Eurasian Economic Union"),
            ("wto", "World Trade Organization"),
            ("sica", "Central American Integration System"),
            ("caricom", "Caribbean Community"),
            ("pacific-alliance", "Pacific Alliance"),
            ("customs-union-bkr", "Customs Union of Belarus, Kazakhstan and Russia"),
            ("common-economic-space", "Common Economic Space"),
        ] {
            assert_eq!(organization(id).map(|o| o.name.as_str()), Some(name), "{id}");
        }
        let celac = organization("celac").unwrap();
        assert_eq!(celac.members_with(MemberStatus::Member).count(), 33);
        let mercosur = organization("mercosur").unwrap();
        assert!(mercosur.members.iter().any(|m| m.country == "VE" && m.status == MemberStatus::Suspended));
    }

    #[test]
    fn by_name_alias_acronym_and_other_languages() {
        let ids = |name: &str| by_name(name).into_iter().map(|r| r.entity_id()).collect::<Vec<_>>();
        assert_eq!(ids("CELAC"), ["org:celac"]);
        assert_eq!(ids("Comunidad de Estados Latinoamericanos y Caribeños"), ["org:celac"]);
        assert_eq!(ids("la Comunidad de Estados Latinoamericanos y Caribeños"), ["org:celac"]);
        assert_eq!(ids("Mercosur"), ["org:mercosur"]);
        assert_eq!(ids("the Southern Common Market"), ["org:mercosur"]);
        assert!(ids("celac").is_empty(), "acronyms are case-sensitive");
        assert_eq!(ids("Celac"), ["org:celac"]);
        assert!(ids("CEPAL").contains(&"org:eclac".to_string()));
        assert_eq!(ids("U.S."), ["country:us"]);
        assert_eq!(ids("Prensa Latina"), ["agency:prensa-latina"]);
        assert_eq!(record("org:wto").map(Record::name), Some("World Trade Organization"));
        assert_eq!(record("country:RU").map(Record::name), Some("Russia"));
    }

    #[test]
    fn search_puts_exact_matches_first() {
        let found = search("alba");
        assert_eq!(found.all().next().map(|r| r.entity_id()).as_deref(), Some("org:alba"));
        assert_eq!(found.exact.len(), 1);
        assert!(search("caribbean").partial.len() > 3);
        assert!(search("").exact.is_empty() && !search("").is_empty());
    }

    #[test]
    fn search_ignores_accents_both_ways() {
        let ids = |query: &str| search(query).exact.iter().map(|r| r.entity_id()).collect::<Vec<_>>();
        assert_eq!(ids("Comunidad del Caribe"), ["org:caricom"]);
        assert_eq!(ids("comunidad de estados latinoamericanos y caribenos"), ["org:celac"]);
        assert_eq!(ids("Communauté caribéenne"), ids("communaute caribeenne"));
    }
}
