//! Watching the corpus folder while the app runs (the `notify` crate): paths of files that
//! change are collected, and handed over once things have been quiet for a moment, so that an
//! editor's save (several events) is read once.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

/// How long the folder must be quiet before changes are read.
const QUIET: Duration = Duration::from_millis(400);

pub struct CorpusWatcher {
    // Kept alive for as long as the folder is watched.
    _watcher: notify::RecommendedWatcher,
    rx: mpsc::Receiver<notify::Result<notify::Event>>,
    pub root: PathBuf,
    pending: BTreeSet<PathBuf>,
    last_event: Option<Instant>,
}

impl std::fmt::Debug for CorpusWatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CorpusWatcher")
            .field("root", &self.root)
            .finish()
    }
}

impl CorpusWatcher {
    /// Watch `root` and everything below it; events wake the UI.
    pub fn start(root: PathBuf, ctx: egui::Context) -> notify::Result<Self> {
        let (tx, rx) = mpsc::channel();
        let mut watcher = notify::recommended_watcher(move |event| {
            let _ = tx.send(event);
            ctx.request_repaint_after(QUIET);
        })?;
        watcher.watch(&root, RecursiveMode::Recursive)?;
        Ok(Self {
            _watcher: watcher,
            rx,
            root,
            pending: BTreeSet::new(),
            last_event: None,
        })
    }

    /// The paths that changed, once the folder has been quiet for a moment; errors to report.
    pub fn poll(&mut self) -> (Option<Vec<PathBuf>>, Vec<String>) {
        let mut errors = Vec::new();
        while let Ok(event) = self.rx.try_recv() {
            match event {
                Ok(event) => {
                    let relevant = !matches!(event.kind, notify::EventKind::Access(_));
                    if relevant {
                        self.pending.extend(event.paths);
                        self.last_event = Some(Instant::now());
                    }
                }
                Err(e) => errors.push(e.to_string()),
            }
        }
        let quiet = self.last_event.is_some_and(|t| t.elapsed() >= QUIET);
        if quiet && !self.pending.is_empty() {
            self.last_event = None;
            let paths = std::mem::take(&mut self.pending).into_iter().collect();
            return (Some(paths), errors);
        }
        (None, errors)
    }

    /// Is a batch of changes waiting for the folder to be quiet?
    pub fn is_waiting(&self) -> bool {
        !self.pending.is_empty()
    }
}
