//! Throughput of figure extraction on one core: an English corpus of more than 50 MB made
//! from the seeds; a Spanish corpus of about 20 MB made from the Spanish probe texts, each
//! followed by paragraphs of Spanish news prose without figures (`benches/data/es_prose.txt`)
//! so that its density of figures is that of news, and the probe texts alone (five times
//! denser); and 20 MB of the same words written as prose and with no sentence break at all
//! (extraction must be linear on both). Run: `cargo bench --bench figures`. Results:
//! docs/performance.md.
#![allow(
    clippy::print_stderr,
    reason = "a benchmark reports the sizes it measured"
)]

mod common;

use std::hint::black_box;
use std::path::Path;

use common::corpus;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dossier::corpus::{Article, ArticleId, decode};
use dossier::figures::extract_article;

/// About `target` bytes of Spanish articles: the probe texts with their digits varied, each
/// followed by `prose` paragraphs of figure-free news prose.
fn spanish(target: usize, prose: usize) -> Vec<Article> {
    let filler = include_str!("data/es_prose.txt");
    let paragraphs: Vec<&str> = filler.split("\n\n").collect();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/probes");
    let mut texts = Vec::new();
    for sub in ["es", "es2"] {
        let mut paths: Vec<_> = std::fs::read_dir(dir.join(sub))
            .expect("probe folder")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        paths.sort();
        for p in paths {
            texts.push(std::fs::read_to_string(p).expect("probe text"));
        }
    }
    let mut out = Vec::new();
    let (mut total, mut n) = (0, 0usize);
    while total < target {
        let base = &texts[n % texts.len()];
        let varied: String = base
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_digit((d + n as u32) % 10, 10).unwrap_or(c),
                None => c,
            })
            .collect();
        let mut text = varied;
        for k in 0..prose {
            text.push_str("\n\n");
            text.push_str(paragraphs[(n + k) % paragraphs.len()]);
        }
        total += text.len();
        let decoded = decode(text.as_bytes()).expect("text");
        let id = format!("{n:06}.txt");
        out.push(Article::new(ArticleId(id.clone()), id.into(), decoded));
        n += 1;
    }
    out
}

/// About `target` bytes of words and numbers, with a full stop every 18 words or none.
fn salad(target: usize, stops: bool) -> String {
    let words = [
        "police",
        "seized",
        "tons",
        "of",
        "cocaine",
        "in",
        "the",
        "port",
        "army",
        "destroyed",
        "laboratories",
        "hectares",
        "government",
        "spent",
        "million",
        "dollars",
        "officials",
        "said",
        "between",
        "and",
        "more",
        "than",
        "about",
        "navy",
        "helicopters",
        "5",
        "12",
        "3,500",
        "2.5",
        "400",
        "1,200",
        "35,000",
        "2015",
        "2019",
        "$4",
        "two",
        "three",
    ];
    let mut s = String::with_capacity(target + 16);
    let mut x: u32 = 12_345;
    let mut k = 0;
    while s.len() < target {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        s.push_str(words[(x >> 16) as usize % words.len()]);
        k += 1;
        s.push_str(if stops && k % 18 == 0 { ". The " } else { " " });
    }
    s
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("figures");
    group.sample_size(10);
    for (name, articles) in [
        (
            "extract over 52 MB of English, one thread",
            corpus(52 * 1024 * 1024),
        ),
        (
            "extract over 20 MB of Spanish, one thread",
            spanish(20_000_000, 4),
        ),
        (
            "extract over 20 MB of dense Spanish (probe texts only), one thread",
            spanish(20_000_000, 0),
        ),
    ] {
        let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
        let figures: usize = articles.iter().map(|a| extract_article(a).len()).sum();
        eprintln!(
            "{name}: {} articles, {:.1} MB, {figures} figures",
            articles.len(),
            bytes as f64 / 1e6
        );
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                articles
                    .iter()
                    .map(|a| black_box(extract_article(a)).len())
                    .sum::<usize>()
            })
        });
    }
    for (name, stops) in [
        ("20 MB of prose", true),
        ("20 MB without a sentence break", false),
    ] {
        let text = salad(20_000_000, stops);
        let bytes = text.len();
        let decoded = decode(text.as_bytes()).expect("text");
        let article = Article::new(ArticleId("salad.txt".into()), "salad.txt".into(), decoded);
        eprintln!("{name}: {} figures", extract_article(&article).len());
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(name, |b| {
            b.iter(|| black_box(extract_article(&article)).len())
        });
    }
    group.finish();
}

criterion_group!(figures, bench);
criterion_main!(figures);
