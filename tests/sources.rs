//! Source formats: the same article as .txt, .html (a news page around it), .pdf (running
//! header, page numbers, words hyphenated at line ends), .docx, .odt, .rtf and .epub gives the
//! same text and the same figures; structure (headings, lists, tables, footnotes) and what the
//! files state about themselves; bad files are refused with a reason, never a panic.

use crate::common;

use std::path::{Path, PathBuf};

use dossier::corpus::formats::{ConvertError, Format, ReadError, normalize_paragraphs, read_bytes};
use dossier::corpus::load::SkipReason;
use dossier::corpus::{Article, ArticleId, LoadOptions};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/sources")
        .join(name)
}

fn read(name: &str) -> Result<Article, ReadError> {
    let path = fixture(name);
    let format = Format::of_path(&path).expect("a known format");
    let bytes = std::fs::read(&path).expect("fixture");
    let (converted, stamp) = read_bytes(format, &bytes)?;
    Ok(Article::converted(
        ArticleId(name.into()),
        path,
        format,
        converted,
        stamp,
    ))
}

fn first_difference(a: &str, b: &str) -> String {
    let (pa, pb): (Vec<&str>, Vec<&str>) = (a.split("\n\n").collect(), b.split("\n\n").collect());
    for (i, (x, y)) in pa.iter().zip(&pb).enumerate() {
        if x != y {
            return format!("paragraph {i}:\n  want {x:?}\n  got  {y:?}");
        }
    }
    format!("{} paragraphs wanted, {} got", pa.len(), pb.len())
}

const FORMATS: [&str; 6] = ["html", "pdf", "docx", "odt", "rtf", "epub"];

#[test]
fn every_format_gives_the_text_of_the_txt() {
    let want = normalize_paragraphs(&read("article.txt").expect("txt").text);
    for ext in FORMATS {
        let article = read(&format!("article.{ext}")).unwrap_or_else(|e| panic!("{ext}: {e}"));
        let got = normalize_paragraphs(&article.text);
        assert!(got == want, "{ext}: {}", first_difference(&want, &got));
        let stamp = article.converter.expect("a converter stamp");
        assert_eq!(stamp.name, ext);
        assert!(!stamp.version.is_empty());
    }
}

#[test]
fn every_format_gives_the_figures_of_the_txt() {
    let figures = |a: &Article| -> Vec<(String, String, String)> {
        dossier::figures::extract_article(a)
            .into_iter()
            .map(|f| (f.text, f.unit, format!("{:?} {:?}", f.value, f.year)))
            .collect()
    };
    let want = figures(&read("article.txt").expect("txt"));
    assert!(want.len() >= 10, "the fixture states figures: {want:?}");
    for ext in FORMATS {
        let got = figures(&read(&format!("article.{ext}")).expect("converts"));
        assert_eq!(got, want, "{ext}");
    }
}

#[test]
fn the_page_and_the_documents_state_title_date_outlet_and_author() {
    let html = read("article.html").expect("html");
    let m = &html.meta;
    fn v(a: &Option<dossier::corpus::meta::Attr>) -> Option<(&str, &str)> {
        a.as_ref().map(|a| (a.value.as_str(), a.source.as_str()))
    }
    assert_eq!(
        html.title,
        "Peru expands coca eradication in the Upper Huallaga as Russian helicopters arrive"
    );
    assert_eq!(
        v(&m.date),
        Some(("2015-03-14", "meta article:published_time"))
    );
    assert_eq!(v(&m.outlet), Some(("Andean Wire", "meta og:site_name")));
    assert_eq!(v(&m.author), Some(("Lucía Fernández", "JSON-LD author")));
    assert_eq!(v(&m.place), Some(("Lima", "dateline")));
    assert_eq!(m.country.as_ref().map(|c| c.value.as_str()), Some("Peru"));
    assert_eq!(m.country_code.as_deref(), Some("PE"));
    assert_eq!(m.language.as_ref().map(|l| l.value.as_str()), Some("en"));
    for ext in ["docx", "odt", "epub", "rtf", "pdf"] {
        let a = read(&format!("article.{ext}")).expect("converts");
        assert_eq!(a.title, html.title, "{ext}");
        let author = a.meta.author.as_ref().map(|x| x.value.as_str());
        assert_eq!(author, Some("Lucía Fernández"), "{ext}");
        // The text has no year ("LIMA, March 14"); its day is always kept.
        assert!(a.meta.date.is_some(), "{ext} has a date");
        assert_eq!(v(&a.meta.place), Some(("Lima", "dateline")), "{ext}");
        assert_eq!(
            a.meta.outlet.as_ref().map(|o| o.value.as_str()),
            Some("Andean Wire"),
            "{ext}"
        );
    }
    // The office files were saved on the day of the story: the dateline gives the day, their
    // properties the year.
    for ext in ["docx", "odt", "epub", "rtf"] {
        let a = read(&format!("article.{ext}")).expect("converts");
        assert_eq!(
            v(&a.meta.date),
            Some(("2015-03-14", "dateline, year from the file's properties")),
            "{ext}"
        );
    }
    // The PDF was made years later (its properties say so): the file's date is not the
    // story's, and the day the dateline states stands without a year.
    let pdf = read("article.pdf").expect("pdf");
    assert_eq!(v(&pdf.meta.date), Some(("--03-14", "dateline")));
}

