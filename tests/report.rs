//! The HTML report (issue 15): the report of the sample project is parsed as HTML and each
//! part is checked against the project (themes, passages with quotes and notes under their
//! theme, the figures, one plotted point per series point, the theme × article matrix);
//! hostile text stays text; the `report` command writes it under the rules of every export.

use crate::common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use dom_query::Document;
use dossier::analysis::matrix::{Measure, theme_article};
use dossier::corpus::Corpus;
use dossier::figures::series::{points, unit_label};
use dossier::interop::report;
use dossier::project::{FigureStatus, PassageId, Project, ThemeId};

fn sample_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample.dossier.json")
}

fn sample() -> (Project, Corpus) {
    let project = dossier::project::io::open(&sample_path())
        .expect("the sample project opens")
        .project;
    (project, common::load_seeds())
}

fn render(project: &Project, corpus: &Corpus) -> Document {
    Document::from(report::html(project, corpus, "sample", "2026-12-03T12:00:00Z").as_str())
}

fn text_of(doc: &Document, selector: &str) -> String {
    doc.select(selector).text().to_string()
}

#[test]
fn the_codebook_lists_every_theme_with_its_counts() {
    let (project, corpus) = sample();
    assert!(project.themes.len() >= 5, "the sample has a codebook");
    let doc = render(&project, &corpus);
    assert_eq!(
        doc.select("table.codebook tr.theme-row").length(),
        project.themes.len()
    );
    for t in &project.themes {
        let row = format!("table.codebook tr.theme-row[data-theme=\"{}\"]", t.id.0);
        assert!(text_of(&doc, &row).contains(&t.name), "{}", t.name);
        let passages = project
            .passages
            .values()
            .filter(|p| p.themes.contains(&t.id));
        let (n, articles) =
            passages.fold((0, std::collections::BTreeSet::new()), |(n, mut a), p| {
                a.insert(p.article.clone());
                (n + 1, a)
            });
        assert_eq!(text_of(&doc, &format!("{row} td.passages")), n.to_string());
        assert_eq!(
            text_of(&doc, &format!("{row} td.articles")),
            articles.len().to_string()
        );
        let swatch = doc
            .select(&format!("{row} .swatch"))
            .attr("style")
            .map(|s| s.to_string());
        assert_eq!(swatch, Some(format!("background:{}", t.color.to_hex())));
    }
}

#[test]
fn each_passage_is_under_each_of_its_themes_with_quote_note_and_article() {
    let (project, corpus) = sample();
    let doc = render(&project, &corpus);
    let mut notes = 0;
    for t in &project.themes {
        let section = format!("section.theme[data-theme=\"{}\"]", t.id.0);
        assert!(text_of(&doc, &format!("{section} h3")).contains(&t.name));
        let expected: Vec<PassageId> = project
            .passages
            .values()
            .filter(|p| p.themes.contains(&t.id))
            .map(|p| p.id)
            .collect();
        assert_eq!(
            doc.select(&format!("{section} li.passage")).length(),
            expected.len(),
            "{}",
            t.name
        );
        for id in expected {
            let p = &project.passages[&id];
            let item = format!("{section} li.passage[data-passage=\"{}\"]", id.0);
            assert_eq!(text_of(&doc, &format!("{item} blockquote.quote")), p.quote);
            let note = text_of(&doc, &format!("{item} p.note"));
            assert_eq!(note, p.note, "passage {}", id.0);
            notes += usize::from(!p.note.is_empty());
            let title = &corpus.get(&p.article).expect("the article loads").title;
            assert_eq!(&text_of(&doc, &format!("{item} p.source .title")), title);
        }
    }
    assert!(notes > 0, "the sample has passages with notes");
}

#[test]
fn figures_and_series_have_their_tables_and_one_plotted_point_per_point() {
    let (project, corpus) = sample();
    let doc = render(&project, &corpus);
    let accepted = project
        .figures
        .values()
        .filter(|f| f.status == FigureStatus::Accepted)
        .count();
    assert!(accepted > 0 && !project.series.is_empty());
    assert_eq!(doc.select("table.figures tr.figure").length(), accepted);
    for s in &project.series {
        let section = format!("section.series[data-series=\"{}\"]", s.id.0);
        let pts = points(&project, &corpus, s);
        assert_eq!(pts.len(), s.figures.len());
        assert_eq!(
            doc.select(&format!("{section} svg circle.point")).length(),
            pts.len()
        );
        assert_eq!(
            doc.select(&format!("{section} tr.point-row")).length(),
            pts.len()
        );
        for p in &pts {
            let f = &project.figures[&p.figure];
            let row = text_of(
                &doc,
                &format!("{section} tr.point-row[data-figure=\"{}\"]", f.id.0),
            );
            assert!(row.contains(&f.year.to_string()), "{row}");
            assert!(row.contains(&unit_label(&s.unit)), "{row}");
            assert!(row.contains(f.kind.as_str()), "{row}");
            assert!(row.contains(&p.sentence), "{row}");
            assert!(
                p.sentence.contains(&f.quote),
                "the sentence holds the figure"
            );
        }
        // Two points of distinct years lie at distinct places.
        let xs: std::collections::BTreeSet<String> = doc
            .select(&format!("{section} svg circle.point"))
            .iter()
            .filter_map(|c| c.attr("cx").map(|x| x.to_string()))
            .collect();
        let years: std::collections::BTreeSet<_> = pts.iter().map(|p| p.year).collect();
        assert_eq!(xs.len(), years.len());
    }
}

