//! Curating figures (accept, reject, correct, add by hand, move, delete) and series of figures
//! (create, add to, remove from, rename, delete). Deleting a figure takes it out of every
//! series first.

use super::{FigureIntent, Outcome, SeriesIntent, Session, SessionError, TextRange};
use crate::figures::curate;
use crate::figures::curation::{FigureKey, FigureRow};
use crate::project::colours::first_unused;
use crate::project::{Anchor, Edit, FigureId, SeriesId, Timestamp};

/// Why a figure or series intent failed, as the analyst reads it.
fn curate_error(e: impl std::fmt::Display) -> SessionError {
    SessionError::Curate(e.to_string())
}

impl Session {
    /// The table rows at `keys` (keys no longer in the table are left out).
    fn rows(&self, keys: &[FigureKey]) -> Vec<&FigureRow> {
        keys.iter().filter_map(|k| self.figure_row(k)).collect()
    }

    pub(super) fn figures(&mut self, intent: FigureIntent) -> Result<Outcome, SessionError> {
        let now = Timestamp::now();
        match intent {
            FigureIntent::SetStatus { keys, status } => {
                let edit = curate::set_status(
                    &self.project,
                    &self.corpus,
                    &self.rows(&keys),
                    status,
                    &now,
                )
                .map_err(curate_error)?;
                self.edit(edit)
            }
            FigureIntent::Correct { key, correction } => {
                let row = self
                    .figure_row(&key)
                    .ok_or_else(|| curate_error("that figure is no longer in the table"))?;
                let edit = curate::correct(&self.project, &self.corpus, row, &correction, &now)
                    .map_err(curate_error)?;
                self.edit(edit)
            }
            FigureIntent::AddFromText { at } => self.add_figure(at, &now),
            FigureIntent::Reattach { figure, to } => self.reattach_figure(figure, to, &now),
            FigureIntent::Delete(id) => self.edit(self.delete_figure(id)),
        }
    }

    fn add_figure(
        &mut self,
        at: Option<TextRange>,
        now: &Timestamp,
    ) -> Result<Outcome, SessionError> {
        let found = at.and_then(|at| Some((self.corpus.get(&at.article)?, at)));
        let Some((article, at)) = found else {
            return Err(SessionError::NeedsSelection(
                "Select the figure's text in the reader first.",
            ));
        };
        let edit = curate::manual_figure(&self.project, article, at.start, at.end, now)
            .map_err(curate_error)?;
        let mut outcome = self.edit(edit)?;
        outcome.figure = Some(FigureKey {
            article: at.article,
            start: at.start,
            end: at.end,
        });
        Ok(outcome)
    }

    fn reattach_figure(
        &mut self,
        id: FigureId,
        to: Option<TextRange>,
        now: &Timestamp,
    ) -> Result<Outcome, SessionError> {
        let found = to.and_then(|to| {
            let article = self.corpus.get(&to.article)?;
            let figure = self.project.figures.get(&id)?;
            Some((article, figure, to))
        });
        let Some((article, figure, to)) = found else {
            return Err(curate_error(
                "select the figure's new text in the reader first",
            ));
        };
        let anchor = Anchor::cut(article, to.start, to.end)
            .ok_or_else(|| curate_error("the selection does not fit the article"))?;
        let mut figure = figure.clone();
        figure.set_anchor(article.id.clone(), anchor);
        figure.modified = now.clone();
        self.edit(Edit::UpsertFigure(figure))
    }

    /// The edit that deletes a curated figure: out of every series, then gone.
    fn delete_figure(&self, id: FigureId) -> Edit {
        let mut edits: Vec<Edit> = self
            .project
            .series
            .iter()
            .filter(|s| s.figures.contains(&id))
            .map(|s| {
                let mut s = s.clone();
                s.figures.retain(|f| *f != id);
                Edit::UpsertSeries(s)
            })
            .collect();
        edits.push(Edit::RemoveFigure(id));
        Edit::Batch {
            label: "delete figure".into(),
            edits,
        }
    }

    pub(super) fn series(&mut self, intent: SeriesIntent) -> Result<Outcome, SessionError> {
        let now = Timestamp::now();
        let gone = || curate_error("that series no longer exists");
        let (edit, made) = match intent {
            SeriesIntent::Create { name, keys } => {
                let project = &self.project;
                let color = first_unused(project.series.iter().map(|s| s.color));
                let id = project.next_series_id();
                let rows = self.rows(&keys);
                let edit = curate::new_series(project, &self.corpus, &rows, &name, color, &now)
                    .map_err(curate_error)?;
                (edit, Some(id))
            }
            SeriesIntent::Add { series, keys } => {
                let rows = self.rows(&keys);
                let edit = curate::add_to_series(&self.project, &self.corpus, &rows, series, &now)
                    .map_err(curate_error)?;
                (edit, Some(series))
            }
            SeriesIntent::Remove { series, figure } => {
                let mut s = self.series_copy(series).ok_or_else(gone)?;
                s.figures.retain(|f| *f != figure);
                (Edit::UpsertSeries(s), None)
            }
            SeriesIntent::Rename { series, name } => {
                let mut s = self.series_copy(series).ok_or_else(gone)?;
                s.name = name.trim().to_owned();
                (Edit::UpsertSeries(s), None)
            }
            SeriesIntent::Delete(id) => (
                curate::delete_series(&self.project, id).ok_or_else(gone)?,
                None,
            ),
        };
        let mut outcome = self.edit(edit)?;
        outcome.series = made;
        Ok(outcome)
    }

    fn series_copy(&self, id: SeriesId) -> Option<crate::project::Series> {
        self.project.series_by_id(id).cloned()
    }
}
