//! Figures: every number an article states, with its unit, the year it refers to and its
//! sentence; and the analyst's curation of them into series. No egui here.
//!
//! Extraction is rule-based and general: a tokenizer ([`tokens`]), a sentence splitter
//! ([`sentences`]), word lists ([`lexicon`]), year mentions ([`years`]) and the rules that put
//! them together ([`extract`]). Offsets are code points into the decoded article text.

pub mod curate;
pub mod curation;
pub mod extract;
pub mod lexicon;
pub mod sentences;
pub mod series;
pub mod tokens;
pub mod years;

use serde::{Deserialize, Serialize};

pub use extract::{extract, extract_article};

/// Extract the figures of every article, on `threads` threads; `progress` is called with the
/// number of articles done so far.
pub fn extract_corpus(
    corpus: &crate::corpus::Corpus,
    threads: usize,
    progress: &(dyn Fn(usize) + Sync),
) -> std::collections::BTreeMap<crate::corpus::ArticleId, Vec<Figure>> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let articles = corpus.articles();
    let mut results: Vec<Vec<(usize, Vec<Figure>)>> = Vec::new();
    std::thread::scope(|scope| {
        let work = || {
            let mut mine = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(article) = articles.get(i) else {
                    break;
                };
                mine.push((i, extract_article(article)));
                progress(done.fetch_add(1, Ordering::Relaxed) + 1);
            }
            mine
        };
        let handles: Vec<_> = (0..threads.max(1))
            .filter_map(|n| {
                std::thread::Builder::new()
                    .name(format!("dossier-figures-{n}"))
                    .spawn_scoped(scope, work)
                    .ok()
            })
            .collect();
        if handles.is_empty() {
            results.push(work());
        }
        for h in handles {
            if let Ok(r) = h.join() {
                results.push(r);
            }
        }
    });
    results
        .into_iter()
        .flatten()
        .filter_map(|(i, figures)| articles.get(i).map(|a| (a.id.clone(), figures)))
        .collect()
}

/// The year a figure refers to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Year {
    #[default]
    None,
    Point(i32),
    /// A range; either end may be open ("since 2018" is `Range(Some(2018), None)`).
    Range(Option<i32>, Option<i32>),
}

impl Year {
    /// One year to sort or plot by: the point, or the range's end (or start when open).
    pub fn key(self) -> Option<i32> {
        match self {
            Year::None => None,
            Year::Point(y) => Some(y),
            Year::Range(a, b) => b.or(a),
        }
    }

    pub fn is_none(self) -> bool {
        self == Year::None
    }
}

impl std::fmt::Display for Year {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Year::None => Ok(()),
            Year::Point(y) => write!(f, "{y}"),
            Year::Range(a, b) => {
                let part = |y: &Option<i32>| y.map_or(String::new(), |y| y.to_string());
                write!(f, "{}–{}", part(a), part(b))
            }
        }
    }
}

impl std::str::FromStr for Year {
    type Err = String;

    /// "", "2014", "2004-2009", "2018-" or "-2020" (en dashes too).
    fn from_str(s: &str) -> Result<Self, String> {
        let s = s.trim();
        if s.is_empty() {
            return Ok(Year::None);
        }
        let parse = |p: &str| -> Result<Option<i32>, String> {
            let p = p.trim();
            if p.is_empty() {
                return Ok(None);
            }
            p.parse::<i32>()
                .map(Some)
                .map_err(|_| format!("“{p}” is not a year"))
        };
        match s.split_once(['-', '–']) {
            Some((a, b)) => {
                let (a, b) = (parse(a)?, parse(b)?);
                if a.is_none() && b.is_none() {
                    return Err("a range needs at least one year".into());
                }
                Ok(Year::Range(a, b))
            }
            None => Ok(Year::Point(parse(s)?.unwrap_or_default())),
        }
    }
}

/// JSON: `null`, `2009`, or `[2004, 2009]` with `null` for an open end.
impl Serialize for Year {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Year::None => s.serialize_none(),
            Year::Point(y) => s.serialize_i32(*y),
            Year::Range(a, b) => (a, b).serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Year {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Point(i32),
            Range(Option<i32>, Option<i32>),
        }
        Ok(match Option::<Raw>::deserialize(d)? {
            None => Year::None,
            Some(Raw::Point(y)) => Year::Point(y),
            Some(Raw::Range(a, b)) => Year::Range(a, b),
        })
    }
}

/// One figure found in an article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// Code point offsets of the figure's text.
    pub start: usize,
    pub end: usize,
    /// The text as written: "$5.4 billion", "24 Russian helicopters".
    pub text: String,
    pub value: f64,
    /// Canonical unit: an ISO 4217 code for money, `hectare`, `km2`, `tonne`, `kg`, `percent`,
    /// `year`…, or the counted noun in the singular ("helicopter", "person"); empty when none.
    pub unit: String,
    pub year: Year,
    /// "about", "more than", "up to", "nearly", …
    pub qualifier: Option<String>,
    /// Code point offsets of the sentence the figure is in.
    pub sentence: (usize, usize),
}

/// What kind of quantity a unit measures, for grouping and plotting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum UnitClass {
    Money,
    Area,
    Weight,
    Length,
    Percent,
    Duration,
    Count,
}

pub fn unit_class(unit: &str) -> UnitClass {
    match unit {
        "hectare" | "km2" | "acre" | "m2" | "mi2" => UnitClass::Area,
        "tonne" | "kg" | "g" | "pound" => UnitClass::Weight,
        "km" | "mile" | "m" | "nautical mile" => UnitClass::Length,
        "percent" | "fraction" => UnitClass::Percent,
        u if lexicon::is_duration(u) => UnitClass::Duration,
        u if u.len() == 3 && u.bytes().all(|b| b.is_ascii_uppercase()) => UnitClass::Money,
        u if u.contains('/') && u.len() >= 4 && u[..3].bytes().all(|b| b.is_ascii_uppercase()) => {
            UnitClass::Money
        }
        _ => UnitClass::Count,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_serialize_as_the_scorer_reads_them() {
        let json = |y: Year| serde_json::to_string(&y).expect("json");
        assert_eq!(json(Year::None), "null");
        assert_eq!(json(Year::Point(2009)), "2009");
        assert_eq!(json(Year::Range(Some(2004), Some(2009))), "[2004,2009]");
        assert_eq!(json(Year::Range(Some(2018), None)), "[2018,null]");
        for y in [Year::None, Year::Point(2009), Year::Range(None, Some(2020))] {
            assert_eq!(serde_json::from_str::<Year>(&json(y)).expect("back"), y);
        }
        assert_eq!(
            "2004–2009".parse::<Year>(),
            Ok(Year::Range(Some(2004), Some(2009)))
        );
        assert_eq!("2018-".parse::<Year>(), Ok(Year::Range(Some(2018), None)));
        assert_eq!("".parse::<Year>(), Ok(Year::None));
        assert!("soon".parse::<Year>().is_err());
    }

    #[test]
    fn unit_classes() {
        assert_eq!(unit_class("USD"), UnitClass::Money);
        assert_eq!(unit_class("USD/kg"), UnitClass::Money);
        assert_eq!(unit_class("km2"), UnitClass::Area);
        assert_eq!(unit_class("century"), UnitClass::Duration);
        assert_eq!(unit_class("helicopter"), UnitClass::Count);
    }
}
