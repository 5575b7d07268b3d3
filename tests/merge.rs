//! Merging two analysts' projects on the seeds: coders named after the files, themes matched by
//! id, path and name with clashes shown in the plan, a changed article re-anchored, identical
//! passages not duplicated, notes kept side by side, one undoable edit, and the other file
//! never written.

use crate::common;

use std::path::{Path, PathBuf};

use dossier::project::merge::{self, ArticleMatch, MatchedBy, ThemeTarget};
use dossier::project::{CoderId, History, Project, ThemeId, Timestamp, format, io};

fn sample() -> Project {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/refi-import/qualcoder/dossier-project.json");
    let text = std::fs::read_to_string(&path).expect("sample");
    format::parse(&text, &path).expect("project").project
}

/// Bob's version: one theme renamed (id clash), one new theme under a parent, a passage of his
/// own, article 003 as it was before an edit (his offsets are 7 characters earlier), a passage
/// in an article this corpus lacks, and a different note on passage 2.
fn bob() -> Project {
    let mut p = sample();
    p.themes
        .iter_mut()
        .find(|t| t.id == ThemeId(12))
        .expect("theme 12")
        .name = "Official quotes".into();
    let mut new = p.themes[0].clone();
    new.id = ThemeId(13);
    new.name = "Corruption".into();
    new.parent = Some(ThemeId(5));
    p.themes.push(new);
    let record = p
        .articles
        .iter_mut()
        .find(|r| r.path.0.starts_with("003"))
        .expect("003");
    record.sha256 = "0".repeat(64);
    for q in p.passages.values_mut() {
        if q.article.0.starts_with("003") {
            q.start -= 7.min(q.start);
            q.end -= 7.min(q.end);
        }
    }
    let mut extra = p.passages[&dossier::project::PassageId(1)].clone();
    extra.id = dossier::project::PassageId(40);
    extra.themes = vec![ThemeId(13)];
    p.passages.insert(extra.id, extra);
    let mut lost = p.passages[&dossier::project::PassageId(2)].clone();
    lost.id = dossier::project::PassageId(41);
    lost.article = dossier::corpus::ArticleId("elsewhere.txt".into());
    p.passages.insert(lost.id, lost);
    p.passages
        .get_mut(&dossier::project::PassageId(2))
        .expect("2")
        .note = "Bob: the dateline is Itar-Tass.".into();
    p
}

#[test]
fn the_plan_matches_themes_and_articles() {
    let corpus = common::load_seeds();
    let plan = merge::plan(&sample(), &corpus, &bob());
    let t = |id: u32| {
        plan.themes
            .iter()
            .find(|m| m.theirs == ThemeId(id))
            .expect("mapped")
    };
    assert_eq!(
        (t(1).matched_by, t(1).target),
        (MatchedBy::Id, ThemeTarget::Existing(ThemeId(1)))
    );
    assert_eq!(t(12).target, ThemeTarget::New);
    assert_eq!(
        t(12).clash.as_deref(),
        Some("theme 12 is “Quotes from officials” here")
    );
    assert_eq!(t(13).path, "Geopolitical influence / Corruption");
    let changed = plan
        .articles
        .values()
        .filter(|m| matches!(m, ArticleMatch::Changed(_)))
        .count();
    assert_eq!(changed, 1);
    assert_eq!(
        plan.articles[&dossier::corpus::ArticleId("elsewhere.txt".into())],
        ArticleMatch::Missing
    );
}

#[test]
fn merging_adds_their_work_as_one_undoable_step() {
    let ours = sample();
    let theirs = bob();
    let corpus = common::load_seeds();
    let mut plan = merge::plan(&ours, &corpus, &theirs);
    // The analyst maps the renamed theme onto ours instead of adding it.
    plan.themes
        .iter_mut()
        .find(|m| m.theirs == ThemeId(12))
        .expect("12")
        .target = ThemeTarget::Existing(ThemeId(12));
    let (edit, report) = merge::merge(
        &ours,
        Some("alice"),
        &corpus,
        &theirs,
        "bob",
        &plan,
        &Timestamp::from_unix(0),
    );
    let mut project = ours.clone();
    let mut history = History::saved();
    history.apply(&mut project, edit).expect("applies");
    let names: Vec<String> = project.coder_list().into_iter().map(|c| c.name).collect();
    assert_eq!(names, vec!["alice", "bob"]);
    assert_eq!(report.coders_added, vec!["bob"]);
    // Bob's 32 shared passages plus his own; the one in a missing article is left out.
    assert_eq!(report.passages_added, 33, "{report:?}");
    assert_eq!(report.left_out.len(), 1, "{:?}", report.left_out);
    assert!(report.left_out[0].contains("elsewhere.txt"));
    assert_eq!(
        report.passages_moved, 6,
        "article 003's passages re-anchored"
    );
    assert_eq!(project.passages.len(), 65);
    let bobs: Vec<_> = project
        .passages
        .values()
        .filter(|p| p.coder == CoderId(2))
        .collect();
    assert_eq!(bobs.len(), 33);
    // Re-anchored onto our text: every one of bob's passages quotes our article at its place.
    for p in &bobs {
        let a = corpus.get(&p.article).expect("article");
        assert_eq!(a.slice(p.start, p.end), Some(p.quote.as_str()), "{}", p.id);
    }
    assert!(
        project
            .themes
            .iter()
            .any(|t| t.name == "Corruption" && t.parent == Some(ThemeId(5)))
    );
    assert!(!project.themes.iter().any(|t| t.name == "Official quotes"));
    history.undo(&mut project).expect("undo");
    assert_eq!(project, ours);
}

