//! The report windows: the load report (View › Load report), the message log (View ›
//! Messages) and the keyboard shortcuts (Help, F1), which lists the command catalogue.

use egui::{Context, Ui};

use crate::context::{UiCommand, ViewContext, Windows};
use crate::session::Session;

pub fn windows_ui(ctx: &Context, cx: &ViewContext<'_>, windows: &mut Windows) {
    egui::Window::new("Load report")
        .open(&mut windows.load_report)
        .default_width(560.0)
        .vscroll(true)
        .show(ctx, |ui| load_report_ui(ui, cx.session));
    egui::Window::new("Messages")
        .open(&mut windows.messages)
        .default_width(520.0)
        .vscroll(true)
        .show(ctx, |ui| {
            let log = cx.notes.log();
            if log.is_empty() {
                ui.weak("No messages yet.");
            }
            for n in log.iter().rev() {
                ui.label(format!("{:?}: {}", n.level, n.text));
            }
        });
    egui::Window::new("Keyboard shortcuts")
        .open(&mut windows.shortcuts)
        .show(ctx, |ui| {
            egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                for (keys, what) in UiCommand::all().into_iter().filter_map(|c| c.help_row(ctx)) {
                    ui.monospace(keys);
                    ui.label(what);
                    ui.end_row();
                }
            });
        });
}

fn load_report_ui(ui: &mut Ui, session: &Session) {
    let report = session.load_report();
    ui.label(format!(
        "{} article(s) loaded from {}.",
        session.corpus().len(),
        session.corpus().root.display()
    ));
    section(ui, "Skipped files", report.skipped.len(), |ui| {
        for s in &report.skipped {
            ui.label(format!("{} — {}", s.path.display(), s.reason));
        }
    });
    section(
        ui,
        "Read with another encoding",
        report.fallbacks.len(),
        |ui| {
            for (id, enc) in &report.fallbacks {
                ui.label(format!("{id} — {enc}"));
            }
        },
    );
    if let Some(found) = session.reanchored() {
        ui.label(format!(
            "Re-anchoring after the articles were read: {}",
            found.summary()
        ));
    }
    let warnings = session.open_warnings();
    section(ui, "Problems in the project file", warnings.len(), |ui| {
        for w in warnings {
            ui.label(w);
        }
    });
    let missing = session.missing_articles();
    section(
        ui,
        "Articles missing from the folder",
        missing.len(),
        |ui| {
            for id in missing {
                ui.label(id.as_str());
            }
        },
    );
    let changed = session.changed_articles();
    section(
        ui,
        "Articles changed since the last save",
        changed.len(),
        |ui| {
            for id in &changed {
                ui.label(id.as_str());
            }
        },
    );
    let problems = session.problems();
    section(ui, "Passages that need attention", problems.len(), |ui| {
        for (id, problem) in problems {
            ui.label(format!("{id}: {problem}"));
        }
    });
}

fn section(ui: &mut Ui, title: &str, count: usize, body: impl FnOnce(&mut Ui)) {
    egui::CollapsingHeader::new(format!("{title} ({count})"))
        .default_open(count > 0 && count <= 50)
        .show(ui, |ui| {
            if count == 0 {
                ui.weak("None.");
            } else {
                body(ui);
            }
        });
}