#[test]
fn docx_and_odt_keep_headings_lists_tables_and_footnotes() {
    let want = "Cocaine seizures in the Pacific\n\n\
                The navy seized 4.2 tons of cocaine in 2015.[1] Most of it was found on semi-submersibles.\n\n\
                Main operations\n\n\
                1. Operation Orion in March\n2. Operation Poseidon in August\n- with the coast guard\n\n\
                Year\n\nTons\n\n2014\n\n3.1\n\n\
                The report ends here.\n\n\
                [1] Figures of the Ministry of Defence, January 2016.";
    for name in ["structure.docx", "structure.odt"] {
        let a = read(name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(normalize_paragraphs(&a.text), want, "{name}");
        assert_eq!(
            a.stated.author.as_ref().map(|s| s.value.as_str()),
            Some("Ana Pérez"),
            "{name}"
        );
        assert_eq!(
            a.meta.date.as_ref().map(|s| s.value.as_str()),
            Some("2016-05-02"),
            "{name}"
        );
    }
}

fn refused(name: &str) -> ReadError {
    match read(name) {
        Ok(a) => panic!("{name} was read: {:?}", a.text.get(..200)),
        Err(e) => e,
    }
}

#[test]
fn bad_files_are_refused_with_a_reason() {
    assert_eq!(
        refused("bad/scanned.pdf"),
        ReadError::Convert(Format::Pdf, ConvertError::NoTextLayer)
    );
    assert_eq!(
        refused("bad/scanned.pdf").to_string(),
        "PDF: no text layer (scanned?)"
    );
    assert_eq!(
        refused("bad/encrypted.pdf"),
        ReadError::Convert(Format::Pdf, ConvertError::Encrypted)
    );
    assert!(matches!(
        refused("bad/truncated.docx"),
        ReadError::Convert(Format::Docx, ConvertError::Damaged(..))
    ));
    assert_eq!(
        refused("bad/nobody.html"),
        ReadError::Convert(
            Format::Html,
            ConvertError::NoText("the page has no body text")
        )
    );
}

#[test]
fn a_folder_of_mixed_formats_loads_with_a_report_of_what_was_skipped() {
    let dir = common::tempdir();
    for name in ["article.txt", "article.html", "article.pdf", "article.docx"] {
        std::fs::copy(fixture(name), dir.path().join(name)).expect("copy");
    }
    std::fs::create_dir(dir.path().join("bad")).expect("mkdir");
    for name in [
        "scanned.pdf",
        "encrypted.pdf",
        "truncated.docx",
        "nobody.html",
    ] {
        std::fs::copy(
            fixture(&format!("bad/{name}")),
            dir.path().join("bad").join(name),
        )
        .expect("copy");
    }
    let (corpus, report) = common::load(dir.path());
    let ids: Vec<&str> = corpus.articles().iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        ["article.docx", "article.html", "article.pdf", "article.txt"]
    );
    for a in corpus.articles() {
        assert!(
            a.title.starts_with("Peru expands coca eradication"),
            "{}: {}",
            a.id,
            a.title
        );
        assert_eq!(
            a.meta.language.as_ref().map(|l| l.value.as_str()),
            Some("en")
        );
    }
    let skipped: Vec<(String, String)> = report
        .skipped
        .iter()
        .map(|s| (s.path.display().to_string(), s.reason.to_string()))
        .collect();
    assert_eq!(skipped.len(), 4, "{skipped:?}");
    assert!(
        skipped.contains(&(
            "bad/scanned.pdf".into(),
            "PDF: no text layer (scanned?)".into()
        )),
        "{skipped:?}"
    );
    assert!(
        skipped
            .iter()
            .any(|(p, r)| p == "bad/encrypted.pdf" && r.contains("encrypted")),
        "{skipped:?}"
    );
    assert!(
        skipped
            .iter()
            .any(|(p, r)| p == "bad/truncated.docx" && r.starts_with("DOCX: damaged")),
        "{skipped:?}"
    );
    assert!(
        skipped
            .iter()
            .any(|(p, r)| p == "bad/nobody.html" && r.contains("no body text")),
        "{skipped:?}"
    );
}

