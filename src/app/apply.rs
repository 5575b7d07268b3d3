//! Applying commands after the frame, and taking in the results of background jobs. This is
//! the one place where the workspace changes.

use std::path::{Path, PathBuf};
use std::time::Duration;

use egui::TextEdit;

use super::DossierApp;
use super::command::{Action, Command};
use super::dialogs::{Dialog, Pending};
use super::jobs::{DialogKind, JobOutput, LoadPurpose};
use super::notify::Level;
use super::workspace::Workspace;
use crate::project::{Anchor, Edit, Passage, Timestamp, io};
use crate::ui::reader::{ScrollTarget, text_id};

/// A dialog that closes faster than this most likely never appeared.
const DIALOG_MIN: Duration = Duration::from_millis(250);

impl DossierApp {
    pub(super) fn apply_commands(&mut self, ctx: &egui::Context) {
        // Commands may queue more commands; handle until none are left (bounded).
        for _ in 0..8 {
            let commands = std::mem::take(&mut self.commands);
            if commands.is_empty() {
                break;
            }
            // What a command changed shows on the next frame.
            ctx.request_repaint();
            for command in commands {
                self.apply(ctx, command);
            }
        }
    }

    fn apply(&mut self, ctx: &egui::Context, command: Command) {
        let Some(command) = self.apply_figure_command(ctx, command) else {
            return;
        };
        let Some(command) = self.apply_analysis_command(command) else {
            return;
        };
        match command {
            Command::Action(action) => self.action(ctx, action),
            Command::OpenPath(path) => self.guard(Pending::OpenPath(path)),
            Command::SaveTo(path) => self.save_to(path),
            Command::Edit(edit) => self.edit(edit),
            Command::OpenArticle(id) => {
                self.sel.article = Some(id);
                self.sel.passage = None;
                self.clear_text_selection(ctx);
            }
            Command::SelectPassage(id) => {
                if let Some(p) = self.ws.project.passages.get(&id) {
                    self.sel.article = Some(p.article.clone());
                    self.sel.passage = Some(id);
                    self.views.reader.scroll_to = Some(ScrollTarget {
                        article: p.article.clone(),
                        start: p.start,
                        end: p.end,
                        select: false,
                    });
                    self.clear_text_selection(ctx);
                }
            }
            Command::ShowRange {
                article,
                start,
                end,
            } => {
                self.sel.article = Some(article.clone());
                self.sel.passage = None;
                self.views.reader.scroll_to = Some(ScrollTarget {
                    article,
                    start,
                    end,
                    select: true,
                });
            }
            Command::DeselectPassage => self.sel.passage = None,
            Command::ClearSelection => {
                self.sel.passage = None;
                self.clear_text_selection(ctx);
            }
            Command::TagRange {
                theme,
                article,
                start,
                end,
            } => self.tag_range(ctx, theme, article, start, end),
            Command::ReattachPassage(id) => self.reattach_passage(ctx, id),
            Command::ToggleTheme(pid, theme) => {
                let Some(p) = self.ws.project.passages.get(&pid) else {
                    return;
                };
                let mut p = p.clone();
                if p.has_theme(theme) {
                    if p.themes.len() == 1 {
                        self.notes.warn(
                            "A passage keeps at least one theme. To remove the last one, delete the passage (Delete).",
                        );
                        return;
                    }
                    p.themes.retain(|t| *t != theme);
                } else {
                    p.themes.push(theme);
                    p.themes.sort();
                }
                p.modified = Timestamp::now();
                self.edit(Edit::UpdatePassage(p));
            }
            Command::EditTheme(id) => self.sel.theme = id,
            Command::ConfirmDeleteTheme(id) => {
                let used = self.ws.project.theme_usage().get(&id).copied().unwrap_or(0);
                let children = self.ws.project.themes.iter().any(|t| t.parent == Some(id));
                if used == 0 && !children {
                    match self.ws.project.delete_theme(id, &Timestamp::now()) {
                        Ok(edit) => self.edit(edit),
                        Err(e) => self.notes.error(format!("Cannot delete the theme: {e}.")),
                    }
                } else {
                    self.dialog = Some(Dialog::DeleteTheme(id));
                }
            }
            Command::Notify(level, text) => self.notes.push(level, text),
            // Handled by `apply_figure_command`.
            Command::SelectFigure(_)
            | Command::PickFigure(_)
            | Command::SetFigureStatus(..)
            | Command::CorrectFigure(..)
            | Command::NewSeries { .. }
            | Command::AddToSeries(..)
            | Command::RemoveFromSeries(..)
            | Command::RenameSeries(..)
            | Command::DeleteSeries(_)
            | Command::AddFigureFromSelection
            | Command::ExportSeries(_)
            | Command::ExportPlot
            | Command::RunSearch { .. }
            | Command::SelectHit(_)
            | Command::PrepareAutoTag { .. }
            | Command::AutoTag { .. }
            | Command::RunRule(_)
            | Command::ExportHits
            | Command::ExportAnalysis(_)
            | Command::ReattachFigure(_)
            | Command::DeleteFigure(_) => {}
            Command::CrashForTesting => panic!("a crash asked for by a test"),
        }
    }

