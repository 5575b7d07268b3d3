//! `dossier figures PATH`: every figure the articles state, as JSONL or CSV.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::corpus::LoadOptions;

use super::Format;
use super::load::{CliError, load_any};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// A folder of articles or a project.
    pub path: PathBuf,
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
}

pub fn run(args: &Args, options: &LoadOptions, out: &mut dyn Write) -> Result<(), CliError> {
    figures(&args.path, args.format, options, out)
}

#[derive(Serialize)]
struct FigureRow<'a> {
    file: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    value: f64,
    unit: &'a str,
    year: crate::figures::Year,
    qualifier: Option<&'a str>,
    sentence: &'a str,
}

/// `dossier figures PATH`: every figure, with the keys the scorer reads.
pub fn figures(
    path: &Path,
    format: Format,
    options: &LoadOptions,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let loaded = load_any(path, options)?;
    if let Some(e) = &loaded.corpus_error {
        return Err(CliError::Usage(format!(
            "the project's articles could not be loaded: {e}"
        )));
    }
    let found: Vec<(&crate::corpus::Article, crate::figures::Figure)> = loaded
        .corpus
        .articles()
        .iter()
        .flat_map(|a| {
            crate::figures::extract_article(a)
                .into_iter()
                .map(move |f| (a, f))
        })
        .collect();
    let rows = found.iter().map(|(article, f)| FigureRow {
        file: article.id.as_str(),
        start: f.start,
        end: f.end,
        text: &f.text,
        value: f.value,
        unit: &f.unit,
        year: f.year,
        qualifier: f.qualifier.as_deref(),
        sentence: article.slice(f.sentence.0, f.sentence.1).unwrap_or(""),
    });
    match format {
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            for row in rows {
                w.serialize(CsvFigure::from(&row))?;
            }
            w.flush()?;
        }
        Format::Jsonl => {
            for row in rows {
                serde_json::to_writer(&mut *out, &row).map_err(std::io::Error::other)?;
                writeln!(out)?;
            }
        }
    }
    Ok(())
}

/// A figure row for CSV, where the year is text ("2004–2009").
#[derive(Serialize)]
struct CsvFigure<'a> {
    file: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    value: f64,
    unit: &'a str,
    year: String,
    qualifier: &'a str,
    sentence: &'a str,
}

impl<'a> From<&FigureRow<'a>> for CsvFigure<'a> {
    fn from(r: &FigureRow<'a>) -> Self {
        Self {
            file: r.file,
            start: r.start,
            end: r.end,
            text: r.text,
            value: r.value,
            unit: r.unit,
            year: r.year.to_string(),
            qualifier: r.qualifier.unwrap_or(""),
            sentence: r.sentence,
        }
    }
}
