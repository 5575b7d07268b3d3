//! Applying the commands of a frame, after it: one exhaustive `match` over [`Command`] and one
//! over each of its areas, so a command that nobody handles does not compile. Changes to the
//! project and the corpus go to [`Session::apply`](crate::session::Session::apply); what an
//! intent made is then selected, and what it has to say is shown.

use egui::TextEdit;

use super::{DossierApp, files};
use crate::context::dialog::AutoTagDialog;
use crate::context::{
    Command, Dialog, DialogCommand, DialogKind, Pending, SelectCommand, Tab, UiCommand,
    WorkCommand, theme_click, theme_for_key,
};
use crate::session::recovery;
use crate::session::{
    CodebookIntent, HistoryIntent, Intent, Outcome, Session, TagIntent, TextRange,
};
use crate::ui::reader::{ScrollTarget, text_id};

/// At most this many search hits are listed (the count says when there were more).
const HIT_LIMIT: usize = 100_000;

impl DossierApp {
    pub(super) fn apply_commands(&mut self, ctx: &egui::Context) {
        // Commands may queue more commands; handle until none are left (bounded).
        for _ in 0..8 {
            let commands = self.queue.take();
            if commands.is_empty() {
                break;
            }
            // What a command changed shows on the next frame.
            ctx.request_repaint();
            for command in commands {
                self.handle(ctx, command);
            }
        }
    }

