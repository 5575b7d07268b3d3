//! Turning the analyst's curation of figures into undoable project edits: accept, reject,
//! correct, add by hand, and group into series.

use super::curation::{FigureKey, FigureRow, RowStatus};
use super::{Figure, Kind, Year, extract};
use crate::corpus::{Article, Corpus};
use crate::project::{
    Anchor, CuratedFigure, Edit, Extracted, FigureId, FigureStatus, Project, Rgb, Series, SeriesId,
    Timestamp,
};

/// Why a curation could not be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CurateError {
    #[error("the article {0} is not loaded")]
    NoArticle(String),
    #[error("the figure's place no longer fits its article")]
    BadRange,
    #[error("pick at least one figure")]
    NothingPicked,
    #[error("a series has one unit, but the picked figures have {0}")]
    MixedUnits(String),
    #[error("the figures are “{found}”, but the series is in “{series}”")]
    WrongUnit { found: String, series: String },
    #[error("no number was found in the selected text")]
    NoNumber,
    #[error("a series needs a name")]
    NoName,
}

/// Ids handed out within one edit, so that several new figures do not collide.
struct Ids {
    next: u64,
}

impl Ids {
    fn new(project: &Project) -> Self {
        Self {
            next: project.next_figure_id().0,
        }
    }

    fn take(&mut self) -> FigureId {
        self.next += 1;
        FigureId(self.next - 1)
    }
}

fn article<'c>(corpus: &'c Corpus, key: &FigureKey) -> Result<&'c Article, CurateError> {
    corpus
        .get(&key.article)
        .ok_or_else(|| CurateError::NoArticle(key.article.to_string()))
}

/// The curated record for a row: the existing one, or a new one made from the extraction.
fn record(
    project: &Project,
    corpus: &Corpus,
    row: &FigureRow,
    ids: &mut Ids,
    now: &Timestamp,
) -> Result<CuratedFigure, CurateError> {
    if let Some(c) = row.curated.and_then(|id| project.figures.get(&id)) {
        return Ok(c.clone());
    }
    let a = article(corpus, &row.key)?;
    let anchor = Anchor::cut(a, row.key.start, row.key.end).ok_or(CurateError::BadRange)?;
    Ok(CuratedFigure::from_extracted(
        ids.take(),
        row.key.article.clone(),
        &extracted(&row.figure),
        anchor,
        FigureStatus::Accepted,
        now.clone(),
    ))
}

/// Accept or reject figures, or (with `None`) send them back to unreviewed. Figures that are
/// in a series, corrected or added by hand keep their record when sent back; the others lose it.
pub fn set_status(
    project: &Project,
    corpus: &Corpus,
    rows: &[&FigureRow],
    status: Option<FigureStatus>,
    now: &Timestamp,
) -> Result<Edit, CurateError> {
    if rows.is_empty() {
        return Err(CurateError::NothingPicked);
    }
    let mut ids = Ids::new(project);
    let mut edits = Vec::new();
    for row in rows {
        match status {
            Some(s) => {
                let mut f = record(project, corpus, row, &mut ids, now)?;
                if row.curated.is_some() && f.status == s {
                    continue;
                }
                f.status = s;
                f.modified = now.clone();
                edits.push(Edit::UpsertFigure(f));
            }
            None => {
                let Some(c) = row.curated.and_then(|id| project.figures.get(&id)) else {
                    continue;
                };
                if c.manual || c.is_corrected() || !row.series.is_empty() || !c.label.is_empty() {
                    let mut f = c.clone();
                    f.status = FigureStatus::Accepted;
                    f.modified = now.clone();
                    edits.push(Edit::UpsertFigure(f));
                } else {
                    edits.push(Edit::RemoveFigure(c.id));
                }
            }
        }
    }
    let label = match status {
        Some(FigureStatus::Accepted) => format!("accept {} figure(s)", rows.len()),
        Some(FigureStatus::Rejected) => format!("reject {} figure(s)", rows.len()),
        None => format!("unreview {} figure(s)", rows.len()),
    };
    Ok(Edit::Batch { label, edits })
}

/// What the extractor said about a figure, as the project keeps it.
pub fn extracted(f: &Figure) -> Extracted {
    Extracted {
        value: f.value,
        unit: f.unit.clone(),
        year: f.year,
        kind: f.kind,
    }
}

/// The values the analyst gives a figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Correction {
    pub value: f64,
    pub unit: String,
    pub year: Year,
    /// Actual, target or forecast.
    pub kind: Kind,
    pub label: String,
}

/// Correct a figure's value, unit, year or kind, or label it. The figure is accepted; the
/// extractor's reading is kept so the correction shows and survives re-extraction.
pub fn correct(
    project: &Project,
    corpus: &Corpus,
    row: &FigureRow,
    to: &Correction,
    now: &Timestamp,
) -> Result<Edit, CurateError> {
    let mut ids = Ids::new(project);
    let mut f = record(project, corpus, row, &mut ids, now)?;
    if f.extracted.is_none() && !f.manual {
        f.extracted = Some(extracted(&row.figure));
    }
    f.value = to.value;
    f.unit = to.unit.trim().to_owned();
    f.year = to.year;
    f.kind = to.kind;
    f.label = to.label.trim().to_owned();
    f.status = FigureStatus::Accepted;
    f.modified = now.clone();
    Ok(Edit::UpsertFigure(f))
}

