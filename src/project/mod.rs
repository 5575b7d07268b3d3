//! The analyst's project: codebook, passages, the file format, saving and undo. No egui here.

pub mod actors;
pub mod anchor;
pub mod attributes;
pub mod codebook;
pub mod coders;
pub mod colours;
pub mod converted;
pub mod edit;
pub mod figures;
pub mod format;
pub mod history;
pub mod io;
pub mod merge;
pub mod model;
pub mod output;
pub mod reanchor;
pub mod rules;
pub mod stamp;
pub mod status;
pub mod theme_keys;
pub mod theme_merge;
pub mod theme_order;
pub mod time;

pub use coders::{Coder, CoderId};
pub use edit::{Edit, EditError};
pub use figures::{CuratedFigure, Extracted, FigureId, FigureStatus, Series, SeriesId};
pub use format::{Opened, ProjectError};
pub use history::History;
pub use model::{Anchor, ArticleRecord, Passage, PassageId, Project, Rgb, Theme, ThemeId};
pub use stamp::FileStamp;
pub use status::{PassageProblem, check_figures, check_passages};
pub use time::Timestamp;
