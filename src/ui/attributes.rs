//! The attribute panel of the library: the selected article's attributes, each with where its
//! value came from (a dateline, a meta tag, the analyst); a value can be corrected, cleared or
//! reset to the detected one. Below: the article's memo, and the project's custom attributes
//! (text, number, date or a choice list), which can be added, renamed and removed. Every
//! change is an [`AttributeIntent`], so undo works as for passages.

use egui::{ComboBox, Id, RichText, Ui};

use super::drafts::draft_field;
use super::palette;
use crate::context::{FileCommand, UiCommand, ViewContext};
use crate::corpus::Article;
use crate::corpus::meta::PartialDate;
use crate::project::attributes::{
    AttributeDef, AttributeKind, Attributes, BUILT_IN, Origin, value_of,
};
use crate::session::AttributeIntent;

/// Built-in attributes Dossier sets itself (shown, not edited).
const READ_ONLY: [&str; 3] = ["year", "format", "converter"];

/// The type picked for a new custom attribute.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NewKind {
    #[default]
    Text,
    Number,
    Date,
    Choice,
}

impl NewKind {
    fn name(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Number => "number",
            Self::Date => "date",
            Self::Choice => "choice list",
        }
    }
}

/// What the panel keeps between frames: the custom attribute being added.
#[derive(Default)]
pub struct AttributesState {
    pub new_name: String,
    pub new_kind: NewKind,
    /// The choices of a new choice list, separated by commas.
    pub new_choices: String,
}

pub fn attributes_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &mut AttributesState) {
    let session = cx.session;
    ui.horizontal(|ui| {
        ui.strong("Attributes");
        if ui
            .small_button("Project memo…")
            .on_hover_text(UiCommand::ShowProjectMemo.tooltip())
            .clicked()
        {
            cx.send(UiCommand::ShowProjectMemo);
        }
    });
    let Some(article) = cx
        .selection
        .article
        .as_ref()
        .and_then(|id| session.corpus().get(id))
    else {
        ui.weak("Open an article to see and correct its attributes.");
        return;
    };
    egui::ScrollArea::vertical()
        .id_salt("attribute_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            source_line(ui, cx, article);
            values_ui(ui, cx, article);
            ui.add_space(4.0);
            let attributes = &session.project().attributes;
            let memo = attributes.memos.get(&article.id).map_or("", String::as_str);
            ui.label("Memo");
            let id = Id::unique(("article_memo", article.id.as_str()));
            let width = ui.available_width();
            let hint = "What to remember about this article";
            if let Some(text) = draft_field(ui, id, "Article memo", memo, hint, (width, 4)) {
                cx.send(AttributeIntent::ArticleMemo {
                    article: article.id.clone(),
                    memo: text,
                });
            }
            ui.add_space(4.0);
            egui::CollapsingHeader::new(format!(
                "Custom attributes ({})",
                attributes.definitions.len()
            ))
            .id_salt("custom_attributes")
            .show(ui, |ui| definitions_ui(ui, cx, attributes, state));
        });
}

/// The original file, with a link that opens it with the system's opener, and the repeat mark.
fn source_line(ui: &mut Ui, cx: &ViewContext<'_>, article: &Article) {
    ui.horizontal_wrapped(|ui| {
        ui.weak(article.id.as_str());
        if ui
            .link("source")
            .on_hover_text(format!(
                "Open the original file with the system's viewer: {}",
                article.path.display()
            ))
            .clicked()
        {
            cx.send(FileCommand::OpenSource(article.id.clone()));
        }
        if article.is_repeated() {
            ui.colored_label(palette::warning(ui.visuals().dark_mode), "repeats its text")
                .on_hover_text(
                    "The article holds its text twice (a body saved twice); figures in \
                     the copy are marked as repeats.",
                );
        }
    });
}

