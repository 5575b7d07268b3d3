//! What can be asked of a session: one [`Intent`] enum, nested by area. [`Session::apply`]
//! matches on every variant, so a new one that nobody handles does not compile.
//!
//! [`Session::apply`]: super::Session::apply

use std::path::PathBuf;

use crate::analysis::autotag::{RuleId, Unit};
use crate::analysis::{Query, Scope};
use crate::corpus::ArticleId;
use crate::corpus::changes::Change;
use crate::figures::Figure;
use crate::figures::curate::Correction;
use crate::figures::curation::FigureKey;
use crate::interop::refi_import_codebook::{Codebook, OnClash};
use crate::project::attributes::AttributeDef;
use crate::project::merge::MergePlan;
use crate::project::{
    CoderId, FigureId, FigureStatus, PassageId, Project, SeriesId, Theme, ThemeId,
};

/// A range of an article's text, in code points.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TextRange {
    pub article: ArticleId,
    pub start: usize,
    pub end: usize,
}

/// A change to the project or the corpus.
#[derive(Debug)]
pub enum Intent {
    Tagging(TagIntent),
    Codebook(CodebookIntent),
    Figures(FigureIntent),
    Series(SeriesIntent),
    Rules(RuleIntent),
    Corpus(CorpusIntent),
    History(HistoryIntent),
    File(FileIntent),
    Actors(super::ActorIntent),
    Coders(CoderIntent),
    Merge(MergeIntent),
    Attributes(AttributeIntent),
}

/// Passages: tagging text with themes, notes, deleting and moving passages.
#[derive(Clone, Debug, PartialEq)]
pub enum TagIntent {
    /// Tag a range with a theme. When a passage covers exactly that range, the theme is added
    /// to it or removed from it instead.
    TagRange {
        range: TextRange,
        theme: ThemeId,
    },
    /// Add or remove a theme on a passage (a passage keeps at least one).
    ToggleTheme {
        passage: PassageId,
        theme: ThemeId,
    },
    SetNote {
        passage: PassageId,
        note: String,
    },
    Delete(PassageId),
    /// Move a passage (an orphan, usually) to the text selected in the reader (`None`: no text
    /// is selected).
    Reattach {
        passage: PassageId,
        to: Option<TextRange>,
    },
}

/// The codebook.
#[derive(Clone, Debug, PartialEq)]
pub enum CodebookIntent {
    /// A new theme with this name, the next id and colour, at the top level.
    Add { name: String },
    /// Replace the theme with the same id (its name is trimmed; it must not be empty).
    Update(Theme),
    /// Delete a theme: children move up, passages lose it, passages left without a theme go.
    Delete(ThemeId),
    /// Add the codes of a REFI-QDA codebook (read from the file `from`) as themes, keeping
    /// their tree, as one undoable step; `on_clash` says what a code named like a theme does.
    Import {
        book: Box<Codebook>,
        from: String,
        on_clash: OnClash,
    },
    /// Merge theme `from` into `into`: its passages (with their notes), children and rules
    /// go to `into`, and `from` is deleted; one undoable step.
    Merge { from: ThemeId, into: ThemeId },
    /// Move a theme under `parent` (`None`: the top level), before the sibling `before`
    /// (`None`: after the last).
    Move {
        theme: ThemeId,
        parent: Option<ThemeId>,
        before: Option<ThemeId>,
    },
    /// Give a theme number key `key` (1–9; a theme that had it takes the theme's old key), or
    /// none.
    SetKey { theme: ThemeId, key: Option<u8> },
    /// A new theme named `name` (empty: the query's description) tagged on every hit of a
    /// coding query, run on the project as it is now; one undoable step.
    SaveQuery {
        name: String,
        query: crate::analysis::query::CodingQuery,
    },
}

/// Curating the figures the extractor found.
#[derive(Clone, Debug, PartialEq)]
pub enum FigureIntent {
    /// Accept, reject, or (with `None`) send back to unreviewed.
    SetStatus {
        keys: Vec<FigureKey>,
        status: Option<FigureStatus>,
    },
    Correct {
        key: FigureKey,
        correction: Correction,
    },
    /// Add the selected text as a figure the extractor missed (`None`: nothing is selected).
    AddFromText { at: Option<TextRange> },
    /// Move a curated figure (an orphan, usually) to the selected text.
    Reattach {
        figure: FigureId,
        to: Option<TextRange>,
    },
    /// Delete a curated figure; it leaves every series it is in.
    Delete(FigureId),
}

