//! Auto-tagging: apply a theme to every hit of a search, to the hit itself, its sentence or its
//! paragraph, as one undoable edit. Rules are kept in the project so they can run again when
//! new articles arrive; running a rule twice never makes duplicate passages.

use std::collections::BTreeSet;

use super::search::{Hit, Query, Scope, SearchError, search};
use crate::corpus::{Article, ArticleId, Corpus};
pub use crate::project::rules::{Rule, RuleId, Unit};
use crate::project::{Anchor, Edit, Passage, PassageId, Project, ThemeId, Timestamp};
use crate::text::sentences;

/// What applying a rule would do.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    /// New passages: (article, start, end), sorted, without duplicates.
    pub new: Vec<(ArticleId, usize, usize)>,
    /// Existing passages over exactly a unit, which get the theme added.
    pub extend: Vec<PassageId>,
    /// Units already tagged with the theme.
    pub already: usize,
    pub hits: usize,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.new.is_empty() && self.extend.is_empty()
    }
}

/// The unit around one hit, in code points.
pub fn unit_range(article: &Article, hit: &Hit, unit: Unit) -> (usize, usize) {
    match unit {
        Unit::Hit => (hit.start, hit.end),
        Unit::Sentence => {
            let (Some(a), Some(b)) = (article.byte_of(hit.start), article.byte_of(hit.end)) else {
                return (hit.start, hit.end);
            };
            sentences(&article.text)
                .into_iter()
                .find(|s| s.start <= a && a < s.end.max(s.start + 1))
                .map(|s| (s.start.min(a), s.end.max(b)))
                .and_then(|(s, e)| Some((article.char_of(s)?, article.char_of(e)?)))
                .unwrap_or((hit.start, hit.end))
        }
        Unit::Paragraph => paragraph(article, hit.start, hit.end),
    }
}

/// Paragraphs are separated by blank lines; in an article with none, each line is one.
fn paragraph(article: &Article, start: usize, end: usize) -> (usize, usize) {
    let text = &article.text;
    let (Some(a), Some(b)) = (article.byte_of(start), article.byte_of(end)) else {
        return (start, end);
    };
    let sep = if text.contains("\n\n") { "\n\n" } else { "\n" };
    let from = text[..a].rfind(sep).map_or(0, |p| p + sep.len());
    let to = text[b..].find(sep).map_or(text.len(), |p| b + p);
    // Trim white space inside the paragraph.
    let piece = &text[from..to];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    let (s, e) = (from + lead, to - trail);
    match (article.char_of(s.min(a)), article.char_of(e.max(b))) {
        (Some(s), Some(e)) => (s, e),
        _ => (start, end),
    }
}

/// Work out what tagging every hit of `query` in `scope` with `theme` would do.
pub fn plan(
    corpus: &Corpus,
    project: &Project,
    query: &Query,
    scope: &Scope,
    unit: Unit,
    theme: ThemeId,
) -> Result<Plan, SearchError> {
    let regex = query.compile()?;
    let result = search(corpus, &regex, scope, usize::MAX);
    let mut plan = Plan {
        hits: result.hits.len(),
        ..Plan::default()
    };
    let mut units: BTreeSet<(ArticleId, usize, usize)> = BTreeSet::new();
    for hit in &result.hits {
        let Some(article) = corpus.get(&hit.article) else {
            continue;
        };
        let (s, e) = unit_range(article, hit, unit);
        if s < e {
            units.insert((hit.article.clone(), s, e));
        }
    }
    let mut extend = BTreeSet::new();
    for (article, s, e) in units {
        let existing = project
            .passages
            .values()
            .filter(|p| p.article == article && p.start == s && p.end == e)
            .collect::<Vec<_>>();
        if existing.iter().any(|p| p.has_theme(theme)) {
            plan.already += 1;
        } else if let Some(p) = existing.first() {
            extend.insert(p.id);
        } else {
            plan.new.push((article, s, e));
        }
    }
    plan.extend = extend.into_iter().collect();
    Ok(plan)
}

/// The single undoable edit that carries out a plan.
pub fn edit(
    corpus: &Corpus,
    project: &Project,
    plan: &Plan,
    theme: ThemeId,
    label: String,
    now: &Timestamp,
) -> Edit {
    let mut edits = Vec::new();
    let mut next = project.next_passage_id().0;
    for (article, s, e) in &plan.new {
        let Some(anchor) = corpus.get(article).and_then(|a| Anchor::cut(a, *s, *e)) else {
            continue;
        };
        edits.push(Edit::AddPassage(
            Passage::new(
                PassageId(next),
                article.clone(),
                anchor,
                vec![theme],
                now.clone(),
            )
            .by(project.current_coder),
        ));
        next += 1;
    }
    for id in &plan.extend {
        if let Some(p) = project.passages.get(id) {
            let mut p = p.clone();
            p.themes.push(theme);
            p.themes.sort();
            p.themes.dedup();
            p.modified = now.clone();
            edits.push(Edit::UpdatePassage(p));
        }
    }
    Edit::Batch { label, edits }
}
