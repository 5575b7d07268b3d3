//! Coding stripes: a margin beside the reader's text with one column per theme that occurs in
//! the article (in codebook order) and, in it, one bar per passage of that theme, running from
//! the row where the passage starts to the row where it ends, as NVivo and MAXQDA draw them.
//! Each bar is in its theme's colour with the theme's name written down beside it (cut to the
//! bar's length, whole on hover); a click on a bar selects its passage.

use std::sync::Arc;

use egui::epaint::TextShape;
use egui::text::{LayoutJob, TextWrapping};
use egui::{Color32, FontId, Galley, Pos2, Rect, Sense, Stroke, TextFormat, Ui, Vec2};

use super::layout::{CacheKey, Layout, range_rects};
use crate::context::{CoderView, SelectCommand, ViewContext};
use crate::corpus::ArticleId;
use crate::project::{PassageId, Rgb, ThemeId};
use crate::session::Session;
use crate::ui::{palette, quote_preview};

/// The width of one theme's column: its bar and its name written downwards beside it.
const COLUMN: f32 = 20.0;
/// The width of a bar.
const BAR: f32 = 5.0;
/// Between the text and the first column.
const GAP: f32 = 8.0;
/// The size of the names beside the bars.
const NAME_SIZE: f32 = 10.5;
/// A bar shorter than this gets no name beside it (only on hover).
const MIN_NAMED: f32 = 20.0;

/// One passage in a theme's column: where it is in the text, and where its bar is (in points
/// from the top of the laid-out page, once the page is laid out).
struct Bar {
    passage: PassageId,
    start: usize,
    end: usize,
    rows: Option<(f32, f32)>,
}

struct Column {
    theme: ThemeId,
    name: String,
    colour: Rgb,
    bars: Vec<Bar>,
}

/// The stripes of the article shown, kept between frames: the columns change with the project
/// (its revision), the article and whose passages are shown; the bars' rows with the layout.
#[derive(Default)]
pub(super) struct Stripes {
    columns_of: Option<(ArticleId, u64, CoderView)>,
    columns: Vec<Column>,
    rows_of: Option<CacheKey>,
}

impl Stripes {
    /// How much of the reader's width the stripes take (nothing when there are no passages):
    /// the text is laid out in the rest.
    pub(super) fn width(
        &mut self,
        ui: &Ui,
        ws: &Session,
        article: &ArticleId,
        coders: CoderView,
    ) -> f32 {
        let key = (article.clone(), ws.revision(), coders);
        if self.columns_of.as_ref() != Some(&key) {
            self.columns = columns(ws, article, coders);
            self.columns_of = Some(key);
            self.rows_of = None;
        }
        if self.columns.is_empty() {
            return 0.0;
        }
        // Room for a floating scroll bar at the right, so it never covers the last column.
        let scroll_bar = ui.spacing().scroll.bar_width + ui.spacing().scroll.bar_inner_margin;
        GAP + self.columns.len() as f32 * COLUMN + scroll_bar
    }

    /// Draw the stripes right of the text (`text`: the text's rectangle; `origin`: where its
    /// laid-out page starts on the screen); a click on a bar selects its passage.
    pub(super) fn ui(
        &mut self,
        ui: &Ui,
        cx: &ViewContext<'_>,
        layout: &Layout,
        text: Rect,
        origin: Pos2,
    ) {
        if self.rows_of.as_ref() != Some(&layout.key) {
            for bar in self.columns.iter_mut().flat_map(|c| c.bars.iter_mut()) {
                let rects = range_rects(layout, Pos2::ZERO, bar.start, bar.end);
                bar.rows = rects
                    .first()
                    .zip(rects.last())
                    .map(|(a, b)| (a.top(), b.bottom()));
            }
            self.rows_of = Some(layout.key.clone());
        }
        let dark = ui.visuals().dark_mode;
        let clip = ui.clip_rect();
        for (i, column) in self.columns.iter().enumerate() {
            let x = text.right() + GAP + i as f32 * COLUMN;
            let colour = palette::theme(column.colour, dark);
            for bar in &column.bars {
                let Some((top, bottom)) = bar.rows else {
                    continue;
                };
                let rect = Rect::from_min_max(
                    Pos2::new(x, origin.y + top + 1.0),
                    Pos2::new(x + COLUMN, origin.y + bottom - 1.0),
                );
                if clip.intersects(rect) {
                    bar_ui(ui, cx, column, bar, rect, colour);
                }
            }
        }
    }
}

