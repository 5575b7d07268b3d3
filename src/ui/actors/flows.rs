//! Figures by actor pair, in the relations pane: for each supplier → buyer pair (actors folded
//! into their countries, or not) and unit, the figures stated in the sentences of its sale,
//! supply, delivery and funding relations, how many the analyst accepted, and their accepted
//! total by year. "Make a series" puts a pair's figures into a series (one undoable step),
//! which the plot draws: Russia's arms sales to Latin America by buyer.

use egui::{RichText, Ui};

use crate::actors::network::{PairFigures, PairFlow, figures_by_pair, pair_flows};
use crate::actors::{ActorId, Relation};
use crate::context::{SelectCommand, ViewContext};
use crate::figures::curation::FigureKey;
use crate::session::{SeriesIntent, TextRange};
use crate::ui::figures::pretty;

/// The pairs and their accepted sums, worked out once per session revision.
#[derive(Default)]
pub struct FlowsState {
    pub by_country: bool,
    cache: Option<(u64, bool, Vec<PairFlow>, Vec<PairFigures>)>,
}

impl FlowsState {
    fn flows(&mut self, cx: &ViewContext<'_>, all: &[Relation]) -> (&[PairFlow], &[PairFigures]) {
        let session = cx.session;
        let fresh = self
            .cache
            .as_ref()
            .is_some_and(|(rev, c, _, _)| *rev == session.revision() && *c == self.by_country);
        if !fresh {
            let resolved = session.actors();
            let flows = pair_flows(resolved, all, self.by_country);
            let sums = figures_by_pair(resolved, all, session.project(), self.by_country);
            self.cache = Some((session.revision(), self.by_country, flows, sums));
        }
        self.cache
            .as_ref()
            .map_or((&[][..], &[][..]), |(_, _, f, s)| {
                (f.as_slice(), s.as_slice())
            })
    }
}

/// The section: one line per pair and unit.
pub fn flows_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &mut FlowsState, all: &[Relation]) {
    ui.checkbox(
        &mut state.by_country,
        "Agencies and people as their countries",
    )
    .on_hover_text(
        "Count Rosoboronexport's sales as Russia's, a ministry's purchases as its country's",
    );
    let resolved = cx.session.actors();
    let name = |id: &ActorId| resolved.actor(id).map_or(id.0.clone(), |a| a.name.clone());
    let (flows, sums) = state.flows(cx, all);
    if flows.is_empty() {
        ui.weak("No sale, supply, delivery or funding sentence states a figure.");
        return;
    }
    // At most 40% of the pane, so the relations table below keeps its rows.
    egui::ScrollArea::vertical()
        .id_salt("flows_scroll")
        .max_height((ui.available_height() * 0.4).min(220.0))
        .show(ui, |ui| {
            for flow in flows {
                let pair = format!("{} to {}", name(&flow.source), name(&flow.target));
                let accepted = sums.iter().find(|s| {
                    s.source == flow.source && s.target == flow.target && s.unit == flow.unit
                });
                ui.horizontal_wrapped(|ui| {
                    ui.strong(&pair);
                    ui.label(RichText::new(&flow.unit).weak());
                    ui.label(format!("{} figure(s)", flow.figures.len()));
                    match accepted {
                        Some(a) => {
                            let years: Vec<String> = a
                                .by_year
                                .iter()
                                .map(|(y, v)| {
                                    let y = y.map_or("no year".to_owned(), |y| y.to_string());
                                    format!("{y}: {}", pretty(*v, &a.unit))
                                })
                                .collect();
                            ui.label(format!("accepted: {}", years.join(", ")));
                        }
                        None => {
                            ui.weak("none accepted yet");
                        }
                    }
                    let series = format!("{pair} ({})", flow.unit);
                    if ui
                        .button("Make a series")
                        .on_hover_text(format!(
                            "Put these figures into a series named “{series}” (they are accepted as they go in), for the Plot tab"
                        ))
                        .accessible_name(format!("Make a series of {series}"))
                        .clicked()
                    {
                        let keys = flow
                            .figures
                            .iter()
                            .map(|(article, f)| FigureKey {
                                article: article.clone(),
                                start: f.start,
                                end: f.end,
                            })
                            .collect();
                        cx.send(SeriesIntent::Create { name: series, keys });
                    }
                });
                ui.horizontal_wrapped(|ui| {
                    ui.add_space(12.0);
                    for (article, f) in &flow.figures {
                        if ui
                            .link(&f.text)
                            .on_hover_text(format!("In {article}: open its sentence"))
                            .clicked()
                        {
                            cx.send(SelectCommand::ShowRange(TextRange {
                                article: article.clone(),
                                start: f.start,
                                end: f.end,
                            }));
                        }
                    }
                });
            }
        });
}
