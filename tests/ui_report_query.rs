//! Issue 15 in the window (egui_kittest): File › Export report… writes the HTML report through
//! the typed-path dialog (asking before it replaces a file), and the Queries tab runs a coding
//! query whose hits are saved as a theme in one step that one undo takes back.

use crate::common;

use std::path::{Path, PathBuf};

use crate::common::ui::{Window, open, settle};
use dossier::context::{Tab, UiCommand};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;

/// A copy of the sample project and its articles in `dir` (the window writes a recovery copy
/// beside the project it edits, and the shipped one must stay as it is).
fn sample(dir: &Path) -> PathBuf {
    let seeds = dir.join("seeds");
    std::fs::create_dir(&seeds).expect("mkdir");
    common::copy_seeds(&seeds);
    let project = dir.join("sample.dossier.json");
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample.dossier.json");
    std::fs::copy(shipped, &project).expect("copy");
    project
}

fn last_note(window: &Window) -> String {
    window
        .state()
        .notes()
        .log()
        .last()
        .map(|n| n.text.clone())
        .unwrap_or_default()
}

/// File › Export report…, then type `target` and press Save.
fn export_report_to(window: &mut Window, target: &Path) {
    window.get_by_label("File").click();
    window.run();
    window.get_by_label("Export report (.html)…").click();
    window.step();
    window.run();
    let field = window.get_by_label("Path");
    field.focus();
    field.type_text(&target.display().to_string());
    window.run();
    window.get_by_label("Save").click();
    window.step();
    settle(window);
}

#[test]
fn file_export_report_writes_one_html_file_and_asks_before_replacing() {
    let dir = common::tempdir();
    let project_file = sample(dir.path());
    let mut window = open(project_file.clone());
    assert!(UiCommand::all().contains(&UiCommand::ExportReport));
    let target = dir.path().join("for-a-colleague");
    export_report_to(&mut window, &target);
    let written = dir.path().join("for-a-colleague.html");
    let html = std::fs::read_to_string(&written).expect("the report is written, as .html");
    assert!(
        last_note(&window).contains("Exported"),
        "{}",
        last_note(&window)
    );
    let doc = dom_query::Document::from(html.as_str());
    let project = window.state().session().project();
    assert_eq!(doc.select("section.theme").length(), project.themes.len());
    assert_eq!(doc.select("li.passage").length(), {
        project
            .passages
            .values()
            .map(|p| p.themes.len())
            .sum::<usize>()
    });
    assert_eq!(doc.select("svg.series-plot").length(), project.series.len());
    assert_eq!(doc.select("h1").text().to_string(), "sample");

    // The same file again: asked first; Cancel leaves it as it is.
    std::fs::write(&written, "an older report").expect("write");
    export_report_to(&mut window, &written);
    window.get_by_label("Replace the existing file?");
    window.get_by_label("Cancel").click();
    window.run();
    assert_eq!(
        std::fs::read_to_string(&written).expect("read"),
        "an older report"
    );
    export_report_to(&mut window, &written);
    window.get_by_label("Replace").click();
    window.step();
    settle(&mut window);
    let replaced = std::fs::read_to_string(&written).expect("read");
    assert!(replaced.starts_with("<!DOCTYPE html>"));

    // Never over the open project.
    let before = std::fs::read(&project_file).expect("read");
    export_report_to(&mut window, &project_file);
    assert!(
        last_note(&window).contains("that is the open project"),
        "{}",
        last_note(&window)
    );
    assert_eq!(std::fs::read(&project_file).expect("read"), before);
}

/// Pick `item` in the combo box labelled `combo`.
fn choose(window: &mut Window, combo: &str, item: &str) {
    window.get_by_role_and_label(Role::ComboBox, combo).click();
    window.run();
    window
        .get_all_by_label(item)
        .last()
        .expect("listed in the box")
        .click_accesskit();
    window.run();
}

#[test]
fn a_query_is_saved_as_a_theme_and_one_undo_removes_it() {
    let dir = common::tempdir();
    let mut window = open(sample(dir.path()));
    let project = window.state().session().project().clone();
    window.state_mut().push(UiCommand::ShowTab(Tab::Queries));
    window.run();
    assert_eq!(window.state().tab(), Tab::Queries);
    // Counternarcotics training overlapping Agreements and diplomacy.
    choose(&mut window, "Passages of", "Counternarcotics training");
    choose(&mut window, "theme", "Agreements and diplomacy");
    let a = project
        .themes
        .iter()
        .find(|t| t.name == "Counternarcotics training")
        .expect("A");
    let b = project
        .themes
        .iter()
        .find(|t| t.name == "Agreements and diplomacy")
        .expect("B");
    let query = dossier::analysis::query::CodingQuery {
        theme: a.id,
        relation: dossier::analysis::query::Relation::Overlaps(b.id),
        attribute: None,
    };
    let hits = dossier::analysis::query::run(&project, window.state().session().corpus(), &query);
    assert!(!hits.is_empty(), "the sample has passages coded with both");
    window.get_by_label_contains(&format!("{} hit(s)", hits.len()));

    // One click on a hit opens it in the reader.
    let first = &hits[0];
    window
        .get_by_label_contains(&format!("{}–{}:", first.start, first.end))
        .click();
    window.run();
    assert_eq!(
        window.state().selection().article.as_ref(),
        Some(&first.article)
    );

    let field = window.get_by_label("Save the hits as the theme");
    field.focus();
    field.type_text("Training agreements");
    window.run();
    window.get_by_label("Save as theme").click();
    window.run();
    let session = window.state().session();
    let theme = session
        .project()
        .themes
        .iter()
        .find(|t| t.name == "Training agreements")
        .expect("the new theme")
        .id;
    let tagged = session
        .project()
        .passages
        .values()
        .filter(|p| p.themes.contains(&theme))
        .count();
    assert_eq!(tagged, hits.len());
    assert!(session.is_dirty());

    window.state_mut().push(UiCommand::Undo);
    window.run();
    assert_eq!(
        window.state().session().project(),
        &project,
        "one undo takes it back"
    );
}
