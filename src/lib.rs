//! Dossier: a desktop workbench for analysts who study a corpus of news articles.
//!
//! Layers, each using only the ones before it (docs/architecture.md):
//! 1. the model, no egui: `corpus`, `project`, `figures`, `analysis`, `interop`, `actors`;
//! 2. `session`, no egui: the open corpus and project, changed only by [`session::Session::apply`];
//! 3. `context`: what the panes and the app share (commands and their catalogue, the selection);
//! 4. `ui`: the panes and dialogs, which read a session and ask with commands;
//! 5. `app`: the window, which applies the commands after each frame and runs background work;
//!    and `cli`, the command line, which opens the window or runs a headless command.

pub mod actor_types;
pub mod actors;
pub mod analysis;
pub mod app;
pub mod cli;
pub mod context;
pub mod corpus;
pub mod figure_types;
pub mod figures;
pub mod interop;
pub mod project;
pub mod session;
pub mod text;
pub mod ui;
