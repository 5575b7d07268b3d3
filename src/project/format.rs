//! The project file: JSON with `"format": "dossier-project"` and a version number. Writing is
//! deterministic (sorted keys, pretty printed); reading validates everything and reports what it
//! had to flag or repair instead of failing on the first odd value. See docs/project-format.md.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::attributes::Attributes;
use super::coders::{self, Coder, CoderId};
use super::figures::{CuratedFigure, Series};
use super::model::{ArticleRecord, Passage, Project, Theme, ThemeId};
use super::repair::{repair_figures, repair_passages, repair_rules, repair_series, repair_themes};
use super::rules::Rule;
use super::theme_keys::ThemeKeys;
use crate::corpus::ArticleId;

/// The value of the `format` key.
pub const FORMAT: &str = "dossier-project";
/// The version this build writes, and the newest it reads. Version 1 had no figures or series;
/// it is read as version 2 with none.
pub const VERSION: u64 = 3;

/// Why a project file could not be opened or saved. Messages end with the file's path.
#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    #[error("cannot read the project: {source} — {path}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the project is not UTF-8 text — {path}")]
    NotUtf8 { path: PathBuf },
    #[error("the project is too large ({bytes} bytes; the limit is {limit}) — {path}")]
    TooLarge {
        path: PathBuf,
        bytes: u64,
        limit: u64,
    },
    #[error("the project is not valid JSON: {message} at line {line}, column {column} — {path}")]
    Syntax {
        path: PathBuf,
        message: String,
        line: usize,
        column: usize,
    },
    #[error("the project file is damaged: {message} at line {line}, column {column} — {path}")]
    Shape {
        path: PathBuf,
        message: String,
        line: usize,
        column: usize,
    },
    #[error("this is not a Dossier project (no \"format\": \"dossier-project\") — {path}")]
    NotAProject { path: PathBuf },
    #[error(
        "the project was written by a newer Dossier (format version {found}; this one reads up \
         to {VERSION}). Update Dossier to open it; the file has not been changed — {path}"
    )]
    TooNew { path: PathBuf, found: u64 },
    #[error("the project has an invalid format version ({found}) — {path}")]
    BadVersion { path: PathBuf, found: String },
    #[error(
        "not saved: the file there was written by a newer Dossier (format version {found}) and \
         this one would lose what it cannot read. Save under another name — {path}"
    )]
    WouldReplaceNewer { path: PathBuf, found: u64 },
    #[error(
        "not saved: the file there is not a Dossier project, so it was not replaced. Save under \
         another name — {path}"
    )]
    WouldReplaceOther { path: PathBuf },
    #[error(
        "not saved: the project file was changed on disk since it was opened or last saved here \
         (by another window or program). Overwrite it, save under another name, or reload it — \
         {path}"
    )]
    Conflict { path: PathBuf },
    #[error("not saved: {what}, which a project file cannot hold; nothing was written — {path}")]
    Unwritable { path: PathBuf, what: String },
    #[error("cannot save the project: {source} — {path}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

#[derive(Deserialize)]
struct Header {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
}

#[derive(Serialize, Deserialize)]
struct CorpusSection {
    /// The corpus folder, relative to the project file when possible, with `/` separators.
    folder: Option<String>,
    #[serde(default)]
    articles: Vec<ArticleRecord>,
}

/// The file as written by version 2; version 1 files read into it with no figures or series.
#[derive(Serialize, Deserialize)]
struct FileV2 {
    format: String,
    version: u64,
    corpus: CorpusSection,
    #[serde(default)]
    themes: Vec<Theme>,
    #[serde(default)]
    passages: Vec<Passage>,
    #[serde(default)]
    figures: Vec<CuratedFigure>,
    #[serde(default)]
    series: Vec<Series>,
    #[serde(default)]
    rules: Vec<Rule>,
    /// Version 3 (in progress): see `super::attributes`.
    #[serde(default, skip_serializing_if = "Attributes::is_empty")]
    attributes: Attributes,
    /// Actor corrections (format version 3, in progress): absent when there are none.
    #[serde(default, skip_serializing_if = "super::actors::ActorBook::is_empty")]
    actors: super::actors::ActorBook,
    /// Absent in files without coders: one implicit coder (see `project::coders`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    coders: Vec<Coder>,
    #[serde(default, skip_serializing_if = "CoderId::is_first")]
    current_coder: CoderId,
    /// Number key → theme id (format version 3, in progress). Absent: the first nine themes in
    /// codebook order have keys 1–9, which is also when it is not written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    theme_keys: Option<BTreeMap<u8, ThemeId>>,
    /// The analyst's order of themes among siblings (format version 3, in progress).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    theme_order: Vec<ThemeId>,
}

