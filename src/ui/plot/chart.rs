//! The chart of the plot pane: bars by year or lines, several series side by side, a log scale,
//! and the point under the pointer (its value, year and sentence; a click opens it).

use egui::{RichText, Ui};
use egui_plot::{Bar, BarChart, Legend, Line, MarkerShape, Plot, PlotPoint, PlotUi, Points};

use super::{Drawn, PlotMode, PlotState};
use crate::context::{SelectCommand, ViewContext};
use crate::figures::series::{Point, unit_label};
use crate::session::TextRange;
use crate::ui::figures::pretty;
use crate::ui::{palette, swatch};

/// Where each point goes on the x axis: its year, or a slot after the years for undated ones.
/// Per series, the x of each point; and the labelled slots of points without a year.
type Positions = (Vec<Vec<Option<f64>>>, Vec<(f64, String)>);

fn x_positions(drawn: &[Drawn<'_>]) -> Positions {
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
    let n = crate::ui::figures::pretty_value(v);
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

/// Where the bars and points go.
struct Geometry {
    /// Per series, the x of each point (`None`: not drawn).
    xs: Vec<Vec<Option<f64>>>,
    /// The labelled slots of points without a year.
    categories: Vec<(f64, String)>,
    /// How many series are drawn side by side.
    series: f64,
    /// The width of one series' bar.
    width: f64,
    /// On a log scale bars stand on the power of ten below the smallest value.
    floor: f64,
    log: bool,
    mode: PlotMode,
}

impl Geometry {
    fn new(drawn: &[Drawn<'_>], log: bool, mode: PlotMode) -> Self {
        let (xs, categories) = x_positions(drawn);
        let series = drawn.len() as f64;
        let smallest = drawn
            .iter()
            .flat_map(|d| d.points.iter().map(|p| p.value))
            .fold(f64::INFINITY, f64::min);
        let mut geometry = Self {
            xs,
            categories,
            series,
            width: 0.8 / series,
            floor: 0.0,
            log,
            mode,
        };
        if log && smallest.is_finite() {
            geometry.floor = geometry.y_of(smallest).floor();
        }
        geometry
    }

    fn y_of(&self, v: f64) -> f64 {
        if self.log {
            v.max(f64::MIN_POSITIVE).log10()
        } else {
            v
        }
    }

    /// How far series `k`'s bars sit from the year's centre.
    fn offset(&self, k: usize) -> f64 {
        if self.mode == PlotMode::Bars {
            (k as f64 - (self.series - 1.0) / 2.0) * self.width
        } else {
            0.0
        }
    }
}

pub(super) fn draw(
    ui: &mut Ui,
    cx: &ViewContext<'_>,
    drawn: &[Drawn<'_>],
    unit: &str,
    log: bool,
    state: &mut PlotState,
) {
    let geometry = Geometry::new(drawn, log, state.mode);
    let plot = axes(drawn, unit, &geometry).height(ui.available_height().max(160.0));
    // The export takes the plot with its axes, legend and labels: all the room it is given.
    let area = ui.available_rect_before_wrap();
    let response = plot.show(ui, |plot_ui| {
        for (k, d) in drawn.iter().enumerate() {
            series_ui(plot_ui, k, d, &geometry);
        }
        nearest(plot_ui, drawn, &geometry)
    });
    state.last_rect = Some(area.intersect(ui.clip_rect()));
    let Some((d, p)) = response
        .inner
        .and_then(|(k, i)| drawn.get(k).and_then(|d| Some((d, d.points.get(i)?))))
    else {
        return;
    };
    let clicked = response.response.clicked();
    response
        .response
        .on_hover_ui_at_pointer(|ui| point_hover_ui(ui, d, p, unit));
    if clicked {
        cx.send(SelectCommand::ShowRange(TextRange {
            article: p.article.clone(),
            start: p.start,
            end: p.end,
        }));
    }
}

/// The plot with its axes: years (and the slots of undated points) across, values up.
fn axes(drawn: &[Drawn<'_>], unit: &str, geometry: &Geometry) -> Plot<'static> {
    let log = geometry.log;
    let unit_owned = unit.to_owned();
    let cats = geometry.categories.clone();
    let years = || {
        drawn
            .iter()
            .flat_map(|d| d.points.iter().filter_map(|p| p.year.key()))
    };
    let (min_year, max_year) = (years().min(), years().max());
    Plot::new("series_plot")
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
        .include_y(geometry.floor)
        .y_axis_label(unit_label(unit))
}

/// One series: bars, or a line through its dated points with every point marked.
fn series_ui(plot_ui: &mut PlotUi<'_>, k: usize, d: &Drawn<'_>, g: &Geometry) {
    let color = palette::color(d.series.color);
    let xs = g.xs.get(k).map_or(&[][..], Vec::as_slice);
    match g.mode {
        PlotMode::Bars => {
            let bars: Vec<Bar> = d
                .points
                .iter()
                .zip(xs)
                .filter_map(|(p, x)| {
                    x.map(|x| {
                        Bar::new(x + g.offset(k), g.y_of(p.value) - g.floor)
                            .base_offset(g.floor)
                            .width(g.width * 0.95)
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
                .filter_map(|p| p.year.key().map(|y| [y as f64, g.y_of(p.value)]))
                .collect();
            dated.sort_by(|a, b| a[0].total_cmp(&b[0]));
            plot_ui.line(
                Line::new(d.series.name.clone(), dated.clone())
                    .color(color)
                    .width(2.0)
                    .allow_hover(false),
            );
            let marked: Vec<[f64; 2]> = d
                .points
                .iter()
                .zip(xs)
                .filter(|(p, _)| p.year.key().is_none())
                .filter_map(|(p, x)| x.map(|x| [x, g.y_of(p.value)]))
                .chain(dated)
                .collect();
            plot_ui.points(
                Points::new(format!("{} points", d.series.name), marked)
                    .color(color)
                    .radius(4.5)
                    .shape(MarkerShape::Circle)
                    .filled(true)
                    .allow_hover(false),
            );
        }
    }
}

/// The point under the pointer, as (series, point): measured on the screen, so it works at
/// any zoom; a bar counts over its whole height.
fn nearest(plot_ui: &PlotUi<'_>, drawn: &[Drawn<'_>], g: &Geometry) -> Option<(usize, usize)> {
    let pointer = plot_ui.screen_from_plot(plot_ui.pointer_coordinate()?);
    let mut best: Option<(f32, usize, usize)> = None;
    for (k, d) in drawn.iter().enumerate() {
        let xs = g.xs.get(k).map_or(&[][..], Vec::as_slice);
        for (i, (p, x)) in d.points.iter().zip(xs).enumerate() {
            let Some(x) = x.map(|x| x + g.offset(k)) else {
                continue;
            };
            let top = plot_ui.screen_from_plot(PlotPoint::new(x, g.y_of(p.value)));
            let dist = match g.mode {
                PlotMode::Bars => {
                    let base = plot_ui.screen_from_plot(PlotPoint::new(x, g.floor));
                    let edge = plot_ui.screen_from_plot(PlotPoint::new(x + g.width / 2.0, 0.0));
                    let half = (edge.x - top.x).abs();
                    let dx = ((pointer.x - top.x).abs() - half).max(0.0);
                    let (lo, hi) = (top.y.min(base.y), top.y.max(base.y));
                    let dy = (lo - pointer.y).max(pointer.y - hi).max(0.0);
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
}

/// What the hovered point is: its series, value, year, label and sentence.
fn point_hover_ui(ui: &mut Ui, d: &Drawn<'_>, p: &Point, unit: &str) {
    ui.set_max_width(420.0);
    ui.horizontal(|ui| {
        swatch(ui, palette::theme(d.series.color, ui.visuals().dark_mode));
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
}
