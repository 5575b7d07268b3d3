//! Figures read together: ranges and lists share a unit, estimates merge, compared numbers
//! take the unit of what they are compared with, and a number whose noun is left out takes
//! the noun of the count before it.

use super::*;

/// How many earlier figures a bare number looks back at for the unit it is compared with.
const COMPARE_LOOKBACK: usize = 8;

impl<'a> Sentence<'a> {
    /// "to", "and", "or", "y", "a", "hasta": a word joining the two ends of a range or a list.
    fn joins_range(&self, k: usize) -> bool {
        self.in_set(k, Set::YearRangeJoin) && !self.is_word(k, &["al"])
            || self.is_word(k, &["or", "o", "ou", "through"])
    }

    /// Ranges and lists share a unit: "$12 to 15 billion", "15 and 4 percent", "10-15%",
    /// "four or five years", "entre 10 y 15 toneladas". Works right to left so a unit spreads
    /// along a list.
    pub(super) fn link_ranges(&self, cands: &mut [Cand]) {
        for k in (0..cands.len().saturating_sub(1)).rev() {
            let (left, right) = cands.split_at_mut(k + 1);
            let (a, b) = (&mut left[k], &mut right[0]);
            let linked = match b.first.checked_sub(a.end) {
                Some(1) => {
                    let g = a.end;
                    self.joins_range(g) || self.is_dash(g) || self.punct(g) == Some(",")
                }
                Some(2) => {
                    let (g, h) = (a.end, a.end + 1);
                    self.punct(g) == Some(",")
                        && self.is_word(h, &["and", "or", "y", "o", "e", "ou"])
                }
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
                || !self.is_word(a.end, &["or", "o", "ou"])
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

    /// Is the figure at tokens `first..end` dated by a year right after it ("… in 2017")?
    fn dated(&self, end: usize) -> bool {
        (self.is_word(end, &["in", "during", "for", "by", "en", "em", "durante"])
            && self
                .tok(end + 1)
                .is_some_and(|t| years::year_value(t, self.text).is_some()))
            || self.is_word(end, &["in", "en", "em"])
                && self.in_set(end + 1, Set::Determiner)
                && self
                    .tok(end + 2)
                    .is_some_and(|t| years::year_value(t, self.text).is_some())
    }

    /// Is the bare number at token `at` compared with an earlier figure ("up from 1,100",
    /// "compared with 2.1", "than the 9,000")?
    fn compared_at(&self, at: usize, right_after: bool) -> bool {
        let before = at.wrapping_sub(1);
        self.is_word(before, &["than", "versus", "vs"])
            || right_after && self.is_word(before, &["from"])
            || self.is_word(before, &["from"])
                && self.in_set(before.wrapping_sub(1), Set::ChangeVerb)
            || self.is_word(before, &["with", "to", "con", "a"])
                && self.in_set(before.wrapping_sub(1), Set::ComparedWith)
            || self.is_word(before, &["the"])
                && self.is_word(before.wrapping_sub(1), &["than", "from"])
    }

    /// A bare number compared with a figure before it takes that figure's unit: "arrested
    /// 1,356 people, up from 1,100", "$3.2 million, compared with 2.1 million", "more
    /// hectares than the 9,000 of 2016", "from 13,000 ha in 1985, to 80,000 ha in 1998, to
    /// 99,000 in 2007".
    pub(super) fn link_comparisons(&self, cands: &mut [Cand]) {
        for k in 1..cands.len() {
            let (left, right) = cands.split_at_mut(k);
            let b = &mut right[0];
            if b.has_unit() || b.words {
                continue;
            }
            // "a menos de 7.000": the words before a qualifier link the number.
            let at = self.qualifier_start(b.first);
            let before = at.wrapping_sub(1);
            let right_after = left.last().is_some_and(|a| a.end + 1 == at && a.has_unit());
            let compared = self.compared_at(at, right_after);
            let list_word = self.is_word(before, &["and", "or", "y", "o", "e", "ou"])
                || self.punct(before) == Some(",");
            let to = self.is_word(before, &["to"])
                || self.lang.code != "en" && self.is_word(before, &["a", "hasta", "até"]);
            // A word after a comma or a list word may lead a parallel item (see `same_lead`).
            let lead_word = self.word(before).is_some()
                && (self.punct(before.wrapping_sub(1)) == Some(",")
                    || self.is_word(before.wrapping_sub(1), &["and", "y", "e"]));
            if !(compared || list_word || to || lead_word) {
                continue;
            }
            // "98 airstrips, a 40 percent increase from 70": a change is not what is
            // compared; the figure before it is.
            let is_change = |a: &Cand| {
                a.unit
                    .as_deref()
                    .is_some_and(|u| matches!(u, "percent" | "times"))
                    && (self.in_set(a.end, Set::ChangeNoun)
                        || self.is_word(a.first.wrapping_sub(1), &["up", "down", "by"]))
            };
            let Some(a) = left
                .iter()
                .rev()
                .take(COMPARE_LOOKBACK)
                .filter(|a| a.has_unit() && !a.dropped)
                .find(|a| !is_change(a))
            else {
                continue;
            };
            // "25,000 hectares in 2017, 23,000 in 2018 and 25,500 in 2019": parallel figures
            // for different years share a unit.
            let a_dated = self.dated(a.end)
                || (a.end..(a.end + 5).min(b.first)).any(|k| {
                    self.tok(k)
                        .is_some_and(|t| years::year_value(t, self.text).is_some())
                });
            // "de 23.100 hectáreas en 2016, de 24.500 en 2017"; "Nariño, con 28.415
            // hectáreas; Norte de Santander, con 19.870": the same word leads both numbers
            // after a comma or a list word, as parallel items do.
            let lead_a = self.qualifier_start(a.first).wrapping_sub(1);
            let item_start = |k: usize| {
                self.punct(k.wrapping_sub(1)) == Some(",")
                    || self.is_word(k.wrapping_sub(1), &["and", "y", "e"])
            };
            let same_lead = lead_word
                && lead_a < before
                && self
                    .word(before)
                    .is_some_and(|w| self.word(lead_a).is_some_and(|l| l.eq_ignore_ascii_case(w)));
            let parallel = (list_word || same_lead) && self.dated(b.end) && a_dated
                || same_lead && item_start(lead_a);
            // "1,500 plantíos de amapola y 820 de marihuana", "12 tons of cocaine and 3 of
            // heroin": the second number leaves out the noun of the first.
            let elided = list_word
                && self.in_set(b.end, Set::Of)
                && self.in_set(a.end, Set::Of)
                && b.end + 1 < self.toks.len();
            // "from 400 tons in 2016 to 350 in 2017"; "… to 80,000 ha in 1998, to 99,000"
            let from_to =
                to && self.is_word(lead_a, &["from", "to", "de", "desde", "a", "hasta", "até"]);
            if !(compared || parallel || from_to || elided) || a.unit.as_deref() == Some("fraction")
            {
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

    /// A bare number that stands for the noun of a count before it: "Of the 35 helicopters
    /// ordered, 24 were delivered", "The army has 16 Mi-17s; 11 are operational", "bought 40
    /// vehicles. Only 22 were in service", "de los 35 helicópteros, 24 fueron entregados". The
    /// number is the subject of a verb (or "of them") and the count is earlier in the sentence
    /// or, failing that, `carried`: the last count of the sentence before.
    pub(super) fn link_elided(&self, cands: &mut [Cand], carried: Option<&str>) {
        for k in 0..cands.len() {
            let (left, right) = cands.split_at_mut(k);
            let b = &mut right[0];
            if b.has_unit() || b.words || b.dropped || b.scale.is_some() {
                continue;
            }
            let of_them = self.in_set(b.end, Set::Of)
                && self.is_word(b.end + 1, &["them", "ellos", "ellas", "eles", "elas"]);
            if !(self.in_set(b.end, Set::ElidedVerb) || of_them) {
                continue;
            }
            let countable =
                |u: &str| is_count(u) && !u.contains(' ') && !u.contains('/') && u != "times";
            let noun = left
                .iter()
                .rev()
                .filter(|a| !a.dropped && a.currency.is_none())
                .find_map(|a| a.unit.as_deref().filter(|u| countable(u)))
                .or(carried.filter(|u| countable(u)));
            if let Some(noun) = noun {
                b.unit = Some(noun.to_owned());
            }
        }
    }
}
