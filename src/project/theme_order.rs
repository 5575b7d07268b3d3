//! The order of themes in the codebook. Each theme sits under its parent (or at the top); among
//! siblings the analyst's order is kept as one list of theme ids (`Project::theme_order`), and
//! themes it does not name follow by id. A project never reordered keeps no list, so it saves
//! as before.

use std::collections::HashMap;

use super::edit::{Edit, EditError};
use super::model::{Project, ThemeId};

impl Project {
    /// Where each theme comes among its siblings: its place in the kept order (themes the order
    /// does not name come after, by id).
    pub fn sibling_rank(&self, id: ThemeId) -> (usize, ThemeId) {
        let rank: HashMap<ThemeId, usize> = self
            .theme_order
            .iter()
            .enumerate()
            .map(|(i, t)| (*t, i))
            .collect();
        (rank.get(&id).copied().unwrap_or(usize::MAX), id)
    }

    /// The edit that moves `theme` under `parent` (`None`: the top level), just before the
    /// sibling `before` (`None`, or not a sibling there: after the last one), as one undoable
    /// step. A theme cannot move under itself or one of its descendants.
    pub fn move_theme(
        &self,
        theme: ThemeId,
        parent: Option<ThemeId>,
        before: Option<ThemeId>,
    ) -> Result<Edit, EditError> {
        let current = self.theme(theme).ok_or(EditError::NoTheme(theme))?;
        if let Some(p) = parent {
            self.theme(p).ok_or(EditError::NoTheme(p))?;
            if p == theme || self.ancestors(p).contains(&theme) {
                return Err(EditError::ThemeUnderItself(theme));
            }
        }
        let before =
            before.filter(|b| *b != theme && self.theme(*b).is_some_and(|t| t.parent == parent));
        let mut order: Vec<ThemeId> = self
            .theme_tree()
            .into_iter()
            .map(|(_, t)| t.id)
            .filter(|t| *t != theme)
            .collect();
        let at = before
            .and_then(|b| order.iter().position(|t| *t == b))
            .unwrap_or(order.len());
        order.insert(at, theme);
        let mut edits = Vec::new();
        if current.parent != parent {
            let mut moved = current.clone();
            moved.parent = parent;
            edits.push(Edit::UpdateTheme(moved));
        }
        edits.push(Edit::SetThemeOrder(order));
        Ok(Edit::Batch {
            label: format!("move theme “{}”", current.name),
            edits,
        })
    }

    /// The kept order read from a file, without unknown or repeated ids.
    pub fn repair_theme_order(&mut self) {
        let mut seen = std::collections::BTreeSet::new();
        let known: std::collections::BTreeSet<ThemeId> = self.themes.iter().map(|t| t.id).collect();
        self.theme_order
            .retain(|t| known.contains(t) && seen.insert(*t));
    }
}

#[cfg(test)]
mod tests {
    use crate::project::model::{Rgb, Theme};
    use crate::project::{EditError, History, Project, ThemeId};

    fn project() -> Project {
        let theme = |id: u32, parent: Option<u32>| Theme {
            id: ThemeId(id),
            name: format!("T{id}"),
            color: Rgb([0, 0, 0]),
            description: String::new(),
            parent: parent.map(ThemeId),
        };
        Project::with_themes(vec![
            theme(1, None),
            theme(2, None),
            theme(3, Some(1)),
            theme(4, Some(1)),
        ])
    }

    fn tree(p: &Project) -> Vec<(usize, u32)> {
        p.theme_tree().iter().map(|(d, t)| (*d, t.id.0)).collect()
    }

    #[test]
    fn moving_reorders_and_reparents_in_one_undoable_step() {
        let mut p = project();
        assert_eq!(tree(&p), vec![(0, 1), (1, 3), (1, 4), (0, 2)]);
        let mut history = History::saved();
        let before = p.clone();
        // 2 before 1 at the top.
        let edit = p
            .move_theme(ThemeId(2), None, Some(ThemeId(1)))
            .expect("move");
        history.apply(&mut p, edit).expect("apply");
        assert_eq!(tree(&p), vec![(0, 2), (0, 1), (1, 3), (1, 4)]);
        // 4 before 3 among the children of 1.
        let edit = p
            .move_theme(ThemeId(4), Some(ThemeId(1)), Some(ThemeId(3)))
            .expect("move");
        history.apply(&mut p, edit).expect("apply");
        assert_eq!(tree(&p), vec![(0, 2), (0, 1), (1, 4), (1, 3)]);
        // 1 (with its children) under 2.
        let edit = p
            .move_theme(ThemeId(1), Some(ThemeId(2)), None)
            .expect("move");
        history.apply(&mut p, edit).expect("apply");
        assert_eq!(tree(&p), vec![(0, 2), (1, 1), (2, 4), (2, 3)]);
        for _ in 0..3 {
            history.undo(&mut p).expect("undo");
        }
        assert_eq!(p, before);
    }

    #[test]
    fn a_theme_cannot_move_under_itself_or_its_descendants() {
        let p = project();
        assert_eq!(
            p.move_theme(ThemeId(1), Some(ThemeId(3)), None),
            Err(EditError::ThemeUnderItself(ThemeId(1)))
        );
        assert_eq!(
            p.move_theme(ThemeId(1), Some(ThemeId(1)), None),
            Err(EditError::ThemeUnderItself(ThemeId(1)))
        );
        assert!(matches!(
            p.move_theme(ThemeId(9), None, None),
            Err(EditError::NoTheme(_))
        ));
    }

    #[test]
    fn the_kept_order_drops_unknown_and_repeated_ids() {
        let mut p = project();
        p.theme_order = vec![ThemeId(2), ThemeId(7), ThemeId(2), ThemeId(1)];
        p.repair_theme_order();
        assert_eq!(p.theme_order, vec![ThemeId(2), ThemeId(1)]);
    }
}
