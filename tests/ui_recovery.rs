//! The window keeps the analyst's work (egui_kittest): articles changed before opening or
//! while open are followed, orphans re-attached, and unsaved work written to a recovery copy
//! (on a panic, on losing focus) and offered back.

use crate::common;

use std::time::{Duration, Instant};

use crate::common::ui::{open, open_with, settle};
use dossier::context::SelectCommand;
use dossier::session::{TagIntent, TextRange};
use egui_kittest::kittest::Queryable;

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

    // Opened by its command, as the View menu and the command palette do.
    harness
        .state_mut()
        .push(dossier::context::UiCommand::ShowTab(
            dossier::context::Tab::Orphans,
        ));
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
