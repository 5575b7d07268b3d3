//! Theme frequencies: passages per theme as horizontal bars, each labelled with its theme's
//! name and count; split by article or by an attribute's value (outlet, year…), each bar is
//! stacked by segment with a legend above the bars (never over them). Hover a bar for the whole name and the counts.

use egui::{Align2, Color32, FontId, Rect, Sense, Ui, Vec2};

use super::AnalysisState;
use super::labels::row_label;
use super::split::{SplitBy, split_picker};
use crate::context::{ExportWhat, FileCommand, ViewContext};
use crate::ui::{palette, swatch};

const NAMES: f32 = 220.0;
const BAR_HEIGHT: f32 = 18.0;

/// The colour of the `k`th segment (article or attribute value) in the split chart.
fn segment_colour(k: usize, dark: bool) -> Color32 {
    let colours = palette::theme_colours();
    colours
        .get(k % colours.len().max(1))
        .map_or(Color32::GRAY, |c| palette::theme(*c, dark))
}

pub fn frequency_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &mut AnalysisState) {
    let ws = cx.session;
    ui.horizontal(|ui| {
        split_picker(
            ui,
            "frequency_split",
            "Split by",
            ws,
            &mut state.frequency_split,
            true,
        );
        if ui.button("Export CSV…").clicked() {
            cx.send(FileCommand::ExportTable(ExportWhat::Frequencies));
        }
    });
    let split = state.frequency_split != SplitBy::Nothing;
    let stacks = state.stacks(ws);
    let dark = ui.visuals().dark_mode;
    if stacks.labels.is_empty() {
        ui.weak("No passages yet: tag passages to see how often each theme is used.");
    }
    if split && !stacks.labels.is_empty() {
        ui.horizontal_wrapped(|ui| {
            for (k, label) in stacks.labels.iter().enumerate() {
                swatch(ui, segment_colour(k, dark));
                row_label(ui, label, 160.0);
            }
        });
    }
    ui.separator();
    let max = stacks
        .rows
        .iter()
        .map(|(_, counts)| counts.iter().sum::<usize>())
        .max()
        .unwrap_or(0)
        .max(1);
    egui::ScrollArea::vertical()
        .id_salt("frequency_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (t, counts) in &stacks.rows {
                let Some(theme) = ws.project().theme(*t) else {
                    continue;
                };
                let total: usize = counts.iter().sum();
                ui.horizontal(|ui| {
                    let colour = palette::theme(theme.color, dark);
                    swatch(ui, colour);
                    row_label(ui, &theme.name, NAMES);
                    let width = (ui.available_width() - 8.0).max(40.0);
                    let (rect, response) =
                        ui.allocate_exact_size(Vec2::new(width, BAR_HEIGHT), Sense::hover());
                    let label = format!("{}: {total} passage(s)", theme.name);
                    response
                        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
                    let segments: Vec<(usize, Color32)> = if split {
                        counts
                            .iter()
                            .enumerate()
                            .map(|(k, n)| (*n, segment_colour(k, dark)))
                            .collect()
                    } else {
                        vec![(total, colour)]
                    };
                    paint_bar(ui, rect, &segments, max, total);
                    response.on_hover_ui(|ui| {
                        ui.strong(&theme.name);
                        ui.label(format!("{total} passage(s)"));
                        for (label, n) in stacks.labels.iter().zip(counts) {
                            if *n > 0 {
                                ui.weak(format!("{label}: {n}"));
                            }
                        }
                    });
                });
            }
        });
}

/// Stacked segments from the left, scaled so that `max` fills the room left after the count.
fn paint_bar(ui: &Ui, rect: Rect, segments: &[(usize, Color32)], max: usize, total: usize) {
    let count_room = 36.0;
    let scale = (rect.width() - count_room).max(10.0) / max as f32;
    let mut x = rect.left();
    for (n, colour) in segments {
        if *n == 0 {
            continue;
        }
        let w = *n as f32 * scale;
        let seg = Rect::from_min_size(
            egui::pos2(x, rect.top() + 2.0),
            Vec2::new(w, rect.height() - 4.0),
        );
        ui.painter().rect_filled(seg, 2.0, *colour);
        x += w;
    }
    ui.painter().text(
        egui::pos2(x + 6.0, rect.center().y),
        Align2::LEFT_CENTER,
        total.to_string(),
        FontId::proportional(13.0),
        ui.visuals().text_color(),
    );
}
