//! The word lists the actor rules use, read once from `assets/gazetteer/`: countries (names,
//! demonyms, capitals, metonyms), regions, organisations with their acronyms, titles,
//! organisation words, given names, stop words and relation cues.

use super::hash::{HashMap, HashSet};
use std::sync::OnceLock;

use super::words::{ALL_CAPS, fold, tokenize};
use super::{ActorId, ActorKind};

mod tables;
use tables::rows;

pub(super) const COUNTRIES: &str = include_str!("../../assets/gazetteer/countries.tsv");
pub(super) const REGIONS: &str = include_str!("../../assets/gazetteer/regions.tsv");
pub(super) const ORGS: &str = include_str!("../../assets/gazetteer/orgs.tsv");
const TITLES: &str = include_str!("../../assets/gazetteer/titles.txt");
const ORG_WORDS: &str = include_str!("../../assets/gazetteer/org_words.txt");
const GENERIC_LIST: &str = include_str!("../../assets/gazetteer/generic_org_words.txt");
const GIVEN_LIST: &str = include_str!("../../assets/gazetteer/given_names.txt");
const STOP_LIST: &str = include_str!("../../assets/gazetteer/stopwords.txt");
const CUES: &str = include_str!("../../assets/gazetteer/cues.tsv");

/// A known actor of the gazetteer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub id: ActorId,
    pub name: String,
    pub kind: ActorKind,
    /// ISO 3166-1 alpha-2: the country itself, or an organisation's country.
    pub country: Option<String>,
}

/// What an alias names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Name,
    Demonym,
    Capital,
    Metonym,
    Acronym,
}

/// One word of an alias.
#[derive(Clone, Debug)]
pub struct AliasWord {
    /// The folded key the text's token must have.
    pub key: String,
    /// All capitals in the list: the token must be written exactly so ("US" is not "Us").
    pub exact: Option<String>,
    /// Capitalised in the list: the token must be capitalised too.
    pub cap: bool,
}

/// A way of naming a gazetteer entry.
#[derive(Clone, Debug)]
pub struct Alias {
    pub words: Vec<AliasWord>,
    pub entry: u32,
    pub role: Role,
    /// Long organisation names also match in lower case ("the federal service for drug control").
    pub any_case: bool,
    /// Spanish demonyms are lower case and only read in Spanish text.
    pub spanish: bool,
}

/// How a cue orders the actors it ties.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// The actor before the cue is the source ("Russia supplies Peru").
    Forward,
    /// The actor after the cue is the source ("Peru buys from Russia").
    Reverse,
    None,
}

/// A kind of relation cue ("training", "sale").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CueType {
    pub name: String,
    pub direction: Direction,
    /// A cue of giving, selling or training: a capital after "to" or "from" is a party to it.
    pub gives: bool,
}

/// Everything the lists say about one folded word, found with one look-up per token.
#[derive(Debug, Default)]
pub struct WordInfo {
    /// Aliases starting with the word, longest first.
    pub aliases: Vec<u32>,
    /// Titles starting with the word, longest first.
    pub titles: Vec<Vec<String>>,
    /// Cue phrases starting with the word, longest first.
    pub cue_phrases: Vec<(Vec<String>, u16)>,
    /// The word's cue type (exact or by prefix).
    pub cue: Option<u16>,
    pub flags: u16,
}

/// [`WordInfo::flags`]: a given name.
pub const GIVEN: u16 = 1;
/// A stop word.
pub const STOP: u16 = 2;
/// An organisation word.
pub const ORG: u16 = 4;
/// A word of generic organisation names.
pub const GENERIC: u16 = 8;
/// A title by itself.
pub const TITLE: u16 = 16;
/// "in", "at", "across": a capital or region after it is a place.
pub const LOCATIVE: u16 = 32;
/// "to", "from", "a": a place unless a cue of giving comes before.
pub const DIRECTIONAL: u16 = 64;
/// "visited", "arrived": a capital right after it is a place.
pub const MOTION: u16 = 128;
/// "a", "new": a capital after it is a place or a modifier.
pub const DETERMINER: u16 = 256;
/// "said", "dijo": a verb of saying.
pub const SPEECH: u16 = 512;
/// "company", "empresa": a capitalised name after it is a company.
pub const COMPANY: u16 = 1024;
/// "flow", "route": goods or people moving somewhere.
pub const TRAFFIC: u16 = 2048;
/// "acronym", "language": after a demonym it names a language.
pub const LANGUAGE: u16 = 4096;
/// "initiative", "program": ends a programme's name.
pub const PROGRAM: u16 = 8192;
/// "has", "will", "ya": may stand between a subject and its verb.
pub const AUXILIARY: u16 = 16384;
/// "when", "mientras", "it": opens a clause of its own or stands as its subject.
pub const CLAUSE: u16 = 32768;

