//! What a sentence asserts, which decides how much an unattributed one matters: a prediction or
//! an evaluation needs a source more than a plain statement of fact does.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::article::Word;
use crate::language::Language;
use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClaimKind {
    Prediction,
    /// A motive or intention ascribed to someone.
    Intention,
    /// An opinion, evaluation or recommendation.
    Evaluation,
    Superlative,
    Causal,
    /// A figure or statistic.
    Figure,
    /// Any other statement of fact.
    Fact,
}

impl ClaimKind {
    /// Contestable claims need a source; plain facts a reporter may state on their own authority.
    pub fn is_contestable(self) -> bool {
        self != ClaimKind::Fact
    }

    /// What the claim is, in `language`: "prediction", "predicción", "previsão".
    pub fn noun(self, language: Language) -> &'static str {
        match self {
            ClaimKind::Prediction => language.pick("prediction", "predicción", "previsão"),
            ClaimKind::Intention => language.pick(
                "claim about someone's intentions",
                "afirmación sobre las intenciones de alguien",
                "afirmação sobre as intenções de alguém",
            ),
            ClaimKind::Evaluation => {
                language.pick("opinion or evaluation", "opinión o valoración", "opinião ou avaliação")
            }
            ClaimKind::Superlative => language.pick("superlative", "superlativo", "superlativo"),
            ClaimKind::Causal => language.pick("causal claim", "afirmación causal", "afirmação causal"),
            ClaimKind::Figure => language.pick("figure", "cifra", "número"),
            ClaimKind::Fact => language.pick("statement of fact", "afirmación de hecho", "afirmação de fato"),
        }
    }
}

/// The kind of a claim and the words that show it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Claim {
    pub kind: ClaimKind,
    pub evidence: Option<Span>,
}

#[rustfmt::skip]
const PREDICTION: &[&str] = &[
    "will", "won't", "shall", "likely", "unlikely", "forecast", "forecasts", "soon", "would", "could", "might",
    "may", "poised", "going", "expects", "expected", "upcoming", "eventually", "future", "'ll", "será", "serán",
    "podría", "podrían", "vai", "vão", "deverá", "poderá", "puede", "pueden", "pode", "podem", "poderia",
    "poderiam", "espera", "esperan", "esperado", "esperada", "prevé", "prevén", "prevê", "preveem", "previsto",
    "prevista", "probablemente", "provavelmente", "futuro", "futura",
];
#[rustfmt::skip]
const INTENTION: &[&str] = &[
    "wants", "want", "wanted", "intends", "intend", "intended", "aims", "aim", "aimed", "seeks", "seek", "sought",
    "trying", "tries", "tried", "plans", "planned", "hopes", "hoped", "interested", "determined", "eager", "keen",
    "willing", "ready", "motivated", "intent", "desire", "desires", "wish", "wishes", "goal", "strategy", "bid",
    "quiere", "busca", "pretende", "quer", "busca", "pretende",
];
#[rustfmt::skip]
const EVALUATION: &[&str] = &[
    "should", "must", "ought", "need", "needs", "important", "crucial", "vital", "key", "essential", "significant",
    "good", "bad", "great", "terrible", "strong", "weak", "successful", "failed", "failure", "dangerous",
    "disastrous", "historic", "unprecedented", "controversial", "remarkable", "impressive", "excellent", "poor",
    "wrong", "unfair", "fair", "clearly", "obviously", "undoubtedly", "unfortunately", "fortunately",
    "surprisingly", "sadly", "arguably", "shameful", "outrageous", "absurd", "ridiculous", "brilliant", "stable",
    "unstable", "corrupt", "incompetent", "effective", "ineffective", "misguided", "reckless", "radical", "extreme",
    "legitimate", "illegitimate", "unacceptable", "appropriate", "inappropriate", "troubling", "alarming",
    "worrying", "positive", "negative", "better", "worse", "serious", "major", "huge", "massive", "tiny",
    "interference", "obtrusive", "emerging", "importante", "grave", "fundamental", "necesario", "necessário",
];
#[rustfmt::skip]
const SUPERLATIVE: &[&str] = &[
    "best", "worst", "most", "least", "biggest", "largest", "highest", "lowest", "greatest", "smallest", "fastest",
    "slowest", "strongest", "weakest", "richest", "poorest", "deadliest", "longest", "shortest", "oldest",
    "youngest", "record", "first-ever", "maior", "menor", "peor", "pior", "mejor", "melhor",
];
#[rustfmt::skip]
const CAUSAL: &[&str] = &[
    "because", "owing", "result", "resulted", "resulting", "caused", "causes", "cause", "causing", "thanks",
    "therefore", "consequently", "hence", "led", "leads", "lead", "triggered", "sparked", "fueled", "fuelled",
    "driven", "blamed", "attributed", "porque", "debido", "causa", "devido", "graças",
];
#[rustfmt::skip]
const FIGURE_WORDS: &[&str] = &[
    "percent", "per", "million", "millions", "billion", "billions", "trillion", "thousand", "thousands", "hundreds",
    "dozens", "half", "third", "quarter", "twice", "double", "triple", "por ciento", "millones", "milhões",
    "bilhões", "mil",
];
/// Which of the lists above (and [`MONTHS`]) a word is in, one bit each: a sentence's words are
/// looked up once, not once for each kind of claim.
#[derive(Clone, Copy, Default)]
struct ClaimWords(u8);

