//! The number keys 1–9 of the codebook: which theme each key tags with. They are kept in the
//! project, so a theme keeps its key when others are added, moved or deleted; a new theme takes
//! the lowest free key, and the analyst can give a theme another key (or none).
//!
//! Projects written before keys were kept have none in the file: the first nine themes in
//! codebook order get keys 1–9, as they had then, and a project whose keys are still those
//! saves without them (byte for byte as before).

use std::collections::BTreeMap;

use super::model::{Project, ThemeId};

/// The highest number key.
pub const MAX_KEY: u8 = 9;

/// Number key → theme. A key names one theme and a theme has at most one key.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ThemeKeys(BTreeMap<u8, ThemeId>);

impl ThemeKeys {
    /// The keys as written in a project file (`"1": 4` gives key 1 to theme 4).
    pub fn as_map(&self) -> &BTreeMap<u8, ThemeId> {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The theme key `key` tags with.
    pub fn theme(&self, key: u8) -> Option<ThemeId> {
        self.0.get(&key).copied()
    }

    /// The key of `theme`.
    pub fn key_of(&self, theme: ThemeId) -> Option<u8> {
        self.0.iter().find(|(_, t)| **t == theme).map(|(k, _)| *k)
    }

    /// The lowest key no theme has.
    pub fn next_free(&self) -> Option<u8> {
        (1..=MAX_KEY).find(|k| !self.0.contains_key(k))
    }

    /// Every (key, theme), by key.
    pub fn iter(&self) -> impl Iterator<Item = (u8, ThemeId)> + '_ {
        self.0.iter().map(|(k, t)| (*k, *t))
    }

    /// These keys with `theme` on `key` (`None`: without a key). A theme that had `key` before
    /// takes `theme`'s old key, so assigning never silently takes a key away.
    pub fn with(&self, theme: ThemeId, key: Option<u8>) -> Self {
        let mut map = self.0.clone();
        let old = self.key_of(theme);
        if let Some(k) = old {
            map.remove(&k);
        }
        if let Some(k) = key.filter(|k| (1..=MAX_KEY).contains(k))
            && let Some(other) = map.insert(k, theme)
            && let Some(old) = old
        {
            map.insert(old, other);
        }
        Self(map)
    }

    /// These keys without `theme`.
    pub fn without(&self, theme: ThemeId) -> Self {
        Self(
            self.0
                .iter()
                .filter(|(_, t)| **t != theme)
                .map(|(k, t)| (*k, *t))
                .collect(),
        )
    }

    /// The keys projects had before they were kept: the first nine themes in codebook order.
    pub fn positional(project: &Project) -> Self {
        Self(
            project
                .theme_tree()
                .into_iter()
                .take(usize::from(MAX_KEY))
                .zip(1..=MAX_KEY)
                .map(|((_, t), k)| (k, t.id))
                .collect(),
        )
    }

    /// Keys read from a file: those out of 1–9, naming a theme the codebook lacks, or giving a
    /// theme a second key are dropped, with a warning each.
    pub fn repair(
        raw: BTreeMap<u8, ThemeId>,
        project: &Project,
        warnings: &mut Vec<String>,
    ) -> Self {
        let mut map = BTreeMap::new();
        for (key, theme) in raw {
            let problem = if !(1..=MAX_KEY).contains(&key) {
                Some("is not a number key (1–9)")
            } else if project.theme(theme).is_none() {
                Some("names a theme the codebook does not have")
            } else if map.values().any(|t| *t == theme) {
                Some("is the theme's second key")
            } else {
                None
            };
            match problem {
                Some(why) => warnings.push(format!(
                    "Number key {key} (theme {}) {why}; it was dropped.",
                    theme.0
                )),
                None => {
                    map.insert(key, theme);
                }
            }
        }
        Self(map)
    }
}

impl Project {
    /// Give the themes their positional keys when none are kept (a project made before keys
    /// were kept, or one imported from another tool).
    pub fn ensure_theme_keys(&mut self) {
        if self.theme_keys.is_empty() {
            self.theme_keys = ThemeKeys::positional(self);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::model::{Rgb, Theme};

    fn project(n: u32) -> Project {
        let mut p = Project::with_themes(
            (1..=n)
                .map(|i| Theme {
                    id: ThemeId(i),
                    name: format!("T{i}"),
                    color: Rgb([0, 0, 0]),
                    description: String::new(),
                    parent: None,
                })
                .collect(),
        );
        p.ensure_theme_keys();
        p
    }

    #[test]
    fn positional_keys_go_to_the_first_nine_themes() {
        let p = project(12);
        assert_eq!(p.theme_keys.theme(1), Some(ThemeId(1)));
        assert_eq!(p.theme_keys.theme(9), Some(ThemeId(9)));
        assert_eq!(p.theme_keys.key_of(ThemeId(10)), None);
        assert_eq!(p.theme_keys.next_free(), None);
    }

    #[test]
    fn assigning_a_taken_key_swaps_and_freeing_a_key_leaves_a_gap() {
        let p = project(4);
        let keys = p.theme_keys.with(ThemeId(4), Some(1));
        assert_eq!(keys.theme(1), Some(ThemeId(4)));
        assert_eq!(
            keys.theme(4),
            Some(ThemeId(1)),
            "theme 1 takes theme 4's old key"
        );
        let keys = keys.with(ThemeId(2), None);
        assert_eq!(keys.key_of(ThemeId(2)), None);
        assert_eq!(keys.next_free(), Some(2));
        // A theme without a key that takes a key another has: that one loses it.
        let keys = keys.with(ThemeId(2), Some(3));
        assert_eq!(keys.theme(3), Some(ThemeId(2)));
        assert_eq!(keys.key_of(ThemeId(3)), None);
        assert_eq!(keys.without(ThemeId(2)).key_of(ThemeId(2)), None);
        assert_eq!(keys.with(ThemeId(1), Some(12)).key_of(ThemeId(1)), None);
    }

    #[test]
    fn repair_drops_bad_keys_with_a_warning() {
        let p = project(3);
        let raw = BTreeMap::from([
            (0, ThemeId(1)),
            (1, ThemeId(2)),
            (2, ThemeId(2)),
            (3, ThemeId(77)),
            (4, ThemeId(3)),
        ]);
        let mut warnings = Vec::new();
        let keys = ThemeKeys::repair(raw, &p, &mut warnings);
        assert_eq!(
            keys.iter().collect::<Vec<_>>(),
            vec![(1, ThemeId(2)), (4, ThemeId(3))]
        );
        assert_eq!(warnings.len(), 3, "{warnings:?}");
    }
}
