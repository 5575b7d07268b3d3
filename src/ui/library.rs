//! The library pane: every article with its title, file name and passage count, with a filter.
//! Articles the project knows but the corpus lacks are listed too. With a row focused (clicked,
//! or reached with Tab), ↑/↓ and k/j open the previous and next article, and Tab goes on to the
//! reader.

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
    /// A row had the keyboard focus last frame.
    row_focused: bool,
    /// The row (position in the filtered list) to give the focus to, when it is drawn.
    focus_row: Option<usize>,
    /// Give the reader the focus this frame (Tab was pressed on a row).
    focus_reader: bool,
}

/// ↓/j: +1, ↑/k: −1, Tab: the reader; taken from the input only while a row has the focus.
enum Nav {
    Step(isize),
    Reader,
}

fn nav_key(ui: &Ui) -> Option<Nav> {
    use egui::{Key, Modifiers};
    ui.input_mut(|i| {
        let none = Modifiers::NONE;
        if i.consume_key(none, Key::ArrowDown) || i.consume_key(none, Key::J) {
            Some(Nav::Step(1))
        } else if i.consume_key(none, Key::ArrowUp) || i.consume_key(none, Key::K) {
            Some(Nav::Step(-1))
        } else if i.consume_key(none, Key::Tab) {
            Some(Nav::Reader)
        } else {
            None
        }
    })
}

/// Keys on a focused row: open the next or previous article, or move on to the reader.
fn keyboard_ui(ui: &Ui, cx: &ViewContext<'_>, state: &mut LibraryState, rows: &[usize]) {
    if std::mem::take(&mut state.focus_reader) {
        ui.memory_mut(|m| m.request_focus(super::reader::text_id()));
    }
    if !state.row_focused {
        return;
    }
    let articles = cx.session.corpus().articles();
    let current = rows
        .iter()
        .position(|&i| articles.get(i).map(|a| &a.id) == cx.selection.article.as_ref());
    match nav_key(ui) {
        Some(Nav::Step(step)) => {
            let target = current.map_or(0, |c| c.saturating_add_signed(step));
            let target = target.min(rows.len().saturating_sub(1));
            if let Some(article) = rows.get(target).and_then(|&i| articles.get(i)) {
                cx.send(SelectCommand::OpenArticle(article.id.clone()));
                state.focus_row = Some(target);
            }
        }
        // Next frame: this frame's Tab has already set egui's own focus move going.
        Some(Nav::Reader) => state.focus_reader = true,
        None => {}
    }
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

    keyboard_ui(ui, cx, state, &rows);
    let counts = session.passage_counts();
    let missing = session.missing_articles();
    let dark = ui.visuals().dark_mode;
    let mut scroll = egui::ScrollArea::vertical()
        .id_salt("library_scroll")
        .auto_shrink([false, false]);
    if let Some(row) = state.focus_row {
        // Rows out of view are not drawn: scroll the one to focus into view first.
        let row_h = ROW_HEIGHT + ui.spacing().item_spacing.y;
        let view = ui.available_height();
        let offset = row as f32 * row_h;
        let shown =
            egui::scroll_area::State::load(ui.ctx(), ui.make_persistent_id("library_scroll"))
                .map_or(0.0, |s| s.clamped_offset().y);
        if offset < shown || offset + row_h > shown + view {
            scroll = scroll.vertical_scroll_offset((offset - view / 2.0).max(0.0));
        }
    }
    let mut focused = false;
    scroll.show_rows(ui, ROW_HEIGHT, rows.len(), |ui, range| {
        for (k, &i) in rows[range.clone()].iter().enumerate() {
            let Some(article) = session.corpus().articles().get(i) else {
                continue;
            };
            let n = counts.get(&article.id).copied().unwrap_or(0);
            let selected = sel.article.as_ref() == Some(&article.id);
            let response = article_row(ui, &article.title, article.id.file_name(), n, selected)
                .on_hover_text(format!("{}\n{} passage(s)", article.id, n));
            if response.clicked() {
                cx.send(SelectCommand::OpenArticle(article.id.clone()));
                response.request_focus();
            }
            if state.focus_row == Some(range.start + k) {
                state.focus_row = None;
                response.request_focus();
            }
            focused |= response.has_focus();
        }
    });
    state.row_focused = focused;
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
        if response.has_focus() {
            let stroke = ui.visuals().selection.stroke;
            ui.painter()
                .rect_stroke(rect, 4.0, stroke, egui::StrokeKind::Inside);
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
