//! The year a figure refers to: clauses, year mentions near the figure, relative years.

use super::*;

impl<'a> Sentence<'a> {
    /// Does the sentence say "respectively"?
    pub(super) fn respectively(&self) -> bool {
        (0..self.toks.len()).any(|k| self.is_word(k, &["respectively"]))
    }

    /// Clause number of each token: commas, semicolons, colons, brackets and dashes split.
    pub(super) fn clauses(&self) -> Vec<usize> {
        let mut id = 0;
        let mut fresh = 0;
        // The clause a bracket interrupts goes on after it: "seized 210 tons (MT) in 2021".
        let mut open: Vec<usize> = Vec::new();
        let mut out = Vec::with_capacity(self.toks.len());
        for (k, t) in self.toks.iter().enumerate() {
            if t.kind == Kind::Punct && matches!(t.text(self.text), "(" | "[") {
                open.push(id);
                fresh += 1;
                id = fresh;
                out.push(id);
                continue;
            }
            if t.kind == Kind::Punct
                && matches!(t.text(self.text), ")" | "]")
                && let Some(outer) = open.pop()
            {
                out.push(id);
                id = outer;
                continue;
            }
            if t.kind == Kind::Punct {
                let p = t.text(self.text);
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
            }
            out.push(id);
        }
        out
    }

    /// A year named relative to another in clause `clause`: "the following year" (+1), "a
    /// year earlier" (-1), "that same year" (0). "Up 5% over the previous year" names the base
    /// of a change, not the figure's year.
    pub(super) fn relative_year(&self, clause: usize, clauses: &[usize]) -> Option<i32> {
        let in_clause = |k: usize| clauses.get(k) == Some(&clause);
        (0..self.toks.len())
            .filter(|&k| in_clause(k) && self.is_word(k, &["year"]))
            .find_map(|k| {
                let before = k.wrapping_sub(1);
                let det = before.wrapping_sub(1);
                if self.is_word(k + 1, &["later"]) && self.is_word(before, &["a", "one"]) {
                    return Some(1);
                }
                if self.is_word(k + 1, &["earlier"]) && self.is_word(before, &["a", "one"]) {
                    return Some(-1);
                }
                if !self.is_word(det, &["the", "that"]) && !self.is_word(before, &["that"]) {
                    return None;
                }
                if self.is_word(before, &["following", "next", "subsequent"]) {
                    Some(1)
                } else if self.is_word(before, &["previous", "preceding", "prior"]) {
                    let base = self.is_word(
                        det.wrapping_sub(1),
                        &["over", "from", "than", "to", "with", "versus", "vs", "on"],
                    );
                    (!base).then_some(-1)
                } else if self.is_word(before, &["that", "same"]) {
                    Some(0)
                } else {
                    None
                }
            })
    }

