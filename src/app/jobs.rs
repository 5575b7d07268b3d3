//! Background work: loading folders, opening and saving projects, and native file dialogs, each
//! on a named thread. Results come back over a channel and wake the UI with a repaint.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use std::collections::BTreeMap;

use crate::corpus::{ArticleId, Corpus, LoadError, LoadOptions, LoadReport, Progress, load_folder};
use crate::figures::{Figure, extract_corpus};
use crate::project::{Opened, Project, ProjectError, io};

/// Progress of a running job, shared with its thread.
#[derive(Debug, Default)]
pub struct JobProgress {
    pub done: AtomicUsize,
    pub total: AtomicUsize,
    pub cancel: AtomicBool,
}

impl JobProgress {
    /// Fraction done, or `None` while the total is unknown.
    pub fn fraction(&self) -> Option<f32> {
        let total = self.total.load(Ordering::Relaxed);
        (total > 0).then(|| self.done.load(Ordering::Relaxed) as f32 / total as f32)
    }
}

/// A job that has not reported back yet.
#[derive(Debug)]
pub struct Running {
    pub id: u64,
    pub label: String,
    pub progress: Arc<JobProgress>,
    pub started: Instant,
}

/// What a corpus load is for.
#[derive(Debug)]
pub enum LoadPurpose {
    /// A new project on this folder.
    NewProject,
    /// The corpus of a project that was just opened.
    ForProject {
        project_path: PathBuf,
        opened: Box<Opened>,
    },
    /// The corpus of a project restored from its recovery file.
    Recovered {
        /// The project file it belongs to (`None` for a project never saved).
        project_path: Option<PathBuf>,
        opened: Box<Opened>,
    },
}

/// Which native dialog to show, and what the chosen path is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogKind {
    OpenFolder,
    OpenProject,
    SaveProject,
    /// Write a series as CSV.
    ExportSeries(crate::project::SeriesId),
    /// Write an analysis view as CSV (which one is kept by the app).
    ExportAnalysis,
    /// Write the plot as a PNG image.
    ExportPlot,
    /// Write the project as REFI-QDA (`.qdpx`).
    ExportQdpx,
    /// Write the codebook as REFI-QDA (`.qdc`).
    ExportQdc,
}

impl DialogKind {
    /// Does the dialog choose a file to write (not one to open)?
    pub fn saves(self) -> bool {
        !matches!(self, Self::OpenFolder | Self::OpenProject)
    }
}

/// A finished job.
#[derive(Debug)]
pub enum JobOutput {
    FolderLoaded {
        folder: PathBuf,
        purpose: LoadPurpose,
        result: Result<LoadedCorpus, LoadError>,
        elapsed: Duration,
    },
    ProjectOpened {
        path: PathBuf,
        result: Result<Opened, ProjectError>,
    },
    Saved {
        path: PathBuf,
        /// The history state that was saved.
        state: u64,
        result: Result<(), ProjectError>,
        elapsed: Duration,
        /// The copy that was written, with its corpus folder and article records.
        project: Project,
    },
    Dialog {
        kind: DialogKind,
        path: Option<PathBuf>,
        elapsed: Duration,
    },
    /// The job could not start, or stopped on an internal error.
    Failed { label: String, error: String },
    /// A search finished.
    Searched {
        generation: u64,
        result: crate::analysis::SearchResult,
        elapsed: Duration,
    },
    /// Files of the corpus changed on disk and were read again.
    Reread {
        root: PathBuf,
        changes: Vec<(crate::corpus::changes::Change, Vec<Figure>)>,
    },
    /// The recovery copy was written.
    RecoveryWritten {
        path: PathBuf,
        result: Result<(), String>,
    },
    /// A file was exported (CSV, PNG).
    Exported {
        path: PathBuf,
        result: Result<(), String>,
    },
}

/// A loaded folder and the figures found in it.
#[derive(Debug)]
pub struct LoadedCorpus {
    pub corpus: Corpus,
    pub report: LoadReport,
    pub figures: BTreeMap<ArticleId, Vec<Figure>>,
    /// For a project: where its passages and figures were found in the loaded texts.
    pub reanchored: Option<crate::project::reanchor::Reanchored>,
}

/// Starts jobs and collects their results.
pub struct Jobs {
    tx: mpsc::Sender<(u64, JobOutput)>,
    rx: mpsc::Receiver<(u64, JobOutput)>,
    running: Vec<Running>,
    next_id: u64,
    ctx: egui::Context,
    pub load_options: LoadOptions,
}

