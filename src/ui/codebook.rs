//! The codebook pane: themes with their colour, number key and use count; clicking one tags the
//! selection. Below, an editor for the theme being edited, and a field to add a theme.

use egui::{Button, ComboBox, RichText, TextEdit, Ui};

use super::{numbered_themes, palette, swatch};
use crate::context::{DialogCommand, SelectCommand, ViewContext, theme_click};
use crate::project::{Theme, ThemeId};
use crate::session::CodebookIntent;

#[derive(Default)]
pub struct CodebookState {
    pub new_name: String,
    /// The theme being edited, as edited so far.
    draft: Option<Theme>,
    /// The theme the draft was taken from, to notice when it changes underneath.
    draft_source: Option<Theme>,
}

pub fn codebook_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &mut CodebookState) {
    let (project, sel) = (cx.session.project(), cx.selection);
    let hint = if let Some((a, b)) = sel.text {
        format!(
            "{} characters selected: click a theme or press its number to tag them.",
            b - a
        )
    } else if sel.passage.is_some() {
        "Click a theme or press its number to add it to the selected passage or remove it.".into()
    } else {
        "Select text in the reader, then click a theme or press 1–9.".into()
    };
    ui.weak(hint);
    ui.add_space(4.0);

    let usage = cx.session.theme_usage();
    let numbers = numbered_themes(project);
    let passage = sel.passage.and_then(|p| project.passages.get(&p));
    for (depth, theme) in project.theme_tree() {
        ui.horizontal(|ui| {
            ui.add_space(depth as f32 * 14.0);
            swatch(ui, palette::color(theme.color));
            let number = numbers.iter().position(|t| *t == theme.id);
            ui.add_sized(
                [12.0, 14.0],
                egui::Label::new(
                    RichText::new(number.map_or(String::new(), |n| (n + 1).to_string())).weak(),
                ),
            );
            let on_passage = passage.is_some_and(|p| p.has_theme(theme.id));
            let count = usage.get(&theme.id).copied().unwrap_or(0);
            let edit = ui
                .small_button("edit")
                .on_hover_text(format!("Edit theme “{}”", theme.name));
            if edit.clicked() {
                cx.send(SelectCommand::EditTheme(Some(theme.id)));
            }
            let button = Button::selectable(on_passage || sel.theme == Some(theme.id), &theme.name)
                .right_text(RichText::new(count.to_string()).weak())
                .min_size(egui::vec2(ui.available_width(), 0.0));
            let tip = if theme.description.is_empty() {
                theme.name.clone()
            } else {
                format!("{}\n\n{}", theme.name, theme.description)
            };
            if ui.add(button).on_hover_text(tip).clicked() {
                cx.send(theme_click(sel, theme.id));
            }
        });
    }

    ui.add_space(6.0);
    ui.horizontal(|ui| {
        let label = ui.label("New theme");
        let field = ui
            .add(
                TextEdit::singleline(&mut state.new_name)
                    .hint_text("name")
                    .desired_width(140.0),
            )
            .labelled_by(label.id);
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let add = ui.add_enabled(!state.new_name.trim().is_empty(), Button::new("Add theme"));
        if (add.clicked() || enter) && !state.new_name.trim().is_empty() {
            cx.send(CodebookIntent::Add {
                name: state.new_name.trim().to_owned(),
            });
            state.new_name.clear();
        }
    });

    if let Some(id) = sel.theme {
        ui.separator();
        editor_ui(ui, cx, id, state);
    }
}

fn editor_ui(ui: &mut Ui, cx: &ViewContext<'_>, id: ThemeId, state: &mut CodebookState) {
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
}
