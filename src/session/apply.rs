//! [`Session::apply`]: the one place where the project and the corpus change. Its `match` names
//! every area of [`Intent`], and each area's handler names every variant of its own enum, so an
//! intent nobody handles is a compile error, not a silent no-op.

use super::{FileIntent, HistoryIntent, Intent, Outcome, Session, SessionError};
use crate::project::Edit;

impl Session {
    /// Carry out `intent`. On error nothing changed.
    pub fn apply(&mut self, intent: Intent) -> Result<Outcome, SessionError> {
        match intent {
            Intent::Tagging(intent) => self.tagging(intent),
            Intent::Codebook(intent) => self.codebook(intent),
            Intent::Figures(intent) => self.figures(intent),
            Intent::Series(intent) => self.series(intent),
            Intent::Rules(intent) => self.rules(intent),
            Intent::Corpus(intent) => self.corpus_change(intent),
            Intent::History(intent) => self.history_step(intent),
            Intent::File(intent) => self.file(intent),
            Intent::Actors(intent) => self.actor_change(intent),
            Intent::Coders(intent) => self.coders(intent),
            Intent::Merge(intent) => self.merge_project(intent),
            Intent::Attributes(intent) => self.attributes(intent),
        }
    }

    /// Apply one edit as one undoable step.
    pub(super) fn edit(&mut self, edit: Edit) -> Result<Outcome, SessionError> {
        self.history.apply(&mut self.project, edit)?;
        self.changed(false);
        Ok(Outcome::changed())
    }

    fn history_step(&mut self, intent: HistoryIntent) -> Result<Outcome, SessionError> {
        let done = match intent {
            HistoryIntent::Undo => self
                .history
                .undo(&mut self.project)
                .map_err(SessionError::Undo)?,
            HistoryIntent::Redo => self
                .history
                .redo(&mut self.project)
                .map_err(SessionError::Redo)?,
        };
        if done.is_none() {
            return Ok(Outcome::unchanged());
        }
        self.changed(false);
        Ok(Outcome::changed())
    }

    fn file(&mut self, intent: FileIntent) -> Result<Outcome, SessionError> {
        match intent {
            FileIntent::Saved {
                path,
                state,
                written,
                stamp,
            } => {
                self.disk_stamp = stamp;
                // The file holds the state that was copied, which may be older than the
                // current one; and the folder and article records as written there.
                self.history.mark_saved(state);
                let written = *written;
                self.project.corpus_folder = written.corpus_folder;
                self.project.articles = written.articles;
                self.project_path = Some(path);
                self.derived.forget_records();
                Ok(Outcome::changed())
            }
            FileIntent::MarkUnsaved => {
                self.history.mark_unsaved();
                Ok(Outcome::unchanged())
            }
        }
    }
}
