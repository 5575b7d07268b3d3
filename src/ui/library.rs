//! The library pane: every article with its title, file name and passage count, with a filter.
//! Articles the project knows but the corpus lacks are listed too. The list can be sorted,
//! filtered and grouped by any attribute ([`super::library_view`]); the selected article's
//! attributes and memo are edited below it ([`super::attributes`]).
//! With a row focused (clicked, or reached with Tab), ↑/↓ and k/j open the previous and next
//! article, and Tab goes on to the reader.

use egui::text::{LayoutJob, TextFormat};
use egui::{Button, FontId, TextEdit, TextWrapMode, Ui, Vec2};

use super::attributes::{AttributesState, attributes_ui};
use super::library_view::{LibraryView, Row, rows, view_ui};
use super::palette;
use crate::context::{SelectCommand, ViewContext};
use crate::corpus::{Article, ArticleId};
use crate::session::Session;

#[derive(Default)]
pub struct LibraryState {
    pub filter: String,
    /// Sorting, grouping and the attribute filter.
    pub view: LibraryView,
    /// The attribute panel of the selected article.
    pub attributes: AttributesState,
    /// (session revision, filter, view) → the rows.
    cache: Option<(u64, String, LibraryView, Vec<Row>)>,
    /// A row had the keyboard focus last frame.
    row_focused: bool,
    /// The share of the pane the attribute panel takes, once the analyst dragged its handle.
    attributes_share: Option<f32>,
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
fn keyboard_ui(ui: &Ui, cx: &ViewContext<'_>, state: &mut LibraryState, rows: &[Row]) {
    if std::mem::take(&mut state.focus_reader) {
        ui.memory_mut(|m| m.request_focus(super::reader::text_id()));
    }
    if !state.row_focused {
        return;
    }
    let articles = cx.session.corpus().articles();
    // Only article rows take part: group headings are stepped over.
    let article_at = |k: usize| match rows.get(k) {
        Some(Row::Article(i)) => articles.get(*i),
        _ => None,
    };
    let current =
        (0..rows.len()).position(|k| article_at(k).map(|a| &a.id) == cx.selection.article.as_ref());
    match nav_key(ui) {
        Some(Nav::Step(step)) => {
            let mut target = current.map_or(0, |c| c.saturating_add_signed(step));
            while target < rows.len() && article_at(target).is_none() {
                target = match target.checked_add_signed(step.signum()) {
                    Some(t) => t,
                    None => break,
                };
            }
            if let Some(article) = article_at(target) {
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

/// Articles listed: article rows, and the articles inside closed groups.
fn shown_count(rows: &[Row]) -> usize {
    rows.iter()
        .map(|r| match r {
            Row::Article(_) => 1,
            Row::Group {
                count, open: false, ..
            } => *count,
            Row::Group { .. } => 0,
        })
        .sum()
}

/// The list's scroll area, scrolled so that the row about to take the keyboard focus is in
/// view (rows out of view are not drawn, so they could not take it).
fn scroll_area(ui: &Ui, focus_row: Option<usize>) -> egui::ScrollArea {
    let scroll = egui::ScrollArea::vertical()
        .id_salt("library_scroll")
        .auto_shrink([false, false]);
    let Some(row) = focus_row else {
        return scroll;
    };
    let row_h = ROW_HEIGHT + ui.spacing().item_spacing.y;
    let view = ui.available_height();
    let offset = row as f32 * row_h;
    let shown = egui::scroll_area::State::load(ui.ctx(), ui.make_persistent_id("library_scroll"))
        .map_or(0.0, |s| s.clamped_offset().y);
    if offset < shown || offset + row_h > shown + view {
        scroll.vertical_scroll_offset((offset - view / 2.0).max(0.0))
    } else {
        scroll
    }
}

pub fn library_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &mut LibraryState) {
    let session = cx.session;
    ui.horizontal(|ui| {
        let label = ui.label("Filter");
        ui.add(
            TextEdit::singleline(&mut state.filter)
                .hint_text("title or file name")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    });
    view_ui(ui, session, &mut state.view);
    let rows = filtered(session, state);
    let total = session.corpus().len();
    let shown = shown_count(&rows);
    ui.weak(if shown == total {
        format!("{total} article(s)")
    } else {
        format!("{shown} of {total} article(s)")
    });
    ui.separator();
    // The list above, the attribute panel below, split by a handle; the panel takes between
    // 30% and 60% of the pane, so neither covers the other however short the pane.
    let room = ui.available_height();
    let width = ui.available_width();
    let share = state.attributes_share.unwrap_or(DEFAULT_ATTRIBUTES_SHARE);
    let attributes_h = (share * room).clamp(
        ATTRIBUTES_MIN.min(room * 0.3),
        (room * 0.6).max(ATTRIBUTES_MIN.min(room)),
    );
    let list_h = (room - attributes_h - HANDLE_H).max(0.0);
    ui.allocate_ui(Vec2::new(width, list_h), |ui| {
        ui.set_max_height(list_h);
        list_ui(ui, cx, state, &rows);
    });
    if let Some(dragged) = split_handle(ui, width) {
        state.attributes_share = Some(((attributes_h - dragged) / room.max(1.0)).clamp(0.15, 0.6));
    }
    ui.allocate_ui(Vec2::new(width, ui.available_height()), |ui| {
        attributes_ui(ui, cx, &mut state.attributes);
    });
}

/// The share of the pane the attribute panel takes until the analyst drags the handle.
const DEFAULT_ATTRIBUTES_SHARE: f32 = 0.33;
/// The attribute panel's least height, in points, when the pane has room for it.
const ATTRIBUTES_MIN: f32 = 60.0;
const HANDLE_H: f32 = 8.0;

/// The handle between the list and the attribute panel: how far it was dragged this frame.
fn split_handle(ui: &mut Ui, width: f32) -> Option<f32> {
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, HANDLE_H), egui::Sense::drag());
    let response = response
        .on_hover_cursor(egui::CursorIcon::ResizeVertical)
        .on_hover_text("Drag to give the list or the attributes more room");
    let stroke = if response.hovered() || response.dragged() {
        ui.visuals().widgets.active.fg_stroke
    } else {
        ui.visuals().widgets.noninteractive.bg_stroke
    };
    ui.painter().hline(rect.x_range(), rect.center().y, stroke);
    response.dragged().then(|| response.drag_delta().y)
}

/// The rows of the library (groups and articles) and the articles the folder lacks.
fn list_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &mut LibraryState, rows: &[Row]) {
    let (session, sel) = (cx.session, cx.selection);
    keyboard_ui(ui, cx, state, rows);
    let counts = session.passage_counts();
    let missing = session.missing_articles();
    let dark = ui.visuals().dark_mode;
    // Room below the list for the articles the folder lacks, when there are any.
    let reserve = if missing.is_empty() {
        0.0
    } else {
        (ui.available_height() / 2.0).min(150.0)
    };
    let scroll = scroll_area(ui, state.focus_row).max_height(ui.available_height() - reserve);
    let mut toggle: Option<String> = None;
    let mut focused = false;
    scroll.show_rows(ui, ROW_HEIGHT, rows.len(), |ui, range| {
        for (k, row) in rows[range.clone()].iter().enumerate() {
            match row {
                Row::Group { label, count, open } => {
                    if group_row(ui, label, *count, *open).clicked() {
                        toggle = Some(label.clone());
                    }
                }
                Row::Article(i) => {
                    let Some(article) = session.corpus().articles().get(*i) else {
                        continue;
                    };
                    let n = counts.get(&article.id).copied().unwrap_or(0);
                    let selected = sel.article.as_ref() == Some(&article.id);
                    let response =
                        article_row(ui, article, &details(session, article), n, selected)
                            .on_hover_text(hover(article, n));
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
            }
        }
    });
    state.row_focused = focused;
    if let Some(label) = toggle
        && !state.view.collapsed.remove(&label)
    {
        state.view.collapsed.insert(label);
    }
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

/// One article: title on the first line, file name and attributes below, passage count on
/// the right, a mark when its text repeats itself.
fn article_row(
    ui: &mut Ui,
    article: &Article,
    details: &str,
    passages: usize,
    selected: bool,
) -> egui::Response {
    let title = article.title.as_str();
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
        let mut right = if passages > 0 {
            passages.to_string()
        } else {
            String::new()
        };
        if article.is_repeated() {
            right = format!("2× {right}");
        }
        let count_galley = ui.painter().layout_no_wrap(
            right,
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
        let file_galley = truncated(details, 11.5, ui.visuals().weak_text_color());
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

/// The heading of a group: a triangle, its value and how many articles it holds.
fn group_row(ui: &mut Ui, label: &str, count: usize, open: bool) -> egui::Response {
    let size = Vec2::new(ui.available_width(), ROW_HEIGHT - 2.0);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click());
    let name = format!("{label} ({count})");
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, open, &name));
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact(&response);
        ui.painter()
            .rect_filled(rect, 4.0, ui.visuals().faint_bg_color);
        let arrow = if open { "−" } else { "+" };
        ui.painter().text(
            rect.left_center() + Vec2::new(6.0, 0.0),
            egui::Align2::LEFT_CENTER,
            format!("{arrow} {name}"),
            FontId::proportional(14.0),
            visuals.text_color(),
        );
    }
    response.on_hover_text(if open {
        "Click to close the group"
    } else {
        "Click to open the group"
    })
}

/// The second line of an article's row: file name, date, outlet and language.
fn details(session: &Session, article: &Article) -> String {
    let attributes = &session.project().attributes;
    let mut parts = vec![article.id.file_name().to_owned()];
    for key in ["date", "outlet", "language"] {
        if let Some(v) = crate::project::attributes::value_of(attributes, article, key) {
            parts.push(crate::corpus::meta::PartialDate::human(&v.text).into_owned());
        }
    }
    parts.join(" · ")
}

fn hover(article: &Article, passages: usize) -> String {
    let mut text = format!("{}\n{passages} passage(s)", article.id);
    if article.is_repeated() {
        text.push_str(
            "\nThe text repeats itself (a body saved twice): figures in the copy are marked as repeats.",
        );
    }
    text
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

/// The rows for the filter and the view, cached per session revision.
fn filtered(session: &Session, state: &mut LibraryState) -> Vec<Row> {
    if let Some((_, _, _, rows)) = state.cache.as_ref().filter(|(rev, filter, view, _)| {
        *rev == session.revision() && *filter == state.filter && *view == state.view
    }) {
        return rows.clone();
    }
    let rows = rows(session, &state.view, &state.filter);
    state.cache = Some((
        session.revision(),
        state.filter.clone(),
        state.view.clone(),
        rows.clone(),
    ));
    rows
}
