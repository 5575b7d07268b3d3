//! The articles changing under the project: files changed on disk while the app runs (the
//! corpus and figures are updated, passages and figures re-anchored as one undoable edit), and
//! passages placed again after a project's articles were loaded.

use std::path::PathBuf;
use std::sync::Arc;

use super::{CorpusIntent, Level, Notice, Outcome, Session, SessionError};
use crate::corpus::changes::Change;
use crate::figures::Figure;
use crate::project::{PassageProblem, reanchor};

impl Session {
    pub(super) fn corpus_change(&mut self, intent: CorpusIntent) -> Result<Outcome, SessionError> {
        match intent {
            CorpusIntent::Reread { root, changes } => self.take_changes(root, changes),
            CorpusIntent::PlaceAfterLoad => self.place_after_load(),
        }
    }

    fn take_changes(
        &mut self,
        root: PathBuf,
        changes: Vec<(Change, Vec<Figure>)>,
    ) -> Result<Outcome, SessionError> {
        if root != self.corpus.root || changes.is_empty() {
            // Another corpus was opened meanwhile, or nothing really changed.
            return Ok(Outcome::unchanged());
        }
        let (mut new, mut edited, mut removed) = (0, 0, 0);
        let mut ids = Vec::new();
        let corpus = Arc::make_mut(&mut self.corpus);
        for (change, figures) in changes {
            match change {
                Change::Updated(article) => {
                    if corpus.get(&article.id).is_some() {
                        edited += 1;
                    } else {
                        new += 1;
                    }
                    ids.push(article.id.clone());
                    self.extracted.insert(article.id.clone(), figures);
                    corpus.upsert(article);
                }
                Change::Removed(id, why) => {
                    removed += 1;
                    corpus.remove(&id);
                    self.extracted.remove(&id);
                    self.load_report.skipped.extend(why);
                    ids.push(id);
                }
            }
        }
        self.changed(true);
        let found = reanchor::reanchor(&self.project, &self.corpus, Some(&ids));
        let (outcome, failed) = self.place(&found);
        let outcome = outcome.unwrap_or_else(Outcome::changed);
        let orphans = found.passage_counts().orphaned + found.figure_counts().orphaned;
        let mut message =
            format!("Articles changed on disk: {new} new, {edited} edited, {removed} removed.");
        if !found.passages.is_empty() || !found.figures.is_empty() {
            message.push(' ');
            message.push_str(&found.summary());
        }
        let missing = self
            .problems()
            .values()
            .any(|p| *p == PassageProblem::MissingArticle);
        if removed > 0 && missing {
            message.push_str(" Passages of removed articles are kept; see the Orphans tab.");
        }
        if let Some(e) = &failed {
            message.push(' ');
            message.push_str(&e.to_string());
        }
        self.reanchored = Some(found);
        let level = if failed.is_some() {
            Level::Error
        } else if orphans > 0 || removed > 0 {
            Level::Warning
        } else {
            Level::Info
        };
        Ok(outcome.with_notice(Notice {
            level,
            text: message,
        }))
    }

    /// Move passages and figures to where re-anchoring found them, as one undoable edit: what
    /// it did (`None` when nothing moves), or why it could not.
    fn place(&mut self, found: &reanchor::Reanchored) -> (Option<Outcome>, Option<SessionError>) {
        match reanchor::edit(&self.project, &self.corpus, found).map(|edit| self.edit(edit)) {
            None => (None, None),
            Some(Ok(outcome)) => (Some(outcome), None),
            Some(Err(e)) => (None, Some(e)),
        }
    }

    /// Move passages and figures to where loading placed them (one undoable edit) and say
    /// what happened.
    fn place_after_load(&mut self) -> Result<Outcome, SessionError> {
        let Some(found) = self.reanchored.clone() else {
            return Ok(Outcome::unchanged());
        };
        let (outcome, failed) = self.place(&found);
        if let Some(e) = failed {
            return Err(e);
        }
        let mut outcome = outcome.unwrap_or_else(Outcome::unchanged);
        if !found.is_quiet() {
            let level = if found.passage_counts().orphaned + found.figure_counts().orphaned > 0 {
                Level::Warning
            } else {
                Level::Info
            };
            outcome.notice = Some(Notice {
                level,
                text: format!(
                    "Some articles changed since the last save. {}",
                    found.summary()
                ),
            });
        }
        Ok(outcome)
    }
}
