//! The questions asked before a file is replaced: a project file another window or program
//! saved since this window read it, and an existing file an export would replace.

use std::path::Path;

use egui::{RichText, Ui};

use super::{buttons, close, palette};
use crate::context::{Command, DialogCommand, DialogKind, UiCommand};

/// Another writer saved the project: overwrite, save elsewhere, reload, or cancel.
pub(super) fn save_conflict_ui(ui: &mut Ui, path: &Path, dark: bool) -> Option<Command> {
    ui.heading("The project file changed on disk");
    ui.label(format!(
        "{} was saved by another window or program after this window opened or last saved \
         it. Nothing has been written.",
        path.display()
    ));
    ui.colored_label(
        palette::warning(dark),
        "Overwrite replaces what the other writer saved (it stays in the .bak copy). \
         Reload drops this window's unsaved changes.",
    );
    ui.add_space(8.0);
    buttons(
        ui,
        vec![
            (
                "Save as…",
                Some("Keep both: save this window's work under a new name"),
                UiCommand::SaveAs.into(),
            ),
            (
                "Overwrite",
                Some("Replace the file with this window's project"),
                DialogCommand::OverwriteSave(path.to_owned()).into(),
            ),
            (
                "Reload from disk",
                Some("Open the file as it is now; this window's unsaved changes are lost"),
                DialogCommand::ReloadProject(path.to_owned()).into(),
            ),
            ("Cancel", None, close()),
        ],
    )
}

/// An export would replace an existing file: replace it, or cancel.
pub(super) fn replace_file_ui(ui: &mut Ui, kind: DialogKind, path: &Path) -> Option<Command> {
    ui.heading("Replace the existing file?");
    ui.label(RichText::new(path.display().to_string()).monospace());
    ui.label("already exists. Replacing it cannot be undone.");
    ui.add_space(8.0);
    buttons(
        ui,
        vec![
            (
                "Replace",
                None,
                DialogCommand::ReplaceFile(kind, path.to_owned()).into(),
            ),
            ("Cancel", None, close()),
        ],
    )
}
