//! The codebook: adding, editing, deleting, merging and moving themes, and their number keys.

use super::{CodebookIntent, Notice, Outcome, Report, Session, SessionError};
use crate::interop::refi_import_codebook::{Codebook, OnClash, merge_codebook};
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
            CodebookIntent::Import {
                book,
                from,
                on_clash,
            } => self.import_codebook(&book, &from, on_clash),
            CodebookIntent::SaveQuery { name, query } => self.save_query(&name, &query),
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
