//! Checking passages against the loaded corpus: which ones no longer fit their article and need
//! the analyst's attention. Nothing here moves or drops a passage.

use std::collections::BTreeMap;

use super::model::{PassageId, Project};
use crate::corpus::Corpus;

/// Why a passage needs attention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PassageProblem {
    /// Its article is not in the loaded corpus.
    MissingArticle,
    /// Its offsets fall outside the article's text (or are reversed).
    OutOfRange { article_chars: usize },
    /// The text at its offsets is no longer its quote.
    QuoteMismatch { found: String },
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
        }
    }
}

/// Every passage that does not fit the corpus, with the reason.
pub fn check_passages(project: &Project, corpus: &Corpus) -> BTreeMap<PassageId, PassageProblem> {
    let mut problems = BTreeMap::new();
    for p in project.passages.values() {
        let Some(article) = corpus.get(&p.article) else {
            problems.insert(p.id, PassageProblem::MissingArticle);
            continue;
        };
        let found = (p.start < p.end)
            .then(|| article.slice(p.start, p.end))
            .flatten();
        match found {
            None => {
                let article_chars = article.char_len();
                problems.insert(p.id, PassageProblem::OutOfRange { article_chars });
            }
            Some(found) if found != p.quote => {
                let found = found.to_owned();
                problems.insert(p.id, PassageProblem::QuoteMismatch { found });
            }
            Some(_) => {}
        }
    }
    problems
}
