//! The figures pane: every figure the articles state, with its value, unit, year, article and
//! sentence; sortable and filterable. Figures are picked to accept, reject or group into a
//! series; the selected one can be corrected and labelled. Suggested series are listed.

mod editor;
mod table;

use std::collections::BTreeSet;

use egui::{Button, ComboBox, TextEdit, Ui};

use self::editor::{editor_ui, suggestions_ui};
use self::table::table_ui;
use crate::context::ViewContext;
use crate::figures::curation::{
    FigureFilter, FigureKey, FigureRow, RowStatus, SortBy, compare_rows,
};
use crate::figures::series::{format_value, unit_label};
use crate::figures::{UnitClass, unit_class};
use crate::project::{FigureStatus, SeriesId};
use crate::session::{FigureIntent, SeriesIntent, Session};
use crate::ui::only::OnlyFilter;

#[derive(Clone, Debug, PartialEq)]
struct Draft {
    value: String,
    unit: String,
    year: String,
    label: String,
}

/// (session revision, filter, attribute filter, sort) → the visible row indices.
type RowCache = (
    u64,
    FigureFilter,
    Option<(String, String)>,
    (SortBy, bool),
    Vec<usize>,
);

pub struct FiguresState {
    pub filter: FigureFilter,
    /// Only the figures of articles with one value of one attribute (one outlet, one year).
    pub only: OnlyFilter,
    year_text: String,
    sort: (SortBy, bool),
    /// Figures picked with the checkboxes, for group actions.
    pub picked: BTreeSet<FigureKey>,
    pub series_name: String,
    target_series: Option<SeriesId>,
    draft: Option<(FigureKey, Draft)>,
    cache: Option<RowCache>,
}

impl Default for FiguresState {
    fn default() -> Self {
        Self {
            filter: FigureFilter::default(),
            only: OnlyFilter::default(),
            year_text: String::new(),
            sort: (SortBy::Place, false),
            picked: BTreeSet::new(),
            series_name: String::new(),
            target_series: None,
            draft: None,
            cache: None,
        }
    }
}

/// A value as people read it: "5.4 billion", "35,000", "1.2".
pub fn pretty_value(v: f64) -> String {
    let abs = v.abs();
    let scaled = |d: f64, word: &str| {
        let s = format!("{:.2}", v / d);
        let s = s.trim_end_matches('0').trim_end_matches('.');
        format!("{s} {word}")
    };
    if abs >= 1e12 {
        scaled(1e12, "trillion")
    } else if abs >= 1e9 {
        scaled(1e9, "billion")
    } else if abs >= 1e6 {
        scaled(1e6, "million")
    } else if v.fract() == 0.0 {
        let digits = format_value(v);
        let (sign, digits) = digits
            .strip_prefix('-')
            .map_or(("", digits.as_str()), |d| ("-", d));
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        format!("{sign}{out}")
    } else {
        let s = format!("{v:.3}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

/// A value with its unit: "$5.4 billion", "35,000 hectares", "900%".
pub fn pretty(v: f64, unit: &str) -> String {
    match unit_class(unit) {
        UnitClass::Money if unit == "USD" => format!("${}", pretty_value(v)),
        UnitClass::Money => format!("{} {unit}", pretty_value(v)),
        UnitClass::Percent if unit == "fraction" => format!("{}%", pretty_value(v * 100.0)),
        UnitClass::Percent => format!("{}%", pretty_value(v)),
        _ if unit.is_empty() => pretty_value(v),
        _ => format!(
            "{} {}",
            pretty_value(v),
            if v == 1.0 {
                unit.to_owned()
            } else {
                unit_label(unit)
            }
        ),
    }
}

fn status_text(s: RowStatus) -> &'static str {
    match s {
        RowStatus::Unreviewed => "new",
        RowStatus::Accepted => "accepted",
        RowStatus::Rejected => "rejected",
    }
}

pub fn figures_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &mut FiguresState) {
    filters_ui(ui, cx.session, state);
    let rows = visible_rows(cx.session, state);
    pick_bar_ui(ui, cx, state, rows.len());
    ui.separator();
    egui::Panel::right("figure_side")
        .resizable(true)
        .default_size(330.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("figure_side_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    editor_ui(ui, cx, state);
                    ui.separator();
                    suggestions_ui(ui, cx, state);
                });
        });
    table_ui(ui, cx, state, &rows);
}

