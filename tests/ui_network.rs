//! The network pane in the window (egui_kittest) on the seeds: clicking a link lists the
//! sentences of that pair and opens one in the reader, unticking a kind removes its actors from
//! the graph, and clicking an actor opens it in the Actors pane.

use crate::common;

use std::collections::BTreeSet;

use crate::common::ui::{Window, open_sized, settle};
use dossier::actors::{ActorId, Relation};
use dossier::context::{Tab, UiCommand};
use egui_kittest::kittest::Queryable;

fn network_window() -> Window {
    // The network needs room: a large window, with the lower tabs given most of it.
    let mut w = open_sized(common::seeds_dir(), [1800.0, 1400.0]);
    w.state_mut().push(UiCommand::ShowTab(Tab::Network));
    settle(&mut w);
    assert_eq!(w.state().tab(), Tab::Network);
    w
}

fn actor_named(w: &Window, name: &str) -> ActorId {
    let resolved = w.state().session().actors();
    resolved
        .actors
        .values()
        .find(|a| a.name == name)
        .map(|a| a.id.clone())
        .unwrap_or_else(|| panic!("an actor named {name}"))
}

/// The "N actor(s), M link(s)" line: N.
fn shown_actors(w: &Window) -> usize {
    use egui_kittest::kittest::NodeT;
    let node = w.get_by_label_contains(" actor(s), ");
    let n = node.accesskit_node();
    let text = n.value().or_else(|| n.label()).unwrap_or_default();
    text.split(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("a count in {text:?}"))
}

#[test]
fn clicking_a_link_lists_that_pairs_sentences_and_one_opens_in_the_reader() {
    let mut w = network_window();
    let (russia, peru) = (actor_named(&w, "Russia"), actor_named(&w, "Peru"));
    let pair: BTreeSet<&ActorId> = [&russia, &peru].into();
    // The sentences that tie Russia and Peru, and one that ties Russia to someone else only.
    let (expected, other): (Vec<Relation>, Option<Relation>) = {
        let rels = w.state().session().actor_relations();
        let mut mine: Vec<Relation> = rels
            .iter()
            .filter(|r| BTreeSet::from([&r.a, &r.b]) == pair)
            .cloned()
            .collect();
        mine.dedup_by(|x, y| x.article == y.article && x.start == y.start);
        // Not a headline: a title is shown in the library and the reader as well.
        let corpus = w.state().session().corpus();
        let is_title = |r: &Relation| {
            corpus.get(&r.article).is_some_and(|a| {
                a.slice(r.start, r.end)
                    .is_some_and(|t| t.trim() == a.title.trim())
            })
        };
        let other = rels
            .iter()
            .find(|r| {
                !is_title(r)
                    && (r.a == russia || r.b == russia)
                    && !mine
                        .iter()
                        .any(|m| m.article == r.article && m.start == r.start)
            })
            .cloned();
        (mine, other)
    };
    assert!(!expected.is_empty(), "the seeds tie Russia and Peru");
    let (a, b) = if russia < peru {
        ("Russia", "Peru")
    } else {
        ("Peru", "Russia")
    };
    w.get_by_label(&format!("Link {a} — {b}")).click();
    w.run();
    assert_eq!(
        w.state().tab(),
        Tab::Network,
        "the click opened the link, not an actor"
    );
    w.get_by_label(&format!("{} sentence(s)", expected.len()));
    let sentence = |r: &Relation| {
        let corpus = w.state().session().corpus();
        let text = corpus
            .get(&r.article)
            .and_then(|a| a.slice(r.start, r.end))
            .unwrap_or_default()
            .to_owned();
        dossier::ui::quote_preview(&text, 300)
    };
    for r in &expected {
        assert!(
            w.query_by_label(&sentence(r)).is_some(),
            "listed: {}",
            sentence(r)
        );
    }
    if let Some(o) = &other {
        assert!(
            w.query_by_label(&sentence(o)).is_none(),
            "not listed: {}",
            sentence(o)
        );
    }
    // A click on a sentence opens its article at the sentence.
    let first = &expected[0];
    w.get_by_label(&sentence(first)).click();
    settle(&mut w);
    assert_eq!(w.state().selection().article.as_ref(), Some(&first.article));
}

#[test]
fn unticking_a_kind_removes_its_actors_and_a_click_opens_an_actor() {
    let mut w = network_window();
    let before = shown_actors(&w);
    assert!(
        w.query_by_label("Viktor Ivanov").is_some(),
        "a person in the graph"
    );
    assert!(w.query_by_label("Russia").is_some());
    w.get_by_label("person").click();
    w.run();
    let after = shown_actors(&w);
    assert!(after < before, "{after} < {before}");
    assert!(
        w.query_by_label("Viktor Ivanov").is_none(),
        "people are gone"
    );
    let people: Vec<String> = {
        let resolved = w.state().session().actors();
        resolved
            .actors
            .values()
            .filter(|a| a.kind == dossier::actors::ActorKind::Person)
            .map(|a| a.name.clone())
            .collect()
    };
    for name in &people {
        assert!(
            w.query_all_by_label(name).all(|n| {
                use egui_kittest::kittest::NodeT;
                n.accesskit_node().role() != egui::accesskit::Role::Button
            }),
            "no node for {name}"
        );
    }
    assert!(w.query_by_label("Russia").is_some(), "countries stay");
    // A click on an actor opens it in the Actors pane.
    let russia = actor_named(&w, "Russia");
    w.get_by_label("Russia").click();
    settle(&mut w);
    assert_eq!(w.state().tab(), Tab::Actors);
    w.get_by_label(&format!("id {russia}"));
}
