//! Themes across the corpus: the theme × article matrix, theme co-occurrence, theme
//! frequencies, and retrieval of the passages of chosen themes in reading order.

use std::collections::{BTreeMap, BTreeSet};

use crate::corpus::{ArticleId, Corpus};
use crate::project::{Passage, PassageId, Project, ThemeId};
use crate::text::sentences;

/// What a matrix cell counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Measure {
    #[default]
    Passages,
    /// Code points covered by the theme's passages (overlaps counted once).
    Characters,
}

/// Counts per theme (rows) and article (columns).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Matrix {
    pub themes: Vec<ThemeId>,
    pub articles: Vec<ArticleId>,
    /// `cells[t][a]`.
    pub cells: Vec<Vec<usize>>,
}

impl Matrix {
    pub fn max(&self) -> usize {
        self.cells.iter().flatten().copied().max().unwrap_or(0)
    }

    pub fn row_total(&self, t: usize) -> usize {
        self.cells.get(t).map_or(0, |r| r.iter().sum())
    }

    pub fn column_total(&self, a: usize) -> usize {
        self.cells
            .iter()
            .map(|r| r.get(a).copied().unwrap_or(0))
            .sum()
    }
}

/// The theme × article matrix over every theme (codebook order) and every article that the
/// corpus or the passages name (path order).
pub fn theme_article(project: &Project, corpus: &Corpus, measure: Measure) -> Matrix {
    let themes: Vec<ThemeId> = project.theme_tree().iter().map(|(_, t)| t.id).collect();
    let mut articles: BTreeSet<ArticleId> =
        corpus.articles().iter().map(|a| a.id.clone()).collect();
    articles.extend(project.passages.values().map(|p| p.article.clone()));
    let articles: Vec<ArticleId> = articles.into_iter().collect();
    let col: BTreeMap<&ArticleId, usize> =
        articles.iter().enumerate().map(|(i, a)| (a, i)).collect();
    let row: BTreeMap<ThemeId, usize> = themes.iter().enumerate().map(|(i, t)| (*t, i)).collect();
    let mut cells = vec![vec![0; articles.len()]; themes.len()];
    match measure {
        Measure::Passages => {
            for p in project.passages.values() {
                for t in &p.themes {
                    if let (Some(&r), Some(&c)) = (row.get(t), col.get(&p.article)) {
                        cells[r][c] += 1;
                    }
                }
            }
        }
        Measure::Characters => {
            let mut ranges: BTreeMap<(usize, usize), Vec<(usize, usize)>> = BTreeMap::new();
            for p in project.passages.values() {
                for t in &p.themes {
                    if let (Some(&r), Some(&c)) = (row.get(t), col.get(&p.article)) {
                        ranges.entry((r, c)).or_default().push((p.start, p.end));
                    }
                }
            }
            for ((r, c), mut list) in ranges {
                list.sort_unstable();
                let (mut total, mut reach) = (0, 0);
                for (s, e) in list {
                    let s = s.max(reach);
                    if e > s {
                        total += e - s;
                        reach = e;
                    }
                }
                cells[r][c] = total;
            }
        }
    }
    Matrix {
        themes,
        articles,
        cells,
    }
}

/// The passages behind one matrix cell, in reading order.
pub fn cell_passages<'p>(
    project: &'p Project,
    theme: ThemeId,
    article: &ArticleId,
) -> Vec<&'p Passage> {
    let mut out: Vec<&Passage> = project
        .passages
        .values()
        .filter(|p| &p.article == article && p.has_theme(theme))
        .collect();
    out.sort_by_key(|p| (p.start, p.end, p.id));
    out
}

/// Two passages (or one passage with both themes) where two themes meet.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Meeting {
    pub first: PassageId,
    pub second: PassageId,
}

