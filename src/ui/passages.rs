//! The passages pane: every tagged passage with its quote, themes, note and article, filtered by
//! theme, article and text. Clicking a row opens the passage in the reader.

use egui::{ComboBox, RichText, TextEdit, Ui};
use egui_extras::{Column, TableBuilder};

use super::{palette, quote_preview, swatch};
use crate::context::{SelectCommand, ViewContext};
use crate::corpus::ArticleId;
use crate::project::{PassageId, ThemeId};
use crate::session::Session;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PassageFilter {
    pub theme: Option<ThemeId>,
    pub article: Option<ArticleId>,
    pub text: String,
    pub attention_only: bool,
}

#[derive(Default)]
pub struct PassagesState {
    pub filter: PassageFilter,
    cache: Option<(u64, PassageFilter, Vec<PassageId>)>,
}

/// The passages matching `filter`, in article then reading order.
pub fn filter_passages(session: &Session, filter: &PassageFilter) -> Vec<PassageId> {
    let needle = filter.text.trim().to_lowercase();
    let problems = session.problems();
    let mut rows: Vec<_> = session
        .project()
        .passages
        .values()
        .filter(|p| filter.theme.is_none_or(|t| p.has_theme(t)))
        .filter(|p| filter.article.as_ref().is_none_or(|a| &p.article == a))
        .filter(|p| !filter.attention_only || problems.contains_key(&p.id))
        .filter(|p| {
            needle.is_empty()
                || p.quote.to_lowercase().contains(&needle)
                || p.note.to_lowercase().contains(&needle)
        })
        .collect();
    rows.sort_by(|a, b| {
        (&a.article, a.start, a.end, a.id).cmp(&(&b.article, b.start, b.end, b.id))
    });
    rows.into_iter().map(|p| p.id).collect()
}

pub fn passages_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &mut PassagesState) {
    let session = cx.session;
    let project = session.project();
    filters_ui(ui, cx, &mut state.filter);
    let fresh = matches!(&state.cache,
        Some((rev, f, _)) if *rev == session.revision() && *f == state.filter);
    if !fresh {
        let rows = filter_passages(session, &state.filter);
        state.cache = Some((session.revision(), state.filter.clone(), rows));
    }
    // Borrowed, not copied: a frame does not copy 100,000 ids (issue 16).
    let rows: &[PassageId] = state.cache.as_ref().map_or(&[], |c| &c.2);
    ui.weak(format!(
        "{} of {} passage(s)",
        rows.len(),
        project.passages.len()
    ));
    table_ui(ui, cx, rows);
}

/// Theme, article, text and "needs attention" filters.
fn filters_ui(ui: &mut Ui, cx: &ViewContext<'_>, filter: &mut PassageFilter) {
    let project = cx.session.project();
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Theme");
        let theme_text = filter
            .theme
            .and_then(|t| project.theme(t))
            .map_or("any".to_owned(), |t| t.name.clone());
        ComboBox::from_id_salt("passages_theme")
            .selected_text(theme_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.theme, None, "any");
                for (_, t) in project.theme_tree() {
                    ui.selectable_value(&mut filter.theme, Some(t.id), &t.name);
                }
            })
            .response
            .labelled_by(label.id);
        super::article_filter(
            ui,
            "passages_article",
            cx.session.corpus(),
            &mut filter.article,
        );
        let label = ui.label("Text");
        ui.add(
            TextEdit::singleline(&mut filter.text)
                .hint_text("quote or note")
                .desired_width(160.0),
        )
        .labelled_by(label.id);
        ui.checkbox(&mut filter.attention_only, "Needs attention only");
    });
}

/// One row per passage; a click opens it in the reader.
fn table_ui(ui: &mut Ui, cx: &ViewContext<'_>, rows: &[PassageId]) {
    let (session, sel) = (cx.session, cx.selection);
    let project = session.project();
    let dark = ui.visuals().dark_mode;
    // Clicks go to the row, not to text selection inside a cell.
    ui.style_mut().interaction.selectable_labels = false;
    TableBuilder::new(ui)
        // The table's 200-point default minimum would push the lower panel up over the
        // reader in a small window; the table scrolls instead.
        .min_scrolled_height(crate::ui::MIN_TABLE_HEIGHT)
        .id_salt("passages_table")
        .striped(true)
        .sense(egui::Sense::click())
        .column(
            Column::initial(150.0)
                .at_least(60.0)
                .clip(true)
                .resizable(true),
        )
        .column(
            Column::initial(200.0)
                .at_least(60.0)
                .clip(true)
                .resizable(true),
        )
        .column(Column::remainder().at_least(120.0).clip(true))
        .column(
            Column::initial(180.0)
                .at_least(60.0)
                .clip(true)
                .resizable(true),
        )
        .header(20.0, |mut header| {
            for title in ["Article", "Themes", "Quote", "Note"] {
                header.col(|ui| {
                    ui.strong(title);
                });
            }
        })
        .body(|body| {
            body.rows(22.0, rows.len(), |mut row| {
                let Some(p) = rows
                    .get(row.index())
                    .and_then(|id| project.passages.get(id))
                else {
                    return;
                };
                row.set_selected(sel.passage == Some(p.id));
                let problem = session.problems().get(&p.id);
                row.col(|ui| {
                    ui.label(p.article.file_name());
                });
                row.col(|ui| {
                    ui.horizontal(|ui| {
                        for t in &p.themes {
                            if let Some(theme) = project.theme(*t) {
                                swatch(ui, palette::theme(theme.color, ui.visuals().dark_mode));
                                ui.label(&theme.name);
                            }
                        }
                    });
                });
                row.col(|ui| {
                    let text = quote_preview(&p.quote, 200);
                    match problem {
                        Some(problem) => {
                            ui.label(
                                RichText::new(format!("! {text}")).color(palette::warning(dark)),
                            )
                            .on_hover_text(format!("Needs attention: {problem}"));
                        }
                        None => {
                            ui.label(text);
                        }
                    }
                });
                row.col(|ui| {
                    ui.label(quote_preview(&p.note, 120));
                });
                if row.response().clicked() {
                    cx.send(SelectCommand::Passage(p.id));
                }
            });
        });
}
