//! `dossier import-qdpx` and `import-qdc`: REFI-QDA projects and codebooks from other tools.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::interop::refi_import::{self, ImportReport};
use crate::interop::refi_import_codebook::{self as codebook, OnClash};
use crate::project::{Timestamp, io};

use super::load::CliError;

#[derive(clap::Args, Debug)]
pub struct QdpxArgs {
    /// The `.qdpx` file (from NVivo, ATLAS.ti, MAXQDA, QualCoder or Dossier).
    pub input: PathBuf,
    /// The new project file to write (it must not exist yet).
    pub out: PathBuf,
    /// Where to write the sources as `.txt` files (default: `NAME-sources/` beside the
    /// project; it must be new or empty).
    #[arg(long)]
    pub sources: Option<PathBuf>,
}

#[derive(clap::Args, Debug)]
pub struct QdcArgs {
    /// The `.qdc` codebook.
    pub input: PathBuf,
    /// The project to add its codes to (saved in place, keeping a backup).
    pub project: PathBuf,
    /// What to do with a code whose name is already a theme.
    #[arg(long, value_enum, default_value_t = OnClash::Rename)]
    pub on_clash: OnClash,
}

/// Read a whole input file, refusing folders and files over `limit` bytes.
fn read_input(path: &Path, limit: u64) -> Result<Vec<u8>, CliError> {
    let meta = std::fs::metadata(path)
        .map_err(|e| CliError::Usage(format!("cannot read {}: {e}", path.display())))?;
    if !meta.is_file() {
        return Err(CliError::Usage(format!("{} is not a file", path.display())));
    }
    if meta.len() > limit {
        return Err(CliError::Usage(format!(
            "{} is larger than {limit} bytes",
            path.display()
        )));
    }
    std::fs::read(path).map_err(|e| CliError::Usage(format!("cannot read {}: {e}", path.display())))
}

fn print_report(report: &ImportReport, out: &mut dyn Write) -> Result<(), CliError> {
    for p in &report.schema_problems {
        writeln!(out, "schema: {p}")?;
    }
    for n in &report.notes {
        writeln!(out, "note: {n}")?;
    }
    for s in &report.skipped {
        writeln!(out, "skipped: {s}")?;
    }
    Ok(())
}

pub fn run_qdpx(args: &QdpxArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let bytes = read_input(&args.input, refi_import::MAX_SOURCE_BYTES)?;
    let folder = args.input.parent().map(Path::to_owned);
    let named =
        |e: refi_import::ImportError| CliError::Usage(format!("{e} — {}", args.input.display()));
    let imported = refi_import::import_qdpx(bytes, folder, &Timestamp::now()).map_err(named)?;
    let sources = args
        .sources
        .clone()
        .unwrap_or_else(|| refi_import::default_sources_folder(&args.out));
    refi_import::write_imported(&imported, &args.out, &sources)
        .map_err(|e| CliError::Usage(e.to_string()))?;
    let r = &imported.report;
    writeln!(
        out,
        "wrote {}: {} sources (in {}), {} passages from {} selections, {} themes, {} coder(s); from {}",
        args.out.display(),
        r.sources,
        sources.display(),
        r.passages,
        r.selections,
        r.themes,
        r.coders,
        if r.origin.is_empty() {
            "an unnamed tool"
        } else {
            &r.origin
        }
    )?;
    print_report(r, out)
}

pub fn run_qdc(args: &QdcArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let bytes = read_input(&args.input, refi_import::MAX_XML_BYTES)?;
    let text = String::from_utf8(bytes)
        .map_err(|_| CliError::Usage(format!("{} is not UTF-8 text", args.input.display())))?;
    let named =
        |e: refi_import::ImportError| CliError::Usage(format!("{e} — {}", args.input.display()));
    let book = codebook::parse_qdc(&text).map_err(named)?;
    let opened = io::open(&args.project)?;
    let stamp = opened.stamp;
    let mut project = opened.project;
    let merge = codebook::merge_codebook(&project, &book.codes, args.on_clash).map_err(named)?;
    for p in &book.problems {
        writeln!(out, "schema: {p}")?;
    }
    for s in &book.skipped {
        writeln!(out, "skipped: {s}")?;
    }
    for (name, what) in &merge.clashes {
        writeln!(out, "clash: “{name}” {what}")?;
    }
    let Some(edit) = merge.edit else {
        writeln!(
            out,
            "nothing new: every code is already a theme of {}",
            args.project.display()
        )?;
        return Ok(());
    };
    project
        .apply(edit)
        .map_err(|e| CliError::Usage(format!("cannot add the themes: {e}")))?;
    // Another program that wrote the project meanwhile is not overwritten.
    io::save_checked(&project, &args.project, stamp.as_ref())?;
    writeln!(
        out,
        "added {} theme(s) to {}",
        merge.added,
        args.project.display()
    )?;
    Ok(())
}
