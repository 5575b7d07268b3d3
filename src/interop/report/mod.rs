//! The report for a colleague who does not have Dossier: one self-contained HTML file with the
//! codebook, each theme's passages (quotes, notes, articles), the accepted figures, the series
//! with their plots (inline SVG) and the theme × article matrix. No script, no external file,
//! nothing fetched: it opens the same anywhere, offline. Every piece of the analyst's text is
//! escaped ([`escape::text`]).

pub mod escape;
mod plot;
mod sections;

use std::fmt::Write;

use crate::corpus::Corpus;
use crate::project::{FigureStatus, Project};

pub use plot::series_svg;
pub use sections::article_title;

/// The page's own style sheet (inline: the file must stand alone).
const STYLE: &str = include_str!("../../../assets/report.css");

/// The name a report gives a project from its file stem: without the `.dossier` of
/// `name.dossier.json`.
pub fn project_name(stem: &str) -> &str {
    stem.strip_suffix(".dossier").unwrap_or(stem)
}

/// The report of `project` on `corpus` as one HTML document. `name` titles it (the project
/// file's stem); `generated` says when it was made.
pub fn html(project: &Project, corpus: &Corpus, name: &str, generated: &str) -> String {
    let accepted = project
        .figures
        .values()
        .filter(|f| f.status == FigureStatus::Accepted)
        .count();
    let mut out = String::with_capacity(64 * 1024);
    let title = escape::text(name);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"generator\" content=\"Dossier\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title} — Dossier report</title><style>{STYLE}</style></head><body><header><h1>{title}</h1><p class=\"summary\">{} theme(s), {} passage(s), {} article(s), {accepted} accepted figure(s), {} series. Made with Dossier on {}.</p>",
        project.themes.len(),
        project.passages.len(),
        corpus.len().max(project.articles.len()),
        project.series.len(),
        escape::text(generated),
    );
    out.push_str(
        r##"<nav><a href="#codebook">Codebook</a> · <a href="#passages">Passages</a> · <a href="#figures">Figures</a> · <a href="#series">Series</a> · <a href="#matrix">Themes × articles</a></nav></header><main>"##,
    );
    if !project.attributes.memo.is_empty() {
        let _ = write!(
            out,
            r#"<section id="memo"><h2>Project memo</h2><p class="memo">{}</p></section>"#,
            escape::text(&project.attributes.memo)
        );
    }
    let parts = [
        ("codebook", "Codebook", sections::codebook(project)),
        (
            "passages",
            "Passages by theme",
            sections::passages(project, corpus),
        ),
        (
            "figures",
            "Accepted figures",
            sections::figures(project, corpus),
        ),
        ("series", "Series", sections::series(project, corpus)),
        (
            "matrix",
            "Themes × articles",
            sections::matrix(project, corpus),
        ),
    ];
    for (id, heading, body) in parts {
        let _ = write!(
            out,
            r#"<section id="{id}"><h2>{heading}</h2>{body}</section>"#
        );
    }
    out.push_str("</main></body></html>\n");
    out
}