/// Theme co-occurrence: for each pair of themes (a < b), the meetings: one passage coded with
/// both, or two passages of one article, one with each theme, that overlap or share a sentence.
pub fn cooccurrence(
    project: &Project,
    corpus: &Corpus,
) -> BTreeMap<(ThemeId, ThemeId), Vec<Meeting>> {
    // Sentence index ranges each passage touches.
    let mut sentence_spans: BTreeMap<&ArticleId, Vec<(usize, usize)>> = BTreeMap::new();
    for a in corpus.articles() {
        let spans = sentences(&a.text)
            .into_iter()
            .filter_map(|r| Some((a.char_of(r.start)?, a.char_of(r.end)?)))
            .collect();
        sentence_spans.insert(&a.id, spans);
    }
    let touches = |p: &Passage| -> (usize, usize) {
        let Some(spans) = sentence_spans.get(&p.article) else {
            return (usize::MAX, usize::MAX);
        };
        let first = spans.partition_point(|(_, e)| *e <= p.start);
        let last = spans
            .partition_point(|(s, _)| *s < p.end)
            .saturating_sub(1)
            .max(first);
        (first, last)
    };
    // Each article's passages, with the first and last sentence each touches.
    type Touching<'p> = Vec<(&'p Passage, (usize, usize))>;
    let mut by_article: BTreeMap<&ArticleId, Touching> = BTreeMap::new();
    for p in project.passages.values() {
        by_article
            .entry(&p.article)
            .or_default()
            .push((p, touches(p)));
    }
    let mut out: BTreeMap<(ThemeId, ThemeId), BTreeSet<Meeting>> = BTreeMap::new();
    let mut add = |a: ThemeId, b: ThemeId, p: PassageId, q: PassageId| {
        if a == b {
            return;
        }
        let key = if a < b { (a, b) } else { (b, a) };
        let meeting = if p <= q {
            Meeting {
                first: p,
                second: q,
            }
        } else {
            Meeting {
                first: q,
                second: p,
            }
        };
        out.entry(key).or_default().insert(meeting);
    };
    for list in by_article.values() {
        for (i, (p, ps)) in list.iter().enumerate() {
            for a in &p.themes {
                for b in &p.themes {
                    add(*a, *b, p.id, p.id);
                }
            }
            for (q, qs) in &list[i + 1..] {
                let overlap = p.start < q.end && q.start < p.end;
                let known = ps.0 != usize::MAX && qs.0 != usize::MAX;
                let share = known && ps.0 <= qs.1 && qs.0 <= ps.1;
                if overlap || share {
                    for a in &p.themes {
                        for b in &q.themes {
                            add(*a, *b, p.id, q.id);
                        }
                    }
                }
            }
        }
    }
    out.into_iter()
        .map(|(k, v)| (k, v.into_iter().collect()))
        .collect()
}

/// Passages per theme, split by article: theme → (article → count), codebook order.
pub fn frequencies(project: &Project) -> Vec<(ThemeId, BTreeMap<ArticleId, usize>)> {
    project
        .theme_tree()
        .iter()
        .map(|(_, t)| {
            let mut per: BTreeMap<ArticleId, usize> = BTreeMap::new();
            for p in project.passages.values().filter(|p| p.has_theme(t.id)) {
                *per.entry(p.article.clone()).or_insert(0) += 1;
            }
            (t.id, per)
        })
        .collect()
}

/// Passages coded with any (or all) of `themes`, in reading order (article, then position).
pub fn retrieve<'p>(
    project: &'p Project,
    themes: &BTreeSet<ThemeId>,
    all: bool,
) -> Vec<&'p Passage> {
    if themes.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<&Passage> = project
        .passages
        .values()
        .filter(|p| {
            if all {
                themes.iter().all(|t| p.has_theme(*t))
            } else {
                themes.iter().any(|t| p.has_theme(*t))
            }
        })
        .collect();
    out.sort_by(|a, b| (&a.article, a.start, a.end, a.id).cmp(&(&b.article, b.start, b.end, b.id)));
    out
}
