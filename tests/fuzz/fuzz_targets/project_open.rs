//! Fuzz target: opening any bytes as a project file (see `dossier::invariants::project_text`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| dossier::invariants::project_text(data));
