//! The analyst's actor corrections: each is one undoable step, is saved in the project and
//! survives re-extraction (and an edit of the article's text).
#![allow(
    clippy::too_many_lines,
    reason = "tests are exempt from the 100-line limit"
)]

use crate::common;

use dossier::actors::curate::{self, Target};
use dossier::actors::{ActorId, ActorKind, Resolved, extract_corpus, resolve};
use dossier::corpus::{ArticleId, Corpus};
use dossier::project::format::{parse, to_json};
use dossier::project::{Edit, History, Project, Timestamp};

fn now() -> Timestamp {
    Timestamp::from_unix(1_700_000_000)
}

fn resolved(corpus: &Corpus, project: &Project) -> Resolved {
    // A fresh extraction every time: corrections must survive it.
    let ex = extract_corpus(corpus, 2, &|_| {});
    resolve(&ex, &project.actors, corpus)
}

fn id(s: &str) -> ActorId {
    ActorId(s.into())
}

/// Apply `edit`, check the result with `check`, undo and redo it, and check again.
fn round_trip(
    corpus: &Corpus,
    project: &mut Project,
    history: &mut History,
    edit: Edit,
    check: &dyn Fn(&Resolved, &Project),
) {
    let before = project.clone();
    let before_resolved = resolved(corpus, project);
    history.apply(project, edit).expect("applies");
    let after = project.clone();
    check(&resolved(corpus, project), project);
    // Saved and opened again, the correction is still there.
    let reopened = parse(&to_json(project), std::path::Path::new("p.json")).expect("parses");
    assert_eq!(reopened.project.actors, project.actors);
    check(&resolved(corpus, &reopened.project), &reopened.project);
    history.undo(project).expect("undo");
    assert_eq!(*project, before);
    assert_eq!(resolved(corpus, project), before_resolved);
    history.redo(project).expect("redo");
    assert_eq!(*project, after);
}

