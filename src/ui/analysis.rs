//! The analysis tabs: theme × article matrix, theme co-occurrence, theme frequencies, and
//! retrieval of the passages of chosen themes. Each can be exported as CSV.

use std::collections::{BTreeMap, BTreeSet};

use egui::{Align2, FontId, RichText, Sense, Ui, Vec2};
use egui_plot::{Bar, BarChart, Legend, Plot};

use super::{palette, quote_preview, swatch, theme_chip};
use crate::analysis::matrix::{
    Matrix, Measure, Meeting, cell_passages, cooccurrence, frequencies, retrieve, theme_article,
};
use crate::analysis::search::context;
use crate::context::{ExportWhat, FileCommand, SelectCommand, ViewContext};
use crate::corpus::ArticleId;
use crate::project::{PassageId, ThemeId};
use crate::session::Session;

type Pairs = BTreeMap<(ThemeId, ThemeId), Vec<Meeting>>;

#[derive(Default)]
pub struct AnalysisState {
    pub measure: Measure,
    cell: Option<(ThemeId, ArticleId)>,
    pair: Option<(ThemeId, ThemeId)>,
    pub split_by_article: bool,
    pub retrieve_themes: BTreeSet<ThemeId>,
    pub retrieve_all: bool,
    matrix: Option<(u64, Measure, Matrix)>,
    pairs: Option<(u64, Pairs)>,
    frequencies: Option<(u64, Frequencies)>,
    /// (revision, themes, all of them) → the passages retrieved, in reading order.
    retrieved: Option<(u64, BTreeSet<ThemeId>, bool, Vec<PassageId>)>,
}

/// Passages per theme, split by article.
type Frequencies = Vec<(ThemeId, BTreeMap<ArticleId, usize>)>;

impl AnalysisState {
    fn matrix(&mut self, ws: &Session) -> &Matrix {
        let measure = self.measure;
        if self
            .matrix
            .as_ref()
            .is_some_and(|(rev, m, _)| *rev != ws.revision() || *m != measure)
        {
            self.matrix = None;
        }
        &self
            .matrix
            .get_or_insert_with(|| {
                (
                    ws.revision(),
                    measure,
                    theme_article(ws.project(), ws.corpus(), measure),
                )
            })
            .2
    }

    fn frequencies(&mut self, ws: &Session) -> &Frequencies {
        if self
            .frequencies
            .as_ref()
            .is_some_and(|(rev, _)| *rev != ws.revision())
        {
            self.frequencies = None;
        }
        &self
            .frequencies
            .get_or_insert_with(|| (ws.revision(), frequencies(ws.project())))
            .1
    }

    /// The passages of the chosen themes, computed when the themes or the project change.
    fn retrieved(&mut self, ws: &Session) -> Vec<PassageId> {
        let key = (ws.revision(), &self.retrieve_themes, self.retrieve_all);
        match &self.retrieved {
            Some((rev, themes, all, ids)) if (*rev, themes, *all) == key => ids.clone(),
            _ => {
                let ids: Vec<PassageId> =
                    retrieve(ws.project(), &self.retrieve_themes, self.retrieve_all)
                        .iter()
                        .map(|p| p.id)
                        .collect();
                self.retrieved = Some((
                    ws.revision(),
                    self.retrieve_themes.clone(),
                    self.retrieve_all,
                    ids.clone(),
                ));
                ids
            }
        }
    }

    fn pairs(&mut self, ws: &Session) -> &Pairs {
        if self
            .pairs
            .as_ref()
            .is_some_and(|(rev, _)| *rev != ws.revision())
        {
            self.pairs = None;
        }
        &self
            .pairs
            .get_or_insert_with(|| (ws.revision(), cooccurrence(ws.project(), ws.corpus())))
            .1
    }
}

/// A clickable cell shaded by its value, with an accessible name.
fn cell(ui: &mut Ui, value: usize, max: usize, selected: bool, name: String) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(Vec2::new(54.0, 22.0), Sense::click());
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &name));
    let dark = ui.visuals().dark_mode;
    let t = if max == 0 {
        0.0
    } else {
        value as f32 / max as f32
    };
    let fill = if value == 0 {
        ui.visuals().faint_bg_color
    } else {
        palette::heat(t, dark)
    };
    ui.painter().rect_filled(rect.shrink(1.0), 2.0, fill);
    if selected || response.hovered() {
        ui.painter().rect_stroke(
            rect.shrink(1.0),
            2.0,
            egui::Stroke::new(1.5, palette::selection_outline(dark)),
            egui::StrokeKind::Inside,
        );
    }
    let text_color = if value > 0 {
        palette::highlighted_text(dark)
    } else {
        ui.visuals().weak_text_color()
    };
    ui.painter().text(
        rect.center(),
        Align2::CENTER_CENTER,
        value.to_string(),
        FontId::proportional(13.0),
        text_color,
    );
    response.on_hover_text(name)
}

