//! The words of attribution in news writing: reporting verbs with their inflections, noun cues,
//! prepositional cues, hedging adverbs and vague sources. English, Spanish and Portuguese, each in its
//! own [`Lexicon`].

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::conjugation;
use crate::language::Language;

/// How a reporting verb relates its subject to the content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VerbClass {
    /// Speech acts: said, told, added, warned, highlighted, reaffirmed.
    Speech,
    /// States of mind ascribed to the source: believes, thinks, hopes, fears.
    Cognition,
    /// Documents and data as sources: the report found, a poll shows.
    Evidence,
}

#[derive(Clone, Copy, Debug)]
pub struct VerbCue {
    /// The infinitive the form was generated from: "say" for "said", "contar" for "contó".
    pub lemma: &'static str,
    pub class: VerbClass,
    /// The verb has common senses that are not reporting ("added 200 jobs", "a noted author"), so it
    /// needs a reporting frame around it to count.
    pub ambiguous: bool,
    /// A Spanish or Portuguese participle, which reports only after an auxiliary: "ha dicho",
    /// "foi criticado pelo", not "lo dicho".
    pub needs_auxiliary: bool,
}

/// Verbs whose sense is not speech before a certain word: Spanish "contar con" and Portuguese
/// "contar com" are "have" or "count on" ("el proyecto contó con el apoyo de doce bancos").
const NOT_SPEECH_BEFORE: &[(&str, &[&str])] = &[("contar", &["con", "com"])];

impl VerbCue {
    /// Whether the verb, followed by `next` (lower-cased), takes a sense that does not report.
    pub fn has_other_sense_before(&self, next: &str) -> bool {
        NOT_SPEECH_BEFORE.iter().any(|(lemma, words)| *lemma == self.lemma && words.contains(&next))
    }
}

/// (lemma, class, ambiguous). Inflections are generated, with the irregular ones listed below.
#[rustfmt::skip]
const ENGLISH_VERBS: &[(&str, VerbClass, bool)] = {
    use VerbClass::*;
    &[
        ("say", Speech, false),
        ("tell", Speech, false),
        ("state", Speech, true),
        ("declare", Speech, false),
        ("announce", Speech, false),
        ("explain", Speech, false),
        ("note", Speech, true),
        ("add", Speech, true),
        ("claim", Speech, true),
        ("argue", Speech, false),
        ("insist", Speech, false),
        ("assert", Speech, false),
        ("maintain", Speech, true),
        ("contend", Speech, false),
        ("acknowledge", Speech, false),
        ("admit", Speech, false),
        ("concede", Speech, false),
        ("confirm", Speech, false),
        ("deny", Speech, false),
        ("warn", Speech, false),
        ("caution", Speech, true),
        ("stress", Speech, true),
        ("emphasize", Speech, false),
        ("emphasise", Speech, false),
        ("highlight", Speech, false),
        ("recall", Speech, true),
        ("reaffirm", Speech, false),
        ("reiterate", Speech, false),
        ("remark", Speech, false),
        ("comment", Speech, false),
        ("observe", Speech, true),
        ("mention", Speech, false),
        ("write", Speech, true),
        ("tweet", Speech, false),
        ("post", Speech, true),
        ("testify", Speech, false),
        ("allege", Speech, false),
        ("predict", Speech, false),
        ("promise", Speech, true),
        ("vow", Speech, false),
        ("pledge", Speech, false),
        ("suggest", Speech, true),
        ("propose", Speech, true),
        ("urge", Speech, false),
        ("demand", Speech, true),
        ("complain", Speech, false),
        ("reply", Speech, false),
        ("respond", Speech, true),
        ("answer", Speech, true),
        ("ask", Speech, true),
        ("counter", Speech, true),
        ("quip", Speech, false),
        ("joke", Speech, false),
        ("boast", Speech, false),
        ("brag", Speech, false),
        ("lament", Speech, false),
        ("disclose", Speech, false),
        ("reveal", Speech, true),
        ("report", Speech, true),
        ("inform", Speech, false),
        ("indicate", Speech, true),
        ("signal", Speech, true),
        ("estimate", Speech, true),
        ("forecast", Speech, true),
        ("project", Speech, true),
        ("conclude", Speech, true),
        ("agree", Speech, true),
        ("disagree", Speech, false),
        ("accuse", Speech, false),
        ("charge", Speech, true),
        ("blame", Speech, true),
        ("criticize", Speech, false),
        ("criticise", Speech, false),
        ("praise", Speech, false),
        ("welcome", Speech, true),
        ("describe", Speech, true),
        ("call", Speech, true),
        ("contest", Speech, true),
        ("dispute", Speech, true),
        ("question", Speech, true),
        ("speculate", Speech, false),
        ("theorize", Speech, false),
        ("recount", Speech, false),
        ("proclaim", Speech, false),
        ("exclaim", Speech, false),
        ("shout", Speech, false),
        ("whisper", Speech, false),
        ("mutter", Speech, false),
        ("scoff", Speech, false),
        ("retort", Speech, false),
        ("rebut", Speech, false),
        ("affirm", Speech, false),
        ("attest", Speech, false),
        ("assure", Speech, false),
        ("reassure", Speech, false),
        ("remind", Speech, true),
        ("advise", Speech, true),
        ("recommend", Speech, true),
        ("thank", Speech, false), ("applaud", Speech, true), ("label", Speech, true), ("invite", Speech, true),
        ("list", Speech, true), ("echo", Speech, true), ("protest", Speech, true), ("retweet", Speech, false),
        ("refer", Speech, true), ("tout", Speech, false), ("laud", Speech, false), ("lambaste", Speech, false),
        ("castigate", Speech, false), ("scold", Speech, false), ("rebuke", Speech, false), ("assail", Speech, false),
        ("berate", Speech, false), ("implore", Speech, false), ("plead", Speech, true), ("beg", Speech, true),
        ("regret", Speech, true), ("apologize", Speech, false), ("apologise", Speech, false), ("bemoan", Speech, false),
        ("grumble", Speech, false), ("object", Speech, true), ("champion", Speech, true), ("advocate", Speech, true),
        ("lobby", Speech, true), ("press", Speech, true), ("float", Speech, true), ("tease", Speech, true),
        ("unveil", Speech, true), ("outline", Speech, true), ("detail", Speech, true), ("defend", Speech, true),
        ("decry", Speech, false), ("deride", Speech, false), ("dub", Speech, true), ("brand", Speech, true),
        ("characterize", Speech, false), ("portray", Speech, true), ("frame", Speech, true), ("hail", Speech, true),
        ("insinuate", Speech, false), ("muse", Speech, false), ("ponder", Speech, false), ("opine", Speech, false),
        ("prophesy", Speech, false), ("reckon", Cognition, false), ("consider", Cognition, true),
        ("threaten", Speech, true),
        ("vouch", Speech, false),
        ("hint", Speech, false),
        ("imply", Speech, false),
        ("concur", Speech, false),
        ("elaborate", Speech, false),
        ("clarify", Speech, false),
        ("specify", Speech, true),
        ("underline", Speech, true),
        ("underscore", Speech, true),
        ("point", Speech, true),
        ("brief", Speech, true),
        ("certify", Speech, true),
        ("swear", Speech, true),
        ("pronounce", Speech, true),
        ("condemn", Speech, false),
        ("denounce", Speech, false),
        ("celebrate", Speech, true),
        ("profess", Speech, false),
        ("surmise", Speech, false),
        ("guess", Speech, true),
        ("believe", Cognition, false),
        ("think", Cognition, true),
        ("feel", Cognition, true),
        ("hope", Cognition, true),
        ("fear", Cognition, true),
        ("expect", Cognition, true),
        ("doubt", Cognition, false),
        ("worry", Cognition, true),
        ("suspect", Cognition, true),
        ("assume", Cognition, true),
        ("wonder", Cognition, true),
        ("know", Cognition, true),
        ("understand", Cognition, true),
        ("recognize", Cognition, true),
        ("recognise", Cognition, true),
        ("realize", Cognition, true),
        ("realise", Cognition, true),
        ("envision", Cognition, true),
        ("show", Evidence, true),
        ("find", Evidence, true),
        ("demonstrate", Evidence, true),
        ("document", Evidence, true),
        // Intentions, attitudes and stances, which news attributes to their holder as it does speech.
        ("want", Cognition, false), ("plan", Cognition, true), ("seek", Cognition, false), ("decide", Cognition, false),
        ("intend", Cognition, false), ("refuse", Speech, false), ("decline", Speech, true), ("reject", Speech, true),
        ("oppose", Speech, false), ("support", Speech, true), ("endorse", Speech, false), ("offer", Speech, true),
        ("see", Cognition, true), ("view", Cognition, true), ("mock", Speech, false), ("ridicule", Speech, false),
        ("dismiss", Speech, true), ("blast", Speech, true), ("slam", Speech, true), ("attack", Speech, true),
        ("discuss", Speech, false), ("talk", Speech, true), ("express", Speech, true),
        ("repeat", Speech, true), ("learn", Cognition, true), ("figure", Cognition, true), ("order", Speech, true),
        ("name", Speech, true), ("reference", Speech, true), ("cite", Speech, false), ("quote", Speech, true),
        ("chastise", Speech, false), ("admonish", Speech, false), ("reprimand", Speech, true), ("chide", Speech, false),
        // Only with a stance after them ("raised concerns", not "raised taxes"): see cues::STANCE_ONLY.
        ("raise", Speech, true), ("voice", Speech, true), ("air", Speech, true),
    ]
};

