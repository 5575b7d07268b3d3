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
    /// The page shown, in code points.
    page: (usize, usize),
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

/// Articles longer than this are shown a page at a time, so that laying out and selecting stay
/// quick; pages break at a line end (or a space) near this length.
pub const PAGE_CHARS: usize = 150_000;

/// Split an article into pages of about [`PAGE_CHARS`] code points.
pub fn pages(article: &Article) -> Vec<(usize, usize)> {
    let n = article.char_len();
    let mut out = Vec::new();
    let mut start = 0;
    while start < n {
        let target = start + PAGE_CHARS;
        if target >= n {
            out.push((start, n));
            break;
        }
        let earliest = start + PAGE_CHARS * 4 / 5;
        let cut = (|| {
            let (lo, hi) = (article.byte_of(earliest)?, article.byte_of(target)?);
            let window = article.text.get(lo..hi)?;
            let at = window.rfind('\n').or_else(|| window.rfind(' '))?;
            article.char_of(lo + at + 1)
        })()
        .unwrap_or(target);
        out.push((start, cut));
        start = cut;
    }
    if out.is_empty() {
        out.push((0, 0));
    }
    out
}

/// An article's pages: (article, its length, the code point range of each page).
type Pages = (ArticleId, usize, Vec<(usize, usize)>);

/// What the reader keeps between frames.
#[derive(Default)]
pub struct ReaderState {
    layout: Option<Layout>,
    /// The pages of the article shown, and which one is open.
    pages: Option<Pages>,
    pub page: usize,
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

    let dark = ui.visuals().dark_mode;
    let id = text_id();
    // Long articles are shown a page at a time.
    let fresh = state
        .pages
        .as_ref()
        .is_none_or(|(a, len, _)| *a != article.id || *len != article.char_len());
    if fresh {
        state.pages = Some((article.id.clone(), article.char_len(), pages(article)));
        state.page = 0;
    }
    let page_list = state
        .pages
        .as_ref()
        .map(|(_, _, p)| p.clone())
        .unwrap_or_default();
    // A pending jump: open its page and select the range as text now, so this frame shows it.
    let target = state.scroll_to.take_if(|t| t.article == article.id);
    let target_page = target.as_ref().and_then(|t| {
        page_list
            .iter()
            .position(|(s, e)| *s <= t.start && t.start < *e)
    });
    if let Some(i) = target_page {
        state.page = i;
    }
    state.page = state.page.min(page_list.len().saturating_sub(1));
    if page_list.len() > 1 {
        page_bar_ui(ui, state, page_list.len());
    }
    let page = page_list
        .get(state.page)
        .copied()
        .unwrap_or((0, article.char_len()));
    ui.separator();
    if let Some(t) = target.as_ref().filter(|t| t.select) {
        let mut te = TextEdit::load_state(ui.ctx(), id).unwrap_or_default();
        te.cursor.set_char_range(Some(CCursorRange::two(
            CCursor::new(t.start.saturating_sub(page.0)),
            CCursor::new(t.end.min(page.1).saturating_sub(page.0)),
        )));
        te.store(ui.ctx(), id);
        ui.memory_mut(|m| m.request_focus(id));
    }

