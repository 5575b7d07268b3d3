//! The report window: what an import or a merge did, and what it left out and why.

use egui::Context;

use crate::session::Report;

/// Show `report` until the analyst closes it.
pub fn report_ui(ctx: &Context, report: &mut Option<Report>) {
    let Some(r) = report.as_ref() else {
        return;
    };
    let mut open = true;
    // Below the menu bar, centred: the window opens by itself and must not cover the menus.
    let screen = ctx.content_rect();
    egui::Window::new(r.title.as_str())
        .id(egui::Id::unique("dossier_report"))
        .pivot(egui::Align2::CENTER_TOP)
        .default_pos(egui::pos2(screen.center().x, screen.top() + 80.0))
        .open(&mut open)
        .default_width(560.0)
        .default_height(420.0)
        .vscroll(true)
        .show(ctx, |ui| {
            for line in &r.summary {
                ui.label(line);
            }
            for (heading, items) in &r.sections {
                let n = items.len();
                egui::CollapsingHeader::new(format!("{heading} ({n})"))
                    .default_open(n > 0 && n <= 40)
                    .show(ui, |ui| {
                        if items.is_empty() {
                            ui.weak("None.");
                        }
                        for item in items {
                            ui.label(item);
                        }
                    });
            }
        });
    if !open {
        *report = None;
    }
}
