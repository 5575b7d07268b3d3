//! The team dialogs: where an imported REFI-QDA project goes, what to do with codebook codes
//! named like themes, and the preview of a merge (each of their themes' target can be
//! changed). Each answers with a command; none changes anything itself.

use std::path::PathBuf;

use egui::{RichText, TextEdit, Ui};

use super::{buttons, close, expand_home};
use crate::context::team_dialogs::{CodebookDialog, ImportDialog, MergeDialog};
use crate::context::{Command, DialogCommand, ViewContext};
use crate::interop::refi_import_codebook::OnClash;
use crate::project::merge::{ArticleMatch, MatchedBy, ThemeTarget};
use crate::session::{CodebookIntent, Level, MergeIntent};
use crate::ui::palette;

/// A labelled path field.
fn path_field(ui: &mut Ui, label: &str, text: &mut String) -> egui::Response {
    let label = ui.label(label);
    ui.add(TextEdit::singleline(text).desired_width(500.0))
        .labelled_by(label.id)
}

pub(super) fn import_target_ui(ui: &mut Ui, d: &mut ImportDialog, dark: bool) -> Option<Command> {
    ui.heading("Import a REFI-QDA project");
    if let Some(imported) = &d.imported {
        let r = &imported.report;
        let origin = if r.origin.is_empty() {
            "an unnamed tool"
        } else {
            r.origin.as_str()
        };
        ui.label(format!(
            "{} holds {} source(s), {} theme(s), {} coder(s) and {} passage(s), written by {origin}.",
            d.from.display(),
            r.sources,
            r.themes,
            r.coders,
            r.passages
        ));
        let left_out = r.skipped.len() + r.schema_problems.len();
        if left_out > 0 {
            ui.weak(format!(
                "{left_out} thing(s) are left out or departed from the schema; the report lists them after the import."
            ));
        }
    }
    ui.label("It becomes a new Dossier project; its articles are written as .txt files into a folder of their own.");
    ui.add_space(4.0);
    if path_field(ui, "New project file", &mut d.project).changed() {
        d.follow_project();
    }
    if path_field(ui, "Folder for its articles", &mut d.sources).changed() {
        d.sources_edited = true;
    }
    if let Some(e) = &d.error {
        ui.colored_label(palette::error(dark), e);
    }
    ui.weak("Nothing is overwritten: the project file must be new, the folder new or empty.");
    let ready = !d.project.trim().is_empty() && !d.sources.trim().is_empty();
    let mut answer = None;
    ui.horizontal(|ui| {
        if ui.add_enabled(ready, egui::Button::new("Import")).clicked() {
            answer = d.imported.take().map(|imported| {
                DialogCommand::WriteImport {
                    from: d.from.clone(),
                    imported,
                    project: PathBuf::from(expand_home(d.project.trim())),
                    sources: PathBuf::from(expand_home(d.sources.trim())),
                }
                .into()
            });
        }
        if ui.button("Cancel").clicked() {
            answer = Some(close());
        }
    });
    answer
}

pub(super) fn codebook_clash_ui(ui: &mut Ui, d: &CodebookDialog) -> Option<Command> {
    ui.heading("Codes named like themes");
    ui.label(format!(
        "{} has {} code(s) named like themes of this project:",
        d.from,
        d.clashes.len()
    ));
    let shown: Vec<String> = d
        .clashes
        .iter()
        .take(12)
        .map(|n| format!("“{n}”"))
        .collect();
    let more = d.clashes.len().saturating_sub(shown.len());
    ui.label(RichText::new(format!(
        "{}{}",
        shown.join(", "),
        if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        }
    )));
    ui.label("The codes are added as one step, which you can undo.");
    let choice = |on_clash: OnClash| -> (&'static str, Option<&'static str>, Command) {
        let import = CodebookIntent::Import {
            book: d.book.clone(),
            from: d.from.clone(),
            on_clash,
        };
        match on_clash {
            OnClash::Rename => (
                "Add them as new themes",
                Some("Each is added as “Name (2)” beside the theme of the same name"),
                import.into(),
            ),
            OnClash::Skip => (
                "Use the existing themes",
                Some("Those codes are not added; codes inside them go under the existing themes"),
                import.into(),
            ),
            OnClash::Fail => (
                "Import nothing",
                None,
                Command::Notify(
                    Level::Info,
                    format!("Nothing was imported from {}.", d.from),
                ),
            ),
        }
    };
    buttons(
        ui,
        vec![
            choice(OnClash::Rename),
            choice(OnClash::Skip),
            choice(OnClash::Fail),
        ],
    )
}

