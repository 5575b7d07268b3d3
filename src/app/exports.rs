//! Exports: a series or an analysis table as CSV, the plot as PNG, the project or its codebook
//! as REFI-QDA, the HTML report. The bytes are made on the UI thread (quick) and written by a
//! background job; the report is made on the job's thread too, from a copy of the project.

use std::path::PathBuf;

use super::DossierApp;
use crate::analysis::{export, matrix};
use crate::context::ExportWhat;
use crate::context::{Dialog, DialogKind};
use crate::figures::series;
use crate::interop::refi;
use crate::project::SeriesId;
use crate::project::output::{OutputRules, check_output};

/// `path`, with `ext` added when it has no extension.
pub(super) fn with_extension(path: PathBuf, ext: &str) -> PathBuf {
    if path.extension().is_none() {
        path.with_extension(ext)
    } else {
        path
    }
}

impl DossierApp {
    /// What an export may replace: never the open project, a project or an article; another
    /// existing file only once the analyst confirmed (`replace`).
    pub(super) fn output_rules(&self, replace: bool) -> OutputRules {
        let root = &self.session.corpus().root;
        OutputRules {
            replace,
            open_project: self.session.project_path().map(ToOwned::to_owned),
            corpus_root: (!root.as_os_str().is_empty()).then(|| root.clone()),
        }
    }

    /// May an export of `kind` write `path`? An existing file the analyst has not yet agreed
    /// to replace (`confirmed`) is asked about; a project, an article or the open project is
    /// refused with the reason. Returns the path to write.
    pub(super) fn export_target(
        &mut self,
        kind: DialogKind,
        path: PathBuf,
        confirmed: Option<PathBuf>,
    ) -> Option<PathBuf> {
        let rules = self.output_rules(confirmed.as_deref() == Some(path.as_path()));
        match check_output(&path, &rules.policy()) {
            Ok(()) => Some(path),
            Err(e) if e.needs_confirmation() => {
                self.dialog = Some(Dialog::ReplaceFile { kind, path });
                None
            }
            Err(e) => {
                self.notes.error(e.to_string());
                None
            }
        }
    }

    pub(super) fn export_series(&mut self, id: SeriesId, path: PathBuf) {
        let Some(s) = self.session.project().series_by_id(id) else {
            self.notes.error("That series no longer exists.");
            return;
        };
        let mut bytes = Vec::new();
        match series::write_csv(s, self.session.series_points(id), &mut bytes) {
            Ok(()) => {
                self.jobs
                    .write_file(with_extension(path, "csv"), bytes, self.output_rules(true))
            }
            Err(e) => self.notes.error(format!("Could not write the CSV: {e}")),
        }
    }

    pub(super) fn export_plot(&mut self, path: PathBuf) {
        let Some(rect) = self.views.plot.last_rect else {
            self.notes
                .warn("Open the Plot tab first, so there is a plot to export.");
            return;
        };
        let ctx = self.jobs.context();
        let ppp = ctx.pixels_per_point();
        let rules = self.output_rules(true);
        let callback = self
            .jobs
            .png_of_region(with_extension(path, "png"), rect, ppp, rules);
        ctx.request_screenshot(callback);
    }

    pub(super) fn export_analysis(&mut self, path: PathBuf) {
        let Some(what) = self.pending_export.take() else {
            return;
        };
        let (project, corpus) = (self.session.project(), self.session.corpus());
        let mut bytes = Vec::new();
        let written = match &what {
            ExportWhat::Matrix(measure) => {
                let m = matrix::theme_article(project, corpus, *measure);
                export::matrix_csv(project, &m, &mut bytes)
            }
            ExportWhat::Cooccurrence => export::cooccurrence_csv(
                project,
                &matrix::cooccurrence(project, corpus),
                &mut bytes,
            ),
            ExportWhat::Frequencies => {
                export::frequencies_csv(project, &matrix::frequencies(project), &mut bytes)
            }
            ExportWhat::Retrieval(themes, all) => {
                export::retrieval_csv(project, corpus, themes, *all, &mut bytes)
            }
            ExportWhat::Hits => match &self.views.search.result {
                Some(r) => export::hits_csv(corpus, r, &mut bytes),
                None => Ok(()),
            },
            ExportWhat::Agreement => match self.views.agreement.table() {
                Some(table) => export::agreement_csv(table, &mut bytes),
                None => {
                    self.notes
                        .warn("There is no agreement table to export yet.");
                    return;
                }
            },
        };
        match written {
            Ok(()) => {
                self.jobs
                    .write_file(with_extension(path, "csv"), bytes, self.output_rules(true))
            }
            Err(e) => self.notes.error(format!("Could not write the CSV: {e}")),
        }
    }

    pub(super) fn export_qdpx(&mut self, path: PathBuf) {
        let path = with_extension(path, "qdpx");
        let parts = refi::qdpx_parts(
            self.session.project(),
            self.session.corpus(),
            &self.session.export_name(),
            &refi::user_name(),
        );
        let r = &parts.report;
        if r.skipped.is_empty() {
            self.notes.info(format!(
                "Exporting {} article(s), {} passage(s) and {} coding(s) as REFI-QDA.",
                r.sources, r.selections, r.codings
            ));
        } else {
            let shown: Vec<&str> = r.skipped.iter().take(3).map(String::as_str).collect();
            let more = r.skipped.len().saturating_sub(shown.len());
            self.notes.warn(format!(
                "Exporting {} article(s) and {} passage(s) as REFI-QDA; {} left out: {}{}",
                r.sources,
                r.selections,
                r.skipped.len(),
                shown.join("; "),
                if more > 0 {
                    format!("; and {more} more")
                } else {
                    String::new()
                }
            ));
        }
        let rules = self.output_rules(true);
        self.jobs.write_qdpx(path, parts, rules);
    }

    pub(super) fn export_report(&mut self, path: PathBuf) {
        let rules = self.output_rules(true);
        self.jobs.write_report(
            path,
            self.session.project().clone(),
            self.session.corpus().clone(),
            crate::interop::report::project_name(&self.session.export_name()).to_owned(),
            rules,
        );
    }

    pub(super) fn export_qdc(&mut self, path: PathBuf) {
        match refi::qdc(self.session.project()) {
            Some(xml) => {
                let rules = self.output_rules(true);
                self.jobs
                    .write_file(with_extension(path, "qdc"), xml.into_bytes(), rules);
            }
            None => self
                .notes
                .warn("The codebook is empty: add a theme before exporting it."),
        }
    }
}
