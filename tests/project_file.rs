//! The project file: round trips, determinism, refusal of newer versions, errors with line and
//! column, validation of bad content, and atomic saves with backups.

mod common;

use std::fs;
use std::path::Path;

use dossier::corpus::{ArticleId, Corpus};
use dossier::project::codebook::default_themes;
use dossier::project::format::{self, ProjectError};
use dossier::project::{
    Anchor, ArticleRecord, Passage, PassageId, PassageProblem, Project, ThemeId, Timestamp,
    check_passages, io,
};

/// A project on the seeds with passages on multi-byte text.
fn sample(corpus: &Corpus) -> Project {
    let mut project = Project::with_themes(default_themes());
    project.corpus_folder = Some("seeds".into());
    project.articles = corpus.articles().iter().map(ArticleRecord::of).collect();
    let article = &corpus.articles()[4];
    // "Apurímac" comes after accented and curly-quoted text: offsets must count code points.
    let byte = article.text.find("Apurímac").expect("phrase");
    let start = article.char_of(byte).expect("boundary");
    let end = start + "Apurímac, Ene, and Mantaro".chars().count();
    let anchor = Anchor::cut(article, start, end).expect("anchor");
    assert_eq!(anchor.quote, "Apurímac, Ene, and Mantaro");
    let mut p = Passage::new(
        PassageId(1),
        article.id.clone(),
        anchor,
        vec![ThemeId(6), ThemeId(3)],
        Timestamp::from_unix(1_795_628_186),
    );
    p.note = "Coca valley — «VRAEM»".into();
    project.passages.insert(p.id, p);
    let a3 = &corpus.articles()[3];
    let byte = a3.text.find("$5.4 billion").expect("phrase");
    let s = a3.char_of(byte).expect("boundary");
    let anchor = Anchor::cut(a3, s, s + 12).expect("anchor");
    let p = Passage::new(
        PassageId(2),
        a3.id.clone(),
        anchor,
        vec![ThemeId(3)],
        Timestamp::from_unix(0),
    );
    project.passages.insert(p.id, p);
    project
}

#[test]
fn save_then_open_is_identical_and_byte_stable() {
    let corpus = common::load_seeds();
    let project = sample(&corpus);
    let dir = common::tempdir();
    let path = dir.path().join("p.json");
    io::save(&project, &path).expect("save");
    let first = fs::read(&path).expect("read");
    let opened = io::open(&path).expect("open");
    assert!(opened.warnings.is_empty(), "{:?}", opened.warnings);
    assert_eq!(opened.project, project);
    io::save(&opened.project, &path).expect("save again");
    assert_eq!(fs::read(&path).expect("read"), first, "two saves differ");
    // The passages still fit the seeds after the round trip.
    assert!(check_passages(&opened.project, &corpus).is_empty());
}

#[test]
fn saved_json_has_sorted_keys_and_the_documented_fields() {
    let corpus = common::load_seeds();
    let text = format::to_json(&sample(&corpus));
    let top: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("  \""))
        .map(|l| l.trim().split('"').nth(1).unwrap_or(""))
        .collect();
    let mut sorted = top.clone();
    sorted.sort();
    assert_eq!(top, sorted);
    assert_eq!(top, ["corpus", "format", "passages", "themes", "version"]);
    let value: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(value["format"], "dossier-project");
    assert_eq!(value["version"], 1);
    let p = &value["passages"][0];
    for key in [
        "id", "article", "start", "end", "quote", "prefix", "suffix", "themes", "note", "created",
        "modified",
    ] {
        assert!(p.get(key).is_some(), "passage has no {key}");
    }
    assert_eq!(p["created"], "2026-11-25T17:36:26Z");
    assert_eq!(p["prefix"].as_str().map(|s| s.chars().count()), Some(32));
    let a = &value["corpus"]["articles"][0];
    assert_eq!(a["sha256"].as_str().map(str::len), Some(64));
    assert_eq!(value["corpus"]["folder"], "seeds");
}