impl Jobs {
    pub fn new(ctx: egui::Context) -> Self {
        let (tx, rx) = mpsc::channel();
        Self {
            tx,
            rx,
            running: Vec::new(),
            next_id: 1,
            ctx,
            load_options: LoadOptions::default(),
        }
    }

    pub fn running(&self) -> &[Running] {
        &self.running
    }

    pub fn is_idle(&self) -> bool {
        self.running.is_empty()
    }

    /// Is a job of this kind running (by label prefix)?
    pub fn is_running(&self, label_prefix: &str) -> bool {
        self.running
            .iter()
            .any(|r| r.label.starts_with(label_prefix))
    }

    /// Finished jobs since the last call.
    pub fn poll(&mut self) -> Vec<JobOutput> {
        let mut out = Vec::new();
        while let Ok((id, output)) = self.rx.try_recv() {
            self.running.retain(|r| r.id != id);
            out.push(output);
        }
        out
    }

    /// Ask every running load to stop.
    pub fn cancel_loads(&self) {
        for r in &self.running {
            if r.label.starts_with("Loading") {
                r.progress.cancel.store(true, Ordering::Relaxed);
            }
        }
    }

    fn spawn(
        &mut self,
        label: String,
        work: impl FnOnce(&JobProgress) -> JobOutput + Send + 'static,
    ) {
        let id = self.next_id;
        self.next_id += 1;
        let progress = Arc::new(JobProgress::default());
        let (tx, ctx, shared) = (self.tx.clone(), self.ctx.clone(), progress.clone());
        let thread_name = format!("dossier-job-{id}");
        let job_label = label.clone();
        let spawned = std::thread::Builder::new()
            .name(thread_name)
            .spawn(move || {
                // A bug in a job must not leave the window waiting for it for ever.
                let output =
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&shared)))
                        .unwrap_or_else(|payload| JobOutput::Failed {
                            label: job_label,
                            error: format!(
                                "it stopped on an internal error ({})",
                                panic_message(&*payload)
                            ),
                        });
                let _ = tx.send((id, output));
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => self.running.push(Running {
                id,
                label,
                progress,
                started: Instant::now(),
            }),
            Err(e) => {
                let error = e.to_string();
                let _ = self.tx.send((id, JobOutput::Failed { label, error }));
            }
        }
    }

    /// Load a folder of articles.
    pub fn load_folder(&mut self, folder: PathBuf, purpose: LoadPurpose) {
        self.cancel_loads();
        let options = self.load_options.clone();
        let label = format!("Loading {}", display_name(&folder));
        self.spawn(label, move |progress| {
            let started = Instant::now();
            // Two phases on one bar: reading the files, then finding their figures.
            let mut report = |p: Progress| {
                progress.total.store(p.total * 2, Ordering::Relaxed);
                progress.done.store(p.done, Ordering::Relaxed);
            };
            let result = load_folder(&folder, &options, &mut report, &progress.cancel).map(
                |(corpus, report)| {
                    let n = corpus.len();
                    progress.total.store(n * 2, Ordering::Relaxed);
                    let figures = extract_corpus(&corpus, options.threads, &|done| {
                        progress.done.store(n + done, Ordering::Relaxed);
                    });
                    // A project's passages are placed again here, off the UI thread.
                    let reanchored = match &purpose {
                        LoadPurpose::ForProject { opened, .. }
                        | LoadPurpose::Recovered { opened, .. } => Some(
                            crate::project::reanchor::reanchor(&opened.project, &corpus, None),
                        ),
                        LoadPurpose::NewProject => None,
                    };
                    LoadedCorpus {
                        corpus,
                        report,
                        figures,
                        reanchored,
                    }
                },
            );
            JobOutput::FolderLoaded {
                folder,
                purpose,
                result,
                elapsed: started.elapsed(),
            }
        });
    }

    /// Read and validate a project file.
    pub fn open_project(&mut self, path: PathBuf) {
        let label = format!("Opening {}", display_name(&path));
        self.spawn(label, move |_| {
            let result = io::open(&path);
            JobOutput::ProjectOpened { path, result }
        });
    }

    /// Write a copy of the project (made on the UI thread) to `path`.
    pub fn save(&mut self, project: Project, path: PathBuf, state: u64) {
        let label = format!("Saving {}", display_name(&path));
        self.spawn(label, move |_| {
            let started = Instant::now();
            let result = io::save(&project, &path);
            JobOutput::Saved {
                path,
                state,
                result,
                elapsed: started.elapsed(),
                project,
            }
        });
    }

    /// Show a native file dialog on a worker thread (it blocks until closed).
    pub fn dialog(&mut self, kind: DialogKind, start_dir: Option<PathBuf>) {
        let label = "Waiting for the file dialog".to_owned();
        self.spawn(label, move |_| {
            let started = Instant::now();
            let mut dialog = rfd::FileDialog::new();
            if let Some(dir) = start_dir {
                dialog = dialog.set_directory(dir);
            }
            let path = match kind {
                DialogKind::OpenFolder => {
                    dialog.set_title("Open a folder of articles").pick_folder()
                }
                DialogKind::OpenProject => dialog
                    .set_title("Open a Dossier project")
                    .add_filter("Dossier project", &["json"])
                    .pick_file(),
                DialogKind::SaveProject => dialog
                    .set_title("Save the Dossier project")
                    .add_filter("Dossier project", &["json"])
                    .set_file_name("project.dossier.json")
                    .save_file(),
                DialogKind::ExportSeries(_) => dialog
                    .set_title("Export the series as CSV")
                    .add_filter("CSV", &["csv"])
                    .set_file_name("series.csv")
                    .save_file(),
                DialogKind::ExportAnalysis => dialog
                    .set_title("Export as CSV")
                    .add_filter("CSV", &["csv"])
                    .set_file_name("dossier.csv")
                    .save_file(),
                DialogKind::ExportPlot => dialog
                    .set_title("Export the plot as PNG")
                    .add_filter("PNG image", &["png"])
                    .set_file_name("plot.png")
                    .save_file(),
                DialogKind::ExportQdpx => dialog
                    .set_title("Export a REFI-QDA project")
                    .add_filter("REFI-QDA project", &["qdpx"])
                    .set_file_name("dossier.qdpx")
                    .save_file(),
                DialogKind::ExportQdc => dialog
                    .set_title("Export the codebook")
                    .add_filter("REFI-QDA codebook", &["qdc"])
                    .set_file_name("codebook.qdc")
                    .save_file(),
            };
            JobOutput::Dialog {
                kind,
                path,
                elapsed: started.elapsed(),
            }
        });
    }
}

