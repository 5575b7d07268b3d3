//! Issue 9 in the window (egui_kittest): two windows on one project file, where the second
//! save stops and asks (case 3); and exports that never replace the open project, and replace
//! another existing file only once the analyst says so (case 1).

use crate::common;

use std::path::Path;

use crate::common::ui::{open, save_as, settle};
use dossier::app::DossierApp;
use dossier::context::UiCommand;
use dossier::project::ThemeId;
use dossier::session::{TagIntent, TextRange};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// Tag `start..end` of the first article with theme 1, then save.
fn tag_and_save(harness: &mut Harness<'static, DossierApp>, start: usize, end: usize) {
    let article = harness.state().session().corpus().articles()[0].id.clone();
    harness.state_mut().push(TagIntent::TagRange {
        range: TextRange {
            article,
            start,
            end,
        },
        theme: ThemeId(1),
    });
    harness.state_mut().push(UiCommand::Save);
    harness.step();
    settle(harness);
}

fn spans_on_disk(path: &Path) -> Vec<(usize, usize)> {
    let opened = dossier::project::io::open(path).expect("the project opens");
    let mut spans: Vec<_> = opened
        .project
        .passages
        .values()
        .map(|p| (p.start, p.end))
        .collect();
    spans.sort_unstable();
    spans
}

fn last_note(harness: &Harness<'static, DossierApp>) -> String {
    harness
        .state()
        .notes()
        .log()
        .last()
        .map(|n| n.text.clone())
        .unwrap_or_default()
}

#[test]
fn issue9_case3_two_windows_on_one_file_the_second_save_asks_before_replacing() {
    let dir = common::tempdir();
    let corpus = dir.path().join("articles");
    std::fs::create_dir(&corpus).expect("mkdir");
    common::copy_seeds(&corpus);
    let project = dir.path().join("shared.json");
    let mut first = open(corpus);
    save_as(&mut first, &project);
    let mut second = open(project.clone());
    assert_eq!(
        second.state().session().project_path(),
        Some(project.as_path())
    );

    // The first analyst tags and saves; the file is theirs now.
    tag_and_save(&mut first, 0, 6);
    assert_eq!(spans_on_disk(&project), vec![(0, 6)]);

    // The second window tags and saves: it stops and asks, and writes nothing.
    tag_and_save(&mut second, 10, 16);
    assert_eq!(
        spans_on_disk(&project),
        vec![(0, 6)],
        "the first analyst's work is kept"
    );
    assert!(
        second.state().session().is_dirty(),
        "the second window's work is not saved"
    );
    assert!(
        last_note(&second).contains("changed on disk"),
        "{}",
        last_note(&second)
    );
    second.get_by_label("The project file changed on disk");

    // Cancel keeps everything as it is; saving again asks again.
    second.get_by_label("Cancel").click();
    second.run();
    assert!(second.query_by_label("Overwrite").is_none());
    second.state_mut().push(UiCommand::Save);
    second.step();
    settle(&mut second);
    assert_eq!(spans_on_disk(&project), vec![(0, 6)]);

    // Overwrite is the analyst's choice: the second window's project is written, and from
    // then on its saves go through (the stamp is its own save's).
    second.get_by_label("Overwrite").click();
    second.step();
    settle(&mut second);
    assert_eq!(spans_on_disk(&project), vec![(10, 16)]);
    assert!(!second.state().session().is_dirty());
    tag_and_save(&mut second, 20, 26);
    assert_eq!(spans_on_disk(&project), vec![(10, 16), (20, 26)]);

    // Now the first window is the one behind: its save asks, and Reload takes the file.
    tag_and_save(&mut first, 30, 36);
    assert_eq!(spans_on_disk(&project), vec![(10, 16), (20, 26)]);
    first.get_by_label("Reload from disk").click();
    first.step();
    settle(&mut first);
    let spans: Vec<_> = first
        .state()
        .session()
        .project()
        .passages
        .values()
        .map(|p| (p.start, p.end))
        .collect();
    assert_eq!(
        spans,
        vec![(10, 16), (20, 26)],
        "the reloaded window shows the file"
    );
    assert!(!first.state().session().is_dirty());
}

/// Export the project as REFI-QDA to a typed path (there is no native dialog in tests).
fn export_qdpx_to(harness: &mut Harness<'static, DossierApp>, target: &Path) {
    harness.state_mut().push(UiCommand::ExportQdpx);
    harness.step();
    harness.run();
    let field = harness.get_by_label("Path");
    field.focus();
    field.type_text(&target.display().to_string());
    harness.run();
    harness.get_by_label("Save").click();
    harness.step();
    settle(harness);
}

#[test]
fn issue9_case1_window_exports_never_replace_the_project_and_ask_before_other_files() {
    let dir = common::tempdir();
    let corpus = dir.path().join("articles");
    std::fs::create_dir(&corpus).expect("mkdir");
    common::copy_seeds(&corpus);
    let project = dir.path().join("p.json");
    let mut harness = open(corpus.clone());
    save_as(&mut harness, &project);
    let before = std::fs::read(&project).expect("read");

    // Onto the open project: refused, and the file is untouched.
    export_qdpx_to(&mut harness, &project);
    assert!(
        last_note(&harness).contains("that is the open project"),
        "{}",
        last_note(&harness)
    );
    assert_eq!(std::fs::read(&project).expect("read"), before);

    // Onto an article of the corpus: refused.
    let article = std::fs::read_dir(&corpus)
        .expect("dir")
        .next()
        .expect("an article")
        .expect("entry")
        .path();
    let text = std::fs::read(&article).expect("read");
    export_qdpx_to(&mut harness, &article);
    assert!(
        last_note(&harness).contains("in the corpus folder"),
        "{}",
        last_note(&harness)
    );
    assert_eq!(std::fs::read(&article).expect("read"), text);

    // Onto another existing file: asked first; Cancel leaves it, Replace writes the export.
    let other = dir.path().join("old.qdpx");
    std::fs::write(&other, b"an older export").expect("write");
    export_qdpx_to(&mut harness, &other);
    harness.get_by_label("Replace the existing file?");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(std::fs::read(&other).expect("read"), b"an older export");
    export_qdpx_to(&mut harness, &other);
    harness.get_by_label("Replace").click();
    harness.step();
    settle(&mut harness);
    let written = std::fs::read(&other).expect("read");
    assert!(written.starts_with(b"PK"), "the export replaced it (a ZIP)");

    // A new file needs no question.
    let fresh = dir.path().join("new.qdpx");
    export_qdpx_to(&mut harness, &fresh);
    assert!(std::fs::read(&fresh).expect("read").starts_with(b"PK"));
}
