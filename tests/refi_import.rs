//! REFI-QDA import: the real QualCoder export gives back the 32 passages of the Dossier project
//! it came from; Dossier → .qdpx → Dossier is the identity; fixtures in the shapes NVivo,
//! ATLAS.ti and MAXQDA write are read with what Dossier can keep and a report of what it
//! cannot; schema problems are named with their lines (and agree with xmllint where it is
//! installed); codebooks merge with rename, skip or fail on clashes; bad files are refused.

use crate::common;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use dossier::interop::refi;
use dossier::interop::refi_import::{self, ImportError, Imported};
use dossier::interop::refi_import_codebook::{OnClash, merge_codebook, parse_qdc};
use dossier::interop::refi_import_schema::{project_schema, validate};
use dossier::project::{CoderId, Project, Timestamp, format, io};

fn data(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/refi-import")
        .join(rel)
}

fn now() -> Timestamp {
    Timestamp::from_unix(1_800_000_000)
}

/// Zip a fixture folder into `.qdpx` bytes (paths relative to the folder).
fn zip_folder(dir: &Path) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let mut stack = vec![dir.to_owned()];
    let mut files = Vec::new();
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("fixture folder") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else {
                files.push(p);
            }
        }
    }
    files.sort();
    for f in files {
        let name = f
            .strip_prefix(dir)
            .expect("inside")
            .to_string_lossy()
            .replace('\\', "/");
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("entry");
        zip.write_all(&std::fs::read(&f).expect("read"))
            .expect("write");
    }
    zip.finish().expect("zip").into_inner()
}

fn import_fixture(name: &str, folder: Option<PathBuf>) -> Imported {
    refi_import::import_qdpx(zip_folder(&data(name)), folder, &now()).expect("imports")
}

fn theme_names(p: &Project) -> BTreeMap<u32, String> {
    p.themes.iter().map(|t| (t.id.0, t.name.clone())).collect()
}

/// (article, start, end) → (theme names, note, created, quote).
type Keyed = BTreeMap<(String, usize, usize), (Vec<String>, String, String, String)>;

fn keyed(p: &Project) -> Keyed {
    let names = theme_names(p);
    p.passages
        .values()
        .map(|x| {
            let mut themes: Vec<String> = x.themes.iter().map(|t| names[&t.0].clone()).collect();
            themes.sort();
            (
                (x.article.0.clone(), x.start, x.end),
                (themes, x.note.clone(), x.created.0.clone(), x.quote.clone()),
            )
        })
        .collect()
}

fn sample_project() -> Project {
    let path = data("qualcoder/dossier-project.json");
    let text = std::fs::read_to_string(&path).expect("sample");
    format::parse(&text, &path).expect("project").project
}

#[test]
fn qualcoder_export_gives_back_the_32_passages() {
    let bytes = std::fs::read(data("qualcoder/qualcoder-export.qdpx")).expect("qdpx");
    let imported = refi_import::import_qdpx(bytes, None, &now()).expect("imports");
    let r = &imported.report;
    assert!(r.schema_problems.is_empty(), "{:?}", r.schema_problems);
    assert_eq!((r.sources, r.selections, r.passages), (5, 44, 32));
    assert!(
        r.notes
            .iter()
            .any(|n| n.contains("44 selections were grouped into 32 passages"))
    );
    assert!(
        r.notes.iter().any(|n| n.contains("5 file(s)")),
        "unreferenced copies: {:?}",
        r.notes
    );
    let original = sample_project();
    let got = &imported.project;
    assert_eq!(
        keyed(got),
        keyed(&original),
        "passages, themes, notes, times, quotes"
    );
    // The tree and descriptions; colours as QualCoder changed them (upper case in its XML).
    let by_name = |p: &Project| -> BTreeMap<String, (Option<String>, String)> {
        p.themes
            .iter()
            .map(|t| {
                let parent = t.parent.and_then(|id| p.theme(id)).map(|t| t.name.clone());
                (t.name.clone(), (parent, t.description.clone()))
            })
            .collect()
    };
    assert_eq!(by_name(got), by_name(&original));
    let training = got
        .themes
        .iter()
        .find(|t| t.name == "Counternarcotics training")
        .expect("theme");
    assert_eq!(training.color.to_hex(), "#3d6cb3");
    // One user, named analyst, whose GUID the project's creatingUserGUID does not match.
    assert!(got.has_implicit_coder());
    // Texts: the BOM is gone and they equal the seeds.
    let seeds = common::load_seeds();
    for s in &imported.sources {
        let seed = seeds
            .get(&dossier::corpus::ArticleId(s.file.clone()))
            .expect("seed");
        assert_eq!(s.text, seed.text);
    }
}

