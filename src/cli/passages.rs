//! `dossier export-passages PROJECT`: one row per passage and theme.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::project::io;

use super::Format;
use super::load::CliError;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// A saved project file.
    pub project: PathBuf,
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    pub format: Format,
}

pub fn run(args: &Args, out: &mut dyn Write) -> Result<(), CliError> {
    export_passages(&args.project, args.format, out)
}

#[derive(Serialize)]
struct PassageRow<'a> {
    article: &'a str,
    start: usize,
    end: usize,
    theme: &'a str,
    quote: &'a str,
    note: &'a str,
}

/// `dossier export-passages PROJECT --format csv|jsonl`: one row per passage and theme.
pub fn export_passages(path: &Path, format: Format, out: &mut dyn Write) -> Result<(), CliError> {
    let opened = io::open(path)?;
    let project = &opened.project;
    let mut rows = Vec::new();
    for p in project.passages.values() {
        for t in &p.themes {
            let theme = project.theme(*t).map_or("", |t| t.name.as_str());
            rows.push(PassageRow {
                article: p.article.as_str(),
                start: p.start,
                end: p.end,
                theme,
                quote: &p.quote,
                note: &p.note,
            });
        }
    }
    match format {
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            for row in &rows {
                w.serialize(row)?;
            }
            if rows.is_empty() {
                w.write_record(["article", "start", "end", "theme", "quote", "note"])?;
            }
            w.flush()?;
        }
        Format::Jsonl => {
            for row in &rows {
                serde_json::to_writer(&mut *out, row).map_err(std::io::Error::other)?;
                writeln!(out)?;
            }
        }
    }
    Ok(())
}
