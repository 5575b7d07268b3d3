//! Loading a folder or a project for a headless command, and the error every command returns.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use crate::corpus::{Corpus, LoadError, LoadOptions, LoadReport, load_folder};
use crate::project::{ProjectError, io};

/// Why a command failed. Messages name the file.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error(transparent)]
    Project(#[from] ProjectError),
    #[error("cannot write the output: {0}")]
    Io(#[from] std::io::Error),
    #[error("cannot write CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("cannot open the window: {0}")]
    Window(String),
    #[error("{0}")]
    Usage(String),
}

/// A folder or a project, loaded for a headless command.
pub struct Loaded {
    pub corpus: Corpus,
    pub report: LoadReport,
    /// The project and its path, when a project file was given.
    pub project: Option<(PathBuf, crate::project::Opened)>,
    /// Why the project's corpus could not be loaded, if it could not.
    pub corpus_error: Option<String>,
}

/// Load a folder of articles, or a project file and its corpus.
pub fn load_any(path: &Path, options: &LoadOptions) -> Result<Loaded, CliError> {
    let cancel = AtomicBool::new(false);
    if path.is_dir() {
        let (corpus, report) = load_folder(path, options, &mut |_| {}, &cancel)?;
        return Ok(Loaded {
            corpus,
            report,
            project: None,
            corpus_error: None,
        });
    }
    let opened = io::open(path)?;
    let mut loaded = Loaded {
        corpus: Corpus::default(),
        report: LoadReport::default(),
        project: None,
        corpus_error: None,
    };
    if let Some(folder) = &opened.project.corpus_folder {
        let location = io::corpus_location(path, folder);
        match load_folder(&location.path, options, &mut |_| {}, &cancel) {
            Ok((corpus, report)) => {
                loaded.corpus = corpus;
                loaded.report = report;
            }
            Err(e) => loaded.corpus_error = Some(e.to_string()),
        }
    }
    loaded.project = Some((path.to_owned(), opened));
    Ok(loaded)
}
