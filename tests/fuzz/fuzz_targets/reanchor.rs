//! Fuzz target: placing a quote in any text (see `dossier::invariants::placement`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| dossier::invariants::placement(data));
