//! The year a figure refers to, from the year mentions of its sentence: the nearest in its own
//! clause, a year in brackets after it, a year named relative to another, a year or dateline
//! opening the sentence, or the only year of a clause next to it (the nine rules, in order, are
//! listed in docs/figures.md). Everything looked up is indexed once per sentence ([`Dating`]),
//! so dating every figure stays linear.

pub(super) use super::clauses::Dating;
use super::*;

/// How many year mentions on each side of a figure are considered for "the nearest".
const NEAREST: usize = 8;

/// What the year rules know about the other figures of the sentence.
pub(super) struct Others {
    /// The year given to the figure before this one, and where that figure ends.
    pub previous: Option<(usize, Year)>,
}

impl<'a> Sentence<'a> {
    /// The year a figure refers to. See the module docs.
    pub(super) fn year_for(&self, c: &Cand, d: &Dating, others: &Others) -> Year {
        let mentions = &d.mentions;
        if mentions.is_empty() {
            return Year::None;
        }
        let clauses = &d.clauses;
        let last = clauses.len() - 1;
        let clause = clauses[c.num.start];
        let mention_clause = |m: &YearMention| clauses[m.first.min(last)];
        // A change ("a 16 percent decrease from the 95 tons seized in 2017", "up 17% from
        // 2016") is dated by the later year; the year after "from" is its base. So is any
        // year after "than" or "compared with".
        let change = c
            .unit
            .as_deref()
            .is_some_and(|u| matches!(u, "percent" | "fraction" | "times"));
        // "nearly double its 2010 level", "el doble que en 2010": a factor compared with
        // something after it; a year there is the base ("tripled in 2018" is not compared).
        let times_compared = c.unit.as_deref() == Some("times")
            && (self.in_set(c.end, Set::Determiner)
                || self.is_word(
                    c.end,
                    &[
                        "its", "their", "his", "her", "that", "than", "que", "su", "sus", "o", "a",
                    ],
                ));
        let is_base = |m: &YearMention| {
            matches!(m.year, Year::Point(_))
                && m.first >= c.end
                && (times_compared || d.compared_between(c.end, m.first, change))
        };
        let split = mentions.partition_point(|m| m.last <= c.first);
        let near = &mentions[split.saturating_sub(NEAREST)..(split + NEAREST).min(mentions.len())];
        let base_skipped = near.iter().any(is_base);
        // 1. The nearest year in the figure's own clause (a following one wins a tie).
        let in_clause = |m: &&YearMention| {
            !is_base(m)
                && (mention_clause(m) == clause || clauses[(m.last - 1).min(last)] == clause)
        };
        if let Some(m) = self.nearest_in_clause(c, near.iter().filter(in_clause)) {
            return self.level_at_end(c, m, self.since_span(c, m));
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
        //    "… in 2005, and since then police have seized 250 tons": from that year on, also
        //    when "since then" is a clause of its own right before the figure's.
        let clause_before = d.run_start[c.first].checked_sub(1).map(|k| clauses[k]);
        let since = d.since_then[clause]
            || clause_before.is_some_and(|p| {
                d.since_then[p] && d.clause_mentions[p].is_empty() && d.numbers[p] == 0
            });
        if let Some(shift) = d.relative[clause].or(since.then_some(0)) {
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
                return if since {
                    Year::Range(Some(y + shift), None)
                } else {
                    Year::Point(y + shift)
                };
            }
        }
        // 4. A clause that is only a year, right before the figure's: "…; since 2011,
        //    another 90,000 hectares".
        if let Some(k) = d.run_start[c.first].checked_sub(1)
            && let [m] = d.clause_mentions[clauses[k]].as_slice()
            && let Some(m) = mentions.get(*m)
            && (d.run_start[k]..=k).all(|t| {
                (m.first..m.last).contains(&t)
                    || self.punct(t).is_some()
                    || self.in_set(t, Set::YearLead)
            })
        {
            return self.level_at_end(c, m, self.since_span(c, m));
        }
        // 5. A year that opens the sentence covers it (not a duration: "In 2014, … for the
        //    next four years").
        let duration = c.unit.as_deref().is_some_and(is_duration);
        if let Some(m) = d.opening.and_then(|i| mentions.get(i))
            && !d.dateline
            && !duration
        {
            return self.level_at_end(c, m, self.since_span(c, m));
        }
        let near = self.year_nearby(c, d, clause, change, base_skipped, others);
        // 9. Last, a dateline's year: "WASHINGTON, May 16, 2014 – … $556 million".
        match d.opening.and_then(|i| mentions.get(i)) {
            Some(m) if near.is_none() && d.dateline && !duration => m.year,
            _ => near,
        }
    }

