//! The corpus: articles loaded from a folder, their ids, texts and offsets. No egui here.

pub mod changes;
pub mod decode;
pub mod formats;
pub mod function_words;
pub mod language;
pub mod load;
pub mod meta;
pub mod scan;
mod text_index;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub use decode::{DecodeError, Decoded, Sniffed, TextEncoding, decode, decode_owned, sniff};
pub use formats::{ConverterStamp, Format, SourceMeta};
pub use load::{
    LoadError, LoadOptions, LoadReport, Metadata, Progress, SkipReason, Skipped, load_folder,
};
pub use meta::Detected;
pub use text_index::TextIndex;

/// An article's id: its path relative to the corpus folder, with `/` separators.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(pub String);

impl ArticleId {
    /// The id of `path` below `root`, or `None` when it is not below it. A name that is not
    /// valid UTF-8 keeps its invalid bytes as `\xNN`, so that two such names never become one
    /// id (the file itself is read through [`Article::path`]).
    pub fn from_paths(root: &Path, path: &Path) -> Option<Self> {
        let rel = path.strip_prefix(root).ok()?;
        let parts: Vec<String> = rel
            .components()
            .map(|c| component_text(c.as_os_str()))
            .collect();
        (!parts.is_empty()).then(|| Self(parts.join("/")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The last path component, for compact display.
    pub fn file_name(&self) -> &str {
        self.0.rsplit('/').next().unwrap_or(&self.0)
    }
}

/// A path component as text: itself when it is UTF-8, else its valid parts with each invalid
/// byte written as `\xNN`.
fn component_text(name: &std::ffi::OsStr) -> String {
    if let Some(text) = name.to_str() {
        return text.to_owned();
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in name.as_bytes().utf8_chunks() {
            out.push_str(chunk.valid());
            for b in chunk.invalid() {
                out.push_str(&format!("\\x{b:02X}"));
            }
        }
        out
    }
    #[cfg(not(unix))]
    name.to_string_lossy().into_owned()
}

impl std::fmt::Display for ArticleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// One decoded article.
#[derive(Clone, Debug)]
pub struct Article {
    pub id: ArticleId,
    /// Where the file is on disk.
    pub path: PathBuf,
    /// The headline (see [`meta`]), or the file name when the text has none.
    pub title: String,
    /// The decoded text (see [`decode`]); all offsets point into it.
    pub text: String,
    pub encoding: TextEncoding,
    /// SHA-256 of the text, computed when first asked for (only what is saved needs it).
    sha256: OnceLock<String>,
    /// Code point offsets, built when first needed (see [`TextIndex`]).
    pub index: TextIndex,
    /// The file's format, and the converter that made the text (none for plain text).
    pub format: Format,
    pub converter: Option<ConverterStamp>,
    /// What the file states about itself (HTML meta tags, document properties).
    pub stated: Box<SourceMeta>,
    /// Title, date, outlet, place, country, author and language, with where each came from.
    pub meta: Box<Detected>,
    /// Later copies of earlier text in this article (a body saved twice), in byte offsets,
    /// found when first asked for (see [`Article::repeats`]).
    repeats: Box<OnceLock<Vec<crate::text::Repeat>>>,
}

impl Article {
    pub fn new(id: ArticleId, path: PathBuf, decoded: Decoded) -> Self {
        let Decoded { text, encoding } = decoded;
        let converted = formats::Converted {
            text,
            meta: SourceMeta::default(),
            encoding,
        };
        Self::converted(id, path, Format::Text, converted, None)
    }

    /// An article from a converted file (see [`formats`]); its metadata is detected here.
    pub fn converted(
        id: ArticleId,
        path: PathBuf,
        format: Format,
        converted: formats::Converted,
        converter: Option<ConverterStamp>,
    ) -> Self {
        let mut article = Self::unanalysed(id, path, format, converted, converter);
        article.detect_meta(&std::collections::HashSet::new());
        article
    }

    /// [`Article::converted`] without detecting metadata: the title is the file name. Nothing
    /// is computed over the whole text here: the hash and the code point index are built when
    /// first used, so a search that finds nothing in an article never pays for them.
    pub fn unanalysed(
        id: ArticleId,
        path: PathBuf,
        format: Format,
        converted: formats::Converted,
        converter: Option<ConverterStamp>,
    ) -> Self {
        let formats::Converted {
            text,
            meta: stated,
            encoding,
        } = converted;
        Self {
            title: id.file_name().to_owned(),
            id,
            path,
            text,
            encoding,
            sha256: OnceLock::new(),
            index: TextIndex::lazy(),
            format,
            converter,
            stated: Box::new(stated),
            meta: Box::default(),
            repeats: Box::default(),
        }
    }

    /// SHA-256 of the decoded text as UTF-8, in lower-case hex.
    pub fn sha256(&self) -> &str {
        self.sha256.get_or_init(|| sha256_hex(&self.text))
    }

    /// Detect the metadata again, passing over the folded lines in `skip` (lines repeated
    /// across the articles of one outlet; see [`meta::repeated_lines`]).
    pub fn detect_meta(&mut self, skip: &std::collections::HashSet<String>) {
        *self.meta = meta::detect(&self.text, &self.stated, self.folder(), skip);
        self.title = self
            .meta
            .title
            .as_ref()
            .map_or_else(|| self.id.file_name().to_owned(), |t| t.value.clone());
    }

    /// The folder the article is in below the corpus folder (the last one), if any.
    pub fn folder(&self) -> Option<&str> {
        let (dir, _) = self.id.0.rsplit_once('/')?;
        Some(dir.rsplit('/').next().unwrap_or(dir))
    }

    /// Later copies of earlier text in this article (a body saved twice), in byte offsets.
    pub fn repeats(&self) -> &[crate::text::Repeat] {
        self.repeats
            .get_or_init(|| crate::text::repeats(&self.text))
    }

    /// Does the article repeat its own text (a body saved twice)?
    pub fn is_repeated(&self) -> bool {
        !self.repeats().is_empty()
    }

    /// Does code point `char_idx` lie in a later copy of earlier text of the article?
    pub fn in_repeat(&self, char_idx: usize) -> bool {
        let Some(byte) = self.byte_of(char_idx) else {
            return false;
        };
        crate::text::repeats::in_repeat(self.repeats(), byte)
    }

    /// The later copies of earlier text, as code point ranges.
    pub fn repeated_ranges(&self) -> Vec<(usize, usize)> {
        self.repeats()
            .iter()
            .filter_map(|r| Some((self.char_of(r.copy.start)?, self.char_of(r.copy.end)?)))
            .collect()
    }

    /// Length in code points.
    pub fn char_len(&self) -> usize {
        self.index.char_len(&self.text)
    }

    /// The text between two code point offsets, or `None` when the range does not fit.
    pub fn slice(&self, start: usize, end: usize) -> Option<&str> {
        self.index.slice(&self.text, start, end)
    }

    pub fn byte_of(&self, char_idx: usize) -> Option<usize> {
        self.index.byte_of(&self.text, char_idx)
    }

    pub fn char_of(&self, byte_idx: usize) -> Option<usize> {
        self.index.char_of(&self.text, byte_idx)
    }
}

pub fn sha256_hex(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut hex = String::with_capacity(64);
    for byte in digest {
        hex.push_str(&format!("{byte:02x}"));
    }
    hex
}

/// A loaded folder of articles, sorted by id.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    /// The folder the articles were loaded from.
    pub root: PathBuf,
    articles: Vec<Article>,
}

impl Corpus {
    /// Build a corpus; the articles are sorted by id and duplicates dropped.
    pub fn new(root: PathBuf, mut articles: Vec<Article>) -> Self {
        articles.sort_by(|a, b| a.id.cmp(&b.id));
        articles.dedup_by(|a, b| a.id == b.id);
        Self { root, articles }
    }

    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    pub fn len(&self) -> usize {
        self.articles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    pub fn get(&self, id: &ArticleId) -> Option<&Article> {
        self.position(id).map(|i| &self.articles[i])
    }

    pub fn position(&self, id: &ArticleId) -> Option<usize> {
        self.articles.binary_search_by(|a| a.id.cmp(id)).ok()
    }

    /// Add or replace one article, keeping the order.
    pub fn upsert(&mut self, article: Article) {
        match self.articles.binary_search_by(|a| a.id.cmp(&article.id)) {
            Ok(i) => self.articles[i] = article,
            Err(i) => self.articles.insert(i, article),
        }
    }

    /// Remove one article; returns it when it was there.
    pub fn remove(&mut self, id: &ArticleId) -> Option<Article> {
        self.position(id).map(|i| self.articles.remove(i))
    }

    /// Total size of the texts in bytes.
    pub fn text_bytes(&self) -> usize {
        self.articles.iter().map(|a| a.text.len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_use_forward_slashes_and_sort() {
        let root = Path::new("/data/corpus");
        let id = ArticleId::from_paths(root, &root.join("peru").join("a.txt"));
        assert_eq!(id, Some(ArticleId("peru/a.txt".into())));
        assert_eq!(
            ArticleId::from_paths(root, Path::new("/elsewhere/a.txt")),
            None
        );
        let a = |id: &str, text: &str| {
            Article::new(
                ArticleId(id.into()),
                PathBuf::from(id),
                decode(text.as_bytes()).expect("decodes"),
            )
        };
        let corpus = Corpus::new(
            root.into(),
            vec![a("b.txt", "B"), a("a.txt", "\n\n  Title  \nbody")],
        );
        assert_eq!(corpus.articles()[0].id.as_str(), "a.txt");
        assert_eq!(corpus.articles()[0].title, "Title");
        assert!(corpus.get(&ArticleId("b.txt".into())).is_some());
    }

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_keep_distinct_ids() {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let root = Path::new("/c");
        let id = |name: &[u8]| {
            ArticleId::from_paths(root, &root.join(OsStr::from_bytes(name)))
                .expect("below root")
                .0
        };
        assert_eq!(id(b"x\xff.txt"), "x\\xFF.txt");
        assert_eq!(id(b"x\xfe.txt"), "x\\xFE.txt");
        assert_eq!(id("x\u{FFFD}.txt".as_bytes()), "x\u{FFFD}.txt");
        assert_eq!(id("año.txt".as_bytes()), "año.txt");
    }

    #[test]
    fn hash_and_index_wait_until_asked_for() {
        let a = Article::new(
            ArticleId("a".into()),
            PathBuf::from("a"),
            decode("Perú".as_bytes()).expect("decodes"),
        );
        assert!(!a.index.is_built());
        assert_eq!(a.sha256(), sha256_hex("Perú"));
        assert_eq!(a.char_len(), 4);
        assert!(a.index.is_built());
    }

    #[test]
    fn sha256_matches_known_vector() {
        assert_eq!(
            sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
