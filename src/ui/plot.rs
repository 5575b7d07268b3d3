//! The plot pane: series of figures as bars by year or as lines, several series of one unit
//! side by side, a log scale for money. Hovering a point shows its value, year and sentence;
//! clicking it opens the sentence in the reader. Series can be renamed, exported as CSV, and
//! the plot saved as a PNG image.

use std::collections::BTreeSet;

use egui::{RichText, TextEdit, Ui};
use egui_plot::{Bar, BarChart, Legend, Line, MarkerShape, Plot, PlotPoint, Points};

use super::figures::pretty;
use super::{palette, swatch};
use crate::app::command::Command;
use crate::app::workspace::Workspace;
use crate::figures::series::{Point, points, unit_label};
use crate::figures::{UnitClass, unit_class};
use crate::project::{Series, SeriesId};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlotMode {
    Bars,
    Lines,
}

#[derive(Clone)]
pub struct PlotState {
    pub visible: BTreeSet<SeriesId>,
    pub mode: PlotMode,
    /// `None`: log scale for money, linear otherwise.
    pub log: Option<bool>,
    /// Where the plot was drawn last frame (for the PNG export).
    pub last_rect: Option<egui::Rect>,
    /// A series was just created: show it.
    pub show_new_series: bool,
    /// Which unit to plot when the visible series have several.
    pub unit: Option<String>,
    known: BTreeSet<SeriesId>,
    rename: Option<(SeriesId, String)>,
}

impl Default for PlotState {
    fn default() -> Self {
        Self {
            visible: BTreeSet::new(),
            mode: PlotMode::Bars,
            log: None,
            last_rect: None,
            show_new_series: false,
            unit: None,
            known: BTreeSet::new(),
            rename: None,
        }
    }
}

/// One series as drawn.
pub struct Drawn {
    pub series: Series,
    pub points: Vec<Point>,
}

/// The units of the visible series, in series order without repeats.
pub fn visible_units(ws: &Workspace, state: &PlotState) -> Vec<String> {
    let mut units: Vec<String> = Vec::new();
    for s in ws
        .project
        .series
        .iter()
        .filter(|s| state.visible.contains(&s.id))
    {
        if !units.contains(&s.unit) {
            units.push(s.unit.clone());
        }
    }
    units
}

/// The series to draw: visible ones in the chosen unit (by default the first visible one's).
pub fn drawn_series(ws: &Workspace, state: &PlotState) -> Vec<Drawn> {
    let visible: Vec<&Series> = ws
        .project
        .series
        .iter()
        .filter(|s| state.visible.contains(&s.id))
        .collect();
    let units = visible_units(ws, state);
    let Some(unit) = state
        .unit
        .clone()
        .filter(|u| units.contains(u))
        .or_else(|| units.first().cloned())
    else {
        return Vec::new();
    };
    visible
        .into_iter()
        .filter(|s| s.unit == unit)
        .map(|s| Drawn {
            series: s.clone(),
            points: points(&ws.project, &ws.corpus, s),
        })
        .collect()
}

pub fn plot_ui(ui: &mut Ui, ws: &Workspace, state: &mut PlotState, out: &mut Vec<Command>) {
    // New series appear on the plot; deleted ones leave it.
    for s in &ws.project.series {
        if state.known.insert(s.id) {
            state.visible.insert(s.id);
        }
    }
    state
        .visible
        .retain(|id| ws.project.series_by_id(*id).is_some());
    state.show_new_series = false;

    if ws.project.series.is_empty() {
        state.last_rect = None;
        ui.vertical_centered(|ui| {
            ui.add_space(30.0);
            ui.heading("No series yet");
            ui.label("In the Figures tab, pick figures that measure the same thing and create a series, or create a suggested one.");
        });
        return;
    }
    egui::Panel::left("series_list")
        .resizable(true)
        .default_size(300.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("series_list_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| series_list_ui(ui, ws, state, out));
        });
    let drawn = drawn_series(ws, state);
    let unit = drawn
        .first()
        .map(|d| d.series.unit.clone())
        .unwrap_or_default();
    let money = unit_class(&unit) == UnitClass::Money;
    let positive = drawn.iter().all(|d| d.points.iter().all(|p| p.value > 0.0));
    let mut log = state.log.unwrap_or(money) && positive;
    ui.horizontal(|ui| {
        ui.selectable_value(&mut state.mode, PlotMode::Bars, "Bars by year");
        ui.selectable_value(&mut state.mode, PlotMode::Lines, "Lines");
        ui.separator();
        let response = ui.add_enabled(positive, egui::Checkbox::new(&mut log, "Log scale"));
        if response.changed() {
            state.log = Some(log);
        }
        ui.separator();
        if ui
            .button("Export PNG…")
            .on_hover_text("Save the plot as a PNG image")
            .clicked()
        {
            out.push(Command::ExportPlot);
        }
        let units = visible_units(ws, state);
        if units.len() > 1 {
            ui.separator();
            let label = ui.label("Unit");
            egui::ComboBox::from_id_salt("plot_unit")
                .selected_text(unit_label(&unit))
                .show_ui(ui, |ui| {
                    for u in &units {
                        if ui.selectable_label(*u == unit, unit_label(u)).clicked() {
                            state.unit = Some(u.clone());
                        }
                    }
                })
                .response
                .labelled_by(label.id);
            ui.weak("(series in one unit are drawn together)");
        }
    });
    if drawn.is_empty() {
        state.last_rect = None;
        ui.label("Tick a series on the left to plot it.");
        return;
    }
    draw(ui, &drawn, &unit, log, state, out);
}

