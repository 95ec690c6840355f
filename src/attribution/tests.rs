use super::*;
use crate::article::Article;
use crate::language::{Language, detect};

/// The article's attributions, its sentences split into words here.
fn attribute(text: &str, article: &Article, language: Language) -> Attributions {
    super::attribute(text, article, &SentenceWords::new(text, article.sentences.as_slice()), language)
}

/// (sentence text, source text, link) for every sentence, read as the analysis reads it: in the
/// detected language, with its dialogue dashes.
fn attributed(text: &str) -> Vec<(String, Option<String>, Option<Link>)> {
    let mut article = Article::parse(text);
    let language = detect(text);
    if language.has_dialogue_dashes() {
        article.add_dialogue_quotations(text);
    }
    let attributions = attribute(text, &article, language);
    article
        .sentences
        .iter()
        .zip(&attributions.sentences)
        .map(|(s, a)| {
            (
                s.span.text(text).to_string(),
                a.and_then(|a| a.cue.source).map(|src| src.text(text).to_string()),
                a.map(|a| a.link),
            )
        })
        .collect()
}

fn source_of(text: &str, sentence_start: &str) -> Option<String> {
    attributed(text)
        .into_iter()
        .find(|(s, _, _)| s.starts_with(sentence_start))
        .unwrap_or_else(|| panic!("no sentence starts with {sentence_start:?}"))
        .1
}

fn is_attributed(text: &str, sentence_start: &str) -> bool {
    attributed(text).into_iter().any(|(s, _, link)| s.starts_with(sentence_start) && link.is_some())
}

#[test]
fn reporting_verbs_in_either_order() {
    let text = "Head\n\nThe dam will fail, Governor Ana Ruiz said on Monday.\n\nThe dam will hold, said the engineer.\n\nPrices will double, she told reporters.\n";
    assert_eq!(source_of(text, "The dam will fail").as_deref(), Some("Governor Ana Ruiz"));
    assert_eq!(source_of(text, "The dam will hold").as_deref(), Some("the engineer"));
    assert_eq!(source_of(text, "Prices will double").as_deref(), Some("she"));
}

#[test]
fn according_to_and_noun_cues() {
    let text = "Head\n\nExports fell 8 percent, according to the central bank.\n\nIn his opinion, the market will recover.\n\nThe mayor resigned, the council said in a statement.\n";
    assert_eq!(source_of(text, "Exports fell").as_deref(), Some("the central bank"));
    assert_eq!(source_of(text, "In his opinion").as_deref(), Some("his"));
    assert!(is_attributed(text, "The mayor resigned"));
}

#[test]
fn a_long_name_inside_a_noun_cue() {
    let text = "Head\n\nIn an NBC News/Wall Street Journal poll released Monday, 50 percent of voters backed the levy.\n\n\
                Donors gave $6 million in the hours after the New Hampshire polls closed.\n";
    assert!(is_attributed(text, "In an NBC News"));
    assert!(!is_attributed(text, "Donors gave"), "the phrase ended at \"after\"");
}

#[test]
fn documents_and_data_as_sources() {
    let text = "Head\n\nA Bloomberg poll shows most voters back the plan.\n\nThe report found that rents rose.\n\nA new survey found broad support for the levy.\n";
    assert_eq!(source_of(text, "A Bloomberg poll").as_deref(), Some("A Bloomberg poll"));
    assert_eq!(source_of(text, "The report found").as_deref(), Some("The report"));
    assert_eq!(source_of(text, "A new survey").as_deref(), Some("A new survey"));
}

#[test]
fn multi_sentence_quotation_named_once() {
    let text = "Head\n\n“We are ready. The work starts now. Nobody will stop us,” Putin said.\n";
    let rows = attributed(text);
    assert_eq!(rows.len(), 4);
    for (sentence, source, _) in &rows[1..] {
        assert_eq!(source.as_deref(), Some("Putin"), "{sentence}");
    }
}

#[test]
fn colon_introduction_and_speaker_labels() {
    let text = "Head\n\nThe minister said:\n\n“Inflation is beaten.”\n\nWALLACE: Will you run again?\n";
    assert!(is_attributed(text, "“Inflation is beaten.”"));
    assert_eq!(source_of(text, "WALLACE").as_deref(), Some("WALLACE"));
}

#[test]
fn a_dash_after_a_quotation_credits_its_speaker() {
    let text = "Head\n\n“The tariff will double prices. We cannot afford it.” ― Sonya Herridge\n\n\
                “Nobody asked us.” — Ana Ruiz, economist at the central bank\n\n\
                He called it “a disgrace” — Trump’s word — and left.\n\n\
                They jeered, “Do svidaniya!” - Russian for goodbye.\n";
    let article = Article::parse(text);
    let attributions = attribute(text, &article, Language::English);
    let speakers: Vec<Option<&str>> =
        attributions.quotations.iter().map(|a| a.and_then(|a| a.cue.source).map(|s| s.text(text))).collect();
    assert_eq!(
        speakers,
        [Some("Sonya Herridge"), Some("Ana Ruiz"), Some("He"), None],
        "a dash inside a sentence credits no one"
    );
    assert_eq!(source_of(text, "We cannot afford it").as_deref(), Some("Sonya Herridge"));
    assert!(is_attributed(text, "— Ana Ruiz"), "the credit line is the attribution, not a claim");
}

