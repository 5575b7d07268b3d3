//! The names of actors that both the extractor ([`crate::actors`]) and the project file
//! ([`crate::project`]) use: an actor's id and its kind. Kept apart so that the project does not
//! depend on the extractor.

use serde::{Deserialize, Serialize};

/// What an actor is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// A country, or a region spoken of as one ("Central America").
    Country,
    /// An agency, armed force, ministry, international body, armed group, company or medium.
    Org,
    Person,
}

impl ActorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Country => "country",
            Self::Org => "org",
            Self::Person => "person",
        }
    }
}

impl std::str::FromStr for ActorKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_lowercase().as_str() {
            "country" => Ok(Self::Country),
            "org" | "organisation" | "organization" => Ok(Self::Org),
            "person" => Ok(Self::Person),
            other => Err(format!(
                "“{other}” is not a kind of actor (country, org, person)"
            )),
        }
    }
}

/// An actor's id: an ISO 3166-1 code for a country ("RU"), `region:…`, `org:…` or `person:…`.
/// Stable across extractions, so the analyst's corrections keep pointing at the same actor.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ActorId(pub String);

impl ActorId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for ActorId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
