//! REFI-QDA import: a `.qdpx` project from NVivo, ATLAS.ti, MAXQDA, QualCoder or Dossier
//! becomes a Dossier project whose articles are the text sources, written as `.txt` files into
//! a folder beside the new project. The XML is validated against the QDA-XML schema first;
//! what is valid is imported, and the report lists every problem (with its line) and
//! everything left out, with the reason. See [`super::refi_import_project`] for how the tools'
//! habits are read.

use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use crate::corpus::{Article, ArticleId, Decoded, TextEncoding};
use crate::project::{ArticleRecord, Project, ProjectError, io};

/// The largest `.qde` read, and the most text read from all sources together.
pub const MAX_XML_BYTES: u64 = 512 << 20;
pub const MAX_SOURCE_BYTES: u64 = 1 << 30;

/// Why a file could not be imported at all (problems inside it are in the report instead).
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("not a REFI-QDA project archive (not a ZIP file: {0})")]
    Zip(String),
    #[error("the archive holds no .qde file (the project XML)")]
    NoQde,
    #[error("the archive holds {0} .qde files and none is named project.qde")]
    ManyQde(usize),
    #[error("the project XML is larger than {MAX_XML_BYTES} bytes")]
    TooLarge,
    #[error("cannot read {0} from the archive: {1}")]
    Entry(String, String),
    #[error("the XML is not UTF-8 text")]
    NotUtf8,
    #[error("the XML is not well-formed: {0}")]
    Xml(String),
    #[error("this is not a REFI-QDA {expected}: its root element is <{found}>")]
    Root {
        expected: &'static str,
        found: String,
    },
    #[error("{0}")]
    Clash(String),
    #[error(
        "the XML nests elements more than {} levels deep",
        super::refi_import_schema::MAX_DEPTH
    )]
    TooDeep,
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0} already exists and is not empty; choose another folder for the sources")]
    FolderNotEmpty(PathBuf),
    #[error("{0} already exists; choose another name for the new project")]
    ProjectExists(PathBuf),
    #[error(transparent)]
    Project(#[from] ProjectError),
}

/// What an import read, grouped, and left out.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct ImportReport {
    /// The tool that wrote the file (the project's `origin`).
    pub origin: String,
    pub sources: usize,
    pub selections: usize,
    pub passages: usize,
    pub themes: usize,
    pub coders: usize,
    /// Where the XML departs from the QDA-XML schema, each with its line.
    pub schema_problems: Vec<String>,
    /// What was read differently from how it was written (grouping, positions, names).
    pub notes: Vec<String>,
    /// What was not imported, and why.
    pub skipped: Vec<String>,
}

/// One imported text source: the file it becomes and its text (LF line ends, no BOM).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedSource {
    pub file: String,
    pub text: String,
}

/// A `.qdpx` read into a project and its texts, not yet written anywhere.
#[derive(Clone, Debug)]
pub struct Imported {
    pub project: Project,
    pub sources: Vec<ImportedSource>,
    pub report: ImportReport,
}

/// The files of a `.qdpx` archive that an import reads.
pub struct Archive {
    zip: zip::ZipArchive<Cursor<Vec<u8>>>,
    /// The folder of the `.qdpx` file, for `relative://` paths without a `basePath`.
    pub folder: Option<PathBuf>,
    budget: u64,
}

