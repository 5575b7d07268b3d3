//! Actors in the session: the mentions and relations found in the corpus (extracted once per
//! corpus revision, resolved with the analyst's corrections once per project revision, both
//! when first asked for), and the analyst's corrections (merge, rename, re-kind) as undoable
//! intents.

use std::cell::OnceCell;
use std::collections::BTreeMap;

use super::{Outcome, Session, SessionError};
use crate::actors::curate;
use crate::actors::{ActorId, ActorKind, ArticleActors, Relation, Resolved};
use crate::corpus::ArticleId;
use crate::project::Timestamp;

/// Correcting actors.
#[derive(Clone, Debug, PartialEq)]
pub enum ActorIntent {
    /// Every mention of `from` counts for `into` from now on.
    Merge { from: ActorId, into: ActorId },
    /// A new display name.
    Rename { id: ActorId, name: String },
    /// Make the actor a country, an organisation or a person.
    Rekind { id: ActorId, kind: ActorKind },
}

/// What the actor views read, memoised.
#[derive(Debug, Default)]
pub(super) struct ActorCache {
    /// Kept until the corpus changes.
    extracted: OnceCell<BTreeMap<ArticleId, ArticleActors>>,
    /// Kept until the project or the corpus changes.
    resolved: OnceCell<Resolved>,
    relations: OnceCell<Vec<Relation>>,
}

impl ActorCache {
    /// Forget what depends on the project, and with `corpus_too` the extraction as well.
    pub fn forget(&mut self, corpus_too: bool) {
        if corpus_too {
            self.extracted = OnceCell::new();
        }
        self.resolved = OnceCell::new();
        self.relations = OnceCell::new();
    }
}

impl Session {
    fn actor_extraction(&self) -> &BTreeMap<ArticleId, ArticleActors> {
        self.actors.extracted.get_or_init(|| {
            let threads = std::thread::available_parallelism().map_or(1, usize::from);
            crate::actors::extract_corpus(&self.corpus, threads, &|_| {})
        })
    }

    /// The corpus's actors and mentions, the analyst's corrections applied.
    pub fn actors(&self) -> &Resolved {
        self.actors.resolved.get_or_init(|| {
            crate::actors::resolve(self.actor_extraction(), &self.project.actors, &self.corpus)
        })
    }

    /// The sentences that tie two actors, in article and text order.
    pub fn actor_relations(&self) -> &[Relation] {
        self.actors.relations.get_or_init(|| {
            crate::actors::relations::relations(
                &self.corpus,
                self.actor_extraction(),
                self.actors(),
                Some(&self.project),
                &self.extracted,
            )
        })
    }

    pub(super) fn actor_change(&mut self, intent: ActorIntent) -> Result<Outcome, SessionError> {
        let now = Timestamp::now();
        let resolved = self.actors();
        let edit = match &intent {
            ActorIntent::Merge { from, into } => {
                curate::merge(&self.project, resolved, from, into, &now)
            }
            ActorIntent::Rename { id, name } => {
                curate::rename(&self.project, resolved, id, name, &now)
            }
            ActorIntent::Rekind { id, kind } => {
                curate::rekind(&self.project, resolved, id, *kind, &now)
            }
        }
        .map_err(|e| SessionError::Curate(e.to_string()))?;
        self.edit(edit)
    }
}
