//! The actors pane: every actor the articles mention (countries, organisations, people) with
//! its mention and article counts, filtered by kind and name; the selected actor's mentions by
//! article (a click opens the article) and its corrections — rename, re-kind, merge into
//! another actor — sent as undoable intents. The relations pane is in [`relations`], the
//! network and matrix views in [`network`].

mod flows;
mod graph;
mod matrix;
pub mod network;
pub mod relations;

use egui::{ComboBox, TextEdit, Ui};
use egui_extras::{Column, TableBuilder};

use crate::actors::{ActorId, ActorKind};
use crate::context::{SelectCommand, Tab, UiCommand, ViewContext};
use crate::session::ActorIntent;

const KINDS: [ActorKind; 3] = [ActorKind::Country, ActorKind::Org, ActorKind::Person];

/// (revision, kind filter, text filter) → (actor, mentions, articles) rows of the index.
type IndexCache = (u64, Option<ActorKind>, String, Vec<(ActorId, usize, usize)>);

/// The actors and relations panes' view state.
#[derive(Default)]
pub struct ActorsState {
    pub kind: Option<ActorKind>,
    pub text: String,
    pub selected: Option<ActorId>,
    /// The name being typed for the selected actor.
    rename: String,
    merge_into: Option<ActorId>,
    /// (revision, kind, text) → rows: (actor, mentions, articles).
    cache: Option<IndexCache>,
    pub relations: relations::RelationsState,
    pub network: network::NetworkState,
}

pub fn actors_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &mut ActorsState) {
    filters_ui(ui, state);
    let rows = rows(cx, state);
    let total = cx.session.actors().actors.len();
    ui.weak(format!("{} of {total} actor(s)", rows.len()));
    ui.columns(2, |cols| {
        table_ui(&mut cols[0], cx, state, &rows);
        egui::ScrollArea::vertical()
            .id_salt("actor_detail")
            .auto_shrink([false, false])
            .show(&mut cols[1], |ui| detail_ui(ui, cx, state));
    });
}

fn filters_ui(ui: &mut Ui, state: &mut ActorsState) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Kind");
        ComboBox::from_id_salt("actors_kind")
            .selected_text(state.kind.map_or("any", ActorKind::as_str))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.kind, None, "any");
                for k in KINDS {
                    ui.selectable_value(&mut state.kind, Some(k), k.as_str());
                }
            })
            .response
            .labelled_by(label.id);
        let label = ui.label("Name");
        ui.add(
            TextEdit::singleline(&mut state.text)
                .hint_text("part of a name")
                .desired_width(160.0),
        )
        .labelled_by(label.id);
    });
}

/// The actors matching the filters, most mentioned first (memoised by revision and filter).
fn rows(cx: &ViewContext<'_>, state: &mut ActorsState) -> Vec<(ActorId, usize, usize)> {
    let rev = cx.session.revision();
    if let Some((r, k, t, rows)) = &state.cache
        && *r == rev
        && *k == state.kind
        && *t == state.text
    {
        return rows.clone();
    }
    let resolved = cx.session.actors();
    let by_article = resolved.counts_by_article();
    let needle = state.text.trim().to_lowercase();
    let mut rows: Vec<(ActorId, usize, usize)> = resolved
        .actors
        .values()
        .filter(|a| state.kind.is_none_or(|k| a.kind == k))
        .filter(|a| needle.is_empty() || a.name.to_lowercase().contains(&needle))
        .map(|a| {
            let per = by_article.get(&a.id);
            let mentions = per.map_or(0, |p| p.values().sum());
            (a.id.clone(), mentions, per.map_or(0, |p| p.len()))
        })
        .filter(|r| r.1 > 0)
        .collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    state.cache = Some((rev, state.kind, state.text.clone(), rows.clone()));
    rows
}

fn table_ui(
    ui: &mut Ui,
    cx: &ViewContext<'_>,
    state: &mut ActorsState,
    rows: &[(ActorId, usize, usize)],
) {
    let resolved = cx.session.actors();
    ui.style_mut().interaction.selectable_labels = false;
    TableBuilder::new(ui)
        // The table's 200-point default minimum would push the lower panel up over the
        // reader in a small window; the table scrolls instead.
        .min_scrolled_height(crate::ui::MIN_TABLE_HEIGHT)
        .id_salt("actors_table")
        .striped(true)
        .sense(egui::Sense::click())
        .column(Column::remainder().at_least(120.0).clip(true))
        .columns(Column::initial(64.0).at_least(40.0).clip(true), 4)
        .header(20.0, |mut header| {
            for title in ["Actor", "Kind", "Country", "Mentions", "Articles"] {
                header.col(|ui| {
                    ui.strong(title);
                });
            }
        })
        .body(|body| {
            body.rows(22.0, rows.len(), |mut row| {
                let Some((id, mentions, articles)) = rows.get(row.index()) else {
                    return;
                };
                let Some(actor) = resolved.actor(id) else {
                    return;
                };
                row.set_selected(state.selected.as_ref() == Some(id));
                row.col(|ui| {
                    ui.horizontal(|ui| {
                        super::swatch(ui, super::palette::actor_kind(actor.kind));
                        ui.label(&actor.name);
                    });
                });
                row.col(|ui| {
                    ui.label(actor.kind.as_str());
                });
                row.col(|ui| {
                    ui.label(actor.country.as_deref().unwrap_or("—"));
                });
                row.col(|ui| {
                    ui.label(mentions.to_string());
                });
                row.col(|ui| {
                    ui.label(articles.to_string());
                });
                if row.response().clicked() {
                    state.selected = Some(id.clone());
                    state.rename = actor.name.clone();
                    state.merge_into = None;
                }
            });
        });
}

