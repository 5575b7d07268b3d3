//! Undoable edits of a project. Every change an analyst makes is an [`Edit`]; applying one
//! returns its inverse, which is what undo applies (see [`History`](super::History)).

use super::actors::{ActorOverride, MentionFix, MentionFixId};
use super::attributes::{AttributeEdit, AttributeError};
use super::coders::{Coder, CoderError, CoderId};
use super::figures::{CuratedFigure, FigureId, Series, SeriesId};
use super::model::{Passage, PassageId, Project, Theme, ThemeId};
use super::rules::{Rule, RuleId};
use super::time::Timestamp;

/// One change to a project.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    AddTheme(Theme),
    /// Only for a theme no passage or child theme uses; see [`Project::delete_theme`].
    RemoveTheme(ThemeId),
    /// Replace the theme with the same id.
    UpdateTheme(Theme),
    AddPassage(Passage),
    RemovePassage(PassageId),
    /// Replace the passage with the same id.
    UpdatePassage(Passage),
    /// Add a curated figure, or replace the one with the same id.
    UpsertFigure(CuratedFigure),
    RemoveFigure(FigureId),
    /// Add a series, or replace the one with the same id.
    UpsertSeries(Series),
    RemoveSeries(SeriesId),
    /// Add an auto-tag rule, or replace the one with the same id.
    UpsertRule(Rule),
    RemoveRule(RuleId),
    /// A change to article attributes, custom attributes or memos.
    Attributes(AttributeEdit),
    /// Add an actor override (rename, re-kind, merge, new actor), or replace the one for its id.
    UpsertActor(ActorOverride),
    RemoveActor(crate::actor_types::ActorId),
    /// Add a mention fix, or replace the one with the same id.
    UpsertMentionFix(MentionFix),
    RemoveMentionFix(MentionFixId),
    /// Replace the list of coders (empty: the one implicit coder).
    SetCoders(Vec<Coder>),
    /// Make another coder the one new passages are made by.
    SetCurrentCoder(CoderId),
    /// Replace the number keys of the themes.
    SetThemeKeys(super::theme_keys::ThemeKeys),
    /// Replace the order of themes among their siblings.
    SetThemeOrder(Vec<ThemeId>),
    /// Several edits as one undoable step.
    Batch {
        label: String,
        edits: Vec<Edit>,
    },
}

