//! Applying the REFI-QDA exports: the XML is built on the UI thread (fast), the ZIP is
//! compressed and written on a worker thread.

use std::path::PathBuf;

use super::DossierApp;
use super::figures_apply::with_extension;
use crate::interop::refi;

impl DossierApp {
    /// The name the export gives the project: the project file's stem, or the corpus folder.
    fn export_name(&self) -> String {
        let stem = self
            .ws
            .project_path
            .as_ref()
            .and_then(|p| p.file_stem())
            .or_else(|| self.ws.corpus.root.file_name())
            .map(|s| s.to_string_lossy().into_owned());
        stem.unwrap_or_else(|| "Dossier project".to_owned())
    }

    pub(super) fn export_qdpx(&mut self, path: PathBuf) {
        let path = with_extension(path, "qdpx");
        let parts = refi::qdpx_parts(
            &self.ws.project,
            &self.ws.corpus,
            &self.export_name(),
            &refi::user_name(),
        );
        let r = parts.report.clone();
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
        match refi::qdc(&self.ws.project) {
            Some(xml) => self
                .jobs
                .write_file(with_extension(path, "qdc"), xml.into_bytes()),
            None => self
                .notes
                .warn("The codebook is empty: add a theme before exporting it."),
        }
    }
}
