//! The eframe application: window layout, keyboard shortcuts, and the loop that applies the
//! commands the panes emit, after each frame.

mod analysis_apply;
mod apply;
mod autosave;
mod changes_apply;
pub mod command;
mod dialogs;
mod figures_apply;
mod interop_apply;
pub mod jobs;
pub mod notify;
pub mod recovery;
pub mod settings;
mod watch;
pub mod workspace;

use std::path::PathBuf;

use egui::{CentralPanel, Key, Modifiers, Panel, Ui};

use self::command::{Action, Command};
use self::dialogs::{Dialog, Windows};
use self::jobs::Jobs;
use self::notify::Notifications;
use self::settings::Settings;
use self::workspace::Workspace;
use crate::ui::analysis::{AnalysisState, cooccurrence_ui, frequency_ui, matrix_ui, retrieval_ui};
use crate::ui::codebook::{CodebookState, codebook_ui, theme_click};
use crate::ui::figures::{FiguresState, figures_ui};
use crate::ui::inspector::{InspectorState, inspector_ui};
use crate::ui::library::{LibraryState, library_ui};
use crate::ui::menu::menu_ui;
use crate::ui::orphans::orphans_ui;
use crate::ui::passages::{PassagesState, passages_ui};
use crate::ui::plot::{PlotState, plot_ui};
use crate::ui::reader::{self, ReaderState, reader_ui};
use crate::ui::search::{SearchState, search_ui};
use crate::ui::status::{status_ui, toasts_ui};
use crate::ui::{Selection, numbered_themes};

/// How the window starts.
#[derive(Clone, Debug, Default)]
pub struct StartOptions {
    /// A folder of articles or a project file to open.
    pub path: Option<PathBuf>,
    /// Never try native file dialogs; always ask for a typed path (tests, headless systems).
    pub no_native_dialogs: bool,
    /// Where recovery copies of never-saved projects go (default: the user's data folder).
    pub data_dir: Option<PathBuf>,
    /// Article files larger than this are skipped when a folder loads (default 20 MiB).
    pub max_file_bytes: Option<u64>,
}

/// The tabs of the lower pane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Passages,
    Figures,
    Plot,
    Search,
    Matrix,
    Cooccurrence,
    Frequency,
    Retrieval,
    Orphans,
}

impl Tab {
    pub const ALL: &'static [Tab] = &[
        Tab::Passages,
        Tab::Search,
        Tab::Figures,
        Tab::Plot,
        Tab::Matrix,
        Tab::Cooccurrence,
        Tab::Frequency,
        Tab::Retrieval,
        Tab::Orphans,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Passages => "Passages",
            Tab::Figures => "Figures",
            Tab::Plot => "Plot",
            Tab::Search => "Search",
            Tab::Matrix => "Themes × articles",
            Tab::Cooccurrence => "Co-occurrence",
            Tab::Frequency => "Frequency",
            Tab::Retrieval => "Retrieval",
            Tab::Orphans => "Orphans",
        }
    }
}

/// Per-pane view state.
#[derive(Default)]
struct Views {
    library: LibraryState,
    reader: ReaderState,
    codebook: CodebookState,
    inspector: InspectorState,
    passages: PassagesState,
    figures: FiguresState,
    plot: PlotState,
    search: SearchState,
    analysis: AnalysisState,
}

/// The Dossier window.
pub struct DossierApp {
    pub ws: Workspace,
    pub sel: Selection,
    pub notes: Notifications,
    pub tab: Tab,
    jobs: Jobs,
    views: Views,
    commands: Vec<Command>,
    dialog: Option<Dialog>,
    windows: Windows,
    settings: Settings,
    title: String,
    allow_close: bool,
    /// Quit was confirmed; close the window on the next frame.
    quit_requested: bool,
    dialogs_available: bool,
    /// What to do once a save that was asked for before another action finishes.
    after_save: Option<dialogs::Pending>,
    /// The analysis view waiting for the export dialog's answer.
    pending_export: Option<command::ExportWhat>,
    autosave: autosave::Autosave,
    data_dir: Option<PathBuf>,
    /// Watches the corpus folder for changes on disk.
    watcher: Option<watch::CorpusWatcher>,
}