/// Past tense / participle of verbs that do not take -ed, and present forms that do not take -s.
#[rustfmt::skip]
const IRREGULAR: &[(&str, &[&str])] = &[
    ("say", &["said", "says", "saying"]),
    ("tell", &["told", "tells", "telling"]),
    ("write", &["wrote", "written", "writes", "writing"]),
    ("think", &["thought", "thinks", "thinking"]),
    ("feel", &["felt", "feels", "feeling"]),
    ("know", &["knew", "known", "knows", "knowing"]),
    ("understand", &["understood", "understands", "understanding"]),
    ("find", &["found", "finds", "finding"]),
    ("show", &["showed", "shown", "shows", "showing"]),
    ("forecast", &["forecast", "forecasted", "forecasts", "forecasting"]),
    ("swear", &["swore", "sworn", "swears", "swearing"]),
    ("admit", &["admitted", "admits", "admitting"]),
    ("quip", &["quipped", "quips", "quipping"]),
    ("brag", &["bragged", "brags", "bragging"]),
    ("rebut", &["rebutted", "rebuts", "rebutting"]),
    ("concur", &["concurred", "concurs", "concurring"]),
    ("signal", &["signaled", "signalled", "signals", "signaling", "signalling"]),
    ("seek", &["sought", "seeks", "seeking"]),
    ("see", &["saw", "seen", "sees", "seeing"]),
    ("slam", &["slammed", "slams", "slamming"]),
    ("plan", &["planned", "plans", "planning"]),
    ("beg", &["begged", "begs", "begging"]),
    ("dub", &["dubbed", "dubs", "dubbing"]),
    ("refer", &["referred", "refers", "referring"]),
    ("regret", &["regretted", "regrets", "regretting"]),
    ("label", &["labeled", "labelled", "labels", "labeling", "labelling"]),
];

