//! The command line: open the window (the default), or run a headless command.

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::app::{DossierApp, StartOptions};

mod actors;
mod agreement;
mod figures;
mod import;
mod info;
pub mod load;
mod merge;
mod passages;
mod refi;
mod relations;
mod report;
mod search;
mod text;

pub use load::{CliError, LoadFlags, Loaded, load_any};

/// Dossier: read, tag and measure a corpus of news articles.
#[derive(Parser, Debug)]
#[command(name = "dossier", version, about, long_about = None, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// A folder of articles or a saved project to open (default: the bundled `seeds/`).
    pub path: Option<PathBuf>,
    #[command(flatten)]
    pub load: LoadFlags,
    /// The program that opens an article's original file from the window (default: the
    /// system's opener, such as xdg-open).
    #[arg(long, value_name = "PROGRAM")]
    pub opener: Option<PathBuf>,
    /// Open the window this size, in points, such as 800x600 (default: the size it had when
    /// last closed, first 1280x800); a size given here is not remembered.
    #[arg(long, value_name = "WxH", value_parser = window_size)]
    pub window_size: Option<[f32; 2]>,
    #[command(subcommand)]
    pub command: Option<Cmd>,
}

/// One subcommand per file in this folder: adding a command is a file, a variant here and an
/// arm in [`main`].
#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Print what a folder or project holds: articles, skipped files, themes, passages.
    Info(info::Args),
    /// Write one row per passage and theme: article, start, end, theme, quote, note.
    ExportPassages(passages::Args),
    /// Export a project for NVivo, ATLAS.ti, MAXQDA or QualCoder (REFI-QDA `.qdpx`: the
    /// article texts, the codebook and every passage with its themes and note).
    ExportQdpx(refi::QdpxArgs),
    /// Export the codebook as a REFI-QDA `.qdc` file.
    ExportQdc(refi::QdcArgs),
    /// Search the articles: print each hit with its file, code point offsets and context.
    Search(search::Args),
    /// Print every figure the articles state, one record per figure.
    Figures(figures::Args),
    /// Print the text Dossier reads from one file of any format (the text offsets refer to).
    Text(text::Args),
    /// Print every mention of a country, organisation or person, with the actor it names.
    Actors(actors::Args),
    /// Print the sentences that tie two actors (JSONL), or the network as GEXF or GraphML.
    Relations(relations::Args),
    /// Inter-coder agreement per theme and overall: percent agreement, Cohen's and Fleiss'
    /// κ, Krippendorff's α and unitizing α (see docs/agreement.md).
    Agreement(agreement::Args),
    /// Import a REFI-QDA project (`.qdpx`) as a new Dossier project; its text sources are
    /// written as `.txt` files into a folder beside it.
    ImportQdpx(import::QdpxArgs),
    /// Add a REFI-QDA codebook (`.qdc`) to a project's themes.
    ImportQdc(import::QdcArgs),
    /// Merge another analyst's project on the same corpus into this one (written to -o), with
    /// a JSON report of what was matched, added and left out.
    Merge(merge::Args),
    /// Write the project as one self-contained HTML report (codebook, passages with notes,
    /// figures, series plots, theme × article matrix) for a colleague without Dossier.
    Report(report::Args),
}

/// Output formats for row-shaped commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Csv,
    Jsonl,
}

