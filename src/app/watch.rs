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

impl super::DossierApp {
    /// Called every frame: watch the open corpus folder (set up on a worker: it walks the
    /// folder), and once the folder has been quiet after changes, read the changed files again
    /// on a worker (the session takes them in when they are read).
    pub(super) fn poll_watcher(&mut self, ctx: &egui::Context) {
        let root = self.session.corpus().root.clone();
        if self.watcher.as_ref().is_some_and(|w| w.root != root) {
            self.watcher = None;
        }
        let asked = self.watch_requested.as_ref() == Some(&root);
        if self.watcher.is_none() && !asked && !root.as_os_str().is_empty() {
            self.watch_requested = Some(root.clone());
            self.jobs.watch(root);
        }
        let Some(watcher) = self.watcher.as_mut() else {
            return;
        };
        let (paths, errors) = watcher.poll();
        for e in errors {
            self.notes
                .warn(format!("Watching the articles folder: {e}"));
        }
        if let Some(paths) = paths {
            self.jobs.reread(self.session.corpus().clone(), paths);
        } else if watcher.is_waiting() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    /// A watch was set up (or could not be) for `root`.
    pub(super) fn watching(&mut self, root: PathBuf, result: Result<CorpusWatcher, String>) {
        if root != self.session.corpus().root {
            return; // another corpus was opened meanwhile
        }
        match result {
            Ok(watcher) => self.watcher = Some(watcher),
            Err(e) => self.notes.warn(format!(
                "Changes to the articles on disk will not be picked up while Dossier runs: {e} — {}",
                root.display()
            )),
        }
    }
}