#[test]
fn identical_passages_are_not_duplicated_and_notes_sit_side_by_side() {
    let ours = sample();
    let mut theirs = sample();
    theirs
        .passages
        .get_mut(&dossier::project::PassageId(2))
        .expect("2")
        .note = "A second opinion.".into();
    let corpus = common::load_seeds();
    let plan = merge::plan(&ours, &corpus, &theirs);
    // The same analyst's two copies (both files named alice).
    let (edit, report) = merge::merge(
        &ours,
        Some("alice"),
        &corpus,
        &theirs,
        "alice",
        &plan,
        &Timestamp::from_unix(0),
    );
    assert_eq!((report.passages_added, report.passages_identical), (0, 32));
    assert_eq!(report.notes_side_by_side, 1);
    let mut project = ours.clone();
    project.apply(edit).expect("applies");
    assert_eq!(project.passages.len(), 32);
    assert_eq!(
        project.passages[&dossier::project::PassageId(2)].note,
        "Em dashes in the dateline.\n\n[alice] A second opinion."
    );
}

fn write_project(dir: &Path, name: &str, project: &Project) -> PathBuf {
    let mut p = project.clone();
    p.corpus_folder = Some("seeds".into());
    let path = dir.join(name);
    io::save(&p, &path).expect("saved");
    path
}

#[test]
fn the_command_merges_into_a_new_file_and_never_writes_theirs() {
    let dir = common::tempdir();
    std::fs::create_dir(dir.path().join("seeds")).expect("dir");
    common::copy_seeds(&dir.path().join("seeds"));
    let a = write_project(dir.path(), "alice.dossier.json", &sample());
    let b = write_project(dir.path(), "bob.dossier.json", &bob());
    let before = std::fs::read(&b).expect("bob");
    let out = dir.path().join("merged.dossier.json");
    let run = |o: &Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args([
                "merge".as_ref(),
                a.as_os_str(),
                b.as_os_str(),
                "-o".as_ref(),
                o.as_os_str(),
            ])
            .output()
            .expect("runs")
    };
    let o = run(&out);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON report");
    assert_eq!(report["report"]["passages_added"], 33, "{report}");
    assert_eq!(report["report"]["coders_added"][0], "bob");
    let merged = io::open(&out).expect("merged").project;
    let names: Vec<String> = merged.coder_list().into_iter().map(|c| c.name).collect();
    assert_eq!(
        names,
        vec!["alice", "bob"],
        "format-2 projects get coders named after their files"
    );
    assert!(merged.themes.iter().any(|t| t.name == "Official quotes"));
    assert_eq!(
        std::fs::read(&b).expect("bob"),
        before,
        "the other file is untouched"
    );
    let o = run(&b);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("never writes"));
    assert_eq!(std::fs::read(&b).expect("bob"), before);
}

/// Coders in the project file: a project without them saves byte for byte as before; a list,
/// the current coder and passages' coders round-trip; a coder id no list names gets a
/// placeholder with a warning.
#[test]
fn coders_in_the_file() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/refi-import/qualcoder/dossier-project.json");
    let text = std::fs::read_to_string(&path).expect("sample");
    let project = format::parse(&text, &path).expect("project").project;
    assert!(project.has_implicit_coder());
    assert_eq!(
        format::to_json(&project),
        text,
        "unchanged projects save byte for byte"
    );
    let mut two = bob();
    two.coders = vec![
        dossier::project::Coder::implicit(),
        dossier::project::Coder::new(CoderId(2), "bob"),
    ];
    two.current_coder = CoderId(2);
    two.passages.values_mut().next().expect("a passage").coder = CoderId(2);
    let json = format::to_json(&two);
    assert!(json.contains("\"current_coder\": 2") && json.contains("\"coder\": 2"));
    let back = format::parse(&json, &path).expect("reads").project;
    assert_eq!(back.coders, two.coders);
    assert_eq!(back.current_coder, CoderId(2));
    assert_eq!(back.passages, two.passages);
    let orphaned = json.replacen("\"coder\": 2", "\"coder\": 9", 1);
    let opened = format::parse(&orphaned, &path).expect("reads");
    assert_eq!(opened.project.coder_name(CoderId(9)), "Missing coder 9");
    assert!(
        opened.warnings.iter().any(|w| w.contains("coder 9")),
        "{:?}",
        opened.warnings
    );
}