impl Archive {
    pub fn new(bytes: Vec<u8>, folder: Option<PathBuf>) -> Result<Self, ImportError> {
        let zip = zip::ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| ImportError::Zip(e.to_string()))?;
        Ok(Self {
            zip,
            folder,
            budget: MAX_SOURCE_BYTES,
        })
    }

    fn names(&self) -> Vec<String> {
        self.zip
            .file_names()
            .filter_map(|n| n.ok().map(|n| n.into_owned()))
            .collect()
    }

    /// The project XML: `project.qde`, or the archive's only `.qde` (ATLAS.ti names it after
    /// the project).
    pub fn qde(&mut self) -> Result<String, ImportError> {
        let qdes: Vec<String> = self
            .names()
            .into_iter()
            .filter(|n| n.to_ascii_lowercase().ends_with(".qde") && !n.ends_with('/'))
            .collect();
        let name = match qdes.as_slice() {
            [] => return Err(ImportError::NoQde),
            [one] => one.clone(),
            many => many
                .iter()
                .find(|n| n.eq_ignore_ascii_case("project.qde"))
                .cloned()
                .ok_or(ImportError::ManyQde(many.len()))?,
        };
        let bytes = self
            .read(&name, MAX_XML_BYTES)?
            .ok_or(ImportError::TooLarge)?;
        let bytes = bytes
            .strip_prefix(b"\xEF\xBB\xBF")
            .unwrap_or(&bytes)
            .to_vec();
        String::from_utf8(bytes).map_err(|_| ImportError::NotUtf8)
    }

    /// Read one entry, at most `limit` bytes; `Ok(None)` when it is larger.
    fn read(&mut self, name: &str, limit: u64) -> Result<Option<Vec<u8>>, ImportError> {
        let entry = self
            .zip
            .by_name(name)
            .map_err(|e| ImportError::Entry(name.to_owned(), e.to_string()))?;
        let mut bytes = Vec::new();
        entry
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| ImportError::Entry(name.to_owned(), e.to_string()))?;
        Ok((bytes.len() as u64 <= limit).then_some(bytes))
    }

    /// The bytes of `internal://NAME`: `sources/NAME` or `Sources/NAME`, any case.
    pub fn internal(&mut self, file: &str) -> Result<Vec<u8>, String> {
        let wanted = format!("sources/{}", file.trim_start_matches('/')).to_lowercase();
        let name = self
            .names()
            .into_iter()
            .find(|n| n.to_lowercase() == wanted || n.to_lowercase() == file.to_lowercase())
            .ok_or_else(|| format!("the archive has no file sources/{file}"))?;
        let limit = self.budget;
        match self.read(&name, limit) {
            Ok(Some(bytes)) => {
                self.budget -= bytes.len() as u64;
                Ok(bytes)
            }
            Ok(None) => Err(format!(
                "sources/{file} is larger than what is left of the {MAX_SOURCE_BYTES}-byte limit"
            )),
            Err(e) => Err(e.to_string()),
        }
    }

    /// Files under `sources/` that no source refers to (QualCoder leaves copies there).
    pub fn unreferenced(&self, used: &[String]) -> usize {
        let used: Vec<String> = used.iter().map(|u| u.to_lowercase()).collect();
        self.names()
            .iter()
            .filter(|n| {
                let l = n.to_lowercase();
                l.starts_with("sources/")
                    && !l.ends_with('/')
                    && !used.iter().any(|u| l == format!("sources/{u}"))
            })
            .count()
    }
}

/// Import a `.qdpx` file's bytes. `folder` is where the file is (for `relative://` sources).
pub fn import_qdpx(
    bytes: Vec<u8>,
    folder: Option<PathBuf>,
    now: &crate::project::Timestamp,
) -> Result<Imported, ImportError> {
    let mut archive = Archive::new(bytes, folder)?;
    let xml = archive.qde()?;
    super::refi_import_project::read_project(&xml, &mut archive, now)
}

/// Where an imported project's sources go by default: `NAME-sources/` beside `NAME.dossier.json`.
pub fn default_sources_folder(project_path: &Path) -> PathBuf {
    let stem = crate::project::coders::name_from_file_stem(project_path)
        .unwrap_or_else(|| "imported".into());
    project_path
        .parent()
        .unwrap_or(Path::new("."))
        .join(format!("{stem}-sources"))
}

/// Write the sources as `.txt` files into `sources_folder` (new or empty) and the project to
/// `project_path` (which must not exist), pointing at that folder. Nothing is overwritten.
pub fn write_imported(
    imported: &Imported,
    project_path: &Path,
    sources_folder: &Path,
) -> Result<Project, ImportError> {
    if project_path.exists() {
        return Err(ImportError::ProjectExists(project_path.to_owned()));
    }
    let write_err = |path: &Path| {
        let path = path.to_owned();
        move |source| ImportError::Write { path, source }
    };
    if sources_folder.exists() {
        let mut entries = std::fs::read_dir(sources_folder).map_err(write_err(sources_folder))?;
        if entries.next().is_some() {
            return Err(ImportError::FolderNotEmpty(sources_folder.to_owned()));
        }
    }
    std::fs::create_dir_all(sources_folder).map_err(write_err(sources_folder))?;
    let mut project = imported.project.clone();
    let mut records = Vec::with_capacity(imported.sources.len());
    for s in &imported.sources {
        let path = sources_folder.join(&s.file);
        io::write_atomic(&path, s.text.as_bytes()).map_err(write_err(&path))?;
        let article = Article::new(
            ArticleId(s.file.clone()),
            path,
            Decoded {
                text: s.text.clone(),
                encoding: TextEncoding::Utf8 { bom: false },
            },
        );
        records.push(ArticleRecord::of(&article));
    }
    records.sort_by(|a, b| a.path.cmp(&b.path));
    project.articles = records;
    io::set_corpus_folder(&mut project, project_path, sources_folder);
    io::save(&project, project_path)?;
    Ok(project)
}
