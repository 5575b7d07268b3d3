//! Hostile input: a folder of every kind of bad file, and damaged or huge project files.
//! Loading finishes with every good file read correctly and every bad one reported with its
//! reason; nothing panics; a failed open never changes the file on disk.
//!
//! The fixtures are generated here, into a temporary folder (a 5 MB file and a symlink loop do
//! not belong in the repository).

mod common;

use std::fs;
use std::path::Path;

use dossier::corpus::{LoadOptions, SkipReason, TextEncoding};
use dossier::project::{format::ProjectError, io};

fn write(root: &Path, name: &str, bytes: &[u8]) {
    let path = root.join(name);
    fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    fs::write(path, bytes).expect("write");
}

/// The fixture set of the issue, generated.
fn hostile_folder(root: &Path) {
    write(
        root,
        "binary.txt",
        b"\x00\x01\x02\x03 not text \xff\xfe\x00",
    );
    write(
        root,
        "image.png",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01",
    );
    write(root, "empty.txt", b"");
    let line = "Peru eradicated 35,000 hectares of coca in 2015. ";
    write(
        root,
        "repeated.txt",
        line.repeat(5 * 1024 * 1024 / line.len()).as_bytes(),
    );
    write(root, "one-line.txt", "x".repeat(300_000).as_bytes());
    write(
        root,
        "latin1.txt",
        b"Bogot\xe1, Medell\xedn y Cali: 1.200 toneladas\n",
    );
    write(root, "crlf.txt", b"first line\r\nsecond line\r\n");
    write(root, "bom.txt", b"\xef\xbb\xbfWith a byte-order mark\n");
    let mut broken = "Perú y México — año récord. ".repeat(20).into_bytes();
    broken.insert(200, 0xC3); // a lead byte with no continuation, mid-file
    write(root, "invalid-middle.txt", &broken);
    let deep: String = (0..40).map(|i| format!("level{i}/")).collect();
    write(root, &format!("{deep}deep.md"), b"# Found at the bottom\n");
    #[cfg(unix)]
    std::os::unix::fs::symlink(root, root.join("level0").join("loop")).expect("symlink");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        write(root, "unreadable.txt", b"secret");
        fs::set_permissions(
            root.join("unreadable.txt"),
            fs::Permissions::from_mode(0o000),
        )
        .expect("chmod");
    }
}

