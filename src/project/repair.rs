//! Repairs made while a project file is read: duplicate ids renumbered, missing or cyclic
//! parents cut, passages, figures, series and rules that point at nothing dropped, each with a
//! warning for the load report (see docs/project-format.md).

use std::collections::{BTreeMap, BTreeSet};

use super::figures::{CuratedFigure, FigureId, Series, SeriesId};
use super::model::{Passage, PassageId, Rgb, Theme, ThemeId};
use super::rules::{Rule, RuleId};

/// Hands out new ids to items whose id an earlier item already has: one past the largest id
/// read, then on up.
pub(super) struct Renumber<T> {
    next: T,
    seen: BTreeSet<T>,
}

impl<T: Copy + Ord + std::ops::Add<Output = T> + From<u8>> Renumber<T> {
    pub(super) fn new(ids: impl Iterator<Item = T>) -> Self {
        Self {
            next: ids.max().map_or(T::from(1), |m| m + T::from(1)),
            seen: BTreeSet::new(),
        }
    }

    /// `None` the first time `id` is seen; after that, a new id (taken from now on).
    pub(super) fn fresh(&mut self, id: T) -> Option<T> {
        if self.seen.insert(id) {
            return None;
        }
        let new = self.next;
        self.next = new + T::from(1);
        self.seen.insert(new);
        Some(new)
    }

    /// Whether `id` is among the ids kept so far (as read, or given).
    pub(super) fn contains(&self, id: &T) -> bool {
        self.seen.contains(id)
    }
}

/// Give duplicate theme ids new ids, name unnamed themes, and cut missing or cyclic parents.
pub(super) fn repair_themes(themes: Vec<Theme>, warnings: &mut Vec<String>) -> Vec<Theme> {
    let mut ids = Renumber::new(themes.iter().map(|t| t.id.0));
    let mut out = Vec::with_capacity(themes.len());
    for mut theme in themes {
        if let Some(next) = ids.fresh(theme.id.0) {
            warnings.push(format!(
                "Two themes share id {}; “{}” was given id {next}. Passages keep the first.",
                theme.id.0, theme.name
            ));
            theme.id = ThemeId(next);
        }
        if theme.name.trim().is_empty() {
            theme.name = format!("Unnamed theme {}", theme.id.0);
            warnings.push(format!(
                "Theme {} had no name; it is now “{}”.",
                theme.id.0, theme.name
            ));
        }
        out.push(theme);
    }
    out.sort_by_key(|t| t.id);
    let ids: BTreeSet<ThemeId> = out.iter().map(|t| t.id).collect();
    for theme in out.iter_mut() {
        if let Some(parent) = theme.parent.filter(|p| !ids.contains(p)) {
            warnings.push(format!(
                "Theme “{}” named a parent theme {} that does not exist; it is now top-level.",
                theme.name, parent.0
            ));
            theme.parent = None;
        }
    }
    // Break parent cycles: walk up from each theme; a walk that comes back to it is a cycle,
    // cut at that theme. Later walks see the cut, so each cycle is cut once.
    let mut parent_of: BTreeMap<ThemeId, Option<ThemeId>> =
        out.iter().map(|t| (t.id, t.parent)).collect();
    for t in out.iter_mut() {
        let mut cur = parent_of.get(&t.id).copied().flatten();
        for _ in 0..=ids.len() {
            match cur {
                Some(p) if p == t.id => {
                    warnings.push(format!(
                        "Theme “{}” was its own ancestor; it is now top-level.",
                        t.name
                    ));
                    t.parent = None;
                    parent_of.insert(t.id, None);
                    break;
                }
                Some(p) => cur = parent_of.get(&p).copied().flatten(),
                None => break,
            }
        }
    }
    rename_same_siblings(&mut out, warnings);
    out
}

/// Siblings must have distinct names (the codebook editor and exports tell themes apart by
/// name): a later sibling with a name already taken is renamed "Name (theme N)".
fn rename_same_siblings(themes: &mut [Theme], warnings: &mut Vec<String>) {
    let mut taken: BTreeMap<Option<ThemeId>, Vec<String>> = BTreeMap::new();
    for t in themes.iter_mut() {
        let names = taken.entry(t.parent).or_default();
        let name = super::edit::unique_name(&t.name, &format!("theme {}", t.id.0), names);
        if name != t.name {
            warnings.push(format!(
                "Two themes at one level of the codebook were named “{}”; theme {} is now “{name}”.",
                t.name, t.id.0
            ));
            t.name = name;
        }
        names.push(t.name.clone());
    }
}