fn passage_list(ui: &mut Ui, cx: &ViewContext<'_>, ids: &[PassageId]) {
    let ws = cx.session;
    for id in ids {
        let Some(p) = ws.project().passages.get(id) else {
            continue;
        };
        ui.horizontal_wrapped(|ui| {
            for t in &p.themes {
                if let Some(theme) = ws.project().theme(*t) {
                    swatch(ui, palette::color(theme.color));
                }
            }
            if ui
                .link(format!(
                    "{}: “{}”",
                    p.article.file_name(),
                    quote_preview(&p.quote, 120)
                ))
                .on_hover_text(if p.note.is_empty() {
                    "Open in the reader".to_owned()
                } else {
                    p.note.clone()
                })
                .clicked()
            {
                cx.send(SelectCommand::Passage(p.id));
            }
        });
    }
}

pub fn matrix_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &mut AnalysisState) {
    let ws = cx.session;
    ui.horizontal(|ui| {
        ui.label("Count");
        ui.selectable_value(&mut state.measure, Measure::Passages, "passages");
        ui.selectable_value(&mut state.measure, Measure::Characters, "characters coded");
        ui.separator();
        if ui.button("Export CSV…").clicked() {
            cx.send(FileCommand::ExportTable(ExportWhat::Matrix(state.measure)));
        }
    });
    let selected_cell = state.cell.clone();
    let m = state.matrix(ws).clone();
    if ws.project().passages.is_empty() {
        ui.weak("No passages yet: tag passages to see how themes spread across the articles.");
    }
    let max = m.max();
    let mut clicked = None;
    egui::Panel::right("matrix_side")
        .resizable(true)
        .default_size(320.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("matrix_side_scroll")
                .show(ui, |ui| match &selected_cell {
                    Some((t, a)) => {
                        ui.horizontal(|ui| theme_chip(ui, ws.project(), *t));
                        ui.weak(format!("in {a}"));
                        let ids: Vec<PassageId> = cell_passages(ws.project(), *t, a)
                            .iter()
                            .map(|p| p.id)
                            .collect();
                        passage_list(ui, cx, &ids);
                    }
                    None => {
                        ui.weak("Click a cell to list its passages.");
                    }
                });
        });
    egui::ScrollArea::both()
        .id_salt("matrix_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("matrix_grid")
                .spacing([2.0, 2.0])
                .show(ui, |ui| {
                    ui.label("");
                    for a in &m.articles {
                        let name = a.file_name();
                        let short: String = name.chars().take(7).collect();
                        ui.add_sized([54.0, 18.0], egui::Label::new(RichText::new(short).small()))
                            .on_hover_text(a.as_str());
                    }
                    ui.strong("total");
                    ui.end_row();
                    for (r, t) in m.themes.iter().enumerate() {
                        ui.horizontal(|ui| theme_chip(ui, ws.project(), *t));
                        for (c, a) in m.articles.iter().enumerate() {
                            let v = m.cells[r][c];
                            let name = format!(
                                "{} in {}: {v}",
                                ws.project().theme(*t).map_or("?", |t| t.name.as_str()),
                                a
                            );
                            let selected = selected_cell.as_ref() == Some(&(*t, a.clone()));
                            if cell(ui, v, max, selected, name).clicked() {
                                clicked = Some((*t, a.clone()));
                            }
                        }
                        ui.strong(m.row_total(r).to_string());
                        ui.end_row();
                    }
                    ui.strong("total");
                    for c in 0..m.articles.len() {
                        ui.strong(m.column_total(c).to_string());
                    }
                    ui.end_row();
                });
        });
    if clicked.is_some() {
        state.cell = clicked;
    }
}

