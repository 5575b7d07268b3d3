//! Fuzz target: opening any bytes as a project file (see `project_text` in `tests/common/invariants.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../common/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| invariants::project_text(data));
