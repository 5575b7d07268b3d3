//! Saving a session's project: the copy that is written (with the corpus folder relative to
//! the file and the article records of the loaded corpus), and the checks made, on the saving
//! thread, before a file is replaced.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::Session;
use crate::corpus::ArticleId;
use crate::project::{ArticleRecord, FileStamp, Project, ProjectError, io};

/// Why a project was not saved. The file on disk is as it was.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("That is a folder; give a file name for the project — {}", .0.display())]
    Folder(PathBuf),
    #[error("That file exists and is not a Dossier project, so it was not overwritten — {}", .0.display())]
    NotAProject(PathBuf),
    #[error(transparent)]
    Project(#[from] ProjectError),
}

impl Session {
    /// A copy of the project as it should be written to `path`: the corpus folder relative to
    /// it, and the article records taken from the loaded corpus (records of missing articles
    /// that passages still use are kept).
    pub fn project_for_save(&self, path: &Path) -> Project {
        let mut project = self.project.clone();
        if !self.corpus.root.as_os_str().is_empty() {
            io::set_corpus_folder(&mut project, path, &self.corpus.root);
        } else if let (Some(old), Some(folder)) = (&self.project_path, &self.project.corpus_folder)
        {
            // No corpus loaded: keep pointing at the same folder from the new location.
            let location = io::corpus_location(old, folder);
            io::set_corpus_folder(&mut project, path, &location.path);
        }
        if !self.corpus.is_empty() {
            let used: BTreeSet<&ArticleId> =
                project.passages.values().map(|p| &p.article).collect();
            let mut records: Vec<ArticleRecord> = self
                .corpus
                .articles()
                .iter()
                .map(ArticleRecord::of)
                .collect();
            for old in &self.project.articles {
                if self.corpus.get(&old.path).is_none() && used.contains(&old.path) {
                    records.push(old.clone());
                }
            }
            records.sort_by(|a, b| a.path.cmp(&b.path));
            project.articles = records;
        }
        project
    }

    /// Where this session's recovery copy goes (see [`super::recovery`]).
    pub fn recovery_path(&self, data_dir: Option<&Path>) -> Option<PathBuf> {
        super::recovery::recovery_path(self.project_path(), &self.corpus.root, data_dir)
    }
}

/// The file a save to `path` writes: a name without an extension gets `.json`.
pub fn save_target(path: PathBuf) -> PathBuf {
    if path.extension().is_none() {
        path.with_extension("json")
    } else {
        path
    }
}

/// Where a save goes, and what it may replace.
#[derive(Clone, Debug, Default)]
pub struct SaveCheck {
    /// The project's own file, if it has one.
    pub current: Option<PathBuf>,
    /// That file as this window opened or last saved it.
    pub stamp: Option<FileStamp>,
    /// The analyst chose to replace what another writer saved there.
    pub overwrite: bool,
}

/// Save `project` to `path`, unless `path` is a folder, or an existing file that is not a
/// Dossier project (an article, say) other than the project's own file; and, for the project's
/// own file, unless another window or program wrote it since this window opened or last saved
/// it ([`ProjectError::Conflict`]; `overwrite` skips that check). Returns the stamp of the file
/// written. Reads the file it would replace: call it off the UI thread.
pub fn save_checked(
    project: &Project,
    path: &Path,
    check: &SaveCheck,
) -> Result<FileStamp, SaveError> {
    if path.is_dir() {
        return Err(SaveError::Folder(path.to_owned()));
    }
    let own = check.current.as_deref() == Some(path);
    if path.exists() && !own && io::open(path).is_err() {
        return Err(SaveError::NotAProject(path.to_owned()));
    }
    let expected = (own && !check.overwrite)
        .then_some(check.stamp.as_ref())
        .flatten();
    Ok(io::save_checked(project, path, expected)?)
}

impl SaveError {
    /// Did another writer save the file since this window read it?
    pub fn is_conflict(&self) -> bool {
        matches!(self, Self::Project(ProjectError::Conflict { .. }))
    }
}