#[test]
fn a_newer_version_is_refused_and_the_file_left_alone() {
    let dir = common::tempdir();
    let path = dir.path().join("future.json");
    let text =
        r#"{"format":"dossier-project","version":99,"corpus":{"folder":"x"},"hologram":true}"#;
    fs::write(&path, text).expect("write");
    let err = io::open(&path).expect_err("refused");
    assert!(
        matches!(err, ProjectError::TooNew { found: 99, .. }),
        "{err}"
    );
    let message = err.to_string();
    assert!(
        message.contains("newer Dossier") && message.contains("future.json"),
        "{message}"
    );
    assert_eq!(fs::read_to_string(&path).expect("read"), text);
}

#[test]
fn malformed_json_reports_line_and_column() {
    let dir = common::tempdir();
    let path = dir.path().join("broken.json");
    fs::write(
        &path,
        "{\n  \"format\": \"dossier-project\",\n  \"version\": 1,\n  \"corpus\": {,\n}",
    )
    .expect("write");
    match io::open(&path) {
        Err(ProjectError::Syntax { line, column, .. }) => assert_eq!((line, column), (4, 14)),
        other => panic!("expected a syntax error, got {other:?}"),
    }
    // Truncated file.
    fs::write(
        &path,
        "{\"format\": \"dossier-project\", \"version\": 1, \"corpus\": {\"fol",
    )
    .expect("write");
    let err = io::open(&path).expect_err("truncated");
    assert!(err.to_string().contains("line 1"), "{err}");
    // Wrong type deep inside: still a position.
    fs::write(
        &path,
        "{\"format\":\"dossier-project\",\"version\":1,\"corpus\":{\"folder\":null},\n\"themes\":[{\"id\":\"one\",\"name\":\"x\",\"color\":\"#000000\"}]}",
    )
    .expect("write");
    match io::open(&path) {
        Err(ProjectError::Shape { line, message, .. }) => {
            assert_eq!(line, 2);
            assert!(message.contains("invalid type"), "{message}");
        }
        other => panic!("expected a shape error, got {other:?}"),
    }
    // Not a project at all.
    fs::write(&path, "[1, 2, 3]").expect("write");
    assert!(io::open(&path).is_err());
    fs::write(&path, "{\"format\": \"something-else\", \"version\": 1}").expect("write");
    assert!(matches!(
        io::open(&path),
        Err(ProjectError::NotAProject { .. })
    ));
}

#[test]
fn damaged_content_is_flagged_and_repaired_without_losing_work() {
    let dir = common::tempdir();
    let path = dir.path().join("damaged.json");
    let passage = |id: u64, article: &str, start: usize, end: usize, quote: &str, themes: &str| {
        format!(
            r#"{{"id":{id},"article":"{article}","start":{start},"end":{end},"quote":"{quote}","themes":{themes},"created":"2026-01-01T00:00:00Z","modified":"2026-01-01T00:00:00Z"}}"#
        )
    };
    let text = format!(
        r##"{{"format":"dossier-project","version":1,"corpus":{{"folder":"../seeds-does-not-exist"}},
"themes":[{{"id":1,"name":"A","color":"#ff0000","parent":2}},{{"id":2,"name":"B","color":"#00ff00","parent":1}},
{{"id":2,"name":"B again","color":"#0000ff"}},{{"id":3,"name":"","color":"#000000","parent":77}}],
"passages":[{},{},{},{}]}}"##,
        passage(1, "000_8ac47412c0faaaf5.txt", 0, 8, "All news", "[1]"),
        passage(1, "000_8ac47412c0faaaf5.txt", 0, 3, "All", "[9]"),
        passage(
            2,
            "000_8ac47412c0faaaf5.txt",
            2000,
            9000,
            "past the end",
            "[1]"
        ),
        passage(3, "gone.txt", 0, 4, "lost", "[2]"),
    );
    fs::write(&path, &text).expect("write");
    let opened = io::open(&path).expect("opens with warnings");
    let w = opened.warnings.join("\n");
    assert!(w.contains("share id 2"), "{w}");
    assert!(w.contains("share id 1"), "{w}");
    assert!(w.contains("own ancestor"), "{w}");
    assert!(w.contains("does not exist"), "{w}");
    assert!(w.contains("no name"), "{w}");
    assert!(w.contains("Missing theme 9"), "{w}");
    let p = &opened.project;
    assert_eq!(p.passages.len(), 4, "no passage dropped");
    assert!(
        p.theme(ThemeId(9)).is_some(),
        "placeholder for the unknown theme"
    );
    assert!(p.themes.iter().all(|t| !p.ancestors(t.id).contains(&t.id)));
    assert_eq!(
        fs::read_to_string(&path).expect("read"),
        text,
        "opening never writes"
    );

    let corpus = common::load_seeds();
    let problems = check_passages(p, &corpus);
    assert_eq!(problems.get(&PassageId(1)), None);
    assert!(matches!(
        problems.get(&PassageId(2)),
        Some(PassageProblem::OutOfRange { .. })
    ));
    assert_eq!(
        problems.get(&PassageId(3)),
        Some(&PassageProblem::MissingArticle)
    );
    // The renumbered duplicate (id 4) quotes "All" at 0..3: it fits.
    assert_eq!(problems.get(&PassageId(4)), None);
}

