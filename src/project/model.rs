//! The analyst's work: themes (the codebook), tagged passages and the corpus snapshot.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::attributes::Attributes;
use super::coders::{Coder, CoderId};
use super::figures::{CuratedFigure, FigureId, Series, SeriesId};
use super::rules::{Rule, RuleId};
use super::time::Timestamp;
use crate::corpus::{Article, ArticleId, ConverterStamp};

/// How many characters of context a passage keeps on each side of its quote.
pub const CONTEXT_CHARS: usize = 32;

/// A theme's id; stable across saves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ThemeId(pub u32);

/// A passage's id; stable across saves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PassageId(pub u64);

impl std::fmt::Display for ThemeId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "theme {}", self.0)
    }
}

impl std::fmt::Display for PassageId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "passage {}", self.0)
    }
}

/// An sRGB colour, saved as `#rrggbb`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb(pub [u8; 3]);

impl Rgb {
    pub fn to_hex(self) -> String {
        let [r, g, b] = self.0;
        format!("#{r:02x}{g:02x}{b:02x}")
    }

    pub fn from_hex(s: &str) -> Option<Self> {
        let hex = s.strip_prefix('#')?;
        if hex.len() != 6 || !hex.is_ascii() {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Self([byte(0)?, byte(2)?, byte(4)?]))
    }
}

impl Serialize for Rgb {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_hex())
    }
}

impl<'de> Deserialize<'de> for Rgb {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Self::from_hex(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("`{s}` is not a colour like #1f77b4")))
    }
}

/// A code in the codebook.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Theme {
    pub id: ThemeId,
    pub name: String,
    pub color: Rgb,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub parent: Option<ThemeId>,
}

/// A tagged stretch of an article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    pub id: PassageId,
    pub article: ArticleId,
    /// Code point offset of the first character.
    pub start: usize,
    /// Code point offset just past the last character.
    pub end: usize,
    /// The text between `start` and `end` when the passage was made.
    pub quote: String,
    /// Up to [`CONTEXT_CHARS`] characters before the quote.
    #[serde(default)]
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] characters after the quote.
    #[serde(default)]
    pub suffix: String,
    /// Sorted, without duplicates.
    pub themes: Vec<ThemeId>,
    #[serde(default)]
    pub note: String,
    pub created: Timestamp,
    pub modified: Timestamp,
    /// Who made the passage (absent in the file: the first coder).
    #[serde(default, skip_serializing_if = "CoderId::is_first")]
    pub coder: CoderId,
}

/// A quote and its context, cut from an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Anchor {
    pub start: usize,
    pub end: usize,
    pub quote: String,
    pub prefix: String,
    pub suffix: String,
}

impl Anchor {
    /// The range `start..end` without the white space at either end (a selection dragged past a
    /// word takes the space after it); `None` when nothing else is left or it does not fit.
    pub fn trimmed(article: &Article, start: usize, end: usize) -> Option<(usize, usize)> {
        let text = article.slice(start, end)?;
        let lead = text.chars().take_while(|c| c.is_whitespace()).count();
        let trail = text.chars().rev().take_while(|c| c.is_whitespace()).count();
        let (s, e) = (start + lead, end.saturating_sub(trail));
        (s < e).then_some((s, e))
    }

    /// Cut the range `start..end` out of `article`; `None` when it is empty or does not fit.
    pub fn cut(article: &Article, start: usize, end: usize) -> Option<Self> {
        if start >= end {
            return None;
        }
        let quote = article.slice(start, end)?.to_owned();
        let prefix = article
            .slice(start.saturating_sub(CONTEXT_CHARS), start)?
            .to_owned();
        let suffix_end = (end + CONTEXT_CHARS).min(article.char_len());
        let suffix = article.slice(end, suffix_end)?.to_owned();
        Some(Self {
            start,
            end,
            quote,
            prefix,
            suffix,
        })
    }
}

impl Passage {
    /// A new passage over `anchor` with the given themes.
    pub fn new(
        id: PassageId,
        article: ArticleId,
        anchor: Anchor,
        mut themes: Vec<ThemeId>,
        now: Timestamp,
    ) -> Self {
        themes.sort();
        themes.dedup();
        Self {
            id,
            article,
            start: anchor.start,
            end: anchor.end,
            quote: anchor.quote,
            prefix: anchor.prefix,
            suffix: anchor.suffix,
            themes,
            note: String::new(),
            created: now.clone(),
            modified: now,
            coder: CoderId::FIRST,
        }
    }

    /// Put the passage on a new anchor in `article` (its quote and context come with it).
    pub fn set_anchor(&mut self, article: ArticleId, anchor: Anchor) {
        self.article = article;
        self.start = anchor.start;
        self.end = anchor.end;
        self.quote = anchor.quote;
        self.prefix = anchor.prefix;
        self.suffix = anchor.suffix;
    }

    pub fn has_theme(&self, theme: ThemeId) -> bool {
        self.themes.binary_search(&theme).is_ok()
    }

