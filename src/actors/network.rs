//! The network of actors: nodes sized by mentions, edges weighted by the sentences that tie two
//! actors, filtered by theme, year, article and kind, optionally folded into countries (a person
//! or body counts for its country). Also the actor × actor matrix and the figures of each
//! supplier → buyer pair summed by year.

use std::collections::{BTreeMap, BTreeSet};

use super::relations::Relation;
use super::{Actor, ActorId, ActorKind, Resolved};
use crate::corpus::ArticleId;
use crate::figures::Figure;
use crate::project::{FigureStatus, Project, ThemeId};

/// Which relations and actors the network shows. The default shows everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NetworkFilter {
    /// Only relations in sentences overlapping a passage with this theme.
    pub theme: Option<ThemeId>,
    /// Only articles whose year is in this range (inclusive); articles without a year are left
    /// out when a range is set.
    pub years: Option<(i32, i32)>,
    /// Only these articles.
    pub articles: Option<BTreeSet<ArticleId>>,
    /// Only actors of these kinds (after folding into countries).
    pub kinds: Option<BTreeSet<ActorKind>>,
    /// Count a person or body for its country.
    pub by_country: bool,
    /// Keep only the edges of the this many actors with the most mentions.
    pub top: Option<usize>,
}

impl NetworkFilter {
    fn keeps(&self, r: &Relation) -> bool {
        self.theme.is_none_or(|t| r.themes.contains(&t))
            && self
                .years
                .is_none_or(|(a, b)| r.year.is_some_and(|y| (a..=b).contains(&y)))
            && self
                .articles
                .as_ref()
                .is_none_or(|s| s.contains(&r.article))
    }
}

/// A node: an actor and how often the (filtered) articles mention it.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub actor: Actor,
    pub mentions: usize,
}

/// An edge: the sentences that tie two actors.
#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    /// `a` < `b`.
    pub a: ActorId,
    pub b: ActorId,
    /// Distinct sentences.
    pub sentences: usize,
    /// Sentences that give a direction a → b, and b → a.
    pub a_to_b: usize,
    pub b_to_a: usize,
    /// Sentences by relation type ("training", "theme", …).
    pub types: BTreeMap<String, usize>,
    pub themes: BTreeMap<ThemeId, usize>,
    /// Indexes into the relation list the network was built from, for "show the sentences".
    pub relations: Vec<usize>,
}

impl Edge {
    /// "directed" when every directed sentence points one way, else "undirected".
    pub fn direction(&self) -> Option<(&ActorId, &ActorId)> {
        match (self.a_to_b, self.b_to_a) {
            (n, 0) if n > 0 => Some((&self.a, &self.b)),
            (0, n) if n > 0 => Some((&self.b, &self.a)),
            _ => None,
        }
    }
}

/// Nodes sorted by id, edges by (a, b).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Network {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

/// The country actor a person or body counts for when folding (itself if none).
fn fold_to_country(resolved: &Resolved, id: &ActorId, by_country: bool) -> ActorId {
    if !by_country {
        return id.clone();
    }
    match resolved.actor(id) {
        Some(a) if a.kind != ActorKind::Country => a
            .country
            .as_ref()
            .map(|c| ActorId(c.clone()))
            .unwrap_or_else(|| id.clone()),
        _ => id.clone(),
    }
}

/// A country actor made up for folding when no mention names the country itself.
fn country_actor(id: &ActorId) -> Actor {
    let name = super::lexicon::lexicon()
        .entry_by_id(id.as_str())
        .map_or_else(|| id.0.clone(), |e| e.name.clone());
    Actor {
        id: id.clone(),
        name,
        kind: ActorKind::Country,
        country: Some(id.0.clone()),
        org: None,
    }
}

