//! Crash safety: a process saving a growing project in a loop is killed with SIGKILL at random
//! moments, over and over. After every kill the project file must parse and be exactly one of
//! the states that were saved. The saving process is this test binary itself, run again on its
//! ignored save-loop test (so no command of the product exists only for this test).

use crate::common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::common::stress::stress_state;
use dossier::project::{format, io};

/// Set (to the project's path) in the child process that runs [`save_loop_until_killed`].
const SAVE_LOOP_PATH: &str = "DOSSIER_CRASH_TEST_SAVE_LOOP";

/// The child's work: save states 1, 2, 3, … of [`stress_state`] until killed. Ignored, and a
/// no-op unless started by [`a_killed_save_never_leaves_a_broken_project`].
#[test]
#[ignore = "the crash test runs it in a child process and kills it"]
fn save_loop_until_killed() {
    let Some(path) = std::env::var_os(SAVE_LOOP_PATH) else {
        return;
    };
    let path = Path::new(&path);
    let mut k = 1;
    loop {
        io::save(&stress_state(k), path).expect("the save loop saves");
        k = if k >= 3000 { 1 } else { k + 1 };
    }
}

#[cfg(unix)]
#[test]
fn a_killed_save_never_leaves_a_broken_project() {
    let dir = common::tempdir();
    let path = dir.path().join("project.json");
    let mut seed: u64 = 0x5eed;
    let mut rand = |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    let (mut kills, mut checked, mut backups_checked) = (0, 0, 0);
    let mut largest = 0;
    for _ in 0..220 {
        let mut child = Command::new(std::env::current_exe().expect("the test binary"))
            .args([
                "--exact",
                &common::test_name(module_path!(), "save_loop_until_killed"),
                "--ignored",
                "--nocapture",
            ])
            .env(SAVE_LOOP_PATH, &path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the binary starts");
        std::thread::sleep(Duration::from_millis(5 + rand(60)));
        child.kill().expect("SIGKILL"); // Child::kill sends SIGKILL on Unix
        child.wait().expect("reaped");
        kills += 1;
        if !path.exists() {
            continue; // killed before the first save finished: nothing to check
        }
        let text = std::fs::read_to_string(&path).expect("readable");
        let opened = io::open(&path)
            .unwrap_or_else(|e| panic!("after kill {kills}, the project does not open: {e}"));
        let k = opened.project.passages.len();
        assert_eq!(
            text,
            format::to_json(&stress_state(k)),
            "after kill {kills}, the file is not saved state {k}"
        );
        largest = largest.max(k);
        checked += 1;
        // The backups are whole saved states too (a kill once left an emptied one).
        for n in 1..=3 {
            let bak = io::backup_path(&path, n);
            if let Ok(text) = std::fs::read_to_string(&bak) {
                let opened = io::open(&bak).unwrap_or_else(|e| {
                    panic!("after kill {kills}, backup {n} does not open: {e}")
                });
                let k = opened.project.passages.len();
                assert_eq!(text, format::to_json(&stress_state(k)), "backup {n}");
                backups_checked += 1;
            }
        }
    }
    eprintln!(
        "{kills} kills, {checked} files and {backups_checked} backups checked, largest state {largest} passages"
    );
    assert!(kills >= 200);
    assert!(
        checked >= 150,
        "most kills came after a first save ({checked})"
    );
    assert!(largest > 5, "kills landed during later, larger saves too");
}
