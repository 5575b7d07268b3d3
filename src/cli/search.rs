//! `dossier search PATH PATTERN`: every hit with its file, code point offsets and context,
//! written as it is found. Files are read and searched on every core, one at a time each, and
//! nothing is kept: no hash, no code point index (code points are counted between hits), and
//! the output of each file goes out in file order through the command's buffered writer.

use std::io::Write;
use std::path::PathBuf;

use clap::ValueEnum;
use regex::Regex;
use serde::Serialize;

use crate::analysis::search::{TextHit, context_bytes, hits_in_text};
use crate::corpus::scan::scan_folder;
use crate::corpus::{Article, LoadOptions};

use super::load::{CliError, corpus_folder, load_any};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SearchFormat {
    Text,
    Jsonl,
    Csv,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub load: super::load::LoadFlags,
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
    let regex = query
        .compile()
        .map_err(|e| CliError::Usage(e.to_string()))?;
    // One article file is searched alone ("dossier search report.pdf Mi-17"), as `load_any`
    // tells an article from a project: by its name.
    let article_file = args.path.is_file() && crate::corpus::load::is_text_name(&args.path).is_ok();
    let root = if article_file {
        args.path.clone()
    } else {
        corpus_folder(&args.path, options)?
    };
    search(&root, &regex, args.format, options, out)
}

/// Context on each side of a hit, in code points.
const CONTEXT: usize = 60;
/// Output of one file is sent on in pieces of about this size.
const PIECE: usize = 256 * 1024;

#[derive(Serialize)]
struct HitRow<'a> {
    file: &'a str,
    start: usize,
    end: usize,
    before: String,
    hit: String,
    after: String,
}

/// What one file gives: formatted lines, and its number of hits once it is done.
enum Piece {
    Lines(Vec<u8>),
    Hits(usize),
}

/// Search every article below `root` and write each hit (see the module docs).
pub fn search(
    root: &std::path::Path,
    regex: &Regex,
    format: SearchFormat,
    options: &LoadOptions,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    if format == SearchFormat::Csv {
        out.write_all(b"article,start,end,before,hit,after\n")?;
    }
    let (mut hits, mut articles) = (0usize, 0usize);
    let mut failed: Option<std::io::Error> = None;
    let mut handle = |piece: Piece| match piece {
        Piece::Lines(bytes) => {
            if failed.is_none()
                && let Err(e) = out.write_all(&bytes)
            {
                failed = Some(e);
            }
        }
        Piece::Hits(n) => {
            hits += n;
            articles += usize::from(n > 0);
        }
    };
    if root.is_file() {
        let loaded = load_any(root, options)?;
        for article in loaded.corpus.articles() {
            search_article(article, regex, format, |piece, _| handle(piece));
        }
    } else {
        scan_folder(
            root,
            options,
            |article, emit| {
                if let Ok(article) = article {
                    search_article(&article, regex, format, |piece, len| emit.emit(piece, len));
                }
            },
            handle,
        )?;
    }
    if let Some(e) = failed {
        return Err(e.into());
    }
    if format == SearchFormat::Text {
        writeln!(out, "{hits} hit(s) in {articles} article(s)")?;
    }
    Ok(())
}

/// Search one article and emit its formatted hits in pieces, then its count.
fn search_article(
    article: &Article,
    regex: &Regex,
    format: SearchFormat,
    mut emit: impl FnMut(Piece, usize),
) {
    let mut buf = Vec::new();
    let mut n = 0;
    for h in hits_in_text(&article.text, regex) {
        n += 1;
        if write_hit(&mut buf, article, &h, format).is_err() {
            break;
        }
        if buf.len() >= PIECE {
            let len = buf.len();
            emit(Piece::Lines(std::mem::take(&mut buf)), len);
        }
    }
    if !buf.is_empty() {
        let len = buf.len();
        emit(Piece::Lines(buf), len);
    }
    if n > 0 {
        emit(Piece::Hits(n), 0);
    }
}

fn write_hit(
    buf: &mut Vec<u8>,
    article: &Article,
    h: &TextHit,
    format: SearchFormat,
) -> Result<(), CliError> {
    let (before, hit, after) = context_bytes(&article.text, h.byte_start, h.byte_end, CONTEXT);
    let file = article.id.as_str();
    match format {
        SearchFormat::Text => {
            writeln!(buf, "{file}:{}-{}: {before}[{hit}]{after}", h.start, h.end)?
        }
        SearchFormat::Jsonl => {
            let row = HitRow {
                file,
                start: h.start,
                end: h.end,
                before,
                hit,
                after,
            };
            serde_json::to_writer(&mut *buf, &row).map_err(std::io::Error::other)?;
            buf.push(b'\n');
        }
        SearchFormat::Csv => {
            let mut w = csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(&mut *buf);
            w.write_record([
                file,
                &h.start.to_string(),
                &h.end.to_string(),
                &before,
                &hit,
                &after,
            ])?;
            w.flush()?;
        }
    }
    Ok(())
}
