//! Article attributes in the project: corrections that stay corrected, custom attributes,
//! memos, undo, saving; sorting, filtering, grouping and splitting by attribute; the
//! converter stamp and re-anchoring after a converter change; REFI-QDA variables.

use crate::common;

use std::path::Path;

use dossier::analysis::by_attribute::{Filter, Split, filter, group, sort};
use dossier::analysis::matrix::Measure;
use dossier::corpus::{ArticleId, Corpus};
use dossier::project::attributes::{
    AttributeDef, AttributeEdit, AttributeError, AttributeKind, Origin, value_of,
};
use dossier::project::{
    Anchor, ArticleRecord, Edit, EditError, History, Passage, PassageId, Project, Rgb, Theme,
    ThemeId, Timestamp,
};

fn corpus() -> Corpus {
    // The seeds and the HTML fixture, copied into one folder.
    let dir = common::tempdir();
    common::copy_seeds(dir.path());
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sources/article.html"),
        dir.path().join("andean.html"),
    )
    .expect("copy");
    let (corpus, _) = common::load(dir.path());
    std::mem::forget(dir); // the articles keep their paths for the test's life
    corpus
}

fn id(corpus: &Corpus, prefix: &str) -> ArticleId {
    corpus
        .articles()
        .iter()
        .find(|a| a.id.as_str().starts_with(prefix))
        .expect("article")
        .id
        .clone()
}

fn set(article: &ArticleId, key: &str, value: Option<&str>) -> Edit {
    Edit::Attributes(AttributeEdit::SetValue {
        article: article.clone(),
        key: key.into(),
        value: value.map(str::to_owned),
    })
}

#[test]
fn a_corrected_value_stays_corrected_and_undo_restores_the_detected_one() {
    let corpus = corpus();
    let seed0 = id(&corpus, "000");
    let article = corpus.get(&seed0).expect("seed");
    let mut project = Project::default();
    let mut history = History::saved();
    assert_eq!(
        value_of(&project.attributes, article, "date")
            .map(|v| v.text)
            .as_deref(),
        Some("--02-23")
    );
    history
        .apply(&mut project, set(&seed0, "date", Some("2013-02-23")))
        .expect("set");
    let v = value_of(&project.attributes, article, "date").expect("value");
    assert_eq!((v.text.as_str(), v.origin), ("2013-02-23", Origin::Analyst));
    assert_eq!(
        value_of(&project.attributes, article, "year")
            .map(|v| v.text)
            .as_deref(),
        Some("2013")
    );
    // Saved and opened again, the correction is still there (and re-detection cannot undo it).
    let text = dossier::project::format::to_json(&project);
    let opened = dossier::project::format::parse(&text, Path::new("p.json")).expect("opens");
    assert_eq!(opened.project.attributes, project.attributes);
    history.undo(&mut project).expect("undo");
    assert_eq!(
        value_of(&project.attributes, article, "date")
            .map(|v| v.text)
            .as_deref(),
        Some("--02-23")
    );
    assert!(project.attributes.is_empty());
    // Bad values are refused and change nothing.
    assert_eq!(
        project.apply(set(&seed0, "date", Some("next week"))),
        Err(EditError::Attribute(AttributeError::BadDate(
            "next week".into()
        )))
    );
    assert_eq!(
        project.apply(set(&seed0, "format", Some("pdf"))),
        Err(EditError::Attribute(AttributeError::ReadOnly(
            "format".into()
        )))
    );
}

#[test]
fn custom_attributes_of_every_type_and_memos() {
    let corpus = corpus();
    let seed4 = id(&corpus, "004");
    let mut project = Project::default();
    let define = |name: &str, kind: AttributeKind| {
        Edit::Attributes(AttributeEdit::Define(AttributeDef {
            name: name.into(),
            kind,
            description: String::new(),
        }))
    };
    project
        .apply(define(
            "reliability",
            AttributeKind::Choice {
                options: vec!["high".into(), "low".into()],
            },
        ))
        .expect("choice");
    project
        .apply(define("pages", AttributeKind::Number))
        .expect("number");
    project
        .apply(define("received", AttributeKind::Date))
        .expect("date");
    project
        .apply(define("desk", AttributeKind::Text))
        .expect("text");
    assert_eq!(
        project.apply(define("date", AttributeKind::Text)),
        Err(EditError::Attribute(AttributeError::BuiltIn("date".into())))
    );
    project
        .apply(set(&seed4, "reliability", Some("high")))
        .expect("a choice");
    assert!(
        project
            .apply(set(&seed4, "reliability", Some("medium")))
            .is_err()
    );
    project
        .apply(set(&seed4, "pages", Some("12")))
        .expect("a number");
    assert!(project.apply(set(&seed4, "pages", Some("twelve"))).is_err());
    project
        .apply(set(&seed4, "received", Some("2015-05")))
        .expect("a partial date");
    // Removing a choice an article uses is refused; removing a used attribute too.
    assert!(
        project
            .apply(define(
                "reliability",
                AttributeKind::Choice {
                    options: vec!["low".into()]
                }
            ))
            .is_err()
    );
    assert_eq!(
        project.apply(Edit::Attributes(AttributeEdit::Remove("pages".into()))),
        Err(EditError::Attribute(AttributeError::InUse(
            "pages".into(),
            1
        )))
    );
    project
        .apply(Edit::Attributes(AttributeEdit::ArticleMemo {
            article: seed4.clone(),
            memo: "Check with the SOUTHCOM release.".into(),
        }))
        .expect("memo");
    project
        .apply(Edit::Attributes(AttributeEdit::ProjectMemo(
            "Corpus of 2013–2015 press.".into(),
        )))
        .expect("memo");
    let text = dossier::project::format::to_json(&project);
    assert!(text.contains("\"reliability\"") && text.contains("Check with the SOUTHCOM release."));
    let opened = dossier::project::format::parse(&text, Path::new("p.json")).expect("opens");
    assert_eq!(opened.project.attributes, project.attributes);
    assert_eq!(
        dossier::project::format::to_json(&opened.project),
        text,
        "saves byte-identically"
    );
}

