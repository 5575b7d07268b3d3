//! Driving the window in tests: open it on a path (egui_kittest, no display), wait for
//! background work, click at a point, save to a typed path.

use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use dossier::app::{DossierApp, StartOptions};
use egui::Modifiers;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// A window with the folder of its own that it keeps recovery copies in, removed with it.
pub struct Window {
    harness: Harness<'static, DossierApp>,
    _data: tempfile::TempDir,
}

impl Deref for Window {
    type Target = Harness<'static, DossierApp>;
    fn deref(&self) -> &Self::Target {
        &self.harness
    }
}

impl DerefMut for Window {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.harness
    }
}

pub fn open(path: PathBuf) -> Window {
    open_sized(path, [1280.0, 800.0])
}

/// A window of the given size (800×600 is the smallest the layout is made for).
pub fn open_sized(path: PathBuf, size: [f32; 2]) -> Window {
    // Recovery copies of unsaved projects go to a folder of the test's own, removed after it.
    let data = tempfile::tempdir().expect("tempdir");
    let harness = build(path, data.path().to_owned(), size);
    Window {
        harness,
        _data: data,
    }
}

pub fn open_with(path: PathBuf, data_dir: PathBuf) -> Harness<'static, DossierApp> {
    build(path, data_dir, [1280.0, 800.0])
}

fn build(path: PathBuf, data_dir: PathBuf, size: [f32; 2]) -> Harness<'static, DossierApp> {
    let mut harness = Harness::builder().with_size(size).build_eframe(move |cc| {
        DossierApp::new(
            cc,
            StartOptions {
                path: Some(path),
                no_native_dialogs: true,
                data_dir: Some(data_dir),
                max_file_bytes: None,
                ..Default::default()
            },
        )
    });
    settle(&mut harness);
    harness
}

/// Step frames until no background job runs.
pub fn settle(harness: &mut Harness<'static, DossierApp>) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        harness.run_ok();
        if harness.state().is_idle() {
            harness.run_ok();
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the app stayed busy for a minute"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// A left click at a point on the screen.
pub fn click_at(harness: &mut Harness<'static, DossierApp>, pos: egui::Pos2) {
    harness.hover_at(pos);
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run();
}

/// Save as… to a typed path (there is no native dialog in tests).
pub fn save_as(harness: &mut Harness<'static, DossierApp>, target: &Path) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Save as…").click();
    harness.run();
    let field = harness.get_by_label("Path");
    field.focus();
    field.type_text(&target.display().to_string());
    harness.run();
    harness.get_by_label("Save").click();
    settle(harness);
}
