//! What a pane, a dialog or a key can ask for. Panes push [`Command`]s (or return them); the
//! app applies them after the frame, in one exhaustive `match`: changes to the project and the
//! corpus go to [`Session::apply`](crate::session::Session::apply) as [`Intent`]s, the rest
//! change the selection, start background work, or ask a question.

use std::collections::BTreeSet;
use std::path::PathBuf;

use super::catalogue::UiCommand;
use super::dialog::{DialogKind, Pending};
use super::selection::{CoderView, Selection};
use crate::analysis::agreement::{Agreement, AgreementError, Options};
use crate::analysis::agreement_disagreements::SideBySide;
use crate::analysis::autotag::Unit;
use crate::analysis::matrix::Measure;
use crate::analysis::{Query, Scope};
use crate::corpus::ArticleId;
use crate::figures::curation::FigureKey;
use crate::interop::refi_import::Imported;
use crate::project::{CoderId, Opened, PassageId, SeriesId, ThemeId};
use crate::session::recovery::Found;
use crate::session::{Intent, Level, TagIntent, TextRange};

/// Something to do after the frame.
#[derive(Debug)]
pub enum Command {
    /// An entry of the catalogue: a menu item, a shortcut, a line of the command palette.
    Ui(UiCommand),
    /// A change to the project or the corpus (undoable where it is the analyst's work).
    Intent(Intent),
    /// What is selected, and what the reader shows.
    Select(SelectCommand),
    /// Opening and exporting files.
    File(FileCommand),
    /// Questions, and the answers dialogs give.
    Dialog(DialogCommand),
    /// Background work a pane asks for.
    Work(WorkCommand),
    /// Tell the analyst something.
    Notify(Level, String),
    /// The analyst closed a toast (its index in the message log).
    DismissNotice(usize),
}

/// What clicking a theme (or pressing its number) does: tag the selected text, else add or
/// remove it on the selected passage, else open it in the codebook's editor.
pub fn theme_click(selection: &Selection, theme: ThemeId) -> Command {
    match (selection.text_range(), selection.passage) {
        (Some(range), _) => TagIntent::TagRange { range, theme }.into(),
        (None, Some(passage)) => TagIntent::ToggleTheme { passage, theme }.into(),
        (None, None) => SelectCommand::EditTheme(Some(theme)).into(),
    }
}

/// Selection and navigation.
#[derive(Clone, Debug, PartialEq)]
pub enum SelectCommand {
    /// Open an article in the reader.
    OpenArticle(ArticleId),
    /// Select a passage and show it in the reader.
    Passage(PassageId),
    /// Open an article scrolled to a range, and select that range as text.
    ShowRange(TextRange),
    /// Clear the passage selection (a click on unhighlighted text keeps the caret).
    DeselectPassage,
    /// The text selected in the reader changed.
    Text(Option<(usize, usize)>),
    /// Select a figure and show its sentence in the reader.
    Figure(FigureKey),
    /// Select a figure without moving the reader (it was clicked there).
    PickFigure(FigureKey),
    /// Open search hit number `i` in the reader.
    Hit(usize),
    /// Open the codebook's editor on a theme, or close it.
    EditTheme(Option<ThemeId>),
    /// Show these coders' passages in the reader.
    Coders(CoderView),
}

/// Files to open or write.
#[derive(Clone, Debug, PartialEq)]
pub enum FileCommand {
    /// Open a folder of articles or a project file (asks first about unsaved changes).
    OpenPath(PathBuf),
    /// Ask where to write a series as CSV.
    ExportSeries(SeriesId),
    /// Ask where to write the plot as PNG.
    ExportPlot,
    /// Ask where to write an analysis view or the search hits as CSV.
    ExportTable(ExportWhat),
    /// Open an article's original file with the system's opener (off the UI thread).
    OpenSource(ArticleId),
}

/// Which table to export as CSV.
#[derive(Clone, Debug, PartialEq)]
pub enum ExportWhat {
    Matrix(Measure),
    Cooccurrence,
    Frequencies,
    Retrieval(BTreeSet<ThemeId>, bool),
    Hits,
    /// The agreement table the Agreement tab shows.
    Agreement,
}

