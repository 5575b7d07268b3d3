//! Taking in finished background work: a loaded folder or project becomes the new session, a
//! save marks the project saved, search results and previews go to their panes, changed
//! articles go to the session, and every failure reaches the analyst.

use std::path::PathBuf;
use std::time::Duration;

use super::DossierApp;
use super::jobs::{JobOutput, LoadPurpose};
use crate::context::Dialog;
use crate::corpus::LoadError;
use crate::project::{Opened, io};
use crate::session::Level;
use crate::session::save::SaveError;
use crate::session::{CorpusIntent, FileIntent, LoadedCorpus, Session};

impl DossierApp {
    pub(super) fn poll_jobs(&mut self) {
        for output in self.jobs.poll() {
            self.take_job_output(output);
        }
    }

    fn take_job_output(&mut self, output: JobOutput) {
        let ctx = self.jobs.context();
        match output {
            JobOutput::FolderLoaded {
                folder,
                purpose,
                result,
                elapsed,
            } => self.folder_loaded(folder, purpose, result, elapsed),
            JobOutput::ProjectOpened { path, result } => match *result {
                Ok(opened) => self.project_opened(path, opened),
                Err(e) => self.notes.error(format!("Could not open the project: {e}")),
            },
            JobOutput::NothingThere(path) => self.notes.error(format!(
                "There is no file or folder there — {}",
                path.display()
            )),
            JobOutput::Saved {
                path,
                state,
                result,
                elapsed,
                project,
            } => self.saved(path, state, result, elapsed, project),
            JobOutput::Dialog {
                kind,
                path,
                elapsed,
            } => self.file_dialog_closed(kind, path, elapsed),
            JobOutput::Searched {
                generation,
                result,
                elapsed,
            } => self
                .views
                .search
                .receive(generation, result, elapsed.as_secs_f64() * 1000.0),
            JobOutput::AutoTagPreview { theme, unit, plan } => {
                if let Some(Dialog::AutoTag(d)) = self.dialog.as_mut()
                    && d.requested == Some((theme, unit))
                {
                    d.preview = Some(crate::context::dialog::AutoTagPreview { theme, unit, plan });
                }
            }
            JobOutput::Reread { root, changes } => {
                self.apply_intent(&ctx, CorpusIntent::Reread { root, changes }.into());
            }
            JobOutput::RecoveryWritten { path, result } => {
                if let Err(e) = result {
                    self.notes.warn(format!(
                        "The recovery copy could not be written: {e} — {}",
                        path.display()
                    ));
                }
            }
            JobOutput::RecoveryFound {
                project_path,
                root,
                found,
            } => {
                // Only for what is still open.
                let same = self.session.project_path() == project_path.as_deref()
                    && self.session.corpus().root == root;
                if let (true, Some(found), None) = (same, found, &self.dialog) {
                    self.dialog = Some(Dialog::Recover(found));
                }
            }
            JobOutput::RecoveryUnreadable(message) => self.notes.error(message),
            JobOutput::Watching { root, result } => self.watching(root, result),
            JobOutput::Exported { path, result } => match result {
                Ok(()) => self.notes.info(format!("Exported {}", path.display())),
                Err(e) => self
                    .notes
                    .error(format!("Could not export: {e} — {}", path.display())),
            },
            JobOutput::Team(output) => self.team_output(output),
            JobOutput::Opened { path, result } => {
                if let Err(e) = result {
                    self.notes.error(format!(
                        "The source file could not be opened: {e} — {}",
                        path.display()
                    ));
                }
            }
            JobOutput::Failed { label, error } => {
                self.notes
                    .error(format!("{label} could not start: {error}."));
            }
        }
    }

    fn saved(
        &mut self,
        path: PathBuf,
        state: u64,
        result: Result<crate::project::FileStamp, SaveError>,
        elapsed: Duration,
        project: Box<crate::project::Project>,
    ) {
        match result {
            Ok(stamp) => {
                self.typed_save = None;
                self.autosave.state = None;
                let passages = project.passages.len();
                let ctx = self.jobs.context();
                self.apply_intent(
                    &ctx,
                    FileIntent::Saved {
                        path: path.clone(),
                        state,
                        written: project,
                        stamp: Some(stamp),
                    }
                    .into(),
                );
                self.settings.add_recent(&path);
                self.notes.info(format!(
                    "Saved {} ({passages} passages, {} ms).",
                    path.display(),
                    elapsed.as_millis()
                ));
                if self.queued_save.is_some() {
                    // What was asked after this save waits for the save that follows it.
                    self.start_queued_save();
                } else if let Some(next) = self.after_save.take() {
                    self.perform(next);
                }
            }
            Err(e) => {
                self.after_save = None;
                if e.is_conflict() {
                    self.typed_save = None;
                    self.notes.warn(format!("{e}"));
                    self.queued_save = None;
                    self.dialog = Some(Dialog::SaveConflict(path));
                    return;
                }
                match self.typed_save.take() {
                    // Typed in Save as…: the dialog comes back with the path and the error.
                    Some(typed) if self.dialog.is_none() => {
                        self.notes.error(format!("{e}"));
                        self.dialog = Some(Dialog::TypedPath {
                            kind: crate::context::DialogKind::SaveProject,
                            text: typed.display().to_string(),
                            reason: Some(format!("Not saved: {e}")),
                        });
                    }
                    _ => self.notes.error(format!("{e}")),
                }
                self.start_queued_save();
            }
        }
    }

