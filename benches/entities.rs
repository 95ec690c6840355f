//! Entity recognition throughput on a ~50 KB invented wire story dense with organizations,
//! countries, agencies and people. `cargo bench --bench entities`; throughput is in bytes of text.

use criterion::{BenchmarkId, Criterion, Throughput, black_box, criterion_group, criterion_main};
use newsls::entities::{Glossary, recognise};

// The binary's allocator, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const ARTICLE: &str = include_str!("fixtures/entities-50k.txt");

fn entities(c: &mut Criterion) {
    // Build the automaton outside the measurement.
    black_box(recognise("CELAC", Glossary::empty()));
    let mut group = c.benchmark_group("entities");
    group.throughput(Throughput::Bytes(ARTICLE.len() as u64));
    group.bench_with_input(BenchmarkId::new("recognise", "50k"), ARTICLE, |b, text| {
        b.iter(|| black_box(recognise(black_box(text), Glossary::empty())))
    });
    group.finish();
}

criterion_group!(benches, entities);
criterion_main!(benches);
