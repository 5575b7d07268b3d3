//! Fuzz target: placing a quote in any text (see `placement` in `tests/common/invariants.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../common/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| invariants::placement(data));
