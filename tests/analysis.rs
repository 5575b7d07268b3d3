//! Search, auto-tagging and the theme views on hand-made fixtures with known answers.

use crate::common;

use std::collections::BTreeSet;
use std::path::PathBuf;

use dossier::analysis::autotag::{self, Rule, RuleId, Unit};
use dossier::analysis::matrix::{Measure, cooccurrence, frequencies, retrieve, theme_article};
use dossier::analysis::{Query, Scope, search};
use dossier::corpus::{Article, ArticleId, Corpus, decode};
use dossier::project::{
    Anchor, History, Passage, PassageId, Project, Rgb, Theme, ThemeId, Timestamp, io,
};

fn corpus() -> Corpus {
    let texts = [
        (
            "a.txt",
            "Russia sold helicopters to Peru. Peru bought them in 2013.\n\nA second paragraph on coca.",
        ),
        (
            "b.txt",
            "Coca eradication rose. Helicopters helped the police.\nA new line, one paragraph each.",
        ),
        ("c.txt", "Nothing here about it."),
    ];
    Corpus::new(
        PathBuf::from("/fixture"),
        texts
            .iter()
            .map(|(id, t)| {
                Article::new(
                    ArticleId((*id).into()),
                    PathBuf::from(id),
                    decode(t.as_bytes()).expect("text"),
                )
            })
            .collect(),
    )
}

fn theme(id: u32, name: &str) -> Theme {
    Theme {
        id: ThemeId(id),
        name: name.into(),
        color: Rgb([1, 2, 3]),
        description: String::new(),
        parent: None,
    }
}

fn passage(corpus: &Corpus, id: u64, article: &str, phrase: &str, themes: &[u32]) -> Passage {
    let a = corpus.get(&ArticleId(article.into())).expect("article");
    let byte = a.text.find(phrase).expect("phrase");
    let start = a.char_of(byte).expect("boundary");
    let anchor = Anchor::cut(a, start, start + phrase.chars().count()).expect("anchor");
    Passage::new(
        PassageId(id),
        a.id.clone(),
        anchor,
        themes.iter().map(|t| ThemeId(*t)).collect(),
        Timestamp::from_unix(0),
    )
}

/// Themes 1 Arms, 2 Coca, 3 Police; passages:
/// 1 a "Russia sold helicopters" [1]      2 a "sold helicopters to Peru" [2] (overlaps 1)
/// 3 a "Peru bought them" [3] (next sentence: no meeting with 1 or 2)
/// 4 b "Coca eradication rose" [2, 3] (one passage, both themes)
/// 5 b "Helicopters helped" [1]           6 b "the police" [3] (same sentence as 5)
fn project(corpus: &Corpus) -> Project {
    let mut p = Project::with_themes(vec![theme(1, "Arms"), theme(2, "Coca"), theme(3, "Police")]);
    for passage in [
        passage(corpus, 1, "a.txt", "Russia sold helicopters", &[1]),
        passage(corpus, 2, "a.txt", "sold helicopters to Peru", &[2]),
        passage(corpus, 3, "a.txt", "Peru bought them", &[3]),
        passage(corpus, 4, "b.txt", "Coca eradication rose", &[2, 3]),
        passage(corpus, 5, "b.txt", "Helicopters helped", &[1]),
        passage(corpus, 6, "b.txt", "the police", &[3]),
    ] {
        p.passages.insert(passage.id, passage);
    }
    p
}

#[test]
fn matrix_counts_passages_and_characters() {
    let c = corpus();
    let p = project(&c);
    let m = theme_article(&p, &c, Measure::Passages);
    assert_eq!(m.themes, vec![ThemeId(1), ThemeId(2), ThemeId(3)]);
    assert_eq!(
        m.articles.iter().map(|a| a.as_str()).collect::<Vec<_>>(),
        ["a.txt", "b.txt", "c.txt"]
    );
    assert_eq!(m.cells, vec![vec![1, 1, 0], vec![1, 1, 0], vec![1, 2, 0]]);
    assert_eq!((m.row_total(2), m.column_total(1), m.max()), (3, 4, 2));
    let chars = theme_article(&p, &c, Measure::Characters);
    // Police in b: "Coca eradication rose" (21) + "the police" (10).
    assert_eq!(chars.cells[2][1], 31);
    // Arms in a: "Russia sold helicopters" (23).
    assert_eq!(chars.cells[0][0], 23);
}

#[test]
fn cooccurrence_counts_overlaps_shared_sentences_and_double_coding() {
    let c = corpus();
    let p = project(&c);
    let pairs = cooccurrence(&p, &c);
    let count = |a: u32, b: u32| pairs.get(&(ThemeId(a), ThemeId(b))).map_or(0, Vec::len);
    assert_eq!(count(1, 2), 1, "passages 1 and 2 overlap");
    assert_eq!(count(2, 3), 1, "passage 4 carries both");
    assert_eq!(count(1, 3), 1, "passages 5 and 6 share a sentence");
    assert_eq!(pairs.len(), 3);
    let meeting = &pairs[&(ThemeId(1), ThemeId(3))][0];
    assert_eq!(
        (meeting.first, meeting.second),
        (PassageId(5), PassageId(6))
    );
}

