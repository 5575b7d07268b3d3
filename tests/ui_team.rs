//! The team features in the window (egui_kittest): importing a REFI-QDA project through the
//! menu and the typed-path dialog, importing a codebook with a clash, merging another
//! analyst's project and undoing it, the Agreement tab against the core's numbers with its
//! CSV export, the current coder in the preferences, and the reader's choice of coders.
#![allow(
    clippy::too_many_lines,
    reason = "tests are exempt from the 100-line limit"
)]

use crate::common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::common::ui::{click_at, open, settle};
use dossier::analysis::agreement::{self, Options};
use dossier::analysis::export::agreement_csv;
use dossier::context::{CoderView, SelectCommand};
use dossier::project::{CoderId, Project, format};
use dossier::session::TextRange;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

type App = common::ui::Window;

fn data(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(path)
}

fn read_project(path: &Path) -> Project {
    let text = std::fs::read_to_string(path).expect("project");
    format::parse(&text, path).expect("parses").project
}

/// Click a menu, then an item whose text starts with `item`.
fn menu(harness: &mut App, menu: &str, item: &str) {
    harness.get_by_label(menu).click();
    harness.run();
    harness.get_by_label_contains(item).click();
    harness.run();
}

/// Type into the labelled field, replacing what it held.
fn replace_text(harness: &mut App, label: &str, text: &str) {
    let field = harness.get_by_label(label);
    field.focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run();
}

/// Answer the typed-path dialog (there is no native dialog in tests).
fn type_path(harness: &mut App, path: &Path, button: &str) {
    let field = harness.get_by_label("Path");
    field.focus();
    field.type_text(&path.display().to_string());
    harness.run();
    harness.get_by_label(button).click();
    settle(harness);
}

/// What the labelled text field holds.
fn field_value(harness: &App, label: &str) -> String {
    use egui_kittest::kittest::NodeT;
    harness
        .get_by_label(label)
        .accesskit_node()
        .value()
        .unwrap_or_default()
}

/// The window on three coders' project of the seeds (its articles are in `seeds/`, outside
/// the fixture's folder: the window asks first).
fn open_three_coders() -> App {
    let mut harness = open(data("agreement/seeds-three-coders.dossier.json"));
    harness.get_by_label("Load the articles").click();
    settle(&mut harness);
    harness
}

/// Step frames until the labelled widget stops moving (a new window grows into place over a
/// few frames; a click at its old place would miss).
fn until_still(harness: &mut App, label: &str) {
    let mut last = None;
    for _ in 0..60 {
        harness.run();
        let now = harness.get_by_label(label).rect();
        if last == Some(now) {
            return;
        }
        last = Some(now);
    }
    panic!("“{label}” kept moving");
}

fn last_error(harness: &App) -> String {
    harness
        .state()
        .notes()
        .last(dossier::session::Level::Error)
        .map(|n| n.text.clone())
        .unwrap_or_default()
}

#[test]
fn a_qualcoder_export_imports_through_the_menu_and_opens_with_its_passages() {
    let dir = common::tempdir();
    let qdpx = dir.path().join("qualcoder-export.qdpx");
    std::fs::copy(data("refi-import/qualcoder/qualcoder-export.qdpx"), &qdpx).expect("copy");
    let mut harness = open(common::seeds_dir());
    menu(&mut harness, "File", "Import REFI-QDA project (.qdpx)…");
    type_path(&mut harness, &qdpx, "Open");

    // Read: the dialog proposes a project beside the file, its articles in NAME-sources/.
    harness.get_by_label_contains("holds 5 source(s), 12 theme(s)");
    let proposed = dir.path().join("qualcoder-export.dossier.json");
    assert_eq!(
        field_value(&harness, "New project file"),
        proposed.display().to_string()
    );
    // Typing another project name moves the articles' folder with it.
    let target = dir.path().join("team").join("imported.dossier.json");
    replace_text(
        &mut harness,
        "New project file",
        &target.display().to_string(),
    );
    let sources = dir.path().join("team").join("imported-sources");
    assert_eq!(
        field_value(&harness, "Folder for its articles"),
        sources.display().to_string()
    );
    harness.get_by_label("Import").click();
    settle(&mut harness);

    // The new project is open, with the 32 passages of the project QualCoder was given.
    let session = harness.state().session();
    assert_eq!(session.project_path(), Some(target.as_path()));
    assert_eq!(session.corpus().len(), 5);
    assert_eq!(session.corpus().root, sources);
    let original = read_project(&data("refi-import/qualcoder/dossier-project.json"));
    let spans = |p: &Project| -> BTreeSet<(String, usize, usize, String, usize)> {
        p.passages
            .values()
            .map(|q| {
                (
                    q.article.0.clone(),
                    q.start,
                    q.end,
                    q.quote.clone(),
                    q.themes.len(),
                )
            })
            .collect()
    };
    assert_eq!(session.project().passages.len(), 32);
    assert_eq!(spans(session.project()), spans(&original));
    assert!(
        session.problems().is_empty(),
        "every passage fits its article"
    );
    // The report says what came in and what was read differently.
    harness.get_by_label("Imported qualcoder-export.qdpx");
    harness.get_by_label_contains("32 passage(s) from 44 selection(s)");

    // Importing again to the same place overwrites nothing: the dialog asks again, saying why.
    menu(&mut harness, "File", "Import REFI-QDA project (.qdpx)…");
    type_path(&mut harness, &qdpx, "Open");
    replace_text(
        &mut harness,
        "New project file",
        &target.display().to_string(),
    );
    harness.get_by_label("Import").click();
    settle(&mut harness);
    harness.get_by_label_contains("already exists");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(read_project(&target).passages.len(), 32);

    // A file that is not a REFI-QDA project is named in the error.
    let bogus = dir.path().join("notes.qdpx");
    std::fs::write(&bogus, "not a zip").expect("write");
    menu(&mut harness, "File", "Import REFI-QDA project (.qdpx)…");
    type_path(&mut harness, &bogus, "Open");
    let error = last_error(&harness);
    assert!(
        error.contains("not a ZIP file") && error.ends_with("notes.qdpx"),
        "{error}"
    );
}

