//! The analyst's curation of figures: accepted or rejected extracted figures, corrections of
//! their value, unit, year or kind, labels, figures added by hand, and named series of figures.

use serde::{Deserialize, Serialize};

use super::model::{Anchor, Rgb};
use super::time::Timestamp;
use crate::corpus::ArticleId;
use crate::figure_types::{Kind, Year};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FigureId(pub u64);

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SeriesId(pub u64);

/// The analyst's verdict on a figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FigureStatus {
    Accepted,
    Rejected,
}

/// What the extractor said about a figure, kept when the analyst corrects it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Extracted {
    pub value: f64,
    pub unit: String,
    pub year: Year,
    /// Absent in files written before kinds existed: those figures were all read as actual.
    #[serde(default, skip_serializing_if = "Kind::is_actual")]
    pub kind: Kind,
}

/// A figure the analyst has looked at (or added).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CuratedFigure {
    pub id: FigureId,
    pub article: ArticleId,
    /// Code point offsets, as for passages.
    pub start: usize,
    pub end: usize,
    /// The figure's text when it was curated, and its context, to find it again.
    pub quote: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
    pub status: FigureStatus,
    pub value: f64,
    pub unit: String,
    pub year: Year,
    /// Actual, target or forecast; absent (actual) in files written before kinds existed.
    #[serde(default, skip_serializing_if = "Kind::is_actual")]
    pub kind: Kind,
    #[serde(default)]
    pub label: String,
    /// Added by the analyst, not found by the extractor.
    #[serde(default)]
    pub manual: bool,
    /// The extractor's reading, when it differs from the values above (a correction).
    #[serde(default)]
    pub extracted: Option<Extracted>,
    pub created: Timestamp,
    pub modified: Timestamp,
}

impl CuratedFigure {
    /// A curated copy of what the extractor found.
    pub fn from_extracted(
        id: FigureId,
        article: ArticleId,
        f: &Extracted,
        anchor: Anchor,
        status: FigureStatus,
        now: Timestamp,
    ) -> Self {
        Self {
            id,
            article,
            start: anchor.start,
            end: anchor.end,
            quote: anchor.quote,
            prefix: anchor.prefix,
            suffix: anchor.suffix,
            status,
            value: f.value,
            unit: f.unit.clone(),
            year: f.year,
            kind: f.kind,
            label: String::new(),
            manual: false,
            extracted: None,
            created: now.clone(),
            modified: now,
        }
    }

    /// Put the figure on a new anchor in `article` (its quote and context come with it).
    pub fn set_anchor(&mut self, article: ArticleId, anchor: Anchor) {
        self.article = article;
        self.start = anchor.start;
        self.end = anchor.end;
        self.quote = anchor.quote;
        self.prefix = anchor.prefix;
        self.suffix = anchor.suffix;
    }

    /// Has the analyst changed the value, unit, year or kind the extractor gave?
    pub fn is_corrected(&self) -> bool {
        self.extracted.as_ref().is_some_and(|e| {
            e.value != self.value
                || e.unit != self.unit
                || e.year != self.year
                || e.kind != self.kind
        })
    }
}

/// A named series of figures with one unit, for plotting.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Series {
    pub id: SeriesId,
    pub name: String,
    pub unit: String,
    pub color: Rgb,
    /// In the order the analyst added them; plots sort by year.
    pub figures: Vec<FigureId>,
    #[serde(default)]
    pub note: String,
}
