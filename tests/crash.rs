//! Crash safety: a process saving a growing project in a loop is killed with SIGKILL at random
//! moments, over and over. After every kill the project file must parse and be exactly one of
//! the states that were saved.

mod common;

use std::process::{Command, Stdio};
use std::time::Duration;

use dossier::cli::stress::stress_state;
use dossier::project::{format, io};

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
        let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .arg("stress-save")
            .arg(&path)
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
