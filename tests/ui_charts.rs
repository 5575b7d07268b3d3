//! The analysis charts can be read (issue 15, defect 8), on the sample project: the frequency
//! chart's bars are labelled with their themes' names and counts, and its legend (split by
//! article) stays above the bars; the co-occurrence headers hold the whole theme name (or, past
//! the longest a header gets, show it on hover); the matrix's columns are headed by the articles'
//! titles, not their file names.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::common::ui::{Window, open_sized};
use dossier::context::{Tab, UiCommand};
use egui::accesskit::Role;
use egui::{Color32, FontId, Rect};
use egui_kittest::kittest::Queryable;

/// The longest a rotated header gets before it is cut with "…" (the chart's own limit).
const MAX_HEADER: f32 = 150.0;

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample.dossier.json")
}

fn open_tab(tab: Tab) -> Window {
    let mut window = open_sized(sample(), [1600.0, 1000.0]);
    window.state_mut().push(UiCommand::ShowTab(tab));
    for _ in 0..3 {
        window.run();
    }
    window
}

/// How wide `text` is in the headers' type.
fn text_width(window: &Window, text: &str) -> f32 {
    window.ctx.fonts_mut(|f| {
        f.layout_no_wrap(text.to_owned(), FontId::proportional(12.0), Color32::WHITE)
            .size()
            .x
    })
}

/// The rectangles of the nodes labelled exactly `label` whose role is a label.
fn labels(window: &Window, label: &str) -> Vec<Rect> {
    window
        .query_all_by_role_and_label(Role::Label, label)
        .map(|n| n.rect())
        .collect()
}

/// A column header written upwards: taller than wide, and tall enough for the whole text (up to
/// the longest a header gets).
fn assert_rotated_header(window: &Window, text: &str) -> Rect {
    let rect = labels(window, text)
        .into_iter()
        .find(|r| r.height() > r.width())
        .unwrap_or_else(|| panic!("no column header {text:?}"));
    let width = text_width(window, text);
    // A name that fits a header is whole in it; a longer one fills the longest header.
    let need = if width <= MAX_HEADER {
        width + 6.0
    } else {
        MAX_HEADER - 6.0
    };
    assert!(
        rect.height() >= need,
        "the header {text:?} ({rect:?}) is shorter than its text ({width})"
    );
    rect
}

#[test]
fn frequency_bars_carry_theme_names_and_the_legend_stays_above_them() {
    let mut window = open_tab(Tab::Frequency);
    let project = window.state().session().project().clone();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for theme in &project.themes {
        let n = project
            .passages
            .values()
            .filter(|p| p.themes.contains(&theme.id))
            .count();
        counts.insert(theme.name.clone(), n);
    }
    let mut bars = Vec::new();
    for (name, n) in &counts {
        let bar = window
            .get_by_label(&format!("{name}: {n} passage(s)"))
            .rect();
        // The theme's name is on the bar's row, left of it.
        let named = labels(&window, name)
            .into_iter()
            .any(|r| (r.center().y - bar.center().y).abs() < 6.0 && r.right() <= bar.left());
        assert!(named, "the bar of {name} is labelled with the theme's name");
        bars.push(bar);
    }

    // Split by article: a legend of the articles' titles, and each bar stacked by article.
    window
        .query_all_by_role_and_label(Role::ComboBox, "Split by")
        .max_by(|a, b| a.rect().top().total_cmp(&b.rect().top()))
        .expect("the frequency chart's Split by list")
        .click();
    window.run();
    window
        .get_by_role_and_label(Role::Button, "article")
        .click();
    for _ in 0..3 {
        window.run();
    }
    let session = window.state().session();
    let titles: Vec<String> = project
        .passages
        .values()
        .filter_map(|p| session.corpus().get(&p.article))
        .map(|a| a.title.clone())
        .collect();
    let bars: Vec<Rect> = counts
        .iter()
        .map(|(name, n)| {
            window
                .get_by_label(&format!("{name}: {n} passage(s)"))
                .rect()
        })
        .collect();
    let bar_tops = bars.iter().map(|r| r.top()).fold(f32::MAX, f32::min);
    for title in &titles {
        let legend = labels(&window, title)
            .into_iter()
            .find(|r| r.bottom() <= bar_tops)
            .unwrap_or_else(|| panic!("no legend entry above the bars for {title:?}"));
        for bar in &bars {
            assert!(!legend.intersects(*bar), "{title:?} covers a bar");
        }
    }
}

#[test]
fn cooccurrence_headers_hold_whole_theme_names() {
    let mut window = open_tab(Tab::Cooccurrence);
    let project = window.state().session().project().clone();
    let names: Vec<String> = project
        .theme_tree()
        .iter()
        .enumerate()
        .map(|(i, (_, t))| format!("{}. {}", i + 1, t.name))
        .collect();
    assert!(names.len() >= 3);
    // The first theme has no column (the half matrix starts at the second).
    for name in &names[1..] {
        assert_rotated_header(&window, name);
    }
    // A name too long for a header is cut, and shown whole on hover.
    let long = names
        .iter()
        .skip(1)
        .max_by(|a, b| text_width(&window, a).total_cmp(&text_width(&window, b)))
        .expect("a name")
        .clone();
    let header = assert_rotated_header(&window, &long);
    window.hover_at(header.center());
    for _ in 0..3 {
        window.run();
    }
    assert!(
        labels(&window, &long).len() >= 2,
        "hovering {long:?} shows the whole name"
    );
}

#[test]
fn matrix_columns_are_headed_by_article_titles() {
    let window = open_tab(Tab::Matrix);
    let session = window.state().session();
    let tagged: BTreeSet<_> = session
        .project()
        .passages
        .values()
        .map(|p| p.article.clone())
        .collect();
    assert!(tagged.len() >= 3);
    for id in &tagged {
        let article = session.corpus().get(id).expect("the article is loaded");
        assert_ne!(article.title, id.file_name(), "the seed has a title");
        let header = assert_rotated_header(&window, &article.title);
        // The cells of the column are under its header.
        let cell = window
            .query_all_by_label_contains(&format!(" in {}: ", article.title))
            .map(|n| n.rect())
            .next()
            .unwrap_or_else(|| panic!("no cell under {:?}", article.title));
        assert!(cell.top() >= header.bottom());
        assert!(cell.center().x > header.left() - 1.0 && cell.center().x < header.right() + 1.0);
    }
}
