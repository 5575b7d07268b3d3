//! The year a figure refers to: clauses, year mentions near the figure, relative years.
//! Everything a figure looks up is computed once per sentence ([`Dating`]), so dating every
//! figure of a long sentence stays linear.

use super::*;
use crate::figures::lexicon::Meaning;

/// How many year mentions on each side of a figure are considered for "the nearest".
const NEAREST: usize = 8;

/// A sentence's clauses and year mentions, indexed for dating figures.
pub(super) struct Dating {
    pub mentions: Vec<YearMention>,
    /// Clause number of each token (commas, semicolons, colons, brackets and dashes split).
    pub clauses: Vec<usize>,
    /// The first token of the run of tokens of one clause each token is in.
    run_start: Vec<usize>,
    /// Per clause: its mentions (indices), whether it reports ("officials said"), the first
    /// token that is not punctuation, the clauses next to it, and a year named relative to
    /// another ("the following year": +1).
    clause_mentions: Vec<Vec<usize>>,
    reporting: Vec<bool>,
    first_word: Vec<Option<usize>>,
    neighbours: Vec<Vec<usize>>,
    relative: Vec<Option<i32>>,
    /// How many comparison words ("from", "over", "than") come before each token.
    comparisons: Vec<u32>,
    /// The mention that opens the sentence ("In 2014, …", "WASHINGTON, May 16, 2014 – …").
    opening: Option<usize>,
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
            comparisons: Vec::with_capacity(n + 1),
            opening: None,
            respectively,
            mentions,
            clauses,
        };
        let mut compared = 0;
        for k in 0..n {
            let c = d.clauses[k];
            let start = if k > 0 && d.clauses[k - 1] == c {
                d.run_start[k - 1]
            } else {
                k
            };
            d.run_start.push(start);
            d.comparisons.push(compared);
            if self.is_word(
                k,
                &[
                    "from", "over", "compared", "versus", "vs", "than", "frente", "respecto",
                ],
            ) {
                compared += 1;
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
        }
        d.comparisons.push(compared);
        for (m_i, m) in d.mentions.iter().enumerate() {
            d.clause_mentions[d.clauses[m.first.min(n - 1)]].push(m_i);
        }
        d.opening = self.opening_year(&d.mentions);
        d
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
    fn opening_year(&self, mentions: &[YearMention]) -> Option<usize> {
        let m = mentions.first()?;
        let opener = self.in_set(0, Set::SentenceOpener);
        let lead_only = (0..m.first).all(|k| {
            self.e(k)
                .is_some_and(|e| e.is(Set::YearLead) || e.month.is_some())
                || self.num_text(k).is_some_and(|s| s.len() <= 2)
                || self.punct(k).is_some()
        });
        if (opener || m.first == 0) && lead_only {
            return Some(0);
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
        (place && date && after && self.month_between(comma, m.first)).then_some(0)
    }

    fn month_between(&self, a: usize, b: usize) -> bool {
        (a..b).any(|k| self.month(k).is_some())
    }

    /// The year a figure refers to. See the module docs of `years`.
    pub(super) fn year_for(&self, c: &Cand, d: &Dating) -> Year {
        let mentions = &d.mentions;
        if mentions.is_empty() {
            return Year::None;
        }
        let clauses = &d.clauses;
        let last = clauses.len() - 1;
        let clause = clauses[c.num.start];
        let mention_clause = |m: &YearMention| clauses[m.first.min(last)];
        // A change ("a 16 percent decrease from the 95 tons seized in 2017", "up 17% from
        // 2016") is dated by the later year; the year after "from" is its base.
        let change = c
            .unit
            .as_deref()
            .is_some_and(|u| matches!(u, "percent" | "fraction" | "times"));
        let is_base = |m: &YearMention| {
            change
                && matches!(m.year, Year::Point(_))
                && m.first >= c.end
                && d.comparisons[(m.first + 1).min(last + 1)] > d.comparisons[c.end.min(last + 1)]
        };
        // 1. The nearest year in the figure's own clause (a following one wins a tie).
        let split = mentions.partition_point(|m| m.last <= c.first);
        let lo = split.saturating_sub(NEAREST);
        let hi = (split + NEAREST).min(mentions.len());
        let near = mentions[lo..hi].iter();
        let base_skipped = near.clone().any(&is_base);
        let best = near
            .filter(|m| !is_base(m))
            .filter(|m| mention_clause(m) == clause || clauses[(m.last - 1).min(last)] == clause)
            .map(|m| {
                let dist = if m.last <= c.first {
                    (c.first - m.last) * 2 + 1
                } else {
                    m.first.saturating_sub(c.end) * 2
                };
                (dist, m)
            })
            .min_by_key(|(d, _)| *d);
        if let Some((_, m)) = best {
            return self.since_span(c, m);
        }
        // 2. A year in brackets right after the figure: "24.3 per 100,000 (2018)".
        if self.punct(c.end) == Some("(")
            && let Some(m) = mentions[split..]
                .iter()
                .find(|m| m.first == c.end + 1 && self.punct(m.last) == Some(")"))
        {
            return m.year;
        }
        // 3. "In 2011 there were 1,345 deaths; the following year, 1,100": a year named
        //    relative to the sentence's only other year.
        if let Some(shift) = d.relative[clause] {
            let others: Vec<i32> = mentions
                .iter()
                .filter(|m| mention_clause(m) != clause)
                .filter_map(|m| match m.year {
                    Year::Point(y) => Some(y),
                    _ => None,
                })
                .take(2)
                .collect();
            if let [y] = others.as_slice() {
                return Year::Point(y + shift);
            }
        }
        // 4. A year that opens the sentence covers it.
        if let Some(m) = d.opening.and_then(|i| mentions.get(i)) {
            return self.since_span(c, m);
        }
        self.year_nearby(c, d, clause, change, base_skipped)
    }

    /// Rules 5–7: a year in a neighbouring clause.
    fn year_nearby(
        &self,
        c: &Cand,
        d: &Dating,
        clause: usize,
        change: bool,
        base_skipped: bool,
    ) -> Year {
        let mentions = &d.mentions;
        let clauses = &d.clauses;
        // 5. "…, with sales totalling $5.4 billion": the clause before gives the year.
        let before_clause = d.run_start[c.first].checked_sub(1);
        let mut first_of_clause = before_clause.map_or(0, |k| k + 1);
        while self.punct(first_of_clause).is_some() && first_of_clause < c.first {
            first_of_clause += 1;
        }
        // Also "…, exceeding its goal of 25,000 hectares": a participle continues the clause before.
        let participle = self.word(first_of_clause).is_some_and(|w| {
            w.len() > 4 && w.ends_with("ing") && w.chars().all(|c| c.is_lowercase())
        });
        let joins = participle
            || self.is_word(
                first_of_clause,
                &[
                    "with",
                    "totalling",
                    "totaling",
                    "worth",
                    "amounting",
                    "valued",
                    "con",
                    "por",
                ],
            );
        if (joins || base_skipped)
            && let Some(previous_clause) = before_clause.map(|k| clauses[k])
            && let [m] = d.clause_mentions[previous_clause].as_slice()
            && let Some(m) = mentions.get(*m)
        {
            return m.year;
        }
        // 6. "increased by 22 percent, from 101 MT in 2017 to 123 MT in 2018": a change
        //    spans the years of the "from … to …" clause beside it.
        if change {
            for &at in &d.neighbours[clause] {
                let opens_from =
                    d.first_word[at].is_some_and(|k| self.is_word(k, &["from", "de", "desde"]));
                let years: Vec<i32> = d.clause_mentions[at]
                    .iter()
                    .filter_map(|&m| match mentions.get(m)?.year {
                        Year::Point(y) => Some(y),
                        _ => None,
                    })
                    .collect();
                if opens_from
                    && let [a, b] = years.as_slice()
                    && a < b
                {
                    return Year::Range(Some(*a), Some(*b));
                }
            }
        }
        // 7. The sentence's only year, in the clause right before or after the figure's:
        //    "…between 2006 and 2008, in contracts worth $4.4 billion", "…fell, to $1.2 billion,
        //    by 2014". Not when that clause reports ("officials said in 2016"), not the base of
        //    a comparison ("…, a 6 percent increase from 2016"), and not for a duration
        //    ("lasted over two centuries").
        let compares = |m: &YearMention| {
            let before = m.first.wrapping_sub(1);
            self.is_word(m.first, &["from"])
                || self.is_word(before, &["than", "over", "versus", "vs"])
                || self.is_word(before, &["with", "to"])
                    && self.is_word(before.wrapping_sub(1), &["compared"])
        };
        if let [m] = mentions.as_slice()
            && !compares(m)
        {
            let at = clauses[m.first.min(clauses.len() - 1)];
            let next_to = d.neighbours[clause].contains(&at);
            let duration = c.unit.as_deref().is_some_and(is_duration);
            if next_to && !duration && !d.reporting[at] {
                return m.year;
            }
        }
        Year::None
    }

    /// "Since 2011, … dropped from 305 to 290 tons": the level a change starts from is the
    /// level of the year it runs from; where it ends has no stated year.
    fn since_span(&self, c: &Cand, m: &YearMention) -> Year {
        let Year::Range(Some(y), None) = m.year else {
            return m.year;
        };
        if m.last > c.first {
            return m.year;
        }
        let before = c.first.wrapping_sub(1);
        if self.is_word(before, &["from", "de", "desde"])
            && self.in_set(before.wrapping_sub(1), Set::ChangeVerb)
        {
            return Year::Point(y);
        }
        if self.is_word(before, &["to", "a"])
            && (m.last..before).any(|k| self.is_word(k, &["from"]))
        {
            return Year::None;
        }
        m.year
    }
}

/// "20 and 25 tons in 2016 and 2017, respectively": as many figures as years, paired in order.
pub(super) fn pair_respectively(raws: &mut [Raw], mentions: &[YearMention]) {
    let years: Vec<Year> = mentions
        .iter()
        .filter(|m| matches!(m.year, Year::Point(_)))
        .map(|m| m.year)
        .collect();
    if years.len() >= 2 && years.len() == raws.len() {
        for (raw, year) in raws.iter_mut().zip(years) {
            raw.year = year;
        }
    }
}