#[test]
fn every_actor_correction_is_undoable_saved_and_survives_reextraction() {
    let corpus = common::load_seeds();
    let mut project = Project::default();
    let mut history = History::saved();
    let r = resolved(&corpus, &project);

    // Merge Sergey Ivanov into Viktor Ivanov (a wrong merge, to see it work and undo).
    let e = curate::merge(
        &project,
        &r,
        &id("person:sergey-ivanov"),
        &id("person:viktor-ivanov"),
        &now(),
    )
    .expect("merge");
    round_trip(&corpus, &mut project, &mut history, e, &|r, _| {
        assert!(r.actor(&id("person:sergey-ivanov")).is_none());
        assert!(
            r.mentions
                .values()
                .flatten()
                .any(|m| m.text == "Sergey Ivanov" && m.actor == id("person:viktor-ivanov"))
        );
    });
    history.undo(&mut project).expect("undo the merge");

    // Rename, re-kind and set the country of the FSKN.
    let r = resolved(&corpus, &project);
    let e = curate::rename(&project, &r, &id("org:fskn"), "FSKN (Russia)", &now()).expect("rename");
    round_trip(&corpus, &mut project, &mut history, e, &|r, _| {
        assert_eq!(
            r.actor(&id("org:fskn")).map(|a| a.name.as_str()),
            Some("FSKN (Russia)")
        );
    });
    let r = resolved(&corpus, &project);
    let e = curate::rekind(
        &project,
        &r,
        &id("person:juan-aleman"),
        ActorKind::Org,
        &now(),
    )
    .expect("rekind");
    round_trip(&corpus, &mut project, &mut history, e, &|r, _| {
        assert_eq!(
            r.actor(&id("person:juan-aleman")).map(|a| a.kind),
            Some(ActorKind::Org)
        );
    });
    let r = resolved(&corpus, &project);
    let e = curate::set_country(
        &project,
        &r,
        &id("person:juan-carlos-pinzon"),
        Some("co"),
        &now(),
    )
    .expect("country");
    round_trip(&corpus, &mut project, &mut history, e, &|r, _| {
        assert_eq!(
            r.actor(&id("person:juan-carlos-pinzon"))
                .and_then(|a| a.country.as_deref()),
            Some("CO")
        );
    });
    assert!(curate::set_country(&project, &r, &id("org:fskn"), Some("XX"), &now()).is_err());

    // Split: the FSKN mentions of the first article become their own actor.
    let r = resolved(&corpus, &project);
    let first = corpus.articles()[0].id.clone();
    let picked: Vec<(ArticleId, dossier::actors::Mention)> = r.mentions[&first]
        .iter()
        .filter(|m| m.actor == id("org:fskn"))
        .map(|m| (first.clone(), m.clone()))
        .collect();
    assert!(picked.len() >= 3);
    let (e, new_id) = curate::split(
        &project,
        &corpus,
        &r,
        &picked,
        "FSKN instructors",
        ActorKind::Org,
        &now(),
    )
    .expect("split");
    let n = picked.len();
    round_trip(&corpus, &mut project, &mut history, e, &|r, _| {
        let moved = r.mentions[&first]
            .iter()
            .filter(|m| m.actor == new_id)
            .count();
        assert_eq!(moved, n);
        assert_eq!(
            r.actor(&new_id).map(|a| a.name.as_str()),
            Some("FSKN instructors")
        );
        assert!(
            r.actor(&id("org:fskn")).is_some(),
            "other articles keep the FSKN"
        );
    });

    // Add a mention from a selection ("drug police" as a new organisation), then strike one out.
    let r = resolved(&corpus, &project);
    let a = &corpus.articles()[0];
    let byte = a.text.find("drug police").expect("phrase");
    let start = a.char_of(byte).expect("boundary");
    let target = Target::New {
        name: "Drug police".into(),
        kind: ActorKind::Org,
    };
    let e = curate::add_mention(
        &project,
        &corpus,
        &r,
        &a.id,
        (start, start + 11),
        &target,
        &now(),
    )
    .expect("add");
    round_trip(&corpus, &mut project, &mut history, e, &|r, _| {
        assert!(
            r.mentions[&first]
                .iter()
                .any(|m| m.text == "drug police" && m.actor == id("org:drug-police"))
        );
    });
    let r = resolved(&corpus, &project);
    let itar = r.mentions[&first]
        .iter()
        .find(|m| m.text == "Itar-Tass")
        .expect("Itar-Tass")
        .clone();
    let e = curate::remove_mention(&project, &corpus, &first, &itar, &now()).expect("remove");
    round_trip(&corpus, &mut project, &mut history, e, &|r, _| {
        assert!(!r.mentions[&first].iter().any(|m| m.start == itar.start));
    });
}

#[test]
fn mention_fixes_follow_an_edited_article_or_become_orphans() {
    let dir = common::tempdir();
    common::copy_seeds(dir.path());
    let (corpus, _) = common::load(dir.path());
    let mut project = Project::default();
    let r = resolved(&corpus, &project);
    let a = &corpus.articles()[0];
    let itar = r.mentions[&a.id]
        .iter()
        .find(|m| m.text == "Itar-Tass")
        .expect("Itar-Tass")
        .clone();
    let e = curate::remove_mention(&project, &corpus, &a.id, &itar, &now()).expect("remove");
    project.apply(e).expect("applies");
    // Text added before the mention moves it; the fix follows.
    let path = dir.path().join(a.id.as_str());
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, format!("An added first line.\n{text}")).expect("write");
    let (edited, _) = common::load(dir.path());
    let r = resolved(&edited, &project);
    let shift = "An added first line.\n".chars().count();
    assert!(
        !r.mentions[&a.id]
            .iter()
            .any(|m| m.start == itar.start + shift),
        "still struck out"
    );
    assert!(r.orphans.is_empty());
    // The quote gone: the fix is an orphan, and the extraction stands.
    std::fs::write(&path, text.replace("Itar-Tass", "a news agency")).expect("write");
    let (edited, _) = common::load(dir.path());
    let r = resolved(&edited, &project);
    assert_eq!(r.orphans.len(), 1);
}