    fn action(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::OpenFolder => self.guard(Pending::Dialog(DialogKind::OpenFolder)),
            Action::OpenProject => self.guard(Pending::Dialog(DialogKind::OpenProject)),
            Action::OpenPath => self.guard(Pending::TypedPath),
            Action::Save => self.save(),
            Action::SaveAs => self.show_dialog(DialogKind::SaveProject),
            Action::ExportQdpx => self.show_dialog(DialogKind::ExportQdpx),
            Action::ExportQdc => self.show_dialog(DialogKind::ExportQdc),
            Action::Quit => self.guard(Pending::Quit),
            Action::Undo => match self.ws.undo() {
                Ok(_) => self.after_history_step(),
                Err(e) => self.notes.error(format!("Cannot undo: {e}.")),
            },
            Action::Redo => match self.ws.redo() {
                Ok(_) => self.after_history_step(),
                Err(e) => self.notes.error(format!("Cannot redo: {e}.")),
            },
            Action::DeleteSelection => {
                if let Some(p) = self.sel.passage.take() {
                    self.edit(Edit::RemovePassage(p));
                }
            }
            Action::Find | Action::FindNext | Action::FindPrevious => self.search_action(action),
            Action::ShowLoadReport => self.windows.load_report = true,
            Action::ShowMessages => self.windows.messages = true,
            Action::ShowShortcuts => self.windows.shortcuts = true,
        }
        let _ = ctx;
    }

    /// Drop selections that an undo or redo made stale.
    fn after_history_step(&mut self) {
        let project = &self.ws.project;
        self.sel.passage = self
            .sel
            .passage
            .filter(|p| project.passages.contains_key(p));
        self.sel.theme = self.sel.theme.filter(|t| project.theme(*t).is_some());
    }

    pub(super) fn edit(&mut self, edit: Edit) {
        if let Err(e) = self.ws.apply(edit) {
            self.notes
                .error(format!("That change could not be made: {e}."));
        }
        self.after_history_step();
    }

    fn tag_range(
        &mut self,
        ctx: &egui::Context,
        theme: crate::project::ThemeId,
        article_id: crate::corpus::ArticleId,
        start: usize,
        end: usize,
    ) {
        let Some(article) = self.ws.corpus.get(&article_id) else {
            return;
        };
        // The same range tagged again: add or remove the theme on that passage.
        let existing = self
            .ws
            .project
            .passages
            .values()
            .find(|p| p.article == article_id && p.start == start && p.end == end)
            .map(|p| p.id);
        if let Some(pid) = existing {
            self.sel.passage = Some(pid);
            self.clear_text_selection(ctx);
            self.apply(ctx, Command::ToggleTheme(pid, theme));
            return;
        }
        let Some(anchor) = Anchor::cut(article, start, end) else {
            self.notes.warn("Select some text in the reader first.");
            return;
        };
        let id = self.ws.project.next_passage_id();
        let passage = Passage::new(id, article_id, anchor, vec![theme], Timestamp::now());
        self.edit(Edit::AddPassage(passage));
        // Select the new passage, so the next number key adds another theme to it.
        self.sel.passage = Some(id);
        self.clear_text_selection(ctx);
    }

    /// Move a passage (an orphan, usually) to the text selected in the reader.
    fn reattach_passage(&mut self, ctx: &egui::Context, id: crate::project::PassageId) {
        let article = self
            .sel
            .article
            .as_ref()
            .and_then(|a| self.ws.corpus.get(a));
        let (Some((s, e)), Some(article), Some(p)) =
            (self.sel.text, article, self.ws.project.passages.get(&id))
        else {
            self.notes
                .warn("Select the passage's new text in the reader first.");
            return;
        };
        let Some(anchor) = Anchor::cut(article, s, e) else {
            return;
        };
        let mut p = p.clone();
        p.set_anchor(article.id.clone(), anchor);
        p.modified = Timestamp::now();
        self.edit(Edit::UpdatePassage(p));
        self.sel.passage = Some(id);
        self.clear_text_selection(ctx);
    }

    fn clear_text_selection(&mut self, ctx: &egui::Context) {
        self.sel.text = None;
        if let Some(mut state) = TextEdit::load_state(ctx, text_id()) {
            state.cursor.set_char_range(None);
            state.store(ctx, text_id());
        }
    }

    /// Run `pending` now, or first ask about unsaved changes.
    pub(super) fn guard(&mut self, pending: Pending) {
        if self.ws.is_dirty() && !matches!(pending, Pending::Dialog(DialogKind::SaveProject)) {
            self.dialog = Some(Dialog::Unsaved(pending));
        } else {
            self.perform(pending);
        }
    }

    pub(super) fn perform(&mut self, pending: Pending) {
        match pending {
            Pending::OpenPath(path) => self.open_path_now(path),
            Pending::Dialog(kind) => self.show_dialog(kind),
            Pending::TypedPath => {
                self.dialog = Some(Dialog::TypedPath {
                    kind: DialogKind::OpenProject,
                    text: String::new(),
                    reason: None,
                });
            }
            Pending::Quit => {
                self.allow_close = true;
                self.jobs.cancel_loads();
                self.quit_requested = true;
            }
        }
    }

    pub(super) fn show_save_dialog(&mut self, kind: DialogKind) {
        self.show_dialog(kind);
    }

    fn show_dialog(&mut self, kind: DialogKind) {
        if self.dialogs_available {
            let start = self
                .ws
                .project_path
                .as_ref()
                .and_then(|p| p.parent().map(Path::to_owned))
                .or_else(|| std::env::current_dir().ok());
            self.jobs.dialog(kind, start);
        } else {
            self.typed_path_fallback(kind, "No file dialog can be shown on this system (no desktop portal or zenity was found).");
        }
    }

    fn typed_path_fallback(&mut self, kind: DialogKind, reason: &str) {
        let text = match (kind, &self.ws.project_path) {
            (DialogKind::SaveProject, Some(p)) => p.display().to_string(),
            _ => String::new(),
        };
        self.dialog = Some(Dialog::TypedPath {
            kind,
            text,
            reason: Some(reason.to_owned()),
        });
    }

    /// A path was chosen in a dialog (native or typed) for `kind`.
    pub(super) fn dialog_chosen(&mut self, ctx: &egui::Context, kind: DialogKind, path: PathBuf) {
        match kind {
            DialogKind::OpenFolder | DialogKind::OpenProject => self.open_path_now(path),
            DialogKind::SaveProject => self.save_to(path),
            DialogKind::ExportSeries(id) => self.export_series(id, path),
            DialogKind::ExportPlot => self.export_plot(ctx, path),
            DialogKind::ExportAnalysis => self.export_analysis(path),
            DialogKind::ExportQdpx => self.export_qdpx(path),
            DialogKind::ExportQdc => self.export_qdc(path),
        }
    }

    /// Open a folder (as a new project) or a project file, without asking about changes.
    pub(super) fn open_path_now(&mut self, path: PathBuf) {
        if path.is_dir() {
            self.jobs.load_folder(path, LoadPurpose::NewProject);
        } else if path.is_file() {
            self.jobs.open_project(path);
        } else {
            self.notes.error(format!(
                "There is no file or folder there — {}",
                path.display()
            ));
        }
    }

    pub(super) fn save(&mut self) {
        match self.ws.project_path.clone() {
            Some(path) => self.save_to(path),
            None => self.show_dialog(DialogKind::SaveProject),
        }
    }

    pub(super) fn save_to(&mut self, path: PathBuf) {
        let path = if path.extension().is_none() {
            path.with_extension("json")
        } else {
            path
        };
        if path.is_dir() {
            self.notes.error(format!(
                "That is a folder; give a file name for the project — {}",
                path.display()
            ));
            return;
        }
        // Never overwrite a file that is not a Dossier project (an article, say).
        if path.exists() && self.ws.project_path.as_ref() != Some(&path) && io::open(&path).is_err()
        {
            self.notes.error(format!(
                "That file exists and is not a Dossier project, so it was not overwritten — {}",
                path.display()
            ));
            return;
        }
        let project = self.ws.project_for_save(&path);
        self.jobs.save(project, path, self.ws.history.state());
    }

    pub(super) fn poll_jobs(&mut self, ctx: &egui::Context) {
        for output in self.jobs.poll() {
            match output {
                JobOutput::FolderLoaded {
                    folder,
                    purpose,
                    result,
                    elapsed,
                } => self.folder_loaded(folder, purpose, result, elapsed),
                JobOutput::ProjectOpened { path, result } => match result {
                    Ok(opened) => self.project_opened(path, opened),
                    Err(e) => self.notes.error(format!("Could not open the project: {e}")),
                },
                JobOutput::Saved {
                    path,
                    state,
                    result,
                    elapsed,
                    project,
                } => match result {
                    Ok(()) => {
                        // The saved file holds the work now; the recovery copy is stale.
                        if let Some(old) = self.recovery_path() {
                            super::recovery::remove(&old);
                        }
                        self.autosave.state = None;
                        self.ws.history.mark_saved(state);
                        self.ws.project.corpus_folder = project.corpus_folder;
                        self.ws.project.articles = project.articles;
                        self.ws.project_path = Some(path.clone());
                        self.settings.add_recent(&path);
                        self.notes.info(format!(
                            "Saved {} ({} passages, {} ms).",
                            path.display(),
                            project.passages.len(),
                            elapsed.as_millis()
                        ));
                        if let Some(next) = self.after_save.take() {
                            self.perform(next);
                        }
                    }
                    Err(e) => {
                        self.after_save = None;
                        self.notes.error(format!("{e}"));
                    }
                },
                JobOutput::Dialog {
                    kind,
                    path,
                    elapsed,
                } => match path {
                    Some(path) => self.dialog_chosen(ctx, kind, path),
                    None if elapsed < DIALOG_MIN => self.typed_path_fallback(
                        kind,
                        "The file dialog closed at once; if none appeared, this system cannot show one.",
                    ),
                    None => self.after_save = None,
                },
                JobOutput::Searched {
                    generation,
                    result,
                    elapsed,
                } => self.views.search.receive(generation, result, elapsed.as_secs_f64() * 1000.0),
                JobOutput::Reread { root, changes } => self.take_changes(root, changes),
                JobOutput::RecoveryWritten { path, result } => {
                    if let Err(e) = result {
                        self.notes.warn(format!("The recovery copy could not be written: {e} — {}", path.display()));
                    }
                }
                JobOutput::Exported { path, result } => match result {
                    Ok(()) => self.notes.info(format!("Exported {}", path.display())),
                    Err(e) => self
                        .notes
                        .error(format!("Could not export: {e} — {}", path.display())),
                },
                JobOutput::Failed { label, error } => {
                    self.notes.error(format!("{label} could not start: {error}."));
                }
            }
        }
        let _ = ctx;
    }

    fn folder_loaded(
        &mut self,
        folder: PathBuf,
        purpose: LoadPurpose,
        result: Result<super::jobs::LoadedCorpus, crate::corpus::LoadError>,
        elapsed: Duration,
    ) {
        let loaded = match result {
            Ok(ok) => ok,
            Err(crate::corpus::LoadError::Cancelled) => return,
            Err(e) => {
                self.notes
                    .error(format!("Could not load the articles: {e}"));
                match purpose {
                    // The project still opens, with its passages kept, without articles.
                    LoadPurpose::ForProject {
                        project_path,
                        opened,
                    } => {
                        self.install(Workspace::from_project(Some(project_path), *opened, None));
                    }
                    LoadPurpose::Recovered {
                        project_path,
                        opened,
                    } => {
                        self.install(Workspace::from_project(project_path, *opened, None));
                        self.ws.history.mark_unsaved();
                    }
                    LoadPurpose::NewProject => {}
                }
                return;
            }
        };
        let skipped = loaded.report.skipped.len();
        let articles = loaded.corpus.len();
        let figures: usize = loaded.figures.values().map(Vec::len).sum();
        let summary = format!(
            "Loaded {articles} article(s) with {figures} figure(s) from {} in {} ms{}",
            folder.display(),
            elapsed.as_millis(),
            if skipped > 0 {
                format!("; {skipped} file(s) skipped (View › Load report)")
            } else {
                String::new()
            }
        );
        match purpose {
            LoadPurpose::NewProject => {
                self.settings.add_recent(&folder);
                self.install(Workspace::from_folder(loaded));
                self.offer_recovery();
            }
            LoadPurpose::Recovered {
                project_path,
                opened,
            } => {
                self.install(Workspace::from_project(project_path, *opened, Some(loaded)));
                self.ws.history.mark_unsaved();
                self.apply_reanchoring();
                self.notes
                    .info("The unsaved work was restored. Save to keep it.");
            }
            LoadPurpose::ForProject {
                project_path,
                opened,
            } => {
                self.settings.add_recent(&project_path);
                self.install(Workspace::from_project(
                    Some(project_path),
                    *opened,
                    Some(loaded),
                ));
                self.apply_reanchoring();
                self.offer_recovery();
            }
        }
        let level = if skipped > 0 {
            Level::Warning
        } else {
            Level::Info
        };
        self.notes.push(level, summary);
        if !self.ws.open_warnings.is_empty() {
            self.notes.warn(format!(
                "The project file had {} problem(s) that were flagged or repaired (View › Load report).",
                self.ws.open_warnings.len()
            ));
        }
        if !self.ws.problems.is_empty() || !self.ws.figure_problems.is_empty() {
            self.notes.warn(format!(
                "{} passage(s) and {} figure(s) could not be placed in their article; see the Orphans tab.",
                self.ws.problems.len(),
                self.ws.figure_problems.len()
            ));
        }
    }

    /// Move passages and figures to where re-anchoring found them (one undoable edit) and say
    /// what happened.
    pub(super) fn apply_reanchoring(&mut self) {
        let Some(found) = self.ws.reanchored.clone() else {
            return;
        };
        if let Some(edit) =
            crate::project::reanchor::edit(&self.ws.project, &self.ws.corpus, &found)
        {
            self.edit(edit);
        }
        if !found.is_quiet() {
            let level = if found.passage_counts().orphaned + found.figure_counts().orphaned > 0 {
                Level::Warning
            } else {
                Level::Info
            };
            self.notes.push(
                level,
                format!(
                    "Some articles changed since the last save. {}",
                    found.summary()
                ),
            );
        }
    }

    fn project_opened(&mut self, path: PathBuf, opened: crate::project::Opened) {
        match opened.project.corpus_folder.clone() {
            Some(folder) => {
                let location = io::corpus_location(&path, &folder);
                if location.outside {
                    self.dialog = Some(Dialog::CorpusOutside {
                        project_path: path,
                        opened: Box::new(opened),
                        folder: location.path,
                    });
                } else {
                    self.load_for_project(path, opened, location.path);
                }
            }
            None => self.install(Workspace::from_project(Some(path), opened, None)),
        }
    }

    pub(super) fn load_for_project(
        &mut self,
        project_path: PathBuf,
        opened: crate::project::Opened,
        folder: PathBuf,
    ) {
        self.jobs.load_folder(
            folder,
            LoadPurpose::ForProject {
                project_path,
                opened: Box::new(opened),
            },
        );
    }

    /// Replace the workspace, resetting the selection to the first article.
    pub(super) fn install(&mut self, ws: Workspace) {
        self.ws = ws;
        self.sel = Default::default();
        self.sel.article = self.ws.corpus.articles().first().map(|a| a.id.clone());
        self.views = Default::default();
    }

    pub(super) fn handle_close_request(&mut self, ctx: &egui::Context) {
        if self.quit_requested {
            self.quit_requested = false;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close && self.ws.is_dirty()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::Unsaved(Pending::Quit));
        }
    }

    pub(super) fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.commands.push(Command::OpenPath(path));
        }
    }
}