    fn handle(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Ui(command) => self.ui_command(ctx, command),
            Command::Intent(intent) => self.apply_intent(ctx, intent),
            Command::Select(command) => self.select(ctx, command),
            Command::File(command) => self.file_command(command),
            Command::Dialog(command) => self.dialog_command(command),
            Command::Work(command) => self.work(command),
            Command::Notify(level, text) => self.notes.push(level, text),
            Command::DismissNotice(i) => self.notes.dismiss(i),
        }
    }

    /// Give an intent to the session; select what it made and say what it has to say.
    pub(super) fn apply_intent(&mut self, ctx: &egui::Context, intent: Intent) {
        match self.session.apply(intent) {
            Ok(outcome) => self.take_outcome(ctx, outcome),
            Err(e) => self.notes.push(e.level(), e.to_string()),
        }
        self.sel.prune(self.session.project());
    }

    fn take_outcome(&mut self, ctx: &egui::Context, outcome: Outcome) {
        if let Some(passage) = outcome.passage {
            // The passage is selected, so the next number key adds another theme to it.
            self.sel.passage = Some(passage);
            self.clear_text_selection(ctx);
        }
        if let Some(figure) = outcome.figure {
            self.sel.figure = Some(figure);
        }
        if outcome.series.is_some() {
            self.views.figures.picked.clear();
        }
        if let Some(notice) = outcome.notice {
            self.notes.notice(notice);
        }
        if let Some(report) = outcome.report {
            self.windows.report = Some(report);
        }
    }

    fn ui_command(&mut self, ctx: &egui::Context, command: UiCommand) {
        match command {
            UiCommand::OpenFolder => self.guard(Pending::Dialog(DialogKind::OpenFolder)),
            UiCommand::OpenProject => self.guard(Pending::Dialog(DialogKind::OpenProject)),
            UiCommand::OpenPath => self.guard(Pending::TypedPath),
            UiCommand::Save => self.save(),
            UiCommand::SaveAs => self.show_dialog(DialogKind::SaveProject),
            UiCommand::ExportQdpx => self.show_dialog(DialogKind::ExportQdpx),
            UiCommand::ExportQdc => self.show_dialog(DialogKind::ExportQdc),
            UiCommand::ExportReport => self.show_dialog(DialogKind::ExportReport),
            UiCommand::ImportQdpx => self.guard(Pending::Dialog(DialogKind::ImportQdpx)),
            UiCommand::ImportQdc => self.show_dialog(DialogKind::ImportQdc),
            UiCommand::MergeProject => self.show_dialog(DialogKind::MergeProject),
            UiCommand::Preferences => self.windows.preferences = true,
            UiCommand::Quit => self.guard(Pending::Quit),
            UiCommand::Undo => self.apply_intent(ctx, HistoryIntent::Undo.into()),
            UiCommand::Redo => self.apply_intent(ctx, HistoryIntent::Redo.into()),
            UiCommand::DeleteSelection => {
                if let Some(p) = self.sel.passage.take() {
                    self.apply_intent(ctx, TagIntent::Delete(p).into());
                }
            }
            UiCommand::Find => {
                self.tab = Tab::Search;
                self.views.search.focus = true;
            }
            UiCommand::FindNext | UiCommand::FindPrevious => {
                let forward = command == UiCommand::FindNext;
                let next = self.views.search.step(forward).is_some();
                match (next, self.views.search.current) {
                    (true, Some(i)) => self.show_hit(ctx, i),
                    _ => self.notes.info("No search hits: press Ctrl+F to search."),
                }
            }
            UiCommand::TagWithTheme(n) => {
                let theme = theme_for_key(self.session.project(), n);
                if let Some(theme) =
                    theme.filter(|_| self.sel.text.is_some() || self.sel.passage.is_some())
                {
                    let click = theme_click(&self.sel, theme);
                    self.handle(ctx, click);
                }
            }
            UiCommand::ClearSelection => {
                self.sel.passage = None;
                self.clear_text_selection(ctx);
            }
            UiCommand::ShowTab(tab) => self.tab = tab,
            UiCommand::ShowLoadReport => self.windows.load_report = true,
            UiCommand::ShowMessages => self.windows.messages = true,
            UiCommand::ShowShortcuts => self.windows.shortcuts = true,
            UiCommand::ShowProjectMemo => self.windows.project_memo = true,
            UiCommand::OpenSource => match self.sel.article.clone() {
                Some(id) => self.file_command(crate::context::FileCommand::OpenSource(id)),
                None => self.notes.info("Open an article first."),
            },
            UiCommand::OpenSample => match files::sample_project() {
                Some(path) => self.guard(Pending::OpenPath(path)),
                None => self.notes.error(format!(
                    "The sample project is not installed beside Dossier — {}",
                    files::SAMPLE
                )),
            },
            UiCommand::TogglePanel(panel) => self.settings.panels.toggle(panel),
            UiCommand::CommandPalette => {
                self.palette = match self.palette {
                    Some(_) => None,
                    None => Some(Default::default()),
                };
            }
        }
    }

    fn select(&mut self, ctx: &egui::Context, command: SelectCommand) {
        match command {
            SelectCommand::OpenArticle(id) => {
                self.sel.article = Some(id);
                self.sel.passage = None;
                self.clear_text_selection(ctx);
            }
            SelectCommand::Passage(id) => {
                if let Some(p) = self.session.project().passages.get(&id) {
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
            SelectCommand::ShowRange(range) => self.show_range(range),
            SelectCommand::DeselectPassage => self.sel.passage = None,
            SelectCommand::Text(text) => self.sel.text = text,
            SelectCommand::Figure(key) => {
                self.sel.figure = Some(key.clone());
                self.show_range(TextRange {
                    article: key.article,
                    start: key.start,
                    end: key.end,
                });
            }
            SelectCommand::PickFigure(key) => self.sel.figure = Some(key),
            SelectCommand::Hit(i) => {
                self.views.search.current = Some(i);
                self.show_hit(ctx, i);
            }
            SelectCommand::EditTheme(id) => self.sel.theme = id,
            SelectCommand::Coders(view) => self.sel.coders = view,
        }
    }

    /// Open an article scrolled to a range, with the range selected as text.
    fn show_range(&mut self, range: TextRange) {
        self.sel.article = Some(range.article.clone());
        self.sel.passage = None;
        self.views.reader.scroll_to = Some(ScrollTarget {
            article: range.article,
            start: range.start,
            end: range.end,
            select: true,
        });
    }

    fn show_hit(&mut self, _ctx: &egui::Context, i: usize) {
        let hit = self
            .views
            .search
            .result
            .as_ref()
            .and_then(|r| r.hits.get(i))
            .cloned();
        if let Some(h) = hit {
            self.show_range(TextRange {
                article: h.article,
                start: h.start,
                end: h.end,
            });
        }
    }

    pub(super) fn clear_text_selection(&mut self, ctx: &egui::Context) {
        self.sel.text = None;
        if let Some(mut state) = TextEdit::load_state(ctx, text_id()) {
            state.cursor.set_char_range(None);
            state.store(ctx, text_id());
        }
    }

    fn dialog_command(&mut self, command: DialogCommand) {
        match command {
            DialogCommand::ConfirmDeleteTheme(id) => {
                if self.session.theme_in_use(id) {
                    self.dialog = Some(Dialog::DeleteTheme(id));
                } else {
                    self.queue.send(CodebookIntent::Delete(id));
                }
            }
            DialogCommand::PrepareAutoTag { query, scope } => {
                let theme = self
                    .sel
                    .theme
                    .or_else(|| self.session.project().themes.first().map(|t| t.id));
                self.dialog = Some(Dialog::AutoTag(AutoTagDialog {
                    query,
                    scope,
                    theme,
                    unit: crate::analysis::autotag::Unit::Sentence,
                    save_rule: false,
                    requested: None,
                    preview: None,
                }));
            }
            // The dialog closed when it answered.
            DialogCommand::Close => {}
            DialogCommand::SaveThen(pending) => {
                self.after_save = Some(pending);
                self.save();
            }
            DialogCommand::DiscardThen(pending) => {
                self.discard_recovery();
                self.perform(pending);
            }
            DialogCommand::PathChosen(kind, path) => {
                if kind == DialogKind::SaveProject {
                    self.typed_save = Some(path.clone());
                }
                self.dialog_chosen(kind, path);
            }
            DialogCommand::ReplaceFile(kind, path) => {
                self.confirmed_replace = Some(path.clone());
                self.dialog_chosen(kind, path);
            }
            DialogCommand::OverwriteSave(path) => self.save_checked(path, true),
            DialogCommand::ReloadProject(path) => {
                self.discard_recovery();
                self.jobs.open_path(path);
            }
            DialogCommand::Restore(found) => {
                let fallback = self.session.corpus().root.clone();
                self.jobs.restore(found, fallback);
            }
            DialogCommand::DiscardRecovery(path) => recovery::remove(&path),
            DialogCommand::LoadCorpus {
                project_path,
                opened,
                folder,
            } => {
                self.settings.allow_outside(&project_path, &folder);
                self.load_for_project(project_path, *opened, folder);
            }
            DialogCommand::OpenWithoutCorpus {
                project_path,
                opened,
            } => {
                self.install(Session::from_project(Some(project_path), *opened, None));
                self.notes
                    .warn("The project is open without its articles; its passages are kept.");
            }
            DialogCommand::WriteImport {
                from,
                imported,
                project,
                sources,
            } => self.jobs.write_import(from, imported, project, sources),
        }
    }

    fn work(&mut self, command: WorkCommand) {
        let corpus = self.session.corpus().clone();
        match command {
            WorkCommand::Search {
                generation,
                regex,
                scope,
            } => self
                .jobs
                .search(generation, corpus, regex, scope, HIT_LIMIT),
            WorkCommand::PreviewAutoTag {
                query,
                scope,
                unit,
                theme,
            } => {
                let project = self.session.project().clone();
                self.jobs
                    .preview_auto_tag(corpus, project, query, scope, (unit, theme));
            }
            WorkCommand::Agreement(request) => {
                // Only for the project as it is now (the request was made this frame).
                if request.revision == self.session.revision() {
                    let project = self.session.project().clone();
                    self.jobs.agreement(request, project, corpus);
                }
            }
        }
    }
}