impl ClaimWords {
    const PREDICTION: ClaimWords = ClaimWords(1);
    const INTENTION: ClaimWords = ClaimWords(1 << 1);
    const EVALUATION: ClaimWords = ClaimWords(1 << 2);
    const SUPERLATIVE: ClaimWords = ClaimWords(1 << 3);
    const CAUSAL: ClaimWords = ClaimWords(1 << 4);
    const FIGURE: ClaimWords = ClaimWords(1 << 5);
    const MONTH: ClaimWords = ClaimWords(1 << 6);

    fn of(lower: &str) -> ClaimWords {
        CLAIM_WORDS.get(lower).copied().unwrap_or_default()
    }

    fn has(self, list: ClaimWords) -> bool {
        self.0 & list.0 != 0
    }
}

/// Hashed with Fx rather than SipHash: a fixed table that input never inserts into needs no
/// protection from colliding keys.
static CLAIM_WORDS: LazyLock<FxHashMap<&str, ClaimWords>> = LazyLock::new(|| {
    let lists = [
        (PREDICTION, ClaimWords::PREDICTION),
        (INTENTION, ClaimWords::INTENTION),
        (EVALUATION, ClaimWords::EVALUATION),
        (SUPERLATIVE, ClaimWords::SUPERLATIVE),
        (CAUSAL, ClaimWords::CAUSAL),
        (FIGURE_WORDS, ClaimWords::FIGURE),
        (MONTHS, ClaimWords::MONTH),
    ];
    let mut map: FxHashMap<&str, ClaimWords> = FxHashMap::default();
    for (words, list) in lists {
        for &word in words {
            map.entry(word).or_default().0 |= list.0;
        }
    }
    map
});

/// Words ending in -est that are not superlatives.
#[rustfmt::skip]
const NOT_SUPERLATIVE: &[&str] = &[
    "latest", "interest", "protest", "contest", "request", "forest", "harvest", "arrest", "conquest", "bequest",
    "manifest", "suggest", "digest", "honest", "modest", "inquest", "midwest", "southwest", "northwest", "unrest",
];
const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "'s"];
#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Spanish and Portuguese articles, which make a comparative a superlative: "la mayor reserva",
/// "el país más poblado", "o mais antigo".
const SPANISH_ARTICLES: &[&str] = &["el", "la", "los", "las"];
const PORTUGUESE_ARTICLES: &[&str] = &["o", "a", "os", "as"];
/// Spanish comparatives that an article makes superlatives; "maior", "mejor" and the like are in
/// [`SUPERLATIVE`] already. "Mayor" is there only after a Spanish article: English has mayors.
const SPANISH_COMPARATIVES: &[&str] = &["mayor", "mayores", "menores", "mejores", "peores"];

