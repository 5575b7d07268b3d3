//! The reader: one article, wrapped, with tagged passages highlighted in their themes' colours
//! (blended fills plus one stacked underline per passage and theme, so overlaps stay visible).
//! The text can be selected for tagging; clicking a highlight selects its passage.

mod coders;
mod layout;
mod pointer;
mod stripes;

use egui::text::{CCursor, CCursorRange};
use egui::{Align, Id, Stroke, TextEdit, Ui};

use self::layout::{CacheKey, Layout, build_layout, paint_underlines, range_rects};
use self::pointer::pointer_ui;
use super::Selection;
use super::palette;
use crate::context::ViewContext;
use crate::corpus::{Article, ArticleId};
use crate::session::Session;

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
    /// Show actor mentions in a colour per kind (hover names the resolved actor).
    pub show_actors: bool,
    /// Show the coding stripes beside the text (View › Show or hide coding stripes).
    pub show_stripes: bool,
    stripes: stripes::Stripes,
}

const FONT_SIZE: f32 = 15.0;
const LINE_HEIGHT: f32 = 28.0;
const LANE_GAP: f32 = 2.5;

/// The reader. Returns the text selected in it (in code points, when not empty); the app
/// applies it before the commands of the frame.
pub fn reader_ui(
    ui: &mut Ui,
    cx: &ViewContext<'_>,
    state: &mut ReaderState,
) -> Option<(usize, usize)> {
    let (ws, sel) = (cx.session, cx.selection);
    let Some(article) = sel.article.as_ref().and_then(|id| ws.corpus().get(id)) else {
        empty_ui(ui, ws, sel);
        return None;
    };
    header_ui(ui, cx, article, &mut state.show_actors);
    coders::coders_bar_ui(ui, cx);
    let (page, target) = open_page(ui, state, article);
    ui.separator();
    if let Some(t) = target.as_ref().filter(|t| t.select) {
        // Select the range as text now, so this frame shows it.
        let id = text_id();
        let mut te = TextEdit::load_state(ui.ctx(), id).unwrap_or_default();
        te.cursor.set_char_range(Some(CCursorRange::two(
            CCursor::new(t.start.saturating_sub(page.0)),
            CCursor::new(t.end.min(page.1).saturating_sub(page.0)),
        )));
        te.store(ui.ctx(), id);
        ui.memory_mut(|m| m.request_focus(id));
    }
    drop_typing(ui);
    egui::ScrollArea::vertical()
        .id_salt("reader_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            text_ui(ui, cx, state, (article, page), target.as_ref())
        })
        .inner
}

/// The article's text is read-only, but egui's text field still moves its cursor for typed
/// text (to the end, when it cannot insert), scrolling the reader away: while the reader has
/// the focus, typed text (the digit of a number key, say) is not the reader's to handle.
fn drop_typing(ui: &Ui) {
    if ui.memory(|m| m.has_focus(text_id())) {
        ui.input_mut(|i| {
            i.events.retain(|e| {
                !matches!(
                    e,
                    egui::Event::Text(_) | egui::Event::Paste(_) | egui::Event::Ime(_)
                )
            });
        });
    }
}

/// Long articles are shown a page at a time: the page to show (the one a pending jump goes to,
/// else the one open), with the page bar; and the pending jump into this article.
fn open_page(
    ui: &mut Ui,
    state: &mut ReaderState,
    article: &Article,
) -> ((usize, usize), Option<ScrollTarget>) {
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
    (page, target)
}

