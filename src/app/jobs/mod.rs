//! Background work on named threads, in typed slots ([`Slot`]): loading, saving, exports,
//! re-reading changed articles, searches, the recovery copy and native file dialogs. Results
//! come back over a channel and wake the UI with a repaint. One save runs at a time: the app
//! asks [`Jobs::is_running`] before it starts one.

mod file_dialog;
mod opener;
mod png;
pub mod team;
mod work;

use std::sync::atomic::Ordering;
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use std::path::PathBuf;

pub use self::file_dialog::native_dialogs_available;
pub use self::opener::open_command;
pub use self::png::encode_png;
pub use self::work::start_dir;
use crate::analysis::autotag::Plan;
use crate::context::dialog::DialogKind;
use crate::context::jobs::{JobProgress, Running, Slot};
use crate::corpus::changes::Change;
use crate::corpus::{LoadError, LoadOptions};
use crate::figures::Figure;
use crate::project::{Opened, Project, ProjectError, ThemeId};
use crate::session::LoadedCorpus;
use crate::session::recovery::Found;
use crate::session::save::SaveError;

/// What a corpus load is for.
#[derive(Debug)]
pub enum LoadPurpose {
    /// A new project on this folder.
    NewProject,
    /// The corpus of a project that was just opened.
    ForProject {
        project_path: PathBuf,
        opened: Box<Opened>,
    },
    /// The corpus of a project restored from its recovery file.
    Recovered {
        /// The project file it belongs to (`None` for a project never saved).
        project_path: Option<PathBuf>,
        opened: Box<Opened>,
    },
}

/// A finished job.
#[derive(Debug)]
#[expect(
    clippy::large_enum_variant,
    reason = "one value per finished job, moved once to the UI thread"
)]
pub enum JobOutput {
    FolderLoaded {
        folder: PathBuf,
        purpose: LoadPurpose,
        result: Result<LoadedCorpus, LoadError>,
        elapsed: Duration,
    },
    ProjectOpened {
        path: PathBuf,
        result: Box<Result<Opened, ProjectError>>,
    },
    /// There was no file or folder at the path to open.
    NothingThere(PathBuf),
    Saved {
        path: PathBuf,
        /// The history state that was saved.
        state: u64,
        result: Result<crate::project::FileStamp, SaveError>,
        elapsed: Duration,
        /// The copy that was written, with its corpus folder and article records.
        project: Box<Project>,
    },
    Dialog {
        kind: DialogKind,
        path: Option<PathBuf>,
        elapsed: Duration,
    },
    /// The job could not start, or stopped on an internal error.
    Failed { label: String, error: String },
    /// A search finished.
    Searched {
        generation: u64,
        result: crate::analysis::SearchResult,
        elapsed: Duration,
    },
    /// The preview of tagging every hit of a search.
    AutoTagPreview {
        theme: ThemeId,
        unit: crate::analysis::autotag::Unit,
        plan: Result<Plan, String>,
    },
    /// Files of the corpus changed on disk and were read again.
    Reread {
        root: PathBuf,
        changes: Vec<(Change, Vec<Figure>)>,
    },
    /// The recovery copy was written.
    RecoveryWritten {
        path: PathBuf,
        result: Result<(), String>,
    },
    /// Looked for a recovery copy of the project or folder just opened.
    RecoveryFound {
        project_path: Option<PathBuf>,
        root: PathBuf,
        found: Option<Found>,
    },
    /// A recovery copy could not be read back.
    RecoveryUnreadable(String),
    /// The corpus folder `root` is watched for changes (or could not be).
    Watching {
        root: PathBuf,
        result: Result<super::watch::CorpusWatcher, String>,
    },
    /// A file was exported (CSV, PNG, REFI-QDA).
    Exported {
        path: PathBuf,
        result: Result<(), String>,
    },
    /// REFI-QDA import, merging, agreement.
    Team(team::TeamOutput),
    /// An article's original file was handed to the system's opener (or could not be).
    Opened {
        path: PathBuf,
        result: Result<(), String>,
    },
}

/// Starts jobs and collects their results.
pub struct Jobs {
    tx: mpsc::Sender<(u64, JobOutput)>,
    rx: mpsc::Receiver<(u64, JobOutput)>,
    running: Vec<Running>,
    next_id: u64,
    ctx: egui::Context,
    pub load_options: LoadOptions,
    /// The program that opens articles' original files (`None`: the system's opener).
    pub opener: Option<PathBuf>,
}

impl Jobs {
    pub fn new(ctx: egui::Context) -> Self {
        let (tx, rx) = mpsc::channel();
        Self {
            tx,
            rx,
            running: Vec::new(),
            next_id: 1,
            ctx,
            load_options: LoadOptions::default(),
            opener: None,
        }
    }

    /// The window's context (to ask it for a screenshot, say).
    pub fn context(&self) -> egui::Context {
        self.ctx.clone()
    }

    pub fn running(&self) -> &[Running] {
        &self.running
    }

    pub fn is_idle(&self) -> bool {
        self.running.is_empty()
    }

    /// Is a job running in this slot?
    pub fn is_running(&self, slot: Slot) -> bool {
        self.running.iter().any(|r| r.slot == slot)
    }

    /// Finished jobs since the last call.
    pub fn poll(&mut self) -> Vec<JobOutput> {
        let mut out = Vec::new();
        while let Ok((id, output)) = self.rx.try_recv() {
            self.running.retain(|r| r.id != id);
            out.push(output);
        }
        out
    }

    /// Ask every running load to stop.
    pub fn cancel_loads(&self) {
        for r in self.running.iter().filter(|r| r.slot == Slot::Load) {
            r.progress.cancel.store(true, Ordering::Relaxed);
        }
    }

    /// Run `work` on a named thread in `slot`; its output comes back through [`Jobs::poll`].
    fn spawn(
        &mut self,
        slot: Slot,
        label: String,
        work: impl FnOnce(&JobProgress) -> JobOutput + Send + 'static,
    ) {
        let id = self.next_id;
        self.next_id += 1;
        let progress = Arc::new(JobProgress::default());
        let (tx, ctx, shared) = (self.tx.clone(), self.ctx.clone(), progress.clone());
        let job_label = label.clone();
        let spawned = std::thread::Builder::new()
            .name(format!("dossier-{slot:?}-{id}").to_lowercase())
            .spawn(move || {
                // A bug in a job must not leave the window waiting for it for ever.
                let output =
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&shared)))
                        .unwrap_or_else(|payload| JobOutput::Failed {
                            label: job_label,
                            error: format!(
                                "it stopped on an internal error ({})",
                                panic_message(&*payload)
                            ),
                        });
                let _ = tx.send((id, output));
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => self.running.push(Running {
                id,
                slot,
                label,
                progress,
                started: Instant::now(),
            }),
            Err(e) => {
                let error = e.to_string();
                let _ = self.tx.send((id, JobOutput::Failed { label, error }));
            }
        }
    }
}

/// The text of a panic, when it has one.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".into())
}

/// The last component of a path, for short labels.
pub fn display_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
