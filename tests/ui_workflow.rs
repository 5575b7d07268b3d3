//! The window driven through its accessibility tree (egui_kittest, no display or GPU): open the
//! seeds, select an article, tag a range with a number key, undo, redo, save to a typed path,
//! and reopen the project; figures into a plotted series; search and tag every hit; export.

use crate::common;

use crate::common::ui::{click_at, open, settle};
use dossier::app::DossierApp;
use dossier::context::SelectCommand;
use dossier::session::TextRange;
use dossier::ui::quote_preview;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

#[test]
fn tag_undo_redo_save_and_reopen() {
    let mut harness = open(common::seeds_dir());
    assert_eq!(harness.state().session().corpus().len(), 5);
    // The library shows the detected headline (this seed has none: its first sentence, cut).
    let shown = "Russia is to step up multilateral cooperation in counternarcotics operations in Latin America, in what may also be a play to increase its geopolitical…";
    harness.get_by_label(shown).click();
    harness.run();
    let article = harness
        .state()
        .selection()
        .article
        .clone()
        .expect("an article is open");
    assert_eq!(article.as_str(), "001_a0559c53da0811ca.txt");

    // Click just left of the first character, then select 28 characters with Shift+→.
    let start = harness.get_by_label("Article text").rect().left_top() + egui::vec2(1.0, 8.0);
    click_at(&mut harness, start);
    for _ in 0..28 {
        harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    }
    harness.run();
    assert_eq!(harness.state().selection().text, Some((0, 28)));

    // Press 3: the third theme in the codebook tags the selection.
    harness.key_press(Key::Num3);
    harness.run();
    let theme = dossier::ui::theme_for_key(harness.state().session().project(), 3).expect("key 3");
    let passages: Vec<_> = harness
        .state()
        .session()
        .project()
        .passages
        .values()
        .cloned()
        .collect();
    assert_eq!(passages.len(), 1);
    let p = &passages[0];
    assert_eq!((p.start, p.end), (0, 28));
    assert_eq!(p.quote, "Russia is to step up multila");
    assert_eq!(p.themes, vec![theme]);
    assert!(harness.state().session().is_dirty());
    // The passages list shows it.
    harness.get_by_label(&quote_preview(&p.quote, 200));

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(
        harness.state().session().project().passages.is_empty(),
        "undo removes the tag"
    );
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().session().project().passages.len(),
        1,
        "redo restores it"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(
        harness.state().session().project().passages.len(),
        1,
        "Ctrl+Y redoes too"
    );

    // Save as… with no native dialog: the typed-path field.
    let dir = common::tempdir();
    let target = dir.path().join("tagged.json");
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Save as…").click();
    harness.run();
    let field = harness.get_by_label("Path");
    field.focus();
    field.type_text(&target.display().to_string());
    harness.run();
    harness.get_by_label("Save").click();
    settle(&mut harness);
    assert!(target.is_file(), "the project was written");
    assert!(!harness.state().session().is_dirty());
    assert_eq!(
        harness.state().session().project_path(),
        Some(target.as_path())
    );

    // Reopen in a new window: the passage is there, highlighted and listed.
    // The seeds lie outside the temporary folder, so Dossier asks before reading them.
    let mut reopened = open(target.clone());
    reopened.get_by_label("Load the articles").click();
    settle(&mut reopened);
    let ws = reopened.state().session();
    assert_eq!(
        ws.corpus().len(),
        5,
        "the corpus came back through the saved folder"
    );
    assert!(ws.problems().is_empty(), "{:?}", ws.problems());
    let again: Vec<_> = ws.project().passages.values().cloned().collect();
    assert_eq!(again.len(), 1);
    assert_eq!(
        (again[0].start, again[0].end, &again[0].quote),
        (0, 28, &p.quote)
    );
    reopened.get_by_label(&quote_preview(&p.quote, 200)).click();
    reopened.run();
    assert_eq!(reopened.state().selection().passage, Some(again[0].id));
    assert_eq!(
        reopened.state().selection().article.as_ref(),
        Some(&article)
    );
}

#[test]
fn figures_become_a_plotted_series_that_survives_save_and_reopen() {
    let mut harness = open(common::seeds_dir());
    harness.get_by_label("Figures").click();
    harness.run();
    // Narrow the table to the coca sentences, then pick the two eradication figures.
    let filter = harness.get_by_label("Text");
    filter.focus();
    filter.type_text("coca crops");
    harness.run();
    harness
        .get_all_by_label("Pick 35,000 hectares in 004_4e1d6365705cc31f.txt")
        .next()
        .expect("the 2015 goal is listed")
        .click();
    harness
        .get_all_by_label("Pick 31,000 hectares in 004_4e1d6365705cc31f.txt")
        .next()
        .expect("the 2014 result is listed")
        .click();
    harness.run();
    assert_eq!(
        harness
            .state()
            .session()
            .figure_rows()
            .iter()
            .filter(|r| r.figure.unit == "hectare")
            .count(),
        4
    );
    let name = harness.get_by_label("Series name");
    name.focus();
    name.type_text("Peru coca eradication (hectares)");
    harness.run();
    harness.get_by_label("Create series").click();
    harness.run();

    let check = |app: &DossierApp| {
        let series = &app.session().project().series;
        assert_eq!(series.len(), 1);
        assert_eq!(series[0].name, "Peru coca eradication (hectares)");
        assert_eq!(series[0].unit, "hectare");
        let points = dossier::figures::series::points(
            app.session().project(),
            app.session().corpus(),
            &series[0],
        );
        let got: Vec<(f64, dossier::figures::Year)> =
            points.iter().map(|p| (p.value, p.year)).collect();
        assert_eq!(
            got,
            vec![
                (31_000.0, dossier::figures::Year::Point(2014)),
                (35_000.0, dossier::figures::Year::Point(2015))
            ]
        );
    };
    check(harness.state());
    harness.get_by_label("Plot").click();
    harness.run();
    harness.get_by_label("Show Peru coca eradication (hectares)");
    harness.get_by_label_contains("hectares · 2 points");
    let mut plot = harness.state().plot_state();
    let drawn = dossier::ui::plot::drawn_series(harness.state().session(), &mut plot);
    assert_eq!(drawn.len(), 1);
    assert_eq!(drawn[0].points.len(), 2);

    // Undo removes the series, redo brings it back.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(harness.state().session().project().series.is_empty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    check(harness.state());

    let dir = common::tempdir();
    let target = dir.path().join("figures.json");
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Save as…").click();
    harness.run();
    let field = harness.get_by_label("Path");
    field.focus();
    field.type_text(&target.display().to_string());
    harness.run();
    harness.get_by_label("Save").click();
    settle(&mut harness);
    assert!(target.is_file());

    let mut reopened = open(target);
    reopened.get_by_label("Load the articles").click();
    settle(&mut reopened);
    check(reopened.state());
    reopened.get_by_label("Plot").click();
    reopened.run();
    reopened.get_by_label_contains("hectares · 2 points");
}

