//! Modal questions (unsaved changes, typed paths, deleting a used theme, a corpus outside the
//! project's folder) and the report windows (load report, messages, shortcuts).

use std::path::PathBuf;

use egui::{Context, Id, Modal, RichText, TextEdit};

use super::DossierApp;
use super::command::Action;
use super::jobs::DialogKind;
use crate::project::{Opened, ThemeId, Timestamp};
use crate::ui::palette;

/// Something to do once the user has answered about unsaved changes.
#[derive(Clone, Debug)]
pub enum Pending {
    OpenPath(PathBuf),
    Dialog(DialogKind),
    TypedPath,
    Quit,
}

/// The modal question on screen, if any.
pub enum Dialog {
    Unsaved(Pending),
    TypedPath {
        kind: DialogKind,
        text: String,
        reason: Option<String>,
    },
    DeleteTheme(ThemeId),
    CorpusOutside {
        project_path: PathBuf,
        opened: Box<Opened>,
        folder: PathBuf,
    },
    /// A recovery copy newer than the project: restore it?
    Recover(super::recovery::Found),
    /// "Tag all hits…": choose the theme and unit, see what would happen, confirm.
    AutoTag {
        query: crate::analysis::Query,
        scope: crate::analysis::Scope,
        theme: Option<ThemeId>,
        unit: crate::analysis::autotag::Unit,
        save_rule: bool,
        preview: Option<AutoTagPreview>,
    },
}

/// A computed preview of an auto-tag, for the choices it was computed with.
pub struct AutoTagPreview {
    theme: ThemeId,
    unit: crate::analysis::autotag::Unit,
    plan: Result<crate::analysis::autotag::Plan, String>,
}

/// Which report windows are open.
#[derive(Default)]
pub struct Windows {
    pub load_report: bool,
    pub messages: bool,
    pub shortcuts: bool,
}

/// What to do with the dialog once it is closed; may open another dialog.
type AfterDialog = Box<dyn FnOnce(&mut DossierApp, Dialog)>;

enum Answer {
    None,
    Close,
    /// Close the dialog and run this with it (the closure may open another dialog).
    Then(AfterDialog),
}