/// Series of figures.
#[derive(Clone, Debug, PartialEq)]
pub enum SeriesIntent {
    /// A new series of these figures (one unit; they are accepted as they go in).
    Create {
        name: String,
        keys: Vec<FigureKey>,
    },
    Add {
        series: SeriesId,
        keys: Vec<FigureKey>,
    },
    Remove {
        series: SeriesId,
        figure: FigureId,
    },
    Rename {
        series: SeriesId,
        name: String,
    },
    Delete(SeriesId),
}

/// Auto-tagging and saved rules.
#[derive(Clone, Debug, PartialEq)]
pub enum RuleIntent {
    /// Tag every hit of a search (its sentence or paragraph) with a theme, as one undoable
    /// step; optionally save it as a rule in the same step.
    TagHits {
        query: Query,
        scope: Scope,
        unit: Unit,
        theme: ThemeId,
        save_rule: bool,
    },
    /// Run a saved rule over the whole corpus again.
    Run(RuleId),
    Delete(RuleId),
}

/// The articles changed.
#[derive(Debug)]
pub enum CorpusIntent {
    /// Files under the corpus folder `root` changed on disk and were read again (with the
    /// figures of each updated article).
    Reread {
        root: PathBuf,
        changes: Vec<(Change, Vec<Figure>)>,
    },
    /// Move passages and figures to where loading placed them (one undoable edit).
    PlaceAfterLoad,
}

/// Article attributes (corrections of detected metadata, custom attributes) and memos.
#[derive(Clone, Debug, PartialEq)]
pub enum AttributeIntent {
    /// Set the analyst's value of `key` on an article: a correction of a detected value, or
    /// a custom attribute's value. An empty value clears a detected one.
    Set {
        article: ArticleId,
        key: String,
        value: String,
    },
    /// Forget the analyst's value of `key` on an article: back to the detected one.
    Reset {
        article: ArticleId,
        key: String,
    },
    /// Add a custom attribute, or change the type or choices of the one with that name.
    Define(AttributeDef),
    /// Rename a custom attribute; every article's value moves with it.
    Rename {
        from: String,
        to: String,
    },
    /// Remove a custom attribute with every article's value of it.
    Remove(String),
    /// Set an article's memo (empty removes it).
    ArticleMemo {
        article: ArticleId,
        memo: String,
    },
    ProjectMemo(String),
}

/// Undo and redo.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistoryIntent {
    Undo,
    Redo,
}

/// What happened to the project's file.
#[derive(Debug)]
pub enum FileIntent {
    /// `written` (a copy taken at history state `state`) was saved to `path`.
    Saved {
        path: PathBuf,
        state: u64,
        written: Box<Project>,
        /// The file as written, for the next save to tell whether another writer came between.
        stamp: Option<crate::project::FileStamp>,
    },
    /// What is open differs from every file on disk (restored work, say).
    MarkUnsaved,
}

/// Coders: who new passages are made by.
#[derive(Clone, Debug, PartialEq)]
pub enum CoderIntent {
    /// Make the coder of this name (compared trimmed, case folded) the current one, adding a
    /// coder of that name when the project has none.
    Switch(String),
    /// Add a coder (the current one stays).
    Add(String),
    Rename {
        coder: CoderId,
        name: String,
    },
}

/// Bring another analyst's project on the same corpus into this one, as one undoable step,
/// with the theme targets the analyst chose in the preview. Their file is only read.
#[derive(Debug)]
pub struct MergeIntent {
    pub theirs: Box<Project>,
    /// Names their implicit coder (a project without coders): their file's stem.
    pub their_name: String,
    pub plan: MergePlan,
}

macro_rules! into_intent {
    ($($area:ident => $variant:ident),* $(,)?) => {
        $(impl From<$area> for Intent {
            fn from(intent: $area) -> Self {
                Self::$variant(intent)
            }
        })*
    };
}

into_intent!(
    TagIntent => Tagging,
    CodebookIntent => Codebook,
    FigureIntent => Figures,
    SeriesIntent => Series,
    RuleIntent => Rules,
    CorpusIntent => Corpus,
    HistoryIntent => History,
    FileIntent => File,
    CoderIntent => Coders,
    MergeIntent => Merge,
    AttributeIntent => Attributes,
);

impl From<super::ActorIntent> for Intent {
    fn from(intent: super::ActorIntent) -> Self {
        Self::Actors(intent)
    }
}
