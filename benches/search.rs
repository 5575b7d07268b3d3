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
    scan(c);
}

/// The command line's search: read 10,000 files from disk on every core and search each as it
/// is read (no hash, no index), counting hits.
fn scan(c: &mut Criterion) {
    use dossier::analysis::search::hits_in_text;
    use dossier::corpus::LoadOptions;
    use dossier::corpus::scan::scan_folder;
    let dir = tempfile::tempdir().expect("tempdir");
    let mut bytes = 0;
    for (i, a) in common::corpus(54 * 1024 * 1024)
        .iter()
        .take(10_000)
        .enumerate()
    {
        let sub = dir.path().join(format!("batch{:03}", i / 100));
        std::fs::create_dir_all(&sub).expect("mkdir");
        std::fs::write(sub.join(a.id.as_str()), &a.text).expect("write");
        bytes += a.text.len();
    }
    let mut group = c.benchmark_group("search files");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    let options = LoadOptions::default();
    for (name, q) in [
        (
            "read and search 10,000 files: helicopter",
            Query {
                case_sensitive: true,
                ..Query::plain("helicopter")
            },
        ),
        (
            "read and search 10,000 files: Russia\\w* arms",
            Query {
                regex: true,
                case_sensitive: true,
                ..Query::plain(r"Russia\w* arms")
            },
        ),
    ] {
        let re = q.compile().expect("compiles");
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut hits = 0;
                scan_folder(
                    dir.path(),
                    &options,
                    |article, emit| {
                        if let Ok(a) = article {
                            emit.emit(hits_in_text(&a.text, &re).count(), 0);
                        }
                    },
                    |n| hits += n,
                )
                .expect("scans");
                black_box(hits)
            })
        });
    }
    group.finish();
}

criterion_group!(search_bench, bench);
criterion_main!(search_bench);
