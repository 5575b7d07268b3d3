//! Fuzz target: figure extraction on any text (see `figures_of` in `tests/common/invariants.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../common/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| invariants::figures_of(data));
