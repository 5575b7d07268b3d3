//! The analyst's corrections of actors, kept in the project: per-actor overrides (a new name,
//! kind or country; merged into another actor; or a new actor the analyst made) and per-mention
//! fixes (a mention moved to another actor, added from a selection, or struck out). Keyed by
//! stable actor ids and by anchored quotes, so they survive re-extraction.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::edit::Edit;
use super::time::Timestamp;
use crate::actor_types::{ActorId, ActorKind};
use crate::corpus::ArticleId;

/// A mention fix's id; stable across saves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MentionFixId(pub u64);

/// What the analyst changed about one actor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorOverride {
    pub id: ActorId,
    /// A new display name; empty keeps the extracted one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ActorKind>,
    /// ISO 3166-1 alpha-2 code; `Some("")` says the actor has no country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// All mentions of this actor count for that one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged_into: Option<ActorId>,
    pub modified: Timestamp,
}

impl ActorOverride {
    pub fn new(id: ActorId, now: Timestamp) -> Self {
        Self {
            id,
            name: String::new(),
            kind: None,
            country: None,
            merged_into: None,
            modified: now,
        }
    }

    /// Does it change nothing?
    pub fn is_empty(&self) -> bool {
        self.name.is_empty()
            && self.kind.is_none()
            && self.country.is_none()
            && self.merged_into.is_none()
    }
}

/// One mention the analyst placed: on another actor (`actor`), added by hand (`manual`), or
/// struck out (`actor` is `None`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionFix {
    pub id: MentionFixId,
    pub article: ArticleId,
    /// Code point offsets, with the quote and its context to find it again.
    pub start: usize,
    pub end: usize,
    pub quote: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
    pub actor: Option<ActorId>,
    /// Added from a selection, not found by the extractor.
    #[serde(default)]
    pub manual: bool,
    pub created: Timestamp,
}

/// Every actor correction of a project.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "BookFile", into = "BookFile")]
pub struct ActorBook {
    pub overrides: BTreeMap<ActorId, ActorOverride>,
    pub mentions: BTreeMap<MentionFixId, MentionFix>,
}

/// The book as saved: two lists sorted by id.
#[derive(Serialize, Deserialize)]
struct BookFile {
    #[serde(default)]
    overrides: Vec<ActorOverride>,
    #[serde(default)]
    mentions: Vec<MentionFix>,
}

impl From<BookFile> for ActorBook {
    fn from(f: BookFile) -> Self {
        Self {
            overrides: f.overrides.into_iter().map(|o| (o.id.clone(), o)).collect(),
            mentions: f.mentions.into_iter().map(|m| (m.id, m)).collect(),
        }
    }
}

impl From<ActorBook> for BookFile {
    fn from(b: ActorBook) -> Self {
        Self {
            overrides: b.overrides.into_values().collect(),
            mentions: b.mentions.into_values().collect(),
        }
    }
}

impl ActorBook {
    pub fn is_empty(&self) -> bool {
        self.overrides.is_empty() && self.mentions.is_empty()
    }

    pub fn next_fix_id(&self) -> MentionFixId {
        MentionFixId(self.mentions.keys().next_back().map_or(1, |m| m.0 + 1))
    }

    /// Add or replace an override; returns the edit that undoes it.
    pub(crate) fn upsert_override(&mut self, o: ActorOverride) -> Edit {
        let id = o.id.clone();
        match self.overrides.insert(id.clone(), o) {
            Some(old) => Edit::UpsertActor(old),
            None => Edit::RemoveActor(id),
        }
    }

    pub(crate) fn remove_override(&mut self, id: &ActorId) -> Option<Edit> {
        self.overrides.remove(id).map(Edit::UpsertActor)
    }

    pub(crate) fn upsert_fix(&mut self, m: MentionFix) -> Edit {
        let id = m.id;
        match self.mentions.insert(id, m) {
            Some(old) => Edit::UpsertMentionFix(old),
            None => Edit::RemoveMentionFix(id),
        }
    }

    pub(crate) fn remove_fix(&mut self, id: MentionFixId) -> Option<Edit> {
        self.mentions.remove(&id).map(Edit::UpsertMentionFix)
    }

    /// The actor `id` ends up as after merges (a merge cycle stops where it closes).
    pub fn merged(&self, id: &ActorId) -> ActorId {
        let mut cur = id.clone();
        let mut seen = vec![cur.clone()];
        while let Some(next) = self.overrides.get(&cur).and_then(|o| o.merged_into.clone()) {
            if seen.contains(&next) {
                break;
            }
            seen.push(next.clone());
            cur = next;
        }
        cur
    }
}