/// The page's text, laid out once per change, with the selected passage outlined, the kept
/// selection painted, and hover and clicks; returns the text selected.
fn text_ui(
    ui: &mut Ui,
    cx: &ViewContext<'_>,
    state: &mut ReaderState,
    (article, page): (&Article, (usize, usize)),
    target: Option<&ScrollTarget>,
) -> Option<(usize, usize)> {
    let (ws, sel) = (cx.session, cx.selection);
    let (id, dark) = (text_id(), ui.visuals().dark_mode);
    let mut text: &str = article.slice(page.0, page.1).unwrap_or("");
    let marks = ws.figure_spans(&article.id);
    let show_actors = state.show_actors;
    let mut stripes = state.show_stripes.then_some(&mut state.stripes);
    let margin = stripes
        .as_mut()
        .map_or(0.0, |s| s.width(ui, ws, &article.id, sel.coders));
    let layout_slot = &mut state.layout;
    let mut layouter = |ui: &Ui, _buf: &dyn egui::TextBuffer, wrap_width: f32| {
        let key = CacheKey {
            article: article.id.clone(),
            page,
            revision: ws.revision(),
            wrap_width: wrap_width.round() as u32,
            dark,
            actors: show_actors,
            coders: sel.coders,
        };
        if let Some(layout) = layout_slot.as_ref().filter(|l| l.key == key) {
            return layout.galley.clone();
        }
        let layout = build_layout(ui, ws, article, key, marks);
        let galley = layout.galley.clone();
        *layout_slot = Some(layout);
        galley
    };
    let output = TextEdit::multiline(&mut text)
        .id(id)
        .frame(egui::Frame::NONE)
        .desired_width(ui.available_width() - margin)
        .layouter(&mut layouter)
        .show(ui);
    let response = output
        .response
        .response
        .clone()
        .accessible_name("Article text");
    let origin = output.galley_pos;
    let layout = state.layout.as_ref()?;
    paint_underlines(ui, layout, origin, dark);
    if let Some(stripes) = stripes {
        stripes.ui(ui, cx, layout, output.response.response.rect, origin);
    }
    let selected = sel
        .passage
        .and_then(|p| ws.project().passages.get(&p))
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
    let first_rect =
        target.and_then(|t| range_rects(layout, origin, t.start, t.end).first().copied());
    if let Some(rect) = first_rect {
        ui.scroll_to_rect(rect, Some(Align::Center));
    }
    // The selection stays when the reader loses focus (to click a theme, say): egui drops an
    // unfocused text field's selection, so keep the last one and paint it.
    let focused = ui.memory(|m| m.has_focus(id));
    let live = output.cursor_range.and_then(|r| {
        let range = r.as_sorted_char_range();
        (range.start.0 < range.end.0).then_some((range.start.0 + page.0, range.end.0 + page.0))
    });
    let selection = if focused { live } else { live.or(sel.text) };
    if let (Some((s, e)), false) = (selection, focused) {
        let fill = ui.visuals().selection.bg_fill.gamma_multiply(0.45);
        for rect in range_rects(layout, origin, s, e) {
            ui.painter().rect_filled(rect, 0.0, fill);
        }
    }
    let place = (&article.id, page.0);
    let flags = (selection.is_some(), show_actors);
    pointer_ui(cx, &response, layout, origin, place, flags);
    selection
}

fn empty_ui(ui: &mut Ui, ws: &Session, sel: &Selection) {
    ui.vertical_centered(|ui| {
        ui.add_space(60.0);
        if ws.corpus().is_empty() {
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

fn header_ui(ui: &mut Ui, cx: &ViewContext<'_>, article: &Article, show_actors: &mut bool) {
    let ws = cx.session;
    ui.heading(&article.title);
    let count = ws.passage_counts().get(&article.id).copied().unwrap_or(0);
    let attention = ws
        .problems()
        .keys()
        .filter(|id| {
            ws.project()
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
        ui.weak(format!("· {count} passage(s) ·"));
        if ui
            .link("source")
            .on_hover_text(format!(
                "Open the original file with the system's viewer: {}",
                article.path.display()
            ))
            .clicked()
        {
            cx.send(crate::context::FileCommand::OpenSource(article.id.clone()));
        }
        if article.is_repeated() {
            ui.colored_label(
                palette::warning(ui.visuals().dark_mode),
                "· the text repeats itself",
            )
            .on_hover_text(
                "Part of this article is a copy of its earlier text (a body saved twice); \
                 figures in the copy are marked as repeats.",
            );
        }
        if attention > 0 {
            ui.colored_label(
                palette::warning(ui.visuals().dark_mode),
                format!("· {attention} need attention"),
            );
        }
        ui.checkbox(show_actors, "Show actors").on_hover_text(
            "Mark the countries, organisations and people the article mentions, in a colour per kind; hover one for the actor it counts for",
        );
    });
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
