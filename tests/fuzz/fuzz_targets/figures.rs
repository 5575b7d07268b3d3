//! Fuzz target: figure extraction on any text (see `dossier::invariants::figures_of`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| dossier::invariants::figures_of(data));
