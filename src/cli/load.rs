//! Loading a folder or a project for a headless command, and the error every command returns.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use crate::corpus::{Corpus, LoadError, LoadOptions, LoadReport, load_folder};
use crate::project::output::OutputError;
use crate::project::{ProjectError, io};

/// Why a command failed. Messages name the file.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error(transparent)]
    Project(#[from] ProjectError),
    #[error(transparent)]
    Output(#[from] OutputError),
    #[error("cannot write the output: {0}")]
    Io(#[from] std::io::Error),
    #[error("cannot write CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("cannot open the window: {0}")]
    Window(String),
    #[error(
        "the project's corpus folder is outside the project's folder: {folder}. Pass \
         --allow-outside-corpus to read it — {project}"
    )]
    OutsideCorpus { project: PathBuf, folder: PathBuf },
    #[error("no such folder or file: {0}")]
    Missing(PathBuf),
    #[error("{0}")]
    Usage(String),
}

/// `path`, or [`CliError::Missing`] when nothing is there (a mistyped folder is not a broken
/// project).
pub fn existing(path: &Path) -> Result<&Path, CliError> {
    if path.exists() {
        Ok(path)
    } else {
        Err(CliError::Missing(path.to_owned()))
    }
}

impl CliError {
    /// Did the command stop because whoever reads its output went away (`| head`)? That is
    /// not a failure worth a message.
    pub fn is_broken_pipe(&self) -> bool {
        let io = match self {
            Self::Io(e) => Some(e),
            Self::Csv(e) => match e.kind() {
                csv::ErrorKind::Io(e) => Some(e),
                _ => None,
            },
            _ => None,
        };
        io.is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

/// How to load articles: given to the window and to the commands that read articles (not to
/// those that only read a project file).
#[derive(clap::Args, Debug, Clone, Copy)]
pub struct LoadFlags {
    /// Skip article files larger than this many megabytes (MiB) when loading a folder.
    #[arg(long, value_name = "MB", default_value_t = 20)]
    pub max_file_mb: u64,
    /// Read a project's corpus even when its folder lies outside the project's folder (the
    /// command names the folder and stops without this).
    #[arg(long)]
    pub allow_outside_corpus: bool,
}

impl LoadFlags {
    pub fn options(self) -> LoadOptions {
        LoadOptions {
            max_file_bytes: self.max_file_mb.saturating_mul(1024 * 1024),
            allow_outside_corpus: self.allow_outside_corpus,
            ..LoadOptions::default()
        }
    }
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

/// The corpus folder of a project at `path`, refused when it lies outside the project's folder
/// unless `options.allow_outside_corpus` (see [`io::corpus_location`]).
pub fn project_corpus(
    path: &Path,
    project: &crate::project::Project,
    options: &LoadOptions,
) -> Result<Option<PathBuf>, CliError> {
    let Some(folder) = &project.corpus_folder else {
        return Ok(None);
    };
    let location = io::corpus_location(path, folder);
    if location.outside && !options.allow_outside_corpus {
        let folder = std::fs::canonicalize(&location.path).unwrap_or(location.path);
        return Err(CliError::OutsideCorpus {
            project: path.to_owned(),
            folder,
        });
    }
    Ok(Some(location.path))
}

/// The folder to read for `path`: the folder itself, or a project's corpus folder.
pub fn corpus_folder(path: &Path, options: &LoadOptions) -> Result<PathBuf, CliError> {
    if existing(path)?.is_dir() {
        return Ok(path.to_owned());
    }
    let opened = io::open(path)?;
    project_corpus(path, &opened.project, options)?.ok_or_else(|| {
        CliError::Usage(format!(
            "the project names no corpus folder — {}",
            path.display()
        ))
    })
}

/// Load a folder of articles, or a project file and its corpus.
pub fn load_any(path: &Path, options: &LoadOptions) -> Result<Loaded, CliError> {
    let cancel = AtomicBool::new(false);
    if existing(path)?.is_dir() {
        let (corpus, report) = load_folder(path, options, &mut |_| {}, &cancel)?;
        return Ok(Loaded {
            corpus,
            report,
            project: None,
            corpus_error: None,
        });
    }
    if crate::corpus::load::is_text_name(path).is_ok() {
        return load_one_article(path, options);
    }
    let opened = io::open(path)?;
    let mut loaded = Loaded {
        corpus: Corpus::default(),
        report: LoadReport::default(),
        project: None,
        corpus_error: None,
    };
    if let Some(folder) = project_corpus(path, &opened.project, options)? {
        match load_folder(&folder, options, &mut |_| {}, &cancel) {
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

/// One article file given where a folder or a project was expected (`dossier figures
/// report.pdf`): a corpus of that one file, in its folder.
fn load_one_article(path: &Path, options: &LoadOptions) -> Result<Loaded, CliError> {
    let root = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    // "a.txt" has the empty parent: read it as "./a.txt", inside the folder ".".
    let path = &root.join(path.file_name().unwrap_or(path.as_os_str()));
    let article = crate::corpus::load::read_article(&root, path, options)
        .map_err(|skipped| CliError::Usage(format!("{}: {}", path.display(), skipped.reason)))?;
    Ok(Loaded {
        corpus: Corpus::new(root, vec![article]),
        report: LoadReport::default(),
        project: None,
        corpus_error: None,
    })
}