#[test]
fn a_200_mb_pdf_is_skipped_by_size_or_read_without_hanging() {
    use std::io::Write;
    let dir = common::tempdir();
    let path = dir.path().join("huge.pdf");
    let small = std::fs::read(fixture("article.pdf")).expect("pdf");
    let mut file = std::fs::File::create(&path).expect("create");
    // A comment line of padding after the header, then the real file: 200 MB in all.
    file.write_all(b"%PDF-1.4\n%").expect("write");
    let chunk = vec![b'x'; 1 << 20];
    for _ in 0..200 {
        file.write_all(&chunk).expect("write");
    }
    file.write_all(b"\n").expect("write");
    file.write_all(&small).expect("write");
    drop(file);
    let started = std::time::Instant::now();
    let (corpus, report) = common::load(dir.path());
    assert!(corpus.is_empty());
    assert!(
        matches!(report.skipped[0].reason, SkipReason::TooLarge { .. }),
        "{:?}",
        report.skipped
    );
    // With the limit raised the file is read (its offsets are wrong, so it may be refused as
    // damaged), but within seconds and without a panic.
    let options = LoadOptions {
        max_file_bytes: 300 << 20,
        ..LoadOptions::default()
    };
    let (corpus, report) = common::load_with(dir.path(), &options);
    assert_eq!(corpus.len() + report.skipped.len(), 1);
    assert!(
        started.elapsed().as_secs() < 60,
        "took {:?}",
        started.elapsed()
    );
}

/// A small DOCX that unpacks to a text larger than the size limit is skipped like a large file
/// (the limit is on the file and on the text made from it), with both sizes in the reason.
#[test]
fn a_compressed_file_whose_text_exceeds_the_size_limit_is_skipped_with_the_reason() {
    use std::io::{Read, Write};
    let original = std::fs::read(fixture("article.docx")).expect("fixture");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(original)).expect("zip");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let filler =
        "<w:p><w:r><w:t>coca coca coca coca coca coca coca coca coca coca</w:t></w:r></w:p>"
            .repeat(40_000); // about 2 MB of text, a few KB compressed
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).expect("entry");
        let name = entry.name().expect("entry name").to_string();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).expect("read entry");
        if name == "word/document.xml" {
            let xml = String::from_utf8(data).expect("utf-8");
            data = xml
                .replacen("</w:body>", &format!("{filler}</w:body>"), 1)
                .into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("start");
        out.write_all(&data).expect("write");
    }
    let bytes = out.finish().expect("finish").into_inner();
    assert!(bytes.len() < 200_000, "{} bytes compressed", bytes.len());
    let dir = common::tempdir();
    let path = dir.path().join("bomb.docx");
    std::fs::write(&path, &bytes).expect("write");
    let options = LoadOptions {
        max_file_bytes: 1 << 20,
        ..LoadOptions::default()
    };
    let skipped = dossier::corpus::load::read_article(dir.path(), &path, &options)
        .expect_err("a 2 MB text over a 1 MB limit");
    assert!(
        matches!(skipped.reason, SkipReason::TextTooLarge { limit, .. } if limit == 1 << 20),
        "{:?}",
        skipped.reason
    );
    assert!(skipped.reason.to_string().contains("--max-file-mb"));
    // Under a limit the text fits, the same file is read.
    let roomy = LoadOptions {
        max_file_bytes: 8 << 20,
        ..LoadOptions::default()
    };
    let article = dossier::corpus::load::read_article(dir.path(), &path, &roomy).expect("read");
    assert!(article.text.len() > 1 << 20);
}
