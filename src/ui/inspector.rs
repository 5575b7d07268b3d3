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
                swatch(ui, palette::theme(theme.color, dark));
                ui.label(&theme.name);
                let remove = ui
                    .add_enabled(passage.themes.len() > 1, Button::new("×").small())
                    .on_hover_text(format!("Remove “{}” from this passage", theme.name))
                    .on_disabled_hover_text(
                        "A passage keeps at least one theme; delete the passage instead",
                    );
                if remove.clicked() {
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
