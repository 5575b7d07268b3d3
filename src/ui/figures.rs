//! The figures pane: every figure the articles state, with its value, unit, year, article and
//! sentence; sortable and filterable. Figures are picked to accept, reject or group into a
//! series; the selected one can be corrected and labelled. Suggested series are listed.

use std::collections::BTreeSet;

use egui::text::{LayoutJob, TextFormat};
use egui::{Button, ComboBox, FontId, RichText, TextEdit, Ui};
use egui_extras::{Column, TableBuilder};

use super::{Selection, palette};
use crate::app::command::Command;
use crate::app::workspace::Workspace;
use crate::figures::curate::Correction;
use crate::figures::curation::{
    FigureFilter, FigureKey, FigureRow, RowStatus, SortBy, compare_rows,
};
use crate::figures::series::{Suggestion, context_words, format_value, suggest, unit_label};
use crate::figures::{UnitClass, Year, unit_class};
use crate::project::{FigureStatus, SeriesId};

#[derive(Clone, Debug, PartialEq)]
struct Draft {
    value: String,
    unit: String,
    year: String,
    label: String,
}

/// (workspace revision, filter, sort) → the visible row indices.
type RowCache = (u64, FigureFilter, (SortBy, bool), Vec<usize>);

pub struct FiguresState {
    pub filter: FigureFilter,
    year_text: String,
    sort: (SortBy, bool),
    /// Figures picked with the checkboxes, for group actions.
    pub picked: BTreeSet<FigureKey>,
    pub series_name: String,
    target_series: Option<SeriesId>,
    draft: Option<(FigureKey, Draft)>,
    cache: Option<RowCache>,
    suggestions: Option<(u64, Vec<Suggestion>)>,
}

impl Default for FiguresState {
    fn default() -> Self {
        Self {
            filter: FigureFilter::default(),
            year_text: String::new(),
            sort: (SortBy::Place, false),
            picked: BTreeSet::new(),
            series_name: String::new(),
            target_series: None,
            draft: None,
            cache: None,
            suggestions: None,
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

pub fn figures_ui(
    ui: &mut Ui,
    ws: &Workspace,
    sel: &Selection,
    state: &mut FiguresState,
    out: &mut Vec<Command>,
) {
    filters_ui(ui, ws, state);
    let rows = visible_rows(ws, state);
    pick_bar_ui(ui, ws, state, out);
    ui.separator();
    egui::Panel::right("figure_side")
        .resizable(true)
        .default_size(330.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("figure_side_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    editor_ui(ui, ws, sel, state, out);
                    ui.separator();
                    suggestions_ui(ui, ws, state, out);
                });
        });
    table_ui(ui, ws, sel, state, &rows, out);
}

fn filters_ui(ui: &mut Ui, ws: &Workspace, state: &mut FiguresState) {
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
        let units: BTreeSet<&str> = ws
            .figure_rows
            .iter()
            .map(|r| r.figure.unit.as_str())
            .collect();
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
        super::article_filter(ui, "figures_article", &ws.corpus, &mut state.filter.article);
        let label = ui.label("Text");
        ui.add(
            TextEdit::singleline(&mut state.filter.text)
                .hint_text("sentence or label")
                .desired_width(140.0),
        )
        .labelled_by(label.id);
    });
}

/// Indices of the rows passing the filter, sorted; cached per revision, filter and sort.
fn visible_rows(ws: &Workspace, state: &mut FiguresState) -> Vec<usize> {
    if let Some((rev, f, sort, rows)) = &state.cache
        && *rev == ws.revision
        && *f == state.filter
        && *sort == state.sort
    {
        return rows.clone();
    }
    let all = &ws.figure_rows;
    let mut indices: Vec<usize> = (0..all.len())
        .filter(|&i| state.filter.matches(&all[i], sentence_of(ws, &all[i])))
        .collect();
    let (by, descending) = state.sort;
    indices.sort_by(|&a, &b| compare_rows(&all[a], &all[b], by, descending));
    state.cache = Some((
        ws.revision,
        state.filter.clone(),
        state.sort,
        indices.clone(),
    ));
    indices
}

fn sentence_of<'a>(ws: &'a Workspace, row: &FigureRow) -> &'a str {
    ws.corpus
        .get(&row.key.article)
        .and_then(|a| a.slice(row.figure.sentence.0, row.figure.sentence.1))
        .unwrap_or("")
}

