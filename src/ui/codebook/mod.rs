//! The codebook pane: themes with their colour, number key, passage and article counts; clicking
//! one tags the selection, dragging its grip moves it (before another theme, or under it).
//! Below, an editor for the theme being edited, and a field to add a theme.

mod drag;
mod editor;

use egui::{Button, RichText, TextEdit, Ui};

use super::{palette, swatch};
use crate::context::{SelectCommand, ViewContext, theme_click};
use crate::project::{Theme, ThemeId};
use crate::session::CodebookIntent;

#[derive(Default)]
pub struct CodebookState {
    pub new_name: String,
    /// The theme being edited, as edited so far.
    draft: Option<Theme>,
    /// The theme the draft was taken from, to notice when it changes underneath.
    draft_source: Option<Theme>,
    /// The theme chosen in the editor to merge the edited one into.
    merge_into: Option<ThemeId>,
}

pub fn codebook_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &mut CodebookState) {
    let (project, sel) = (cx.session.project(), cx.selection);
    let hint = if let Some((a, b)) = sel.text {
        format!(
            "{} characters selected: click a theme or press its number to tag them.",
            b - a
        )
    } else if sel.passage.is_some() {
        "Click a theme or press its number to add it to the selected passage or remove it.".into()
    } else {
        "Select text in the reader, then click a theme or press its key (1–9).".into()
    };
    ui.weak(hint);
    ui.horizontal(|ui| {
        ui.weak("Key · theme");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.weak("passages · articles")
                .on_hover_text("How many passages have the theme, and in how many articles");
        });
    });

    let usage = cx.session.theme_usage();
    let articles = cx.session.theme_articles();
    let passage = sel.passage.and_then(|p| project.passages.get(&p));
    let dark = ui.visuals().dark_mode;
    for (depth, theme) in project.theme_tree() {
        let row = ui.horizontal(|ui| {
            ui.add_space(depth as f32 * 14.0);
            drag::grip_ui(ui, theme);
            swatch(ui, palette::theme(theme.color, dark));
            let key = project.theme_keys.key_of(theme.id);
            ui.add_sized(
                [12.0, 14.0],
                egui::Label::new(
                    RichText::new(key.map_or(String::new(), |k| k.to_string())).weak(),
                ),
            )
            .on_hover_text(match key {
                Some(k) => format!("Press {k} to tag with “{}”", theme.name),
                None => "No number key: give it one in the theme's editor".to_owned(),
            });
            let on_passage = passage.is_some_and(|p| p.has_theme(theme.id));
            let count = usage.get(&theme.id).copied().unwrap_or(0);
            let in_articles = articles.get(&theme.id).copied().unwrap_or(0);
            let edit = ui
                .small_button("edit")
                .on_hover_text(format!("Edit theme “{}”", theme.name));
            if edit.clicked() {
                cx.send(SelectCommand::EditTheme(Some(theme.id)));
            }
            let button = Button::selectable(on_passage || sel.theme == Some(theme.id), &theme.name)
                .right_text(RichText::new(format!("{count} · {in_articles}")).weak())
                .truncate()
                .min_size(egui::vec2(ui.available_width(), 0.0));
            let tip = format!(
                "{}\n{count} passage(s) in {in_articles} article(s){}",
                theme.name,
                if theme.description.is_empty() {
                    String::new()
                } else {
                    format!("\n\n{}", theme.description)
                }
            );
            if ui.add(button).on_hover_text(tip).clicked() {
                cx.send(theme_click(sel, theme.id));
            }
        });
        drag::drop_on_row(ui, cx, theme, &row.response);
    }
    drag::drop_at_end(ui, cx);

    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("New theme");
        let width = (ui.available_width() - 90.0).clamp(80.0, 140.0);
        let field = ui
            .add(
                TextEdit::singleline(&mut state.new_name)
                    .hint_text("name")
                    .desired_width(width),
            )
            .labelled_by(label.id);
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let add = ui.add_enabled(!state.new_name.trim().is_empty(), Button::new("Add theme"));
        if (add.clicked() || enter) && !state.new_name.trim().is_empty() {
            cx.send(CodebookIntent::Add {
                name: state.new_name.trim().to_owned(),
            });
            state.new_name.clear();
        }
    });

    if let Some(id) = sel.theme {
        ui.separator();
        editor::editor_ui(ui, cx, id, state);
    }
}
