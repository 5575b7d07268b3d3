//! The search pane: plain text or regex over the corpus, an article, or one theme's passages;
//! results as keyword in context grouped by article; "Tag all hits…"; saved auto-tag rules.

use egui::{Button, ComboBox, FontId, Id, TextEdit, Ui};

use super::{Selection, palette};
use crate::analysis::search::context;
use crate::analysis::{Query, Scope, SearchResult};
use crate::context::{
    DialogCommand, ExportWhat, FileCommand, SelectCommand, ViewContext, WorkCommand,
};
use crate::project::ThemeId;
use crate::session::{RuleIntent, Session};

/// Where to search, as chosen in the pane.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ScopeChoice {
    #[default]
    Corpus,
    ThisArticle,
    Theme(ThemeId),
}

#[derive(Default)]
pub struct SearchState {
    pub query: Query,
    pub scope: ScopeChoice,
    /// The search last asked for: (query, scope, session revision, article).
    requested: Option<(Query, ScopeChoice, u64, Option<String>)>,
    /// The newest search started; older results are ignored.
    pub generation: u64,
    pub running: bool,
    pub result: Option<SearchResult>,
    pub error: Option<String>,
    pub elapsed_ms: Option<f64>,
    /// The hit F3 stepped to last.
    pub current: Option<usize>,
    pub focus: bool,
}

impl SearchState {
    /// A search result arrived; keep it if it is the newest.
    pub fn receive(&mut self, generation: u64, result: SearchResult, elapsed_ms: f64) {
        if generation == self.generation {
            self.result = Some(result);
            self.running = false;
            self.elapsed_ms = Some(elapsed_ms);
            self.current = None;
        }
    }

    /// The hit after (or before) the current one, wrapping around.
    pub fn step(&mut self, forward: bool) -> Option<&crate::analysis::Hit> {
        let hits = &self.result.as_ref()?.hits;
        if hits.is_empty() {
            return None;
        }
        let n = hits.len();
        let next = match (self.current, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        self.current = Some(next);
        hits.get(next)
    }
}

/// The scope as the search module takes it.
pub fn scope_of(ws: &Session, sel: &Selection, choice: ScopeChoice) -> Scope {
    match choice {
        ScopeChoice::Corpus => Scope::Corpus,
        ScopeChoice::ThisArticle => sel
            .article
            .clone()
            .map_or(Scope::Ranges(Vec::new()), Scope::Article),
        ScopeChoice::Theme(t) => Scope::Ranges(
            ws.project()
                .passages
                .values()
                .filter(|p| p.has_theme(t))
                .map(|p| (p.article.clone(), p.start, p.end))
                .collect(),
        ),
    }
}

/// The id of the search field, to focus it on Ctrl+F.
pub fn field_id() -> Id {
    Id::unique("dossier_search_field")
}

pub fn search_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &mut SearchState) {
    query_bar_ui(ui, cx, state);
    request_search(cx, state);
    status_row_ui(ui, cx, state);
    ui.separator();
    egui::Panel::right("rules_side")
        .resizable(true)
        .default_size(280.0)
        .show(ui, |ui| rules_ui(ui, cx));
    if let Some(result) = &state.result {
        results_ui(ui, cx, result, state.current);
    }
}

/// The query: pattern, options and scope.
fn query_bar_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &mut SearchState) {
    let ws = cx.session;
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Search");
        let field = ui
            .add(
                TextEdit::singleline(&mut state.query.pattern)
                    .id(field_id())
                    .hint_text(if state.query.regex {
                        r"regex, e.g. \d+ hectares"
                    } else {
                        "words to find"
                    })
                    .desired_width(260.0),
            )
            .labelled_by(label.id);
        if state.focus {
            field.request_focus();
            state.focus = false;
        }
        ui.checkbox(&mut state.query.regex, "Regex");
        ui.checkbox(&mut state.query.case_sensitive, "Match case");
        ui.checkbox(&mut state.query.whole_word, "Whole words");
        let label = ui.label("in");
        let scope_text = match state.scope {
            ScopeChoice::Corpus => "all articles".to_owned(),
            ScopeChoice::ThisArticle => "this article".to_owned(),
            ScopeChoice::Theme(t) => format!(
                "passages of “{}”",
                ws.project().theme(t).map_or("?", |t| t.name.as_str())
            ),
        };
        ComboBox::from_id_salt("search_scope")
            .selected_text(scope_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.scope, ScopeChoice::Corpus, "all articles");
                ui.selectable_value(&mut state.scope, ScopeChoice::ThisArticle, "this article");
                for (_, t) in ws.project().theme_tree() {
                    ui.selectable_value(
                        &mut state.scope,
                        ScopeChoice::Theme(t.id),
                        format!("passages of “{}”", t.name),
                    );
                }
            })
            .response
            .labelled_by(label.id);
    });
}