#[test]
fn dossier_to_qdpx_to_dossier_is_the_identity() {
    let original = sample_project();
    let corpus = common::load_seeds();
    let (bytes, report) = refi::qdpx(&original, &corpus, "Seeds", "analyst").expect("export");
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    let imported = refi_import::import_qdpx(bytes, None, &now()).expect("imports");
    assert!(
        imported.report.schema_problems.is_empty(),
        "{:?}",
        imported.report.schema_problems
    );
    let dir = common::tempdir();
    let path = dir.path().join("again.dossier.json");
    refi_import::write_imported(&imported, &path, &dir.path().join("texts")).expect("written");
    let reopened = io::open(&path).expect("reopens").project;
    assert_eq!(
        reopened.passages, original.passages,
        "every field of every passage"
    );
    assert_eq!(
        reopened.themes, original.themes,
        "names, colours, descriptions, tree"
    );
    assert_eq!(reopened.articles, original.articles, "the same texts");
    assert_eq!(reopened.coder_list(), original.coder_list());
    // The written texts load as an ordinary Dossier corpus with every passage in place.
    let loaded = dossier::cli::load_any(&path, &Default::default()).expect("loads");
    let found = dossier::project::reanchor::reanchor(&reopened, &loaded.corpus, None);
    assert!(found.is_quiet(), "{}", found.summary());
}

#[test]
fn two_coders_survive_the_round_trip() {
    let mut original = sample_project();
    let bob = dossier::project::Coder::new(CoderId(2), "bob");
    original.coders = vec![dossier::project::Coder::implicit(), bob];
    for p in original.passages.values_mut().filter(|p| p.id.0 % 2 == 0) {
        p.coder = CoderId(2);
    }
    original.current_coder = CoderId(2);
    let (bytes, _) =
        refi::qdpx(&original, &common::load_seeds(), "Seeds", "ignored").expect("export");
    let imported = refi_import::import_qdpx(bytes, None, &now()).expect("imports");
    assert_eq!(imported.project.coder_list(), original.coder_list());
    assert_eq!(imported.project.current_coder, CoderId(2));
    assert_eq!(imported.project.passages, original.passages);
}

#[test]
fn nvivo_shapes_are_read() {
    let imported = import_fixture("nvivo", None);
    let (p, r) = (&imported.project, &imported.report);
    assert!(r.schema_problems.is_empty(), "{:?}", r.schema_problems);
    assert_eq!(p.coder_list()[0].name, "Maria Lopez");
    let k = keyed(p);
    let fskn = k
        .iter()
        .find(|(_, v)| v.3 == "Russia’s FSKN sent trainers to Managua in 2013")
        .expect("the coded sentence, from the Sources/ folder");
    assert_eq!(fskn.1.0, vec!["Trainers sent", "Training"]);
    assert_eq!(fskn.1.1, "Check the year: Another source says 2014.");
    let modified: Vec<&str> = p.passages.values().map(|x| x.modified.0.as_str()).collect();
    assert!(modified.contains(&"2024-02-03T11:00:00Z"));
    // Coded at source: the whole field notes.
    let whole = k
        .iter()
        .find(|(key, _)| key.1 == 0 && key.0.starts_with("Field notes"))
        .expect("source coding");
    assert_eq!(whole.1.0, vec!["Framing"]);
    let skipped = r.skipped.join("\n");
    for expected in [
        "1 variable(s)",
        "1 case(s)",
        "1 set(s)",
        "a note on source “Field notes Lima”",
        "1 variable value(s)",
    ] {
        assert!(skipped.contains(expected), "{expected} in {skipped}");
    }
    assert_eq!(imported.sources.len(), 2);
    assert!(imported.sources.iter().all(|s| s.file.ends_with(".txt")));
}