/// The selected actor: its corrections and its mentions by article.
fn detail_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &mut ActorsState) {
    let resolved = cx.session.actors();
    let Some(actor) = state.selected.as_ref().and_then(|id| resolved.actor(id)) else {
        ui.weak("Select an actor to see where it is mentioned and to correct it.");
        return;
    };
    let id = actor.id.clone();
    ui.heading(&actor.name);
    ui.weak(format!("id {}", actor.id));
    if let Some(org) = actor.org.as_ref().and_then(|o| resolved.actor(o)) {
        ui.label(format!("Speaks for {}", org.name));
    }
    ui.horizontal(|ui| {
        let label = ui.label("Name");
        ui.add(TextEdit::singleline(&mut state.rename).desired_width(180.0))
            .labelled_by(label.id);
        let changed = state.rename.trim() != actor.name && !state.rename.trim().is_empty();
        if ui
            .add_enabled(changed, egui::Button::new("Rename"))
            .clicked()
        {
            cx.send(ActorIntent::Rename {
                id: id.clone(),
                name: state.rename.trim().to_owned(),
            });
        }
    });
    ui.horizontal(|ui| {
        let label = ui.label("Kind");
        let mut kind = actor.kind;
        ComboBox::from_id_salt("actor_rekind")
            .selected_text(kind.as_str())
            .show_ui(ui, |ui| {
                for k in KINDS {
                    ui.selectable_value(&mut kind, k, k.as_str());
                }
            })
            .response
            .labelled_by(label.id);
        if kind != actor.kind {
            cx.send(ActorIntent::Rekind {
                id: id.clone(),
                kind,
            });
        }
    });
    merge_ui(ui, cx, state, &id);
    if ui.button("Show its relations").clicked() {
        state.relations.actor = Some(id.clone());
        cx.send(UiCommand::ShowTab(Tab::Relations));
    }
    ui.separator();
    ui.strong("Mentions by article");
    let by_article = resolved.counts_by_article();
    for (article, n) in by_article.get(&id).into_iter().flatten() {
        let text = format!("{}  ({n})", article.file_name());
        if ui.link(text).clicked() {
            let first = resolved
                .mentions
                .get(*article)
                .and_then(|list| list.iter().find(|m| m.actor == id));
            match first {
                Some(m) => cx.send(SelectCommand::ShowRange(crate::session::TextRange {
                    article: (*article).clone(),
                    start: m.start,
                    end: m.end,
                })),
                None => cx.send(SelectCommand::OpenArticle((*article).clone())),
            }
        }
    }
}

/// "Merge into": pick another actor of the same kind, then merge.
fn merge_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &mut ActorsState, id: &ActorId) {
    let resolved = cx.session.actors();
    let Some(actor) = resolved.actor(id) else {
        return;
    };
    ui.horizontal(|ui| {
        let label = ui.label("Merge into");
        let shown = state
            .merge_into
            .as_ref()
            .and_then(|m| resolved.actor(m))
            .map_or("(pick an actor)".to_owned(), |a| a.name.clone());
        ComboBox::from_id_salt("actor_merge_into")
            .selected_text(shown)
            .height(300.0)
            .show_ui(ui, |ui| {
                for other in resolved.actors.values() {
                    if other.id != *id && other.kind == actor.kind {
                        ui.selectable_value(
                            &mut state.merge_into,
                            Some(other.id.clone()),
                            &other.name,
                        );
                    }
                }
            })
            .response
            .labelled_by(label.id);
        let target = state.merge_into.clone().filter(|m| m != id);
        if ui
            .add_enabled(target.is_some(), egui::Button::new("Merge"))
            .on_hover_text("Every mention of this actor counts for the other (undoable)")
            .clicked()
            && let Some(into) = target
        {
            cx.send(ActorIntent::Merge {
                from: id.clone(),
                into: into.clone(),
            });
            state.selected = Some(into);
            state.merge_into = None;
        }
    });
}
