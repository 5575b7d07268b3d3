//! The analysis views split and filtered by an article attribute, in the window (egui_kittest)
//! on the sample project (`sample.dossier.json` on the seeds): the theme × article matrix with
//! a column per outlet, the frequency bars stacked by outlet, the figures table and the plot
//! narrowed to one outlet. Every expected number is counted here from the project and the
//! attributes, not read back from the view.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::common::ui::{Window, open_sized, settle};
use dossier::analysis::by_attribute::NO_VALUE;
use dossier::context::{Tab, UiCommand};
use dossier::figures::curation::FigureFilter;
use dossier::project::attributes::value_of;
use dossier::session::Session;
use dossier::ui::plot::drawn_series;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;

fn sample() -> Window {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample.dossier.json");
    let mut w = open_sized(path, [1600.0, 1200.0]);
    settle(&mut w);
    assert!(
        !w.state().session().project().passages.is_empty(),
        "the sample project has passages"
    );
    w
}

fn outlet(session: &Session, article: &dossier::corpus::ArticleId) -> String {
    session
        .corpus()
        .get(article)
        .and_then(|a| value_of(&session.project().attributes, a, "outlet"))
        .map_or_else(|| NO_VALUE.to_owned(), |v| v.text)
}

/// Passages per (theme name, outlet), counted from the project.
fn by_outlet(session: &Session) -> BTreeMap<(String, String), usize> {
    let mut counts = BTreeMap::new();
    for p in session.project().passages.values() {
        for t in &p.themes {
            let name = session.project().theme(*t).expect("theme").name.clone();
            *counts
                .entry((name, outlet(session, &p.article)))
                .or_insert(0) += 1;
        }
    }
    counts
}

/// Pick `choice` in the combo box labelled `label` that sits lowest in the window (the
/// lower tabs' one, when the library has a list of the same name).
fn choose(w: &mut Window, label: &str, choice: &str) {
    let combo = w
        .query_all_by_role_and_label(Role::ComboBox, label)
        .max_by(|a, b| a.rect().top().total_cmp(&b.rect().top()))
        .unwrap_or_else(|| panic!("a list labelled {label}"));
    combo.click();
    w.run();
    w.get_by_role_and_label(Role::Button, choice).click();
    settle(w);
}

#[test]
fn the_matrix_has_a_column_per_outlet_with_the_passages_of_its_articles() {
    let mut w = sample();
    w.state_mut().push(UiCommand::ShowTab(Tab::Matrix));
    settle(&mut w);
    choose(&mut w, "Columns", "outlet");
    let expected = by_outlet(w.state().session());
    assert!(
        expected.len() >= 3,
        "the sample spreads over outlets: {expected:?}"
    );
    let outlets: std::collections::BTreeSet<&String> = expected.keys().map(|(_, o)| o).collect();
    assert!(outlets.len() >= 2, "{outlets:?}");
    for ((theme, outlet), n) in &expected {
        w.get_by_label(&format!("{theme} where outlet is {outlet}: {n}"));
    }
    // A theme absent from an outlet's articles shows 0 there.
    let theme = &expected.keys().next().expect("a cell").0;
    for o in &outlets {
        if !expected.contains_key(&(theme.clone(), (*o).clone())) {
            w.get_by_label(&format!("{theme} where outlet is {o}: 0"));
        }
    }
}

#[test]
fn the_frequency_bars_stack_by_outlet() {
    let mut w = sample();
    w.state_mut().push(UiCommand::ShowTab(Tab::Frequency));
    settle(&mut w);
    choose(&mut w, "Split by", "outlet");
    let expected = by_outlet(w.state().session());
    let mut totals: BTreeMap<&String, usize> = BTreeMap::new();
    for ((theme, outlet), n) in &expected {
        *totals.entry(theme).or_insert(0) += n;
        // Each outlet with passages has its swatch in the legend.
        assert!(
            w.query_all_by_label(outlet).next().is_some(),
            "{outlet} in the legend"
        );
    }
    for (theme, total) in totals {
        w.get_by_label(&format!("{theme}: {total} passage(s)"));
    }
}