/// One block per attribute: its name, where its value came from and a reset button for values
/// the analyst set on one line, the value (editable where the analyst may correct it) across
/// the pane's width below, so a headline is readable in a narrow library.
fn values_ui(ui: &mut Ui, cx: &ViewContext<'_>, article: &Article) {
    let attributes = &cx.session.project().attributes;
    let dark = ui.visuals().dark_mode;
    for key in attributes.names() {
        let value = value_of(attributes, article, key);
        let set = attributes.set_value(&article.id, key);
        let shown = value.as_ref().map_or("", |v| v.text.as_str());
        let label = ui
            .horizontal(|ui| {
                let label = ui.strong(key);
                match (&value, set) {
                    (Some(v), _) if v.origin == Origin::Analyst => {
                        ui.colored_label(palette::analyst(dark), "set by you");
                    }
                    (Some(v), _) => {
                        if let Origin::Detected(source) = &v.origin {
                            ui.weak(RichText::new(source).small());
                        }
                    }
                    (None, Some(_)) => {
                        ui.colored_label(palette::analyst(dark), "cleared by you");
                    }
                    (None, None) => {}
                }
                if set.is_some() {
                    reset_button(ui, cx, article, key);
                }
                label
            })
            .inner;
        if READ_ONLY.contains(&key) {
            ui.label(if shown.is_empty() { "—" } else { shown })
                .labelled_by(label.id);
        } else {
            value_field(ui, cx, article, key, shown);
        }
        let human = PartialDate::human(shown);
        if human != shown {
            // A date without a year: say so in words, and how to give the year.
            ui.colored_label(palette::warning(dark), human.as_ref())
                .on_hover_text("Type the full date (2015-02-23) to give the year.");
        }
        ui.add_space(2.0);
    }
}

/// The value's field: a list for a choice attribute, else text checked when it is committed.
fn value_field(ui: &mut Ui, cx: &ViewContext<'_>, article: &Article, key: &str, shown: &str) {
    let attributes = &cx.session.project().attributes;
    let custom = !BUILT_IN.contains(&key);
    let send = |value: String| {
        let intent = if value.trim().is_empty() && custom {
            AttributeIntent::Reset {
                article: article.id.clone(),
                key: key.to_owned(),
            }
        } else {
            AttributeIntent::Set {
                article: article.id.clone(),
                key: key.to_owned(),
                value,
            }
        };
        cx.send(intent);
    };
    if let Some(AttributeKind::Choice { options }) = attributes.definition(key).map(|d| &d.kind) {
        let mut chosen = shown.to_owned();
        ComboBox::from_id_salt(("attribute_choice", key))
            .selected_text(if shown.is_empty() { "—" } else { shown })
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut chosen, String::new(), "—");
                for o in options {
                    ui.selectable_value(&mut chosen, o.clone(), o);
                }
            })
            .response
            .on_hover_text(format!("The value of {key}"));
        if chosen != shown {
            send(chosen);
        }
        return;
    }
    let hint = match (key, attributes.definition(key).map(|d| &d.kind)) {
        ("date", _) | (_, Some(AttributeKind::Date)) => "2015-04-17",
        (_, Some(AttributeKind::Number)) => "a number",
        _ => "—",
    };
    let id = Id::unique(("attribute_value", article.id.as_str(), key));
    let width = ui.available_width();
    if let Some(text) = draft_field(ui, id, key, shown, hint, (width, 1)) {
        send(text);
    }
}

fn reset_button(ui: &mut Ui, cx: &ViewContext<'_>, article: &Article, key: &str) {
    let detected = value_of(&Attributes::default(), article, key);
    let hover = match detected {
        Some(v) => match v.origin {
            Origin::Detected(source) => {
                format!("Back to the detected value: {} ({source})", v.text)
            }
            Origin::Analyst => format!("Back to {}", v.text),
        },
        None => "Back to no value (nothing was detected)".to_owned(),
    };
    if ui
        .small_button("Reset")
        .on_hover_text(hover)
        .accessible_name(format!("Reset {key}"))
        .clicked()
    {
        cx.send(AttributeIntent::Reset {
            article: article.id.clone(),
            key: key.to_owned(),
        });
    }
}

