//! The library pane in the window (egui_kittest) on `tests/data/sources/mixed` (two seeds as
//! `.txt`, two news pages, a PDF and a DOCX, a scanned PDF and a damaged DOCX): the list grouped
//! by outlet with a heading per outlet that closes and opens, and the attribute panel, where
//! correcting an article's outlet is one undoable step.

use crate::common;

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::common::ui::Window;
use dossier::context::SelectCommand;
use dossier::corpus::ArticleId;
use dossier::project::attributes::value_of;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

fn mixed() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/sources/mixed")
}

/// Each article's outlet as the session sees it (detected, or the analyst's).
fn outlets(window: &Window) -> BTreeMap<String, String> {
    let session = window.state().session();
    session
        .corpus()
        .articles()
        .iter()
        .map(|a| {
            let outlet = value_of(&session.project().attributes, a, "outlet")
                .map_or_else(|| "(none)".to_owned(), |v| v.text);
            (a.id.as_str().to_owned(), outlet)
        })
        .collect()
}

fn group_by(window: &mut Window, key: &str) {
    window
        .get_by_role_and_label(Role::ComboBox, "Group")
        .click();
    window.run();
    window.get_by_role_and_label(Role::Button, key).click();
    window.run();
    window.run();
}

#[test]
fn the_library_groups_the_mixed_folder_by_outlet() {
    // Tall enough for every group and article row at once (the list scrolls in a shorter one).
    let mut window = common::ui::open_sized(mixed(), [1280.0, 1200.0]);
    let session = window.state().session();
    assert_eq!(session.corpus().len(), 6, "six articles load");
    assert_eq!(session.load_report().skipped.len(), 2, "two files skipped");
    let by_article = outlets(&window);
    for outlet in [
        "Itar-Tass",
        "Dialogo",
        "Andean Wire",
        "Diario del Altiplano",
    ] {
        assert!(
            by_article.values().any(|o| o == outlet),
            "{outlet} detected: {by_article:?}"
        );
    }
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for o in by_article.values() {
        *counts.entry(o.as_str()).or_default() += 1;
    }

    group_by(&mut window, "outlet");
    for (outlet, n) in &counts {
        window.get_by_label(&format!("{outlet} ({n})"));
    }
    // Closing the Dialogo group hides its article and nothing else.
    let title = |w: &Window, id: &str| {
        w.state()
            .session()
            .corpus()
            .get(&ArticleId(id.to_owned()))
            .expect("article")
            .title
            .clone()
    };
    let dialogo = title(&window, "dialogo-peru-mexico.txt");
    let itar = title(&window, "itar-tass-drug-police.txt");
    assert!(
        window
            .query_by_role_and_label(Role::Button, &dialogo)
            .is_some()
    );
    window.get_by_label("Dialogo (1)").click();
    window.run();
    window.run();
    assert!(
        window
            .query_by_role_and_label(Role::Button, &dialogo)
            .is_none(),
        "the closed group hides its article"
    );
    assert!(
        window
            .query_by_role_and_label(Role::Button, &itar)
            .is_some()
    );
    window.get_by_label("Dialogo (1)").click();
    window.run();
    window.run();
    assert!(
        window
            .query_by_role_and_label(Role::Button, &dialogo)
            .is_some(),
        "open again"
    );
}

#[test]
fn correcting_an_outlet_in_the_attribute_panel_is_one_undoable_step() {
    // Tall enough for every group and article row at once (the list scrolls in a shorter one).
    let mut window = common::ui::open_sized(mixed(), [1280.0, 1200.0]);
    let id = ArticleId("coca-report.pdf".to_owned());
    window
        .state_mut()
        .push(SelectCommand::OpenArticle(id.clone()));
    window.run();
    window.run();
    let detected = outlets(&window)["coca-report.pdf"].clone();
    assert_eq!(
        detected, "Andean Wire",
        "the PDF's outlet is detected from its text"
    );

    window
        .get_by_role_and_label(Role::TextInput, "outlet")
        .focus();
    window.run();
    window.key_press_modifiers(Modifiers::COMMAND, Key::A);
    window
        .get_by_role_and_label(Role::TextInput, "outlet")
        .type_text("Reuters");
    window.run();
    // Typing alone changes nothing in the project: the edit is made when the field is left.
    assert_eq!(outlets(&window)["coca-report.pdf"], detected);
    window.key_press(Key::Enter);
    window.run();
    window.run();
    let session = window.state().session();
    assert_eq!(
        session.project().attributes.set_value(&id, "outlet"),
        Some("Reuters")
    );
    assert!(session.history().can_undo());
    window.get_by_label("Reset outlet");

    // Grouped by outlet, the PDF now has a group of its own, and the page and the brief
    // stay together.
    group_by(&mut window, "outlet");
    window.get_by_label("Reuters (1)");
    window.get_by_label("Andean Wire (2)");

    // One undo takes the whole correction back.
    window.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    window.run();
    window.run();
    let session = window.state().session();
    assert_eq!(session.project().attributes.set_value(&id, "outlet"), None);
    assert_eq!(outlets(&window)["coca-report.pdf"], detected);
    assert!(window.query_by_label("Reset outlet").is_none());
}

/// In a short window the attribute panel sits below the list and never covers it: the first
/// row stays whole above the panel, the panel keeps its fields, and an article without a
/// year in its date says so in words.
#[test]
fn in_a_short_window_the_attribute_panel_covers_no_row() {
    for height in [480.0, 600.0, 800.0] {
        let mut window = common::ui::open_sized(mixed(), [1000.0, height]);
        let id = ArticleId("itar-tass-drug-police.txt".to_owned());
        window.state_mut().push(SelectCommand::OpenArticle(id));
        window.run();
        window.run();
        let attributes_top = window.get_by_label("Attributes").rect().top();
        let first = window
            .get_by_role_and_label(
                Role::Button,
                "El Gobierno boliviano presenta su nueva estrategia contra el narcotráfico",
            )
            .rect();
        assert!(
            first.bottom() <= attributes_top,
            "{height}: the first row {first:?} reaches under the attribute panel at {attributes_top}"
        );
        window.get_by_role_and_label(Role::TextInput, "outlet");
        window.get_by_label("23 February, year not stated");
    }
}
