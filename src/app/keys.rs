//! Keyboard shortcuts, all read from the command catalogue: each key press that matches a
//! command's shortcut (where that command's keys work) becomes that command.

use egui::KeyboardShortcut;

use super::DossierApp;
use crate::context::{KeyScope, UiCommand};
use crate::ui::reader;

impl DossierApp {
    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) {
        // Esc closes the report windows (shortcuts, messages, load report) before anything else.
        let windows = &mut self.windows;
        if self.dialog.is_none()
            && (windows.shortcuts || windows.messages || windows.load_report)
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            *windows = Default::default();
        }
        let focused = ctx.memory(|m| m.focused());
        let reader_or_nothing = focused.is_none_or(|id| id == reader::text_id());
        // More specific shortcuts first: Ctrl+Shift+Z must not be taken as Ctrl+Z.
        let mut keys: Vec<(UiCommand, KeyboardShortcut)> = UiCommand::all()
            .into_iter()
            .flat_map(|c| c.shortcuts().into_iter().map(move |s| (c, s)))
            .collect();
        keys.sort_by_key(|(_, s)| {
            std::cmp::Reverse(s.modifiers.shift as u8 + s.modifiers.alt as u8)
        });
        for (command, shortcut) in keys {
            let works_here = match command.key_scope() {
                KeyScope::Global => true,
                KeyScope::NotInTextField => reader_or_nothing,
                KeyScope::Reader => {
                    reader_or_nothing && self.dialog.is_none() && self.palette.is_none()
                }
            };
            if works_here && ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                self.queue.send(command);
            }
        }
    }
}
