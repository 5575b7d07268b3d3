//! The team jobs: reading a REFI-QDA project (with progress) and writing it as a new project,
//! reading a codebook, planning a merge with another analyst's project, and working out the
//! agreement table. Each reads its own copy or snapshot; the results go back to the app.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{JobOutput, Jobs, display_name};
use crate::analysis::agreement::{self, article_lengths};
use crate::analysis::agreement_disagreements::disagreements;
use crate::context::jobs::{JobProgress, Slot};
use crate::context::{AgreementRequest, AgreementResult};
use crate::corpus::Corpus;
use crate::interop::refi_import::{self, Imported, MAX_SOURCE_BYTES, MAX_XML_BYTES};
use crate::interop::refi_import_codebook::{Codebook, parse_qdc};
use crate::project::merge::{self, MergePlan};
use crate::project::{Project, Timestamp, io};

/// A finished team job.
#[derive(Debug)]
#[expect(
    clippy::large_enum_variant,
    reason = "one value per finished job, moved once to the UI thread"
)]
pub enum TeamOutput {
    /// A `.qdpx` file was read (`None`: the read was cancelled).
    QdpxRead {
        from: PathBuf,
        result: Option<Result<Imported, String>>,
    },
    /// An imported project was written (or not: the import comes back to try elsewhere).
    ImportWritten {
        from: PathBuf,
        project: PathBuf,
        sources: PathBuf,
        imported: Box<Imported>,
        result: Result<(), String>,
    },
    CodebookRead {
        path: PathBuf,
        result: Result<Codebook, String>,
    },
    /// Their project, and the plan of merging it into the project at `revision`.
    MergePlanned {
        path: PathBuf,
        revision: u64,
        result: Result<(Box<Project>, MergePlan), String>,
    },
    Agreement {
        request: AgreementRequest,
        result: AgreementResult,
    },
}

/// Read a whole file of at most `limit` bytes, a chunk at a time (reporting progress); refuses
/// folders, FIFOs and devices. Errors do not name the file (the caller adds it).
fn read_file(path: &Path, limit: u64, progress: &JobProgress) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err("it is not a file".into());
    }
    if meta.len() > limit {
        return Err(format!("it is larger than {limit} bytes"));
    }
    let mut file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let total = usize::try_from(meta.len()).unwrap_or(usize::MAX);
    let mut bytes = Vec::with_capacity(total);
    let mut chunk = vec![0u8; 1 << 20];
    loop {
        let n = file.read(&mut chunk).map_err(|e| e.to_string())?;
        if n == 0 {
            break;
        }
        bytes.extend_from_slice(&chunk[..n]);
        if bytes.len() as u64 > limit {
            return Err(format!("it is larger than {limit} bytes"));
        }
        progress.set(bytes.len(), total.max(bytes.len()));
    }
    Ok(bytes)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// `error — path`, the way every message names its file.
fn naming(path: &Path) -> impl Fn(String) -> String + '_ {
    move |e| format!("{e} — {}", path.display())
}

impl Jobs {
    /// Read a `.qdpx` file: the bytes with progress, then the project in it.
    pub fn read_qdpx(&mut self, from: PathBuf) {
        self.cancel_loads();
        let label = format!("Importing {}", display_name(&from));
        self.spawn(Slot::Load, label, move |progress| {
            let read = read_file(&from, MAX_SOURCE_BYTES, progress).and_then(|bytes| {
                // Parsing has no steps to count: the bar turns to "busy".
                progress.set(0, 0);
                let folder = from.parent().map(Path::to_owned);
                refi_import::import_qdpx(bytes, folder, &Timestamp::now())
                    .map_err(|e| e.to_string())
            });
            let cancelled = progress.cancel.load(std::sync::atomic::Ordering::Relaxed);
            let result = (!cancelled).then(|| read.map_err(naming(&from)));
            JobOutput::Team(TeamOutput::QdpxRead { from, result })
        });
    }

    /// Write an imported project and its articles (nothing is overwritten).
    pub fn write_import(
        &mut self,
        from: PathBuf,
        imported: Box<Imported>,
        project: PathBuf,
        sources: PathBuf,
    ) {
        let label = format!("Writing {}", display_name(&project));
        self.spawn(Slot::Load, label, move |_| {
            let result = refi_import::write_imported(&imported, &project, &sources)
                .map(|_| ())
                .map_err(|e| e.to_string());
            JobOutput::Team(TeamOutput::ImportWritten {
                from,
                project,
                sources,
                imported,
                result,
            })
        });
    }

    /// Read and validate a `.qdc` codebook.
    pub fn read_codebook(&mut self, path: PathBuf) {
        let label = format!("Reading {}", display_name(&path));
        self.spawn(Slot::Import, label, move |progress| {
            let result = read_file(&path, MAX_XML_BYTES, progress)
                .and_then(|bytes| {
                    String::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".into())
                })
                .and_then(|text| parse_qdc(&text).map_err(|e| e.to_string()))
                .map_err(naming(&path));
            JobOutput::Team(TeamOutput::CodebookRead { path, result })
        });
    }

    /// Read their project and propose how it maps onto ours (a copy at `revision`, saved at
    /// `our_path`, which is never theirs).
    pub fn plan_merge(
        &mut self,
        path: PathBuf,
        (ours, our_path): (Project, Option<PathBuf>),
        corpus: Arc<Corpus>,
        revision: u64,
    ) {
        let label = format!("Reading {}", display_name(&path));
        self.spawn(Slot::Import, label, move |_| {
            let result = if our_path.is_some_and(|p| same_file(&p, &path)) {
                Err(format!(
                    "that is the project open now; choose another analyst's project — {}",
                    path.display()
                ))
            } else if path.is_file() {
                io::open(&path)
                    .map(|opened| {
                        let plan = merge::plan(&ours, &corpus, &opened.project);
                        (Box::new(opened.project), plan)
                    })
                    .map_err(|e| e.to_string())
            } else {
                Err(format!("it is not a project file — {}", path.display()))
            };
            JobOutput::Team(TeamOutput::MergePlanned {
                path,
                revision,
                result,
            })
        });
    }

    /// The agreement table and two coders' disagreements, from a copy of the project.
    pub fn agreement(&mut self, request: AgreementRequest, project: Project, corpus: Arc<Corpus>) {
        self.spawn(Slot::Analysis, "Working out agreement".into(), move |_| {
            let lengths = article_lengths(&project, Some(&corpus));
            let table = agreement::agreement(&project, &lengths, &request.options);
            let disagreements = match (&table, request.pair) {
                (Ok(t), Some((a, b))) => disagreements(
                    &project,
                    a,
                    b,
                    &t.articles,
                    request.options.themes.as_deref(),
                ),
                _ => Vec::new(),
            };
            JobOutput::Team(TeamOutput::Agreement {
                request,
                result: AgreementResult {
                    table,
                    disagreements,
                },
            })
        });
    }
}
