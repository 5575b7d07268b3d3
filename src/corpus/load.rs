//! Loading a folder of articles: walking it, reading and decoding each file, and reporting every
//! file that was skipped and why. The load goes on past every bad file.

use std::collections::HashSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use super::decode::{SNIFF_BYTES, Sniffed, decode_sniffed, sniff};
use super::formats::{self, Format, ReadError};
use super::{Article, ArticleId, Corpus, DecodeError, SourceMeta, TextEncoding};

/// A mebibyte, the unit of the size limit (`--max-file-mb`).
const MIB: f64 = 1024.0 * 1024.0;

/// Settings for a folder load.
#[derive(Clone, Debug)]
pub struct LoadOptions {
    /// Files larger than this are skipped.
    pub max_file_bytes: u64,
    /// How many threads read and decode files.
    pub threads: usize,
    /// For the command line: read a project's corpus even when its folder lies outside the
    /// project's folder (`--allow-outside-corpus`). The window asks instead.
    pub allow_outside_corpus: bool,
    /// How much of each article's metadata to detect.
    pub metadata: Metadata,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            max_file_bytes: 20 * 1024 * 1024,
            threads: std::thread::available_parallelism().map_or(2, |n| n.get().min(8)),
            allow_outside_corpus: false,
            metadata: Metadata::All,
        }
    }
}

/// How much metadata a load detects for each article (see [`super::meta`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Metadata {
    /// Title, date, outlet, place, author and language: what the window shows.
    #[default]
    All,
    /// The date and the language alone, the same values as `All` gives: what figure
    /// extraction reads (`dossier figures`). The title is the file name.
    DateAndLanguage,
    /// None: a pass over the text alone, such as the command line's search. The title is the
    /// file name.
    None,
}

/// Why a file or folder was not loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SkipReason {
    Empty,
    Blank,
    Binary(&'static str),
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    Unreadable(String),
    NotText {
        extension: String,
    },
    /// A file of a format Dossier converts that could not be converted: "PDF: no text layer".
    Conversion(String),
    SymlinkLoop,
    /// A FIFO, socket or device: never opened (reading a FIFO would wait forever).
    NotRegular(&'static str),
    /// Another file has the same id (two names that differ only in bytes that are not UTF-8
    /// and were written the same way).
    SameId(ArticleId),
    /// The text made from a (compressed) file is larger than the size limit.
    TextTooLarge {
        bytes: u64,
        limit: u64,
    },
    /// A link whose target lies outside the folder being read: following it would read files
    /// the corpus does not hold (a project's corpus must not reach `/etc` through a link).
    OutsideLink(PathBuf),
}

impl std::fmt::Display for SkipReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Empty => write!(f, "empty file"),
            Self::Blank => write!(f, "only white space"),
            Self::Binary(kind) => write!(f, "binary file ({kind})"),
            Self::TooLarge { bytes, limit } => write!(
                f,
                "too large ({:.1} MB; the limit is {:.1} MB, set with --max-file-mb)",
                *bytes as f64 / MIB,
                *limit as f64 / MIB
            ),
            Self::TextTooLarge { bytes, limit } => write!(
                f,
                "its text is too large ({:.1} MB; the limit is {:.1} MB, set with --max-file-mb)",
                *bytes as f64 / MIB,
                *limit as f64 / MIB
            ),
            Self::Unreadable(why) => write!(f, "cannot be read: {why}"),
            Self::NotText { extension } => write!(f, "not a text file (.{extension})"),
            Self::Conversion(why) => f.write_str(why),
            Self::SymlinkLoop => {
                write!(f, "a link to a folder already read (a loop or a duplicate)")
            }
            Self::NotRegular(kind) => write!(f, "not a regular file ({kind}); not opened"),
            Self::OutsideLink(target) => write!(
                f,
                "a link to {} outside the folder; not read (copy it into the folder to use it)",
                target.display()
            ),
            Self::SameId(id) => write!(f, "another file already has the id “{id}”"),
        }
    }
}

/// One skipped file, with its path relative to the folder where possible.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: SkipReason,
}

/// Everything worth telling the user about a load besides the articles themselves.
#[derive(Clone, Debug, Default)]
pub struct LoadReport {
    /// Files not loaded, sorted by path.
    pub skipped: Vec<Skipped>,
    /// Articles read with a fallback encoding, sorted by id.
    pub fallbacks: Vec<(ArticleId, TextEncoding)>,
}