#[test]
fn the_figures_table_shows_only_the_figures_of_one_outlet() {
    let mut w = sample();
    w.state_mut().push(UiCommand::ShowTab(Tab::Figures));
    settle(&mut w);
    let (all, dialogo) = {
        let session = w.state().session();
        let shown = FigureFilter::default();
        let rows: Vec<_> = session
            .figure_rows()
            .iter()
            .filter(|r| shown.matches(r, ""))
            .collect();
        let dialogo = rows
            .iter()
            .filter(|r| outlet(session, &r.key.article) == "Dialogo")
            .count();
        (session.figure_rows().len(), dialogo)
    };
    assert!(dialogo > 0, "Dialogo's seed states figures");
    choose(&mut w, "Only", "outlet");
    choose(&mut w, "is", "Dialogo (1)");
    w.get_by_label_contains(&format!("{dialogo} shown of {all} figures"));
    let session = w.state().session();
    let dialogo_files: Vec<String> = session
        .corpus()
        .articles()
        .iter()
        .filter(|a| outlet(session, &a.id) == "Dialogo")
        .map(|a| a.id.as_str().to_owned())
        .collect();
    let picks: Vec<String> = w
        .query_all_by_label_contains("Pick ")
        .filter_map(|n| {
            use egui_kittest::kittest::NodeT;
            n.accesskit_node().label()
        })
        .collect();
    assert!(!picks.is_empty());
    for p in &picks {
        assert!(
            dialogo_files
                .iter()
                .any(|f| p.ends_with(&format!(" in {f}"))),
            "{p} is not from Dialogo's articles {dialogo_files:?}"
        );
    }
}

#[test]
fn the_plot_keeps_only_the_points_of_the_chosen_outlet() {
    let w = sample();
    let session = w.state().session();
    let mut state = w.state().plot_state();
    let series = &session.project().series;
    assert!(!series.is_empty(), "the sample has a series");
    state.visible = series.iter().map(|s| s.id).collect();
    let all: Vec<usize> = drawn_series(session, &mut state)
        .iter()
        .map(|d| d.points.len())
        .collect();
    assert!(all.iter().all(|n| *n > 0), "{all:?}");
    let first = drawn_series(session, &mut state)[0].points[0]
        .article
        .clone();
    let home = outlet(session, &first);
    state.only.only = Some(("outlet".to_owned(), home.clone()));
    for d in drawn_series(session, &mut state) {
        assert!(!d.points.is_empty());
        assert!(d.points.iter().all(|p| outlet(session, &p.article) == home));
    }
    state.only.only = Some(("outlet".to_owned(), "No such outlet".to_owned()));
    assert!(
        drawn_series(session, &mut state)
            .iter()
            .all(|d| d.points.is_empty())
    );
}

/// Narrowing to a custom attribute's value, then removing that attribute, brings every figure
/// back (the view forgets a choice that no longer exists) instead of showing none.
#[test]
fn removing_the_attribute_a_view_is_narrowed_to_shows_every_figure_again() {
    use dossier::project::attributes::{AttributeDef, AttributeKind};
    use dossier::session::AttributeIntent;
    let mut w = sample();
    let article = w.state().session().corpus().articles()[4].id.clone();
    w.state_mut().push(AttributeIntent::Define(AttributeDef {
        name: "source type".to_owned(),
        kind: AttributeKind::Choice {
            options: vec!["wire".to_owned(), "report".to_owned()],
        },
        description: String::new(),
    }));
    w.state_mut().push(AttributeIntent::Set {
        article: article.clone(),
        key: "source type".to_owned(),
        value: "report".to_owned(),
    });
    w.state_mut().push(UiCommand::ShowTab(Tab::Figures));
    settle(&mut w);
    let (all, shown_all, in_report) = {
        let session = w.state().session();
        let filter = FigureFilter::default();
        let shown: Vec<_> = session
            .figure_rows()
            .iter()
            .filter(|r| filter.matches(r, ""))
            .collect();
        let report = shown.iter().filter(|r| r.key.article == article).count();
        (session.figure_rows().len(), shown.len(), report)
    };
    assert!(in_report > 0 && in_report < shown_all);
    choose(&mut w, "Only", "source type");
    choose(&mut w, "is", "report (1)");
    w.get_by_label_contains(&format!("{in_report} shown of {all} figures"));
    w.state_mut()
        .push(AttributeIntent::Remove("source type".to_owned()));
    settle(&mut w);
    w.get_by_label_contains(&format!("{shown_all} shown of {all} figures"));
}
