//! Plain-text utilities shared by the corpus and the analyses: finding an article's text
//! repeated within itself ([`repeats`]). No egui here; offsets are byte offsets into the text.

pub mod repeats;
