//! Checking passages against the loaded corpus: which ones no longer fit their article and need
//! the analyst's attention. Nothing here moves or drops a passage.

use std::collections::BTreeMap;

use super::figures::FigureId;
use super::model::{PassageId, Project};
use crate::corpus::{ArticleId, Corpus};

/// Why a passage needs attention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PassageProblem {
    /// Its article is not in the loaded corpus.
    MissingArticle,
    /// Its offsets fall outside the article's text (or are reversed).
    OutOfRange { article_chars: usize },
    /// The text at its offsets is no longer its quote.
    QuoteMismatch { found: String },
    /// It has no theme (only a damaged or hand-edited file can hold one).
    NoTheme,
}

impl std::fmt::Display for PassageProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::MissingArticle => write!(f, "its article is missing from the corpus"),
            Self::OutOfRange { article_chars } => write!(
                f,
                "its position lies outside the article ({article_chars} characters)"
            ),
            Self::QuoteMismatch { found } => {
                let short: String = found.chars().take(60).collect();
                write!(f, "the article now reads “{short}” there, not the quote")
            }
            Self::NoTheme => write!(f, "it has no theme"),
        }
    }
}

/// Every passage that does not fit the corpus, with the reason.
pub fn check_passages(project: &Project, corpus: &Corpus) -> BTreeMap<PassageId, PassageProblem> {
    project
        .passages
        .values()
        .filter_map(|p| {
            check(corpus, &p.article, p.start, p.end, &p.quote)
                .or_else(|| p.themes.is_empty().then_some(PassageProblem::NoTheme))
                .map(|problem| (p.id, problem))
        })
        .collect()
}

/// Every curated figure that does not fit the corpus (figures added by hand included).
pub fn check_figures(project: &Project, corpus: &Corpus) -> BTreeMap<FigureId, PassageProblem> {
    project
        .figures
        .values()
        .filter_map(|f| {
            check(corpus, &f.article, f.start, f.end, &f.quote).map(|problem| (f.id, problem))
        })
        .collect()
}

/// Does `quote` still sit at `start..end` of the article?
fn check(
    corpus: &Corpus,
    article: &ArticleId,
    start: usize,
    end: usize,
    quote: &str,
) -> Option<PassageProblem> {
    let Some(article) = corpus.get(article) else {
        return Some(PassageProblem::MissingArticle);
    };
    match (start < end).then(|| article.slice(start, end)).flatten() {
        None => Some(PassageProblem::OutOfRange {
            article_chars: article.char_len(),
        }),
        Some(found) if found != quote => Some(PassageProblem::QuoteMismatch {
            found: found.to_owned(),
        }),
        Some(_) => None,
    }
}