#[test]
fn atlas_ti_shapes_are_read() {
    let imported = import_fixture("atlas", None);
    let (p, r) = (&imported.project, &imported.report);
    assert!(r.schema_problems.is_empty(), "{:?}", r.schema_problems);
    let names: Vec<String> = p.coder_list().into_iter().map(|c| c.name).collect();
    assert_eq!(names, vec!["Jonas", "Ines"]);
    // CR LF text: positions land on the quote after the line ends become LF.
    let helis: Vec<_> = p
        .passages
        .values()
        .filter(|x| x.quote == "Russia delivered 24 Mi-17 helicopters to Peru")
        .collect();
    assert_eq!(helis.len(), 2, "one passage per coder");
    assert_ne!(helis[0].coder, helis[1].coder);
    assert!(p.passages.values().any(|x| x.quote == "$406 million"));
    // The PDF's text representation (with a BOM) and its selection.
    let memo = p
        .passages
        .values()
        .find(|x| x.quote == "Mexico and Russia signed a memorandum on drug control")
        .expect("from the PDF's representation");
    assert_eq!(memo.created.0, "2023-05-04T10:00:00Z");
    let category = p
        .themes
        .iter()
        .find(|t| t.name == "Security cooperation")
        .expect("category");
    assert_eq!(category.color.to_hex(), "#ff2288");
    let arms = p
        .themes
        .iter()
        .find(|t| t.name == "Arms deals")
        .expect("code");
    assert_eq!(arms.parent, Some(category.id));
    assert!(arms.description.contains("Only deliveries, not offers."));
    assert!(r.notes.iter().any(|n| n.contains("isCodable")));
    let skipped = r.skipped.join("\n");
    for expected in [
        "1 PDF selection(s)",
        "PDF source “scan.pdf”",
        "absolute:///nonexistent/atlas/linked.txt",
        "Ask Ines about the 2016 deal.",
    ] {
        assert!(skipped.contains(expected), "{expected} in {skipped}");
    }
}

#[test]
fn maxqda_shapes_are_read() {
    let dir = common::tempdir();
    std::fs::copy(
        data("maxqda-external/Interview 3.txt"),
        dir.path().join("Interview 3.txt"),
    )
    .expect("copy");
    let imported = import_fixture("maxqda", Some(dir.path().to_owned()));
    let (p, r) = (&imported.project, &imported.report);
    assert!(r.schema_problems.is_empty(), "{:?}", r.schema_problems);
    let names: Vec<String> = p.coder_list().into_iter().map(|c| c.name).collect();
    assert_eq!(names, vec!["RK", "PS", "Unknown coder"]);
    let instructors = p
        .passages
        .values()
        .find(|x| x.quote == "the instructors come from Russia")
        .expect("relative:// source beside the .qdpx");
    assert_eq!(p.coder_name(instructors.coder), "Unknown coder");
    let funding = p.themes.iter().find(|t| t.name == "Funding").expect("code");
    assert_eq!(funding.color.to_hex(), "#ff0000");
    assert_eq!(imported.sources[0].file, "Interview 3.txt");
    let skipped = r.skipped.join("\n");
    for expected in [
        "5000..5010",
        "picture source “Poster”",
        "2 variable(s)",
        "1 set(s)",
    ] {
        assert!(skipped.contains(expected), "{expected} in {skipped}");
    }
    // Without the file beside it, the source is skipped with the reason.
    let missing = import_fixture("maxqda", None);
    assert_eq!(missing.project.passages.len(), 0);
    assert!(
        missing
            .report
            .skipped
            .join("\n")
            .contains("relative://Interview 3.txt")
    );
}