/// The classes of `places.tsv` and their flags.
const PLACE_CLASSES: [(&str, u16); 11] = [
    ("locative", LOCATIVE),
    ("directional", DIRECTIONAL),
    ("motion", MOTION),
    ("determiner", DETERMINER),
    ("speech", SPEECH),
    ("company", COMPANY),
    ("traffic", TRAFFIC),
    ("language", LANGUAGE),
    ("program", PROGRAM),
    ("auxiliary", AUXILIARY),
    ("clause", CLAUSE),
];

/// Every list, parsed and indexed.
#[derive(Debug, Default)]
pub struct Lexicon {
    pub entries: Vec<Entry>,
    pub aliases: Vec<Alias>,
    /// Folded first word → aliases starting with it, longest first.
    first: HashMap<String, Vec<u32>>,
    by_id: HashMap<String, u32>,
    /// Folded first word → titles (as folded word lists) starting with it, longest first.
    titles: HashMap<String, Vec<Vec<String>>>,
    org_words: HashSet<String>,
    generic: HashSet<String>,
    given: HashSet<String>,
    stop: HashSet<String>,
    pub cue_types: Vec<CueType>,
    cue_words: HashMap<String, u16>,
    /// First three folded characters → (prefix, cue type).
    cue_prefixes: HashMap<String, Vec<(String, u16)>>,
    /// Folded first word → (phrase words, cue type), longest first.
    cue_phrases: HashMap<String, Vec<(Vec<String>, u16)>>,
    /// Folded word → index in `infos`: all of the above in one place.
    words: HashMap<String, u32>,
    infos: Vec<WordInfo>,
    /// Places, generic bodies, legal forms, short forms.
    pub lists: super::lists::Lists,
}

static NO_WORD: WordInfo = WordInfo {
    aliases: Vec::new(),
    titles: Vec::new(),
    cue_phrases: Vec::new(),
    cue: None,
    flags: 0,
};

/// The lexicon, built on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::build)
}

