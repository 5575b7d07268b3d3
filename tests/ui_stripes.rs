//! Coding stripes in the window (egui_kittest), on the sample project: View › Show or hide the
//! coding stripes (Ctrl+Shift+K) draws one bar per passage and theme beside the reader, one
//! column per theme of the article, each bar from the row where its passage starts to the row
//! where it ends; a click on a bar selects its passage; turned off, the stripes are gone.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::common::ui::{Window, open_sized};
use dossier::context::SelectCommand;
use dossier::corpus::ArticleId;
use dossier::project::PassageId;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};

/// The reader's line height (every row of the article is this tall).
const ROW: f32 = 28.0;

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample.dossier.json")
}

/// The stripes on the screen: label and rectangle of each bar.
fn bars(window: &Window) -> Vec<(String, egui::Rect)> {
    window
        .query_all_by_label_contains("Coding stripe: ")
        .map(|n| (n.accesskit_node().label().unwrap_or_default(), n.rect()))
        .collect()
}

/// The bar each passage and theme of `article` should have, by label.
fn expected(window: &Window, article: &ArticleId) -> BTreeMap<String, (PassageId, String)> {
    let project = window.state().session().project();
    let mut out = BTreeMap::new();
    for p in project.passages_of(article) {
        for t in &p.themes {
            let name = project.theme(*t).expect("theme").name.clone();
            let label = format!("Coding stripe: {name}, characters {} to {}", p.start, p.end);
            out.insert(label, (p.id, name));
        }
    }
    out
}

fn settle_frames(window: &mut Window) {
    for _ in 0..4 {
        window.run();
    }
}

#[test]
fn stripes_show_a_column_per_theme_and_a_click_selects_the_passage() {
    // Tall enough that the article's passages are all on the screen.
    let mut window = open_sized(sample(), [1600.0, 3000.0]);
    // The sample's article with the most themes: four passages, one with two themes.
    let article = {
        let project = window.state().session().project();
        let themes_of = |a: &ArticleId| {
            project
                .passages_of(a)
                .flat_map(|p| p.themes.clone())
                .collect::<BTreeSet<_>>()
                .len()
        };
        let articles: BTreeSet<ArticleId> = project
            .passages
            .values()
            .map(|p| p.article.clone())
            .collect();
        articles
            .into_iter()
            .max_by_key(|a| themes_of(a))
            .expect("the sample has passages")
    };
    window
        .state_mut()
        .push(SelectCommand::OpenArticle(article.clone()));
    settle_frames(&mut window);
    assert!(bars(&window).is_empty(), "the stripes start hidden");

    window.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::K);
    settle_frames(&mut window);
    let want = expected(&window, &article);
    assert!(want.len() >= 4, "{want:?}");
    let shown = bars(&window);
    let labels: BTreeSet<&String> = shown.iter().map(|(l, _)| l).collect();
    assert_eq!(
        labels,
        want.keys().collect::<BTreeSet<_>>(),
        "one bar per passage and theme"
    );

    // One column per theme: the bars of a theme share a column, each theme has its own, and
    // every column is right of the text.
    let text = window.get_by_label("Article text").rect();
    let mut column_of: BTreeMap<&String, f32> = BTreeMap::new();
    for (label, rect) in &shown {
        let theme = &want[label].1;
        let x = *column_of.entry(theme).or_insert(rect.left());
        assert!((x - rect.left()).abs() < 0.5, "{label}: {rect:?}");
        assert!(rect.left() >= text.right(), "{label} is beside the text");
    }
    let xs: BTreeSet<i32> = column_of.values().map(|x| x.round() as i32).collect();
    assert_eq!(xs.len(), column_of.len(), "each theme has a column");
    let themes: BTreeSet<&String> = want.values().map(|(_, t)| t).collect();
    assert_eq!(column_of.keys().copied().collect::<BTreeSet<_>>(), themes);

    // Bars run along whole rows of the text: they start on a row's top and span whole rows,
    // and a later passage's bar starts lower.
    let first_top = shown.iter().map(|(_, r)| r.top()).fold(f32::MAX, f32::min);
    for (label, rect) in &shown {
        let rows_down = (rect.top() - first_top) / ROW;
        assert!(
            (rows_down - rows_down.round()).abs() < 0.05,
            "{label} starts on a row"
        );
        let rows = (rect.height() + 2.0) / ROW;
        assert!(
            rows >= 1.0 && (rows - rows.round()).abs() < 0.05,
            "{label} spans whole rows: {rect:?}"
        );
        assert!(
            rect.top() >= text.top() && rect.bottom() <= text.bottom() + 1.0,
            "{label} is within the text"
        );
    }
    let mut by_start: Vec<(usize, f32)> = shown
        .iter()
        .map(|(label, rect)| {
            let p = window.state().session().project().passages[&want[label].0].start;
            (p, rect.top())
        })
        .collect();
    by_start.sort_by_key(|(start, _)| *start);
    assert!(
        by_start.windows(2).all(|w| w[0].1 <= w[1].1),
        "bars go down the margin in text order: {by_start:?}"
    );

    // A click on a bar selects its passage (the last one of the article).
    let (label, (passage, _)) = want
        .iter()
        .max_by_key(|(_, (p, _))| window.state().session().project().passages[p].start)
        .map(|(l, v)| (l.clone(), v.clone()))
        .expect("a bar");
    assert_ne!(window.state().selection().passage, Some(passage));
    window.get_by_label(&label).click();
    settle_frames(&mut window);
    assert_eq!(window.state().selection().passage, Some(passage));
    assert_eq!(window.state().selection().article.as_ref(), Some(&article));

    // View › Show or hide the coding stripes turns them off; the text takes the room back.
    window.get_by_label("View").click();
    window.run();
    window
        .get_by_label_contains("Show or hide the coding stripes")
        .click();
    settle_frames(&mut window);
    assert!(bars(&window).is_empty(), "the stripes are hidden again");
    let wider = window.get_by_label("Article text").rect();
    assert!(
        wider.width() > text.width() + 60.0,
        "{wider:?} after {text:?}"
    );
}