#[test]
fn a_subject_is_read_past_an_aside_between_commas() {
    let text = "Head\n\nA Fox News poll, conducted jointly with two firms (D & R), shows Sanders with 47 percent.\n\n\
                The poll, which surveyed 900 voters, shows Sanders ahead by 10 points.\n\n\
                Two analysts, Ana Ruiz and Luis Soto, found in 2014 that the force is the best.\n\n\
                Four people were injured, showing the gulf between the two countries.\n";
    assert_eq!(source_of(text, "A Fox News poll").as_deref(), Some("A Fox News poll"));
    assert_eq!(source_of(text, "The poll, which").as_deref(), Some("The poll"));
    assert_eq!(source_of(text, "Two analysts").as_deref(), Some("Two analysts"));
    assert!(!is_attributed(text, "Four people"), "what a participle shows is the writer's inference");
    let text =
        "Titular\n\nLa encuesta, realizada por Datafolha en mayo, muestra que el 40 por ciento apoya al gobierno.\n";
    assert_eq!(source_of(text, "La encuesta").as_deref(), Some("La encuesta"));
}

#[test]
fn continuation_within_a_paragraph() {
    let text =
        "Head\n\nThe minister said the deal was dead. It would cost too much. Talks ended.\n\nTalks ended in May.\n";
    let rows = attributed(text);
    assert_eq!(rows[2].2, Some(Link::Continuation));
    assert_eq!(rows[4].2, None, "a new paragraph does not continue the speaker");
}

#[test]
fn vague_cues_are_marked() {
    let text = "Head\n\nThe tariff is expected to rise.\n\nCritics say the law is flawed.\n\nThe firm reportedly lost money.\n";
    let article = Article::parse(text);
    let attributions = attribute(text, &article, detect(text));
    let vague: Vec<bool> = attributions.sentences[1..].iter().map(|a| a.is_some_and(|a| a.cue.vague)).collect();
    assert_eq!(vague, [true, true, true]);
}

#[test]
fn non_reporting_senses_do_not_attribute() {
    let text = "Head\n\nThe plant added 200 jobs in March.\n\nThe noted author arrived.\n\nSales declined 5 percent.\n";
    for start in ["The plant added", "The noted author", "Sales declined"] {
        assert!(!is_attributed(text, start), "{start}");
    }
}

#[test]
fn declining_to_comment_and_stances_report_their_holder() {
    // News attributes refusals, intentions and stances to their holder as it does speech.
    let text = "Head\n\nThe ministry declined to comment.\n\nThe senator wants to cut taxes.\n\nHe has also endorsed the plan.\n";
    for start in ["The ministry declined", "The senator wants", "He has also endorsed"] {
        assert!(is_attributed(text, start), "{start}");
    }
}

#[test]
fn spanish_and_portuguese_cues() {
    let spanish = "Titular\n\nLa inflación bajará, dijo el ministro.\n\nSegún la CEPAL, la región crecerá.\n";
    assert!(is_attributed(spanish, "La inflación"));
    assert_eq!(source_of(spanish, "Según la CEPAL").as_deref(), Some("la CEPAL"));
    let portuguese =
        "Título\n\nSegundo o ministro, a inflação vai cair.\n\nO ministro disse que a inflação vai cair.\n";
    assert!(is_attributed(portuguese, "Segundo o ministro"));
    assert!(is_attributed(portuguese, "O ministro disse"));
}

/// Whether the sentence opening with `sentence_start` is attributed when the article is read as `language`.
fn is_attributed_in(text: &str, language: Language, sentence_start: &str) -> bool {
    let article = Article::parse(text);
    let attributions = attribute(text, &article, language);
    article
        .sentences
        .iter()
        .zip(&attributions.sentences)
        .any(|(s, a)| s.span.text(text).starts_with(sentence_start) && a.is_some())
}

#[test]
fn cues_are_read_in_the_articles_language_only() {
    // "dice" is a Spanish reporting verb and an English noun; "segundo" is Portuguese for
    // "according to" and part of a name in English.
    let english = "Head\n\nLoaded dice cost more than fair ones next year.\n\nCrowds at the Segundo Plaza will double next year.\n";
    for start in ["Loaded dice", "Crowds at"] {
        assert!(!is_attributed_in(english, Language::English, start), "{start}");
    }
    assert!(is_attributed_in(
        "Titular\n\nEl ministro dice que la inflación bajará.\n",
        Language::Spanish,
        "El ministro"
    ));
    assert!(is_attributed_in("Título\n\nSegundo o ministro, a inflação vai cair.\n", Language::Portuguese, "Segundo"));
    // Nor do English cues attribute Spanish or Portuguese copy.
    let quoted_english = "Título\n\nThe minister said the plan would fail.\n";
    assert!(is_attributed_in(quoted_english, Language::English, "The minister"));
    assert!(!is_attributed_in(quoted_english, Language::Portuguese, "The minister"));
    assert!(!is_attributed_in(quoted_english, Language::Spanish, "The minister"));
}

#[test]
fn vague_words_are_read_in_the_articles_language_only() {
    let english = "Head\n\nThe minister supposedly resigned.\n";
    let portuguese = "Título\n\nO ministro supostamente renunciou.\n";
    assert_eq!(vague_cues_in(english, Language::English), ["supposedly"]);
    assert_eq!(vague_cues_in(portuguese, Language::Portuguese), ["supostamente"]);
    assert!(vague_cues_in(english, Language::Portuguese).is_empty());
    assert!(vague_cues_in(portuguese, Language::English).is_empty());
}