/// Why an edit could not be applied. The project is unchanged when this is returned.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("{0} already exists")]
    ThemeExists(ThemeId),
    #[error("{0} does not exist")]
    NoTheme(ThemeId),
    #[error("{0} is still used by {1} passage(s) or child theme(s)")]
    ThemeInUse(ThemeId, usize),
    #[error("{0} already exists")]
    PassageExists(PassageId),
    #[error("{0} does not exist")]
    NoPassage(PassageId),
    #[error("a passage needs at least one character")]
    EmptyPassage,
    #[error("a passage keeps at least one theme")]
    NoThemes,
    #[error("a theme needs a name")]
    EmptyName,
    #[error("a theme named “{0}” already exists at that level of the codebook")]
    SiblingName(String),
    #[error("figure {0} does not exist")]
    NoFigure(u64),
    #[error("figure {0} is still in a series")]
    FigureInSeries(u64),
    #[error("series {0} does not exist")]
    NoSeries(u64),
    #[error("a series needs a name")]
    EmptySeriesName,
    #[error("series {0} names a figure that does not exist")]
    SeriesFigureMissing(u64),
    #[error("rule {0} does not exist")]
    NoRule(u64),
    #[error(transparent)]
    Attribute(#[from] AttributeError),
    #[error("actor {0} has no correction")]
    NoActorOverride(String),
    #[error("mention fix {0} does not exist")]
    NoMentionFix(u64),
    #[error("{0}")]
    Coders(#[from] CoderError),
    #[error("{0} cannot move under itself or one of its own sub-themes")]
    ThemeUnderItself(ThemeId),
    #[error("{0} cannot be merged into itself")]
    MergeIntoItself(ThemeId),
}

impl Edit {
    /// Short text for the undo and redo menu items.
    pub fn label(&self) -> String {
        match self {
            Self::AddTheme(t) => format!("add theme “{}”", t.name),
            Self::RemoveTheme(_) => "delete theme".into(),
            Self::UpdateTheme(t) => format!("edit theme “{}”", t.name),
            Self::AddPassage(_) => "tag passage".into(),
            Self::RemovePassage(_) => "delete passage".into(),
            Self::UpdatePassage(_) => "edit passage".into(),
            Self::UpsertFigure(_) => "curate figure".into(),
            Self::RemoveFigure(_) => "remove figure".into(),
            Self::UpsertSeries(s) => format!("edit series “{}”", s.name),
            Self::RemoveSeries(_) => "delete series".into(),
            Self::UpsertRule(_) => "save rule".into(),
            Self::RemoveRule(_) => "delete rule".into(),
            Self::Attributes(e) => e.label(),
            Self::UpsertActor(_) | Self::RemoveActor(_) => "correct actor".into(),
            Self::UpsertMentionFix(_) | Self::RemoveMentionFix(_) => "correct mention".into(),
            Self::SetCoders(_) => "edit coders".into(),
            Self::SetCurrentCoder(_) => "change coder".into(),
            Self::SetThemeKeys(_) => "change number keys".into(),
            Self::SetThemeOrder(_) => "reorder themes".into(),
            Self::Batch { label, .. } => label.clone(),
        }
    }
}

impl Project {
    /// Apply `edit` and return the edit that undoes it.
    pub fn apply(&mut self, edit: Edit) -> Result<Edit, EditError> {
        match edit {
            Edit::AddTheme(theme) => self.add_theme(theme),
            Edit::RemoveTheme(id) => self.remove_theme(id),
            Edit::UpdateTheme(theme) => self.update_theme(theme),
            Edit::AddPassage(passage) => self.add_passage(passage),
            Edit::RemovePassage(id) => self
                .passages
                .remove(&id)
                .map(Edit::AddPassage)
                .ok_or(EditError::NoPassage(id)),
            Edit::UpdatePassage(passage) => self.update_passage(passage),
            Edit::UpsertFigure(figure) => {
                let id = figure.id;
                Ok(match self.figures.insert(id, figure) {
                    Some(old) => Edit::UpsertFigure(old),
                    None => Edit::RemoveFigure(id),
                })
            }
            Edit::RemoveFigure(id) => {
                if self.series.iter().any(|s| s.figures.contains(&id)) {
                    return Err(EditError::FigureInSeries(id.0));
                }
                self.figures
                    .remove(&id)
                    .map(Edit::UpsertFigure)
                    .ok_or(EditError::NoFigure(id.0))
            }
            Edit::UpsertSeries(series) => self.upsert_series(series),
            Edit::RemoveSeries(id) => {
                let i = self
                    .series
                    .binary_search_by_key(&id, |s| s.id)
                    .map_err(|_| EditError::NoSeries(id.0))?;
                Ok(Edit::UpsertSeries(self.series.remove(i)))
            }
            Edit::UpsertRule(rule) => match self.rules.binary_search_by_key(&rule.id, |r| r.id) {
                Ok(i) => Ok(Edit::UpsertRule(std::mem::replace(
                    &mut self.rules[i],
                    rule,
                ))),
                Err(i) => {
                    let id = rule.id;
                    self.rules.insert(i, rule);
                    Ok(Edit::RemoveRule(id))
                }
            },
            Edit::RemoveRule(id) => {
                let i = self
                    .rules
                    .binary_search_by_key(&id, |r| r.id)
                    .map_err(|_| EditError::NoRule(id.0))?;
                Ok(Edit::UpsertRule(self.rules.remove(i)))
            }
            Edit::Attributes(e) => Ok(Edit::Attributes(self.attributes.apply(e)?)),
            Edit::UpsertActor(o) => Ok(self.actors.upsert_override(o)),
            Edit::RemoveActor(id) => self
                .actors
                .remove_override(&id)
                .ok_or(EditError::NoActorOverride(id.0)),
            Edit::UpsertMentionFix(m) => Ok(self.actors.upsert_fix(m)),
            Edit::RemoveMentionFix(id) => self
                .actors
                .remove_fix(id)
                .ok_or(EditError::NoMentionFix(id.0)),
            Edit::SetCoders(coders) => Ok(Edit::SetCoders(self.set_coders(coders)?)),
            Edit::SetCurrentCoder(id) => {
                if self.coder(id).is_none() {
                    return Err(CoderError::Missing(id).into());
                }
                Ok(Edit::SetCurrentCoder(std::mem::replace(
                    &mut self.current_coder,
                    id,
                )))
            }
            Edit::SetThemeKeys(keys) => Ok(Edit::SetThemeKeys(std::mem::replace(
                &mut self.theme_keys,
                keys,
            ))),
            Edit::SetThemeOrder(order) => Ok(Edit::SetThemeOrder(std::mem::replace(
                &mut self.theme_order,
                order,
            ))),
            Edit::Batch { label, edits } => self.apply_batch(label, edits),
        }
    }

    fn add_theme(&mut self, theme: Theme) -> Result<Edit, EditError> {
        if theme.name.trim().is_empty() {
            return Err(EditError::EmptyName);
        }
        if self
            .sibling_named(theme.parent, &theme.name, theme.id)
            .is_some()
        {
            return Err(EditError::SiblingName(theme.name));
        }
        match self.themes.binary_search_by_key(&theme.id, |t| t.id) {
            Ok(_) => Err(EditError::ThemeExists(theme.id)),
            Err(i) => {
                let id = theme.id;
                self.themes.insert(i, theme);
                Ok(Edit::RemoveTheme(id))
            }
        }
    }

    fn remove_theme(&mut self, id: ThemeId) -> Result<Edit, EditError> {
        let users = self.passages.values().filter(|p| p.has_theme(id)).count()
            + self.themes.iter().filter(|t| t.parent == Some(id)).count();
        if users > 0 {
            return Err(EditError::ThemeInUse(id, users));
        }
        let i = self
            .themes
            .binary_search_by_key(&id, |t| t.id)
            .map_err(|_| EditError::NoTheme(id))?;
        Ok(Edit::AddTheme(self.themes.remove(i)))
    }

    fn update_theme(&mut self, theme: Theme) -> Result<Edit, EditError> {
        if theme.name.trim().is_empty() {
            return Err(EditError::EmptyName);
        }
        let old = self.theme(theme.id).ok_or(EditError::NoTheme(theme.id))?;
        let moved = old.parent != theme.parent || !same_name(&old.name, &theme.name);
        if moved
            && self
                .sibling_named(theme.parent, &theme.name, theme.id)
                .is_some()
        {
            return Err(EditError::SiblingName(theme.name));
        }
        let slot = self
            .theme_mut(theme.id)
            .ok_or(EditError::NoTheme(theme.id))?;
        Ok(Edit::UpdateTheme(std::mem::replace(slot, theme)))
    }

    fn add_passage(&mut self, passage: Passage) -> Result<Edit, EditError> {
        if passage.start >= passage.end {
            return Err(EditError::EmptyPassage);
        }
        if self.coder(passage.coder).is_none() {
            return Err(CoderError::Missing(passage.coder).into());
        }
        if self.passages.contains_key(&passage.id) {
            return Err(EditError::PassageExists(passage.id));
        }
        let id = passage.id;
        self.passages.insert(id, passage);
        Ok(Edit::RemovePassage(id))
    }

    fn update_passage(&mut self, mut passage: Passage) -> Result<Edit, EditError> {
        if passage.start >= passage.end {
            return Err(EditError::EmptyPassage);
        }
        if self.coder(passage.coder).is_none() {
            return Err(CoderError::Missing(passage.coder).into());
        }
        passage.themes.sort();
        passage.themes.dedup();
        let slot = self
            .passages
            .get_mut(&passage.id)
            .ok_or(EditError::NoPassage(passage.id))?;
        // A passage keeps at least one theme (one read from a damaged file may have none, and
        // may be given its old state back by an undo).
        if passage.themes.is_empty() && !slot.themes.is_empty() {
            return Err(EditError::NoThemes);
        }
        Ok(Edit::UpdatePassage(std::mem::replace(slot, passage)))
    }

    fn upsert_series(&mut self, series: Series) -> Result<Edit, EditError> {
        if series.name.trim().is_empty() {
            return Err(EditError::EmptySeriesName);
        }
        if series.figures.iter().any(|f| !self.figures.contains_key(f)) {
            return Err(EditError::SeriesFigureMissing(series.id.0));
        }
        match self.series.binary_search_by_key(&series.id, |s| s.id) {
            Ok(i) => Ok(Edit::UpsertSeries(std::mem::replace(
                &mut self.series[i],
                series,
            ))),
            Err(i) => {
                let id = series.id;
                self.series.insert(i, series);
                Ok(Edit::RemoveSeries(id))
            }
        }
    }

    /// Apply every edit, or (when one fails) none.
    fn apply_batch(&mut self, label: String, edits: Vec<Edit>) -> Result<Edit, EditError> {
        let mut inverses = Vec::with_capacity(edits.len());
        for edit in edits {
            match self.apply(edit) {
                Ok(inverse) => inverses.push(inverse),
                Err(e) => {
                    // Roll back what was applied so the batch is all or nothing.
                    for inverse in inverses.into_iter().rev() {
                        let _ = self.apply(inverse);
                    }
                    return Err(e);
                }
            }
        }
        inverses.reverse();
        Ok(Edit::Batch {
            label,
            edits: inverses,
        })
    }

    /// The edit that deletes a theme: child themes move up to its parent, it is removed from
    /// every passage, and passages left with no theme are deleted.
    pub fn delete_theme(&self, id: ThemeId, now: &Timestamp) -> Result<Edit, EditError> {
        let theme = self.theme(id).ok_or(EditError::NoTheme(id))?;
        let mut edits = Vec::new();
        // Children move up a level; one whose name is taken there is renamed "Name (Deleted)".
        let mut taken: Vec<String> = self
            .themes
            .iter()
            .filter(|t| t.parent == theme.parent)
            .map(|t| t.name.clone())
            .collect();
        for child in self.themes.iter().filter(|t| t.parent == Some(id)) {
            let mut child = child.clone();
            child.parent = theme.parent;
            child.name = unique_name(&child.name, &theme.name, &taken);
            taken.push(child.name.clone());
            edits.push(Edit::UpdateTheme(child));
        }
        for passage in self.passages.values().filter(|p| p.has_theme(id)) {
            if passage.themes.len() == 1 {
                edits.push(Edit::RemovePassage(passage.id));
            } else {
                let mut p = passage.clone();
                p.themes.retain(|t| *t != id);
                p.modified = now.clone();
                edits.push(Edit::UpdatePassage(p));
            }
        }
        if self.theme_keys.key_of(id).is_some() {
            edits.push(Edit::SetThemeKeys(self.theme_keys.without(id)));
        }
        if self.theme_order.contains(&id) {
            let order = self.theme_order.iter().copied().filter(|t| *t != id);
            edits.push(Edit::SetThemeOrder(order.collect()));
        }
        edits.push(Edit::RemoveTheme(id));
        Ok(Edit::Batch {
            label: format!("delete theme “{}”", theme.name),
            edits,
        })
    }

    /// Another theme under `parent` with this name (compared without case and outer spaces).
    pub fn sibling_named(
        &self,
        parent: Option<ThemeId>,
        name: &str,
        except: ThemeId,
    ) -> Option<&Theme> {
        self.themes
            .iter()
            .find(|t| t.id != except && t.parent == parent && same_name(&t.name, name))
    }

    /// What deleting a theme would do: (passages that lose it, passages deleted with it).
    pub fn delete_theme_impact(&self, id: ThemeId) -> (usize, usize) {
        let using: Vec<&Passage> = self.passages.values().filter(|p| p.has_theme(id)).collect();
        let deleted = using.iter().filter(|p| p.themes.len() == 1).count();
        (using.len() - deleted, deleted)
    }
}

/// Do two theme names read the same to an analyst (case and outer spaces aside)?
pub fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// `name` if no name in `taken` reads the same, else "name (context)", then "name (context 2)"…
pub fn unique_name(name: &str, context: &str, taken: &[String]) -> String {
    let free = |candidate: &str| !taken.iter().any(|t| same_name(t, candidate));
    if free(name) {
        return name.to_owned();
    }
    let mut candidate = format!("{name} ({context})");
    let mut n = 2;
    while !free(&candidate) {
        candidate = format!("{name} ({context} {n})");
        n += 1;
    }
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::ArticleId;
    use crate::project::History;
    use crate::project::model::Rgb;

    fn theme(id: u32) -> Theme {
        Theme {
            id: ThemeId(id),
            name: format!("T{id}"),
            color: Rgb([0, 0, 0]),
            description: String::new(),
            parent: None,
        }
    }

    fn passage(id: u64, themes: &[u32]) -> Passage {
        Passage {
            id: PassageId(id),
            article: ArticleId("a.txt".into()),
            start: 0,
            end: 4,
            quote: "text".into(),
            prefix: String::new(),
            suffix: String::new(),
            themes: themes.iter().map(|t| ThemeId(*t)).collect(),
            note: String::new(),
            created: Timestamp::from_unix(0),
            modified: Timestamp::from_unix(0),
            coder: Default::default(),
        }
    }

    #[test]
    fn undo_and_redo_restore_each_state() {
        let mut project = Project::with_themes(vec![theme(1), theme(2)]);
        let mut history = History::saved();
        let original = project.clone();
        history
            .apply(&mut project, Edit::AddPassage(passage(1, &[1])))
            .expect("add");
        let tagged = project.clone();
        let mut p = passage(1, &[1, 2]);
        p.note = "seen twice".into();
        history
            .apply(&mut project, Edit::UpdatePassage(p))
            .expect("update");
        let edited = project.clone();
        assert!(history.is_dirty());

        assert_eq!(
            history.undo(&mut project).expect("undo"),
            Some("edit passage".into())
        );
        assert_eq!(project, tagged);
        history.undo(&mut project).expect("undo");
        assert_eq!(project, original);
        assert!(!history.is_dirty(), "back at the saved state");
        assert_eq!(history.undo(&mut project).expect("nothing"), None);

        history.redo(&mut project).expect("redo");
        history.redo(&mut project).expect("redo");
        assert_eq!(project, edited);
        assert!(!history.can_redo());
    }

    #[test]
    fn failed_batch_changes_nothing() {
        let mut project = Project::with_themes(vec![theme(1)]);
        let before = project.clone();
        let batch = Edit::Batch {
            label: "two".into(),
            edits: vec![
                Edit::AddPassage(passage(1, &[1])),
                Edit::RemovePassage(PassageId(99)),
            ],
        };
        assert_eq!(
            project.apply(batch),
            Err(EditError::NoPassage(PassageId(99)))
        );
        assert_eq!(project, before);
    }

    #[test]
    fn deleting_a_used_theme_is_one_undoable_step() {
        let mut project = Project::with_themes(vec![theme(1), theme(2), {
            let mut t = theme(3);
            t.parent = Some(ThemeId(1));
            t
        }]);
        project.passages.insert(PassageId(1), passage(1, &[1]));
        project.passages.insert(PassageId(2), passage(2, &[1, 2]));
        assert_eq!(
            project.apply(Edit::RemoveTheme(ThemeId(1))),
            Err(EditError::ThemeInUse(ThemeId(1), 3))
        );
        assert_eq!(project.delete_theme_impact(ThemeId(1)), (1, 1));
        let before = project.clone();
        let mut history = History::saved();
        let edit = project
            .delete_theme(ThemeId(1), &Timestamp::from_unix(5))
            .expect("edit");
        history.apply(&mut project, edit).expect("delete");
        assert!(project.theme(ThemeId(1)).is_none());
        assert_eq!(project.theme(ThemeId(3)).and_then(|t| t.parent), None);
        assert!(!project.passages.contains_key(&PassageId(1)));
        assert_eq!(project.passages[&PassageId(2)].themes, vec![ThemeId(2)]);
        history.undo(&mut project).expect("undo");
        assert_eq!(project, before);
    }

    #[test]
    fn coders_are_one_undoable_list() {
        use crate::project::coders::{Coder, CoderError, CoderId};
        let mut project = Project::with_themes(vec![theme(1)]);
        let before = project.clone();
        let bob = passage(1, &[1]).by(CoderId(2));
        assert_eq!(
            project.apply(Edit::AddPassage(bob.clone())),
            Err(EditError::Coders(CoderError::Missing(CoderId(2))))
        );
        let mut history = History::saved();
        let edit = Edit::Batch {
            label: "add bob".into(),
            edits: vec![
                Edit::SetCoders(vec![Coder::implicit(), Coder::new(CoderId(2), "bob")]),
                Edit::AddPassage(bob),
                Edit::SetCurrentCoder(CoderId(2)),
            ],
        };
        history.apply(&mut project, edit).expect("batch");
        assert_eq!(project.coder_name(CoderId(2)), "bob");
        assert_eq!(project.current_coder, CoderId(2));
        assert_eq!(
            project.apply(Edit::SetCoders(Vec::new())),
            Err(EditError::Coders(CoderError::InUse(CoderId(2))))
        );
        assert_eq!(
            project.apply(Edit::SetCoders(vec![
                Coder::new(CoderId(1), "Bob"),
                Coder::new(CoderId(2), "bob")
            ])),
            Err(EditError::Coders(CoderError::DuplicateName("bob".into())))
        );
        history.undo(&mut project).expect("undo");
        assert_eq!(project, before);
        assert!(project.has_implicit_coder());
    }
}
