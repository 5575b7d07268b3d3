//! What the user can ask for. UI code emits [`Command`]s; the app applies them after the frame.
//! [`Action`] is the subset shown in menus: each supplies its text, tooltip and shortcut, so
//! menus, shortcuts and help never drift apart.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::corpus::ArticleId;
use crate::figures::curate::Correction;
use crate::figures::curation::FigureKey;
use crate::project::{Edit, FigureId, FigureStatus, PassageId, SeriesId, ThemeId};

/// A menu or keyboard action that needs no arguments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    OpenFolder,
    OpenProject,
    OpenPath,
    Save,
    SaveAs,
    ExportQdpx,
    ExportQdc,
    Quit,
    Undo,
    Redo,
    DeleteSelection,
    Find,
    FindNext,
    FindPrevious,
    ShowLoadReport,
    ShowMessages,
    ShowShortcuts,
}

impl Action {
    /// Every action, in menu order.
    pub const ALL: &'static [Action] = &[
        Self::OpenFolder,
        Self::OpenProject,
        Self::OpenPath,
        Self::Save,
        Self::SaveAs,
        Self::ExportQdpx,
        Self::ExportQdc,
        Self::Quit,
        Self::Undo,
        Self::Redo,
        Self::DeleteSelection,
        Self::Find,
        Self::FindNext,
        Self::FindPrevious,
        Self::ShowLoadReport,
        Self::ShowMessages,
        Self::ShowShortcuts,
    ];

    /// Menu text; an action that asks for more input ends with `…`.
    pub fn text(self) -> &'static str {
        match self {
            Self::OpenFolder => "Open folder…",
            Self::OpenProject => "Open project…",
            Self::OpenPath => "Open typed path…",
            Self::Save => "Save",
            Self::SaveAs => "Save as…",
            Self::ExportQdpx => "Export REFI-QDA project (.qdpx)…",
            Self::ExportQdc => "Export codebook (.qdc)…",
            Self::Quit => "Quit",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::DeleteSelection => "Delete selected passage",
            Self::Find => "Find…",
            Self::FindNext => "Find next",
            Self::FindPrevious => "Find previous",
            Self::ShowLoadReport => "Load report",
            Self::ShowMessages => "Messages",
            Self::ShowShortcuts => "Keyboard shortcuts",
        }
    }

    pub fn tooltip(self) -> &'static str {
        match self {
            Self::OpenFolder => "Load a folder of articles (.txt, .md) into a new project",
            Self::OpenProject => "Open a saved Dossier project (.json)",
            Self::OpenPath => {
                "Type the path of a folder or a project, for systems without a file dialog"
            }
            Self::Save => "Save the project (asks for a file the first time)",
            Self::SaveAs => "Save the project to a new file",
            Self::ExportQdpx => {
                "The articles, codebook and passages for NVivo, ATLAS.ti, MAXQDA or QualCoder"
            }
            Self::ExportQdc => "The codebook alone, as REFI-QDA codes",
            Self::Quit => "Close Dossier (asks first when there are unsaved changes)",
            Self::Undo => "Undo the last edit",
            Self::Redo => "Redo the last undone edit",
            Self::DeleteSelection => "Delete the passage selected in the reader",
            Self::Find => "Search the articles (plain text or regex)",
            Self::FindNext => "Open the next search hit in the reader",
            Self::FindPrevious => "Open the previous search hit in the reader",
            Self::ShowLoadReport => "Files that were skipped or read with a fallback encoding",
            Self::ShowMessages => "Every message and error shown this session",
            Self::ShowShortcuts => "Every keyboard shortcut",
        }
    }

    /// The main shortcut, if any.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let cmd = Modifiers::COMMAND;
        let cmd_shift = Modifiers::COMMAND.plus(Modifiers::SHIFT);
        Some(match self {
            Self::OpenFolder => KeyboardShortcut::new(cmd_shift, Key::O),
            Self::OpenProject => KeyboardShortcut::new(cmd, Key::O),
            Self::Save => KeyboardShortcut::new(cmd, Key::S),
            Self::SaveAs => KeyboardShortcut::new(cmd_shift, Key::S),
            Self::Quit => KeyboardShortcut::new(cmd, Key::Q),
            Self::Undo => KeyboardShortcut::new(cmd, Key::Z),
            Self::Redo => KeyboardShortcut::new(cmd_shift, Key::Z),
            Self::DeleteSelection => KeyboardShortcut::new(Modifiers::NONE, Key::Delete),
            Self::Find => KeyboardShortcut::new(cmd, Key::F),
            Self::FindNext => KeyboardShortcut::new(Modifiers::NONE, Key::F3),
            Self::FindPrevious => KeyboardShortcut::new(Modifiers::SHIFT, Key::F3),
            Self::OpenPath
            | Self::ExportQdpx
            | Self::ExportQdc
            | Self::ShowLoadReport
            | Self::ShowMessages => return None,
            Self::ShowShortcuts => KeyboardShortcut::new(Modifiers::NONE, Key::F1),
        })
    }

    /// Other shortcuts that do the same thing.
    pub fn alternate_shortcuts(self) -> Vec<KeyboardShortcut> {
        match self {
            Self::Redo => vec![KeyboardShortcut::new(Modifiers::COMMAND, Key::Y)],
            _ => Vec::new(),
        }
    }

    /// Does this shortcut edit text, so that it must go to a focused text field instead?
    pub fn conflicts_with_text_fields(self) -> bool {
        matches!(self, Self::Undo | Self::Redo | Self::DeleteSelection)
    }
}

