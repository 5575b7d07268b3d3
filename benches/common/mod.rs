//! A generated corpus for the benchmarks: the seeds, repeated with their digits and years
//! varied so that no two articles are the same text.
#![allow(dead_code, reason = "each benchmark uses a part of these helpers")]

use std::path::Path;
use std::sync::atomic::AtomicBool;

use dossier::corpus::{Article, ArticleId, LoadOptions, decode, load_folder};

/// About 50 MB of articles: the seeds with their numbers and years varied, so that no two
/// articles are the same text.
pub fn corpus(target_bytes: usize) -> Vec<Article> {
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
