//! The one way every export writes a file (REFI-QDA, CSV, PNG, the command line's outputs):
//! never over the open project, a project file or a file of the corpus; over any other existing
//! file only when the analyst confirmed it (`--force` on the command line); always atomically,
//! and with the output's path in every error.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::io::{is_project_file, write_atomic_with};

/// What an export may replace.
#[derive(Clone, Copy, Debug, Default)]
pub struct OutputPolicy<'a> {
    /// Replace an existing file that is not protected: the analyst confirmed, or `--force`.
    pub replace: bool,
    /// The project open in the window (or read by the command): never written by an export.
    pub open_project: Option<&'a Path>,
    /// The corpus folder: no file below it is ever replaced.
    pub corpus_root: Option<&'a Path>,
}

/// An [`OutputPolicy`] that owns its paths, to go with the bytes to a writing thread.
#[derive(Clone, Debug, Default)]
pub struct OutputRules {
    pub replace: bool,
    pub open_project: Option<PathBuf>,
    pub corpus_root: Option<PathBuf>,
}

impl OutputRules {
    pub fn policy(&self) -> OutputPolicy<'_> {
        OutputPolicy {
            replace: self.replace,
            open_project: self.open_project.as_deref(),
            corpus_root: self.corpus_root.as_deref(),
        }
    }
}

/// Why an output was not written. Every message ends with the output's path.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("not written: that is the open project; an export never replaces it — {0}")]
    OpenProject(PathBuf),
    #[error("not written: that file is a Dossier project; an export never replaces one — {0}")]
    Project(PathBuf),
    #[error("not written: that file is in the corpus folder; an export never replaces one — {0}")]
    CorpusFile(PathBuf),
    #[error(
        "not written: the file already exists (confirm to replace it, or pass --force on the \
         command line) — {0}"
    )]
    Exists(PathBuf),
    #[error("not written: that is a folder — {0}")]
    Folder(PathBuf),
    #[error("cannot write the output: {source} — {path}")]
    Io { path: PathBuf, source: io::Error },
}

impl OutputError {
    /// Would the analyst's confirmation (or `--force`) let the write go ahead?
    pub fn needs_confirmation(&self) -> bool {
        matches!(self, Self::Exists(_))
    }
}

/// May an export write `path` under `policy`? For the window, `Err(Exists)` means "ask first";
/// the other errors are final.
pub fn check_output(path: &Path, policy: &OutputPolicy) -> Result<(), OutputError> {
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(source) => {
            return Err(OutputError::Io {
                path: path.to_owned(),
                source,
            });
        }
    };
    let owned = || path.to_owned();
    if meta.is_dir() {
        return Err(OutputError::Folder(owned()));
    }
    if policy.open_project.is_some_and(|p| same_file(p, path)) {
        return Err(OutputError::OpenProject(owned()));
    }
    if policy.corpus_root.is_some_and(|root| is_below(root, path)) {
        return Err(OutputError::CorpusFile(owned()));
    }
    if is_project_file(path) {
        return Err(OutputError::Project(owned()));
    }
    if !policy.replace {
        return Err(OutputError::Exists(owned()));
    }
    Ok(())
}

/// Write `bytes` to `path` if [`check_output`] allows it, atomically.
pub fn write_output(path: &Path, bytes: &[u8], policy: &OutputPolicy) -> Result<(), OutputError> {
    write_output_with(path, policy, |file| io::Write::write_all(file, bytes))
}

/// [`write_output`] with the writing done by `write` (into a temporary file renamed over
/// `path` only when it succeeded).
pub fn write_output_with(
    path: &Path,
    policy: &OutputPolicy,
    write: impl FnOnce(&mut fs::File) -> io::Result<()>,
) -> Result<(), OutputError> {
    check_output(path, policy)?;
    write_atomic_with(path, write).map_err(|source| OutputError::Io {
        path: path.to_owned(),
        source,
    })
}

/// Are `a` and `b` one file (through links and different spellings of the path)?
fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y || same_inode(&x, &y),
        _ => false,
    }
}

#[cfg(unix)]
fn same_inode(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_inode(_a: &Path, _b: &Path) -> bool {
    false
}

/// Is the existing file `path` inside the folder `root` (after resolving links)?
fn is_below(root: &Path, path: &Path) -> bool {
    match (fs::canonicalize(root), fs::canonicalize(path)) {
        (Ok(root), Ok(path)) => path.starts_with(root),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_files_are_written_and_existing_ones_need_confirmation() {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("out.csv");
        let policy = OutputPolicy::default();
        write_output(&out, b"a,b\n", &policy).expect("new file");
        let again = write_output(&out, b"c,d\n", &policy).expect_err("exists");
        assert!(again.needs_confirmation(), "{again}");
        assert!(again.to_string().ends_with(&out.display().to_string()));
        assert_eq!(fs::read(&out).expect("read"), b"a,b\n");
        let forced = OutputPolicy {
            replace: true,
            ..policy
        };
        write_output(&out, b"c,d\n", &forced).expect("confirmed");
        assert_eq!(fs::read(&out).expect("read"), b"c,d\n");
        let folder = write_output(dir.path(), b"x", &forced).expect_err("folder");
        assert!(matches!(folder, OutputError::Folder(_)));
    }
}
