//! The reader: one article, wrapped, with tagged passages highlighted in their themes' colours
//! (blended fills plus one stacked underline per passage and theme, so overlaps stay visible).
//! The text can be selected for tagging; clicking a highlight selects its passage.

use std::sync::Arc;

use egui::text::{CCursor, CCursorRange, LayoutJob, TextFormat};
use egui::{Align, Color32, FontId, Galley, Id, Pos2, Rect, Stroke, TextEdit, Ui, Vec2};

use super::highlight::{flatten, lanes};
use super::palette;
use super::{Selection, theme_chip};
use crate::app::command::Command;
use crate::app::workspace::Workspace;
use crate::corpus::{Article, ArticleId};
use crate::figures::curation::{FigureRow, RowStatus};
use crate::project::{PassageId, Rgb, ThemeId};

/// The id of the reader's text widget, for focus checks and tests.
pub fn text_id() -> Id {
    Id::unique("dossier_reader_text")
}

/// A request to bring a range into view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScrollTarget {
    pub article: ArticleId,
    pub start: usize,
    pub end: usize,
    /// Also select the range as text (for search hits and figures).
    pub select: bool,
}

#[derive(Clone, Debug, PartialEq)]
struct CacheKey {
    article: ArticleId,
    revision: u64,
    wrap_width: u32,
    dark: bool,
    marks: u64,
}

/// One underline: a passage and one of its themes.
#[derive(Clone, Debug)]
struct Underline {
    start: usize,
    end: usize,
    lane: usize,
    color: Color32,
}

struct Layout {
    key: CacheKey,
    galley: Arc<Galley>,
    /// Code point offset where each galley row starts.
    row_starts: Vec<usize>,
    underlines: Vec<Underline>,
}

/// What the reader keeps between frames.
#[derive(Default)]
pub struct ReaderState {
    layout: Option<Layout>,
    pub scroll_to: Option<ScrollTarget>,
    /// Figure spans to mark in the text, with a number that changes when they change.
    pub marks: (u64, Vec<(usize, usize)>),
}

/// What the reader reports back.
#[derive(Default)]
pub struct ReaderOutput {
    /// The selected text range in code points, when not empty.
    pub selection: Option<(usize, usize)>,
}

const FONT_SIZE: f32 = 15.0;
const LINE_HEIGHT: f32 = 28.0;
const LANE_GAP: f32 = 2.5;

