//! Preferences (Edit › Preferences…): who is at the keyboard. The current coder makes every
//! new passage; coders can be added and renamed. Each change is an undoable intent.

use egui::{Context, TextEdit, Ui};

use crate::context::ViewContext;
use crate::project::CoderId;
use crate::session::CoderIntent;

/// What the window remembers while it is open: the names being typed.
#[derive(Debug, Default)]
pub struct PreferencesState {
    new_name: String,
    /// The coder being renamed, and the new name typed.
    renaming: Option<(CoderId, String)>,
}

pub fn preferences_ui(
    ctx: &Context,
    cx: &ViewContext<'_>,
    open: &mut bool,
    state: &mut PreferencesState,
) {
    let screen = ctx.content_rect();
    egui::Window::new("Preferences")
        .open(open)
        .pivot(egui::Align2::CENTER_TOP)
        .default_pos(egui::pos2(screen.center().x, screen.top() + 80.0))
        .default_width(420.0)
        .resizable(false)
        .show(ctx, |ui| coders_ui(ui, cx, state));
}

fn coders_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &mut PreferencesState) {
    let project = cx.session.project();
    let current = project.current_coder;
    let usage = project.coder_usage();
    ui.heading("Coder");
    ui.label("New passages are made by the current coder. Agreement compares coders.");
    ui.add_space(4.0);
    let label = ui.label("Current coder");
    egui::ComboBox::from_id_salt("current_coder")
        .selected_text(project.coder_name(current))
        .show_ui(ui, |ui| {
            for c in project.coder_list() {
                if ui.selectable_label(c.id == current, &c.name).clicked() && c.id != current {
                    cx.send(CoderIntent::Switch(c.name.clone()));
                }
            }
        })
        .response
        .labelled_by(label.id);
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        let label = ui.label("New coder");
        let field = ui
            .add(
                TextEdit::singleline(&mut state.new_name)
                    .hint_text("name")
                    .desired_width(160.0),
            )
            .labelled_by(label.id);
        let typed = !state.new_name.trim().is_empty();
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let add_and_use = ui
            .add_enabled(typed, egui::Button::new("Add and use"))
            .on_hover_text("Add this coder and make new passages theirs");
        if typed && (add_and_use.clicked() || enter) {
            cx.send(CoderIntent::Switch(std::mem::take(&mut state.new_name)));
        }
        if ui
            .add_enabled(typed, egui::Button::new("Add"))
            .on_hover_text("Add this coder; the current coder stays")
            .clicked()
        {
            cx.send(CoderIntent::Add(std::mem::take(&mut state.new_name)));
        }
    });
    ui.separator();
    ui.strong("Coders");
    egui::Grid::new("coders").striped(true).show(ui, |ui| {
        for c in project.coder_list() {
            let n = usage.get(&c.id).copied().unwrap_or(0);
            match &mut state.renaming {
                Some((id, name)) if *id == c.id => {
                    let label = ui.label("New name");
                    ui.add(TextEdit::singleline(name).desired_width(140.0))
                        .labelled_by(label.id);
                    if ui.button("Rename").clicked() {
                        cx.send(CoderIntent::Rename {
                            coder: c.id,
                            name: name.clone(),
                        });
                        state.renaming = None;
                    } else if ui.button("Cancel").clicked() {
                        state.renaming = None;
                    }
                }
                _ => {
                    let mark = if c.id == current { " (current)" } else { "" };
                    ui.label(format!("{}{mark}", c.name));
                    ui.weak(format!("{n} passage(s)"));
                    let what = format!("Rename {}", c.name);
                    let rename = ui.small_button("Rename…").on_hover_text(&what);
                    // Read out as "Rename NAME", not as one of several "Rename…".
                    rename.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::Button, true, what.clone())
                    });
                    if rename.clicked() {
                        state.renaming = Some((c.id, c.name.clone()));
                    }
                }
            }
            ui.end_row();
        }
    });
}
