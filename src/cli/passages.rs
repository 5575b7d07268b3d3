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
    /// Empty, or why the passage needs attention (as `info` lists it).
    problem: String,
}

/// What is wrong with a passage that can be seen without its article: reversed or empty
/// offsets, offsets that do not span the quote, offsets past the article's end when last saved,
/// no theme.
fn problem(project: &crate::project::Project, p: &crate::project::Passage) -> String {
    let quote_chars = p.quote.chars().count();
    let saved_len =
        crate::project::format::record_for(&project.articles, &p.article).map(|r| r.chars);
    if p.start >= p.end {
        format!(
            "impossible offsets: the end ({}) is not after the start ({})",
            p.end, p.start
        )
    } else if p.end - p.start != quote_chars {
        format!(
            "impossible offsets: they span {} characters, the quote has {quote_chars}",
            p.end - p.start
        )
    } else if let Some(len) = saved_len.filter(|&len| p.end > len) {
        format!("impossible offsets: past the end of the article ({len} characters)")
    } else if p.themes.is_empty() {
        "it has no theme".to_owned()
    } else {
        String::new()
    }
}

/// `dossier export-passages PROJECT --format csv|jsonl`: one row per passage and theme (one
/// with no theme for a passage that has none), each marked when it needs attention.
pub fn export_passages(path: &Path, format: Format, out: &mut dyn Write) -> Result<(), CliError> {
    let opened = io::open(super::load::existing(path)?)?;
    let project = &opened.project;
    let mut rows = Vec::new();
    for p in project.passages.values() {
        let problem = problem(project, p);
        let themes: Vec<&str> = if p.themes.is_empty() {
            vec![""]
        } else {
            p.themes
                .iter()
                .map(|t| project.theme(*t).map_or("", |t| t.name.as_str()))
                .collect()
        };
        for theme in themes {
            rows.push(PassageRow {
                article: p.article.as_str(),
                start: p.start,
                end: p.end,
                theme,
                quote: &p.quote,
                note: &p.note,
                problem: problem.clone(),
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
                w.write_record([
                    "article", "start", "end", "theme", "quote", "note", "problem",
                ])?;
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