pub fn reader_ui(
    ui: &mut Ui,
    ws: &Workspace,
    sel: &Selection,
    state: &mut ReaderState,
    out: &mut Vec<Command>,
) -> ReaderOutput {
    let Some(article) = sel.article.as_ref().and_then(|id| ws.corpus.get(id)) else {
        empty_ui(ui, ws, sel);
        return ReaderOutput::default();
    };
    header_ui(ui, ws, article);
    ui.separator();

    let dark = ui.visuals().dark_mode;
    let id = text_id();
    // A pending jump: select the range as text now, so this frame shows it.
    let target = state.scroll_to.take_if(|t| t.article == article.id);
    if let Some(t) = target.as_ref().filter(|t| t.select) {
        let mut te = TextEdit::load_state(ui.ctx(), id).unwrap_or_default();
        te.cursor.set_char_range(Some(CCursorRange::two(
            CCursor::new(t.start),
            CCursor::new(t.end),
        )));
        te.store(ui.ctx(), id);
        ui.memory_mut(|m| m.request_focus(id));
    }

    let mut result = ReaderOutput::default();
    egui::ScrollArea::vertical()
        .id_salt("reader_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let mut text: &str = &article.text;
            let marks = &state.marks;
            let layout_slot = &mut state.layout;
            let mut layouter = |ui: &Ui, _buf: &dyn egui::TextBuffer, wrap_width: f32| {
                let key = CacheKey {
                    article: article.id.clone(),
                    revision: ws.revision,
                    wrap_width: wrap_width.round() as u32,
                    dark,
                    marks: marks.0,
                };
                if let Some(layout) = layout_slot.as_ref().filter(|l| l.key == key) {
                    return layout.galley.clone();
                }
                let layout = build_layout(ui, ws, article, key, &marks.1);
                let galley = layout.galley.clone();
                *layout_slot = Some(layout);
                galley
            };
            let output = TextEdit::multiline(&mut text)
                .id(id)
                .frame(egui::Frame::NONE)
                .desired_width(f32::INFINITY)
                .layouter(&mut layouter)
                .show(ui);
            let response = output
                .response
                .response
                .clone()
                .accessible_name("Article text");
            let origin = output.galley_pos;
            let Some(layout) = state.layout.as_ref() else {
                return;
            };

            paint_underlines(ui, layout, origin, dark);
            let selected = sel
                .passage
                .and_then(|p| ws.project.passages.get(&p))
                .filter(|p| p.article == article.id);
            if let Some(p) = selected {
                for rect in range_rects(layout, origin, p.start, p.end) {
                    ui.painter().rect_stroke(
                        rect.expand(1.0),
                        2.0,
                        Stroke::new(1.5, palette::selection_outline(dark)),
                        egui::StrokeKind::Outside,
                    );
                }
            }
            let first_rect = target
                .as_ref()
                .and_then(|t| range_rects(layout, origin, t.start, t.end).first().copied());
            if let Some(rect) = first_rect {
                ui.scroll_to_rect(rect, Some(Align::Center));
            }

            // The selection stays when the reader loses focus (to click a theme, say): egui
            // drops an unfocused text field's selection, so keep the last one and paint it.
            let focused = ui.memory(|m| m.has_focus(id));
            let live = output.cursor_range.and_then(|r| {
                let range = r.as_sorted_char_range();
                (range.start.0 < range.end.0).then_some((range.start.0, range.end.0))
            });
            let selection = if focused { live } else { live.or(sel.text) };
            if let (Some((s, e)), false) = (selection, focused) {
                let fill = ui.visuals().selection.bg_fill.gamma_multiply(0.45);
                for rect in range_rects(layout, origin, s, e) {
                    ui.painter().rect_filled(rect, 0.0, fill);
                }
            }
            result.selection = selection;

            // Hover: which passages and figure are under the pointer.
            if let Some(pos) = response.hover_pos().filter(|_| !response.dragged()) {
                let at = layout.galley.cursor_from_pos(pos - origin).index.0;
                let under = passages_at(ws, &article.id, at);
                let figure = figure_at(ws, &article.id, at);
                if !under.is_empty() || figure.is_some() {
                    response.clone().on_hover_ui_at_pointer(|ui| {
                        if let Some(row) = figure {
                            figure_hover_ui(ui, row);
                            if !under.is_empty() {
                                ui.separator();
                            }
                        }
                        if !under.is_empty() {
                            hover_ui(ui, ws, &under);
                        }
                    });
                }
            }
            // A click (not a drag-select) on a highlight selects its passage; on a figure, the
            // figure (for the Figures tab).
            let click = response
                .interact_pointer_pos()
                .filter(|_| response.clicked() && selection.is_none());
            if let Some(pos) = click {
                let at = layout.galley.cursor_from_pos(pos - origin).index.0;
                let under = passages_at(ws, &article.id, at);
                // Repeated clicks cycle through overlapping passages, shortest first.
                let next = match sel.passage.and_then(|p| under.iter().position(|u| *u == p)) {
                    Some(i) => under.get((i + 1) % under.len()).copied(),
                    None => under.first().copied(),
                };
                match next {
                    Some(p) => out.push(Command::SelectPassage(p)),
                    None if sel.passage.is_some() => out.push(Command::DeselectPassage),
                    None => {}
                }
                if let Some(row) = figure_at(ws, &article.id, at) {
                    out.push(Command::PickFigure(row.key.clone()));
                }
            }
        });
    result
}

fn empty_ui(ui: &mut Ui, ws: &Workspace, sel: &Selection) {
    ui.vertical_centered(|ui| {
        ui.add_space(60.0);
        if ws.corpus.is_empty() {
            ui.heading("No articles loaded");
            ui.label("Open a folder of articles (File › Open folder…) or a saved project (File › Open project…).");
            ui.label("You can also drop a folder or a project file onto this window.");
        } else if let Some(id) = &sel.article {
            ui.heading("This article is not in the corpus");
            ui.label(format!("{id} is missing from the loaded folder. Its passages are kept."));
        } else {
            ui.heading("Pick an article");
            ui.label("Choose an article in the library on the left to read and tag it.");
        }
    });
}

