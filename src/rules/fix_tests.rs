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
