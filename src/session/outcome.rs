//! What applying an intent gives back: what it made or touched (for the UI to select) and
//! what to tell the analyst, or why it could not be done.

use super::Report;
use crate::figures::curation::FigureKey;
use crate::project::coders::CoderError;
use crate::project::{EditError, PassageId, SeriesId};

/// How important a message is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Info,
    Warning,
    Error,
}

/// A message for the analyst.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub level: Level,
    pub text: String,
}

impl Notice {
    pub fn info(text: impl Into<String>) -> Self {
        Self {
            level: Level::Info,
            text: text.into(),
        }
    }

    pub fn warn(text: impl Into<String>) -> Self {
        Self {
            level: Level::Warning,
            text: text.into(),
        }
    }
}

/// What an intent did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    /// The project or the corpus changed.
    pub changed: bool,
    /// The passage the intent made or acted on: the UI selects it.
    pub passage: Option<PassageId>,
    /// The figure the intent added: the UI selects it.
    pub figure: Option<FigureKey>,
    /// The series the intent made or added to: the UI clears its picks.
    pub series: Option<SeriesId>,
    /// Something to tell the analyst.
    pub notice: Option<Notice>,
    /// A report to show in its own window (what an import or a merge did and left out).
    pub report: Option<Report>,
}

impl Outcome {
    pub(super) fn changed() -> Self {
        Self {
            changed: true,
            ..Self::default()
        }
    }

    pub(super) fn unchanged() -> Self {
        Self::default()
    }

    pub(super) fn with_notice(mut self, notice: Notice) -> Self {
        self.notice = Some(notice);
        self
    }
}

/// Why an intent was not carried out. The project and the corpus are unchanged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SessionError {
    /// The project refused the edit.
    #[error("That change could not be made: {0}.")]
    Edit(#[from] EditError),
    #[error(
        "A passage keeps at least one theme. To remove the last one, delete the passage (Delete)."
    )]
    LastTheme,
    /// The intent needs text selected in the reader; the text says which.
    #[error("{0}")]
    NeedsSelection(&'static str),
    #[error("Cannot delete the theme: {0}.")]
    DeleteTheme(EditError),
    /// A figure or series could not be curated.
    #[error("That could not be done: {0}.")]
    Curate(String),
    #[error("Cannot tag the hits: {0}.")]
    TagHits(String),
    #[error("Cannot run the rule: {0}.")]
    Rule(String),
    /// A custom attribute could not be renamed or removed.
    #[error("That attribute change could not be made: {0}.")]
    Attribute(String),
    #[error("Cannot undo: {0}.")]
    Undo(EditError),
    #[error("Cannot redo: {0}.")]
    Redo(EditError),
    #[error("Cannot change the coders: {0}.")]
    Coder(#[from] CoderError),
    /// A codebook or project could not be brought in; the text says why.
    #[error("Cannot import: {0}.")]
    Import(String),
}

impl SessionError {
    /// How the analyst is told: a missing selection is a hint, the rest are errors.
    pub fn level(&self) -> Level {
        match self {
            Self::LastTheme | Self::NeedsSelection(_) | Self::Coder(_) | Self::Import(_) => {
                Level::Warning
            }
            Self::Edit(_)
            | Self::DeleteTheme(_)
            | Self::Curate(_)
            | Self::TagHits(_)
            | Self::Rule(_)
            | Self::Attribute(_)
            | Self::Undo(_)
            | Self::Redo(_) => Level::Error,
        }
    }
}
