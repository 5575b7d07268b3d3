//! Benchmarks for opening folders and projects and saving projects.
//! Run: `cargo bench --bench project`. Results: docs/performance.md.
#![allow(
    clippy::print_stderr,
    reason = "a benchmark reports the sizes it measured"
)]

use std::hint::black_box;
use std::path::Path;
use std::sync::atomic::AtomicBool;

use criterion::{Criterion, criterion_group, criterion_main};
use dossier::corpus::function_words::clear_language;
use dossier::corpus::{Corpus, LoadOptions, language, load_folder};
use dossier::project::io;

mod common;

fn load(dir: &Path) -> Corpus {
    load_folder(
        dir,
        &LoadOptions::default(),
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .expect("loads")
    .0
}

/// A folder of `n` articles made from the seeds, each a little different.
pub fn make_folder(dir: &Path, n: usize) {
    let seeds = load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"));
    for i in 0..n {
        let base = &seeds.articles()[i % seeds.len()].text;
        let text = format!("Article {i}\n\n{base}\nFiled as number {i}.\n");
        let sub = dir.join(format!("batch{:02}", i / 100));
        std::fs::create_dir_all(&sub).expect("mkdir");
        std::fs::write(sub.join(format!("{i:05}.txt")), text).expect("write");
    }
}

fn benches(c: &mut Criterion) {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    c.bench_function("open seeds folder (5 articles)", |b| {
        b.iter(|| black_box(load(&seeds)))
    });

    let dir = tempfile::tempdir().expect("tempdir");
    make_folder(dir.path(), 1000);
    c.bench_function("open folder of 1,000 articles", |b| {
        b.iter(|| black_box(load(dir.path())))
    });

    let corpus = load(dir.path());
    // What the folder load pays per article for its language: the first 1,500 bytes, by
    // function words (with the trigram model for what they leave unclear), and by the model.
    let heads: Vec<&str> = corpus
        .articles()
        .iter()
        .map(|a| &a.text[..dossier::corpus::meta::floor(&a.text, 1_500)])
        .collect();
    c.bench_function("language of 1,000 articles: function words first", |b| {
        b.iter(|| {
            heads
                .iter()
                .filter(|h| clear_language(black_box(h)).is_some() || language::detect(h).is_some())
                .count()
        })
    });
    c.bench_function("language of 1,000 articles: trigram model only", |b| {
        b.iter(|| {
            heads
                .iter()
                .filter(|h| language::detect(black_box(h)).is_some())
                .count()
        })
    });
    let project = common::project_with_passages(&corpus, 10_000);
    let path = dir.path().join("p.json");
    c.bench_function("save project with 10,000 passages", |b| {
        b.iter(|| io::save(black_box(&project), &path).expect("save"))
    });
    io::save(&project, &path).expect("save");
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    eprintln!("project file with 10,000 passages: {bytes} bytes");
    // What a save checks before it replaces a file: its version (from the file's ends), or,
    // for the window's own file, that no one else wrote it (metadata only).
    c.bench_function("check the project a save replaces (version)", |b| {
        b.iter(|| io::check_target(black_box(&path), None).expect("ours"))
    });
    let stamp = io::open(&path).expect("open").stamp.expect("stamped");
    c.bench_function("check the project a save replaces (stamp)", |b| {
        b.iter(|| io::check_target(black_box(&path), Some(&stamp)).expect("unchanged"))
    });
    let mut stamp = stamp;
    c.bench_function("save project with 10,000 passages (checked)", |b| {
        b.iter(|| {
            stamp = io::save_checked(black_box(&project), &path, Some(&stamp)).expect("save");
        })
    });
    c.bench_function("open project with 10,000 passages", |b| {
        b.iter(|| black_box(io::open(&path).expect("open")))
    });
}

criterion_group! {
    name = project;
    config = Criterion::default().sample_size(20);
    targets = benches
}
criterion_main!(project);
