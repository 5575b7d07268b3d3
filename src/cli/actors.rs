//! `dossier actors PATH`: every mention of an actor, as JSONL or CSV, with the analyst's
//! corrections applied when PATH is a project.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::actors::{Actor, Resolved};
use crate::corpus::LoadOptions;

use super::Format;
use super::load::{CliError, Loaded, load_any};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub load: super::load::LoadFlags,
    /// A folder of articles or a project.
    pub path: PathBuf,
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
}

pub fn run(args: &Args, options: &LoadOptions, out: &mut dyn Write) -> Result<(), CliError> {
    actors(&args.path, args.format, options, out)
}

/// An actor as the records show it: `{"id", "name", "kind", "country"}`.
#[derive(Serialize)]
pub(crate) struct ActorRecord<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'a str,
    country: Option<&'a str>,
}

impl<'a> From<&'a Actor> for ActorRecord<'a> {
    fn from(a: &'a Actor) -> Self {
        Self {
            id: a.id.as_str(),
            name: &a.name,
            kind: a.kind.as_str(),
            country: a.country.as_deref(),
        }
    }
}

#[derive(Serialize)]
struct MentionRecord<'a> {
    file: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    actor: ActorRecord<'a>,
}

#[derive(Serialize)]
struct MentionCsv<'a> {
    file: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    actor_id: &'a str,
    actor_name: &'a str,
    kind: &'a str,
    country: &'a str,
}

/// Load PATH and resolve its actors (with the project's corrections, if it is a project).
pub(crate) fn load_resolved(
    path: &Path,
    options: &LoadOptions,
) -> Result<
    (
        Loaded,
        std::collections::BTreeMap<crate::corpus::ArticleId, crate::actors::ArticleActors>,
        Resolved,
    ),
    CliError,
> {
    let loaded = load_any(path, options)?;
    if let Some(e) = &loaded.corpus_error {
        return Err(CliError::Usage(format!(
            "the project's articles could not be loaded: {e}"
        )));
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let extracted = crate::actors::extract_corpus(&loaded.corpus, threads, &|_| {});
    let book = loaded
        .project
        .as_ref()
        .map(|(_, o)| o.project.actors.clone())
        .unwrap_or_default();
    let resolved = crate::actors::resolve(&extracted, &book, &loaded.corpus);
    Ok((loaded, extracted, resolved))
}

/// `dossier actors PATH`: one record per mention.
pub fn actors(
    path: &Path,
    format: Format,
    options: &LoadOptions,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let (_, _, resolved) = load_resolved(path, options)?;
    let rows = resolved.mentions.iter().flat_map(|(file, list)| {
        list.iter().filter_map(|m| {
            let actor = resolved.actor(&m.actor)?;
            Some((file.as_str(), m, actor))
        })
    });
    match format {
        Format::Jsonl => {
            for (file, m, actor) in rows {
                let rec = MentionRecord {
                    file,
                    start: m.start,
                    end: m.end,
                    text: &m.text,
                    actor: actor.into(),
                };
                serde_json::to_writer(&mut *out, &rec).map_err(std::io::Error::other)?;
                writeln!(out)?;
            }
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            for (file, m, actor) in rows {
                w.serialize(MentionCsv {
                    file,
                    start: m.start,
                    end: m.end,
                    text: &m.text,
                    actor_id: actor.id.as_str(),
                    actor_name: &actor.name,
                    kind: actor.kind.as_str(),
                    country: actor.country.as_deref().unwrap_or(""),
                })?;
            }
            w.flush()?;
        }
    }
    Ok(())
}