    fn folder_loaded(
        &mut self,
        folder: PathBuf,
        purpose: LoadPurpose,
        result: Result<LoadedCorpus, LoadError>,
        elapsed: Duration,
    ) {
        let loaded = match result {
            Ok(ok) => ok,
            Err(LoadError::Cancelled) => return,
            Err(e) => {
                self.notes
                    .error(format!("Could not load the articles: {e}"));
                self.open_without_corpus(purpose);
                return;
            }
        };
        let skipped = loaded.report.skipped.len();
        let figures: usize = loaded.figures.values().map(Vec::len).sum();
        let summary = format!(
            "Loaded {} article(s) with {figures} figure(s) from {} in {} ms{}",
            loaded.corpus.len(),
            folder.display(),
            elapsed.as_millis(),
            if skipped > 0 {
                format!("; {skipped} file(s) skipped (View › Load report)")
            } else {
                String::new()
            }
        );
        self.open_with_corpus(folder, purpose, loaded);
        let level = if skipped > 0 {
            Level::Warning
        } else {
            Level::Info
        };
        self.notes.push(level, summary);
        self.warn_about_problems();
    }

    /// A project's articles could not be loaded: it still opens, its passages kept.
    fn open_without_corpus(&mut self, purpose: LoadPurpose) {
        match purpose {
            LoadPurpose::ForProject {
                project_path,
                opened,
            } => self.install(Session::from_project(Some(project_path), *opened, None)),
            LoadPurpose::Recovered {
                project_path,
                opened,
            } => {
                self.install(Session::from_project(project_path, *opened, None));
                self.mark_unsaved();
            }
            LoadPurpose::NewProject => {}
        }
    }

    fn open_with_corpus(&mut self, folder: PathBuf, purpose: LoadPurpose, loaded: LoadedCorpus) {
        let ctx = self.jobs.context();
        match purpose {
            LoadPurpose::NewProject => {
                self.settings.add_recent(&folder);
                self.install(Session::from_folder(loaded));
                self.offer_recovery();
            }
            LoadPurpose::Recovered {
                project_path,
                opened,
            } => {
                self.install(Session::from_project(project_path, *opened, Some(loaded)));
                self.mark_unsaved();
                self.apply_intent(&ctx, CorpusIntent::PlaceAfterLoad.into());
                self.notes
                    .info("The unsaved work was restored. Save to keep it.");
            }
            LoadPurpose::ForProject {
                project_path,
                opened,
            } => {
                self.settings.add_recent(&project_path);
                let session = Session::from_project(Some(project_path), *opened, Some(loaded));
                self.install(session);
                self.apply_intent(&ctx, CorpusIntent::PlaceAfterLoad.into());
                self.offer_recovery();
            }
        }
    }

    fn mark_unsaved(&mut self) {
        let ctx = self.jobs.context();
        self.apply_intent(&ctx, FileIntent::MarkUnsaved.into());
    }

    fn warn_about_problems(&mut self) {
        if let Some(summary) = crate::project::converted::summary(self.session.converter_changes())
        {
            self.notes.info(format!("{summary} (View › Load report)"));
        }
        let warnings = self.session.open_warnings().len();
        if warnings > 0 {
            self.notes.warn(format!(
                "The project file had {warnings} problem(s) that were flagged or repaired (View › Load report)."
            ));
        }
        let (passages, figures) = (
            self.session.problems().len(),
            self.session.figure_problems().len(),
        );
        if passages > 0 || figures > 0 {
            self.notes.warn(format!(
                "{passages} passage(s) and {figures} figure(s) could not be placed in their article; see the Orphans tab."
            ));
        }
    }

    fn project_opened(&mut self, path: PathBuf, opened: Opened) {
        match opened.project.corpus_folder.clone() {
            Some(folder) => {
                let location = io::corpus_location(&path, &folder);
                if location.outside && !self.settings.outside_allowed(&path, &location.path) {
                    self.dialog = Some(Dialog::CorpusOutside {
                        project_path: path,
                        opened: Some(Box::new(opened)),
                        folder: location.path,
                    });
                } else {
                    self.load_for_project(path, opened, location.path);
                }
            }
            None => self.install(Session::from_project(Some(path), opened, None)),
        }
    }

    pub(super) fn load_for_project(
        &mut self,
        project_path: PathBuf,
        opened: Opened,
        folder: PathBuf,
    ) {
        self.jobs.load_folder(
            folder,
            LoadPurpose::ForProject {
                project_path,
                opened: Box::new(opened),
            },
        );
    }

    /// Replace the session, resetting the selection to the first article and every pane.
    pub(super) fn install(&mut self, session: Session) {
        self.session = session;
        self.sel = Default::default();
        self.sel.article = self
            .session
            .corpus()
            .articles()
            .first()
            .map(|a| a.id.clone());
        self.views = Default::default();
    }
}
