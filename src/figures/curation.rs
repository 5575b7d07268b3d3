//! The figures table: what the extractor found merged with what the analyst curated. An
//! extracted figure at the same place as a curated one shows the curated values (value, unit,
//! year, kind), so corrections survive re-extraction; curated figures the extractor no longer
//! finds (and figures added by hand) are listed too. Counts kept as context and figures in a
//! repeated copy of an article's text are hidden unless the filter asks for them.

use std::collections::{BTreeMap, HashMap};

use super::{Figure, Tier, Year};
use crate::corpus::{ArticleId, Corpus};
use crate::project::{FigureId, FigureStatus, Project, SeriesId};

/// Where a figure is: its article and code point range. The key of a table row.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FigureKey {
    pub article: ArticleId,
    pub start: usize,
    pub end: usize,
}

/// The analyst's verdict as the table shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RowStatus {
    Unreviewed,
    Accepted,
    Rejected,
}

/// One row of the figures table.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureRow {
    pub key: FigureKey,
    /// The figure with the analyst's corrections applied.
    pub figure: Figure,
    pub status: RowStatus,
    pub curated: Option<FigureId>,
    pub manual: bool,
    pub corrected: bool,
    pub label: String,
    pub series: Vec<SeriesId>,
}

/// Merge extracted figures with the project's curated ones, in article and text order.
pub fn merge(
    extracted: &BTreeMap<ArticleId, Vec<Figure>>,
    project: &Project,
    corpus: &Corpus,
) -> Vec<FigureRow> {
    let mut curated: HashMap<FigureKey, FigureId> = project
        .figures
        .values()
        .map(|f| {
            (
                FigureKey {
                    article: f.article.clone(),
                    start: f.start,
                    end: f.end,
                },
                f.id,
            )
        })
        .collect();
    let mut rows = Vec::new();
    for (article, figures) in extracted {
        for f in figures {
            let key = FigureKey {
                article: article.clone(),
                start: f.start,
                end: f.end,
            };
            let row = match curated.remove(&key) {
                Some(id) => curated_row(project, id, key, Some(f), corpus),
                None => Some(FigureRow {
                    key,
                    figure: f.clone(),
                    status: RowStatus::Unreviewed,
                    curated: None,
                    manual: false,
                    corrected: false,
                    label: String::new(),
                    series: Vec::new(),
                }),
            };
            rows.extend(row);
        }
    }
    // Curated figures the extractor did not find at their place: kept, never dropped.
    for (key, id) in curated {
        rows.extend(curated_row(project, id, key, None, corpus));
    }
    rows.sort_by(|a, b| a.key.cmp(&b.key));
    rows
}

fn curated_row(
    project: &Project,
    id: FigureId,
    key: FigureKey,
    found: Option<&Figure>,
    corpus: &Corpus,
) -> Option<FigureRow> {
    let c = project.figures.get(&id)?;
    let sentence = found
        .map(|f| f.sentence)
        .or_else(|| {
            corpus
                .get(&c.article)
                .and_then(|a| sentence_around(&a.text, &a.index, c.start, c.end))
        })
        .unwrap_or((c.start, c.end));
    Some(FigureRow {
        key,
        figure: Figure {
            start: c.start,
            end: c.end,
            text: c.quote.clone(),
            value: c.value,
            unit: c.unit.clone(),
            year: c.year,
            qualifier: found.and_then(|f| f.qualifier.clone()),
            sentence,
            kind: c.kind,
            tier: found.map_or(Tier::Core, |f| f.tier),
            repeat: found.is_some_and(|f| f.repeat),
            year_inferred: found
                .filter(|_| c.year.is_none())
                .map_or(Year::None, |f| f.year_inferred),
        },
        status: match c.status {
            FigureStatus::Accepted => RowStatus::Accepted,
            FigureStatus::Rejected => RowStatus::Rejected,
        },
        curated: Some(id),
        manual: c.manual,
        corrected: c.is_corrected(),
        label: c.label.clone(),
        series: project.series_of(id),
    })
}

/// The code point range of the context of `start..end` as the extractor gives it: its
/// sentence, or a bounded window around it in a long sentence.
pub fn sentence_around(
    text: &str,
    index: &crate::corpus::TextIndex,
    start: usize,
    end: usize,
) -> Option<(usize, usize)> {
    let (a, b) = (index.byte_of(text, start)?, index.byte_of(text, end)?);
    let s = super::extract::bounded_sentences(text)
        .into_iter()
        .find(|s| s.start <= a && b <= s.end)
        .map_or(a..b, |s| super::extract::window(text, &s, &(a..b)));
    Some((index.char_of(text, s.start)?, index.char_of(text, s.end)?))
}

/// A filter over the table.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FigureFilter {
    pub unit: Option<String>,
    pub year: Option<i32>,
    pub article: Option<ArticleId>,
    pub text: String,
    pub status: Option<RowStatus>,
    /// Also show counts kept as context ("the two nations").
    pub show_context: bool,
    /// Also show figures in a repeated copy of an article's text.
    pub show_repeats: bool,
}

impl FigureFilter {
    pub fn matches(&self, row: &FigureRow, sentence: &str) -> bool {
        let year_ok = self.year.is_none_or(|y| match row.figure.year {
            Year::None => false,
            Year::Point(p) => p == y,
            Year::Range(a, b) => a.is_none_or(|a| a <= y) && b.is_none_or(|b| y <= b),
        });
        let needle = self.text.trim().to_lowercase();
        let shown = (self.show_context || row.figure.tier != Tier::Context)
            && (self.show_repeats || !row.figure.repeat || row.curated.is_some());
        shown
            && self.unit.as_ref().is_none_or(|u| &row.figure.unit == u)
            && year_ok
            && self.article.as_ref().is_none_or(|a| &row.key.article == a)
            && self.status.is_none_or(|s| s == row.status)
            && (needle.is_empty()
                || sentence.to_lowercase().contains(&needle)
                || row.label.to_lowercase().contains(&needle)
                || row.figure.text.to_lowercase().contains(&needle))
    }
}

/// Columns the table can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortBy {
    Place,
    Value,
    Unit,
    Year,
    Kind,
    Status,
}

/// The order of two rows by a column; ties keep article and text order.
pub fn compare_rows(
    a: &FigureRow,
    b: &FigureRow,
    by: SortBy,
    descending: bool,
) -> std::cmp::Ordering {
    let o = match by {
        SortBy::Place => a.key.cmp(&b.key),
        SortBy::Value => a.figure.value.total_cmp(&b.figure.value),
        SortBy::Unit => a.figure.unit.cmp(&b.figure.unit),
        SortBy::Year => a.figure.year.key().cmp(&b.figure.year.key()),
        SortBy::Kind => a.figure.kind.cmp(&b.figure.kind),
        SortBy::Status => a.status.cmp(&b.status),
    };
    let o = if descending { o.reverse() } else { o };
    o.then_with(|| a.key.cmp(&b.key))
}
