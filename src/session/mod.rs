//! The open session: the loaded corpus, the project, its undo history and file path, and the
//! data derived from them. No egui here. Everything that changes the project or the corpus is
//! an [`Intent`] given to [`Session::apply`]; the rest of the program only reads a session.

mod actors;
mod apply;
mod attributes;
mod codebook;
#[cfg(test)]
mod codebook_tests;
mod coders;
mod corpus;
mod derived;
mod figures;
mod intent;
pub mod load;
mod merge;
mod outcome;
mod queries;
pub mod recovery;
mod report;
mod rules;
pub mod save;
mod tagging;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_team;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use actors::ActorIntent;
pub use intent::{
    AttributeIntent, CodebookIntent, CoderIntent, CorpusIntent, FigureIntent, FileIntent,
    HistoryIntent, Intent, MergeIntent, RuleIntent, SeriesIntent, TagIntent, TextRange,
};
pub use load::LoadedCorpus;
pub use outcome::{Level, Notice, Outcome, SessionError};
pub use report::Report;

use crate::corpus::{ArticleId, Corpus, LoadReport};
use crate::figures::Figure;
use crate::figures::curation::FigureRow;
use crate::figures::series::{Point, Suggestion};
use crate::project::codebook::default_themes;
use crate::project::reanchor::Reanchored;
use crate::project::{
    FigureId, History, Opened, PassageId, PassageProblem, Project, SeriesId, ThemeId,
};
use crate::text::Intervals;

/// Everything open in one window.
#[derive(Debug, Default)]
pub struct Session {
    /// Shared with background work (searches, re-reading changed files) on other threads.
    corpus: Arc<Corpus>,
    project: Project,
    history: History,
    /// Where the project is saved; `None` until the first save.
    project_path: Option<PathBuf>,
    /// The project file as this session opened or last saved it: a save stops when the file
    /// on disk is no longer that one (another window or program wrote it).
    disk_stamp: Option<crate::project::FileStamp>,
    load_report: LoadReport,
    /// Warnings from opening the project file.
    open_warnings: Vec<String>,
    /// What the extractor found, per article.
    extracted: BTreeMap<ArticleId, Vec<Figure>>,
    /// Where passages and figures were placed when the articles were last (re)loaded.
    reanchored: Option<Reanchored>,
    /// Bumped on every change to the project or the corpus.
    revision: u64,
    /// Bumped on every change to the corpus.
    corpus_revision: u64,
    derived: derived::Derived,
    /// Actors and relations, memoised.
    actors: actors::ActorCache,
}

impl Session {
    /// A new, unsaved project on a freshly loaded folder, with the default codebook.
    pub fn from_folder(loaded: LoadedCorpus) -> Self {
        let LoadedCorpus {
            corpus,
            report,
            figures,
            ..
        } = loaded;
        let mut project = Project::with_themes(default_themes());
        project.ensure_theme_keys();
        project.corpus_folder = Some(corpus.root.clone());
        Self {
            corpus: Arc::new(corpus),
            project,
            history: History::saved(),
            load_report: report,
            extracted: figures,
            ..Self::default()
        }
        .fresh()
    }

    /// A project read from `path` (`None` for a project never saved), with its corpus (empty
    /// when it could not be loaded).
    pub fn from_project(
        path: Option<PathBuf>,
        opened: Opened,
        loaded: Option<LoadedCorpus>,
    ) -> Self {
        let (corpus, load_report, extracted, reanchored) = match loaded {
            Some(l) => (l.corpus, l.report, l.figures, l.reanchored),
            None => Default::default(),
        };
        let mut opened = opened;
        // A project imported from another tool has no number keys yet.
        opened.project.ensure_theme_keys();
        let mut history = History::saved();
        if opened.changed_by_migration() {
            // The file on disk is in the old format: saving is a change worth making.
            history.mark_unsaved();
        }
        Self {
            corpus: Arc::new(corpus),
            project: opened.project,
            history,
            disk_stamp: opened.stamp,
            project_path: path,
            load_report,
            open_warnings: opened.warnings,
            extracted,
            reanchored,
            ..Self::default()
        }
        .fresh()
    }

