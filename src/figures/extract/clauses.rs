//! A sentence's clauses and year mentions, indexed once so that dating each figure is quick:
//! clause numbers, the mentions of each clause, the clauses next to each, relative years,
//! comparison words and the year that opens the sentence.

use super::*;
use crate::figures::lexicon::Meaning;

/// A sentence's clauses and year mentions, indexed for dating figures.
pub(super) struct Dating {
    pub mentions: Vec<YearMention>,
    /// Clause number of each token (commas, semicolons, colons, brackets and dashes split).
    pub clauses: Vec<usize>,
    /// The first token of the run of tokens of one clause each token is in.
    pub run_start: Vec<usize>,
    /// Per clause: its mentions (indices), whether it reports ("officials said"), the first
    /// token that is not punctuation, the clauses next to it, and a year named relative to
    /// another ("the following year": +1).
    pub clause_mentions: Vec<Vec<usize>>,
    pub reporting: Vec<bool>,
    pub first_word: Vec<Option<usize>>,
    pub neighbours: Vec<Vec<usize>>,
    pub relative: Vec<Option<i32>>,
    /// The clause says "since then" ("desde entonces"): from the year named before on.
    pub since_then: Vec<bool>,
    /// How many numbers that are not years each clause holds.
    pub numbers: Vec<u32>,
    /// How many comparison words ("than", "compared", "up from", "más que") come before each
    /// token; and the same counting "from" and "over", which make a change's base.
    comparisons: Vec<u32>,
    change_comparisons: Vec<u32>,
    /// The mention that opens the sentence ("In 2014, …", "WASHINGTON, May 16, 2014 – …").
    pub opening: Option<usize>,
    /// The opening mention is a dateline's date, which only dates figures nothing else dates.
    pub dateline: bool,
    pub respectively: bool,
}

impl<'a> Sentence<'a> {
    pub(super) fn dating(&self, is_year: &[bool]) -> Dating {
        let n = self.toks.len();
        let respectively = (0..n).any(|k| self.is_word(k, &["respectively", "respectivamente"]));
        let mentions = years::mentions(self.toks, self.text, is_year, self.lang, respectively);
        let clauses = self.clauses();
        let count = clauses.iter().max().map_or(1, |m| m + 1);
        let mut d = Dating {
            run_start: Vec::with_capacity(n),
            clause_mentions: vec![Vec::new(); count],
            reporting: vec![false; count],
            first_word: vec![None; count],
            neighbours: vec![Vec::new(); count],
            relative: vec![None; count],
            since_then: vec![false; count],
            numbers: vec![0; count],
            comparisons: Vec::with_capacity(n + 1),
            change_comparisons: Vec::with_capacity(n + 1),
            opening: None,
            dateline: false,
            respectively,
            mentions,
            clauses,
        };
        let (mut compared, mut changed) = (0, 0);
        for (k, &year) in is_year.iter().enumerate().take(n) {
            let c = d.clauses[k];
            let start = if k > 0 && d.clauses[k - 1] == c {
                d.run_start[k - 1]
            } else {
                k
            };
            d.run_start.push(start);
            d.comparisons.push(compared);
            d.change_comparisons.push(changed);
            let strict = self.compares_at(k);
            compared += u32::from(strict);
            changed += u32::from(strict || self.in_set(k, Set::ChangeBase));
            if self.num_text(k).is_some() && !year {
                d.numbers[c] += 1;
            }
            if self.in_set(k, Set::ReportingVerb) {
                d.reporting[c] = true;
            }
            if d.first_word[c].is_none() && self.punct(k).is_none() {
                d.first_word[c] = Some(k);
            }
            if k > 0 && d.clauses[k - 1] != c {
                let p = d.clauses[k - 1];
                if !d.neighbours[c].contains(&p) {
                    d.neighbours[c].push(p);
                }
                if !d.neighbours[p].contains(&c) {
                    d.neighbours[p].push(c);
                }
            }
            if d.relative[c].is_none() {
                d.relative[c] = self.relative_year_at(k);
            }
            if self
                .phrase_at(k, |m| matches!(m, Meaning::SinceThen).then_some(()))
                .is_some()
            {
                d.since_then[c] = true;
            }
        }
        d.comparisons.push(compared);
        d.change_comparisons.push(changed);
        let opening = self.opening_year(&d.mentions);
        d.opening = opening.map(|(i, _)| i);
        d.dateline = opening.is_some_and(|(_, dateline)| dateline);
        for (m_i, m) in d.mentions.iter().enumerate() {
            if !(d.dateline && d.opening == Some(m_i)) {
                d.clause_mentions[d.clauses[m.first.min(n - 1)]].push(m_i);
            }
        }
        d
    }