    let mut result = ReaderOutput::default();
    egui::ScrollArea::vertical()
        .id_salt("reader_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let mut text: &str = article.slice(page.0, page.1).unwrap_or("");
            let marks = &state.marks;
            let layout_slot = &mut state.layout;
            let mut layouter = |ui: &Ui, _buf: &dyn egui::TextBuffer, wrap_width: f32| {
                let key = CacheKey {
                    article: article.id.clone(),
                    page,
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
                (range.start.0 < range.end.0)
                    .then_some((range.start.0 + page.0, range.end.0 + page.0))
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
                let at = layout.galley.cursor_from_pos(pos - origin).index.0 + page.0;
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
                let at = layout.galley.cursor_from_pos(pos - origin).index.0 + page.0;
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
    let (p0, p1) = key.page;
    // Everything below is in code points from the start of the page.
    let on_page =
        |(s, e): (usize, usize)| (s < p1 && e > p0).then(|| (s.max(p0) - p0, e.min(p1) - p0));
    let passages: Vec<_> = ws
        .project
        .passages_of(&article.id)
        .filter(|p| !ws.problems.contains_key(&p.id))
        .filter(|p| on_page((p.start, p.end)).is_some())
        .collect();
    let spans: Vec<(usize, usize)> = passages
        .iter()
        .filter_map(|p| on_page((p.start, p.end)))
        .collect();
    let marks: Vec<(usize, usize)> = marks.iter().filter_map(|m| on_page(*m)).collect();
    let colours: Vec<Vec<Rgb>> = passages
        .iter()
        .map(|p| theme_colours(ws, &p.themes))
        .collect();

    // Figures are marked by text colour, passages by fill, so both show at once.
    let mut all_spans = spans.clone();
    all_spans.extend_from_slice(&marks);
    let font = FontId::proportional(FONT_SIZE);
    let base = TextFormat {
        font_id: font.clone(),
        color: ui.visuals().text_color(),
        line_height: Some(LINE_HEIGHT),
        valign: Align::TOP,
        ..Default::default()
    };
    let mut job = LayoutJob::default();
    for seg in flatten(p1 - p0, &all_spans) {
        let (Some(a), Some(b)) = (
            article.byte_of(seg.start + p0),
            article.byte_of(seg.end + p0),
        ) else {
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
    for ((s, e), cols) in spans.iter().zip(&colours) {
        for c in cols {
            lines.push((*s, *e, palette::color(*c)));
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

/// Screen rectangles (one per row) covering code points `start..end` of the article (the part
/// on the page shown).
fn range_rects(layout: &Layout, origin: Pos2, start: usize, end: usize) -> Vec<Rect> {
    let (p0, p1) = layout.key.page;
    if end <= p0 || start >= p1 {
        return Vec::new();
    }
    page_rects(layout, origin, start.max(p0) - p0, end.min(p1) - p0)
}

/// Screen rectangles covering code points `start..end` counted from the start of the page.
fn page_rects(layout: &Layout, origin: Pos2, start: usize, end: usize) -> Vec<Rect> {
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
        for rect in page_rects(layout, origin, u.start, u.end) {
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

/// "Page k of n" with buttons, for long articles.
fn page_bar_ui(ui: &mut Ui, state: &mut ReaderState, n: usize) {
    ui.horizontal(|ui| {
        if ui
            .add_enabled(state.page > 0, egui::Button::new("Previous page"))
            .clicked()
        {
            state.page -= 1;
        }
        ui.label(format!("Page {} of {n}", state.page + 1));
        if ui
            .add_enabled(state.page + 1 < n, egui::Button::new("Next page"))
            .clicked()
        {
            state.page += 1;
        }
        ui.weak(format!(
            "(long articles are shown {PAGE_CHARS} characters at a time)"
        ));
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{ArticleId, decode};

    fn article(text: &str) -> Article {
        Article::new(
            ArticleId("a".into()),
            "a".into(),
            decode(text.as_bytes()).expect("text"),
        )
    }

    #[test]
    fn long_articles_split_into_pages_at_line_ends() {
        let line = "Perú erradicó 35.000 hectáreas de coca en 2015, según el gobierno.\n";
        let a = article(&line.repeat(6000));
        let pages = pages(&a);
        assert!(pages.len() >= 3, "{}", pages.len());
        assert_eq!(pages.first().map(|p| p.0), Some(0));
        assert_eq!(pages.last().map(|p| p.1), Some(a.char_len()));
        for w in pages.windows(2) {
            assert_eq!(w[0].1, w[1].0, "pages are contiguous");
        }
        for (s, e) in &pages[..pages.len() - 1] {
            assert!(e - s <= PAGE_CHARS);
            assert_eq!(a.slice(e - 1, *e), Some("\n"), "a page ends at a line end");
        }
        // Short articles and one long line.
        assert_eq!(super::pages(&article("short")), vec![(0, 5)]);
        let one_line = article(&"word ".repeat(70_000));
        let p = super::pages(&one_line);
        assert_eq!(p.len(), 3);
        assert!(p.iter().all(|(s, e)| e - s <= PAGE_CHARS));
    }
}
