//! Dossier: a desktop workbench for analysts who study a corpus of news articles.
//!
//! The model layers (`corpus`, `project`) never depend on egui; `app` and `ui` read the model
//! and change it only through [`project::Edit`] commands applied after each frame.

pub mod analysis;
pub mod app;
pub mod cli;
pub mod corpus;
pub mod figure_types;
pub mod figures;
pub mod interop;
pub mod invariants;
pub mod project;
pub mod text;
pub mod ui;
