//! Search and analysis over the corpus and the analyst's passages: text and regex search,
//! auto-tagging rules, theme × article counts, theme co-occurrence, frequencies and retrieval.
//! No egui here.

pub mod autotag;
pub mod export;
pub mod matrix;
pub mod search;

pub use search::{Hit, Query, Scope, SearchError, SearchResult, search};