fn header_ui(ui: &mut Ui, ws: &Workspace, article: &Article) {
    ui.heading(&article.title);
    let count = ws
        .project
        .passages
        .values()
        .filter(|p| p.article == article.id)
        .count();
    let attention = ws
        .problems
        .keys()
        .filter(|id| {
            ws.project
                .passages
                .get(id)
                .is_some_and(|p| p.article == article.id)
        })
        .count();
    ui.horizontal_wrapped(|ui| {
        ui.weak(article.id.as_str());
        ui.weak(format!(
            "· {} characters · {}",
            article.char_len(),
            article.encoding
        ));
        ui.weak(format!("· {count} passage(s)"));
        if attention > 0 {
            ui.colored_label(
                palette::warning(ui.visuals().dark_mode),
                format!("· {attention} need attention"),
            );
        }
    });
}

/// Passages of `article` covering code point `at`, shortest first.
fn passages_at(ws: &Workspace, article: &ArticleId, at: usize) -> Vec<PassageId> {
    let mut hits: Vec<(usize, PassageId)> = ws
        .project
        .passages
        .values()
        .filter(|p| &p.article == article && p.start <= at && at < p.end)
        .filter(|p| !ws.problems.contains_key(&p.id))
        .map(|p| (p.char_len(), p.id))
        .collect();
    hits.sort();
    hits.into_iter().map(|(_, id)| id).collect()
}

/// The figure (not rejected) covering code point `at`.
fn figure_at<'w>(ws: &'w Workspace, article: &ArticleId, at: usize) -> Option<&'w FigureRow> {
    ws.figure_rows.iter().find(|r| {
        &r.key.article == article
            && r.key.start <= at
            && at < r.key.end
            && r.status != RowStatus::Rejected
    })
}

fn figure_hover_ui(ui: &mut Ui, row: &FigureRow) {
    ui.strong(super::figures::pretty(row.figure.value, &row.figure.unit));
    let year = if row.figure.year.is_none() {
        "no year stated".to_owned()
    } else {
        format!("year {}", row.figure.year)
    };
    let status = match row.status {
        RowStatus::Unreviewed => "not reviewed",
        RowStatus::Accepted => "accepted",
        RowStatus::Rejected => "rejected",
    };
    ui.weak(format!("Figure · {year} · {status}"));
}

fn hover_ui(ui: &mut Ui, ws: &Workspace, passages: &[PassageId]) {
    ui.set_max_width(360.0);
    for (i, id) in passages.iter().enumerate() {
        let Some(p) = ws.project.passages.get(id) else {
            continue;
        };
        if i > 0 {
            ui.separator();
        }
        ui.horizontal_wrapped(|ui| {
            for t in &p.themes {
                theme_chip(ui, &ws.project, *t);
            }
        });
        if !p.note.is_empty() {
            ui.label(&p.note);
        }
    }
    ui.weak("Click to select; click again for an overlapping passage.");
}

