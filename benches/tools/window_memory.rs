//! Where the window's memory goes (issue 16): builds what the window builds for a folder (the
//! loaded corpus with its figures, the session, and the derived data the panes read) and prints
//! the heap after each step, counted by dhat. `cargo run --release --example window_memory --
//! DIR`; dhat also writes `dhat-heap.json` (open it in dhat's viewer for the call sites).

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use dossier::corpus::LoadOptions;
use dossier::session::Session;
use dossier::session::load::load_corpus;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn main() {
    let Some(dir) = std::env::args().nth(1).map(PathBuf::from) else {
        println!("usage: window_memory DIR");
        return;
    };
    let _profiler = dhat::Profiler::new_heap();
    let heap = || dhat::HeapStats::get().curr_bytes;
    let mut last = heap();
    let mut step = |what: &str, text: usize| {
        let now = heap();
        println!(
            "{what:<48} {:>8.1} MiB  (+{:>7.1} MiB, {:.2}× the text)",
            mib(now),
            mib(now.saturating_sub(last)),
            now.saturating_sub(last) as f64 / text.max(1) as f64
        );
        last = now;
    };
    let loaded = load_corpus(
        &dir,
        &LoadOptions::default(),
        None,
        &|_, _| {},
        &AtomicBool::new(false),
    );
    let Ok(loaded) = loaded else {
        println!("could not load {}", dir.display());
        return;
    };
    let text: usize = loaded.corpus.articles().iter().map(|a| a.text.len()).sum();
    let figures: usize = loaded.figures.values().map(Vec::len).sum();
    println!(
        "{} articles, {:.1} MiB of text, {figures} figures",
        loaded.corpus.len(),
        mib(text)
    );
    step("corpus and extracted figures (the load job)", text);
    let session = Session::from_folder(loaded);
    step("session", text);
    let first = session.corpus().articles().first().map(|a| a.id.clone());
    if let Some(id) = &first {
        let _ = session.figure_spans(id);
    }
    step("figure rows and spans (the reader's marks)", text);
    let _ = session.figure_units();
    let _ = session.figure_status_counts();
    if let Some(row) = session.figure_rows().first() {
        let _ = session.figure_row(&row.key);
    }
    step("figure index, units, counts (the figures table)", text);
    let _ = session.suggestions();
    step("suggested series (the plot)", text);
    let _ = (session.problems(), session.passage_counts());
    step("passage problems and counts", text);
    println!(
        "total above the empty heap: {:.1} MiB, {:.2}× the text",
        mib(last),
        last as f64 / text.max(1) as f64
    );
}
