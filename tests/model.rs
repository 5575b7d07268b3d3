//! Test binary `model`. The egui-free core that is not figures or actors: loading and sources,
//! project files and their save guarantees, analysis and queries, teamwork, REFI-QDA, the report,
//! the command line and the fuzz regressions.
//!
//! The integration tests are linked into four binaries (`ui`, `figures`, `actors`, `model`),
//! not one per file: each binary links egui and the whole crate, and fifty of them filled a
//! CI machine's disk. Every file under `tests/` is a module of one of them; the `model`
//! binary's `architecture` test fails when a file is left out.

mod common;

mod agreement;
mod analysis;
mod architecture;
mod cli;
mod codebook_file;
mod corpus_load;
mod crash;
mod fuzz_regressions;
mod hostile;
mod merge;
mod project_file;
mod properties;
mod queries;
mod reanchor;
mod refi_export;
mod refi_import;
mod report;
mod save_guarantees;
mod sources;
mod sources_attributes;
mod sources_cli;
mod sources_fuzz;
mod sources_meta;
