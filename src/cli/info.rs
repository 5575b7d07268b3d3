//! `dossier info PATH`: what a folder or project holds.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::corpus::LoadOptions;
use crate::project::check_passages;

use super::load::{CliError, load_any};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// A folder of articles or a project file.
    pub path: PathBuf,
}

pub fn run(args: &Args, options: &LoadOptions, out: &mut dyn Write) -> Result<(), CliError> {
    info(&args.path, options, out)
}

/// `dossier info PATH`.
pub fn info(path: &Path, options: &LoadOptions, out: &mut dyn Write) -> Result<(), CliError> {
    let loaded = load_any(path, options)?;
    if let Some((p, _)) = &loaded.project {
        writeln!(out, "project: {}", p.display())?;
    }
    writeln!(out, "corpus folder: {}", loaded.corpus.root.display())?;
    if let Some(e) = &loaded.corpus_error {
        writeln!(out, "corpus not loaded: {e}")?;
    }
    writeln!(out, "articles: {}", loaded.corpus.len())?;
    for a in loaded.corpus.articles() {
        writeln!(
            out,
            "  {}\t{} chars\t{}\t{}",
            a.id,
            a.char_len(),
            a.encoding,
            a.title
        )?;
    }
    writeln!(out, "skipped files: {}", loaded.report.skipped.len())?;
    for s in &loaded.report.skipped {
        writeln!(out, "  {}\t{}", s.path.display(), s.reason)?;
    }
    match &loaded.project {
        None => {
            writeln!(out, "themes: none (a folder has no project yet)")?;
            writeln!(out, "passages: 0")?;
        }
        Some((_, opened)) => {
            let project = &opened.project;
            let usage = project.theme_usage();
            writeln!(out, "themes: {}", project.themes.len())?;
            for (depth, t) in project.theme_tree() {
                writeln!(
                    out,
                    "  {}{}\t{}\t{} passage(s)",
                    "  ".repeat(depth),
                    t.name,
                    t.color.to_hex(),
                    usage.get(&t.id).copied().unwrap_or(0)
                )?;
            }
            writeln!(out, "passages: {}", project.passages.len())?;
            let problems = check_passages(project, &loaded.corpus);
            if !problems.is_empty() {
                writeln!(out, "passages needing attention: {}", problems.len())?;
                for (id, problem) in &problems {
                    writeln!(out, "  {id}: {problem}")?;
                }
            }
            for w in &opened.warnings {
                writeln!(out, "warning: {w}")?;
            }
        }
    }
    Ok(())
}