fn series_list_ui(ui: &mut Ui, ws: &Workspace, state: &mut PlotState, out: &mut Vec<Command>) {
    ui.strong("Series");
    for s in &ws.project.series {
        let pts = points(&ws.project, &ws.corpus, s);
        ui.horizontal(|ui| {
            let mut shown = state.visible.contains(&s.id);
            let response = ui
                .add(egui::Checkbox::without_text(&mut shown))
                .accessible_name(format!("Show {}", s.name));
            if response.changed() {
                if shown {
                    state.visible.insert(s.id);
                } else {
                    state.visible.remove(&s.id);
                }
            }
            swatch(ui, palette::color(s.color));
            match &mut state.rename {
                Some((id, text)) if *id == s.id => {
                    let field = ui
                        .add(TextEdit::singleline(text).desired_width(150.0))
                        .accessible_name("Series name");
                    if field.lost_focus() {
                        if !text.trim().is_empty() && text.trim() != s.name {
                            out.push(Command::RenameSeries(s.id, text.clone()));
                        }
                        state.rename = None;
                    } else {
                        field.request_focus();
                    }
                }
                _ => {
                    let label = ui
                        .add(
                            egui::Label::new(RichText::new(&s.name).strong())
                                .sense(egui::Sense::click()),
                        )
                        .on_hover_text("Double-click to rename");
                    if label.double_clicked() {
                        state.rename = Some((s.id, s.name.clone()));
                    }
                }
            }
        });
        ui.horizontal(|ui| {
            ui.add_space(24.0);
            ui.weak(format!("{} · {} points", unit_label(&s.unit), pts.len()));
            if ui
                .small_button("CSV…")
                .on_hover_text("Export this series as CSV")
                .clicked()
            {
                out.push(Command::ExportSeries(s.id));
            }
            if ui
                .small_button("Delete")
                .on_hover_text("Delete the series (its figures stay accepted; undo with Ctrl+Z)")
                .clicked()
            {
                out.push(Command::DeleteSeries(s.id));
            }
        });
        egui::CollapsingHeader::new(format!("Points of {}", s.name))
            .id_salt(("series_points", s.id.0))
            .default_open(false)
            .show(ui, |ui| {
                for p in &pts {
                    ui.horizontal(|ui| {
                        let text = format!(
                            "{} · {}",
                            if p.year.is_none() {
                                "no year".into()
                            } else {
                                p.year.to_string()
                            },
                            pretty(p.value, &s.unit)
                        );
                        if ui.link(text).on_hover_text(&p.sentence).clicked() {
                            out.push(Command::ShowRange {
                                article: p.article.clone(),
                                start: p.start,
                                end: p.end,
                            });
                        }
                        if ui
                            .small_button("×")
                            .on_hover_text("Remove from the series")
                            .clicked()
                        {
                            out.push(Command::RemoveFromSeries(s.id, p.figure));
                        }
                    });
                }
            });
        ui.separator();
    }
}