#[test]
fn a_codebook_with_a_clashing_code_asks_and_comes_in_as_one_step() {
    let mut harness = open(common::seeds_dir());
    let themes = harness.state().session().project().themes.len();
    menu(&mut harness, "File", "Import codebook (.qdc)…");
    type_path(&mut harness, &data("refi-import/maxqda.qdc"), "Open");
    harness.get_by_label("Codes named like themes");
    harness.get_by_label("“Arms sales”");
    harness.get_by_label("Use the existing themes").click();
    settle(&mut harness);
    let project = harness.state().session().project();
    assert_eq!(
        project.themes.len(),
        themes + 2,
        "Helicopters and Corruption"
    );
    let arms = project
        .themes
        .iter()
        .find(|t| t.name == "Arms sales")
        .map(|t| t.id);
    let helicopters = project.themes.iter().find(|t| t.name == "Helicopters");
    assert_eq!(helicopters.and_then(|t| t.parent), arms);
    // The report lists the set Dossier cannot keep.
    harness.get_by_label("Imported the codebook maxqda.qdc");
    harness.get_by_label_contains("set(s) of codes");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().session().project().themes.len(), themes);
}

#[test]
fn merging_a_project_previews_the_themes_and_undoes_in_one_step() {
    let dir = common::tempdir();
    // Bob's project: the sample, saved under his name, on the same seeds.
    let mut bob = read_project(&data("refi-import/qualcoder/dossier-project.json"));
    bob.corpus_folder = Some(common::seeds_dir());
    let bob_path = dir.path().join("bob.dossier.json");
    dossier::project::io::save(&bob, &bob_path).expect("save");
    let bob_bytes = std::fs::read(&bob_path).expect("read");

    let mut harness = open(common::seeds_dir());
    let before = harness.state().session().project().clone();
    menu(&mut harness, "File", "Merge project…");
    type_path(&mut harness, &bob_path, "Open");
    harness.get_by_label("Merge “bob”");
    // The preview marks every theme of theirs that clashes with ours, as the core plans it.
    let plan = dossier::project::merge::plan(&before, harness.state().session().corpus(), &bob);
    let clashes: Vec<String> = plan.themes.iter().filter_map(|m| m.clash.clone()).collect();
    assert!(!clashes.is_empty(), "bob's themes clash with ours");
    for clash in &clashes {
        harness.get_by_label(clash);
    }
    // Bob's first theme is left out in the preview.
    let first = bob.theme_tree()[0].1.name.clone();
    until_still(&mut harness, "Merge");
    harness.get_by_label(&format!("Target of {first}")).click();
    harness.run();
    harness.get_by_label("leave out").click();
    harness.run();
    harness.get_by_label("Merge").click();
    settle(&mut harness);

    let project = harness.state().session().project().clone();
    let coder = project.coder_by_name("bob").expect("bob is a coder now").id;
    let first_id = bob.theme_tree()[0].1.id;
    let kept = bob
        .passages
        .values()
        .filter(|p| p.themes.iter().any(|t| *t != first_id))
        .count();
    assert_eq!(
        project
            .passages
            .values()
            .filter(|p| p.coder == coder)
            .count(),
        kept
    );
    assert!(kept < bob.passages.len());
    harness.get_by_label("Merged “bob”");
    harness.get_by_label(&format!("“{first}” left out"));
    assert_eq!(
        std::fs::read(&bob_path).expect("read"),
        bob_bytes,
        "theirs is only read"
    );

    // One undo takes the whole merge back.
    menu(&mut harness, "Edit", "Undo merge “bob”");
    assert_eq!(harness.state().session().project(), &before);
}

