//! The parts of the report, each a piece of HTML: the codebook, the passages under each theme,
//! the curated figures, the series (with their plots) and the theme × article matrix.

use std::fmt::Write;

use super::escape::text;
use super::plot::series_svg;
use crate::analysis::matrix::{Matrix, Measure, theme_article};
use crate::corpus::{ArticleId, Corpus};
use crate::figures::curation::sentence_around;
use crate::figures::series::{Point, format_value, points, unit_label};
use crate::project::attributes::value_of;
use crate::project::{CuratedFigure, FigureStatus, Passage, Project, Theme};

/// An article's title: the analyst's, the detected one, or the file name when the article
/// is not in the corpus.
pub fn article_title(project: &Project, corpus: &Corpus, id: &ArticleId) -> String {
    corpus.get(id).map_or_else(
        || id.file_name().to_owned(),
        |a| value_of(&project.attributes, a, "title").map_or_else(|| a.title.clone(), |v| v.text),
    )
}

fn swatch(theme: &Theme) -> String {
    format!(
        r#"<span class="swatch" style="background:{}"></span>"#,
        theme.color.to_hex()
    )
}

/// The codebook: themes in codebook order, indented under their parents, with colour,
/// description, and how many passages and articles use each.
pub fn codebook(project: &Project) -> String {
    let usage = project.theme_usage();
    let articles = project.theme_article_counts();
    let mut out = String::from(
        r#"<table class="codebook"><thead><tr><th scope="col">Theme</th><th scope="col">Description</th><th scope="col">Passages</th><th scope="col">Articles</th></tr></thead><tbody>"#,
    );
    for (depth, t) in project.theme_tree() {
        let _ = write!(
            out,
            r##"<tr class="theme-row" data-theme="{id}"><td style="padding-left:{pad}em">{swatch}<a href="#theme-{id}">{name}</a></td><td>{desc}</td><td class="num passages">{p}</td><td class="num articles">{a}</td></tr>"##,
            id = t.id.0,
            pad = 0.4 + 1.2 * depth as f64,
            swatch = swatch(t),
            name = text(&t.name),
            desc = text(&t.description),
            p = usage.get(&t.id).copied().unwrap_or(0),
            a = articles.get(&t.id).copied().unwrap_or(0),
        );
    }
    out.push_str("</tbody></table>");
    out
}

