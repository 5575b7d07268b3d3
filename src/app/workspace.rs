//! The open workspace: the loaded corpus, the project, its undo history and file path, and what
//! is known to be wrong with it. No egui here; the UI reads it and sends edits.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::jobs::LoadedCorpus;
use crate::corpus::{ArticleId, Corpus, LoadReport};
use crate::figures::Figure;
use crate::figures::curation::{FigureRow, merge};
use crate::project::codebook::default_themes;
use crate::project::reanchor::Reanchored;
use crate::project::{
    ArticleRecord, Edit, EditError, FigureId, History, PassageId, PassageProblem, Project,
    check_figures, check_passages, io,
};

/// Everything open in one window.
#[derive(Debug, Default)]
pub struct Workspace {
    /// Shared with background searches, which read it on another thread.
    pub corpus: Arc<Corpus>,
    pub project: Project,
    pub history: History,
    /// Where the project is saved; `None` until the first save.
    pub project_path: Option<PathBuf>,
    /// Passages that do not fit the corpus.
    pub problems: BTreeMap<PassageId, PassageProblem>,
    pub load_report: LoadReport,
    /// Warnings from opening the project file.
    pub open_warnings: Vec<String>,
    /// Bumped on every change to the project or corpus; caches compare it.
    pub revision: u64,
    /// What the extractor found, per article.
    pub extracted: BTreeMap<ArticleId, Vec<Figure>>,
    /// The figures table: extraction merged with the analyst's curation.
    pub figure_rows: Vec<FigureRow>,
    /// Curated figures that do not fit the corpus.
    pub figure_problems: BTreeMap<FigureId, PassageProblem>,
    /// Where passages and figures were placed when the articles were last (re)loaded.
    pub reanchored: Option<Reanchored>,
}

impl Workspace {
    /// A new, unsaved project on a freshly loaded folder, with the default codebook.
    pub fn from_folder(loaded: LoadedCorpus) -> Self {
        let LoadedCorpus {
            corpus,
            report,
            figures,
            ..
        } = loaded;
        let mut project = Project::with_themes(default_themes());
        project.corpus_folder = Some(corpus.root.clone());
        let mut ws = Self {
            corpus: Arc::new(corpus),
            project,
            history: History::saved(),
            load_report: report,
            extracted: figures,
            ..Self::default()
        };
        ws.refresh();
        ws
    }

    /// A project read from `path`, with its corpus (empty when it could not be loaded).
    pub fn from_project(
        path: Option<PathBuf>,
        opened: crate::project::Opened,
        loaded: Option<LoadedCorpus>,
    ) -> Self {
        let (corpus, load_report, extracted, reanchored) = match loaded {
            Some(l) => (l.corpus, l.report, l.figures, l.reanchored),
            None => Default::default(),
        };
        let mut history = History::saved();
        if opened.migrated_from.is_some() {
            // The file on disk is in the old format: saving is a change worth making.
            history.mark_unsaved();
        }
        let mut ws = Self {
            corpus: Arc::new(corpus),
            project: opened.project,
            history,
            project_path: path,
            load_report,
            open_warnings: opened.warnings,
            extracted,
            reanchored,
            ..Self::default()
        };
        ws.refresh();
        ws
    }

    /// Recompute what depends on the project and corpus.
    pub fn refresh(&mut self) {
        self.problems = check_passages(&self.project, &self.corpus);
        self.figure_problems = check_figures(&self.project, &self.corpus);
        self.figure_rows = merge(&self.extracted, &self.project, &self.corpus);
        self.revision += 1;
    }

    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        self.history.apply(&mut self.project, edit)?;
        self.refresh();
        Ok(())
    }

    pub fn undo(&mut self) -> Result<Option<String>, EditError> {
        let done = self.history.undo(&mut self.project)?;
        self.refresh();
        Ok(done)
    }

    pub fn redo(&mut self) -> Result<Option<String>, EditError> {
        let done = self.history.redo(&mut self.project)?;
        self.refresh();
        Ok(done)
    }

    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// Is there anything worth saving (or asking about)?
    pub fn has_work(&self) -> bool {
        !self.corpus.is_empty() || !self.project.passages.is_empty() || self.project_path.is_some()
    }

    /// A copy of the project as it should be written to `path`: the corpus folder relative to
    /// it, and the article records taken from the loaded corpus (records of missing articles
    /// that passages still use are kept).
    pub fn project_for_save(&self, path: &Path) -> Project {
        let mut project = self.project.clone();
        if !self.corpus.root.as_os_str().is_empty() {
            io::set_corpus_folder(&mut project, path, &self.corpus.root);
        } else if let (Some(old), Some(folder)) = (&self.project_path, &self.project.corpus_folder)
        {
            // No corpus loaded: keep pointing at the same folder from the new location.
            let location = io::corpus_location(old, folder);
            io::set_corpus_folder(&mut project, path, &location.path);
        }
        if !self.corpus.is_empty() {
            let used: std::collections::BTreeSet<&ArticleId> =
                project.passages.values().map(|p| &p.article).collect();
            let mut records: Vec<ArticleRecord> = self
                .corpus
                .articles()
                .iter()
                .map(ArticleRecord::of)
                .collect();
            for old in &self.project.articles {
                if self.corpus.get(&old.path).is_none() && used.contains(&old.path) {
                    records.push(old.clone());
                }
            }
            records.sort_by(|a, b| a.path.cmp(&b.path));
            project.articles = records;
        }
        project
    }

    /// Articles the project knows (from its records or passages) that the corpus lacks.
    pub fn missing_articles(&self) -> Vec<ArticleId> {
        let mut ids: std::collections::BTreeSet<ArticleId> = self
            .project
            .articles
            .iter()
            .map(|r| r.path.clone())
            .collect();
        ids.extend(self.project.passages.values().map(|p| p.article.clone()));
        ids.into_iter()
            .filter(|id| self.corpus.get(id).is_none())
            .collect()
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
}
