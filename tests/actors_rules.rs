//! The actor rules on small texts: aliases, acronyms defined in the text, people with titles,
//! Spanish demonyms, relation cues and their direction, and text without punctuation.

use std::collections::BTreeMap;
use std::path::PathBuf;

use dossier::actors::relations::{Relation, relations};
use dossier::actors::{ActorId, Resolved, extract, extract_corpus, resolve};
use dossier::corpus::{Article, ArticleId, Corpus, decode};
use dossier::project::actors::ActorBook;

fn corpus(texts: &[&str]) -> Corpus {
    let articles = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let id = format!("{i}.txt");
            Article::new(
                ArticleId(id.clone()),
                PathBuf::from(id),
                decode(t.as_bytes()).expect("decodes"),
            )
        })
        .collect();
    Corpus::new(PathBuf::from("."), articles)
}

pub(crate) fn run(texts: &[&str]) -> (Resolved, Vec<Relation>) {
    let c = corpus(texts);
    let ex = extract_corpus(&c, 1, &|_| {});
    let resolved = resolve(&ex, &ActorBook::default(), &c);
    let rels = relations(&c, &ex, &resolved, None, &BTreeMap::new());
    (resolved, rels)
}

/// (text, actor id) of each mention of one text.
fn mentions(text: &str) -> Vec<(String, String)> {
    let (resolved, _) = run(&[text]);
    resolved
        .mentions
        .values()
        .flatten()
        .map(|m| (m.text.clone(), m.actor.0.clone()))
        .collect()
}

fn has(list: &[(String, String)], text: &str, actor: &str) -> bool {
    list.iter().any(|(t, a)| t == text && a == actor)
}

#[test]
fn aliases_capitals_demonyms_and_metonyms_resolve_to_one_country() {
    let m = mentions(
        "The Kremlin said Moscow would help. Russian officials met in Washington with US and U.S. \
         envoys, and Estados Unidos was mentioned. The Salvadoran minister said San Salvador \
         would sign. Washington said it would pay.",
    );
    for (text, actor) in [
        ("Kremlin", "RU"),
        ("Moscow", "RU"),
        ("Russian", "RU"),
        ("Washington", "US"),
        ("US", "US"),
        ("U.S.", "US"),
        ("Estados Unidos", "US"),
        ("Salvadoran", "SV"),
        ("San Salvador", "SV"),
    ] {
        assert!(has(&m, text, actor), "{text} → {actor} in {m:?}");
    }
    // A capital that acts is its government; one where something happens is a place.
    let washingtons = m.iter().filter(|(t, _)| t == "Washington").count();
    assert_eq!(washingtons, 1, "only the Washington that speaks: {m:?}");
    // Lower-case "us" is no country, and "New Mexico" is not Mexico.
    let m = mentions("Let us see. He lives in New Mexico.");
    assert!(m.iter().all(|(_, a)| a != "US" && a != "MX"), "{m:?}");
}

#[test]
fn spanish_demonyms_are_read_in_spanish_text_only() {
    let es = mentions(
        "El gobierno ruso y los agentes peruanos firmaron un acuerdo en la capital de Perú.",
    );
    assert!(
        has(&es, "ruso", "RU") && has(&es, "peruanos", "PE") && has(&es, "Perú", "PE"),
        "{es:?}"
    );
    let en =
        mentions("The word ruso appears in this English sentence about the market and the rules.");
    assert!(en.is_empty(), "{en:?}");
}

#[test]
fn acronyms_defined_in_the_text_name_their_organisation_everywhere() {
    let (resolved, _) = run(&[
        "Officers of the Andean Border Police Network (ABPN) met in Quito. The ABPN will meet again.",
        "A later report said the ABPN had grown. The XYZQ was not defined anywhere.",
    ]);
    let all: Vec<(&str, &str)> = resolved
        .mentions
        .values()
        .flatten()
        .map(|m| (m.text.as_str(), m.actor.as_str()))
        .collect();
    assert!(
        all.contains(&("Andean Border Police Network", "org:abpn")),
        "{all:?}"
    );
    assert_eq!(
        all.iter()
            .filter(|(t, a)| *t == "ABPN" && *a == "org:abpn")
            .count(),
        3
    );
    assert_eq!(
        resolved
            .actor(&ActorId("org:abpn".into()))
            .map(|a| a.name.as_str()),
        Some("Andean Border Police Network")
    );
    // An acronym no text defines is not an actor.
    assert!(!all.iter().any(|(t, _)| *t == "XYZQ"), "{all:?}");
    // A known acronym: the long name before it joins the gazetteer's entry.
    let m = mentions("The Federal Service for Drug Control (FSKN) opened an office.");
    assert!(
        has(&m, "Federal Service for Drug Control", "org:fskn") && has(&m, "FSKN", "org:fskn"),
        "{m:?}"
    );
}