impl DossierApp {
    pub fn new(cc: &eframe::CreationContext<'_>, start: StartOptions) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, settings::STORAGE_KEY))
            .unwrap_or_default();
        let mut app = Self {
            ws: Workspace::default(),
            sel: Selection::default(),
            notes: Notifications::default(),
            tab: Tab::Passages,
            jobs: Jobs::new(cc.egui_ctx.clone()),
            views: Views::default(),
            commands: Vec::new(),
            dialog: None,
            windows: Windows::default(),
            settings,
            title: String::new(),
            allow_close: false,
            quit_requested: false,
            dialogs_available: !start.no_native_dialogs && jobs::native_dialogs_available(),
            after_save: None,
            pending_export: None,
            autosave: autosave::Autosave::default(),
            data_dir: start
                .data_dir
                .clone()
                .or_else(|| eframe::storage_dir("dossier")),
            watcher: None,
        };
        if let Some(limit) = start.max_file_bytes {
            app.jobs.load_options.max_file_bytes = limit;
        }
        if let Some(path) = start.path {
            app.open_path_now(path);
        }
        app
    }

    /// No background job is running (loading, saving, a dialog) and no change on disk is
    /// waiting to be read.
    pub fn is_idle(&self) -> bool {
        self.jobs.is_idle()
            && !self
                .watcher
                .as_ref()
                .is_some_and(watch::CorpusWatcher::is_waiting)
    }

    /// A copy of the plot pane's view state (which series are shown).
    pub fn plot_state(&self) -> PlotState {
        self.views.plot.clone()
    }

    /// Queue a command as if a pane had emitted it (for tests and the command line).
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Global shortcuts from [`Action`], then the reader's keys (1–9, Escape).
    fn shortcuts(&mut self, ctx: &egui::Context) {
        let focused = ctx.memory(|m| m.focused());
        let reader_or_nothing = focused.is_none_or(|id| id == reader::text_id());
        // More specific shortcuts first: Ctrl+Shift+Z must not be taken as Ctrl+Z.
        let mut actions: Vec<(Action, egui::KeyboardShortcut)> = Action::ALL
            .iter()
            .flat_map(|a| {
                a.shortcut()
                    .into_iter()
                    .chain(a.alternate_shortcuts())
                    .map(move |s| (*a, s))
            })
            .collect();
        actions.sort_by_key(|(_, s)| {
            std::cmp::Reverse(s.modifiers.shift as u8 + s.modifiers.alt as u8)
        });
        for (action, shortcut) in actions {
            if action.conflicts_with_text_fields() && !reader_or_nothing {
                continue;
            }
            if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                self.commands.push(Command::Action(action));
            }
        }
        if !reader_or_nothing || self.dialog.is_some() {
            return;
        }
        const NUMBERS: [Key; 9] = [
            Key::Num1,
            Key::Num2,
            Key::Num3,
            Key::Num4,
            Key::Num5,
            Key::Num6,
            Key::Num7,
            Key::Num8,
            Key::Num9,
        ];
        let themes = numbered_themes(&self.ws.project);
        for (key, theme) in NUMBERS.iter().zip(themes) {
            if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, *key))
                && (self.sel.text.is_some() || self.sel.passage.is_some())
            {
                self.commands.push(theme_click(&self.sel, theme));
            }
        }
        if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
            self.commands.push(Command::ClearSelection);
        }
    }

    fn layout(&mut self, ui: &mut Ui) {
        let mut out = std::mem::take(&mut self.commands);
        Panel::top("menu").show(ui, |ui| {
            menu_ui(ui, &self.ws, &self.settings.recent, &mut out);
        });
        Panel::bottom("status").show(ui, |ui| {
            status_ui(ui, &self.ws, &self.jobs);
        });
        Panel::bottom("lower")
            .resizable(true)
            .default_size(300.0)
            .min_size(80.0)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    for tab in Tab::ALL {
                        ui.selectable_value(&mut self.tab, *tab, tab.title());
                    }
                });
                ui.separator();
                match self.tab {
                    Tab::Passages => {
                        passages_ui(ui, &self.ws, &self.sel, &mut self.views.passages, &mut out);
                    }
                    Tab::Figures => {
                        figures_ui(ui, &self.ws, &self.sel, &mut self.views.figures, &mut out);
                    }
                    Tab::Plot => plot_ui(ui, &self.ws, &mut self.views.plot, &mut out),
                    Tab::Search => {
                        search_ui(ui, &self.ws, &self.sel, &mut self.views.search, &mut out)
                    }
                    Tab::Matrix => matrix_ui(ui, &self.ws, &mut self.views.analysis, &mut out),
                    Tab::Cooccurrence => {
                        cooccurrence_ui(ui, &self.ws, &mut self.views.analysis, &mut out)
                    }
                    Tab::Frequency => {
                        frequency_ui(ui, &self.ws, &mut self.views.analysis, &mut out)
                    }
                    Tab::Retrieval => {
                        retrieval_ui(ui, &self.ws, &mut self.views.analysis, &mut out)
                    }
                    Tab::Orphans => orphans_ui(ui, &self.ws, &self.sel, &mut out),
                }
            });
        Panel::left("library")
            .resizable(true)
            .default_size(270.0)
            .show(ui, |ui| {
                ui.heading("Library");
                library_ui(ui, &self.ws, &self.sel, &mut self.views.library, &mut out);
            });
        Panel::right("codebook")
            .resizable(true)
            .default_size(320.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("right_scroll")
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        ui.heading("Codebook");
                        codebook_ui(ui, &self.ws, &self.sel, &mut self.views.codebook, &mut out);
                        ui.separator();
                        ui.heading("Passage");
                        inspector_ui(ui, &self.ws, &self.sel, &mut self.views.inspector, &mut out);
                    });
            });
        self.update_figure_marks();
        CentralPanel::default().show(ui, |ui| {
            let result = reader_ui(ui, &self.ws, &self.sel, &mut self.views.reader, &mut out);
            self.sel.text = result.selection;
        });
        self.commands = out;
    }
}

