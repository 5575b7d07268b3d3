//! The command line: open the window (the default), or run a headless command.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::app::{DossierApp, StartOptions};
use crate::corpus::LoadOptions;

/// Dossier: read, tag and measure a corpus of news articles.
#[derive(Parser, Debug)]
#[command(name = "dossier", version, about, long_about = None)]
pub struct Cli {
    /// A folder of articles or a saved project to open (default: the bundled `seeds/`).
    pub path: Option<PathBuf>,
    /// Skip article files larger than this many megabytes (MiB) when loading a folder.
    #[arg(long, global = true, value_name = "MB", default_value_t = 20)]
    pub max_file_mb: u64,
    #[command(subcommand)]
    pub command: Option<Cmd>,
}

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Print what a folder or project holds: articles, skipped files, themes, passages.
    Info { path: PathBuf },
    /// Write one row per passage and theme: article, start, end, theme, quote, note.
    ExportPassages {
        project: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Csv)]
        format: Format,
    },
    /// Export a project for NVivo, ATLAS.ti, MAXQDA or QualCoder (REFI-QDA `.qdpx`: the
    /// article texts, the codebook and every passage with its themes and note).
    ExportQdpx {
        project: PathBuf,
        /// The `.qdpx` file to write.
        out: PathBuf,
    },
    /// Export the codebook as a REFI-QDA `.qdc` file.
    ExportQdc {
        project: PathBuf,
        /// The `.qdc` file to write.
        out: PathBuf,
    },
    /// Search the articles: print each hit with its file, code point offsets and context.
    Search {
        /// A folder of articles or a project.
        path: PathBuf,
        pattern: String,
        /// Read PATTERN as a regular expression.
        #[arg(long)]
        regex: bool,
        /// Match upper and lower case alike.
        #[arg(long, short = 'i')]
        ignore_case: bool,
        /// Match whole words only.
        #[arg(long, short = 'w')]
        whole_word: bool,
        #[arg(long, value_enum, default_value_t = SearchFormat::Text)]
        format: SearchFormat,
    },
    /// Save a growing project over and over (for the crash test; not for daily use).
    #[command(hide = true)]
    StressSave { project: PathBuf },
    /// Print every figure the articles state, one record per figure.
    Figures {
        /// A folder of articles or a project.
        path: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Jsonl)]
        format: Format,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SearchFormat {
    Text,
    Jsonl,
    Csv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Csv,
    Jsonl,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let load = LoadOptions {
        max_file_bytes: cli.max_file_mb.saturating_mul(1024 * 1024),
        ..LoadOptions::default()
    };
    let result = match cli.command {
        None => run_window(cli.path, load.max_file_bytes),
        Some(Cmd::Info { path }) => crate::headless::info(&path, &load, &mut std::io::stdout()),
        Some(Cmd::ExportQdpx { project, out }) => {
            crate::headless::export_qdpx(&project, &out, &load, &mut std::io::stdout())
        }
        Some(Cmd::ExportQdc { project, out }) => {
            crate::headless::export_qdc(&project, &out, &mut std::io::stdout())
        }
        Some(Cmd::ExportPassages { project, format }) => {
            crate::headless::export_passages(&project, format, &mut std::io::stdout())
        }
        Some(Cmd::Search {
            path,
            pattern,
            regex,
            ignore_case,
            whole_word,
            format,
        }) => {
            let query = crate::analysis::Query {
                pattern,
                regex,
                case_sensitive: !ignore_case,
                whole_word,
            };
            crate::headless::search(&path, &query, format, &load, &mut std::io::stdout())
        }
        Some(Cmd::StressSave { project }) => crate::headless::stress_save(&project),
        Some(Cmd::Figures { path, format }) => {
            crate::headless::figures(&path, format, &load, &mut std::io::stdout())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dossier: {e:#}");
            ExitCode::FAILURE
        }
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

fn run_window(path: Option<PathBuf>, max_file_bytes: u64) -> Result<(), crate::headless::CliError> {
    let path = path.or_else(default_seeds);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Dossier")
            .with_app_id("dossier")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
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
                    ..Default::default()
                },
            )))
        }),
    )
    .map_err(|e| crate::headless::CliError::Window(e.to_string()))
}
