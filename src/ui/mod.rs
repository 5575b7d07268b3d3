//! The panes and dialogs of the window, one file each. A pane reads the session through a
//! [`ViewContext`](crate::context::ViewContext) and asks for changes with
//! [`Command`](crate::context::Command)s; it never changes the model itself, and never uses
//! `app`.

pub mod actors;
pub mod agreement;
pub mod analysis;
pub mod attributes;
pub mod codebook;
pub mod command_palette;
pub mod dialogs;
pub mod drafts;
pub mod figures;
pub mod highlight;
pub mod inspector;
pub mod library;
pub mod library_view;
pub mod menu;
pub mod only;
pub mod orphans;
pub mod palette;
pub mod passages;
pub mod plot;
pub mod preferences;
pub mod queries;
pub mod reader;
pub mod report;
pub mod search;
pub mod status;
pub mod windows;

use egui::{Color32, Response, Sense, Ui, Vec2};

use crate::corpus::ArticleId;
use crate::project::{Project, ThemeId};

pub use crate::context::{Selection, theme_for_key};

/// The least a table of the lower panel keeps before it scrolls (egui's default, 200 points,
/// makes the lower panel grow over the reader in a small window).
pub const MIN_TABLE_HEIGHT: f32 = 60.0;

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
            swatch(ui, palette::theme(t.color, ui.visuals().dark_mode));
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

/// A quote in lists: short, on one line.
pub fn quote_preview(quote: &str, max_chars: usize) -> String {
    let flat: String = quote.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max_chars {
        flat
    } else {
        let mut s: String = flat.chars().take(max_chars).collect();
        s.push('…');
        s
    }
}
