//! REFI-QDA export on the seeds: every selection points at its quote in the exported source
//! text, codings point at codes, the structure follows the QDA-XML 1.0 schema (element order,
//! required attributes, GUID and colour patterns), and, in `.ci/run` where `xmllint` is
//! installed, both files validate against the published schemas themselves.

use crate::common;

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Cursor, Read};
use std::path::Path;
use std::process::Command;

use dossier::corpus::{ArticleId, Corpus};
use dossier::interop::refi;
use dossier::project::codebook::default_themes;
use dossier::project::{Anchor, Passage, PassageId, Project, ThemeId, Timestamp};
use quick_xml::events::Event;
use quick_xml::{Reader, XmlVersion};

fn passage(corpus: &Corpus, id: u64, article: &str, phrase: &str, themes: &[u32]) -> Passage {
    let a = corpus.get(&ArticleId(article.into())).expect("article");
    let byte = a.text.find(phrase).expect("phrase");
    let start = a.char_of(byte).expect("boundary");
    let anchor = Anchor::cut(a, start, start + phrase.chars().count()).expect("anchor");
    let mut p = Passage::new(
        PassageId(id),
        a.id.clone(),
        anchor,
        themes.iter().map(|t| ThemeId(*t)).collect(),
        Timestamp::from_unix(1_700_000_000),
    );
    p.note = format!("note <{id}> & \"more\"\nsecond line");
    p
}

/// The seeds with a child theme, three passages (one with two themes, one with a multi-byte
/// quote) and one passage whose quote no longer matches its article.
fn fixture() -> (Corpus, Project) {
    let corpus = common::load_seeds();
    let mut project = Project::with_themes(default_themes());
    let first = project.themes[0].id;
    project.themes[4].parent = Some(first);
    let a = &corpus.articles()[0];
    let b = &corpus.articles()[3];
    let ids: Vec<u32> = project.themes.iter().map(|t| t.id.0).collect();
    let multibyte = b
        .text
        .split_whitespace()
        .find(|w| !w.is_ascii())
        .expect("a word with a non-ASCII letter in the seeds")
        .to_owned();
    let ps = [
        passage(&corpus, 1, a.id.as_str(), "Russia", &[ids[0], ids[4]]),
        passage(&corpus, 2, b.id.as_str(), &multibyte, &[ids[2]]),
        passage(&corpus, 3, b.id.as_str(), "Peru", &[ids[1]]),
    ];
    for p in ps {
        project.passages.insert(p.id, p);
    }
    let mut stale = passage(&corpus, 4, a.id.as_str(), "Moscow", &[ids[0]]);
    stale.quote = "text that is not there".into();
    project.passages.insert(stale.id, stale);
    (corpus, project)
}

fn unzip(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a ZIP archive");
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).expect("entry");
        let mut s = String::new();
        f.read_to_string(&mut s).expect("UTF-8 entry");
        out.insert(f.name().expect("entry name").into_owned(), s);
    }
    out
}