fn pick_bar_ui(ui: &mut Ui, ws: &Workspace, state: &mut FiguresState, out: &mut Vec<Command>) {
    let counts = crate::figures::curate::status_counts(&ws.figure_rows);
    ui.horizontal_wrapped(|ui| {
        ui.weak(format!(
            "{} figures · {} accepted · {} rejected · {} new",
            ws.figure_rows.len(),
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
                out.push(Command::SetFigureStatus(
                    keys.clone(),
                    Some(FigureStatus::Accepted),
                ));
            }
            if ui
                .button("Reject")
                .on_hover_text("Reject the picked figures")
                .clicked()
            {
                out.push(Command::SetFigureStatus(
                    keys.clone(),
                    Some(FigureStatus::Rejected),
                ));
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
            out.push(Command::NewSeries {
                name: state.series_name.trim().to_owned(),
                keys: keys.clone(),
            });
            state.series_name.clear();
        }
        if !ws.project.series.is_empty() {
            let label = ui.label("or add to");
            let text = state
                .target_series
                .and_then(|id| ws.project.series_by_id(id))
                .map_or("a series…".to_owned(), |s| s.name.clone());
            ComboBox::from_id_salt("figures_target_series")
                .selected_text(text)
                .show_ui(ui, |ui| {
                    for s in &ws.project.series {
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
                out.push(Command::AddToSeries(id, keys));
            }
        }
    });
}

fn table_ui(
    ui: &mut Ui,
    ws: &Workspace,
    sel: &Selection,
    state: &mut FiguresState,
    rows: &[usize],
    out: &mut Vec<Command>,
) {
    let dark = ui.visuals().dark_mode;
    ui.style_mut().interaction.selectable_labels = false;
    let mut sort_clicked = None;
    TableBuilder::new(ui)
        .id_salt("figures_table")
        .striped(true)
        .sense(egui::Sense::click())
        .column(Column::exact(22.0))
        .column(Column::initial(70.0).clip(true))
        .column(
            Column::initial(120.0)
                .at_least(60.0)
                .clip(true)
                .resizable(true),
        )
        .column(Column::initial(80.0).clip(true).resizable(true))
        .column(Column::initial(80.0).clip(true).resizable(true))
        .column(Column::initial(120.0).clip(true).resizable(true))
        .column(Column::remainder().at_least(200.0).clip(true))
        .header(20.0, |mut header| {
            header.col(|_| {});
            for (title, by) in [
                ("Status", SortBy::Status),
                ("Value", SortBy::Value),
                ("Unit", SortBy::Unit),
                ("Year", SortBy::Year),
                ("Article", SortBy::Place),
            ] {
                header.col(|ui| {
                    ui.horizontal(|ui| {
                        if ui
                            .add(Button::new(RichText::new(title).strong()).frame(false))
                            .on_hover_text(format!("Sort by {}", title.to_lowercase()))
                            .clicked()
                        {
                            sort_clicked = Some(by);
                        }
                        if state.sort.0 == by {
                            sort_arrow(ui, !state.sort.1);
                        }
                    });
                });
            }
            header.col(|ui| {
                ui.strong("Sentence");
            });
        })
        .body(|body| {
            body.rows(24.0, rows.len(), |mut row| {
                let Some(r) = rows.get(row.index()).and_then(|i| ws.figure_rows.get(*i)) else {
                    return;
                };
                row.set_selected(sel.figure.as_ref() == Some(&r.key));
                row.col(|ui| {
                    let mut picked = state.picked.contains(&r.key);
                    let response = ui
                        .add(egui::Checkbox::without_text(&mut picked))
                        .accessible_name(format!(
                            "Pick {} in {}",
                            r.figure.text,
                            r.key.article.file_name()
                        ));
                    if response.changed() {
                        if picked {
                            state.picked.insert(r.key.clone());
                        } else {
                            state.picked.remove(&r.key);
                        }
                    }
                });
                row.col(|ui| {
                    let (text, color) = match r.status {
                        RowStatus::Unreviewed => ("new", ui.visuals().weak_text_color()),
                        RowStatus::Accepted => ("accepted", egui::Color32::from_rgb(90, 170, 90)),
                        RowStatus::Rejected => ("rejected", palette::error(dark)),
                    };
                    ui.colored_label(color, text);
                });
                row.col(|ui| {
                    let mut text = pretty_value(r.figure.value);
                    if r.corrected {
                        text.push_str(" *");
                    }
                    let response = ui.label(text);
                    if r.corrected {
                        response.on_hover_text("Corrected by the analyst");
                    }
                });
                row.col(|ui| {
                    ui.label(if r.figure.unit.is_empty() {
                        "—".to_owned()
                    } else {
                        r.figure.unit.clone()
                    });
                });
                row.col(|ui| {
                    ui.label(r.figure.year.to_string());
                });
                row.col(|ui| {
                    ui.label(r.key.article.file_name());
                });
                row.col(|ui| {
                    ui.label(sentence_job(ui, ws, r, dark));
                });
                if row.response().clicked() {
                    out.push(Command::SelectFigure(r.key.clone()));
                }
            });
        });
    if let Some(by) = sort_clicked {
        state.sort = if state.sort.0 == by {
            (by, !state.sort.1)
        } else {
            (by, false)
        };
    }
}

/// A small triangle pointing up (ascending) or down.
fn sort_arrow(ui: &mut Ui, ascending: bool) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(9.0, 9.0), egui::Sense::hover());
    let c = rect.center();
    let (tip, base) = if ascending {
        (rect.top(), rect.bottom())
    } else {
        (rect.bottom(), rect.top())
    };
    let points = vec![
        egui::pos2(c.x, tip),
        egui::pos2(rect.left(), base),
        egui::pos2(rect.right(), base),
    ];
    ui.painter().add(egui::Shape::convex_polygon(
        points,
        ui.visuals().text_color(),
        egui::Stroke::NONE,
    ));
}

/// The sentence around a figure on one line, the figure in the figure colour.
fn sentence_job(ui: &Ui, ws: &Workspace, r: &FigureRow, dark: bool) -> LayoutJob {
    let font = FontId::proportional(13.0);
    let plain = TextFormat::simple(font.clone(), ui.visuals().text_color());
    let strong = TextFormat::simple(font, palette::figure_text(dark));
    let mut job = LayoutJob::default();
    let Some(article) = ws.corpus.get(&r.key.article) else {
        job.append(&r.figure.text, 0.0, strong);
        return job;
    };
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let before = article
        .slice(r.figure.sentence.0.min(r.figure.start), r.figure.start)
        .unwrap_or("");
    let after = article
        .slice(r.figure.end, r.figure.sentence.1.max(r.figure.end))
        .unwrap_or("");
    let before: String = {
        let b = flat(before);
        let n = b.chars().count();
        if n > 36 {
            format!("…{}", b.chars().skip(n - 36).collect::<String>())
        } else {
            b
        }
    };
    job.append(&before, 0.0, plain.clone());
    job.append(
        &format!(
            " {} ",
            r.figure
                .text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        )
        .replace("  ", " "),
        0.0,
        strong,
    );
    job.append(&flat(after), 0.0, plain);
    job.wrap.max_rows = 1;
    job.wrap.break_anywhere = true;
    job
}

fn editor_ui(
    ui: &mut Ui,
    ws: &Workspace,
    sel: &Selection,
    state: &mut FiguresState,
    out: &mut Vec<Command>,
) {
    let Some(row) = sel
        .figure
        .as_ref()
        .and_then(|k| ws.figure_rows.iter().find(|r| &r.key == k))
    else {
        ui.weak("Click a figure to see its sentence and correct it. Pick figures with the boxes to accept, reject or group them into a series.");
        if sel.text.is_some() {
            add_from_selection_ui(ui, out);
        }
        return;
    };
    let fresh = Draft {
        value: format_value(row.figure.value),
        unit: row.figure.unit.clone(),
        year: row.figure.year.to_string(),
        label: row.label.clone(),
    };
    if state.draft.as_ref().is_none_or(|(k, _)| k != &row.key) {
        state.draft = Some((row.key.clone(), fresh.clone()));
    }
    let Some((_, draft)) = state.draft.as_mut() else {
        return;
    };
    ui.strong(pretty(row.figure.value, &row.figure.unit));
    ui.label(format!("“{}” in {}", row.figure.text, row.key.article));
    if let Some(q) = &row.figure.qualifier {
        ui.weak(format!("Qualifier: {q}"));
    }
    let sentence = sentence_of(ws, row)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    ui.label(RichText::new(sentence).italics());
    ui.add_space(4.0);
    egui::Grid::new("figure_editor")
        .num_columns(2)
        .show(ui, |ui| {
            for (name, field, hint) in [
                ("Value", &mut draft.value, "35000"),
                (
                    "Unit",
                    &mut draft.unit,
                    "USD, hectare, tonne, percent, person…",
                ),
                ("Year", &mut draft.year, "2014, 2004–2009, 2018–"),
                ("Label", &mut draft.label, "what it measures"),
            ] {
                let label = ui.label(name);
                ui.add(
                    TextEdit::singleline(field)
                        .hint_text(hint)
                        .desired_width(180.0),
                )
                .labelled_by(label.id);
                ui.end_row();
            }
        });
    let value = draft.value.trim().replace(',', "").parse::<f64>();
    let year = draft.year.parse::<Year>();
    let changed = *draft != fresh;
    if let Err(e) = &year {
        ui.colored_label(palette::error(ui.visuals().dark_mode), e);
    }
    if value.is_err() {
        ui.colored_label(
            palette::error(ui.visuals().dark_mode),
            "The value must be a number.",
        );
    }
    ui.horizontal_wrapped(|ui| {
        if let (Ok(value), Ok(year)) = (&value, &year)
            && ui
                .add_enabled(changed, Button::new("Save correction"))
                .on_hover_text(
                    "Keep these values (the figure is accepted); they survive re-extraction",
                )
                .clicked()
        {
            out.push(Command::CorrectFigure(
                row.key.clone(),
                Correction {
                    value: *value,
                    unit: draft.unit.clone(),
                    year: *year,
                    kind: row.figure.kind,
                    label: draft.label.clone(),
                },
            ));
        }
        if changed && ui.button("Revert").clicked() {
            *draft = fresh.clone();
        }
        let keys = vec![row.key.clone()];
        if row.status != RowStatus::Accepted && ui.button("Accept").clicked() {
            out.push(Command::SetFigureStatus(
                keys.clone(),
                Some(FigureStatus::Accepted),
            ));
        }
        if row.status != RowStatus::Rejected && ui.button("Reject").clicked() {
            out.push(Command::SetFigureStatus(
                keys.clone(),
                Some(FigureStatus::Rejected),
            ));
        }
        if row.status != RowStatus::Unreviewed && !row.manual && ui.button("Unreview").clicked() {
            out.push(Command::SetFigureStatus(keys, None));
        }
    });
    if !row.series.is_empty() {
        let names: Vec<String> = row
            .series
            .iter()
            .filter_map(|s| ws.project.series_by_id(*s).map(|s| s.name.clone()))
            .collect();
        ui.weak(format!("In series: {}", names.join(", ")));
    }
    if sel.text.is_some() {
        ui.separator();
        add_from_selection_ui(ui, out);
    }
}

fn add_from_selection_ui(ui: &mut Ui, out: &mut Vec<Command>) {
    if ui
        .button("Add selected text as a figure")
        .on_hover_text(
            "The extractor missed a figure? Select its text in the reader and add it here.",
        )
        .clicked()
    {
        out.push(Command::AddFigureFromSelection);
    }
}

fn suggestions_ui(ui: &mut Ui, ws: &Workspace, state: &mut FiguresState, out: &mut Vec<Command>) {
    if state
        .suggestions
        .as_ref()
        .is_none_or(|(rev, _)| *rev != ws.revision)
    {
        let found = suggest(&ws.figure_rows, |r| {
            context_words(sentence_of(ws, r), &r.figure.text)
        });
        state.suggestions = Some((ws.revision, found));
    }
    let Some((_, suggestions)) = &state.suggestions else {
        return;
    };
    egui::CollapsingHeader::new(format!("Suggested series ({})", suggestions.len()))
        .default_open(true)
        .show(ui, |ui| {
            if suggestions.is_empty() {
                ui.weak(
                    "None: figures of one unit with similar sentences would be suggested here.",
                );
            }
            for s in suggestions.iter().take(12) {
                ui.horizontal_wrapped(|ui| {
                    ui.label(format!("{} — {} figures", s.name, s.rows.len()));
                    if ui
                        .small_button("Create")
                        .on_hover_text("Create this series (its figures are accepted)")
                        .clicked()
                    {
                        let keys = s
                            .rows
                            .iter()
                            .filter_map(|i| ws.figure_rows.get(*i))
                            .map(|r| r.key.clone())
                            .collect();
                        out.push(Command::NewSeries {
                            name: s.name.clone(),
                            keys,
                        });
                    }
                    if ui
                        .small_button("Pick")
                        .on_hover_text("Pick these figures to review them first")
                        .clicked()
                    {
                        state.picked = s
                            .rows
                            .iter()
                            .filter_map(|i| ws.figure_rows.get(*i))
                            .map(|r| r.key.clone())
                            .collect();
                        state.series_name = s.name.clone();
                    }
                });
            }
        });
}