/// Forms that are far more often nouns ("the states", "three points", "a tweet") or names ("the
/// Washington Post"): they count as verbs only after a pronoun, a name or "the/a + noun".
#[rustfmt::skip]
pub const NOUN_PRONE_FORMS: &[&str] = &[
    "state", "states", "point", "points", "contest", "contests", "tweet", "tweets", "note", "notes", "comment",
    "comments", "remark", "remarks", "post", "posts", "show", "shows", "question", "questions", "hope", "hopes",
    "report", "reports", "call", "calls", "claim", "claims", "charge", "charges", "answer", "answers", "reply",
    "replies", "estimate", "estimates", "forecast", "forecasts", "project", "projects", "document", "documents",
    "promise", "promises", "pledge", "pledges", "demand", "demands", "fear", "fears", "doubt", "doubts", "worry",
    "worries", "vow", "vows", "find", "finds", "counter", "counters", "view", "views", "plan", "plans", "support",
    "supports", "offer", "offers", "attack", "attacks", "talk", "talks", "order", "orders", "name", "names",
    "quote", "quotes", "reference", "references", "figure", "figures", "signal", "signals", "advise", "brief",
    "briefs", "warning", "blast", "blasts", "slam", "slams", "dismiss", "repeat", "express", "learn", "decline",
    "declines", "reject", "rejects", "question", "challenge", "concern", "concerns", "record", "records", "thanks",
    "list", "lists", "detail", "details", "object", "objects", "press", "frame", "brand", "float", "label",
    "labels", "echo", "echoes", "protest", "protests", "champion", "advocate", "defend", "outline", "outlines",
    "reference", "speech", "regret", "regrets", "lobby", "beg", "tout", "praise", "praises", "cuenta", "cuentas",
    "conta", "contas",
];

/// Spanish reporting verbs as infinitives, (lemma, class, ambiguous) as for English: every
/// third-person form is generated ([`conjugation`]), the irregular ones listed below.
#[rustfmt::skip]
const SPANISH_VERBS: &[(&str, VerbClass, bool)] = {
    use VerbClass::*;
    &[
        ("decir", Speech, false), ("afirmar", Speech, false), ("señalar", Speech, false), ("declarar", Speech, false),
        ("asegurar", Speech, false), ("explicar", Speech, false), ("indicar", Speech, false), ("añadir", Speech, false),
        ("agregar", Speech, false), ("sostener", Speech, false), ("advertir", Speech, false), ("destacar", Speech, true),
        ("subrayar", Speech, false), ("recordar", Speech, false), ("reiterar", Speech, false), ("manifestar", Speech, false),
        ("expresar", Speech, false), ("anunciar", Speech, false), ("comentar", Speech, false), ("precisar", Speech, true),
        ("apuntar", Speech, true), ("admitir", Speech, false), ("reconocer", Speech, false), ("negar", Speech, false),
        ("denunciar", Speech, false), ("criticar", Speech, false), ("insistir", Speech, false), ("responder", Speech, false),
        ("preguntar", Speech, false), ("escribir", Speech, false), ("informar", Speech, false), ("confirmar", Speech, false),
        ("aclarar", Speech, false), ("opinar", Speech, false), ("enfatizar", Speech, false), ("prometer", Speech, false),
        ("reafirmar", Speech, false), ("alertar", Speech, true), ("detallar", Speech, false), ("sugerir", Speech, false),
        ("proponer", Speech, false), ("pedir", Speech, false), ("exigir", Speech, false), ("reclamar", Speech, false),
        ("acusar", Speech, false), ("calificar", Speech, false), ("concluir", Speech, false), ("relatar", Speech, false),
        ("replicar", Speech, false), ("argumentar", Speech, false), ("lamentar", Speech, false), ("valorar", Speech, true),
        ("defender", Speech, true), ("cuestionar", Speech, false), ("rechazar", Speech, false), ("anticipar", Speech, true),
        ("adelantar", Speech, true), ("pronosticar", Speech, false), ("puntualizar", Speech, false), ("remarcar", Speech, false),
        ("resaltar", Speech, false), ("acotar", Speech, false), ("tuitear", Speech, false), ("sentenciar", Speech, true),
        ("elogiar", Speech, false), ("condenar", Speech, true), ("celebrar", Speech, true), ("contar", Speech, true),
        ("referir", Speech, true), ("aseverar", Speech, false), ("exponer", Speech, true), ("externar", Speech, false),
        ("plantear", Speech, true), ("deslizar", Speech, true), ("recalcar", Speech, false), ("mencionar", Speech, false),
        ("narrar", Speech, false), ("confesar", Speech, false), ("aducir", Speech, false), ("alegar", Speech, false),
        ("arremeter", Speech, true), ("fustigar", Speech, false), ("ironizar", Speech, false), ("bromear", Speech, false),
        ("avisar", Speech, true), ("vaticinar", Speech, false), ("augurar", Speech, false), ("comunicar", Speech, true),
        ("notificar", Speech, true), ("difundir", Speech, true), ("publicar", Speech, true), ("reprochar", Speech, false),
        ("tildar", Speech, false), ("tachar", Speech, true),
        ("agradecer", Speech, true),
        ("creer", Cognition, false), ("considerar", Cognition, false), ("estimar", Cognition, false),
        ("esperar", Cognition, false), ("temer", Cognition, false), ("pensar", Cognition, false),
        ("prever", Cognition, false), ("calcular", Cognition, true), ("proyectar", Cognition, true),
        ("juzgar", Cognition, true), ("evaluar", Cognition, true),
        ("mostrar", Evidence, false), ("revelar", Evidence, false),
    ]
};