#[test]
fn search_shows_the_model_count_and_tags_all_hits_in_one_undoable_step() {
    let mut harness = open(common::seeds_dir());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    let field = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Search");
    assert!(field.is_focused(), "Ctrl+F focuses the search field");
    field.type_text("helicopter");
    settle(&mut harness);
    let expected = {
        let re = dossier::analysis::Query::plain("helicopter")
            .compile()
            .expect("compiles");
        dossier::analysis::search(
            harness.state().session().corpus(),
            &re,
            &dossier::analysis::Scope::Corpus,
            1000,
        )
    };
    assert_eq!(expected.hits.len(), 2);
    harness.get_by_label(&format!(
        "{} hits in {} articles",
        expected.hits.len(),
        expected.per_article.len()
    ));

    // F3 opens the first hit in the reader, selected.
    harness.key_press(Key::F3);
    harness.run();
    let first = &expected.hits[0];
    assert_eq!(
        harness.state().selection().article.as_ref(),
        Some(&first.article)
    );
    assert_eq!(
        harness.state().selection().text,
        Some((first.start, first.end))
    );

    // The preview of what tagging would do is worked out on a worker: wait for it each time.
    harness.get_by_label("Tag all hits…").click();
    settle(&mut harness);
    harness.get_by_label("Theme").click();
    harness.run();
    harness.get_by_label("Arms sales").click();
    settle(&mut harness);
    harness.get_by_label("its sentence").click();
    settle(&mut harness);
    harness.get_by_label("Tag 2 passage(s)").click();
    settle(&mut harness);
    let arms = harness
        .state()
        .session()
        .project()
        .themes
        .iter()
        .find(|t| t.name == "Arms sales")
        .map(|t| t.id)
        .expect("theme");
    let passages: Vec<_> = harness
        .state()
        .session()
        .project()
        .passages
        .values()
        .cloned()
        .collect();
    assert_eq!(passages.len(), 2);
    assert!(passages.iter().all(|p| p.themes == vec![arms]
        && p.quote.to_lowercase().contains("helicopter")
        && p.quote.ends_with('.')));

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(
        harness.state().session().project().passages.is_empty(),
        "one undo removes every tagged hit"
    );
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().session().project().passages.len(),
        2,
        "redo brings them back"
    );
}

#[test]
fn file_export_writes_a_refi_qda_project_with_the_tagged_passage() {
    let mut harness = open(common::seeds_dir());
    // Tag the first 28 characters of the first article, as an analyst would.
    let article = harness.state().session().corpus().articles()[0].id.clone();
    harness
        .state_mut()
        .push(SelectCommand::ShowRange(TextRange {
            article: article.clone(),
            start: 0,
            end: 28,
        }));
    harness.run();
    assert_eq!(harness.state().selection().text, Some((0, 28)));
    harness.key_press(Key::Num1);
    harness.run();
    assert_eq!(harness.state().session().project().passages.len(), 1);

    let dir = common::tempdir();
    let target = dir.path().join("exported");
    harness.get_by_label("File").click();
    harness.run();
    harness
        .get_by_label_contains("Export REFI-QDA project (.qdpx)…")
        .click();
    harness.run();
    let field = harness.get_by_label("Path");
    field.focus();
    field.type_text(&target.display().to_string());
    harness.run();
    harness.get_by_label("Save").click();
    settle(&mut harness);

    // The extension is added, and the archive holds the XML and the five articles.
    let written = dir.path().join("exported.qdpx");
    let file = std::fs::File::open(&written).expect("the .qdpx was written");
    let mut zip = zip::ZipArchive::new(file).expect("a ZIP archive");
    assert_eq!(zip.len(), 6, "project.qde and five sources");
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("project.qde").expect("qde"), &mut xml)
        .expect("read");
    assert_eq!(xml.matches("<PlainTextSelection ").count(), 1);
    assert!(
        xml.contains(r#"startPosition="0" endPosition="28""#),
        "{xml}"
    );
    assert_eq!(
        harness.state().session().project_path(),
        None,
        "an export is not a save: the project stays untitled"
    );
    assert!(
        harness.state().session().is_dirty(),
        "and its changes are still unsaved"
    );
}