#[test]
fn the_matrix_counts_the_passages_of_each_theme_in_each_article() {
    let (project, corpus) = sample();
    let doc = render(&project, &corpus);
    // Counted here from the passages, and by the session's matrix.
    let mut counts: BTreeMap<(ThemeId, String), usize> = BTreeMap::new();
    for p in project.passages.values() {
        for t in &p.themes {
            *counts
                .entry((*t, p.article.as_str().to_owned()))
                .or_default() += 1;
        }
    }
    let m = theme_article(&project, &corpus, Measure::Passages);
    let mut cells = 0;
    for (r, t) in m.themes.iter().enumerate() {
        for (c, a) in m.articles.iter().enumerate() {
            let want = counts
                .get(&(*t, a.as_str().to_owned()))
                .copied()
                .unwrap_or(0);
            assert_eq!(m.cells[r][c], want);
            let cell = doc.select(&format!(
                "table.matrix tr[data-theme=\"{}\"] td[data-article=\"{}\"]",
                t.0,
                a.as_str()
            ));
            if m.column_total(c) == 0 {
                assert_eq!(cell.length(), 0, "articles without passages are left out");
            } else {
                assert_eq!(cell.text().to_string(), want.to_string());
                cells += 1;
            }
        }
    }
    assert!(cells > 0);
}

#[test]
fn the_report_stands_alone() {
    let (project, corpus) = sample();
    let html = report::html(&project, &corpus, "sample", "now");
    let doc = Document::from(html.as_str());
    assert_eq!(doc.select("script").length(), 0);
    assert_eq!(doc.select("link").length(), 0);
    assert_eq!(doc.select("[src]").length(), 0);
    assert_eq!(doc.select("head style").length(), 1);
    let links: Vec<String> = doc
        .select("[href]")
        .iter()
        .filter_map(|a| a.attr("href").map(|h| h.to_string()))
        .collect();
    assert!(!links.is_empty());
    for href in links {
        let id = href
            .strip_prefix('#')
            .expect("links stay inside the report");
        assert_eq!(doc.select(&format!("[id=\"{id}\"]")).length(), 1, "{href}");
    }
}

#[test]
fn hostile_text_stays_text() {
    let (mut project, corpus) = sample();
    let quote = r#"FSKN <script>alert("x & y")</script> instructors"#;
    let note = r#"</blockquote><img src=x onerror="alert(1)"> & 'more'"#;
    let name = r#"Training <b>&amp; "drills"</b>"#;
    let first = *project.passages.keys().next().expect("a passage");
    let p = project.passages.get_mut(&first).expect("the passage");
    p.quote = quote.to_owned();
    p.note = note.to_owned();
    let theme = p.themes[0];
    project.theme_mut(theme).expect("its theme").name = name.to_owned();
    project.series[0].name = "<svg onload=alert(1)>".to_owned();
    let html = report::html(&project, &corpus, "<title>x</title>", "now");
    let doc = Document::from(html.as_str());
    assert_eq!(doc.select("script").length(), 0);
    assert_eq!(doc.select("img").length(), 0);
    assert_eq!(doc.select("b").length(), 0);
    assert_eq!(doc.select("svg").length(), project.series.len());
    let item = format!(
        "section.theme[data-theme=\"{}\"] li.passage[data-passage=\"{}\"]",
        theme.0, first.0
    );
    assert_eq!(text_of(&doc, &format!("{item} blockquote.quote")), quote);
    assert_eq!(text_of(&doc, &format!("{item} p.note")), note);
    assert!(
        text_of(
            &doc,
            &format!("section.theme[data-theme=\"{}\"] h3", theme.0)
        )
        .contains(name)
    );
    assert_eq!(
        text_of(&doc, "head title"),
        "<title>x</title> — Dossier report"
    );
}

fn dossier(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .output()
        .expect("the binary runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_report_command_writes_once_and_replaces_only_with_force() {
    let dir = common::tempdir();
    std::fs::create_dir(dir.path().join("seeds")).expect("mkdir");
    common::copy_seeds(&dir.path().join("seeds"));
    let project = dir.path().join("sample.dossier.json");
    std::fs::copy(sample_path(), &project).expect("copy");
    let before = std::fs::read(&project).expect("read");
    let out = dir.path().join("report.html");
    let (p, o) = (project.display().to_string(), out.display().to_string());

    let (ok, stdout, err) = dossier(&["report", &p, "-o", &o]);
    assert!(ok, "{err}");
    assert!(stdout.contains("wrote"), "{stdout}");
    let doc = Document::from(std::fs::read_to_string(&out).expect("written").as_str());
    assert_eq!(text_of(&doc, "h1"), "sample");
    assert!(doc.select("section.theme").length() > 0);

    // An existing file needs --force.
    std::fs::write(&out, "older").expect("write");
    let (ok, _, err) = dossier(&["report", &p, "-o", &o]);
    assert!(!ok);
    assert!(err.contains("exists") || err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&out).expect("read"), "older");
    let (ok, _, err) = dossier(&["report", &p, "-o", &o, "--force"]);
    assert!(ok, "{err}");
    assert!(
        std::fs::read_to_string(&out)
            .expect("read")
            .starts_with("<!DOCTYPE html>")
    );

    // Never the project, never an article, even with --force.
    let (ok, _, _) = dossier(&["report", &p, "-o", &p, "--force"]);
    assert!(!ok);
    assert_eq!(std::fs::read(&project).expect("read"), before);
    let article = dir.path().join("seeds").join("000_8ac47412c0faaaf5.txt");
    let text = std::fs::read(&article).expect("read");
    let (ok, _, _) = dossier(&[
        "report",
        &p,
        "-o",
        &article.display().to_string(),
        "--force",
    ]);
    assert!(!ok);
    assert_eq!(std::fs::read(&article).expect("read"), text);
}
