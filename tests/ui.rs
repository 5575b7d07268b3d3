//! Test binary `ui`. The window, driven headless through egui_kittest: every pane, dialog and
//! shortcut an analyst uses.
//!
//! The integration tests are linked into four binaries (`ui`, `figures`, `actors`, `model`),
//! not one per file: each binary links egui and the whole crate, and fifty of them filled a
//! CI machine's disk. Every file under `tests/` is a module of one of them; the `model`
//! binary's `architecture` test fails when a file is left out.

mod common;

mod ui_charts;
mod ui_codebook;
mod ui_commands;
mod ui_flows;
mod ui_glyphs;
mod ui_hung_dialog;
mod ui_keys;
mod ui_layout;
mod ui_library;
mod ui_network;
mod ui_open;
mod ui_overwrite;
mod ui_reader;
mod ui_recovery;
mod ui_report_query;
mod ui_sample;
mod ui_split;
mod ui_stripes;
mod ui_team;
mod ui_workflow;
