//! Loading folders: decoding, ordering, and the report of every skipped file.

use crate::common;

use std::fs;

use dossier::corpus::{LoadOptions, SkipReason, TextEncoding};

#[test]
fn seeds_load_in_path_order_with_titles() {
    let (corpus, report) = common::load(&common::seeds_dir());
    assert!(report.is_clean(), "{report:?}");
    let ids: Vec<&str> = corpus.articles().iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "000_8ac47412c0faaaf5.txt",
            "001_a0559c53da0811ca.txt",
            "002_262df7cc6b36776a.txt",
            "003_eaa2cb2b0ffc7ced.txt",
            "004_4e1d6365705cc31f.txt"
        ]
    );
    let a = &corpus.articles()[2];
    assert_eq!(
        a.title,
        "Colombia tightens security cooperation with Russia and Sweden"
    );
    // 004 has accents and curly quotes: lengths are in code points, not bytes.
    let b = &corpus.articles()[4];
    assert!(b.text.contains("Apurímac"));
    assert_eq!(b.char_len(), b.text.chars().count());
    assert!(b.char_len() < b.text.len());
}

#[test]
fn every_kind_of_file_is_loaded_or_reported() {
    let dir = common::tempdir();
    let root = dir.path();
    let w = |name: &str, bytes: &[u8]| {
        let path = root.join(name);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, bytes).expect("write");
    };
    w("a_utf8.txt", "Perú erradicó 35.000 hectáreas.\n".as_bytes());
    w("b_bom.txt", b"\xEF\xBB\xBFWith a BOM\n");
    w("c_latin1.txt", b"Bogot\xE1 y Medell\xEDn\n");
    w("d_crlf.txt", b"line one\r\nline two\r\n");
    w("e_empty.txt", b"");
    w("f_blank.md", b"   \n\n");
    w("g_binary.txt", b"abc\0\x01\x02def");
    w("h_image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    w("i_big.txt", &vec![b'x'; 5000]);
    w("noext", b"a file without an extension\n");
    w("deep/er/still/nested.md", b"# Nested\n");
    w(".hidden.txt", b"never read");
    #[cfg(unix)]
    std::os::unix::fs::symlink(root, root.join("deep/loop")).expect("symlink");

    let options = LoadOptions {
        max_file_bytes: 4096,
        ..LoadOptions::default()
    };
    let (corpus, report) = common::load_with(root, &options);
    let texts: Vec<(&str, &str)> = corpus
        .articles()
        .iter()
        .map(|a| (a.id.as_str(), a.text.as_str()))
        .collect();
    assert_eq!(
        texts,
        [
            ("a_utf8.txt", "Perú erradicó 35.000 hectáreas.\n"),
            ("b_bom.txt", "With a BOM\n"),
            ("c_latin1.txt", "Bogotá y Medellín\n"),
            ("d_crlf.txt", "line one\nline two\n"),
            ("deep/er/still/nested.md", "# Nested\n"),
            ("noext", "a file without an extension\n"),
        ]
    );
    let skipped: Vec<(String, SkipReason)> = report
        .skipped
        .iter()
        .map(|s| (s.path.to_string_lossy().into_owned(), s.reason.clone()))
        .collect();
    let expect = |name: &str, reason: SkipReason| {
        assert!(
            skipped.contains(&(name.to_owned(), reason.clone())),
            "{name}: {reason:?} not in {skipped:?}"
        );
    };
    expect("e_empty.txt", SkipReason::Empty);
    expect("f_blank.md", SkipReason::Blank);
    expect("g_binary.txt", SkipReason::Binary("contains NUL bytes"));
    expect(
        "h_image.png",
        SkipReason::NotText {
            extension: "png".into(),
        },
    );
    expect(
        "i_big.txt",
        SkipReason::TooLarge {
            bytes: 5000,
            limit: 4096,
        },
    );
    #[cfg(unix)]
    expect("deep/loop", SkipReason::SymlinkLoop);
    assert_eq!(
        report.fallbacks,
        vec![(
            dossier::corpus::ArticleId("c_latin1.txt".into()),
            TextEncoding::Windows1252
        )]
    );
    // Every reason reads as a sentence naming what is wrong.
    for s in &report.skipped {
        assert!(!s.reason.to_string().is_empty());
    }
}

#[cfg(unix)]
#[test]
fn unreadable_files_are_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = common::tempdir();
    let path = dir.path().join("secret.txt");
    fs::write(&path, "classified").expect("write");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).expect("chmod");
    if fs::read(&path).is_ok() {
        // Running as root: permissions do not stop reads, so there is nothing to test.
        eprintln!("skipped: this user can read a mode-000 file");
        return;
    }
    let (corpus, report) = common::load(dir.path());
    assert!(corpus.is_empty());
    assert!(matches!(
        report.skipped[0].reason,
        SkipReason::Unreadable(_)
    ));
}

#[test]
fn a_missing_folder_is_an_error_naming_it() {
    let dir = common::tempdir();
    let missing = dir.path().join("nope");
    let err = dossier::corpus::load_folder(
        &missing,
        &LoadOptions::default(),
        &mut |_| {},
        &std::sync::atomic::AtomicBool::new(false),
    )
    .expect_err("no folder");
    assert!(err.to_string().contains("nope"), "{err}");
}
