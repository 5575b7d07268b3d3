//! What is selected, shared by every pane: the open article, the selected passage, text and
//! figure, and the theme open in the codebook's editor. Only the app changes it, when it
//! applies a [`SelectCommand`](super::SelectCommand) or an intent's outcome.

use crate::corpus::ArticleId;
use crate::figures::curation::FigureKey;
use crate::project::{PassageId, Project, ThemeId};
use crate::session::TextRange;

/// The shared selection.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// The article open in the reader.
    pub article: Option<ArticleId>,
    /// The selected passage.
    pub passage: Option<PassageId>,
    /// The text selected in the reader, in code points.
    pub text: Option<(usize, usize)>,
    /// The theme open in the codebook's editor.
    pub theme: Option<ThemeId>,
    /// The selected figure.
    pub figure: Option<FigureKey>,
}

impl Selection {
    /// The text selected in the reader, with its article.
    pub fn text_range(&self) -> Option<TextRange> {
        let (start, end) = self.text?;
        Some(TextRange {
            article: self.article.clone()?,
            start,
            end,
        })
    }

    /// Forget what no longer exists in the project (after an undo, say).
    pub fn prune(&mut self, project: &Project) {
        self.passage = self.passage.filter(|p| project.passages.contains_key(p));
        self.theme = self.theme.filter(|t| project.theme(*t).is_some());
    }
}

/// The theme number key `key` (1–9) tags with: the one the codebook gives that key.
pub fn theme_for_key(project: &Project, key: u8) -> Option<ThemeId> {
    project.theme_keys.theme(key)
}
