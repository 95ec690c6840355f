//! The analysis core on one article: parse, attribute, run every rule at its default severity.
//! `cargo bench --bench core`; throughput is reported in bytes of article text. Also the worst
//! cases for time: one paragraph of thousands of quotations or claims, and the positions of the
//! findings on such a paragraph.

use criterion::{BenchmarkId, Criterion, Throughput, black_box, criterion_group, criterion_main};
use newsls::analysis::Analysis;
use newsls::text::{LineIndex, PositionEncoding};

// The binary's allocator, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Invented, quote-rich wire copy: a ~5 KB story and a ~50 KB one built from the same paragraphs.
const ARTICLES: &[(&str, &str)] =
    &[("5k", include_str!("fixtures/article-5k.txt")), ("50k", include_str!("fixtures/article-50k.txt"))];

fn core(c: &mut Criterion) {
    let mut group = c.benchmark_group("analysis");
    for (name, text) in ARTICLES {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("findings", name), text, |b, text| {
            b.iter(|| {
                let analysis = Analysis::new(black_box(text));
                black_box(analysis.findings(|r| Some(r.default_severity)))
            })
        });
    }
    group.finish();
}

/// Copy no newsroom writes but a file may hold: one paragraph of thousands of quotations, of
/// claims, of unclosed quotations, at two sizes a tenth apart. Time that grows with the size, not
/// with its square, keeps such a file from stalling `newsls check` or the editor.
fn worst_cases(c: &mut Criterion) {
    let repeated = [
        ("quotations", "\"We will win.\" "),
        ("claims", "Prices will rise next year. "),
        ("unclosed", "Critics say \"it will fail, "),
        ("single-quotes", "“Yes,” he said ‘no "),
    ];
    let mut group = c.benchmark_group("worst-case");
    group.sample_size(10);
    for (name, unit) in repeated {
        for times in [2_000, 20_000] {
            let text = format!("Headline\n\n{}\n", unit.repeat(times));
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(name, text.len()), &text, |b, text| {
                b.iter(|| {
                    let analysis = Analysis::new(black_box(text));
                    black_box(analysis.findings(|r| Some(r.default_severity)))
                })
            });
        }
    }
    group.finish();
}

/// Every finding's range as LSP and `--format json` give it (UTF-16 columns) on a paragraph of
/// Spanish on one line, at two sizes a tenth apart, and their offsets read back from those
/// positions: each is counted from a checkpoint near it, so the time grows with the size, not
/// with its square.
fn long_line_positions(c: &mut Criterion) {
    let mut group = c.benchmark_group("long-line-positions");
    group.sample_size(10);
    for times in [2_000, 20_000] {
        let text = format!("Titular\n\n{}\n", "El año será difícil para los niños de São Paulo. ".repeat(times));
        let findings = Analysis::new(&text).findings(|r| Some(r.default_severity));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("utf16", text.len()), &text, |b, text| {
            b.iter(|| {
                let lines = LineIndex::new(black_box(text));
                findings
                    .iter()
                    .map(|f| {
                        let start = lines.position(text, f.span.start, PositionEncoding::Utf16);
                        let end = lines.position(text, f.span.end, PositionEncoding::Utf16);
                        start.col + end.col
                    })
                    .fold(0u32, u32::wrapping_add)
            })
        });
        // And back, as every request's position is read: from a checkpoint too.
        let lines = LineIndex::new(&text);
        let positions: Vec<_> =
            findings.iter().map(|f| lines.position(&text, f.span.start, PositionEncoding::Utf16)).collect();
        group.bench_with_input(BenchmarkId::new("utf16-offsets", text.len()), &text, |b, text| {
            b.iter(|| {
                positions
                    .iter()
                    .map(|&p| lines.offset(black_box(text), p, PositionEncoding::Utf16))
                    .fold(0, usize::wrapping_add)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, core, worst_cases, long_line_positions);
criterion_main!(benches);
