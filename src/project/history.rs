//! The undo log: the inverse of every edit applied, the edits undone (to redo), and which state
//! was last saved.

use super::edit::{Edit, EditError};
use super::model::Project;

/// One step on the undo or redo stack.
#[derive(Debug)]
struct Step {
    /// The edit that undoes (on the undo stack) or redoes (on the redo stack) the step.
    edit: Edit,
    /// The state the project returns to when `edit` is applied.
    state: u64,
    /// What the step did, for the menu: "tag passage".
    label: String,
}

/// The undo and redo stacks, and whether the project differs from its last save.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    state: u64,
    next_state: u64,
    saved_state: Option<u64>,
}

impl History {
    /// A history whose current state is the saved one.
    pub fn saved() -> Self {
        Self {
            saved_state: Some(0),
            ..Self::default()
        }
    }

    /// Apply `edit` as a new step. Clears the redo stack.
    pub fn apply(&mut self, project: &mut Project, edit: Edit) -> Result<(), EditError> {
        let label = edit.label();
        let inverse = project.apply(edit)?;
        self.next_state += 1;
        self.undo.push(Step {
            edit: inverse,
            state: self.state,
            label,
        });
        self.state = self.next_state;
        self.redo.clear();
        Ok(())
    }

    /// Undo the last step; returns its label, or `None` when there is nothing to undo.
    pub fn undo(&mut self, project: &mut Project) -> Result<Option<String>, EditError> {
        Self::step(project, &mut self.undo, &mut self.redo, &mut self.state)
    }

    /// Redo the last undone step; returns its label, or `None` when there is nothing to redo.
    pub fn redo(&mut self, project: &mut Project) -> Result<Option<String>, EditError> {
        Self::step(project, &mut self.redo, &mut self.undo, &mut self.state)
    }

    /// Move one step from `from` to `to`, applying it. On failure nothing moves.
    fn step(
        project: &mut Project,
        from: &mut Vec<Step>,
        to: &mut Vec<Step>,
        state: &mut u64,
    ) -> Result<Option<String>, EditError> {
        let Some(step) = from.pop() else {
            return Ok(None);
        };
        match project.apply(step.edit.clone()) {
            Ok(reverse) => {
                to.push(Step {
                    edit: reverse,
                    state: *state,
                    label: step.label.clone(),
                });
                *state = step.state;
                Ok(Some(step.label))
            }
            Err(e) => {
                from.push(step);
                Err(e)
            }
        }
    }

    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Does the project differ from what was last saved (or was it never saved)?
    pub fn is_dirty(&self) -> bool {
        self.saved_state != Some(self.state)
    }

    /// An opaque number for the current state, to tell whether a save is still current.
    pub fn state(&self) -> u64 {
        self.state
    }

    /// Record that the state numbered `state` was saved (it may no longer be current).
    pub fn mark_saved(&mut self, state: u64) {
        self.saved_state = Some(state);
    }

    /// Record that what is on disk no longer matches any state (e.g. a new, unsaved project).
    pub fn mark_unsaved(&mut self) {
        self.saved_state = None;
    }
}
