//! Fuzz target: figure extraction on any text (see `figures_of` in
//! `tests/common/invariants.rs`): offsets, finite values, bounded windows of context, and
//! years proposed only where the text states none.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../common/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| invariants::figures_of(data));
