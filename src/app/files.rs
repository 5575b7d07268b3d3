//! Opening, saving and choosing files: the question about unsaved changes before the open
//! project is replaced, native or typed file dialogs, and saves — one at a time, a second one
//! waiting for the first, so they can never finish out of order.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::DossierApp;
use super::exports::with_extension;
use super::jobs::start_dir;
use crate::context::{Dialog, DialogKind, FileCommand, Pending, Slot};
use crate::session::save::{SaveCheck, save_target};

/// A dialog that closes faster than this most likely never appeared.
pub(super) const DIALOG_MIN: Duration = Duration::from_millis(250);
/// How long a native file dialog may take to appear before the typed path is offered.
pub(super) const DIALOG_PATIENCE: Duration = Duration::from_secs(3);

impl DossierApp {
    pub(super) fn file_command(&mut self, command: FileCommand) {
        match command {
            FileCommand::OpenPath(path) => self.guard(Pending::OpenPath(path)),
            FileCommand::ExportSeries(id) => self.show_dialog(DialogKind::ExportSeries(id)),
            FileCommand::ExportPlot => self.show_dialog(DialogKind::ExportPlot),
            FileCommand::ExportTable(what) => {
                self.pending_export = Some(what);
                self.show_dialog(DialogKind::ExportAnalysis);
            }
            FileCommand::OpenSource(id) => match self.session.corpus().get(&id) {
                Some(article) => self.jobs.open_source(article.path.clone()),
                None => self.notes.warn(format!(
                    "The article is not in the loaded folder, so it has no file to open — {id}"
                )),
            },
        }
    }

    /// Run `pending` now, or first ask about unsaved changes.
    pub(super) fn guard(&mut self, pending: Pending) {
        if self.session.is_dirty() && !matches!(pending, Pending::Dialog(DialogKind::SaveProject)) {
            self.dialog = Some(Dialog::Unsaved(pending));
        } else {
            self.perform(pending);
        }
    }

    pub(super) fn perform(&mut self, pending: Pending) {
        match pending {
            Pending::OpenPath(path) => self.jobs.open_path(path),
            Pending::Dialog(kind) => self.show_dialog(kind),
            Pending::TypedPath => {
                self.dialog = Some(Dialog::TypedPath {
                    kind: DialogKind::OpenProject,
                    text: String::new(),
                    reason: None,
                });
            }
            Pending::Quit => {
                self.allow_close = true;
                self.jobs.cancel_loads();
                self.quit_requested = true;
            }
        }
    }

    /// Ask for a file: in a native dialog (on a worker thread), or typed where none can be
    /// shown.
    pub(super) fn show_dialog(&mut self, kind: DialogKind) {
        if self.dialogs_available {
            if self.jobs.is_running(Slot::FileDialog) {
                // A dialog asked for before has not come back: do not wait behind it.
                self.typed_path_fallback(
                    kind,
                    "A file dialog is still open or did not appear; type the path instead.",
                );
                return;
            }
            let start = start_dir(self.session.project_path());
            self.jobs.dialog(kind, start);
            self.waiting_dialog = Some((kind, std::time::Instant::now()));
        } else {
            self.typed_path_fallback(
                kind,
                "No file dialog can be shown on this system (no desktop portal or zenity was found).",
            );
        }
    }

    /// No native dialog has come back a few seconds after it was asked for: it may be slow or
    /// broken (a hung portal never returns), so offer the typed path beside it, once.
    pub(super) fn offer_typed_path_when_no_dialog(&mut self) {
        let Some((kind, asked)) = self.waiting_dialog else {
            return;
        };
        if asked.elapsed() < DIALOG_PATIENCE || self.dialog.is_some() {
            return;
        }
        self.waiting_dialog = None;
        self.typed_path_fallback(
            kind,
            "No file dialog has appeared after 3 seconds. Type the path here (if the dialog \
             appears later, its answer is used).",
        );
    }

    pub(super) fn typed_path_fallback(&mut self, kind: DialogKind, reason: &str) {
        let text = match (kind, self.session.project_path()) {
            (DialogKind::SaveProject, Some(p)) => p.display().to_string(),
            _ => String::new(),
        };
        self.dialog = Some(Dialog::TypedPath {
            kind,
            text,
            reason: Some(reason.to_owned()),
        });
    }

    /// The native file dialog closed: with a path, or cancelled (or it never showed).
    pub(super) fn file_dialog_closed(
        &mut self,
        kind: DialogKind,
        path: Option<PathBuf>,
        elapsed: Duration,
    ) {
        let offered = self.waiting_dialog.take().is_none();
        let typing = matches!(self.dialog, Some(Dialog::TypedPath { kind: k, .. }) if k == kind);
        match path {
            // The dialog came after all: its answer wins over the typed path offered meanwhile.
            Some(path) => {
                if offered && typing {
                    self.dialog = None;
                }
                // A native save dialog asks before it returns an existing file.
                if kind.saves() {
                    self.confirmed_replace = Some(path.clone());
                }
                self.dialog_chosen(kind, path);
            }
            // Cancelled late while the analyst types the path: leave that be.
            None if offered && typing => {}
            None if elapsed < DIALOG_MIN => self.typed_path_fallback(
                kind,
                "The file dialog closed at once; if none appeared, this system cannot show one.",
            ),
            None => self.after_save = None,
        }
    }

