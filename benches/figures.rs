//! Throughput of figure extraction on one core over a generated corpus of more than 50 MB.
//! Run: `cargo bench --bench figures`. Results: docs/performance.md.

use std::hint::black_box;
use std::path::Path;
use std::sync::atomic::AtomicBool;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dossier::corpus::{Article, ArticleId, LoadOptions, decode, load_folder};
use dossier::figures::extract_article;

/// About 50 MB of articles: the seeds with their numbers and years varied, so that no two
/// articles are the same text.
fn corpus(target_bytes: usize) -> Vec<Article> {
    let seeds = load_folder(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"),
        &LoadOptions::default(),
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .expect("seeds")
    .0;
    let mut out = Vec::new();
    let mut total = 0;
    let mut n = 0usize;
    while total < target_bytes {
        let base = &seeds.articles()[n % seeds.len()].text;
        let varied: String = base
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_digit((d + n as u32) % 10, 10).unwrap_or(c),
                None => c,
            })
            .collect();
        let text = format!(
            "{varied}\n\nIn {} the ministry reported {} hectares and ${}.{} million.\n",
            1990 + n % 35,
            1000 + n,
            n % 900,
            n % 10
        );
        total += text.len();
        let decoded = decode(text.as_bytes()).expect("text");
        out.push(Article::new(
            ArticleId(format!("{n:06}.txt")),
            format!("{n:06}.txt").into(),
            decoded,
        ));
        n += 1;
    }
    out
}

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
