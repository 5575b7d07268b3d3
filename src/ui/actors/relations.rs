//! The relations pane: every sentence that ties two actors, with its cue type and direction
//! (supplier → buyer), its article and its text, filtered by actor and type; a click opens the
//! sentence in the reader. Above them, the figures of each supplier → buyer pair
//! ([`super::flows`]).

use egui::{ComboBox, Ui};
use egui_extras::{Column, TableBuilder};

use crate::actors::{ActorId, Relation};
use crate::context::{SelectCommand, ViewContext};
use crate::session::TextRange;

/// The relations pane's filters.
#[derive(Default)]
pub struct RelationsState {
    /// Only relations of this actor.
    pub actor: Option<ActorId>,
    /// Only relations of this type ("sale", "training", …).
    pub kind: Option<String>,
    /// Figures by supplier → buyer pair.
    pub flows: super::flows::FlowsState,
}

pub fn relations_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &mut RelationsState) {
    let all = cx.session.actor_relations();
    egui::CollapsingHeader::new("Figures by pair: supplier to buyer")
        .id_salt("flows_header")
        .show(ui, |ui| {
            super::flows::flows_ui(ui, cx, &mut state.flows, all)
        });
    filters_ui(ui, cx, state, all);
    let rows: Vec<&Relation> = all
        .iter()
        .filter(|r| state.actor.as_ref().is_none_or(|a| r.a == *a || r.b == *a))
        .filter(|r| state.kind.as_ref().is_none_or(|k| r.kind == *k))
        .collect();
    ui.weak(format!("{} of {} relation(s)", rows.len(), all.len()));
    table_ui(ui, cx, &rows);
}

fn filters_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &mut RelationsState, all: &[Relation]) {
    let resolved = cx.session.actors();
    let name = |id: &ActorId| resolved.actor(id).map_or(id.0.clone(), |a| a.name.clone());
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Actor");
        let mut tied: Vec<&ActorId> = all.iter().flat_map(|r| [&r.a, &r.b]).collect();
        tied.sort_by_key(|id| name(id).to_lowercase());
        tied.dedup();
        ComboBox::from_id_salt("relations_actor")
            .selected_text(state.actor.as_ref().map_or("any".to_owned(), name))
            .height(300.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.actor, None, "any");
                for id in tied {
                    ui.selectable_value(&mut state.actor, Some(id.clone()), name(id));
                }
            })
            .response
            .labelled_by(label.id);
        let label = ui.label("Type");
        let mut kinds: Vec<&str> = all.iter().map(|r| r.kind.as_str()).collect();
        kinds.sort_unstable();
        kinds.dedup();
        ComboBox::from_id_salt("relations_type")
            .selected_text(state.kind.as_deref().unwrap_or("any"))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.kind, None, "any");
                for k in kinds {
                    ui.selectable_value(&mut state.kind, Some(k.to_owned()), k);
                }
            })
            .response
            .labelled_by(label.id);
    });
}

/// One row per relation; a click shows its sentence in the reader.
fn table_ui(ui: &mut Ui, cx: &ViewContext<'_>, rows: &[&Relation]) {
    let session = cx.session;
    let resolved = session.actors();
    let name = |id: &ActorId| resolved.actor(id).map_or(id.0.clone(), |a| a.name.clone());
    ui.style_mut().interaction.selectable_labels = false;
    let room = ui.available_height();
    TableBuilder::new(ui)
        // The table's 200-point default minimum would push the lower panel up over the
        // reader in a small window; the table scrolls instead.
        .min_scrolled_height(crate::ui::MIN_TABLE_HEIGHT)
        .id_salt("relations_table")
        .striped(true)
        // The table takes the room left, however little: never grow the pane over the window.
        .min_scrolled_height(0.0)
        .max_scroll_height(room)
        .sense(egui::Sense::click())
        .column(
            Column::initial(280.0)
                .at_least(120.0)
                .clip(true)
                .resizable(true),
        )
        .column(
            Column::initial(90.0)
                .at_least(50.0)
                .clip(true)
                .resizable(true),
        )
        .column(
            Column::initial(150.0)
                .at_least(60.0)
                .clip(true)
                .resizable(true),
        )
        .column(Column::remainder().at_least(120.0).clip(true))
        .header(20.0, |mut header| {
            for title in ["Actors", "Type", "Article", "Sentence"] {
                header.col(|ui| {
                    ui.strong(title);
                });
            }
        })
        .body(|body| {
            body.rows(22.0, rows.len(), |mut row| {
                let Some(r) = rows.get(row.index()) else {
                    return;
                };
                let link = if r.directed { "to" } else { "—" };
                row.col(|ui| {
                    ui.label(format!("{} {link} {}", name(&r.a), name(&r.b)));
                });
                row.col(|ui| {
                    ui.label(&r.kind);
                });
                row.col(|ui| {
                    ui.label(r.article.file_name());
                });
                let sentence = session
                    .corpus()
                    .get(&r.article)
                    .and_then(|a| a.slice(r.start, r.end))
                    .unwrap_or("");
                row.col(|ui| {
                    ui.label(super::super::quote_preview(sentence, 240));
                });
                let response = row.response();
                let hover = match &r.cue {
                    Some(cue) => format!("Cue: “{cue}”. Click to read the sentence."),
                    None => "Click to read the sentence.".to_owned(),
                };
                if response.on_hover_text(hover).clicked() {
                    cx.send(SelectCommand::ShowRange(TextRange {
                        article: r.article.clone(),
                        start: r.start,
                        end: r.end,
                    }));
                }
            });
        });
}
