//! The network pane: actors as nodes (sized by mentions, coloured by kind), the sentences that
//! tie two of them as edges (weighted by sentences, coloured by their most frequent theme),
//! filtered by kind, theme, article and year; a graph (drawn in [`super::graph`]) or an
//! actor × actor matrix of the same counts. A click on a node opens its actor in the Actors
//! pane; a click on an edge or a cell lists its sentences, each one click from the reader.

use std::collections::BTreeSet;

use egui::{ComboBox, Ui, UiBuilder, Vec2};

use crate::actors::layout::Layout;
use crate::actors::{ActorId, ActorKind, Network, NetworkFilter, Relation};
use crate::context::{SelectCommand, Tab, UiCommand, ViewContext};
use crate::corpus::ArticleId;
use crate::project::ThemeId;
use crate::session::TextRange;

use super::{ActorsState, KINDS};

/// The network's view state: filters, the network they give and its layout (computed once per
/// change of the data or the filters), the view's pan and zoom, the picked edge.
pub struct NetworkState {
    /// Kinds not shown.
    pub hidden: BTreeSet<ActorKind>,
    pub theme: Option<ThemeId>,
    pub article: Option<ArticleId>,
    pub year: Option<i32>,
    /// Count people and bodies for their country.
    pub by_country: bool,
    /// Show only the edges among this many most mentioned actors.
    pub top: usize,
    /// The matrix instead of the graph.
    pub matrix: bool,
    /// The picked edge (a < b).
    pub edge: Option<(ActorId, ActorId)>,
    pub(super) pan: Vec2,
    pub(super) zoom: f32,
    built: Option<Built>,
}

impl Default for NetworkState {
    fn default() -> Self {
        Self {
            hidden: BTreeSet::new(),
            theme: None,
            article: None,
            year: None,
            by_country: false,
            top: 40,
            matrix: false,
            edge: None,
            pan: Vec2::ZERO,
            zoom: 1.0,
            built: None,
        }
    }
}

/// A network and its layout, for one revision and filter.
pub(super) struct Built {
    revision: u64,
    filter: NetworkFilter,
    pub(super) net: Network,
    pub(super) layout: Layout,
}

/// The number of layout steps run at once when the network changes: enough for the layout to
/// cool to still (it cools by 5% a step from 0.1 to 1e-4).
const LAYOUT_STEPS: usize = 400;

impl NetworkState {
    fn filter(&self) -> NetworkFilter {
        NetworkFilter {
            theme: self.theme,
            years: self.year.map(|y| (y, y)),
            articles: self.article.clone().map(|a| BTreeSet::from([a])),
            kinds: (!self.hidden.is_empty()).then(|| {
                KINDS
                    .into_iter()
                    .filter(|k| !self.hidden.contains(k))
                    .collect()
            }),
            by_country: self.by_country,
            top: Some(self.top),
        }
    }

    /// The network for the session's revision and the filters, built and laid out when either
    /// changed (the layout keeps the places of the nodes it already had).
    fn sync(&mut self, cx: &ViewContext<'_>) {
        let (revision, filter) = (cx.session.revision(), self.filter());
        if self
            .built
            .as_ref()
            .is_some_and(|b| b.revision == revision && b.filter == filter)
        {
            return;
        }
        let net = Network::build(cx.session.actors(), cx.session.actor_relations(), &filter);
        let mut layout = self
            .built
            .take()
            .map_or_else(|| Layout::new(14), |b| b.layout);
        layout.sync(&net);
        layout.step(&net, LAYOUT_STEPS);
        if let Some((a, b)) = &self.edge
            && !net.edges.iter().any(|e| e.a == *a && e.b == *b)
        {
            self.edge = None;
        }
        self.built = Some(Built {
            revision,
            filter,
            net,
            layout,
        });
    }
}

/// Width of the list of the picked edge's sentences, right of the graph.
const LIST_WIDTH: f32 = 380.0;

pub fn network_ui(ui: &mut Ui, cx: &ViewContext<'_>, actors: &mut ActorsState) {
    let state = &mut actors.network;
    filters_ui(ui, cx, state);
    state.sync(cx);
    let Some(built) = state.built.as_ref() else {
        return;
    };
    ui.weak(format!(
        "{} actor(s), {} link(s). Drag to move, scroll to zoom; click an actor to open it, a link for its sentences.",
        built.net.nodes.len(),
        built.net.edges.len()
    ));
    let rect = ui.available_rect_before_wrap();
    let list_width = LIST_WIDTH.min(rect.width() * 0.4);
    let (left, right) = rect.split_left_right_at_x(rect.right() - list_width);
    let mut picked: Option<ActorId> = None;
    ui.scope_builder(UiBuilder::new().max_rect(left.shrink(2.0)), |ui| {
        if state.matrix {
            super::matrix::matrix_ui(ui, cx, state);
        } else {
            picked = super::graph::graph_ui(ui, cx, state);
        }
    });
    ui.scope_builder(UiBuilder::new().max_rect(right.shrink(4.0)), |ui| {
        edge_list_ui(ui, cx, state);
    });
    ui.advance_cursor_after_rect(rect);
    if let Some(id) = picked {
        if let Some(actor) = cx.session.actors().actor(&id) {
            actors.rename = actor.name.clone();
        }
        actors.selected = Some(id);
        actors.merge_into = None;
        cx.send(UiCommand::ShowTab(Tab::Actors));
    }
}

