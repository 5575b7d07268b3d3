//! Hostile input: a folder of every kind of bad file, and damaged or huge project files.
//! Loading finishes with every good file read correctly and every bad one reported with its
//! reason; nothing panics; a failed open never changes the file on disk.
//!
//! The fixtures are generated here, into a temporary folder (a 5 MB file and a symlink loop do
//! not belong in the repository).

use crate::common;

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
            r#"{"format": "dossier-project", "version": 4, "corpus": {}}"#,
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

#[cfg(unix)]
#[test]
fn issue9_case9_file_names_that_are_not_utf8_are_each_their_own_article() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = common::tempdir();
    let names: [&[u8]; 3] = [b"x\xff.txt", b"x\xfe.txt", "x\u{FFFD}.txt".as_bytes()];
    for (i, name) in names.iter().enumerate() {
        fs::write(
            dir.path().join(OsStr::from_bytes(name)),
            format!("Article number {i}\n"),
        )
        .expect("write");
    }
    let (corpus, report) = common::load(dir.path());
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    let ids: Vec<&str> = corpus.articles().iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["x\\xFE.txt", "x\\xFF.txt", "x\u{FFFD}.txt"]);
    // Each article is its own file's text, read through its raw path.
    for a in corpus.articles() {
        assert_eq!(fs::read_to_string(&a.path).expect("raw path"), a.text);
    }
    let texts: std::collections::BTreeSet<&str> =
        corpus.articles().iter().map(|a| a.text.as_str()).collect();
    assert_eq!(texts.len(), 3);
}

#[cfg(unix)]
#[test]
fn issue9_case10_fifos_sockets_and_devices_are_listed_not_opened() {
    let dir = common::tempdir();
    let root = dir.path();
    fs::write(root.join("good.txt"), "A good article\n").expect("write");
    let fifo = root.join("pipe.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let _socket = std::os::unix::net::UnixListener::bind(root.join("socket.txt")).expect("bind");
    std::os::unix::fs::symlink("/dev/null", root.join("device.txt")).expect("symlink");
    // A FIFO opened for reading would block this thread until a writer came: the load
    // finishing at all is part of the test.
    let (corpus, report) = common::load(root);
    assert_eq!(corpus.len(), 1);
    let reason = |name: &str| {
        report
            .skipped
            .iter()
            .find(|s| s.path == Path::new(name))
            .map(|s| s.reason.to_string())
            .unwrap_or_else(|| panic!("{name} is not in the report: {:?}", report.skipped))
    };
    assert!(reason("pipe.txt").contains("not a regular file (a FIFO)"));
    assert!(reason("socket.txt").contains("not a regular file (a socket)"));
    assert!(reason("device.txt").contains("not a regular file (a device)"));
    // Read directly (as the folder watcher does), a FIFO is refused, not waited on.
    let options = LoadOptions::default();
    let skipped = dossier::corpus::load::read_article(root, &fifo, &options).expect_err("refused");
    assert_eq!(skipped.reason, SkipReason::NotRegular("a FIFO"));
}

/// Bytes this process has read through read() so far (Linux).
fn bytes_read() -> Option<u64> {
    let io = fs::read_to_string("/proc/self/io").ok()?;
    io.lines()
        .find_map(|l| l.strip_prefix("rchar: "))
        .and_then(|n| n.trim().parse().ok())
}

#[test]
fn issue9_case7_a_huge_binary_file_is_refused_from_its_first_block() {
    let dir = common::tempdir();
    let path = dir.path().join("sparse.txt");
    let file = fs::File::create(&path).expect("create");
    file.set_len(2 << 30).expect("a 2 GB sparse file");
    drop(file);
    let options = LoadOptions {
        max_file_bytes: 4 << 30,
        ..LoadOptions::default()
    };
    let before = bytes_read();
    let skipped =
        dossier::corpus::load::read_article(dir.path(), &path, &options).expect_err("binary");
    assert!(
        matches!(skipped.reason, SkipReason::Binary(_)),
        "{:?}",
        skipped.reason
    );
    if let (Some(before), Some(after)) = (before, bytes_read()) {
        // Tests run on several threads; what they read meanwhile is far below 2 GB.
        assert!(after - before < 256 << 20, "{} bytes read", after - before);
    }
}

#[test]
fn issue9_case11_utf16_without_a_bom_loads_as_text() {
    let dir = common::tempdir();
    let text = "Perú erradicó 35,000 hectáreas de coca en 2015.\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    fs::write(dir.path().join("le.txt"), le).expect("write");
    fs::write(dir.path().join("be.txt"), be).expect("write");
    let (corpus, report) = common::load(dir.path());
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    for a in corpus.articles() {
        assert_eq!(a.text, text);
    }
    let fallbacks: Vec<String> = report
        .fallbacks
        .iter()
        .map(|(_, e)| e.to_string())
        .collect();
    assert_eq!(
        fallbacks,
        [
            "UTF-16BE without a byte-order mark",
            "UTF-16LE without a byte-order mark"
        ]
    );
}
