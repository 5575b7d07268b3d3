//! Coding queries (issue 15) on the sample project: every query's hits against what is counted
//! here another way, from the code points each theme covers; and saving the hits as a theme
//! is one undoable step.

use crate::common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::atomic::AtomicBool;

use dossier::analysis::query::{AttributeIs, CodingQuery, QueryHit, Relation, run};
use dossier::corpus::{ArticleId, Corpus, LoadOptions};
use dossier::project::attributes::value_of;
use dossier::project::{Passage, Project, ThemeId};
use dossier::session::{CodebookIntent, HistoryIntent, Session};

fn sample() -> Session {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample.dossier.json");
    let opened = dossier::project::io::open(&path).expect("the sample opens");
    let loaded = dossier::session::load::load_corpus(
        &common::seeds_dir(),
        &LoadOptions::default(),
        Some(&opened.project),
        &|_, _| {},
        &AtomicBool::new(false),
    )
    .expect("the seeds load");
    Session::from_project(Some(path), opened, Some(loaded))
}

fn spans(hits: &[QueryHit]) -> BTreeSet<(ArticleId, usize, usize)> {
    hits.iter()
        .map(|h| (h.article.clone(), h.start, h.end))
        .collect()
}

/// The code points of `article` that passages of `theme` cover.
fn covered(project: &Project, article: &ArticleId, theme: ThemeId) -> BTreeSet<usize> {
    project
        .passages
        .values()
        .filter(|p| &p.article == article && p.themes.contains(&theme))
        .flat_map(|p| p.start..p.end)
        .collect()
}

fn of_theme(project: &Project, theme: ThemeId) -> Vec<&Passage> {
    project
        .passages
        .values()
        .filter(|p| p.themes.contains(&theme))
        .collect()
}

fn whole(list: &[&Passage]) -> BTreeSet<(ArticleId, usize, usize)> {
    list.iter()
        .map(|p| (p.article.clone(), p.start, p.end))
        .collect()
}

/// Maximal runs of consecutive code points.
fn runs(article: &ArticleId, points: &BTreeSet<usize>) -> Vec<(ArticleId, usize, usize)> {
    let mut out: Vec<(ArticleId, usize, usize)> = Vec::new();
    for &c in points {
        match out.last_mut() {
            Some(last) if last.2 == c => last.2 = c + 1,
            _ => out.push((article.clone(), c, c + 1)),
        }
    }
    out
}

fn themes(project: &Project) -> Vec<ThemeId> {
    project.themes.iter().map(|t| t.id).collect()
}

fn query(theme: ThemeId, relation: Relation) -> CodingQuery {
    CodingQuery {
        theme,
        relation,
        attribute: None,
    }
}

#[test]
fn overlaps_are_the_code_points_both_themes_cover() {
    let s = sample();
    let (project, corpus) = (s.project(), s.corpus());
    let articles: BTreeSet<&ArticleId> = project.passages.values().map(|p| &p.article).collect();
    let mut found = 0;
    for a in themes(project) {
        for b in themes(project) {
            let mut want = BTreeSet::new();
            for article in &articles {
                let both: BTreeSet<usize> = covered(project, article, a)
                    .intersection(&covered(project, article, b))
                    .copied()
                    .collect();
                want.extend(runs(article, &both));
            }
            let hits = run(project, corpus, &query(a, Relation::Overlaps(b)));
            assert_eq!(spans(&hits), want, "{a:?} ∩ {b:?}");
            for h in &hits {
                let text = corpus.get(&h.article).and_then(|x| x.slice(h.start, h.end));
                assert_eq!(Some(h.text.as_str()), text);
            }
            found += hits.len() * usize::from(a != b);
        }
    }
    assert!(found > 0, "the sample has passages where two themes meet");
}

#[test]
fn without_keeps_the_passages_that_share_no_code_point_with_b() {
    let s = sample();
    let (project, corpus) = (s.project(), s.corpus());
    let mut kept_some = false;
    let mut dropped_some = false;
    for a in themes(project) {
        for b in themes(project) {
            let want: Vec<&Passage> = of_theme(project, a)
                .into_iter()
                .filter(|p| {
                    let mine: BTreeSet<usize> = (p.start..p.end).collect();
                    covered(project, &p.article, b).is_disjoint(&mine)
                })
                .collect();
            let hits = run(project, corpus, &query(a, Relation::Without(b)));
            assert_eq!(spans(&hits), whole(&want), "{a:?} without {b:?}");
            kept_some |= !want.is_empty() && a != b;
            dropped_some |= want.len() < of_theme(project, a).len() && a != b;
        }
    }
    assert!(kept_some && dropped_some);
}

#[test]
fn near_counts_the_characters_between_passages() {
    let s = sample();
    let (project, corpus) = (s.project(), s.corpus());
    // Characters strictly between two spans, by walking from one to the other.
    let between = |p: &Passage, q: &Passage| -> usize {
        if p.overlaps(q.start, q.end) {
            return 0;
        }
        let (from, to) = if p.end <= q.start {
            (p.end, q.start)
        } else {
            (q.end, p.start)
        };
        (from..to).count()
    };
    let mut widened = false;
    for chars in [0, 50, 400, 5000] {
        for a in themes(project) {
            for b in themes(project) {
                let want: Vec<&Passage> = of_theme(project, a)
                    .into_iter()
                    .filter(|p| {
                        of_theme(project, b)
                            .iter()
                            .any(|q| q.article == p.article && between(p, q) <= chars)
                    })
                    .collect();
                let hits = run(
                    project,
                    corpus,
                    &query(a, Relation::Near { theme: b, chars }),
                );
                assert_eq!(spans(&hits), whole(&want), "{a:?} near {b:?} ({chars})");
                let overlapping = run(project, corpus, &query(a, Relation::Overlaps(b)));
                widened |= a != b && chars > 0 && hits.len() > overlapping.len();
            }
        }
    }
    assert!(widened, "a wider window finds passages that do not overlap");
}

