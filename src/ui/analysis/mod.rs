//! The analysis tabs: theme × article matrix, theme co-occurrence, theme frequencies, and
//! retrieval of the passages of chosen themes. Each can be exported as CSV. Headers and bars
//! carry full names (rotated or cut with the rest on hover), never clipped file names.

mod cooccurrence;
mod frequency;
mod labels;
mod matrix;
mod retrieval;
mod split;

use std::collections::{BTreeMap, BTreeSet};

use egui::{Align2, FontId, Sense, Ui, Vec2};

pub use self::cooccurrence::cooccurrence_ui;
pub use self::frequency::frequency_ui;
pub use self::matrix::matrix_ui;
pub use self::retrieval::retrieval_ui;
pub use self::split::SplitBy;
use super::{palette, quote_preview, swatch};
use crate::analysis::by_attribute::{GroupMatrix, Split};
use crate::analysis::matrix::{
    Matrix, Measure, Meeting, cooccurrence, frequencies, retrieve, theme_article,
};
use crate::context::{SelectCommand, ViewContext};
use crate::corpus::ArticleId;
use crate::project::{PassageId, ThemeId};
use crate::session::Session;

pub(super) type Pairs = BTreeMap<(ThemeId, ThemeId), Vec<Meeting>>;

#[derive(Default)]
pub struct AnalysisState {
    pub measure: Measure,
    pub(super) cell: Option<(ThemeId, ArticleId)>,
    pub(super) pair: Option<(ThemeId, ThemeId)>,
    /// What the frequency bars are stacked by.
    pub frequency_split: SplitBy,
    /// The matrix's columns: each article, or the values of an attribute.
    pub matrix_columns: SplitBy,
    pub(super) group_cell: Option<(ThemeId, String)>,
    /// (revision, attribute, measure) → the matrix by attribute value.
    group_matrix: Option<(u64, String, Measure, (GroupMatrix, Split))>,
    /// (revision, split) → the frequency stacks.
    stacks: Option<(u64, SplitBy, split::Stacks)>,
    pub retrieve_themes: BTreeSet<ThemeId>,
    pub retrieve_all: bool,
    matrix: Option<(u64, Measure, Matrix)>,
    pairs: Option<(u64, Pairs)>,
    frequencies: Option<(u64, Frequencies)>,
    /// (revision, themes, all of them) → the passages retrieved, in reading order.
    retrieved: Option<(u64, BTreeSet<ThemeId>, bool, Vec<PassageId>)>,
}

/// Passages per theme, split by article.
pub(super) type Frequencies = Vec<(ThemeId, BTreeMap<ArticleId, usize>)>;

impl AnalysisState {
    pub(super) fn matrix(&mut self, ws: &Session) -> &Matrix {
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

    pub(super) fn group_matrix(&mut self, ws: &Session, key: &str) -> &(GroupMatrix, Split) {
        let measure = self.measure;
        if self
            .group_matrix
            .as_ref()
            .is_some_and(|(rev, k, m, _)| *rev != ws.revision() || k != key || *m != measure)
        {
            self.group_matrix = None;
        }
        &self
            .group_matrix
            .get_or_insert_with(|| {
                let built = split::group_matrix(ws, key, measure);
                (ws.revision(), key.to_owned(), measure, built)
            })
            .3
    }

    pub(super) fn stacks(&mut self, ws: &Session) -> &split::Stacks {
        let split = self.frequency_split.clone();
        let fresh = self
            .stacks
            .as_ref()
            .is_some_and(|(rev, s, _)| *rev == ws.revision() && *s == split);
        if !fresh {
            let stacks = split::stacks(ws, &split, self.frequencies(ws));
            self.stacks = Some((ws.revision(), split, stacks));
        }
        &self.stacks.get_or_insert_with(Default::default).2
    }

    pub(super) fn frequencies(&mut self, ws: &Session) -> &Frequencies {
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
    pub(super) fn retrieved(&mut self, ws: &Session) -> Vec<PassageId> {
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

    pub(super) fn pairs(&mut self, ws: &Session) -> &Pairs {
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
pub(super) fn cell(
    ui: &mut Ui,
    value: usize,
    max: usize,
    selected: bool,
    name: String,
) -> egui::Response {
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

pub(super) fn passage_list(ui: &mut Ui, cx: &ViewContext<'_>, ids: &[PassageId]) {
    let ws = cx.session;
    for id in ids {
        let Some(p) = ws.project().passages.get(id) else {
            continue;
        };
        ui.horizontal_wrapped(|ui| {
            for t in &p.themes {
                if let Some(theme) = ws.project().theme(*t) {
                    swatch(ui, palette::theme(theme.color, ui.visuals().dark_mode));
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