/// The text of every vague cue of every sentence.
fn vague_cues(text: &str) -> Vec<String> {
    vague_cues_in(text, detect(text))
}

/// The text of every vague cue of every sentence, the article read as `language`.
fn vague_cues_in(text: &str, language: Language) -> Vec<String> {
    let article = Article::parse(text);
    attribute(text, &article, language).vague.iter().flatten().map(|c| c.span.text(text).to_string()).collect()
}

#[test]
fn general_shapes_of_vague_attribution() {
    let text = "Head\n\nThe senator has been harshly criticized for the vote. The plan appears likely to fail. It is clear that the deal is dead. The ministry faced sharp criticism over the delay. Suspicions persist that the count was rigged. Prices rose, as predicted. The firm was apparently sold.\n";
    assert_eq!(
        vague_cues(text),
        [
            "been harshly criticized",
            "appears",
            "It is clear",
            "faced sharp criticism",
            "Suspicions persist",
            "as predicted",
            "apparently"
        ]
    );
}

#[test]
fn a_named_holder_or_a_physical_sense_is_not_vague() {
    let text = "Head\n\nThe plan was criticized by the Times. Four officers are seen gathered at the door. She appeared on television. The ministry drew criticism from unions. It seemed to him a fair price.\n";
    assert_eq!(vague_cues(text), Vec::<String>::new());
}

#[test]
fn spanish_and_portuguese_vague_attribution() {
    let spanish = "Titular\n\nSe espera que la inflación baje. Al parecer, el ministro renunció. Según fuentes, el acuerdo fue firmado.\n";
    assert_eq!(vague_cues(spanish), ["Se espera", "Al parecer", "Según"]);
    let portuguese = "Título\n\nEspera-se que a inflação caia. Segundo fontes, o acordo foi assinado.\n";
    assert_eq!(vague_cues(portuguese), ["Espera-se", "Segundo"]);
}

#[test]
fn every_vague_cue_of_a_sentence_is_kept() {
    let text = "Head\n\nThe veto is expected on Friday, but Republicans seem confident.\n";
    assert_eq!(vague_cues(text), ["is expected", "seem"]);
}

#[test]
fn noun_and_adjective_cues_and_relative_subjects() {
    let text = "Head\n\nHe stepped up his critique of the council on Monday.\n\nThe union is confident that the deal will pass.\n\nShe released her records, which showed she was fit.\n\nThe mayor described the plan as a disgrace.\n\nAnd he added that his own pen has an eraser.\n";
    for start in ["He stepped up", "The union is confident", "She released", "The mayor described", "And he added"] {
        assert!(is_attributed(text, start), "{start}");
    }
}

#[test]
fn expressed_stances_and_speech_from_a_holder() {
    let text = "Head\n\nThe governor expressed deep concern that the levee would fail.\n\nThe plan drew sharp criticism from the farm lobby.\n\nThe company expressed a strong interest in the deal.\n";
    assert_eq!(source_of(text, "The governor expressed").as_deref(), Some("The governor"));
    assert_eq!(source_of(text, "The plan drew").as_deref(), Some("the farm lobby"));
    assert!(is_attributed(text, "The company expressed"));
    let text = "Head\n\nThe mayor kept his promise to build a dam by 2030.\n\nThe council shelved her proposal to tax tourists.\n";
    assert_eq!(source_of(text, "The mayor kept").as_deref(), Some("his"));
    assert_eq!(source_of(text, "The council shelved").as_deref(), Some("her"));
}

#[test]
fn vague_cues_in_a_named_sources_words_are_not_the_articles() {
    let text = "Head\n\nRuiz said the plan is expected to fail.\n\nThe plan is expected to fail, Ruiz said.\n\nThe efforts are expected to continue this week, with the mayor expected to visit the port on Friday.\n";
    assert_eq!(vague_cues(text), ["are expected"]);
}

#[test]
fn impressions_with_any_complement() {
    let text = "Head\n\nThe rally seemed a shove away from a brawl. The council appeared paralyzed by the vote. The mayor appears somewhat nervous about the audit. It appears, though, that the vote was close.\n";
    assert_eq!(vague_cues(text), ["seemed", "appeared", "appears", "appears"]);
    let physical = "Head\n\nThe mayor appeared several times on radio. The governor appeared onstage at noon.\n";
    assert_eq!(vague_cues(physical), Vec::<String>::new());
    let compared = "Head\n\nThe risks are lower than they seem. The deficit was worse than it seemed.\n";
    assert_eq!(vague_cues(compared), Vec::<String>::new());
}

#[test]
fn spanish_and_portuguese_impressions() {
    let spanish =
        "Titular\n\nParece que el acuerdo fracasó. Al ministro le pareció un error. El hijo se parece a su padre.\n";
    assert_eq!(vague_cues_in(spanish, Language::Spanish), ["Parece"]);
    let compared = "Titular\n\nEl plan es más difícil de lo que parece.\n";
    assert_eq!(vague_cues_in(compared, Language::Spanish), Vec::<String>::new());
    let portuguese = "Título\n\nO acordo parecia perdido na semana passada.\n";
    assert_eq!(vague_cues_in(portuguese, Language::Portuguese), ["parecia"]);
}

