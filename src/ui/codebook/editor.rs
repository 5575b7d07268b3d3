//! The theme editor under the codebook: name, colour, parent and description (applied
//! together), the number key (changed at once), merging into another theme, and delete.

use egui::{Button, ComboBox, TextEdit, Ui};

use super::CodebookState;
use crate::context::{DialogCommand, SelectCommand, ViewContext};
use crate::project::theme_keys::MAX_KEY;
use crate::project::{Project, ThemeId};
use crate::session::CodebookIntent;
use crate::ui::palette;

pub(super) fn editor_ui(ui: &mut Ui, cx: &ViewContext<'_>, id: ThemeId, state: &mut CodebookState) {
    let project = cx.session.project();
    let Some(current) = project.theme(id) else {
        cx.send(SelectCommand::EditTheme(None));
        return;
    };
    if state.draft_source.as_ref() != Some(current) {
        state.draft = Some(current.clone());
        state.draft_source = Some(current.clone());
    }
    let Some(draft) = state.draft.as_mut() else {
        return;
    };
    ui.strong("Edit theme");
    egui::Grid::new("theme_editor")
        .num_columns(2)
        .show(ui, |ui| {
            let label = ui.label("Name");
            ui.add(TextEdit::singleline(&mut draft.name).desired_width(170.0))
                .labelled_by(label.id);
            ui.end_row();
            let label = ui.label("Colour");
            egui::color_picker::color_edit_button_srgb(ui, &mut draft.color.0)
                .labelled_by(label.id);
            ui.end_row();
            let label = ui.label("Parent");
            let parent_name = draft
                .parent
                .and_then(|p| project.theme(p))
                .map_or("(none)".to_owned(), |t| t.name.clone());
            ComboBox::from_id_salt("theme_parent")
                .selected_text(parent_name)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut draft.parent, None, "(none)");
                    for t in &project.themes {
                        // A theme cannot sit under itself or its own descendants.
                        if t.id == id || project.ancestors(t.id).contains(&id) {
                            continue;
                        }
                        ui.selectable_value(&mut draft.parent, Some(t.id), &t.name);
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();
            key_row_ui(ui, cx, project, id);
        });
    let label = ui.label("Description");
    ui.add(
        TextEdit::multiline(&mut draft.description)
            .desired_rows(3)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
    let changed = draft != current;
    let valid = !draft.name.trim().is_empty();
    ui.horizontal(|ui| {
        if ui
            .add_enabled(changed && valid, Button::new("Apply"))
            .clicked()
        {
            cx.send(CodebookIntent::Update(draft.clone()));
        }
        if ui.add_enabled(changed, Button::new("Revert")).clicked() {
            *draft = current.clone();
        }
        if ui.button("Delete theme…").clicked() {
            cx.send(DialogCommand::ConfirmDeleteTheme(id));
        }
        if ui.button("Close").clicked() {
            cx.send(SelectCommand::EditTheme(None));
        }
    });
    if !valid {
        ui.colored_label(
            palette::error(ui.visuals().dark_mode),
            "A theme needs a name.",
        );
    }
    merge_ui(ui, cx, project, id, &mut state.merge_into);
}

/// The number key: none or 1–9, each naming the theme that has it now (it takes this theme's
/// old key).
fn key_row_ui(ui: &mut Ui, cx: &ViewContext<'_>, project: &Project, id: ThemeId) {
    let label = ui.label("Number key");
    let keys = &project.theme_keys;
    let current = keys.key_of(id);
    let mut chosen = current;
    let name_of = |k: u8| {
        keys.theme(k)
            .filter(|t| *t != id)
            .and_then(|t| project.theme(t))
            .map_or(String::new(), |t| format!(" (now “{}”)", t.name))
    };
    ComboBox::from_id_salt("theme_key")
        .selected_text(current.map_or("none".to_owned(), |k| k.to_string()))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut chosen, None, "none");
            for k in 1..=MAX_KEY {
                ui.selectable_value(&mut chosen, Some(k), format!("{k}{}", name_of(k)));
            }
        })
        .response
        .labelled_by(label.id)
        .on_hover_text(
            "The key that tags with this theme; a theme that had it takes this one's old key",
        );
    if chosen != current {
        cx.send(CodebookIntent::SetKey {
            theme: id,
            key: chosen,
        });
    }
    ui.end_row();
}

/// Merge the edited theme into another: its passages (with their notes), sub-themes and rules
/// go there, and it is deleted, as one undoable step.
fn merge_ui(
    ui: &mut Ui,
    cx: &ViewContext<'_>,
    project: &Project,
    id: ThemeId,
    into: &mut Option<ThemeId>,
) {
    if into.is_some_and(|t| t == id || project.theme(t).is_none()) {
        *into = None;
    }
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Merge into");
        let name = into
            .and_then(|t| project.theme(t))
            .map_or("(choose a theme)".to_owned(), |t| t.name.clone());
        ComboBox::from_id_salt("theme_merge_into")
            .selected_text(name)
            .show_ui(ui, |ui| {
                for (_, t) in project.theme_tree() {
                    if t.id != id {
                        ui.selectable_value(into, Some(t.id), &t.name);
                    }
                }
            })
            .response
            .labelled_by(label.id);
        let merge = ui
            .add_enabled(into.is_some(), Button::new("Merge"))
            .on_hover_text(
                "Its passages (with their notes), sub-themes and rules go to the chosen theme, \
                 and this theme is deleted. Ctrl+Z undoes it.",
            );
        if let (true, Some(target)) = (merge.clicked(), *into) {
            cx.send(CodebookIntent::Merge {
                from: id,
                into: target,
            });
            cx.send(SelectCommand::EditTheme(Some(target)));
        }
    });
}