/// The core's table for the fixture.
fn core_table(project: &Project, coders: Vec<CoderId>) -> agreement::Agreement {
    let corpus = common::load_seeds();
    let lengths = agreement::article_lengths(project, Some(&corpus));
    let options = Options {
        coders,
        ..Options::default()
    };
    agreement::agreement(project, &lengths, &options).expect("a table")
}

fn check_rows(harness: &App, table: &agreement::Agreement) {
    let three = |x: Option<f64>| x.map_or("—".to_owned(), |v| format!("{v:.3}"));
    let rows = table
        .themes
        .iter()
        .map(|t| (t.name.as_str(), &t.coefficients))
        .chain([("Overall", &table.overall)]);
    for (name, c) in rows {
        let kappa = if table.coders.len() == 2 {
            format!("Cohen's κ {}", three(c.cohen_kappa))
        } else {
            format!("Fleiss' κ {}", three(c.fleiss_kappa))
        };
        let percent = c
            .percent
            .map_or("—".to_owned(), |v| format!("{:.1} %", v * 100.0));
        for cell in [
            format!("agreement {percent}"),
            kappa,
            format!("Krippendorff's α {}", three(c.alpha)),
            format!("unitizing αu {}", three(c.alpha_u)),
            c.grade.map_or("—", |g| g.label()).to_owned(),
        ] {
            harness.get_by_label(&format!("{name}: {cell}"));
        }
    }
}

#[test]
fn the_agreement_tab_shows_the_cores_numbers_lists_disagreements_and_exports_them() {
    let fixture = data("agreement/seeds-three-coders.dossier.json");
    let project = read_project(&fixture);
    let mut harness = open_three_coders();
    assert_eq!(harness.state().session().project().coder_list().len(), 3);
    harness.get_by_label("Agreement").click();
    settle(&mut harness);
    let all = core_table(&project, Vec::new());
    let used: BTreeSet<_> = project
        .passages
        .values()
        .flat_map(|p| p.themes.iter())
        .collect();
    assert_eq!(
        all.themes.len(),
        used.len(),
        "the themes the three coders used"
    );
    harness.get_by_label_contains("3 coders (analyst, bob, carol) on 5 article(s)");
    check_rows(&harness, &all);

    // Without carol: two coders, Cohen's κ, and where analyst and bob disagree.
    let carols = project
        .passages
        .values()
        .filter(|p| p.coder == CoderId(3))
        .count();
    harness.get_by_label(&format!("carol ({carols})")).click();
    settle(&mut harness);
    let two = core_table(&project, vec![CoderId(1), CoderId(2)]);
    check_rows(&harness, &two);
    let list = dossier::analysis::agreement_disagreements::disagreements(
        &project,
        CoderId(1),
        CoderId(2),
        &two.articles,
        None,
    );
    harness.get_by_label_contains(&format!("{} stretch(es)", list.len()));
    // One click opens a passage of bob's in the reader, with both coders in two colours. The
    // link's text is its span and quote: take one of bob's whose span no other passage has.
    let listed: Vec<_> = list.iter().flat_map(|d| d.a.iter().chain(&d.b)).collect();
    let theirs = list
        .iter()
        .flat_map(|d| &d.b)
        .find(|p| {
            listed
                .iter()
                .all(|q| q.id == p.id || (q.start, q.end) != (p.start, p.end))
        })
        .expect("a passage of bob's with a span of its own");
    let link = format!("{}–{} “", theirs.start, theirs.end);
    harness
        .get_all_by_label_contains(&link)
        .next()
        .expect("bob's passage is listed")
        .scroll_to_me();
    harness.run();
    harness.run();
    harness
        .get_all_by_label_contains(&link)
        .next()
        .expect("bob's passage is listed")
        .click();
    harness.run();
    assert_eq!(harness.state().selection().passage, Some(theirs.id));
    assert_eq!(
        harness.state().selection().coders,
        CoderView::Two(CoderId(1), CoderId(2))
    );

    // The table as CSV, through the export path.
    let dir = common::tempdir();
    let csv = dir.path().join("agreement");
    harness.get_by_label("Export CSV…").click();
    harness.run();
    type_path(&mut harness, &csv, "Save");
    let mut expected = Vec::new();
    agreement_csv(&two, &mut expected).expect("csv");
    let written = std::fs::read(dir.path().join("agreement.csv")).expect("written");
    assert_eq!(
        String::from_utf8(written.clone()),
        String::from_utf8(expected)
    );
    // The command line prints the same table for the same project and coders.
    let cli = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("agreement")
        .arg(&fixture)
        .arg("--allow-outside-corpus")
        .args(["--coders", "analyst,bob", "--format", "csv"])
        .output()
        .expect("the command runs");
    assert!(
        cli.status.success(),
        "{}",
        String::from_utf8_lossy(&cli.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&cli.stdout),
        String::from_utf8_lossy(&written),
        "the tab's export and `dossier agreement` agree"
    );
}

