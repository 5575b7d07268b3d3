//! The menu bar. Every item comes from the [`UiCommand`] catalogue, which supplies its text,
//! tooltip, shortcut and whether it can run now.

use egui::{Button, Ui};

use crate::context::{FileCommand, UiCommand, ViewContext};

/// A menu item for `command`; sends it when clicked.
fn item(ui: &mut Ui, cx: &ViewContext<'_>, command: UiCommand) {
    item_labelled(ui, cx, command, &command.text());
}

fn item_labelled(ui: &mut Ui, cx: &ViewContext<'_>, command: UiCommand, text: &str) {
    let mut button = Button::new(text);
    if let Some(shortcut) = command.shortcuts().first() {
        button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
    }
    let enabled = command.enabled(cx.session, cx.selection);
    if ui
        .add_enabled(enabled, button)
        .on_hover_text(command.tooltip())
        .clicked()
    {
        cx.send(command);
        ui.close();
    }
}

pub fn menu_ui(ui: &mut Ui, cx: &ViewContext<'_>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu_ui(ui, cx));
        ui.menu_button("Edit", |ui| {
            let history = cx.session.history();
            let undo = history
                .undo_label()
                .map_or("Undo".to_owned(), |l| format!("Undo {l}"));
            item_labelled(ui, cx, UiCommand::Undo, &undo);
            let redo = history
                .redo_label()
                .map_or("Redo".to_owned(), |l| format!("Redo {l}"));
            item_labelled(ui, cx, UiCommand::Redo, &redo);
            ui.separator();
            item(ui, cx, UiCommand::DeleteSelection);
            ui.separator();
            item(ui, cx, UiCommand::Find);
            item(ui, cx, UiCommand::FindNext);
            item(ui, cx, UiCommand::FindPrevious);
            ui.separator();
            item(ui, cx, UiCommand::Preferences);
        });
        ui.menu_button("View", |ui| {
            for panel in crate::context::SidePanel::ALL {
                item(ui, cx, UiCommand::TogglePanel(panel));
            }
            ui.separator();
            item(ui, cx, UiCommand::ShowLoadReport);
            item(ui, cx, UiCommand::ShowMessages);
            item(ui, cx, UiCommand::ShowProjectMemo);
            ui.separator();
            item(ui, cx, UiCommand::CommandPalette);
        });
        ui.menu_button("Help", |ui| {
            item(ui, cx, UiCommand::ShowShortcuts);
            item(ui, cx, UiCommand::OpenSample);
        });
    });
}

fn file_menu_ui(ui: &mut Ui, cx: &ViewContext<'_>) {
    item(ui, cx, UiCommand::OpenFolder);
    item(ui, cx, UiCommand::OpenProject);
    item(ui, cx, UiCommand::OpenPath);
    item(ui, cx, UiCommand::OpenSource);
    ui.add_enabled_ui(!cx.recent.is_empty(), |ui| {
        ui.menu_button("Open recent", |ui| {
            for path in cx.recent {
                if ui.button(path.display().to_string()).clicked() {
                    cx.send(FileCommand::OpenPath(path.clone()));
                    ui.close();
                }
            }
        });
    });
    ui.separator();
    item(ui, cx, UiCommand::Save);
    item(ui, cx, UiCommand::SaveAs);
    ui.separator();
    item(ui, cx, UiCommand::ExportQdpx);
    item(ui, cx, UiCommand::ExportQdc);
    item(ui, cx, UiCommand::ExportReport);
    ui.separator();
    item(ui, cx, UiCommand::ImportQdpx);
    item(ui, cx, UiCommand::ImportQdc);
    item(ui, cx, UiCommand::MergeProject);
    ui.separator();
    item(ui, cx, UiCommand::Quit);
}
