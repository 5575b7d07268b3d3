//! Laying out an article page once per change (not per frame): passages as blended fills and
//! stacked underlines, figures in their own text colour; and where ranges of it are on screen.

use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat};
use egui::{Align, Color32, FontId, Galley, Pos2, Rect, Stroke, Ui, Vec2};

use super::{FONT_SIZE, LANE_GAP, LINE_HEIGHT};
use crate::context::CoderView;
use crate::corpus::{Article, ArticleId};
use crate::project::{Rgb, ThemeId};
use crate::session::Session;
use crate::ui::highlight::{flatten, lanes};
use crate::ui::palette;

#[derive(Clone, Debug, PartialEq)]
pub(super) struct CacheKey {
    pub(super) article: ArticleId,
    /// The page shown, in code points.
    pub(super) page: (usize, usize),
    pub(super) revision: u64,
    pub(super) wrap_width: u32,
    pub(super) dark: bool,
    /// Actor mentions shown (in a colour per kind).
    pub(super) actors: bool,
    /// Whose passages are shown.
    pub(super) coders: CoderView,
}

/// One row's stretch of the underline of a passage and one of its themes, in galley
/// coordinates (laid out with the page, so a frame paints only the rows on screen).
#[derive(Clone, Copy, Debug)]
struct UnderlineRun {
    row: usize,
    x0: f32,
    x1: f32,
    y: f32,
    color: Color32,
}

pub(super) struct Layout {
    pub(super) key: CacheKey,
    pub(super) galley: Arc<Galley>,
    /// Code point offset where each galley row starts.
    row_starts: Vec<usize>,
    /// Sorted by row.
    underlines: Vec<UnderlineRun>,
}

pub(super) fn build_layout(
    ui: &Ui,
    ws: &Session,
    article: &Article,
    key: CacheKey,
    marks: &[(usize, usize)],
) -> Layout {
    let dark = key.dark;
    let (p0, p1) = key.page;
    // Everything below is in code points from the start of the page.
    let on_page =
        |(s, e): (usize, usize)| (s < p1 && e > p0).then(|| (s.max(p0) - p0, e.min(p1) - p0));
    let problems = ws.problems();
    // The passages on the page, by start (then end and id), from the session's index.
    let project = ws.project();
    let passages: Vec<_> = ws
        .passage_index(&article.id)
        .into_iter()
        .flat_map(|index| index.overlapping(p0, p1))
        .filter_map(|(_, id)| project.passages.get(id))
        .filter(|p| !problems.contains_key(&p.id))
        .filter(|p| key.coders.shows(p.coder))
        .collect();
    let spans: Vec<(usize, usize)> = passages
        .iter()
        .filter_map(|p| on_page((p.start, p.end)))
        .collect();
    let marks: Vec<(usize, usize)> = marks.iter().filter_map(|m| on_page(*m)).collect();
    let mentions: Vec<((usize, usize), Color32)> = if key.actors {
        mention_spans(ws, article)
            .into_iter()
            .filter_map(|(span, c)| on_page(span).map(|s| (s, c)))
            .collect()
    } else {
        Vec::new()
    };
    let colours: Vec<Vec<Rgb>> = passages
        .iter()
        .map(|p| theme_colours(ws, &p.themes))
        .collect();
    // Two coders side by side: each coder's passages are filled with the coder's colour (the
    // underlines keep the themes' colours).
    let fills: Vec<Vec<Rgb>> = passages
        .iter()
        .zip(&colours)
        .map(|(p, themes)| match key.coders.side(p.coder) {
            Some(side) => vec![palette::CODER_COLOURS[side]],
            None => themes.clone(),
        })
        .collect();

    // Figures are marked by text colour, passages by fill, so both show at once; actor
    // mentions (when shown) by an underline and text in their kind's colour.
    let mut all_spans = spans.clone();
    all_spans.extend_from_slice(&marks);
    let first_mention = all_spans.len();
    all_spans.extend(mentions.iter().map(|m| m.0));
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
        let kinds = SpanKinds {
            passages: spans.len(),
            first_mention,
        };
        let format = segment_format(&base, &seg.covering, kinds, &fills, &mentions, dark);
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

    let underlines = underline_runs(&galley, &row_starts, &spans, &colours, dark);
    Layout {
        key,
        galley,
        row_starts,
        underlines,
    }
}

/// One underline per (passage, theme), in lanes so overlapping ones stack, cut into rows.
fn underline_runs(
    galley: &Galley,
    row_starts: &[usize],
    spans: &[(usize, usize)],
    colours: &[Vec<Rgb>],
    dark: bool,
) -> Vec<UnderlineRun> {
    let mut lines: Vec<(usize, usize, Color32)> = Vec::new();
    for ((s, e), cols) in spans.iter().zip(colours) {
        for c in cols {
            lines.push((*s, *e, palette::theme(*c, dark)));
        }
    }
    let lane_of = lanes(&lines.iter().map(|l| (l.0, l.1)).collect::<Vec<_>>());
    let mut underlines = Vec::new();
    for ((start, end, color), lane) in lines.into_iter().zip(lane_of) {
        for (row, rect) in row_rects(galley, row_starts, start, end) {
            // Lanes stack upwards from the bottom of the line spacing, below the descenders.
            let y = rect.bottom() - 1.5 - lane as f32 * LANE_GAP;
            underlines.push(UnderlineRun {
                row,
                x0: rect.left(),
                x1: rect.right(),
                y: y.max(rect.top() + FONT_SIZE * 1.3),
                color,
            });
        }
    }
    // Stable: on a row, lines keep the order they are drawn in.
    underlines.sort_by_key(|u| u.row);
    underlines
}