fn build_layout(
    ui: &Ui,
    ws: &Workspace,
    article: &Article,
    key: CacheKey,
    marks: &[(usize, usize)],
) -> Layout {
    let dark = key.dark;
    let passages: Vec<_> = ws
        .project
        .passages_of(&article.id)
        .filter(|p| !ws.problems.contains_key(&p.id))
        .collect();
    let spans: Vec<(usize, usize)> = passages.iter().map(|p| (p.start, p.end)).collect();
    let colours: Vec<Vec<Rgb>> = passages
        .iter()
        .map(|p| theme_colours(ws, &p.themes))
        .collect();

    // Figures are marked by text colour, passages by fill, so both show at once.
    let mut all_spans = spans.clone();
    all_spans.extend_from_slice(marks);
    let font = FontId::proportional(FONT_SIZE);
    let base = TextFormat {
        font_id: font.clone(),
        color: ui.visuals().text_color(),
        line_height: Some(LINE_HEIGHT),
        valign: Align::TOP,
        ..Default::default()
    };
    let mut job = LayoutJob::default();
    for seg in flatten(article.char_len(), &all_spans) {
        let (Some(a), Some(b)) = (article.byte_of(seg.start), article.byte_of(seg.end)) else {
            continue;
        };
        let Some(piece) = article.text.get(a..b) else {
            continue;
        };
        let mut format = base.clone();
        let fills: Vec<Rgb> = seg
            .covering
            .iter()
            .filter(|&&i| i < spans.len())
            .flat_map(|&i| colours[i].iter().copied())
            .collect();
        if !fills.is_empty() {
            format.background = palette::highlight_fill(&fills, dark);
            format.color = palette::highlighted_text(dark);
        }
        if seg.covering.iter().any(|&i| i >= spans.len()) {
            format.color = palette::figure_text(dark);
        }
        job.append(piece, 0.0, format);
    }
    job.wrap.max_width = key.wrap_width as f32;
    let galley = ui.fonts_mut(|f| f.layout_job(job));

    let mut row_starts = Vec::with_capacity(galley.rows.len());
    let mut at = 0;
    for row in &galley.rows {
        row_starts.push(at);
        at += row.char_count_including_newline().0;
    }

    // One underline per (passage, theme), in lanes so overlapping ones stack.
    let mut lines: Vec<(usize, usize, Color32)> = Vec::new();
    for (p, cols) in passages.iter().zip(&colours) {
        for c in cols {
            lines.push((p.start, p.end, palette::color(*c)));
        }
    }
    let lane_of = lanes(&lines.iter().map(|l| (l.0, l.1)).collect::<Vec<_>>());
    let underlines = lines
        .into_iter()
        .zip(lane_of)
        .map(|((start, end, color), lane)| Underline {
            start,
            end,
            lane,
            color,
        })
        .collect();
    Layout {
        key,
        galley,
        row_starts,
        underlines,
    }
}

fn theme_colours(ws: &Workspace, themes: &[ThemeId]) -> Vec<Rgb> {
    themes
        .iter()
        .filter_map(|t| ws.project.theme(*t).map(|t| t.color))
        .collect()
}

/// Screen rectangles (one per row) covering code points `start..end`.
fn range_rects(layout: &Layout, origin: Pos2, start: usize, end: usize) -> Vec<Rect> {
    let mut rects = Vec::new();
    let first = layout
        .row_starts
        .partition_point(|&s| s <= start)
        .saturating_sub(1);
    for (i, row) in layout.galley.rows.iter().enumerate().skip(first) {
        let row_start = layout.row_starts[i];
        let row_len = row.char_count_excluding_newline().0;
        if row_start >= end {
            break;
        }
        let a = start.max(row_start) - row_start;
        let b = end.min(row_start + row_len).saturating_sub(row_start);
        if b <= a {
            continue;
        }
        let x0 = row.pos.x + row.x_offset(a.into());
        let x1 = row.pos.x + row.x_offset(b.into());
        let y0 = row.pos.y;
        let y1 = row.pos.y + row.height();
        rects.push(Rect::from_min_max(
            origin + Vec2::new(x0, y0),
            origin + Vec2::new(x1, y1),
        ));
    }
    rects
}

fn paint_underlines(ui: &Ui, layout: &Layout, origin: Pos2, dark: bool) {
    let clip = ui.clip_rect();
    let painter = ui.painter();
    for u in &layout.underlines {
        for rect in range_rects(layout, origin, u.start, u.end) {
            if !clip.intersects(rect) {
                continue;
            }
            // Lanes stack upwards from the bottom of the line spacing, below the descenders.
            let y = rect.bottom() - 1.5 - u.lane as f32 * LANE_GAP;
            let y = y.max(rect.top() + FONT_SIZE * 1.3);
            painter.line_segment(
                [Pos2::new(rect.left(), y), Pos2::new(rect.right(), y)],
                Stroke::new(if dark { 2.0 } else { 1.8 }, u.color),
            );
        }
    }
}

/// An interactive label for a passage quote in lists: short, one line.
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
