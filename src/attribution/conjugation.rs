//! The third-person forms of Spanish and Portuguese reporting verbs, generated from the
//! infinitive as English inflections are. News copy reports in every tense — "dijo", "ha dicho",
//! "dirá", "afirmaban", "disseram", "tem afirmado" — and a list of a few forms per verb misses
//! most of them.

/// The forms of one verb: finite and gerund forms, which report on their own ("afirmó",
/// "afirmando"), and participles, which report only after an auxiliary ("ha afirmado", "foi
/// criticado por").
pub(super) struct Forms {
    pub(super) finite: Vec<String>,
    pub(super) participles: Vec<String>,
}

/// The endings of a language's three conjugations (-ar, -er, -ir), added to the stem: present
/// singular and plural, preterite singular and plural, imperfect singular and plural, gerund and
/// masculine participle; and the future and conditional endings, added to the infinitive.
pub(super) struct Conjugation {
    ar: [&'static str; 8],
    er: [&'static str; 8],
    ir: [&'static str; 8],
    future: [&'static str; 4],
}

pub(super) const SPANISH: Conjugation = Conjugation {
    ar: ["a", "an", "ó", "aron", "aba", "aban", "ando", "ado"],
    er: ["e", "en", "ió", "ieron", "ía", "ían", "iendo", "ido"],
    ir: ["e", "en", "ió", "ieron", "ía", "ían", "iendo", "ido"],
    future: ["á", "án", "ía", "ían"],
};

pub(super) const PORTUGUESE: Conjugation = Conjugation {
    ar: ["a", "am", "ou", "aram", "ava", "avam", "ando", "ado"],
    er: ["e", "em", "eu", "eram", "ia", "iam", "endo", "ido"],
    ir: ["e", "em", "iu", "iram", "ia", "iam", "indo", "ido"],
    future: ["á", "ão", "ia", "iam"],
};

impl Conjugation {
    /// The forms of `infinitive`. `irregular` lists the finite forms of a verb that does not
    /// follow its conjugation, with its masculine participle last ("dijo", ..., "dicho").
    pub(super) fn forms(&self, infinitive: &str, irregular: Option<&[&str]>) -> Forms {
        let (finite, participle) = match irregular {
            Some(forms) => split_participle(forms),
            None => {
                let (stem, endings) = if let Some(stem) = infinitive.strip_suffix("ar") {
                    (stem, &self.ar)
                } else if let Some(stem) = infinitive.strip_suffix("er") {
                    (stem, &self.er)
                } else {
                    (infinitive.strip_suffix("ir").unwrap_or(infinitive), &self.ir)
                };
                let [finite @ .., participle] = endings;
                let mut forms: Vec<String> = finite.iter().map(|ending| format!("{stem}{ending}")).collect();
                forms.extend(self.future.iter().map(|ending| format!("{infinitive}{ending}")));
                (forms, format!("{stem}{participle}"))
            }
        };
        Forms { finite, participles: gendered(&participle) }
    }
}

fn split_participle(forms: &[&str]) -> (Vec<String>, String) {
    let (participle, finite) = forms.split_last().map_or(("", forms), |(last, rest)| (*last, rest));
    (finite.iter().map(|f| f.to_string()).collect(), participle.to_string())
}

/// "dicho" → dicho, dicha, dichos, dichas: a passive participle agrees with its subject.
fn gendered(participle: &str) -> Vec<String> {
    match participle.strip_suffix('o') {
        Some(stem) if !stem.is_empty() => ["o", "a", "os", "as"].iter().map(|e| format!("{stem}{e}")).collect(),
        _ => vec![participle.to_string()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every one of `expected` is among the finite forms of `forms`.
    fn assert_finite(forms: &Forms, expected: &[&str]) {
        for form in expected {
            assert!(forms.finite.iter().any(|f| f == form), "{form} not in {:?}", forms.finite);
        }
    }

    #[test]
    fn regular_spanish_verbs_in_every_tense() {
        let afirmar = SPANISH.forms("afirmar", None);
        assert_finite(
            &afirmar,
            &["afirma", "afirman", "afirmó", "afirmaron", "afirmaba", "afirmará", "afirmaría", "afirmando"],
        );
        assert_eq!(afirmar.participles, ["afirmado", "afirmada", "afirmados", "afirmadas"]);
        let responder = SPANISH.forms("responder", None);
        assert_finite(
            &responder,
            &["responde", "respondió", "respondieron", "respondía", "responderá", "respondiendo"],
        );
        let insistir = SPANISH.forms("insistir", None);
        assert_finite(&insistir, &["insiste", "insistió", "insistieron", "insistirá"]);
        assert_eq!(insistir.participles[0], "insistido");
    }

    #[test]
    fn regular_portuguese_verbs_in_every_tense() {
        let afirmar = PORTUGUESE.forms("afirmar", None);
        assert_finite(
            &afirmar,
            &["afirma", "afirmam", "afirmou", "afirmaram", "afirmava", "afirmará", "afirmaria", "afirmando"],
        );
        let responder = PORTUGUESE.forms("responder", None);
        assert_finite(&responder, &["responde", "respondeu", "responderam", "respondia", "respondendo"]);
        let admitir = PORTUGUESE.forms("admitir", None);
        assert_finite(&admitir, &["admite", "admitiu", "admitiram", "admitindo"]);
        assert_eq!(admitir.participles[0], "admitido");
    }

    #[test]
    fn irregular_verbs_keep_their_listed_forms_and_participle() {
        let decir = SPANISH.forms("decir", Some(&["dice", "dijo", "dicho"]));
        assert_eq!(decir.finite, ["dice", "dijo"]);
        assert_eq!(decir.participles, ["dicho", "dicha", "dichos", "dichas"]);
    }
}