/// "la mayor reserva", "el país más poblado", "a cidade mais antiga": an article, then within a
/// word a comparative or "más"/"mais".
fn romance_superlative(words: &[Word]) -> Option<Span> {
    (1..words.len())
        .find(|&i| {
            let w = words[i].lower.as_ref();
            let after_article = |back: usize, portuguese_too: bool| {
                i >= back && {
                    let before = words[i - back].lower.as_ref();
                    SPANISH_ARTICLES.contains(&before) || portuguese_too && PORTUGUESE_ARTICLES.contains(&before)
                }
            };
            // Only a Spanish article before "mayor": "served as mayor".
            SPANISH_COMPARATIVES.contains(&w) && after_article(1, false)
                || matches!(w, "más" | "mais") && (after_article(1, true) || after_article(2, true))
        })
        .map(|i| words[i].span)
}

/// Portuguese "deve" before an infinitive says what is expected to happen: "Lula deve sancionar
/// a lei".
const EXPECTED: &[&str] = &["deve", "devem"];
/// Spanish "debe" and "debería" before an infinitive say what should be done: "el Gobierno debe
/// actuar".
const SHOULD: &[&str] = &["debe", "deben", "debería", "deberían", "deveria", "deveriam"];

/// Portuguese infinitives of three letters or fewer, which the length test of
/// [`before_infinitive`] leaves out with "por", "mar" and "bar": "deve ser concluído na próxima
/// semana", "deve ir ao plenário". Spanish "debe ser aprobado" is more often a requirement than
/// an opinion, so "debe" does not take them.
const SHORT_INFINITIVES: &[&str] = &["ir", "ser", "ter", "ver", "dar", "vir", "ler", "rir", "pôr"];

/// A modal of `modals` before an infinitive (-ar, -er, -ir, or one of `short`), its span.
fn before_infinitive(words: &[Word], modals: &[&str], short: &[&str]) -> Option<Span> {
    words
        .windows(2)
        .find(|pair| {
            let next = pair[1].lower.as_ref();
            let infinitive = short.contains(&next)
                || next.chars().count() > 3
                    && (next.ends_with("ar") || next.ends_with("er") || next.ends_with("ir") || next.ends_with("or"));
            modals.contains(&pair[0].lower.as_ref()) && infinitive
        })
        .map(|pair| pair[0].span)
}

fn is_year(word: &str) -> bool {
    word.len() == 4 && word.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y))
}

/// A number that is a statistic rather than a date, a time or an ordinal; `lists` holds the
/// lists each of `words` is in.
fn is_figure(words: &[Word], lists: &[ClaimWords], i: usize, text: &str) -> bool {
    let w = &words[i];
    if !w.lower.starts_with(|c: char| c.is_ascii_digit()) {
        return lists[i].has(ClaimWords::FIGURE);
    }
    let after_month = i > 0 && lists[i - 1].has(ClaimWords::MONTH);
    let before_month = lists.get(i + 1).is_some_and(|n| n.has(ClaimWords::MONTH));
    let currency_or_percent =
        text[..w.span.start].ends_with(['$', '€', '£', '¥']) || text[w.span.end..].starts_with('%');
    currency_or_percent || !(is_year(&w.lower) || after_month || before_month || text[w.span.end..].starts_with(':'))
}

