use super::*;

fn ids_of(text: &str) -> Vec<(String, String)> {
    let found = recognise(text, Glossary::empty());
    found.mentions.iter().map(|m| (m.span.text(text).to_string(), found.entity_of(m).id.clone())).collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

#[test]
fn example_organizations_by_name_and_acronym() {
    for (name, id) in [
        ("Community of Latin American and Caribbean States", "org:celac"),
        ("CELAC", "org:celac"),
        ("Union of South American Nations", "org:unasur"),
        ("UNASUR", "org:unasur"),
        ("Southern Common Market", "org:mercosur"),
        ("MERCOSUR", "org:mercosur"),
        ("Mercosur", "org:mercosur"),
        ("Bolivarian Alliance for the Peoples of Our America", "org:alba"),
        ("ALBA", "org:alba"),
        ("Pacific Alliance", "org:pacific-alliance"),
        ("Central American Integration System", "org:sica"),
        ("SICA", "org:sica"),
        ("Caribbean Community", "org:caricom"),
        ("CARICOM", "org:caricom"),
        ("Eurasian Economic Union", "org:eaeu"),
        ("EAEU", "org:eaeu"),
        ("Customs Union of Belarus, Kazakhstan and Russia", "org:customs-union-bkr"),
        ("Common Economic Space", "org:common-economic-space"),
        ("World Trade Organization", "org:wto"),
        ("WTO", "org:wto"),
    ] {
        let text = format!("Officials of the {name} met on Monday.");
        assert_eq!(ids_of(&text), pairs(&[(name, id)]), "{text}");
    }
}

#[test]
fn a_longer_form_ending_inside_a_word_leaves_the_shorter_one() {
    // "Saudi Arabia" matches the start of "Saudi Arabian", but ends inside a word; the demonym
    // "Saudi" still names the country.
    assert_eq!(ids_of("a Saudi Arabian prince"), pairs(&[("Saudi", "country:sa")]));
    assert_eq!(ids_of("Saudi Arabia's oil"), pairs(&[("Saudi Arabia", "country:sa")]));
}

#[test]
fn possessives_cover_just_the_name() {
    let text = "We welcome the CELAC’s readiness and the CELAC's extended troika.";
    assert_eq!(ids_of(text), pairs(&[("CELAC", "org:celac"), ("CELAC", "org:celac")]));
}

#[test]
fn acronyms_are_case_sensitive_and_word_bounded() {
    assert!(ids_of("Who said the celac meeting was about alba dancing?").is_empty());
    assert!(ids_of("The CELACX and XCELAC are not it.").is_empty());
    assert_eq!(ids_of("THE CELAC SUMMIT"), pairs(&[("CELAC", "org:celac")]));
}

#[test]
fn spanish_name_resolves_to_celac() {
    let text = "El presidente habló ante la Comunidad de Estados Latinoamericanos y Caribeños en La Habana.";
    let found = recognise(text, Glossary::empty());
    let celac = found.entity("org:celac").expect("CELAC recognised");
    assert_eq!(celac.introduction.unwrap().text(text), "Comunidad de Estados Latinoamericanos y Caribeños");
}

#[test]
fn definition_links_acronym_and_introduces() {
    let text =
        "Putin praised the Community of Latin American and Caribbean States (CELAC). Later the CELAC's troika met.";
    let found = recognise(text, Glossary::empty());
    let celac = found.entity("org:celac").unwrap();
    assert_eq!(celac.introduction.unwrap().text(text), "Community of Latin American and Caribbean States (CELAC)");
    let intro: Vec<_> = found.mentions_of(0).filter(|m| m.introduction).map(|m| m.span.text(text)).collect();
    assert_eq!(intro, ["Community of Latin American and Caribbean States", "CELAC"]);
    let last = found.mentions.last().unwrap();
    assert_eq!((last.span.text(text), last.introduction), ("CELAC", false));
}

#[test]
fn kb_acronym_defined_with_another_full_name() {
    let text = "That includes the Common Market of the South (MERCOSUR) and the Pacific Alliance.";
    let found = recognise(text, Glossary::empty());
    let mercosur = found.entity("org:mercosur").unwrap();
    assert_eq!(mercosur.full_name(text), "Common Market of the South");
    assert!(found.entity("org:pacific-alliance").is_some());
}

#[test]
fn article_definitions_for_unknown_organizations() {
    let text = "The Andean Water Council (AWC) met. The AWC said so. Later, the Forum of Coastal Towns (FCT) and ZQX (Zonal Quarry Exchange) spoke.";
    let found = recognise(text, Glossary::empty());
    let awc = found.entity("defined:andean-water-council").expect("AWC");
    assert_eq!(awc.acronym.as_deref(), Some("AWC"));
    assert_eq!(found.mentions_of(found.entities.iter().position(|e| e.id == awc.id).unwrap()).count(), 3);
    assert!(found.entity("defined:forum-of-coastal-towns").is_some());
    assert!(found.entity("defined:zonal-quarry-exchange").is_some());
}

#[test]
fn people_by_title_then_surname() {
    let text = "Russian President Vladimir Putin met Foreign Minister Ana Ruiz. Putin's aide said Ruiz agreed.";
    let found = recognise(text, Glossary::empty());
    let putin = found.entity("person:vladimir-putin").unwrap();
    assert_eq!(putin.introduction.unwrap().text(text), "President Vladimir Putin");
    assert_eq!(ids_of(text).iter().filter(|(_, id)| id == "person:vladimir-putin").count(), 2);
    assert!(found.entity("person:ana-ruiz").is_some());
    assert!(found.entity("country:ru").is_some(), "Russian is a demonym of Russia");
}

#[test]
fn people_stop_before_a_country() {
    let text = "President Vladimir Putin Russia was interested.";
    let found = recognise(text, Glossary::empty());
    assert!(found.entity("person:vladimir-putin").is_some());
    assert!(found.entity("country:ru").is_some());
}

#[test]
fn customs_union_needs_context() {
    let text = "The Customs Union and Common Economic Space would help.";
    assert!(recognise(text, Glossary::empty()).entity("org:customs-union-bkr").is_some());
    assert!(recognise("The Customs Union of old.", Glossary::empty()).entity("org:customs-union-bkr").is_none());
}

#[test]
fn glossary_adds_and_overrides() {
    let entry = |name: &str, alias: &str| GlossaryEntry {
        name: name.into(),
        aliases: vec![alias.into()],
        kind: Some("organization".into()),
        description: None,
        link: None,
    };
    let glossary = Glossary::new(vec![entry("Andean Development Forum", "ADF"), entry("Our CELAC desk", "CELAC")]);
    let text = "The ADF and CELAC met.";
    let found = recognise(text, &glossary);
    let ids: Vec<_> = found.entities.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["glossary:andean-development-forum", "glossary:our-celac-desk"]);
}

