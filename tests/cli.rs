//! The command line, run as a real process.

use crate::common;

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
    let corpus_dir = dir.join("seeds");
    std::fs::create_dir_all(&corpus_dir).expect("mkdir");
    common::copy_seeds(&corpus_dir);
    io::set_corpus_folder(&mut project, &path, &corpus_dir);
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
        [
            "article", "start", "end", "theme", "quote", "note", "problem"
        ]
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

fn path_arg(p: &std::path::Path) -> String {
    p.display().to_string()
}

#[test]
fn issue9_case1_export_never_writes_over_the_project_or_an_article_and_needs_force() {
    let dir = common::tempdir();
    let path = saved_project(dir.path());
    let saved = std::fs::read(&path).expect("project bytes");
    let p = path_arg(&path);
    // `dossier export-qdpx P.json P.json` used to exit 0 and leave a ZIP in its place.
    for command in ["export-qdpx", "export-qdc"] {
        for force in [false, true] {
            let mut args = vec![command, &p, &p];
            if force {
                args.push("--force");
            }
            let (ok, _, err) = dossier(&args);
            assert!(!ok, "{command} onto the project succeeded");
            assert!(
                err.contains("p.json") && err.contains("not written"),
                "{err}"
            );
            assert_eq!(std::fs::read(&path).expect("bytes"), saved, "{command}");
        }
    }
    // Onto another project, even one written by a newer Dossier.
    let newer = dir.path().join("newer.json");
    let newer_text = r#"{"format":"dossier-project","version":9,"corpus":{}}"#;
    std::fs::write(&newer, newer_text).expect("write");
    let (ok, _, err) = dossier(&["export-qdc", &p, &path_arg(&newer), "--force"]);
    assert!(!ok && err.contains("is a Dossier project"), "{err}");
    assert_eq!(std::fs::read_to_string(&newer).expect("read"), newer_text);
    // Onto an article of the project's corpus.
    let article = dir.path().join("seeds").join("003_eaa2cb2b0ffc7ced.txt");
    let article_text = std::fs::read(&article).expect("article");
    let (ok, _, err) = dossier(&["export-qdpx", &p, &path_arg(&article), "--force"]);
    assert!(!ok && err.contains("corpus folder"), "{err}");
    assert_eq!(std::fs::read(&article).expect("article"), article_text);
    // Any other existing file needs --force; a new one does not.
    let other = dir.path().join("old.qdc");
    std::fs::write(&other, "keep me").expect("write");
    let (ok, _, err) = dossier(&["export-qdc", &p, &path_arg(&other)]);
    assert!(
        !ok && err.contains("--force") && err.contains("old.qdc"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&other).expect("read"), "keep me");
    let (ok, _, err) = dossier(&["export-qdc", &p, &path_arg(&other), "--force"]);
    assert!(ok, "{err}");
    assert!(
        std::fs::read_to_string(&other)
            .expect("read")
            .contains("<CodeBook")
    );
    let fresh = dir.path().join("new.qdpx");
    let (ok, _, err) = dossier(&["export-qdpx", &p, &path_arg(&fresh)]);
    assert!(ok, "{err}");
    // An output that cannot be written names its path.
    let nowhere = dir.path().join("missing-folder").join("x.qdc");
    let (ok, _, err) = dossier(&["export-qdc", &p, &path_arg(&nowhere)]);
    assert!(!ok && err.contains("missing-folder"), "{err}");
}

#[test]
fn issue9_case8_a_corpus_outside_the_project_folder_needs_allow_outside_corpus() {
    let dir = common::tempdir();
    let secret = dir.path().join("outside");
    std::fs::create_dir(&secret).expect("mkdir");
    std::fs::write(
        secret.join("shadow.txt"),
        "root:secret-hash:19000:0:99999:7:::\n",
    )
    .expect("write");
    let project_dir = dir.path().join("projects").join("p");
    std::fs::create_dir_all(&project_dir).expect("mkdir");
    for (name, folder) in [
        ("relative.json", "../../outside".to_owned()),
        ("absolute.json", path_arg(&secret)),
    ] {
        let mut project = Project::with_themes(default_themes());
        project.corpus_folder = Some(folder.into());
        let path = project_dir.join(name);
        io::save(&project, &path).expect("save");
        let out = project_dir.join(format!("{name}.qdpx"));
        let (ok, _, err) = dossier(&["export-qdpx", &path_arg(&path), &path_arg(&out)]);
        assert!(!ok, "{name}: exported without asking");
        assert!(
            err.contains("--allow-outside-corpus") && err.contains("outside") && err.contains(name),
            "{err}"
        );
        assert!(!out.exists());
        for command in ["info", "search"] {
            let mut args = vec![command, &path.to_str().expect("utf-8")];
            if command == "search" {
                args.push("secret");
            }
            let (ok, out, err) = dossier(&args);
            assert!(!ok && !out.contains("secret-hash"), "{command}: {out}{err}");
        }
        let (ok, out, err) = dossier(&[
            "search",
            &path_arg(&path),
            "secret",
            "--allow-outside-corpus",
        ]);
        assert!(ok && out.contains("shadow.txt"), "{err}");
    }
    // Through a link inside the project's folder it is outside too.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&secret, project_dir.join("linked")).expect("symlink");
        let mut project = Project::with_themes(default_themes());
        project.corpus_folder = Some("linked".into());
        let path = project_dir.join("linked.json");
        io::save(&project, &path).expect("save");
        let (ok, _, err) = dossier(&["info", &path_arg(&path)]);
        assert!(!ok && err.contains("--allow-outside-corpus"), "{err}");
    }
}

