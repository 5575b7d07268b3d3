//! The guarantees of saving and exporting (issue 9): every saved project reopens (whatever
//! value the model holds), two writers on one file are caught, the version check reads only a
//! file's ends, exports never replace a project or an article, and sibling themes have
//! distinct names.

use crate::common;

use std::fs;
use std::path::Path;

use dossier::corpus::{ArticleId, Corpus};
use dossier::project::codebook::default_themes;
use dossier::project::format::{self, ProjectError};
use dossier::project::{
    Anchor, ArticleRecord, Passage, PassageId, PassageProblem, Project, ThemeId, Timestamp,
    check_passages, io,
};
use proptest::prelude::*;

/// A project on the seeds with two passages.
fn sample(corpus: &Corpus) -> Project {
    let mut project = Project::with_themes(default_themes());
    project.corpus_folder = Some("seeds".into());
    project.articles = corpus.articles().iter().map(ArticleRecord::of).collect();
    for (id, article) in [(1, &corpus.articles()[4]), (2, &corpus.articles()[3])] {
        let anchor = Anchor::cut(article, 10, 30).expect("anchor");
        let mut p = Passage::new(
            PassageId(id),
            article.id.clone(),
            anchor,
            vec![ThemeId(3)],
            Timestamp::from_unix(0),
        );
        p.note = format!("note {id} — «VRAEM»");
        project.passages.insert(p.id, p);
    }
    project
}

/// A figure of the issue's article: `9` repeated 400 times before " tons".
fn infinite_figure(project: &mut Project, corpus: &Corpus) {
    use dossier::figures::Year;
    use dossier::project::{CuratedFigure, FigureId, FigureStatus};
    let article = &corpus.articles()[0];
    let anchor = Anchor::cut(article, 0, 5).expect("anchor");
    let figure = CuratedFigure {
        id: FigureId(1),
        article: article.id.clone(),
        start: anchor.start,
        end: anchor.end,
        quote: anchor.quote,
        prefix: anchor.prefix,
        suffix: anchor.suffix,
        status: FigureStatus::Accepted,
        value: "9".repeat(400).parse::<f64>().expect("parses"),
        unit: "tonne".into(),
        year: Year::None,
        kind: dossier::figure_types::Kind::Actual,
        label: String::new(),
        manual: false,
        extracted: None,
        created: Timestamp::from_unix(0),
        modified: Timestamp::from_unix(0),
    };
    assert!(figure.value.is_infinite());
    project.figures.insert(figure.id, figure);
}

#[test]
fn issue9_case2_an_infinite_value_is_refused_at_save_and_the_old_file_kept() {
    let corpus = common::load_seeds();
    let dir = common::tempdir();
    let path = dir.path().join("p.json");
    let mut project = sample(&corpus);
    io::save(&project, &path).expect("save");
    let before = fs::read(&path).expect("read");
    infinite_figure(&mut project, &corpus);
    let err = io::save(&project, &path).expect_err("refused");
    assert!(matches!(err, ProjectError::Unwritable { .. }), "{err}");
    let message = err.to_string();
    assert!(
        message.contains("figure 1") && message.contains("inf") && message.contains("p.json"),
        "{message}"
    );
    assert_eq!(
        fs::read(&path).expect("read"),
        before,
        "the old file is intact"
    );
    assert!(io::open(&path).is_ok());
    // Before the fix the value was written as `null` and the file no longer opened.
    assert!(format::to_json(&project).contains("\"value\": null"));
    assert!(format::to_json_checked(&project).is_err());
}

