//! Fuzz target: converting any bytes as a ODT file (see
//! `dossier::corpus::formats::check_any_bytes`): no panic, no hang; any text that comes out
//! has no CR, no BOM and is not blank.
#![no_main]

use dossier::corpus::formats::{Format, check_any_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| check_any_bytes(Format::Odt, data));
