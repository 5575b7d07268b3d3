//! `dossier export-qdpx` and `export-qdc`: the project or its codebook as REFI-QDA.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::corpus::LoadOptions;
use crate::project::io;

use super::load::{CliError, load_any};

#[derive(clap::Args, Debug)]
pub struct QdpxArgs {
    /// A saved project file.
    pub project: PathBuf,
    /// The `.qdpx` file to write.
    pub out: PathBuf,
}

#[derive(clap::Args, Debug)]
pub struct QdcArgs {
    /// A saved project file.
    pub project: PathBuf,
    /// The `.qdc` file to write.
    pub out: PathBuf,
}

pub fn run_qdpx(
    args: &QdpxArgs,
    options: &LoadOptions,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    export_qdpx(&args.project, &args.out, options, out)
}

pub fn run_qdc(args: &QdcArgs, out: &mut dyn Write) -> Result<(), CliError> {
    export_qdc(&args.project, &args.out, out)
}

/// `dossier export-qdpx PROJECT OUT`: the project as REFI-QDA, after re-attaching passages
/// whose articles changed (in the export only; the project file is not touched).
pub fn export_qdpx(
    path: &Path,
    out_path: &Path,
    options: &LoadOptions,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    if path.is_dir() {
        return Err(CliError::Usage(format!(
            "{} is a folder; export-qdpx takes a project file",
            path.display()
        )));
    }
    let loaded = load_any(path, options)?;
    if let Some(e) = &loaded.corpus_error {
        return Err(CliError::Usage(format!(
            "the project's articles could not be loaded: {e}"
        )));
    }
    let Some((_, opened)) = loaded.project else {
        return Err(CliError::Usage("not a project file".into()));
    };
    let mut project = opened.project;
    let found = crate::project::reanchor::reanchor(&project, &loaded.corpus, None);
    if let Some(edit) = crate::project::reanchor::edit(&project, &loaded.corpus, &found) {
        project
            .apply(edit)
            .map_err(|e| CliError::Usage(format!("cannot re-attach the passages: {e}")))?;
    }
    let name = path.file_stem().map_or_else(
        || "Dossier project".into(),
        |s| s.to_string_lossy().into_owned(),
    );
    let (bytes, report) = crate::interop::refi::qdpx(
        &project,
        &loaded.corpus,
        &name,
        &crate::interop::refi::user_name(),
    )
    .map_err(|e| CliError::Usage(e.to_string()))?;
    io::write_atomic(out_path, &bytes)?;
    writeln!(
        out,
        "wrote {}: {} sources, {} passages, {} codings",
        out_path.display(),
        report.sources,
        report.selections,
        report.codings
    )?;
    for why in &report.skipped {
        writeln!(out, "left out: {why}")?;
    }
    Ok(())
}

/// `dossier export-qdc PROJECT OUT`: the codebook as REFI-QDA.
pub fn export_qdc(path: &Path, out_path: &Path, out: &mut dyn Write) -> Result<(), CliError> {
    let opened = io::open(path)?;
    let Some(xml) = crate::interop::refi::qdc(&opened.project) else {
        return Err(CliError::Usage(format!(
            "{} has no themes; there is no codebook to export",
            path.display()
        )));
    };
    io::write_atomic(out_path, xml.as_bytes())?;
    writeln!(
        out,
        "wrote {}: {} codes",
        out_path.display(),
        opened.project.themes.len()
    )?;
    Ok(())
}
