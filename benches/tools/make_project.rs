//! Write a project with many passages over a folder of articles, for measuring the window with a
//! large project (docs/performance.md): `cargo run --release --example make_project -- CORPUS
//! OUT.dossier [PASSAGES (default 100000)]`. The passages are spread evenly over the articles
//! (100,000 over the five seeds is 20,000 an article), two themes each, every third with a note.
#![allow(
    clippy::print_stderr,
    reason = "a command-line tool of its own: usage and errors go to stderr"
)]

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use dossier::corpus::{LoadOptions, load_folder};
use dossier::project::io;

#[path = "../common/mod.rs"]
mod common;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(corpus_dir), Some(out)) = (args.next().map(PathBuf::from), args.next()) else {
        eprintln!("usage: make_project CORPUS OUT.dossier [PASSAGES (default 100000)]");
        return ExitCode::FAILURE;
    };
    let out = PathBuf::from(out);
    let count: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(100_000);
    let loaded = load_folder(
        &corpus_dir,
        &LoadOptions::default(),
        &mut |_| {},
        &AtomicBool::new(false),
    );
    let corpus = match loaded {
        Ok((corpus, _)) if !corpus.is_empty() => corpus,
        Ok(_) => {
            eprintln!("make_project: no articles in {}", corpus_dir.display());
            return ExitCode::FAILURE;
        }
        Err(e) => {
            eprintln!("make_project: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut project = common::project_with_passages(&corpus, count);
    io::set_corpus_folder(&mut project, &out, &corpus_dir);
    if let Err(e) = io::save(&project, &out) {
        eprintln!("make_project: {e} — {}", out.display());
        return ExitCode::FAILURE;
    }
    println!(
        "wrote {} passages over {} articles to {}",
        project.passages.len(),
        corpus.len(),
        out.display()
    );
    ExitCode::SUCCESS
}
