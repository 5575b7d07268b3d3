//! The orphans view: passages and figures that no longer fit their article (missing article,
//! offsets past the end, or a quote that re-anchoring could not find). Each can be re-attached
//! to text selected in the reader, or deleted. Nothing here is ever dropped without the analyst.

use egui::{Button, RichText, Ui};

use super::{palette, quote_preview, theme_chip};
use crate::context::ViewContext;
use crate::project::{CuratedFigure, Passage, PassageProblem};
use crate::session::{FigureIntent, TagIntent};

pub fn orphans_ui(ui: &mut Ui, cx: &ViewContext<'_>) {
    let (session, sel) = (cx.session, cx.selection);
    let project = session.project();
    if let Some(found) = session.reanchored() {
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
    if session.problems().is_empty() && session.figure_problems().is_empty() {
        ui.label("No orphans: every passage and curated figure sits on its text.");
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("orphans_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (id, problem) in session.problems() {
                if let Some(p) = project.passages.get(id) {
                    passage_ui(ui, cx, p, problem, can_attach);
                }
            }
            for (id, problem) in session.figure_problems() {
                if let Some(f) = project.figures.get(id) {
                    figure_ui(ui, cx, f, problem, can_attach);
                }
            }
        });
}

/// An orphaned passage: where it was, its quote and note; re-attach or delete.
fn passage_ui(
    ui: &mut Ui,
    cx: &ViewContext<'_>,
    p: &Passage,
    problem: &PassageProblem,
    can_attach: bool,
) {
    let (project, dark) = (cx.session.project(), ui.visuals().dark_mode);
    ui.horizontal_wrapped(|ui| {
        ui.strong(format!("Passage {}", p.id.0));
        ui.weak(format!("in {}", p.article));
        for t in &p.themes {
            theme_chip(ui, project, *t);
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
            .on_hover_text("Move this passage to the text selected in the reader (undoable)");
        if attach.clicked() {
            cx.send(TagIntent::Reattach {
                passage: p.id,
                to: cx.selection.text_range(),
            });
        }
        if ui.button("Delete passage").clicked() {
            cx.send(TagIntent::Delete(p.id));
        }
    });
    ui.separator();
}

/// An orphaned curated figure: its value and quote; re-attach or delete.
fn figure_ui(
    ui: &mut Ui,
    cx: &ViewContext<'_>,
    f: &CuratedFigure,
    problem: &PassageProblem,
    can_attach: bool,
) {
    let dark = ui.visuals().dark_mode;
    ui.horizontal_wrapped(|ui| {
        ui.strong(format!("Figure {}", f.id.0));
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
            cx.send(FigureIntent::Reattach {
                figure: f.id,
                to: cx.selection.text_range(),
            });
        }
        if ui
            .button("Delete figure")
            .on_hover_text("Also removes it from its series (undoable)")
            .clicked()
        {
            cx.send(FigureIntent::Delete(f.id));
        }
    });
    ui.separator();
}