impl LoadReport {
    pub fn is_clean(&self) -> bool {
        self.skipped.is_empty() && self.fallbacks.is_empty()
    }
}

/// Progress of a load, for a progress bar.
#[derive(Clone, Debug, Default)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

/// Why a folder could not be loaded at all.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot open the folder {path}: {source}")]
    Root {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0} is not a folder")]
    NotAFolder(PathBuf),
    #[error("the load was cancelled")]
    Cancelled,
}

/// Load every text file below `root`. See the module docs.
pub fn load_folder(
    root: &Path,
    options: &LoadOptions,
    progress: &mut dyn FnMut(Progress),
    cancel: &AtomicBool,
) -> Result<(Corpus, LoadReport), LoadError> {
    let meta = fs::metadata(root).map_err(|source| LoadError::Root {
        path: root.to_owned(),
        source,
    })?;
    if !meta.is_dir() {
        return Err(LoadError::NotAFolder(root.to_owned()));
    }
    let mut report = LoadReport::default();
    let files = walk(root, &mut report.skipped, cancel)?;
    let total = files.len();
    progress(Progress { done: 0, total });

    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::channel();
    let mut articles = Vec::with_capacity(total);
    std::thread::scope(|scope| {
        let (next, files) = (&next, &files);
        // Each worker takes the next file until none are left; the results come back in any
        // order and are sorted by `Corpus::new`.
        let work = move |tx: mpsc::Sender<Result<Article, Skipped>>| {
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(path) = files.get(i) else { break };
                if cancel.load(Ordering::Relaxed) {
                    break;
                }
                if tx.send(read_article(root, path, options)).is_err() {
                    break;
                }
            }
        };
        let mut spawned_all = true;
        for n in 0..options.threads.max(1) {
            let tx = tx.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("dossier-load-{n}"))
                .spawn_scoped(scope, move || work(tx));
            spawned_all &= spawned.is_ok();
        }
        if !spawned_all {
            work(tx.clone()); // too few threads: help on this one
        }
        drop(tx);
        for (done, result) in rx.into_iter().enumerate() {
            match result {
                Ok(article) => {
                    if !matches!(article.encoding, TextEncoding::Utf8 { .. }) {
                        report
                            .fallbacks
                            .push((article.id.clone(), article.encoding));
                    }
                    articles.push(article);
                }
                Err(skipped) => report.skipped.push(skipped),
            }
            if done % 16 == 0 || done + 1 == total {
                progress(Progress {
                    done: done + 1,
                    total,
                });
            }
        }
    });
    if cancel.load(Ordering::Relaxed) {
        return Err(LoadError::Cancelled);
    }
    articles.sort_by(|a, b| a.id.cmp(&b.id).then_with(|| a.path.cmp(&b.path)));
    skip_same_ids(root, &mut articles, &mut report.skipped);
    report.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    report.fallbacks.sort_by(|a, b| a.0.cmp(&b.0));
    if options.metadata == Metadata::All {
        // Only titles change in this pass; the other levels detect none.
        super::meta::pass_over_repeated_lines(&mut articles);
    }
    Ok((Corpus::new(root.to_owned(), articles), report))
}

/// Articles sorted by id keep the first of each id; the others are reported, never dropped
/// silently.
fn skip_same_ids(root: &Path, articles: &mut Vec<Article>, skipped: &mut Vec<Skipped>) {
    let mut kept: Vec<Article> = Vec::with_capacity(articles.len());
    for article in articles.drain(..) {
        match kept.last() {
            Some(last) if last.id == article.id => skipped.push(Skipped {
                path: relative(root, &article.path),
                reason: SkipReason::SameId(article.id),
            }),
            _ => kept.push(article),
        }
    }
    *articles = kept;
}

/// Should a file with this name be read as an article? Text files and every format of
/// [`formats`] are; the error is the extension of any other file.
pub fn is_text_name(path: &Path) -> Result<(), String> {
    match Format::of_path(path) {
        Some(_) => Ok(()),
        None => Err(path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default()),
    }
}

fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_owned()
}

