//! `dossier export-qdpx` and `export-qdc`: the project or its codebook as REFI-QDA.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::corpus::LoadOptions;
use crate::project::io;
use crate::project::output::{OutputPolicy, check_output, write_output};

use super::load::{CliError, load_any};

#[derive(clap::Args, Debug)]
pub struct QdpxArgs {
    #[command(flatten)]
    pub load: super::load::LoadFlags,
    /// A saved project file.
    pub project: PathBuf,
    /// The `.qdpx` file to write. Never a project or a file of the corpus.
    pub out: PathBuf,
    /// Replace OUT if it exists (it still may not be a project or a file of the corpus).
    #[arg(long)]
    pub force: bool,
}

#[derive(clap::Args, Debug)]
pub struct QdcArgs {
    /// A saved project file.
    pub project: PathBuf,
    /// The `.qdc` file to write. Never a project or a file of the corpus.
    pub out: PathBuf,
    /// Replace OUT if it exists (it still may not be a project or a file of the corpus).
    #[arg(long)]
    pub force: bool,
}

pub fn run_qdpx(
    args: &QdpxArgs,
    options: &LoadOptions,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    export_qdpx(&args.project, &args.out, args.force, options, out)
}

pub fn run_qdc(args: &QdcArgs, out: &mut dyn Write) -> Result<(), CliError> {
    export_qdc(&args.project, &args.out, args.force, out)
}

/// Write an export's output under the rule for every writer: never the project read, another
/// project or a file of its corpus; an existing file only with `--force`. With no bytes, only
/// check (before the work of making them).
fn write_out(
    project: &Path,
    opened: &crate::project::Opened,
    out_path: &Path,
    force: bool,
    bytes: Option<&[u8]>,
) -> Result<(), CliError> {
    let corpus = opened
        .project
        .corpus_folder
        .as_ref()
        .map(|f| io::corpus_location(project, f).path);
    let policy = OutputPolicy {
        replace: force,
        open_project: Some(project),
        corpus_root: corpus.as_deref(),
    };
    match bytes {
        None => check_output(out_path, &policy)?,
        Some(bytes) => write_output(out_path, bytes, &policy)?,
    }
    Ok(())
}

/// `dossier export-qdpx PROJECT OUT`: the project as REFI-QDA, after re-attaching passages
/// whose articles changed (in the export only; the project file is not touched).
pub fn export_qdpx(
    path: &Path,
    out_path: &Path,
    force: bool,
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
    // Refuse before the work, and again when writing (the check is repeated there).
    write_out(path, &opened, out_path, force, None)?;
    let mut project = opened.project.clone();
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
    write_out(path, &opened, out_path, force, Some(&bytes))?;
    writeln!(
        out,
        "wrote {}: {} sources, {} passages, {} codings",
        out_path.display(),
        report.sources,
        report.selections,
        report.codings
    )?;
    for why in &report.renamed {
        writeln!(out, "renamed: {why}")?;
    }
    for why in &report.merged {
        writeln!(out, "merged: {why}")?;
    }
    for why in &report.skipped {
        writeln!(out, "left out: {why}")?;
    }
    Ok(())
}

/// `dossier export-qdc PROJECT OUT`: the codebook as REFI-QDA.
pub fn export_qdc(
    path: &Path,
    out_path: &Path,
    force: bool,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let opened = io::open(super::load::existing(path)?)?;
    let Some(xml) = crate::interop::refi::qdc(&opened.project) else {
        return Err(CliError::Usage(format!(
            "{} has no themes; there is no codebook to export",
            path.display()
        )));
    };
    write_out(path, &opened, out_path, force, Some(xml.as_bytes()))?;
    writeln!(
        out,
        "wrote {}: {} codes",
        out_path.display(),
        opened.project.themes.len()
    )?;
    for why in crate::interop::refi::code_names(&opened.project).1 {
        writeln!(out, "renamed: {why}")?;
    }
    Ok(())
}
