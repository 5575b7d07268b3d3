//! Search over a generated corpus of more than 50 MB: plain text and regex.
//! Run: `cargo bench --bench search`. Results: docs/performance.md.
#![allow(
    clippy::print_stderr,
    reason = "a benchmark reports the sizes it measured"
)]

mod common;

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dossier::analysis::{Query, Scope, search};
use dossier::corpus::Corpus;

fn bench(c: &mut Criterion) {
    let corpus = Corpus::new(PathBuf::from("/bench"), common::corpus(52 * 1024 * 1024));
    let bytes = corpus.text_bytes();
    let mut group = c.benchmark_group("search");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    let queries = [
        ("plain, any case: helicopter", Query::plain("helicopter")),
        (
            "whole word, any case: coca",
            Query {
                whole_word: true,
                ..Query::plain("coca")
            },
        ),
        (
            "regex: \\d[\\d,]* (hectares|tons)",
            Query {
                regex: true,
                ..Query::plain(r"\d[\d,]* (hectares|tons)")
            },
        ),
        (
            "regex, match case: Russia\\w* arms",
            Query {
                regex: true,
                case_sensitive: true,
                ..Query::plain(r"Russia\w* arms")
            },
        ),
    ];
    for (name, q) in queries {
        let re = q.compile().expect("compiles");
        let hits = search(&corpus, &re, &Scope::Corpus, usize::MAX).hits.len();
        eprintln!("{name}: {hits} hits in {:.1} MB", bytes as f64 / 1e6);
        group.bench_function(name, |b| {
            b.iter(|| {
                black_box(search(&corpus, &re, &Scope::Corpus, 100_000))
                    .hits
                    .len()
            })
        });
    }
    group.finish();
}

criterion_group!(search_bench, bench);
criterion_main!(search_bench);
