//! The seeds' network: the cooperation the articles describe is found, each edge with its
//! sentences, and Viktor Ivanov resolves to the FSKN and Russia.

use crate::common;

use std::collections::BTreeMap;

use dossier::actors::network::{Network, NetworkFilter};
use dossier::actors::relations::{Relation, relations};
use dossier::actors::{ActorId, ActorKind, Resolved, extract_corpus, resolve};
use dossier::corpus::Corpus;
use dossier::project::actors::ActorBook;

fn seeds() -> (Corpus, Resolved, Vec<Relation>) {
    let corpus = common::load_seeds();
    let extracted = extract_corpus(&corpus, 2, &|_| {});
    let resolved = resolve(&extracted, &ActorBook::default(), &corpus);
    let figures = corpus
        .articles()
        .iter()
        .map(|a| (a.id.clone(), dossier::figures::extract_article(a)))
        .collect();
    let rels = relations(&corpus, &extracted, &resolved, None, &figures);
    (corpus, resolved, rels)
}

fn id(s: &str) -> ActorId {
    ActorId(s.into())
}

#[test]
fn viktor_ivanov_heads_the_fskn_of_russia() {
    let (_, resolved, _) = seeds();
    let ivanov = resolved
        .actor(&id("person:viktor-ivanov"))
        .expect("Viktor Ivanov");
    assert_eq!(ivanov.kind, ActorKind::Person);
    assert_eq!(ivanov.org, Some(id("org:fskn")));
    assert_eq!(ivanov.country.as_deref(), Some("RU"));
    let fskn = resolved.actor(&id("org:fskn")).expect("FSKN");
    assert_eq!(fskn.country.as_deref(), Some("RU"));
    // "FSKN", "federal service for drug control" and "Federal Narcotics Service" are one.
    let texts: Vec<&str> = resolved
        .mentions
        .values()
        .flatten()
        .filter(|m| m.actor == id("org:fskn"))
        .map(|m| m.text.as_str())
        .collect();
    for t in [
        "FSKN",
        "federal service for drug control",
        "Federal Narcotics Service",
    ] {
        assert!(
            texts.contains(&t),
            "{t} is a mention of the FSKN: {texts:?}"
        );
    }
    // Moscow, Russian and Russia are one actor; "Ivanov" alone is Viktor Ivanov, not Sergey.
    for (text, actor) in [
        ("Moscow", "RU"),
        ("Russian", "RU"),
        ("Ivanov", "person:viktor-ivanov"),
        ("Sergey Ivanov", "person:sergey-ivanov"),
    ] {
        assert!(
            resolved
                .mentions
                .values()
                .flatten()
                .any(|m| m.text == text && m.actor == id(actor)),
            "{text} → {actor}"
        );
    }
    // "a new Managua counternarcotics training center": the capital is where, not who.
    assert!(
        resolved
            .mentions
            .values()
            .flatten()
            .all(|m| m.text != "Managua"),
        "Managua names a place in the seeds"
    );
}

#[test]
fn the_seed_network_shows_who_cooperates_with_whom() {
    let (corpus, resolved, rels) = seeds();
    let net = Network::build(
        &resolved,
        &rels,
        &NetworkFilter {
            by_country: true,
            ..NetworkFilter::default()
        },
    );
    let edge = |a: &str, b: &str| {
        let (a, b) = if a < b { (a, b) } else { (b, a) };
        net.edges
            .iter()
            .find(|e| e.a == id(a) && e.b == id(b))
            .unwrap_or_else(|| panic!("an edge {a}–{b}"))
    };
    for (a, b) in [
        ("RU", "NI"),
        ("RU", "PE"),
        ("RU", "SV"),
        ("RU", "CO"),
        ("RU", "region:central-america"),
        ("CO", "SE"),
        ("PE", "MX"),
        ("RU", "VE"),
    ] {
        let e = edge(a, b);
        assert!(e.sentences >= 1, "{a}–{b} has sentences");
        // Every edge leads to its sentences, each holding the actors' mentions.
        for &r in &e.relations {
            let rel = &rels[r];
            let article = corpus.get(&rel.article).expect("article");
            let sentence = article.slice(rel.start, rel.end).expect("sentence");
            assert!(!sentence.is_empty());
        }
    }
    // Peru buys from Russia: the $406 million deal for 24 helicopters is directed and carries
    // both figures.
    let deal = rels
        .iter()
        .find(|r| r.a == id("RU") && r.b == id("PE") && r.directed)
        .expect("a directed Russia → Peru relation");
    assert_eq!(deal.kind, "purchase");
    let figures: Vec<&str> = deal.figures.iter().map(|f| f.text.as_str()).collect();
    assert!(figures.contains(&"$406 million"), "{figures:?}");
    assert!(figures.iter().any(|f| f.starts_with("24")), "{figures:?}");
    // Peru and Mexico cooperate, in the seeds' own words.
    let pm = edge("PE", "MX");
    assert!(pm.types.contains_key("cooperation"), "{:?}", pm.types);
}