fn xmllint(xml: &str, schema: &str) {
    let dir = common::tempdir();
    let file = dir.path().join("doc.xml");
    std::fs::write(&file, xml).expect("write");
    let schema = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/refi")
        .join(schema);
    let out = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(&schema)
        .arg(&file)
        .output()
        .expect("xmllint runs (Debian package libxml2-utils; .ci/run installs it)");
    assert!(
        out.status.success(),
        "schema validation failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The parts of the QDA-XML 1.0 schema that Dossier's output touches: the children of
/// `Project` in the schema's order, required attributes, and the GUID and colour patterns.
fn check_structure(xml: &str) {
    const ORDER: &[&str] = &[
        "Users",
        "CodeBook",
        "Variables",
        "Cases",
        "Sources",
        "Notes",
        "Links",
        "Sets",
        "Graphs",
        "Description",
        "NoteRef",
    ];
    const REQUIRED: &[(&str, &[&str])] = &[
        ("Project", &["name"]),
        ("User", &["guid"]),
        ("Code", &["guid", "name", "isCodable"]),
        ("TextSource", &["guid", "plainTextPath"]),
        (
            "PlainTextSelection",
            &["guid", "startPosition", "endPosition"],
        ),
        ("Coding", &["guid"]),
        ("CodeRef", &["targetGUID"]),
        ("Variable", &["guid", "name", "typeOfVariable"]),
        ("VariableRef", &["targetGUID"]),
        ("Note", &["guid"]),
        ("NoteRef", &["targetGUID"]),
    ];
    let guid = regex::Regex::new(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
        .expect("regex");
    let color = regex::Regex::new(r"^#[0-9a-fA-F]{6}$").expect("regex");
    let project = xml.contains("<Project ");
    let mut reader = Reader::from_str(xml);
    let (mut depth, mut last_top) = (0, 0);
    loop {
        let event = reader.read_event().expect("well-formed XML");
        let (e, empty) = match &event {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(_) => {
                depth -= 1;
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let name = e.name().as_ref().to_owned();
        if depth == 1 && project {
            let at = ORDER
                .iter()
                .position(|n| *n == name)
                .unwrap_or_else(|| panic!("unexpected child of Project: {name}"));
            assert!(at >= last_top, "{name} out of the schema's order");
            last_top = at;
        }
        if let Some((_, attrs)) = REQUIRED.iter().find(|(n, _)| *n == name) {
            for a in *attrs {
                assert!(attr(e, a).is_some(), "{name} lacks {a}");
            }
        }
        for a in e.attributes().flatten() {
            let key = a.key.as_ref().to_owned();
            let value = a
                .normalized_value(XmlVersion::Explicit1_0)
                .expect("attribute");
            if key == "guid" || key.ends_with("GUID") || key == "creatingUser" {
                assert!(guid.is_match(&value), "{name}@{key} = {value}");
            }
            if key == "color" {
                assert!(color.is_match(&value), "{name}@{key} = {value}");
            }
            if key.ends_with("Position") {
                assert!(value.parse::<usize>().is_ok(), "{name}@{key} = {value}");
            }
        }
        if !empty {
            depth += 1;
        }
    }
    assert_eq!(depth, 0, "every element is closed");
}

#[derive(Debug, Default)]
struct Parsed {
    /// (source file, start, end, note) of each selection.
    selections: Vec<(String, usize, usize, String)>,
    code_guids: BTreeSet<String>,
    code_refs: Vec<String>,
    /// Code guid -> its parent code's guid.
    parents: BTreeMap<String, String>,
}

fn attr(e: &quick_xml::events::BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| {
            a.normalized_value(XmlVersion::Explicit1_0)
                .expect("attribute")
                .into_owned()
        })
}

fn parse(xml: &str) -> Parsed {
    let mut reader = Reader::from_str(xml);
    let mut out = Parsed::default();
    let mut source = String::new();
    let mut codes: Vec<String> = Vec::new();
    let mut in_selection_description = false;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) if e.name().as_ref() == "Code" => {
                let g = attr(&e, "guid").expect("guid");
                if let Some(parent) = codes.last() {
                    out.parents.insert(g.clone(), parent.clone());
                }
                out.code_guids.insert(g.clone());
                codes.push(g);
            }
            Event::Empty(e) if e.name().as_ref() == "Code" => {
                let g = attr(&e, "guid").expect("guid");
                if let Some(parent) = codes.last() {
                    out.parents.insert(g.clone(), parent.clone());
                }
                out.code_guids.insert(g);
            }
            Event::End(e) if e.name().as_ref() == "Code" => {
                codes.pop();
            }
            Event::Start(e) if e.name().as_ref() == "TextSource" => {
                source = attr(&e, "plainTextPath")
                    .expect("path")
                    .trim_start_matches("internal://")
                    .to_owned();
            }
            Event::Start(e) if e.name().as_ref() == "PlainTextSelection" => {
                let n = |k| {
                    attr(&e, k)
                        .expect("position")
                        .parse::<usize>()
                        .expect("number")
                };
                out.selections.push((
                    source.clone(),
                    n("startPosition"),
                    n("endPosition"),
                    String::new(),
                ));
            }
            Event::Start(e) if e.name().as_ref() == "Description" => {
                in_selection_description = !out.selections.is_empty() && codes.is_empty();
            }
            Event::Text(t) if in_selection_description => {
                let text = t.xml10_content().into_owned();
                if let Some(last) = out.selections.last_mut() {
                    last.3.push_str(&text);
                }
            }
            Event::GeneralRef(r) if in_selection_description => {
                let name = r.xml10_content().into_owned();
                let c = match name.as_str() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    other => panic!("unexpected entity {other}"),
                };
                if let Some(last) = out.selections.last_mut() {
                    last.3.push_str(c);
                }
            }
            Event::End(e) if e.name().as_ref() == "Description" => {
                in_selection_description = false;
            }
            Event::Empty(e) if e.name().as_ref() == "CodeRef" => {
                out.code_refs.push(attr(&e, "targetGUID").expect("target"));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

#[test]
fn the_seeds_export_as_a_valid_qdpx_that_points_at_every_quote() {
    let (corpus, project) = fixture();
    let (bytes, report) = refi::qdpx(&project, &corpus, "Seeds & co", "analyst").expect("export");

    // What was written, and the stale passage reported rather than written.
    assert_eq!(report.sources, corpus.len());
    assert_eq!(report.selections, 3);
    assert_eq!(report.codings, 4);
    assert_eq!(report.skipped.len(), 1, "{:?}", report.skipped);
    assert!(
        report.skipped[0].contains("passage 4"),
        "{:?}",
        report.skipped
    );

    let files = unzip(&bytes);
    let xml = files.get("project.qde").expect("project.qde");
    assert!(
        xml.starts_with("<?xml"),
        "no byte-order mark before the declaration"
    );
    check_structure(xml);

    // One LF-only text file per article, equal to the decoded text.
    let texts: Vec<&String> = files
        .iter()
        .filter(|(k, _)| k.starts_with("sources/"))
        .map(|(_, v)| v)
        .collect();
    assert_eq!(texts.len(), corpus.len());
    for a in corpus.articles() {
        assert!(
            texts.iter().any(|t| **t == a.text),
            "{} is in sources/",
            a.id
        );
    }

    // Each selection's positions, counted in code points, give back the passage's quote.
    let parsed = parse(xml);
    assert_eq!(parsed.selections.len(), 3);
    let quotes: BTreeSet<&str> = project
        .passages
        .values()
        .filter(|p| p.id != PassageId(4))
        .map(|p| p.quote.as_str())
        .collect();
    for (file, start, end, note) in &parsed.selections {
        let text = files.get(&format!("sources/{file}")).expect("source file");
        let quote: String = text.chars().skip(*start).take(end - start).collect();
        assert!(
            quotes.contains(quote.as_str()),
            "{quote:?} at {start}..{end}"
        );
        assert!(
            note.starts_with("note <") && note.contains("& \"more\"\nsecond line"),
            "{note:?}"
        );
    }
    assert!(
        parsed.selections.iter().any(|(_, s, e, _)| {
            let p = &project.passages[&PassageId(2)];
            (*s, *e) == (p.start, p.end)
        }),
        "the multi-byte quote keeps its code point offsets"
    );

    // Codes: one per theme, the child nested in its parent; every coding points at a code.
    assert_eq!(parsed.code_guids.len(), project.themes.len());
    let child = refi::guid("theme", &project.themes[4].id.0.to_string());
    let parent = refi::guid("theme", &project.themes[0].id.0.to_string());
    assert_eq!(parsed.parents.get(&child), Some(&parent));
    assert_eq!(parsed.code_refs.len(), 4);
    assert!(
        parsed
            .code_refs
            .iter()
            .all(|r| parsed.code_guids.contains(r))
    );
}

#[test]
fn the_export_is_the_same_byte_for_byte_each_time() {
    let (corpus, project) = fixture();
    let (a, _) = refi::qdpx(&project, &corpus, "Seeds", "analyst").expect("export");
    let (b, _) = refi::qdpx(&project, &corpus, "Seeds", "analyst").expect("export");
    assert_eq!(a, b);
}

#[test]
#[ignore = "needs xmllint (Debian: libxml2-utils); .ci/run installs it and runs this test"]
fn the_exports_validate_against_the_published_schemas() {
    let (corpus, project) = fixture();
    let (bytes, _) = refi::qdpx(&project, &corpus, "Seeds", "analyst").expect("export");
    xmllint(&unzip(&bytes)["project.qde"], "Project.xsd");
    xmllint(&refi::qdc(&project).expect("a codebook"), "Codebook.xsd");
}

#[test]
fn the_codebook_exports_as_a_qdc() {
    let (_, project) = fixture();
    assert_eq!(
        refi::qdc(&Project::default()),
        None,
        "an empty codebook has no .qdc"
    );
    let qdc = refi::qdc(&project).expect("a codebook");
    assert!(qdc.contains("<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\""));
    check_structure(&qdc);
    let parsed = parse(&qdc);
    assert_eq!(parsed.code_guids.len(), project.themes.len());
    for t in &project.themes {
        assert!(qdc.contains(&format!("color=\"{}\"", t.color.to_hex())));
    }
}

#[test]
#[should_panic(expected = "Code lacks name")]
fn the_structure_check_rejects_a_code_without_a_name() {
    check_structure(
        r##"<?xml version="1.0"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="00000000-0000-5000-8000-000000000000" isCodable="true" color="#ffffff"/></Codes></CodeBook>"##,
    );
}

#[test]
#[should_panic(expected = "out of the schema's order")]
fn the_structure_check_rejects_sources_before_the_codebook() {
    check_structure(
        r#"<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="p"><Sources/><CodeBook/></Project>"#,
    );
}
