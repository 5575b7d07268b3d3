//! The menu bar. Every item comes from an [`Action`], which supplies its text, tooltip and
//! shortcut.

use std::path::PathBuf;

use egui::{Button, Ui};

use crate::app::command::{Action, Command};
use crate::app::workspace::Workspace;

/// A menu item for `action`; pushes the command when clicked.
pub fn action_button(ui: &mut Ui, action: Action, enabled: bool, out: &mut Vec<Command>) {
    action_button_labelled(ui, action, action.text(), enabled, out);
}

fn action_button_labelled(
    ui: &mut Ui,
    action: Action,
    text: &str,
    enabled: bool,
    out: &mut Vec<Command>,
) {
    let mut button = Button::new(text);
    if let Some(shortcut) = action.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    if ui
        .add_enabled(enabled, button)
        .on_hover_text(action.tooltip())
        .clicked()
    {
        out.push(Command::Action(action));
        ui.close();
    }
}

pub fn menu_ui(ui: &mut Ui, ws: &Workspace, recent: &[PathBuf], out: &mut Vec<Command>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            action_button(ui, Action::OpenFolder, true, out);
            action_button(ui, Action::OpenProject, true, out);
            action_button(ui, Action::OpenPath, true, out);
            ui.add_enabled_ui(!recent.is_empty(), |ui| {
                ui.menu_button("Open recent", |ui| {
                    for path in recent {
                        if ui.button(path.display().to_string()).clicked() {
                            out.push(Command::OpenPath(path.clone()));
                            ui.close();
                        }
                    }
                });
            });
            ui.separator();
            action_button(ui, Action::Save, ws.has_work(), out);
            action_button(ui, Action::SaveAs, ws.has_work(), out);
            ui.separator();
            action_button(ui, Action::ExportQdpx, !ws.corpus.is_empty(), out);
            action_button(ui, Action::ExportQdc, !ws.project.themes.is_empty(), out);
            ui.separator();
            action_button(ui, Action::Quit, true, out);
        });
        ui.menu_button("Edit", |ui| {
            let undo = ws
                .history
                .undo_label()
                .map_or("Undo".to_owned(), |l| format!("Undo {l}"));
            action_button_labelled(ui, Action::Undo, &undo, ws.history.can_undo(), out);
            let redo = ws
                .history
                .redo_label()
                .map_or("Redo".to_owned(), |l| format!("Redo {l}"));
            action_button_labelled(ui, Action::Redo, &redo, ws.history.can_redo(), out);
            ui.separator();
            action_button(ui, Action::DeleteSelection, true, out);
            ui.separator();
            action_button(ui, Action::Find, true, out);
            action_button(ui, Action::FindNext, true, out);
            action_button(ui, Action::FindPrevious, true, out);
        });
        ui.menu_button("View", |ui| {
            action_button(ui, Action::ShowLoadReport, true, out);
            action_button(ui, Action::ShowMessages, true, out);
        });
        ui.menu_button("Help", |ui| {
            action_button(ui, Action::ShowShortcuts, true, out);
        });
    });
}
