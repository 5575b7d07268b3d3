//! The inspector: the selected passage's quote, themes and note, with delete. A note is saved
//! as one undoable edit when the field loses focus.

use egui::{Button, TextEdit, Ui};

use super::{palette, quote_preview, swatch};
use crate::context::{SelectCommand, UiCommand, ViewContext};
use crate::project::PassageId;
use crate::session::TagIntent;

#[derive(Default)]
pub struct InspectorState {
    /// The note being typed, for this passage.
    note: Option<(PassageId, String)>,
}

pub fn inspector_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &mut InspectorState) {
    let project = cx.session.project();
    let Some(passage) = cx
        .selection
        .passage
        .and_then(|id| project.passages.get(&id))
    else {
        state.note = None;
        ui.weak(
            "No passage selected. Click a highlight in the reader, or a row in the passages list.",
        );
        return;
    };
    let dark = ui.visuals().dark_mode;
    ui.horizontal_wrapped(|ui| {
        ui.strong(format!("Passage {}", passage.id.0));
        ui.weak(format!(
            "{} · {}–{}",
            passage.article, passage.start, passage.end
        ));
    });
    if let Some(problem) = cx.session.problems().get(&passage.id) {
        ui.colored_label(
            palette::warning(dark),
            format!("Needs attention: {problem}."),
        );
    }
    ui.label(format!("“{}”", quote_preview(&passage.quote, 400)));
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        for t in &passage.themes {
            if let Some(theme) = project.theme(*t) {
                let removable = passage.themes.len() > 1;
                if chip_ui(
                    ui,
                    &theme.name,
                    palette::theme(theme.color, dark),
                    removable,
                ) {
                    cx.send(TagIntent::ToggleTheme {
                        passage: passage.id,
                        theme: *t,
                    });
                }
            }
        }
    });

    // The note: edited in a draft, saved when the field loses focus.
    if state.note.as_ref().is_none_or(|(id, _)| *id != passage.id) {
        state.note = Some((passage.id, passage.note.clone()));
    }
    if let Some((_, draft)) = state.note.as_mut() {
        let label = ui.label("Note");
        let response = ui
            .add(
                TextEdit::multiline(draft)
                    .hint_text("What this passage shows, why it matters…")
                    .desired_rows(3)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if response.lost_focus() && *draft != passage.note {
            cx.send(TagIntent::SetNote {
                passage: passage.id,
                note: draft.clone(),
            });
        }
        if response.has_focus() {
            ui.weak("Saved to the passage when you click elsewhere.");
        }
    }
    ui.horizontal(|ui| {
        if ui
            .button("Show in reader")
            .on_hover_text("Scroll the reader to this passage")
            .clicked()
        {
            cx.send(SelectCommand::Passage(passage.id));
        }
        if ui
            .button("Delete passage")
            .on_hover_text(UiCommand::DeleteSelection.tooltip())
            .clicked()
        {
            cx.send(TagIntent::Delete(passage.id));
        }
    });
    ui.weak(format!(
        "Created {} · modified {}",
        passage.created, passage.modified
    ));
}

/// One theme of the passage: swatch, name and "×", kept on one line (a chip that does not fit
/// the rest of the line starts the next one; a name wider than the panel is cut with "…").
/// Was "×" clicked?
fn chip_ui(ui: &mut Ui, name: &str, colour: egui::Color32, removable: bool) -> bool {
    let spacing = ui.spacing().item_spacing.x;
    let font = egui::TextStyle::Body.resolve(ui.style());
    let text_width = ui
        .fonts_mut(|f| f.layout_no_wrap(name.to_owned(), font, egui::Color32::WHITE))
        .size()
        .x;
    let fixed = 12.0 + 22.0 + 3.0 * spacing;
    let full = ui.max_rect().width();
    let at_line_start = ui.cursor().left() <= ui.max_rect().left() + 1.0;
    if !at_line_start && ui.available_width() < (fixed + text_width).min(full) {
        ui.end_row();
    }
    swatch(ui, colour);
    let name_room = (ui.available_width() - 22.0 - 2.0 * spacing).max(24.0);
    ui.add_sized(
        [text_width.min(name_room), ui.spacing().interact_size.y],
        egui::Label::new(name).truncate(),
    );
    ui.add_enabled(removable, Button::new("×").small())
        .on_hover_text(format!("Remove “{name}” from this passage"))
        .on_disabled_hover_text("A passage keeps at least one theme; delete the passage instead")
        .clicked()
}
