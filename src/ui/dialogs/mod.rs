//! The modal questions: unsaved changes, a typed path where no file dialog can be shown,
//! deleting a used theme, a corpus outside the project's folder, restoring a recovery copy,
//! and tagging every hit of a search. A dialog answers with a command (which closes it); it
//! changes nothing itself.

mod autotag;
mod overwrite;
mod team;

use std::path::{Path, PathBuf};

use egui::{Context, Id, Modal, RichText, TextEdit, Ui};

use super::palette;
use crate::context::{Command, Dialog, DialogCommand, DialogKind, Pending, ViewContext};
use crate::project::{Opened, ThemeId};
use crate::session::CodebookIntent;
use crate::session::recovery::Found;

/// Show `dialog`; its answer, if the analyst gave one (Esc is "Cancel").
pub fn dialog_ui(ctx: &Context, cx: &ViewContext<'_>, dialog: &mut Dialog) -> Option<Command> {
    let dark = ctx.global_style().visuals.dark_mode;
    let modal = Modal::new(Id::unique("dossier_modal")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        match dialog {
            Dialog::Unsaved(pending) => unsaved_ui(ui, cx, pending),
            Dialog::TypedPath { kind, text, reason } => {
                typed_path_ui(ui, *kind, text, reason.as_deref(), dark)
            }
            Dialog::DeleteTheme(id) => delete_theme_ui(ui, cx, *id, dark),
            Dialog::AutoTag(choices) => autotag::auto_tag_ui(ui, cx, choices, dark),
            Dialog::Recover(found) => recover_ui(ui, cx, found),
            Dialog::CorpusOutside {
                project_path,
                opened,
                folder,
            } => corpus_outside_ui(ui, project_path, opened, folder),
            Dialog::ImportTarget(d) => team::import_target_ui(ui, d, dark),
            Dialog::CodebookClash(d) => team::codebook_clash_ui(ui, d),
            Dialog::Merge(d) => team::merge_ui(ui, cx, d, dark),
            Dialog::SaveConflict(path) => overwrite::save_conflict_ui(ui, path, dark),
            Dialog::ReplaceFile { kind, path } => overwrite::replace_file_ui(ui, *kind, path),
        }
    });
    let escape = modal.should_close();
    match modal.inner {
        Some(answer) => Some(answer),
        None if escape => Some(DialogCommand::Close.into()),
        None => None,
    }
}

/// A row of buttons; the answer of the one clicked.
fn buttons(ui: &mut Ui, choices: Vec<(&str, Option<&str>, Command)>) -> Option<Command> {
    let mut answer = None;
    ui.horizontal(|ui| {
        for (text, tip, command) in choices {
            let mut button = ui.button(text);
            if let Some(tip) = tip {
                button = button.on_hover_text(tip);
            }
            if button.clicked() {
                answer = Some(command);
            }
        }
    });
    answer
}

fn close() -> Command {
    DialogCommand::Close.into()
}

fn unsaved_ui(ui: &mut Ui, cx: &ViewContext<'_>, pending: &Pending) -> Option<Command> {
    ui.heading("Save changes first?");
    ui.label(format!(
        "{} has unsaved changes. They are lost if you go on without saving.",
        cx.session
            .project_path()
            .map_or("This project".to_owned(), |p| p.display().to_string())
    ));
    ui.add_space(8.0);
    buttons(
        ui,
        vec![
            (
                "Save",
                None,
                DialogCommand::SaveThen(pending.clone()).into(),
            ),
            (
                "Discard changes",
                None,
                DialogCommand::DiscardThen(pending.clone()).into(),
            ),
            ("Cancel", None, close()),
        ],
    )
}

fn typed_path_ui(
    ui: &mut Ui,
    kind: DialogKind,
    text: &mut String,
    reason: Option<&str>,
    dark: bool,
) -> Option<Command> {
    let (title, hint) = match kind {
        DialogKind::OpenFolder | DialogKind::OpenProject => (
            "Open a folder or a project",
            "/path/to/articles or /path/to/project.json",
        ),
        DialogKind::SaveProject => ("Save the project as", "/path/to/project.json"),
        DialogKind::ExportSeries(_) => ("Export the series as CSV", "/path/to/series.csv"),
        DialogKind::ExportPlot => ("Export the plot as PNG", "/path/to/plot.png"),
        DialogKind::ExportAnalysis => ("Export as CSV", "/path/to/table.csv"),
        DialogKind::ExportQdpx => ("Export a REFI-QDA project", "/path/to/project.qdpx"),
        DialogKind::ExportQdc => ("Export the codebook", "/path/to/codebook.qdc"),
        DialogKind::ExportReport => ("Export the report", "/path/to/report.html"),
        DialogKind::ImportQdpx => ("Import a REFI-QDA project", "/path/to/project.qdpx"),
        DialogKind::ImportQdc => ("Import a REFI-QDA codebook", "/path/to/codebook.qdc"),
        DialogKind::MergeProject => (
            "Merge another analyst's project",
            "/path/to/their.dossier.json",
        ),
    };
    ui.heading(title);
    ui.label("Type the full path:");
    let label = ui.label("Path");
    let field = ui
        .add(
            TextEdit::singleline(text)
                .hint_text(hint)
                .desired_width(480.0),
        )
        .labelled_by(label.id);
    // The field has the focus when the dialog opens (it was not shown the frame before).
    let frame = ui.ctx().cumulative_frame_nr();
    let shown_before: Option<u64> = ui.data_mut(|d| {
        let before = d.get_temp(field.id);
        d.insert_temp(field.id, frame);
        before
    });
    if shown_before.is_none_or(|f| f + 1 < frame) {
        field.request_focus();
    }
    if let Some(reason) = reason {
        ui.colored_label(palette::warning(dark), reason);
    }
    let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    let mut answer = None;
    ui.horizontal(|ui| {
        let ok_text = if kind.saves() { "Save" } else { "Open" };
        let typed = !text.trim().is_empty();
        let ok = ui.add_enabled(typed, egui::Button::new(ok_text));
        if (ok.clicked() || enter) && typed {
            let path = PathBuf::from(expand_home(text.trim()));
            answer = Some(DialogCommand::PathChosen(kind, path).into());
        }
        if ui.button("Cancel").clicked() {
            answer = Some(close());
        }
    });
    answer
}

