//! The word lists that tell a place from an actor and find the names the gazetteer cannot list,
//! read once from `assets/gazetteer/`: words around places (`places.tsv`), generic bodies every
//! country has (`generic_names.tsv`) and the gazetteer entries that are such a body of one
//! country ("Mexican Navy"), companies' legal forms, names that are no actor, and the short
//! forms of a body ("State" for the Department of State).

use super::hash::HashMap;
use super::lexicon::{Lexicon, Role};
use super::words::{fold, tokenize};
use super::{ActorId, ActorKind};

const PLACES: &str = include_str!("../../assets/gazetteer/places.tsv");
const GENERIC_NAMES: &str = include_str!("../../assets/gazetteer/generic_names.tsv");
const SUFFIXES: &str = include_str!("../../assets/gazetteer/company_suffixes.txt");
const NOT_ACTORS: &str = include_str!("../../assets/gazetteer/not_actors.txt");

/// A generic body's canonical form ("army", "ministry-of-defense").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GenericName {
    pub id: String,
    /// The country the bare English name means where the text gives none ("Congress": US).
    pub default_country: Option<String>,
}

/// A word of a company's legal form, as written ("S", ".", "A", ".").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SuffixWord {
    pub text: String,
}

/// The lists, parsed.
#[derive(Debug, Default)]
pub struct Lists {
    /// Class ("locative", "motion", …) → folded single words.
    pub place_words: HashMap<String, Vec<String>>,
    /// Folded multi-word phrases that introduce writers ("reporting by").
    pub bylines: Vec<Vec<String>>,
    pub generic: Vec<GenericName>,
    /// Folded words of a generic name joined by spaces ("fuerza aerea") → index in `generic`.
    pub generic_phrases: HashMap<String, u16>,
    /// (generic name, country) → the gazetteer entry that is that body ("navy", MX → SEMAR).
    pub country_generic: HashMap<(u16, String), u32>,
    /// Legal forms, each as its tokens' text.
    pub suffixes: Vec<Vec<SuffixWord>>,
    /// Folded short form ("state") → gazetteer entries it may name.
    pub short_forms: HashMap<String, Vec<u32>>,
}

fn lines(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn folded_words(s: &str) -> Vec<String> {
    let toks = tokenize(s);
    (0..toks.len()).map(|i| toks.key(i).to_owned()).collect()
}

impl Lists {
    /// Parse the lists that need nothing else.
    pub(super) fn read() -> Self {
        let mut out = Lists::default();
        for line in lines(PLACES) {
            let Some((class, words)) = line.split_once('\t') else {
                continue;
            };
            for w in words.split('|').map(str::trim).filter(|w| !w.is_empty()) {
                let key = folded_words(w);
                if class == "byline" {
                    out.bylines.push(key);
                } else if key.len() == 1 {
                    out.place_words
                        .entry(class.to_owned())
                        .or_default()
                        .push(fold(w));
                }
            }
        }
        out.bylines.sort_by_key(|b| std::cmp::Reverse(b.len()));
        for line in lines(GENERIC_NAMES) {
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            let (Some(id), Some(country), Some(names)) = (cols.first(), cols.get(1), cols.get(2))
            else {
                continue;
            };
            let n = out.generic.len() as u16;
            out.generic.push(GenericName {
                id: (*id).to_owned(),
                default_country: (country.len() == 2).then(|| (*country).to_owned()),
            });
            for name in names.split('|').map(str::trim).filter(|s| !s.is_empty()) {
                out.generic_phrases.insert(folded_words(name).join(" "), n);
            }
        }
        for form in lines(SUFFIXES).flat_map(|l| l.split('|')) {
            let toks = tokenize(form.trim());
            let words: Vec<SuffixWord> = (0..toks.len())
                .map(|i| SuffixWord {
                    text: toks.text(form.trim(), i).to_owned(),
                })
                .collect();
            if !words.is_empty() {
                out.suffixes.push(words);
            }
        }
        out.suffixes.sort_by_key(|s| std::cmp::Reverse(s.len()));
        out
    }

    /// The generic name whose folded words are `key` ("national police").
    pub fn generic_of(&self, key: &str) -> Option<u16> {
        self.generic_phrases.get(key).copied()
    }

    /// Is this folded word in the class ("locative", "motion", "speech", …)?
    pub fn is(&self, class: &str, key: &str) -> bool {
        self.place_words
            .get(class)
            .is_some_and(|l| l.iter().any(|w| w == key))
    }
}

/// The names that are no actor: entries with an id starting `none:`, matched like names.
pub(super) fn not_actor_names() -> impl Iterator<Item = &'static str> {
    lines(NOT_ACTORS)
}

/// Is this id a name that is no actor ("Office of the Spokesperson")?
pub fn is_not_actor(id: &ActorId) -> bool {
    id.as_str().starts_with("none:")
}

impl Lexicon {
    /// The gazetteer entries that are a generic body of one country: an organisation alias made
    /// of a country's name or demonym and a generic name, in either order ("Mexican Navy",
    /// "National Police of Colombia", "Policía Nacional de Colombia").
    pub(super) fn link_country_generics(&mut self) {
        let mut found = Vec::new();
        for alias in &self.aliases {
            let Some(entry) = self.entries.get(alias.entry as usize) else {
                continue;
            };
            if entry.kind != ActorKind::Org || alias.role != Role::Name {
                continue;
            }
            let keys: Vec<&str> = alias.words.iter().map(|w| w.key.as_str()).collect();
            for (n, generic) in self.split_country(&keys) {
                if let Some(g) = self.lists.generic_of(&generic) {
                    found.push(((g, n), alias.entry));
                }
            }
        }
        for (key, entry) in found {
            self.lists.country_generic.entry(key).or_insert(entry);
        }
    }

    /// The ways `keys` is a country (name or demonym) and the rest: (country code, rest joined).
    fn split_country(&self, keys: &[&str]) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for len in 1..keys.len() {
            // "<country> <generic>"
            if let Some(c) = self.country_words(&keys[..len]) {
                out.push((c, keys[len..].join(" ")));
            }
            // "<generic> of <country>"
            let cut = keys.len() - len;
            if cut >= 2
                && matches!(keys[cut - 1], "of" | "de" | "del")
                && let Some(c) = self.country_words(&keys[cut..])
            {
                out.push((c, keys[..cut - 1].join(" ")));
            }
        }
        out
    }

    /// The country whose name or demonym is exactly these folded words.
    fn country_words(&self, keys: &[&str]) -> Option<String> {
        let first = keys.first()?;
        self.aliases_from(first).iter().find_map(|&a| {
            let alias = self.aliases.get(a as usize)?;
            let same = alias.words.len() == keys.len()
                && alias.words.iter().zip(keys).all(|(w, k)| w.key == *k);
            let e = self.entry(alias.entry)?;
            (same && e.kind == ActorKind::Country && alias.role != Role::Capital)
                .then(|| e.country.clone())
                .flatten()
        })
    }
}
