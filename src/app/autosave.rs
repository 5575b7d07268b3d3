//! Autosave and recovery in the app: the recovery copy is written every 30 seconds and when the
//! window loses focus while there are unsaved changes, and at once if the UI panics; the next
//! start offers it back.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::DossierApp;
use crate::context::Slot;
use crate::session::recovery;

/// How often the recovery copy is refreshed while there are unsaved changes.
pub const AUTOSAVE_EVERY: Duration = Duration::from_secs(30);

/// Autosave bookkeeping.
#[derive(Debug)]
pub struct Autosave {
    /// When the recovery copy was last written (or the app started).
    pub last: Instant,
    /// The history state last written to the recovery copy.
    pub state: Option<u64>,
    pub was_focused: bool,
}

impl Default for Autosave {
    fn default() -> Self {
        Self {
            last: Instant::now(),
            state: None,
            was_focused: true,
        }
    }
}

impl DossierApp {
    /// Where this session's recovery copy goes.
    pub fn recovery_path(&self) -> Option<PathBuf> {
        self.session.recovery_path(self.data_dir.as_deref())
    }

    /// Called every frame: write the recovery copy when it is due.
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        let focused = ctx.input(|i| i.viewport().focused).unwrap_or(true);
        let lost_focus = self.autosave.was_focused && !focused;
        self.autosave.was_focused = focused;
        let state = self.session.history().state();
        if !self.session.is_dirty() || self.autosave.state == Some(state) {
            return;
        }
        let due = self.autosave.last.elapsed() >= AUTOSAVE_EVERY;
        // One recovery copy is written at a time; a later one waits for the next frame.
        if self.jobs.is_running(Slot::Recovery) {
            ctx.request_repaint_after(std::time::Duration::from_millis(200));
        } else if due || lost_focus {
            self.write_recovery();
        } else {
            ctx.request_repaint_after(AUTOSAVE_EVERY.saturating_sub(self.autosave.last.elapsed()));
        }
    }

    /// Write the recovery copy on a worker thread.
    pub fn write_recovery(&mut self) {
        let Some(path) = self.recovery_path() else {
            return;
        };
        let project = self.session.project_for_save(&path);
        self.autosave.last = Instant::now();
        self.autosave.state = Some(self.session.history().state());
        self.jobs.write_recovery(project, path);
    }

    /// Write the recovery copy now, on this thread (the UI is about to go down).
    pub fn write_recovery_now(&mut self) -> Option<PathBuf> {
        let path = self.recovery_path()?;
        let project = self.session.project_for_save(&path);
        recovery::write(&project, &path).ok().map(|()| path)
    }

    /// After a project or folder opened: look (on a worker) for a newer recovery copy, to
    /// offer it back.
    pub(super) fn offer_recovery(&mut self) {
        self.jobs.find_recovery(
            self.session.project_path().map(ToOwned::to_owned),
            self.session.corpus().root.clone(),
            self.data_dir.clone(),
        );
    }

    /// The analyst chose to lose the unsaved changes: the recovery copy goes too.
    pub(super) fn discard_recovery(&mut self) {
        if let Some(path) = self.recovery_path() {
            recovery::remove(&path);
        }
        self.autosave.state = None;
    }
}
