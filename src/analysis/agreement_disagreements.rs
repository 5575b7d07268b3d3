//! Where two coders disagree, side by side: the stretches of an article where their passages
//! overlap (directly or through a chain of overlaps) and their themes differ somewhere, with
//! each coder's passages there. This is the list the Agreement tab shows under the table.
//!
//! Time O(P log P) for P passages of the two coders.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::agreement_unitizing::{Units, normalise};
use crate::corpus::ArticleId;
use crate::project::{CoderId, Passage, PassageId, Project, ThemeId};

/// One coder's passage in a disagreement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PassageView {
    pub id: PassageId,
    pub start: usize,
    pub end: usize,
    pub themes: Vec<ThemeId>,
    pub quote: String,
}

/// A stretch where two coders' coding differs: coder A's passages beside coder B's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SideBySide {
    pub article: ArticleId,
    pub start: usize,
    pub end: usize,
    /// The themes on which the two coders' code points differ in this stretch.
    pub themes: Vec<ThemeId>,
    pub a: Vec<PassageView>,
    pub b: Vec<PassageView>,
}

fn view(p: &Passage, themes: &[ThemeId]) -> PassageView {
    PassageView {
        id: p.id,
        start: p.start,
        end: p.end,
        themes: themes.to_vec(),
        quote: p.quote.clone(),
    }
}

/// Each theme's code point runs of a set of passages.
fn runs(passages: &[(&Passage, Vec<ThemeId>)]) -> BTreeMap<ThemeId, Units> {
    let mut out: BTreeMap<ThemeId, Units> = BTreeMap::new();
    for (p, themes) in passages {
        for t in themes {
            out.entry(*t)
                .or_default()
                .push((p.start as u64, p.end as u64));
        }
    }
    for r in out.values_mut() {
        *r = normalise(std::mem::take(r), u64::MAX);
    }
    out
}

/// The disagreements of coders `a` and `b` in `articles`, on `themes` (all when `None`), in
/// article and reading order.
pub fn disagreements(
    project: &Project,
    a: CoderId,
    b: CoderId,
    articles: &[ArticleId],
    themes: Option<&[ThemeId]>,
) -> Vec<SideBySide> {
    let wanted_articles: BTreeSet<&ArticleId> = articles.iter().collect();
    let wanted_themes: Option<BTreeSet<ThemeId>> = themes.map(|t| t.iter().copied().collect());
    // (passage, its compared themes, is it coder A's) per article.
    type Entry<'a> = (&'a Passage, Vec<ThemeId>, bool);
    let mut by_article: BTreeMap<&ArticleId, Vec<Entry>> = BTreeMap::new();
    for p in project.passages.values() {
        if (p.coder != a && p.coder != b) || !wanted_articles.contains(&p.article) {
            continue;
        }
        let kept: Vec<ThemeId> = p
            .themes
            .iter()
            .copied()
            .filter(|t| wanted_themes.as_ref().is_none_or(|w| w.contains(t)))
            .collect();
        if !kept.is_empty() && p.start < p.end {
            by_article
                .entry(&p.article)
                .or_default()
                .push((p, kept, p.coder == a));
        }
    }
    let mut out = Vec::new();
    for (article, mut list) in by_article {
        list.sort_by_key(|(p, _, _)| (p.start, p.end, p.id));
        let mut cluster: Vec<Entry> = Vec::new();
        let mut end = 0;
        for entry in list {
            if !cluster.is_empty() && entry.0.start >= end {
                out.extend(judge(article, std::mem::take(&mut cluster)));
            }
            end = if cluster.is_empty() {
                entry.0.end
            } else {
                end.max(entry.0.end)
            };
            cluster.push(entry);
        }
        out.extend(judge(article, cluster));
    }
    out
}

/// A cluster of overlapping passages is a disagreement when the two coders' runs of some
/// theme differ.
fn judge(article: &ArticleId, cluster: Vec<(&Passage, Vec<ThemeId>, bool)>) -> Option<SideBySide> {
    let first = cluster.first()?;
    let start = first.0.start;
    let end = cluster.iter().map(|(p, _, _)| p.end).max().unwrap_or(start);
    let side = |mine: bool| -> Vec<(&Passage, Vec<ThemeId>)> {
        cluster
            .iter()
            .filter(|(_, _, is_a)| *is_a == mine)
            .map(|(p, t, _)| (*p, t.clone()))
            .collect()
    };
    let (pa, pb) = (side(true), side(false));
    let (ra, rb) = (runs(&pa), runs(&pb));
    let all: BTreeSet<ThemeId> = ra.keys().chain(rb.keys()).copied().collect();
    let differing: Vec<ThemeId> = all.into_iter().filter(|t| ra.get(t) != rb.get(t)).collect();
    (!differing.is_empty()).then(|| SideBySide {
        article: article.clone(),
        start,
        end,
        themes: differing,
        a: pa.iter().map(|(p, t)| view(p, t)).collect(),
        b: pb.iter().map(|(p, t)| view(p, t)).collect(),
    })
}
