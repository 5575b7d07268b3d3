//! The codebook: adding, editing and deleting themes.

use super::{CodebookIntent, Notice, Outcome, Report, Session, SessionError};
use crate::interop::refi_import_codebook::{Codebook, OnClash, merge_codebook};
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
            CodebookIntent::Import {
                book,
                from,
                on_clash,
            } => self.import_codebook(&book, &from, on_clash),
        }
    }

    /// Add a codebook's codes as themes (one undoable step), with a report.
    fn import_codebook(
        &mut self,
        book: &Codebook,
        from: &str,
        on_clash: OnClash,
    ) -> Result<Outcome, SessionError> {
        let merged = merge_codebook(&self.project, &book.codes, on_clash)
            .map_err(|e| SessionError::Import(format!("{e} — {from}")))?;
        let mut outcome = match merged.edit.clone() {
            Some(edit) => self.edit(edit)?,
            None => Outcome::unchanged(),
        };
        let text = format!(
            "Added {} theme(s) from {from}{}.",
            merged.added,
            match merged.clashes.len() {
                0 => String::new(),
                n => format!("; {n} code(s) were named like a theme"),
            }
        );
        let report = Report::of_codebook(book, &merged, from);
        let worth_a_report = report.sections.iter().any(|(_, items)| !items.is_empty());
        outcome.notice = Some(Notice::info(text));
        outcome.report = worth_a_report.then_some(report);
        Ok(outcome)
    }
}
