//! Whose passages the reader shows, when the project has more than one coder: everyone's (in
//! the themes' colours), one coder's, or two coders' side by side, each in a colour of their
//! own, with a legend.

use egui::Ui;

use crate::context::{CoderView, SelectCommand, ViewContext};
use crate::project::Project;
use crate::ui::{palette, swatch};

fn view_text(project: &Project, view: CoderView) -> String {
    match view {
        CoderView::All => "every coder".to_owned(),
        CoderView::One(c) => format!("{} only", project.coder_name(c)),
        CoderView::Two(a, b) => format!(
            "{} and {} in two colours",
            project.coder_name(a),
            project.coder_name(b)
        ),
    }
}

/// The choice of coders and, for two, the legend. Nothing when there is one coder.
pub(super) fn coders_bar_ui(ui: &mut Ui, cx: &ViewContext<'_>) {
    let project = cx.session.project();
    let coders = project.coder_list();
    if coders.len() < 2 {
        return;
    }
    let current = cx.selection.coders;
    let mut views = vec![CoderView::All];
    views.extend(coders.iter().map(|c| CoderView::One(c.id)));
    for (i, a) in coders.iter().enumerate() {
        for b in &coders[i + 1..] {
            views.push(CoderView::Two(a.id, b.id));
        }
    }
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Passages by");
        egui::ComboBox::from_id_salt("reader_coders")
            .selected_text(view_text(project, current))
            .show_ui(ui, |ui| {
                for v in views {
                    if ui
                        .selectable_label(v == current, view_text(project, v))
                        .clicked()
                        && v != current
                    {
                        cx.send(SelectCommand::Coders(v));
                    }
                }
            })
            .response
            .labelled_by(label.id);
        if let CoderView::Two(a, b) = current {
            for (side, c) in [a, b].into_iter().enumerate() {
                swatch(ui, palette::color(palette::CODER_COLOURS[side]));
                ui.label(project.coder_name(c));
            }
        }
    });
}