/// Spanish verbs that do not follow their conjugation: their third-person forms, participle last.
#[rustfmt::skip]
const SPANISH_IRREGULAR: &[(&str, &[&str])] = &[
    ("referir", &["refiere", "refieren", "refirió", "refirieron", "refería", "referían", "referirá", "referiría", "refiriendo", "referido"]),
    ("exponer", &["expone", "exponen", "expuso", "expusieron", "exponía", "exponían", "expondrá", "expondría", "exponiendo", "expuesto"]),
    ("confesar", &["confiesa", "confiesan", "confesó", "confesaron", "confesaba", "confesaban", "confesará", "confesaría", "confesando", "confesado"]),
    ("aducir", &["aduce", "aducen", "adujo", "adujeron", "aducía", "aducían", "aducirá", "aduciría", "aduciendo", "aducido"]),
    ("contar", &["cuenta", "cuentan", "contó", "contaron", "contaba", "contaban", "contará", "contaría", "contando", "contado"]),
    ("decir", &["dice", "dicen", "dijo", "dijeron", "decía", "decían", "dirá", "dirán", "diría", "dirían", "diciendo", "dicho"]),
    ("sostener", &["sostiene", "sostienen", "sostuvo", "sostuvieron", "sostenía", "sostenían", "sostendrá", "sostendría", "sosteniendo", "sostenido"]),
    ("advertir", &["advierte", "advierten", "advirtió", "advirtieron", "advertía", "advertían", "advertirá", "advertiría", "advirtiendo", "advertido"]),
    ("recordar", &["recuerda", "recuerdan", "recordó", "recordaron", "recordaba", "recordaban", "recordará", "recordaría", "recordando", "recordado"]),
    ("manifestar", &["manifiesta", "manifiestan", "manifestó", "manifestaron", "manifestaba", "manifestará", "manifestando", "manifestado"]),
    ("negar", &["niega", "niegan", "negó", "negaron", "negaba", "negaban", "negará", "negaría", "negando", "negado"]),
    ("sugerir", &["sugiere", "sugieren", "sugirió", "sugirieron", "sugería", "sugerirá", "sugeriría", "sugiriendo", "sugerido"]),
    ("proponer", &["propone", "proponen", "propuso", "propusieron", "proponía", "propondrá", "propondría", "proponiendo", "propuesto"]),
    ("pedir", &["pide", "piden", "pidió", "pidieron", "pedía", "pedían", "pedirá", "pediría", "pidiendo", "pedido"]),
    ("creer", &["cree", "creen", "creyó", "creyeron", "creía", "creían", "creerá", "creería", "creyendo", "creído"]),
    ("pensar", &["piensa", "piensan", "pensó", "pensaron", "pensaba", "pensaban", "pensará", "pensaría", "pensando", "pensado"]),
    ("mostrar", &["muestra", "muestran", "mostró", "mostraron", "mostraba", "mostrará", "mostraría", "mostrando", "mostrado"]),
    ("concluir", &["concluye", "concluyen", "concluyó", "concluyeron", "concluía", "concluirá", "concluiría", "concluyendo", "concluido"]),
    ("defender", &["defiende", "defienden", "defendió", "defendieron", "defendía", "defenderá", "defendería", "defendiendo", "defendido"]),
    ("prever", &["prevé", "prevén", "previó", "previeron", "preveía", "preverá", "prevería", "previendo", "previsto"]),
    ("escribir", &["escribe", "escriben", "escribió", "escribieron", "escribía", "escribirá", "escribiría", "escribiendo", "escrito"]),
];

/// Portuguese reporting verbs as infinitives, as [`SPANISH_VERBS`].
#[rustfmt::skip]
const PORTUGUESE_VERBS: &[(&str, VerbClass, bool)] = {
    use VerbClass::*;
    &[
        ("dizer", Speech, false), ("afirmar", Speech, false), ("declarar", Speech, false), ("explicar", Speech, false),
        ("ressaltar", Speech, false), ("destacar", Speech, true), ("salientar", Speech, false), ("assegurar", Speech, false),
        ("garantir", Speech, true), ("acrescentar", Speech, false), ("completar", Speech, true), ("observar", Speech, true),
        ("lembrar", Speech, false), ("reiterar", Speech, false), ("anunciar", Speech, false), ("comentar", Speech, false),
        ("informar", Speech, false), ("confirmar", Speech, false), ("negar", Speech, false), ("criticar", Speech, false),
        ("advertir", Speech, false), ("alertar", Speech, false), ("sustentar", Speech, true), ("responder", Speech, false),
        ("perguntar", Speech, false), ("escrever", Speech, false), ("admitir", Speech, false), ("reconhecer", Speech, false),
        ("prometer", Speech, false), ("defender", Speech, true), ("relatar", Speech, false), ("argumentar", Speech, false),
        ("ponderar", Speech, false), ("frisar", Speech, false), ("enfatizar", Speech, false), ("sugerir", Speech, false),
        ("propor", Speech, false), ("pedir", Speech, false), ("exigir", Speech, false), ("cobrar", Speech, true),
        ("acusar", Speech, false), ("classificar", Speech, true), ("concluir", Speech, false), ("opinar", Speech, false),
        ("rebater", Speech, false), ("questionar", Speech, false), ("rejeitar", Speech, false), ("detalhar", Speech, false),
        ("esclarecer", Speech, false), ("insistir", Speech, false), ("lamentar", Speech, false), ("elogiar", Speech, false),
        ("denunciar", Speech, false), ("condenar", Speech, true), ("divulgar", Speech, true), ("tuitar", Speech, false),
        ("contar", Speech, true), ("pontuar", Speech, false), ("emendar", Speech, true), ("reforçar", Speech, true),
        ("ironizar", Speech, false), ("brincar", Speech, true), ("desabafar", Speech, false), ("comemorar", Speech, true),
        ("celebrar", Speech, true), ("sinalizar", Speech, true), ("indicar", Speech, true), ("ameaçar", Speech, true),
        ("mencionar", Speech, false), ("citar", Speech, true), ("publicar", Speech, true), ("postar", Speech, true),
        ("reclamar", Speech, true), ("agradecer", Speech, true), ("confessar", Speech, false), ("chamar", Speech, true),
        ("tachar", Speech, true),
        ("acreditar", Cognition, false), ("avaliar", Cognition, false), ("considerar", Cognition, false),
        ("estimar", Cognition, false), ("temer", Cognition, false), ("crer", Cognition, false), ("prever", Cognition, false),
        ("calcular", Cognition, true), ("projetar", Cognition, true),
        ("mostrar", Evidence, false), ("revelar", Evidence, false), ("apontar", Evidence, false),
    ]
};

