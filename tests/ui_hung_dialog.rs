//! A desktop portal that never answers (egui_kittest): the first Open is not lost; after a
//! few seconds the window says no dialog appeared and offers the typed path. The window runs
//! in a child process whose session bus is a socket that accepts connections and never replies.

use std::os::unix::net::UnixListener;
use std::time::{Duration, Instant};

use dossier::app::{DossierApp, StartOptions};
use dossier::context::UiCommand;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// Runs this binary again, on its own, with the session bus pointed at a socket that accepts
/// connections and never answers (a hung bus or portal): the window test below runs there.
#[test]
fn a_hung_portal_gets_the_typed_path_offered_within_seconds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let socket = dir.path().join("bus");
    let listener = UnixListener::bind(&socket).expect("bind");
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming().flatten() {
            held.push(stream);
        }
    });
    let out = std::process::Command::new(std::env::current_exe().expect("exe"))
        .args([
            "--exact",
            &crate::common::test_name(module_path!(), "inside_the_hung_session"),
            "--nocapture",
        ])
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            format!("unix:path={}", socket.display()),
        )
        .env("DOSSIER_HUNG_BUS", dir.path())
        .env_remove("DOSSIER_NO_DIALOGS")
        .output()
        .expect("run the window test");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("1 passed"), "{text}");
}

/// The window, in the process whose session bus hangs (skipped when run on its own).
#[test]
fn inside_the_hung_session() {
    let Some(data) = std::env::var_os("DOSSIER_HUNG_BUS").map(std::path::PathBuf::from) else {
        return;
    };
    let mut window = Harness::builder()
        .with_size([1000.0, 700.0])
        .build_eframe(move |cc| {
            DossierApp::new(
                cc,
                StartOptions {
                    path: None,
                    no_native_dialogs: false,
                    data_dir: Some(data),
                    max_file_bytes: None,
                    opener: None,
                },
            )
        });
    window.run_ok();
    window.state_mut().push(UiCommand::OpenFolder);
    let asked = Instant::now();
    let mut offered = None;
    while asked.elapsed() < Duration::from_secs(10) {
        window.run_ok();
        if window.query_by_label("Path").is_some() {
            offered = Some(asked.elapsed());
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let offered = offered.expect("the typed path was offered");
    assert!(
        offered >= Duration::from_secs(2),
        "not before the dialog had its chance"
    );
    window.get_by_label_contains("No file dialog has appeared");
    assert!(window.get_by_label("Path").is_focused());
}
