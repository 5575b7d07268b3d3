//! The actor × actor matrix: the network's sentence counts in a grid (rows and columns by
//! mentions, most first), for when the graph is too dense. A cell with sentences picks that
//! pair, whose sentences the network pane lists.

use egui::{Grid, RichText, Ui};

use super::network::{NetworkState, built};
use crate::actors::ActorId;
use crate::context::ViewContext;
use crate::ui::palette;

/// Column headers are cut to this many characters (the full name on hover).
const HEADER_CHARS: usize = 8;

pub(super) fn matrix_ui(ui: &mut Ui, _cx: &ViewContext<'_>, state: &mut NetworkState) {
    let Some(b) = built(state) else {
        return;
    };
    let (ids, cells) = b.net.matrix();
    if ids.is_empty() {
        ui.weak("No links among the actors the filters keep.");
        return;
    }
    let name = |id: &ActorId| {
        b.net
            .node(id)
            .map_or(id.0.clone(), |n| n.actor.name.clone())
    };
    let plain = ui.visuals().text_color();
    let kind_colour = |id: &ActorId| {
        b.net
            .node(id)
            .map_or(plain, |n| palette::actor_kind(n.actor.kind))
    };
    let most = cells.iter().flatten().copied().max().unwrap_or(1).max(1);
    let fill = ui.visuals().selection.bg_fill;
    let mut picked = None;
    egui::ScrollArea::both()
        .id_salt("network_matrix")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            Grid::new("network_matrix_grid")
                .striped(true)
                .spacing([4.0, 2.0])
                .show(ui, |ui| {
                    ui.label("");
                    for id in &ids {
                        let full = name(id);
                        let short: String = full.chars().take(HEADER_CHARS).collect();
                        ui.label(RichText::new(short).small().color(kind_colour(id)))
                            .on_hover_text(full);
                    }
                    ui.end_row();
                    for (i, row) in ids.iter().enumerate() {
                        ui.label(RichText::new(name(row)).color(kind_colour(row)));
                        for (j, col) in ids.iter().enumerate() {
                            let n = cells[i][j];
                            if n == 0 || i == j {
                                ui.label("");
                                continue;
                            }
                            let share = n as f32 / most as f32;
                            let button = egui::Button::new(n.to_string())
                                .fill(fill.gamma_multiply(0.25 + 0.75 * share))
                                .min_size(egui::vec2(28.0, 0.0));
                            let text = format!("{} — {}: {n} sentence(s)", name(row), name(col));
                            if ui.add(button).on_hover_text(text).clicked() {
                                picked = Some(if row < col {
                                    (row.clone(), col.clone())
                                } else {
                                    (col.clone(), row.clone())
                                });
                            }
                        }
                        ui.end_row();
                    }
                });
        });
    if picked.is_some() {
        state.edge = picked;
    }
}