/// Portuguese verbs that do not follow their conjugation, as [`SPANISH_IRREGULAR`].
#[rustfmt::skip]
const PORTUGUESE_IRREGULAR: &[(&str, &[&str])] = &[
    ("dizer", &["diz", "dizem", "disse", "disseram", "dizia", "diziam", "dirá", "dirão", "diria", "diriam", "dizendo", "dito"]),
    ("escrever", &["escreve", "escrevem", "escreveu", "escreveram", "escrevia", "escreverá", "escreveria", "escrevendo", "escrito"]),
    ("propor", &["propõe", "propõem", "propôs", "propuseram", "propunha", "proporá", "proporia", "propondo", "proposto"]),
    ("crer", &["crê", "creem", "creu", "creram", "cria", "crerá", "creria", "crendo", "crido"]),
    ("prever", &["prevê", "preveem", "previu", "previram", "previa", "preverá", "preveria", "prevendo", "previsto"]),
    ("concluir", &["conclui", "concluem", "concluiu", "concluíram", "concluía", "concluirá", "concluiria", "concluindo", "concluído"]),
];

fn regular_forms(lemma: &str) -> Vec<String> {
    let bytes = lemma.as_bytes();
    // "deny" → "denies", "denied"; "say" and "obey" keep their y.
    let consonant_y = bytes.len() > 1 && bytes[bytes.len() - 1] == b'y' && !b"aeiou".contains(&bytes[bytes.len() - 2]);
    let (third, past, gerund) = if consonant_y {
        let stem = &lemma[..lemma.len() - 1];
        (format!("{stem}ies"), format!("{stem}ied"), format!("{lemma}ing"))
    } else if let Some(stem) = lemma.strip_suffix('e') {
        (format!("{lemma}s"), format!("{lemma}d"), format!("{stem}ing"))
    } else if lemma.ends_with(['s', 'x', 'z']) || lemma.ends_with("sh") || lemma.ends_with("ch") {
        (format!("{lemma}es"), format!("{lemma}ed"), format!("{lemma}ing"))
    } else {
        (format!("{lemma}s"), format!("{lemma}ed"), format!("{lemma}ing"))
    };
    vec![lemma.to_string(), third, past, gerund]
}

/// Every inflected English reporting-verb form, lower-cased, to its cue.
fn english_verb_forms() -> FxHashMap<String, VerbCue> {
    let mut map = FxHashMap::default();
    for &(lemma, class, ambiguous) in ENGLISH_VERBS {
        let forms = IRREGULAR
            .iter()
            .find(|(l, _)| *l == lemma)
            .map(|(_, forms)| std::iter::once(lemma.to_string()).chain(forms.iter().map(|f| f.to_string())).collect())
            .unwrap_or_else(|| regular_forms(lemma));
        for form in forms {
            map.insert(form, VerbCue { lemma, class, ambiguous, needs_auxiliary: false });
        }
    }
    map
}

/// Every third-person form of a Romance language's reporting verbs, lower-cased, to its cue.
fn conjugated_verb_forms(
    verbs: &[(&'static str, VerbClass, bool)],
    irregular: &[(&str, &[&str])],
    conjugation: &conjugation::Conjugation,
) -> FxHashMap<String, VerbCue> {
    let mut map = FxHashMap::default();
    for &(lemma, class, ambiguous) in verbs {
        let listed = irregular.iter().find(|(l, _)| *l == lemma).map(|(_, forms)| *forms);
        let forms = conjugation.forms(lemma, listed);
        for form in forms.finite {
            map.insert(form, VerbCue { lemma, class, ambiguous, needs_auxiliary: false });
        }
        for form in forms.participles {
            map.entry(form).or_insert(VerbCue { lemma, class, ambiguous, needs_auxiliary: true });
        }
    }
    map
}

/// The cue words of one language. An article is read with its own language's words only, so a
/// Spanish "dice" or a Portuguese "segundo" never attributes English copy, nor an English cue
/// Spanish or Portuguese copy. (Grammatical glue such as pronouns and articles stays shared: it
/// only delimits the phrases the cues are found in.)
pub struct Lexicon {
    pub language: Language,
    /// Every inflected reporting-verb form, lower-cased, to its cue. Looked up for every word of
    /// every sentence, so hashed with Fx rather than SipHash: a fixed table that input never
    /// inserts into needs no protection from colliding keys.
    pub verbs: FxHashMap<String, VerbCue>,
    /// Forms of "be" that make a following participle passive: "is expected", "fue acusado", "é considerado".
    pub passive_auxiliaries: &'static [&'static str],
    /// Forms of "have" that make a following participle a perfect: "ha dicho", "tem afirmado".
    pub perfect_auxiliaries: &'static [&'static str],
    /// The language's own clitics and adverbs that stand between a subject and its verb ("le
    /// dijo", "também afirmou"), besides its auxiliaries and the shared [`VERB_PRELUDE`].
    pub verb_preludes: &'static [&'static str],
    /// The prepositions that name the agent of a passive: "by", "por", "pelo".
    pub agent_prepositions: &'static [&'static str],
    /// Participles that, in a passive with no agent, report or judge on nobody's named authority.
    pub vague_participles: &'static [&'static str],
    /// Forms of "seem", which report an impression whatever follows: "seemed an insult", "parece que".
    pub seem_forms: &'static [&'static str],
    /// Adverbs that attribute to nobody: "reportedly", "supuestamente".
    pub vague_adverbs: &'static [&'static str],
    /// Nouns naming a view or report, which news often leaves without a holder: "faced criticism".
    pub vague_nouns: &'static [&'static str],
    /// Words before such a noun that make it the source of what the sentence says: "amid", "ante".
    pub vague_noun_frames: &'static [&'static str],
    /// Group nouns that name no one in particular: "critics say", "analistas".
    pub vague_sources: &'static [&'static str],
    /// People who speak for a body, vague only when the body is not named before them.
    pub institutional_sources: &'static [&'static str],
    /// Nouns that, after the language's "in", make a phrase a cue: "in a statement", "en un comunicado".
    pub cue_nouns: &'static [&'static str],
    /// Words that open a reported clause or complement right after a verb with other senses than
    /// reporting: "said that", "dijo a la prensa", "destacou ontem que".
    pub complement_openers: &'static [&'static str],
}

