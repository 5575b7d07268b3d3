//! The command palette (Ctrl+Shift+P): every entry of the command catalogue, filtered as you
//! type; ↑/↓ choose, Enter or a click runs, Esc closes. Commands that cannot run now are shown
//! greyed out.

use egui::{Context, Id, Key, Modal, Modifiers, RichText, TextEdit};

use crate::context::{UiCommand, ViewContext, theme_for_key};

/// What the palette remembers while it is open.
#[derive(Debug, Default)]
pub struct PaletteState {
    pub filter: String,
    /// The highlighted line, among the matches.
    pub selected: usize,
}

/// What the analyst did with the palette.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaletteAnswer {
    Close,
    Run(UiCommand),
}

/// One line: the command, its text as shown, and whether it can run now.
struct Line {
    command: UiCommand,
    text: String,
    enabled: bool,
}

/// The catalogue's commands matching `filter`: every word of it appears in the text (or,
/// ranked after those, in the tooltip). Number keys are named by their theme.
fn matches(cx: &ViewContext<'_>, filter: &str) -> Vec<Line> {
    let words: Vec<String> = filter.split_whitespace().map(str::to_lowercase).collect();
    let mut found: Vec<(u8, Line)> = UiCommand::all()
        .into_iter()
        .filter_map(|command| {
            let text = match command {
                UiCommand::TagWithTheme(n) => {
                    let theme = theme_for_key(cx.session.project(), n)?;
                    let name = cx.session.project().theme(theme)?.name.as_str();
                    format!("{}: {name}", command.text())
                }
                _ => command.text(),
            };
            let lower = text.to_lowercase();
            let tooltip = command.tooltip().to_lowercase();
            let rank = if words.iter().all(|w| lower.contains(w)) {
                0
            } else if words
                .iter()
                .all(|w| lower.contains(w) || tooltip.contains(w))
            {
                1
            } else {
                return None;
            };
            let enabled = command.enabled(cx.session, cx.selection);
            Some((
                rank,
                Line {
                    command,
                    text,
                    enabled,
                },
            ))
        })
        .collect();
    found.sort_by_key(|(rank, _)| *rank);
    found.into_iter().map(|(_, line)| line).collect()
}

/// The id of the palette's text field.
pub fn field_id() -> Id {
    Id::unique("dossier_command_palette_field")
}

pub fn command_palette_ui(
    ctx: &Context,
    cx: &ViewContext<'_>,
    state: &mut PaletteState,
) -> Option<PaletteAnswer> {
    let lines = matches(cx, &state.filter);
    let down = ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::ArrowDown));
    let up = ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::ArrowUp));
    if down {
        state.selected = (state.selected + 1).min(lines.len().saturating_sub(1));
    }
    if up {
        state.selected = state.selected.saturating_sub(1);
    }
    state.selected = state.selected.min(lines.len().saturating_sub(1));
    // Near the top, so the list grows downwards as it is filtered instead of jumping.
    let id = Id::unique("dossier_command_palette");
    let area = Modal::default_area(id).anchor(egui::Align2::CENTER_TOP, [0.0, 90.0]);
    let modal = Modal::new(id).area(area).show(ctx, |ui| {
        ui.set_width(480.0);
        let label = ui.label("Command");
        let before = state.filter.clone();
        let field = ui
            .add(
                TextEdit::singleline(&mut state.filter)
                    .id(field_id())
                    .hint_text("Type to find a command…")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if !field.has_focus() && !field.lost_focus() {
            field.request_focus();
        }
        if state.filter != before {
            state.selected = 0;
        }
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        let mut answer = None;
        if enter {
            answer = lines
                .get(state.selected)
                .filter(|l| l.enabled)
                .map(|l| PaletteAnswer::Run(l.command));
        }
        ui.separator();
        if lines.is_empty() {
            ui.weak("No command matches.");
        }
        egui::ScrollArea::vertical()
            .max_height(360.0)
            .show(ui, |ui| {
                for (i, line) in lines.iter().enumerate() {
                    if let Some(run) = line_ui(ui, line, i == state.selected, down || up) {
                        answer = Some(run);
                    }
                }
            });
        answer
    });
    match modal.inner {
        Some(answer) => Some(answer),
        None if modal.should_close() => Some(PaletteAnswer::Close),
        None => None,
    }
}

/// One line of the palette; the answer when it is clicked.
fn line_ui(ui: &mut egui::Ui, line: &Line, selected: bool, moved: bool) -> Option<PaletteAnswer> {
    let mut answer = None;
    ui.horizontal(|ui| {
        let text = if line.enabled {
            RichText::new(&line.text)
        } else {
            RichText::new(&line.text).weak()
        };
        let response = ui
            .add(egui::Button::selectable(selected, text))
            .on_hover_text(line.command.tooltip());
        if selected && moved {
            response.scroll_to_me(None);
        }
        if response.clicked() && line.enabled {
            answer = Some(PaletteAnswer::Run(line.command));
        }
        if let Some(shortcut) = line.command.shortcuts().first() {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                // Clear of the scroll bar.
                ui.add_space(14.0);
                ui.weak(ui.ctx().format_shortcut(shortcut));
            });
        }
    });
    answer
}