fn filters_ui(ui: &mut Ui, ws: &Session, state: &mut FiguresState) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Status");
        let text = state.filter.status.map_or("any", status_text);
        ComboBox::from_id_salt("figures_status")
            .selected_text(text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.filter.status, None, "any");
                for s in [
                    RowStatus::Unreviewed,
                    RowStatus::Accepted,
                    RowStatus::Rejected,
                ] {
                    ui.selectable_value(&mut state.filter.status, Some(s), status_text(s));
                }
            })
            .response
            .labelled_by(label.id);
        let label = ui.label("Unit");
        let units = ws.figure_units();
        let text = state
            .filter
            .unit
            .as_deref()
            .map_or("any".to_owned(), unit_label);
        ComboBox::from_id_salt("figures_unit")
            .selected_text(text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.filter.unit, None, "any");
                for u in units {
                    ui.selectable_value(&mut state.filter.unit, Some(u.to_owned()), unit_label(u));
                }
            })
            .response
            .labelled_by(label.id);
        let label = ui.label("Year");
        ui.add(
            TextEdit::singleline(&mut state.year_text)
                .hint_text("any")
                .desired_width(50.0),
        )
        .labelled_by(label.id);
        state.filter.year = state.year_text.trim().parse().ok();
        super::article_filter(
            ui,
            "figures_article",
            ws.corpus(),
            &mut state.filter.article,
        );
        let label = ui.label("Text");
        ui.add(
            TextEdit::singleline(&mut state.filter.text)
                .hint_text("sentence or label")
                .desired_width(140.0),
        )
        .labelled_by(label.id);
    });
    state.only.ui(ui, "figures_only", ws);
}

/// Indices of the rows passing the filter, sorted; cached per revision, filter and sort.
fn visible_rows(ws: &Session, state: &mut FiguresState) -> Vec<usize> {
    if let Some((rev, f, only, sort, rows)) = &state.cache
        && *rev == ws.revision()
        && *f == state.filter
        && *only == state.only.only
        && *sort == state.sort
    {
        return rows.clone();
    }
    let all = ws.figure_rows();
    let kept = state.only.kept(ws);
    let mut indices: Vec<usize> = (0..all.len())
        .filter(|&i| kept.is_none_or(|ids| ids.contains(&all[i].key.article)))
        .filter(|&i| state.filter.matches(&all[i], sentence_of(ws, &all[i])))
        .collect();
    let (by, descending) = state.sort;
    indices.sort_by(|&a, &b| compare_rows(&all[a], &all[b], by, descending));
    state.cache = Some((
        ws.revision(),
        state.filter.clone(),
        state.only.only.clone(),
        state.sort,
        indices.clone(),
    ));
    indices
}

fn sentence_of<'a>(ws: &'a Session, row: &FigureRow) -> &'a str {
    ws.corpus()
        .get(&row.key.article)
        .and_then(|a| a.slice(row.figure.sentence.0, row.figure.sentence.1))
        .unwrap_or("")
}

fn pick_bar_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &mut FiguresState, shown: usize) {
    let ws = cx.session;
    let counts = ws.figure_status_counts();
    ui.horizontal_wrapped(|ui| {
        ui.weak(format!(
            "{shown} shown of {} figures · {} accepted · {} rejected · {} new",
            ws.figure_rows().len(),
            counts[1],
            counts[2],
            counts[0]
        ));
        ui.separator();
        let n = state.picked.len();
        ui.label(format!("{n} picked:"));
        let keys: Vec<FigureKey> = state.picked.iter().cloned().collect();
        ui.add_enabled_ui(n > 0, |ui| {
            if ui
                .button("Accept")
                .on_hover_text("Accept the picked figures")
                .clicked()
            {
                cx.send(FigureIntent::SetStatus {
                    keys: keys.clone(),
                    status: Some(FigureStatus::Accepted),
                });
            }
            if ui
                .button("Reject")
                .on_hover_text("Reject the picked figures")
                .clicked()
            {
                cx.send(FigureIntent::SetStatus {
                    keys: keys.clone(),
                    status: Some(FigureStatus::Rejected),
                });
            }
            if ui.button("Clear picks").clicked() {
                state.picked.clear();
            }
        });
        ui.separator();
        let label = ui.label("Series name");
        ui.add(
            TextEdit::singleline(&mut state.series_name)
                .hint_text("e.g. Peru coca eradication (hectares)")
                .desired_width(220.0),
        )
        .labelled_by(label.id);
        let can_create = n > 0 && !state.series_name.trim().is_empty();
        if ui
            .add_enabled(can_create, Button::new("Create series"))
            .on_hover_text("A new series of the picked figures (they must share a unit)")
            .clicked()
        {
            cx.send(SeriesIntent::Create {
                name: state.series_name.trim().to_owned(),
                keys: keys.clone(),
            });
            state.series_name.clear();
        }
        if !ws.project().series.is_empty() {
            let label = ui.label("or add to");
            let text = state
                .target_series
                .and_then(|id| ws.project().series_by_id(id))
                .map_or("a series…".to_owned(), |s| s.name.clone());
            ComboBox::from_id_salt("figures_target_series")
                .selected_text(text)
                .show_ui(ui, |ui| {
                    for s in &ws.project().series {
                        ui.selectable_value(
                            &mut state.target_series,
                            Some(s.id),
                            format!("{} ({})", s.name, unit_label(&s.unit)),
                        );
                    }
                })
                .response
                .labelled_by(label.id);
            if let Some(id) = state.target_series
                && ui.add_enabled(n > 0, Button::new("Add")).clicked()
            {
                cx.send(SeriesIntent::Add { series: id, keys });
            }
        }
    });
}
