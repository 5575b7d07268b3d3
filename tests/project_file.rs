//! The project file: round trips, determinism, refusal of newer versions, errors with line and
//! column, validation of bad content, and atomic saves with backups.

use crate::common;

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
    assert_eq!(
        top,
        [
            "corpus", "figures", "format", "passages", "rules", "series", "themes", "version"
        ]
    );
    let value: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(value["format"], "dossier-project");
    assert_eq!(value["version"], 3);
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

    // Saving over it (Save as… onto that file) is refused too, and leaves no backup behind.
    let corpus = common::load_seeds();
    let err = io::save(&sample(&corpus), &path).expect_err("not replaced");
    assert!(
        matches!(err, ProjectError::WouldReplaceNewer { found: 99, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("future.json"), "{err}");
    assert_eq!(fs::read_to_string(&path).expect("read"), text);
    assert!(!dir.path().join("future.json.bak").exists());
    // A damaged project may be replaced; it is kept as the backup.
    let damaged = r#"{"format": "dossier-project", "version": 2, "corpus": {"#;
    fs::write(&path, damaged).expect("write");
    io::save(&sample(&corpus), &path).expect("saved");
    assert!(io::open(&path).is_ok());
    assert_eq!(
        fs::read_to_string(dir.path().join("future.json.bak")).expect("backup"),
        damaged
    );
    // Another kind of file is not (backups rotate out after three saves: it would be lost).
    let notes = dir.path().join("notes.json");
    fs::write(&notes, "{ not a project").expect("write");
    let err = io::save(&sample(&corpus), &notes).expect_err("not replaced");
    assert!(
        matches!(err, ProjectError::WouldReplaceOther { .. }),
        "{err}"
    );
    assert!(err.to_string().contains("notes.json"), "{err}");
    assert_eq!(fs::read_to_string(&notes).expect("read"), "{ not a project");
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

/// Found by the crash test: saves killed after keeping the backup (as a hard link) and before
/// the rename leave `.bak`, `.bak.2` and `.bak.3` as links to the project file. The next save
/// must neither empty the project nor its backups.
#[cfg(unix)]
#[test]
fn backups_left_as_links_by_killed_saves_are_never_written_into() {
    let dir = common::tempdir();
    let path = dir.path().join("p.json");
    let mut project = Project::with_themes(default_themes());
    project.corpus_folder = Some("old".into());
    io::save(&project, &path).expect("save");
    let old = fs::read_to_string(&path).expect("read");
    for n in 1..=3 {
        fs::hard_link(&path, io::backup_path(&path, n)).expect("link");
    }
    project.corpus_folder = Some("new".into());
    io::save(&project, &path).expect("save");
    let folder_of = |p: &Path| io::open(p).expect("open").project.corpus_folder;
    assert_eq!(folder_of(&path), Some("new".into()));
    assert_eq!(
        fs::read_to_string(io::backup_path(&path, 1)).expect("bak"),
        old,
        "the backup keeps the previous save"
    );
    for n in 2..=3 {
        let bak = io::backup_path(&path, n);
        if bak.exists() {
            let text = fs::read_to_string(&bak).expect("bak");
            assert_eq!(text, old, "{}", bak.display());
        }
    }
    // Nothing is left behind under temporary names.
    let names: Vec<String> = fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.starts_with('.')), "{names:?}");
}

#[test]
fn articles_ids_are_relative_paths() {
    let corpus = common::load_seeds();
    let a = &corpus.articles()[0];
    assert_eq!(a.id, ArticleId("000_8ac47412c0faaaf5.txt".into()));
    assert!(a.path.ends_with("seeds/000_8ac47412c0faaaf5.txt"));
}

#[test]
fn a_version_1_file_is_migrated_on_open_and_saved_as_the_current_version() {
    let dir = common::tempdir();
    let path = dir.path().join("old.json");
    let v1 = r##"{
  "corpus": {"articles": [], "folder": "seeds"},
  "format": "dossier-project",
  "passages": [{"article": "a.txt", "created": "2026-01-01T00:00:00Z", "end": 4, "id": 1,
    "modified": "2026-01-01T00:00:00Z", "note": "kept", "prefix": "", "quote": "text",
    "start": 0, "suffix": "", "themes": [1]}],
  "themes": [{"color": "#4e79a7", "description": "", "id": 1, "name": "Arms sales", "parent": null}],
  "version": 1
}"##;
    fs::write(&path, v1).expect("write");
    let opened = io::open(&path).expect("a version 1 file opens");
    assert_eq!(opened.migrated_from, Some(1));
    assert!(
        opened
            .warnings
            .iter()
            .any(|w| w.contains("format version 1"))
    );
    assert_eq!(opened.project.passages[&PassageId(1)].note, "kept");
    assert!(opened.project.figures.is_empty() && opened.project.series.is_empty());
    assert_eq!(
        fs::read_to_string(&path).expect("read"),
        v1,
        "opening does not rewrite the file"
    );
    let out = dir.path().join("new.json");
    io::save(&opened.project, &out).expect("save");
    let saved: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&out).expect("read")).expect("json");
    assert_eq!(saved["version"], 3);
    assert!(
        opened.changed_by_migration(),
        "a version 1 file gains figures and series"
    );
    assert_eq!(saved["themes"][0]["name"], "Arms sales");
    let again = io::open(&out).expect("reopen");
    assert_eq!(again.migrated_from, None);
    assert_eq!(again.project, opened.project);
}

