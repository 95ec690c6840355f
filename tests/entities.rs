//! The real `newsls entities`, `newsls kb` and the `undefined-acronym` rule of `newsls check` on
//! the fixture articles of `tests/fixtures/entities` (written for these tests).

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn newsls(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsls")).args(args).current_dir(root()).output().expect("run newsls")
}

fn json(args: &[&str]) -> Value {
    let output = newsls(args);
    let text = String::from_utf8(output.stdout).unwrap();
    serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {text}\nstderr: {}", String::from_utf8_lossy(&output.stderr)))
}

fn fixture(name: &str) -> String {
    format!("tests/fixtures/entities/{name}")
}

/// `entities --format json` of one file: its entities array.
fn entities_of(name: &str) -> Vec<Value> {
    let files = json(&["entities", "--format", "json", &fixture(name)]);
    let files = files.as_array().unwrap();
    assert_eq!(files.len(), 1);
    files[0]["entities"].as_array().unwrap().clone()
}

fn entity<'a>(entities: &'a [Value], id: &str) -> &'a Value {
    entities.iter().find(|e| e["id"] == id).unwrap_or_else(|| {
        let ids: Vec<_> = entities.iter().map(|e| e["id"].as_str().unwrap()).collect();
        panic!("no {id} among {ids:?}")
    })
}

fn mention_texts(entity: &Value) -> Vec<String> {
    entity["mentions"].as_array().unwrap().iter().map(|m| m["text"].as_str().unwrap().to_string()).collect()
}