    /// The loaded articles (shared: background work holds the same corpus).
    pub fn corpus(&self) -> &Arc<Corpus> {
        &self.corpus
    }

    pub fn project(&self) -> &Project {
        &self.project
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    /// The project file as it was opened or last saved (see [`crate::project::FileStamp`]).
    pub fn disk_stamp(&self) -> Option<&crate::project::FileStamp> {
        self.disk_stamp.as_ref()
    }

    pub fn project_path(&self) -> Option<&Path> {
        self.project_path.as_deref()
    }

    /// Files skipped or read with a fallback encoding when the corpus loaded.
    pub fn load_report(&self) -> &LoadReport {
        &self.load_report
    }

    /// Problems found (and flagged or repaired) when the project file was read.
    pub fn open_warnings(&self) -> &[String] {
        &self.open_warnings
    }

    /// Where passages and figures were placed when the articles were last (re)loaded.
    pub fn reanchored(&self) -> Option<&Reanchored> {
        self.reanchored.as_ref()
    }

    /// A number that changes whenever the project or the corpus changes; caches compare it.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// A number that changes whenever the corpus changes.
    pub fn corpus_revision(&self) -> u64 {
        self.corpus_revision
    }

    /// Are there changes to save? Never for the empty window (nothing loaded, nothing done).
    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty() && (self.has_work() || self.history.can_undo())
    }

    /// Is there anything worth saving (or asking about)?
    pub fn has_work(&self) -> bool {
        !self.corpus.is_empty() || !self.project.passages.is_empty() || self.project_path.is_some()
    }

    /// Is the theme used by a passage or a child theme (so deleting it needs a question)?
    pub fn theme_in_use(&self, id: ThemeId) -> bool {
        self.theme_usage().get(&id).copied().unwrap_or(0) > 0
            || self.project.themes.iter().any(|t| t.parent == Some(id))
    }

    /// Passages that do not fit the corpus.
    pub fn problems(&self) -> &BTreeMap<PassageId, PassageProblem> {
        self.derived.problems(&self.project, &self.corpus)
    }

    /// Curated figures that do not fit the corpus.
    pub fn figure_problems(&self) -> &BTreeMap<FigureId, PassageProblem> {
        self.derived.figure_problems(&self.project, &self.corpus)
    }

    /// The figures table: extraction merged with the analyst's curation.
    pub fn figure_rows(&self) -> &[FigureRow] {
        self.derived
            .figure_rows(&self.extracted, &self.project, &self.corpus)
    }

    /// The row of the figures table at `key` (the last one, should two share it). The rows are
    /// sorted by key, so this is a binary search: no index beside them (issue 16: a hash map of
    /// 91,000 keys was 7.7 MiB).
    pub fn figure_row(&self, key: &crate::figures::curation::FigureKey) -> Option<&FigureRow> {
        let rows = self.figure_rows();
        let after = rows.partition_point(|r| r.key <= *key);
        rows.get(after.checked_sub(1)?).filter(|r| r.key == *key)
    }

    /// The units of the figures table, sorted, without repeats.
    pub fn figure_units(&self) -> &[String] {
        self.derived
            .figure_units(&self.extracted, &self.project, &self.corpus)
    }

    /// How many figures are new, accepted and rejected (in that order).
    pub fn figure_status_counts(&self) -> [usize; 3] {
        self.derived
            .figure_status_counts(&self.extracted, &self.project, &self.corpus)
    }

    /// Spans of the figures (not rejected) of one article, to mark in the reader, sorted.
    pub fn figure_spans(&self, article: &ArticleId) -> &[(usize, usize)] {
        self.derived
            .figure_index(&self.extracted, &self.project, &self.corpus)
            .get(article)
            .map_or(&[], Intervals::spans)
    }

