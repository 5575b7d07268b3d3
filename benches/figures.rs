//! Throughput of figure extraction on one core over a generated corpus of more than 50 MB.
//! Run: `cargo bench --bench figures`. Results: docs/performance.md.
#![allow(
    clippy::print_stderr,
    reason = "a benchmark reports the sizes it measured"
)]

mod common;

use std::hint::black_box;

use common::corpus;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dossier::figures::extract_article;

fn bench(c: &mut Criterion) {
    let articles = corpus(52 * 1024 * 1024);
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let figures: usize = articles.iter().map(|a| extract_article(a).len()).sum();
    eprintln!(
        "corpus: {} articles, {:.1} MB, {figures} figures",
        articles.len(),
        bytes as f64 / 1e6
    );
    let mut group = c.benchmark_group("figures");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("extract over 52 MB, one thread", |b| {
        b.iter(|| {
            let mut n = 0;
            for a in &articles {
                n += black_box(extract_article(a)).len();
            }
            n
        })
    });
    group.finish();
}

criterion_group!(figures, bench);
criterion_main!(figures);
