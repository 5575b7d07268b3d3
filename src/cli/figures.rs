//! `dossier figures PATH`: every figure the articles state, as JSONL or CSV.
//!
//! Articles are extracted in parallel on every core (scoped threads: no dependency, and the
//! order of the output is kept without collecting it all first); each article's records are
//! rendered on its worker and written in article order through one buffered writer, so the
//! output is the same whatever the number of threads.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

use serde::Serialize;

use crate::corpus::{Article, LoadOptions, Metadata};
use crate::figures::{Figure, Kind, Tier, Year, extract_article};

use super::Format;
use super::load::{CliError, load_any};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub load: super::load::LoadFlags,
    /// A folder of articles or a project.
    pub path: PathBuf,
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
    /// How many threads extract figures (default: one per core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

pub fn run(args: &Args, options: &LoadOptions, out: &mut dyn Write) -> Result<(), CliError> {
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    figures(&args.path, args.format, options, threads, out)
}

/// One output record, with the keys the scorer reads.
#[derive(Serialize)]
struct FigureRow<'a> {
    file: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    value: f64,
    unit: &'a str,
    year: Year,
    qualifier: Option<&'a str>,
    kind: Kind,
    tier: Tier,
    repeat: bool,
    year_inferred: Year,
    sentence: &'a str,
}

/// A figure row for CSV, where years are text ("2004–2009").
#[derive(Serialize)]
struct CsvFigure<'a> {
    file: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    value: f64,
    unit: &'a str,
    year: String,
    qualifier: &'a str,
    kind: &'a str,
    tier: &'a str,
    repeat: bool,
    year_inferred: String,
    sentence: &'a str,
}

const CSV_HEADER: [&str; 13] = [
    "file",
    "start",
    "end",
    "text",
    "value",
    "unit",
    "year",
    "qualifier",
    "kind",
    "tier",
    "repeat",
    "year_inferred",
    "sentence",
];

/// `dossier figures PATH`: every figure, with the keys the scorer reads.
pub fn figures(
    path: &Path,
    format: Format,
    options: &LoadOptions,
    threads: usize,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    // Extraction reads an article's date and language, no other metadata (title, outlet…).
    let options = LoadOptions {
        metadata: Metadata::DateAndLanguage,
        ..options.clone()
    };
    let loaded = load_any(path, &options)?;
    if let Some(e) = &loaded.corpus_error {
        return Err(CliError::Usage(format!(
            "the project's articles could not be loaded: {e}"
        )));
    }
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    if format == Format::Csv {
        let mut w = csv::Writer::from_writer(&mut out);
        w.write_record(CSV_HEADER)?;
        w.flush()?;
    }
    in_order(
        loaded.corpus.articles(),
        threads,
        |a| render(a, &extract_article(a), format),
        |bytes| out.write_all(&bytes),
    )?;
    out.flush()?;
    Ok(())
}

/// An article's figures as JSONL or CSV rows (CSV without the header).
fn render(article: &Article, figures: &[Figure], format: Format) -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::with_capacity(figures.len() * 256);
    let rows = figures.iter().map(|f| FigureRow {
        file: article.id.as_str(),
        start: f.start,
        end: f.end,
        text: &f.text,
        value: f.value,
        unit: &f.unit,
        year: f.year,
        qualifier: f.qualifier.as_deref(),
        kind: f.kind,
        tier: f.tier,
        repeat: f.repeat,
        year_inferred: f.year_inferred,
        sentence: article.slice(f.sentence.0, f.sentence.1).unwrap_or(""),
    });
    match format {
        Format::Jsonl => {
            for row in rows {
                serde_json::to_writer(&mut buf, &row).map_err(std::io::Error::other)?;
                buf.push(b'\n');
            }
        }
        Format::Csv => {
            let mut w = csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(&mut buf);
            for r in rows {
                w.serialize(CsvFigure {
                    file: r.file,
                    start: r.start,
                    end: r.end,
                    text: r.text,
                    value: r.value,
                    unit: r.unit,
                    year: r.year.to_string(),
                    qualifier: r.qualifier.unwrap_or(""),
                    kind: r.kind.as_str(),
                    tier: r.tier.as_str(),
                    repeat: r.repeat,
                    year_inferred: r.year_inferred.to_string(),
                    sentence: r.sentence,
                })
                .map_err(std::io::Error::other)?;
            }
            w.flush()?;
        }
    }
    Ok(buf)
}

