//! The theme × article matrix: one row per theme, one column per article headed by its title
//! (written upwards, whole on hover), cells shaded by value; click a cell to list its passages.
//! The columns can be the values of an attribute instead (themes by year, by outlet).

use egui::Ui;

use super::labels::{header_height, rotated_header, row_label};
use super::split::{SplitBy, group_matrix_ui, split_picker};
use super::{AnalysisState, cell, passage_list};
use crate::analysis::matrix::{Measure, cell_passages};
use crate::context::{ExportWhat, FileCommand, ViewContext};
use crate::corpus::ArticleId;
use crate::project::{PassageId, ThemeId};
use crate::session::Session;
use crate::ui::{palette, swatch, theme_chip};

/// Width of a cell, and of the theme names before the cells.
const CELL: f32 = 54.0;
const NAMES: f32 = 200.0;

/// An article's title, or its file name when it is missing from the corpus.
pub(super) fn article_title(ws: &Session, id: &ArticleId) -> String {
    ws.corpus()
        .get(id)
        .map_or_else(|| id.file_name().to_owned(), |a| a.title.clone())
}

pub fn matrix_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &mut AnalysisState) {
    let ws = cx.session;
    ui.horizontal(|ui| {
        ui.label("Count");
        ui.selectable_value(&mut state.measure, Measure::Passages, "passages");
        ui.selectable_value(&mut state.measure, Measure::Characters, "characters coded");
        ui.separator();
        split_picker(
            ui,
            "matrix_columns",
            "Columns",
            ws,
            &mut state.matrix_columns,
            false,
        );
        ui.separator();
        if ui.button("Export CSV…").clicked() {
            cx.send(FileCommand::ExportTable(ExportWhat::Matrix(state.measure)));
        }
    });
    if matches!(state.matrix_columns, SplitBy::Attribute(_)) {
        if ws.project().passages.is_empty() {
            ui.weak("No passages yet: tag passages to see how themes spread across the articles.");
        }
        group_matrix_ui(ui, cx, state);
        return;
    }
    let selected_cell = state.cell.clone();
    let m = state.matrix(ws).clone();
    if ws.project().passages.is_empty() {
        ui.weak("No passages yet: tag passages to see how themes spread across the articles.");
    }
    egui::Panel::right("matrix_side")
        .resizable(true)
        .default_size(320.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("matrix_side_scroll")
                .show(ui, |ui| match &selected_cell {
                    Some((t, a)) => {
                        ui.horizontal(|ui| theme_chip(ui, ws.project(), *t));
                        ui.weak(format!("in {}", article_title(ws, a)));
                        let ids: Vec<PassageId> = cell_passages(ws.project(), *t, a)
                            .iter()
                            .map(|p| p.id)
                            .collect();
                        passage_list(ui, cx, &ids);
                    }
                    None => {
                        ui.weak("Click a cell to list its passages.");
                    }
                });
        });
    let titles: Vec<String> = m.articles.iter().map(|a| article_title(ws, a)).collect();
    let selected = selected_cell
        .as_ref()
        .and_then(|(t, a)| Some((*t, m.articles.iter().position(|x| x == a)?)));
    let grid = ThemeGrid {
        id: "matrix",
        headers: &titles,
        themes: &m.themes,
        cells: &m.cells,
        column_totals: true,
    };
    let clicked = grid
        .show(ui, ws, selected, |name, c, v| {
            format!("{name} in {}: {v}", titles[c])
        })
        .map(|(t, c)| (t, m.articles[c].clone()));
    if clicked.is_some() {
        state.cell = clicked;
    }
}

/// A theme × column grid of counts: a row per theme (swatch and name), a column per header
/// (written upwards), cells shaded by value with the row totals, and the column totals when
/// asked. Shared by the matrix by article and by attribute value.
pub(super) struct ThemeGrid<'a> {
    pub id: &'static str,
    pub headers: &'a [String],
    pub themes: &'a [ThemeId],
    /// `cells[theme][column]`.
    pub cells: &'a [Vec<usize>],
    pub column_totals: bool,
}

impl ThemeGrid<'_> {
    /// Draw it; `label(theme name, column, value)` names a cell. Returns the clicked cell.
    pub(super) fn show(
        &self,
        ui: &mut Ui,
        ws: &Session,
        selected: Option<(ThemeId, usize)>,
        label: impl Fn(&str, usize, usize) -> String,
    ) -> Option<(ThemeId, usize)> {
        let max = self.cells.iter().flatten().copied().max().unwrap_or(0);
        let dark = ui.visuals().dark_mode;
        let mut clicked = None;
        egui::ScrollArea::both()
            .id_salt((self.id, "scroll"))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let height = header_height(ui, self.headers);
                egui::Grid::new((self.id, "grid"))
                    .spacing([2.0, 2.0])
                    .show(ui, |ui| {
                        ui.label("");
                        for h in self.headers {
                            rotated_header(ui, h, CELL, height);
                        }
                        ui.strong("total");
                        ui.end_row();
                        for (r, t) in self.themes.iter().enumerate() {
                            let theme = ws.project().theme(*t);
                            let name = theme.map_or("?", |t| t.name.as_str());
                            ui.horizontal(|ui| {
                                if let Some(theme) = theme {
                                    swatch(ui, palette::theme(theme.color, dark));
                                }
                                row_label(ui, name, NAMES);
                            });
                            let row = &self.cells[r];
                            for (c, v) in row.iter().enumerate() {
                                let on = selected == Some((*t, c));
                                if cell(ui, *v, max, on, label(name, c, *v)).clicked() {
                                    clicked = Some((*t, c));
                                }
                            }
                            ui.strong(row.iter().sum::<usize>().to_string());
                            ui.end_row();
                        }
                        if self.column_totals {
                            ui.strong("total");
                            for c in 0..self.headers.len() {
                                let total: usize = self.cells.iter().map(|row| row[c]).sum();
                                ui.strong(total.to_string());
                            }
                            ui.end_row();
                        }
                    });
            });
        clicked
    }
}