fn words_of(list: &str) -> impl Iterator<Item = &str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Lexicon {
    fn build() -> Self {
        let mut lex = Lexicon {
            lists: super::lists::Lists::read(),
            ..Lexicon::default()
        };
        lex.read_countries();
        lex.read_regions();
        lex.read_orgs();
        for name in super::lists::not_actor_names() {
            let e = lex.add_entry(
                &format!("none:{}", super::slug(name)),
                name,
                ActorKind::Org,
                None,
            );
            lex.add_alias(e, name, Role::Name, false, false);
        }
        for list in lex.first.values_mut() {
            list.sort_by_key(|a| std::cmp::Reverse(lex.aliases[*a as usize].words.len()));
        }
        lex.link_country_generics();
        for t in words_of(TITLES) {
            let toks = tokenize(t);
            let words: Vec<String> = (0..toks.len()).map(|i| toks.key(i).to_owned()).collect();
            if let Some(first) = words.first().cloned() {
                lex.titles.entry(first).or_default().push(words);
            }
        }
        for list in lex.titles.values_mut() {
            list.sort_by_key(|w| std::cmp::Reverse(w.len()));
        }
        lex.org_words = words_of(ORG_WORDS).map(fold).collect();
        lex.generic = words_of(GENERIC_LIST).map(fold).collect();
        lex.given = words_of(GIVEN_LIST).map(fold).collect();
        lex.stop = words_of(STOP_LIST).map(fold).collect();
        lex.build_cues();
        lex.build_words();
        lex
    }

    /// One table of everything known about each word.
    fn build_words(&mut self) {
        let mut keys: Vec<String> = self.first.keys().cloned().collect();
        keys.extend(self.titles.keys().cloned());
        keys.extend(self.cue_phrases.keys().cloned());
        keys.extend(self.cue_words.keys().cloned());
        for set in [&self.org_words, &self.generic, &self.given, &self.stop] {
            keys.extend(set.iter().cloned());
        }
        for words in self.lists.place_words.values() {
            keys.extend(words.iter().cloned());
        }
        keys.sort();
        keys.dedup();
        for key in keys {
            let mut flags = 0;
            for (set, flag) in [
                (&self.given, GIVEN),
                (&self.stop, STOP),
                (&self.org_words, ORG),
                (&self.generic, GENERIC),
            ] {
                if set.contains(&key) {
                    flags |= flag;
                }
            }
            if self.is_title_word(&key) {
                flags |= TITLE;
            }
            for (class, flag) in PLACE_CLASSES {
                if self.lists.is(class, &key) {
                    flags |= flag;
                }
            }
            let info = WordInfo {
                aliases: self.first.get(&key).cloned().unwrap_or_default(),
                titles: self.titles.get(&key).cloned().unwrap_or_default(),
                cue_phrases: self.cue_phrases.get(&key).cloned().unwrap_or_default(),
                cue: self.cue_word(&key),
                flags,
            };
            self.words.insert(key, self.infos.len() as u32);
            self.infos.push(info);
        }
    }

    /// The flags of a folded word (`GIVEN`, `SPEECH`, …), 0 for a word no list holds.
    pub fn flags_of(&self, key: &str) -> u16 {
        self.word_info(self.word_index(key)).flags
    }

    /// What the lists say about a folded word: its index in the word table, if any.
    pub fn word_index(&self, key: &str) -> Option<u32> {
        self.words.get(key).copied()
    }

    /// The word table's entry `i` (an empty one for `None`).
    pub fn word_info(&self, i: Option<u32>) -> &WordInfo {
        i.and_then(|i| self.infos.get(i as usize))
            .unwrap_or(&NO_WORD)
    }

    fn build_cues(&mut self) {
        for row in rows(CUES) {
            let (Some(name), Some(dir), Some(forms)) = (row.first(), row.get(1), row.get(2)) else {
                continue;
            };
            let gives = row.get(3).is_some_and(|g| *g == "yes");
            let direction = match *dir {
                "forward" => Direction::Forward,
                "reverse" => Direction::Reverse,
                _ => Direction::None,
            };
            let idx = self.cue_types.len() as u16;
            self.cue_types.push(CueType {
                name: (*name).to_owned(),
                direction,
                gives,
            });
            for form in forms.split('|').map(str::trim).filter(|f| !f.is_empty()) {
                let words: Vec<String> = form.split_whitespace().map(fold).collect();
                if words.len() > 1 {
                    if let Some(first) = words.first().cloned() {
                        self.cue_phrases
                            .entry(first)
                            .or_default()
                            .push((words, idx));
                    }
                } else if let Some(prefix) = words[0].strip_suffix('*') {
                    let head: String = prefix.chars().take(3).collect();
                    self.cue_prefixes
                        .entry(head)
                        .or_default()
                        .push((prefix.to_owned(), idx));
                } else {
                    self.cue_words.entry(words[0].clone()).or_insert(idx);
                }
            }
        }
        for list in self.cue_phrases.values_mut() {
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
    }

    fn add_entry(&mut self, id: &str, name: &str, kind: ActorKind, country: Option<&str>) -> u32 {
        if let Some(&e) = self.by_id.get(id) {
            return e;
        }
        let e = self.entries.len() as u32;
        self.entries.push(Entry {
            id: ActorId(id.to_owned()),
            name: name.to_owned(),
            kind,
            country: country.map(str::to_owned),
        });
        self.by_id.insert(id.to_owned(), e);
        e
    }

    fn add_alias(&mut self, entry: u32, alias: &str, role: Role, any_case: bool, spanish: bool) {
        let toks = tokenize(alias);
        let words: Vec<AliasWord> = (0..toks.len())
            .map(|i| {
                let t = toks.toks[i];
                let text = toks.text(alias, i);
                let acronym = t.is(ALL_CAPS) || (text.len() == 1 && t.is_cap());
                AliasWord {
                    key: toks.key(i).to_owned(),
                    exact: acronym.then(|| text.to_owned()),
                    cap: t.is_cap(),
                }
            })
            .collect();
        let Some(first) = words.first().map(|w| w.key.clone()) else {
            return;
        };
        let role = if words.len() == 1 && words[0].exact.is_some() && role == Role::Name {
            Role::Acronym
        } else {
            role
        };
        let idx = self.aliases.len() as u32;
        self.aliases.push(Alias {
            words,
            entry,
            role,
            any_case,
            spanish,
        });
        self.first.entry(first).or_default().push(idx);
    }

    /// Aliases whose first word has this folded key, longest first.
    pub fn aliases_from(&self, key: &str) -> &[u32] {
        self.first.get(key).map_or(&[], Vec::as_slice)
    }

    pub fn entry(&self, e: u32) -> Option<&Entry> {
        self.entries.get(e as usize)
    }

    pub fn entry_by_id(&self, id: &str) -> Option<&Entry> {
        self.by_id.get(id).and_then(|e| self.entry(*e))
    }

    /// Titles starting with this folded word, longest first.
    pub fn titles_from(&self, key: &str) -> &[Vec<String>] {
        self.titles.get(key).map_or(&[], Vec::as_slice)
    }

    /// Is this folded word a title by itself ("minister", not the "defense" of "defense minister")?
    pub fn is_title_word(&self, key: &str) -> bool {
        self.titles
            .get(key)
            .is_some_and(|list| list.iter().any(|w| w.len() == 1))
    }

    pub fn is_org_word(&self, key: &str) -> bool {
        self.org_words.contains(key)
    }

    pub fn is_generic(&self, key: &str) -> bool {
        self.generic.contains(key)
    }

    pub fn is_given_name(&self, key: &str) -> bool {
        self.given.contains(key)
    }

    pub fn is_stop(&self, key: &str) -> bool {
        self.stop.contains(key)
    }

    /// The cue type of one folded word, if it is a cue.
    pub fn cue_word(&self, key: &str) -> Option<u16> {
        if let Some(&c) = self.cue_words.get(key) {
            return Some(c);
        }
        let head_end = key.char_indices().nth(3).map_or(key.len(), |(i, _)| i);
        self.cue_prefixes
            .get(&key[..head_end])?
            .iter()
            .find(|(p, _)| key.starts_with(p.as_str()))
            .map(|(_, c)| *c)
    }

    /// Cue phrases starting with this folded word, longest first.
    pub fn cue_phrases_from(&self, key: &str) -> &[(Vec<String>, u16)] {
        self.cue_phrases.get(key).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_country_has_an_entry_and_aliases_resolve() {
        let lex = lexicon();
        let countries = lex
            .entries
            .iter()
            .filter(|e| e.kind == ActorKind::Country && e.country.is_some())
            .count();
        assert_eq!(countries, 249, "ISO 3166-1 has 249 codes");
        let find = |alias: &str| {
            let toks = tokenize(alias);
            lex.aliases_from(toks.key(0))
                .iter()
                .map(|a| &lex.aliases[*a as usize])
                .find(|a| {
                    a.words.len() == toks.len()
                        && a.words
                            .iter()
                            .enumerate()
                            .all(|(i, w)| w.key == toks.key(i))
                })
                .and_then(|a| lex.entry(a.entry))
                .map(|e| e.id.0.clone())
        };
        assert_eq!(find("Moscow").as_deref(), Some("RU"));
        assert_eq!(find("rusas").as_deref(), Some("RU"));
        assert_eq!(find("Kremlin").as_deref(), Some("RU"));
        assert_eq!(find("Salvadoran").as_deref(), Some("SV"));
        assert_eq!(find("FSKN").as_deref(), Some("org:fskn"));
        assert_eq!(find("Estados Unidos").as_deref(), Some("US"));
        assert_eq!(find("nicaragüenses").as_deref(), Some("NI"));
        assert_eq!(
            find("Central American").as_deref(),
            Some("region:central-america")
        );
        assert_eq!(
            lex.entry_by_id("org:fskn").and_then(|e| e.country.clone()),
            Some("RU".into())
        );
    }

    #[test]
    fn cues_by_word_prefix_and_phrase() {
        let lex = lexicon();
        let name = |c: Option<u16>| c.map(|c| lex.cue_types[c as usize].name.clone());
        assert_eq!(name(lex.cue_word("supplied")).as_deref(), Some("supply"));
        assert_eq!(
            name(lex.cue_word("capacitará")).as_deref(),
            Some("training")
        );
        assert_eq!(
            name(lex.cue_word("cooperation")).as_deref(),
            Some("cooperation")
        );
        assert_eq!(lex.cue_word("important"), None);
        assert_eq!(lex.cue_word("donde"), None);
        assert_eq!(lex.cue_phrases_from("joint").first().map(|p| p.1), {
            lex.cue_types
                .iter()
                .position(|c| c.name == "joint operation")
                .map(|i| i as u16)
        });
        // A phrase is found by its first word as written: a first word with a * would never be.
        assert!(
            lex.cue_phrases.keys().all(|k| !k.ends_with('*')),
            "{:?}",
            lex.cue_phrases
                .keys()
                .filter(|k| k.ends_with('*'))
                .collect::<Vec<_>>()
        );
        for plural in ["patrullajes", "ejercicios"] {
            assert!(!lex.cue_phrases_from(plural).is_empty(), "{plural}");
        }
    }
}