impl Lexicon {
    pub fn of(language: Language) -> &'static Lexicon {
        match language {
            Language::English => &ENGLISH,
            Language::Spanish => &SPANISH,
            Language::Portuguese => &PORTUGUESE,
        }
    }

    /// `lower` without a Portuguese enclitic pronoun, so that the verb is read: "disse-lhe" is
    /// "disse", "afirmou-nos" "afirmou". ("-se" makes an impersonal, which the vague shapes read.)
    pub fn without_enclitic<'w>(&self, lower: &'w str) -> &'w str {
        const PORTUGUESE_ENCLITICS: &[&str] = &["lhe", "lhes", "me", "te", "nos", "vos"];
        if self.language != Language::Portuguese {
            return lower;
        }
        match lower.rsplit_once('-') {
            Some((verb, pronoun)) if PORTUGUESE_ENCLITICS.contains(&pronoun) => verb,
            _ => lower,
        }
    }
}

static ENGLISH: LazyLock<Lexicon> = LazyLock::new(|| Lexicon {
    language: Language::English,
    verbs: english_verb_forms(),
    passive_auxiliaries: BE_FORMS,
    perfect_auxiliaries: &["has", "have", "had"],
    verb_preludes: &[],
    agent_prepositions: &["by"],
    vague_participles: VAGUE_PASSIVES,
    seem_forms: &["seem", "seems", "seemed", "seeming"],
    vague_adverbs: VAGUE_ADVERBS,
    vague_nouns: VAGUE_NOUNS,
    vague_noun_frames: VAGUE_NOUN_FRAMES,
    vague_sources: VAGUE_SOURCES,
    institutional_sources: &["officials", "official", "sources", "source", "aides", "aide"],
    cue_nouns: CUE_NOUNS,
    complement_openers: COMPLEMENT_OPENERS,
});

#[rustfmt::skip]
static SPANISH: LazyLock<Lexicon> = LazyLock::new(|| Lexicon {
    language: Language::Spanish,
    verbs: conjugated_verb_forms(SPANISH_VERBS, SPANISH_IRREGULAR, &conjugation::SPANISH),
    passive_auxiliaries: &[
        "es", "son", "fue", "fueron", "era", "eran", "sido", "será", "serán", "sería", "está", "están", "estaba",
        "estaban",
    ],
    perfect_auxiliaries: &["ha", "han", "había", "habían", "habría", "habrían", "hubiera", "hubieran", "haya", "hayan"],
    verb_preludes: &[
        "también", "ya", "nunca", "siempre", "luego", "además", "incluso", "no", "nuevamente", "públicamente", "le",
        "les", "lo", "me", "nos",
    ],
    agent_prepositions: &["por"],
    vague_participles: &[
        "considerado", "considerada", "considerados", "consideradas", "acusado", "acusada", "acusados", "acusadas",
        "criticado", "criticada", "criticados", "criticadas", "cuestionado", "cuestionada", "cuestionados",
        "cuestionadas", "señalado", "señalada", "señalados", "señaladas", "calificado", "calificada", "calificados",
        "calificadas", "tachado", "tachada", "tachados", "tachadas", "esperado", "esperada", "esperados", "esperadas",
        "previsto", "prevista", "previstos", "previstas", "denunciado", "denunciada", "denunciados", "denunciadas",
    ],
    seem_forms: &["parece", "parecen", "parecía", "parecían", "pareció", "parecieron", "parecería", "parecerían"],
    vague_adverbs: &["supuestamente", "presuntamente", "aparentemente"],
    vague_nouns: &["criticas", "críticas", "rumores", "temores", "sospechas", "denuncias", "acusaciones", "especulaciones"],
    vague_noun_frames: &["entre", "pese", "ante", "enfrenta", "enfrentó"],
    vague_sources: &[
        "fuentes", "críticos", "expertos", "analistas", "observadores", "especialistas", "muchos", "algunos",
        "ambientalistas", "economistas", "opositores", "detractores", "partidarios", "científicos", "investigadores",
        "otros", "comentaristas", "escépticos", "defensores", "simpatizantes", "historiadores", "activistas",
        "diplomáticos", "estrategas", "vecinos", "personas",
    ],
    institutional_sources: &["fuentes", "fuente", "funcionarios", "funcionario", "asesores", "asesor", "voceros", "portavoces"],
    cue_nouns: &["comunicado", "entrevista", "declaraciones", "nota", "opinión"],
    // "a" and "al" name whom it was said to: "contó a los periodistas".
    complement_openers: &[
        "que", "si", "cómo", "cuándo", "dónde", "quién", "qué", "a", "al", "con", "en", "sobre", "ante", "durante",
        "tras", "ayer", "hoy", "anoche", "además", "también", "aún", "luego", "después", "antes", "recientemente",
        "nuevamente", "él", "ella", "ellos", "ellas",
    ],
});