/// The one unit all rows share.
fn shared_unit(rows: &[&FigureRow]) -> Result<String, CurateError> {
    let mut units: Vec<&str> = rows.iter().map(|r| r.figure.unit.as_str()).collect();
    units.sort_unstable();
    units.dedup();
    match units.as_slice() {
        [] => Err(CurateError::NothingPicked),
        [one] => Ok((*one).to_owned()),
        many => Err(CurateError::MixedUnits(many.join(", "))),
    }
}

/// A new series of the rows (accepted as they go in).
pub fn new_series(
    project: &Project,
    corpus: &Corpus,
    rows: &[&FigureRow],
    name: &str,
    color: Rgb,
    now: &Timestamp,
) -> Result<Edit, CurateError> {
    if name.trim().is_empty() {
        return Err(CurateError::NoName);
    }
    let unit = shared_unit(rows)?;
    let mut ids = Ids::new(project);
    let mut edits = Vec::new();
    let mut members = Vec::new();
    for row in rows {
        let mut f = record(project, corpus, row, &mut ids, now)?;
        if !members.contains(&f.id) {
            members.push(f.id);
        }
        if row.curated.is_none() || f.status != FigureStatus::Accepted {
            f.status = FigureStatus::Accepted;
            f.modified = now.clone();
            edits.push(Edit::UpsertFigure(f));
        }
    }
    let series = Series {
        id: project.next_series_id(),
        name: name.trim().to_owned(),
        unit,
        color,
        figures: members,
        note: String::new(),
    };
    edits.push(Edit::UpsertSeries(series));
    Ok(Edit::Batch {
        label: format!("new series “{}”", name.trim()),
        edits,
    })
}

/// Add rows to an existing series (they must have its unit).
pub fn add_to_series(
    project: &Project,
    corpus: &Corpus,
    rows: &[&FigureRow],
    series: SeriesId,
    now: &Timestamp,
) -> Result<Edit, CurateError> {
    let mut s = project
        .series_by_id(series)
        .cloned()
        .ok_or(CurateError::NothingPicked)?;
    let unit = shared_unit(rows)?;
    if unit != s.unit {
        return Err(CurateError::WrongUnit {
            found: unit,
            series: s.unit,
        });
    }
    let mut ids = Ids::new(project);
    let mut edits = Vec::new();
    for row in rows {
        let mut f = record(project, corpus, row, &mut ids, now)?;
        if row.curated.is_none() || f.status != FigureStatus::Accepted {
            f.status = FigureStatus::Accepted;
            f.modified = now.clone();
            edits.push(Edit::UpsertFigure(f.clone()));
        }
        if !s.figures.contains(&f.id) {
            s.figures.push(f.id);
        }
    }
    let label = format!("add {} figure(s) to “{}”", rows.len(), s.name);
    edits.push(Edit::UpsertSeries(s));
    Ok(Edit::Batch { label, edits })
}

/// A figure the extractor missed, from text the analyst selected in an article. The selection
/// is read with the extractor (in its sentence, for the year); failing that, its first number.
pub fn manual_figure(
    project: &Project,
    article: &Article,
    start: usize,
    end: usize,
    now: &Timestamp,
) -> Result<Edit, CurateError> {
    let anchor = Anchor::cut(article, start, end).ok_or(CurateError::BadRange)?;
    let sentence = super::curation::sentence_around(&article.text, &article.index, start, end);
    let found: Option<Figure> = sentence.and_then(|(s, e)| {
        let text = article.slice(s, e)?;
        extract(text)
            .into_iter()
            .map(|mut f| {
                f.start += s;
                f.end += s;
                f
            })
            .find(|f| f.start < end && start < f.end)
    });
    let (value, unit, year, kind) = match found {
        Some(f) => (f.value, f.unit, f.year, f.kind),
        None => {
            let number: String = anchor
                .quote
                .chars()
                .skip_while(|c| !c.is_ascii_digit())
                .take_while(|c| c.is_ascii_digit() || matches!(c, ',' | '.'))
                .collect();
            let value = super::extract::parse_digits(number.trim_end_matches(['.', ',']), false)
                .ok_or(CurateError::NoNumber)?;
            (value, String::new(), Year::None, Kind::Actual)
        }
    };
    let figure = CuratedFigure {
        id: project.next_figure_id(),
        article: article.id.clone(),
        start: anchor.start,
        end: anchor.end,
        quote: anchor.quote,
        prefix: anchor.prefix,
        suffix: anchor.suffix,
        status: FigureStatus::Accepted,
        value,
        unit,
        year,
        kind,
        label: String::new(),
        manual: true,
        extracted: None,
        created: now.clone(),
        modified: now.clone(),
    };
    Ok(Edit::Batch {
        label: "add figure".into(),
        edits: vec![Edit::UpsertFigure(figure)],
    })
}

/// Remove a series (its figures stay curated).
pub fn delete_series(project: &Project, id: SeriesId) -> Option<Edit> {
    project.series_by_id(id).map(|s| Edit::Batch {
        label: format!("delete series “{}”", s.name),
        edits: vec![Edit::RemoveSeries(id)],
    })
}

/// How many rows have each status.
pub fn status_counts(rows: &[FigureRow]) -> [usize; 3] {
    let mut counts = [0; 3];
    for r in rows {
        counts[match r.status {
            RowStatus::Unreviewed => 0,
            RowStatus::Accepted => 1,
            RowStatus::Rejected => 2,
        }] += 1;
    }
    counts
}
