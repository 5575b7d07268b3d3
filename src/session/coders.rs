//! Coders: making another coder the current one (by name, adding a coder of that name when the
//! project has none), adding a coder and renaming one. Each is one undoable edit.

use super::{CoderIntent, Notice, Outcome, Session, SessionError};
use crate::project::Edit;
use crate::project::coders::{Coder, CoderError, name_key};

impl Session {
    pub(super) fn coders(&mut self, intent: CoderIntent) -> Result<Outcome, SessionError> {
        match intent {
            CoderIntent::Switch(name) => self.switch_coder(&name),
            CoderIntent::Add(name) => {
                let name = name.trim();
                if name.is_empty() {
                    return Err(CoderError::EmptyName.into());
                }
                if self.project.coder_by_name(name).is_some() {
                    return Err(CoderError::DuplicateName(name.to_owned()).into());
                }
                let mut list = self.project.coder_list();
                list.push(Coder::new(self.project.next_coder_id(), name));
                let outcome = self.edit(Edit::SetCoders(list))?;
                Ok(outcome.with_notice(Notice::info(format!("Added the coder “{name}”."))))
            }
            CoderIntent::Rename { coder, name } => {
                let old = self.project.coder_name(coder);
                if name_key(&old) == name_key(&name) && old == name.trim() {
                    return Ok(Outcome::unchanged());
                }
                let edit = self.project.rename_coder_edit(coder, &name)?;
                self.edit(edit)
            }
        }
    }

    /// Make the coder named `name` current, adding one of that name when there is none.
    fn switch_coder(&mut self, name: &str) -> Result<Outcome, SessionError> {
        let edit = self.project.switch_coder_edit(name)?;
        if edit == Edit::SetCurrentCoder(self.project.current_coder) {
            return Ok(Outcome::unchanged());
        }
        let outcome = self.edit(edit)?;
        let name = self.project.coder_name(self.project.current_coder);
        Ok(outcome.with_notice(Notice::info(format!(
            "New passages are now made by “{name}”."
        ))))
    }
}
