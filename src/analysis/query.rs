//! Coding queries, as NVivo and MAXQDA users know them: where theme A's passages meet theme
//! B's (overlapping text, within N characters, in the same paragraph), A's passages that touch
//! no B passage, each optionally only in articles whose attribute has a given value. The
//! result is a list of hits (article, code point span, text) that the Queries tab shows and
//! that can be saved as a new theme (one undoable step; see `CodebookIntent::SaveQuery`).

use std::collections::{BTreeMap, BTreeSet};

use super::by_attribute::{Filter, matches};
use crate::corpus::{Article, ArticleId, Corpus};
use crate::project::{Passage, Project, ThemeId};

/// How theme A's passages must relate to theme B's.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Relation {
    /// Every passage of A.
    Any,
    /// The text coded with both A and B: each stretch where an A passage and a B passage
    /// overlap (a passage coded with both is such a stretch).
    Overlaps(ThemeId),
    /// A's passages with a B passage at most `chars` code points away in the same article
    /// (overlapping ones included).
    Near { theme: ThemeId, chars: usize },
    /// A's passages that share a paragraph with a B passage (paragraphs are separated by blank
    /// lines, or by line breaks in an article without blank lines).
    SameParagraph(ThemeId),
    /// A's passages that overlap no B passage.
    Without(ThemeId),
}

impl Relation {
    /// Theme B, if the relation has one.
    pub fn other(&self) -> Option<ThemeId> {
        match self {
            Self::Any => None,
            Self::Overlaps(b) | Self::SameParagraph(b) | Self::Without(b) => Some(*b),
            Self::Near { theme, .. } => Some(*theme),
        }
    }
}

/// Only articles whose attribute `key` has the value `value` (compared ignoring case).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct AttributeIs {
    pub key: String,
    pub value: String,
}

/// A coding query: theme A, how its passages relate to theme B, and an optional condition on
/// the articles.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CodingQuery {
    pub theme: ThemeId,
    pub relation: Relation,
    pub attribute: Option<AttributeIs>,
}

/// One stretch of text a query found.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct QueryHit {
    pub article: ArticleId,
    /// Code point offsets into the article.
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl CodingQuery {
    /// A short name for the query, such as "Arms sales & Rivalry (country = Peru)": the name a
    /// theme saved from it gets unless the analyst gives another.
    pub fn describe(&self, project: &Project) -> String {
        let name = |id: ThemeId| {
            project
                .theme(id)
                .map_or("?", |t| t.name.as_str())
                .to_owned()
        };
        let a = name(self.theme);
        let mut text = match &self.relation {
            Relation::Any => a,
            Relation::Overlaps(b) => format!("{a} & {}", name(*b)),
            Relation::Near { theme, chars } => format!("{a} near {} ({chars})", name(*theme)),
            Relation::SameParagraph(b) => format!("{a} in a paragraph with {}", name(*b)),
            Relation::Without(b) => format!("{a} without {}", name(*b)),
        };
        if let Some(c) = &self.attribute {
            text.push_str(&format!(" ({} = {})", c.key, c.value));
        }
        text
    }
}

/// The passages of themes A and B, by article, each list in reading order.
type ByArticle<'p> = BTreeMap<&'p ArticleId, (Vec<&'p Passage>, Vec<&'p Passage>)>;

fn by_article(project: &Project, a: ThemeId, b: Option<ThemeId>) -> ByArticle<'_> {
    let mut out: ByArticle<'_> = BTreeMap::new();
    for p in project.passages.values() {
        if p.has_theme(a) {
            out.entry(&p.article).or_default().0.push(p);
        }
        if b.is_some_and(|b| p.has_theme(b)) {
            out.entry(&p.article).or_default().1.push(p);
        }
    }
    for (a, b) in out.values_mut() {
        a.sort_by_key(|p| (p.start, p.end, p.id));
        b.sort_by_key(|p| (p.start, p.end, p.id));
    }
    out
}

/// Code points between two spans (0 when they overlap or touch).
fn gap(a: &Passage, b: &Passage) -> usize {
    if b.start >= a.end {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// The char offsets where the article's paragraphs start (the first is 0).
fn paragraph_starts(article: &Article) -> Vec<usize> {
    let text = &article.text;
    let sep = if text.contains("\n\n") { "\n\n" } else { "\n" };
    let mut starts = vec![0];
    starts.extend(
        text.match_indices(sep)
            .filter_map(|(at, _)| article.char_of(at + sep.len())),
    );
    starts
}

/// The paragraphs (indices) a passage lies in.
fn paragraphs_of(starts: &[usize], p: &Passage) -> (usize, usize) {
    let index = |at: usize| starts.partition_point(|s| *s <= at).saturating_sub(1);
    (index(p.start), index(p.end.saturating_sub(1).max(p.start)))
}

/// Merge overlapping or touching spans (sorted first).
fn merge_spans(mut spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    spans.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (s, e) in spans {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// The spans of one article that the query finds.
fn spans_in(
    relation: &Relation,
    article: Option<&Article>,
    a: &[&Passage],
    b: &[&Passage],
) -> Vec<(usize, usize)> {
    let whole = |p: &&Passage| (p.start, p.end);
    match relation {
        Relation::Any => a.iter().map(whole).collect(),
        Relation::Overlaps(_) => merge_spans(
            a.iter()
                .flat_map(|x| {
                    b.iter()
                        .filter(move |y| x.overlaps(y.start, y.end))
                        .map(move |y| (x.start.max(y.start), x.end.min(y.end)))
                })
                .collect(),
        ),
        Relation::Near { chars, .. } => a
            .iter()
            .filter(|x| b.iter().any(|y| gap(x, y) <= *chars))
            .map(whole)
            .collect(),
        Relation::SameParagraph(_) => {
            let Some(article) = article else {
                return Vec::new();
            };
            let starts = paragraph_starts(article);
            a.iter()
                .filter(|x| {
                    let (s, e) = paragraphs_of(&starts, x);
                    b.iter().any(|y| {
                        let (t, f) = paragraphs_of(&starts, y);
                        s <= f && t <= e
                    })
                })
                .map(whole)
                .collect()
        }
        Relation::Without(_) => a
            .iter()
            .filter(|x| !b.iter().any(|y| x.overlaps(y.start, y.end)))
            .map(whole)
            .collect(),
    }
}

/// The text of a hit: from the article, else from the A passage it lies in.
fn hit_text(article: Option<&Article>, a: &[&Passage], start: usize, end: usize) -> String {
    if let Some(text) = article.and_then(|x| x.slice(start, end)) {
        return text.to_owned();
    }
    a.iter()
        .find(|p| p.start <= start && end <= p.end)
        .map(|p| {
            p.quote
                .chars()
                .skip(start - p.start)
                .take(end - start)
                .collect()
        })
        .unwrap_or_default()
}

/// Run `query`: its hits, by article and place, without repeats.
pub fn run(project: &Project, corpus: &Corpus, query: &CodingQuery) -> Vec<QueryHit> {
    let mut hits = BTreeSet::new();
    for (id, (a, b)) in by_article(project, query.theme, query.relation.other()) {
        let article = corpus.get(id);
        if let Some(c) = &query.attribute {
            let filter = Filter::Is(c.value.clone());
            if !article.is_some_and(|x| matches(&project.attributes, x, &c.key, &filter)) {
                continue;
            }
        }
        for (start, end) in spans_in(&query.relation, article, &a, &b) {
            if start < end {
                hits.insert(QueryHit {
                    article: id.clone(),
                    start,
                    end,
                    text: hit_text(article, &a, start, end),
                });
            }
        }
    }
    hits.into_iter().collect()
}
