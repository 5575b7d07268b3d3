//! Tying mentions to actors across the corpus: what the articles say of each actor is merged
//! (most frequent name and country), weak acronyms no text defines are dropped, and the
//! analyst's corrections are applied (mention fixes first, then merges, names, kinds and
//! countries). The result is what every view and export reads.

use std::collections::{BTreeMap, BTreeSet};

use super::extract::ArticleActors;
use super::{Actor, ActorId, ActorKind, Mention, MentionRole, vote, winner};
use crate::corpus::{ArticleId, Corpus};
use crate::project::actors::{ActorBook, MentionFixId};
use crate::project::anchor::{Haystack, Target};

/// Actors and their mentions, corrections applied.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Resolved {
    pub actors: BTreeMap<ActorId, Actor>,
    /// Each article's mentions in text order, with final actor ids.
    pub mentions: BTreeMap<ArticleId, Vec<Mention>>,
    /// Mention fixes that could not be placed in their article (changed or missing).
    pub orphans: Vec<MentionFixId>,
}

impl Resolved {
    /// Mentions per actor, all articles together.
    pub fn mention_counts(&self) -> BTreeMap<&ActorId, usize> {
        let mut out = BTreeMap::new();
        for m in self.mentions.values().flatten() {
            *out.entry(&m.actor).or_insert(0) += 1;
        }
        out
    }

    /// Mentions per actor and article, for the actor index.
    pub fn counts_by_article(&self) -> BTreeMap<&ActorId, BTreeMap<&ArticleId, usize>> {
        let mut out: BTreeMap<&ActorId, BTreeMap<&ArticleId, usize>> = BTreeMap::new();
        for (article, list) in &self.mentions {
            for m in list {
                *out.entry(&m.actor).or_default().entry(article).or_insert(0) += 1;
            }
        }
        out
    }

    /// The mention covering code point `at` of an article (for hover in the reader).
    pub fn mention_at(&self, article: &ArticleId, at: usize) -> Option<&Mention> {
        let list = self.mentions.get(article)?;
        let i = list.partition_point(|m| m.end <= at);
        list.get(i).filter(|m| m.start <= at)
    }

    pub fn actor(&self, id: &ActorId) -> Option<&Actor> {
        self.actors.get(id)
    }
}

/// Votes for what an actor is, gathered over the articles.
#[derive(Default)]
struct Votes {
    names: BTreeMap<String, (usize, usize)>,
    kinds: BTreeMap<ActorKind, (usize, usize)>,
    countries: BTreeMap<String, (usize, usize)>,
    orgs: BTreeMap<ActorId, (usize, usize)>,
    weak: bool,
}

/// Resolve the extracted mentions of a corpus, with the analyst's corrections in `book`.
pub fn resolve(
    extracted: &BTreeMap<ArticleId, ArticleActors>,
    book: &ActorBook,
    corpus: &Corpus,
) -> Resolved {
    let votes = gather(extracted);
    let mut out = Resolved::default();
    for (article, a) in extracted {
        let list: Vec<Mention> = a
            .mentions
            .iter()
            .filter(|m| votes.get(&m.actor).is_some_and(|v| !v.weak))
            .cloned()
            .collect();
        out.mentions.insert(article.clone(), list);
    }
    apply_fixes(book, corpus, &mut out);
    let mut actors = base_actors(&votes, &out, book);
    // Merges: mentions move to the surviving actor.
    for list in out.mentions.values_mut() {
        for m in list.iter_mut() {
            m.actor = book.merged(&m.actor);
        }
    }
    let used: BTreeSet<ActorId> = out
        .mentions
        .values()
        .flatten()
        .map(|m| m.actor.clone())
        .collect();
    actors.retain(|id, _| used.contains(id));
    inherit_countries(&mut actors, book);
    out.actors = actors;
    out
}

/// What the articles say of each actor.
fn gather(extracted: &BTreeMap<ArticleId, ArticleActors>) -> BTreeMap<ActorId, Votes> {
    let mut votes: BTreeMap<ActorId, Votes> = BTreeMap::new();
    for (order, a) in extracted.values().enumerate() {
        for (id, info) in &a.infos {
            let v = votes.entry(id.clone()).or_insert_with(|| Votes {
                weak: true,
                ..Votes::default()
            });
            vote(&mut v.names, info.name.clone(), order);
            vote(&mut v.kinds, info.kind, order);
            if let Some(c) = &info.country {
                vote(&mut v.countries, c.clone(), order);
            }
            if let Some(o) = &info.org {
                vote(&mut v.orgs, o.clone(), order);
            }
            v.weak &= info.weak;
        }
    }
    votes
}