#[test]
fn judgments_with_no_auxiliary_and_views_with_their_content() {
    let text = "Head\n\nThe port, widely regarded as the gateway to the north, closed. It remains unclear whether the mill will reopen. The mayor resigned over allegations that she took bribes. There were rumors that the firm was for sale. The ministry endured fierce criticism for the delay.\n";
    assert_eq!(
        vague_cues(text),
        ["widely regarded as", "It remains unclear", "over allegations", "were rumors", "endured fierce criticism"]
    );
}

#[test]
fn a_judgment_or_view_with_its_holder_is_not_vague() {
    let text = "Head\n\nShe criticized the levy, which she described as a tax on the poor. The mill has seen as many as 40 layoffs. The senator claims that the count was rigged. The fears that drove the sale have eased. Ruiz repeated her allegations that the mayor took bribes.\n";
    assert_eq!(vague_cues(text), Vec::<String>::new());
}

#[test]
fn a_hedge_in_an_aside_after_a_named_cue_is_the_articles() {
    let text = "Head\n\nThe union endorsed Ana Ruiz, who is expected to run for mayor.\n\nRuiz said the mill, which is expected to close, had lost money.\n";
    assert_eq!(vague_cues(text), ["is expected", "is expected"]);
    let reported = "Head\n\nRuiz said the mill is expected to close.\n";
    assert_eq!(vague_cues(reported), Vec::<String>::new());
}

#[test]
fn spanish_and_portuguese_agentless_passives() {
    // Each passive with its agent is a paragraph of its own: the agent is a named source, whom the
    // next sentence of its paragraph would continue.
    let spanish = "Titular\n\nEl ministro fue duramente criticado tras la votación.\n\nLa obra fue criticada por la oposición.\n\nSe teme que la presa falle.\n";
    assert_eq!(vague_cues_in(spanish, Language::Spanish), ["fue duramente criticado", "Se teme"]);
    assert_eq!(source_of(spanish, "La obra").as_deref(), Some("la oposición"));
    let portuguese = "Título\n\nO deputado é considerado favorito.\n\nA obra foi criticada pelo prefeito.\n\nTeme-se que a barragem falhe.\n";
    assert_eq!(vague_cues_in(portuguese, Language::Portuguese), ["é considerado", "Teme-se"]);
    assert_eq!(source_of(portuguese, "A obra").as_deref(), Some("prefeito"));
}

#[test]
fn insiders_and_unidentified_officials_are_vague_sources() {
    let text = "Head\n\nThe deal will close in May, a person familiar with the talks said.\n\nSources close to the mayor said she would resign.\n\nA senior official said the port would reopen.\n\nA White House official said the port would reopen.\n\nOfficials at the ministry said the port would reopen.\n";
    let article = Article::parse(text);
    let attributions = attribute(text, &article, Language::English);
    let vague: Vec<(String, bool)> = article.sentences[1..]
        .iter()
        .zip(&attributions.sentences[1..])
        .map(|(s, a)| {
            (s.span.text(text).split_whitespace().next().unwrap().to_string(), a.is_some_and(|a| a.cue.vague))
        })
        .collect();
    let expected = [("The", true), ("Sources", true), ("A", true), ("A", false), ("Officials", false)];
    assert_eq!(vague, expected.map(|(w, v)| (w.to_string(), v)));
    assert_eq!(source_of(text, "The deal").as_deref(), Some("a person familiar with the talks"));
}

#[test]
fn plural_possessives_stay_in_the_source() {
    let text = "Head\n\nPrices will double, the farmers' union said.\n\nThe plan will fail, the workers’ party said.\n\nThe mill will close, said the miners' union.\n";
    assert_eq!(source_of(text, "Prices will double").as_deref(), Some("the farmers' union"));
    assert_eq!(source_of(text, "The plan will fail").as_deref(), Some("the workers’ party"));
    assert_eq!(source_of(text, "The mill will close").as_deref(), Some("the miners' union"));
}

#[test]
fn expressing_a_thing_is_not_reporting_it() {
    let text = "Head\n\nThe bridge expressed its age.\n\nThe mayor expressed the belief that the bridge will fall.\n\nThe mayor expressed her hope that it holds.\n";
    assert!(!is_attributed(text, "The bridge expressed"));
    assert_eq!(source_of(text, "The mayor expressed the belief").as_deref(), Some("The mayor"));
    assert_eq!(source_of(text, "The mayor expressed her hope").as_deref(), Some("The mayor"));
}

#[test]
fn naming_something_reports_the_namer() {
    let text = "Head\n\nThe senator has called the levy a tax on farmers.\n\nThe mayor labeled the audit a witch hunt.\n\nThe union called off a strike at the port.\n\nThe governor called an election for March.\n\nFans are calling it an “instant classic.”\n\nThe dam will hold, the engineer called.\n";
    assert_eq!(source_of(text, "The senator has called").as_deref(), Some("The senator"));
    assert_eq!(source_of(text, "Fans are calling").as_deref(), Some("Fans"));
    assert_eq!(source_of(text, "The dam will hold").as_deref(), Some("the engineer"));
    assert_eq!(source_of(text, "The mayor labeled").as_deref(), Some("The mayor"));
    assert!(!is_attributed(text, "The union called off"));
    assert!(!is_attributed(text, "The governor called an election"));
}