    /// Is token `k` a word that makes what follows the base of a comparison: "than",
    /// "compared", "versus", "up from", "más que", "frente a", "em relação a"?
    fn compares_at(&self, k: usize) -> bool {
        self.in_set(k, Set::BaseWord)
            || self.is_word(k, &["que"])
                && self.is_word(k.wrapping_sub(1), &["más", "menos", "mais"])
            || self.in_set(k.wrapping_sub(1), Set::ChangeVerb)
                && self.is_word(k, &["from", "desde"])
    }

    /// Clause number of each token: commas, semicolons, colons, brackets and dashes split.
    pub(super) fn clauses(&self) -> Vec<usize> {
        let mut id = 0;
        let mut fresh = 0;
        // The clause a bracket interrupts goes on after it: "seized 210 tons (MT) in 2021".
        let mut open: Vec<usize> = Vec::new();
        let mut out = Vec::with_capacity(self.toks.len());
        for (k, t) in self.toks.iter().enumerate() {
            if t.kind != TokKind::Punct {
                out.push(id);
                continue;
            }
            let p = t.text(self.text);
            if matches!(p, "(" | "[") {
                open.push(id);
                fresh += 1;
                id = fresh;
                out.push(id);
                continue;
            }
            if matches!(p, ")" | "]")
                && let Some(outer) = open.pop()
            {
                out.push(id);
                id = outer;
                continue;
            }
            // An em dash always sets off a clause; an en dash only with a space beside it
            // ("0–1 grams" is a range, "the drugs – 2 tons – were" an aside).
            let spaced_dash = p == "—"
                || (p == "–"
                    && (t.space_before || self.tok(k + 1).is_some_and(|n| n.space_before)))
                || (p == "-"
                    && t.space_before
                    && self
                        .tok(k + 1)
                        .is_some_and(|n| n.space_before || self.is_dash(k + 1)));
            if matches!(p, "," | ";" | ":" | ")" | "]") || spaced_dash {
                fresh += 1;
                id = fresh;
            }
            out.push(id);
        }
        out
    }

    /// A year named relative to another at token `k` ("the following year": +1, "a year
    /// earlier": -1, "that same year": 0, "el año siguiente": +1). "Up 5% over the previous
    /// year" names the base of a change, not the figure's year.
    fn relative_year_at(&self, k: usize) -> Option<i32> {
        let (shift, _) = self.phrase_at(k, |m| match m {
            Meaning::RelativeYear(s) => Some(*s),
            _ => None,
        })?;
        let base = shift < 0 && self.in_set(k.wrapping_sub(1), Set::ComparisonWord);
        (!base).then_some(shift)
    }

    /// The year that opens the sentence and so covers it: "In 2014, …", "In August 2002, …",
    /// or a dateline "WASHINGTON, May 16, 2014 – …".
    fn opening_year(&self, mentions: &[YearMention]) -> Option<(usize, bool)> {
        let m = mentions.first()?;
        let opener = self.in_set(0, Set::SentenceOpener);
        let lead_only = (0..m.first).all(|k| {
            self.e(k)
                .is_some_and(|e| e.is(Set::YearLead) || e.month.is_some())
                || self.num_text(k).is_some_and(|s| s.len() <= 2)
                || self.punct(k).is_some()
        });
        if (opener || m.first == 0) && lead_only {
            return Some((0, false));
        }
        // A dateline: capitalised place words, a comma, a date, then a dash or a bracket.
        let comma = (0..m.first).find(|&k| self.punct(k) == Some(","))?;
        let place = comma > 0
            && comma <= 4
            && (0..comma).all(|k| {
                self.word(k)
                    .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
                    || self.punct(k) == Some(".")
            });
        let date = (comma + 1..m.first).all(|k| {
            self.month(k).is_some()
                || self.in_set(k, Set::Of)
                || self.num_text(k).is_some_and(|s| s.len() <= 2)
                || self.punct(k).is_some()
        });
        let after = self.is_dash(m.last) || matches!(self.punct(m.last), Some("(" | "." | ":"));
        (place && date && after && self.month_between(comma, m.last)).then_some((0, true))
    }

    fn month_between(&self, a: usize, b: usize) -> bool {
        (a..b).any(|k| self.month(k).is_some())
    }
}

impl Dating {
    /// Are there comparison words between tokens `a` and `b` (inclusive, either order)? With
    /// `change`, "from" and "over" count too ("a 16 percent decrease from 2017").
    pub fn compared_between(&self, a: usize, b: usize, change: bool) -> bool {
        let (lo, hi) = (a.min(b), a.max(b));
        let counts = if change {
            &self.change_comparisons
        } else {
            &self.comparisons
        };
        let last = counts.len() - 1;
        counts[(hi + 1).min(last)] > counts[lo.min(last)]
    }

    /// The clauses next to `clause`, looking through a reporting clause between ("…, according
    /// to the survey, …").
    pub fn near_clauses(&self, clause: usize) -> Vec<usize> {
        let mut out = self.neighbours[clause].clone();
        for &n in &self.neighbours[clause] {
            if self.reporting[n] {
                out.extend(self.neighbours[n].iter().filter(|&&x| x != clause));
            }
        }
        out
    }
}