#[rustfmt::skip]
static PORTUGUESE: LazyLock<Lexicon> = LazyLock::new(|| Lexicon {
    language: Language::Portuguese,
    verbs: conjugated_verb_forms(PORTUGUESE_VERBS, PORTUGUESE_IRREGULAR, &conjugation::PORTUGUESE),
    passive_auxiliaries: &[
        "é", "são", "foi", "foram", "era", "eram", "sido", "será", "serão", "seria", "está", "estão", "estava",
        "estavam",
    ],
    perfect_auxiliaries: &["tem", "têm", "tinha", "tinham", "havia", "haviam", "teria", "teriam"],
    verb_preludes: &[
        "também", "já", "ainda", "não", "nunca", "sempre", "novamente", "publicamente", "lhe", "lhes", "me", "nos",
    ],
    agent_prepositions: &["por", "pelo", "pela", "pelos", "pelas"],
    vague_participles: &[
        "considerado", "considerada", "considerados", "consideradas", "acusado", "acusada", "acusados", "acusadas",
        "criticado", "criticada", "criticados", "criticadas", "questionado", "questionada", "questionados",
        "questionadas", "apontado", "apontada", "apontados", "apontadas", "tido", "tida", "tidos", "tidas",
        "esperado", "esperada", "esperados", "esperadas", "previsto", "prevista", "previstos", "previstas",
        "denunciado", "denunciada", "denunciados", "denunciadas",
    ],
    seem_forms: &["parece", "parecem", "parecia", "pareciam", "pareceu", "pareceram", "pareceria", "pareceriam"],
    vague_adverbs: &["supostamente", "alegadamente", "presumivelmente", "aparentemente"],
    vague_nouns: &["críticas", "rumores", "suspeitas", "denúncias", "acusações", "especulações"],
    vague_noun_frames: &["entre", "ante", "enfrenta", "enfrentou"],
    vague_sources: &[
        "fontes", "críticos", "analistas", "observadores", "especialistas", "muitos", "alguns", "ambientalistas",
        "economistas", "opositores", "cientistas", "pesquisadores", "apoiadores", "outros", "comentaristas",
        "céticos", "detratores", "defensores", "simpatizantes", "historiadores", "ativistas", "diplomatas",
        "estrategistas", "moradores", "pessoas",
    ],
    institutional_sources: &["fontes", "fonte", "funcionários", "funcionário", "assessores", "assessor", "interlocutores"],
    cue_nouns: &["comunicado", "entrevista", "declarações", "nota", "opinião"],
    // Not "a", "o", "no" or "na", which are also "the" and "in the": "reforçou a confiança",
    // "brincaram no parque".
    complement_openers: &[
        "que", "se", "como", "quando", "onde", "quem", "ao", "aos", "à", "às", "com", "sobre", "durante", "após",
        "ontem", "hoje", "também", "ainda", "depois", "antes", "recentemente",
        "novamente", "ele", "ela", "eles", "elas",
    ],
});

/// English nouns that, after "in a/his/their ...", make a phrase a cue: "in a statement", "in an interview".
#[rustfmt::skip]
const CUE_NOUNS: &[&str] = &[
    "statement", "statements", "poll", "polls", "survey", "surveys", "study", "studies", "analysis", "data",
    "documents", "records", "transcript", "footage", "recording", "memoir", "count", "tally", "average", "projections", "interview", "interviews", "speech", "tweet", "tweets", "letter", "post", "memo",
    "remarks", "testimony", "op-ed", "editorial", "email", "e-mail", "release", "conference", "briefing", "video",
    "message", "column", "essay", "book", "filing", "lawsuit", "complaint", "ruling", "opinion", "view", "words",
    "address", "appearance", "comments", "comment", "report", "announcement", "declaration", "communique",
    "communiqué", "podcast", "broadcast", "blog", "note", "response", "reply", "affidavit", "deposition",
];

/// Words that stand between a subject and its verb without ending the subject: "Putin also said".
#[rustfmt::skip]
pub const VERB_PRELUDE: &[&str] = &[
    "also", "later", "previously", "then", "once", "recently", "repeatedly", "publicly", "privately", "again",
    "further", "earlier", "first", "has", "have", "had", "will", "would", "could", "might", "may", "did", "does",
    "do", "never", "always", "often", "has", "had", "just", "already", "reportedly", "allegedly", "both", "all",
    "himself", "herself", "themselves", "itself", "flatly", "strongly", "firmly", "openly", "quickly", "simply",
    "clearly", "frequently", "not", "n't", "now", "still", "long", "reportedly", "separately", "subsequently",
    "told", "who", "which", "that",
];

/// Forms of "to be" that make a following participle passive: "is expected to", "was said to".
pub const BE_FORMS: &[&str] = &["is", "are", "was", "were", "be", "been", "being", "'s", "it's", "widely"];

/// Passive participles that report an unnamed source: "is expected to", "it is believed".
#[rustfmt::skip]
pub const VAGUE_PARTICIPLES: &[&str] = &[
    "expected", "believed", "thought", "said", "reported", "rumored", "rumoured", "understood", "alleged",
    "considered", "seen", "viewed", "regarded", "known", "estimated", "projected", "predicted", "feared", "claimed",
    "suspected", "assumed", "presumed", "deemed", "tipped", "anticipated", "touted",
];

/// Adverbs that attribute to nobody: "reportedly", "allegedly".
#[rustfmt::skip]
const VAGUE_ADVERBS: &[&str] = &[
    "reportedly", "allegedly", "purportedly", "supposedly", "reputedly", "ostensibly", "rumoredly", "seemingly",
    "apparently", "presumably",
];