/// Collect the candidate files below `root`; report what is skipped on the way.
/// Iterative, so that deeply nested folders cannot overflow the stack.
pub(super) fn walk(
    root: &Path,
    skipped: &mut Vec<Skipped>,
    cancel: &AtomicBool,
) -> Result<Vec<PathBuf>, LoadError> {
    let mut seen_dirs = HashSet::new();
    let root_canon = fs::canonicalize(root).ok();
    if let Some(canon) = &root_canon {
        seen_dirs.insert(canon.clone());
    }
    let mut files = Vec::new();
    let mut stack = vec![root.to_owned()];
    while let Some(dir) = stack.pop() {
        if cancel.load(Ordering::Relaxed) {
            return Err(LoadError::Cancelled);
        }
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                if dir == root {
                    return Err(LoadError::Root {
                        path: root.to_owned(),
                        source: e,
                    });
                }
                skipped.push(Skipped {
                    path: relative(root, &dir),
                    reason: SkipReason::Unreadable(e.to_string()),
                });
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    skipped.push(Skipped {
                        path: relative(root, &dir),
                        reason: SkipReason::Unreadable(e.to_string()),
                    });
                    continue;
                }
            };
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue; // hidden files and folders (.git, .DS_Store, recovery files)
            }
            let kind = entry_kind(&entry, &path);
            if kind.is_ok()
                && let Some(target) = link_out_of(root_canon.as_deref(), &entry, &path)
            {
                skipped.push(Skipped {
                    path: relative(root, &path),
                    reason: SkipReason::OutsideLink(target),
                });
                continue;
            }
            match kind {
                Ok(Kind::Dir) => match fs::canonicalize(&path) {
                    // Follow links, but remember which real folders were read to stop loops.
                    Ok(canon) => {
                        if seen_dirs.insert(canon) {
                            stack.push(path);
                        } else {
                            skipped.push(Skipped {
                                path: relative(root, &path),
                                reason: SkipReason::SymlinkLoop,
                            });
                        }
                    }
                    Err(e) => skipped.push(Skipped {
                        path: relative(root, &path),
                        reason: SkipReason::Unreadable(e.to_string()),
                    }),
                },
                Ok(Kind::File) => match is_text_name(&path) {
                    Ok(()) => files.push(path),
                    Err(extension) => skipped.push(Skipped {
                        path: relative(root, &path),
                        reason: SkipReason::NotText { extension },
                    }),
                },
                Err(reason) => skipped.push(Skipped {
                    path: relative(root, &path),
                    reason,
                }),
            }
        }
    }
    Ok(files) // in no particular order: callers sort what they make of them
}

enum Kind {
    Dir,
    File,
}

/// The target of a link that leads out of the folder being read (`root`, canonical), if this
/// entry is such a link. Entries that are not links cost nothing: the listing says so.
fn link_out_of(root: Option<&Path>, entry: &fs::DirEntry, path: &Path) -> Option<PathBuf> {
    let root = root?;
    if !entry.file_type().is_ok_and(|t| t.is_symlink()) {
        return None;
    }
    // A dangling link or a loop is reported by `entry_kind` with its own reason.
    let target = fs::canonicalize(path).ok()?;
    (!target.starts_with(root)).then_some(target)
}

/// Is this entry (through links) a folder or a regular file? The type comes from the folder
/// listing itself; only links are looked up. Anything else is skipped with the reason.
fn entry_kind(entry: &fs::DirEntry, path: &Path) -> Result<Kind, SkipReason> {
    let listed = entry.file_type().ok().filter(|t| !t.is_symlink());
    let kind = match listed {
        Some(kind) => kind,
        None => fs::metadata(path)
            .map_err(|e| SkipReason::Unreadable(e.to_string()))?
            .file_type(),
    };
    if kind.is_dir() {
        Ok(Kind::Dir)
    } else if kind.is_file() {
        Ok(Kind::File)
    } else {
        Err(SkipReason::NotRegular(special_kind(&kind)))
    }
}

/// What kind of special file this is, in words.
fn special_kind(kind: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO";
        } else if kind.is_socket() {
            return "a socket";
        } else if kind.is_block_device() || kind.is_char_device() {
            return "a device";
        }
    }
    let _ = kind;
    "not a file or a folder"
}

/// Read and decode (or convert) one file, and detect its metadata (as much as
/// `options.metadata` asks for).
pub fn read_article(root: &Path, path: &Path, options: &LoadOptions) -> Result<Article, Skipped> {
    read_article_as(root, path, options, options.metadata)
}

/// [`read_article`] without detecting metadata (title, date, outlet…): for a pass over the
/// text alone, such as the command line's search.
pub fn read_article_text(
    root: &Path,
    path: &Path,
    options: &LoadOptions,
) -> Result<Article, Skipped> {
    read_article_as(root, path, options, Metadata::None)
}

