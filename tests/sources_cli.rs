//! The command line for sources: `dossier text FILE` prints the text Dossier reads from a file
//! of any format, and `dossier info PATH --format jsonl` one line of attributes per article.

use std::path::Path;
use std::process::Command;

fn dossier(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("dossier runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn text_prints_what_dossier_reads_from_any_format() {
    let want = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sources/article.txt"),
    )
    .expect("txt");
    for ext in ["html", "pdf", "docx", "odt", "epub", "rtf"] {
        let (ok, text, err) = dossier(&["text", &format!("tests/data/sources/article.{ext}")]);
        assert!(ok, "{ext}: {err}");
        assert_eq!(text.trim_end(), want.trim_end(), "{ext}");
    }
    let (ok, meta, _) = dossier(&["text", "--meta", "tests/data/sources/article.html"]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(&meta).expect("JSON");
    assert_eq!(v["converter"], "html 1 (dom_smoothie 0.19)");
    assert_eq!(v["detected"]["outlet"]["value"], "Andean Wire");
    assert_eq!(v["detected"]["outlet"]["source"], "meta og:site_name");
}

#[test]
fn text_names_the_file_and_the_reason_when_it_cannot_read_it() {
    let (ok, out, err) = dossier(&["text", "tests/data/sources/bad/scanned.pdf"]);
    assert!(!ok && out.is_empty());
    assert!(
        err.contains("bad/scanned.pdf") && err.contains("no text layer (scanned?)"),
        "{err}"
    );
    let (ok, _, err) = dossier(&["text", "tests/data/sources/article.fodt"]);
    assert!(!ok && err.contains("not a text file (.fodt)"), "{err}");
}

#[test]
fn info_jsonl_has_one_line_of_attributes_per_article() {
    let (ok, out, err) = dossier(&["info", "seeds", "--format", "jsonl"]);
    assert!(ok, "{err}");
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 5);
    for l in &lines {
        for key in [
            "title",
            "date",
            "outlet",
            "place",
            "country",
            "author",
            "language",
            "format",
            "converter",
        ] {
            assert!(l.get(key).is_some(), "{key} in {l}");
        }
        assert_eq!(l["language"], "en");
        assert_eq!(l["format"], "txt");
    }
    assert_eq!(lines[0]["outlet"], "Itar-Tass");
    assert_eq!(lines[0]["place"], "Mexico City");
    assert_eq!(lines[4]["date"], "2015-04-17");
    assert_eq!(lines[4]["outlet"], "Dialogo");
}

/// One article file where a folder or a project is expected reads as a corpus of that file:
/// `dossier figures report.pdf` gives the PDF's figures, not "the project is not UTF-8 text".
#[test]
fn one_article_file_is_a_corpus_of_one() {
    let (ok, out, err) = dossier(&[
        "figures",
        "tests/data/sources/article.pdf",
        "--format",
        "jsonl",
    ]);
    assert!(ok, "{err}");
    let (_, from_txt, _) = dossier(&[
        "figures",
        "tests/data/sources/article.txt",
        "--format",
        "jsonl",
    ]);
    let values = |s: &str| -> Vec<(String, String)> {
        s.lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("JSON line"))
            .map(|v| (v["text"].to_string(), v["unit"].to_string()))
            .collect()
    };
    assert!(!values(&out).is_empty());
    assert_eq!(values(&out), values(&from_txt));
    assert!(
        out.lines().all(|l| l.contains("\"file\":\"article.pdf\"")),
        "{out}"
    );
    let (ok, out, err) = dossier(&[
        "info",
        "tests/data/sources/article.docx",
        "--format",
        "jsonl",
    ]);
    assert!(ok, "{err}");
    assert_eq!(out.lines().count(), 1);
    let v: serde_json::Value = serde_json::from_str(out.trim()).expect("JSON");
    assert_eq!(v["format"], "docx");
    assert_eq!(v["date"], "2015-03-14");
    // A bare file name, in the folder the command runs in, is the same article.
    let bare = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["figures", "article.txt", "--format", "jsonl"])
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sources"))
        .output()
        .expect("dossier runs");
    assert!(
        bare.status.success(),
        "{}",
        String::from_utf8_lossy(&bare.stderr)
    );
    assert_eq!(
        values(&String::from_utf8_lossy(&bare.stdout)),
        values(&from_txt)
    );
    // Search takes one article file too, by a bare name or a path, with the same hits.
    let search = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["search", "article.txt", "helicopter", "--format", "jsonl"])
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sources"))
        .output()
        .expect("dossier runs");
    let (ok, by_path, err) = dossier(&[
        "search",
        "tests/data/sources/article.txt",
        "helicopter",
        "--format",
        "jsonl",
    ]);
    assert!(ok && search.status.success(), "{err}");
    assert_eq!(String::from_utf8_lossy(&search.stdout), by_path);
    assert_eq!(by_path.lines().count(), 4, "{by_path}");
    assert!(
        by_path
            .lines()
            .all(|l| l.contains("\"file\":\"article.txt\""))
    );
    // A file Dossier cannot read is named with its reason.
    let (ok, _, err) = dossier(&["figures", "tests/data/sources/bad/scanned.pdf"]);
    assert!(
        !ok && err.contains("scanned.pdf") && err.contains("no text layer"),
        "{err}"
    );
}
