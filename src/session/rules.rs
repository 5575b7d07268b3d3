//! Auto-tagging: every hit of a search tagged as one undoable step (optionally saved as a
//! rule), saved rules run again, and deleted.

use super::{Notice, Outcome, RuleIntent, Session, SessionError};
use crate::analysis::autotag::{self, Rule};
use crate::analysis::{Query, Scope};
use crate::project::{Edit, ThemeId, Timestamp};

impl Session {
    pub(super) fn rules(&mut self, intent: RuleIntent) -> Result<Outcome, SessionError> {
        match intent {
            RuleIntent::TagHits {
                query,
                scope,
                unit,
                theme,
                save_rule,
            } => self.tag_hits(query, &scope, unit, theme, save_rule),
            RuleIntent::Run(id) => {
                let Some(rule) = self.project.rules.iter().find(|r| r.id == id).cloned() else {
                    return Ok(Outcome::unchanged());
                };
                self.run_rule(&rule)
            }
            RuleIntent::Delete(id) => self.edit(Edit::RemoveRule(id)),
        }
    }

    fn tag_hits(
        &mut self,
        query: Query,
        scope: &Scope,
        unit: autotag::Unit,
        theme: ThemeId,
        save_rule: bool,
    ) -> Result<Outcome, SessionError> {
        let plan = autotag::plan(&self.corpus, &self.project, &query, scope, unit, theme)
            .map_err(|e| SessionError::TagHits(e.to_string()))?;
        let theme_name = self
            .project
            .theme(theme)
            .map_or("?".to_owned(), |t| t.name.clone());
        let label = format!(
            "tag {} hit(s) of “{}” with “{theme_name}”",
            plan.hits, query.pattern
        );
        let now = Timestamp::now();
        let mut edit = autotag::edit(&self.corpus, &self.project, &plan, theme, label, &now);
        // Saving the rule is part of the same undoable step.
        if let (true, Edit::Batch { edits, .. }) = (save_rule, &mut edit) {
            edits.push(Edit::UpsertRule(Rule {
                id: self.project.next_rule_id(),
                query,
                unit,
                theme,
            }));
        }
        let outcome = self.edit(edit)?;
        Ok(outcome.with_notice(Notice::info(format!(
            "Tagged with “{theme_name}”: {} new passage(s), {} existing passage(s) extended, {} already tagged.",
            plan.new.len(),
            plan.extend.len(),
            plan.already
        ))))
    }

    fn run_rule(&mut self, rule: &Rule) -> Result<Outcome, SessionError> {
        let plan = autotag::plan(
            &self.corpus,
            &self.project,
            &rule.query,
            &Scope::Corpus,
            rule.unit,
            rule.theme,
        )
        .map_err(|e| SessionError::Rule(e.to_string()))?;
        if plan.is_empty() {
            return Ok(Outcome::unchanged().with_notice(Notice::info(format!(
                "Rule “{}”: nothing new to tag ({} unit(s) already tagged).",
                rule.query.pattern, plan.already
            ))));
        }
        let label = format!("run rule “{}”", rule.query.pattern);
        let edit = autotag::edit(
            &self.corpus,
            &self.project,
            &plan,
            rule.theme,
            label,
            &Timestamp::now(),
        );
        let outcome = self.edit(edit)?;
        Ok(outcome.with_notice(Notice::info(format!(
            "Rule “{}”: {} new passage(s), {} extended, {} already tagged.",
            rule.query.pattern,
            plan.new.len(),
            plan.extend.len(),
            plan.already
        ))))
    }
}