/// Participles that, in a passive with no agent, report or judge on nobody's named authority:
/// "is expected to", "has been criticized", "was accused of", "were rated as".
#[rustfmt::skip]
const VAGUE_PASSIVES: &[&str] = &[
    "expected", "believed", "thought", "said", "reported", "rumored", "rumoured", "understood", "alleged",
    "considered", "seen", "viewed", "regarded", "known", "estimated", "projected", "predicted", "feared", "claimed",
    "suspected", "assumed", "presumed", "deemed", "tipped", "anticipated", "touted", "criticized", "criticised",
    "accused", "blamed", "praised", "condemned", "denounced", "described", "labeled", "labelled", "dubbed",
    "branded", "rated", "mentioned", "announced", "confirmed", "revealed", "disclosed", "debated", "disputed",
    "hailed", "billed", "perceived", "portrayed", "characterized", "characterised", "lambasted", "faulted",
    "credited", "judged",
];

/// Adjectives that after "seems", "appears" or "looks" make an impression: "appears likely".
#[rustfmt::skip]
pub const IMPRESSION_ADJECTIVES: &[&str] = &[
    "likely", "unlikely", "certain", "poised", "set", "ready", "headed", "bound", "destined", "sure", "confident",
    "unable", "willing", "eager", "reluctant", "inevitable", "possible", "impossible", "doomed", "prepared", "intent",
    "keen", "determined", "too", "more", "less", "increasingly", "almost", "very", "quite", "rather", "so",
    "stable", "shaky", "lost", "open", "close", "stronger", "weaker", "better", "worse",
];

/// Nouns naming a view or report, which news often leaves without a holder: "faced criticism",
/// "amid concerns", "there has been speculation".
#[rustfmt::skip]
const VAGUE_NOUNS: &[&str] = &[
    "criticism", "criticisms", "ridicule", "scrutiny", "backlash", "outcry", "outrage", "questions", "allegations",
    "accusations", "claims", "concern", "concerns", "fears", "worries", "suspicion", "suspicions",
    "speculation", "rumors", "rumours", "rumblings", "talk", "chatter", "complaints", "calls", "doubts",
    "skepticism", "scepticism", "condemnation", "pressure", "objections", "disagreement", "disagreements",
    "controversy", "reports", "grumbling", "murmurs",
];

/// Words before such a noun that make it the source of what the sentence says: "faced", "drew",
/// "amid", "under" (scrutiny, pressure), "sparked", "over" (allegations). Not "raised" (questions):
/// its subject is often the one asking.
#[rustfmt::skip]
const VAGUE_NOUN_FRAMES: &[&str] = &[
    "faced", "faces", "face", "facing", "drew", "draws", "draw", "drawing", "drawn", "attracted", "attracting",
    "amid", "amidst", "despite", "under", "sparked", "sparking", "prompted", "prompting", "triggered", "fueled", "fuelled", "fueling", "fuelling", "stoked", "renewed",
    "endure", "endures", "endured", "enduring", "garner", "garners", "garnered", "garnering", "over", "following",
];

/// Verbs by which such a noun spreads on its own: "suspicions persist", "talk had been mounting".
#[rustfmt::skip]
pub const VAGUE_NOUN_SPREADING: &[&str] = &[
    "persist", "persists", "persisted", "mounted", "mounting", "grew", "growing", "grow", "grows", "swirled",
    "swirl", "swirling", "swirls", "run", "ran", "abound", "abounded", "surfaced", "circulated", "circulating",
    "lingered", "linger", "lingering", "emerged",
];

/// Group nouns that name no one in particular: "critics say", "some experts".
#[rustfmt::skip]
const VAGUE_SOURCES: &[&str] = &[
    "critics", "experts", "analysts", "observers", "commentators", "pundits", "insiders", "skeptics", "sceptics",
    "opponents", "supporters", "detractors", "people", "some", "many", "others", "economists", "scientists",
    "researchers", "historians", "activists", "diplomats", "watchers", "strategists", "advocates", "residents",
    "sources", "officials", "aides",
];

/// Quantifiers that make a following group noun vague: "some officials", "many observers".
#[rustfmt::skip]
pub const VAGUE_QUANTIFIERS: &[&str] = &[
    "some", "many", "several", "most", "few", "various", "numerous", "certain", "other", "algunos", "algunas",
    "muchos", "muchas", "varios", "varias", "ciertos", "ciertas", "otros", "otras", "alguns", "algumas", "muitos",
    "muitas", "vários", "várias", "certos", "certas", "outros", "outras",
];

/// Possessives that name the source of a noun cue: "in his opinion".
pub const POSSESSIVES: &[&str] =
    &["his", "her", "their", "its", "my", "our", "su", "sus", "seu", "sua", "seus", "suas"];

/// Personal pronouns that can be the subject of a reporting verb.
pub const SUBJECT_PRONOUNS: &[&str] =
    &["he", "she", "they", "i", "we", "you", "it", "who", "ella", "él", "ellos", "ele", "eles", "elas"];

/// Words after which a verb form is not a reporting verb: "declined to say", "the noted author".
#[rustfmt::skip]
pub const NON_REPORTING_BEFORE: &[&str] = &[
    "to", "the", "a", "an", "of", "for", "with", "this", "that's", "these", "those", "its", "their", "his", "her",
    "our", "my", "your", "no", "any", "every", "each", "without",
];

/// English words that open a reported clause or complement right after a cue: "said that", "told
/// reporters", "added on Monday".
#[rustfmt::skip]
const COMPLEMENT_OPENERS: &[&str] = &[
    "that", "if", "whether", "how", "why", "what", "when", "where", "who", "he", "she", "they", "it", "we", "i",
    "there", "this", "these", "those", "reporters", "journalists", "the", "a", "an", "his", "her", "their", "its",
    "our", "of", "on", "about", "to", "in", "at", "during", "after", "before", "last", "earlier", "later", "for",
    "against", "recently", "previously", "yesterday", "today", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "by", "out", "up", "down", "back", "most", "many", "some", "more", "few", "all",
    "no", "only", "nearly", "almost", "over", "just",
];
