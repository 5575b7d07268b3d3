//! `dossier search PATH PATTERN`: every hit with its file, code point offsets and context.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use serde::Serialize;

use crate::corpus::LoadOptions;

use super::load::{CliError, load_any};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SearchFormat {
    Text,
    Jsonl,
    Csv,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// A folder of articles or a project.
    pub path: PathBuf,
    /// The text (or, with --regex, the regular expression) to look for.
    pub pattern: String,
    /// Read PATTERN as a regular expression.
    #[arg(long)]
    pub regex: bool,
    /// Match upper and lower case alike.
    #[arg(long, short = 'i')]
    pub ignore_case: bool,
    /// Match whole words only.
    #[arg(long, short = 'w')]
    pub whole_word: bool,
    #[arg(long, value_enum, default_value_t = SearchFormat::Text)]
    pub format: SearchFormat,
}

pub fn run(args: &Args, options: &LoadOptions, out: &mut dyn Write) -> Result<(), CliError> {
    let query = crate::analysis::Query {
        pattern: args.pattern.clone(),
        regex: args.regex,
        case_sensitive: !args.ignore_case,
        whole_word: args.whole_word,
    };
    search(&args.path, &query, args.format, options, out)
}

#[derive(Serialize)]
struct HitRow<'a> {
    file: &'a str,
    start: usize,
    end: usize,
    before: String,
    hit: String,
    after: String,
}

/// `dossier search PATH PATTERN`: every hit with its file, code point offsets and context.
pub fn search(
    path: &Path,
    query: &crate::analysis::Query,
    format: SearchFormat,
    options: &LoadOptions,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    use crate::analysis::search::{Scope, context, search};
    let regex = query
        .compile()
        .map_err(|e| CliError::Usage(e.to_string()))?;
    let loaded = load_any(path, options)?;
    let result = search(&loaded.corpus, &regex, &Scope::Corpus, usize::MAX);
    match format {
        SearchFormat::Csv => crate::analysis::export::hits_csv(&loaded.corpus, &result, out)?,
        SearchFormat::Text | SearchFormat::Jsonl => {
            for h in &result.hits {
                let Some(a) = loaded.corpus.get(&h.article) else {
                    continue;
                };
                let (before, hit, after) = context(a, h.start, h.end, 60);
                if format == SearchFormat::Text {
                    writeln!(
                        out,
                        "{}:{}-{}: {before}[{hit}]{after}",
                        h.article, h.start, h.end
                    )?;
                } else {
                    let row = HitRow {
                        file: h.article.as_str(),
                        start: h.start,
                        end: h.end,
                        before,
                        hit,
                        after,
                    };
                    serde_json::to_writer(&mut *out, &row).map_err(std::io::Error::other)?;
                    writeln!(out)?;
                }
            }
            if format == SearchFormat::Text {
                writeln!(
                    out,
                    "{} hit(s) in {} article(s)",
                    result.hits.len(),
                    result.per_article.len()
                )?;
            }
        }
    }
    Ok(())
}