/// How many articles may be done ahead of the one being written (bounds the memory held).
const AHEAD: usize = 256;

/// Run `work` on every item on `threads` threads and hand the results to `write` in the
/// items' order, as soon as each one's turn comes. The first error stops the run.
fn in_order<T: Sync>(
    items: &[T],
    threads: usize,
    work: impl Fn(&T) -> std::io::Result<Vec<u8>> + Sync,
    mut write: impl FnMut(Vec<u8>) -> std::io::Result<()>,
) -> std::io::Result<()> {
    if threads <= 1 || items.len() <= 1 {
        for item in items {
            write(work(item)?)?;
        }
        return Ok(());
    }
    let next = AtomicUsize::new(0);
    // How many results have been written, so workers stay at most AHEAD items in front.
    let written = (Mutex::new(0usize), Condvar::new());
    let (tx, rx) = mpsc::channel::<(usize, std::io::Result<Vec<u8>>)>();
    std::thread::scope(|scope| {
        for n in 0..threads {
            let tx = tx.clone();
            let (next, written, work) = (&next, &written, &work);
            let spawned = std::thread::Builder::new()
                .name(format!("dossier-figures-{n}"))
                .spawn_scoped(scope, move || {
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else {
                            break;
                        };
                        if let Ok(mut done) = written.0.lock() {
                            while i >= *done + AHEAD {
                                match written.1.wait(done) {
                                    Ok(d) => done = d,
                                    Err(_) => return,
                                }
                            }
                        }
                        if tx.send((i, work(item))).is_err() {
                            break;
                        }
                    }
                });
            if spawned.is_err() && n == 0 {
                // No thread could start: the loop below does the work itself.
                break;
            }
        }
        drop(tx);
        let mut pending: BTreeMap<usize, Vec<u8>> = BTreeMap::new();
        let mut turn = 0;
        let mut result = Ok(());
        for (i, out) in rx.iter() {
            match out {
                Ok(bytes) => {
                    pending.insert(i, bytes);
                }
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
            while let Some(bytes) = pending.remove(&turn) {
                if let Err(e) = write(bytes) {
                    result = Err(e);
                    break;
                }
                turn += 1;
                if let Ok(mut done) = written.0.lock() {
                    *done = turn;
                    written.1.notify_all();
                }
            }
            if result.is_err() {
                break;
            }
        }
        if result.is_err() {
            // Let waiting workers finish: stop handing out items and wake them all.
            next.store(items.len(), Ordering::Relaxed);
            if let Ok(mut done) = written.0.lock() {
                *done = usize::MAX / 2;
                written.1.notify_all();
            }
            return result;
        }
        // Items no thread took (none could start): do them here.
        while turn < items.len() {
            write(work(&items[turn])?)?;
            turn += 1;
        }
        result
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_out_in_order_whatever_the_threads() {
        let items: Vec<u64> = (0..2_000).collect();
        for threads in [1, 2, 3, 8] {
            let mut out = Vec::new();
            in_order(
                &items,
                threads,
                |i| {
                    // Uneven work so that later items often finish first.
                    let spin = (i * 7919) % 2_000;
                    let mut x = *i;
                    for _ in 0..spin {
                        x = std::hint::black_box(x.wrapping_mul(31).wrapping_add(7));
                    }
                    let _ = x;
                    Ok(format!("{i}\n").into_bytes())
                },
                |b| {
                    out.extend_from_slice(&b);
                    Ok(())
                },
            )
            .expect("runs");
            let expected: String = items.iter().map(|i| format!("{i}\n")).collect();
            assert_eq!(
                String::from_utf8(out).expect("utf8"),
                expected,
                "{threads} threads"
            );
        }
    }

    #[test]
    fn a_write_error_stops_the_run_and_is_returned() {
        let items: Vec<u32> = (0..5_000).collect();
        let mut calls = 0;
        let r = in_order(
            &items,
            4,
            |i| Ok(i.to_string().into_bytes()),
            |_| {
                calls += 1;
                if calls == 10 {
                    Err(std::io::Error::other("disk full"))
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(r.map_err(|e| e.to_string()), Err("disk full".to_owned()));
        assert_eq!(calls, 10);
    }
}