#[test]
fn raising_a_stance_is_reported_only_by_someone() {
    let text = "Head\n\nFarmers raised concerns about the new levy.\n\nThe senator voiced doubts that the dam would hold.\n\nThe merger raises concerns about prices.\n\nThe council raised taxes on landlords.\n\nThe station aired a documentary on the flood.\n";
    assert_eq!(source_of(text, "Farmers raised").as_deref(), Some("Farmers"));
    assert_eq!(source_of(text, "The senator voiced").as_deref(), Some("The senator"));
    assert!(!is_attributed(text, "The merger raises"));
    assert!(!is_attributed(text, "The council raised"));
    assert!(!is_attributed(text, "The station aired"));
}

#[test]
fn rebukes_report_who_delivers_them() {
    let text = "Head\n\nThe judge chastised the ministry for the delays.\n\nThe ruling drew a sharp reprimand from the bar association.\n";
    assert_eq!(source_of(text, "The judge chastised").as_deref(), Some("The judge"));
    assert!(!is_attributed(text, "The ruling drew a sharp reprimand"));
}

#[test]
fn spanish_and_portuguese_report_in_every_tense() {
    let spanish = "Titular\n\nEl ministro ha dicho que la inflación bajará.\n\nLos cancilleres explicaron que el fondo no alcanzará.\n\nLa ministra está diciendo que el plan fracasará.\n\nEl presidente ha criticado duramente a Estados Unidos.\n\nLa obra fue criticada por la oposición.\n\nLo dicho no cambia el plan, que costará millones.\n";
    assert_eq!(source_of(spanish, "El ministro ha dicho").as_deref(), Some("El ministro"));
    assert_eq!(source_of(spanish, "Los cancilleres").as_deref(), Some("Los cancilleres"));
    assert_eq!(source_of(spanish, "La ministra").as_deref(), Some("La ministra"));
    assert_eq!(source_of(spanish, "El presidente").as_deref(), Some("El presidente"));
    assert_eq!(source_of(spanish, "La obra").as_deref(), Some("la oposición"));
    assert!(!is_attributed(spanish, "Lo dicho"), "a participle with no auxiliary reports nothing");
    let portuguese = "Título\n\nO ministro tem afirmado que a inflação vai cair.\n\nOs ministros explicaram que o fundo não basta.\n\nO plano foi criticado pela oposição.\n\nO dito popular vale para a reforma, que vai mudar o país.\n";
    assert_eq!(source_of(portuguese, "O ministro tem").as_deref(), Some("O ministro"));
    assert_eq!(source_of(portuguese, "Os ministros").as_deref(), Some("Os ministros"));
    assert_eq!(source_of(portuguese, "O plano").as_deref(), Some("oposição"));
    assert!(!is_attributed(portuguese, "O dito popular"));
}

/// For each sentence after the headline, its source and whether that source names no one.
fn sources_and_vagueness(text: &str, language: Language) -> Vec<(Option<String>, bool)> {
    let article = Article::parse(text);
    let attributions = attribute(text, &article, language);
    attributions.sentences[1..]
        .iter()
        .map(|a| (a.and_then(|a| a.cue.source).map(|s| s.text(text).to_string()), a.is_some_and(|a| a.cue.vague)))
        .collect()
}

#[test]
fn spanish_and_portuguese_sources_that_name_no_one() {
    let spanish = "Titular\n\nSegún fuentes diplomáticas, Brasil presentará una propuesta.\n\nFuentes cercanas a la negociación dijeron que habrá acuerdo.\n\nFuentes del Gobierno dijeron que habrá acuerdo.\n\nAlgunos funcionarios dijeron que habrá acuerdo.\n";
    let expected = [
        ("fuentes diplomáticas", true),
        ("Fuentes cercanas a la negociación", true),
        ("Fuentes del Gobierno", false),
        ("Algunos funcionarios", true),
    ];
    assert_eq!(sources_and_vagueness(spanish, Language::Spanish), expected.map(|(s, v)| (Some(s.to_string()), v)));
    let portuguese = "Título\n\nSegundo fontes diplomáticas, o Brasil apresentará uma proposta.\n\nFontes próximas ao presidente afirmaram que haverá acordo.\n\nSegundo fontes do Itamaraty, haverá acordo.\n\nLula vai sancionar a lei, segundo assessores.\n";
    let expected = [
        ("fontes diplomáticas", true),
        ("Fontes próximas ao presidente", true),
        ("fontes do Itamaraty", false),
        ("assessores", true),
    ];
    assert_eq!(
        sources_and_vagueness(portuguese, Language::Portuguese),
        expected.map(|(s, v)| (Some(s.to_string()), v))
    );
}

#[test]
fn the_conditional_of_rumour_is_vague() {
    let spanish = "Titular\n\nEl ministro habría recibido sobornos de la constructora.\n\nLa empresa estaría negociando con el Gobierno.\n\nSi hubiera llovido, la cosecha habría crecido.\n\nEl fiscal dijo que el ministro habría recibido sobornos.\n\nNadie sabe qué habría.\n";
    assert_eq!(vague_cues_in(spanish, Language::Spanish), ["habría recibido", "estaría negociando"]);
    let portuguese =
        "Título\n\nO deputado teria desviado verbas da saúde.\n\nSe tivesse chovido, a safra teria crescido.\n";
    assert_eq!(vague_cues_in(portuguese, Language::Portuguese), ["teria desviado"]);
    let english = "Head\n\nThe minister teria recibido a bribe.\n";
    assert_eq!(vague_cues_in(english, Language::English), Vec::<String>::new());
}

