//! Loading a folder of articles for a session: the files read, their figures found, and (for a
//! project) its passages and figures placed again in the texts. Slow work, run on a background
//! thread; nothing here touches a session.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::AtomicBool;

use crate::corpus::{ArticleId, Corpus, LoadError, LoadOptions, LoadReport, load_folder};
use crate::figures::{Figure, extract_corpus};
use crate::project::Project;
use crate::project::reanchor::{Reanchored, reanchor};

/// A loaded folder and the figures found in it.
#[derive(Debug)]
pub struct LoadedCorpus {
    pub corpus: Corpus,
    pub report: LoadReport,
    pub figures: BTreeMap<ArticleId, Vec<Figure>>,
    /// For a project: where its passages and figures were found in the loaded texts.
    pub reanchored: Option<Reanchored>,
}

/// Load `folder` and find its figures; with a project, place its passages and figures in the
/// loaded texts. `progress(done, total)` runs over both phases (reading, then figures).
pub fn load_corpus(
    folder: &Path,
    options: &LoadOptions,
    project: Option<&Project>,
    progress: &(dyn Fn(usize, usize) + Sync),
    cancel: &AtomicBool,
) -> Result<LoadedCorpus, LoadError> {
    let mut report = |p: crate::corpus::Progress| progress(p.done, p.total * 2);
    let (corpus, report) = load_folder(folder, options, &mut report, cancel)?;
    let n = corpus.len();
    progress(n, n * 2);
    let figures = extract_corpus(&corpus, options.threads, &|done| progress(n + done, n * 2));
    let reanchored = project.map(|p| reanchor(p, &corpus, None));
    Ok(LoadedCorpus {
        corpus,
        report,
        figures,
        reanchored,
    })
}