fn plain_actor(id: &ActorId, name: &str) -> Actor {
    Actor {
        id: id.clone(),
        name: name.to_owned(),
        kind: ActorKind::Org,
        country: None,
        org: None,
    }
}

/// The actors the mentions name, from the votes, with the analyst's overrides applied.
fn base_actors(
    votes: &BTreeMap<ActorId, Votes>,
    out: &Resolved,
    book: &ActorBook,
) -> BTreeMap<ActorId, Actor> {
    let mut actors: BTreeMap<ActorId, Actor> = BTreeMap::new();
    for m in out.mentions.values().flatten() {
        if actors.contains_key(&m.actor) {
            continue;
        }
        let id = &m.actor;
        let actor = match votes.get(id) {
            Some(v) => Actor {
                id: id.clone(),
                name: winner(&v.names).unwrap_or_else(|| id.0.clone()),
                kind: winner(&v.kinds).unwrap_or(ActorKind::Org),
                country: winner(&v.countries),
                org: winner(&v.orgs),
            },
            None => plain_actor(id, id.0.split_once(':').map_or(id.as_str(), |(_, n)| n)),
        };
        actors.insert(id.clone(), actor);
    }
    // Every actor named by an override (a merge target, a new actor) exists.
    for o in book.overrides.values() {
        for id in std::iter::once(&o.id).chain(o.merged_into.as_ref()) {
            actors
                .entry(id.clone())
                .or_insert_with(|| plain_actor(id, &id.0));
        }
    }
    for o in book.overrides.values() {
        if let Some(a) = actors.get_mut(&o.id) {
            if !o.name.trim().is_empty() {
                a.name = o.name.trim().to_owned();
            }
            if let Some(k) = o.kind {
                a.kind = k;
            }
            if let Some(c) = &o.country {
                a.country = (!c.is_empty()).then(|| c.to_uppercase());
            }
        }
    }
    actors
}

/// A person or body without a country of its own takes its organisation's.
fn inherit_countries(actors: &mut BTreeMap<ActorId, Actor>, book: &ActorBook) {
    let org_country: BTreeMap<ActorId, Option<String>> = actors
        .iter()
        .map(|(id, a)| (id.clone(), a.country.clone()))
        .collect();
    for a in actors.values_mut() {
        if let Some(org) = &a.org {
            let org = book.merged(org);
            let overridden = book
                .overrides
                .get(&a.id)
                .is_some_and(|o| o.country.is_some());
            if a.country.is_none() && !overridden {
                a.country = org_country.get(&org).cloned().flatten();
            }
            a.org = actors_has(&org_country, &org).then_some(org);
        }
        if a.kind == ActorKind::Country && a.country.is_none() && a.id.0.len() == 2 {
            a.country = Some(a.id.0.clone());
        }
    }
}

fn actors_has(map: &BTreeMap<ActorId, Option<String>>, id: &ActorId) -> bool {
    map.contains_key(id)
}

/// Place each mention fix in its article: drop the extracted mentions it overlaps and, unless
/// it strikes the mention out, put its own in their place.
fn apply_fixes(book: &ActorBook, corpus: &Corpus, out: &mut Resolved) {
    let mut by_article: BTreeMap<&ArticleId, Vec<&crate::project::actors::MentionFix>> =
        BTreeMap::new();
    for f in book.mentions.values() {
        by_article.entry(&f.article).or_default().push(f);
    }
    for (article_id, fixes) in by_article {
        let Some(article) = corpus.get(article_id) else {
            out.orphans.extend(fixes.iter().map(|f| f.id));
            continue;
        };
        let hay = Haystack::new(article);
        let list = out.mentions.entry(article_id.clone()).or_default();
        for f in fixes {
            let placed = hay
                .locate(&Target {
                    start: f.start,
                    end: f.end,
                    quote: &f.quote,
                    prefix: &f.prefix,
                    suffix: &f.suffix,
                })
                .range((f.start, f.end));
            let Some((start, end)) = placed else {
                out.orphans.push(f.id);
                continue;
            };
            list.retain(|m| m.end <= start || m.start >= end);
            if let Some(actor) = &f.actor {
                let role = if f.manual {
                    MentionRole::Manual
                } else {
                    MentionRole::Name
                };
                let at = list.partition_point(|m| m.start < start);
                list.insert(
                    at,
                    Mention {
                        start,
                        end,
                        text: article.slice(start, end).unwrap_or(&f.quote).to_owned(),
                        actor: actor.clone(),
                        role,
                    },
                );
            }
        }
    }
}
