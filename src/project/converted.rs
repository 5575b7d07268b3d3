//! Converted articles across Dossier versions. The project records, for each article made
//! from an HTML, PDF, DOCX, … file, the converter and its version with the hash of the text it
//! extracted (`ArticleRecord::converter`, `ArticleRecord::sha256`). When a newer converter
//! extracts a different text, the passages are re-anchored exactly as for an edited article
//! (`super::reanchor`); this module says which articles that was and why, for the report.

use super::model::Project;
use crate::corpus::{ArticleId, ConverterStamp, Corpus};

/// An article whose converter differs from the one recorded at the last save.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConverterChange {
    pub article: ArticleId,
    pub before: Option<ConverterStamp>,
    pub after: Option<ConverterStamp>,
    /// Whether the extracted text differs too (then its passages are re-anchored).
    pub text_changed: bool,
}

/// Articles of the corpus whose converter or converter version differs from the project's
/// record, in id order.
pub fn converter_changes(project: &Project, corpus: &Corpus) -> Vec<ConverterChange> {
    project
        .articles
        .iter()
        .filter_map(|record| {
            let article = corpus.get(&record.path)?;
            (article.converter != record.converter).then(|| ConverterChange {
                article: record.path.clone(),
                before: record.converter.clone(),
                after: article.converter.clone(),
                text_changed: article.sha256() != record.sha256,
            })
        })
        .collect()
}

/// One sentence for the load report, or `None` when no converter changed.
pub fn summary(changes: &[ConverterChange]) -> Option<String> {
    if changes.is_empty() {
        return None;
    }
    let show = |s: &Option<ConverterStamp>| {
        s.as_ref()
            .map_or_else(|| "none".to_owned(), ToString::to_string)
    };
    let mut pairs: Vec<String> = changes
        .iter()
        .map(|c| format!("{} → {}", show(&c.before), show(&c.after)))
        .collect();
    pairs.sort();
    pairs.dedup();
    let changed = changes.iter().filter(|c| c.text_changed).count();
    Some(format!(
        "{} article(s) were converted by another converter version ({}); {changed} of them \
         have a different text, and their passages were placed again as for edited articles.",
        changes.len(),
        pairs.join(", ")
    ))
}
