//! Retrieval: the passages of one or more themes (any or all of them), with their context and
//! notes, in reading order; click a quote to open it in the reader.

use egui::{RichText, Sense, Ui};

use super::AnalysisState;
use crate::analysis::search::context;
use crate::context::{ExportWhat, FileCommand, SelectCommand, ViewContext};
use crate::corpus::ArticleId;
use crate::ui::{palette, quote_preview, swatch};

pub fn retrieval_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &mut AnalysisState) {
    let ws = cx.session;
    ui.horizontal_wrapped(|ui| {
        ui.label("Themes:");
        for (_, t) in ws.project().theme_tree() {
            let mut on = state.retrieve_themes.contains(&t.id);
            if ui.checkbox(&mut on, &t.name).changed() {
                if on {
                    state.retrieve_themes.insert(t.id);
                } else {
                    state.retrieve_themes.remove(&t.id);
                }
            }
        }
    });
    ui.horizontal(|ui| {
        ui.label("Passages with");
        ui.selectable_value(&mut state.retrieve_all, false, "any of them");
        ui.selectable_value(&mut state.retrieve_all, true, "all of them");
        if ui.button("Export CSV…").clicked() {
            cx.send(FileCommand::ExportTable(ExportWhat::Retrieval(
                state.retrieve_themes.clone(),
                state.retrieve_all,
            )));
        }
    });
    let ids = state.retrieved(ws);
    let found: Vec<_> = ids
        .iter()
        .filter_map(|id| ws.project().passages.get(id))
        .collect();
    ui.weak(format!("{} passage(s), in reading order", found.len()));
    ui.separator();
    let dark = ui.visuals().dark_mode;
    egui::ScrollArea::vertical()
        .id_salt("retrieval_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let mut last_article: Option<&ArticleId> = None;
            for p in found {
                if last_article != Some(&p.article) {
                    ui.add_space(4.0);
                    let title = ws.corpus().get(&p.article).map_or("", |a| a.title.as_str());
                    ui.strong(format!("{} — {title}", p.article));
                    last_article = Some(&p.article);
                }
                let (before, after) = match ws.corpus().get(&p.article) {
                    Some(a) => {
                        let (l, _, r) = context(a, p.start, p.end, 100);
                        (l, r)
                    }
                    None => (p.prefix.clone(), p.suffix.clone()),
                };
                ui.horizontal_wrapped(|ui| {
                    for t in &p.themes {
                        if let Some(theme) = ws.project().theme(*t) {
                            swatch(ui, palette::theme(theme.color, dark));
                        }
                    }
                    ui.weak(format!("…{before}"));
                    let quote = ui.add(
                        egui::Label::new(
                            RichText::new(quote_preview(&p.quote, 600))
                                .color(palette::highlighted_text(dark))
                                .background_color(palette::highlight_fill(
                                    &p.themes
                                        .iter()
                                        .filter_map(|t| ws.project().theme(*t).map(|t| t.color))
                                        .collect::<Vec<_>>(),
                                    dark,
                                )),
                        )
                        .sense(Sense::click()),
                    );
                    if quote.on_hover_text("Open in the reader").clicked() {
                        cx.send(SelectCommand::Passage(p.id));
                    }
                    ui.weak(format!("{after}…"));
                });
                if !p.note.is_empty() {
                    ui.label(RichText::new(format!("Note: {}", p.note)).italics());
                }
            }
        });
}
