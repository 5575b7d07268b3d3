//! The status bar (counts, running jobs with progress, save state) and the toasts.

use egui::{Align2, Color32, Context, Frame, Id, ProgressBar, RichText, Ui};

use super::palette;
use crate::context::notify::Level;
use crate::context::{Command, ViewContext};

pub fn status_ui(ui: &mut Ui, cx: &ViewContext<'_>) {
    let session = cx.session;
    ui.horizontal(|ui| {
        ui.label(format!(
            "{} articles · {} themes · {} passages",
            session.corpus().len(),
            session.project().themes.len(),
            session.project().passages.len()
        ));
        let problems = session.problems().len();
        if problems > 0 {
            ui.colored_label(
                palette::warning(ui.visuals().dark_mode),
                format!("· {problems} need attention"),
            );
        }
        for job in cx.jobs.iter().filter(|j| j.slot.shown()) {
            ui.separator();
            let bar = match job.progress.fraction() {
                Some(f) => ProgressBar::new(f).show_percentage(),
                None => ProgressBar::new(0.0).animate(true),
            };
            ui.add(bar.desired_width(160.0).text(job.label.as_str()));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            coder_ui(ui, cx);
            if session.is_dirty() {
                ui.label(
                    RichText::new("Unsaved changes")
                        .color(palette::warning(ui.visuals().dark_mode)),
                );
            } else if session.project_path().is_some() {
                ui.weak("Saved");
            }
        });
    });
}

/// The current coder; a click opens the preferences to change it.
fn coder_ui(ui: &mut Ui, cx: &ViewContext<'_>) {
    let project = cx.session.project();
    let name = project.coder_name(project.current_coder);
    if ui
        .small_button(format!("Coder: {name}"))
        .on_hover_text("New passages are made by this coder (Edit › Preferences…)")
        .clicked()
    {
        cx.send(crate::context::UiCommand::Preferences);
    }
    ui.separator();
}

/// Toasts in the bottom-right corner; a dismissal is sent as a command.
pub fn toasts_ui(ctx: &Context, cx: &ViewContext<'_>) {
    let active: Vec<(usize, Level, String)> = cx
        .notes
        .active()
        .map(|(i, n)| (i, n.level, n.text.clone()))
        .collect();
    if active.is_empty() {
        return;
    }
    let dark = ctx.global_style().visuals.dark_mode;
    let mut dismiss = Vec::new();
    egui::Area::new(Id::unique("toasts"))
        .anchor(Align2::RIGHT_BOTTOM, [-12.0, -36.0])
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            ui.set_max_width(460.0);
            for (i, level, text) in active.iter().rev().take(5).rev() {
                let accent = match level {
                    Level::Info => Color32::from_rgb(90, 160, 90),
                    Level::Warning => palette::warning(dark),
                    Level::Error => palette::error(dark),
                };
                Frame::popup(ui.style())
                    .stroke(egui::Stroke::new(1.5, accent))
                    .show(ui, |ui| {
                        ui.horizontal(|ui| {
                            let (rect, _) =
                                ui.allocate_exact_size(egui::vec2(4.0, 16.0), egui::Sense::hover());
                            ui.painter().rect_filled(rect, 1.0, accent);
                            ui.add(egui::Label::new(text.as_str()).wrap());
                            if ui.small_button("×").on_hover_text("Dismiss").clicked() {
                                dismiss.push(*i);
                            }
                        });
                    });
                ui.add_space(4.0);
            }
        });
    for i in dismiss {
        cx.send(Command::DismissNotice(i));
    }
}
