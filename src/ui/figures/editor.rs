//! The side panel of the figures tab: the selected figure, to correct, label, accept or
//! reject; adding selected text as a figure; and suggested series.

use egui::{Button, RichText, TextEdit, Ui};

use super::{Draft, FiguresState, pretty, sentence_of};
use crate::context::ViewContext;
use crate::figures::Year;
use crate::figures::curate::Correction;
use crate::figures::curation::{FigureRow, RowStatus};
use crate::figures::series::format_value;
use crate::project::FigureStatus;
use crate::session::{FigureIntent, SeriesIntent};
use crate::ui::palette;

pub(super) fn editor_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &mut FiguresState) {
    let (ws, sel) = (cx.session, cx.selection);
    let Some(row) = sel.figure.as_ref().and_then(|k| ws.figure_row(k)) else {
        ui.weak("Click a figure to see its sentence and correct it. Pick figures with the boxes to accept, reject or group them into a series.");
        if sel.text.is_some() {
            add_from_selection_ui(ui, cx);
        }
        return;
    };
    let fresh = Draft {
        value: format_value(row.figure.value),
        unit: row.figure.unit.clone(),
        year: row.figure.year.to_string(),
        label: row.label.clone(),
    };
    if state.draft.as_ref().is_none_or(|(k, _)| k != &row.key) {
        state.draft = Some((row.key.clone(), fresh.clone()));
    }
    let Some((_, draft)) = state.draft.as_mut() else {
        return;
    };
    ui.strong(pretty(row.figure.value, &row.figure.unit));
    ui.label(format!("“{}” in {}", row.figure.text, row.key.article));
    if let Some(q) = &row.figure.qualifier {
        ui.weak(format!("Qualifier: {q}"));
    }
    let sentence = sentence_of(ws, row)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    ui.label(RichText::new(sentence).italics());
    ui.add_space(4.0);
    fields_ui(ui, draft);
    let value = draft.value.trim().replace(',', "").parse::<f64>();
    let year = draft.year.parse::<Year>();
    let changed = *draft != fresh;
    if let Err(e) = &year {
        ui.colored_label(palette::error(ui.visuals().dark_mode), e);
    }
    if value.is_err() {
        ui.colored_label(
            palette::error(ui.visuals().dark_mode),
            "The value must be a number.",
        );
    }
    let correction = match (value, year) {
        (Ok(value), Ok(year)) => Some(Correction {
            value,
            unit: draft.unit.clone(),
            year,
            // The kind is kept until the table can edit it (docs/figures.md).
            kind: row.figure.kind,
            label: draft.label.clone(),
        }),
        _ => None,
    };
    if actions_ui(ui, cx, row, correction, changed) {
        *draft = fresh;
    }
    if !row.series.is_empty() {
        let names: Vec<String> = row
            .series
            .iter()
            .filter_map(|s| ws.project().series_by_id(*s).map(|s| s.name.clone()))
            .collect();
        ui.weak(format!("In series: {}", names.join(", ")));
    }
    if sel.text.is_some() {
        ui.separator();
        add_from_selection_ui(ui, cx);
    }
}

/// The value, unit, year and label being corrected.
fn fields_ui(ui: &mut Ui, draft: &mut Draft) {
    egui::Grid::new("figure_editor")
        .num_columns(2)
        .show(ui, |ui| {
            for (name, field, hint) in [
                ("Value", &mut draft.value, "35000"),
                (
                    "Unit",
                    &mut draft.unit,
                    "USD, hectare, tonne, percent, person…",
                ),
                ("Year", &mut draft.year, "2014, 2004–2009, 2018–"),
                ("Label", &mut draft.label, "what it measures"),
            ] {
                let label = ui.label(name);
                ui.add(
                    TextEdit::singleline(field)
                        .hint_text(hint)
                        .desired_width(180.0),
                )
                .labelled_by(label.id);
                ui.end_row();
            }
        });
}

/// Save the correction, revert it, accept, reject or unreview. Returns whether the analyst
/// asked to revert the draft.
fn actions_ui(
    ui: &mut Ui,
    cx: &ViewContext<'_>,
    row: &FigureRow,
    correction: Option<Correction>,
    changed: bool,
) -> bool {
    let mut revert = false;
    ui.horizontal_wrapped(|ui| {
        if let Some(correction) = correction
            && ui
                .add_enabled(changed, Button::new("Save correction"))
                .on_hover_text(
                    "Keep these values (the figure is accepted); they survive re-extraction",
                )
                .clicked()
        {
            cx.send(FigureIntent::Correct {
                key: row.key.clone(),
                correction,
            });
        }
        if changed && ui.button("Revert").clicked() {
            revert = true;
        }
        let status = |status| FigureIntent::SetStatus {
            keys: vec![row.key.clone()],
            status,
        };
        if row.status != RowStatus::Accepted && ui.button("Accept").clicked() {
            cx.send(status(Some(FigureStatus::Accepted)));
        }
        if row.status != RowStatus::Rejected && ui.button("Reject").clicked() {
            cx.send(status(Some(FigureStatus::Rejected)));
        }
        if row.status != RowStatus::Unreviewed && !row.manual && ui.button("Unreview").clicked() {
            cx.send(status(None));
        }
    });
    revert
}

fn add_from_selection_ui(ui: &mut Ui, cx: &ViewContext<'_>) {
    if ui
        .button("Add selected text as a figure")
        .on_hover_text(
            "The extractor missed a figure? Select its text in the reader and add it here.",
        )
        .clicked()
    {
        cx.send(FigureIntent::AddFromText {
            at: cx.selection.text_range(),
        });
    }
}

pub(super) fn suggestions_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &mut FiguresState) {
    let ws = cx.session;
    let suggestions = ws.suggestions();
    egui::CollapsingHeader::new(format!("Suggested series ({})", suggestions.len()))
        .default_open(true)
        .show(ui, |ui| {
            if suggestions.is_empty() {
                ui.weak(
                    "None: figures of one unit with similar sentences would be suggested here.",
                );
            }
            for s in suggestions.iter().take(12) {
                ui.horizontal_wrapped(|ui| {
                    ui.label(format!("{} — {} figures", s.name, s.rows.len()));
                    if ui
                        .small_button("Create")
                        .on_hover_text("Create this series (its figures are accepted)")
                        .clicked()
                    {
                        let keys = s
                            .rows
                            .iter()
                            .filter_map(|i| ws.figure_rows().get(*i))
                            .map(|r| r.key.clone())
                            .collect();
                        cx.send(SeriesIntent::Create {
                            name: s.name.clone(),
                            keys,
                        });
                    }
                    if ui
                        .small_button("Pick")
                        .on_hover_text("Pick these figures to review them first")
                        .clicked()
                    {
                        state.picked = s
                            .rows
                            .iter()
                            .filter_map(|i| ws.figure_rows().get(*i))
                            .map(|r| r.key.clone())
                            .collect();
                        state.series_name = s.name.clone();
                    }
                });
            }
        });
}