#[test]
fn the_preferences_switch_the_coder_and_tagging_makes_the_new_coders_passages() {
    let mut harness = open(common::seeds_dir());
    harness.get_by_label("Coder: analyst");
    menu(&mut harness, "Edit", "Preferences…");
    until_still(&mut harness, "New coder");
    harness.get_by_label("New coder").focus();
    harness.run();
    harness.get_by_label("New coder").type_text("Bob");
    harness.run();
    harness.get_by_label("Add and use").click();
    harness.run();
    harness.get_by_label("Coder: Bob");
    let bob = harness.state().session().project().current_coder;
    assert_eq!(harness.state().session().project().coder_name(bob), "Bob");

    let article = harness.state().session().corpus().articles()[0].id.clone();
    let tag = |harness: &mut App, start: usize| {
        harness
            .state_mut()
            .push(SelectCommand::ShowRange(TextRange {
                article: article.clone(),
                start,
                end: start + 20,
            }));
        harness.run();
        harness.key_press(Key::Num1);
        harness.run();
    };
    tag(&mut harness, 0);
    let coder_at = |harness: &App, start: usize| {
        harness
            .state()
            .session()
            .project()
            .passages
            .values()
            .find(|p| p.start == start)
            .map(|p| p.coder)
    };
    assert_eq!(coder_at(&harness, 0), Some(bob));

    // Back to the first coder through the window's list; the next passage is theirs.
    harness.get_by_label("Current coder").click();
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "analyst")
        .click();
    harness.run();
    harness.get_by_label("Coder: analyst");
    tag(&mut harness, 40);
    assert_eq!(coder_at(&harness, 40), Some(CoderId::FIRST));

    // Renaming a coder keeps names unique: a clash is refused with the reason.
    harness.get_by_label("Rename Bob").click();
    harness.run();
    replace_text(&mut harness, "New name", "analyst");
    harness.get_by_label("Rename").click();
    harness.run();
    let warning = harness
        .state()
        .notes()
        .last(dossier::session::Level::Warning)
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(warning.contains("two coders are named"), "{warning}");
    assert_eq!(harness.state().session().project().coder_name(bob), "Bob");
}

#[test]
fn the_reader_shows_one_coders_passages_or_two_side_by_side() {
    let mut harness = open_three_coders();
    assert_eq!(
        harness
            .state()
            .selection()
            .article
            .as_ref()
            .map(|a| a.as_str()),
        Some("000_8ac47412c0faaaf5.txt")
    );
    // "All news": the fifth character lies in carol's passage (3–86) only.
    let text = harness.get_by_label("Article text").rect().left_top();
    let in_news = text + egui::vec2(34.0, 8.0);
    let choose = |harness: &mut App, view: &str| {
        harness.get_by_label("Passages by").click();
        harness.run();
        harness.get_by_label(view).click();
        harness.run();
    };
    let carol = harness
        .state()
        .session()
        .project()
        .passages
        .values()
        .find(|p| p.start == 3)
        .map(|p| p.id);
    choose(&mut harness, "analyst only");
    assert_eq!(
        harness.state().selection().coders,
        CoderView::One(CoderId(1))
    );
    click_at(&mut harness, in_news);
    assert_eq!(
        harness.state().selection().passage,
        None,
        "carol's passage is hidden"
    );
    choose(&mut harness, "carol only");
    click_at(&mut harness, in_news);
    assert_eq!(harness.state().selection().passage, carol);

    // Analyst and bob in two colours: the title line holds both of their passages (10–82),
    // and a click there reaches theirs, never carol's.
    choose(&mut harness, "analyst and bob in two colours");
    assert_eq!(
        harness.state().selection().coders,
        CoderView::Two(CoderId(1), CoderId(2))
    );
    let title = text + egui::vec2(40.0, 8.0 + 2.0 * 28.0);
    let mut reached = BTreeSet::new();
    for _ in 0..3 {
        click_at(&mut harness, title);
        let p = harness.state().selection().passage.expect("a passage");
        reached.insert(harness.state().session().project().passages[&p].coder);
    }
    assert_eq!(reached, BTreeSet::from([CoderId(1), CoderId(2)]));
}