fn delete_theme_ui(ui: &mut Ui, cx: &ViewContext<'_>, id: ThemeId, dark: bool) -> Option<Command> {
    let project = cx.session.project();
    let name = project.theme(id).map_or("?".to_owned(), |t| t.name.clone());
    let (keep, delete) = project.delete_theme_impact(id);
    let children = project
        .themes
        .iter()
        .filter(|t| t.parent == Some(id))
        .count();
    ui.heading(format!("Delete the theme “{name}”?"));
    if keep > 0 {
        ui.label(format!(
            "{keep} passage(s) lose this theme and keep their others."
        ));
    }
    if delete > 0 {
        ui.label(
            RichText::new(format!(
                "{delete} passage(s) have only this theme and are deleted with it."
            ))
            .color(palette::warning(dark)),
        );
    }
    if children > 0 {
        ui.label(format!("{children} child theme(s) move up one level."));
    }
    ui.label("You can undo this with Ctrl+Z.");
    buttons(
        ui,
        vec![
            ("Delete theme", None, CodebookIntent::Delete(id).into()),
            ("Cancel", None, close()),
        ],
    )
}

fn recover_ui(ui: &mut Ui, cx: &ViewContext<'_>, found: &Found) -> Option<Command> {
    ui.heading("Restore unsaved work?");
    let whose = found
        .project
        .as_ref()
        .map_or("a project that was never saved".to_owned(), |p| {
            p.display().to_string()
        });
    let age = found.modified.elapsed().map_or(String::new(), |d| {
        let m = d.as_secs() / 60;
        if m < 1 {
            " (less than a minute old)".into()
        } else if m < 120 {
            format!(" ({m} minutes old)")
        } else {
            format!(" ({} hours old)", m / 60)
        }
    });
    ui.label(format!(
        "Dossier kept a copy of unsaved work for {whose}{age}."
    ));
    let (p, t, f, s) = found.counts;
    ui.label(format!(
        "It holds {p} passage(s), {t} theme(s), {f} curated figure(s) and {s} series."
    ));
    let project = cx.session.project();
    ui.label(format!(
        "What is open now holds {} passage(s), {} theme(s), {} figure(s) and {} series.",
        project.passages.len(),
        project.themes.len(),
        project.figures.len(),
        project.series.len()
    ));
    buttons(
        ui,
        vec![
            (
                "Restore",
                None,
                DialogCommand::Restore(found.clone()).into(),
            ),
            (
                "Discard it",
                None,
                DialogCommand::DiscardRecovery(found.path.clone()).into(),
            ),
            (
                "Not now",
                Some("Keep the copy; it is offered again next time"),
                close(),
            ),
        ],
    )
}

fn corpus_outside_ui(
    ui: &mut Ui,
    project_path: &Path,
    opened: &mut Option<Box<Opened>>,
    folder: &Path,
) -> Option<Command> {
    ui.heading("Read articles from outside the project's folder?");
    ui.label("This project takes its articles from:");
    ui.monospace(folder.display().to_string());
    ui.label(
        "That folder is not inside the folder of the project file. Load it only if you \
         expected this project to use it.",
    );
    #[derive(Clone, Copy)]
    enum Choice {
        Load,
        WithoutArticles,
        Cancel,
    }
    let mut choice = None;
    ui.horizontal(|ui| {
        if ui.button("Load the articles").clicked() {
            choice = Some(Choice::Load);
        }
        if ui.button("Open without articles").clicked() {
            choice = Some(Choice::WithoutArticles);
        }
        if ui.button("Cancel").clicked() {
            choice = Some(Choice::Cancel);
        }
    });
    // The answer takes the opened project with it.
    let project_path = project_path.to_owned();
    match (choice?, opened.take()) {
        (Choice::Load, Some(opened)) => Some(
            DialogCommand::LoadCorpus {
                project_path,
                opened,
                folder: folder.to_owned(),
            }
            .into(),
        ),
        (Choice::WithoutArticles, Some(opened)) => Some(
            DialogCommand::OpenWithoutCorpus {
                project_path,
                opened,
            }
            .into(),
        ),
        (Choice::Cancel, _) | (_, None) => Some(close()),
    }
}

/// Expand a leading `~` to the home folder.
fn expand_home(path: &str) -> String {
    match (path.strip_prefix('~'), std::env::var("HOME")) {
        (Some(rest), Ok(home)) if rest.is_empty() || rest.starts_with('/') => {
            format!("{home}{rest}")
        }
        _ => path.to_owned(),
    }
}
