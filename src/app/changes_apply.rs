//! Taking in articles that changed on disk while the app runs: the corpus and figures are
//! updated, passages and figures re-anchored (one undoable edit), and the analyst told.

use std::sync::Arc;

use super::DossierApp;
use super::notify::Level;
use super::watch::CorpusWatcher;
use crate::corpus::changes::Change;
use crate::figures::Figure;
use crate::project::reanchor;

impl DossierApp {
    /// Start watching the open corpus folder (or stop, when there is none).
    pub(super) fn watch_corpus(&mut self, ctx: &egui::Context) {
        let root = self.ws.corpus.root.clone();
        if root.as_os_str().is_empty() {
            self.watcher = None;
            return;
        }
        if self.watcher.as_ref().is_some_and(|w| w.root == root) {
            return;
        }
        match CorpusWatcher::start(root.clone(), ctx.clone()) {
            Ok(w) => self.watcher = Some(w),
            Err(e) => {
                self.watcher = None;
                self.notes.warn(format!(
                    "Changes to the articles on disk will not be picked up while Dossier runs: {e} — {}",
                    root.display()
                ));
            }
        }
    }

    pub(super) fn poll_watcher(&mut self, ctx: &egui::Context) {
        if self
            .watcher
            .as_ref()
            .is_none_or(|w| w.root != self.ws.corpus.root)
        {
            self.watch_corpus(ctx);
        }
        let Some(watcher) = self.watcher.as_mut() else {
            return;
        };
        let (paths, errors) = watcher.poll();
        for e in errors {
            self.notes
                .warn(format!("Watching the articles folder: {e}"));
        }
        if let Some(paths) = paths {
            self.jobs.reread(self.ws.corpus.clone(), paths);
        } else if watcher.is_waiting() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    pub(super) fn take_changes(
        &mut self,
        root: std::path::PathBuf,
        changes: Vec<(Change, Vec<Figure>)>,
    ) {
        if root != self.ws.corpus.root || changes.is_empty() {
            return; // another corpus was opened meanwhile, or nothing really changed
        }
        let (mut new, mut edited, mut removed) = (0, 0, 0);
        let mut ids = Vec::new();
        let mut skipped = Vec::new();
        let corpus = Arc::make_mut(&mut self.ws.corpus);
        for (change, figures) in changes {
            match change {
                Change::Updated(article) => {
                    if corpus.get(&article.id).is_some() {
                        edited += 1;
                    } else {
                        new += 1;
                    }
                    ids.push(article.id.clone());
                    self.ws.extracted.insert(article.id.clone(), figures);
                    corpus.upsert(article);
                }
                Change::Removed(id, why) => {
                    removed += 1;
                    corpus.remove(&id);
                    self.ws.extracted.remove(&id);
                    if let Some(s) = why {
                        skipped.push(s);
                    }
                    ids.push(id);
                }
            }
        }
        self.ws.load_report.skipped.extend(skipped);
        let found = reanchor::reanchor(&self.ws.project, &self.ws.corpus, Some(&ids));
        self.ws.refresh();
        if let Some(edit) = reanchor::edit(&self.ws.project, &self.ws.corpus, &found) {
            self.edit(edit);
        }
        let orphans = found.passage_counts().orphaned + found.figure_counts().orphaned;
        let mut message =
            format!("Articles changed on disk: {new} new, {edited} edited, {removed} removed.");
        if !found.passages.is_empty() || !found.figures.is_empty() {
            message.push(' ');
            message.push_str(&found.summary());
        }
        if removed > 0
            && self
                .ws
                .problems
                .values()
                .any(|p| *p == crate::project::PassageProblem::MissingArticle)
        {
            message.push_str(" Passages of removed articles are kept; see the Orphans tab.");
        }
        self.ws.reanchored = Some(found);
        let level = if orphans > 0 || removed > 0 {
            Level::Warning
        } else {
            Level::Info
        };
        self.notes.push(level, message);
    }
}