    /// The year a figure refers to. See the module docs of `years`.
    pub(super) fn year_for(&self, c: &Cand, mentions: &[YearMention], clauses: &[usize]) -> Year {
        if mentions.is_empty() {
            return Year::None;
        }
        let clause = clauses[c.num.start];
        let mention_clause = |m: &YearMention| clauses[m.first.min(clauses.len() - 1)];
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
                && (c.end..=m.first)
                    .any(|k| self.is_word(k, &["from", "over", "compared", "versus", "vs", "than"]))
        };
        let base_skipped = mentions.iter().any(&is_base);
        // 1. The nearest year in the figure's own clause (a following one wins a tie).
        let best = mentions
            .iter()
            .filter(|m| !is_base(m))
            .filter(|m| {
                mention_clause(m) == clause
                    || clauses[(m.last - 1).min(clauses.len() - 1)] == clause
            })
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
            return m.year;
        }
        // 2. A year in brackets right after the figure: "24.3 per 100,000 (2018)".
        if self.punct(c.end) == Some("(")
            && let Some(m) = mentions
                .iter()
                .find(|m| m.first == c.end + 1 && self.punct(m.last) == Some(")"))
        {
            return m.year;
        }
        // 3. "In 2011 there were 1,345 deaths; the following year, 1,100": a year named
        //    relative to the sentence's only other year.
        if let Some(shift) = self.relative_year(clause, clauses) {
            let others: Vec<i32> = mentions
                .iter()
                .filter(|m| mention_clause(m) != clause)
                .filter_map(|m| match m.year {
                    Year::Point(y) => Some(y),
                    _ => None,
                })
                .collect();
            if let [y] = others.as_slice() {
                return Year::Point(y + shift);
            }
        }
        // 4. A year that opens the sentence ("In 2014, …", "In August 2002, …") covers it.
        let opener = self.is_word(0, SENTENCE_OPENERS);
        let opening = mentions
            .first()
            .filter(|m| opener || m.first == 0)
            .filter(|m| {
                (0..m.first).all(|k| {
                    self.word(k).is_some_and(|w| {
                        YEAR_LEADS.iter().any(|l| w.eq_ignore_ascii_case(l))
                            || lexicon::month(w).is_some()
                    }) || self.num_text(k).is_some_and(|s| s.len() <= 2)
                        || self.punct(k).is_some()
                })
            });
        if let Some(m) = opening {
            return m.year;
        }
        // 5. "…, with sales totalling $5.4 billion": the clause before gives the year.
        let before_clause = (0..c.first).rev().find(|&k| clauses[k] != clause);
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
                ],
            );
        if (joins || base_skipped)
            && let Some(previous_clause) = before_clause.map(|k| clauses[k])
        {
            let previous: Vec<&YearMention> = mentions
                .iter()
                .filter(|m| mention_clause(m) == previous_clause)
                .collect();
            if let [m] = previous.as_slice() {
                return m.year;
            }
        }
        // 6. "increased by 22 percent, from 101 MT in 2017 to 123 MT in 2018": a change
        //    spans the years of the "from … to …" clause beside it.
        if change {
            for at in adjacent_clauses(clause, clauses) {
                let opens_from = (0..self.toks.len())
                    .find(|&k| clauses[k] == at && self.punct(k).is_none())
                    .is_some_and(|k| self.is_word(k, &["from"]));
                let years: Vec<i32> = mentions
                    .iter()
                    .filter(|m| mention_clause(m) == at)
                    .filter_map(|m| match m.year {
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
        if let [m] = mentions
            && !compares(m)
        {
            let at = mention_clause(m);
            let next_to = adjacent_clauses(clause, clauses).contains(&at);
            let reporting = || {
                (0..self.toks.len()).filter(|&k| clauses[k] == at).any(|k| {
                    self.is_word(
                        k,
                        &[
                            "said",
                            "says",
                            "say",
                            "told",
                            "reported",
                            "reports",
                            "according",
                            "announced",
                            "stated",
                            "noted",
                            "added",
                            "published",
                        ],
                    )
                })
            };
            let duration = c.unit.as_deref().is_some_and(|u| {
                matches!(u, "year" | "decade" | "century" | "month" | "week" | "day")
            });
            if next_to && !duration && !reporting() {
                return m.year;
            }
        }
        Year::None
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
pub(super) const YEAR_LEADS: &[&str] = &[
    "in",
    "of",
    "by",
    "since",
    "during",
    "from",
    "to",
    "between",
    "and",
    "until",
    "till",
    "through",
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "this",
    "that",
    "for",
    "fiscal",
    "year",
    "early",
    "late",
    "mid",
    "before",
    "after",
    "as",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "on",
    "at",
    "around",
    "about",
    "circa",
    "c",
    "ca",
    "or",
    "end",
    "beginning",
    "start",
    "middle",
    "close",
    "course",
    "first",
    "second",
    "third",
    "fourth",
    "last",
    "half",
    "quarter",
    "part",
    "fy",
    "cy",
    "calendar",
    "within",
    "throughout",
    "over",
    "both",
];
/// Words that open a sentence with a time adverbial: "In 2014, …", "By the end of 2018, …".
pub(super) const SENTENCE_OPENERS: &[&str] = &[
    "in",
    "during",
    "by",
    "since",
    "as",
    "between",
    "from",
    "until",
    "till",
    "through",
    "on",
    "at",
    "over",
    "within",
    "throughout",
    "for",
    "after",
    "before",
    "early",
    "late",
    "around",
    "circa",
];
/// The clauses that touch clause `clause` in reading order (before or after any of its
/// pieces; a bracket splits a clause in two).
pub(super) fn adjacent_clauses(clause: usize, clauses: &[usize]) -> Vec<usize> {
    let mut out = Vec::new();
    for w in clauses.windows(2) {
        if w[0] == clause && w[1] != clause {
            out.push(w[1]);
        } else if w[1] == clause && w[0] != clause {
            out.push(w[0]);
        }
    }
    out
}
