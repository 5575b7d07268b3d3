//! The analyst's corrections of actors as undoable project edits: merge, split, rename, re-kind,
//! set the country, add a mention from a selection and strike a mention out. Each returns one
//! [`Edit`] (a batch where it changes several records) for `History::apply`.

use super::{ActorId, ActorKind, Mention, Resolved};
use crate::corpus::{ArticleId, Corpus};
use crate::project::actors::{ActorOverride, MentionFix};
use crate::project::{Anchor, Edit, Project, Timestamp};

/// Why a correction could not be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ActorEditError {
    #[error("there is no actor {0}")]
    NoActor(String),
    #[error("an actor cannot be merged into itself")]
    SelfMerge,
    #[error("an actor needs a name")]
    NoName,
    #[error("the article {0} is not loaded")]
    NoArticle(String),
    #[error("the selection does not fit the article")]
    BadRange,
    #[error("pick at least one mention")]
    NothingPicked,
    #[error("“{0}” is not an ISO 3166-1 alpha-2 country code")]
    BadCountry(String),
}

fn override_of(project: &Project, id: &ActorId, now: &Timestamp) -> ActorOverride {
    let mut o = project
        .actors
        .overrides
        .get(id)
        .cloned()
        .unwrap_or_else(|| ActorOverride::new(id.clone(), now.clone()));
    o.modified = now.clone();
    o
}

fn known(resolved: &Resolved, project: &Project, id: &ActorId) -> Result<(), ActorEditError> {
    if resolved.actors.contains_key(id) || project.actors.overrides.contains_key(id) {
        Ok(())
    } else {
        Err(ActorEditError::NoActor(id.0.clone()))
    }
}

/// Every mention of `from` counts for `into` from now on.
pub fn merge(
    project: &Project,
    resolved: &Resolved,
    from: &ActorId,
    into: &ActorId,
    now: &Timestamp,
) -> Result<Edit, ActorEditError> {
    known(resolved, project, from)?;
    known(resolved, project, into)?;
    if project.actors.merged(into) == *from || from == into {
        return Err(ActorEditError::SelfMerge);
    }
    let mut o = override_of(project, from, now);
    o.merged_into = Some(into.clone());
    Ok(Edit::Batch {
        label: "merge actors".into(),
        edits: vec![Edit::UpsertActor(o)],
    })
}

/// Give an actor another display name.
pub fn rename(
    project: &Project,
    resolved: &Resolved,
    id: &ActorId,
    name: &str,
    now: &Timestamp,
) -> Result<Edit, ActorEditError> {
    known(resolved, project, id)?;
    if name.trim().is_empty() {
        return Err(ActorEditError::NoName);
    }
    let mut o = override_of(project, id, now);
    o.name = name.trim().to_owned();
    Ok(Edit::Batch {
        label: "rename actor".into(),
        edits: vec![Edit::UpsertActor(o)],
    })
}

/// Make an actor a country, an organisation or a person.
pub fn rekind(
    project: &Project,
    resolved: &Resolved,
    id: &ActorId,
    kind: ActorKind,
    now: &Timestamp,
) -> Result<Edit, ActorEditError> {
    known(resolved, project, id)?;
    let mut o = override_of(project, id, now);
    o.kind = Some(kind);
    Ok(Edit::Batch {
        label: "change actor kind".into(),
        edits: vec![Edit::UpsertActor(o)],
    })
}

/// Set an actor's country (ISO 3166-1 alpha-2), or say it has none (`None`).
pub fn set_country(
    project: &Project,
    resolved: &Resolved,
    id: &ActorId,
    country: Option<&str>,
    now: &Timestamp,
) -> Result<Edit, ActorEditError> {
    known(resolved, project, id)?;
    let code = match country.map(str::trim) {
        Some(c) => {
            let upper = c.to_uppercase();
            let valid = super::lexicon::lexicon()
                .entry_by_id(&upper)
                .is_some_and(|e| e.kind == ActorKind::Country);
            if !valid {
                return Err(ActorEditError::BadCountry(c.to_owned()));
            }
            upper
        }
        None => String::new(),
    };
    let mut o = override_of(project, id, now);
    o.country = Some(code);
    Ok(Edit::Batch {
        label: "set actor country".into(),
        edits: vec![Edit::UpsertActor(o)],
    })
}

/// An id for a new actor made by the analyst, unused so far.
pub fn new_actor_id(
    project: &Project,
    resolved: &Resolved,
    kind: ActorKind,
    name: &str,
) -> ActorId {
    let base = format!("{}:{}", kind.as_str(), super::slug(name));
    let taken = |id: &str| {
        resolved.actors.contains_key(&ActorId(id.to_owned()))
            || project
                .actors
                .overrides
                .contains_key(&ActorId(id.to_owned()))
    };
    if !taken(&base) {
        return ActorId(base);
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .map_or(ActorId(base), ActorId)
}

/// Where a mention fix goes and what it says.
struct Place<'a> {
    article: &'a ArticleId,
    range: (usize, usize),
    actor: Option<ActorId>,
    manual: bool,
}