/// Questions to ask, and the answers of dialogs. Every answer closes its dialog.
#[derive(Debug)]
pub enum DialogCommand {
    /// Delete a theme; ask first when passages or child themes use it.
    ConfirmDeleteTheme(ThemeId),
    /// Ask how to tag every hit of a search.
    PrepareAutoTag { query: Query, scope: Scope },
    /// Close the dialog without doing anything.
    Close,
    /// Save, then do what was asked.
    SaveThen(Pending),
    /// Drop the unsaved changes, then do what was asked.
    DiscardThen(Pending),
    /// A path was chosen (typed) for a file dialog of this kind.
    PathChosen(DialogKind, PathBuf),
    /// Export to this existing file, replacing it (the analyst confirmed).
    ReplaceFile(DialogKind, PathBuf),
    /// Save over the project file another writer saved since (the analyst confirmed).
    OverwriteSave(PathBuf),
    /// Drop this window's unsaved changes and open the project file as it is on disk now.
    ReloadProject(PathBuf),
    /// Open the recovery copy in place of the project.
    Restore(Found),
    /// Delete the recovery copy at this path.
    DiscardRecovery(PathBuf),
    /// Open the project with its articles from `folder`.
    LoadCorpus {
        project_path: PathBuf,
        opened: Box<Opened>,
        folder: PathBuf,
    },
    /// Open the project without its articles.
    OpenWithoutCorpus {
        project_path: PathBuf,
        opened: Box<Opened>,
    },
    /// Write an imported REFI-QDA project (read from `from`) to `project`, its articles into
    /// `sources`, then open it.
    WriteImport {
        from: PathBuf,
        imported: Box<Imported>,
        project: PathBuf,
        sources: PathBuf,
    },
}

/// Background work.
#[derive(Debug)]
pub enum WorkCommand {
    /// Search on a worker thread; `generation` tells the newest search from older ones.
    Search {
        generation: u64,
        regex: regex::Regex,
        scope: Scope,
    },
    /// Work out what tagging every hit would do, for the "Tag all hits…" dialog.
    PreviewAutoTag {
        query: Query,
        scope: Scope,
        unit: Unit,
        theme: ThemeId,
    },
    /// Work out the agreement table (and two coders' disagreements) off the frame.
    Agreement(AgreementRequest),
}

/// What the Agreement tab asks for: the table of `options` on the project at `revision`, and
/// the disagreements of the coders `pair`.
#[derive(Clone, Debug, PartialEq)]
pub struct AgreementRequest {
    pub revision: u64,
    pub options: Options,
    pub pair: Option<(CoderId, CoderId)>,
}

/// The answer to an [`AgreementRequest`].
#[derive(Clone, Debug)]
pub struct AgreementResult {
    pub table: Result<Agreement, AgreementError>,
    pub disagreements: Vec<SideBySide>,
}

macro_rules! into_command {
    ($($from:ty => $variant:ident),* $(,)?) => {
        $(impl From<$from> for Command {
            fn from(command: $from) -> Self {
                Self::$variant(command)
            }
        })*
    };
}

into_command!(
    UiCommand => Ui,
    Intent => Intent,
    SelectCommand => Select,
    FileCommand => File,
    DialogCommand => Dialog,
    WorkCommand => Work,
);

macro_rules! intent_into_command {
    ($($area:ty),* $(,)?) => {
        $(impl From<$area> for Command {
            fn from(intent: $area) -> Self {
                Self::Intent(intent.into())
            }
        })*
    };
}

intent_into_command!(
    crate::session::TagIntent,
    crate::session::CodebookIntent,
    crate::session::FigureIntent,
    crate::session::SeriesIntent,
    crate::session::RuleIntent,
    crate::session::CorpusIntent,
    crate::session::HistoryIntent,
    crate::session::FileIntent,
    crate::session::ActorIntent,
    crate::session::CoderIntent,
    crate::session::MergeIntent,
    crate::session::AttributeIntent,
);
