//! The qualifier written before a number: a sign ("~500", ">50%") or words from the
//! language's `[qualifiers]` ("more than", "unos", "menos de").

use super::*;
use crate::figures::lexicon::{Meaning, with_lower};

impl<'a> Sentence<'a> {
    /// The qualifier in words that ends right before the number at `first`: (its name, its
    /// first token).
    fn qualifier_words(&self, first: usize) -> Option<(&'static str, usize)> {
        let last = self.word(first.checked_sub(1)?)?;
        self.lang.qualifiers_ending(last).iter().find_map(|q| {
            let start = first.checked_sub(q.words.len())?;
            let fits = q.words.iter().enumerate().all(|(k, w)| {
                self.word(start + k)
                    .is_some_and(|x| with_lower(x, |l| l == w))
            });
            match (&q.meaning, fits) {
                (Meaning::Qualifier(name), true) => Some((*name, start)),
                _ => None,
            }
        })
    }

    /// The first token of the qualifier before the number at `first` ("menos de 7.000" →
    /// "menos"), or `first` when none is written in words.
    pub(super) fn qualifier_start(&self, first: usize) -> usize {
        self.qualifier_words(first)
            .map_or(first, |(_, start)| start)
    }

    /// The qualifier of the number at `first`: a sign before it, else words.
    pub(super) fn qualifier_before(&self, first: usize) -> Option<&'static str> {
        // Signs: "~500", "≈30%", ">50%", "<10%".
        let sign = match self.punct(first.wrapping_sub(1)) {
            Some("~" | "≈") => Some("about"),
            Some(">" | "≥") => Some("more than"),
            Some("<" | "≤") => Some("less than"),
            // "c. 1,000", "ca. 7,000"
            Some(".") if self.is_word(first.wrapping_sub(2), &["c", "ca"]) => Some("about"),
            _ => None,
        };
        sign.or_else(|| self.qualifier_words(first).map(|(name, _)| name))
    }
}
