//! The analysis core on one article: parse, attribute, run every rule at its default severity.
//! `cargo bench --bench core`; throughput is reported in bytes of article text.

use criterion::{BenchmarkId, Criterion, Throughput, black_box, criterion_group, criterion_main};
use newsls::analysis::Analysis;

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

criterion_group!(benches, core);
criterion_main!(benches);
