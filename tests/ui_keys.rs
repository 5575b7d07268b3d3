//! Keyboard navigation in the window (egui_kittest): with the library focused, ↑/↓ and k/j open
//! the previous and next article; Tab goes on to the reader; Esc closes the shortcuts window
//! and a dialog.

use crate::common;

use crate::common::ui::{Window, open};
use dossier::context::UiCommand;
use dossier::ui::reader;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

/// The titles of the seeds, in the library's order.
fn titles(window: &Window) -> Vec<String> {
    let session = window.state().session();
    session
        .corpus()
        .articles()
        .iter()
        .map(|a| a.title.clone())
        .collect()
}

/// The title of the article the reader shows.
fn open_title(window: &Window) -> Option<String> {
    let id = window.state().selection().article.clone()?;
    let session = window.state().session();
    session
        .corpus()
        .articles()
        .iter()
        .find(|a| a.id == id)
        .map(|a| a.title.clone())
}

fn press(window: &mut Window, key: Key) {
    window.key_press(key);
    window.run();
}

#[test]
fn arrows_and_j_k_move_between_articles_when_the_library_has_focus() {
    let mut window = open(common::seeds_dir());
    let titles = titles(&window);
    assert!(
        titles.len() >= 3,
        "the seeds have {} articles",
        titles.len()
    );

    // A click opens the first article and focuses its row.
    window
        .get_by_role_and_label(egui::accesskit::Role::Button, &titles[0])
        .click();
    window.run();
    assert_eq!(open_title(&window).as_deref(), Some(titles[0].as_str()));

    press(&mut window, Key::ArrowDown);
    assert_eq!(open_title(&window).as_deref(), Some(titles[1].as_str()));
    press(&mut window, Key::J);
    assert_eq!(open_title(&window).as_deref(), Some(titles[2].as_str()));
    press(&mut window, Key::K);
    assert_eq!(open_title(&window).as_deref(), Some(titles[1].as_str()));
    press(&mut window, Key::ArrowUp);
    assert_eq!(open_title(&window).as_deref(), Some(titles[0].as_str()));
    // At the top ↑ stays on the first article.
    press(&mut window, Key::ArrowUp);
    assert_eq!(open_title(&window).as_deref(), Some(titles[0].as_str()));
}

#[test]
fn keys_do_nothing_to_the_library_without_its_focus() {
    let mut window = open(common::seeds_dir());
    let titles = titles(&window);
    window
        .get_by_role_and_label(egui::accesskit::Role::Button, &titles[1])
        .click();
    window.run();
    // Focus the library's filter field instead: ↓ is the field's, not "next article".
    let filter = window.get_by_role_and_label(egui::accesskit::Role::TextInput, "Filter");
    filter.focus();
    window.run();
    press(&mut window, Key::ArrowDown);
    assert_eq!(open_title(&window).as_deref(), Some(titles[1].as_str()));
}

#[test]
fn tab_from_the_library_reaches_the_reader() {
    let mut window = open(common::seeds_dir());
    let titles = titles(&window);
    window
        .get_by_role_and_label(egui::accesskit::Role::Button, &titles[0])
        .click();
    window.run();
    press(&mut window, Key::Tab);
    window.run();
    let focused = window.ctx.memory(|m| m.focused());
    assert_eq!(focused, Some(reader::text_id()), "Tab moves to the reader");
    // In the reader, ↓ no longer changes the article.
    press(&mut window, Key::ArrowDown);
    assert_eq!(open_title(&window).as_deref(), Some(titles[0].as_str()));
}

#[test]
fn escape_closes_the_shortcuts_window() {
    let mut window = open(common::seeds_dir());
    press(&mut window, Key::F1);
    assert!(
        window
            .query_all_by_label("Keyboard shortcuts")
            .next()
            .is_some(),
        "F1 opens the shortcuts window"
    );
    press(&mut window, Key::Escape);
    window.run();
    assert!(
        window
            .query_all_by_label("Keyboard shortcuts")
            .next()
            .is_none(),
        "Esc closes it"
    );
}

#[test]
fn escape_closes_a_dialog() {
    let mut window = open(common::seeds_dir());
    window.state_mut().push(UiCommand::SaveAs);
    window.run();
    window.run();
    assert!(
        window.query_by_label("Path").is_some(),
        "Save as… asks for a path"
    );
    window.key_press_modifiers(Modifiers::NONE, Key::Escape);
    window.run();
    window.run();
    assert!(
        window.query_by_label("Path").is_none(),
        "Esc closes the dialog"
    );
}