pub(super) fn built(state: &NetworkState) -> Option<&Built> {
    state.built.as_ref()
}

fn filters_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &mut NetworkState) {
    let relations = cx.session.actor_relations();
    ui.horizontal_wrapped(|ui| {
        ui.selectable_value(&mut state.matrix, false, "Graph");
        ui.selectable_value(&mut state.matrix, true, "Matrix");
        ui.separator();
        for k in KINDS {
            let mut shown = !state.hidden.contains(&k);
            let text = egui::RichText::new(k.as_str()).color(super::super::palette::actor_kind(k));
            if ui.checkbox(&mut shown, text).changed() {
                if shown {
                    state.hidden.remove(&k);
                } else {
                    state.hidden.insert(k);
                }
            }
        }
        ui.checkbox(&mut state.by_country, "by country")
            .on_hover_text("Count a person or an organisation for its country");
        ui.separator();
        theme_filter_ui(ui, cx, state);
        article_filter_ui(ui, state, relations);
        year_filter_ui(ui, state, relations);
        let label = ui.label("Top");
        ui.add(egui::DragValue::new(&mut state.top).range(2..=500))
            .labelled_by(label.id)
            .on_hover_text("Show the links among this many most mentioned actors");
    });
}

fn theme_filter_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &mut NetworkState) {
    let project = cx.session.project();
    let label = ui.label("Theme");
    let shown = state
        .theme
        .and_then(|t| project.theme(t))
        .map_or("any".to_owned(), |t| t.name.clone());
    ComboBox::from_id_salt("network_theme")
        .selected_text(shown)
        .height(300.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut state.theme, None, "any");
            for t in &project.themes {
                ui.selectable_value(&mut state.theme, Some(t.id), &t.name);
            }
        })
        .response
        .labelled_by(label.id);
}

fn article_filter_ui(ui: &mut Ui, state: &mut NetworkState, relations: &[Relation]) {
    let mut articles: Vec<&ArticleId> = relations.iter().map(|r| &r.article).collect();
    articles.dedup();
    let label = ui.label("Article");
    ComboBox::from_id_salt("network_article")
        .selected_text(state.article.as_ref().map_or("any", |a| a.file_name()))
        .height(300.0)
        .width(160.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut state.article, None, "any");
            for a in articles {
                ui.selectable_value(&mut state.article, Some(a.clone()), a.file_name());
            }
        })
        .response
        .labelled_by(label.id);
}

fn year_filter_ui(ui: &mut Ui, state: &mut NetworkState, relations: &[Relation]) {
    let years: BTreeSet<i32> = relations.iter().filter_map(|r| r.year).collect();
    if years.is_empty() {
        return;
    }
    let label = ui.label("Year");
    ComboBox::from_id_salt("network_year")
        .selected_text(state.year.map_or("any".to_owned(), |y| y.to_string()))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut state.year, None, "any");
            for y in years {
                ui.selectable_value(&mut state.year, Some(y), y.to_string());
            }
        })
        .response
        .labelled_by(label.id);
}

/// The picked edge's sentences, one per row; a click opens the sentence in the reader.
fn edge_list_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &NetworkState) {
    let Some(built) = state.built.as_ref() else {
        return;
    };
    let edge = state
        .edge
        .as_ref()
        .and_then(|(a, b)| built.net.edges.iter().find(|e| e.a == *a && e.b == *b));
    let Some(edge) = edge else {
        ui.weak(
            "Click a link (or a cell of the matrix) to list the sentences that tie its two actors.",
        );
        return;
    };
    let name = |id: &ActorId| {
        built
            .net
            .node(id)
            .map_or(id.0.clone(), |n| n.actor.name.clone())
    };
    ui.strong(format!("{} — {}", name(&edge.a), name(&edge.b)));
    let all = cx.session.actor_relations();
    let mut rows: Vec<&Relation> = edge.relations.iter().filter_map(|&i| all.get(i)).collect();
    rows.dedup_by(|x, y| x.article == y.article && x.start == y.start);
    ui.weak(format!("{} sentence(s)", rows.len()));
    egui::ScrollArea::vertical()
        .id_salt("network_sentences")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for r in rows {
                let sentence = cx
                    .session
                    .corpus()
                    .get(&r.article)
                    .and_then(|a| a.slice(r.start, r.end))
                    .unwrap_or("");
                let arrow = if r.directed {
                    format!("{} to {}", name(&r.a), name(&r.b))
                } else {
                    r.kind.clone()
                };
                ui.weak(format!("{} · {arrow}", r.article.file_name()));
                let text = super::super::quote_preview(sentence, 300);
                if ui
                    .add(egui::Button::new(text).wrap().frame(false))
                    .on_hover_text("Read the sentence")
                    .clicked()
                {
                    cx.send(SelectCommand::ShowRange(TextRange {
                        article: r.article.clone(),
                        start: r.start,
                        end: r.end,
                    }));
                }
                ui.separator();
            }
        });
}