#[test]
fn filters_and_matrix_agree() {
    let (_, resolved, rels) = seeds();
    let all = Network::build(&resolved, &rels, &NetworkFilter::default());
    let (ids, cells) = all.matrix();
    assert_eq!(ids.len(), all.nodes.len());
    for e in &all.edges {
        let i = ids.iter().position(|x| *x == e.a).expect("row");
        let j = ids.iter().position(|x| *x == e.b).expect("column");
        assert_eq!(cells[i][j], e.sentences);
        assert_eq!(cells[j][i], e.sentences);
    }
    // Only the Dialogo article has a dated dateline (2015): the year filter keeps its edges.
    let y2015 = Network::build(
        &resolved,
        &rels,
        &NetworkFilter {
            years: Some((2015, 2015)),
            ..NetworkFilter::default()
        },
    );
    assert!(!y2015.edges.is_empty());
    assert!(
        y2015
            .edges
            .iter()
            .all(|e| e.relations.iter().all(|&r| rels[r].year == Some(2015)))
    );
    // People only: every node is a person.
    let people = Network::build(
        &resolved,
        &rels,
        &NetworkFilter {
            kinds: Some([ActorKind::Person].into()),
            ..NetworkFilter::default()
        },
    );
    assert!(
        people
            .nodes
            .iter()
            .all(|n| n.actor.kind == ActorKind::Person)
    );
    assert!(!people.edges.is_empty());
    let counts: BTreeMap<_, _> = resolved.mention_counts().into_iter().collect();
    for n in &all.nodes {
        assert_eq!(Some(&n.mentions), counts.get(&n.actor.id), "{}", n.actor.id);
    }
}

#[test]
fn accepted_figures_sum_by_supplier_and_buyer() {
    use dossier::actors::network::figures_by_pair;
    use dossier::project::{Anchor, CuratedFigure, FigureId, FigureStatus, Project, Timestamp};
    let (corpus, resolved, rels) = seeds();
    let deal = rels
        .iter()
        .find(|r| r.a == id("RU") && r.b == id("PE") && r.directed)
        .expect("Russia → Peru");
    let money = deal
        .figures
        .iter()
        .find(|f| f.unit == "USD")
        .expect("$406 million");
    let mut project = Project::default();
    // Nothing accepted yet: nothing summed.
    assert!(figures_by_pair(&resolved, &rels, &project, true).is_empty());
    let article = corpus.get(&deal.article).expect("article");
    let anchor = Anchor::cut(article, money.start, money.end).expect("anchor");
    let mut f = CuratedFigure::from_extracted(
        FigureId(1),
        deal.article.clone(),
        &dossier::figures::curate::extracted(money),
        anchor,
        FigureStatus::Accepted,
        Timestamp::from_unix(0),
    );
    f.year = dossier::figures::Year::Point(2013);
    project.figures.insert(f.id, f);
    let sums = figures_by_pair(&resolved, &rels, &project, true);
    assert_eq!(sums.len(), 1);
    assert_eq!(
        (
            sums[0].source.as_str(),
            sums[0].target.as_str(),
            sums[0].unit.as_str()
        ),
        ("RU", "PE", "USD")
    );
    assert_eq!(sums[0].by_year.get(&Some(2013)), Some(&406_000_000.0));
}
