//! The window's panels, and what is drawn over them (dialogs, the command palette, report
//! windows, toasts). Every pane gets the same [`ViewContext`] and its own view state.

use egui::{CentralPanel, Panel, Ui};

use super::DossierApp;
use crate::context::{SelectCommand, Tab, ViewContext};
use crate::ui::agreement::agreement_ui;
use crate::ui::analysis::{cooccurrence_ui, frequency_ui, matrix_ui, retrieval_ui};
use crate::ui::codebook::codebook_ui;
use crate::ui::command_palette::{PaletteAnswer, command_palette_ui};
use crate::ui::dialogs::dialog_ui;
use crate::ui::figures::figures_ui;
use crate::ui::inspector::inspector_ui;
use crate::ui::library::library_ui;
use crate::ui::menu::menu_ui;
use crate::ui::orphans::orphans_ui;
use crate::ui::passages::passages_ui;
use crate::ui::plot::plot_ui;
use crate::ui::preferences::preferences_ui;
use crate::ui::reader::reader_ui;
use crate::ui::report::report_ui;
use crate::ui::search::search_ui;
use crate::ui::status::{status_ui, toasts_ui};
use crate::ui::windows::windows_ui;

impl DossierApp {
    pub(super) fn layout(&mut self, ui: &mut Ui) {
        let cx = ViewContext::new(
            &self.session,
            &self.sel,
            self.jobs.running(),
            &self.settings.recent,
            &self.notes,
            &self.queue,
        );
        let views = &mut self.views;
        Panel::top("menu").show(ui, |ui| menu_ui(ui, &cx));
        Panel::bottom("status").show(ui, |ui| status_ui(ui, &cx));
        let tab = &mut self.tab;
        Panel::bottom("lower")
            .resizable(true)
            .default_size(300.0)
            .min_size(80.0)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    for t in Tab::ALL {
                        ui.selectable_value(tab, *t, t.title());
                    }
                });
                ui.separator();
                match *tab {
                    Tab::Passages => passages_ui(ui, &cx, &mut views.passages),
                    Tab::Figures => figures_ui(ui, &cx, &mut views.figures),
                    Tab::Plot => plot_ui(ui, &cx, &mut views.plot),
                    Tab::Search => search_ui(ui, &cx, &mut views.search),
                    Tab::Matrix => matrix_ui(ui, &cx, &mut views.analysis),
                    Tab::Cooccurrence => cooccurrence_ui(ui, &cx, &mut views.analysis),
                    Tab::Frequency => frequency_ui(ui, &cx, &mut views.analysis),
                    Tab::Retrieval => retrieval_ui(ui, &cx, &mut views.analysis),
                    Tab::Agreement => agreement_ui(ui, &cx, &mut views.agreement),
                    Tab::Orphans => orphans_ui(ui, &cx),
                }
            });
        Panel::left("library")
            .resizable(true)
            .default_size(270.0)
            .show(ui, |ui| {
                ui.heading("Library");
                library_ui(ui, &cx, &mut views.library);
            });
        Panel::right("codebook")
            .resizable(true)
            .default_size(320.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("right_scroll")
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        ui.heading("Codebook");
                        codebook_ui(ui, &cx, &mut views.codebook);
                        ui.separator();
                        ui.heading("Passage");
                        inspector_ui(ui, &cx, &mut views.inspector);
                    });
            });
        let text = CentralPanel::default()
            .show(ui, |ui| reader_ui(ui, &cx, &mut views.reader))
            .inner;
        if text != self.sel.text {
            // The reader's selection comes first: the frame's commands see it.
            self.queue.send_first(SelectCommand::Text(text));
        }
    }

    /// Dialogs, the command palette, report windows and toasts, over the panels.
    pub(super) fn overlays_ui(&mut self, ctx: &egui::Context) {
        let cx = ViewContext::new(
            &self.session,
            &self.sel,
            self.jobs.running(),
            &self.settings.recent,
            &self.notes,
            &self.queue,
        );
        windows_ui(ctx, &cx, &mut self.windows);
        preferences_ui(
            ctx,
            &cx,
            &mut self.windows.preferences,
            &mut self.views.preferences,
        );
        report_ui(ctx, &mut self.windows.report);
        if let Some(dialog) = self.dialog.as_mut()
            && let Some(answer) = dialog_ui(ctx, &cx, dialog)
        {
            self.dialog = None;
            cx.send(answer);
        }
        if let Some(palette) = self.palette.as_mut()
            && self.dialog.is_none()
        {
            match command_palette_ui(ctx, &cx, palette) {
                Some(PaletteAnswer::Run(command)) => {
                    self.palette = None;
                    cx.send(command);
                }
                Some(PaletteAnswer::Close) => self.palette = None,
                None => {}
            }
        }
        toasts_ui(ctx, &cx);
    }
}