#[test]
fn headline_mentions_never_introduce() {
    let text = "CELAC summit opens\n\nLeaders of the Community of Latin American and Caribbean States met.\n";
    let article = Article::parse(text);
    let found = recognise_article(text, &article, Glossary::empty());
    let celac = found.entity("org:celac").unwrap();
    assert_eq!(celac.introduction.unwrap().text(text), "Community of Latin American and Caribbean States");
    assert_eq!(celac.first_mention.text(text), "CELAC");
}

#[test]
fn spell_out_adds_the_only_when_missing() {
    let text = "CELAC met. Later the CELAC's troika and leaders of CELAC met.";
    let found = recognise(text, Glossary::empty());
    let spans: Vec<Span> = found.mentions.iter().map(|m| m.span).collect();
    let edits: Vec<String> = spans.iter().map(|s| spell_out(text, &found, *s, Language::English).unwrap().1).collect();
    assert_eq!(
        edits,
        [
            "The Community of Latin American and Caribbean States (CELAC)",
            "Community of Latin American and Caribbean States (CELAC)",
            "the Community of Latin American and Caribbean States (CELAC)"
        ]
    );
}

/// Spanish and Portuguese copy gets the name in its language, where the knowledge base has one;
/// an article's own definition wins over it.
#[test]
fn spell_out_in_the_article_language() {
    let cases = [
        (
            Language::Spanish,
            "La OMC y el MERCOSUR.",
            ["Organización Mundial del Comercio (OMC)", "Mercado Común del Sur (MERCOSUR)"],
        ),
        (
            Language::Portuguese,
            "A OMC e o MERCOSUL.",
            ["Organização Mundial do Comércio (OMC)", "Mercado Comum do Sul (MERCOSUL)"],
        ),
    ];
    for (language, text, expected) in cases {
        let found = recognise(text, Glossary::empty());
        let edits: Vec<String> =
            found.mentions.iter().map(|m| spell_out(text, &found, m.span, language).unwrap().1).collect();
        assert_eq!(edits, expected, "{language:?}");
    }
}

#[test]
fn slugs() {
    assert_eq!(slug("Luiz Inácio Lula da Silva"), "luiz-inacio-lula-da-silva");
    assert_eq!(slug("Vladimir Putin"), "vladimir-putin");
}

#[test]
fn a_parenthesis_near_multibyte_characters_never_panics() {
    // The look-ahead window after "(" must end on a character boundary.
    for pad in 0..8 {
        let text = format!("The firm (profit {} £13.4m) grew. A group (Beta Gamma £) met.", "x".repeat(pad));
        let _ = super::recognise(&text, super::Glossary::empty());
    }
}