#[test]
fn people_with_titles_and_surnames() {
    let text = "Minister Juan Carlos Pinzon met President Daniel Ortega and analyst Jane Roe. \
                Later Pinzon and Roe spoke. Russian drug czar Viktor Ivanov was there; Ivanov left.";
    let (resolved, _) = run(&[text]);
    let m: Vec<(String, String)> = resolved
        .mentions
        .values()
        .flatten()
        .map(|m| (m.text.clone(), m.actor.0.clone()))
        .collect();
    for (t, a) in [
        ("Juan Carlos Pinzon", "person:juan-carlos-pinzon"),
        ("Daniel Ortega", "person:daniel-ortega"),
        ("Jane Roe", "person:jane-roe"),
        ("Pinzon", "person:juan-carlos-pinzon"),
        ("Roe", "person:jane-roe"),
        ("Viktor Ivanov", "person:viktor-ivanov"),
        ("Ivanov", "person:viktor-ivanov"),
    ] {
        assert!(has(&m, t, a), "{t} → {a} in {m:?}");
    }
    // Titles are not part of the name; the demonym before the title gives the country.
    assert!(
        !m.iter()
            .any(|(t, _)| t.contains("Minister") || t.contains("President"))
    );
    let ivanov = resolved
        .actor(&ActorId("person:viktor-ivanov".into()))
        .expect("Ivanov");
    assert_eq!(ivanov.country.as_deref(), Some("RU"));
}

fn pairs(rels: &[Relation]) -> Vec<(String, String, bool, String)> {
    rels.iter()
        .map(|r| (r.a.0.clone(), r.b.0.clone(), r.directed, r.kind.clone()))
        .collect()
}

#[test]
fn relation_cues_and_direction() {
    let (_, rels) = run(&[
        "Russia supplied helicopters to Peru. Venezuela bought rifles from Belarus. \
        Nicaraguan police were trained by Moscow. Chile and Argentina agreed to cooperate. \
        Officials from Spain, France and Italy visited Morocco. Relations between Cuba and Mexico improved. \
        Brazil exported beef. Ecuador and Colombia played football.",
    ]);
    let p = pairs(&rels);
    let has = |a: &str, b: &str, directed: bool, kind: &str| {
        p.iter()
            .any(|(x, y, d, k)| x == a && y == b && *d == directed && k == kind)
    };
    assert!(has("RU", "PE", true, "supply"), "{p:?}");
    assert!(has("BY", "VE", true, "purchase"), "supplier → buyer: {p:?}");
    assert!(
        has("RU", "NI", true, "training"),
        "trainer → trainee: {p:?}"
    );
    assert!(has("AR", "CL", false, "agreement"), "{p:?}");
    for c in ["ES", "FR", "IT"] {
        assert!(
            p.iter().any(
                |(a, b, _, k)| k == "visit" && ((a == c && b == "MA") || (a == "MA" && b == c))
            ),
            "{c}: {p:?}"
        );
    }
    // The visitors are listed together, not tied to each other.
    assert!(
        !p.iter()
            .any(|(a, b, _, _)| (a == "ES" || a == "FR") && (b == "FR" || b == "IT")),
        "{p:?}"
    );
    assert!(has("CU", "MX", false, "cooperation"), "{p:?}");
    // One actor, or no cue: no relation.
    assert!(
        !p.iter()
            .any(|(a, b, _, _)| a == "BR" || b == "BR" || a == "EC" || b == "EC"),
        "{p:?}"
    );
}

/// Text without punctuation is read in pieces no longer than the bound: its mentions are all
/// found, and relations stay within a piece, so their number grows with the text, not its
/// square.
#[test]
fn text_without_punctuation_is_read_in_bounded_pieces() {
    let unit = "Russia supplied Peru and Mexico met Colombia trained Bolivia ";
    let text = unit.repeat(20_000);
    let found = extract(&text);
    let bound = dossier::text::bounded::MAX_SENTENCE_BYTES;
    assert!(
        found.sentences.len() >= text.len() / bound,
        "{}",
        found.sentences.len()
    );
    assert!(found.sentences.iter().all(|(a, b)| b - a <= bound));
    assert_eq!(found.mentions.len(), 5 * 20_000);
    let (_, rels) = run(&[&text]);
    let pieces = found.sentences.len();
    assert!(
        rels.len() <= 8 * pieces,
        "{} relations in {pieces} pieces",
        rels.len()
    );
}

/// A text with no full stop is read in bounded pieces: every relation's sentence stays within
/// the bound, so pairing the mentions of a "sentence" cannot grow with the square of the text
/// (an attack found 8 MB taking 34 s before; the timing itself is for benchmarks).
#[test]
fn a_text_without_full_stops_relates_within_bounded_pieces() {
    let text = "Colombia y Estados Unidos cooperan con la DEA y la Policía Nacional ".repeat(2_000);
    let (_, rels) = run(&[&text]);
    assert!(!rels.is_empty(), "the cooperation is still found");
    let bound = dossier::text::bounded::MAX_SENTENCE_BYTES;
    for r in &rels {
        assert!(r.end - r.start <= bound, "{} code points", r.end - r.start);
    }
}
