//! The Queries tab: coding queries (theme A overlapping, near, in the same paragraph as, or
//! without theme B; optionally only in articles with one value of an attribute). Each hit opens
//! in the reader with one click; "Save as theme" makes a new theme of the hits, one undoable
//! step. The query runs on the project as it is ([`crate::analysis::query`]); its hits are a
//! view cache, kept until the query or the project changes.

use egui::{ComboBox, DragValue, TextEdit, Ui};

use crate::analysis::by_attribute::group;
use crate::analysis::query::{AttributeIs, CodingQuery, QueryHit, Relation, run};
use crate::context::{SelectCommand, ViewContext};
use crate::corpus::ArticleId;
use crate::project::{Project, ThemeId};
use crate::session::{CodebookIntent, Session, TextRange};
use crate::ui::quote_preview;

/// How A relates to B, as the analyst picks it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RelationKind {
    #[default]
    Overlapping,
    Near,
    SameParagraph,
    Without,
    Any,
}

impl RelationKind {
    const ALL: [RelationKind; 5] = [
        Self::Overlapping,
        Self::Near,
        Self::SameParagraph,
        Self::Without,
        Self::Any,
    ];

    fn text(self) -> &'static str {
        match self {
            Self::Overlapping => "overlapping",
            Self::Near => "within N characters of",
            Self::SameParagraph => "in the same paragraph as",
            Self::Without => "not overlapping",
            Self::Any => "anywhere (no second theme)",
        }
    }
}

/// The query being built, and its hits.
pub struct QueriesState {
    pub theme: Option<ThemeId>,
    pub relation: RelationKind,
    pub other: Option<ThemeId>,
    pub chars: usize,
    pub by_attribute: bool,
    pub key: String,
    pub value: String,
    /// The name of the theme "Save as theme" makes (empty: the query's description).
    pub name: String,
    hits: Option<(u64, CodingQuery, Vec<QueryHit>)>,
    values: Option<(u64, String, Vec<String>)>,
}

impl Default for QueriesState {
    fn default() -> Self {
        Self {
            theme: None,
            relation: RelationKind::default(),
            other: None,
            chars: 200,
            by_attribute: false,
            key: "outlet".to_owned(),
            value: String::new(),
            name: String::new(),
            hits: None,
            values: None,
        }
    }
}

impl QueriesState {
    /// The query as chosen, once its themes are.
    pub fn query(&self) -> Option<CodingQuery> {
        let theme = self.theme?;
        let relation = match self.relation {
            RelationKind::Any => Relation::Any,
            RelationKind::Overlapping => Relation::Overlaps(self.other?),
            RelationKind::Near => Relation::Near {
                theme: self.other?,
                chars: self.chars,
            },
            RelationKind::SameParagraph => Relation::SameParagraph(self.other?),
            RelationKind::Without => Relation::Without(self.other?),
        };
        let attribute = self.by_attribute.then(|| AttributeIs {
            key: self.key.clone(),
            value: self.value.clone(),
        });
        Some(CodingQuery {
            theme,
            relation,
            attribute,
        })
    }

    fn hits(&mut self, session: &Session, query: &CodingQuery) -> &[QueryHit] {
        let fresh = self
            .hits
            .as_ref()
            .is_some_and(|(rev, q, _)| *rev == session.revision() && q == query);
        if !fresh {
            let hits = run(session.project(), session.corpus(), query);
            self.hits = Some((session.revision(), query.clone(), hits));
        }
        match &self.hits {
            Some((_, _, hits)) => hits,
            None => &[],
        }
    }

    /// The values attribute `key` takes in the corpus, in value order.
    fn values(&mut self, session: &Session) -> &[String] {
        let fresh = self
            .values
            .as_ref()
            .is_some_and(|(rev, k, _)| *rev == session.revision() && *k == self.key);
        if !fresh {
            let values = group(session.corpus(), &session.project().attributes, &self.key)
                .into_iter()
                .map(|(v, _)| v)
                .filter(|v| v != crate::analysis::by_attribute::NO_VALUE)
                .collect();
            self.values = Some((session.revision(), self.key.clone(), values));
        }
        match &self.values {
            Some((_, _, values)) => values,
            None => &[],
        }
    }
}

/// A labelled choice of a theme.
fn theme_choice(ui: &mut Ui, project: &Project, label: &str, value: &mut Option<ThemeId>) {
    let label = ui.label(label);
    let text = value
        .and_then(|t| project.theme(t))
        .map_or("choose a theme", |t| t.name.as_str());
    ComboBox::from_id_salt(("query_theme", label.id))
        .selected_text(text)
        .show_ui(ui, |ui| {
            for (depth, t) in project.theme_tree() {
                let name = format!("{}{}", "  ".repeat(depth), t.name);
                ui.selectable_value(value, Some(t.id), name);
            }
        })
        .response
        .labelled_by(label.id);
}