#[test]
fn issue9_case3_two_windows_on_one_file_the_second_save_is_a_conflict() {
    let corpus = common::load_seeds();
    let dir = common::tempdir();
    let path = dir.path().join("p.json");
    io::save(&sample(&corpus), &path).expect("save");

    // Two workspaces open the same file.
    let first = io::open(&path).expect("open");
    let second = io::open(&path).expect("open");
    let (mut a, stamp_a) = (first.project, first.stamp.expect("stamped"));
    let (mut b, stamp_b) = (second.project, second.stamp.expect("stamped"));

    // The first analyst tags a passage and saves.
    let mut pa = a.passages[&PassageId(2)].clone();
    pa.id = PassageId(10);
    pa.note = "the first analyst's passage".into();
    a.passages.insert(pa.id, pa);
    let stamp_a = io::save_checked(&a, &path, Some(&stamp_a)).expect("first save");

    // The second tags another and saves: refused, and the first analyst's work is on disk.
    let mut pb = b.passages[&PassageId(2)].clone();
    pb.id = PassageId(11);
    b.passages.insert(pb.id, pb);
    let err = io::save_checked(&b, &path, Some(&stamp_b)).expect_err("conflict");
    assert!(matches!(err, ProjectError::Conflict { .. }), "{err}");
    assert!(
        err.to_string().contains("changed on disk") && err.to_string().contains("p.json"),
        "{err}"
    );
    let on_disk = io::open(&path).expect("open");
    assert!(on_disk.project.passages.contains_key(&PassageId(10)));
    assert!(!on_disk.project.passages.contains_key(&PassageId(11)));

    // The first window saves again with the stamp of its own save: no conflict.
    let stamp_a = io::save_checked(&a, &path, Some(&stamp_a)).expect("second save");
    // Another program rewrites the file (same size even): a conflict for the first window too.
    let text = fs::read_to_string(&path).expect("read");
    fs::write(
        &path,
        text.replace("the first analyst's", "the other program's"),
    )
    .expect("write");
    let err = io::save_checked(&a, &path, Some(&stamp_a)).expect_err("conflict");
    assert!(matches!(err, ProjectError::Conflict { .. }), "{err}");
    // A file only touched (same bytes written again) is still the one the window saved.
    let fresh = io::open(&path).expect("open");
    let stamp = fresh.stamp.expect("stamped");
    fs::write(&path, fs::read(&path).expect("read")).expect("rewrite");
    io::save_checked(&fresh.project, &path, Some(&stamp)).expect("same contents");
}

#[test]
fn issue9_case11_save_as_over_a_newer_project_says_it_was_written_by_a_newer_dossier() {
    let dir = common::tempdir();
    let path = dir.path().join("future.json");
    fs::write(
        &path,
        r#"{"format":"dossier-project","version":7,"corpus":{"folder":"x"}}"#,
    )
    .expect("write");
    // What the window calls before "Save as…" replaces a file.
    let err = io::check_target(&path, None).expect_err("refused");
    assert!(err.to_string().contains("newer Dossier"), "{err}");
    assert!(!err.to_string().contains("not a Dossier project"), "{err}");
    // Laid out as this writer lays projects out, the version is read from the file's ends.
    let corpus = common::load_seeds();
    let newer = format::to_json(&sample(&corpus)).replace("\"version\": 3", "\"version\": 4");
    fs::write(&path, &newer).expect("write");
    let err = io::save(&sample(&corpus), &path).expect_err("refused");
    assert!(
        matches!(err, ProjectError::WouldReplaceNewer { found: 4, .. }),
        "{err}"
    );
}

