//! The command line, run as a real process.

mod common;

use std::process::Command;

use dossier::project::codebook::default_themes;
use dossier::project::{Anchor, Passage, PassageId, Project, ThemeId, Timestamp, io};

fn dossier(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .output()
        .expect("the binary runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn help_explains_the_commands() {
    let (ok, out, _) = dossier(&["--help"]);
    assert!(ok);
    for word in ["info", "export-passages", "PATH"] {
        assert!(out.contains(word), "{word} missing from:\n{out}");
    }
}

#[test]
fn info_on_a_folder_lists_articles_and_skips() {
    let dir = common::tempdir();
    std::fs::write(dir.path().join("a.txt"), "Alpha article\nbody").expect("write");
    std::fs::write(dir.path().join("b.txt"), "").expect("write");
    let (ok, out, err) = dossier(&["info", &dir.path().display().to_string()]);
    assert!(ok, "{err}");
    assert!(out.contains("articles: 1"), "{out}");
    assert!(
        out.contains("a.txt") && out.contains("Alpha article"),
        "{out}"
    );
    assert!(
        out.contains("skipped files: 1") && out.contains("b.txt\tempty file"),
        "{out}"
    );
}

fn saved_project(dir: &std::path::Path) -> std::path::PathBuf {
    let corpus = common::load_seeds();
    let mut project = Project::with_themes(default_themes());
    let article = &corpus.articles()[3];
    let byte = article.text.find("26 people").expect("phrase");
    let start = article.char_of(byte).expect("boundary");
    let anchor = Anchor::cut(article, start, start + 9).expect("anchor");
    let mut p = Passage::new(
        PassageId(1),
        article.id.clone(),
        anchor,
        vec![ThemeId(2), ThemeId(8)],
        Timestamp::from_unix(0),
    );
    p.note = "arrests, \"joint\" op".into();
    project.passages.insert(p.id, p);
    let path = dir.join("p.json");
    io::set_corpus_folder(&mut project, &path, &common::seeds_dir());
    io::save(&project, &path).expect("save");
    path
}

#[test]
fn info_on_a_project_lists_themes_and_passages() {
    let dir = common::tempdir();
    let path = saved_project(dir.path());
    let (ok, out, err) = dossier(&["info", &path.display().to_string()]);
    assert!(ok, "{err}");
    assert!(out.contains("articles: 5"), "{out}");
    assert!(out.contains("themes: 11"), "{out}");
    assert!(
        out.contains("Joint operations and seizures\t#f28e2b\t1 passage(s)"),
        "{out}"
    );
    assert!(out.contains("passages: 1"), "{out}");
}

#[test]
fn export_passages_writes_one_row_per_theme() {
    let dir = common::tempdir();
    let path = saved_project(dir.path());
    let (ok, out, err) = dossier(&[
        "export-passages",
        &path.display().to_string(),
        "--format",
        "csv",
    ]);
    assert!(ok, "{err}");
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(
        header,
        ["article", "start", "end", "theme", "quote", "note"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][0], "003_eaa2cb2b0ffc7ced.txt");
    assert_eq!(&rows[0][3], "Joint operations and seizures");
    assert_eq!(&rows[1][3], "Organised crime and gangs");
    assert_eq!(&rows[0][4], "26 people");
    assert_eq!(&rows[0][5], "arrests, \"joint\" op");

    let (ok, out, _) = dossier(&[
        "export-passages",
        &path.display().to_string(),
        "--format",
        "jsonl",
    ]);
    assert!(ok);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(
        lines[1]["start"],
        rows[1][1].parse::<u64>().expect("number")
    );
}

#[test]
fn errors_name_the_file_and_fail() {
    let dir = common::tempdir();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{ nope").expect("write");
    let (ok, _, err) = dossier(&["info", &bad.display().to_string()]);
    assert!(!ok);
    assert!(err.contains("bad.json") && err.contains("line 1"), "{err}");
}

#[test]
fn the_size_limit_is_set_on_the_command_line() {
    let dir = common::tempdir();
    let line = "Peru eradicated 35,000 hectares of coca in 2015.\n";
    let big = line.repeat(2 * 1024 * 1024 / line.len() + 1);
    std::fs::write(dir.path().join("big.txt"), &big).expect("write");
    std::fs::write(dir.path().join("small.txt"), line).expect("write");
    let folder = dir.path().display().to_string();

    // The default (20 MB) reads both.
    let (ok, out, err) = dossier(&["info", &folder]);
    assert!(ok, "{err}");
    assert!(out.contains("articles: 2"), "{out}");

    // A 1 MB limit skips the 2 MB file and says why, naming it.
    let (ok, out, err) = dossier(&["info", &folder, "--max-file-mb", "1"]);
    assert!(ok, "{err}");
    assert!(out.contains("articles: 1"), "{out}");
    let skipped = out
        .lines()
        .find(|l| l.contains("big.txt"))
        .unwrap_or_else(|| panic!("big.txt not listed:\n{out}"));
    assert!(
        skipped.contains("too large") && skipped.contains("the limit is 1.0 MB"),
        "{skipped}"
    );

    // The figures command honours it too.
    let (ok, out, err) = dossier(&["figures", &folder, "--max-file-mb", "1"]);
    assert!(ok, "{err}");
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.contains("\"file\":\"small.txt\""), "{out}");
}

#[test]
fn export_qdpx_re_attaches_moved_passages_and_export_qdc_writes_the_codebook() {
    let dir = common::tempdir();
    let corpus_dir = dir.path().join("corpus");
    std::fs::create_dir(&corpus_dir).expect("mkdir");
    common::copy_seeds(&corpus_dir);
    let corpus = common::load(&corpus_dir).0;
    let mut project = Project::with_themes(default_themes());
    let article = &corpus.articles()[3];
    let byte = article.text.find("26 people").expect("phrase");
    let start = article.char_of(byte).expect("boundary");
    let anchor = Anchor::cut(article, start, start + 9).expect("anchor");
    let p = Passage::new(
        PassageId(1),
        article.id.clone(),
        anchor,
        vec![ThemeId(2)],
        Timestamp::from_unix(0),
    );
    project.passages.insert(p.id, p);
    let path = dir.path().join("p.json");
    io::set_corpus_folder(&mut project, &path, &corpus_dir);
    io::save(&project, &path).expect("save");
    // The article gains a line at the top after the project was saved.
    let file = corpus_dir.join(article.id.as_str());
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(&file, format!("UPDATED ÜBER NOTICE\n{text}")).expect("write");
    let saved = std::fs::read(&path).expect("project bytes");

    let out_path = dir.path().join("p.qdpx");
    let (ok, out, err) = dossier(&[
        "export-qdpx",
        &path.display().to_string(),
        &out_path.display().to_string(),
    ]);
    assert!(ok, "{err}");
    assert!(out.contains("5 sources, 1 passages, 1 codings"), "{out}");
    assert_eq!(
        std::fs::read(&path).expect("project bytes"),
        saved,
        "the project is untouched"
    );

    let mut zip = zip::ZipArchive::new(std::fs::File::open(&out_path).expect("qdpx")).expect("zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("project.qde").expect("qde"), &mut xml)
        .expect("read");
    let pos = regex::Regex::new(r#"startPosition="(\d+)" endPosition="(\d+)""#).expect("regex");
    let caps = pos.captures(&xml).expect("a selection");
    let moved = start + "UPDATED ÜBER NOTICE\n".chars().count();
    assert_eq!(&caps[1], moved.to_string());
    assert_eq!(&caps[2], (moved + 9).to_string());

    let qdc = dir.path().join("codes.qdc");
    let (ok, out, err) = dossier(&[
        "export-qdc",
        &path.display().to_string(),
        &qdc.display().to_string(),
    ]);
    assert!(ok, "{err}");
    assert!(out.contains("11 codes"), "{out}");
    let text = std::fs::read_to_string(&qdc).expect("qdc");
    assert_eq!(text.matches("<Code ").count(), 11);

    // A project without themes has no codebook to export: a clear error, no file.
    let empty = dir.path().join("empty.json");
    io::save(&Project::default(), &empty).expect("save");
    let none = dir.path().join("none.qdc");
    let (ok, _, err) = dossier(&[
        "export-qdc",
        &empty.display().to_string(),
        &none.display().to_string(),
    ]);
    assert!(!ok);
    assert!(err.contains("empty.json has no themes"), "{err}");
    assert!(!none.exists());
}