/// Run the search when what it depends on changes (results come back from a worker). Edits
/// change the hits only when searching a theme's passages; otherwise only a new corpus does.
fn request_search(cx: &ViewContext<'_>, state: &mut SearchState) {
    let (ws, sel) = (cx.session, cx.selection);
    let depends_on = match state.scope {
        ScopeChoice::Theme(_) => ws.revision(),
        _ => ws.corpus_revision(),
    };
    let article = match state.scope {
        ScopeChoice::ThisArticle => sel.article.as_ref().map(|a| a.0.clone()),
        _ => None,
    };
    let key = (state.query.clone(), state.scope, depends_on, article);
    if state.requested.as_ref() != Some(&key) {
        state.requested = Some(key);
        match state.query.compile() {
            Ok(regex) => {
                state.error = None;
                state.generation += 1;
                state.running = true;
                cx.send(WorkCommand::Search {
                    generation: state.generation,
                    regex,
                    scope: scope_of(ws, sel, state.scope),
                });
            }
            Err(e) => {
                state.generation += 1;
                state.running = false;
                state.result = None;
                state.error = (!state.query.pattern.is_empty()).then(|| e.to_string());
            }
        }
    }
}

/// How many hits (or why the query is invalid), "Tag all hits…" and the CSV export.
fn status_row_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &SearchState) {
    let (ws, sel) = (cx.session, cx.selection);
    let dark = ui.visuals().dark_mode;
    ui.horizontal_wrapped(|ui| {
        if let Some(e) = &state.error {
            ui.colored_label(palette::error(dark), e);
        } else if let Some(r) = &state.result {
            let total = r.hits.len();
            let more = if r.truncated { "+" } else { "" };
            ui.label(format!(
                "{total}{more} hits in {} articles",
                r.per_article.len()
            ));
            if let Some(ms) = state.elapsed_ms {
                ui.weak(format!("({ms:.1} ms)"));
            }
            if state.running {
                ui.spinner();
            }
            ui.separator();
            let can_tag = total > 0 && !ws.project().themes.is_empty();
            if ui
                .add_enabled(can_tag, Button::new("Tag all hits…"))
                .on_hover_text(
                    "Apply a theme to every hit, its sentence or its paragraph (one undoable step)",
                )
                .clicked()
            {
                cx.send(DialogCommand::PrepareAutoTag {
                    query: state.query.clone(),
                    scope: scope_of(ws, sel, state.scope),
                });
            }
            if ui
                .add_enabled(total > 0, Button::new("Export CSV…"))
                .clicked()
            {
                cx.send(FileCommand::ExportTable(ExportWhat::Hits));
            }
            ui.weak("F3 / Shift+F3: next / previous hit");
        } else if state.running {
            ui.spinner();
        } else {
            ui.weak("Type to search the articles. Ctrl+F comes back here.");
        }
    });
}

/// One line per article group or hit.
enum Row {
    Article(usize),
    Hit(usize),
}

