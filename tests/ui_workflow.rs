//! The window driven through its accessibility tree (egui_kittest, no display or GPU): open the
//! seeds, select an article, tag a range with a number key, undo, redo, save to a typed path,
//! and reopen the project.

mod common;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use dossier::app::{DossierApp, StartOptions};
use dossier::context::SelectCommand;
use dossier::session::{TagIntent, TextRange};
use dossier::ui::quote_preview;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn open(path: PathBuf) -> Harness<'static, DossierApp> {
    // Recovery copies of unsaved projects go to a folder of the test's own.
    let data = tempfile::tempdir().expect("tempdir").keep();
    open_with(path, data)
}

fn open_with(path: PathBuf, data_dir: PathBuf) -> Harness<'static, DossierApp> {
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| {
            DossierApp::new(
                cc,
                StartOptions {
                    path: Some(path),
                    no_native_dialogs: true,
                    data_dir: Some(data_dir),
                    max_file_bytes: None,
                },
            )
        });
    settle(&mut harness);
    harness
}

/// Step frames until no background job runs.
fn settle(harness: &mut Harness<'static, DossierApp>) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        harness.run_ok();
        if harness.state().is_idle() {
            harness.run_ok();
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the app stayed busy for a minute"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// A left click at a point on the screen.
fn click_at(harness: &mut Harness<'static, DossierApp>, pos: egui::Pos2) {
    harness.hover_at(pos);
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run();
}

#[test]
fn tag_undo_redo_save_and_reopen() {
    let mut harness = open(common::seeds_dir());
    assert_eq!(harness.state().session().corpus().len(), 5);
    let title = "Russia is to step up multilateral cooperation in counternarcotics operations in Latin America, in what may also be a play to increase its geopolitical influence in the region.";
    let shown: String = title.chars().take(160).chain(['…']).collect();
    harness.get_by_label(&shown).click();
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
    let theme = dossier::ui::numbered_themes(harness.state().session().project())[2];
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
    let plot = harness.state().plot_state();
    let drawn = dossier::ui::plot::drawn_series(harness.state().session(), &plot);
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
fn changed_articles_re_anchor_and_orphans_can_be_re_attached() {
    use dossier::project::{Anchor, Passage, PassageId, Project, ThemeId, Timestamp, io};
    let dir = common::tempdir();
    let corpus_dir = dir.path().join("articles");
    std::fs::create_dir(&corpus_dir).expect("mkdir");
    common::copy_seeds(&corpus_dir);
    let corpus = common::load(&corpus_dir).0;
    let mut project = Project::with_themes(dossier::project::codebook::default_themes());
    for (id, file, phrase) in [
        (1, "003_eaa2cb2b0ffc7ced.txt", "24 Russian helicopters"),
        (2, "000_8ac47412c0faaaf5.txt", "train drug police"),
    ] {
        let a = corpus
            .get(&dossier::corpus::ArticleId(file.into()))
            .expect("article");
        let start = a
            .char_of(a.text.find(phrase).expect("phrase"))
            .expect("boundary");
        let anchor = Anchor::cut(a, start, start + phrase.chars().count()).expect("anchor");
        let p = Passage::new(
            PassageId(id),
            a.id.clone(),
            anchor,
            vec![ThemeId(3)],
            Timestamp::from_unix(0),
        );
        project.passages.insert(p.id, p);
    }
    let path = dir.path().join("project.json");
    io::set_corpus_folder(&mut project, &path, &corpus_dir);
    io::save(&project, &path).expect("save");
    // Later: one article gains a paragraph at the top, another is rewritten.
    let f003 = corpus_dir.join("003_eaa2cb2b0ffc7ced.txt");
    let text = std::fs::read_to_string(&f003).expect("read");
    std::fs::write(
        &f003,
        format!("Editor's note: this article was updated.\n\n{text}"),
    )
    .expect("write");
    std::fs::write(
        corpus_dir.join("000_8ac47412c0faaaf5.txt"),
        "A completely different article about fisheries.\n",
    )
    .expect("write");

    let mut harness = open(path);
    let ws = harness.state().session();
    let moved = &ws.project().passages[&PassageId(1)];
    assert_eq!(moved.quote, "24 Russian helicopters");
    assert_eq!(
        moved.start,
        project.passages[&PassageId(1)].start
            + "Editor's note: this article was updated.\n\n"
                .chars()
                .count()
    );
    assert_eq!(
        ws.problems().keys().copied().collect::<Vec<_>>(),
        vec![PassageId(2)],
        "the rewritten article's passage is an orphan"
    );
    assert!(ws.is_dirty(), "moving passages is a change to save");

    harness.get_by_label("Orphans").click();
    harness.run();
    harness.get_by_label("Passage 2");
    // Select new text for it in the reader, then re-attach.
    let target = dossier::corpus::ArticleId("000_8ac47412c0faaaf5.txt".into());
    harness
        .state_mut()
        .push(SelectCommand::ShowRange(TextRange {
            article: target.clone(),
            start: 2,
            end: 22,
        }));
    harness.run();
    assert_eq!(harness.state().selection().text, Some((2, 22)));
    // Clicked through the accessibility tree (as a screen reader would); the pointer path,
    // where the press first takes focus from the reader, was checked in a real window.
    harness
        .get_by_label("Re-attach to selection")
        .click_accesskit();
    harness.run();
    harness.run();
    let ws = harness.state().session();
    let log: Vec<String> = harness
        .state()
        .notes()
        .log()
        .iter()
        .map(|n| n.text.clone())
        .collect();
    assert!(
        ws.problems().is_empty(),
        "{:?} {:?} {log:?}",
        ws.problems(),
        harness.state().selection()
    );
    assert_eq!(
        ws.project().passages[&PassageId(2)].quote,
        "completely different"
    );
    harness.get_by_label("No orphans: every passage and curated figure sits on its text.");
}

#[test]
fn a_newer_recovery_copy_is_offered_and_restored() {
    use dossier::project::{Anchor, Passage, PassageId, Project, ThemeId, Timestamp, io};
    let dir = common::tempdir();
    let corpus = common::load_seeds();
    let mut project = Project::with_themes(dossier::project::codebook::default_themes());
    let path = dir.path().join("work.json");
    io::set_corpus_folder(&mut project, &path, &common::seeds_dir());
    let a = &corpus.articles()[3];
    let tag = |project: &mut Project, id: u64, phrase: &str| {
        let start = a
            .char_of(a.text.find(phrase).expect("phrase"))
            .expect("boundary");
        let anchor = Anchor::cut(a, start, start + phrase.chars().count()).expect("anchor");
        let p = Passage::new(
            PassageId(id),
            a.id.clone(),
            anchor,
            vec![ThemeId(3)],
            Timestamp::from_unix(0),
        );
        project.passages.insert(p.id, p);
    };
    tag(&mut project, 1, "24 Russian helicopters");
    io::save(&project, &path).expect("save");
    // Later work, never saved, only in the recovery copy.
    std::thread::sleep(Duration::from_millis(20));
    tag(&mut project, 2, "1.2 tons of cocaine");
    tag(&mut project, 3, "$5.4 billion");
    let recovery = dir.path().join(".work.json.recovery.json");
    dossier::session::recovery::write(&project, &recovery).expect("recovery");

    let mut harness = open(path.clone());
    harness.get_by_label("Load the articles").click();
    settle(&mut harness);
    assert_eq!(
        harness.state().session().project().passages.len(),
        1,
        "the saved project opened first"
    );
    harness.get_by_label_contains("It holds 3 passage(s)");
    harness.get_by_label("Restore").click();
    settle(&mut harness);
    let ws = harness.state().session();
    assert_eq!(
        ws.project().passages.len(),
        3,
        "the recovery copy was restored"
    );
    assert_eq!(
        ws.project_path(),
        Some(path.as_path()),
        "it belongs to the same file"
    );
    assert!(ws.is_dirty(), "restored work is unsaved until saved");
}

#[test]
fn a_panic_writes_the_recovery_copy_and_the_next_start_offers_it() {
    let data = common::tempdir();
    let mut harness = open_with(common::seeds_dir(), data.path().to_owned());
    // Tag something (unsaved), then crash.
    let first = harness.state().session().corpus().articles()[0].id.clone();
    harness.state_mut().push(TagIntent::TagRange {
        range: TextRange {
            article: first,
            start: 0,
            end: 8,
        },
        theme: dossier::project::ThemeId(1),
    });
    harness.run();
    assert_eq!(harness.state().session().project().passages.len(), 1);
    // Every frame runs through `run_guarded`; a panic inside it stands for a bug in a frame.
    let crashed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        harness
            .state_mut()
            .run_guarded(|_| panic!("a crash in the middle of a frame"))
    }));
    assert!(crashed.is_err(), "the frame panicked");
    let folder = data.path().join("recovery");
    let copies: Vec<_> = std::fs::read_dir(&folder)
        .expect("recovery folder")
        .collect();
    assert_eq!(
        copies.len(),
        1,
        "one recovery copy was written before the panic went on"
    );

    // The next start on the same folder offers it.
    let mut next = open_with(common::seeds_dir(), data.path().to_owned());
    next.get_by_label_contains("It holds 1 passage(s)");
    next.get_by_label("Restore").click();
    settle(&mut next);
    assert_eq!(next.state().session().project().passages.len(), 1);
    assert_eq!(
        next.state()
            .session()
            .project()
            .passages
            .values()
            .next()
            .map(|p| p.quote.as_str()),
        Some("All news")
    );
}

