//! `dossier relations PATH`: the sentences that tie two actors, as JSONL, or the network as
//! GEXF 1.3 (Gephi) or GraphML.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use serde::Serialize;

use crate::actors::network::{Network, NetworkFilter};
use crate::actors::relations::{Relation, relations};
use crate::corpus::LoadOptions;
use crate::figures::Year;

use super::actors::{ActorRecord, load_resolved};
use super::load::CliError;

/// Output formats of `relations`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    Jsonl,
    Gexf,
    Graphml,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub load: super::load::LoadFlags,
    /// A folder of articles or a project.
    pub path: PathBuf,
    #[arg(long, value_enum, default_value_t = GraphFormat::Jsonl)]
    pub format: GraphFormat,
}

pub fn run(args: &Args, options: &LoadOptions, out: &mut dyn Write) -> Result<(), CliError> {
    relations_cmd(&args.path, args.format, options, out)
}

#[derive(Serialize)]
struct FigureRecord<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    value: f64,
    unit: &'a str,
    year: Year,
}

#[derive(Serialize)]
struct RelationRecord<'a> {
    file: &'a str,
    start: usize,
    end: usize,
    a: ActorRecord<'a>,
    b: ActorRecord<'a>,
    #[serde(rename = "type")]
    kind: &'a str,
    directed: bool,
    themes: Vec<&'a str>,
    figures: Vec<FigureRecord<'a>>,
}

/// `dossier relations PATH`.
pub fn relations_cmd(
    path: &Path,
    format: GraphFormat,
    options: &LoadOptions,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let (loaded, extracted, resolved) = load_resolved(path, options)?;
    let project = loaded.project.as_ref().map(|(_, o)| &o.project);
    let figures = loaded
        .corpus
        .articles()
        .iter()
        .map(|a| (a.id.clone(), crate::figures::extract_article(a)))
        .collect();
    let rels = relations(&loaded.corpus, &extracted, &resolved, project, &figures);
    match format {
        GraphFormat::Jsonl => write_jsonl(&rels, &resolved, project, out),
        GraphFormat::Gexf | GraphFormat::Graphml => {
            let net = Network::build(&resolved, &rels, &NetworkFilter::default());
            let themes = project.map(|p| p.themes.as_slice()).unwrap_or_default();
            let xml = if format == GraphFormat::Gexf {
                crate::interop::graph::gexf(&net, themes)
            } else {
                crate::interop::graph_graphml::graphml(&net, themes)
            };
            out.write_all(xml.as_bytes())?;
            Ok(())
        }
    }
}

fn write_jsonl(
    rels: &[Relation],
    resolved: &crate::actors::Resolved,
    project: Option<&crate::project::Project>,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    for r in rels {
        let (Some(a), Some(b)) = (resolved.actor(&r.a), resolved.actor(&r.b)) else {
            continue;
        };
        let themes = r
            .themes
            .iter()
            .filter_map(|t| project.and_then(|p| p.theme(*t)).map(|t| t.name.as_str()))
            .collect();
        let rec = RelationRecord {
            file: r.article.as_str(),
            start: r.start,
            end: r.end,
            a: a.into(),
            b: b.into(),
            kind: &r.kind,
            directed: r.directed,
            themes,
            figures: r
                .figures
                .iter()
                .map(|f| FigureRecord {
                    start: f.start,
                    end: f.end,
                    text: &f.text,
                    value: f.value,
                    unit: &f.unit,
                    year: f.year,
                })
                .collect(),
        };
        serde_json::to_writer(&mut *out, &rec).map_err(std::io::Error::other)?;
        writeln!(out)?;
    }
    Ok(())
}