impl Jobs {
    /// Search the corpus on a worker thread; `generation` tells a stale result from the latest.
    pub fn search(
        &mut self,
        generation: u64,
        corpus: Arc<Corpus>,
        regex: regex::Regex,
        scope: crate::analysis::Scope,
        limit: usize,
    ) {
        self.spawn("Searching".into(), move |_| {
            let started = Instant::now();
            let result = crate::analysis::search(&corpus, &regex, &scope, limit);
            JobOutput::Searched {
                generation,
                result,
                elapsed: started.elapsed(),
            }
        });
    }

    /// Read changed files of the corpus again, with their figures.
    pub fn reread(&mut self, corpus: Arc<Corpus>, paths: Vec<PathBuf>) {
        use crate::corpus::changes::{Change, reread};
        let options = self.load_options.clone();
        self.spawn("Reading changed articles".into(), move |_| {
            let changes = reread(&corpus, &paths, &options)
                .into_iter()
                .map(|c| {
                    let figures = match &c {
                        Change::Updated(a) => crate::figures::extract_article(a),
                        Change::Removed(..) => Vec::new(),
                    };
                    (c, figures)
                })
                .collect();
            JobOutput::Reread {
                root: corpus.root.clone(),
                changes,
            }
        });
    }

    /// Write the recovery copy of a project on a worker thread.
    pub fn write_recovery(&mut self, project: Project, path: PathBuf) {
        self.spawn("Autosaving".into(), move |_| {
            let result = crate::app::recovery::write(&project, &path).map_err(|e| e.to_string());
            JobOutput::RecoveryWritten { path, result }
        });
    }

    /// Write `bytes` to `path` (atomically) on a worker thread.
    pub fn write_file(&mut self, path: PathBuf, bytes: Vec<u8>) {
        let label = format!("Writing {}", display_name(&path));
        self.spawn(label, move |_| {
            let result = crate::project::io::write_atomic(&path, &bytes).map_err(|e| e.to_string());
            JobOutput::Exported { path, result }
        });
    }

    /// Zip a REFI-QDA project and write it to `path` atomically.
    pub fn write_qdpx(&mut self, path: PathBuf, parts: crate::interop::refi::QdpxParts) {
        let label = format!("Writing {}", display_name(&path));
        self.spawn(label, move |_| {
            let result = crate::interop::refi::zip_qdpx(&parts)
                .map_err(|e| e.to_string())
                .and_then(|bytes| {
                    crate::project::io::write_atomic(&path, &bytes).map_err(|e| e.to_string())
                });
            JobOutput::Exported { path, result }
        });
    }