/// A project read from a file, with what had to be flagged while reading it.
#[derive(Debug)]
pub struct Opened {
    pub project: Project,
    /// Problems found and how they were handled, one sentence each.
    pub warnings: Vec<String>,
    /// The file's format version when it was older than [`VERSION`].
    pub migrated_from: Option<u64>,
    /// The file as it was read, for [`super::io::save_checked`] to notice other writers.
    pub stamp: Option<super::stamp::FileStamp>,
}

impl Opened {
    /// Did reading the file change what it says, so that saving is a change worth making?
    /// Version 1 files gain figures and series; a version 2 file reads as version 3 with
    /// nothing changed (every field version 3 added is optional), and stays as it is on disk
    /// until the analyst changes something.
    pub fn changed_by_migration(&self) -> bool {
        self.migrated_from.is_some_and(|v| v < 2)
    }
}

/// Serialize a project. The same project always gives the same bytes.
pub fn to_json(project: &Project) -> String {
    let file = FileV2 {
        format: FORMAT.into(),
        version: VERSION,
        corpus: CorpusSection {
            folder: project.corpus_folder.as_ref().map(|p| path_to_slashes(p)),
            articles: project.articles.clone(),
        },
        themes: project.themes.clone(),
        passages: project.passages.values().cloned().collect(),
        figures: project.figures.values().cloned().collect(),
        series: project.series.clone(),
        rules: project.rules.clone(),
        attributes: project.attributes.clone(),
        actors: project.actors.clone(),
        coders: project.coders.clone(),
        current_coder: project.current_coder,
        theme_keys: (!project.theme_keys.is_empty()
            && project.theme_keys != ThemeKeys::positional(project))
        .then(|| project.theme_keys.as_map().clone()),
        theme_order: project.theme_order.clone(),
    };
    // Going through `Value` sorts the keys (serde_json's map is a BTreeMap).
    let mut value = serde_json::to_value(&file).unwrap_or(serde_json::Value::Null);
    sort_keys(&mut value);
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

/// Sort object keys recursively, in place, whatever map type serde_json was built with (with
/// its default `BTreeMap` they are sorted already and this only walks the tree).
fn sort_keys(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            map.sort_keys();
            map.values_mut().for_each(sort_keys);
        }
        Value::Array(items) => items.iter_mut().for_each(sort_keys),
        _ => {}
    }
}

fn path_to_slashes(path: &Path) -> String {
    let parts: Vec<String> = path
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let joined = parts.join("/");
    // An absolute path keeps its root: "/" + "data/x" from components ["/", "data", "x"].
    joined.replacen("//", "/", 1)
}

/// The format version of a Dossier project written by a newer release, if `text` is one.
/// Anything else (another version, another kind of file, damaged JSON) gives `None`.
pub fn newer_version(text: &str) -> Option<u64> {
    project_version(text).filter(|&v| v > VERSION)
}

/// The format version of `text` when it is a Dossier project (of any version, damaged or not
/// inside); `None` when it is not JSON with `"format": "dossier-project"` and a version.
pub fn project_version(text: &str) -> Option<u64> {
    let header: Header = serde_json::from_str(text).ok()?;
    let ours = header.format.as_ref().and_then(|f| f.as_str()) == Some(FORMAT);
    let version = header.version.as_ref().and_then(|v| v.as_u64())?;
    ours.then_some(version)
}

/// The version of a project file as this writer lays it out, from its first and last bytes
/// alone: the first key is `"corpus"` and the last is `"version"` (keys are sorted). `None`
/// when the file is not laid out so (hand-edited, or another kind of file): then the whole
/// file must be read. In valid JSON a `"version": N` just before the final `}` and after a `,`
/// or `{` is a key of the top-level object.
pub fn version_from_ends(head: &[u8], tail: &[u8]) -> Option<u64> {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let head = head
        .trim_ascii_start()
        .strip_prefix(b"{")?
        .trim_ascii_start();
    let after_key = head.strip_prefix(b"\"corpus\"")?.trim_ascii_start();
    if !after_key.starts_with(b":") {
        return None;
    }
    let tail = tail.trim_ascii_end().strip_suffix(b"}")?.trim_ascii_end();
    let digits = tail.iter().rev().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 || digits > 19 {
        return None;
    }
    let (rest, number) = tail.split_at(tail.len() - digits);
    let version: u64 = std::str::from_utf8(number).ok()?.parse().ok()?;
    let rest = rest.trim_ascii_end().strip_suffix(b":")?.trim_ascii_end();
    let rest = rest.strip_suffix(b"\"version\"")?.trim_ascii_end();
    matches!(rest.last(), Some(b',' | b'{')).then_some(version)
}

