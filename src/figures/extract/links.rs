//! Figures read together: ranges and lists share a unit, estimates merge, compared numbers
//! take the unit of what they are compared with.

use super::*;

impl<'a> Sentence<'a> {
    /// Ranges and lists share a unit: "$12 to 15 billion", "15 and 4 percent", "10-15%",
    /// "four or five years". Works right to left so a unit spreads along a list.
    pub(super) fn link_ranges(&self, cands: &mut [Cand]) {
        for k in (0..cands.len().saturating_sub(1)).rev() {
            let (left, right) = cands.split_at_mut(k + 1);
            let (a, b) = (&mut left[k], &mut right[0]);
            let gap: Vec<usize> = (a.end..b.first).collect();
            let linked = match gap.as_slice() {
                [g] => {
                    self.is_word(*g, &["to", "and", "or", "through"])
                        || self.is_dash(*g)
                        || self.punct(*g) == Some(",")
                }
                [g, h] => self.punct(*g) == Some(",") && self.is_word(*h, &["and", "or"]),
                _ => false,
            };
            if !linked {
                continue;
            }
            if !a.has_unit() && b.has_unit() {
                a.unit = b.unit.clone();
                a.currency = b.currency.clone();
                if a.scale.is_none()
                    && let Some(f) = b.scale
                {
                    a.value *= f;
                    a.scale = Some(f);
                }
            } else if a.currency.is_some()
                && a.currency == b.currency
                && a.unit.is_none()
                && b.unit.is_some()
            {
                a.unit = b.unit.clone(); // "from COP 2,800 to COP 2,300 per kilogram"
            } else if a.currency.is_some()
                && (b.currency.is_none() || b.currency == a.currency)
                && b.unit.is_none()
            {
                b.currency = a.currency.clone();
                if a.scale.is_none() && b.scale.is_some() {
                    a.value *= b.scale.unwrap_or(1.0);
                    a.scale = b.scale;
                }
            }
        }
    }

    /// "four or five years", "2 or 3 times": a guess between neighbouring whole numbers is
    /// one figure, the lower number, qualified "about" (a range "from 4 to 5" stays two).
    pub(super) fn merge_estimates(&self, cands: &mut [Cand]) {
        for k in 0..cands.len().saturating_sub(1) {
            let (left, right) = cands.split_at_mut(k + 1);
            let (a, b) = (&mut left[k], &mut right[0]);
            let whole = |c: &Cand| c.value.fract() == 0.0 && c.scale.is_none() && !c.separators;
            if a.dropped
                || b.dropped
                || b.first != a.end + 1
                || !self.is_word(a.end, &["or"])
                || !whole(a)
                || !whole(b)
                || b.value != a.value + 1.0
                || a.value < 1.0
                || a.has_unit() && b.has_unit()
            {
                continue;
            }
            if !a.has_unit() {
                a.unit = b.unit.clone();
                a.currency = b.currency.clone();
            }
            a.end = b.end;
            a.qualifier = a.qualifier.or(Some("about"));
            b.dropped = true;
        }
    }

    /// A bare number compared with a figure before it takes that figure's unit: "arrested
    /// 1,356 people, up from 1,100", "$3.2 million, compared with 2.1 million", "more
    /// hectares than the 9,000 of 2016".
    pub(super) fn link_comparisons(&self, cands: &mut [Cand]) {
        for k in 1..cands.len() {
            let (left, right) = cands.split_at_mut(k);
            let b = &mut right[0];
            if b.has_unit() || b.words {
                continue;
            }
            let at = b.first;
            // "rose to 12 percent from 10"
            let right_after = left.last().is_some_and(|a| a.end + 1 == at && a.has_unit());
            let compared = self.is_word(at.wrapping_sub(1), &["than", "versus", "vs"])
                || right_after && self.is_word(at.wrapping_sub(1), &["from"])
                || self.is_word(at.wrapping_sub(1), &["from"])
                    && self.is_word(
                        at.wrapping_sub(2),
                        &[
                            "up", "down", "rising", "falling", "rose", "fell", "increase",
                            "decrease", "drop", "rise", "jump",
                        ],
                    )
                || self.is_word(at.wrapping_sub(1), &["with", "to"])
                    && self.is_word(at.wrapping_sub(2), &["compared", "comparison"])
                || self.is_word(at.wrapping_sub(1), &["the"])
                    && self.is_word(at.wrapping_sub(2), &["than", "from"]);
            // "98 airstrips, a 40 percent increase from 70": a change is not what is
            // compared; the figure before it is.
            let is_change = |a: &Cand| {
                a.unit
                    .as_deref()
                    .is_some_and(|u| matches!(u, "percent" | "times"))
                    && (self.is_word(a.end, CHANGE_NOUNS)
                        || self.is_word(a.first.wrapping_sub(1), &["up", "down", "by"]))
            };
            let Some(a) = left
                .iter()
                .rev()
                .filter(|a| a.has_unit() && !a.dropped)
                .find(|a| !is_change(a))
            else {
                continue;
            };
            // "25,000 hectares in 2017, 23,000 in 2018 and 25,500 in 2019": parallel figures
            // for different years share a unit.
            let dated = |end: usize| {
                self.is_word(end, &["in", "during", "for", "by"])
                    && self
                        .tok(end + 1)
                        .is_some_and(|t| years::year_value(t, self.text).is_some())
            };
            let parallel = (self.is_word(at.wrapping_sub(1), &["and", "or"])
                || self.punct(at.wrapping_sub(1)) == Some(","))
                && dated(b.end)
                && dated(a.end);
            // "from 400 tons in 2016 to 350 in 2017"
            let from_to = self.is_word(at.wrapping_sub(1), &["to"])
                && self.is_word(a.first.wrapping_sub(1), &["from"]);
            if !(compared || parallel || from_to) || a.unit.as_deref() == Some("fraction") {
                continue;
            }
            b.unit = a.unit.clone();
            b.currency = a.currency.clone();
            // "$3.2 million, up from 2.1": the scale carries over to a small bare number.
            if b.scale.is_none()
                && let Some(f) = a.scale
                && b.value < 1000.0
            {
                b.value *= f;
                b.scale = Some(f);
            }
        }
    }
}

/// Nouns that make a percent a change: "a 40 percent increase".
pub(super) const CHANGE_NOUNS: &[&str] = &[
    "increase",
    "decrease",
    "rise",
    "drop",
    "jump",
    "fall",
    "decline",
    "reduction",
    "growth",
    "gain",
    "cut",
];