#[test]
fn a_project_without_attributes_saves_as_before() {
    let text = dossier::project::format::to_json(&Project::default());
    assert!(!text.contains("attributes"), "{text}");
    let corpus = common::load_seeds();
    let record = ArticleRecord::of(&corpus.articles()[0]);
    assert!(
        !serde_json::to_string(&record)
            .expect("json")
            .contains("converter")
    );
}

#[test]
fn articles_sort_filter_and_group_by_attribute() {
    let corpus = corpus();
    let project = Project::default();
    let a = &project.attributes;
    let mut list: Vec<&dossier::corpus::Article> = corpus.articles().iter().collect();
    sort(&mut list, a, "date", false);
    let order: Vec<&str> = list.iter().map(|x| x.id.file_name()).collect();
    assert_eq!(
        &order[..2],
        ["andean.html", "004_4e1d6365705cc31f.txt"],
        "dated first, oldest first: {order:?}"
    );
    let english = filter(&corpus, a, "language", &Filter::Is("en".into()));
    assert_eq!(english.len(), corpus.len());
    let in_2015 = filter(
        &corpus,
        a,
        "date",
        &Filter::Between("2015-01-01".into(), "2015-12-31".into()),
    );
    assert_eq!(in_2015.len(), 2);
    let by_outlet: Vec<(String, usize)> = group(&corpus, a, "outlet")
        .into_iter()
        .map(|(k, v)| (k, v.len()))
        .collect();
    assert_eq!(
        by_outlet,
        [
            ("Andean Wire".into(), 1),
            ("Dialogo".into(), 1),
            ("Itar-Tass".into(), 1),
            ("(none)".into(), 3)
        ]
    );
    let by_year: Vec<String> = group(&corpus, a, "year")
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    assert_eq!(by_year, ["2015", "(none)"]);
}

#[test]
fn the_matrix_frequencies_and_figures_split_by_attribute() {
    let corpus = corpus();
    let mut project = Project::with_themes(vec![Theme {
        id: ThemeId(1),
        name: "Russia".into(),
        color: Rgb([1, 2, 3]),
        description: String::new(),
        parent: None,
    }]);
    let now = Timestamp::from_unix(0);
    for (n, prefix) in ["000", "004", "andean"].iter().enumerate() {
        let article = corpus.get(&id(&corpus, prefix)).expect("article");
        let start = article
            .text
            .find("Russia")
            .map(|b| article.char_of(b).expect("char"))
            .unwrap_or(0);
        let anchor = Anchor::cut(article, start, start + 6).expect("anchor");
        let p = Passage::new(
            PassageId(n as u64 + 1),
            article.id.clone(),
            anchor,
            vec![ThemeId(1)],
            now.clone(),
        );
        project.apply(Edit::AddPassage(p)).expect("tag");
    }
    let split = Split::new(&corpus, &project.attributes, "outlet");
    let m = split.matrix(&project, &corpus, Measure::Passages);
    assert_eq!(m.groups, ["Andean Wire", "Dialogo", "Itar-Tass", "(none)"]);
    assert_eq!(m.cells, [vec![1, 1, 1, 0]]);
    let f = split.frequencies(&project, &corpus);
    assert_eq!(f[0].1.get("Itar-Tass"), Some(&1));
    let figures = dossier::figures::extract_corpus(&corpus, 1, &|_| {});
    let by = split.figures(&figures);
    let andean = by.iter().find(|(g, _)| g == "Andean Wire").expect("group");
    assert!(
        andean.1.iter().any(|(_, f)| f.text == "31,205 hectares"),
        "{:?}",
        andean.1.len()
    );
    let total: usize = by.iter().map(|(_, l)| l.len()).sum();
    assert_eq!(total, figures.values().map(Vec::len).sum::<usize>());
}

