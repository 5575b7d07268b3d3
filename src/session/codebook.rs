//! The codebook: adding, editing and deleting themes.

use super::{CodebookIntent, Outcome, Session, SessionError};
use crate::project::codebook::COLOURS;
use crate::project::{Edit, Theme, Timestamp};

impl Session {
    pub(super) fn codebook(&mut self, intent: CodebookIntent) -> Result<Outcome, SessionError> {
        match intent {
            CodebookIntent::Add { name } => {
                let project = &self.project;
                let theme = Theme {
                    id: project.next_theme_id(),
                    name: name.trim().to_owned(),
                    color: COLOURS[project.themes.len() % COLOURS.len()],
                    description: String::new(),
                    parent: None,
                };
                self.edit(Edit::AddTheme(theme))
            }
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
        }
    }
}