#[test]
fn words_that_end_like_a_subjunctive_do_not_make_a_condition() {
    let spanish = "Titular\n\nCualquiera que sea el resultado, el ministro habría recibido sobornos.\n";
    assert_eq!(vague_cues_in(spanish, Language::Spanish), ["habría recibido"]);
    let portuguese = "Título\n\nNo interesse da empresa, o deputado teria desviado verbas da classe.\n\n\
                      Caso tivesse chovido, a safra teria crescido.\n";
    assert_eq!(vague_cues_in(portuguese, Language::Portuguese), ["teria desviado"]);
}

#[test]
fn portuguese_enclitic_pronouns_after_a_reporting_verb() {
    let text = "Título\n\nO ministro disse-lhe que a inflação vai subir.\n\nA ministra afirmou-nos que os preços vão dobrar.\n";
    assert_eq!(source_of(text, "O ministro").as_deref(), Some("O ministro"));
    assert_eq!(source_of(text, "A ministra").as_deref(), Some("A ministra"));
}

#[test]
fn segun_before_a_verb_names_its_source_after_it_or_none() {
    let text = "Titular\n\nSegún trascendió, Venezuela no firmará.\n\nSegún se supo, Venezuela no firmará.\n\nSegún dijo el canciller, Venezuela no firmará.\n";
    let expected = [(None, true), (None, true), (Some("el canciller".to_string()), false)];
    assert_eq!(sources_and_vagueness(text, Language::Spanish), expected);
}

#[test]
fn a_perspective_held_by_a_group_that_names_no_one_is_vague() {
    let english = "Head\n\nFor critics, the deal comes too late.\n\nFor Obama, the deal comes too late.\n\nFor many months, the deal stalled.\n";
    let expected = [(Some("critics".to_string()), true), (Some("Obama".to_string()), false), (None, false)];
    assert_eq!(sources_and_vagueness(english, Language::English), expected);
    let spanish =
        "Titular\n\nPara los ambientalistas, el acuerdo llega tarde.\n\nPara Petro, el acuerdo llega tarde.\n";
    let expected = [(Some("los ambientalistas".to_string()), true), (Some("Petro".to_string()), false)];
    assert_eq!(sources_and_vagueness(spanish, Language::Spanish), expected);
}

#[test]
fn an_inverted_tag_after_a_quotation_reports_with_a_verb_of_other_senses() {
    let spanish = "Titular\n\n«La inflación bajará en marzo», destacó el ministro de Economía.\n\n\
                   «No vamos a pagar», contó la diputada Marta Ruiz a los periodistas.\n\n\
                   —Vamos a ganar —contó el entrenador.\n\n\
                   La diputada contó que el acuerdo se firmará en abril.\n\n\
                   El proyecto contó con el apoyo de doce bancos.\n\n\
                   La empresa cuenta con quinientos empleados en Lima.\n";
    assert_eq!(source_of(spanish, "«La inflación").as_deref(), Some("el ministro de Economía"));
    assert_eq!(source_of(spanish, "«No vamos").as_deref(), Some("la diputada Marta Ruiz"));
    assert_eq!(source_of(spanish, "—Vamos").as_deref(), Some("el entrenador"));
    assert_eq!(source_of(spanish, "La diputada").as_deref(), Some("La diputada"));
    // After its subject, a verb is no tag: what follows it is its object, not a speaker.
    let titles = "Titular\n\nRuiz, que actuó en «Los años felices», publicó el video de la serie.\n";
    assert_ne!(source_of(titles, "Ruiz").as_deref(), Some("el video de la serie"));
    // "Contar con" is "have": the support is not what the project said.
    assert!(!is_attributed(spanish, "El proyecto"));
    assert!(!is_attributed(spanish, "La empresa"));
    let portuguese = "Título\n\n“A inflação vai cair em março”, destacou o ministro da Fazenda.\n\n\
                      “Vamos ganhar”, conta Pedro Alves, técnico do time.\n\n\
                      A deputada conta que o acordo será assinado em abril.\n\n\
                      O projeto contou com o apoio de doze bancos.\n\n\
                      A conta de luz subiu 10% em março.\n";
    assert_eq!(source_of(portuguese, "“A inflação").as_deref(), Some("o ministro da Fazenda"));
    assert_eq!(source_of(portuguese, "“Vamos").as_deref(), Some("Pedro Alves"));
    assert_eq!(source_of(portuguese, "A deputada").as_deref(), Some("A deputada"));
    assert!(!is_attributed(portuguese, "O projeto"));
    assert!(!is_attributed(portuguese, "A conta"));
}

#[test]
fn unnamed_supporters_and_people_close_to_the_talks_are_vague_sources() {
    let spanish = "Titular\n\nEl acuerdo, según sus defensores, creará el mayor mercado del mundo.\n\n\
                   Según fuentes cercanas a la Casa Rosada, el ministro renunciará.\n";
    let expected =
        [(Some("sus defensores".to_string()), true), (Some("fuentes cercanas a la Casa Rosada".to_string()), true)];
    assert_eq!(sources_and_vagueness(spanish, Language::Spanish), expected);
    let portuguese =
        "Título\n\nHouve, segundo pessoas próximas às negociações, um desentendimento entre as delegações.\n";
    let expected = [(Some("pessoas próximas às negociações".to_string()), true)];
    assert_eq!(sources_and_vagueness(portuguese, Language::Portuguese), expected);
}

