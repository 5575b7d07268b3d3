//! The library pane: every article with its title, file name and passage count, with a filter.
//! Articles the project knows but the corpus lacks are listed too.

use egui::text::{LayoutJob, TextFormat};
use egui::{Button, FontId, TextEdit, TextWrapMode, Ui, Vec2};

use super::palette;
use crate::context::{SelectCommand, ViewContext};
use crate::corpus::ArticleId;
use crate::session::Session;

#[derive(Default)]
pub struct LibraryState {
    pub filter: String,
    /// (session revision, filter) → matching article indices.
    cache: Option<(u64, String, Vec<usize>)>,
}

const ROW_HEIGHT: f32 = 40.0;

pub fn library_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &mut LibraryState) {
    let (session, sel) = (cx.session, cx.selection);
    ui.horizontal(|ui| {
        let label = ui.label("Filter");
        ui.add(
            TextEdit::singleline(&mut state.filter)
                .hint_text("title or file name")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    });
    let rows = filtered(session, state);
    let total = session.corpus().len();
    ui.weak(if rows.len() == total {
        format!("{total} article(s)")
    } else {
        format!("{} of {total} article(s)", rows.len())
    });
    ui.separator();

    let counts = session.passage_counts();
    let missing = session.missing_articles();
    let dark = ui.visuals().dark_mode;
    egui::ScrollArea::vertical()
        .id_salt("library_scroll")
        .auto_shrink([false, false])
        .show_rows(ui, ROW_HEIGHT, rows.len(), |ui, range| {
            for &i in &rows[range] {
                let Some(article) = session.corpus().articles().get(i) else {
                    continue;
                };
                let n = counts.get(&article.id).copied().unwrap_or(0);
                let selected = sel.article.as_ref() == Some(&article.id);
                let response = article_row(ui, &article.title, article.id.file_name(), n, selected)
                    .on_hover_text(format!("{}\n{} passage(s)", article.id, n));
                if response.clicked() {
                    cx.send(SelectCommand::OpenArticle(article.id.clone()));
                }
            }
        });
    if !missing.is_empty() {
        ui.separator();
        ui.colored_label(
            palette::warning(dark),
            format!("{} article(s) missing from the folder", missing.len()),
        );
        egui::ScrollArea::vertical()
            .id_salt("missing_scroll")
            .max_height(120.0)
            .show(ui, |ui| {
                for id in missing {
                    let n = counts.get(id).copied().unwrap_or(0);
                    missing_row(ui, cx, id, n);
                }
            });
    }
}

/// One article: title on the first line, file name below, passage count on the right.
fn article_row(
    ui: &mut Ui,
    title: &str,
    file: &str,
    passages: usize,
    selected: bool,
) -> egui::Response {
    let size = Vec2::new(ui.available_width(), ROW_HEIGHT - 2.0);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click());
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, title));
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact_selectable(&response, selected);
        if selected || response.hovered() {
            ui.painter().rect_filled(rect, 4.0, visuals.weak_bg_fill);
        }
        let inner = rect.shrink2(Vec2::new(6.0, 3.0));
        let count = if passages > 0 {
            passages.to_string()
        } else {
            String::new()
        };
        let count_galley = ui.painter().layout_no_wrap(
            count,
            FontId::proportional(12.0),
            ui.visuals().weak_text_color(),
        );
        let text_width = (inner.width() - count_galley.size().x - 8.0).max(20.0);
        let truncated = |text: &str, size: f32, color| {
            let mut job = LayoutJob::single_section(
                text.to_owned(),
                TextFormat::simple(FontId::proportional(size), color),
            );
            job.wrap = egui::text::TextWrapping::truncate_at_width(text_width);
            ui.fonts_mut(|f| f.layout_job(job))
        };
        let title_galley = truncated(title, 14.0, visuals.text_color());
        let file_galley = truncated(file, 11.5, ui.visuals().weak_text_color());
        let painter = ui.painter();
        painter.galley(inner.left_top(), title_galley, visuals.text_color());
        painter.galley(
            inner.left_top() + Vec2::new(0.0, 19.0),
            file_galley,
            visuals.text_color(),
        );
        painter.galley(
            egui::pos2(
                inner.right() - count_galley.size().x,
                inner.center().y - count_galley.size().y / 2.0,
            ),
            count_galley,
            visuals.text_color(),
        );
    }
    response
}

fn missing_row(ui: &mut Ui, cx: &ViewContext<'_>, id: &ArticleId, passages: usize) {
    let selected = cx.selection.article.as_ref() == Some(id);
    let text = format!("{id} ({passages} passage(s) kept)");
    if ui
        .add(Button::selectable(selected, text).wrap_mode(TextWrapMode::Truncate))
        .clicked()
    {
        cx.send(SelectCommand::OpenArticle(id.clone()));
    }
}

/// Indices of the articles matching the filter, cached per session revision.
fn filtered(session: &Session, state: &mut LibraryState) -> Vec<usize> {
    if let Some((_, _, rows)) = state
        .cache
        .as_ref()
        .filter(|(rev, filter, _)| *rev == session.revision() && *filter == state.filter)
    {
        return rows.clone();
    }
    let needle = state.filter.trim().to_lowercase();
    let rows: Vec<usize> = session
        .corpus()
        .articles()
        .iter()
        .enumerate()
        .filter(|(_, a)| {
            needle.is_empty()
                || a.title.to_lowercase().contains(&needle)
                || a.id.as_str().to_lowercase().contains(&needle)
        })
        .map(|(i, _)| i)
        .collect();
    state.cache = Some((session.revision(), state.filter.clone(), rows.clone()));
    rows
}
