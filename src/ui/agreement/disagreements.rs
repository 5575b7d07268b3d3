//! Where two coders disagree, side by side: for each stretch where their passages overlap and
//! their themes differ, coder A's passages and themes beside coder B's. One click opens the
//! stretch (or a passage) in the reader, which then shows the two coders in two colours.

use egui::{RichText, Ui};

use super::AgreementState;
use crate::analysis::agreement_disagreements::{PassageView, SideBySide};
use crate::context::{CoderView, SelectCommand, ViewContext};
use crate::project::{CoderId, Project};
use crate::session::TextRange;
use crate::ui::{palette, quote_preview, swatch, theme_chip};

/// At most this many stretches are listed (the count says how many there are).
const SHOWN: usize = 500;

pub(super) fn disagreements_ui(
    ui: &mut Ui,
    cx: &ViewContext<'_>,
    state: &mut AgreementState,
    shown_pair: Option<(CoderId, CoderId)>,
) {
    let project = cx.session.project();
    let compared: Vec<CoderId> = state
        .table()
        .map(|t| t.coders.iter().map(|c| c.id).collect())
        .unwrap_or_default();
    let Some((a, b)) = state.pair else {
        ui.weak("Choose two coders to list where they disagree.");
        return;
    };
    let mut pair = (a, b);
    ui.horizontal_wrapped(|ui| {
        ui.strong("Where");
        coder_combo(ui, project, "disagree_a", &compared, &mut pair.0, 0);
        ui.strong("and");
        coder_combo(ui, project, "disagree_b", &compared, &mut pair.1, 1);
        ui.strong("disagree");
        let both = CoderView::Two(pair.0, pair.1);
        if ui
            .add_enabled(
                cx.selection.coders != both,
                egui::Button::new("Show both in the reader"),
            )
            .on_hover_text("The reader shows these two coders' passages, each in its colour")
            .clicked()
        {
            cx.send(SelectCommand::Coders(both));
        }
    });
    if pair != (a, b) && pair.0 != pair.1 {
        state.pair = Some(pair);
    }
    let list = match &state.shown {
        Some((_, result)) if shown_pair == Some((a, b)) => &result.disagreements,
        _ => {
            ui.spinner();
            return;
        }
    };
    if list.is_empty() {
        ui.weak("They agree everywhere they both coded.");
        return;
    }
    ui.weak(format!(
        "{} stretch(es){}. Click a place or a passage to open it in the reader.",
        list.len(),
        if list.len() > SHOWN {
            format!(", the first {SHOWN} listed")
        } else {
            String::new()
        }
    ));
    egui::ScrollArea::vertical()
        .id_salt("disagreements_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("disagreements")
                .striped(true)
                .num_columns(3)
                .spacing([10.0, 6.0])
                .show(ui, |ui| {
                    ui.strong("Where");
                    ui.strong(project.coder_name(a));
                    ui.strong(project.coder_name(b));
                    ui.end_row();
                    for d in list.iter().take(SHOWN) {
                        row_ui(ui, cx, d, (a, b));
                    }
                });
        });
}

/// A coder to compare, among those in the table, marked with its reader colour.
fn coder_combo(
    ui: &mut Ui,
    project: &Project,
    id: &str,
    compared: &[CoderId],
    value: &mut CoderId,
    side: usize,
) {
    swatch(ui, palette::color(palette::CODER_COLOURS[side]));
    let label = if side == 0 { "Coder A" } else { "Coder B" };
    egui::ComboBox::from_id_salt(id)
        .selected_text(project.coder_name(*value))
        .show_ui(ui, |ui| {
            for c in compared {
                ui.selectable_value(value, *c, project.coder_name(*c));
            }
        })
        .response
        .on_hover_text(label)
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, label));
}

fn row_ui(ui: &mut Ui, cx: &ViewContext<'_>, d: &SideBySide, (a, b): (CoderId, CoderId)) {
    let project = cx.session.project();
    ui.vertical(|ui| {
        // Wide enough for a file name and a theme chip on one line (the grid's first column
        // otherwise shrinks to a few characters and wraps them letter by letter).
        ui.set_min_width(220.0);
        let place = format!("{} {}–{}", d.article.file_name(), d.start, d.end);
        if ui
            .link(place)
            .on_hover_text("Open this stretch in the reader, both coders in their colours")
            .clicked()
        {
            cx.send(SelectCommand::Coders(CoderView::Two(a, b)));
            cx.send(SelectCommand::ShowRange(TextRange {
                article: d.article.clone(),
                start: d.start,
                end: d.end,
            }));
        }
        ui.horizontal_wrapped(|ui| {
            for t in &d.themes {
                theme_chip(ui, project, *t);
            }
        });
    });
    for side in [&d.a, &d.b] {
        ui.vertical(|ui| {
            if side.is_empty() {
                ui.weak("(nothing)");
            }
            for p in side {
                passage_ui(ui, cx, p, (a, b));
            }
        });
    }
    ui.end_row();
}

fn passage_ui(ui: &mut Ui, cx: &ViewContext<'_>, p: &PassageView, (a, b): (CoderId, CoderId)) {
    let project = cx.session.project();
    ui.horizontal_wrapped(|ui| {
        ui.set_max_width(320.0);
        for t in &p.themes {
            if let Some(theme) = project.theme(*t) {
                swatch(ui, palette::color(theme.color)).on_hover_text(&theme.name);
            }
        }
        let text = format!("{}–{} “{}”", p.start, p.end, quote_preview(&p.quote, 60));
        let names: Vec<&str> = p
            .themes
            .iter()
            .filter_map(|t| project.theme(*t).map(|t| t.name.as_str()))
            .collect();
        if ui
            .link(RichText::new(text).small())
            .on_hover_text(format!(
                "{}\nClick to open it in the reader",
                names.join(", ")
            ))
            .clicked()
        {
            cx.send(SelectCommand::Coders(CoderView::Two(a, b)));
            cx.send(SelectCommand::Passage(p.id));
        }
    });
}
