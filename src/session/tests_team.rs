//! The team intents on the seeds: switching, adding and renaming coders (tagging then makes the
//! new coder's passages), importing a codebook with each way of handling name clashes, and
//! merging another analyst's project as one undoable step with its report.

use std::path::Path;

use super::*;
use crate::interop::refi_import_codebook::{OnClash, parse_qdc};
use crate::project::coders::CoderError;
use crate::project::{CoderId, merge};

use super::tests::seeds;

fn tag_first_words(s: &mut Session, file: &str, theme: u32) -> PassageId {
    let range = TextRange {
        article: ArticleId(file.into()),
        start: 0,
        end: 8,
    };
    s.apply(
        TagIntent::TagRange {
            range,
            theme: ThemeId(theme),
        }
        .into(),
    )
    .expect("tagged")
    .passage
    .expect("a passage")
}

#[test]
fn switching_coders_makes_the_next_passages_theirs_and_undoes() {
    let mut s = seeds();
    let first = tag_first_words(&mut s, "000_8ac47412c0faaaf5.txt", 1);
    assert_eq!(s.project().passages[&first].coder, CoderId::FIRST);

    let switched = s
        .apply(CoderIntent::Switch(" Bob ".into()).into())
        .expect("switched");
    assert!(switched.changed);
    assert!(switched.notice.is_some_and(|n| n.text.contains("“Bob”")));
    let bob = s.project().current_coder;
    assert_eq!(s.project().coder_name(bob), "Bob");
    let second = tag_first_words(&mut s, "001_a0559c53da0811ca.txt", 2);
    assert_eq!(s.project().passages[&second].coder, bob);

    // Switching back by name, in another case, finds the implicit coder; again is no change.
    s.apply(CoderIntent::Switch("ANALYST".into()).into())
        .expect("back");
    assert_eq!(s.project().current_coder, CoderId::FIRST);
    let again = s
        .apply(CoderIntent::Switch("analyst".into()).into())
        .expect("no change");
    assert!(!again.changed);

    // Renaming keeps names unique; adding refuses a name in use.
    let clash = s.apply(
        CoderIntent::Rename {
            coder: bob,
            name: "analyst".into(),
        }
        .into(),
    );
    assert!(matches!(
        clash,
        Err(SessionError::Coder(CoderError::DuplicateName(_)))
    ));
    assert_eq!(clash.map_err(|e| e.level()), Err(Level::Warning));
    s.apply(
        CoderIntent::Rename {
            coder: bob,
            name: "Robert".into(),
        }
        .into(),
    )
    .expect("renamed");
    assert_eq!(s.project().coder_name(bob), "Robert");
    assert!(matches!(
        s.apply(CoderIntent::Add("robert".into()).into()),
        Err(SessionError::Coder(CoderError::DuplicateName(_)))
    ));
    assert!(matches!(
        s.apply(CoderIntent::Add("  ".into()).into()),
        Err(SessionError::Coder(CoderError::EmptyName))
    ));
    s.apply(CoderIntent::Add("Carol".into()).into())
        .expect("added");
    assert_eq!(s.project().coder_list().len(), 3);
    assert_eq!(
        s.project().current_coder,
        CoderId::FIRST,
        "adding keeps the current coder"
    );

    // Each step undoes: back to one implicit coder and the first passage.
    while s.history().can_undo() {
        s.apply(HistoryIntent::Undo.into()).expect("undo");
    }
    assert!(s.project().has_implicit_coder());
    assert!(s.project().passages.is_empty());
}

fn maxqda_codebook() -> crate::interop::refi_import_codebook::Codebook {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/refi-import/maxqda.qdc");
    parse_qdc(&std::fs::read_to_string(path).expect("qdc")).expect("parses")
}

#[test]
fn a_codebook_comes_in_as_one_step_with_each_answer_to_a_clash() {
    let book = maxqda_codebook();
    let import = |on_clash| -> Intent {
        CodebookIntent::Import {
            book: Box::new(book.clone()),
            from: "maxqda.qdc".into(),
            on_clash,
        }
        .into()
    };
    let mut s = seeds();
    let themes = s.project().themes.len();

    let failed = s.apply(import(OnClash::Fail));
    let Err(SessionError::Import(why)) = &failed else {
        panic!("{failed:?}");
    };
    assert!(
        why.contains("“Arms sales”") && why.ends_with("maxqda.qdc"),
        "{why}"
    );
    assert_eq!(s.project().themes.len(), themes, "nothing imported");

    let renamed = s.apply(import(OnClash::Rename)).expect("renamed");
    assert_eq!(s.project().themes.len(), themes + 3);
    assert!(
        s.project()
            .themes
            .iter()
            .any(|t| t.name == "Arms sales (2)")
    );
    let report = renamed.report.expect("a report: a clash, a set left out");
    assert!(
        report
            .sections
            .iter()
            .any(|(h, items)| h == "Codes named like a theme"
                && items == &["“Arms sales”: added as “Arms sales (2)”".to_owned()]),
        "{report:?}"
    );
    assert!(
        report
            .sections
            .iter()
            .any(|(h, items)| h == "Not imported" && items.len() == 1)
    );
    s.apply(HistoryIntent::Undo.into()).expect("one undo");
    assert_eq!(s.project().themes.len(), themes);

    s.apply(import(OnClash::Skip)).expect("skipped");
    let arms = s
        .project()
        .themes
        .iter()
        .find(|t| t.name == "Arms sales")
        .map(|t| t.id);
    let helicopters = s
        .project()
        .themes
        .iter()
        .find(|t| t.name == "Helicopters")
        .expect("the child came in");
    assert_eq!(helicopters.parent, arms, "under the existing theme");
    assert_eq!(s.project().themes.len(), themes + 2);
}

#[test]
fn merging_a_project_is_one_undoable_step_with_a_report() {
    let mut s = seeds();
    tag_first_words(&mut s, "000_8ac47412c0faaaf5.txt", 1);
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/refi-import/qualcoder/dossier-project.json");
    let theirs = crate::project::io::open(&path).expect("sample").project;
    let mut plan = merge::plan(s.project(), s.corpus(), &theirs);
    // The analyst leaves one theme out in the preview.
    let (left, left_id) = (plan.themes[0].name.clone(), plan.themes[0].theirs);
    plan.themes[0].target = merge::ThemeTarget::LeaveOut;
    let before = s.project().clone();
    let merged = s
        .apply(
            MergeIntent {
                theirs: Box::new(theirs.clone()),
                their_name: "bob".into(),
                plan,
            }
            .into(),
        )
        .expect("merged");
    assert!(merged.changed);
    let report = merged.report.expect("a report");
    assert_eq!(report.title, "Merged “bob”");
    assert!(
        report
            .sections
            .iter()
            .any(|(h, items)| h == "Themes" && items.contains(&format!("“{left}” left out")))
    );
    let bob = s
        .project()
        .coder_by_name("bob")
        .expect("their coder came in");
    let theirs_now = s
        .project()
        .passages
        .values()
        .filter(|p| p.coder == bob.id)
        .count();
    let kept = theirs
        .passages
        .values()
        .filter(|p| p.themes.iter().any(|t| *t != left_id))
        .count();
    assert!(
        kept < theirs.passages.len(),
        "the left-out theme was some passage's only one"
    );
    assert_eq!(theirs_now, kept);
    assert!(s.history().undo_label().is_some_and(|l| l.contains("bob")));
    s.apply(HistoryIntent::Undo.into()).expect("undo");
    assert_eq!(s.project(), &before, "one step undoes the whole merge");
}
