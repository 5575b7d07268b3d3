//! Theme co-occurrence: for each pair of themes, where they meet (one passage with both, or
//! two passages that overlap or share a sentence), as a half matrix whose columns are headed by
//! the themes' whole names; click a cell to list the meetings.

use egui::Ui;

use super::labels::{header_height, rotated_header, row_label};
use super::{AnalysisState, cell, passage_list};
use crate::context::{ExportWhat, FileCommand, ViewContext};
use crate::project::ThemeId;
use crate::ui::{palette, swatch, theme_chip};

pub fn cooccurrence_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &mut AnalysisState) {
    let ws = cx.session;
    ui.horizontal(|ui| {
        ui.weak("How often two themes meet: one passage coded with both, or two passages that overlap or share a sentence.");
        if ui.button("Export CSV…").clicked() {
            cx.send(FileCommand::ExportTable(ExportWhat::Cooccurrence));
        }
    });
    let themes: Vec<ThemeId> = ws
        .project()
        .theme_tree()
        .iter()
        .map(|(_, t)| t.id)
        .collect();
    let name_of = |t: &ThemeId| {
        ws.project()
            .theme(*t)
            .map_or("?".to_owned(), |t| t.name.clone())
    };
    let dark = ui.visuals().dark_mode;
    let selected = state.pair;
    let pairs = state.pairs(ws).clone();
    let max = pairs.values().map(Vec::len).max().unwrap_or(0);
    let mut clicked = None;
    egui::Panel::right("pairs_side")
        .resizable(true)
        .default_size(320.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("pairs_side_scroll")
                .show(ui, |ui| match selected {
                    Some((a, b)) => {
                        ui.horizontal(|ui| {
                            theme_chip(ui, ws.project(), a);
                            ui.label("and");
                            theme_chip(ui, ws.project(), b);
                        });
                        for m in pairs.get(&(a, b)).map(Vec::as_slice).unwrap_or_default() {
                            let ids = if m.first == m.second {
                                vec![m.first]
                            } else {
                                vec![m.first, m.second]
                            };
                            passage_list(ui, cx, &ids);
                            ui.separator();
                        }
                    }
                    None => {
                        ui.weak("Click a cell to list where the two themes meet.");
                    }
                });
        });
    egui::ScrollArea::both()
        .id_salt("pairs_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let names: Vec<String> = themes
                .iter()
                .enumerate()
                .map(|(i, t)| format!("{}. {}", i + 1, name_of(t)))
                .collect();
            let height = header_height(ui, &names[1.min(names.len())..]);
            egui::Grid::new("pairs_grid")
                .spacing([2.0, 2.0])
                .show(ui, |ui| {
                    ui.label("");
                    for name in names.iter().skip(1) {
                        rotated_header(ui, name, 54.0, height);
                    }
                    ui.end_row();
                    for (i, a) in themes
                        .iter()
                        .enumerate()
                        .take(themes.len().saturating_sub(1))
                    {
                        ui.horizontal(|ui| {
                            if let Some(theme) = ws.project().theme(*a) {
                                swatch(ui, palette::theme(theme.color, dark));
                            }
                            row_label(ui, &names[i], 200.0);
                        });
                        for (j, b) in themes.iter().enumerate().skip(1) {
                            if j <= i {
                                ui.label("");
                                continue;
                            }
                            let key = if a < b { (*a, *b) } else { (*b, *a) };
                            let v = pairs.get(&key).map_or(0, Vec::len);
                            let name = format!("{} and {}: {v}", name_of(a), name_of(b));
                            if cell(ui, v, max, selected == Some(key), name).clicked() {
                                clicked = Some(key);
                            }
                        }
                        ui.end_row();
                    }
                });
        });
    if clicked.is_some() {
        state.pair = clicked;
    }
}
