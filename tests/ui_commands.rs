//! The command catalogue in the window (egui_kittest): the command palette, the shortcuts
//! window, and saves (refused over a file that is not a project; one at a time).

use crate::common;

use crate::common::ui::{open, save_as, settle};
use dossier::session::{TagIntent, TextRange};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

#[test]
fn the_command_palette_finds_a_command_as_you_type_and_runs_it() {
    let mut harness = open(common::seeds_dir());
    assert_eq!(harness.state().tab(), dossier::context::Tab::Passages);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    harness.run();
    let field = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Command");
    assert!(field.is_focused(), "the palette's field has the keyboard");
    // Every command is listed before anything is typed, the number keys by their theme.
    harness.get_by_label("Save as…");
    harness.get_by_label("Tag with theme 3: Arms sales");
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Command")
        .type_text("go plot");
    harness.run();
    assert!(
        harness.query_by_label("Save as…").is_none(),
        "the filter narrows the list"
    );
    harness.get_by_label("Go to Plot");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().tab(), dossier::context::Tab::Plot);
    assert!(
        harness.query_by_label("Go to Plot").is_none(),
        "running a command closes the palette"
    );

    // Esc closes it without running anything; the palette is on the View menu too.
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label_contains("Command palette…").click();
    harness.run();
    harness.get_by_label("Keyboard shortcuts");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.query_by_label("Keyboard shortcuts").is_none());
    assert_eq!(harness.state().tab(), dossier::context::Tab::Plot);
}

#[test]
fn the_shortcuts_window_lists_the_catalogue_with_the_number_keys_and_esc() {
    let mut harness = open(common::seeds_dir());
    harness.key_press(Key::F1);
    harness.run();
    harness.get_by_label("1 … 9");
    harness.get_by_label("Esc");
    harness.get_by_label("Clear the selection");
    harness.get_by_label("Command palette…");
    harness.get_by_label("Ctrl+Shift+P");
}

#[test]
fn saving_over_a_file_that_is_not_a_project_is_refused_and_leaves_it_alone() {
    let mut harness = open(common::seeds_dir());
    let dir = common::tempdir();
    let article = dir.path().join("notes.json");
    std::fs::write(&article, "my own notes, not a project").expect("write");
    save_as(&mut harness, &article);
    assert_eq!(
        std::fs::read_to_string(&article).expect("read"),
        "my own notes, not a project"
    );
    let last = harness
        .state()
        .notes()
        .last(dossier::session::Level::Error)
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(last.contains("is not a Dossier project"), "{last}");
    assert!(harness.state().session().project_path().is_none());
}

#[test]
fn a_second_save_waits_for_the_first_so_the_newest_state_is_what_is_saved() {
    use dossier::context::UiCommand;
    let mut harness = open(common::seeds_dir());
    let dir = common::tempdir();
    let target = dir.path().join("twice.json");
    save_as(&mut harness, &target);
    assert!(!harness.state().session().is_dirty());
    // Tag, save, tag again and save again, all before the first save can finish.
    let article = harness.state().session().corpus().articles()[0].id.clone();
    for (start, end) in [(0, 6), (10, 16)] {
        harness.state_mut().push(TagIntent::TagRange {
            range: TextRange {
                article: article.clone(),
                start,
                end,
            },
            theme: dossier::project::ThemeId(1),
        });
        harness.state_mut().push(UiCommand::Save);
    }
    harness.step();
    settle(&mut harness);
    let saved = dossier::project::io::open(&target).expect("the project opens");
    assert_eq!(
        saved.project.passages.len(),
        2,
        "the newest state was saved"
    );
    assert!(
        !harness.state().session().is_dirty(),
        "and marked saved; an older save never finished after it"
    );
    let saves = harness
        .state()
        .notes()
        .log()
        .iter()
        .filter(|n| n.text.starts_with("Saved "))
        .count();
    assert_eq!(saves, 3, "the first save, then the two asked for");
}