    /// The first row (in the table's order) of a figure of `article` that is not rejected and
    /// covers code point `at`.
    pub fn figure_at(&self, article: &ArticleId, at: usize) -> Option<&FigureRow> {
        let index = self
            .derived
            .figure_index(&self.extracted, &self.project, &self.corpus)
            .get(article)?;
        let (_, &row) = index.covering(at).next()?;
        self.figure_rows().get(row)
    }

    /// The passages of `article` by the code points they cover (ordered by start, end, id),
    /// or `None` when it has none.
    pub fn passage_index(&self, article: &ArticleId) -> Option<&Intervals<PassageId>> {
        self.derived.passage_index(&self.project).get(article)
    }

    /// The points of a series, by year.
    pub fn series_points(&self, id: SeriesId) -> &[Point] {
        self.derived
            .series_points(&self.project, &self.corpus)
            .get(&id)
            .map_or(&[], Vec::as_slice)
    }

    /// Series the analyst might want: figures of one unit whose sentences share words.
    pub fn suggestions(&self) -> &[Suggestion] {
        self.derived
            .suggestions(&self.extracted, &self.project, &self.corpus)
    }

    /// How many passages use each theme.
    pub fn theme_usage(&self) -> &BTreeMap<ThemeId, usize> {
        self.derived.theme_usage(&self.project)
    }

    /// In how many articles each theme has passages.
    pub fn theme_articles(&self) -> &BTreeMap<ThemeId, usize> {
        self.derived.theme_articles(&self.project)
    }

    /// How many passages each article has.
    pub fn passage_counts(&self) -> &BTreeMap<ArticleId, usize> {
        self.derived.passage_counts(&self.project)
    }

    /// Articles the project knows (from its records or passages) that the corpus lacks.
    pub fn missing_articles(&self) -> &[ArticleId] {
        self.derived.missing_articles(&self.project, &self.corpus)
    }

    /// Articles made by another converter (or converter version) than at the last save.
    pub fn converter_changes(&self) -> &[crate::project::converted::ConverterChange] {
        self.derived.converter_changes(&self.project, &self.corpus)
    }

    /// Articles whose text differs from what the project recorded at its last save.
    pub fn changed_articles(&self) -> Vec<ArticleId> {
        self.project
            .articles
            .iter()
            .filter(|r| {
                self.corpus
                    .get(&r.path)
                    .is_some_and(|a| a.sha256() != r.sha256)
            })
            .map(|r| r.path.clone())
            .collect()
    }

    /// The window title: project name, with a mark when there are unsaved changes.
    pub fn title(&self) -> String {
        let name = match &self.project_path {
            Some(p) => p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            None if self.corpus.root.as_os_str().is_empty() => "No project".to_owned(),
            None => format!(
                "Untitled ({})",
                self.corpus
                    .root
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
            ),
        };
        let mark = if self.is_dirty() { " ●" } else { "" };
        format!("{name}{mark} — Dossier")
    }

    /// The name an export gives the project: the project file's stem, or the corpus folder.
    pub fn export_name(&self) -> String {
        let stem = self
            .project_path
            .as_ref()
            .and_then(|p| p.file_stem())
            .or_else(|| self.corpus.root.file_name())
            .map(|s| s.to_string_lossy().into_owned());
        stem.unwrap_or_else(|| "Dossier project".to_owned())
    }

    /// The project or the corpus changed: what was derived from them is computed again when
    /// next asked for.
    fn changed(&mut self, corpus_too: bool) {
        self.revision = next_revision();
        if corpus_too {
            self.corpus_revision = next_revision();
        }
        self.derived = derived::Derived::default();
        self.actors.forget(corpus_too);
    }

    /// A session with fresh revision numbers (no cache of another session can match them).
    fn fresh(mut self) -> Self {
        self.changed(true);
        self
    }
}

/// Revision numbers are unique across sessions, so a cache keyed by one never mistakes a newly
/// opened project for the one before.
fn next_revision() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}