    /// A path was chosen in a dialog (native or typed) for `kind`.
    pub(super) fn dialog_chosen(&mut self, kind: DialogKind, path: PathBuf) {
        let confirmed = self.confirmed_replace.take();
        let path = match kind.extension() {
            Some(ext) => match self.export_target(kind, with_extension(path, ext), confirmed) {
                Some(path) => path,
                None => return,
            },
            None => path,
        };
        match kind {
            DialogKind::OpenFolder | DialogKind::OpenProject => self.jobs.open_path(path),
            DialogKind::SaveProject => self.save_to(path),
            DialogKind::ExportSeries(id) => self.export_series(id, path),
            DialogKind::ExportPlot => self.export_plot(path),
            DialogKind::ExportAnalysis => self.export_analysis(path),
            DialogKind::ExportQdpx => self.export_qdpx(path),
            DialogKind::ExportQdc => self.export_qdc(path),
            DialogKind::ExportReport => self.export_report(path),
            DialogKind::ImportQdpx => self.jobs.read_qdpx(path),
            DialogKind::ImportQdc => self.jobs.read_codebook(path),
            DialogKind::MergeProject => self.plan_merge(path),
        }
    }

    pub(super) fn save(&mut self) {
        match self.session.project_path() {
            Some(path) if is_sample(path) => {
                self.notes
                    .info("The sample project stays as shipped: choose a file for your copy.");
                self.show_dialog(DialogKind::SaveProject);
            }
            Some(path) => self.save_to(path.to_owned()),
            None => self.show_dialog(DialogKind::SaveProject),
        }
    }

    /// Save to `path` on a worker thread (the copy is taken now). While another save runs,
    /// this one waits for it (the newest waiting save wins); saves never overlap.
    pub(super) fn save_to(&mut self, path: PathBuf) {
        self.save_checked(path, false);
    }

    /// [`Self::save_to`]; with `overwrite`, the project's own file is replaced even when
    /// another window or program wrote it since (the analyst said so).
    pub(super) fn save_checked(&mut self, path: PathBuf, overwrite: bool) {
        let path = save_target(path);
        if is_sample(&path) {
            self.notes.error(format!(
                "The sample project is not saved over: choose another file — {}",
                path.display()
            ));
            self.show_dialog(DialogKind::SaveProject);
            return;
        }
        if self.jobs.is_running(Slot::Save) {
            self.queued_save = Some(path);
            return;
        }
        let project = self.session.project_for_save(&path);
        let check = SaveCheck {
            current: self.session.project_path().map(ToOwned::to_owned),
            stamp: self.session.disk_stamp().cloned(),
            overwrite,
        };
        let recovery = self.recovery_path();
        let state = self.session.history().state();
        self.jobs.save(project, path, state, check, recovery);
    }

    /// A save finished: start the one that waited for it, if any.
    pub(super) fn start_queued_save(&mut self) {
        if let Some(path) = self.queued_save.take() {
            self.save_to(path);
        }
    }

    pub(super) fn handle_close_request(&mut self, ctx: &egui::Context) {
        if self.quit_requested {
            self.quit_requested = false;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if ctx.input(|i| i.viewport().close_requested())
            && !self.allow_close
            && self.session.is_dirty()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::Unsaved(Pending::Quit));
        }
    }

    pub(super) fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.queue.send(FileCommand::OpenPath(path));
        }
    }
}

/// The file name of the sample project shipped beside the seeds.
pub(super) const SAMPLE: &str = crate::session::recovery::SAMPLE_NAME;

/// The sample project: in the working folder, beside the executable, or in the source tree
/// Dossier was built from (the first found).
pub(super) fn sample_project() -> Option<PathBuf> {
    let mut candidates = Vec::new();
    if let Ok(dir) = std::env::current_dir() {
        candidates.push(dir.join(SAMPLE));
    }
    if let Some(dir) = std::env::current_exe()
        .ok()
        .and_then(|e| e.parent().map(Path::to_owned))
    {
        candidates.push(dir.join(SAMPLE));
    }
    candidates.push(Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE));
    candidates.into_iter().find(|p| p.is_file())
}

/// Is `path` the shipped sample project (which is never saved over)?
fn is_sample(path: &Path) -> bool {
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE);
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    };
    path.file_name().is_some_and(|n| n == SAMPLE)
        && (same(path, &shipped) || sample_project().is_some_and(|s| same(path, &s)))
}
