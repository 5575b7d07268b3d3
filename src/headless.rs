//! Headless commands behind the command line: the same library as the window, no display.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use serde::Serialize;

use crate::cli::Format;
use crate::corpus::{Corpus, LoadError, LoadOptions, LoadReport, load_folder};
use crate::project::{ProjectError, check_passages, io};

/// Why a command failed. Messages name the file.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error(transparent)]
    Project(#[from] ProjectError),
    #[error("cannot write the output: {0}")]
    Io(#[from] std::io::Error),
    #[error("cannot write CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("cannot open the window: {0}")]
    Window(String),
    #[error("{0}")]
    Usage(String),
}

/// A folder or a project, loaded for a headless command.
pub struct Loaded {
    pub corpus: Corpus,
    pub report: LoadReport,
    /// The project and its path, when a project file was given.
    pub project: Option<(PathBuf, crate::project::Opened)>,
    /// Why the project's corpus could not be loaded, if it could not.
    pub corpus_error: Option<String>,
}

/// Load a folder of articles, or a project file and its corpus.
pub fn load_any(path: &Path, options: &LoadOptions) -> Result<Loaded, CliError> {
    let cancel = AtomicBool::new(false);
    if path.is_dir() {
        let (corpus, report) = load_folder(path, options, &mut |_| {}, &cancel)?;
        return Ok(Loaded {
            corpus,
            report,
            project: None,
            corpus_error: None,
        });
    }
    let opened = io::open(path)?;
    let mut loaded = Loaded {
        corpus: Corpus::default(),
        report: LoadReport::default(),
        project: None,
        corpus_error: None,
    };
    if let Some(folder) = &opened.project.corpus_folder {
        let location = io::corpus_location(path, folder);
        match load_folder(&location.path, options, &mut |_| {}, &cancel) {
            Ok((corpus, report)) => {
                loaded.corpus = corpus;
                loaded.report = report;
            }
            Err(e) => loaded.corpus_error = Some(e.to_string()),
        }
    }
    loaded.project = Some((path.to_owned(), opened));
    Ok(loaded)
}

/// `dossier info PATH`.
pub fn info(path: &Path, options: &LoadOptions, out: &mut dyn Write) -> Result<(), CliError> {
    let loaded = load_any(path, options)?;
    if let Some((p, _)) = &loaded.project {
        writeln!(out, "project: {}", p.display())?;
    }
    writeln!(out, "corpus folder: {}", loaded.corpus.root.display())?;
    if let Some(e) = &loaded.corpus_error {
        writeln!(out, "corpus not loaded: {e}")?;
    }
    writeln!(out, "articles: {}", loaded.corpus.len())?;
    for a in loaded.corpus.articles() {
        writeln!(
            out,
            "  {}\t{} chars\t{}\t{}",
            a.id,
            a.char_len(),
            a.encoding,
            a.title
        )?;
    }
    writeln!(out, "skipped files: {}", loaded.report.skipped.len())?;
    for s in &loaded.report.skipped {
        writeln!(out, "  {}\t{}", s.path.display(), s.reason)?;
    }
    match &loaded.project {
        None => {
            writeln!(out, "themes: none (a folder has no project yet)")?;
            writeln!(out, "passages: 0")?;
        }
        Some((_, opened)) => {
            let project = &opened.project;
            let usage = project.theme_usage();
            writeln!(out, "themes: {}", project.themes.len())?;
            for (depth, t) in project.theme_tree() {
                writeln!(
                    out,
                    "  {}{}\t{}\t{} passage(s)",
                    "  ".repeat(depth),
                    t.name,
                    t.color.to_hex(),
                    usage.get(&t.id).copied().unwrap_or(0)
                )?;
            }
            writeln!(out, "passages: {}", project.passages.len())?;
            let problems = check_passages(project, &loaded.corpus);
            if !problems.is_empty() {
                writeln!(out, "passages needing attention: {}", problems.len())?;
                for (id, problem) in &problems {
                    writeln!(out, "  {id}: {problem}")?;
                }
            }
            for w in &opened.warnings {
                writeln!(out, "warning: {w}")?;
            }
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct PassageRow<'a> {
    article: &'a str,
    start: usize,
    end: usize,
    theme: &'a str,
    quote: &'a str,
    note: &'a str,
}

/// `dossier export-passages PROJECT --format csv|jsonl`: one row per passage and theme.
pub fn export_passages(path: &Path, format: Format, out: &mut dyn Write) -> Result<(), CliError> {
    let opened = io::open(path)?;
    let project = &opened.project;
    let mut rows = Vec::new();
    for p in project.passages.values() {
        for t in &p.themes {
            let theme = project.theme(*t).map_or("", |t| t.name.as_str());
            rows.push(PassageRow {
                article: p.article.as_str(),
                start: p.start,
                end: p.end,
                theme,
                quote: &p.quote,
                note: &p.note,
            });
        }
    }
    match format {
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            for row in &rows {
                w.serialize(row)?;
            }
            if rows.is_empty() {
                w.write_record(["article", "start", "end", "theme", "quote", "note"])?;
            }
            w.flush()?;
        }
        Format::Jsonl => {
            for row in &rows {
                serde_json::to_writer(&mut *out, row).map_err(std::io::Error::other)?;
                writeln!(out)?;
            }
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct FigureRow<'a> {
    file: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    value: f64,
    unit: &'a str,
    year: crate::figures::Year,
    qualifier: Option<&'a str>,
    sentence: &'a str,
}

/// `dossier export-qdpx PROJECT OUT`: the project as REFI-QDA, after re-attaching passages
/// whose articles changed (in the export only; the project file is not touched).
pub fn export_qdpx(
    path: &Path,
    out_path: &Path,
    options: &LoadOptions,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    if path.is_dir() {
        return Err(CliError::Usage(format!(
            "{} is a folder; export-qdpx takes a project file",
            path.display()
        )));
    }
    let loaded = load_any(path, options)?;
    if let Some(e) = &loaded.corpus_error {
        return Err(CliError::Usage(format!(
            "the project's articles could not be loaded: {e}"
        )));
    }
    let Some((_, opened)) = loaded.project else {
        return Err(CliError::Usage("not a project file".into()));
    };
    let mut project = opened.project;
    let found = crate::project::reanchor::reanchor(&project, &loaded.corpus, None);
    if let Some(edit) = crate::project::reanchor::edit(&project, &loaded.corpus, &found) {
        project
            .apply(edit)
            .map_err(|e| CliError::Usage(format!("cannot re-attach the passages: {e}")))?;
    }
    let name = path.file_stem().map_or_else(
        || "Dossier project".into(),
        |s| s.to_string_lossy().into_owned(),
    );
    let (bytes, report) = crate::interop::refi::qdpx(
        &project,
        &loaded.corpus,
        &name,
        &crate::interop::refi::user_name(),
    )
    .map_err(|e| CliError::Usage(e.to_string()))?;
    io::write_atomic(out_path, &bytes)?;
    writeln!(
        out,
        "wrote {}: {} sources, {} passages, {} codings",
        out_path.display(),
        report.sources,
        report.selections,
        report.codings
    )?;
    for why in &report.skipped {
        writeln!(out, "left out: {why}")?;
    }
    Ok(())
}

/// `dossier export-qdc PROJECT OUT`: the codebook as REFI-QDA.
pub fn export_qdc(path: &Path, out_path: &Path, out: &mut dyn Write) -> Result<(), CliError> {
    let opened = io::open(path)?;
    let Some(xml) = crate::interop::refi::qdc(&opened.project) else {
        return Err(CliError::Usage(format!(
            "{} has no themes; there is no codebook to export",
            path.display()
        )));
    };
    io::write_atomic(out_path, xml.as_bytes())?;
    writeln!(
        out,
        "wrote {}: {} codes",
        out_path.display(),
        opened.project.themes.len()
    )?;
    Ok(())
}

/// `dossier figures PATH`: every figure, with the keys the scorer reads.
pub fn figures(
    path: &Path,
    format: Format,
    options: &LoadOptions,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let loaded = load_any(path, options)?;
    if let Some(e) = &loaded.corpus_error {
        return Err(CliError::Usage(format!(
            "the project's articles could not be loaded: {e}"
        )));
    }
    let found: Vec<(&crate::corpus::Article, crate::figures::Figure)> = loaded
        .corpus
        .articles()
        .iter()
        .flat_map(|a| {
            crate::figures::extract_article(a)
                .into_iter()
                .map(move |f| (a, f))
        })
        .collect();
    let rows = found.iter().map(|(article, f)| FigureRow {
        file: article.id.as_str(),
        start: f.start,
        end: f.end,
        text: &f.text,
        value: f.value,
        unit: &f.unit,
        year: f.year,
        qualifier: f.qualifier.as_deref(),
        sentence: article.slice(f.sentence.0, f.sentence.1).unwrap_or(""),
    });
    match format {
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            for row in rows {
                w.serialize(CsvFigure::from(&row))?;
            }
            w.flush()?;
        }
        Format::Jsonl => {
            for row in rows {
                serde_json::to_writer(&mut *out, &row).map_err(std::io::Error::other)?;
                writeln!(out)?;
            }
        }
    }
    Ok(())
}

/// A figure row for CSV, where the year is text ("2004–2009").
#[derive(Serialize)]
struct CsvFigure<'a> {
    file: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    value: f64,
    unit: &'a str,
    year: String,
    qualifier: &'a str,
    sentence: &'a str,
}

impl<'a> From<&FigureRow<'a>> for CsvFigure<'a> {
    fn from(r: &FigureRow<'a>) -> Self {
        Self {
            file: r.file,
            start: r.start,
            end: r.end,
            text: r.text,
            value: r.value,
            unit: r.unit,
            year: r.year.to_string(),
            qualifier: r.qualifier.unwrap_or(""),
            sentence: r.sentence,
        }
    }
}

#[derive(Serialize)]
struct HitRow<'a> {
    file: &'a str,
    start: usize,
    end: usize,
    before: String,
    hit: String,
    after: String,
}

