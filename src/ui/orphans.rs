//! The orphans view: passages and figures that no longer fit their article (missing article,
//! offsets past the end, or a quote that re-anchoring could not find). Each can be re-attached
//! to text selected in the reader, or deleted. Nothing here is ever dropped without the analyst.

use egui::{Button, RichText, Ui};

use super::reader::quote_preview;
use super::{Selection, palette, theme_chip};
use crate::app::command::Command;
use crate::app::workspace::Workspace;
use crate::project::Edit;

pub fn orphans_ui(ui: &mut Ui, ws: &Workspace, sel: &Selection, out: &mut Vec<Command>) {
    let dark = ui.visuals().dark_mode;
    if let Some(found) = &ws.reanchored {
        ui.weak(format!(
            "When the articles were loaded: {}",
            found.summary()
        ));
    }
    let can_attach = sel.text.is_some() && sel.article.is_some();
    let hint = if can_attach {
        "Text is selected in the reader: “Re-attach” moves an orphan there."
    } else {
        "To re-attach an orphan, select its new text in the reader first."
    };
    ui.weak(hint);
    ui.separator();
    if ws.problems.is_empty() && ws.figure_problems.is_empty() {
        ui.label("No orphans: every passage and curated figure sits on its text.");
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("orphans_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (id, problem) in &ws.problems {
                let Some(p) = ws.project.passages.get(id) else {
                    continue;
                };
                ui.horizontal_wrapped(|ui| {
                    ui.strong(format!("Passage {}", id.0));
                    ui.weak(format!("in {}", p.article));
                    for t in &p.themes {
                        theme_chip(ui, &ws.project, *t);
                    }
                });
                ui.colored_label(
                    palette::warning(dark),
                    format!("Needs attention: {problem}."),
                );
                ui.label(RichText::new(format!("…{}", quote_preview(&p.prefix, 40))).weak());
                ui.label(format!("“{}”", quote_preview(&p.quote, 300)));
                if !p.note.is_empty() {
                    ui.label(RichText::new(format!("Note: {}", p.note)).italics());
                }
                ui.horizontal(|ui| {
                    let attach = ui
                        .add_enabled(can_attach, Button::new("Re-attach to selection"))
                        .on_hover_text(
                            "Move this passage to the text selected in the reader (undoable)",
                        );
                    if attach.clicked() {
                        out.push(Command::ReattachPassage(*id));
                    }
                    if ui.button("Delete passage").clicked() {
                        out.push(Command::Edit(Edit::RemovePassage(*id)));
                    }
                });
                ui.separator();
            }
            for (id, problem) in &ws.figure_problems {
                let Some(f) = ws.project.figures.get(id) else {
                    continue;
                };
                ui.horizontal_wrapped(|ui| {
                    ui.strong(format!("Figure {}", id.0));
                    ui.weak(format!(
                        "in {} · {}",
                        f.article,
                        super::figures::pretty(f.value, &f.unit)
                    ));
                });
                ui.colored_label(
                    palette::warning(dark),
                    format!("Needs attention: {problem}."),
                );
                ui.label(format!("“{}”", quote_preview(&f.quote, 200)));
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(can_attach, Button::new("Re-attach figure to selection"))
                        .clicked()
                    {
                        out.push(Command::ReattachFigure(*id));
                    }
                    if ui
                        .button("Delete figure")
                        .on_hover_text("Also removes it from its series (undoable)")
                        .clicked()
                    {
                        out.push(Command::DeleteFigure(*id));
                    }
                });
                ui.separator();
            }
        });
}
