//! The rules' fixes, applied to the text they fix.

use crate::analysis::Analysis;

fn fixed(text: &str, rule: &str) -> Vec<String> {
    let analysis = Analysis::new(text);
    let finding =
        analysis.findings(|r| Some(r.default_severity)).into_iter().find(|f| f.rule.name == rule).expect("a finding");
    (finding.rule.fixes)(&analysis, finding.span).iter().map(|fix| fix.apply(text).0).collect()
}

#[test]
fn a_quotation_never_closed_is_closed_at_the_paragraph_end_or_its_mark_removed() {
    let text = "Mayor stays\n\n“We will stay, the mayor said.\n\nThe council met.\n";
    assert_eq!(
        fixed(text, "unbalanced-quote"),
        [
            "Mayor stays\n\n“We will stay, the mayor said.”\n\nThe council met.\n",
            "Mayor stays\n\nWe will stay, the mayor said.\n\nThe council met.\n",
        ]
    );
}

#[test]
fn a_closing_mark_that_opens_a_quotation_is_turned() {
    let text = "Mayor stays\n\n”We will stay,” the mayor said.\n";
    assert_eq!(fixed(text, "unbalanced-quote"), ["Mayor stays\n\n“We will stay,” the mayor said.\n"]);
}

#[test]
fn a_quotation_inside_one_in_the_same_marks_gets_single_marks() {
    let text = "Hoax\n\nHe said: “They call it “a hoax” and move on.”\n";
    assert_eq!(fixed(text, "unbalanced-quote"), ["Hoax\n\nHe said: “They call it ‘a hoax’ and move on.”\n"]);
}

#[test]
fn a_claim_gets_a_source_placeholder_and_a_quotation_a_speaker() {
    let text = "Prices\n\nPrices will double next year.\n";
    assert_eq!(fixed(text, "unattributed-claim"), ["Prices\n\nPrices will double next year, [source] said.\n"]);
    let text = "Mayor\n\nThe council met on Monday.\n\n“We will not give up on this city.”\n";
    assert_eq!(
        fixed(text, "unattributed-quote"),
        ["Mayor\n\nThe council met on Monday.\n\n“We will not give up on this city,” [speaker] said.\n"]
    );
}

#[test]
fn an_acronym_is_spelled_out() {
    let text = "Summit\n\nCELAC leaders met in Caracas on Monday, officials said.\n";
    assert_eq!(
        fixed(text, "undefined-acronym"),
        [
            "Summit\n\nThe Community of Latin American and Caribbean States (CELAC) leaders met in Caracas on Monday, officials said.\n"
        ]
    );
}

#[test]
fn placeholders_follow_the_article_language() {
    let text = "Precios\n\nLos precios del pan y de la leche subirán el próximo año en todo el país.\n";
    assert_eq!(
        fixed(text, "unattributed-claim"),
        ["Precios\n\nLos precios del pan y de la leche subirán el próximo año en todo el país, dijo [fuente].\n"]
    );
    let text = "Preços\n\nOs preços do pão e do leite vão subir no próximo ano em todo o país.\n";
    assert_eq!(
        fixed(text, "unattributed-claim"),
        ["Preços\n\nOs preços do pão e do leite vão subir no próximo ano em todo o país, disse [fonte].\n"]
    );
}

/// Messages and fix titles speak the article's language.
#[test]
fn messages_and_fix_titles_follow_the_article_language() {
    let finding_and_titles = |text: &str, rule: &str| {
        let analysis = Analysis::new(text);
        let finding = analysis
            .findings(|r| Some(r.default_severity))
            .into_iter()
            .find(|f| f.rule.name == rule)
            .expect("a finding");
        let titles: Vec<String> = (finding.rule.fixes)(&analysis, finding.span).into_iter().map(|f| f.title).collect();
        (finding.message, titles)
    };
    let (message, titles) = finding_and_titles(
        "Precios\n\nLos precios del pan y de la leche subirán el próximo año en todo el país.\n",
        "unattributed-claim",
    );
    assert!(message.starts_with("Predicción sin atribuir: nadie figura como su fuente."), "{message}");
    assert_eq!(titles, ["Atribuir: insertar \", dijo [fuente]\""]);
    let (message, titles) = finding_and_titles(
        "Preços\n\nOs preços do pão e do leite vão subir no próximo ano em todo o país.\n",
        "unattributed-claim",
    );
    assert!(message.starts_with("Previsão sem atribuição: ninguém é citado como fonte."), "{message}");
    assert_eq!(titles, ["Atribuir: inserir \", disse [fonte]\""]);
    let (message, titles) = finding_and_titles(
        "Alcalde\n\n«Nos quedaremos en la ciudad, dijo el alcalde a los vecinos del barrio.\n\nEl concejo se reunió.\n",
        "unbalanced-quote",
    );
    assert!(message.starts_with("La comilla que se abre aquí nunca se cierra"), "{message}");
    assert_eq!(titles, ["Cerrar la cita al final del párrafo (»)", "Quitar esta comilla"]);
    let (message, _) = finding_and_titles("Prices\n\nPrices will double next year.\n", "unattributed-claim");
    assert!(message.starts_with("Unattributed prediction: nobody is named as its source."), "{message}");
}
