//! CSV exports of the analysis views, for spreadsheets: UTF-8, a header row, quoted as needed.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use super::agreement::{Agreement, Coefficients};
use super::matrix::{Matrix, Meeting, retrieve};
use super::search::{SearchResult, context};
use crate::corpus::{ArticleId, Corpus};
use crate::project::{Project, ThemeId};

fn theme_name(project: &Project, id: ThemeId) -> String {
    project
        .theme(id)
        .map_or_else(|| format!("theme {}", id.0), |t| t.name.clone())
}

/// One row per theme, one column per article, plus a total column.
pub fn matrix_csv<W: Write>(project: &Project, m: &Matrix, out: W) -> Result<(), csv::Error> {
    let mut w = csv::Writer::from_writer(out);
    let mut header = vec!["theme".to_owned()];
    header.extend(m.articles.iter().map(|a| a.to_string()));
    header.push("total".into());
    w.write_record(&header)?;
    for (r, t) in m.themes.iter().enumerate() {
        let mut row = vec![theme_name(project, *t)];
        row.extend(m.cells[r].iter().map(usize::to_string));
        row.push(m.row_total(r).to_string());
        w.write_record(&row)?;
    }
    w.flush()?;
    Ok(())
}

/// One row per pair of themes that meet: theme, theme, count.
pub fn cooccurrence_csv<W: Write>(
    project: &Project,
    pairs: &BTreeMap<(ThemeId, ThemeId), Vec<Meeting>>,
    out: W,
) -> Result<(), csv::Error> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(["theme_a", "theme_b", "count"])?;
    for ((a, b), meetings) in pairs {
        w.write_record([
            theme_name(project, *a),
            theme_name(project, *b),
            meetings.len().to_string(),
        ])?;
    }
    w.flush()?;
    Ok(())
}

/// One row per theme and article with passages: theme, article, count.
pub fn frequencies_csv<W: Write>(
    project: &Project,
    freq: &[(ThemeId, BTreeMap<ArticleId, usize>)],
    out: W,
) -> Result<(), csv::Error> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(["theme", "article", "passages"])?;
    for (t, per) in freq {
        for (a, n) in per {
            w.write_record([theme_name(project, *t), a.to_string(), n.to_string()])?;
        }
    }
    w.flush()?;
    Ok(())
}

/// The retrieved passages with their context: article, start, end, themes, before, quote,
/// after, note.
pub fn retrieval_csv<W: Write>(
    project: &Project,
    corpus: &Corpus,
    themes: &BTreeSet<ThemeId>,
    all: bool,
    out: W,
) -> Result<(), csv::Error> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "article", "start", "end", "themes", "before", "quote", "after", "note",
    ])?;
    for p in retrieve(project, themes, all) {
        let names: Vec<String> = p.themes.iter().map(|t| theme_name(project, *t)).collect();
        let (before, after) = match corpus.get(&p.article) {
            Some(a) => {
                let (l, _, r) = context(a, p.start, p.end, 120);
                (l, r)
            }
            None => (p.prefix.clone(), p.suffix.clone()),
        };
        w.write_record([
            p.article.to_string(),
            p.start.to_string(),
            p.end.to_string(),
            names.join("; "),
            before,
            p.quote.clone(),
            after,
            p.note.clone(),
        ])?;
    }
    w.flush()?;
    Ok(())
}

/// Search hits: article, start, end, before, hit, after.
pub fn hits_csv<W: Write>(
    corpus: &Corpus,
    result: &SearchResult,
    out: W,
) -> Result<(), csv::Error> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(["article", "start", "end", "before", "hit", "after"])?;
    for h in &result.hits {
        let Some(a) = corpus.get(&h.article) else {
            continue;
        };
        let (l, m, r) = context(a, h.start, h.end, 60);
        w.write_record([
            h.article.to_string(),
            h.start.to_string(),
            h.end.to_string(),
            l,
            m,
            r,
        ])?;
    }
    w.flush()?;
    Ok(())
}

fn number(x: Option<f64>) -> String {
    x.map_or_else(String::new, |v| format!("{v}"))
}

fn agreement_row(id: &str, name: &str, c: &Coefficients) -> Vec<String> {
    let mut r = vec![id.to_owned(), name.to_owned(), c.units.to_string()];
    r.extend(c.coded.iter().map(u64::to_string));
    r.extend(
        [c.percent, c.cohen_kappa, c.fleiss_kappa, c.alpha, c.alpha_u]
            .into_iter()
            .map(number),
    );
    r.push(c.grade.map_or("", |g| g.label()).to_owned());
    r
}

/// The agreement table (`dossier agreement --format csv`, the Agreement tab's export): one row
/// per theme and a last row `overall`; an undefined coefficient is an empty cell.
pub fn agreement_csv<W: Write>(table: &Agreement, out: W) -> Result<(), csv::Error> {
    let mut w = csv::Writer::from_writer(out);
    let mut header: Vec<String> = ["theme_id", "theme", "units"].map(String::from).to_vec();
    header.extend(table.coders.iter().map(|c| format!("coded_by_{}", c.name)));
    header.extend(
        [
            "percent",
            "cohen_kappa",
            "fleiss_kappa",
            "alpha",
            "alpha_u",
            "grade",
        ]
        .map(String::from),
    );
    w.write_record(&header)?;
    for t in &table.themes {
        w.write_record(agreement_row(
            &t.theme.0.to_string(),
            &t.name,
            &t.coefficients,
        ))?;
    }
    w.write_record(agreement_row("", "overall", &table.overall))?;
    w.flush()?;
    Ok(())
}
