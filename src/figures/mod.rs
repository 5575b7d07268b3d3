//! Figures: every number an article states, with its unit, the year it refers to, its kind
//! (actual, target, forecast) and its context; and the analyst's curation of them into series.
//! No egui here.
//!
//! Extraction is rule-based and general: a tokenizer ([`tokens`]), the sentence splitter of
//! [`crate::text`], word lists read from data files ([`lexicon`]), year mentions ([`years`])
//! and the rules that put them together ([`extract`]), in the article's language (English,
//! Spanish, Portuguese; detected per article and per paragraph). Offsets are code points into
//! the decoded article text. docs/figures.md documents the output and the rules.

pub mod curate;
pub mod curation;
pub mod extract;
pub mod lexicon;
pub mod pairing;
pub mod series;
pub mod tokens;
pub mod years;

use serde::{Deserialize, Serialize};

pub use crate::figure_types::{Kind, Year};

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
    /// Code point offsets of the figure's context: its sentence, or, in a sentence longer than
    /// [`extract::CONTEXT_CHARS`], a window of about that many characters around the figure.
    pub sentence: (usize, usize),
    /// Actual, target or forecast.
    #[serde(default)]
    pub kind: Kind,
    /// A figure to plot, or a count kept only as context ("the two nations").
    #[serde(default)]
    pub tier: Tier,
    /// The figure is in a later copy of text the article already holds (a body saved twice).
    #[serde(default)]
    pub repeat: bool,
    /// A year proposed when the sentence states none, from the article's date ("last year")
    /// or the sentence before ("that year"); the analyst accepts it or not. `year` stays what
    /// the sentence states.
    #[serde(default)]
    pub year_inferred: Year,
}

/// Whether a figure is one to plot or a count kept as context.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Tier {
    /// A figure an analyst might plot or compare.
    #[default]
    Core,
    /// A count that refers back to parties already named ("the two nations signed",
    /// "between both countries"): kept, but hidden by default.
    Context,
}

impl Tier {
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Core => "core",
            Tier::Context => "context",
        }
    }
}

/// What kind of quantity a unit measures, for grouping and plotting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum UnitClass {
    Money,
    Area,
    Weight,
    Length,
    Volume,
    Percent,
    Duration,
    Count,
}

/// The class of a canonical unit: the units table's class, money for an ISO 4217 code or a
/// price ("USD/kg"), a count for anything else (a counted noun).
pub fn unit_class(unit: &str) -> UnitClass {
    let code = |u: &str| u.len() == 3 && u.bytes().all(|b| b.is_ascii_uppercase());
    if let Some(u) = lexicon::Lexicon::get().unit_named(unit) {
        return u.class;
    }
    match unit.split_once('/') {
        _ if code(unit) => UnitClass::Money,
        Some((money, _)) if code(money) => UnitClass::Money,
        _ => UnitClass::Count,
    }
}

/// A unit of time (a duration)?
pub fn is_duration(unit: &str) -> bool {
    unit_class(unit) == UnitClass::Duration
}

/// A counted noun (not money, a measure, a share or empty)?
pub fn is_count(unit: &str) -> bool {
    !unit.is_empty() && unit_class(unit) == UnitClass::Count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_classes() {
        assert_eq!(unit_class("USD"), UnitClass::Money);
        assert_eq!(unit_class("USD/kg"), UnitClass::Money);
        assert_eq!(unit_class("km2"), UnitClass::Area);
        assert_eq!(unit_class("century"), UnitClass::Duration);
        assert_eq!(unit_class("helicopter"), UnitClass::Count);
        assert_eq!(unit_class("fraction"), UnitClass::Percent);
        assert_eq!(unit_class("USD/hectare"), UnitClass::Money);
        assert_eq!(unit_class("litre"), UnitClass::Volume);
        assert_eq!(unit_class("su-30"), UnitClass::Count);
    }
}