/// Can every value of `project` be written so that it reads back? JSON has no infinite or
/// not-a-number values (serde writes them as `null`, which the reader then refuses).
pub fn check_writable(project: &Project) -> Result<(), String> {
    for f in project.figures.values() {
        if !f.value.is_finite() {
            return Err(format!("figure {} has the value {}", f.id.0, f.value));
        }
        if let Some(e) = f.extracted.as_ref().filter(|e| !e.value.is_finite()) {
            return Err(format!(
                "figure {} was extracted with the value {}",
                f.id.0, e.value
            ));
        }
    }
    Ok(())
}

/// [`to_json`], refusing a project the reader would refuse: [`check_writable`] first, then the
/// text is read back as a project file before anything is written.
pub fn to_json_checked(project: &Project) -> Result<String, String> {
    check_writable(project)?;
    let json = to_json(project);
    if let Err(e) = serde_json::from_str::<FileV2>(&json) {
        return Err(format!("it would not read back ({e})"));
    }
    Ok(json)
}

/// Parse and validate the text of a project file read from `path`.
pub fn parse(text: &str, path: &Path) -> Result<Opened, ProjectError> {
    let header: Header = serde_json::from_str(text).map_err(|e| json_error(e, path))?;
    match header.format.as_ref().and_then(|f| f.as_str()) {
        Some(FORMAT) => {}
        _ => {
            return Err(ProjectError::NotAProject {
                path: path.to_owned(),
            });
        }
    }
    let version = match &header.version {
        Some(v) => v.as_u64().ok_or_else(|| ProjectError::BadVersion {
            path: path.to_owned(),
            found: v.to_string(),
        })?,
        None => {
            return Err(ProjectError::BadVersion {
                path: path.to_owned(),
                found: "none".into(),
            });
        }
    };
    if version > VERSION {
        return Err(ProjectError::TooNew {
            path: path.to_owned(),
            found: version,
        });
    }
    if version == 0 {
        return Err(ProjectError::BadVersion {
            path: path.to_owned(),
            found: "0".into(),
        });
    }
    let file: FileV2 = serde_json::from_str(text).map_err(|e| json_error(e, path))?;
    let mut warnings = Vec::new();
    let migrated_from = (version < VERSION).then_some(version);
    if let Some(v) = migrated_from {
        warnings.push(format!(
            "The project was written in format version {v}; it will be saved as version {VERSION}, \
             which older Dossier releases cannot open."
        ));
    }
    let mut project = Project {
        corpus_folder: file.corpus.folder.map(PathBuf::from),
        articles: file.corpus.articles,
        ..Project::default()
    };
    project.articles.sort_by(|a, b| a.path.cmp(&b.path));
    project.articles.dedup_by(|a, b| a.path == b.path);
    project.themes = repair_themes(file.themes, &mut warnings);
    project.passages = repair_passages(file.passages, &mut project.themes, &mut warnings);
    project.figures = repair_figures(file.figures, &mut warnings);
    project.series = repair_series(file.series, &project.figures, &mut warnings);
    project.rules = repair_rules(file.rules, &mut project.themes, &mut warnings);
    project.attributes = file.attributes;
    project
        .attributes
        .definitions
        .sort_by(|a, b| a.name.cmp(&b.name));
    project.actors = file.actors;
    let mut used: BTreeSet<CoderId> = project.passages.values().map(|p| p.coder).collect();
    used.insert(file.current_coder);
    project.coders = coders::repair(file.coders, &used, &mut warnings);
    project.current_coder = file.current_coder;
    project.theme_order = file.theme_order;
    project.repair_theme_order();
    if let Some(keys) = file.theme_keys {
        project.theme_keys = ThemeKeys::repair(keys, &project, &mut warnings);
    }
    project.ensure_theme_keys();
    Ok(Opened {
        project,
        warnings,
        migrated_from,
        stamp: None,
    })
}

fn json_error(e: serde_json::Error, path: &Path) -> ProjectError {
    let (line, column) = (e.line(), e.column());
    // serde_json's message ends with " at line L column C"; we say that ourselves.
    let message = e.to_string();
    let message = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(m, _)| m)
        .to_owned();
    if e.is_syntax() || e.is_eof() {
        ProjectError::Syntax {
            path: path.to_owned(),
            message,
            line,
            column,
        }
    } else {
        ProjectError::Shape {
            path: path.to_owned(),
            message,
            line,
            column,
        }
    }
}

/// Is this record about `id`?
pub fn record_for<'a>(records: &'a [ArticleRecord], id: &ArticleId) -> Option<&'a ArticleRecord> {
    records
        .binary_search_by(|r| r.path.cmp(id))
        .ok()
        .map(|i| &records[i])
}