#[test]
fn losing_focus_with_unsaved_changes_writes_the_recovery_copy() {
    let data = common::tempdir();
    let mut harness = open_with(common::seeds_dir(), data.path().to_owned());
    let first = harness.state().session().corpus().articles()[1].id.clone();
    harness.state_mut().push(TagIntent::TagRange {
        range: TextRange {
            article: first,
            start: 0,
            end: 6,
        },
        theme: dossier::project::ThemeId(2),
    });
    harness.run();
    let folder = data.path().join("recovery");
    assert!(!folder.exists(), "nothing is written before it is due");
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .focused = Some(false);
    harness.run_steps(2);
    settle(&mut harness);
    let copy = std::fs::read_dir(&folder)
        .expect("recovery folder")
        .next()
        .expect("a copy")
        .expect("entry")
        .path();
    let opened = dossier::project::io::open(&copy).expect("the copy is a valid project");
    assert_eq!(opened.project.passages.len(), 1);
}

#[test]
fn articles_changed_on_disk_are_picked_up_and_passages_follow() {
    let dir = common::tempdir();
    common::copy_seeds(dir.path());
    let mut harness = open(dir.path().to_owned());
    let id = dossier::corpus::ArticleId("003_eaa2cb2b0ffc7ced.txt".into());
    let (start, end) = {
        let a = harness
            .state()
            .session()
            .corpus()
            .get(&id)
            .expect("article");
        let s = a
            .char_of(a.text.find("26 people").expect("phrase"))
            .expect("boundary");
        (s, s + 9)
    };
    harness.state_mut().push(TagIntent::TagRange {
        range: TextRange {
            article: id.clone(),
            start,
            end,
        },
        theme: dossier::project::ThemeId(2),
    });
    harness.run();
    // Edit the article on disk, and add a new one.
    let file = dir.path().join("003_eaa2cb2b0ffc7ced.txt");
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(&file, format!("Correction appended at the top.\n\n{text}")).expect("write");
    std::fs::write(
        dir.path().join("005_new.txt"),
        "A new article arrives: 40 tons seized in 2016.\n",
    )
    .expect("write");
    let deadline = Instant::now() + Duration::from_secs(20);
    while harness.state().session().corpus().len() < 6
        || harness
            .state()
            .session()
            .project()
            .passages
            .values()
            .next()
            .is_some_and(|p| p.start == start)
    {
        assert!(
            Instant::now() < deadline,
            "the change on disk was not picked up"
        );
        std::thread::sleep(Duration::from_millis(50));
        harness.step();
    }
    settle(&mut harness);
    let ws = harness.state().session();
    let p = ws.project().passages.values().next().expect("passage");
    assert_eq!(p.quote, "26 people");
    assert_eq!(
        p.start,
        start + "Correction appended at the top.\n\n".chars().count()
    );
    assert!(ws.problems().is_empty());
    assert!(
        ws.figure_rows()
            .iter()
            .any(|r| r.key.article.as_str() == "005_new.txt" && r.figure.value == 40.0)
    );
    let log: Vec<String> = harness
        .state()
        .notes()
        .log()
        .iter()
        .map(|n| n.text.clone())
        .collect();
    assert!(
        log.iter().any(|m| m.contains("1 new, 1 edited, 0 removed")),
        "{log:?}"
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

/// Save as… to a typed path (there is no native dialog in tests).
fn save_as(harness: &mut Harness<'static, DossierApp>, target: &std::path::Path) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Save as…").click();
    harness.run();
    let field = harness.get_by_label("Path");
    field.focus();
    field.type_text(&target.display().to_string());
    harness.run();
    harness.get_by_label("Save").click();
    settle(harness);
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
