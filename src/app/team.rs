//! The team features in the window: importing a REFI-QDA project (read, ask where, write,
//! open, report) or codebook (ask about clashes), merging another analyst's project (plan off
//! the UI thread, preview, one undoable step), and the agreement numbers coming back from
//! their job.

use std::path::PathBuf;

use super::DossierApp;
use super::jobs::display_name;
use super::jobs::team::TeamOutput;
use crate::context::team_dialogs::{CodebookDialog, ImportDialog, MergeDialog};
use crate::context::{Dialog, Pending};
use crate::interop::refi_import::Imported;
use crate::interop::refi_import_codebook::{Codebook, OnClash};
use crate::project::coders::{name_from_file_stem, name_key};
use crate::session::{CodebookIntent, Report};

impl DossierApp {
    pub(super) fn team_output(&mut self, output: TeamOutput) {
        match output {
            TeamOutput::QdpxRead { from, result } => match result {
                None => {}
                Some(Ok(imported)) => {
                    self.dialog = Some(Dialog::ImportTarget(ImportDialog::new(from, imported)));
                }
                Some(Err(e)) => self.notes.error(format!("Could not import: {e}")),
            },
            TeamOutput::ImportWritten {
                from,
                project,
                sources,
                imported,
                result,
            } => self.import_written(from, (project, sources), imported, result),
            TeamOutput::CodebookRead { path, result } => match result {
                Ok(book) => self.codebook_read(&path, book),
                Err(e) => self
                    .notes
                    .error(format!("Could not import the codebook: {e}")),
            },
            TeamOutput::MergePlanned {
                path,
                revision,
                result,
            } => match result {
                // The project changed while their file was read: plan again on what is open.
                Ok(_) if revision != self.session.revision() => self.plan_merge(path),
                Ok((theirs, plan)) => {
                    let their_name = name_from_file_stem(&path).unwrap_or_else(|| "other".into());
                    self.dialog = Some(Dialog::Merge(MergeDialog {
                        path,
                        their_name,
                        theirs: Some(theirs),
                        plan,
                    }));
                }
                Err(e) => self.notes.error(format!("Could not merge: {e}")),
            },
            TeamOutput::Agreement { request, result } => {
                self.views.agreement.receive(request, result);
            }
        }
    }

    /// Read their project and plan the merge on a worker (with a copy of ours).
    pub(super) fn plan_merge(&mut self, path: PathBuf) {
        let ours = (
            self.session.project().clone(),
            self.session.project_path().map(ToOwned::to_owned),
        );
        let corpus = self.session.corpus().clone();
        let revision = self.session.revision();
        self.jobs.plan_merge(path, ours, corpus, revision);
    }

    fn import_written(
        &mut self,
        from: PathBuf,
        (project, sources): (PathBuf, PathBuf),
        imported: Box<Imported>,
        result: Result<(), String>,
    ) {
        match result {
            Ok(()) => {
                self.windows.report = Some(Report::of_import(
                    &imported.report,
                    &display_name(&from),
                    &project,
                    &sources,
                ));
                self.notes.info(format!(
                    "Imported {} passage(s) from {} into {}.",
                    imported.report.passages,
                    display_name(&from),
                    project.display()
                ));
                self.guard(Pending::OpenPath(project));
            }
            Err(e) => {
                // Nothing was lost: ask again, with the reason.
                let mut dialog = ImportDialog::new(from, *imported);
                dialog.project = project.display().to_string();
                dialog.sources = sources.display().to_string();
                dialog.sources_edited = true;
                dialog.error = Some(e);
                self.dialog = Some(Dialog::ImportTarget(dialog));
            }
        }
    }

    /// A codebook was read: import it, or first ask about codes named like themes.
    fn codebook_read(&mut self, path: &std::path::Path, book: Codebook) {
        let from = display_name(path);
        let project = self.session.project();
        let clashes: Vec<String> = book
            .codes
            .iter()
            .filter(|c| {
                project
                    .themes
                    .iter()
                    .any(|t| name_key(&t.name) == name_key(&c.theme.name))
            })
            .map(|c| c.theme.name.clone())
            .collect();
        if clashes.is_empty() {
            self.queue.send(CodebookIntent::Import {
                book: Box::new(book),
                from,
                on_clash: OnClash::Rename,
            });
        } else {
            self.dialog = Some(Dialog::CodebookClash(CodebookDialog {
                from,
                book: Box::new(book),
                clashes,
            }));
        }
    }
}