fn matched_by(m: MatchedBy) -> &'static str {
    match m {
        MatchedBy::Id => "same id and name",
        MatchedBy::Path => "same place in the tree",
        MatchedBy::Name => "same name",
        MatchedBy::Nothing => "no match",
    }
}

fn target_text(cx: &ViewContext<'_>, target: ThemeTarget) -> String {
    match target {
        ThemeTarget::Existing(id) => cx.session.project().theme(id).map_or_else(
            || format!("theme {}", id.0),
            |t| format!("into “{}”", t.name),
        ),
        ThemeTarget::New => "add as a new theme".to_owned(),
        ThemeTarget::LeaveOut => "leave out".to_owned(),
    }
}

pub(super) fn merge_ui(
    ui: &mut Ui,
    cx: &ViewContext<'_>,
    d: &mut MergeDialog,
    dark: bool,
) -> Option<Command> {
    // Wide enough for the three columns: a scroll area clips what is wider than itself.
    ui.set_max_width(760.0);
    ui.set_min_width(760.0);
    ui.heading(format!("Merge “{}”", d.their_name));
    let passages = d.theirs.as_ref().map_or(0, |t| t.passages.len());
    let count = |f: fn(&ArticleMatch) -> bool| d.plan.articles.values().filter(|m| f(m)).count();
    ui.label(format!(
        "{} holds {passages} passage(s) in {} article(s): {} the same here, {} changed (placed \
         again), {} found by their text, {} missing (their passages are left out).",
        d.path.display(),
        d.plan.articles.len(),
        count(|m| matches!(m, ArticleMatch::Same(_))),
        count(|m| matches!(m, ArticleMatch::Changed(_))),
        count(|m| matches!(m, ArticleMatch::ByHash(_))),
        count(|m| matches!(m, ArticleMatch::Missing)),
    ));
    ui.label("Their themes go where the last column says; change any of them. Their file is only read; the merge is one step you can undo.");
    egui::ScrollArea::vertical()
        .max_height(320.0)
        .show(ui, |ui| themes_grid_ui(ui, cx, d, dark));
    let mut answer = None;
    ui.horizontal(|ui| {
        if ui.button("Merge").clicked() {
            answer = d.theirs.take().map(|theirs| {
                MergeIntent {
                    theirs,
                    their_name: d.their_name.clone(),
                    plan: d.plan.clone(),
                }
                .into()
            });
        }
        if ui.button("Cancel").clicked() {
            answer = Some(close());
        }
    });
    answer
}

fn themes_grid_ui(ui: &mut Ui, cx: &ViewContext<'_>, d: &mut MergeDialog, dark: bool) {
    let ours = cx.session.project();
    egui::Grid::new("merge_themes")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            ui.strong("Their theme");
            ui.strong("Matched by");
            ui.strong("Goes to");
            ui.end_row();
            for (i, m) in d.plan.themes.iter_mut().enumerate() {
                ui.label(&m.path);
                ui.vertical(|ui| {
                    ui.label(matched_by(m.matched_by));
                    if let Some(clash) = &m.clash {
                        ui.colored_label(palette::warning(dark), clash);
                    }
                });
                let name = format!("Target of {}", m.path);
                egui::ComboBox::from_id_salt(("merge_target", i))
                    .selected_text(target_text(cx, m.target))
                    .width(220.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut m.target, ThemeTarget::New, "add as a new theme");
                        ui.selectable_value(&mut m.target, ThemeTarget::LeaveOut, "leave out");
                        ui.separator();
                        for (depth, t) in ours.theme_tree() {
                            let text = format!("{}into “{}”", "  ".repeat(depth), t.name);
                            ui.selectable_value(&mut m.target, ThemeTarget::Existing(t.id), text);
                        }
                    })
                    .response
                    .widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::ComboBox, true, name.clone())
                    });
                ui.end_row();
            }
        });
    if d.plan.themes.is_empty() {
        ui.weak("Their project has no themes.");
    }
}