fn broken_variants() -> Vec<(String, &'static str, usize)> {
    let xml = std::fs::read_to_string(data("nvivo/project.qde")).expect("fixture");
    let line_of = |needle: &str| {
        xml[..xml.find(needle).expect("needle")]
            .matches('\n')
            .count()
            + 1
    };
    vec![
        (
            xml.replacen("name=\"Counternarcotics study\" ", "", 1),
            "Project",
            line_of("<Project "),
        ),
        (
            xml.replacen("color=\"#9C755F\"", "color=\"brown\"", 1),
            "Code",
            line_of("#9C755F"),
        ),
        (
            xml.replacen("startPosition=\"", "startPosition=\"x", 1),
            "PlainTextSelection",
            line_of("startPosition"),
        ),
        (
            xml.replacen("<Variables>", "<Wrong/><Variables>", 1),
            "Wrong",
            line_of("<Variables>"),
        ),
        (
            xml.replacen(
                "guid=\"50200e7f-6182-43a4-9f00-5b6c7d8e9fa0\"",
                "guid=\"nope\"",
                1,
            ),
            "Case",
            line_of("<Case "),
        ),
    ]
}

#[test]
fn schema_problems_name_the_element_and_line() {
    let schema = project_schema();
    for (xml, element, line) in broken_variants() {
        let doc = roxmltree::Document::parse(&xml).expect("well-formed");
        let problems = validate(&schema, &doc, &xml);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].starts_with(&format!("line {line}: <{element}>")),
            "{problems:?}"
        );
    }
    // The import goes on and reports the problem.
    let (xml, _, _) = broken_variants().remove(2);
    let dir = common::tempdir();
    let folder = dir.path().join("nvivo");
    std::fs::create_dir_all(folder.join("Sources")).expect("dir");
    for e in std::fs::read_dir(data("nvivo/Sources")).expect("sources") {
        let e = e.expect("entry");
        std::fs::copy(e.path(), folder.join("Sources").join(e.file_name())).expect("copy");
    }
    std::fs::write(folder.join("project.qde"), xml).expect("write");
    let imported = refi_import::import_qdpx(zip_folder(&folder), None, &now()).expect("imports");
    assert_eq!(imported.report.schema_problems.len(), 1);
    assert!(
        imported
            .report
            .skipped
            .iter()
            .any(|s| s.contains("without valid start and end"))
    );
    assert_eq!(imported.project.passages.len(), 3);
}

/// Run by .ci/run, where xmllint is installed: it judges every fixture and broken variant as
/// Dossier's validator does, and names the same line.
#[test]
#[ignore = "needs xmllint (Debian package libxml2-utils); .ci/run installs it"]
fn validator_agrees_with_xmllint() {
    let dir = common::tempdir();
    let schema = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/refi/Project.xsd");
    let mut cases: Vec<(String, Option<usize>)> = broken_variants()
        .into_iter()
        .map(|(x, _, l)| (x, Some(l)))
        .collect();
    for f in [
        "nvivo/project.qde",
        "atlas/Arms and drugs.qde",
        "maxqda/project.qde",
    ] {
        cases.push((std::fs::read_to_string(data(f)).expect("fixture"), None));
    }
    for (i, (xml, line)) in cases.into_iter().enumerate() {
        let file = dir.path().join(format!("{i}.qde"));
        std::fs::write(&file, &xml).expect("write");
        let out = std::process::Command::new("xmllint")
            .arg("--noout")
            .arg("--schema")
            .arg(&schema)
            .arg(&file)
            .output()
            .expect("xmllint runs");
        let doc = roxmltree::Document::parse(&xml).expect("well-formed");
        let ours = validate(&project_schema(), &doc, &xml);
        assert_eq!(
            out.status.success(),
            ours.is_empty(),
            "case {i}: {ours:?} / {}",
            String::from_utf8_lossy(&out.stderr)
        );
        if let Some(line) = line {
            let theirs = String::from_utf8_lossy(&out.stderr);
            assert!(
                theirs.contains(&format!(":{line}:")),
                "case {i}: xmllint says {theirs}"
            );
        }
    }
}

