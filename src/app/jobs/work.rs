//! The jobs themselves: each function starts one kind of work in its slot.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use super::super::watch::CorpusWatcher;
use super::{JobOutput, Jobs, LoadPurpose, display_name};
use crate::analysis::autotag::{self, Unit};
use crate::analysis::{Query, Scope};
use crate::context::jobs::{JobProgress, Slot};
use crate::corpus::Corpus;
use crate::project::output::{OutputRules, write_output};
use crate::project::{Project, ThemeId, io};
use crate::session::load::load_corpus;
use crate::session::recovery::{self, Found};
use crate::session::save::{SaveCheck, save_checked};

impl Jobs {
    /// Open a folder (as a new project) or a project file; which one it is, is found out on
    /// the worker.
    pub fn open_path(&mut self, path: PathBuf) {
        self.cancel_loads();
        let options = self.load_options.clone();
        let label = format!("Opening {}", display_name(&path));
        self.spawn(Slot::Load, label, move |progress| {
            if path.is_dir() {
                load_folder_now(path, LoadPurpose::NewProject, &options, progress)
            } else if path.is_file() {
                let result = Box::new(io::open(&path));
                JobOutput::ProjectOpened { path, result }
            } else {
                JobOutput::NothingThere(path)
            }
        });
    }

    /// Load a folder of articles.
    pub fn load_folder(&mut self, folder: PathBuf, purpose: LoadPurpose) {
        self.cancel_loads();
        let options = self.load_options.clone();
        let label = format!("Loading {}", display_name(&folder));
        self.spawn(Slot::Load, label, move |progress| {
            load_folder_now(folder, purpose, &options, progress)
        });
    }

    /// Read a recovery copy and load its articles (from its corpus folder, else `fallback`).
    pub fn restore(&mut self, found: Found, fallback: PathBuf) {
        self.cancel_loads();
        let options = self.load_options.clone();
        self.spawn(
            Slot::Load,
            "Restoring unsaved work".into(),
            move |progress| {
                let opened = match io::open(&found.path) {
                    // The stamp is the recovery copy's, not the project file's: the first
                    // save of restored work is not checked against another writer.
                    Ok(opened) => crate::project::Opened {
                        stamp: None,
                        ..opened
                    },
                    Err(e) => {
                        return JobOutput::RecoveryUnreadable(format!(
                            "The recovery copy cannot be read: {e}"
                        ));
                    }
                };
                let folder = opened
                    .project
                    .corpus_folder
                    .as_ref()
                    .map_or(fallback, |f| io::corpus_location(&found.path, f).path);
                let purpose = LoadPurpose::Recovered {
                    project_path: found.project,
                    opened: Box::new(opened),
                };
                load_folder_now(folder, purpose, &options, progress)
            },
        );
    }

    /// Look for a recovery copy of this project (or never-saved folder) newer than it.
    pub fn find_recovery(
        &mut self,
        project_path: Option<PathBuf>,
        root: PathBuf,
        data_dir: Option<PathBuf>,
    ) {
        let label = "Looking for unsaved work".to_owned();
        self.spawn(Slot::Recovery, label, move |_| {
            let found = recovery::find(project_path.as_deref(), &root, data_dir.as_deref());
            JobOutput::RecoveryFound {
                project_path,
                root,
                found,
            }
        });
    }

    /// Write a copy of the project (taken on the UI thread at history state `state`) to
    /// `path`, unless the path is a folder, a file that is not a Dossier project, or the
    /// project's own file written by someone else since (see [`save_checked`]). Once saved, the
    /// recovery copy goes.
    pub fn save(
        &mut self,
        project: Project,
        path: PathBuf,
        state: u64,
        check: SaveCheck,
        recovery: Option<PathBuf>,
    ) {
        let label = format!("Saving {}", display_name(&path));
        self.spawn(Slot::Save, label, move |_| {
            let started = Instant::now();
            let result = save_checked(&project, &path, &check);
            if let (Ok(_), Some(old)) = (&result, &recovery) {
                // The saved file holds the work now; the recovery copy is stale.
                recovery::remove(old);
            }
            JobOutput::Saved {
                path,
                state,
                result,
                elapsed: started.elapsed(),
                project: Box::new(project),
            }
        });
    }

    /// Search the corpus; `generation` tells a stale result from the latest.
    pub fn search(
        &mut self,
        generation: u64,
        corpus: Arc<Corpus>,
        regex: regex::Regex,
        scope: Scope,
        limit: usize,
    ) {
        self.spawn(Slot::Search, "Searching".into(), move |_| {
            let started = Instant::now();
            let result = crate::analysis::search(&corpus, &regex, &scope, limit);
            JobOutput::Searched {
                generation,
                result,
                elapsed: started.elapsed(),
            }
        });
    }

