//! Test binary `actors`. Actors and relations: the gazetteer and rules, the gold sets, edits,
//! sessions, export and the command line.
//!
//! The integration tests are linked into four binaries (`ui`, `figures`, `actors`, `model`),
//! not one per file: each binary links egui and the whole crate, and fifty of them filled a
//! CI machine's disk. Every file under `tests/` is a module of one of them; the `model`
//! binary's `architecture` test fails when a file is left out.

mod common;

mod actors_cli;
mod actors_edits;
mod actors_export;
mod actors_gold;
mod actors_rules;
mod actors_rules_region;
mod actors_seeds;
mod actors_session;