#[test]
fn codebooks_merge_with_a_choice_on_clashes() {
    let text = std::fs::read_to_string(data("maxqda.qdc")).expect("qdc");
    let book = parse_qdc(&text).expect("codebook");
    assert!(book.problems.is_empty(), "{:?}", book.problems);
    assert!(book.skipped.iter().any(|s| s.contains("1 set(s)")));
    let project = Project::with_themes(dossier::project::codebook::default_themes());
    let existing = project
        .themes
        .iter()
        .find(|t| t.name == "Arms sales")
        .expect("seeds theme")
        .id;
    let before = project.clone();
    let err = merge_codebook(&project, &book.codes, OnClash::Fail)
        .map(|_| ())
        .expect_err("refused");
    assert!(
        matches!(err, ImportError::Clash(ref m) if m.contains("“Arms sales”")),
        "{err}"
    );
    let skip = merge_codebook(&project, &book.codes, OnClash::Skip).expect("skip");
    let mut skipped = project.clone();
    skipped.apply(skip.edit.expect("edit")).expect("applies");
    let heli = skipped
        .themes
        .iter()
        .find(|t| t.name == "Helicopters")
        .expect("child");
    assert_eq!(heli.parent, Some(existing), "under the existing theme");
    assert_eq!(heli.color.to_hex(), "#aabbcc");
    let rename = merge_codebook(&project, &book.codes, OnClash::Rename).expect("rename");
    let mut renamed = project.clone();
    let inverse = renamed.apply(rename.edit.expect("edit")).expect("applies");
    let new = renamed
        .themes
        .iter()
        .find(|t| t.name == "Arms sales (2)")
        .expect("renamed");
    assert_eq!(
        renamed
            .themes
            .iter()
            .find(|t| t.name == "Helicopters")
            .and_then(|t| t.parent),
        Some(new.id)
    );
    renamed.apply(inverse).expect("undo");
    assert_eq!(renamed, before, "one undoable step");
}

#[test]
fn bad_files_are_refused_with_reasons() {
    let err = |bytes: Vec<u8>| {
        refi_import::import_qdpx(bytes, None, &now())
            .map(|_| ())
            .expect_err("refused")
            .to_string()
    };
    assert!(err(b"not a zip".to_vec()).contains("not a ZIP"));
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("readme.txt", zip::write::SimpleFileOptions::default())
        .expect("entry");
    assert!(err(zip.finish().expect("zip").into_inner()).contains("no .qde"));
    let one = |xml: &str| {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zip.start_file("project.qde", zip::write::SimpleFileOptions::default())
            .expect("entry");
        zip.write_all(xml.as_bytes()).expect("write");
        zip.finish().expect("zip").into_inner()
    };
    assert!(err(one("<Project name='x'><Users>")).contains("not well-formed"));
    assert!(err(one("<CodeBook/>")).contains("root element is <CodeBook>"));
    assert!(
        err(one(
            "<!DOCTYPE x [<!ENTITY a 'aaaa'>]><Project name='&a;'/>"
        ))
        .contains("not well-formed")
    );
    assert!(
        parse_qdc("<Project name='p'/>")
            .map(|_| ())
            .expect_err("refused")
            .to_string()
            .contains("<Project>")
    );
}

