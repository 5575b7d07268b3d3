//! Fuzz target: decoding any bytes as an article (see `decoded_bytes` in `tests/common/invariants.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../common/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| invariants::decoded_bytes(data));
