//! Opening projects in the window (egui_kittest): a project whose articles are outside its
//! folder asks once, and the empty and loading window never claims unsaved changes.

use crate::common;

use crate::common::ui::{open_sized, settle};
use dossier::context::FileCommand;
use dossier::project::{Project, io};
use egui_kittest::kittest::Queryable;

#[test]
fn the_outside_folder_question_is_asked_once_and_nothing_is_unsaved_meanwhile() {
    let dir = common::tempdir();
    let work = dir.path().join("work");
    std::fs::create_dir(&work).expect("mkdir");
    std::fs::create_dir(dir.path().join("seeds")).expect("mkdir");
    common::copy_seeds(&dir.path().join("seeds"));
    let path = work.join("p.dossier.json");
    let project = Project {
        corpus_folder: Some("../seeds".into()),
        ..Project::default()
    };
    io::save(&project, &path).expect("save");

    let mut window = open_sized(path.clone(), [1280.0, 800.0]);
    window.get_by_label("Load the articles");
    let session = window.state().session();
    assert!(
        !session.is_dirty(),
        "nothing is unsaved while the question waits"
    );
    assert!(!session.title().contains('●'), "{}", session.title());
    window.get_by_label("Load the articles").click();
    window.run_ok();
    settle(&mut window);
    assert_eq!(window.state().session().corpus().len(), 5);
    assert!(!window.state().session().is_dirty());

    // Opened again: the articles load without the question.
    window.state_mut().push(FileCommand::OpenPath(path));
    window.run_ok(); // a progress bar may animate while the articles load
    settle(&mut window);
    assert!(
        window.query_by_label("Load the articles").is_none(),
        "asked again"
    );
    assert_eq!(window.state().session().corpus().len(), 5);
    assert!(!window.state().session().is_dirty());
}

#[test]
fn the_empty_window_has_nothing_unsaved() {
    let dir = common::tempdir();
    let window = open_sized(dir.path().join("missing"), [800.0, 600.0]);
    let session = window.state().session();
    assert!(!session.is_dirty());
    assert!(!session.title().contains('●'), "{}", session.title());
    assert!(window.query_by_label("Unsaved changes").is_none());
}

/// File › Save as… (the typed path: there is no native dialog in tests).
fn save_as_dialog(window: &mut common::ui::Window) {
    window.get_by_label("File").click();
    window.run();
    window.get_by_label_contains("Save as…").click();
    window.run();
    window.run();
}

#[test]
fn the_typed_save_path_has_the_focus_and_a_failed_save_keeps_it() {
    let dir = common::tempdir();
    let mut window = open_sized(common::seeds_dir(), [1280.0, 800.0]);
    let good = dir.path().join("p.dossier.json");
    common::ui::save_as(&mut window, &good);
    assert_eq!(
        window.state().session().project_path(),
        Some(good.as_path())
    );

    // Again: the field holds the project's path and has the focus, so typing goes there.
    save_as_dialog(&mut window);
    assert!(
        window.get_by_label("Path").is_focused(),
        "the path field has the focus"
    );
    window.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    // Under a file, not a folder: the save fails.
    std::fs::write(dir.path().join("a-file"), "x").expect("write");
    let bad = dir.path().join("a-file").join("p.dossier.json");
    window
        .get_by_label("Path")
        .type_text(&bad.display().to_string());
    window.key_press(egui::Key::Enter);
    window.run_ok();
    settle(&mut window);
    window.run();
    let field = window.get_by_label("Path");
    assert_eq!(
        field.value().as_deref(),
        Some(bad.display().to_string().as_str())
    );
    window.get_by_label_contains("Not saved:");
    assert_eq!(
        window.state().session().project_path(),
        Some(good.as_path())
    );
}
