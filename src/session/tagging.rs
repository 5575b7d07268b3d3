//! Passages: tagging a range (or toggling a theme on the passage that covers exactly that
//! range), adding and removing themes (a passage keeps at least one), notes, deleting, and
//! moving a passage to new text.

use super::{Notice, Outcome, Session, SessionError, TagIntent, TextRange};
use crate::project::{Anchor, Edit, Passage, PassageId, ThemeId, Timestamp};

impl Session {
    pub(super) fn tagging(&mut self, intent: TagIntent) -> Result<Outcome, SessionError> {
        match intent {
            TagIntent::TagRange { range, theme } => self.tag_range(range, theme),
            TagIntent::ToggleTheme { passage, theme } => self.toggle_theme(passage, theme),
            TagIntent::SetNote { passage, note } => {
                let Some(p) = self.project.passages.get(&passage) else {
                    return Ok(Outcome::unchanged());
                };
                if p.note == note {
                    return Ok(Outcome::unchanged());
                }
                let mut p = p.clone();
                p.note = note;
                p.modified = Timestamp::now();
                self.edit(Edit::UpdatePassage(p))
            }
            TagIntent::Delete(id) => self.edit(Edit::RemovePassage(id)),
            TagIntent::Reattach { passage, to } => self.reattach_passage(passage, to),
        }
    }

    fn tag_range(&mut self, range: TextRange, theme: ThemeId) -> Result<Outcome, SessionError> {
        let TextRange {
            article,
            start,
            end,
        } = range;
        let Some(found) = self.corpus.get(&article) else {
            return Ok(Outcome::unchanged());
        };
        // A passage never starts or ends in white space.
        let (start, end) = Anchor::trimmed(found, start, end).ok_or(
            SessionError::NeedsSelection("Select some text (not only spaces) in the reader first."),
        )?;
        // The same range tagged again: add or remove the theme on that passage.
        let existing = self
            .project
            .passages
            .values()
            .find(|p| p.article == article && p.start == start && p.end == end)
            .map(|p| p.id);
        if let Some(pid) = existing {
            let mut outcome = match self.toggle_theme(pid, theme) {
                Ok(outcome) => outcome,
                // The passage is still selected, with the reason its theme stays.
                Err(e @ SessionError::LastTheme) => Outcome::unchanged().with_notice(Notice {
                    level: e.level(),
                    text: e.to_string(),
                }),
                Err(e) => return Err(e),
            };
            outcome.passage = Some(pid);
            return Ok(outcome);
        }
        let anchor = self
            .corpus
            .get(&article)
            .and_then(|a| Anchor::cut(a, start, end))
            .ok_or(SessionError::NeedsSelection(
                "Select some text in the reader first.",
            ))?;
        let id = self.project.next_passage_id();
        // The passage is the current coder's.
        let passage = Passage::new(id, article, anchor, vec![theme], Timestamp::now())
            .by(self.project.current_coder);
        let mut outcome = self.edit(Edit::AddPassage(passage))?;
        // The new passage is selected, so the next number key adds another theme to it.
        outcome.passage = Some(id);
        Ok(outcome)
    }

    fn toggle_theme(&mut self, id: PassageId, theme: ThemeId) -> Result<Outcome, SessionError> {
        let Some(p) = self.project.passages.get(&id) else {
            return Ok(Outcome::unchanged());
        };
        let mut p = p.clone();
        if p.has_theme(theme) {
            if p.themes.len() == 1 {
                return Err(SessionError::LastTheme);
            }
            p.themes.retain(|t| *t != theme);
        } else {
            p.themes.push(theme);
            p.themes.sort();
        }
        p.modified = Timestamp::now();
        self.edit(Edit::UpdatePassage(p))
    }

    /// Move a passage (an orphan, usually) to the selected text.
    fn reattach_passage(
        &mut self,
        id: PassageId,
        to: Option<TextRange>,
    ) -> Result<Outcome, SessionError> {
        let found = to.and_then(|to| {
            let article = self.corpus.get(&to.article)?;
            let p = self.project.passages.get(&id)?;
            Some((article, p, to))
        });
        let Some((article, p, to)) = found else {
            return Err(SessionError::NeedsSelection(
                "Select the passage's new text in the reader first.",
            ));
        };
        let anchor = Anchor::trimmed(article, to.start, to.end)
            .and_then(|(start, end)| Anchor::cut(article, start, end));
        let Some(anchor) = anchor else {
            return Ok(Outcome::unchanged());
        };
        let mut p = p.clone();
        p.set_anchor(article.id.clone(), anchor);
        p.modified = Timestamp::now();
        let mut outcome = self.edit(Edit::UpdatePassage(p))?;
        outcome.passage = Some(id);
        Ok(outcome)
    }
}