    pub fn char_len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn overlaps(&self, start: usize, end: usize) -> bool {
        self.start < end && start < self.end
    }
}

/// What the project remembers of an article: enough to tell whether its text changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleRecord {
    pub path: ArticleId,
    pub sha256: String,
    /// Length in code points.
    pub chars: usize,
    /// The converter (and its version) that made the text from an HTML, PDF, DOCX, … file;
    /// `sha256` is the hash of what it extracted. Absent for plain text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub converter: Option<ConverterStamp>,
}

impl ArticleRecord {
    pub fn of(article: &Article) -> Self {
        Self {
            path: article.id.clone(),
            sha256: article.sha256().to_owned(),
            chars: article.char_len(),
            converter: article.converter.clone(),
        }
    }
}

/// Everything an analyst has made; what a project file holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Project {
    /// The corpus folder as written in the file: relative to the project file when possible.
    pub corpus_folder: Option<PathBuf>,
    /// The articles as they were at the last save, sorted by path.
    pub articles: Vec<ArticleRecord>,
    /// The codebook, sorted by id.
    pub themes: Vec<Theme>,
    pub passages: BTreeMap<PassageId, Passage>,
    /// Figures the analyst accepted, rejected, corrected or added.
    pub figures: BTreeMap<FigureId, CuratedFigure>,
    /// Series of figures, sorted by id.
    pub series: Vec<Series>,
    /// Auto-tag rules, sorted by id.
    pub rules: Vec<Rule>,
    /// Article attributes the analyst set, custom attributes, and memos.
    pub attributes: Attributes,
    /// The analyst's corrections of actors and their mentions.
    pub actors: super::actors::ActorBook,
    /// The coders, sorted by id; empty means one implicit coder (see [`super::coders`]).
    pub coders: Vec<Coder>,
    /// The coder new passages are made by.
    pub current_coder: CoderId,
    /// Which theme each number key tags with (see [`super::theme_keys`]).
    pub theme_keys: super::theme_keys::ThemeKeys,
    /// The analyst's order of themes among their siblings (see [`super::theme_order`]); empty
    /// until the codebook is reordered.
    pub theme_order: Vec<ThemeId>,
}

impl Project {
    /// A new project with the given codebook.
    pub fn with_themes(themes: Vec<Theme>) -> Self {
        let mut project = Self {
            themes,
            ..Self::default()
        };
        project.themes.sort_by_key(|t| t.id);
        project.ensure_theme_keys();
        project
    }

    pub fn theme(&self, id: ThemeId) -> Option<&Theme> {
        self.themes
            .binary_search_by_key(&id, |t| t.id)
            .ok()
            .map(|i| &self.themes[i])
    }

    pub fn theme_mut(&mut self, id: ThemeId) -> Option<&mut Theme> {
        self.themes
            .binary_search_by_key(&id, |t| t.id)
            .ok()
            .map(|i| &mut self.themes[i])
    }

    pub fn next_theme_id(&self) -> ThemeId {
        ThemeId(self.themes.last().map_or(1, |t| t.id.0 + 1))
    }

    pub fn next_passage_id(&self) -> PassageId {
        PassageId(self.passages.keys().next_back().map_or(1, |p| p.0 + 1))
    }

    pub fn next_figure_id(&self) -> FigureId {
        FigureId(self.figures.keys().next_back().map_or(1, |f| f.0 + 1))
    }

    pub fn next_series_id(&self) -> SeriesId {
        SeriesId(self.series.last().map_or(1, |s| s.id.0 + 1))
    }

    pub fn next_rule_id(&self) -> RuleId {
        RuleId(self.rules.last().map_or(1, |r| r.id.0 + 1))
    }

    pub fn series_by_id(&self, id: SeriesId) -> Option<&Series> {
        self.series
            .binary_search_by_key(&id, |s| s.id)
            .ok()
            .map(|i| &self.series[i])
    }

    /// The curated figure at exactly this place, if any.
    pub fn figure_at(
        &self,
        article: &ArticleId,
        start: usize,
        end: usize,
    ) -> Option<&CuratedFigure> {
        self.figures
            .values()
            .find(|f| &f.article == article && f.start == start && f.end == end)
    }

    /// The series a figure belongs to.
    pub fn series_of(&self, id: FigureId) -> Vec<SeriesId> {
        self.series
            .iter()
            .filter(|s| s.figures.contains(&id))
            .map(|s| s.id)
            .collect()
    }

    /// Passages of one article, in reading order.
    pub fn passages_of<'a>(&'a self, article: &'a ArticleId) -> impl Iterator<Item = &'a Passage> {
        let mut list: Vec<&Passage> = self
            .passages
            .values()
            .filter(|p| &p.article == article)
            .collect();
        list.sort_by_key(|p| (p.start, p.end, p.id));
        list.into_iter()
    }

