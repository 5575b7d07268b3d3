//! Helpers shared by the integration tests: the bundled seeds, temporary folders, the crash
//! test's project states and the invariants the fuzz targets check.
#![allow(dead_code, reason = "each test binary uses a part of these helpers")]

pub mod invariants;
pub mod stress;
pub mod ui;

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use dossier::corpus::{Corpus, LoadOptions, LoadReport, load_folder};

pub fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

pub fn load(dir: &Path) -> (Corpus, LoadReport) {
    load_with(dir, &LoadOptions::default())
}

pub fn load_with(dir: &Path, options: &LoadOptions) -> (Corpus, LoadReport) {
    load_folder(dir, options, &mut |_| {}, &AtomicBool::new(false)).expect("the folder loads")
}

pub fn load_seeds() -> Corpus {
    load(&seeds_dir()).0
}

pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

/// Copy the seed articles into `dest` (an existing folder), to edit them in a test.
pub fn copy_seeds(dest: &Path) {
    for entry in std::fs::read_dir(seeds_dir()).expect("seeds") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), dest.join(entry.file_name())).expect("copy");
    }
}

/// A test's name as libtest's `--exact` wants it: `module_path!()` without the binary's name,
/// then the function (`model::crash` and `save_loop` → `crash::save_loop`). Tests that run a
/// test of their own binary in a child process use it.
pub fn test_name(module_path: &str, function: &str) -> String {
    match module_path.split_once("::") {
        Some((_, module)) => format!("{module}::{function}"),
        None => function.to_owned(),
    }
}