/// Something to do after the frame.
#[derive(Clone, Debug)]
pub enum Command {
    Action(Action),
    /// Open a folder of articles or a project file, by path.
    OpenPath(PathBuf),
    SaveTo(PathBuf),
    /// Change the project; undoable.
    Edit(Edit),
    /// Open an article in the reader.
    OpenArticle(ArticleId),
    /// Select a passage and show it in the reader.
    SelectPassage(PassageId),
    /// Open an article scrolled to a range and select that range.
    ShowRange {
        article: ArticleId,
        start: usize,
        end: usize,
    },
    /// Clear the passage selection and the text selection.
    ClearSelection,
    /// Clear only the passage selection (a click on unhighlighted text keeps the caret).
    DeselectPassage,
    /// Tag a range (the reader's text selection) with a theme, or add or remove the theme on the
    /// passage that exactly covers it.
    TagRange {
        theme: ThemeId,
        article: ArticleId,
        start: usize,
        end: usize,
    },
    /// Add or remove a theme on the selected passage.
    ToggleTheme(PassageId, ThemeId),
    /// Open the codebook editor on a theme, or close it.
    EditTheme(Option<ThemeId>),
    /// Ask before deleting a theme.
    ConfirmDeleteTheme(ThemeId),
    Notify(crate::app::notify::Level, String),
    /// Select a figure and show its sentence in the reader.
    SelectFigure(FigureKey),
    /// Select a figure without moving the reader (it was clicked there).
    PickFigure(FigureKey),
    /// Accept, reject, or (with `None`) unreview figures.
    SetFigureStatus(Vec<FigureKey>, Option<FigureStatus>),
    CorrectFigure(FigureKey, Correction),
    NewSeries {
        name: String,
        keys: Vec<FigureKey>,
    },
    AddToSeries(SeriesId, Vec<FigureKey>),
    RemoveFromSeries(SeriesId, FigureId),
    RenameSeries(SeriesId, String),
    DeleteSeries(SeriesId),
    /// Add the text selected in the reader as a figure.
    AddFigureFromSelection,
    /// Ask where to write a series as CSV.
    ExportSeries(SeriesId),
    /// Ask where to write the plot as PNG.
    ExportPlot,
    /// Start a search on a worker thread.
    RunSearch {
        generation: u64,
        regex: regex::Regex,
        scope: crate::analysis::Scope,
    },
    /// Open search hit number `i` in the reader.
    SelectHit(usize),
    /// Ask how to tag every hit of a search.
    PrepareAutoTag {
        query: crate::analysis::Query,
        scope: crate::analysis::Scope,
    },
    /// Tag every hit, as one undoable step; optionally save the rule.
    AutoTag {
        query: crate::analysis::Query,
        scope: crate::analysis::Scope,
        unit: crate::analysis::autotag::Unit,
        theme: ThemeId,
        save_rule: bool,
    },
    /// Run a saved auto-tag rule over the whole corpus again.
    RunRule(crate::analysis::autotag::RuleId),
    /// Ask where to write the search hits as CSV.
    ExportHits,
    /// Ask where to write an analysis view as CSV.
    ExportAnalysis(ExportWhat),
    /// Move an orphaned passage to the text selected in the reader.
    ReattachPassage(PassageId),
    /// Move an orphaned figure to the text selected in the reader.
    ReattachFigure(FigureId),
    /// Delete a curated figure (and take it out of its series).
    DeleteFigure(FigureId),
    /// Panic, to test that a crash keeps the unsaved work (tests only; no menu item sends it).
    #[doc(hidden)]
    CrashForTesting,
}

/// Which analysis view to export.
#[derive(Clone, Debug, PartialEq)]
pub enum ExportWhat {
    Matrix(crate::analysis::matrix::Measure),
    Cooccurrence,
    Frequencies,
    Retrieval(std::collections::BTreeSet<ThemeId>, bool),
    Hits,
}
