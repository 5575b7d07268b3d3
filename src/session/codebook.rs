//! The codebook: adding, editing, deleting, merging and moving themes, and their number keys.

use super::{CodebookIntent, Notice, Outcome, Session, SessionError};
use crate::project::colours::first_unused;
use crate::project::{Edit, Theme, Timestamp};

impl Session {
    pub(super) fn codebook(&mut self, intent: CodebookIntent) -> Result<Outcome, SessionError> {
        match intent {
            CodebookIntent::Add { name } => self.add_theme(&name),
            CodebookIntent::Update(mut theme) => {
                theme.name = theme.name.trim().to_owned();
                self.edit(Edit::UpdateTheme(theme))
            }
            CodebookIntent::Delete(id) => {
                let edit = self
                    .project
                    .delete_theme(id, &Timestamp::now())
                    .map_err(SessionError::DeleteTheme)?;
                self.edit(edit)
            }
            CodebookIntent::Merge { from, into } => {
                let edit = self.project.merge_themes(from, into, &Timestamp::now())?;
                let label = edit.label();
                Ok(self
                    .edit(edit)?
                    .with_notice(Notice::info(format!("Done: {label} (Ctrl+Z undoes it)."))))
            }
            CodebookIntent::Move {
                theme,
                parent,
                before,
            } => {
                let edit = self.project.move_theme(theme, parent, before)?;
                self.edit(edit)
            }
            CodebookIntent::SetKey { theme, key } => {
                let keys = self.project.theme_keys.with(theme, key);
                if keys == self.project.theme_keys {
                    return Ok(Outcome::unchanged());
                }
                self.edit(Edit::SetThemeKeys(keys))
            }
        }
    }

    /// A new top-level theme with the first colour no theme has and the lowest free number key.
    fn add_theme(&mut self, name: &str) -> Result<Outcome, SessionError> {
        let project = &self.project;
        let theme = Theme {
            id: project.next_theme_id(),
            name: name.trim().to_owned(),
            color: first_unused(project.themes.iter().map(|t| t.color)),
            description: String::new(),
            parent: None,
        };
        let label = format!("add theme “{}”", theme.name);
        let id = theme.id;
        let edit = match project.theme_keys.next_free() {
            Some(key) => Edit::Batch {
                label,
                edits: vec![
                    Edit::AddTheme(theme),
                    Edit::SetThemeKeys(project.theme_keys.with(id, Some(key))),
                ],
            },
            None => Edit::AddTheme(theme),
        };
        self.edit(edit)
    }
}