#[test]
fn a_quote_that_no_longer_matches_is_flagged_not_moved() {
    let corpus = common::load_seeds();
    let mut project = sample(&corpus);
    let p = project.passages.get_mut(&PassageId(1)).expect("passage");
    p.quote = "something else entirely".into();
    let (start, end) = (p.start, p.end);
    let problems = check_passages(&project, &corpus);
    assert!(matches!(
        problems.get(&PassageId(1)),
        Some(PassageProblem::QuoteMismatch { found }) if found == "Apurímac, Ene, and Mantaro"
    ));
    assert_eq!(
        (
            project.passages[&PassageId(1)].start,
            project.passages[&PassageId(1)].end
        ),
        (start, end)
    );
}

#[test]
fn a_failed_write_leaves_the_old_file_intact() {
    let dir = common::tempdir();
    let path = dir.path().join("p.json");
    fs::write(&path, "the good old contents").expect("write");
    let err = io::write_atomic_with(&path, |f| {
        use std::io::Write;
        f.write_all(b"half a new fi")?;
        Err(std::io::Error::other("disk full"))
    })
    .expect_err("fails");
    assert_eq!(err.to_string(), "disk full");
    assert_eq!(
        fs::read_to_string(&path).expect("read"),
        "the good old contents"
    );
    let leftovers: Vec<_> = fs::read_dir(dir.path()).expect("ls").collect();
    assert_eq!(leftovers.len(), 1, "the temporary file was removed");
}

#[test]
fn saving_where_no_file_can_be_written_names_the_path() {
    let dir = common::tempdir();
    let path = dir.path().join("no-such-folder").join("p.json");
    let err = io::save(&Project::default(), &path).expect_err("fails");
    assert!(matches!(err, ProjectError::Write { .. }));
    assert!(
        err.to_string().ends_with(&path.display().to_string()),
        "{err}"
    );
}

#[test]
fn each_save_keeps_three_backups() {
    let dir = common::tempdir();
    let path = dir.path().join("p.json");
    let mut project = Project::with_themes(default_themes());
    for n in 1..=5 {
        project.corpus_folder = Some(format!("v{n}").into());
        io::save(&project, &path).expect("save");
    }
    let folder_of = |p: &Path| io::open(p).expect("open").project.corpus_folder;
    assert_eq!(folder_of(&path), Some("v5".into()));
    assert_eq!(folder_of(&io::backup_path(&path, 1)), Some("v4".into()));
    assert_eq!(folder_of(&io::backup_path(&path, 2)), Some("v3".into()));
    assert_eq!(folder_of(&io::backup_path(&path, 3)), Some("v2".into()));
    assert!(!io::backup_path(&path, 4).exists());
}

#[test]
fn articles_ids_are_relative_paths() {
    let corpus = common::load_seeds();
    let a = &corpus.articles()[0];
    assert_eq!(a.id, ArticleId("000_8ac47412c0faaaf5.txt".into()));
    assert!(a.path.ends_with("seeds/000_8ac47412c0faaaf5.txt"));
}
