//! "Tag all hits…": choose the theme and the unit (hit, sentence, paragraph), see what would
//! happen (worked out on a background thread), and confirm.

use egui::Ui;

use crate::analysis::autotag::Unit;
use crate::context::dialog::AutoTagDialog;
use crate::context::{Command, DialogCommand, ViewContext, WorkCommand};
use crate::session::RuleIntent;
use crate::ui::{palette, quote_preview};

pub(super) fn auto_tag_ui(
    ui: &mut Ui,
    cx: &ViewContext<'_>,
    d: &mut AutoTagDialog,
    dark: bool,
) -> Option<Command> {
    ui.heading("Tag all hits");
    ui.label(format!(
        "Every hit of “{}”{} gets a theme.",
        d.query.pattern,
        if d.query.regex { " (regex)" } else { "" }
    ));
    choices_ui(ui, cx, d);
    let Some(theme) = d.theme else {
        ui.weak("Choose a theme.");
        return cancel_only(ui);
    };
    let current = d
        .preview
        .as_ref()
        .filter(|p| p.theme == theme && p.unit == d.unit);
    let Some(preview) = current else {
        if d.requested != Some((theme, d.unit)) {
            d.requested = Some((theme, d.unit));
            cx.send(WorkCommand::PreviewAutoTag {
                query: d.query.clone(),
                scope: d.scope.clone(),
                unit: d.unit,
                theme,
            });
        }
        ui.horizontal(|ui| {
            ui.spinner();
            ui.weak("Finding the hits…");
        });
        return cancel_only(ui);
    };
    let plan = match &preview.plan {
        Ok(plan) => plan,
        Err(e) => {
            ui.colored_label(palette::error(dark), e);
            return cancel_only(ui);
        }
    };
    ui.separator();
    ui.label(format!(
        "{} hit(s): {} new passage(s), {} existing passage(s) get the theme, {} already have it.",
        plan.hits,
        plan.new.len(),
        plan.extend.len(),
        plan.already
    ));
    let corpus = cx.session.corpus();
    for (article, s, e) in plan.new.iter().take(5) {
        let quote = corpus
            .get(article)
            .and_then(|a| a.slice(*s, *e))
            .unwrap_or("");
        ui.weak(format!(
            "{}: “{}”",
            article.file_name(),
            quote_preview(quote, 110)
        ));
    }
    if plan.new.len() > 5 {
        ui.weak(format!("… and {} more", plan.new.len() - 5));
    }
    ui.checkbox(
        &mut d.save_rule,
        "Save as a rule, to run again when new articles arrive",
    );
    let mut answer = None;
    ui.horizontal(|ui| {
        let n = plan.new.len() + plan.extend.len();
        if ui
            .add_enabled(n > 0, egui::Button::new(format!("Tag {n} passage(s)")))
            .clicked()
        {
            answer = Some(
                RuleIntent::TagHits {
                    query: d.query.clone(),
                    scope: d.scope.clone(),
                    unit: d.unit,
                    theme,
                    save_rule: d.save_rule,
                }
                .into(),
            );
        }
        if ui.button("Cancel").clicked() {
            answer = Some(DialogCommand::Close.into());
        }
    });
    answer
}

/// The theme and the unit.
fn choices_ui(ui: &mut Ui, cx: &ViewContext<'_>, d: &mut AutoTagDialog) {
    let project = cx.session.project();
    egui::Grid::new("autotag_grid")
        .num_columns(2)
        .show(ui, |ui| {
            let label = ui.label("Theme");
            let text = d
                .theme
                .and_then(|t| project.theme(t))
                .map_or("choose…".to_owned(), |t| t.name.clone());
            egui::ComboBox::from_id_salt("autotag_theme")
                .selected_text(text)
                .show_ui(ui, |ui| {
                    for (_, t) in project.theme_tree() {
                        ui.selectable_value(&mut d.theme, Some(t.id), &t.name);
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();
            ui.label("Tag");
            ui.horizontal(|ui| {
                for u in Unit::ALL {
                    ui.selectable_value(&mut d.unit, u, u.label());
                }
            });
            ui.end_row();
        });
}

fn cancel_only(ui: &mut Ui) -> Option<Command> {
    ui.button("Cancel")
        .clicked()
        .then(|| DialogCommand::Close.into())
}
