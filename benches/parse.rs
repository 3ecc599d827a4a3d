//! Parse throughput on the four real reports in `fixtures/reports/`, and on a line of a
//! megabyte of digit groups (the parser must stay linear).
//!
//! Also lint throughput (tables read and every rule run) on the same reports.
//!
//! Run: `cargo bench --bench parse`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rapportlint::vocab::Vocab;
use std::hint::black_box;
use std::path::Path;

fn seeds() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/reports");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("fixtures/reports exists") {
        let path = entry.expect("readable entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).expect("UTF-8 report");
            out.push((
                path.file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
                text,
            ));
        }
    }
    out.sort();
    out
}

fn parse(c: &mut Criterion) {
    let vocab = Vocab::embedded().expect("embedded rules load");
    let seeds = seeds();
    let total: usize = seeds.iter().map(|(_, t)| t.len()).sum();
    let mut group = c.benchmark_group("parse");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("four-seeds", |b| {
        b.iter(|| {
            for (name, text) in &seeds {
                black_box(rapportlint::read_text(name, text.clone(), &vocab));
            }
        })
    });
    let huge = format!("Sum {}\n", "1 000 ".repeat(170_000));
    group.throughput(Throughput::Bytes(huge.len() as u64));
    group.bench_function("one-megabyte-line", |b| {
        b.iter(|| black_box(rapportlint::read_text("huge", huge.clone(), &vocab)))
    });
    group.finish();
}

/// Lint throughput: reading the tables and running every rule, on the four seeds.
fn lint(c: &mut Criterion) {
    let vocab = Vocab::embedded().expect("embedded rules load");
    let seeds = seeds();
    let total: usize = seeds.iter().map(|(_, t)| t.len()).sum();
    let mut group = c.benchmark_group("lint");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("four-seeds", |b| {
        b.iter(|| {
            for (name, text) in &seeds {
                let doc = rapportlint::read_text(name, text.clone(), &vocab);
                black_box(rapportlint::rules::check(
                    &doc,
                    &vocab,
                    rapportlint::rules::Lang::Nb,
                ));
            }
        })
    });
    // The rules alone, on tables already read: the rule engine must stay cheap.
    let docs: Vec<_> = seeds
        .iter()
        .map(|(name, text)| rapportlint::read_text(name, text.clone(), &vocab))
        .collect();
    group.bench_function("rules-only", |b| {
        b.iter(|| {
            for doc in &docs {
                black_box(rapportlint::rules::check(
                    doc,
                    &vocab,
                    rapportlint::rules::Lang::Nb,
                ));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, parse, lint);
criterion_main!(benches);
