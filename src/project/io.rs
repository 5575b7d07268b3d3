//! Reading and writing project files on disk: atomic saves that never leave a half-written
//! file, rotating backups, and paths stored relative to the project file.

use std::fs;
use std::io::{self, Read, Seek, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::format::{self, Opened, ProjectError};
use super::model::Project;
use super::stamp::FileStamp;

/// Project files larger than this are refused rather than read into memory.
pub const MAX_PROJECT_BYTES: u64 = 1 << 30;
/// How many `.bak` copies a save keeps.
pub const BACKUPS: usize = 3;

/// Read and validate a project file. The file is only read, never written. The result carries
/// the file's [`FileStamp`], for [`save_checked`].
pub fn open(path: &Path) -> Result<Opened, ProjectError> {
    let read_err = |source| ProjectError::Read {
        path: path.to_owned(),
        source,
    };
    let mut file = fs::File::open(path).map_err(read_err)?;
    let meta = file.metadata().map_err(read_err)?;
    if meta.is_dir() {
        return Err(read_err(io::Error::other("it is a folder, not a file")));
    }
    if meta.len() > MAX_PROJECT_BYTES {
        return Err(ProjectError::TooLarge {
            path: path.to_owned(),
            bytes: meta.len(),
            limit: MAX_PROJECT_BYTES,
        });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.read_to_end(&mut bytes).map_err(read_err)?;
    let stamp = FileStamp::new(&meta, &bytes);
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text = std::str::from_utf8(text).map_err(|_| ProjectError::NotUtf8 {
        path: path.to_owned(),
    })?;
    let mut opened = format::parse(text, path)?;
    opened.stamp = Some(stamp);
    Ok(opened)
}

/// Save `project` to `path` atomically, keeping the previous file as a backup. A file there is
/// replaced only when it is a Dossier project of this version or older (or empty): never a
/// project written by a newer Dossier (this release would drop what it cannot read), never
/// another kind of file.
pub fn save(project: &Project, path: &Path) -> Result<(), ProjectError> {
    save_checked(project, path, None).map(|_| ())
}

/// [`save`] for a window that opened or saved the file before: `expected` is the stamp it got
/// then. When the file on disk is no longer that one (another window or program wrote it), the
/// save is refused with [`ProjectError::Conflict`] and nothing is written. Returns the stamp of
/// the file just written, to pass to the next save.
pub fn save_checked(
    project: &Project,
    path: &Path,
    expected: Option<&FileStamp>,
) -> Result<FileStamp, ProjectError> {
    check_target(path, expected)?;
    let json = format::to_json_checked(project).map_err(|what| ProjectError::Unwritable {
        path: path.to_owned(),
        what,
    })?;
    rotate_backups(path);
    let meta = write_atomic_meta(path, |f| f.write_all(json.as_bytes())).map_err(|source| {
        ProjectError::Write {
            path: path.to_owned(),
            source,
        }
    })?;
    remove_stale_temporaries(path);
    Ok(FileStamp::new(&meta, json.as_bytes()))
}

/// May a save write `path`? See [`save_checked`]. For a window's "Save as…", call it first to
/// tell the analyst why not before anything else happens.
pub fn check_target(path: &Path, expected: Option<&FileStamp>) -> Result<(), ProjectError> {
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(source) => {
            return Err(ProjectError::Write {
                path: path.to_owned(),
                source,
            });
        }
    };
    if meta.is_dir() {
        return Err(ProjectError::Write {
            path: path.to_owned(),
            source: io::Error::other("it is a folder, not a file"),
        });
    }
    if let Some(stamp) = expected {
        // The file this window opened or saved: it is ours, nothing more to check.
        return match stamp.matches(path) {
            Ok(true) => Ok(()),
            _ => Err(ProjectError::Conflict {
                path: path.to_owned(),
            }),
        };
    }
    match existing_project(path, &meta) {
        Existing::Empty | Existing::Damaged => Ok(()),
        Existing::Project(v) if v <= format::VERSION => Ok(()),
        Existing::Project(found) => Err(ProjectError::WouldReplaceNewer {
            path: path.to_owned(),
            found,
        }),
        Existing::Other => Err(ProjectError::WouldReplaceOther {
            path: path.to_owned(),
        }),
    }
}

/// What a file that a save would replace holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Existing {
    Empty,
    /// A Dossier project with this format version.
    Project(u64),
    /// Not readable as a project, but names the project format: a damaged project. A save may
    /// replace it (it is kept as the backup).
    Damaged,
    Other,
}