#[test]
fn frequencies_and_retrieval_in_reading_order() {
    let c = corpus();
    let p = project(&c);
    let f = frequencies(&p);
    let police: usize = f[2].1.values().sum();
    assert_eq!(police, 3);
    assert_eq!(f[2].1.get(&ArticleId("b.txt".into())), Some(&2));
    let any: Vec<u64> = retrieve(&p, &BTreeSet::from([ThemeId(2), ThemeId(3)]), false)
        .iter()
        .map(|p| p.id.0)
        .collect();
    assert_eq!(any, vec![2, 3, 4, 6]);
    let all: Vec<u64> = retrieve(&p, &BTreeSet::from([ThemeId(2), ThemeId(3)]), true)
        .iter()
        .map(|p| p.id.0)
        .collect();
    assert_eq!(all, vec![4]);
    assert!(retrieve(&p, &BTreeSet::new(), false).is_empty());
}

#[test]
fn auto_tag_units_idempotence_and_undo() {
    let c = corpus();
    let mut project = Project::with_themes(vec![theme(1, "Arms")]);
    let mut history = History::saved();
    let q = Query::plain("helicopters");
    let now = Timestamp::from_unix(0);

    // The sentence around each hit.
    let plan =
        autotag::plan(&c, &project, &q, &Scope::Corpus, Unit::Sentence, ThemeId(1)).expect("plan");
    let quotes: Vec<String> = plan
        .new
        .iter()
        .map(|(a, s, e)| {
            c.get(a)
                .and_then(|a| a.slice(*s, *e))
                .unwrap_or("")
                .to_owned()
        })
        .collect();
    assert_eq!(
        quotes,
        [
            "Russia sold helicopters to Peru.",
            "Helicopters helped the police."
        ]
    );
    let edit = autotag::edit(&c, &project, &plan, ThemeId(1), "tag".into(), &now);
    history.apply(&mut project, edit).expect("applies");
    assert_eq!(project.passages.len(), 2);

    // Again: nothing new, no duplicates.
    let again =
        autotag::plan(&c, &project, &q, &Scope::Corpus, Unit::Sentence, ThemeId(1)).expect("plan");
    assert!(again.is_empty());
    assert_eq!(again.already, 2);

    // One undo removes both passages; redo brings both back.
    history.undo(&mut project).expect("undo");
    assert!(project.passages.is_empty());
    history.redo(&mut project).expect("redo");
    assert_eq!(project.passages.len(), 2);

    // Paragraph unit: blank-line paragraphs in a, lines in b (which has none).
    let para = autotag::plan(
        &c,
        &project,
        &Query::plain("coca"),
        &Scope::Corpus,
        Unit::Paragraph,
        ThemeId(1),
    )
    .expect("plan");
    let quotes: Vec<String> = para
        .new
        .iter()
        .map(|(a, s, e)| {
            c.get(a)
                .and_then(|a| a.slice(*s, *e))
                .unwrap_or("")
                .to_owned()
        })
        .collect();
    assert_eq!(
        quotes,
        [
            "A second paragraph on coca.",
            "Coca eradication rose. Helicopters helped the police."
        ]
    );
    // The hit itself, where an existing passage covers exactly the unit: the theme is added.
    let mut with_theme2 = project.clone();
    with_theme2.themes.push(theme(2, "Coca"));
    let sentence_plan = autotag::plan(
        &c,
        &with_theme2,
        &q,
        &Scope::Corpus,
        Unit::Sentence,
        ThemeId(2),
    )
    .expect("plan");
    assert_eq!(sentence_plan.new.len(), 0);
    assert_eq!(sentence_plan.extend.len(), 2);
}

#[test]
fn rules_round_trip_through_the_project_file() {
    let c = corpus();
    let mut project = project(&c);
    project.rules.push(Rule {
        id: RuleId(1),
        query: Query {
            pattern: r"helicopters?".into(),
            regex: true,
            case_sensitive: false,
            whole_word: true,
        },
        unit: Unit::Paragraph,
        theme: ThemeId(1),
    });
    let dir = common::tempdir();
    let path = dir.path().join("rules.json");
    io::save(&project, &path).expect("save");
    let opened = io::open(&path).expect("open");
    assert_eq!(opened.project.rules, project.rules);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains("\"unit\": \"paragraph\""), "{text}");
}

#[test]
fn search_hits_on_the_seeds() {
    let seeds = common::load_seeds();
    let re = Query::plain("helicopter").compile().expect("compiles");
    let r = search(&seeds, &re, &Scope::Corpus, 100);
    assert_eq!(r.hits.len(), 2);
    for h in &r.hits {
        let a = seeds.get(&h.article).expect("article");
        assert_eq!(a.slice(h.start, h.end), Some("helicopter"));
    }
    let re = Query {
        regex: true,
        ..Query::plain(r"\$\d+(\.\d+)? (million|billion)")
    }
    .compile()
    .expect("compiles");
    assert_eq!(search(&seeds, &re, &Scope::Corpus, 100).hits.len(), 5);
}