#[test]
fn same_paragraph_follows_blank_lines_or_else_line_breaks() {
    let s = sample();
    let (project, corpus) = (s.project(), s.corpus());
    // A passage's paragraphs: how many paragraph breaks come before its first and last
    // character. Paragraphs end at blank lines; an article without any (one of the seeds) has
    // a paragraph per line.
    let paragraphs = |corpus: &Corpus, p: &Passage| -> BTreeSet<usize> {
        let text: Vec<char> = corpus
            .get(&p.article)
            .expect("article")
            .text
            .chars()
            .collect();
        let blank_lines = text.windows(2).any(|w| w == ['\n', '\n']);
        let breaks_before = |at: usize| {
            if blank_lines {
                text[..at].windows(2).filter(|w| w == &['\n', '\n']).count()
            } else {
                text[..at].iter().filter(|c| **c == '\n').count()
            }
        };
        (breaks_before(p.start)..=breaks_before(p.end - 1)).collect()
    };
    let mut found = 0;
    for a in themes(project) {
        for b in themes(project) {
            let want: Vec<&Passage> = of_theme(project, a)
                .into_iter()
                .filter(|p| {
                    of_theme(project, b).iter().any(|q| {
                        q.article == p.article
                            && !paragraphs(corpus, p).is_disjoint(&paragraphs(corpus, q))
                    })
                })
                .collect();
            let hits = run(project, corpus, &query(a, Relation::SameParagraph(b)));
            assert_eq!(spans(&hits), whole(&want), "{a:?} ¶ {b:?}");
            found += hits.len() * usize::from(a != b);
        }
    }
    assert!(found > 0);
}

#[test]
fn an_attribute_keeps_the_articles_with_that_value() {
    let s = sample();
    let (project, corpus) = (s.project(), s.corpus());
    let mut by_value: BTreeMap<String, BTreeSet<ArticleId>> = BTreeMap::new();
    for article in corpus.articles() {
        if let Some(v) = value_of(&project.attributes, article, "outlet") {
            by_value
                .entry(v.text)
                .or_default()
                .insert(article.id.clone());
        }
    }
    assert!(
        by_value.len() > 1,
        "the seeds come from several outlets: {by_value:?}"
    );
    let mut narrowed = false;
    for (value, ids) in &by_value {
        for a in themes(project) {
            let all = of_theme(project, a);
            let want: Vec<&Passage> = all
                .iter()
                .copied()
                .filter(|p| ids.contains(&p.article))
                .collect();
            let q = CodingQuery {
                theme: a,
                relation: Relation::Any,
                // Values compare ignoring case.
                attribute: Some(AttributeIs {
                    key: "outlet".into(),
                    value: value.to_uppercase(),
                }),
            };
            assert_eq!(spans(&run(project, corpus, &q)), whole(&want), "{value}");
            narrowed |= !want.is_empty() && want.len() < all.len();
        }
    }
    assert!(narrowed, "some theme has passages in more than one outlet");
}

#[test]
fn saving_a_query_as_a_theme_is_one_undoable_step() {
    let mut s = sample();
    let before = s.project().clone();
    // The first pair of themes that overlap somewhere, with text coded by only one of them.
    let (a, b, hits) = themes(&before)
        .into_iter()
        .flat_map(|a| themes(&before).into_iter().map(move |b| (a, b)))
        .filter(|(a, b)| a != b)
        .map(|(a, b)| {
            (
                a,
                b,
                run(&before, s.corpus(), &query(a, Relation::Overlaps(b))),
            )
        })
        .find(|(_, _, hits)| !hits.is_empty())
        .expect("two themes overlap");
    let outcome = s
        .apply(
            CodebookIntent::SaveQuery {
                name: "  Both  ".into(),
                query: query(a, Relation::Overlaps(b)),
            }
            .into(),
        )
        .expect("saved");
    assert!(outcome.changed);
    let project = s.project();
    assert_eq!(project.themes.len(), before.themes.len() + 1);
    let theme = project
        .themes
        .iter()
        .find(|t| t.name == "Both")
        .expect("the new theme");
    assert!(
        before.themes.iter().all(|t| t.color != theme.color),
        "a colour of its own"
    );
    let tagged: BTreeSet<(ArticleId, usize, usize)> = project
        .passages
        .values()
        .filter(|p| p.themes.contains(&theme.id))
        .map(|p| (p.article.clone(), p.start, p.end))
        .collect();
    assert_eq!(tagged, spans(&hits));
    // Nothing else changed: every passage from before is still there with its themes.
    for p in before.passages.values() {
        let now = &project.passages[&p.id];
        let mut themes = now.themes.clone();
        themes.retain(|t| *t != theme.id);
        assert_eq!(themes, p.themes);
        assert_eq!(now.note, p.note);
    }
    assert_eq!(s.history().undo_label(), Some("save query as theme “Both”"));
    s.apply(HistoryIntent::Undo.into()).expect("undo");
    assert_eq!(s.project(), &before, "one undo takes it all back");
}

#[test]
fn a_query_that_finds_nothing_makes_no_theme() {
    let mut s = sample();
    let a = s.project().themes[0].id;
    let before = s.project().clone();
    let outcome = s
        .apply(
            CodebookIntent::SaveQuery {
                name: "Nothing".into(),
                query: query(a, Relation::Without(a)),
            }
            .into(),
        )
        .expect("no error");
    assert!(!outcome.changed);
    assert!(outcome.notice.is_some());
    assert_eq!(s.project(), &before);
}