/// The themes of the article's passages (those shown: not needing attention, by the coders
/// shown), in codebook order, each with its passages in text order.
fn columns(ws: &Session, article: &ArticleId, coders: CoderView) -> Vec<Column> {
    let project = ws.project();
    let problems = ws.problems();
    let passages: Vec<_> = project
        .passages_of(article)
        .filter(|p| !problems.contains_key(&p.id) && coders.shows(p.coder))
        .collect();
    project
        .theme_tree()
        .into_iter()
        .filter_map(|(_, theme)| {
            let bars: Vec<Bar> = passages
                .iter()
                .filter(|p| p.themes.contains(&theme.id))
                .map(|p| Bar {
                    passage: p.id,
                    start: p.start,
                    end: p.end,
                    rows: None,
                })
                .collect();
            (!bars.is_empty()).then(|| Column {
                theme: theme.id,
                name: theme.name.clone(),
                colour: theme.color,
                bars,
            })
        })
        .collect()
}

/// One bar: painted, named beside it, described on hover, and selecting its passage on a click.
fn bar_ui(ui: &Ui, cx: &ViewContext<'_>, column: &Column, bar: &Bar, rect: Rect, colour: Color32) {
    let id = ui
        .scope_id()
        .with(("coding_stripe", column.theme, bar.passage));
    let response = ui.interact(rect, id, Sense::click());
    let label = format!(
        "Coding stripe: {}, characters {} to {}",
        column.name, bar.start, bar.end
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
    let selected = cx.selection.passage == Some(bar.passage);
    let bar_rect = Rect::from_min_size(rect.min, Vec2::new(BAR, rect.height()));
    let painter = ui.painter();
    painter.rect_filled(bar_rect, 1.5, colour);
    if selected || response.hovered() {
        painter.rect_stroke(
            bar_rect.expand(1.5),
            2.0,
            Stroke::new(1.5, palette::selection_outline(ui.visuals().dark_mode)),
            egui::StrokeKind::Outside,
        );
    }
    if rect.height() >= MIN_NAMED {
        let name = name_galley(ui, &column.name, rect.height() - 2.0);
        // Turned a quarter right about its top-left corner: it reads downwards, beside the bar.
        let pos = Pos2::new(rect.left() + BAR + 2.0 + name.size().y, rect.top() + 1.0);
        let text_colour = ui.visuals().weak_text_color();
        painter.add(TextShape::new(pos, name, text_colour).with_angle(std::f32::consts::FRAC_PI_2));
    }
    let response = response.on_hover_ui(|ui| {
        ui.set_max_width(320.0);
        ui.horizontal(|ui| {
            crate::ui::swatch(ui, colour);
            ui.strong(&column.name);
        });
        if let Some(p) = cx.session.project().passages.get(&bar.passage) {
            ui.label(quote_preview(&p.quote, 120));
            if !p.note.is_empty() {
                ui.weak(&p.note);
            }
        }
        ui.weak("Click to select this passage.");
    });
    if response.clicked() {
        cx.send(SelectCommand::Passage(bar.passage));
    }
}

/// A theme's name in the stripes' small type, cut with "…" to `length`.
fn name_galley(ui: &Ui, name: &str, length: f32) -> Arc<Galley> {
    let mut job = LayoutJob::single_section(
        name.to_owned(),
        TextFormat::simple(
            FontId::proportional(NAME_SIZE),
            ui.visuals().weak_text_color(),
        ),
    );
    job.wrap = TextWrapping::truncate_at_width(length);
    ui.fonts_mut(|f| f.layout_job(job))
}
