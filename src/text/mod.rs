//! Plain-text utilities shared by the extractors and the analyses: splitting text into
//! sentences ([`sentences`]) and finding an article's text repeated within itself
//! ([`repeats`]), a fast hasher for maps of words ([`fast_hash`]), and an index of ranges by
//! the offsets they cover ([`intervals`]). No egui here; offsets are byte offsets into the text unless a function says
//! otherwise.

pub mod bounded;
pub mod fast_hash;
pub mod intervals;
pub mod repeats;
pub mod sentences;

pub use bounded::bounded_sentences;
pub use intervals::Intervals;
pub use repeats::{Repeat, repeats};
pub use sentences::sentences;
