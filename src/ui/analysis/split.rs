//! Splitting the analysis views by article: by each article, or by the value of one of its
//! attributes (outlet, year, country, language, a custom attribute). The theme × article
//! matrix gets one column per value ("themes by year"), the frequency chart's bars are stacked
//! by value. What a split counts is worked out once per change, never per frame.

use std::collections::BTreeMap;

use egui::{ComboBox, Ui};

use super::AnalysisState;
use super::matrix::{ThemeGrid, article_title};
use crate::analysis::by_attribute::{GroupMatrix, Split};
use crate::analysis::matrix::{Measure, cell_passages};
use crate::context::ViewContext;
use crate::corpus::ArticleId;
use crate::project::{PassageId, ThemeId};
use crate::session::Session;
use crate::ui::library_view::GROUP_FIRST;
use crate::ui::theme_chip;

/// What the columns of the matrix, or the segments of the frequency bars, are.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum SplitBy {
    #[default]
    Nothing,
    Article,
    /// The value of this attribute.
    Attribute(String),
}

impl SplitBy {
    fn text(&self) -> &str {
        match self {
            Self::Nothing => "nothing",
            Self::Article => "article",
            Self::Attribute(key) => key,
        }
    }
}

/// A list of what to split by: `with_nothing` offers "nothing" (the frequency chart's
/// single bars), else the choices start at "article".
pub fn split_picker(
    ui: &mut Ui,
    id_salt: &str,
    label: &str,
    ws: &Session,
    split: &mut SplitBy,
    with_nothing: bool,
) {
    if !with_nothing && *split == SplitBy::Nothing {
        *split = SplitBy::Article;
    }
    // A custom attribute removed since it was chosen: back to the articles.
    if let SplitBy::Attribute(key) = split
        && !ws.project().attributes.names().contains(&key.as_str())
    {
        *split = if with_nothing {
            SplitBy::Nothing
        } else {
            SplitBy::Article
        };
    }
    let label = ui.label(label);
    let mut choices = Vec::new();
    if with_nothing {
        choices.push(SplitBy::Nothing);
    }
    choices.push(SplitBy::Article);
    // What analysts split by first (outlet, country, year, language), then the rest; never
    // the title, which every article has its own of.
    let names = ws.project().attributes.names();
    let first = GROUP_FIRST.iter().copied().filter(|k| names.contains(k));
    let rest = names
        .iter()
        .copied()
        .filter(|k| !GROUP_FIRST.contains(k) && *k != "title");
    choices.extend(first.chain(rest).map(|k| SplitBy::Attribute(k.to_owned())));
    ComboBox::from_id_salt(id_salt)
        .height(crate::ui::only::LIST_HEIGHT)
        .selected_text(split.text().to_owned())
        .show_ui(ui, |ui| {
            for c in choices {
                let text = c.text().to_owned();
                ui.selectable_value(split, c, text);
            }
        })
        .response
        .labelled_by(label.id);
}

/// Passages per theme, stacked: the segments' labels, and each theme's count per segment.
#[derive(Clone, Debug, Default)]
pub struct Stacks {
    pub labels: Vec<String>,
    pub rows: Vec<(ThemeId, Vec<usize>)>,
}

/// The frequency chart's stacks for `split` (one segment per theme when not split).
pub fn stacks(ws: &Session, split: &SplitBy, per_article: &super::Frequencies) -> Stacks {
    match split {
        SplitBy::Nothing | SplitBy::Article => {
            let articles: Vec<&ArticleId> = per_article
                .iter()
                .flat_map(|(_, per)| per.keys())
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            let rows = per_article
                .iter()
                .map(|(t, per)| {
                    let counts = articles
                        .iter()
                        .map(|a| per.get(*a).copied().unwrap_or(0))
                        .collect();
                    (*t, counts)
                })
                .collect();
            Stacks {
                labels: articles.iter().map(|a| article_title(ws, a)).collect(),
                rows,
            }
        }
        SplitBy::Attribute(key) => {
            let split = Split::new(ws.corpus(), &ws.project().attributes, key);
            let per_group: Vec<(ThemeId, BTreeMap<String, usize>)> =
                split.frequencies(ws.project(), ws.corpus());
            let labels: Vec<String> = split
                .groups
                .iter()
                .filter(|(label, _)| per_group.iter().any(|(_, per)| per.contains_key(label)))
                .map(|(label, _)| label.clone())
                .collect();
            let rows = per_group
                .iter()
                .map(|(t, per)| {
                    let counts = labels
                        .iter()
                        .map(|l| per.get(l).copied().unwrap_or(0))
                        .collect();
                    (*t, counts)
                })
                .collect();
            Stacks { labels, rows }
        }
    }
}

/// The matrix with a column per value of `key`, and the articles of each value.
pub(super) fn group_matrix(ws: &Session, key: &str, measure: Measure) -> (GroupMatrix, Split) {
    let split = Split::new(ws.corpus(), &ws.project().attributes, key);
    (split.matrix(ws.project(), ws.corpus(), measure), split)
}

/// The theme × value grid; a click on a cell lists the theme's passages in that value's
/// articles beside it.
pub(super) fn group_matrix_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &mut AnalysisState) {
    let ws = cx.session;
    let SplitBy::Attribute(key) = state.matrix_columns.clone() else {
        return;
    };
    let selected = state.group_cell.clone();
    let (m, split) = state.group_matrix(ws, &key);
    egui::Panel::right("group_matrix_side")
        .resizable(true)
        .default_size(320.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("group_matrix_side_scroll")
                .show(ui, |ui| match &selected {
                    Some((t, label)) => {
                        ui.horizontal(|ui| theme_chip(ui, ws.project(), *t));
                        ui.weak(format!("in the articles whose {key} is {label}"));
                        let ids: Vec<PassageId> = split
                            .groups
                            .iter()
                            .filter(|(l, _)| l == label)
                            .flat_map(|(_, articles)| articles.iter())
                            .flat_map(|a| cell_passages(ws.project(), *t, a))
                            .map(|p| p.id)
                            .collect();
                        super::passage_list(ui, cx, &ids);
                    }
                    None => {
                        ui.weak("Click a cell to list its passages.");
                    }
                });
        });
    let headers: Vec<String> = m
        .groups
        .iter()
        .zip(&split.groups)
        .map(|(label, (_, ids))| format!("{label} ({})", ids.len()))
        .collect();
    let on = selected
        .as_ref()
        .and_then(|(t, label)| Some((*t, m.groups.iter().position(|g| g == label)?)));
    let grid = ThemeGrid {
        id: "group_matrix",
        headers: &headers,
        themes: &m.themes,
        cells: &m.cells,
        column_totals: false,
    };
    let clicked = grid
        .show(ui, ws, on, |name, c, v| {
            format!("{name} where {key} is {}: {v}", m.groups[c])
        })
        .map(|(t, c)| (t, m.groups[c].clone()));
    if clicked.is_some() {
        state.group_cell = clicked;
    }
}
