//! Exports: a series or an analysis table as CSV, the plot as PNG, the project or its codebook
//! as REFI-QDA. The bytes are made on the UI thread (quick); writing them is a background job.

use std::path::PathBuf;

use super::DossierApp;
use crate::analysis::{export, matrix};
use crate::context::ExportWhat;
use crate::figures::series;
use crate::interop::refi;
use crate::project::SeriesId;

/// `path`, with `ext` added when it has no extension.
fn with_extension(path: PathBuf, ext: &str) -> PathBuf {
    if path.extension().is_none() {
        path.with_extension(ext)
    } else {
        path
    }
}

impl DossierApp {
    pub(super) fn export_series(&mut self, id: SeriesId, path: PathBuf) {
        let Some(s) = self.session.project().series_by_id(id) else {
            self.notes.error("That series no longer exists.");
            return;
        };
        let mut bytes = Vec::new();
        match series::write_csv(s, self.session.series_points(id), &mut bytes) {
            Ok(()) => self.jobs.write_file(with_extension(path, "csv"), bytes),
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
        let callback = self
            .jobs
            .png_of_region(with_extension(path, "png"), rect, ppp);
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
            Ok(()) => self.jobs.write_file(with_extension(path, "csv"), bytes),
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
        self.jobs.write_qdpx(path, parts);
    }

    pub(super) fn export_qdc(&mut self, path: PathBuf) {
        match refi::qdc(self.session.project()) {
            Some(xml) => self
                .jobs
                .write_file(with_extension(path, "qdc"), xml.into_bytes()),
            None => self
                .notes
                .warn("The codebook is empty: add a theme before exporting it."),
        }
    }
}