/// Where each point goes on the x axis: its year, or a slot after the years for undated ones.
/// Per series, the x of each point; and the labelled slots of points without a year.
type Positions = (Vec<Vec<Option<f64>>>, Vec<(f64, String)>);

fn x_positions(drawn: &[Drawn]) -> Positions {
    let years: Vec<i32> = drawn
        .iter()
        .flat_map(|d| d.points.iter().filter_map(|p| p.year.key()))
        .collect();
    let start = years.iter().max().map_or(0.0, |y| *y as f64 + 2.0);
    let mut categories: Vec<(f64, String)> = Vec::new();
    let xs = drawn
        .iter()
        .map(|d| {
            d.points
                .iter()
                .map(|p| match p.year.key() {
                    Some(y) => Some(y as f64),
                    None => {
                        let label = short(&p.label, 18);
                        let x = match categories.iter().find(|(_, l)| *l == label) {
                            Some((x, _)) => *x,
                            None => {
                                let x = start + categories.len() as f64;
                                categories.push((x, label));
                                x
                            }
                        };
                        Some(x)
                    }
                })
                .collect()
        })
        .collect();
    (xs, categories)
}

/// A tick label: the number, with a currency sign or % where that is short.
fn axis_value(v: f64, unit: &str) -> String {
    let n = super::figures::pretty_value(v);
    match unit {
        "USD" => format!("${n}"),
        "EUR" => format!("€{n}"),
        "GBP" => format!("£{n}"),
        "percent" => format!("{n}%"),
        _ => n,
    }
}

fn short(s: &str, n: usize) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= n {
        flat
    } else {
        format!("{}…", flat.chars().take(n).collect::<String>())
    }
}