    /// Work out what tagging every hit of a search would do.
    pub fn preview_auto_tag(
        &mut self,
        corpus: Arc<Corpus>,
        project: Project,
        query: Query,
        scope: Scope,
        (unit, theme): (Unit, ThemeId),
    ) {
        self.spawn(Slot::Search, "Finding the hits".into(), move |_| {
            let plan = autotag::plan(&corpus, &project, &query, &scope, unit, theme)
                .map_err(|e| e.to_string());
            JobOutput::AutoTagPreview { theme, unit, plan }
        });
    }

    /// Read changed files of the corpus again, with their figures.
    pub fn reread(&mut self, corpus: Arc<Corpus>, paths: Vec<PathBuf>) {
        use crate::corpus::changes::{Change, reread};
        let options = self.load_options.clone();
        self.spawn(
            Slot::Extract,
            "Reading changed articles".into(),
            move |_| {
                let changes = reread(&corpus, &paths, &options)
                    .into_iter()
                    .map(|c| {
                        let figures = match &c {
                            Change::Updated(a) => crate::figures::extract_article(a),
                            Change::Removed(..) => Vec::new(),
                        };
                        (c, figures)
                    })
                    .collect();
                JobOutput::Reread {
                    root: corpus.root.clone(),
                    changes,
                }
            },
        );
    }

    /// Watch a corpus folder and everything below it (setting it up walks the folder).
    pub fn watch(&mut self, root: PathBuf) {
        let ctx = self.ctx.clone();
        let label = format!("Watching {}", display_name(&root));
        self.spawn(Slot::Watch, label, move |_| {
            let result = CorpusWatcher::start(root.clone(), ctx).map_err(|e| e.to_string());
            JobOutput::Watching { root, result }
        });
    }

    /// Write the recovery copy of a project.
    pub fn write_recovery(&mut self, project: Project, path: PathBuf) {
        self.spawn(Slot::Recovery, "Autosaving".into(), move |_| {
            let result = recovery::write(&project, &path).map_err(|e| e.to_string());
            JobOutput::RecoveryWritten { path, result }
        });
    }

    /// Write `bytes` to `path` (atomically).
    pub fn write_file(&mut self, path: PathBuf, bytes: Vec<u8>, rules: OutputRules) {
        let label = format!("Writing {}", display_name(&path));
        self.spawn(Slot::Export, label, move |_| {
            let result = write_output(&path, &bytes, &rules.policy()).map_err(|e| e.to_string());
            JobOutput::Exported { path, result }
        });
    }

    /// Make the HTML report of `project` (a copy) and write it to `path` atomically.
    pub fn write_report(
        &mut self,
        path: PathBuf,
        project: Project,
        corpus: Arc<Corpus>,
        name: String,
        rules: OutputRules,
    ) {
        let label = format!("Writing the report {}", display_name(&path));
        self.spawn(Slot::Export, label, move |_| {
            let generated = crate::project::Timestamp::now().to_string();
            let html = crate::interop::report::html(&project, &corpus, &name, &generated);
            let result =
                write_output(&path, html.as_bytes(), &rules.policy()).map_err(|e| e.to_string());
            JobOutput::Exported { path, result }
        });
    }

    /// Zip a REFI-QDA project and write it to `path` atomically.
    pub fn write_qdpx(
        &mut self,
        path: PathBuf,
        parts: crate::interop::refi::QdpxParts,
        rules: OutputRules,
    ) {
        let label = format!("Writing {}", display_name(&path));
        self.spawn(Slot::Export, label, move |_| {
            let result = crate::interop::refi::zip_qdpx(&parts)
                .map_err(|e| e.to_string())
                .and_then(|bytes| {
                    write_output(&path, &bytes, &rules.policy()).map_err(|e| e.to_string())
                });
            JobOutput::Exported { path, result }
        });
    }
}

/// Load a folder on this (worker) thread, for `purpose`.
fn load_folder_now(
    folder: PathBuf,
    purpose: LoadPurpose,
    options: &crate::corpus::LoadOptions,
    progress: &JobProgress,
) -> JobOutput {
    let started = Instant::now();
    let project = match &purpose {
        LoadPurpose::ForProject { opened, .. } | LoadPurpose::Recovered { opened, .. } => {
            Some(&opened.project)
        }
        LoadPurpose::NewProject => None,
    };
    let result = load_corpus(
        &folder,
        options,
        project,
        &|done, total| progress.set(done, total),
        &progress.cancel,
    );
    JobOutput::FolderLoaded {
        folder,
        purpose,
        result,
        elapsed: started.elapsed(),
    }
}

/// Where a file dialog starts: the project's folder, or the working folder.
pub fn start_dir(project_path: Option<&Path>) -> Option<PathBuf> {
    project_path
        .and_then(|p| p.parent().map(Path::to_owned))
        .or_else(|| std::env::current_dir().ok())
}
