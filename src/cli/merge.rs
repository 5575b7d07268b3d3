//! `dossier merge A B -o MERGED`: another analyst's project merged into this one, with a JSON
//! report of what was matched, added and left out. B is only read.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::corpus::LoadOptions;
use crate::project::coders::name_from_file_stem;
use crate::project::{Timestamp, io, merge};

use super::load::{CliError, load_any};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub load: super::load::LoadFlags,
    /// This project (its corpus is the one both projects code).
    pub ours: PathBuf,
    /// The other analyst's project; it is never written.
    pub theirs: PathBuf,
    /// Where to write the merged project (may be OURS itself; a backup is kept).
    #[arg(short, long)]
    pub out: PathBuf,
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

pub fn run(args: &Args, load: &LoadOptions, out: &mut dyn Write) -> Result<(), CliError> {
    if same_file(&args.out, &args.theirs) {
        return Err(CliError::Usage(format!(
            "merging never writes the other analyst's project; choose another output than {}",
            args.theirs.display()
        )));
    }
    let loaded = load_any(&args.ours, load)?;
    let Some((_, opened)) = loaded.project else {
        return Err(CliError::Usage(format!(
            "{} is a folder; merge takes project files",
            args.ours.display()
        )));
    };
    if let Some(e) = &loaded.corpus_error {
        return Err(CliError::Usage(format!(
            "the project's articles could not be loaded: {e} — {}",
            args.ours.display()
        )));
    }
    let theirs = io::open(super::load::existing(&args.theirs)?)?.project;
    // Written back over our own file only if no one else wrote it since it was read.
    let stamp = opened.stamp.filter(|_| same_file(&args.out, &args.ours));
    let mut project = opened.project;
    let our_name = name_from_file_stem(&args.ours);
    let their_name = name_from_file_stem(&args.theirs).unwrap_or_else(|| "other".into());
    let plan = merge::plan(&project, &loaded.corpus, &theirs);
    let (edit, report) = merge::merge(
        &project,
        our_name.as_deref(),
        &loaded.corpus,
        &theirs,
        &their_name,
        &plan,
        &Timestamp::now(),
    );
    project
        .apply(edit)
        .map_err(|e| CliError::Usage(format!("cannot merge {}: {e}", args.theirs.display())))?;
    if !same_file(&args.out, &args.ours) {
        io::set_corpus_folder(&mut project, &args.out, &loaded.corpus.root);
    }
    io::save_checked(&project, &args.out, stamp.as_ref())?;
    let value = serde_json::json!({
        "merged": args.out.display().to_string(),
        "themes": plan.themes,
        "report": report,
    });
    serde_json::to_writer_pretty(&mut *out, &value).map_err(std::io::Error::other)?;
    writeln!(out)?;
    Ok(())
}