impl DossierApp {
    pub(super) fn dialogs_ui(&mut self, ctx: &Context) {
        self.windows_ui(ctx);
        let Some(dialog) = self.dialog.as_mut() else {
            return;
        };
        let ws = &self.ws;
        let dark = ctx.global_style().visuals.dark_mode;
        let modal = Modal::new(Id::unique("dossier_modal")).show(ctx, |ui| -> Answer {
            ui.set_max_width(520.0);
            match dialog {
                Dialog::Unsaved(pending) => {
                    ui.heading("Save changes first?");
                    ui.label(format!(
                        "{} has unsaved changes. They are lost if you go on without saving.",
                        ws.project_path
                            .as_ref()
                            .map_or("This project".to_owned(), |p| p.display().to_string())
                    ));
                    ui.add_space(8.0);
                    let mut answer = Answer::None;
                    ui.horizontal(|ui| {
                        if ui.button("Save").clicked() {
                            let pending = pending.clone();
                            answer = Answer::Then(Box::new(move |app, _| {
                                app.after_save = Some(pending);
                                app.save();
                            }));
                        }
                        if ui.button("Discard changes").clicked() {
                            let pending = pending.clone();
                            answer = Answer::Then(Box::new(move |app, _| {
                                app.discard_recovery();
                                app.perform(pending);
                            }));
                        }
                        if ui.button("Cancel").clicked() {
                            answer = Answer::Close;
                        }
                    });
                    answer
                }
                Dialog::TypedPath { kind, text, reason } => {
                    let (title, hint) = match kind {
                        DialogKind::OpenFolder | DialogKind::OpenProject => (
                            "Open a folder or a project",
                            "/path/to/articles or /path/to/project.json",
                        ),
                        DialogKind::SaveProject => ("Save the project as", "/path/to/project.json"),
                        DialogKind::ExportSeries(_) => ("Export the series as CSV", "/path/to/series.csv"),
                        DialogKind::ExportPlot => ("Export the plot as PNG", "/path/to/plot.png"),
                        DialogKind::ExportAnalysis => ("Export as CSV", "/path/to/table.csv"),
                        DialogKind::ExportQdpx => {
                            ("Export a REFI-QDA project", "/path/to/project.qdpx")
                        }
                        DialogKind::ExportQdc => ("Export the codebook", "/path/to/codebook.qdc"),
                    };
                    ui.heading(title);
                    if let Some(reason) = reason {
                        ui.colored_label(palette::warning(dark), reason.as_str());
                    }
                    ui.label("Type the full path:");
                    let label = ui.label("Path");
                    let field = ui
                        .add(TextEdit::singleline(text).hint_text(hint).desired_width(480.0))
                        .labelled_by(label.id);
                    if field.gained_focus() || !field.has_focus() && text.is_empty() {
                        field.request_focus();
                    }
                    let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    let mut answer = Answer::None;
                    ui.horizontal(|ui| {
                        let ok_text = if kind.saves() { "Save" } else { "Open" };
                        let ok = ui.add_enabled(!text.trim().is_empty(), egui::Button::new(ok_text));
                        if (ok.clicked() || enter) && !text.trim().is_empty() {
                            let path = PathBuf::from(expand_home(text.trim()));
                            let (kind, ctx) = (*kind, ui.ctx().clone());
                            answer = Answer::Then(Box::new(move |app, _| app.dialog_chosen(&ctx, kind, path)));
                        }
                        if ui.button("Cancel").clicked() {
                            answer = Answer::Close;
                        }
                    });
                    answer
                }
                Dialog::DeleteTheme(id) => {
                    let id = *id;
                    let name = ws.project.theme(id).map_or("?".to_owned(), |t| t.name.clone());
                    let (keep, delete) = ws.project.delete_theme_impact(id);
                    let children = ws.project.themes.iter().filter(|t| t.parent == Some(id)).count();
                    ui.heading(format!("Delete the theme “{name}”?"));
                    if keep > 0 {
                        ui.label(format!("{keep} passage(s) lose this theme and keep their others."));
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
                    let mut answer = Answer::None;
                    ui.horizontal(|ui| {
                        if ui.button("Delete theme").clicked() {
                            answer = Answer::Then(Box::new(move |app, _| {
                                match app.ws.project.delete_theme(id, &Timestamp::now()) {
                                    Ok(edit) => app.edit(edit),
                                    Err(e) => app.notes.error(format!("Cannot delete the theme: {e}.")),
                                }
                                app.sel.theme = None;
                            }));
                        }
                        if ui.button("Cancel").clicked() {
                            answer = Answer::Close;
                        }
                    });
                    answer
                }
                Dialog::AutoTag {
                    query,
                    scope,
                    theme,
                    unit,
                    save_rule,
                    preview,
                } => auto_tag_ui(ui, ws, query, scope, theme, unit, save_rule, preview, dark),
                Dialog::Recover(found) => {
                    ui.heading("Restore unsaved work?");
                    let whose = found
                        .project
                        .as_ref()
                        .map_or("a project that was never saved".to_owned(), |p| p.display().to_string());
                    let age = found.modified.elapsed().map_or(String::new(), |d| {
                        let m = d.as_secs() / 60;
                        if m < 1 { " (less than a minute old)".into() } else if m < 120 { format!(" ({m} minutes old)") } else { format!(" ({} hours old)", m / 60) }
                    });
                    ui.label(format!("Dossier kept a copy of unsaved work for {whose}{age}."));
                    let (p, t, f, s) = found.counts;
                    ui.label(format!("It holds {p} passage(s), {t} theme(s), {f} curated figure(s) and {s} series."));
                    ui.label(format!(
                        "What is open now holds {} passage(s), {} theme(s), {} figure(s) and {} series.",
                        ws.project.passages.len(),
                        ws.project.themes.len(),
                        ws.project.figures.len(),
                        ws.project.series.len()
                    ));
                    let mut answer = Answer::None;
                    ui.horizontal(|ui| {
                        if ui.button("Restore").clicked() {
                            answer = Answer::Then(Box::new(|app, dialog| {
                                if let Dialog::Recover(found) = dialog {
                                    app.restore(found);
                                }
                            }));
                        }
                        if ui.button("Discard it").clicked() {
                            answer = Answer::Then(Box::new(|_, dialog| {
                                if let Dialog::Recover(found) = dialog {
                                    super::recovery::remove(&found.path);
                                }
                            }));
                        }
                        if ui.button("Not now").on_hover_text("Keep the copy; it is offered again next time").clicked() {
                            answer = Answer::Close;
                        }
                    });
                    answer
                }
                Dialog::CorpusOutside { folder, .. } => {
                    ui.heading("Read articles from outside the project's folder?");
                    ui.label("This project takes its articles from:");
                    ui.monospace(folder.display().to_string());
                    ui.label(
                        "That folder is not inside the folder of the project file. Load it only if you \
                         expected this project to use it.",
                    );
                    let mut answer = Answer::None;
                    ui.horizontal(|ui| {
                        if ui.button("Load the articles").clicked() {
                            answer = Answer::Then(Box::new(|app, dialog| {
                                if let Dialog::CorpusOutside {
                                    project_path,
                                    opened,
                                    folder,
                                } = dialog
                                {
                                    app.load_for_project(project_path, *opened, folder);
                                }
                            }));
                        }
                        if ui.button("Open without articles").clicked() {
                            answer = Answer::Then(Box::new(|app, dialog| {
                                if let Dialog::CorpusOutside {
                                    project_path,
                                    opened,
                                    ..
                                } = dialog
                                {
                                    app.install(super::workspace::Workspace::from_project(
                                        Some(project_path),
                                        *opened,
                                        None,
                                    ));
                                    app.notes.warn("The project is open without its articles; its passages are kept.");
                                }
                            }));
                        }
                        if ui.button("Cancel").clicked() {
                            answer = Answer::Close;
                        }
                    });
                    answer
                }
            }
        });
        let escape = modal.should_close();
        match modal.inner {
            Answer::Then(f) => {
                if let Some(dialog) = self.dialog.take() {
                    f(self, dialog);
                }
            }
            Answer::Close => self.dialog = None,
            Answer::None if escape => self.dialog = None,
            Answer::None => {}
        }
    }

    fn windows_ui(&mut self, ctx: &Context) {
        let ws = &self.ws;
        egui::Window::new("Load report")
            .open(&mut self.windows.load_report)
            .default_width(560.0)
            .vscroll(true)
            .show(ctx, |ui| {
                ui.label(format!(
                    "{} article(s) loaded from {}.",
                    ws.corpus.len(),
                    ws.corpus.root.display()
                ));
                section(ui, "Skipped files", ws.load_report.skipped.len(), |ui| {
                    for s in &ws.load_report.skipped {
                        ui.label(format!("{} — {}", s.path.display(), s.reason));
                    }
                });
                section(
                    ui,
                    "Read with another encoding",
                    ws.load_report.fallbacks.len(),
                    |ui| {
                        for (id, enc) in &ws.load_report.fallbacks {
                            ui.label(format!("{id} — {enc}"));
                        }
                    },
                );
                if let Some(found) = &ws.reanchored {
                    ui.label(format!(
                        "Re-anchoring after the articles were read: {}",
                        found.summary()
                    ));
                }
                section(
                    ui,
                    "Problems in the project file",
                    ws.open_warnings.len(),
                    |ui| {
                        for w in &ws.open_warnings {
                            ui.label(w);
                        }
                    },
                );
                let missing = ws.missing_articles();
                section(
                    ui,
                    "Articles missing from the folder",
                    missing.len(),
                    |ui| {
                        for id in &missing {
                            ui.label(id.as_str());
                        }
                    },
                );
                let changed = ws.changed_articles();
                section(
                    ui,
                    "Articles changed since the last save",
                    changed.len(),
                    |ui| {
                        for id in &changed {
                            ui.label(id.as_str());
                        }
                    },
                );
                section(
                    ui,
                    "Passages that need attention",
                    ws.problems.len(),
                    |ui| {
                        for (id, problem) in &ws.problems {
                            ui.label(format!("{id}: {problem}"));
                        }
                    },
                );
            });
        let notes = &self.notes;
        egui::Window::new("Messages")
            .open(&mut self.windows.messages)
            .default_width(520.0)
            .vscroll(true)
            .show(ctx, |ui| {
                if notes.log().is_empty() {
                    ui.weak("No messages yet.");
                }
                for n in notes.log().iter().rev() {
                    ui.label(format!("{:?}: {}", n.level, n.text));
                }
            });
        egui::Window::new("Keyboard shortcuts")
            .open(&mut self.windows.shortcuts)
            .show(ctx, |ui| {
                egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                    for action in Action::ALL {
                        let keys: Vec<String> = action
                            .shortcut()
                            .into_iter()
                            .chain(action.alternate_shortcuts())
                            .map(|s| ctx.format_shortcut(&s))
                            .collect();
                        if keys.is_empty() {
                            continue;
                        }
                        ui.monospace(keys.join(", "));
                        ui.label(action.text());
                        ui.end_row();
                    }
                    for (keys, what) in READER_KEYS {
                        ui.monospace(*keys);
                        ui.label(*what);
                        ui.end_row();
                    }
                });
            });
    }
}

