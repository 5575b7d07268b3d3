//! Regression inputs of the converters' fuzz targets (`tests/fuzz/fuzz_targets/{html,pdf,docx,
//! odt,epub,rtf}.rs`): every file in `tests/data/sources/fuzz/<target>/`, the bad files of
//! `tests/data/sources/bad/`, and generated hostile inputs (deep nesting, huge documents) go
//! through the same invariant, `dossier::corpus::formats::check_any_bytes`.

use std::path::Path;
use std::time::{Duration, Instant};

use dossier::corpus::formats::{Format, check_any_bytes};

fn check(format: Format, name: &str, data: &[u8]) {
    let started = Instant::now();
    let outcome = std::panic::catch_unwind(|| check_any_bytes(format, data));
    assert!(outcome.is_ok(), "{name} breaks the {format} invariants");
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{name} took {:?}",
        started.elapsed()
    );
}

fn check_folder(format: Format, target: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sources");
    let mut n = 0;
    for dir in [
        root.join("fuzz").join(target),
        root.join("bad"),
        root.clone(),
    ] {
        for entry in std::fs::read_dir(&dir).expect("folder").flatten() {
            let path = entry.path();
            if path.is_file() {
                check(
                    format,
                    &path.display().to_string(),
                    &std::fs::read(&path).expect("read"),
                );
                n += 1;
            }
        }
    }
    assert!(n > 10, "inputs for {target}");
}

#[test]
fn html_inputs() {
    check_folder(Format::Html, "html");
    let deep = format!(
        "<html><body>{}text{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    check(Format::Html, "100,000 nested divs", deep.as_bytes());
}

#[test]
fn pdf_inputs() {
    check_folder(Format::Pdf, "pdf");
}

#[test]
fn docx_inputs() {
    check_folder(Format::Docx, "docx");
}

#[test]
fn odt_inputs() {
    check_folder(Format::Odt, "odt");
}

#[test]
fn epub_inputs() {
    check_folder(Format::Epub, "epub");
}

#[test]
fn rtf_inputs() {
    check_folder(Format::Rtf, "rtf");
    let wide = format!("{{\\rtf1 {}}}", "\\par word ".repeat(200_000));
    check(Format::Rtf, "200,000 paragraphs", wide.as_bytes());
}
