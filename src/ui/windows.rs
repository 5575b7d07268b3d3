//! The report windows: the load report (View › Load report), the message log (View ›
//! Messages), the project memo (View › Project memo) and the keyboard shortcuts (Help, F1),
//! which lists the command catalogue.

use egui::{Context, Ui};

use super::drafts::draft_field;
use crate::context::{UiCommand, ViewContext, Windows};
use crate::project::converted::summary;
use crate::session::{AttributeIntent, Session};

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
    egui::Window::new("Project memo")
        .open(&mut windows.project_memo)
        .default_width(480.0)
        .show(ctx, |ui| project_memo_ui(ui, cx));
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

/// The project's memo: kept when the analyst leaves the field (one undo step per edit).
fn project_memo_ui(ui: &mut Ui, cx: &ViewContext<'_>) {
    ui.weak("Notes on the whole project. Saved with it; exported as a REFI-QDA note.");
    let saved = &cx.session.project().attributes.memo;
    let id = egui::Id::unique("project_memo");
    let width = ui.available_width();
    let hint = "Research questions, decisions, what to check next…";
    if let Some(text) = draft_field(ui, id, "Project memo", saved, hint, (width, 12)) {
        cx.send(AttributeIntent::ProjectMemo(text));
    }
}

/// What conversion and repeat detection found: articles converted differently than at the
/// last save, and articles that hold their text twice.
fn conversion_sections(ui: &mut Ui, session: &Session) {
    let changes = session.converter_changes();
    section(ui, "Converted differently", changes.len(), |ui| {
        if let Some(summary) = summary(changes) {
            ui.label(summary);
        }
        for c in changes {
            let show = |s: &Option<crate::corpus::ConverterStamp>| {
                s.as_ref()
                    .map_or_else(|| "none".to_owned(), ToString::to_string)
            };
            let text = if c.text_changed {
                "; the text changed"
            } else {
                ""
            };
            ui.label(format!(
                "{} — {} became {}{text}",
                c.article,
                show(&c.before),
                show(&c.after)
            ));
        }
    });
    let repeated: Vec<&crate::corpus::Article> = session
        .corpus()
        .articles()
        .iter()
        .filter(|a| a.is_repeated())
        .collect();
    section(
        ui,
        "Articles that repeat their text",
        repeated.len(),
        |ui| {
            for a in &repeated {
                let chars: usize = a
                    .repeated_ranges()
                    .iter()
                    .map(|(s, e)| e.saturating_sub(*s))
                    .sum();
                ui.label(format!(
                "{} — {chars} characters are a copy of earlier text; figures there are marked as repeats",
                a.id
            ));
            }
        },
    );
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
    conversion_sections(ui, session);
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