/// Each theme's passages, in reading order (by article, then place), with their quotes,
/// notes, other themes and articles.
pub fn passages(project: &Project, corpus: &Corpus) -> String {
    let mut out = String::new();
    for (_, t) in project.theme_tree() {
        let mut list: Vec<&Passage> = project
            .passages
            .values()
            .filter(|p| p.has_theme(t.id))
            .collect();
        list.sort_by(|a, b| {
            (&a.article, a.start, a.end, a.id).cmp(&(&b.article, b.start, b.end, b.id))
        });
        let _ = write!(
            out,
            r#"<section class="theme" id="theme-{id}" data-theme="{id}"><h3>{swatch}{name} <small>({n} passage(s))</small></h3>"#,
            id = t.id.0,
            swatch = swatch(t),
            name = text(&t.name),
            n = list.len()
        );
        if !t.description.is_empty() {
            let _ = write!(
                out,
                r#"<p class="description">{}</p>"#,
                text(&t.description)
            );
        }
        if list.is_empty() {
            out.push_str(r#"<p class="empty">No passages.</p>"#);
        } else {
            out.push_str(r#"<ol class="passages">"#);
            for p in list {
                passage(&mut out, project, corpus, p, t);
            }
            out.push_str("</ol>");
        }
        out.push_str("</section>");
    }
    out
}

fn passage(out: &mut String, project: &Project, corpus: &Corpus, p: &Passage, under: &Theme) {
    let _ = write!(
        out,
        r#"<li class="passage" data-passage="{}"><blockquote class="quote">{}</blockquote>"#,
        p.id.0,
        text(&p.quote)
    );
    if !p.note.is_empty() {
        let _ = write!(out, r#"<p class="note">{}</p>"#, text(&p.note));
    }
    let others: Vec<String> = p
        .themes
        .iter()
        .filter(|id| **id != under.id)
        .filter_map(|id| project.theme(*id))
        .map(|t| format!("{}{}", swatch(t), text(&t.name)))
        .collect();
    if !others.is_empty() {
        let _ = write!(out, r#"<p class="also">Also: {}</p>"#, others.join(", "));
    }
    let _ = write!(
        out,
        r#"<p class="source"><span class="title">{}</span> <span class="where">{} · characters {}–{}</span></p></li>"#,
        text(&article_title(project, corpus, &p.article)),
        text(p.article.as_str()),
        p.start,
        p.end
    );
}

/// The sentence a curated figure stands in (its quote when the article is not loaded).
fn figure_sentence(corpus: &Corpus, f: &CuratedFigure) -> String {
    corpus
        .get(&f.article)
        .and_then(|a| {
            let (s, e) = sentence_around(&a.text, &a.index, f.start, f.end)?;
            a.slice(s, e).map(str::to_owned)
        })
        .unwrap_or_else(|| f.quote.clone())
}

/// The accepted figures: value, unit, year, kind, label, article and source sentence.
pub fn figures(project: &Project, corpus: &Corpus) -> String {
    let mut accepted: Vec<&CuratedFigure> = project
        .figures
        .values()
        .filter(|f| f.status == FigureStatus::Accepted)
        .collect();
    if accepted.is_empty() {
        return r#"<p class="empty">No accepted figures.</p>"#.to_owned();
    }
    accepted.sort_by(|a, b| (&a.article, a.start, a.id).cmp(&(&b.article, b.start, b.id)));
    let mut out = String::from(
        r#"<table class="figures"><thead><tr><th scope="col">Value</th><th scope="col">Unit</th><th scope="col">Year</th><th scope="col">Kind</th><th scope="col">Label</th><th scope="col">Article</th><th scope="col">Sentence</th></tr></thead><tbody>"#,
    );
    for f in accepted {
        let _ = write!(
            out,
            r#"<tr class="figure" data-figure="{}"><td class="num">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class="sentence">{}</td></tr>"#,
            f.id.0,
            text(&format_value(f.value)),
            text(&unit_label(&f.unit)),
            text(&f.year.to_string()),
            f.kind.as_str(),
            text(&f.label),
            text(&article_title(project, corpus, &f.article)),
            text(&figure_sentence(corpus, f)),
        );
    }
    out.push_str("</tbody></table>");
    out
}

/// Each series: its note, its plot, and a table of its points.
pub fn series(project: &Project, corpus: &Corpus) -> String {
    if project.series.is_empty() {
        return r#"<p class="empty">No series.</p>"#.to_owned();
    }
    let mut out = String::new();
    for s in &project.series {
        let pts = points(project, corpus, s);
        let _ = write!(
            out,
            r#"<section class="series" id="series-{id}" data-series="{id}"><h3><span class="swatch" style="background:{c}"></span>{name} <small>({unit}, {n} point(s))</small></h3>"#,
            id = s.id.0,
            c = s.color.to_hex(),
            name = text(&s.name),
            unit = text(&unit_label(&s.unit)),
            n = pts.len()
        );
        if !s.note.is_empty() {
            let _ = write!(out, r#"<p class="note">{}</p>"#, text(&s.note));
        }
        out.push_str(r#"<figure class="plot">"#);
        out.push_str(&series_svg(s, &pts));
        out.push_str("</figure>");
        point_table(&mut out, project, corpus, &s.unit, &pts);
        out.push_str("</section>");
    }
    out
}

fn point_table(out: &mut String, project: &Project, corpus: &Corpus, unit: &str, pts: &[Point]) {
    out.push_str(
        r#"<table class="points"><thead><tr><th scope="col">Year</th><th scope="col">Value</th><th scope="col">Unit</th><th scope="col">Kind</th><th scope="col">Label</th><th scope="col">Article</th><th scope="col">Sentence</th></tr></thead><tbody>"#,
    );
    for p in pts {
        let _ = write!(
            out,
            r#"<tr class="point-row" data-figure="{}"><td>{}</td><td class="num">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class="sentence">{}</td></tr>"#,
            p.figure.0,
            text(&p.year.to_string()),
            text(&format_value(p.value)),
            text(&unit_label(unit)),
            p.kind.as_str(),
            text(&p.label),
            text(&article_title(project, corpus, &p.article)),
            text(&p.sentence),
        );
    }
    out.push_str("</tbody></table>");
}

/// The theme × article matrix (passages per theme and article), with totals. Articles
/// without passages are left out of the columns (the caption says how many).
pub fn matrix(project: &Project, corpus: &Corpus) -> String {
    let m: Matrix = theme_article(project, corpus, Measure::Passages);
    let columns: Vec<usize> = (0..m.articles.len())
        .filter(|a| m.column_total(*a) > 0)
        .collect();
    let left_out = m.articles.len() - columns.len();
    let mut out = String::from(r#"<div class="scroll"><table class="matrix">"#);
    let _ = write!(
        out,
        r#"<caption>Passages per theme and article{}.</caption><thead><tr><th scope="col">Theme</th>"#,
        match left_out {
            0 => String::new(),
            n => format!("; {n} article(s) without passages are not shown"),
        }
    );
    for a in &columns {
        let id = &m.articles[*a];
        let _ = write!(
            out,
            r#"<th scope="col" class="article" data-article="{}" title="{}">{}</th>"#,
            text(id.as_str()),
            text(id.as_str()),
            text(&article_title(project, corpus, id))
        );
    }
    out.push_str(r#"<th scope="col">Total</th></tr></thead><tbody>"#);
    for (r, theme) in m.themes.iter().enumerate() {
        let Some(t) = project.theme(*theme) else {
            continue;
        };
        let _ = write!(
            out,
            r#"<tr data-theme="{}"><th scope="row">{}{}</th>"#,
            t.id.0,
            swatch(t),
            text(&t.name)
        );
        for a in &columns {
            let n = m.cells[r][*a];
            let _ = write!(
                out,
                r#"<td class="num cell{}" data-article="{}">{n}</td>"#,
                if n == 0 { " zero" } else { "" },
                text(m.articles[*a].as_str())
            );
        }
        let _ = write!(out, r#"<td class="num total">{}</td></tr>"#, m.row_total(r));
    }
    out.push_str(r#"</tbody><tfoot><tr><th scope="row">Total</th>"#);
    for a in &columns {
        let _ = write!(out, r#"<td class="num total">{}</td>"#, m.column_total(*a));
    }
    out.push_str("<td></td></tr></tfoot></table></div>");
    out
}