#[test]
fn the_save_version_check_reads_only_the_ends_of_a_project_laid_out_by_this_writer() {
    let corpus = common::load_seeds();
    let json = format::to_json(&sample(&corpus));
    let (head, tail) = (&json.as_bytes()[..64], &json.as_bytes()[json.len() - 64..]);
    assert_eq!(format::version_from_ends(head, tail), Some(format::VERSION));
    // Anything else says nothing, and the whole file is read.
    let none = |text: &str| format::version_from_ends(text.as_bytes(), text.as_bytes());
    assert_eq!(none(r#"{"version": 2}"#), None, "first key not corpus");
    assert_eq!(none(r#"{"corpus": {}, "x": {"version": 2}}"#), None);
    assert_eq!(none(r#"{"corpus": {}, "a\"version": 2}"#), None);
    assert_eq!(none(r#"{"corpus": {}, "version": "2"}"#), None);
    assert_eq!(none(r#"{"corpus": {}, "version": 3}"#), Some(3));
}

#[test]
fn issue9_case11_a_passage_with_no_theme_is_flagged_on_open() {
    let corpus = common::load_seeds();
    let dir = common::tempdir();
    let path = dir.path().join("p.json");
    let mut project = sample(&corpus);
    if let Some(p) = project.passages.get_mut(&PassageId(2)) {
        p.themes.clear();
    }
    io::save(&project, &path).expect("save");
    let opened = io::open(&path).expect("open");
    assert!(
        opened
            .warnings
            .iter()
            .any(|w| w.contains("Passage 2") && w.contains("no theme")),
        "{:?}",
        opened.warnings
    );
    assert_eq!(
        check_passages(&opened.project, &corpus).get(&PassageId(2)),
        Some(&PassageProblem::NoTheme)
    );
}

#[test]
fn issue9_case12_sibling_themes_cannot_share_a_name() {
    use dossier::project::{Edit, EditError, Rgb, Theme};
    let mut project = Project::with_themes(default_themes());
    let theme = |id: u32, name: &str, parent: Option<u32>| Theme {
        id: ThemeId(id),
        name: name.into(),
        color: Rgb([1, 2, 3]),
        description: String::new(),
        parent: parent.map(ThemeId),
    };
    project
        .apply(Edit::AddTheme(theme(100, "Other", Some(1))))
        .expect("first");
    let err = project
        .apply(Edit::AddTheme(theme(101, " other ", Some(1))))
        .expect_err("same name, same parent");
    assert_eq!(err, EditError::SiblingName(" other ".into()));
    // Under another parent the name is free; renaming or moving onto a taken name is not.
    project
        .apply(Edit::AddTheme(theme(101, "Other", Some(2))))
        .expect("another parent");
    let err = project
        .apply(Edit::UpdateTheme(theme(101, "Other", Some(1))))
        .expect_err("moved onto a taken name");
    assert!(matches!(err, EditError::SiblingName(_)));
    // Deleting a parent moves its children up, renaming one whose name is taken there.
    project
        .apply(Edit::AddTheme(theme(102, "Child", Some(1))))
        .expect("a sibling of Other");
    project
        .apply(Edit::AddTheme(theme(103, "Child", Some(100))))
        .expect("under Other");
    let edit = project
        .delete_theme(ThemeId(100), &Timestamp::from_unix(0))
        .expect("edit");
    project.apply(edit).expect("deleted");
    let moved = project.theme(ThemeId(103)).expect("kept");
    assert_eq!(moved.parent, Some(ThemeId(1)));
    assert_eq!(moved.name, "Child (Other)");
    // A file with two siblings of one name opens with the second renamed, and says so.
    let dir = common::tempdir();
    let path = dir.path().join("p.json");
    let mut dup = Project::with_themes(vec![theme(1, "Other", None), theme(2, "other", None)]);
    dup.corpus_folder = None;
    fs::write(&path, format::to_json(&dup)).expect("write");
    let opened = io::open(&path).expect("open");
    assert_eq!(opened.project.themes[1].name, "other (theme 2)");
    assert!(
        opened.warnings.iter().any(|w| w.contains("theme 2")),
        "{:?}",
        opened.warnings
    );
}

#[test]
fn issue9_case1_exports_never_replace_the_open_project_a_project_or_an_article() {
    use dossier::project::output::{OutputError, OutputPolicy, write_output};
    let dir = common::tempdir();
    let corpus_dir = dir.path().join("corpus");
    fs::create_dir(&corpus_dir).expect("mkdir");
    common::copy_seeds(&corpus_dir);
    let article = fs::read_dir(&corpus_dir)
        .expect("list")
        .flatten()
        .map(|e| e.path())
        .min()
        .expect("an article");
    let article_bytes = fs::read(&article).expect("read");
    let open = dir.path().join("open.json");
    let other = dir.path().join("other.json");
    let corpus = common::load_seeds();
    io::save(&sample(&corpus), &open).expect("save");
    io::save(&sample(&corpus), &other).expect("save");
    let newer = dir.path().join("newer.json");
    fs::write(&newer, r#"{"format":"dossier-project","version":9}"#).expect("write");
    let policy = OutputPolicy {
        replace: true, // even when the analyst confirmed
        open_project: Some(&open),
        corpus_root: Some(&corpus_dir),
    };
    let refused = |path: &Path| {
        let before = fs::read(path).expect("read");
        let err = write_output(path, b"PK\x03\x04 a zip", &policy).expect_err("refused");
        assert_eq!(
            fs::read(path).expect("read"),
            before,
            "{} changed",
            path.display()
        );
        assert!(
            err.to_string().contains(&path.display().to_string()),
            "{err}"
        );
        err
    };
    assert!(matches!(refused(&open), OutputError::OpenProject(_)));
    assert!(matches!(refused(&other), OutputError::Project(_)));
    assert!(matches!(refused(&newer), OutputError::Project(_)));
    assert!(matches!(refused(&article), OutputError::CorpusFile(_)));
    assert_eq!(fs::read(&article).expect("read"), article_bytes);
    // The open project through another spelling of its path.
    let spelled = dir.path().join(".").join("open.json");
    assert!(matches!(refused(&spelled), OutputError::OpenProject(_)));
}

/// Any text, with the awkward characters often.
fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            any::<char>(),
            Just('"'),
            Just('\\'),
            Just('\u{0}'),
            Just('\u{FEFF}'),
            Just('\n'),
            Just('🌿')
        ],
        0..12,
    )
    .prop_map(|c| c.into_iter().collect())
}

/// Any number, infinite and not-a-number ones included.
fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>(),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        Just(f64::NAN),
        Just(-0.0),
        Just(f64::MAX),
        Just(f64::MIN_POSITIVE),
    ]
}

fn year() -> impl Strategy<Value = dossier::figures::Year> {
    use dossier::figures::Year;
    prop_oneof![
        Just(Year::None),
        any::<i32>().prop_map(Year::Point),
        (any::<Option<i32>>(), any::<Option<i32>>()).prop_map(|(a, b)| Year::Range(a, b)),
    ]
}

prop_compose! {
    /// Any project the model can hold: ids, offsets and years over their whole range, parents
    /// and themes that do not exist, empty names and theme lists, times that are not times,
    /// any number as a figure's value.
    fn any_project()(
        themes in proptest::collection::vec((any::<u32>(), text(), any::<[u8; 3]>(), text(), any::<Option<u32>>()), 0..5),
        passages in proptest::collection::vec((any::<u64>(), text(), any::<usize>(), any::<usize>(), text(), proptest::collection::vec(any::<u32>(), 0..3), text(), text()), 0..5),
        figures in proptest::collection::vec((any::<u64>(), number(), text(), year(), any::<Option<(f64, i32)>>(), number(), any::<usize>()), 0..4),
        series in proptest::collection::vec((any::<u64>(), text(), proptest::collection::vec(any::<u64>(), 0..3)), 0..3),
        rules in proptest::collection::vec((any::<u64>(), text(), any::<bool>(), any::<u32>()), 0..3),
        records in proptest::collection::vec((text(), text(), any::<usize>()), 0..3),
        coders in proptest::collection::vec((any::<u32>(), text()), 0..3),
        coder_of in proptest::collection::vec(any::<u32>(), 5),
        folder in proptest::option::of(text()),
    ) -> Project {
        use dossier::analysis::autotag::{Rule, RuleId, Unit};
        use dossier::analysis::Query;
        use dossier::project::{CuratedFigure, Extracted, FigureId, FigureStatus, Rgb, Series, SeriesId, Theme};
        let mut project = Project::with_themes(themes.into_iter().map(|(id, name, color, description, parent)| Theme {
            id: ThemeId(id), name, color: Rgb(color), description, parent: parent.map(ThemeId),
        }).collect());
        project.corpus_folder = folder.map(Into::into);
        project.articles = records.into_iter().map(|(path, sha256, chars)| ArticleRecord { path: ArticleId(path), sha256, chars, converter: None }).collect();
        use dossier::project::coders::{Coder, CoderId};
        project.coders = coders.into_iter().map(|(id, name)| Coder::new(CoderId(id), name)).collect();
        project.current_coder = CoderId(coder_of[4]);
        for (i, (id, article, start, end, quote, themes, note, when)) in passages.into_iter().enumerate() {
            let p = Passage {
                coder: CoderId(coder_of[i % 4]),
                id: PassageId(id), article: ArticleId(article), start, end, quote,
                prefix: String::new(), suffix: String::new(),
                themes: themes.into_iter().map(ThemeId).collect(), note,
                created: Timestamp(when.clone()), modified: Timestamp(when),
            };
            project.passages.insert(p.id, p);
        }
        for (id, value, unit, year, extracted, extracted_value, start) in figures {
            let f = CuratedFigure {
                id: FigureId(id), article: ArticleId("a.txt".into()), start, end: start.wrapping_add(3),
                quote: unit.clone(), prefix: String::new(), suffix: String::new(),
                status: FigureStatus::Accepted, value, unit: unit.clone(), year, label: unit,
                kind: dossier::figure_types::Kind::ALL[id as usize % 3],
                manual: extracted.is_none(),
                extracted: extracted.map(|(_, y)| Extracted { value: extracted_value, unit: "kg".into(), year: dossier::figures::Year::Point(y), kind: dossier::figure_types::Kind::ALL[(id as usize + 1) % 3] }),
                created: Timestamp::from_unix(0), modified: Timestamp::from_unix(0),
            };
            project.figures.insert(f.id, f);
        }
        project.series = series.into_iter().map(|(id, name, figures)| Series {
            id: SeriesId(id), name, unit: "USD".into(), color: Rgb([1, 2, 3]),
            figures: figures.into_iter().map(FigureId).collect(), note: String::new(),
        }).collect();
        project.rules = rules.into_iter().map(|(id, pattern, regex, theme)| Rule {
            id: RuleId(id), query: Query { pattern, regex, case_sensitive: regex, whole_word: false },
            unit: Unit::Sentence, theme: ThemeId(theme),
        }).collect();
        project
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Issue 9, case 2: whatever the model holds, a save either writes a file that opens again
    /// or refuses and leaves the old file as it was.
    #[test]
    fn issue9_case2_every_project_the_model_can_hold_saves_and_reopens_or_is_refused(project in any_project()) {
        let dir = common::tempdir();
        let path = dir.path().join("p.json");
        io::save(&Project::default(), &path).expect("an empty project saves");
        let before = fs::read(&path).expect("read");
        match io::save(&project, &path) {
            Ok(()) => {
                let opened = io::open(&path);
                prop_assert!(opened.is_ok(), "saved but does not open: {:?}", opened.err());
            }
            Err(ProjectError::Unwritable { what, .. }) => {
                let non_finite = project.figures.values().any(|f| {
                    !f.value.is_finite() || f.extracted.as_ref().is_some_and(|e| !e.value.is_finite())
                });
                prop_assert!(non_finite, "refused a writable project: {}", what);
                prop_assert_eq!(fs::read(&path).expect("read"), before);
            }
            Err(e) => prop_assert!(false, "{}", e),
        }
    }
}

#[test]
fn the_any_project_generator_makes_both_writable_and_unwritable_projects() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let (mut writable, mut unwritable) = (0, 0);
    for _ in 0..100 {
        let p = any_project().new_tree(&mut runner).expect("tree").current();
        match format::check_writable(&p) {
            Ok(()) => writable += 1,
            Err(_) => unwritable += 1,
        }
    }
    assert!(
        writable > 20 && unwritable > 10,
        "{writable} / {unwritable}"
    );
}
