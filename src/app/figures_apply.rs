//! Applying the figure commands: curation edits, series, and exports of series and plots.

use std::path::PathBuf;

use super::DossierApp;
use super::command::Command;
use super::jobs::DialogKind;
use crate::figures::curate;
use crate::figures::curation::{FigureKey, FigureRow};
use crate::figures::series;
use crate::project::{Edit, Timestamp};
use crate::ui::palette;

impl DossierApp {
    /// Handle a figure command; returns it back when it is not one.
    pub(super) fn apply_figure_command(
        &mut self,
        ctx: &egui::Context,
        command: Command,
    ) -> Option<Command> {
        let now = Timestamp::now();
        let ws = &self.ws;
        let rows = |keys: &[FigureKey]| -> Vec<&FigureRow> {
            keys.iter()
                .filter_map(|k| ws.figure_rows.iter().find(|r| &r.key == k))
                .collect()
        };
        let edit: Result<Edit, String> = match command {
            Command::SelectFigure(key) => {
                self.sel.figure = Some(key.clone());
                self.commands.push(Command::ShowRange {
                    article: key.article,
                    start: key.start,
                    end: key.end,
                });
                return None;
            }
            Command::PickFigure(key) => {
                self.sel.figure = Some(key);
                return None;
            }
            Command::SetFigureStatus(keys, status) => {
                curate::set_status(&ws.project, &ws.corpus, &rows(&keys), status, &now)
                    .map_err(|e| e.to_string())
            }
            Command::CorrectFigure(key, correction) => {
                match rows(std::slice::from_ref(&key)).first() {
                    Some(row) => curate::correct(&ws.project, &ws.corpus, row, &correction, &now)
                        .map_err(|e| e.to_string()),
                    None => Err("that figure is no longer in the table".into()),
                }
            }
            Command::NewSeries { name, keys } => {
                let color =
                    palette::THEME_COLOURS[ws.project.series.len() % palette::THEME_COLOURS.len()];
                let edit =
                    curate::new_series(&ws.project, &ws.corpus, &rows(&keys), &name, color, &now);
                if edit.is_ok() {
                    self.views.figures.picked.clear();
                    self.views.plot.show_new_series = true;
                }
                edit.map_err(|e| e.to_string())
            }
            Command::AddToSeries(id, keys) => {
                let edit = curate::add_to_series(&ws.project, &ws.corpus, &rows(&keys), id, &now);
                if edit.is_ok() {
                    self.views.figures.picked.clear();
                }
                edit.map_err(|e| e.to_string())
            }
            Command::RemoveFromSeries(id, figure) => match ws.project.series_by_id(id) {
                Some(s) => {
                    let mut s = s.clone();
                    s.figures.retain(|f| *f != figure);
                    Ok(Edit::UpsertSeries(s))
                }
                None => Err("that series no longer exists".into()),
            },
            Command::RenameSeries(id, name) => match ws.project.series_by_id(id) {
                Some(s) => {
                    let mut s = s.clone();
                    s.name = name.trim().to_owned();
                    Ok(Edit::UpsertSeries(s))
                }
                None => Err("that series no longer exists".into()),
            },
            Command::DeleteSeries(id) => curate::delete_series(&ws.project, id)
                .ok_or_else(|| "that series no longer exists".into()),
            Command::AddFigureFromSelection => {
                let (Some((start, end)), Some(article)) = (
                    self.sel.text,
                    self.sel.article.as_ref().and_then(|a| ws.corpus.get(a)),
                ) else {
                    self.notes
                        .warn("Select the figure's text in the reader first.");
                    return None;
                };
                let edit = curate::manual_figure(&ws.project, article, start, end, &now);
                if edit.is_ok() {
                    self.sel.figure = Some(FigureKey {
                        article: article.id.clone(),
                        start,
                        end,
                    });
                }
                edit.map_err(|e| e.to_string())
            }
            Command::ReattachFigure(id) => {
                let article = self.sel.article.as_ref().and_then(|a| ws.corpus.get(a));
                match (self.sel.text, article, ws.project.figures.get(&id)) {
                    (Some((s, e)), Some(article), Some(f)) => {
                        match crate::project::Anchor::cut(article, s, e) {
                            Some(anchor) => {
                                let mut f = f.clone();
                                f.set_anchor(article.id.clone(), anchor);
                                f.modified = now.clone();
                                Ok(Edit::UpsertFigure(f))
                            }
                            None => Err("the selection does not fit the article".into()),
                        }
                    }
                    _ => Err("select the figure's new text in the reader first".into()),
                }
            }
            Command::DeleteFigure(id) => {
                let mut edits: Vec<Edit> = ws
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
                Ok(Edit::Batch {
                    label: "delete figure".into(),
                    edits,
                })
            }
            Command::ExportSeries(id) => {
                self.show_save_dialog(DialogKind::ExportSeries(id));
                return None;
            }
            Command::ExportPlot => {
                self.show_save_dialog(DialogKind::ExportPlot);
                return None;
            }
            other => return Some(other),
        };
        match edit {
            Ok(edit) => self.edit(edit),
            Err(e) => self.notes.error(format!("That could not be done: {e}.")),
        }
        let _ = ctx;
        None
    }

    pub(super) fn export_series(&mut self, id: crate::project::SeriesId, path: PathBuf) {
        let Some(s) = self.ws.project.series_by_id(id) else {
            self.notes.error("That series no longer exists.");
            return;
        };
        let points = series::points(&self.ws.project, &self.ws.corpus, s);
        let mut bytes = Vec::new();
        match series::write_csv(s, &points, &mut bytes) {
            Ok(()) => self.jobs.write_file(with_extension(path, "csv"), bytes),
            Err(e) => self.notes.error(format!("Could not write the CSV: {e}")),
        }
    }

    pub(super) fn export_plot(&mut self, ctx: &egui::Context, path: PathBuf) {
        let Some(rect) = self.views.plot.last_rect else {
            self.notes
                .warn("Open the Plot tab first, so there is a plot to export.");
            return;
        };
        let ppp = ctx.pixels_per_point();
        let callback = self
            .jobs
            .png_of_region(with_extension(path, "png"), rect, ppp);
        ctx.request_screenshot(callback);
    }
}

/// `path`, with `ext` added when it has no extension.
pub(super) fn with_extension(path: PathBuf, ext: &str) -> PathBuf {
    if path.extension().is_none() {
        path.with_extension(ext)
    } else {
        path
    }
}
