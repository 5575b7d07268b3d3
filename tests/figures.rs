//! Test binary `figures`. Figures: the gold lists of the seeds and the probe sets, curation, and
//! hostile text.
//!
//! The integration tests are linked into four binaries (`ui`, `figures`, `actors`, `model`),
//! not one per file: each binary links egui and the whole crate, and fifty of them filled a
//! CI machine's disk. Every file under `tests/` is a module of one of them; the `model`
//! binary's `architecture` test fails when a file is left out.

mod common;
mod figures_support;

mod figures_curation;
mod figures_gold;
mod figures_hostile;
mod figures_probes;