/// The article's actor mentions and their kinds' colours.
fn mention_spans(ws: &Session, article: &Article) -> Vec<((usize, usize), Color32)> {
    let resolved = ws.actors();
    resolved
        .mentions
        .get(&article.id)
        .into_iter()
        .flatten()
        .filter_map(|m| {
            let actor = resolved.actor(&m.actor)?;
            Some(((m.start, m.end), palette::actor_kind(actor.kind)))
        })
        .collect()
}

fn theme_colours(ws: &Session, themes: &[ThemeId]) -> Vec<Rgb> {
    themes
        .iter()
        .filter_map(|t| ws.project().theme(*t).map(|t| t.color))
        .collect()
}

/// Screen rectangles (one per row) covering code points `start..end` of the article (the part
/// on the page shown).
pub(super) fn range_rects(layout: &Layout, origin: Pos2, start: usize, end: usize) -> Vec<Rect> {
    let (p0, p1) = layout.key.page;
    if end <= p0 || start >= p1 {
        return Vec::new();
    }
    page_rects(layout, origin, start.max(p0) - p0, end.min(p1) - p0)
}

/// Screen rectangles covering code points `start..end` counted from the start of the page.
fn page_rects(layout: &Layout, origin: Pos2, start: usize, end: usize) -> Vec<Rect> {
    row_rects(&layout.galley, &layout.row_starts, start, end)
        .into_iter()
        .map(|(_, rect)| rect.translate(origin.to_vec2()))
        .collect()
}

/// The rows covering code points `start..end` of the page, each with the rectangle of the part
/// covered, in galley coordinates.
fn row_rects(
    galley: &Galley,
    row_starts: &[usize],
    start: usize,
    end: usize,
) -> Vec<(usize, Rect)> {
    let mut rects = Vec::new();
    let first = row_starts
        .partition_point(|&s| s <= start)
        .saturating_sub(1);
    for (i, row) in galley.rows.iter().enumerate().skip(first) {
        let row_start = row_starts[i];
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
        rects.push((i, Rect::from_min_max(Pos2::new(x0, y0), Pos2::new(x1, y1))));
    }
    rects
}

/// The underlines of the rows on screen.
pub(super) fn paint_underlines(ui: &Ui, layout: &Layout, origin: Pos2, dark: bool) {
    let clip = ui.clip_rect();
    let (top, bottom) = (clip.top() - origin.y, clip.bottom() - origin.y);
    let rows = &layout.galley.rows;
    let first = rows.partition_point(|r| r.pos.y + r.height() < top);
    let last = rows.partition_point(|r| r.pos.y <= bottom);
    let runs = &layout.underlines;
    let (a, b) = (
        runs.partition_point(|u| u.row < first),
        runs.partition_point(|u| u.row < last),
    );
    let painter = ui.painter();
    let width = if dark { 2.0 } else { 1.8 };
    for u in &runs[a..b.max(a)] {
        painter.line_segment(
            [origin + Vec2::new(u.x0, u.y), origin + Vec2::new(u.x1, u.y)],
            Stroke::new(width, u.color),
        );
    }
}

/// Where each kind of span starts in the list given to `flatten`: passages first, then figure
/// marks, then actor mentions.
#[derive(Clone, Copy)]
struct SpanKinds {
    passages: usize,
    first_mention: usize,
}

/// The text format of one segment: the fill of the passages over it, the figure colour, and
/// the colour and underline of an actor mention.
fn segment_format(
    base: &TextFormat,
    covering: &[usize],
    kinds: SpanKinds,
    fills: &[Vec<Rgb>],
    mentions: &[((usize, usize), Color32)],
    dark: bool,
) -> TextFormat {
    let mut format = base.clone();
    let fill: Vec<Rgb> = covering
        .iter()
        .filter(|&&i| i < kinds.passages)
        .flat_map(|&i| fills[i].iter().copied())
        .collect();
    if !fill.is_empty() {
        format.background = palette::highlight_fill(&fill, dark);
        format.color = palette::highlighted_text(dark);
    }
    if covering
        .iter()
        .any(|&i| i >= kinds.passages && i < kinds.first_mention)
    {
        format.color = palette::figure_text(dark);
    }
    if let Some(&i) = covering.iter().find(|&&i| i >= kinds.first_mention) {
        let colour = mentions[i - kinds.first_mention].1;
        format.color = colour;
        format.underline = Stroke::new(1.5, colour);
    }
    format
}
