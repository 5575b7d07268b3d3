//! `dossier info PATH`: what a folder or project holds.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::corpus::LoadOptions;
use crate::project::attributes::value_of;
use crate::project::check_passages;

use super::load::{CliError, load_any};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub load: super::load::LoadFlags,
    /// A folder of articles or a project file.
    pub path: PathBuf,
    /// `text` (a summary) or `jsonl` (one JSON object per article with its attributes:
    /// title, date, outlet, place, country, author, language, format, converter).
    #[arg(long, value_enum, default_value_t = InfoFormat::Text)]
    pub format: InfoFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum InfoFormat {
    Text,
    Jsonl,
}

pub fn run(args: &Args, options: &LoadOptions, out: &mut dyn Write) -> Result<(), CliError> {
    match args.format {
        InfoFormat::Text => info(&args.path, options, out),
        InfoFormat::Jsonl => jsonl(&args.path, options, out),
    }
}

/// The attributes `--format jsonl` prints, in order.
const JSONL_KEYS: [&str; 9] = [
    "title",
    "date",
    "outlet",
    "place",
    "country",
    "author",
    "language",
    "format",
    "converter",
];

/// `dossier info PATH --format jsonl`: one line per article with its attributes (the
/// analyst's corrections when PATH is a project). Skipped files go to standard error.
pub fn jsonl(path: &Path, options: &LoadOptions, out: &mut dyn Write) -> Result<(), CliError> {
    let loaded = load_any(path, options)?;
    if let Some(e) = &loaded.corpus_error {
        return Err(CliError::Usage(format!(
            "the project's articles could not be loaded: {e}"
        )));
    }
    let attributes = loaded
        .project
        .as_ref()
        .map(|(_, o)| o.project.attributes.clone())
        .unwrap_or_default();
    for a in loaded.corpus.articles() {
        let mut line = serde_json::Map::new();
        line.insert("article".into(), a.id.as_str().into());
        for key in JSONL_KEYS {
            let value = value_of(&attributes, a, key).map(|v| v.text);
            line.insert(
                key.into(),
                value.map_or(serde_json::Value::Null, Into::into),
            );
        }
        for def in &attributes.definitions {
            let value = value_of(&attributes, a, &def.name).map(|v| v.text);
            line.insert(
                def.name.clone(),
                value.map_or(serde_json::Value::Null, Into::into),
            );
        }
        writeln!(out, "{}", serde_json::Value::Object(line))?;
    }
    let mut err = std::io::stderr();
    for s in &loaded.report.skipped {
        writeln!(err, "skipped {}: {}", s.path.display(), s.reason)?;
    }
    Ok(())
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
            match &a.converter {
                Some(c) => c.to_string(),
                None => a.encoding.to_string(),
            },
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