/// Read as little as possible: a file laid out as this writer lays projects out gives its
/// version from its first and last bytes ([`format::version_from_ends`]); only other files are
/// read whole.
fn existing_project(path: &Path, meta: &fs::Metadata) -> Existing {
    const END: u64 = 256;
    if meta.len() == 0 {
        return Existing::Empty;
    }
    if meta.len() > MAX_PROJECT_BYTES {
        return Existing::Other;
    }
    let ends = || -> io::Result<(Vec<u8>, Vec<u8>)> {
        let mut file = fs::File::open(path)?;
        let mut head = Vec::new();
        (&mut file).take(END).read_to_end(&mut head)?;
        file.seek(io::SeekFrom::Start(meta.len().saturating_sub(END)))?;
        let mut tail = Vec::new();
        file.take(END).read_to_end(&mut tail)?;
        Ok((head, tail))
    };
    if let Some(v) = ends()
        .ok()
        .and_then(|(head, tail)| format::version_from_ends(&head, &tail))
        .filter(|&v| (1..=format::VERSION).contains(&v))
    {
        return Existing::Project(v);
    }
    let Ok(bytes) = fs::read(path) else {
        return Existing::Other;
    };
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    if let Some(v) = std::str::from_utf8(text)
        .ok()
        .and_then(format::project_version)
    {
        return Existing::Project(v);
    }
    let marker = format!("\"{}\"", format::FORMAT);
    if text.trim_ascii().is_empty() {
        Existing::Empty
    } else if text.windows(marker.len()).any(|w| w == marker.as_bytes()) {
        Existing::Damaged
    } else {
        Existing::Other
    }
}

/// Is `path` a Dossier project file (of any version, damaged or not)? Reads the file when its
/// first and last bytes do not tell.
pub fn is_project_file(path: &Path) -> bool {
    fs::metadata(path).is_ok_and(|meta| {
        meta.is_file()
            && matches!(
                existing_project(path, &meta),
                Existing::Project(_) | Existing::Damaged
            )
    })
}

/// Temporary files of saves that never finished (the process was killed) are removed once
/// they are old enough that no save can still be writing them.
fn remove_stale_temporaries(path: &Path) {
    const STALE: std::time::Duration = std::time::Duration::from_secs(600);
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let prefix = format!(".{}.tmp-", name.to_string_lossy());
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let stale = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE);
        if stale && entry.file_name().to_string_lossy().starts_with(&prefix) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Write `bytes` to `path` so that a reader sees either the old file or the new one, never a
/// mix: write a temporary file in the same folder, flush it to disk, rename it over `path`.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |file| file.write_all(bytes))
}

/// [`write_atomic`] with the writing done by `write`; if it fails, `path` is untouched.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut fs::File) -> io::Result<()>,
) -> io::Result<()> {
    write_atomic_meta(path, write).map(|_| ())
}