    /// The nearest year mention among `candidates` (in the figure's clause), skipping a year
    /// before the figure that closes an earlier phrase when the clause names a later year
    /// ("hire 2,000 agents before 2021 and cut crime 30 percent by 2022").
    fn nearest_in_clause<'m>(
        &self,
        c: &Cand,
        candidates: impl Iterator<Item = &'m YearMention>,
    ) -> Option<&'m YearMention> {
        let (mut before, mut after): (Option<&YearMention>, Option<&YearMention>) = (None, None);
        for m in candidates {
            if m.last <= c.first {
                if before.is_none_or(|b| m.last > b.last) {
                    before = Some(m);
                }
            } else if m.first >= c.end && after.is_none_or(|a| m.first < a.first) {
                after = Some(m);
            }
        }
        let before_taken = before.is_some_and(|m| {
            after.is_some() && (m.last..c.first).any(|k| self.is_word(k, &["and", "y", "e"]))
        });
        let before = before.filter(|_| !before_taken);
        match (before, after) {
            (Some(b), Some(a)) => {
                let db = (c.first - b.last) * 2 + 1;
                let da = (a.first - c.end) * 2;
                Some(if db < da { b } else { a })
            }
            (b, a) => b.or(a),
        }
    }

    /// "…, from 2017 to 2018, to 52,100 hectares", "Entre 2011 y 2018, … se redujo un 18 %, hasta
    /// las 49.900 hectáreas": the level a change reaches is the level of the period's last year.
    fn level_at_end(&self, c: &Cand, m: &YearMention, year: Year) -> Year {
        let Year::Range(Some(a), Some(b)) = year else {
            return year;
        };
        let mut k = c.first.wrapping_sub(1);
        if self.in_set(k, Set::Determiner) || self.is_word(k, &["las", "los", "the"]) {
            k = k.wrapping_sub(1);
        }
        let to = self.is_word(k, &["to", "hasta", "até", "a"]);
        let after_change = self.punct(k.wrapping_sub(1)) == Some(",")
            || self.in_set(k.wrapping_sub(1), Set::ChangeVerb);
        if m.last <= c.first && a < b && to && after_change {
            Year::Point(b)
        } else {
            year
        }
    }

    /// Rules 6–8: a year in a neighbouring clause (docs/figures.md lists all the rules).
    fn year_nearby(
        &self,
        c: &Cand,
        d: &Dating,
        clause: usize,
        change: bool,
        base_skipped: bool,
        others: &Others,
    ) -> Year {
        let mentions = &d.mentions;
        let clauses = &d.clauses;
        // "…in 2020, al pasar de 154.000 a 143.000 hectáreas": the level a change starts from
        // is the year before's, which the sentence does not state.
        let before = c.first.wrapping_sub(1);
        if self.is_word(before, &["from", "de", "desde"])
            && self.is_word(c.end, &["to", "a", "hasta"])
            && self.num_text(c.end + 1).is_some()
        {
            return Year::None;
        }
        // 6. "…, with sales totalling $5.4 billion": the clause before gives the year.
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
        if joins || base_skipped {
            if let Some(previous_clause) = before_clause.map(|k| clauses[k])
                && let [m] = d.clause_mentions[previous_clause].as_slice()
                && let Some(m) = mentions.get(*m)
            {
                return m.year;
            }
            // "…destruyeron 1,500 plantíos, con una superficie de 320.5 hectáreas": the figure
            // before, in the clause before, has the year.
            if let Some((end, year)) = others.previous
                && before_clause.is_some_and(|k| end <= k + 1)
                && !year.is_none()
            {
                return year;
            }
        }
        // 7. "increased by 22 percent, from 101 MT in 2017 to 123 MT in 2018": a change
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
        self.only_year_nearby(c, d, clause)
    }

    /// Rule 8: the sentence's only year, in a clause right before or after the figure's (looking
    /// through an "according to" clause): "…between 2006 and 2008, in contracts worth $4.4
    /// billion", "…fell, to $1.2 billion, by 2014". Not when that clause reports ("officials
    /// said in 2016"), not the base of a comparison ("…, a 6 percent increase from 2016",
    /// "…, up from 1.1 tonnes in 2017"), not a year a later clause gives its own figure ("…,
    /// and Congress appropriated $25 million in 2017"), and not for a duration.
    fn only_year_nearby(&self, c: &Cand, d: &Dating, clause: usize) -> Year {
        let body: Vec<&YearMention> = d
            .mentions
            .iter()
            .enumerate()
            .filter(|(i, _)| !(d.dateline && d.opening == Some(*i)))
            .map(|(_, m)| m)
            .collect();
        let [m] = body.as_slice() else {
            return Year::None;
        };
        let before = m.first.wrapping_sub(1);
        let point = matches!(m.year, Year::Point(_));
        let compares = point && self.is_word(m.first, &["from"])
            || self.is_word(before, &["than", "over", "versus", "vs"])
            || self.is_word(before, &["with", "to"])
                && self.is_word(before.wrapping_sub(1), &["compared"])
            || d.compared_between(c.end.min(m.first), c.first.max(m.last), false);
        if compares {
            return Year::None;
        }
        let at = d.clauses[m.first.min(d.clauses.len() - 1)];
        let next_to = d.near_clauses(clause).contains(&at);
        let duration = c.unit.as_deref().is_some_and(is_duration);
        // A later clause with its own figure keeps its year to itself.
        let later = d.first_word[at].is_some_and(|k| k >= c.end);
        let owned = later && at != clause && d.numbers[at] > 0;
        // "According to a 2014 estimate, …": the year of the source's data, not of a report.
        let attributive = m.last == m.first + 1
            && self.in_set(m.first.wrapping_sub(1), Set::Determiner)
            || self.is_word(m.first.wrapping_sub(1), &["a", "un", "una", "um", "uma"])
                && self.word(m.last).is_some();
        if next_to && !duration && (!d.reporting[at] || attributive) && !owned {
            self.level_at_end(c, m, m.year)
        } else {
            Year::None
        }
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
