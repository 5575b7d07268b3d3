//! The plot pane: series of figures as bars by year or as lines, several series of one unit
//! side by side, a log scale for money. Hovering a point shows its value, year and sentence;
//! clicking it opens the sentence in the reader. Series can be renamed, exported as CSV, and
//! the plot saved as a PNG image.

use std::borrow::Cow;
use std::collections::BTreeSet;

use egui::{RichText, TextEdit, Ui};

mod chart;

use self::chart::draw;
use super::figures::pretty;
use super::only::OnlyFilter;
use super::{palette, swatch};
use crate::context::{FileCommand, SelectCommand, ViewContext};
use crate::figures::series::{Point, unit_label};
use crate::figures::{UnitClass, unit_class};
use crate::project::{Series, SeriesId};
use crate::session::{SeriesIntent, Session, TextRange};

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
    /// Which unit to plot when the visible series have several.
    pub unit: Option<String>,
    /// Only the points of articles with one value of one attribute (one outlet, one country).
    pub only: OnlyFilter,
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
            unit: None,
            only: OnlyFilter::default(),
            known: BTreeSet::new(),
            rename: None,
        }
    }
}

/// One series as drawn: all its points, or those of the articles the "Only" filter keeps.
pub struct Drawn<'a> {
    pub series: &'a Series,
    pub points: Cow<'a, [Point]>,
}

/// The units of the visible series, in series order without repeats.
pub fn visible_units(ws: &Session, state: &PlotState) -> Vec<String> {
    let mut units: Vec<String> = Vec::new();
    for s in ws
        .project()
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

/// The series to draw: visible ones in the chosen unit (by default the first visible one's),
/// with the points of the articles the "Only" filter keeps.
pub fn drawn_series<'a>(ws: &'a Session, state: &mut PlotState) -> Vec<Drawn<'a>> {
    let visible: Vec<&Series> = ws
        .project()
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
    let kept = state.only.kept(ws);
    visible
        .into_iter()
        .filter(|s| s.unit == unit)
        .map(|s| {
            let all = ws.series_points(s.id);
            let points = match kept {
                None => Cow::Borrowed(all),
                Some(ids) => Cow::Owned(
                    all.iter()
                        .filter(|p| ids.contains(&p.article))
                        .cloned()
                        .collect(),
                ),
            };
            Drawn { series: s, points }
        })
        .collect()
}

pub fn plot_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &mut PlotState) {
    let ws = cx.session;
    // New series appear on the plot; deleted ones leave it.
    for s in &ws.project().series {
        if state.known.insert(s.id) {
            state.visible.insert(s.id);
        }
    }
    state
        .visible
        .retain(|id| ws.project().series_by_id(*id).is_some());

    if ws.project().series.is_empty() {
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
                .show(ui, |ui| series_list_ui(ui, cx, state));
        });
    state.only.ui(ui, "plot_only", ws);
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
            cx.send(FileCommand::ExportPlot);
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
    draw(ui, cx, &drawn, &unit, log, state);
}

fn series_list_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &mut PlotState) {
    let ws = cx.session;
    ui.strong("Series");
    for s in &ws.project().series {
        let pts = ws.series_points(s.id);
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
            swatch(ui, palette::theme(s.color, ui.visuals().dark_mode));
            match &mut state.rename {
                Some((id, text)) if *id == s.id => {
                    let field = ui
                        .add(TextEdit::singleline(text).desired_width(150.0))
                        .accessible_name("Series name");
                    if field.lost_focus() {
                        if !text.trim().is_empty() && text.trim() != s.name {
                            cx.send(SeriesIntent::Rename {
                                series: s.id,
                                name: text.clone(),
                            });
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
                cx.send(FileCommand::ExportSeries(s.id));
            }
            if ui
                .small_button("Delete")
                .on_hover_text("Delete the series (its figures stay accepted; undo with Ctrl+Z)")
                .clicked()
            {
                cx.send(SeriesIntent::Delete(s.id));
            }
        });
        points_ui(ui, cx, s, pts);
        ui.separator();
    }
}

/// The points of a series, each a link to its sentence, with a button to take it out.
fn points_ui(ui: &mut Ui, cx: &ViewContext<'_>, s: &Series, pts: &[Point]) {
    egui::CollapsingHeader::new(format!("Points of {}", s.name))
        .id_salt(("series_points", s.id.0))
        .default_open(false)
        .show(ui, |ui| {
            for p in pts {
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
                        cx.send(SelectCommand::ShowRange(TextRange {
                            article: p.article.clone(),
                            start: p.start,
                            end: p.end,
                        }));
                    }
                    if ui
                        .small_button("×")
                        .on_hover_text("Remove from the series")
                        .clicked()
                    {
                        cx.send(SeriesIntent::Remove {
                            series: s.id,
                            figure: p.figure,
                        });
                    }
                });
            }
        });
}
