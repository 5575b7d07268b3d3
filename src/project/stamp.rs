//! What a project file on disk looked like when it was opened or last saved, so that a save can
//! tell whether someone else (another window, another program) wrote it in between.

use std::fs;
use std::path::Path;
use std::time::SystemTime;

/// A file's identity and contents at one moment: size, modification time, inode (on Unix) and
/// a CRC-32 of the bytes (only consulted when the metadata changed but the size did not, to
/// tell a file touched from one rewritten; a CRC costs a fraction of a hash). Two stamps of one unchanged file are equal; a save by another window
/// (a new inode, by rename) or an edit in place (a new time or size) changes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileStamp {
    len: u64,
    modified: Option<SystemTime>,
    inode: Option<(u64, u64)>,
    crc: u32,
}

impl FileStamp {
    /// The stamp of a file whose metadata is `meta` and whose contents are `bytes`.
    pub fn new(meta: &fs::Metadata, bytes: &[u8]) -> Self {
        Self {
            len: meta.len(),
            modified: meta.modified().ok(),
            inode: inode(meta),
            crc: crc32fast::hash(bytes),
        }
    }

    /// Does the file described by `meta` look exactly like this stamp (without reading it)?
    pub fn same_metadata(&self, meta: &fs::Metadata) -> bool {
        self.len == meta.len()
            && self.modified.is_some()
            && self.modified == meta.modified().ok()
            && self.inode == inode(meta)
    }

    /// Are these the bytes the stamp was taken of?
    pub fn same_contents(&self, bytes: &[u8]) -> bool {
        bytes.len() as u64 == self.len && crc32fast::hash(bytes) == self.crc
    }

    /// Is the file at `path` still the one this stamp was taken of? Reads the file only when
    /// its metadata changed (a file touched but not changed is still the same). A missing file
    /// is not the same.
    pub fn matches(&self, path: &Path) -> std::io::Result<bool> {
        let meta = fs::metadata(path)?;
        if self.same_metadata(&meta) {
            return Ok(true);
        }
        if meta.len() != self.len {
            return Ok(false);
        }
        Ok(self.same_contents(&fs::read(path)?))
    }
}

#[cfg(unix)]
fn inode(meta: &fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn inode(_meta: &fs::Metadata) -> Option<(u64, u64)> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rewrite_changes_the_stamp_and_a_touch_does_not() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("p.json");
        fs::write(&path, b"first").expect("write");
        let stamp = FileStamp::new(&fs::metadata(&path).expect("meta"), b"first");
        assert!(stamp.matches(&path).expect("reads"));
        // The same bytes written again (new time): still the same file for a save.
        fs::write(&path, b"first").expect("write");
        assert!(stamp.matches(&path).expect("reads"));
        // Same size, other bytes.
        fs::write(&path, b"other").expect("write");
        assert!(!stamp.matches(&path).expect("reads"));
        fs::remove_file(&path).expect("rm");
        assert!(stamp.matches(&path).is_err());
    }
}