fn draw(
    ui: &mut Ui,
    drawn: &[Drawn],
    unit: &str,
    log: bool,
    state: &mut PlotState,
    out: &mut Vec<Command>,
) {
    let (xs, categories) = x_positions(drawn);
    let m = drawn.len() as f64;
    let width = 0.8 / m;
    let y_of = |v: f64| {
        if log {
            v.max(f64::MIN_POSITIVE).log10()
        } else {
            v
        }
    };
    // On a log scale bars stand on the power of ten below the smallest value.
    let smallest = drawn
        .iter()
        .flat_map(|d| d.points.iter().map(|p| p.value))
        .fold(f64::INFINITY, f64::min);
    let floor = if log && smallest.is_finite() {
        y_of(smallest).floor()
    } else {
        0.0
    };
    let mode = state.mode;
    let unit_owned = unit.to_owned();
    let cats = categories.clone();
    let min_year = drawn
        .iter()
        .flat_map(|d| d.points.iter().filter_map(|p| p.year.key()))
        .min();
    let max_year = drawn
        .iter()
        .flat_map(|d| d.points.iter().filter_map(|p| p.year.key()))
        .max();
    let plot = Plot::new("series_plot")
        .legend(Legend::default())
        .allow_scroll(false)
        .label_formatter(|_| None)
        .x_axis_formatter(move |mark, _| {
            let v = mark.value;
            if let Some((_, label)) = cats.iter().find(|(x, _)| (x - v).abs() < 1e-6) {
                return label.clone();
            }
            let in_years = min_year
                .zip(max_year)
                .is_some_and(|(a, b)| v >= a as f64 - 1.0 && v <= b as f64 + 1.0);
            if v.fract() == 0.0 && in_years {
                format!("{v:.0}")
            } else {
                String::new()
            }
        })
        .y_axis_formatter(move |mark, _| {
            let v = if log {
                10f64.powf(mark.value)
            } else {
                mark.value
            };
            if log && mark.value.fract().abs() > 1e-9 {
                return String::new();
            }
            axis_value(v, &unit_owned)
        })
        .x_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 5.0, 10.0]))
        .include_y(floor)
        .y_axis_label(unit_label(unit))
        .height(ui.available_height().max(160.0));
    // The export takes the plot with its axes, legend and labels: all the room it is given.
    let area = ui.available_rect_before_wrap();
    let response = plot.show(ui, |plot_ui| {
        for (k, d) in drawn.iter().enumerate() {
            let color = palette::color(d.series.color);
            let offset = if mode == PlotMode::Bars {
                (k as f64 - (m - 1.0) / 2.0) * width
            } else {
                0.0
            };
            match mode {
                PlotMode::Bars => {
                    let bars: Vec<Bar> = d
                        .points
                        .iter()
                        .zip(&xs[k])
                        .filter_map(|(p, x)| {
                            x.map(|x| {
                                Bar::new(x + offset, y_of(p.value) - floor)
                                    .base_offset(floor)
                                    .width(width * 0.95)
                                    .fill(color)
                                    .name(&p.label)
                            })
                        })
                        .collect();
                    plot_ui.bar_chart(
                        BarChart::new(d.series.name.clone(), bars)
                            .color(color)
                            .allow_hover(false),
                    );
                }
                PlotMode::Lines => {
                    let mut dated: Vec<[f64; 2]> = d
                        .points
                        .iter()
                        .filter_map(|p| p.year.key().map(|y| [y as f64, y_of(p.value)]))
                        .collect();
                    dated.sort_by(|a, b| a[0].total_cmp(&b[0]));
                    plot_ui.line(
                        Line::new(d.series.name.clone(), dated.clone())
                            .color(color)
                            .width(2.0)
                            .allow_hover(false),
                    );
                    let undated: Vec<[f64; 2]> = d
                        .points
                        .iter()
                        .zip(&xs[k])
                        .filter(|(p, _)| p.year.key().is_none())
                        .filter_map(|(p, x)| x.map(|x| [x, y_of(p.value)]))
                        .chain(dated)
                        .collect();
                    plot_ui.points(
                        Points::new(format!("{} points", d.series.name), undated)
                            .color(color)
                            .radius(4.5)
                            .shape(MarkerShape::Circle)
                            .filled(true)
                            .allow_hover(false),
                    );
                }
            }
        }
        // Which point is under the pointer (in screen space, so it works at any zoom).
        let pointer = plot_ui.pointer_coordinate()?;
        let pointer = plot_ui.screen_from_plot(pointer);
        let mut best: Option<(f32, usize, usize)> = None;
        for (k, d) in drawn.iter().enumerate() {
            let offset = if mode == PlotMode::Bars {
                (k as f64 - (m - 1.0) / 2.0) * width
            } else {
                0.0
            };
            for (i, (p, x)) in d.points.iter().zip(&xs[k]).enumerate() {
                let Some(x) = x.map(|x| x + offset) else {
                    continue;
                };
                let top = plot_ui.screen_from_plot(PlotPoint::new(x, y_of(p.value)));
                let dist = match mode {
                    PlotMode::Bars => {
                        let base = plot_ui.screen_from_plot(PlotPoint::new(x, floor));
                        let half = (plot_ui
                            .screen_from_plot(PlotPoint::new(x + width / 2.0, 0.0))
                            .x
                            - top.x)
                            .abs();
                        let dx = ((pointer.x - top.x).abs() - half).max(0.0);
                        let (lo, hi) = (top.y.min(base.y), top.y.max(base.y));
                        let dy = if pointer.y < lo {
                            lo - pointer.y
                        } else if pointer.y > hi {
                            pointer.y - hi
                        } else {
                            0.0
                        };
                        dx.hypot(dy)
                    }
                    PlotMode::Lines => top.distance(pointer),
                };
                if dist < 12.0 && best.is_none_or(|(b, _, _)| dist < b) {
                    best = Some((dist, k, i));
                }
            }
        }
        best.map(|(_, k, i)| (k, i))
    });
    state.last_rect = Some(area.intersect(ui.clip_rect()));
    if let Some((k, i)) = response.inner {
        let (d, p) = (&drawn[k], &drawn[k].points[i]);
        let r = response.response.clone();
        r.on_hover_ui_at_pointer(|ui| {
            ui.set_max_width(420.0);
            ui.horizontal(|ui| {
                swatch(ui, palette::color(d.series.color));
                ui.strong(&d.series.name);
            });
            ui.label(RichText::new(pretty(p.value, unit)).size(16.0).strong());
            ui.label(if p.year.is_none() {
                "No year stated".to_owned()
            } else {
                format!("Year: {}", p.year)
            });
            if p.label != p.text {
                ui.label(&p.label);
            }
            ui.label(RichText::new(short(&p.sentence, 400)).italics());
            ui.weak(format!("{} · click to open in the reader", p.article));
        });
        if response.response.clicked() {
            out.push(Command::ShowRange {
                article: p.article.clone(),
                start: p.start,
                end: p.end,
            });
        }
    }
}