impl Network {
    /// Build the network of `relations` (as returned by [`super::relations::relations`]).
    pub fn build(resolved: &Resolved, relations: &[Relation], filter: &NetworkFilter) -> Self {
        let fold = |id: &ActorId| fold_to_country(resolved, id, filter.by_country);
        let actor = |id: &ActorId| {
            resolved
                .actor(id)
                .cloned()
                .unwrap_or_else(|| country_actor(id))
        };
        let kind_ok = |id: &ActorId| {
            filter
                .kinds
                .as_ref()
                .is_none_or(|k| k.contains(&actor(id).kind))
        };
        // Mentions in the articles the filter keeps.
        let mut mentions: BTreeMap<ActorId, usize> = BTreeMap::new();
        let article_ok = |a: &ArticleId| filter.articles.as_ref().is_none_or(|s| s.contains(a));
        for (article, list) in &resolved.mentions {
            if !article_ok(article) {
                continue;
            }
            for m in list {
                *mentions.entry(fold(&m.actor)).or_insert(0) += 1;
            }
        }
        let keep: Option<BTreeSet<ActorId>> = filter.top.map(|n| {
            let mut by_count: Vec<(&ActorId, &usize)> = mentions.iter().collect();
            by_count.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            by_count
                .into_iter()
                .take(n)
                .map(|(id, _)| id.clone())
                .collect()
        });
        let mut edges: BTreeMap<(ActorId, ActorId), Edge> = BTreeMap::new();
        // One count per sentence and pair, whatever folding merged.
        let mut seen: BTreeSet<(ArticleId, usize, ActorId, ActorId)> = BTreeSet::new();
        for (n, r) in relations.iter().enumerate() {
            if !filter.keeps(r) {
                continue;
            }
            let (fa, fb) = (fold(&r.a), fold(&r.b));
            if fa == fb || !kind_ok(&fa) || !kind_ok(&fb) {
                continue;
            }
            if keep
                .as_ref()
                .is_some_and(|k| !k.contains(&fa) || !k.contains(&fb))
            {
                continue;
            }
            let (a, b, forward) = if fa < fb {
                (fa, fb, true)
            } else {
                (fb, fa, false)
            };
            let e = edges.entry((a.clone(), b.clone())).or_insert_with(|| Edge {
                a: a.clone(),
                b: b.clone(),
                sentences: 0,
                a_to_b: 0,
                b_to_a: 0,
                types: BTreeMap::new(),
                themes: BTreeMap::new(),
                relations: Vec::new(),
            });
            e.relations.push(n);
            if !seen.insert((r.article.clone(), r.start, a, b)) {
                continue;
            }
            e.sentences += 1;
            if r.directed {
                if forward {
                    e.a_to_b += 1;
                } else {
                    e.b_to_a += 1;
                }
            }
            *e.types.entry(r.kind.clone()).or_insert(0) += 1;
            for t in &r.themes {
                *e.themes.entry(*t).or_insert(0) += 1;
            }
        }
        let mut ids: BTreeSet<ActorId> = BTreeSet::new();
        for e in edges.values() {
            ids.insert(e.a.clone());
            ids.insert(e.b.clone());
        }
        let nodes = ids
            .into_iter()
            .map(|id| Node {
                mentions: mentions.get(&id).copied().unwrap_or(0),
                actor: actor(&id),
            })
            .collect();
        Network {
            nodes,
            edges: edges.into_values().collect(),
        }
    }

    /// The actor × actor matrix of sentence counts, rows and columns by mentions (most first).
    pub fn matrix(&self) -> (Vec<ActorId>, Vec<Vec<usize>>) {
        let mut order: Vec<&Node> = self.nodes.iter().collect();
        order.sort_by(|a, b| {
            b.mentions
                .cmp(&a.mentions)
                .then(a.actor.id.cmp(&b.actor.id))
        });
        let ids: Vec<ActorId> = order.iter().map(|n| n.actor.id.clone()).collect();
        let index: BTreeMap<&ActorId, usize> =
            ids.iter().enumerate().map(|(i, id)| (id, i)).collect();
        let mut cells = vec![vec![0; ids.len()]; ids.len()];
        for e in &self.edges {
            if let (Some(&i), Some(&j)) = (index.get(&e.a), index.get(&e.b)) {
                cells[i][j] = e.sentences;
                cells[j][i] = e.sentences;
            }
        }
        (ids, cells)
    }

