//! Actors and relations: who the articles mention (countries, organisations, people) and who
//! they say cooperates with whom. No egui here.
//!
//! [`extract`] finds mentions and relation cues in one article, from the gazetteer in
//! `assets/gazetteer/` and general rules ([`names`]); [`resolve`] ties mentions to actors across
//! the corpus and applies the analyst's corrections; [`relations`] finds the sentences that tie
//! two actors; [`network`] counts them for the network and matrix views and sums figures by
//! actor pair; [`layout`] places the network's nodes. Offsets are code points into the decoded
//! article text, as for passages and figures.

pub mod clauses;
mod coref;
pub mod curate;
pub mod dateline;
pub mod extract;
mod groups;
mod hash;
pub mod layout;
pub mod lexicon;
pub mod lists;
pub mod names;
pub mod network;
mod orgs;
mod pairs;
mod people;
mod places;
pub mod relations;
pub mod resolve;
pub mod words;

use std::collections::BTreeMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};

pub use crate::actor_types::{ActorId, ActorKind};
pub use extract::{ArticleActors, extract, extract_article, extract_corpus};
pub use network::{Network, NetworkFilter};
pub use relations::Relation;
pub use resolve::{Resolved, resolve};

/// Byte ranges of the sentences of `text`, none longer than
/// [`crate::text::bounded::MAX_SENTENCE_BYTES`] (a text without full stops is read in pieces,
/// so pairing the mentions of a sentence stays linear). The one place the actor rules get
/// sentences from.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    crate::text::bounded_sentences(text)
}

/// An actor as the views show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub id: ActorId,
    pub name: String,
    pub kind: ActorKind,
    /// ISO 3166-1 alpha-2: the country itself for a country; the country of a person or an
    /// organisation where known.
    pub country: Option<String>,
    /// The organisation a person speaks for, where the articles say so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<ActorId>,
}

/// How a mention names its actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionRole {
    Name,
    Demonym,
    Capital,
    Metonym,
    Acronym,
    Surname,
    /// A writer named in a byline ("By Irina Volkova"); ties no one.
    Byline,
    /// Added by the analyst.
    Manual,
}

/// One mention of an actor in an article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Code point offsets.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub actor: ActorId,
    pub role: MentionRole,
}

/// What one article says about an actor it mentions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorInfo {
    pub name: String,
    pub kind: ActorKind,
    pub country: Option<String>,
    pub org: Option<ActorId>,
    /// A bare acronym that no text of this article defines: an actor only if another article
    /// (or the gazetteer) defines it.
    pub weak: bool,
}

/// Merge what several articles say about one actor: the most frequent name and country win
/// (ties go to the first seen, in article order).
pub(crate) fn vote<T: Ord + Clone>(
    votes: &mut BTreeMap<T, (usize, usize)>,
    value: T,
    order: usize,
) {
    let slot = votes.entry(value).or_insert((0, order));
    slot.0 += 1;
}

pub(crate) fn winner<T: Ord + Clone>(votes: &BTreeMap<T, (usize, usize)>) -> Option<T> {
    votes
        .iter()
        .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1)))
        .map(|(v, _)| v.clone())
}

/// `text` as an id slug: folded, letters and digits, words joined by `-`.
pub fn slug(text: &str) -> String {
    let folded = words::fold(text);
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}
