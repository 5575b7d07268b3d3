//! Converting source files: a folder of 1,000 HTML pages (the news-page fixture with its
//! numbers varied, so no two pages are the same) and a folder of 100 ten-page PDFs, loaded as
//! Dossier loads a corpus (all threads), and one page and one PDF converted on one thread.
//! Criterion reports the time per folder; docs/performance.md divides by the file count.
//! Run: `cargo bench --bench sources`.

use std::hint::black_box;
use std::path::Path;
use std::sync::atomic::AtomicBool;

use criterion::{Criterion, criterion_group, criterion_main};
use dossier::corpus::formats::{Format, read_bytes};
use dossier::corpus::{LoadOptions, load_folder};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/sources")
            .join(name),
    )
    .expect("fixture")
}

/// The page with every digit shifted by `n`.
fn varied(page: &str, n: usize) -> String {
    page.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_digit((d + n as u32) % 10, 10).unwrap_or(c),
            None => c,
        })
        .collect()
}

fn load(dir: &Path) -> usize {
    let (corpus, report) = load_folder(
        dir,
        &LoadOptions::default(),
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .expect("loads");
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    corpus.len()
}

fn bench(c: &mut Criterion) {
    let html = String::from_utf8(fixture("article.html")).expect("UTF-8");
    let pdf = fixture("report10.pdf");
    let html_dir = tempfile::tempdir().expect("temp");
    for n in 0..1_000 {
        std::fs::write(
            html_dir.path().join(format!("page-{n:04}.html")),
            varied(&html, n),
        )
        .expect("write");
    }
    let pdf_dir = tempfile::tempdir().expect("temp");
    for n in 0..100 {
        std::fs::write(pdf_dir.path().join(format!("report-{n:03}.pdf")), &pdf).expect("write");
    }
    let mut group = c.benchmark_group("sources");
    group.sample_size(10);
    group.bench_function("load 1,000 HTML pages", |b| {
        b.iter(|| assert_eq!(load(black_box(html_dir.path())), 1_000))
    });
    group.bench_function("load 100 ten-page PDFs", |b| {
        b.iter(|| assert_eq!(load(black_box(pdf_dir.path())), 100))
    });
    group.bench_function("one HTML page, one thread", |b| {
        b.iter(|| read_bytes(Format::Html, black_box(html.as_bytes())).expect("converts"))
    });
    group.bench_function("one ten-page PDF, one thread", |b| {
        b.iter(|| read_bytes(Format::Pdf, black_box(&pdf)).expect("converts"))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
