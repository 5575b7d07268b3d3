//! What is under the pointer in the reader: the passages (shortest first) and the figure there,
//! shown on hover; a click selects the passage (again: the next overlapping one) and the figure.

use egui::{Pos2, Response, Ui};

use super::layout::Layout;
use crate::actors::Actor;
use crate::context::{CoderView, SelectCommand, ViewContext};
use crate::corpus::ArticleId;
use crate::figures::curation::{FigureRow, RowStatus};
use crate::project::PassageId;
use crate::session::Session;
use crate::ui::theme_chip;

/// Hover and click on the article text (`page_start`: where the page shown starts;
/// `selecting`: text is selected, so a click is not a pick).
pub(super) fn pointer_ui(
    cx: &ViewContext<'_>,
    response: &Response,
    layout: &Layout,
    origin: Pos2,
    (article, page_start): (&ArticleId, usize),
    (selecting, show_actors): (bool, bool),
) {
    let (ws, sel) = (cx.session, cx.selection);
    let at = |pos: Pos2| layout.galley.cursor_from_pos(pos - origin).index.0 + page_start;
    // Hover: which passages and figure are under the pointer.
    if let Some(pos) = response.hover_pos().filter(|_| !response.dragged()) {
        let at = at(pos);
        let under = passages_at(ws, sel.coders, article, at);
        let figure = ws.figure_at(article, at);
        let actor = show_actors.then(|| actor_at(ws, article, at)).flatten();
        if !under.is_empty() || figure.is_some() || actor.is_some() {
            response.clone().on_hover_ui_at_pointer(|ui| {
                if let Some(a) = actor {
                    actor_hover_ui(ui, a);
                    if figure.is_some() || !under.is_empty() {
                        ui.separator();
                    }
                }
                if let Some(row) = figure {
                    figure_hover_ui(ui, row);
                    if !under.is_empty() {
                        ui.separator();
                    }
                }
                if !under.is_empty() {
                    hover_ui(ui, ws, &under);
                }
            });
        }
    }
    // A click (not a drag-select) on a highlight selects its passage; on a figure, the figure
    // (for the Figures tab).
    let click = response
        .interact_pointer_pos()
        .filter(|_| response.clicked() && !selecting);
    if let Some(pos) = click {
        let at = at(pos);
        let under = passages_at(ws, sel.coders, article, at);
        // Repeated clicks cycle through overlapping passages, shortest first.
        let next = match sel.passage.and_then(|p| under.iter().position(|u| *u == p)) {
            Some(i) => under.get((i + 1) % under.len()).copied(),
            None => under.first().copied(),
        };
        match next {
            Some(p) => cx.send(SelectCommand::Passage(p)),
            None if sel.passage.is_some() => cx.send(SelectCommand::DeselectPassage),
            None => {}
        }
        if let Some(row) = ws.figure_at(article, at) {
            cx.send(SelectCommand::PickFigure(row.key.clone()));
        }
    }
}

/// Passages of `article` covering code point `at`, shortest first.
fn passages_at(ws: &Session, coders: CoderView, article: &ArticleId, at: usize) -> Vec<PassageId> {
    let Some(index) = ws.passage_index(article) else {
        return Vec::new();
    };
    let (project, problems) = (ws.project(), ws.problems());
    let mut hits: Vec<(usize, PassageId)> = index
        .covering(at)
        .filter_map(|(_, id)| project.passages.get(id))
        .filter(|p| coders.shows(p.coder))
        .filter(|p| !problems.contains_key(&p.id))
        .map(|p| (p.char_len(), p.id))
        .collect();
    hits.sort();
    hits.into_iter().map(|(_, id)| id).collect()
}

/// The actor of the mention covering code point `at`.
fn actor_at<'w>(ws: &'w Session, article: &ArticleId, at: usize) -> Option<&'w Actor> {
    let resolved = ws.actors();
    let m = resolved
        .mentions
        .get(article)?
        .iter()
        .find(|m| m.start <= at && at < m.end)?;
    resolved.actor(&m.actor)
}

fn actor_hover_ui(ui: &mut Ui, a: &Actor) {
    ui.horizontal(|ui| {
        crate::ui::swatch(ui, crate::ui::palette::actor_kind(a.kind));
        ui.strong(&a.name);
    });
    let country = a.country.as_deref().unwrap_or("country unknown");
    ui.weak(format!("Actor · {} · {country}", a.kind.as_str()));
}

fn figure_hover_ui(ui: &mut Ui, row: &FigureRow) {
    ui.strong(crate::ui::figures::pretty(
        row.figure.value,
        &row.figure.unit,
    ));
    let year = if row.figure.year.is_none() {
        "no year stated".to_owned()
    } else {
        format!("year {}", row.figure.year)
    };
    let status = match row.status {
        RowStatus::Unreviewed => "not reviewed",
        RowStatus::Accepted => "accepted",
        RowStatus::Rejected => "rejected",
    };
    ui.weak(format!("Figure · {year} · {status}"));
}

fn hover_ui(ui: &mut Ui, ws: &Session, passages: &[PassageId]) {
    ui.set_max_width(360.0);
    for (i, id) in passages.iter().enumerate() {
        let Some(p) = ws.project().passages.get(id) else {
            continue;
        };
        if i > 0 {
            ui.separator();
        }
        ui.horizontal_wrapped(|ui| {
            for t in &p.themes {
                theme_chip(ui, ws.project(), *t);
            }
        });
        if !ws.project().has_implicit_coder() {
            ui.weak(format!("by {}", ws.project().coder_name(p.coder)));
        }
        if !p.note.is_empty() {
            ui.label(&p.note);
        }
    }
    ui.weak("Click to select; click again for an overlapping passage.");
}
