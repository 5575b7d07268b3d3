//! Background work: loading folders, opening and saving projects, and native file dialogs, each
//! on a named thread. Results come back over a channel and wake the UI with a repaint.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use crate::corpus::{Corpus, LoadError, LoadOptions, LoadReport, Progress, load_folder};
use crate::project::{Opened, Project, ProjectError, io};

/// Progress of a running job, shared with its thread.
#[derive(Debug, Default)]
pub struct JobProgress {
    pub done: AtomicUsize,
    pub total: AtomicUsize,
    pub cancel: AtomicBool,
}

impl JobProgress {
    /// Fraction done, or `None` while the total is unknown.
    pub fn fraction(&self) -> Option<f32> {
        let total = self.total.load(Ordering::Relaxed);
        (total > 0).then(|| self.done.load(Ordering::Relaxed) as f32 / total as f32)
    }
}

/// A job that has not reported back yet.
#[derive(Debug)]
pub struct Running {
    pub id: u64,
    pub label: String,
    pub progress: Arc<JobProgress>,
    pub started: Instant,
}

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
}

/// Which native dialog to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogKind {
    OpenFolder,
    OpenProject,
    SaveProject,
}

/// A finished job.
#[derive(Debug)]
pub enum JobOutput {
    FolderLoaded {
        folder: PathBuf,
        purpose: LoadPurpose,
        result: Result<(Corpus, LoadReport), LoadError>,
        elapsed: Duration,
    },
    ProjectOpened {
        path: PathBuf,
        result: Result<Opened, ProjectError>,
    },
    Saved {
        path: PathBuf,
        /// The history state that was saved.
        state: u64,
        result: Result<(), ProjectError>,
        elapsed: Duration,
        /// The copy that was written, with its corpus folder and article records.
        project: Project,
    },
    Dialog {
        kind: DialogKind,
        path: Option<PathBuf>,
        elapsed: Duration,
    },
    /// The job could not even start.
    NotStarted { label: String, error: String },
}

/// Starts jobs and collects their results.
pub struct Jobs {
    tx: mpsc::Sender<(u64, JobOutput)>,
    rx: mpsc::Receiver<(u64, JobOutput)>,
    running: Vec<Running>,
    next_id: u64,
    ctx: egui::Context,
    pub load_options: LoadOptions,
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
        }
    }

    pub fn running(&self) -> &[Running] {
        &self.running
    }

    pub fn is_idle(&self) -> bool {
        self.running.is_empty()
    }

    /// Is a job of this kind running (by label prefix)?
    pub fn is_running(&self, label_prefix: &str) -> bool {
        self.running
            .iter()
            .any(|r| r.label.starts_with(label_prefix))
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
        for r in &self.running {
            if r.label.starts_with("Loading") {
                r.progress.cancel.store(true, Ordering::Relaxed);
            }
        }
    }

    fn spawn(
        &mut self,
        label: String,
        work: impl FnOnce(&JobProgress) -> JobOutput + Send + 'static,
    ) {
        let id = self.next_id;
        self.next_id += 1;
        let progress = Arc::new(JobProgress::default());
        let (tx, ctx, shared) = (self.tx.clone(), self.ctx.clone(), progress.clone());
        let thread_name = format!("dossier-job-{id}");
        let spawned = std::thread::Builder::new()
            .name(thread_name)
            .spawn(move || {
                let output = work(&shared);
                let _ = tx.send((id, output));
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => self.running.push(Running {
                id,
                label,
                progress,
                started: Instant::now(),
            }),
            Err(e) => {
                let error = e.to_string();
                let _ = self.tx.send((id, JobOutput::NotStarted { label, error }));
            }
        }
    }

    /// Load a folder of articles.
    pub fn load_folder(&mut self, folder: PathBuf, purpose: LoadPurpose) {
        self.cancel_loads();
        let options = self.load_options.clone();
        let label = format!("Loading {}", display_name(&folder));
        self.spawn(label, move |progress| {
            let started = Instant::now();
            let mut report = |p: Progress| {
                progress.total.store(p.total, Ordering::Relaxed);
                progress.done.store(p.done, Ordering::Relaxed);
            };
            let result = load_folder(&folder, &options, &mut report, &progress.cancel);
            JobOutput::FolderLoaded {
                folder,
                purpose,
                result,
                elapsed: started.elapsed(),
            }
        });
    }

    /// Read and validate a project file.
    pub fn open_project(&mut self, path: PathBuf) {
        let label = format!("Opening {}", display_name(&path));
        self.spawn(label, move |_| {
            let result = io::open(&path);
            JobOutput::ProjectOpened { path, result }
        });
    }

    /// Write a copy of the project (made on the UI thread) to `path`.
    pub fn save(&mut self, project: Project, path: PathBuf, state: u64) {
        let label = format!("Saving {}", display_name(&path));
        self.spawn(label, move |_| {
            let started = Instant::now();
            let result = io::save(&project, &path);
            JobOutput::Saved {
                path,
                state,
                result,
                elapsed: started.elapsed(),
                project,
            }
        });
    }

    /// Show a native file dialog on a worker thread (it blocks until closed).
    pub fn dialog(&mut self, kind: DialogKind, start_dir: Option<PathBuf>) {
        let label = "Waiting for the file dialog".to_owned();
        self.spawn(label, move |_| {
            let started = Instant::now();
            let mut dialog = rfd::FileDialog::new();
            if let Some(dir) = start_dir {
                dialog = dialog.set_directory(dir);
            }
            let path = match kind {
                DialogKind::OpenFolder => {
                    dialog.set_title("Open a folder of articles").pick_folder()
                }
                DialogKind::OpenProject => dialog
                    .set_title("Open a Dossier project")
                    .add_filter("Dossier project", &["json"])
                    .pick_file(),
                DialogKind::SaveProject => dialog
                    .set_title("Save the Dossier project")
                    .add_filter("Dossier project", &["json"])
                    .set_file_name("project.dossier.json")
                    .save_file(),
            };
            JobOutput::Dialog {
                kind,
                path,
                elapsed: started.elapsed(),
            }
        });
    }
}

/// The last component of a path, for short labels.
pub fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Can a native file dialog be shown here? rfd needs a desktop portal on the session bus or
/// `zenity`; without either it returns at once as if the user cancelled.
pub fn native_dialogs_available() -> bool {
    if std::env::var_os("DOSSIER_NO_DIALOGS").is_some() {
        return false;
    }
    let has_bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some();
    let has_zenity = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join("zenity").is_file()));
    has_bus || has_zenity
}
