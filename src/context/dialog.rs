//! The state of the modal questions and report windows, which the app keeps and `ui::dialogs`
//! draws. A dialog answers with a [`Command`](super::Command); it never changes anything
//! itself.

use std::path::PathBuf;

use super::team_dialogs::{CodebookDialog, ImportDialog, MergeDialog};
use crate::analysis::autotag::{Plan, Unit};
use crate::analysis::{Query, Scope};
use crate::project::{Opened, SeriesId, ThemeId};
use crate::session::Report;
use crate::session::recovery::Found;

/// Which file to ask for (in a native dialog, or typed), and what the chosen path is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogKind {
    OpenFolder,
    OpenProject,
    SaveProject,
    /// Write a series as CSV.
    ExportSeries(SeriesId),
    /// Write an analysis view or the search hits as CSV (which one is kept by the app).
    ExportAnalysis,
    /// Write the plot as a PNG image.
    ExportPlot,
    /// Write the project as REFI-QDA (`.qdpx`).
    ExportQdpx,
    /// Write the codebook as REFI-QDA (`.qdc`).
    ExportQdc,
    /// Write the HTML report.
    ExportReport,
    /// Read a REFI-QDA project (`.qdpx`) into a new project.
    ImportQdpx,
    /// Add a REFI-QDA codebook's (`.qdc`) codes to the themes.
    ImportQdc,
    /// Merge another analyst's project into this one.
    MergeProject,
}

impl DialogKind {
    /// The extension an export of this kind gets when the chosen name has none.
    pub fn extension(self) -> Option<&'static str> {
        match self {
            Self::ExportSeries(_) | Self::ExportAnalysis => Some("csv"),
            Self::ExportPlot => Some("png"),
            Self::ExportQdpx => Some("qdpx"),
            Self::ExportQdc => Some("qdc"),
            Self::ExportReport => Some("html"),
            Self::OpenFolder
            | Self::OpenProject
            | Self::SaveProject
            | Self::ImportQdpx
            | Self::ImportQdc
            | Self::MergeProject => None,
        }
    }

    /// Does the dialog choose a file to write (not one to open)?
    pub fn saves(self) -> bool {
        !matches!(
            self,
            Self::OpenFolder
                | Self::OpenProject
                | Self::ImportQdpx
                | Self::ImportQdc
                | Self::MergeProject
        )
    }
}

/// Something to do once the analyst has answered about unsaved changes.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    OpenPath(PathBuf),
    Dialog(DialogKind),
    TypedPath,
    Quit,
}

/// The modal question on screen.
#[derive(Debug)]
pub enum Dialog {
    /// There are unsaved changes: save, discard, or cancel `Pending`?
    Unsaved(Pending),
    /// No native file dialog: type the path.
    TypedPath {
        kind: DialogKind,
        text: String,
        reason: Option<String>,
    },
    /// Delete a theme that passages or child themes use?
    DeleteTheme(ThemeId),
    /// Load the articles of a project from a folder outside the project's folder?
    CorpusOutside {
        project_path: PathBuf,
        /// Taken by the answer.
        opened: Option<Box<Opened>>,
        folder: PathBuf,
    },
    /// A recovery copy newer than the project: restore it?
    Recover(Found),
    /// "Tag all hits…": choose the theme and unit, see what would happen, confirm.
    AutoTag(AutoTagDialog),
    /// Where to write an imported REFI-QDA project.
    ImportTarget(ImportDialog),
    /// Codes of a codebook are named like themes: add them renamed, use the themes, or stop?
    CodebookClash(CodebookDialog),
    /// The preview of merging another analyst's project.
    Merge(MergeDialog),
    /// Another window or program saved the project file since this window opened or last
    /// saved it: overwrite, save as a new file, reload, or cancel?
    SaveConflict(PathBuf),
    /// An export would replace this existing file (not a project, not an article): replace it?
    ReplaceFile { kind: DialogKind, path: PathBuf },
}

/// The choices of "Tag all hits…", and the preview of what they would do.
#[derive(Debug)]
pub struct AutoTagDialog {
    pub query: Query,
    pub scope: Scope,
    pub theme: Option<ThemeId>,
    pub unit: Unit,
    pub save_rule: bool,
    /// The preview asked for last (it is worked out on a background thread).
    pub requested: Option<(ThemeId, Unit)>,
    pub preview: Option<AutoTagPreview>,
}

/// A worked-out preview of tagging the hits, for the choices it was made with.
#[derive(Debug)]
pub struct AutoTagPreview {
    pub theme: ThemeId,
    pub unit: Unit,
    pub plan: Result<Plan, String>,
}

/// Which report windows are open.
#[derive(Debug, Default)]
pub struct Windows {
    pub load_report: bool,
    pub messages: bool,
    pub shortcuts: bool,
    /// Preferences: the current coder.
    pub preferences: bool,
    /// What an import or a merge did and left out.
    pub report: Option<Report>,
    pub project_memo: bool,
}