#[test]
fn issue9_case11_export_passages_keeps_passages_with_no_theme_and_marks_impossible_offsets() {
    let dir = common::tempdir();
    let path = saved_project(dir.path());
    let mut project = io::open(&path).expect("open").project;
    let mut odd = project.passages[&PassageId(1)].clone();
    odd.id = PassageId(2);
    odd.themes.clear();
    project.passages.insert(odd.id, odd.clone());
    let mut far = odd.clone();
    far.id = PassageId(3);
    far.themes = vec![ThemeId(1)];
    far.start = 1_000_000_000_000_000_000;
    far.end = 1_000_000_000_000_000_009;
    project.passages.insert(far.id, far.clone());
    let mut reversed = far.clone();
    reversed.id = PassageId(4);
    reversed.start = 20;
    reversed.end = 11;
    project.passages.insert(reversed.id, reversed);
    // The article's length is what the project recorded at the last save.
    let corpus = common::load(&dir.path().join("seeds")).0;
    project.articles = corpus
        .articles()
        .iter()
        .map(dossier::project::ArticleRecord::of)
        .collect();
    io::save(&project, &path).expect("save");
    let (ok, out, err) = dossier(&["export-passages", &path_arg(&path)]);
    assert!(ok, "{err}");
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let problem = |start: &str| {
        rows.iter()
            .find(|r| &r[1] == start)
            .map(|r| (r[3].to_owned(), r[6].to_owned()))
            .unwrap_or_else(|| panic!("no row starting at {start}: {out}"))
    };
    let first = rows[0][1].to_owned();
    assert_eq!(rows.len(), 5, "{out}");
    assert_eq!(problem(&first).1, "", "a sound passage is not marked");
    let no_theme: Vec<_> = rows.iter().filter(|r| r[3].is_empty()).collect();
    assert_eq!(no_theme.len(), 1, "{out}");
    assert_eq!(&no_theme[0][6], "it has no theme");
    assert!(
        problem("1000000000000000000")
            .1
            .contains("past the end of the article")
    );
    assert!(problem("20").1.contains("not after the start"));
}