#[test]
fn a_newer_converter_that_extracts_another_text_reanchors_the_passages() {
    let corpus = corpus();
    let html = corpus.get(&id(&corpus, "andean")).expect("html");
    let phrase = "31,205 hectares";
    let start = html
        .char_of(html.text.find(phrase).expect("phrase"))
        .expect("char");
    let anchor = Anchor::cut(html, start, start + phrase.chars().count()).expect("anchor");
    // The project was saved with an older converter whose text had a menu line on top: the
    // passage sat 9 characters further on.
    let mut passage = Passage::new(
        PassageId(1),
        html.id.clone(),
        anchor,
        vec![ThemeId(1)],
        Timestamp::from_unix(0),
    );
    passage.start += 9;
    passage.end += 9;
    passage.prefix = format!("All news\n{}", passage.prefix);
    let mut record = ArticleRecord::of(html);
    let old = dossier::corpus::ConverterStamp {
        name: "html".into(),
        version: "0".into(),
    };
    record.converter = Some(old.clone());
    record.sha256 = "0".repeat(64);
    let mut project = Project::with_themes(vec![Theme {
        id: ThemeId(1),
        name: "T".into(),
        color: Rgb([0, 0, 0]),
        description: String::new(),
        parent: None,
    }]);
    project.articles = vec![record];
    project.passages.insert(passage.id, passage);
    let changes = dossier::project::converted::converter_changes(&project, &corpus);
    assert_eq!(changes.len(), 1);
    assert!(changes[0].text_changed);
    assert_eq!(changes[0].before.as_ref(), Some(&old));
    let summary = dossier::project::converted::summary(&changes).expect("a sentence");
    assert!(summary.contains("html 0 → html 1"), "{summary}");
    let found = dossier::project::reanchor::reanchor(&project, &corpus, None);
    let edit = dossier::project::reanchor::edit(&project, &corpus, &found).expect("moves");
    project.apply(edit).expect("applies");
    let p = &project.passages[&PassageId(1)];
    assert_eq!(html.slice(p.start, p.end), Some(phrase));
    assert!(dossier::project::check_passages(&project, &corpus).is_empty());
}

/// A project with corrections, a number attribute and memos, exported as `project.qde`.
fn exported_xml() -> String {
    let corpus = corpus();
    let seed0 = id(&corpus, "000");
    let mut project = Project::default();
    let edits = [
        Edit::Attributes(AttributeEdit::Define(AttributeDef {
            name: "pages".into(),
            kind: AttributeKind::Number,
            description: String::new(),
        })),
        set(&seed0, "pages", Some("2.5")),
        set(&seed0, "date", Some("2013-02-23")),
        Edit::Attributes(AttributeEdit::ArticleMemo {
            article: seed0.clone(),
            memo: "Itar-Tass & FSKN <sources>".into(),
        }),
        Edit::Attributes(AttributeEdit::ProjectMemo("Press 2013–2015.".into())),
    ];
    for e in edits {
        project.apply(e).expect("edit");
    }
    let parts = dossier::interop::refi::qdpx_parts(&project, &corpus, "attributes", "tester");
    parts.xml
}

#[test]
fn the_refi_export_carries_attributes_as_variables_and_memos_as_notes() {
    let xml = exported_xml();
    for name in [
        "title", "date", "outlet", "place", "country", "language", "format", "pages",
    ] {
        assert!(
            xml.contains(&format!("name=\"{name}\" typeOfVariable=")),
            "variable {name}"
        );
    }
    assert!(xml.contains("typeOfVariable=\"Float\""));
    assert!(xml.contains("<TextValue>Itar-Tass</TextValue>"));
    assert!(
        xml.contains("<TextValue>2013-02-23</TextValue>"),
        "the corrected date"
    );
    assert!(xml.contains("<FloatValue>2.5</FloatValue>"));
    assert!(
        xml.contains("<PlainTextContent>Itar-Tass &amp; FSKN &lt;sources&gt;</PlainTextContent>")
    );
    assert!(xml.contains("name=\"Project memo\""));
    let (variables, sources, notes) = (
        xml.find("<Variables>"),
        xml.find("<Sources>"),
        xml.find("<Notes>"),
    );
    assert!(variables < sources && sources < notes, "schema order");
}

#[test]
#[ignore = "needs xmllint (Debian: libxml2-utils); .ci/run installs it"]
fn the_refi_export_with_attributes_validates_against_the_schema() {
    let dir = common::tempdir();
    let file = dir.path().join("project.qde");
    std::fs::write(&file, exported_xml()).expect("write");
    let schema = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/refi/Project.xsd");
    let out = std::process::Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(&schema)
        .arg(&file)
        .output()
        .expect("xmllint runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