#[test]
fn a_day_or_an_adverb_between_an_ambiguous_verb_and_its_clause() {
    let portuguese = "Título\n\nO presidente cobrou nesta segunda-feira que os países ricos cumpram a promessa.\n\n\
                      A ministra destacou ontem que o desmatamento caiu.\n";
    assert_eq!(source_of(portuguese, "O presidente").as_deref(), Some("O presidente"));
    assert_eq!(source_of(portuguese, "A ministra").as_deref(), Some("A ministra"));
    let spanish = "Titular\n\nEl canciller destacó además que el acuerdo abre una nueva etapa.\n\n\
                   La ministra destacó este jueves que el plan avanza.\n\n\
                   El diputado celebró la semana pasada que la ley fuera aprobada.\n\n\
                   La presidenta defendió este jueves la reforma ante los empresarios.\n";
    assert_eq!(source_of(spanish, "El canciller").as_deref(), Some("El canciller"));
    assert_eq!(source_of(spanish, "La ministra").as_deref(), Some("La ministra"));
    assert_eq!(source_of(spanish, "El diputado").as_deref(), Some("El diputado"));
    // After the day comes an object, not a clause: defending a reform is an act, not speech.
    assert!(!is_attributed(spanish, "La presidenta"));
    let portuguese = "Título\n\nO ministro defendeu nesta quinta-feira o arcabouço fiscal.\n";
    assert!(!is_attributed(portuguese, "O ministro"), "as in Spanish");
}

#[test]
fn latin_american_reporting_verbs_and_their_other_senses() {
    let spanish = "Titular\n\nLa mandataria aseveró que los jueces serán electos en junio.\n\n\
                   Sheinbaum se refirió a las críticas y recalcó que México es soberano.\n\n\
                   El dirigente externó su preocupación por la falta de certidumbre.\n\n\
                   «Queremos reglas claras», expuso el presidente del consejo.\n\n\
                   El senador deslizó que habría cambios en la ley.\n\n\
                   La oposición vaticinó una caída de la inversión.\n\n\
                   El plan plantea un desafío enorme para los jueces.\n\n\
                   La Suprema Corte publicó un libro sobre su historia.\n";
    for attributed in ["La mandataria", "Sheinbaum", "El dirigente", "«Queremos", "El senador", "La oposición"] {
        assert!(is_attributed(spanish, attributed), "{attributed}");
    }
    assert!(!is_attributed(spanish, "El plan"), "posing a challenge is not speech");
    assert!(!is_attributed(spanish, "La Suprema Corte"), "publishing a book is not speech");
    let portuguese = "Título\n\nHaddad pontuou que o governo vai cumprir a meta.\n\n\
                      O ministro reforçou que não haverá aumento de impostos.\n\n\
                      “Não há espaço para aventuras”, desabafou o ministro.\n\n\
                      “Foi uma vitória”, brincou o presidente.\n\n\
                      A medida reforçou a confiança dos investidores.\n\n\
                      As crianças brincaram no parque durante a tarde.\n";
    for attributed in ["Haddad", "O ministro", "“Não há", "“Foi"] {
        assert!(is_attributed(portuguese, attributed), "{attributed}");
    }
    // "a" and "no" are also "the" and "in the": no clause after them.
    assert!(!is_attributed(portuguese, "A medida"));
    assert!(!is_attributed(portuguese, "As crianças"));
}

#[test]
fn a_point_of_view_names_its_holder() {
    let english = "Head\n\nIn the view of the opposition, the targets are impossible.\n\n\
                   The dollar, in the opinion of economist Ana Ruiz, will rise in March.\n\n\
                   In his words, the adjustment is over.\n\n\
                   In view of the storm, the match was put off.\n\n\
                   He had no opinion of the plan before the vote.\n\n\
                   In our judgment, the reform is unrealistic.\n\n\
                   They had tears in their eyes, tears of concern.\n";
    let expected = [
        (Some("the opposition".to_string()), false),
        (Some("economist Ana Ruiz".to_string()), false),
        (Some("his".to_string()), false),
        (None, false),
        (None, false),
        (None, false),
        (None, false),
    ];
    assert_eq!(sources_and_vagueness(english, Language::English), expected);
    let spanish = "Titular\n\nA juicio de la oposición, las metas son imposibles.\n\n\
                   En opinión del economista Martín Redrado, el dólar subirá.\n\n\
                   A criterio de los analistas, el plan carece de respaldo.\n\n\
                   De acuerdo a las proyecciones oficiales, la economía crecerá.\n\n\
                   A su juicio, el ajuste terminó.\n\n\
                   En la evaluación del proyecto se hallaron errores.\n";
    let expected = [
        (Some("la oposición".to_string()), false),
        (Some("economista Martín Redrado".to_string()), false),
        (Some("los analistas".to_string()), true),
        (Some("las proyecciones oficiales".to_string()), false),
        (Some("su".to_string()), false),
        (None, false),
    ];
    assert_eq!(sources_and_vagueness(spanish, Language::Spanish), expected);
    let portuguese = "Título\n\nConforme o IBGE, o desemprego caiu.\n\n\
                      Na avaliação do economista José Mendonça, a inflação vai subir.\n\n\
                      Nas palavras do presidente da Câmara, o ajuste acabou.\n\n\
                      Conforme a economia cresce, o desemprego cai.\n\n\
                      Na avaliação do programa, os técnicos acharam falhas.\n";
    let expected = [
        (Some("o IBGE".to_string()), false),
        (Some("economista José Mendonça".to_string()), false),
        (Some("presidente da Câmara".to_string()), false),
        (None, false),
        (None, false),
    ];
    assert_eq!(sources_and_vagueness(portuguese, Language::Portuguese), expected);
}