/// The custom attributes: rename, change choices, remove; and a row to add one.
fn definitions_ui(
    ui: &mut Ui,
    cx: &ViewContext<'_>,
    attributes: &Attributes,
    state: &mut AttributesState,
) {
    for def in &attributes.definitions {
        ui.horizontal(|ui| {
            let id = Id::unique(("attribute_name", def.name.as_str()));
            let name = format!("Name of {}", def.name);
            if let Some(to) = draft_field(ui, id, &name, &def.name, "name", (110.0, 1)) {
                cx.send(AttributeIntent::Rename {
                    from: def.name.clone(),
                    to,
                });
            }
            ui.weak(kind_text(&def.kind));
            if ui
                .small_button("Remove")
                .on_hover_text("Remove the attribute and every article's value of it (undoable)")
                .accessible_name(format!("Remove {}", def.name))
                .clicked()
            {
                cx.send(AttributeIntent::Remove(def.name.clone()));
            }
        });
        if let AttributeKind::Choice { options } = &def.kind {
            let id = Id::unique(("attribute_choices", def.name.as_str()));
            let name = format!("Choices of {}", def.name);
            let saved = options.join(", ");
            let width = ui.available_width();
            if let Some(text) = draft_field(ui, id, &name, &saved, "a, b, c", (width, 1)) {
                cx.send(AttributeIntent::Define(AttributeDef {
                    kind: AttributeKind::Choice {
                        options: split_choices(&text),
                    },
                    ..def.clone()
                }));
            }
        }
    }
    ui.separator();
    add_ui(ui, cx, attributes, state);
}

/// The row that adds a custom attribute.
fn add_ui(ui: &mut Ui, cx: &ViewContext<'_>, attributes: &Attributes, state: &mut AttributesState) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("New");
        ui.add(
            egui::TextEdit::singleline(&mut state.new_name)
                .hint_text("attribute name")
                .desired_width(110.0),
        )
        .labelled_by(label.id);
        let label = ui.label("type");
        ComboBox::from_id_salt("new_attribute_kind")
            .selected_text(state.new_kind.name())
            .show_ui(ui, |ui| {
                for k in [
                    NewKind::Text,
                    NewKind::Number,
                    NewKind::Date,
                    NewKind::Choice,
                ] {
                    ui.selectable_value(&mut state.new_kind, k, k.name());
                }
            })
            .response
            .labelled_by(label.id);
    });
    if state.new_kind == NewKind::Choice {
        let label = ui.label("Choices");
        ui.add(
            egui::TextEdit::singleline(&mut state.new_choices)
                .hint_text("pro-government, critical, neutral")
                .desired_width(ui.available_width()),
        )
        .labelled_by(label.id);
    }
    let name = state.new_name.trim();
    let taken = BUILT_IN.contains(&name) || attributes.definition(name).is_some();
    let ready = !name.is_empty()
        && !taken
        && (state.new_kind != NewKind::Choice || !split_choices(&state.new_choices).is_empty());
    let hover = if taken {
        "There is already an attribute of that name"
    } else {
        "Add the attribute to every article (values are set one article at a time)"
    };
    if ui
        .add_enabled(ready, egui::Button::new("Add attribute"))
        .on_hover_text(hover)
        .on_disabled_hover_text(hover)
        .clicked()
    {
        let kind = match state.new_kind {
            NewKind::Text => AttributeKind::Text,
            NewKind::Number => AttributeKind::Number,
            NewKind::Date => AttributeKind::Date,
            NewKind::Choice => AttributeKind::Choice {
                options: split_choices(&state.new_choices),
            },
        };
        cx.send(AttributeIntent::Define(AttributeDef {
            name: state.new_name.trim().to_owned(),
            kind,
            description: String::new(),
        }));
        state.new_name.clear();
        state.new_choices.clear();
    }
}

fn kind_text(kind: &AttributeKind) -> &'static str {
    match kind {
        AttributeKind::Text => "text",
        AttributeKind::Number => "number",
        AttributeKind::Date => "date",
        AttributeKind::Choice { .. } => "choice list",
    }
}

/// "a, b,, c" → ["a", "b", "c"] (empty entries and repeats dropped, order kept).
pub fn split_choices(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in text.split(',').map(str::trim).filter(|c| !c.is_empty()) {
        if !out.iter().any(|o| o == c) {
            out.push(c.to_owned());
        }
    }
    out
}
