//! The eframe application: the window, its frame loop, and the one place commands are applied.
//! Each frame: finished background work is taken in, keys become commands, the panes are drawn
//! (reading the session, sending commands), then every command is applied — changes to the
//! project and the corpus through [`Session::apply`].

mod autosave;
mod exports;
mod files;
mod handle;
pub mod jobs;
mod keys;
mod layout;
mod loading;
pub mod settings;
mod team;
mod watch;

use std::path::PathBuf;

use egui::Ui;

use self::jobs::Jobs;
use self::settings::Settings;
use crate::context::{
    Command, CommandQueue, Dialog, ExportWhat, Notifications, Pending, Selection, Tab, Windows,
};
use crate::session::Session;
use crate::ui::agreement::AgreementState;
use crate::ui::analysis::AnalysisState;
use crate::ui::codebook::CodebookState;
use crate::ui::command_palette::PaletteState;
use crate::ui::figures::FiguresState;
use crate::ui::inspector::InspectorState;
use crate::ui::library::LibraryState;
use crate::ui::passages::PassagesState;
use crate::ui::plot::PlotState;
use crate::ui::preferences::PreferencesState;
use crate::ui::reader::ReaderState;
use crate::ui::search::SearchState;

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
    /// The program that opens articles' original files (default: the system's opener).
    pub opener: Option<PathBuf>,
}

/// The view state each pane owns.
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
    actors: crate::ui::actors::ActorsState,
    agreement: AgreementState,
    preferences: PreferencesState,
    queries: crate::ui::queries::QueriesState,
}

/// The Dossier window.
pub struct DossierApp {
    session: Session,
    sel: Selection,
    notes: Notifications,
    tab: Tab,
    jobs: Jobs,
    views: Views,
    queue: CommandQueue,
    dialog: Option<Dialog>,
    palette: Option<PaletteState>,
    windows: Windows,
    settings: Settings,
    title: String,
    allow_close: bool,
    /// Quit was confirmed; close the window on the next frame.
    quit_requested: bool,
    dialogs_available: bool,
    /// What to do once a save that was asked for before another action finishes.
    after_save: Option<Pending>,
    /// A save asked for while another ran: it starts when that one is done.
    queued_save: Option<PathBuf>,
    /// The native file dialog asked for, and when: if none has appeared after a few seconds the
    /// typed path is offered (a broken portal can hang for ever).
    waiting_dialog: Option<(crate::context::DialogKind, std::time::Instant)>,
    /// The path typed in Save as…: if that save fails, the dialog comes back with the error.
    typed_save: Option<PathBuf>,
    /// The table waiting for the export dialog's answer.
    pending_export: Option<ExportWhat>,
    /// An existing file the analyst agreed to replace with the next export (or that a native
    /// file dialog, which asks itself, returned).
    confirmed_replace: Option<PathBuf>,
    autosave: autosave::Autosave,
    data_dir: Option<PathBuf>,
    /// Watches the corpus folder for changes on disk.
    watcher: Option<watch::CorpusWatcher>,
    /// The folder a watch was last asked for (it is set up on a worker).
    watch_requested: Option<PathBuf>,
}

impl DossierApp {
    pub fn new(cc: &eframe::CreationContext<'_>, start: StartOptions) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, settings::STORAGE_KEY))
            .unwrap_or_default();
        let mut app = Self {
            session: Session::default(),
            sel: Selection::default(),
            notes: Notifications::default(),
            tab: Tab::Passages,
            jobs: Jobs::new(cc.egui_ctx.clone()),
            views: Views::default(),
            queue: CommandQueue::default(),
            dialog: None,
            palette: None,
            windows: Windows::default(),
            settings,
            title: String::new(),
            allow_close: false,
            quit_requested: false,
            dialogs_available: !start.no_native_dialogs && jobs::native_dialogs_available(),
            after_save: None,
            queued_save: None,
            pending_export: None,
            confirmed_replace: None,
            waiting_dialog: None,
            typed_save: None,
            autosave: autosave::Autosave::default(),
            data_dir: start
                .data_dir
                .clone()
                .or_else(|| eframe::storage_dir("dossier")),
            watcher: None,
            watch_requested: None,
        };
        if let Some(limit) = start.max_file_bytes {
            app.jobs.load_options.max_file_bytes = limit;
        }
        app.jobs.opener = start.opener;
        if let Some(path) = start.path {
            app.jobs.open_path(path);
        }
        app
    }

    /// The open session (read-only: it changes only through commands).
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// What is selected.
    pub fn selection(&self) -> &Selection {
        &self.sel
    }

    /// Every message shown this session.
    pub fn notes(&self) -> &Notifications {
        &self.notes
    }

    /// The tab shown in the lower pane.
    pub fn tab(&self) -> Tab {
        self.tab
    }

    /// No background job is running (loading, saving, a dialog) and no change on disk is
    /// waiting to be read.
    pub fn is_idle(&self) -> bool {
        self.jobs.is_idle()
            && self.queued_save.is_none()
            && !self
                .watcher
                .as_ref()
                .is_some_and(watch::CorpusWatcher::is_waiting)
    }

    /// A copy of the plot pane's view state (which series are shown).
    pub fn plot_state(&self) -> PlotState {
        self.views.plot.clone()
    }

    /// Queue a command as if a pane had sent it; it is applied after the next frame.
    pub fn push(&mut self, command: impl Into<Command>) {
        self.queue.send(command);
    }

    /// Run `work` on the app (every frame runs through here). If it panics, the unsaved work is
    /// written to the recovery copy first, then the panic goes on.
    pub fn run_guarded<T>(&mut self, work: impl FnOnce(&mut Self) -> T) -> T {
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(self))) {
            Ok(value) => value,
            Err(payload) => {
                let written = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    self.write_recovery_now()
                }));
                if let Ok(Some(path)) = written {
                    report_recovery_on_the_way_down(&path);
                }
                std::panic::resume_unwind(payload)
            }
        }
    }

    /// One frame of the window.
    fn frame(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.poll_jobs();
        self.offer_typed_path_when_no_dialog();
        self.handle_close_request(&ctx);
        self.handle_dropped_files(&ctx);
        self.shortcuts(&ctx);
        self.layout(ui);
        self.overlays_ui(&ctx);
        self.apply_commands(&ctx);

        let title = self.session.title();
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

impl eframe::App for DossierApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.run_guarded(|app| app.frame(ui));
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, settings::STORAGE_KEY, &self.settings);
    }
}

/// The window is going down: the terminal is the only place left to say where the work went.
#[expect(
    clippy::print_stderr,
    reason = "the window is going down; the terminal is the only place left to tell the analyst"
)]
fn report_recovery_on_the_way_down(path: &std::path::Path) {
    eprintln!(
        "dossier: the unsaved work was written to {} before stopping",
        path.display()
    );
}
