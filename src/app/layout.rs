//! The window's panels, and what is drawn over them (dialogs, the command palette, report
//! windows, toasts). Every pane gets the same [`ViewContext`] and its own view state.

use egui::{CentralPanel, Panel, Ui};

use super::DossierApp;
use super::settings::Panels;
use crate::context::{SelectCommand, SidePanel, Tab, ViewContext};
use crate::ui::actors::actors_ui;
use crate::ui::actors::network::network_ui;
use crate::ui::actors::relations::relations_ui;
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
use crate::ui::queries::queries_ui;
use crate::ui::reader::reader_ui;
use crate::ui::report::report_ui;
use crate::ui::search::search_ui;
use crate::ui::status::{status_ui, toasts_ui};
use crate::ui::windows::windows_ui;

/// The reader keeps at least this much room, however small the window and large the panels.
pub(super) const READER_MIN: egui::Vec2 = egui::vec2(360.0, 160.0);

/// Panel sizes that fit the window: defaults in proportion to it (a small window starts with
/// small panels), and maxima that leave the reader its minimum.
struct Fit {
    lower_default: f32,
    lower_max: f32,
    library_default: f32,
    codebook_default: f32,
    side_max: f32,
}

impl Fit {
    fn new(room: egui::Vec2, panels: &Panels) -> Self {
        let sides = [SidePanel::Library, SidePanel::Codebook]
            .into_iter()
            .filter(|p| panels.shown(*p))
            .count()
            .max(1) as f32;
        let side_max = ((room.x - READER_MIN.x) / sides).max(120.0);
        // The menu and status bars take about 60 points of the height.
        let lower_max = (room.y - 60.0 - READER_MIN.y).max(80.0);
        Self {
            lower_default: (room.y * 0.35).clamp(80.0, 300.0).min(lower_max),
            lower_max,
            library_default: (room.x * 0.21).clamp(120.0, 270.0).min(side_max),
            codebook_default: (room.x * 0.25).clamp(160.0, 320.0).min(side_max),
            side_max,
        }
    }
}

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
        let room = ui.available_rect_before_wrap().size();
        let fit = Fit::new(room, &self.settings.panels);
        let panels = &self.settings.panels;
        if panels.shown(SidePanel::Lower) {
            // Some tabs need room to be read: they grow the panel (as far as the window
            // allows while the reader keeps its minimum).
            let min = fit.lower_max.min(tab.min_height());
            Panel::bottom("lower")
                .resizable(true)
                .default_size(fit.lower_default)
                .size_range(min..=fit.lower_max)
                .show(ui, |ui| {
                    ui.horizontal_wrapped(|ui| {
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
                        Tab::Queries => queries_ui(ui, &cx, &mut views.queries),
                        Tab::Agreement => agreement_ui(ui, &cx, &mut views.agreement),
                        Tab::Orphans => orphans_ui(ui, &cx),
                        Tab::Actors => actors_ui(ui, &cx, &mut views.actors),
                        Tab::Relations => relations_ui(ui, &cx, &mut views.actors.relations),
                        Tab::Network => network_ui(ui, &cx, &mut views.actors),
                    }
                });
        }
        if panels.shown(SidePanel::Library) {
            Panel::left("library")
                .resizable(true)
                .default_size(fit.library_default)
                .size_range(120.0..=fit.side_max)
                .show(ui, |ui| {
                    ui.heading("Library");
                    library_ui(ui, &cx, &mut views.library);
                });
        }
        if panels.shown(SidePanel::Codebook) {
            Panel::right("codebook")
                .resizable(true)
                .default_size(fit.codebook_default)
                .size_range(160.0..=fit.side_max)
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
        }
        views.reader.show_stripes = panels.shown(SidePanel::Stripes);
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
