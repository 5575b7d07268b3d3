//! Re-anchoring a whole project after articles changed: every passage and curated figure whose
//! text no longer sits at its offsets is placed again (see [`super::anchor`]). The result is one
//! undoable edit plus a report; orphans keep their old offsets and are listed for the analyst.

use std::collections::BTreeMap;

use super::anchor::{Haystack, Placement, Target};
use super::edit::Edit;
use super::figures::FigureId;
use super::model::{Anchor, PassageId, Project};
use crate::corpus::{ArticleId, Corpus};

/// Where each passage and figure that needed placing went.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reanchored {
    pub passages: Vec<(PassageId, Placement)>,
    pub figures: Vec<(FigureId, Placement)>,
}

/// Counts for the report shown after opening.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub exact: usize,
    pub moved: usize,
    pub fuzzy: usize,
    pub orphaned: usize,
}

impl Counts {
    fn add(&mut self, p: Placement) {
        match p {
            Placement::Exact => self.exact += 1,
            Placement::Moved { .. } => self.moved += 1,
            Placement::Fuzzy { .. } => self.fuzzy += 1,
            Placement::Orphan => self.orphaned += 1,
        }
    }

    pub fn changed(&self) -> usize {
        self.moved + self.fuzzy + self.orphaned
    }
}

impl Reanchored {
    pub fn passage_counts(&self) -> Counts {
        let mut c = Counts::default();
        for (_, p) in &self.passages {
            c.add(*p);
        }
        c
    }

    pub fn figure_counts(&self) -> Counts {
        let mut c = Counts::default();
        for (_, p) in &self.figures {
            c.add(*p);
        }
        c
    }

    /// Nothing moved, nothing lost.
    pub fn is_quiet(&self) -> bool {
        self.passage_counts().changed() == 0 && self.figure_counts().changed() == 0
    }

    /// The passages that could not be placed.
    pub fn orphaned_passages(&self) -> impl Iterator<Item = PassageId> + '_ {
        self.passages
            .iter()
            .filter(|(_, p)| *p == Placement::Orphan)
            .map(|(id, _)| *id)
    }

    /// A one-line summary for a notification.
    pub fn summary(&self) -> String {
        let p = self.passage_counts();
        let f = self.figure_counts();
        let mut s = format!(
            "Passages: {} in place, {} moved, {} re-anchored fuzzily, {} orphaned.",
            p.exact, p.moved, p.fuzzy, p.orphaned
        );
        if !self.figures.is_empty() {
            s.push_str(&format!(
                " Figures: {} in place, {} moved, {} fuzzily, {} orphaned.",
                f.exact, f.moved, f.fuzzy, f.orphaned
            ));
        }
        s
    }
}

/// Place every passage and curated figure of the articles in `only` (all when `None`) against
/// the corpus. Articles missing from the corpus are left out (their passages are reported as
/// missing elsewhere).
pub fn reanchor(project: &Project, corpus: &Corpus, only: Option<&[ArticleId]>) -> Reanchored {
    let wanted = |a: &ArticleId| only.is_none_or(|list| list.contains(a));
    let mut by_article: BTreeMap<&ArticleId, (Vec<PassageId>, Vec<FigureId>)> = BTreeMap::new();
    for p in project.passages.values().filter(|p| wanted(&p.article)) {
        by_article.entry(&p.article).or_default().0.push(p.id);
    }
    for f in project.figures.values().filter(|f| wanted(&f.article)) {
        by_article.entry(&f.article).or_default().1.push(f.id);
    }
    let mut out = Reanchored::default();
    for (article_id, (passages, figures)) in by_article {
        let Some(article) = corpus.get(article_id) else {
            continue;
        };
        let hay = Haystack::new(article);
        for id in passages {
            let Some(p) = project.passages.get(&id) else {
                continue;
            };
            let t = Target {
                start: p.start,
                end: p.end,
                quote: &p.quote,
                prefix: &p.prefix,
                suffix: &p.suffix,
            };
            out.passages.push((id, hay.locate(&t)));
        }
        for id in figures {
            let Some(f) = project.figures.get(&id) else {
                continue;
            };
            let t = Target {
                start: f.start,
                end: f.end,
                quote: &f.quote,
                prefix: &f.prefix,
                suffix: &f.suffix,
            };
            out.figures.push((id, hay.locate(&t)));
        }
    }
    out
}

/// The edit that moves passages and figures to where they were found (their quote and context
/// are taken from the new text). `None` when nothing moves.
pub fn edit(project: &Project, corpus: &Corpus, found: &Reanchored) -> Option<Edit> {
    let mut edits = Vec::new();
    for (id, placement) in &found.passages {
        let (Some(p), Some((s, e))) = (project.passages.get(id), moved_to(*placement)) else {
            continue;
        };
        let Some(anchor) = corpus.get(&p.article).and_then(|a| Anchor::cut(a, s, e)) else {
            continue;
        };
        let mut p = p.clone();
        p.set_anchor(p.article.clone(), anchor);
        edits.push(Edit::UpdatePassage(p));
    }
    for (id, placement) in &found.figures {
        let (Some(f), Some((s, e))) = (project.figures.get(id), moved_to(*placement)) else {
            continue;
        };
        let Some(anchor) = corpus.get(&f.article).and_then(|a| Anchor::cut(a, s, e)) else {
            continue;
        };
        let mut f = f.clone();
        f.set_anchor(f.article.clone(), anchor);
        edits.push(Edit::UpsertFigure(f));
    }
    (!edits.is_empty()).then(|| Edit::Batch {
        label: format!(
            "re-anchor {} passage(s) and figure(s) in changed articles",
            edits.len()
        ),
        edits,
    })
}

fn moved_to(p: Placement) -> Option<(usize, usize)> {
    match p {
        Placement::Moved { start, end } | Placement::Fuzzy { start, end, .. } => Some((start, end)),
        Placement::Exact | Placement::Orphan => None,
    }
}