    /// A screenshot callback that crops `rect` (in points) out of the window's image, encodes
    /// it as PNG and writes it to `path`, off the UI thread.
    pub fn png_of_region(
        &mut self,
        path: PathBuf,
        rect: egui::Rect,
        pixels_per_point: f32,
    ) -> impl FnOnce(std::sync::Arc<egui::ColorImage>) + Send + 'static {
        let (tx, ctx) = (self.tx.clone(), self.ctx.clone());
        let id = self.next_id;
        self.next_id += 1;
        let progress = Arc::new(JobProgress::default());
        self.running.push(Running {
            id,
            label: format!("Writing {}", display_name(&path)),
            progress,
            started: Instant::now(),
        });
        move |image: std::sync::Arc<egui::ColorImage>| {
            let work = move || {
                let result = encode_png(&image, rect, pixels_per_point).and_then(|png| {
                    crate::project::io::write_atomic(&path, &png).map_err(|e| e.to_string())
                });
                let _ = tx.send((id, JobOutput::Exported { path, result }));
                ctx.request_repaint();
            };
            if std::thread::Builder::new()
                .name("dossier-png".into())
                .spawn(work)
                .is_err()
            {
                // Already reported through the running job staying visible; nothing else to do.
            }
        }
    }
}

/// The text of a panic, when it has one.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".into())
}

/// Crop `rect` (points) from `image` and encode it as an RGBA PNG.
pub fn encode_png(
    image: &egui::ColorImage,
    rect: egui::Rect,
    pixels_per_point: f32,
) -> Result<Vec<u8>, String> {
    let [w, h] = image.size;
    let x0 = ((rect.min.x * pixels_per_point).max(0.0) as usize).min(w);
    let y0 = ((rect.min.y * pixels_per_point).max(0.0) as usize).min(h);
    let x1 = ((rect.max.x * pixels_per_point).max(0.0) as usize).min(w);
    let y1 = ((rect.max.y * pixels_per_point).max(0.0) as usize).min(h);
    if x1 <= x0 || y1 <= y0 {
        return Err("the plot is not on screen".into());
    }
    let mut rgba = Vec::with_capacity((x1 - x0) * (y1 - y0) * 4);
    for y in y0..y1 {
        for px in &image.pixels[y * w + x0..y * w + x1] {
            let [r, g, b, a] = px.to_srgba_unmultiplied();
            rgba.extend_from_slice(&[r, g, b, a]);
        }
    }
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, (x1 - x0) as u32, (y1 - y0) as u32);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
        writer.write_image_data(&rgba).map_err(|e| e.to_string())?;
    }
    Ok(out)
}

/// The last component of a path, for short labels.
pub fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Can a native file dialog be shown here? rfd needs a desktop portal on the session bus or
/// `zenity`; without either it returns at once as if the user cancelled.
pub fn native_dialogs_available() -> bool {
    if std::env::var_os("DOSSIER_NO_DIALOGS").is_some() {
        return false;
    }
    let has_bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some();
    let has_zenity = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join("zenity").is_file()));
    has_bus || has_zenity
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_crops_the_region_and_decodes() {
        // A 4×3 image (pixels per point 2: the region is 2×1 points from (0.5, 0.5)).
        let mut image = egui::ColorImage::filled([4, 3], egui::Color32::BLACK);
        image.pixels[4 + 1] = egui::Color32::from_rgb(255, 0, 0);
        let rect = egui::Rect::from_min_size(egui::pos2(0.5, 0.5), egui::vec2(1.5, 1.0));
        let png = encode_png(&image, rect, 2.0).expect("encodes");
        let decoder = png::Decoder::new(std::io::Cursor::new(png));
        let mut reader = decoder.read_info().expect("a PNG");
        let mut buf = vec![0; reader.output_buffer_size().expect("size")];
        let info = reader.next_frame(&mut buf).expect("frame");
        assert_eq!((info.width, info.height), (3, 2));
        assert_eq!(
            &buf[..4],
            &[255, 0, 0, 255],
            "the red pixel is the corner of the crop"
        );
        let off_screen = egui::Rect::from_min_size(egui::pos2(10.0, 10.0), egui::vec2(5.0, 5.0));
        assert!(encode_png(&image, off_screen, 1.0).is_err());
    }
}
