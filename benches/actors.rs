//! Throughput of actor extraction (mentions and cues) and of resolution plus relations, on one
//! core, over the generated corpus of more than 50 MB; and extraction of text without any
//! punctuation or line break (one "sentence") at two sizes, to show time grows linearly.
//! Run: `cargo bench --bench actors`. Results: docs/performance.md.
#![allow(
    clippy::print_stderr,
    reason = "a benchmark reports the sizes it measured"
)]

mod common;

use std::collections::BTreeMap;
use std::hint::black_box;

use common::corpus;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dossier::actors::relations::relations;
use dossier::actors::{extract, extract_article, resolve};
use dossier::corpus::Corpus;
use dossier::project::actors::ActorBook;

fn bench(c: &mut Criterion) {
    let articles = corpus(52 * 1024 * 1024);
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let mentions: usize = articles
        .iter()
        .map(|a| extract_article(a).mentions.len())
        .sum();
    eprintln!(
        "corpus: {} articles, {:.1} MB, {mentions} mentions",
        articles.len(),
        bytes as f64 / 1e6
    );
    let mut group = c.benchmark_group("actors");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("extract over 52 MB, one thread", |b| {
        b.iter(|| {
            let mut n = 0;
            for a in &articles {
                n += black_box(extract_article(a)).mentions.len();
            }
            n
        })
    });
    let extracted: BTreeMap<_, _> = articles
        .iter()
        .map(|a| (a.id.clone(), extract_article(a)))
        .collect();
    let corpus = Corpus::new(".".into(), articles);
    group.bench_function("resolve and relate over 52 MB, one thread", |b| {
        b.iter(|| {
            let resolved = resolve(&extracted, &ActorBook::default(), &corpus);
            relations(&corpus, &extracted, &resolved, None, &BTreeMap::new()).len()
        })
    });
    group.finish();

    // The seeds' words without punctuation or line breaks: one sentence of several MB.
    let words: String = corpus
        .articles()
        .iter()
        .take(200)
        .flat_map(|a| a.text.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let mut group = c.benchmark_group("actors, no punctuation");
    group.sample_size(10);
    for mb in [2usize, 8] {
        let mut text = words.repeat(mb * 1024 * 1024 / words.len() + 1);
        let mut cut = mb * 1024 * 1024;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("extract {mb} MB"), |b| {
            b.iter(|| black_box(extract(&text)).mentions.len())
        });
    }
    group.finish();
}

criterion_group!(actors, bench);
criterion_main!(actors);