#[test]
fn a_clause_with_no_that_after_a_persons_verb_reports() {
    let text = "Head\n\nSenator Ana Ruiz thought compromise was unlikely this year.\n\nClinton strategists think women are likely to decide the race.\n\nThe senator has finally found someone he would like to endorse.\n\nTrump finding common ground with Jones is in keeping with his campaign.\n\nThe dam thought water was rising.\n";
    assert_eq!(source_of(text, "Senator Ana Ruiz thought").as_deref(), Some("Senator Ana Ruiz"));
    assert_eq!(source_of(text, "Clinton strategists think").as_deref(), Some("Clinton strategists"));
    // A relative clause after the object, a gerund as subject, and no person: no attribution.
    assert!(!is_attributed(text, "The senator has finally found"));
    assert!(!is_attributed(text, "Trump finding common ground"));
    assert!(!is_attributed(text, "The dam thought"));
}

#[test]
fn a_forecast_with_its_figure_reports_its_forecaster() {
    let text = "Titular\n\nEl Banco Central del Uruguay proyecta un crecimiento de 1,2% para este año.\n\n\
                La empresa proyecta una nueva planta en Salto.\n";
    assert_eq!(source_of(text, "El Banco Central").as_deref(), Some("El Banco Central del Uruguay"));
    assert!(!is_attributed(text, "La empresa proyecta"));
    let text = "Título\n\nO Banco Central projeta alta de 3,5% do PIB neste ano.\n";
    assert_eq!(source_of(text, "O Banco Central").as_deref(), Some("O Banco Central"));
    let text = "Head\n\nThe department projected soybean exports at 15 million bushels.\n\n\
                Estimated volume was 3,605 contracts.\n\nThis week's estimated arrivals total 194,000 tonnes.\n\n\
                The firm calculated the risks of the merger.\n";
    assert_eq!(source_of(text, "The department").as_deref(), Some("The department"));
    assert!(!is_attributed(text, "Estimated volume"));
    assert!(!is_attributed(text, "This week's"));
    assert!(!is_attributed(text, "The firm calculated"));
}

#[test]
fn naming_in_spanish_and_portuguese_reports_the_namer() {
    let text = "Titular\n\nEl vocero presidencial, Manuel Adorni, tildó la norma de \"populismo fiscal\".\n\n\
                El diputado tachó su nombre de la lista de oradores.\n";
    assert_eq!(source_of(text, "El vocero").as_deref(), Some("El vocero presidencial"));
    assert!(!is_attributed(text, "El diputado tachó"));
    let text = "Título\n\nO deputado Arthur Lira chamou a decisão de “intromissão” do Judiciário.\n\n\
                O prefeito chamou a polícia de Brasília para conter o protesto.\n";
    assert_eq!(source_of(text, "O deputado").as_deref(), Some("O deputado Arthur Lira"));
    assert!(!is_attributed(text, "O prefeito chamou"));
}

/// After an appositive's closing comma, what follows the verb is its clause or its named object,
/// not a speaker named after what they said.
#[test]
fn a_clause_or_a_named_object_after_the_verb_is_no_speaker() {
    let text = "Head\n\nThe minister, Luis Caputo, denied that the veto was a cut.\n\n\
                The spokesman, Manuel Adorni, called the law a fraud.\n\n\
                The rector, Ana Ruiz, described the veto as an attack.\n\n\
                The economy will grow, said the minister.\n";
    assert_eq!(source_of(text, "The minister").as_deref(), Some("The minister"));
    assert_eq!(source_of(text, "The spokesman").as_deref(), Some("The spokesman"));
    assert_eq!(source_of(text, "The rector").as_deref(), Some("The rector"));
    assert_eq!(source_of(text, "The economy").as_deref(), Some("the minister"));
    let text = "Titular\n\nLa ministra, Gloria Ramírez, negó que el veto responda a un ajuste.\n";
    assert_eq!(source_of(text, "La ministra").as_deref(), Some("La ministra"));
}

/// Spanish and Portuguese titles and offices are lower case: the source phrase runs from the
/// determiner before them to the name.
#[test]
fn a_lower_case_title_stays_in_the_source() {
    let text = "Titular\n\nEl ministro de Economía, Luis Caputo, negó que el veto responda a un ajuste.\n\n\
                La presidenta de la Comisión Europea destacó que el acuerdo abre una nueva etapa.\n\n\
                Según la diputada Marta Ruiz, el proyecto no tiene los votos.\n";
    assert_eq!(source_of(text, "El ministro").as_deref(), Some("El ministro de Economía"));
    assert_eq!(source_of(text, "La presidenta").as_deref(), Some("La presidenta de la Comisión Europea"));
    assert_eq!(source_of(text, "Según").as_deref(), Some("la diputada Marta Ruiz"));
}