/// Parse the command line and run it; the binary prints the error, with its chain.
pub fn main() -> Result<(), CliError> {
    let cli = Cli::parse();
    let Some(command) = &cli.command else {
        let window = Window {
            max_file_bytes: cli.load.options().max_file_bytes,
            opener: cli.opener,
            size: cli.window_size,
        };
        return run_window(cli.path, window);
    };
    // Every command writes through one buffer: one write() per 64 KiB, not one per line. (Not
    // the window: it must not hold the lock on stdout.)
    let mut buffered = std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
    let stdout = &mut buffered;
    let result = match command {
        Cmd::Info(args) => info::run(args, &args.load.options(), stdout),
        Cmd::ExportQdpx(args) => refi::run_qdpx(args, &args.load.options(), stdout),
        Cmd::ExportQdc(args) => refi::run_qdc(args, stdout),
        Cmd::ExportPassages(args) => passages::run(args, stdout),
        Cmd::Search(args) => search::run(args, &args.load.options(), stdout),
        Cmd::Figures(args) => figures::run(args, &args.load.options(), stdout),
        Cmd::Text(args) => text::run(args, &args.load.options(), stdout),
        Cmd::Actors(args) => actors::run(args, &args.load.options(), stdout),
        Cmd::Relations(args) => relations::run(args, &args.load.options(), stdout),
        Cmd::Agreement(args) => agreement::run(args, &args.load.options(), stdout),
        Cmd::ImportQdpx(args) => import::run_qdpx(args, stdout),
        Cmd::ImportQdc(args) => import::run_qdc(args, stdout),
        Cmd::Merge(args) => merge::run(args, &args.load.options(), stdout),
        Cmd::Report(args) => report::run(args, &args.load.options(), stdout),
    };
    match result.and_then(|()| Ok(std::io::Write::flush(stdout)?)) {
        // Whoever read the output went away (`| head`): not a failure worth a message.
        Err(e) if e.is_broken_pipe() => Ok(()),
        Err(e) => {
            let _ = std::io::Write::flush(stdout);
            Err(e)
        }
        Ok(()) => Ok(()),
    }
}

/// Where the bundled sample corpus is: next to the working folder, the executable, or the
/// source tree it was built from.
pub fn default_seeds() -> Option<PathBuf> {
    let mut candidates = vec![PathBuf::from("seeds")];
    if let Some(dir) = std::env::current_exe()
        .ok()
        .and_then(|e| e.parent().map(Path::to_owned))
    {
        candidates.push(dir.join("seeds"));
    }
    candidates.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"));
    candidates.into_iter().find(|p| p.is_dir())
}

/// `--window-size WxH`: the window's width and height in points, at least its minimum.
fn window_size(text: &str) -> Result<[f32; 2], String> {
    let (w, h) = text
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("{text}: give the size as WIDTHxHEIGHT, such as 800x600"))?;
    let number = |n: &str| {
        n.trim()
            .parse::<f32>()
            .ok()
            .filter(|v| v.is_finite())
            .ok_or_else(|| format!("{text}: {n} is not a number of points"))
    };
    let size = [number(w)?, number(h)?];
    if size[0] < MIN_WINDOW[0] || size[1] < MIN_WINDOW[1] {
        return Err(format!(
            "{text}: the window is at least {}x{}",
            MIN_WINDOW[0], MIN_WINDOW[1]
        ));
    }
    Ok(size)
}

/// The smallest the window can be made.
const MIN_WINDOW: [f32; 2] = [720.0, 480.0];

/// How the window opens, from the command line.
struct Window {
    max_file_bytes: u64,
    opener: Option<PathBuf>,
    /// A size asked for (not remembered); else the one remembered, first 1280×800.
    size: Option<[f32; 2]>,
}

fn run_window(path: Option<PathBuf>, window: Window) -> Result<(), CliError> {
    let path = path.or_else(default_seeds);
    let Window {
        max_file_bytes,
        opener,
        size,
    } = window;
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Dossier")
            .with_app_id("dossier")
            .with_inner_size(size.unwrap_or([1280.0, 800.0]))
            .with_min_inner_size(MIN_WINDOW)
            .with_drag_and_drop(true),
        // A size asked for wins over the one remembered from the last run, and is not kept.
        persist_window: size.is_none(),
        ..Default::default()
    };
    eframe::run_native(
        "Dossier",
        options,
        Box::new(move |cc| {
            Ok(Box::new(DossierApp::new(
                cc,
                StartOptions {
                    path,
                    max_file_bytes: Some(max_file_bytes),
                    opener,
                    ..Default::default()
                },
            )))
        }),
    )
    .map_err(|e| CliError::Window(e.to_string()))
}
