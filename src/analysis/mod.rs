//! Search and analysis over the corpus and the analyst's passages: text and regex search,
//! auto-tagging rules, theme × article counts, theme co-occurrence, frequencies and retrieval,
//! inter-coder agreement, coding queries.
//! No egui here.

pub mod agreement;
pub mod agreement_coeffs;
pub mod agreement_disagreements;
pub mod agreement_unitizing;
pub mod autotag;
pub mod by_attribute;
pub mod export;
pub mod matrix;
pub mod query;
pub mod search;

pub use search::{Hit, Query, Scope, SearchError, SearchResult, search};