    /// How many passages use each theme.
    pub fn theme_usage(&self) -> BTreeMap<ThemeId, usize> {
        let mut usage = BTreeMap::new();
        for p in self.passages.values() {
            for t in &p.themes {
                *usage.entry(*t).or_insert(0) += 1;
            }
        }
        usage
    }

    /// In how many articles each theme has passages.
    pub fn theme_article_counts(&self) -> BTreeMap<ThemeId, usize> {
        let mut pairs = std::collections::BTreeSet::new();
        for p in self.passages.values() {
            for t in &p.themes {
                pairs.insert((*t, &p.article));
            }
        }
        let mut counts = BTreeMap::new();
        for (t, _) in pairs {
            *counts.entry(t).or_insert(0) += 1;
        }
        counts
    }

    /// Count of passages per article.
    pub fn passage_counts(&self) -> BTreeMap<&ArticleId, usize> {
        let mut counts = BTreeMap::new();
        for p in self.passages.values() {
            *counts.entry(&p.article).or_insert(0) += 1;
        }
        counts
    }

    /// The chain of ancestors of `id`, nearest first (stops at a cycle).
    pub fn ancestors(&self, id: ThemeId) -> Vec<ThemeId> {
        let mut out = Vec::new();
        let mut cur = self.theme(id).and_then(|t| t.parent);
        while let Some(p) = cur {
            if p == id || out.contains(&p) {
                break;
            }
            out.push(p);
            cur = self.theme(p).and_then(|t| t.parent);
        }
        out
    }

    /// Themes in codebook order: each parent followed by its children, depth-first, with depth.
    /// Siblings come in the analyst's order, then by id.
    pub fn theme_tree(&self) -> Vec<(usize, &Theme)> {
        let mut out = Vec::with_capacity(self.themes.len());
        let known = |id: Option<ThemeId>| id.and_then(|p| self.theme(p)).is_some();
        let rank: std::collections::HashMap<ThemeId, usize> = self
            .theme_order
            .iter()
            .enumerate()
            .map(|(i, t)| (*t, i))
            .collect();
        // Pushed in reverse order, so the first sibling is popped first.
        let reverse_rank =
            |t: &Theme| std::cmp::Reverse((rank.get(&t.id).copied().unwrap_or(usize::MAX), t.id));
        let mut roots: Vec<&Theme> = self.themes.iter().filter(|t| !known(t.parent)).collect();
        roots.sort_by_key(|t| reverse_rank(t));
        let mut stack: Vec<(usize, &Theme)> = roots.into_iter().map(|t| (0, t)).collect();
        let mut seen = std::collections::BTreeSet::new();
        while let Some((depth, theme)) = stack.pop() {
            if !seen.insert(theme.id) {
                continue;
            }
            out.push((depth, theme));
            let mut children: Vec<&Theme> = self
                .themes
                .iter()
                .filter(|c| c.parent == Some(theme.id))
                .collect();
            children.sort_by_key(|t| reverse_rank(t));
            for child in children {
                stack.push((depth + 1, child));
            }
        }
        // Themes caught in a parent cycle are not reachable from a root: list them last.
        for t in &self.themes {
            if !seen.contains(&t.id) {
                out.push((0, t));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn theme(id: u32, parent: Option<u32>) -> Theme {
        Theme {
            id: ThemeId(id),
            name: format!("T{id}"),
            color: Rgb([1, 2, 3]),
            description: String::new(),
            parent: parent.map(ThemeId),
        }
    }

    #[test]
    fn colours_round_trip_hex() {
        assert_eq!(Rgb::from_hex("#1f77B4"), Some(Rgb([0x1f, 0x77, 0xb4])));
        assert_eq!(Rgb([0x1f, 0x77, 0xb4]).to_hex(), "#1f77b4");
        assert_eq!(Rgb::from_hex("1f77b4"), None);
        assert_eq!(Rgb::from_hex("#1f77b"), None);
        assert_eq!(Rgb::from_hex("#ééé"), None);
    }

    #[test]
    fn theme_tree_puts_children_under_parents() {
        let p = Project::with_themes(vec![
            theme(1, None),
            theme(2, Some(3)),
            theme(3, None),
            theme(4, Some(2)),
        ]);
        let order: Vec<(usize, u32)> = p.theme_tree().iter().map(|(d, t)| (*d, t.id.0)).collect();
        assert_eq!(order, vec![(0, 1), (0, 3), (1, 2), (2, 4)]);
        assert_eq!(p.ancestors(ThemeId(4)), vec![ThemeId(2), ThemeId(3)]);
    }

    #[test]
    fn theme_tree_survives_cycles() {
        let p = Project::with_themes(vec![theme(1, Some(2)), theme(2, Some(1)), theme(3, None)]);
        let ids: Vec<u32> = p.theme_tree().iter().map(|(_, t)| t.id.0).collect();
        assert_eq!(ids.len(), 3);
        assert!(ids.contains(&1) && ids.contains(&2) && ids.contains(&3));
    }
}