pub fn queries_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &mut QueriesState) {
    let session = cx.session;
    let project = session.project();
    if project.themes.is_empty() {
        ui.weak("Add themes and tag passages first: a query finds where themes meet.");
        return;
    }
    // Start from the first two themes of the codebook (and again when a chosen one is deleted).
    let tree = project.theme_tree();
    let known = |t: Option<ThemeId>| t.is_some_and(|t| project.theme(t).is_some());
    if !known(state.theme) {
        state.theme = tree.first().map(|(_, t)| t.id);
    }
    if !known(state.other) {
        state.other = tree.get(1).or(tree.first()).map(|(_, t)| t.id);
    }
    ui.horizontal_wrapped(|ui| {
        theme_choice(ui, project, "Passages of", &mut state.theme);
        let label = ui.label("that are");
        ComboBox::from_id_salt("query_relation")
            .selected_text(state.relation.text())
            .show_ui(ui, |ui| {
                for r in RelationKind::ALL {
                    ui.selectable_value(&mut state.relation, r, r.text());
                }
            })
            .response
            .labelled_by(label.id);
        if state.relation == RelationKind::Near {
            let label = ui.label("N");
            ui.add(
                DragValue::new(&mut state.chars)
                    .range(0..=100_000)
                    .suffix(" chars"),
            )
            .labelled_by(label.id);
        }
        if state.relation != RelationKind::Any {
            theme_choice(ui, project, "theme", &mut state.other);
        }
    });
    attribute_row(ui, session, state);
    let Some(query) = state.query() else {
        ui.weak("Choose the themes of the query.");
        return;
    };
    let hits = state.hits(session, &query).to_vec();
    save_row(ui, cx, state, &query, &hits);
    ui.separator();
    hit_list(ui, cx, &hits);
}

/// "Only in articles where [attribute] is [value]".
fn attribute_row(ui: &mut Ui, session: &Session, state: &mut QueriesState) {
    ui.horizontal_wrapped(|ui| {
        ui.checkbox(&mut state.by_attribute, "Only in articles where");
        ui.add_enabled_ui(state.by_attribute, |ui| {
            let label = ui.label("attribute");
            ComboBox::from_id_salt("query_attribute")
                .selected_text(state.key.as_str())
                .show_ui(ui, |ui| {
                    for name in session.project().attributes.names() {
                        ui.selectable_value(&mut state.key, name.to_owned(), name);
                    }
                })
                .response
                .labelled_by(label.id);
            let label = ui.label("is");
            let values = state.values(session).to_vec();
            ComboBox::from_id_salt("query_value")
                .selected_text(if state.value.is_empty() {
                    "choose a value"
                } else {
                    state.value.as_str()
                })
                .show_ui(ui, |ui| {
                    for v in values {
                        ui.selectable_value(&mut state.value, v.clone(), v);
                    }
                })
                .response
                .labelled_by(label.id);
        });
    });
}

/// The count of hits, the new theme's name and "Save as theme".
fn save_row(
    ui: &mut Ui,
    cx: &ViewContext<'_>,
    state: &mut QueriesState,
    query: &CodingQuery,
    hits: &[QueryHit],
) {
    let articles: std::collections::BTreeSet<&ArticleId> =
        hits.iter().map(|h| &h.article).collect();
    ui.horizontal_wrapped(|ui| {
        ui.strong(format!(
            "{} hit(s) in {} article(s)",
            hits.len(),
            articles.len()
        ));
        ui.separator();
        let label = ui.label("Save the hits as the theme");
        ui.add(
            TextEdit::singleline(&mut state.name)
                .hint_text(query.describe(cx.session.project()))
                .desired_width(220.0),
        )
        .labelled_by(label.id);
        if ui
            .add_enabled(!hits.is_empty(), egui::Button::new("Save as theme"))
            .on_hover_text("A new theme tagged on every hit, as one step that Ctrl+Z undoes")
            .clicked()
        {
            cx.send(CodebookIntent::SaveQuery {
                name: std::mem::take(&mut state.name),
                query: query.clone(),
            });
        }
    });
}

/// The hits by article; a click opens one in the reader with its text selected.
fn hit_list(ui: &mut Ui, cx: &ViewContext<'_>, hits: &[QueryHit]) {
    let session = cx.session;
    egui::ScrollArea::vertical()
        .id_salt("query_hits")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let mut last: Option<&ArticleId> = None;
            for h in hits {
                if last != Some(&h.article) {
                    ui.add_space(4.0);
                    let title = session
                        .corpus()
                        .get(&h.article)
                        .map_or(h.article.file_name(), |a| a.title.as_str());
                    ui.strong(format!("{title} — {}", h.article.file_name()));
                    last = Some(&h.article);
                }
                ui.horizontal_wrapped(|ui| {
                    let text = format!("{}–{}: “{}”", h.start, h.end, quote_preview(&h.text, 160));
                    let link = ui.link(text);
                    if link.on_hover_text("Open in the reader").clicked() {
                        cx.send(SelectCommand::ShowRange(TextRange {
                            article: h.article.clone(),
                            start: h.start,
                            end: h.end,
                        }));
                    }
                });
            }
        });
}
