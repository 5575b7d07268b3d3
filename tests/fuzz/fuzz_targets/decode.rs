//! Fuzz target: decoding any bytes as an article (see `dossier::invariants::decoded_bytes`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| dossier::invariants::decoded_bytes(data));