#[test]
fn issue9_case12_refi_export_gives_duplicate_theme_names_distinct_codes_and_merges_same_spans() {
    use dossier::project::{Edit, Rgb, Theme};
    let dir = common::tempdir();
    let path = saved_project(dir.path());
    let mut project = io::open(&path).expect("open").project;
    for (id, parent) in [(20, 3), (21, 4)] {
        project
            .apply(Edit::AddTheme(Theme {
                id: ThemeId(id),
                name: "Other".into(),
                color: Rgb([9, 9, 9]),
                description: String::new(),
                parent: Some(ThemeId(parent)),
            }))
            .expect("siblings differ");
    }
    let mut twin = project.passages[&PassageId(1)].clone();
    twin.id = PassageId(2);
    twin.themes = vec![ThemeId(2), ThemeId(21)];
    twin.note = "second analyst's note".into();
    project.passages.insert(twin.id, twin);
    io::save(&project, &path).expect("save");
    let out_path = dir.path().join("p.qdpx");
    let (ok, out, err) = dossier(&["export-qdpx", &path_arg(&path), &path_arg(&out_path)]);
    assert!(ok, "{err}");
    assert!(
        out.contains("renamed: the code “Other”") && out.contains("“Other (Arms sales)”"),
        "{out}"
    );
    assert!(out.contains("merged: passages 1, 2"), "{out}");
    assert!(out.contains("1 passages, 3 codings"), "{out}");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&out_path).expect("qdpx")).expect("zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("project.qde").expect("qde"), &mut xml)
        .expect("read");
    let names: Vec<&str> = regex::Regex::new(r#"<Code guid="[^"]+" name="([^"]+)""#)
        .expect("regex")
        .captures_iter(&xml)
        .filter_map(|c| c.get(1).map(|m| m.as_str()))
        .collect();
    let unique: std::collections::BTreeSet<&str> = names.iter().copied().collect();
    assert_eq!(unique.len(), names.len(), "{names:?}");
    assert!(names.contains(&"Other (Arms sales)"), "{names:?}");
    assert_eq!(xml.matches("<PlainTextSelection").count(), 1);
    // One selection, both notes.
    assert!(
        xml.contains("<Description>arrests, \"joint\" op\n\nsecond analyst's note</Description>"),
        "{xml}"
    );
}

/// Run `dossier ARGS` with its output thrown away; the peak resident memory it reached, in
/// bytes (polled from /proc while it runs), and whether it succeeded.
#[cfg(target_os = "linux")]
fn peak_memory(args: &[&str]) -> (u64, bool) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("the binary runs");
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    loop {
        if let Some(kb) = std::fs::read_to_string(&status_file).ok().and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        }) {
            peak = peak.max(kb * 1024);
        }
        if let Some(status) = child.try_wait().expect("wait") {
            return (peak, status.success());
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

#[cfg(target_os = "linux")]
#[test]
fn issue9_case6_search_streams_its_hits_instead_of_keeping_them() {
    let dir = common::tempdir();
    // Half a million hits in one article: kept as a list, they took tens of megabytes. Beside
    // it, an article of the same size with a tenth of the hits. Both searches run long enough
    // for the polling to see their peaks (a search with no hits ends before the first poll).
    let (many, few) = (dir.path().join("many"), dir.path().join("few"));
    std::fs::create_dir(&many).expect("mkdir");
    std::fs::create_dir(&few).expect("mkdir");
    std::fs::write(many.join("a.txt"), "x ".repeat(500_000)).expect("write");
    let text = format!("{}{}", "x ".repeat(50_000), "y ".repeat(450_000));
    std::fs::write(few.join("a.txt"), text).expect("write");
    let folder = path_arg(&many);
    let (tenth, ok) = peak_memory(&["search", &path_arg(&few), "x"]);
    assert!(ok);
    let (busy, ok) = peak_memory(&["search", &folder, "x"]);
    assert!(ok);
    let grown = busy.saturating_sub(tenth);
    assert!(
        grown < 8 << 20,
        "{grown} bytes more for 500,000 hits than for 50,000"
    );
    // The hits all came out, in order, and the count is the true one.
    let (ok, out, err) = dossier(&["search", &folder, "x"]);
    assert!(ok, "{err}");
    assert_eq!(out.lines().count(), 500_001);
    assert!(
        out.ends_with("500000 hit(s) in 1 article(s)\n"),
        "{}",
        &out[out.len() - 80..]
    );
    let starts: Vec<usize> = out
        .lines()
        .take(500_000)
        .filter_map(|l| l.split(':').nth(1)?.split('-').next()?.parse().ok())
        .collect();
    assert!(starts.windows(2).all(|w| w[0] < w[1]) && starts.len() == 500_000);
}

#[cfg(unix)]
#[test]
fn issue9_case8_links_inside_the_corpus_that_lead_outside_it_are_skipped_by_name() {
    let dir = common::tempdir();
    let secret = dir.path().join("outside");
    std::fs::create_dir_all(&secret).expect("mkdir");
    std::fs::write(secret.join("shadow.txt"), "root:secret-hash:19000\n").expect("write");
    let corpus = dir.path().join("p").join("corpus");
    std::fs::create_dir_all(corpus.join("sub")).expect("mkdir");
    std::fs::write(corpus.join("a.txt"), "An article about coca.\n").expect("write");
    // A link to a file outside, a link to a folder outside, and a link that stays inside.
    std::os::unix::fs::symlink(secret.join("shadow.txt"), corpus.join("notes.txt"))
        .expect("symlink");
    std::os::unix::fs::symlink(&secret, corpus.join("etc")).expect("symlink");
    std::os::unix::fs::symlink(corpus.join("a.txt"), corpus.join("sub/again.txt"))
        .expect("symlink");
    let mut project = Project::with_themes(default_themes());
    project.corpus_folder = Some("corpus".into());
    let path = dir.path().join("p").join("p.dossier.json");
    io::save(&project, &path).expect("save");

    let (ok, out, err) = dossier(&["info", &path_arg(&path)]);
    assert!(ok, "{err}");
    assert!(!out.contains("secret-hash"), "{out}");
    assert!(
        out.contains("articles: 2"),
        "a.txt and the link that stays inside: {out}"
    );
    for name in ["notes.txt", "etc"] {
        let line = out
            .lines()
            .find(|l| l.trim_start().starts_with(name) && l.contains("outside the folder"))
            .unwrap_or_else(|| panic!("no skip line for {name}: {out}"));
        assert!(line.contains("outside"), "{line}");
    }
    let (ok, out, err) = dossier(&["search", &path_arg(&path), "secret"]);
    assert!(ok && !out.contains("secret-hash"), "{out}{err}");
    let qdpx = dir.path().join("p").join("out.qdpx");
    let (ok, _, err) = dossier(&["export-qdpx", &path_arg(&path), &path_arg(&qdpx)]);
    assert!(ok, "{err}");
    let zip = std::fs::read(&qdpx).expect("read");
    assert!(!zip.windows(11).any(|w| w == b"secret-hash"));
}

#[test]
fn issue9_save_never_replaces_a_text_that_only_quotes_the_format_name() {
    let dir = common::tempdir();
    let ours = saved_project(dir.path());
    let theirs = dir.path().join("theirs.dossier.json");
    std::fs::copy(&ours, &theirs).expect("copy");
    let notes = dir.path().join("notes.md");
    let text = "# Notes\nA project file starts with \"format\": \"dossier-project\".\n";
    std::fs::write(&notes, text).expect("write");
    let (ok, _, err) = dossier(&[
        "merge",
        &path_arg(&ours),
        &path_arg(&theirs),
        "-o",
        &path_arg(&notes),
        "--allow-outside-corpus",
    ]);
    assert!(!ok, "merged over the notes");
    assert!(err.contains("notes.md"), "{err}");
    assert_eq!(std::fs::read_to_string(&notes).expect("read"), text);
    assert!(!dir.path().join("notes.md.bak").exists());
}

#[test]
fn a_mistyped_path_is_said_not_to_exist() {
    let dir = common::tempdir();
    let missing = dir.path().join("no-such-folder");
    let missing = missing.display().to_string();
    let out = path_arg(&dir.path().join("out.qdpx"));
    for command in [
        "info",
        "search",
        "figures",
        "actors",
        "relations",
        "agreement",
        "export-passages",
        "export-qdpx",
        "export-qdc",
    ] {
        let mut args = vec![command, missing.as_str()];
        match command {
            "search" => args.push("word"),
            "export-qdpx" | "export-qdc" => args.push(&out),
            _ => {}
        }
        let (ok, _, err) = dossier(&args);
        assert!(!ok, "{command} succeeded on a missing path");
        assert!(
            err.contains("no such folder or file") && err.contains("no-such-folder"),
            "{command}: {err}"
        );
        assert!(!err.contains("cannot read the project"), "{command}: {err}");
    }
    // The other analyst's project mistyped in a merge.
    let ours = saved_project(dir.path());
    let merged = path_arg(&dir.path().join("merged.dossier.json"));
    let (ok, _, err) = dossier(&[
        "merge",
        &path_arg(&ours),
        &missing,
        "-o",
        &merged,
        "--allow-outside-corpus",
    ]);
    assert!(
        !ok && err.contains("no such folder or file"),
        "merge: {err}"
    );
}

#[test]
fn only_commands_that_load_articles_take_max_file_mb() {
    let (ok, _, err) = dossier(&["export-passages", "p.dossier.json", "--max-file-mb", "1"]);
    assert!(!ok && err.contains("--max-file-mb"), "{err}");
    let (ok, _, err) = dossier(&[
        "export-qdc",
        "p.dossier.json",
        "out.qdc",
        "--max-file-mb",
        "1",
    ]);
    assert!(!ok && err.contains("--max-file-mb"), "{err}");
    let (_, out, _) = dossier(&["info", "--help"]);
    assert!(out.contains("--max-file-mb"), "{out}");
    let (_, out, _) = dossier(&["export-passages", "--help"]);
    assert!(!out.contains("--max-file-mb"), "{out}");
    // Every positional argument of these commands is explained in the help.
    for command in [
        "info",
        "search",
        "export-passages",
        "export-qdpx",
        "export-qdc",
    ] {
        let (ok, out, _) = dossier(&[command, "--help"]);
        assert!(ok, "{command} --help");
        let arguments = out
            .split("Arguments:")
            .nth(1)
            .and_then(|rest| rest.split("Options:").next())
            .unwrap_or_default();
        for line in arguments
            .lines()
            .filter(|l| l.trim_start().starts_with('<'))
        {
            let help = line
                .trim_start()
                .split_once('>')
                .map_or("", |(_, h)| h.trim());
            assert!(!help.is_empty(), "{command}: no help for {line}");
        }
    }
}

#[test]
fn a_window_size_is_checked_before_the_window_opens() {
    let (ok, out, _) = dossier(&["--help"]);
    assert!(ok && out.contains("--window-size <WxH>"), "{out}");
    for (size, why) in [
        ("800", "WIDTHxHEIGHT"),
        ("wide x 600", "not a number"),
        ("300x200", "at least 720x480"),
    ] {
        let (ok, _, err) = dossier(&["--window-size", size, "seeds"]);
        assert!(!ok, "{size} was taken");
        assert!(err.contains(why), "{size}: {err}");
    }
}