#[test]
fn a_version_2_file_opens_as_version_3_unchanged_and_is_not_marked_changed() {
    let dir = common::tempdir();
    let path = dir.path().join("v2.json");
    let v2 = r##"{
  "corpus": {"articles": [], "folder": "seeds"},
  "figures": [],
  "format": "dossier-project",
  "passages": [{"article": "a.txt", "created": "2026-01-01T00:00:00Z", "end": 4, "id": 1,
    "modified": "2026-01-01T00:00:00Z", "note": "kept", "prefix": "", "quote": "text",
    "start": 0, "suffix": "", "themes": [1]}],
  "rules": [],
  "series": [],
  "themes": [{"color": "#4e79a7", "description": "", "id": 1, "name": "Arms sales", "parent": null}],
  "version": 2
}"##;
    fs::write(&path, v2).expect("write");
    let opened = io::open(&path).expect("a version 2 file opens");
    assert_eq!(opened.migrated_from, Some(2));
    assert!(!opened.changed_by_migration(), "nothing to save");
    assert!(
        opened
            .warnings
            .iter()
            .any(|w| w.contains("format version 2") && w.contains("version 3"))
    );
    let session = dossier::session::Session::from_project(Some(path.clone()), opened, None);
    assert!(
        !session.is_dirty(),
        "no unsaved changes for a file nobody changed"
    );
    assert_eq!(
        fs::read_to_string(&path).expect("read"),
        v2,
        "not rewritten"
    );
    let out = dir.path().join("v3.json");
    io::save(session.project(), &out).expect("save");
    let saved: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&out).expect("read")).expect("json");
    assert_eq!(saved["version"], 3);
    assert_eq!(saved["passages"][0]["note"], "kept");
    let again = io::open(&out).expect("reopen");
    assert_eq!(again.migrated_from, None);
    assert_eq!(&again.project, session.project());
}

#[test]
fn figures_and_series_round_trip_and_are_repaired() {
    use dossier::figures::Year;
    use dossier::project::{
        CuratedFigure, Extracted, FigureId, FigureStatus, Rgb, Series, SeriesId,
    };
    let corpus = common::load_seeds();
    let mut project = sample(&corpus);
    let article = &corpus.articles()[4];
    let byte = article.text.find("35,000 hectares").expect("phrase");
    let start = article.char_of(byte).expect("boundary");
    let anchor = Anchor::cut(article, start, start + 15).expect("anchor");
    let figure = CuratedFigure {
        id: FigureId(1),
        article: article.id.clone(),
        start: anchor.start,
        end: anchor.end,
        quote: anchor.quote,
        prefix: anchor.prefix,
        suffix: anchor.suffix,
        status: FigureStatus::Accepted,
        value: 35_000.0,
        unit: "hectare".into(),
        year: Year::Range(Some(2015), None),
        kind: Default::default(),
        label: "Peru eradication goal".into(),
        manual: false,
        extracted: Some(Extracted {
            value: 35_000.0,
            unit: "hectare".into(),
            year: Year::Point(2015),
            kind: Default::default(),
        }),
        created: Timestamp::from_unix(0),
        modified: Timestamp::from_unix(1),
    };
    project.figures.insert(figure.id, figure);
    project.series.push(Series {
        id: SeriesId(1),
        name: "Peru coca eradication (hectares)".into(),
        unit: "hectare".into(),
        color: Rgb([1, 2, 3]),
        figures: vec![FigureId(1)],
        note: String::new(),
    });
    let dir = common::tempdir();
    let path = dir.path().join("p.json");
    io::save(&project, &path).expect("save");
    let opened = io::open(&path).expect("open");
    assert!(opened.warnings.is_empty(), "{:?}", opened.warnings);
    assert_eq!(opened.project, project);
    assert!(opened.project.figures[&FigureId(1)].is_corrected());

    // A series naming a missing figure loses only that reference.
    let text = fs::read_to_string(&path).expect("read").replace(
        "\"figures\": [\n        1\n      ]",
        "\"figures\": [\n        1,\n        7\n      ]",
    );
    assert!(text.contains("7\n      ]"), "the edit applied");
    fs::write(&path, text).expect("write");
    let opened = io::open(&path).expect("open");
    assert_eq!(opened.project.series[0].figures, vec![FigureId(1)]);
    assert!(
        opened.warnings.iter().any(|w| w.contains("does not have")),
        "{:?}",
        opened.warnings
    );
}