/// A fix placing the mention at `start..end` of `article` on `actor` (or striking it out).
fn fix(
    project: &Project,
    corpus: &Corpus,
    next: &mut u64,
    place: Place,
    now: &Timestamp,
) -> Result<MentionFix, ActorEditError> {
    let Place {
        article,
        range: (start, end),
        actor,
        manual,
    } = place;
    let a = corpus
        .get(article)
        .ok_or_else(|| ActorEditError::NoArticle(article.0.clone()))?;
    let anchor = Anchor::cut(a, start, end).ok_or(ActorEditError::BadRange)?;
    // A fix already at this place is replaced, so its id is kept.
    let id = project
        .actors
        .mentions
        .values()
        .find(|m| &m.article == article && m.start == start && m.end == end)
        .map(|m| m.id)
        .unwrap_or_else(|| {
            *next += 1;
            crate::project::actors::MentionFixId(*next - 1)
        });
    Ok(MentionFix {
        id,
        article: article.clone(),
        start: anchor.start,
        end: anchor.end,
        quote: anchor.quote,
        prefix: anchor.prefix,
        suffix: anchor.suffix,
        actor,
        manual,
        created: now.clone(),
    })
}

/// Move some mentions of an actor to a new actor with the given name and kind.
pub fn split(
    project: &Project,
    corpus: &Corpus,
    resolved: &Resolved,
    mentions: &[(ArticleId, Mention)],
    name: &str,
    kind: ActorKind,
    now: &Timestamp,
) -> Result<(Edit, ActorId), ActorEditError> {
    if mentions.is_empty() {
        return Err(ActorEditError::NothingPicked);
    }
    if name.trim().is_empty() {
        return Err(ActorEditError::NoName);
    }
    let id = new_actor_id(project, resolved, kind, name);
    let mut o = ActorOverride::new(id.clone(), now.clone());
    o.name = name.trim().to_owned();
    o.kind = Some(kind);
    let mut next = project.actors.next_fix_id().0;
    let mut edits = vec![Edit::UpsertActor(o)];
    for (article, m) in mentions {
        let f = fix(
            project,
            corpus,
            &mut next,
            Place {
                article,
                range: (m.start, m.end),
                actor: Some(id.clone()),
                manual: false,
            },
            now,
        )?;
        edits.push(Edit::UpsertMentionFix(f));
    }
    Ok((
        Edit::Batch {
            label: format!("split {} mention(s) into “{}”", mentions.len(), name.trim()),
            edits,
        },
        id,
    ))
}

/// Who a mention added from a selection names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Existing(ActorId),
    New { name: String, kind: ActorKind },
}

/// Add a mention from a selection of `article`, for an existing actor or a new one.
pub fn add_mention(
    project: &Project,
    corpus: &Corpus,
    resolved: &Resolved,
    article: &ArticleId,
    range: (usize, usize),
    target: &Target,
    now: &Timestamp,
) -> Result<Edit, ActorEditError> {
    let mut edits = Vec::new();
    let actor = match target {
        Target::Existing(id) => {
            known(resolved, project, id)?;
            id.clone()
        }
        Target::New { name, kind } => {
            if name.trim().is_empty() {
                return Err(ActorEditError::NoName);
            }
            let id = new_actor_id(project, resolved, *kind, name);
            let mut o = ActorOverride::new(id.clone(), now.clone());
            o.name = name.trim().to_owned();
            o.kind = Some(*kind);
            edits.push(Edit::UpsertActor(o));
            id
        }
    };
    let mut next = project.actors.next_fix_id().0;
    edits.push(Edit::UpsertMentionFix(fix(
        project,
        corpus,
        &mut next,
        Place {
            article,
            range,
            actor: Some(actor),
            manual: true,
        },
        now,
    )?));
    Ok(Edit::Batch {
        label: "add actor mention".into(),
        edits,
    })
}

/// Strike out a mention the extractor found: it names no actor.
pub fn remove_mention(
    project: &Project,
    corpus: &Corpus,
    article: &ArticleId,
    mention: &Mention,
    now: &Timestamp,
) -> Result<Edit, ActorEditError> {
    let mut next = project.actors.next_fix_id().0;
    let f = fix(
        project,
        corpus,
        &mut next,
        Place {
            article,
            range: (mention.start, mention.end),
            actor: None,
            manual: false,
        },
        now,
    )?;
    Ok(Edit::Batch {
        label: "remove actor mention".into(),
        edits: vec![Edit::UpsertMentionFix(f)],
    })
}
