//! Regression tests from fuzzing: every input in `tests/data/fuzz/<target>/` (crashes fuzzing
//! found, and awkward inputs written by hand) is checked with the same invariants as the fuzz
//! target of that name (`tests/common/invariants.rs`).

use std::path::Path;

use crate::common::invariants;

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/fuzz")
        .join(target);
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| {
            let path = e.expect("entry").path();
            (
                path.display().to_string(),
                std::fs::read(&path).expect("read"),
            )
        })
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no inputs for {target}");
    out
}

fn check(target: &str, invariant: fn(&[u8])) {
    for (name, data) in inputs(target) {
        let outcome = std::panic::catch_unwind(|| invariant(&data));
        assert!(outcome.is_ok(), "{name} breaks the {target} invariants");
    }
}

#[test]
fn project_inputs() {
    check("project_open", invariants::project_text);
}

#[test]
fn decode_inputs() {
    check("decode", invariants::decoded_bytes);
}

#[test]
fn figures_inputs() {
    check("figures", invariants::figures_of);
}

#[test]
fn reanchor_inputs() {
    check("reanchor", invariants::placement);
}
