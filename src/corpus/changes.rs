//! Re-reading the files of a corpus that changed on disk (found by the folder watcher): which
//! articles are new or edited, which are gone, and which became unreadable.

use std::path::{Path, PathBuf};

use super::load::{LoadOptions, Skipped, is_text_name, read_article};
use super::{Article, ArticleId, Corpus};

/// What happened to one file.
#[derive(Debug)]
pub enum Change {
    /// New, or its text changed.
    Updated(Article),
    /// Deleted, or no longer readable as an article (then `Some` says why).
    Removed(ArticleId, Option<Skipped>),
}

/// Is this a path the loader would read (a text file, not hidden, below the root)?
pub fn is_article_path(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let hidden = rel
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
    !hidden && is_text_name(path).is_ok()
}

/// Re-read `paths` (files or folders below `corpus.root`) and say what changed compared with
/// `corpus`. Unchanged files (same text) are left out.
pub fn reread(corpus: &Corpus, paths: &[PathBuf], options: &LoadOptions) -> Vec<Change> {
    let root = &corpus.root;
    let mut files: Vec<PathBuf> = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut stack = vec![p.clone()];
            while let Some(dir) = stack.pop() {
                for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                    let path = entry.path();
                    if path.is_dir() {
                        stack.push(path);
                    } else {
                        files.push(path);
                    }
                }
            }
        } else {
            files.push(p.clone());
        }
    }
    files.sort();
    files.dedup();
    let mut out = Vec::new();
    for path in files {
        if !is_article_path(root, &path) {
            continue;
        }
        let Some(id) = ArticleId::from_paths(root, &path) else {
            continue;
        };
        if !path.exists() {
            if corpus.get(&id).is_some() {
                out.push(Change::Removed(id, None));
            }
            continue;
        }
        match read_article(root, &path, options) {
            Ok(article) => {
                let same = corpus.get(&id).is_some_and(|old| old.text == article.text);
                if !same {
                    out.push(Change::Updated(article));
                }
            }
            Err(skipped) => {
                if corpus.get(&id).is_some() {
                    out.push(Change::Removed(id, Some(skipped)));
                }
            }
        }
    }
    out
}