#[test]
fn the_commands_import_and_never_overwrite() {
    let dir = common::tempdir();
    let out = dir.path().join("qc.dossier.json");
    let input = data("qualcoder/qualcoder-export.qdpx");
    let run = |args: &[&std::ffi::OsStr]| {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args(args)
            .output()
            .expect("runs");
        (
            o.status.success(),
            String::from_utf8_lossy(&o.stdout).into_owned(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )
    };
    let (ok, stdout, stderr) = run(&["import-qdpx".as_ref(), input.as_os_str(), out.as_os_str()]);
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains("32 passages from 44 selections"),
        "{stdout}"
    );
    assert!(
        dir.path()
            .join("qc-sources/000_8ac47412c0faaaf5.txt")
            .is_file()
    );
    let (ok, _, stderr) = run(&["import-qdpx".as_ref(), input.as_os_str(), out.as_os_str()]);
    assert!(!ok && stderr.contains("already exists"), "{stderr}");
    let (ok, _, stderr) = run(&[
        "import-qdpx".as_ref(),
        out.as_os_str(),
        dir.path().join("x.json").as_os_str(),
    ]);
    assert!(
        !ok && stderr.contains("not a ZIP") && stderr.contains("qc.dossier.json"),
        "{stderr}"
    );
    let qdc = data("maxqda.qdc");
    let (ok, stdout, stderr) = run(&[
        "import-qdc".as_ref(),
        qdc.as_os_str(),
        out.as_os_str(),
        "--on-clash".as_ref(),
        "rename".as_ref(),
    ]);
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains("added 3 theme(s)") && stdout.contains("“Arms sales (2)”"),
        "{stdout}"
    );
    let (ok, _, stderr) = run(&[
        "import-qdc".as_ref(),
        qdc.as_os_str(),
        out.as_os_str(),
        "--on-clash".as_ref(),
        "fail".as_ref(),
    ]);
    assert!(!ok && stderr.contains("already themes"), "{stderr}");
    assert_eq!(io::open(&out).expect("project").project.themes.len(), 15);
}

/// Damaged project XML (cut, repeated or altered at pseudo-random places) is imported or
/// refused with a reason, never a panic.
#[test]
fn damaged_xml_never_panics() {
    let xml = std::fs::read_to_string(data("nvivo/project.qde")).expect("fixture");
    let sources: Vec<(String, Vec<u8>)> = std::fs::read_dir(data("nvivo/Sources"))
        .expect("sources")
        .map(|e| {
            let e = e.expect("entry");
            (
                format!("Sources/{}", e.file_name().to_string_lossy()),
                std::fs::read(e.path()).expect("read"),
            )
        })
        .collect();
    let mut seed = 7u64;
    let mut next = |below: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize % below.max(1)
    };
    let mut outcomes = (0, 0);
    for _ in 0..300 {
        let bytes = xml.as_bytes();
        let (a, b) = {
            let a = next(bytes.len());
            (a, (a + next(40)).min(bytes.len()))
        };
        let mut damaged = bytes.to_vec();
        match next(4) {
            0 => drop(damaged.drain(a..b)),
            1 => damaged.splice(a..a, bytes[a..b].to_vec()).for_each(drop),
            2 => damaged
                .iter_mut()
                .skip(a)
                .take(b - a)
                .filter(|c| c.is_ascii_digit())
                .for_each(|c| *c = b'9'),
            _ => damaged.truncate(a),
        }
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zip.start_file("project.qde", zip::write::SimpleFileOptions::default())
            .expect("entry");
        zip.write_all(&damaged).expect("write");
        for (name, data) in &sources {
            zip.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
                .expect("entry");
            zip.write_all(data).expect("write");
        }
        match refi_import::import_qdpx(zip.finish().expect("zip").into_inner(), None, &now()) {
            Ok(imported) => {
                outcomes.0 += 1;
                for p in imported.project.passages.values() {
                    let text = &imported
                        .sources
                        .iter()
                        .find(|s| s.file == p.article.0)
                        .expect("source")
                        .text;
                    let quote: String = text.chars().skip(p.start).take(p.end - p.start).collect();
                    assert_eq!(quote, p.quote);
                }
            }
            Err(e) => {
                outcomes.1 += 1;
                assert!(!e.to_string().is_empty());
            }
        }
    }
    assert!(outcomes.0 > 0 && outcomes.1 > 0, "{outcomes:?}");
}
