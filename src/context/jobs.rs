//! What the window shows of background work: which slot a job runs in, its label and progress.
//! The app starts and collects jobs (`app::jobs`); panes only read these.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Instant;

/// The kinds of background work. Each kind has its own rules: a new load cancels the last one,
/// one save runs at a time (a second waits its turn), a newer search supersedes an older one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Slot {
    /// Reading a folder or a project, or a recovery copy.
    Load,
    /// Writing the project file.
    Save,
    /// Writing an export (CSV, PNG, REFI-QDA).
    Export,
    /// Reading changed articles again and finding their figures.
    Extract,
    /// A search, or the preview of tagging its hits.
    Search,
    /// Writing the recovery copy, or looking for one.
    Recovery,
    /// Setting up the watch on the corpus folder.
    Watch,
    /// A native file dialog, open until the analyst answers it.
    FileDialog,
    /// Reading a file to bring into the open project (a codebook, another analyst's project).
    Import,
    /// Working out a view's numbers (the agreement table) from a copy of the project.
    Analysis,
    /// Handing an article's original file to the system's opener.
    Open,
}

impl Slot {
    /// Does the status bar show this work? Searches come and go with every key press (the
    /// search pane shows them); the recovery copy and the folder watch are quiet work.
    pub fn shown(self) -> bool {
        !matches!(
            self,
            Self::Search | Self::Recovery | Self::Watch | Self::Analysis
        )
    }
}

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

    /// Record progress: `done` of `total`.
    pub fn set(&self, done: usize, total: usize) {
        self.total.store(total, Ordering::Relaxed);
        self.done.store(done, Ordering::Relaxed);
    }
}

/// A job that has not reported back yet.
#[derive(Debug)]
pub struct Running {
    pub id: u64,
    pub slot: Slot,
    pub label: String,
    pub progress: Arc<JobProgress>,
    pub started: Instant,
}
