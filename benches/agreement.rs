//! Inter-coder agreement on a generated project: 1,000 articles of 50,000 code points (a 50-M
//! code point continuum), three coders, twelve themes, 10,000 or 20,000 passages per coder
//! (twice the passages should take about twice the time: the work is O(P log P), whatever the
//! articles' lengths). Run: `cargo bench --bench agreement`. Results: docs/performance.md.
#![allow(
    clippy::print_stderr,
    reason = "a benchmark reports the sizes it measured"
)]

use std::collections::BTreeMap;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dossier::analysis::agreement::{self, Options};
use dossier::analysis::agreement_disagreements::disagreements;
use dossier::corpus::ArticleId;
use dossier::project::{Coder, CoderId, Passage, PassageId, Project, Theme, ThemeId, Timestamp};

const ARTICLES: u64 = 1_000;
const LENGTH: u64 = 50_000;

/// A deterministic pseudo-random sequence (a 64-bit LCG).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

fn project(per_coder: u64) -> (Project, BTreeMap<ArticleId, u64>) {
    let themes = (1..=12)
        .map(|i| Theme {
            id: ThemeId(i),
            name: format!("theme {i}"),
            color: dossier::project::Rgb([10, 20, 30]),
            description: String::new(),
            parent: None,
        })
        .collect();
    let mut p = Project::with_themes(themes);
    p.coders = (1..=3)
        .map(|i| Coder::new(CoderId(i), format!("coder {i}")))
        .collect();
    let mut rng = Lcg(7);
    let mut id = 1;
    // The first coder's passages; the others copy them with moved boundaries, other themes
    // or none, as real coders disagree.
    let mut base = Vec::new();
    for _ in 0..per_coder {
        let a = rng.next(ARTICLES);
        let s = rng.next(LENGTH - 400);
        base.push((
            a,
            s,
            s + 20 + rng.next(300),
            ThemeId(1 + rng.next(12) as u32),
        ));
    }
    for coder in 1..=3u32 {
        for &(a, s, e, t) in &base {
            let (s, e, t) = match (coder, rng.next(10)) {
                (1, _) => (s, e, t),
                (_, 0) => continue,
                (_, 1 | 2) => (s + rng.next(15), e + rng.next(15), t),
                (_, 3) => (s, e, ThemeId(1 + rng.next(12) as u32)),
                _ => (s, e, t),
            };
            let passage = Passage {
                id: PassageId(id),
                article: ArticleId(format!("{a:04}.txt")),
                start: s as usize,
                end: e as usize,
                quote: String::new(),
                prefix: String::new(),
                suffix: String::new(),
                themes: vec![t],
                note: String::new(),
                created: Timestamp::from_unix(0),
                modified: Timestamp::from_unix(0),
                coder: CoderId(coder),
            };
            p.passages.insert(passage.id, passage);
            id += 1;
        }
    }
    let lengths = (0..ARTICLES)
        .map(|a| (ArticleId(format!("{a:04}.txt")), LENGTH))
        .collect();
    (p, lengths)
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("agreement");
    group.sample_size(10);
    for per_coder in [5_000, 10_000, 20_000, 40_000] {
        let (p, lengths) = project(per_coder);
        group.throughput(Throughput::Elements(p.passages.len() as u64));
        group.bench_function(format!("table, 3 coders × {per_coder} passages"), |b| {
            b.iter(|| agreement::agreement(black_box(&p), &lengths, &Options::default()))
        });
        let articles: Vec<ArticleId> = lengths.keys().cloned().collect();
        group.bench_function(
            format!("disagreements, 2 coders × {per_coder} passages"),
            |b| b.iter(|| disagreements(black_box(&p), CoderId(1), CoderId(2), &articles, None)),
        );
    }
    group.finish();
    // The two kernels alone, on sorted runs: 3 coders × N runs on a 50-M code point continuum.
    let mut group = c.benchmark_group("agreement kernels");
    group.sample_size(10);
    for n in [10_000u64, 40_000] {
        let mut rng = Lcg(11);
        let runs: Vec<Vec<(u64, u64)>> = (0..3)
            .map(|_| {
                let raw = (0..n)
                    .map(|_| {
                        let s = rng.next(ARTICLES * LENGTH - 400);
                        (s, s + 20 + rng.next(300))
                    })
                    .collect();
                dossier::analysis::agreement_unitizing::normalise(raw, ARTICLES * LENGTH)
            })
            .collect();
        group.throughput(Throughput::Elements(3 * n));
        group.bench_function(format!("binary counts, 3 × {n} runs"), |b| {
            b.iter(|| agreement::binary_counts(ARTICLES * LENGTH, black_box(&runs)))
        });
        group.bench_function(format!("unitizing alpha, 3 × {n} runs"), |b| {
            b.iter(|| {
                dossier::analysis::agreement_unitizing::disagreement(
                    ARTICLES * LENGTH,
                    black_box(&runs),
                )
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
