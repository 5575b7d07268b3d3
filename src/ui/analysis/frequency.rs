//! Theme frequencies: passages per theme as horizontal bars, each labelled with its theme's
//! name and count; split by article, each bar is stacked by article with a legend above the
//! bars (never over them). Hover a bar for the whole name and the counts.

use std::collections::BTreeSet;

use egui::{Align2, Color32, FontId, Rect, Sense, Ui, Vec2};

use super::AnalysisState;
use super::labels::row_label;
use super::matrix::article_title;
use crate::context::{ExportWhat, FileCommand, ViewContext};
use crate::corpus::ArticleId;
use crate::ui::{palette, swatch};

const NAMES: f32 = 220.0;
const BAR_HEIGHT: f32 = 18.0;

/// The colour of the `k`th article in the split chart.
fn article_colour(k: usize, dark: bool) -> Color32 {
    let colours = palette::theme_colours();
    colours
        .get(k % colours.len().max(1))
        .map_or(Color32::GRAY, |c| palette::theme(*c, dark))
}

pub fn frequency_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &mut AnalysisState) {
    let ws = cx.session;
    ui.horizontal(|ui| {
        ui.checkbox(&mut state.split_by_article, "Split by article");
        if ui.button("Export CSV…").clicked() {
            cx.send(FileCommand::ExportTable(ExportWhat::Frequencies));
        }
    });
    let freq = state.frequencies(ws).clone();
    let dark = ui.visuals().dark_mode;
    let articles: Vec<&ArticleId> = freq
        .iter()
        .flat_map(|(_, per)| per.keys())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if articles.is_empty() {
        ui.weak("No passages yet: tag passages to see how often each theme is used.");
    }
    if state.split_by_article && !articles.is_empty() {
        ui.horizontal_wrapped(|ui| {
            for (k, a) in articles.iter().enumerate() {
                swatch(ui, article_colour(k, dark));
                row_label(ui, &article_title(ws, a), 160.0);
            }
        });
    }
    ui.separator();
    let max = freq
        .iter()
        .map(|(_, per)| per.values().sum::<usize>())
        .max()
        .unwrap_or(0)
        .max(1);
    egui::ScrollArea::vertical()
        .id_salt("frequency_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (t, per) in &freq {
                let Some(theme) = ws.project().theme(*t) else {
                    continue;
                };
                let total: usize = per.values().sum();
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
                    let segments: Vec<(usize, Color32)> = if state.split_by_article {
                        articles
                            .iter()
                            .enumerate()
                            .map(|(k, a)| {
                                (per.get(*a).copied().unwrap_or(0), article_colour(k, dark))
                            })
                            .collect()
                    } else {
                        vec![(total, colour)]
                    };
                    paint_bar(ui, rect, &segments, max, total);
                    response.on_hover_ui(|ui| {
                        ui.strong(&theme.name);
                        ui.label(format!("{total} passage(s)"));
                        for (a, n) in per {
                            ui.weak(format!("{}: {n}", article_title(ws, a)));
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
