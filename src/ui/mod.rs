//! The panes of the window, one file each. Panes read the workspace and push
//! [`Command`](crate::app::command::Command)s; they never change the model themselves.

pub mod analysis;
pub mod codebook;
pub mod figures;
pub mod highlight;
pub mod inspector;
pub mod library;
pub mod menu;
pub mod orphans;
pub mod palette;
pub mod passages;
pub mod plot;
pub mod reader;
pub mod search;
pub mod status;

use egui::{Color32, Response, Sense, Ui, Vec2};

use crate::corpus::ArticleId;
use crate::project::{PassageId, Project, ThemeId};

/// What is selected, shared by every pane.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// The article open in the reader.
    pub article: Option<ArticleId>,
    /// The selected passage.
    pub passage: Option<PassageId>,
    /// The text selected in the reader, in code points.
    pub text: Option<(usize, usize)>,
    /// The theme open in the codebook's editor.
    pub theme: Option<ThemeId>,
    /// The selected figure.
    pub figure: Option<crate::figures::curation::FigureKey>,
}

/// A small square in a theme's colour.
pub fn swatch(ui: &mut Ui, color: Color32) -> Response {
    let (rect, response) = ui.allocate_exact_size(Vec2::splat(12.0), Sense::hover());
    ui.painter().rect_filled(rect, 2.0, color);
    response
}

/// A theme's colour and name, compact.
pub fn theme_chip(ui: &mut Ui, project: &Project, id: ThemeId) {
    match project.theme(id) {
        Some(t) => {
            swatch(ui, palette::color(t.color));
            ui.label(&t.name);
        }
        None => {
            ui.weak(format!("(unknown theme {})", id.0));
        }
    }
}

/// A labelled "Article" filter: any article, or one of the corpus.
pub fn article_filter(
    ui: &mut Ui,
    id_salt: &str,
    articles: &crate::corpus::Corpus,
    value: &mut Option<ArticleId>,
) {
    let label = ui.label("Article");
    let text = value
        .as_ref()
        .map_or("any".to_owned(), |a| a.file_name().to_owned());
    egui::ComboBox::from_id_salt(id_salt)
        .selected_text(text)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, "any");
            for a in articles.articles() {
                ui.selectable_value(value, Some(a.id.clone()), a.id.as_str());
            }
        })
        .response
        .labelled_by(label.id);
}

/// The themes that number keys 1–9 tag with: the first nine in codebook order.
pub fn numbered_themes(project: &Project) -> Vec<ThemeId> {
    project
        .theme_tree()
        .into_iter()
        .take(9)
        .map(|(_, t)| t.id)
        .collect()
}