/// Classifies the sentence whose words are `words`, most contestable kind first.
pub fn classify(text: &str, words: &[Word]) -> Claim {
    let lists: Vec<ClaimWords> = words.iter().map(|w| ClaimWords::of(&w.lower)).collect();
    let find = |list| words.iter().zip(&lists).find(|(_, l)| l.has(list)).map(|(w, _)| w.span);
    // "the tallest", "its deepest": -est after a determiner, but not "the latest" or "the west".
    let superlative = || {
        find(ClaimWords::SUPERLATIVE)
            .or_else(|| {
                words
                    .windows(2)
                    .find(|pair| {
                        let w = &pair[1].lower;
                        pair[0].is_any(&["the", "its", "their", "his", "her", "our"])
                            && w.len() > 5
                            && w.ends_with("est")
                            && !NOT_SUPERLATIVE.contains(&w.as_ref())
                    })
                    .map(|pair| pair[1].span)
            })
            .or_else(|| romance_superlative(words))
    };
    let figure = || (0..words.len()).find(|&i| is_figure(words, &lists, i, text)).map(|i| words[i].span);
    // "due to the storm" is causal; "is due to visit" is a schedule.
    let due_to = || {
        (1..words.len().saturating_sub(1))
            .find(|&i| words[i].is("due") && words[i + 1].is("to") && !BE.contains(&words[i - 1].lower.as_ref()))
            .map(|i| words[i].span)
    };
    let kinds: [(ClaimKind, &dyn Fn() -> Option<Span>); 6] = [
        (ClaimKind::Prediction, &|| {
            find(ClaimWords::PREDICTION)
                .filter(|s| s.text(text) != "May")
                .or_else(|| words.iter().find(|w| w.is_synthetic_future()).map(|w| w.span))
                .or_else(|| before_infinitive(words, EXPECTED, SHORT_INFINITIVES))
        }),
        (ClaimKind::Intention, &|| find(ClaimWords::INTENTION)),
        (ClaimKind::Evaluation, &|| find(ClaimWords::EVALUATION).or_else(|| before_infinitive(words, SHOULD, &[]))),
        (ClaimKind::Superlative, &superlative),
        (ClaimKind::Causal, &|| find(ClaimWords::CAUSAL).or_else(due_to)),
        (ClaimKind::Figure, &figure),
    ];
    kinds
        .iter()
        .find_map(|(kind, evidence)| evidence().map(|span| Claim { kind: *kind, evidence: Some(span) }))
        .unwrap_or(Claim { kind: ClaimKind::Fact, evidence: None })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(sentence: &str) -> ClaimKind {
        classify(sentence, &crate::article::words(sentence, Span::new(0, sentence.len()))).kind
    }

    #[test]
    fn kinds_of_claims() {
        assert_eq!(kind("Prices will double next year."), ClaimKind::Prediction);
        assert_eq!(kind("Russia was interested in a united region."), ClaimKind::Intention);
        assert_eq!(kind("The reform is a dangerous mistake."), ClaimKind::Evaluation);
        assert_eq!(kind("It is the largest market in the region."), ClaimKind::Superlative);
        assert_eq!(kind("The bridge closed because of the flood."), ClaimKind::Causal);
        assert_eq!(kind("Exports fell 12% to $3.5 billion."), ClaimKind::Figure);
        assert_eq!(kind("The summit took place on May 3, 2015 in Lima."), ClaimKind::Fact);
    }

    #[test]
    fn spanish_and_portuguese_futures_are_predictions() {
        for sentence in [
            "Los precios se duplicarán el próximo año.",
            "El banco tendrá pérdidas en marzo.",
            "Os preços dobrarão no próximo ano.",
            "O governo fará cortes em março.",
            "Se espera que los recortes entren en vigor en 2026.",
            "O fundo pode chegar a 125 bilhões de dólares.",
        ] {
            assert_eq!(kind(sentence), ClaimKind::Prediction, "{sentence}");
        }
        assert_eq!(kind("O presidente deve sancionar a lei na próxima semana."), ClaimKind::Prediction);
        assert_eq!(kind("El Gobierno debe actuar antes de la cumbre."), ClaimKind::Evaluation);
        assert_eq!(kind("A empresa deve dinheiro aos bancos."), ClaimKind::Fact);
        assert_eq!(kind("O julgamento deve ser concluído na próxima semana."), ClaimKind::Prediction);
        assert_eq!(kind("O acordo deve ir ao plenário em março."), ClaimKind::Prediction);
        // "por" is a preposition, not "pôr": no infinitive follows "deve" here.
        assert_eq!(kind("A empresa deve por isso dinheiro aos bancos."), ClaimKind::Fact);
        assert_eq!(kind("La reforma debe ser aprobada por el Congreso."), ClaimKind::Fact);
        for sentence in [
            "La región concentra la mayor reserva de litio del mundo.",
            "Es el país más poblado de la región.",
            "A cidade mais antiga do país fica no litoral.",
        ] {
            assert_eq!(kind(sentence), ClaimKind::Superlative, "{sentence}");
        }
        for sentence in [
            "The mayor opened the bridge in Lima.",
            "She served as mayor of Lima for years.",
            "La región exporta más cobre que antes.",
            "No verão a praia fica cheia de turistas.",
            "A fábrica fica no Pará desde 1990.",
            "El acuerdo fue firmado ayer en Lima.",
        ] {
            assert_eq!(kind(sentence), ClaimKind::Fact, "{sentence}");
        }
    }
}
