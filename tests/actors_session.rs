//! Correcting actors through the session, as the actors pane does: rename, re-kind and merge
//! are intents, each one undoable step that redo brings back, and the actor index and the
//! relations follow (on the bundled seeds).

use std::path::Path;
use std::sync::atomic::AtomicBool;

use dossier::actors::{ActorId, ActorKind};
use dossier::corpus::LoadOptions;
use dossier::session::load::load_corpus;
use dossier::session::{ActorIntent, HistoryIntent, Session};

fn seeds() -> Session {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let loaded = load_corpus(
        &folder,
        &LoadOptions::default(),
        None,
        &|_, _| {},
        &AtomicBool::new(false),
    )
    .expect("seeds load");
    Session::from_folder(loaded)
}

fn id(s: &str) -> ActorId {
    ActorId(s.to_owned())
}

fn mentions_of(session: &Session, actor: &str) -> usize {
    session
        .actors()
        .mention_counts()
        .get(&id(actor))
        .copied()
        .unwrap_or(0)
}

#[test]
fn rename_rekind_and_merge_are_undoable_steps() {
    let mut s = seeds();
    let fskn = s.actors().actor(&id("org:fskn")).expect("FSKN").clone();
    assert_eq!(fskn.kind, ActorKind::Org);

    s.apply(
        ActorIntent::Rename {
            id: id("org:fskn"),
            name: "Federal Drug Control Service".into(),
        }
        .into(),
    )
    .expect("rename");
    assert_eq!(
        s.actors().actor(&id("org:fskn")).map(|a| a.name.as_str()),
        Some("Federal Drug Control Service")
    );
    s.apply(HistoryIntent::Undo.into()).expect("undo");
    assert_eq!(
        s.actors().actor(&id("org:fskn")).map(|a| a.name.clone()),
        Some(fskn.name.clone())
    );
    s.apply(HistoryIntent::Redo.into()).expect("redo");
    assert_eq!(
        s.actors().actor(&id("org:fskn")).map(|a| a.name.as_str()),
        Some("Federal Drug Control Service")
    );

    s.apply(
        ActorIntent::Rekind {
            id: id("org:fskn"),
            kind: ActorKind::Person,
        }
        .into(),
    )
    .expect("re-kind");
    assert_eq!(
        s.actors().actor(&id("org:fskn")).map(|a| a.kind),
        Some(ActorKind::Person)
    );
    s.apply(HistoryIntent::Undo.into()).expect("undo");
    assert_eq!(
        s.actors().actor(&id("org:fskn")).map(|a| a.kind),
        Some(ActorKind::Org)
    );

    // Merging Peru into Russia moves Peru's mentions, and its relations become Russia's.
    let (ru, pe) = (mentions_of(&s, "RU"), mentions_of(&s, "PE"));
    assert!(ru > 0 && pe > 0, "the seeds mention Russia and Peru");
    let ties_peru = |s: &Session| {
        s.actor_relations()
            .iter()
            .filter(|r| r.a == id("PE") || r.b == id("PE"))
            .count()
    };
    assert!(ties_peru(&s) > 0);
    s.apply(
        ActorIntent::Merge {
            from: id("PE"),
            into: id("RU"),
        }
        .into(),
    )
    .expect("merge");
    assert_eq!(mentions_of(&s, "PE"), 0);
    assert_eq!(mentions_of(&s, "RU"), ru + pe);
    assert_eq!(ties_peru(&s), 0);
    s.apply(HistoryIntent::Undo.into()).expect("undo");
    assert_eq!((mentions_of(&s, "RU"), mentions_of(&s, "PE")), (ru, pe));
    assert!(ties_peru(&s) > 0);
}

#[test]
fn a_bad_correction_changes_nothing() {
    let mut s = seeds();
    let before = s.project().actors.clone();
    for bad in [
        ActorIntent::Merge {
            from: id("RU"),
            into: id("RU"),
        },
        ActorIntent::Rename {
            id: id("RU"),
            name: "   ".into(),
        },
        ActorIntent::Rekind {
            id: id("person:nobody-at-all"),
            kind: ActorKind::Org,
        },
    ] {
        let err = s.apply(bad.into()).expect_err("refused");
        assert!(!err.to_string().is_empty());
    }
    assert_eq!(s.project().actors, before);
    assert!(!s.is_dirty());
}