fn results_ui(ui: &mut Ui, cx: &ViewContext<'_>, result: &SearchResult, current: Option<usize>) {
    let corpus = cx.session.corpus();
    let mut rows = Vec::with_capacity(result.hits.len() + result.per_article.len());
    let mut next = 0;
    for (g, (_, n)) in result.per_article.iter().enumerate() {
        rows.push(Row::Article(g));
        for i in next..next + n {
            rows.push(Row::Hit(i));
        }
        next += n;
    }
    let dark = ui.visuals().dark_mode;
    ui.style_mut().interaction.selectable_labels = false;
    egui::ScrollArea::vertical()
        .id_salt("search_results")
        .auto_shrink([false, false])
        .show_rows(ui, 20.0, rows.len(), |ui, range| {
            for row in &rows[range] {
                match row {
                    Row::Article(g) => {
                        let (id, n) = &result.per_article[*g];
                        let title = corpus.get(id).map_or("", |a| a.title.as_str());
                        ui.strong(format!(
                            "{} — {n} hit(s) · {}",
                            id.file_name(),
                            short(title, 60)
                        ));
                    }
                    Row::Hit(i) => {
                        let h = &result.hits[*i];
                        let Some(article) = corpus.get(&h.article) else {
                            continue;
                        };
                        let (l, m, r) = context(article, h.start, h.end, 60);
                        if kwic_row(ui, &l, &m, &r, current == Some(*i), dark).clicked() {
                            cx.send(SelectCommand::Hit(*i));
                        }
                    }
                }
            }
        });
}

/// One keyword-in-context line: the left context right-aligned against the hit, so hits line
/// up in a column; clickable.
fn kwic_row(
    ui: &mut Ui,
    left: &str,
    hit: &str,
    right: &str,
    selected: bool,
    dark: bool,
) -> egui::Response {
    let size = egui::vec2(ui.available_width(), 19.0);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click());
    response.widget_info(|| {
        egui::WidgetInfo::selected(
            egui::Role::Button,
            true,
            selected,
            format!("{left}{hit}{right}"),
        )
    });
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let painter = ui.painter_at(rect);
    if selected || response.hovered() {
        painter.rect_filled(rect, 3.0, ui.visuals().widgets.hovered.weak_bg_fill);
    }
    let font = FontId::proportional(13.5);
    let center = rect.left() + rect.width() * 0.42;
    let y = rect.center().y;
    let hit_galley = painter.layout_no_wrap(
        hit.to_owned(),
        font.clone(),
        palette::highlighted_text(dark),
    );
    let hit_rect = egui::Rect::from_min_size(
        egui::pos2(center, y - hit_galley.size().y / 2.0),
        hit_galley.size(),
    );
    painter.rect_filled(
        hit_rect.expand(1.0),
        2.0,
        palette::highlight_fill(&[crate::project::Rgb([0xed, 0xc9, 0x48])], dark),
    );
    let left_galley = painter.layout_no_wrap(
        left.to_owned(),
        font.clone(),
        ui.visuals().weak_text_color(),
    );
    let right_galley = painter.layout_no_wrap(right.to_owned(), font, ui.visuals().text_color());
    painter.galley(
        egui::pos2(center - left_galley.size().x, hit_rect.top()),
        left_galley,
        egui::Color32::PLACEHOLDER,
    );
    painter.galley(hit_rect.min, hit_galley, egui::Color32::PLACEHOLDER);
    painter.galley(
        egui::pos2(hit_rect.right(), hit_rect.top()),
        right_galley,
        egui::Color32::PLACEHOLDER,
    );
    response
}

fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}

fn rules_ui(ui: &mut Ui, cx: &ViewContext<'_>) {
    let project = cx.session.project();
    ui.strong("Auto-tag rules");
    if project.rules.is_empty() {
        ui.weak("Save a rule from “Tag all hits…” to run it again when new articles arrive.");
    }
    for rule in &project.rules {
        let theme = project.theme(rule.theme).map_or("?", |t| t.name.as_str());
        ui.horizontal_wrapped(|ui| {
            let kind = if rule.query.regex { "regex" } else { "text" };
            ui.label(format!(
                "“{}” ({kind}) tags with {theme}, {}",
                rule.query.pattern,
                rule.unit.label()
            ));
        });
        ui.horizontal(|ui| {
            if ui
                .small_button("Run again")
                .on_hover_text("Tag new hits; existing passages are not duplicated")
                .clicked()
            {
                cx.send(RuleIntent::Run(rule.id));
            }
            if ui.small_button("Delete rule").clicked() {
                cx.send(RuleIntent::Delete(rule.id));
            }
        });
        ui.separator();
    }
}
