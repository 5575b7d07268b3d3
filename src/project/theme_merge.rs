//! Merging one theme into another, as one undoable step: the passages of the first take the
//! second (keeping their notes, quotes and coders), its child themes and auto-tag rules move
//! over, and the second keeps its key (or takes the first's when it had none).

use super::edit::{Edit, EditError};
use super::model::{Project, ThemeId};
use super::time::Timestamp;

impl Project {
    /// The edit that merges theme `from` into theme `into` and deletes `from`.
    pub fn merge_themes(
        &self,
        from: ThemeId,
        into: ThemeId,
        now: &Timestamp,
    ) -> Result<Edit, EditError> {
        let source = self.theme(from).ok_or(EditError::NoTheme(from))?;
        let target = self.theme(into).ok_or(EditError::NoTheme(into))?;
        if from == into {
            return Err(EditError::MergeIntoItself(from));
        }
        let mut edits = Vec::new();
        for passage in self.passages.values().filter(|p| p.has_theme(from)) {
            let mut p = passage.clone();
            p.themes.retain(|t| *t != from);
            p.themes.push(into);
            p.themes.sort();
            p.themes.dedup();
            p.modified = now.clone();
            edits.push(Edit::UpdatePassage(p));
        }
        for child in self.themes.iter().filter(|t| t.parent == Some(from)) {
            let mut child = child.clone();
            // The target itself, when it sat under the theme merged into it, takes its place.
            child.parent = if child.id == into {
                source.parent
            } else {
                Some(into)
            };
            edits.push(Edit::UpdateTheme(child));
        }
        for rule in self.rules.iter().filter(|r| r.theme == from) {
            let mut rule = rule.clone();
            rule.theme = into;
            edits.push(Edit::UpsertRule(rule));
        }
        let keys = match (self.theme_keys.key_of(into), self.theme_keys.key_of(from)) {
            (None, Some(key)) => self.theme_keys.without(from).with(into, Some(key)),
            _ => self.theme_keys.without(from),
        };
        if keys != self.theme_keys {
            edits.push(Edit::SetThemeKeys(keys));
        }
        if self.theme_order.contains(&from) {
            let order = self
                .theme_order
                .iter()
                .copied()
                .filter(|t| *t != from)
                .collect();
            edits.push(Edit::SetThemeOrder(order));
        }
        edits.push(Edit::RemoveTheme(from));
        Ok(Edit::Batch {
            label: format!("merge theme “{}” into “{}”", source.name, target.name),
            edits,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::corpus::ArticleId;
    use crate::project::model::{Passage, PassageId, Rgb, Theme};
    use crate::project::rules::{Query, Rule, RuleId};
    use crate::project::{EditError, History, Project, ThemeId, Timestamp};

    fn theme(id: u32, parent: Option<u32>) -> Theme {
        Theme {
            id: ThemeId(id),
            name: format!("T{id}"),
            color: Rgb([0, 0, 0]),
            description: String::new(),
            parent: parent.map(ThemeId),
        }
    }

    fn passage(id: u64, themes: &[u32], note: &str) -> Passage {
        Passage {
            id: PassageId(id),
            article: ArticleId("a.txt".into()),
            start: id as usize,
            end: id as usize + 4,
            quote: "text".into(),
            prefix: String::new(),
            suffix: String::new(),
            themes: themes.iter().map(|t| ThemeId(*t)).collect(),
            note: note.into(),
            created: Timestamp::from_unix(0),
            modified: Timestamp::from_unix(0),
            coder: Default::default(),
        }
    }

    fn project() -> Project {
        let mut p = Project::with_themes(vec![
            theme(1, None),
            theme(2, None),
            theme(3, Some(1)),
            theme(4, None),
        ]);
        p.ensure_theme_keys();
        p.passages.insert(PassageId(1), passage(1, &[1], "first"));
        p.passages.insert(PassageId(2), passage(2, &[1, 2], "both"));
        p.passages.insert(PassageId(3), passage(3, &[2], "second"));
        p.rules.push(Rule {
            id: RuleId(1),
            query: Query::plain("coca"),
            unit: crate::project::rules::Unit::Sentence,
            theme: ThemeId(1),
        });
        p
    }

    #[test]
    fn merging_moves_passages_children_and_rules_and_undoes_in_one_step() {
        let mut p = project();
        let before = p.clone();
        let (key_1, key_2) = (
            p.theme_keys.key_of(ThemeId(1)),
            p.theme_keys.key_of(ThemeId(2)),
        );
        assert!(key_1.is_some() && key_2.is_some());
        let edit = p
            .merge_themes(ThemeId(1), ThemeId(2), &Timestamp::from_unix(9))
            .expect("merge");
        let mut history = History::saved();
        history.apply(&mut p, edit).expect("apply");
        assert!(p.theme(ThemeId(1)).is_none());
        let themes = |id: u64| p.passages[&PassageId(id)].themes.clone();
        assert_eq!(themes(1), vec![ThemeId(2)]);
        assert_eq!(themes(2), vec![ThemeId(2)], "no theme twice");
        assert_eq!(themes(3), vec![ThemeId(2)]);
        let notes: Vec<&str> = p.passages.values().map(|p| p.note.as_str()).collect();
        assert_eq!(notes, vec!["first", "both", "second"], "notes are kept");
        assert_eq!(p.theme(ThemeId(3)).and_then(|t| t.parent), Some(ThemeId(2)));
        assert_eq!(p.rules[0].theme, ThemeId(2));
        // Theme 2 keeps its key; theme 1's is free again.
        assert_eq!(p.theme_keys.key_of(ThemeId(2)), key_2);
        assert_eq!(p.theme_keys.theme(key_1.unwrap_or(0)), None);
        assert_eq!(history.undo_label(), Some("merge theme “T1” into “T2”"));
        history.undo(&mut p).expect("undo");
        assert_eq!(p, before);
    }

    #[test]
    fn a_theme_merged_into_its_child_leaves_the_child_in_its_place() {
        let mut p = project();
        p.theme_keys = p.theme_keys.without(ThemeId(3));
        let key_1 = p.theme_keys.key_of(ThemeId(1));
        let edit = p
            .merge_themes(ThemeId(1), ThemeId(3), &Timestamp::from_unix(9))
            .expect("merge");
        p.apply(edit).expect("apply");
        assert_eq!(p.theme(ThemeId(3)).and_then(|t| t.parent), None);
        assert_eq!(
            p.theme_keys.key_of(ThemeId(3)),
            key_1,
            "it takes the free key"
        );
        assert_eq!(
            p.merge_themes(ThemeId(3), ThemeId(3), &Timestamp::from_unix(9)),
            Err(EditError::MergeIntoItself(ThemeId(3)))
        );
    }
}
