//! Prints how the core reads each sentence of the articles given: one JSON object per sentence
//! with its attribution (cue, source, link) or none. For tuning the analysis against annotated news:
//!
//!     cargo run --release --example attributions -- article.txt [...]

use newsls::analysis::Analysis;

fn main() {
    for path in std::env::args().skip(1) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("cannot read {path}");
            continue;
        };
        let analysis = Analysis::new(&text);
        for (i, sentence) in analysis.article.sentences.iter().enumerate() {
            let attribution = analysis.attributions.sentences[i];
            let row = serde_json::json!({
                "path": path,
                "start": text[..sentence.span.start].chars().count(),
                "end": text[..sentence.span.end].chars().count(),
                "paragraph": format!("{:?}", analysis.article.paragraphs[sentence.paragraph].kind),
                "quoted": analysis.is_quoted(i),
                "link": attribution.map(|a| format!("{:?}", a.link)),
                "cue": attribution.map(|a| a.cue.span.text(&text)),
                "kind": attribution.map(|a| format!("{:?}", a.cue.kind)),
                "source": attribution.and_then(|a| a.cue.source).map(|s| s.text(&text)),
                "vague": attribution.map(|a| a.cue.vague),
            });
            println!("{row}");
        }
    }
}