/// [`write_atomic_with`], returning the metadata of the file written (taken before the rename,
/// so no other writer can slip in between).
fn write_atomic_meta(
    path: &Path,
    write: impl FnOnce(&mut fs::File) -> io::Result<()>,
) -> io::Result<fs::Metadata> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::other("the path has no file name"))?;
    let tmp = dir.join(format!(
        ".{}.tmp-{}-{}",
        name.to_string_lossy(),
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let result = (|| {
        let mut file = fs::File::create(&tmp)?;
        write(&mut file)?;
        file.flush()?;
        file.sync_all()?;
        let meta = file.metadata()?;
        drop(file);
        fs::rename(&tmp, path)?;
        sync_dir(&dir);
        Ok(meta)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Flush a folder's entries so a rename survives a power cut (best effort).
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// The path of backup number `n` (1 is the newest): `NAME.json.bak`, `NAME.json.bak.2`, ….
pub fn backup_path(path: &Path, n: usize) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    if n > 1 {
        name.push(format!(".{n}"));
    }
    path.with_file_name(name)
}

/// Shift the backups up by one and keep the current file as `.bak` (best effort: a failed
/// backup never stops a save).
///
/// A save killed after this step leaves `.bak` as a second link to the project file, and a
/// few such kills in a row leave several backups linked to it. Nothing here ever writes into
/// an existing file: writing into a link would write into the project itself.
fn rotate_backups(path: &Path) {
    if !path.is_file() {
        return;
    }
    for n in (1..BACKUPS).rev() {
        let (from, to) = (backup_path(path, n), backup_path(path, n + 1));
        if from.exists() {
            // rename() between two links to one file does nothing, so drop the extra link.
            if same_file(&from, &to) {
                let _ = fs::remove_file(&from);
            } else {
                let _ = fs::rename(&from, &to);
            }
        }
    }
    let bak = backup_path(path, 1);
    if same_file(path, &bak) {
        return; // already holds the current contents
    }
    // A hard link costs nothing; the save's rename then leaves the old contents here. It is
    // made under a temporary name and renamed over `.bak`, which replaces, never truncates.
    let tmp = bak.with_file_name(format!(
        ".{}.link-{}",
        bak.file_name().unwrap_or_default().to_string_lossy(),
        std::process::id()
    ));
    let _ = fs::remove_file(&tmp);
    if fs::hard_link(path, &tmp).is_ok() {
        if fs::rename(&tmp, &bak).is_err() {
            let _ = fs::remove_file(&tmp);
        }
    } else if let Ok(bytes) = fs::read(path) {
        let _ = write_atomic(&bak, &bytes);
    }
}

/// Are `a` and `b` two names of one file?
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (fs::metadata(a), fs::metadata(b)) {
            (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        false
    }
}

/// `target` relative to the folder `base`, e.g. `../corpora/seeds`. Both should be absolute;
/// `None` when no relative path exists (different roots).
pub fn relative_path(base: &Path, target: &Path) -> Option<PathBuf> {
    let base: Vec<Component> = base.components().collect();
    let target: Vec<Component> = target.components().collect();
    if base.first() != target.first() {
        return None;
    }
    let common = base.iter().zip(&target).take_while(|(a, b)| a == b).count();
    let mut out = PathBuf::new();
    for _ in common..base.len() {
        out.push("..");
    }
    for c in &target[common..] {
        out.push(c.as_os_str());
    }
    if out.as_os_str().is_empty() {
        out.push(".");
    }
    Some(out)
}

/// Where a project's corpus folder is, and whether it lies outside the project's folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorpusLocation {
    pub path: PathBuf,
    /// The stored path is absolute or climbs out with `..`: ask before reading from it.
    pub outside: bool,
}

/// Resolve the corpus folder stored in a project saved at `project_path`. It is outside when
/// the stored path is absolute or climbs out with `..`, or when it leads out through a link.
pub fn corpus_location(project_path: &Path, stored: &Path) -> CorpusLocation {
    let outside = stored.is_absolute()
        || stored.components().any(|c| {
            matches!(
                c,
                Component::ParentDir | Component::Prefix(_) | Component::RootDir
            )
        });
    let base = match project_path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let path = base.join(stored);
    let linked_out = match (fs::canonicalize(base), fs::canonicalize(&path)) {
        (Ok(base), Ok(corpus)) => !corpus.starts_with(base),
        _ => false,
    };
    CorpusLocation {
        path,
        outside: outside || linked_out,
    }
}

/// Set the project's corpus folder to `corpus` as seen from a project file at `project_path`.
pub fn set_corpus_folder(project: &mut Project, project_path: &Path, corpus: &Path) {
    let abs = |p: &Path| fs::canonicalize(p).unwrap_or_else(|_| p.to_owned());
    let base = abs(project_path.parent().unwrap_or(Path::new(".")));
    let corpus = abs(corpus);
    project.corpus_folder = Some(relative_path(&base, &corpus).unwrap_or(corpus));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths() {
        let rel = |a: &str, b: &str| relative_path(Path::new(a), Path::new(b));
        assert_eq!(
            rel("/p/projects", "/p/projects/seeds"),
            Some("seeds".into())
        );
        assert_eq!(
            rel("/p/projects", "/p/corpora/seeds"),
            Some("../corpora/seeds".into())
        );
        assert_eq!(rel("/p", "/p"), Some(".".into()));
    }

    #[test]
    fn outside_paths_are_flagged() {
        let loc = corpus_location(Path::new("/p/x.json"), Path::new("seeds"));
        assert_eq!(
            loc,
            CorpusLocation {
                path: "/p/seeds".into(),
                outside: false
            }
        );
        assert!(corpus_location(Path::new("/p/x.json"), Path::new("../seeds")).outside);
        assert!(corpus_location(Path::new("/p/x.json"), Path::new("/etc")).outside);
        assert!(corpus_location(Path::new("/p/x.json"), Path::new("a/../../b")).outside);
    }

    #[test]
    fn backup_names() {
        assert_eq!(
            backup_path(Path::new("/p/x.json"), 1),
            Path::new("/p/x.json.bak")
        );
        assert_eq!(
            backup_path(Path::new("/p/x.json"), 3),
            Path::new("/p/x.json.bak.3")
        );
    }
}