/// `dossier search PATH PATTERN`: every hit with its file, code point offsets and context.
pub fn search(
    path: &Path,
    query: &crate::analysis::Query,
    format: crate::cli::SearchFormat,
    options: &LoadOptions,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    use crate::analysis::search::{Scope, context, search};
    use crate::cli::SearchFormat;
    let regex = query
        .compile()
        .map_err(|e| CliError::Usage(e.to_string()))?;
    let loaded = load_any(path, options)?;
    let result = search(&loaded.corpus, &regex, &Scope::Corpus, usize::MAX);
    match format {
        SearchFormat::Csv => crate::analysis::export::hits_csv(&loaded.corpus, &result, out)?,
        SearchFormat::Text | SearchFormat::Jsonl => {
            for h in &result.hits {
                let Some(a) = loaded.corpus.get(&h.article) else {
                    continue;
                };
                let (before, hit, after) = context(a, h.start, h.end, 60);
                if format == SearchFormat::Text {
                    writeln!(
                        out,
                        "{}:{}-{}: {before}[{hit}]{after}",
                        h.article, h.start, h.end
                    )?;
                } else {
                    let row = HitRow {
                        file: h.article.as_str(),
                        start: h.start,
                        end: h.end,
                        before,
                        hit,
                        after,
                    };
                    serde_json::to_writer(&mut *out, &row).map_err(std::io::Error::other)?;
                    writeln!(out)?;
                }
            }
            if format == SearchFormat::Text {
                writeln!(
                    out,
                    "{} hit(s) in {} article(s)",
                    result.hits.len(),
                    result.per_article.len()
                )?;
            }
        }
    }
    Ok(())
}

