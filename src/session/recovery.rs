//! Recovery files: while there are unsaved changes, a copy of the project is written next to
//! the project file (`.NAME.recovery.json`), or in the user's data folder for a project never
//! saved (and for the shipped sample project, which stays as shipped), with the same atomic
//! write as a save. On start, a recovery file newer than its
//! project is offered back. No egui here.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::project::{Project, ProjectError, format, io};

/// The file name of the sample project shipped beside the seeds.
pub const SAMPLE_NAME: &str = "sample.dossier.json";

/// Where the recovery copy of a project goes.
pub fn recovery_path(
    project_path: Option<&Path>,
    corpus_root: &Path,
    data_dir: Option<&Path>,
) -> Option<PathBuf> {
    match project_path {
        // The shipped sample project stays as shipped, and so does the folder it sits in (the
        // source tree): its recovery copy goes to the data folder, keyed by where it is.
        Some(p) if p.file_name().is_some_and(|n| n == SAMPLE_NAME) && data_dir.is_some() => {
            let key = crate::corpus::sha256_hex(&p.to_string_lossy());
            Some(
                data_dir?
                    .join("recovery")
                    .join(format!("sample-{}.json", &key[..16])),
            )
        }
        Some(p) => {
            let name = p.file_name()?.to_string_lossy();
            Some(p.with_file_name(format!(".{name}.recovery.json")))
        }
        None => {
            let dir = data_dir?;
            let key = crate::corpus::sha256_hex(&corpus_root.to_string_lossy());
            Some(
                dir.join("recovery")
                    .join(format!("untitled-{}.json", &key[..16])),
            )
        }
    }
}

/// Write the recovery copy (the project as it would be saved there).
pub fn write(project: &Project, path: &Path) -> Result<(), ProjectError> {
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let json = format::to_json(project);
    io::write_atomic(path, json.as_bytes()).map_err(|source| ProjectError::Write {
        path: path.to_owned(),
        source,
    })
}

/// A recovery file worth offering.
#[derive(Clone, Debug)]
pub struct Found {
    pub path: PathBuf,
    /// The project file it belongs to (`None` for a project never saved).
    pub project: Option<PathBuf>,
    pub modified: SystemTime,
    /// (passages, themes, figures, series) in the recovery copy.
    pub counts: (usize, usize, usize, usize),
}

/// The recovery file for this project or folder, if it is newer than the project file (or the
/// project was never saved) and can be read.
pub fn find(
    project_path: Option<&Path>,
    corpus_root: &Path,
    data_dir: Option<&Path>,
) -> Option<Found> {
    let path = recovery_path(project_path, corpus_root, data_dir)?;
    let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok()?;
    if let Some(project) = project_path {
        let saved = std::fs::metadata(project).and_then(|m| m.modified()).ok();
        if saved.is_some_and(|saved| saved >= modified) {
            return None;
        }
    }
    let opened = io::open(&path).ok()?;
    let p = &opened.project;
    Some(Found {
        path,
        project: project_path.map(Path::to_owned),
        modified,
        counts: (
            p.passages.len(),
            p.themes.len(),
            p.figures.len(),
            p.series.len(),
        ),
    })
}

/// Remove a recovery file (after a save, or when the analyst discards the changes).
pub fn remove(path: &Path) {
    let _ = std::fs::remove_file(path);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_sits_next_to_the_project_hidden() {
        let p = recovery_path(Some(Path::new("/work/p.json")), Path::new("/c"), None);
        assert_eq!(p, Some(PathBuf::from("/work/.p.json.recovery.json")));
    }

    #[test]
    fn a_recovery_file_older_than_the_project_is_not_offered() {
        let dir = tempfile::tempdir().expect("tempdir");
        let project_path = dir.path().join("p.json");
        let rec = recovery_path(Some(&project_path), dir.path(), None).expect("path");
        let project = Project::default();
        write(&project, &rec).expect("write");
        std::thread::sleep(std::time::Duration::from_millis(20));
        io::save(&project, &project_path).expect("save");
        assert!(find(Some(&project_path), dir.path(), None).is_none());
        std::thread::sleep(std::time::Duration::from_millis(20));
        write(&project, &rec).expect("write");
        let found = find(Some(&project_path), dir.path(), None).expect("newer");
        assert_eq!(found.counts, (0, 0, 0, 0));
        remove(&rec);
        assert!(find(Some(&project_path), dir.path(), None).is_none());
    }
}

#[cfg(test)]
mod path_tests {
    use std::path::Path;

    use super::recovery_path;

    #[test]
    fn the_sample_projects_recovery_copy_goes_to_the_data_folder() {
        let data = Path::new("/home/a/.local/share/dossier");
        let root = Path::new("/src/dossier/seeds");
        let sample = recovery_path(
            Some(Path::new("/src/dossier/sample.dossier.json")),
            root,
            Some(data),
        )
        .expect("a path");
        assert!(sample.starts_with(data.join("recovery")), "{sample:?}");
        assert!(sample.to_string_lossy().contains("sample-"), "{sample:?}");
        // Any other project keeps its copy beside it.
        let mine = recovery_path(Some(Path::new("/work/p.json")), root, Some(data));
        assert_eq!(
            mine.as_deref(),
            Some(Path::new("/work/.p.json.recovery.json"))
        );
        // Without a data folder the sample's copy still has a place (beside it).
        let beside = recovery_path(Some(Path::new("/s/sample.dossier.json")), root, None);
        assert_eq!(
            beside.as_deref(),
            Some(Path::new("/s/.sample.dossier.json.recovery.json"))
        );
    }
}
