//! Native file dialogs (rfd) on a worker thread: a dialog blocks until it is closed, and a
//! broken desktop portal can block for ever, so the window never waits for one.

use std::path::PathBuf;
use std::time::Instant;

use super::{JobOutput, Jobs};
use crate::context::dialog::DialogKind;
use crate::context::jobs::Slot;

impl Jobs {
    /// Show a native file dialog on a worker thread (it blocks until closed).
    pub fn dialog(&mut self, kind: DialogKind, start_dir: Option<PathBuf>) {
        let label = "Waiting for the file dialog".to_owned();
        self.spawn(Slot::FileDialog, label, move |_| {
            let started = Instant::now();
            let mut dialog = rfd::FileDialog::new();
            if let Some(dir) = start_dir {
                dialog = dialog.set_directory(dir);
            }
            let path = match kind {
                DialogKind::OpenFolder => {
                    dialog.set_title("Open a folder of articles").pick_folder()
                }
                DialogKind::OpenProject => dialog
                    .set_title("Open a Dossier project")
                    .add_filter("Dossier project", &["json"])
                    .pick_file(),
                DialogKind::SaveProject => dialog
                    .set_title("Save the Dossier project")
                    .add_filter("Dossier project", &["json"])
                    .set_file_name("project.dossier.json")
                    .save_file(),
                DialogKind::ExportSeries(_) => dialog
                    .set_title("Export the series as CSV")
                    .add_filter("CSV", &["csv"])
                    .set_file_name("series.csv")
                    .save_file(),
                DialogKind::ExportAnalysis => dialog
                    .set_title("Export as CSV")
                    .add_filter("CSV", &["csv"])
                    .set_file_name("dossier.csv")
                    .save_file(),
                DialogKind::ExportPlot => dialog
                    .set_title("Export the plot as PNG")
                    .add_filter("PNG image", &["png"])
                    .set_file_name("plot.png")
                    .save_file(),
                DialogKind::ExportQdpx => dialog
                    .set_title("Export a REFI-QDA project")
                    .add_filter("REFI-QDA project", &["qdpx"])
                    .set_file_name("dossier.qdpx")
                    .save_file(),
                DialogKind::ExportQdc => dialog
                    .set_title("Export the codebook")
                    .add_filter("REFI-QDA codebook", &["qdc"])
                    .set_file_name("codebook.qdc")
                    .save_file(),
                DialogKind::ExportReport => dialog
                    .set_title("Export the report")
                    .add_filter("HTML page", &["html", "htm"])
                    .set_file_name("report.html")
                    .save_file(),
                DialogKind::ImportQdpx => dialog
                    .set_title("Import a REFI-QDA project")
                    .add_filter("REFI-QDA project", &["qdpx"])
                    .pick_file(),
                DialogKind::ImportQdc => dialog
                    .set_title("Import a REFI-QDA codebook")
                    .add_filter("REFI-QDA codebook", &["qdc"])
                    .pick_file(),
                DialogKind::MergeProject => dialog
                    .set_title("Merge another analyst's project")
                    .add_filter("Dossier project", &["json"])
                    .pick_file(),
            };
            JobOutput::Dialog {
                kind,
                path,
                elapsed: started.elapsed(),
            }
        });
    }
}

/// Can a native file dialog be shown here? rfd needs a desktop portal on the session bus or
/// `zenity`; without either it returns at once as if the user cancelled.
pub fn native_dialogs_available() -> bool {
    if std::env::var_os("DOSSIER_NO_DIALOGS").is_some() {
        return false;
    }
    let has_bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some();
    let has_zenity = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join("zenity").is_file()));
    has_bus || has_zenity
}