/// The `k`-th state of the crash test's project: `k` passages, all derived from `k`, so that any
/// state can be rebuilt to compare with what a killed process left on disk.
pub fn stress_state(k: usize) -> crate::project::Project {
    use crate::project::{Passage, PassageId, Project, ThemeId, Timestamp};
    let mut project = Project::with_themes(crate::project::codebook::default_themes());
    project.corpus_folder = Some("seeds".into());
    for i in 1..=k {
        let quote = format!("Passage {i} quotes “text” — with accents: Perú, año {i}.");
        let passage = Passage {
            id: PassageId(i as u64),
            article: crate::corpus::ArticleId(format!("article-{:03}.txt", i % 97)),
            start: i * 10,
            end: i * 10 + quote.chars().count(),
            quote,
            prefix: format!("before {i}"),
            suffix: format!("after {i}"),
            themes: vec![ThemeId(1 + (i % 11) as u32)],
            note: if i % 3 == 0 {
                format!("note {i}")
            } else {
                String::new()
            },
            created: Timestamp::from_unix(1_700_000_000 + i as i64),
            modified: Timestamp::from_unix(1_700_000_000 + i as i64),
        };
        project.passages.insert(passage.id, passage);
    }
    project
}

/// `dossier stress-save PROJECT`: save states 1, 2, 3, … of [`stress_state`] until killed.
pub fn stress_save(path: &Path) -> Result<(), CliError> {
    let mut k = 1;
    loop {
        io::save(&stress_state(k), path)?;
        k = if k >= 3000 { 1 } else { k + 1 };
    }
}
