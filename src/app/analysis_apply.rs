//! Applying the search and analysis commands: searches on a worker, stepping through hits,
//! auto-tagging (one undoable step), saved rules, and CSV exports of the analysis views.

use std::path::PathBuf;

use super::DossierApp;
use super::command::{Action, Command, ExportWhat};
use super::dialogs::Dialog;
use super::jobs::DialogKind;
use crate::analysis::autotag::{self, Rule};
use crate::analysis::{Scope, export, matrix};
use crate::project::{Edit, Timestamp};

/// At most this many hits are listed (the count says when there were more).
const HIT_LIMIT: usize = 100_000;

impl DossierApp {
    /// Handle a search or analysis command; returns it back when it is not one.
    pub(super) fn apply_analysis_command(&mut self, command: Command) -> Option<Command> {
        match command {
            Command::RunSearch {
                generation,
                regex,
                scope,
            } => {
                self.jobs
                    .search(generation, self.ws.corpus.clone(), regex, scope, HIT_LIMIT);
            }
            Command::SelectHit(i) => {
                self.views.search.current = Some(i);
                self.show_hit(i);
            }
            Command::PrepareAutoTag { query, scope } => {
                self.dialog = Some(Dialog::AutoTag {
                    query,
                    scope,
                    theme: self
                        .sel
                        .theme
                        .or_else(|| self.ws.project.themes.first().map(|t| t.id)),
                    unit: autotag::Unit::Sentence,
                    save_rule: false,
                    preview: None,
                });
            }
            Command::AutoTag {
                query,
                scope,
                unit,
                theme,
                save_rule,
            } => {
                match autotag::plan(
                    &self.ws.corpus,
                    &self.ws.project,
                    &query,
                    &scope,
                    unit,
                    theme,
                ) {
                    Ok(plan) => {
                        let now = Timestamp::now();
                        let theme_name = self
                            .ws
                            .project
                            .theme(theme)
                            .map_or("?".to_owned(), |t| t.name.clone());
                        let label = format!(
                            "tag {} hit(s) of “{}” with “{theme_name}”",
                            plan.hits, query.pattern
                        );
                        let mut edit = autotag::edit(
                            &self.ws.corpus,
                            &self.ws.project,
                            &plan,
                            theme,
                            label,
                            &now,
                        );
                        // Saving the rule is part of the same undoable step.
                        if let (true, Edit::Batch { edits, .. }) = (save_rule, &mut edit) {
                            edits.push(Edit::UpsertRule(Rule {
                                id: self.ws.project.next_rule_id(),
                                query,
                                unit,
                                theme,
                            }));
                        }
                        self.edit(edit);
                        self.notes.info(format!(
                            "Tagged with “{theme_name}”: {} new passage(s), {} existing passage(s) extended, {} already tagged.",
                            plan.new.len(),
                            plan.extend.len(),
                            plan.already
                        ));
                    }
                    Err(e) => self.notes.error(format!("Cannot tag the hits: {e}.")),
                }
            }
            Command::RunRule(id) => {
                let rule = self.ws.project.rules.iter().find(|r| r.id == id).cloned();
                if let Some(rule) = rule {
                    self.run_rule(&rule);
                }
            }
            Command::ExportHits => {
                self.pending_export = Some(ExportWhat::Hits);
                self.show_save_dialog(DialogKind::ExportAnalysis);
            }
            Command::ExportAnalysis(what) => {
                self.pending_export = Some(what);
                self.show_save_dialog(DialogKind::ExportAnalysis);
            }
            other => return Some(other),
        }
        None
    }

    fn run_rule(&mut self, rule: &Rule) {
        match autotag::plan(
            &self.ws.corpus,
            &self.ws.project,
            &rule.query,
            &Scope::Corpus,
            rule.unit,
            rule.theme,
        ) {
            Ok(plan) if plan.is_empty() => self.notes.info(format!(
                "Rule “{}”: nothing new to tag ({} unit(s) already tagged).",
                rule.query.pattern, plan.already
            )),
            Ok(plan) => {
                let label = format!("run rule “{}”", rule.query.pattern);
                let edit = autotag::edit(
                    &self.ws.corpus,
                    &self.ws.project,
                    &plan,
                    rule.theme,
                    label,
                    &Timestamp::now(),
                );
                self.edit(edit);
                self.notes.info(format!(
                    "Rule “{}”: {} new passage(s), {} extended, {} already tagged.",
                    rule.query.pattern,
                    plan.new.len(),
                    plan.extend.len(),
                    plan.already
                ));
            }
            Err(e) => self.notes.error(format!("Cannot run the rule: {e}.")),
        }
    }

    pub(super) fn search_action(&mut self, action: Action) {
        match action {
            Action::Find => {
                self.tab = super::Tab::Search;
                self.views.search.focus = true;
            }
            Action::FindNext | Action::FindPrevious => {
                let forward = action == Action::FindNext;
                let next = self.views.search.step(forward).is_some();
                match (next, self.views.search.current) {
                    (true, Some(i)) => self.show_hit(i),
                    _ => self.notes.info("No search hits: press Ctrl+F to search."),
                }
            }
            _ => {}
        }
    }

    fn show_hit(&mut self, i: usize) {
        let hit = self
            .views
            .search
            .result
            .as_ref()
            .and_then(|r| r.hits.get(i))
            .cloned();
        if let Some(h) = hit {
            self.commands.push(Command::ShowRange {
                article: h.article,
                start: h.start,
                end: h.end,
            });
        }
    }

    pub(super) fn export_analysis(&mut self, path: PathBuf) {
        let Some(what) = self.pending_export.take() else {
            return;
        };
        let (ws, mut bytes) = (&self.ws, Vec::new());
        let written = match &what {
            ExportWhat::Matrix(measure) => {
                let m = matrix::theme_article(&ws.project, &ws.corpus, *measure);
                export::matrix_csv(&ws.project, &m, &mut bytes)
            }
            ExportWhat::Cooccurrence => export::cooccurrence_csv(
                &ws.project,
                &matrix::cooccurrence(&ws.project, &ws.corpus),
                &mut bytes,
            ),
            ExportWhat::Frequencies => {
                export::frequencies_csv(&ws.project, &matrix::frequencies(&ws.project), &mut bytes)
            }
            ExportWhat::Retrieval(themes, all) => {
                export::retrieval_csv(&ws.project, &ws.corpus, themes, *all, &mut bytes)
            }
            ExportWhat::Hits => match &self.views.search.result {
                Some(r) => export::hits_csv(&ws.corpus, r, &mut bytes),
                None => Ok(()),
            },
        };
        match written {
            Ok(()) => {
                let path = if path.extension().is_none() {
                    path.with_extension("csv")
                } else {
                    path
                };
                self.jobs.write_file(path, bytes);
            }
            Err(e) => self.notes.error(format!("Could not write the CSV: {e}")),
        }
    }
}