#[allow(
    clippy::too_many_arguments,
    reason = "the fields of one dialog, edited in place"
)]
fn auto_tag_ui(
    ui: &mut egui::Ui,
    ws: &super::workspace::Workspace,
    query: &crate::analysis::Query,
    scope: &crate::analysis::Scope,
    theme: &mut Option<ThemeId>,
    unit: &mut crate::analysis::autotag::Unit,
    save_rule: &mut bool,
    preview: &mut Option<AutoTagPreview>,
    dark: bool,
) -> Answer {
    use crate::analysis::autotag::{Unit, plan};
    ui.heading("Tag all hits");
    ui.label(format!(
        "Every hit of “{}”{} gets a theme.",
        query.pattern,
        if query.regex { " (regex)" } else { "" }
    ));
    egui::Grid::new("autotag_grid")
        .num_columns(2)
        .show(ui, |ui| {
            let label = ui.label("Theme");
            let text = theme
                .and_then(|t| ws.project.theme(t))
                .map_or("choose…".to_owned(), |t| t.name.clone());
            egui::ComboBox::from_id_salt("autotag_theme")
                .selected_text(text)
                .show_ui(ui, |ui| {
                    for (_, t) in ws.project.theme_tree() {
                        ui.selectable_value(theme, Some(t.id), &t.name);
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();
            ui.label("Tag");
            ui.horizontal(|ui| {
                for u in Unit::ALL {
                    ui.selectable_value(unit, u, u.label());
                }
            });
            ui.end_row();
        });
    let Some(t) = *theme else {
        ui.weak("Choose a theme.");
        return cancel_only(ui);
    };
    if preview
        .as_ref()
        .is_none_or(|p| p.theme != t || p.unit != *unit)
    {
        *preview = Some(AutoTagPreview {
            theme: t,
            unit: *unit,
            plan: plan(&ws.corpus, &ws.project, query, scope, *unit, t).map_err(|e| e.to_string()),
        });
    }
    let Some(p) = preview.as_ref() else {
        return Answer::None;
    };
    let plan = match &p.plan {
        Ok(plan) => plan,
        Err(e) => {
            ui.colored_label(palette::error(dark), e);
            return cancel_only(ui);
        }
    };
    ui.separator();
    ui.label(format!(
        "{} hit(s): {} new passage(s), {} existing passage(s) get the theme, {} already have it.",
        plan.hits,
        plan.new.len(),
        plan.extend.len(),
        plan.already
    ));
    for (article, s, e) in plan.new.iter().take(5) {
        let quote = ws
            .corpus
            .get(article)
            .and_then(|a| a.slice(*s, *e))
            .unwrap_or("");
        ui.weak(format!(
            "{}: “{}”",
            article.file_name(),
            crate::ui::reader::quote_preview(quote, 110)
        ));
    }
    if plan.new.len() > 5 {
        ui.weak(format!("… and {} more", plan.new.len() - 5));
    }
    ui.checkbox(
        save_rule,
        "Save as a rule, to run again when new articles arrive",
    );
    let mut answer = Answer::None;
    ui.horizontal(|ui| {
        let n = plan.new.len() + plan.extend.len();
        if ui
            .add_enabled(n > 0, egui::Button::new(format!("Tag {n} passage(s)")))
            .clicked()
        {
            let command = super::command::Command::AutoTag {
                query: query.clone(),
                scope: scope.clone(),
                unit: *unit,
                theme: t,
                save_rule: *save_rule,
            };
            answer = Answer::Then(Box::new(move |app, _| app.push(command)));
        }
        if ui.button("Cancel").clicked() {
            answer = Answer::Close;
        }
    });
    answer
}

fn cancel_only(ui: &mut egui::Ui) -> Answer {
    if ui.button("Cancel").clicked() {
        Answer::Close
    } else {
        Answer::None
    }
}

/// Keys the reader handles besides the [`Action`] shortcuts.
pub const READER_KEYS: &[(&str, &str)] = &[
    (
        "1 … 9",
        "Tag the selected text with the theme of that number, or add/remove it on the selected passage",
    ),
    ("Esc", "Clear the selection"),
];

fn section(ui: &mut egui::Ui, title: &str, count: usize, body: impl FnOnce(&mut egui::Ui)) {
    egui::CollapsingHeader::new(format!("{title} ({count})"))
        .default_open(count > 0 && count <= 50)
        .show(ui, |ui| {
            if count == 0 {
                ui.weak("None.");
            } else {
                body(ui);
            }
        });
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
