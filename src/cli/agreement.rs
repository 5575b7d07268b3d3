//! `dossier agreement PROJECT`: inter-coder agreement per theme and overall, as JSON or CSV.

use std::io::Write;
use std::path::PathBuf;

use crate::analysis::agreement::{self, Options};
use crate::analysis::agreement_disagreements::disagreements;
use crate::corpus::LoadOptions;
use crate::project::{CoderId, Project, ThemeId};

use super::load::{CliError, load_any};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum TableFormat {
    Json,
    Csv,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub load: super::load::LoadFlags,
    /// A saved project file with passages of two or more coders.
    pub project: PathBuf,
    /// The coders to compare, by name or id, comma separated (default: every coder with
    /// passages).
    #[arg(long, value_delimiter = ',')]
    pub coders: Vec<String>,
    /// The themes to compare, by name or id, comma separated (default: every theme used).
    #[arg(long, value_delimiter = ',')]
    pub themes: Vec<String>,
    /// The articles to compare, by path (default: those every compared coder has passages in).
    #[arg(long, value_delimiter = ',')]
    pub articles: Vec<String>,
    #[arg(long, value_enum, default_value_t = TableFormat::Json)]
    pub format: TableFormat,
    /// With two coders and JSON: also list the passages where they disagree, side by side.
    #[arg(long)]
    pub disagreements: bool,
}

fn coder_id(project: &Project, key: &str) -> Result<CoderId, CliError> {
    if let Some(c) = project.coder_by_name(key) {
        return Ok(c.id);
    }
    key.trim()
        .parse::<u32>()
        .ok()
        .map(CoderId)
        .filter(|id| project.coder(*id).is_some())
        .ok_or_else(|| {
            let names: Vec<String> = project.coder_list().into_iter().map(|c| c.name).collect();
            CliError::Usage(format!(
                "no coder “{key}” in the project (its coders: {})",
                names.join(", ")
            ))
        })
}

fn theme_id(project: &Project, key: &str) -> Result<ThemeId, CliError> {
    let folded = key.trim().to_lowercase();
    if let Some(t) = project
        .themes
        .iter()
        .find(|t| t.name.trim().to_lowercase() == folded)
    {
        return Ok(t.id);
    }
    key.trim()
        .parse::<u32>()
        .ok()
        .map(ThemeId)
        .filter(|id| project.theme(*id).is_some())
        .ok_or_else(|| CliError::Usage(format!("no theme “{key}” in the codebook")))
}

pub fn run(args: &Args, load: &LoadOptions, out: &mut dyn Write) -> Result<(), CliError> {
    let loaded = load_any(&args.project, load)?;
    let Some((_, opened)) = loaded.project else {
        return Err(CliError::Usage(format!(
            "{} is a folder; agreement takes a project file",
            args.project.display()
        )));
    };
    let project = opened.project;
    let corpus = loaded.corpus_error.is_none().then_some(&loaded.corpus);
    let lengths = agreement::article_lengths(&project, corpus);
    let options = Options {
        coders: args
            .coders
            .iter()
            .map(|c| coder_id(&project, c))
            .collect::<Result<_, _>>()?,
        themes: (!args.themes.is_empty())
            .then(|| args.themes.iter().map(|t| theme_id(&project, t)).collect())
            .transpose()?,
        articles: (!args.articles.is_empty()).then(|| {
            args.articles
                .iter()
                .map(|a| crate::corpus::ArticleId(a.trim().to_owned()))
                .collect()
        }),
    };
    let table = agreement::agreement(&project, &lengths, &options)
        .map_err(|e| CliError::Usage(format!("{e} — {}", args.project.display())))?;
    match args.format {
        TableFormat::Json => {
            let mut value = serde_json::to_value(&table).map_err(std::io::Error::other)?;
            if args.disagreements && table.coders.len() == 2 {
                let list = disagreements(
                    &project,
                    table.coders[0].id,
                    table.coders[1].id,
                    &table.articles,
                    options.themes.as_deref(),
                );
                value["disagreements"] =
                    serde_json::to_value(list).map_err(std::io::Error::other)?;
            }
            serde_json::to_writer_pretty(&mut *out, &value).map_err(std::io::Error::other)?;
            writeln!(out)?;
        }
        TableFormat::Csv => crate::analysis::export::agreement_csv(&table, out)?,
    }
    Ok(())
}