pub fn cooccurrence_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &mut AnalysisState) {
    let ws = cx.session;
    ui.horizontal(|ui| {
        ui.weak("How often two themes meet: one passage coded with both, or two passages that overlap or share a sentence.");
        if ui.button("Export CSV…").clicked() {
            cx.send(FileCommand::ExportTable(ExportWhat::Cooccurrence));
        }
    });
    let themes: Vec<ThemeId> = ws
        .project()
        .theme_tree()
        .iter()
        .map(|(_, t)| t.id)
        .collect();
    let selected = state.pair;
    let pairs = state.pairs(ws).clone();
    let max = pairs.values().map(Vec::len).max().unwrap_or(0);
    let mut clicked = None;
    egui::Panel::right("pairs_side")
        .resizable(true)
        .default_size(320.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("pairs_side_scroll")
                .show(ui, |ui| match selected {
                    Some((a, b)) => {
                        ui.horizontal(|ui| {
                            theme_chip(ui, ws.project(), a);
                            ui.label("and");
                            theme_chip(ui, ws.project(), b);
                        });
                        for m in pairs.get(&(a, b)).map(Vec::as_slice).unwrap_or_default() {
                            let ids = if m.first == m.second {
                                vec![m.first]
                            } else {
                                vec![m.first, m.second]
                            };
                            passage_list(ui, cx, &ids);
                            ui.separator();
                        }
                    }
                    None => {
                        ui.weak("Click a cell to list where the two themes meet.");
                    }
                });
        });
    egui::ScrollArea::both()
        .id_salt("pairs_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("pairs_grid")
                .spacing([2.0, 2.0])
                .show(ui, |ui| {
                    ui.label("");
                    for (i, t) in themes.iter().enumerate().skip(1) {
                        let name = ws
                            .project()
                            .theme(*t)
                            .map_or("?".to_owned(), |t| t.name.chars().take(7).collect());
                        ui.add_sized(
                            [54.0, 18.0],
                            egui::Label::new(RichText::new(format!("{}. {name}", i + 1)).small()),
                        )
                        .on_hover_text(ws.project().theme(*t).map_or("", |t| t.name.as_str()));
                    }
                    ui.end_row();
                    for (i, a) in themes
                        .iter()
                        .enumerate()
                        .take(themes.len().saturating_sub(1))
                    {
                        ui.horizontal(|ui| {
                            ui.weak(format!("{}.", i + 1));
                            theme_chip(ui, ws.project(), *a);
                        });
                        for (j, b) in themes.iter().enumerate().skip(1) {
                            if j <= i {
                                ui.label("");
                                continue;
                            }
                            let key = if a < b { (*a, *b) } else { (*b, *a) };
                            let v = pairs.get(&key).map_or(0, Vec::len);
                            let names = |t: &ThemeId| {
                                ws.project()
                                    .theme(*t)
                                    .map_or("?".to_owned(), |t| t.name.clone())
                            };
                            let name = format!("{} and {}: {v}", names(a), names(b));
                            if cell(ui, v, max, selected == Some(key), name).clicked() {
                                clicked = Some(key);
                            }
                        }
                        ui.end_row();
                    }
                });
        });
    if clicked.is_some() {
        state.pair = clicked;
    }
}

pub fn frequency_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &mut AnalysisState) {
    let ws = cx.session;
    ui.horizontal(|ui| {
        ui.checkbox(&mut state.split_by_article, "Split by article");
        if ui.button("Export CSV…").clicked() {
            cx.send(FileCommand::ExportTable(ExportWhat::Frequencies));
        }
    });
    let freq = state.frequencies(ws).clone();
    let names: Vec<String> = freq
        .iter()
        .map(|(t, _)| {
            ws.project()
                .theme(*t)
                .map_or("?".to_owned(), |t| t.name.clone())
        })
        .collect();
    let n = freq.len();
    // Horizontal bars, first theme at the top.
    let y_of = |i: usize| (n - 1 - i) as f64;
    let labels = names.clone();
    let plot = Plot::new("theme_frequency")
        .legend(Legend::default())
        .allow_scroll(false)
        .allow_drag(false)
        .allow_zoom(false)
        .show_x(false)
        .show_y(false)
        .y_axis_formatter(move |mark, _| {
            let v = mark.value;
            if v.fract().abs() > 1e-6 || v < 0.0 {
                return String::new();
            }
            let i = n.checked_sub(1 + v as usize);
            i.and_then(|i| labels.get(i)).cloned().unwrap_or_default()
        })
        .y_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 1.0, 1.0]))
        .include_x(0.0)
        .height(ui.available_height().max(160.0));
    plot.show(ui, |plot_ui| {
        if state.split_by_article {
            let articles: BTreeSet<&ArticleId> =
                freq.iter().flat_map(|(_, per)| per.keys()).collect();
            let mut charts: Vec<BarChart> = Vec::new();
            for (k, a) in articles.iter().enumerate() {
                let bars: Vec<Bar> = freq
                    .iter()
                    .enumerate()
                    .map(|(i, (_, per))| {
                        Bar::new(y_of(i), per.get(*a).copied().unwrap_or(0) as f64).width(0.7)
                    })
                    .collect();
                let color =
                    palette::color(palette::THEME_COLOURS[k % palette::THEME_COLOURS.len()]);
                let refs: Vec<&BarChart> = charts.iter().collect();
                let chart = BarChart::new(a.file_name().to_owned(), bars)
                    .horizontal()
                    .color(color)
                    .stack_on(&refs);
                charts.push(chart);
            }
            for c in charts {
                plot_ui.bar_chart(c);
            }
        } else {
            for (i, (t, per)) in freq.iter().enumerate() {
                let total: usize = per.values().sum();
                let color = ws
                    .project()
                    .theme(*t)
                    .map_or(egui::Color32::GRAY, |t| palette::color(t.color));
                let bar = Bar::new(y_of(i), total as f64)
                    .width(0.7)
                    .fill(color)
                    .name(&names[i]);
                plot_ui.bar_chart(
                    BarChart::new(names[i].clone(), vec![bar])
                        .horizontal()
                        .color(color),
                );
            }
        }
    });
}

