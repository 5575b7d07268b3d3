//! Years proposed for figures whose sentence states none (`year_inferred`): "last year" and
//! "this year" count from the article's date, "that year" and "the following year" from the
//! year the sentences before named last, and a month or weekday without a year is in the
//! article's year. The proposal is shown to the analyst; `year` stays what the sentence says.

use super::*;
use crate::figures::lexicon::Meaning;

/// What a sentence says about time without naming a year.
#[derive(Default)]
pub(super) struct TimeWords {
    /// "last year" (-1), "this year" (0), "el año pasado" (-1): relative to the article's date.
    dated: Option<i32>,
    /// "that year" (0), "the following year" (+1): relative to a year named before.
    relative: Option<i32>,
    /// A month or weekday named without a year ("in March", "on Tuesday").
    month: Option<u32>,
}

impl<'a> Sentence<'a> {
    /// The time words of the sentence (one pass over its tokens).
    pub(super) fn time_words(&self, d: &Dating) -> TimeWords {
        let mut t = TimeWords::default();
        for k in 0..self.toks.len() {
            if self.word(k).is_none() {
                continue;
            }
            if t.dated.is_none()
                && let Some((shift, _)) = self.phrase_at(k, |m| match m {
                    Meaning::DatedYear(s) => Some(*s),
                    _ => None,
                })
            {
                t.dated = Some(shift);
            }
            if t.relative.is_none() {
                t.relative = self
                    .phrase_at(k, |m| match m {
                        Meaning::RelativeYear(s) => Some(*s),
                        _ => None,
                    })
                    .map(|(s, _)| s);
            }
            if t.month.is_none()
                && let Some(m) = self.month(k)
                && !d.mentions.iter().any(|y| y.first <= k && k < y.last)
                && self.word(k).is_some_and(|w| {
                    w.chars().next().is_some_and(char::is_uppercase) || self.lang.code != "en"
                })
            {
                t.month = Some(m);
            }
        }
        t
    }

    /// The year proposed for a figure without one, or `Year::None`.
    pub(super) fn inferred_year(
        &self,
        unit: &str,
        t: &TimeWords,
        d: &Dating,
        previous: Option<i32>,
    ) -> Year {
        if is_duration(unit) {
            return Year::None;
        }
        let date = self.ctx.date;
        if let (Some(shift), Some((y, _))) = (t.dated, date) {
            return Year::Point(y + shift);
        }
        if let (Some(shift), Some(y), true) = (t.relative, previous, d.mentions.is_empty()) {
            return Year::Point(y + shift);
        }
        if let (Some(m), Some((y, month))) = (t.month, date)
            && d.mentions.is_empty()
        {
            // "in December" in an article of March is last December.
            let later = month.is_some_and(|am| m > am);
            return Year::Point(if later { y - 1 } else { y });
        }
        Year::None
    }
}

/// The last year a sentence names, to date "that year" in the sentences after it.
pub(super) fn last_named(d: &Dating) -> Option<i32> {
    last_named_in(&d.mentions)
}

/// The last year among `mentions`.
pub(super) fn last_named_in(mentions: &[YearMention]) -> Option<i32> {
    mentions.iter().rev().find_map(|m| match m.year {
        Year::Point(y) => Some(y),
        Year::Range(_, Some(b)) => Some(b),
        Year::Range(Some(a), None) => Some(a),
        _ => None,
    })
}