fn read_article_as(
    root: &Path,
    path: &Path,
    options: &LoadOptions,
    metadata: Metadata,
) -> Result<Article, Skipped> {
    let skip = |reason| Skipped {
        path: relative(root, path),
        reason,
    };
    let id = ArticleId::from_paths(root, path).ok_or_else(|| {
        skip(SkipReason::Unreadable(
            "the file is not inside the corpus folder".into(),
        ))
    })?;
    let format = Format::of_path(path).unwrap_or(Format::Text);
    // Only plain text is judged binary from its first block; converted formats are binary.
    let plain = format.converter().is_none();
    let (bytes, sniffed) = read_limited(path, options.max_file_bytes, plain).map_err(skip)?;
    let read = match sniffed {
        Some(sniffed) => decode_sniffed(bytes, sniffed)
            .map(|d| {
                let converted = formats::Converted {
                    text: d.text,
                    meta: SourceMeta::default(),
                    encoding: d.encoding,
                };
                (converted, None)
            })
            .map_err(ReadError::from),
        None => formats::read_bytes(format, &bytes),
    };
    let (converted, stamp) = read.map_err(|e| {
        skip(match e {
            ReadError::Decode(DecodeError::Empty) => SkipReason::Empty,
            ReadError::Decode(DecodeError::Blank) => SkipReason::Blank,
            ReadError::Decode(DecodeError::Binary(kind)) => SkipReason::Binary(kind),
            e @ ReadError::Convert(..) => SkipReason::Conversion(e.to_string()),
        })
    })?;
    // A small compressed file (DOCX, EPUB, ODT) can hold a huge text: the limit is on both.
    let text_bytes = converted.text.len() as u64;
    if text_bytes > options.max_file_bytes {
        return Err(skip(SkipReason::TextTooLarge {
            bytes: text_bytes,
            limit: options.max_file_bytes,
        }));
    }
    let path = path.to_owned();
    Ok(match metadata {
        Metadata::All => Article::converted(id, path, format, converted, stamp),
        Metadata::DateAndLanguage => {
            let mut article = Article::unanalysed(id, path, format, converted, stamp);
            *article.meta = super::meta::detect_date_and_language(&article.text, &article.stated);
            article
        }
        Metadata::None => Article::unanalysed(id, path, format, converted, stamp),
    })
}

/// Open a file for reading without waiting: a FIFO put where a file was is refused, not
/// waited on. Returns the file and its size.
fn open_regular(path: &Path) -> Result<(fs::File, u64), SkipReason> {
    let unreadable = |e: std::io::Error| SkipReason::Unreadable(e.to_string());
    let mut open = fs::OpenOptions::new();
    open.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        open.custom_flags(libc::O_NONBLOCK);
    }
    let file = open.open(path).map_err(unreadable)?;
    let meta = file.metadata().map_err(unreadable)?;
    if !meta.file_type().is_file() {
        return Err(SkipReason::NotRegular(special_kind(&meta.file_type())));
    }
    Ok((file, meta.len()))
}

/// Read a file, refusing it when it is larger than `limit` (checked before and while reading,
/// so a file that grows meanwhile cannot slip through). With `sniff` (plain text), a file whose
/// first block shows it is binary is refused before the rest is read, and the verdict is
/// returned for the decoder.
fn read_limited(
    path: &Path,
    limit: u64,
    sniff_text: bool,
) -> Result<(Vec<u8>, Option<Sniffed>), SkipReason> {
    let unreadable = |e: std::io::Error| SkipReason::Unreadable(e.to_string());
    let (file, len) = open_regular(path)?;
    if len > limit {
        return Err(SkipReason::TooLarge { bytes: len, limit });
    }
    let mut bytes = Vec::with_capacity(len as usize);
    let mut file = file.take(limit + 1);
    (&mut file)
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    let sniffed = sniff_text.then(|| sniff(&bytes));
    if let Some(Sniffed::Binary(kind)) = sniffed {
        return Err(SkipReason::Binary(kind));
    }
    if bytes.len() == SNIFF_BYTES {
        file.read_to_end(&mut bytes).map_err(unreadable)?; // the rest, past the first block
    }
    if bytes.len() as u64 > limit {
        return Err(SkipReason::TooLarge {
            bytes: bytes.len() as u64,
            limit,
        });
    }
    Ok((bytes, sniffed))
}