pub fn retrieval_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &mut AnalysisState) {
    let ws = cx.session;
    ui.horizontal_wrapped(|ui| {
        ui.label("Themes:");
        for (_, t) in ws.project().theme_tree() {
            let mut on = state.retrieve_themes.contains(&t.id);
            if ui.checkbox(&mut on, &t.name).changed() {
                if on {
                    state.retrieve_themes.insert(t.id);
                } else {
                    state.retrieve_themes.remove(&t.id);
                }
            }
        }
    });
    ui.horizontal(|ui| {
        ui.label("Passages with");
        ui.selectable_value(&mut state.retrieve_all, false, "any of them");
        ui.selectable_value(&mut state.retrieve_all, true, "all of them");
        if ui.button("Export CSV…").clicked() {
            cx.send(FileCommand::ExportTable(ExportWhat::Retrieval(
                state.retrieve_themes.clone(),
                state.retrieve_all,
            )));
        }
    });
    let ids = state.retrieved(ws);
    let found: Vec<_> = ids
        .iter()
        .filter_map(|id| ws.project().passages.get(id))
        .collect();
    ui.weak(format!("{} passage(s), in reading order", found.len()));
    ui.separator();
    let dark = ui.visuals().dark_mode;
    egui::ScrollArea::vertical()
        .id_salt("retrieval_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let mut last_article: Option<&ArticleId> = None;
            for p in found {
                if last_article != Some(&p.article) {
                    ui.add_space(4.0);
                    let title = ws.corpus().get(&p.article).map_or("", |a| a.title.as_str());
                    ui.strong(format!("{} — {title}", p.article));
                    last_article = Some(&p.article);
                }
                let (before, after) = match ws.corpus().get(&p.article) {
                    Some(a) => {
                        let (l, _, r) = context(a, p.start, p.end, 100);
                        (l, r)
                    }
                    None => (p.prefix.clone(), p.suffix.clone()),
                };
                ui.horizontal_wrapped(|ui| {
                    for t in &p.themes {
                        if let Some(theme) = ws.project().theme(*t) {
                            swatch(ui, palette::color(theme.color));
                        }
                    }
                    ui.weak(format!("…{before}"));
                    let quote = ui.add(
                        egui::Label::new(
                            RichText::new(quote_preview(&p.quote, 600))
                                .color(palette::highlighted_text(dark))
                                .background_color(palette::highlight_fill(
                                    &p.themes
                                        .iter()
                                        .filter_map(|t| ws.project().theme(*t).map(|t| t.color))
                                        .collect::<Vec<_>>(),
                                    dark,
                                )),
                        )
                        .sense(Sense::click()),
                    );
                    if quote.on_hover_text("Open in the reader").clicked() {
                        cx.send(SelectCommand::Passage(p.id));
                    }
                    ui.weak(format!("{after}…"));
                });
                if !p.note.is_empty() {
                    ui.label(RichText::new(format!("Note: {}", p.note)).italics());
                }
            }
        });
}