fn undefined_acronyms(name: &str) -> Vec<(String, u64, u64)> {
    let files = json(&["check", "--format", "json", &fixture(name)]);
    files[0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "undefined-acronym")
        .map(|d| {
            (
                d["message"].as_str().unwrap().to_string(),
                d["range"]["start"]["line"].as_u64().unwrap(),
                d["range"]["start"]["character"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn every_example_organization_by_name_and_acronym() {
    let entities = entities_of("celac-first.txt");
    for (id, name, acronym) in [
        ("org:celac", "Community of Latin American and Caribbean States", Some("CELAC")),
        ("org:unasur", "Union of South American Nations", Some("UNASUR")),
        ("org:mercosur", "Southern Common Market", Some("MERCOSUR")),
        ("org:alba", "Bolivarian Alliance for the Peoples of Our America", Some("ALBA")),
        ("org:pacific-alliance", "Pacific Alliance", None),
        ("org:sica", "Central American Integration System", Some("SICA")),
        ("org:caricom", "Caribbean Community", Some("CARICOM")),
        ("org:eaeu", "Eurasian Economic Union", Some("EAEU")),
        ("org:customs-union-bkr", "Customs Union", None),
        ("org:common-economic-space", "Common Economic Space", None),
        ("org:wto", "World Trade Organization", Some("WTO")),
    ] {
        let e = entity(&entities, id);
        let texts = mention_texts(e);
        assert!(texts.iter().any(|t| t.starts_with(name)), "{id}: {texts:?}");
        if let Some(acronym) = acronym {
            assert!(texts.iter().any(|t| t == acronym), "{id}: {texts:?}");
        }
        assert_eq!(e["kind"], "organization");
        assert_eq!(e["source"], "kb");
    }
}

#[test]
fn possessives_and_introductions_with_utf16_ranges() {
    let entities = entities_of("celac-first.txt");
    let celac = entity(&entities, "org:celac");
    assert_eq!(
        mention_texts(celac),
        ["Community of Latin American and Caribbean States", "CELAC", "CELAC", "CELAC"],
        "CELAC's and CELAC’s cover just the name"
    );
    // Line 2 (0-based): "HAVANA, May 12 - Foreign Minister Ana Ruiz welcomed President Vladimir Putin's offer of closer
    // ties with the Community ..."
    let intro = &celac["introduction"];
    assert_eq!(intro["start"]["line"], 2);
    let mentions = celac["mentions"].as_array().unwrap();
    assert_eq!(mentions[0]["introduction"], true);
    assert_eq!(mentions[1]["introduction"], true);
    assert_eq!(mentions[2]["introduction"], false);
    // The curly apostrophe is one UTF-16 unit, the mention ends before it.
    let last = &mentions[3]["range"];
    assert_eq!(last["end"]["character"].as_u64().unwrap() - last["start"]["character"].as_u64().unwrap(), 5);
}

#[test]
fn spanish_name_resolves_to_celac() {
    let entities = entities_of("celac-es.txt");
    let celac = entity(&entities, "org:celac");
    assert_eq!(mention_texts(celac), ["Comunidad de Estados Latinoamericanos y Caribeños"]);
    assert_eq!(mention_texts(entity(&entities, "org:mercosur")), ["Mercado Común del Sur"]);
    assert_eq!(mention_texts(entity(&entities, "org:pacific-alliance")), ["Alianza del Pacífico"]);
    assert_eq!(mention_texts(entity(&entities, "agency:efe")), ["EFE"]);
    assert_eq!(mention_texts(entity(&entities, "person:dina-boluarte")), ["Dina Boluarte", "Boluarte"]);
}

#[test]
fn people_across_two_articles_share_an_id() {
    // The second article names Putin without a title: known from the first one in the same run.
    let files = json(&["entities", "--format", "json", &fixture("celac-first.txt"), &fixture("celac-second.txt")]);
    let first = files[0]["entities"].as_array().unwrap().clone();
    let second = files[1]["entities"].as_array().unwrap().clone();
    assert!(entities_of("celac-second.txt").iter().all(|e| e["id"] != "person:vladimir-putin"));
    let putin1 = entity(&first, "person:vladimir-putin");
    let putin2 = entity(&second, "person:vladimir-putin");
    assert_eq!(mention_texts(putin1), ["Vladimir Putin", "Putin"]);
    assert_eq!(mention_texts(putin2), ["Vladimir Putin", "Putin"]);
    assert_eq!(putin1["kind"], "person");
    assert!(putin1["introduction"].is_object());
    assert_eq!(mention_texts(entity(&first, "person:ana-ruiz")), ["Ana Ruiz", "Ruiz"]);
    // Article-defined organizations get a stable id too.
    let awc = entity(&second, "defined:andean-water-council");
    assert_eq!(mention_texts(awc), ["Andean Water Council", "AWC", "AWC"]);
    assert_eq!(awc["source"], "article");
}

#[test]
fn both_files_in_one_run() {
    let files = json(&["entities", "--format", "json", &fixture("celac-first.txt"), &fixture("celac-second.txt")]);
    assert_eq!(files.as_array().unwrap().len(), 2);
    let human = newsls(&["entities", &fixture("celac-second.txt")]);
    assert!(human.status.success());
    let text = String::from_utf8(human.stdout).unwrap();
    assert!(
        text.contains("org:celac Community of Latin American and Caribbean States (CELAC) [organization]"),
        "{text}"
    );
}

#[test]
fn undefined_acronym_fires_before_spelling_out() {
    let found = undefined_acronyms("celac-second.txt");
    let messages: Vec<&str> = found.iter().map(|(m, _, _)| m.as_str()).collect();
    assert_eq!(found.len(), 3, "{messages:?}");
    assert!(messages[0].starts_with("\"CELAC\" (Community of Latin American and Caribbean States)"), "{messages:?}");
    assert!(messages[0].contains("\"the Community of Latin American and Caribbean States (CELAC)\""));
    assert_eq!((found[0].1, found[0].2), (2, 19));
    assert!(messages[1].contains("Mercosur"));
    assert!(messages[2].contains("\"World Trade Organization (WTO)\""), "{messages:?}");
}

#[test]
fn undefined_acronym_silent_when_spelled_out_in_headline_or_accepted() {
    assert!(undefined_acronyms("celac-first.txt").is_empty());
    assert!(undefined_acronyms("acronym-defined.txt").is_empty());
    assert!(undefined_acronyms("celac-es.txt").is_empty());
}

#[test]
fn kb_json_is_an_array_of_records() {
    let records = json(&["kb", "CELAC", "--format", "json"]);
    let records = records.as_array().unwrap();
    assert_eq!(records[0]["id"], "celac");
    assert_eq!(records[0]["type"], "organization");
    assert_eq!(records[0]["founded"]["date"], "2011-12-03");
    let all = json(&["kb", "--format", "json"]);
    let orgs = all.as_array().unwrap().iter().filter(|r| r["type"] == "organization").count();
    assert!(orgs >= 250, "{orgs}");
    let human = newsls(&["kb", "Mercosur"]);
    assert!(String::from_utf8(human.stdout).unwrap().contains("Southern Common Market"));
    assert_eq!(newsls(&["kb", "no such organization anywhere"]).status.code(), Some(1));
    // An exact match gets its card even when other records contain the query.
    let caricom = String::from_utf8(newsls(&["kb", "CARICOM"]).stdout).unwrap();
    assert!(caricom.starts_with("org:caricom\nCaribbean Community"), "{caricom}");
    assert!(caricom.contains("Georgetown, Guyana"), "{caricom}");
    let (card, others) = caricom.split_once("Also containing \"CARICOM\":").expect("the others after the card");
    assert!(!card.contains("org:crosq") && others.contains("org:crosq"), "{caricom}");
    // Without accents, as a keyboard without them types it.
    let spanish = json(&["kb", "Comunidad", "de", "Estados", "Latinoamericanos", "y", "Caribenos", "--format", "json"]);
    assert_eq!(spanish[0]["id"], "celac", "{spanish}");
    // The ids `entities` and hover cards print find their record; several words are one query.
    for query in [&["org:celac"][..], &["World", "Trade", "Organization"]] {
        let mut args = vec!["kb"];
        args.extend_from_slice(query);
        args.extend(["--format", "json"]);
        let first = &json(&args)[0];
        assert!(first["id"] == "celac" || first["id"] == "wto", "{query:?}: {first}");
    }
}

/// Acronyms as Latin American and British copy writes them: in Spanish and Portuguese (CEPAL, BID,
/// OCDE, OIT, PNUD, CIDH), and as words (Cepal, Celac, Unesco, Acnur, Unicef, Opec, Nato, Asean).
#[test]
fn acronyms_of_spanish_portuguese_and_british_copy() {
    let es = entities_of("acronyms-es.txt");
    for (id, mentions) in [
        ("org:eclac", &["Cepal", "Cepal"][..]),
        ("org:iadb", &["BID"]),
        ("org:celac", &["Celac"]),
        ("org:oecd", &["OCDE"]),
        ("org:ilo", &["OIT"]),
        ("org:undp", &["PNUD"]),
        ("org:unesco", &["Unesco"]),
        ("org:iachr", &["CIDH"]),
        ("org:iacthr", &["Corte IDH"]),
    ] {
        assert_eq!(mention_texts(entity(&es, id)), mentions, "{id}");
    }
    // BID is the Islamic Development Bank in French copy; in Latin American copy, the IDB.
    assert!(!es.iter().any(|e| e["id"] == "org:isbd"));

    let pt = entities_of("acronyms-pt.txt");
    assert_eq!(mention_texts(entity(&pt, "org:eclac")), ["Cepal", "Cepal"]);
    assert_eq!(mention_texts(entity(&pt, "org:iadb")), ["Banco Interamericano de Desenvolvimento"]);
    assert_eq!(mention_texts(entity(&pt, "org:unhcr")), ["Acnur"]);
    assert_eq!(mention_texts(entity(&pt, "org:unicef")), ["Unicef"]);

    let gb = entities_of("acronyms-en-gb.txt");
    for (id, mention) in [("org:opec", "Opec"), ("org:nato", "Nato"), ("org:asean", "Asean"), ("org:unicef", "Unicef")]
    {
        assert_eq!(mention_texts(entity(&gb, id)), [mention], "{id}");
    }
    assert_eq!(mention_texts(entity(&gb, "org:iadb")), ["IDB"]);
}

/// An acronym written as a word is still one: news style spells it out on first reference, in the
/// article's language, and the message says so in that language.
#[test]
fn an_acronym_written_as_a_word_is_spelled_out_in_the_articles_language() {
    let found = undefined_acronyms("acronyms-es.txt");
    let messages: Vec<&str> = found.iter().map(|(m, _, _)| m.as_str()).collect();
    assert_eq!(
        messages[0],
        "La sigla \"Cepal\" aparece antes de su forma desarrollada. Desarróllela en la primera mención: \
         \"Comisión Económica para América Latina y el Caribe (Cepal)\"."
    );
    assert!(messages.iter().any(|m| m.contains("\"Banco Interamericano de Desarrollo (BID)\"")), "{messages:?}");
}
