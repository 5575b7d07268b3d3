//! Saving a coding query's hits as a new theme: the theme, its number key, and the hits tagged
//! with it (new passages, or the theme added to a passage over exactly a hit), as one undoable
//! step.

use super::{Notice, Outcome, Session, SessionError};
use crate::analysis::autotag::{self, Plan};
use crate::analysis::query::{self, CodingQuery};
use crate::project::colours::first_unused;
use crate::project::{Edit, Theme, Timestamp};

impl Session {
    pub(super) fn save_query(
        &mut self,
        name: &str,
        query: &CodingQuery,
    ) -> Result<Outcome, SessionError> {
        let project = &self.project;
        let hits = query::run(project, &self.corpus, query);
        if hits.is_empty() {
            return Ok(Outcome::unchanged().with_notice(Notice::warn(
                "The query finds nothing, so no theme was made.",
            )));
        }
        let name = match name.trim() {
            "" => query.describe(project),
            given => given.to_owned(),
        };
        let theme = Theme {
            id: project.next_theme_id(),
            name: name.clone(),
            color: first_unused(project.themes.iter().map(|t| t.color)),
            description: format!("Saved from the coding query “{}”.", query.describe(project)),
            parent: None,
        };
        let id = theme.id;
        let mut plan = Plan {
            hits: hits.len(),
            ..Plan::default()
        };
        for h in &hits {
            let same = project
                .passages
                .values()
                .find(|p| p.article == h.article && p.start == h.start && p.end == h.end);
            match same {
                Some(p) => plan.extend.push(p.id),
                None => plan.new.push((h.article.clone(), h.start, h.end)),
            }
        }
        plan.extend.sort_unstable();
        plan.extend.dedup();
        let mut edits = vec![Edit::AddTheme(theme)];
        if let Some(key) = project.theme_keys.next_free() {
            edits.push(Edit::SetThemeKeys(project.theme_keys.with(id, Some(key))));
        }
        let now = Timestamp::now();
        let before = edits.len();
        match autotag::edit(&self.corpus, project, &plan, id, String::new(), &now) {
            Edit::Batch { edits: tagging, .. } => edits.extend(tagging),
            other => edits.push(other),
        }
        let (new, extended) = (plan.new.len(), plan.extend.len());
        let left_out = (new + extended).saturating_sub(edits.len() - before);
        let label = format!("save query as theme “{name}”");
        let outcome = self.edit(Edit::Batch { label, edits })?;
        let mut note = format!(
            "Saved {} hit(s) as the theme “{name}”: {new} new passage(s), {extended} passage(s) \
             given the theme (Ctrl+Z undoes it).",
            hits.len()
        );
        if left_out > 0 {
            note.push_str(&format!(
                " {left_out} hit(s) in articles that are not loaded were left out."
            ));
        }
        Ok(outcome.with_notice(Notice::info(note)))
    }
}