impl DossierApp {
    /// Give the reader the figures of the open article to mark.
    fn update_figure_marks(&mut self) {
        let Some(article) = &self.sel.article else {
            return;
        };
        let mut hasher = std::hash::DefaultHasher::new();
        std::hash::Hash::hash(&(article, self.ws.revision), &mut hasher);
        let key = std::hash::Hasher::finish(&hasher);
        if self.views.reader.marks.0 != key {
            let spans = self
                .ws
                .figure_rows
                .iter()
                .filter(|r| {
                    &r.key.article == article
                        && r.status != crate::figures::curation::RowStatus::Rejected
                })
                .map(|r| (r.key.start, r.key.end))
                .collect();
            self.views.reader.marks = (key, spans);
        }
    }
}

impl eframe::App for DossierApp {
    fn ui(&mut self, ui: &mut Ui, frame: &mut eframe::Frame) {
        // A panic anywhere in a frame first writes the recovery copy, then goes on.
        let result =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.frame(ui, frame)));
        if let Err(payload) = result {
            let written = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                self.write_recovery_now()
            }));
            if let Ok(Some(path)) = written {
                eprintln!(
                    "dossier: the unsaved work was written to {} before stopping",
                    path.display()
                );
            }
            std::panic::resume_unwind(payload);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, settings::STORAGE_KEY, &self.settings);
    }
}

impl DossierApp {
    /// One frame of the window.
    fn frame(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.poll_jobs(&ctx);
        self.handle_close_request(&ctx);
        self.handle_dropped_files(&ctx);
        self.shortcuts(&ctx);
        self.layout(ui);
        self.dialogs_ui(&ctx);
        toasts_ui(&ctx, &mut self.notes);
        self.apply_commands(&ctx);

        let title = self.ws.title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        if let Some(wait) = self.notes.next_expiry() {
            ctx.request_repaint_after(wait);
        }
        if !self.jobs.is_idle() {
            // Keep progress bars moving.
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        self.autosave(&ctx);
        self.poll_watcher(&ctx);
    }
}