/// Give duplicate passage ids new ids and make placeholder themes for unknown theme ids.
pub(super) fn repair_passages(
    passages: Vec<Passage>,
    themes: &mut Vec<Theme>,
    warnings: &mut Vec<String>,
) -> BTreeMap<PassageId, Passage> {
    let mut ids = Renumber::new(passages.iter().map(|p| p.id.0));
    let mut out = BTreeMap::new();
    let mut missing: BTreeMap<ThemeId, usize> = BTreeMap::new();
    for mut passage in passages {
        if let Some(next) = ids.fresh(passage.id.0) {
            warnings.push(format!(
                "Two passages share id {}; the second was given id {next}.",
                passage.id.0
            ));
            passage.id = PassageId(next);
        }
        passage.themes.sort();
        passage.themes.dedup();
        if passage.themes.is_empty() {
            warnings.push(format!(
                "Passage {} in {} has no theme; it is kept and listed as needing attention.",
                passage.id.0, passage.article
            ));
        }
        for t in &passage.themes {
            if themes.binary_search_by_key(t, |th| th.id).is_err() {
                *missing.entry(*t).or_insert(0) += 1;
            }
        }
        if !passage.created.is_valid() || !passage.modified.is_valid() {
            warnings.push(format!(
                "Passage {} has a time that is not RFC 3339; it is kept as written.",
                passage.id.0
            ));
        }
        out.insert(passage.id, passage);
    }
    for (id, count) in missing {
        warnings.push(format!(
            "{count} passage(s) use theme {}, which is not in the codebook; a placeholder theme \
             “Missing theme {}” was added so they keep it.",
            id.0, id.0
        ));
        themes.push(Theme {
            id,
            name: format!("Missing theme {}", id.0),
            color: Rgb([0x88, 0x88, 0x88]),
            description: "Added when the project was opened: passages used this theme id but \
                          the codebook did not have it."
                .into(),
            parent: None,
        });
    }
    themes.sort_by_key(|t| t.id);
    out
}

/// Give duplicate figure ids new ids.
pub(super) fn repair_figures(
    figures: Vec<CuratedFigure>,
    warnings: &mut Vec<String>,
) -> BTreeMap<FigureId, CuratedFigure> {
    let mut ids = Renumber::new(figures.iter().map(|f| f.id.0));
    let mut out = BTreeMap::new();
    for mut f in figures {
        if let Some(next) = ids.fresh(f.id.0) {
            warnings.push(format!(
                "Two figures share id {}; the second was given id {next}.",
                f.id.0
            ));
            f.id = FigureId(next);
        }
        if !f.value.is_finite() {
            warnings.push(format!(
                "Figure {} has no valid value; it is kept as 0.",
                f.id.0
            ));
            f.value = 0.0;
        }
        out.insert(f.id, f);
    }
    out
}

/// Give duplicate series ids new ids, name unnamed series, drop references to missing figures.
pub(super) fn repair_series(
    series: Vec<Series>,
    figures: &BTreeMap<FigureId, CuratedFigure>,
    warnings: &mut Vec<String>,
) -> Vec<Series> {
    let mut ids = Renumber::new(series.iter().map(|s| s.id.0));
    let mut out = Vec::with_capacity(series.len());
    for mut s in series {
        if let Some(next) = ids.fresh(s.id.0) {
            warnings.push(format!(
                "Two series share id {}; “{}” was given id {next}.",
                s.id.0, s.name
            ));
            s.id = SeriesId(next);
        }
        if s.name.trim().is_empty() {
            s.name = format!("Unnamed series {}", s.id.0);
            warnings.push(format!(
                "Series {} had no name; it is now “{}”.",
                s.id.0, s.name
            ));
        }
        let before = s.figures.len();
        s.figures.retain(|f| figures.contains_key(f));
        if s.figures.len() < before {
            warnings.push(format!(
                "Series “{}” listed {} figure(s) the project does not have; they were left out.",
                s.name,
                before - s.figures.len()
            ));
        }
        let mut unique = BTreeSet::new();
        s.figures.retain(|f| unique.insert(*f));
        out.push(s);
    }
    out.sort_by_key(|s| s.id);
    out
}

/// Give duplicate rule ids new ids; a rule naming a theme the codebook lacks gets a
/// placeholder theme, as passages do.
pub(super) fn repair_rules(
    rules: Vec<Rule>,
    themes: &mut Vec<Theme>,
    warnings: &mut Vec<String>,
) -> Vec<Rule> {
    let mut ids = Renumber::new(rules.iter().map(|r| r.id.0));
    let mut out = Vec::with_capacity(rules.len());
    for mut r in rules {
        if let Some(next) = ids.fresh(r.id.0) {
            warnings.push(format!(
                "Two auto-tag rules share id {}; the second was given id {next}.",
                r.id.0
            ));
            r.id = RuleId(next);
        }
        if themes.binary_search_by_key(&r.theme, |t| t.id).is_err() {
            warnings.push(format!(
                "An auto-tag rule uses theme {}, which is not in the codebook; a placeholder theme was added.",
                r.theme.0
            ));
            let at = themes.partition_point(|t| t.id < r.theme);
            themes.insert(
                at,
                Theme {
                    id: r.theme,
                    name: format!("Missing theme {}", r.theme.0),
                    color: Rgb([0x88, 0x88, 0x88]),
                    description: "Added when the project was opened: a rule used this theme id but the codebook did not have it.".into(),
                    parent: None,
                },
            );
        }
        out.push(r);
    }
    out.sort_by_key(|r| r.id);
    out
}
