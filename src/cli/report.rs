//! `dossier report PROJECT -o OUT.html`: the project as one self-contained HTML report (see
//! [`crate::interop::report`]), for a colleague who does not have Dossier.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::corpus::LoadOptions;
use crate::project::Timestamp;
use crate::project::io;
use crate::project::output::{OutputPolicy, check_output, write_output};

use super::load::{CliError, load_any};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub load: super::load::LoadFlags,
    /// A saved project file (its articles give the titles and the figures' sentences).
    pub project: PathBuf,
    /// The HTML file to write. Never a project or a file of the corpus.
    #[arg(short, long, value_name = "OUT.html")]
    pub out: PathBuf,
    /// Replace OUT if it exists (it still may not be a project or a file of the corpus).
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: &Args, options: &LoadOptions, out: &mut dyn Write) -> Result<(), CliError> {
    let path = args.project.as_path();
    if path.is_dir() {
        return Err(CliError::Usage(format!(
            "{} is a folder; report takes a project file",
            path.display()
        )));
    }
    let loaded = load_any(path, options)?;
    if let Some(e) = &loaded.corpus_error {
        return Err(CliError::Usage(format!(
            "the project's articles could not be loaded: {e} — {}",
            path.display()
        )));
    }
    let Some((_, opened)) = loaded.project else {
        return Err(CliError::Usage(format!(
            "not a project file — {}",
            path.display()
        )));
    };
    let corpus_root = opened
        .project
        .corpus_folder
        .as_ref()
        .map(|f| io::corpus_location(path, f).path);
    let policy = OutputPolicy {
        replace: args.force,
        open_project: Some(path),
        corpus_root: corpus_root.as_deref(),
    };
    // Refuse before the work; writing checks again.
    check_output(&args.out, &policy)?;
    let html = crate::interop::report::html(
        &opened.project,
        &loaded.corpus,
        &name_of(path),
        &Timestamp::now().to_string(),
    );
    write_output(&args.out, html.as_bytes(), &policy)?;
    let p = &opened.project;
    writeln!(
        out,
        "wrote {}: {} themes, {} passages, {} series",
        args.out.display(),
        p.themes.len(),
        p.passages.len(),
        p.series.len()
    )?;
    Ok(())
}

/// The project's name in the report: its file name without `.json` (and `.dossier`).
fn name_of(path: &Path) -> String {
    let stem = path.file_stem().map_or_else(
        || "Dossier project".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    );
    crate::interop::report::project_name(&stem).to_owned()
}