    pub fn node(&self, id: &ActorId) -> Option<&Node> {
        self.nodes
            .binary_search_by(|n| n.actor.id.cmp(id))
            .ok()
            .map(|i| &self.nodes[i])
    }
}

/// The accepted figures of one supplier → buyer pair, in one unit, summed by year.
#[derive(Clone, Debug, PartialEq)]
pub struct PairFigures {
    pub source: ActorId,
    pub target: ActorId,
    pub unit: String,
    /// Year (`None`: the figure has none) → sum of values.
    pub by_year: BTreeMap<Option<i32>, f64>,
    /// The figures summed: article and code point range.
    pub figures: Vec<(ArticleId, usize, usize)>,
}

/// Relation types whose figures are amounts passing from source to target.
const FLOW_TYPES: &[&str] = &[
    "sale",
    "purchase",
    "supply",
    "delivery",
    "funding",
    "assistance",
];

/// Every figure stated in the sentences of one supplier → buyer pair's flow relations (sale,
/// supply, funding…), in one unit as extracted, each once, in article and text order.
#[derive(Clone, Debug, PartialEq)]
pub struct PairFlow {
    pub source: ActorId,
    pub target: ActorId,
    pub unit: String,
    pub figures: Vec<(ArticleId, Figure)>,
}

/// The figures of directed supplier → buyer relations, grouped by pair and unit (actors
/// folded into their countries when `by_country`), each figure once per pair.
pub fn pair_flows(resolved: &Resolved, relations: &[Relation], by_country: bool) -> Vec<PairFlow> {
    let mut out: BTreeMap<(ActorId, ActorId, String), PairFlow> = BTreeMap::new();
    let mut counted: BTreeSet<(ActorId, ActorId, ArticleId, usize, usize)> = BTreeSet::new();
    for r in relations
        .iter()
        .filter(|r| r.directed && FLOW_TYPES.contains(&r.kind.as_str()))
    {
        let (s, t) = (
            fold_to_country(resolved, &r.a, by_country),
            fold_to_country(resolved, &r.b, by_country),
        );
        if s == t {
            continue;
        }
        for f in &r.figures {
            if !counted.insert((s.clone(), t.clone(), r.article.clone(), f.start, f.end)) {
                continue;
            }
            out.entry((s.clone(), t.clone(), f.unit.clone()))
                .or_insert_with(|| PairFlow {
                    source: s.clone(),
                    target: t.clone(),
                    unit: f.unit.clone(),
                    figures: Vec::new(),
                })
                .figures
                .push((r.article.clone(), f.clone()));
        }
    }
    out.into_values().collect()
}

/// Figures in the sentences of directed supplier → buyer relations, counted once per figure and
/// pair, kept only when the analyst accepted them (with their corrected values), summed by year.
pub fn figures_by_pair(
    resolved: &Resolved,
    relations: &[Relation],
    project: &Project,
    by_country: bool,
) -> Vec<PairFigures> {
    let mut out: BTreeMap<(ActorId, ActorId, String), PairFigures> = BTreeMap::new();
    for flow in pair_flows(resolved, relations, by_country) {
        for (article, f) in &flow.figures {
            let Some(c) = accepted(project, article, f) else {
                continue;
            };
            let entry = out
                .entry((flow.source.clone(), flow.target.clone(), c.unit.clone()))
                .or_insert_with(|| PairFigures {
                    source: flow.source.clone(),
                    target: flow.target.clone(),
                    unit: c.unit.clone(),
                    by_year: BTreeMap::new(),
                    figures: Vec::new(),
                });
            *entry.by_year.entry(c.year.key()).or_insert(0.0) += c.value;
            entry.figures.push((article.clone(), f.start, f.end));
        }
    }
    out.into_values().collect()
}

/// The analyst's accepted reading of a figure, if they accepted it.
fn accepted<'p>(
    project: &'p Project,
    article: &ArticleId,
    f: &Figure,
) -> Option<&'p crate::project::CuratedFigure> {
    project
        .figure_at(article, f.start, f.end)
        .filter(|c| c.status == FigureStatus::Accepted)
}