#[test]
fn a_hostile_folder_loads_the_good_and_reports_the_bad() {
    let dir = common::tempdir();
    let root = dir.path();
    hostile_folder(root);
    let as_root = fs::read(root.join("unreadable.txt")).is_ok();
    let options = LoadOptions {
        max_file_bytes: 4 * 1024 * 1024,
        ..LoadOptions::default()
    };
    let (corpus, report) = common::load_with(root, &options);
    let text = |id: &str| {
        corpus
            .articles()
            .iter()
            .find(|a| a.id.as_str() == id)
            .map(|a| a.text.clone())
    };
    assert_eq!(
        text("latin1.txt").as_deref(),
        Some("Bogotá, Medellín y Cali: 1.200 toneladas\n")
    );
    assert_eq!(
        text("crlf.txt").as_deref(),
        Some("first line\nsecond line\n")
    );
    assert_eq!(text("bom.txt").as_deref(), Some("With a byte-order mark\n"));
    assert_eq!(
        text("one-line.txt").map(|t| t.chars().count()),
        Some(300_000)
    );
    let broken = text("invalid-middle.txt").expect("damaged UTF-8 still loads");
    assert!(broken.contains('\u{FFFD}') && broken.contains("México"));
    let deep = corpus
        .articles()
        .iter()
        .find(|a| a.id.as_str().ends_with("deep.md"))
        .expect("the deepest file");
    assert_eq!(deep.text, "# Found at the bottom\n");
    assert_eq!(deep.id.as_str().matches('/').count(), 40);

    let reason = |name: &str| {
        report
            .skipped
            .iter()
            .find(|s| s.path == Path::new(name))
            .map(|s| s.reason.clone())
    };
    assert!(matches!(reason("binary.txt"), Some(SkipReason::Binary(_))));
    assert_eq!(
        reason("image.png"),
        Some(SkipReason::NotText {
            extension: "png".into()
        })
    );
    assert_eq!(reason("empty.txt"), Some(SkipReason::Empty));
    assert!(matches!(
        reason("repeated.txt"),
        Some(SkipReason::TooLarge { .. })
    ));
    #[cfg(unix)]
    assert_eq!(reason("level0/loop"), Some(SkipReason::SymlinkLoop));
    if !as_root {
        assert!(matches!(
            reason("unreadable.txt"),
            Some(SkipReason::Unreadable(_))
        ));
    }
    let fallbacks: Vec<(&str, TextEncoding)> = report
        .fallbacks
        .iter()
        .map(|(id, e)| (id.as_str(), *e))
        .collect();
    assert!(fallbacks.contains(&("latin1.txt", TextEncoding::Windows1252)));
    assert!(fallbacks.iter().any(|(id, e)| *id == "invalid-middle.txt"
        && matches!(e, TextEncoding::Utf8Lossy { replaced: 1 })));
    // Every bad file is reported, by path, with a reason that reads as a sentence.
    for s in &report.skipped {
        assert!(!s.reason.to_string().is_empty(), "{}", s.path.display());
    }

    // With the default limit the 5 MB file loads, and its figures come out.
    let (corpus, _) = common::load(root);
    let big = corpus
        .articles()
        .iter()
        .find(|a| a.id.as_str() == "repeated.txt")
        .expect("5 MB file loads under 20 MB");
    let figures = dossier::figures::extract_article(big);
    assert!(figures.len() > 100_000, "{}", figures.len());
}

#[test]
fn damaged_project_files_give_clear_errors_and_stay_untouched() {
    let dir = common::tempdir();
    let cases: [(&str, &str); 6] = [
        (
            "truncated.json",
            r#"{"format": "dossier-project", "version": 2, "corpus": {"folder": "x"}, "themes": [{"id": 1, "na"#,
        ),
        (
            "wrong-types.json",
            r#"{"format": "dossier-project", "version": 2, "corpus": {"folder": 7}}"#,
        ),
        ("not-json.json", "\u{0}\u{1} garbage"),
        (
            "future.json",
            r#"{"format": "dossier-project", "version": 3, "corpus": {}}"#,
        ),
        (
            "no-version.json",
            r#"{"format": "dossier-project", "corpus": {}}"#,
        ),
        ("array.json", "[]"),
    ];
    for (name, text) in cases {
        let path = dir.path().join(name);
        fs::write(&path, text).expect("write");
        let err = io::open(&path).expect_err(name);
        let message = err.to_string();
        assert!(
            message.ends_with(&path.display().to_string()),
            "{name}: the message names the file: {message}"
        );
        assert_eq!(
            fs::read_to_string(&path).expect("read"),
            text,
            "{name} was not changed"
        );
    }
    let binary = dir.path().join("binary.json");
    fs::write(&binary, [0xFF, 0xFE, 0x00, 0x80]).expect("write");
    assert!(matches!(
        io::open(&binary),
        Err(ProjectError::NotUtf8 { .. })
    ));
}

#[test]
fn a_50_mb_project_opens() {
    let dir = common::tempdir();
    let path = dir.path().join("huge.json");
    // Stress states are ~420 bytes a passage; 130,000 passages is over 50 MB.
    let project = common::stress::stress_state(130_000);
    io::save(&project, &path).expect("save");
    let bytes = fs::metadata(&path).expect("meta").len();
    assert!(bytes > 50_000_000, "{bytes} bytes");
    let opened = io::open(&path).expect("opens");
    assert_eq!(opened.project.passages.len(), 130_000);
}
