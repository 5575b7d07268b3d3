//! Write the generated benchmark corpus to disk, for measuring whole commands beside other
//! tools (docs/performance.md): `cargo run --release --example make_corpus -- DIR [ARTICLES]`.
//! The articles are those of `benches/common` (the seeds with their digits and years varied),
//! 100 to a folder.
#![allow(
    clippy::print_stderr,
    reason = "a command-line tool of its own: usage and errors go to stderr"
)]

#[path = "../common/mod.rs"]
mod common;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: make_corpus DIR [ARTICLES (default 10000)]");
        return ExitCode::FAILURE;
    };
    let count: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    // The generator works by size; ask for enough, keep `count`.
    let articles = common::corpus(count * 6 * 1024);
    let mut bytes = 0;
    for (i, article) in articles.iter().take(count).enumerate() {
        let sub = dir.join(format!("batch{:03}", i / 100));
        let written = std::fs::create_dir_all(&sub)
            .and_then(|()| std::fs::write(sub.join(article.id.as_str()), &article.text));
        if let Err(e) = written {
            eprintln!("make_corpus: {e} — {}", sub.display());
            return ExitCode::FAILURE;
        }
        bytes += article.text.len();
    }
    println!(
        "wrote {} articles, {:.1} MB, to {}",
        count.min(articles.len()),
        bytes as f64 / 1e6,
        dir.display()
    );
    ExitCode::SUCCESS
}
