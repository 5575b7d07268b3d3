//! A figure's kind: `actual` (measured, reported, done, including estimates of past or
//! present quantities), `target` (a goal, plan, pledge, quota, ceiling, proposal or request)
//! or `forecast` (a prediction nobody commits to).
//!
//! The cue words are in the language files ([target cues], [forecast cues], [future
//! auxiliaries], [forecast verbs]). A cue reaches a figure that follows it in the same clause
//! within a few words, unless a verb in the past tense comes between ("the plan's agents
//! seized 5 tons"); a cue right after the figure ("35,000 hectares is the goal") counts too;
//! and a list continues the kind of its first member.

use super::*;

/// How many tokens before a figure a cue reaches.
const CUE_REACH: usize = 16;
/// How many tokens after a figure a cue reaches ("$5 million was requested").
const AFTER_REACH: usize = 4;

impl<'a> Sentence<'a> {
    /// The kind of each candidate, in order.
    pub(super) fn kinds(&self, cands: &[Cand], clauses: &[usize]) -> Vec<Kind> {
        let mut out: Vec<Kind> = Vec::with_capacity(cands.len());
        for (n, c) in cands.iter().enumerate() {
            let prev = n.checked_sub(1).and_then(|p| cands.get(p));
            // A cue reaches past an earlier figure only along a coordination ("plans to hire
            // 2,000 agents and to cut crime 30 percent"), not into what that figure governs
            // ("offered $5 million for the arrest of three leaders").
            let stop = prev
                .filter(|p| {
                    !(p.end..c.first).any(|k| {
                        self.is_word(k, &["and", "y", "e", "or", "o"]) || self.punct(k) == Some(",")
                    })
                })
                .map(|p| p.end);
            let mut kind = self
                .cue_before(c.first, clauses, stop)
                .or_else(|| self.cue_after(c.end, clauses))
                .unwrap_or(Kind::Actual);
            // "… to $10 billion annually in the next three years": the horizon of a forecast
            // or a plan has its kind.
            let horizon = c.unit.as_deref().is_some_and(is_duration)
                && (1..=2).any(|b| self.in_set(c.first.wrapping_sub(b), Set::FutureHorizon));
            if horizon
                && let Some(prev_kind) = out.last()
                && !prev_kind.is_actual()
            {
                kind = *prev_kind;
            }
            // "will deliver 12 helicopters, 40 tanks and 300 rifles": a list keeps its kind.
            if kind.is_actual()
                && let (Some(prev), Some(prev_kind)) =
                    (n.checked_sub(1).and_then(|p| cands.get(p)), out.last())
                && !prev_kind.is_actual()
                && self.continues_list(prev, c)
            {
                kind = *prev_kind;
            }
            out.push(kind);
        }
        out
    }

    /// The figure `b` continues a list or range that `a` starts ("12 helicopters, 40 tanks
    /// and 300 rifles", "between 30,000 and 35,000", "the purchase of 40 vehicles, training
    /// for 1,500 officers and the donation of six boats").
    fn continues_list(&self, a: &Cand, b: &Cand) -> bool {
        let gap = b.first.saturating_sub(a.end);
        let item = (3..=5).contains(&gap)
            && (self.punct(a.end) == Some(",") || self.is_word(a.end, &["and", "y", "e"]))
            && (a.end..b.first).all(|k| !self.past_verb(k) && !self.in_set(k, Set::ReportingVerb))
            && (a.end..b.first)
                .filter(|&k| self.punct(k).is_some())
                .count()
                <= 1;
        if item {
            return true;
        }
        match b.first.checked_sub(a.end) {
            Some(0) => true,
            Some(1) => {
                self.punct(a.end) == Some(",")
                    || self.is_word(a.end, &["and", "or", "to", "y", "o", "a", "e", "ou"])
            }
            Some(2) => {
                self.punct(a.end) == Some(",")
                    && self.is_word(a.end + 1, &["and", "or", "y", "o", "e", "ou"])
            }
            _ => false,
        }
    }

    /// Is token `k` a verb in the past tense, which ends the reach of a cue before it?
    fn past_verb(&self, k: usize) -> bool {
        let Some(w) = self.word(k) else {
            return false;
        };
        // Endings are lower case, as the words that carry them almost always are.
        let past = w.len() > 4 && self.lang.past_endings.iter().any(|e| w.ends_with(e));
        past && w.chars().count() > 4
            && !self.in_set(k, Set::Adjective)
            && !self.in_set(k, Set::CarryingVerb)
            && self.lang.qualifiers_ending(w).is_empty()
    }

    /// The kind a cue word gives at token `k`, if it is one.
    fn cue_at(&self, k: usize) -> Option<Kind> {
        if let Some((set, _)) = self.phrase_at(k, |m| match m {
            crate::figures::lexicon::Meaning::Set(s @ (Set::TargetCue | Set::ForecastCue)) => {
                Some(*s)
            }
            _ => None,
        }) {
            return Some(if set == Set::TargetCue {
                Kind::Target
            } else {
                Kind::Forecast
            });
        }
        // "could have produced": what might have been, not a prediction.
        if self.is_word(k + 1, &["have"]) {
            return None;
        }
        if let Some(e) = self.e(k) {
            if e.is(Set::ActualCue) {
                return Some(Kind::Actual);
            }
            if e.is(Set::ForecastCue) {
                return Some(Kind::Forecast);
            }
            if e.is(Set::TargetCue) {
                return Some(Kind::Target);
            }
            if e.is(Set::FutureAuxiliary) {
                // "will reach", "will be": a forecast; "will train", "would buy": a plan.
                let verb = if self.is_word(k + 1, &["not"]) {
                    k + 2
                } else {
                    k + 1
                };
                return Some(if self.in_set(verb, Set::ForecastVerb) {
                    Kind::Forecast
                } else {
                    Kind::Target
                });
            }
        }
        let w = self.word(k)?;
        let future = w.len() > 4
            && self.lang.future_endings.iter().any(|e| w.ends_with(e))
            && w.chars().count() > 4;
        future.then_some(Kind::Target)
    }

    /// A cue in the figure's clause before token `first`, nearest first.
    fn cue_before(&self, first: usize, clauses: &[usize], stop: Option<usize>) -> Option<Kind> {
        let clause = *clauses.get(first)?;
        let from = first.saturating_sub(CUE_REACH).max(stop.unwrap_or(0));
        for k in (from..first).rev() {
            if clauses.get(k) != Some(&clause) {
                return None;
            }
            if let Some(kind) = self.cue_at(k) {
                return Some(kind);
            }
            if self.past_verb(k) {
                return None;
            }
        }
        None
    }

    /// A cue right after the figure, past only auxiliaries and determiners: "35,000 hectares
    /// is the goal", "$5 million was requested", "5 percent is expected".
    fn cue_after(&self, end: usize, clauses: &[usize]) -> Option<Kind> {
        let clause = *clauses.get(end.checked_sub(1)?)?;
        for k in end..(end + AFTER_REACH).min(self.toks.len()) {
            if clauses.get(k) != Some(&clause) {
                return None;
            }
            // "The two countries will also work together" says what they will do, not that the
            // count is a plan; "500 troops will be deployed" does.
            let future = self.in_set(k, Set::FutureAuxiliary);
            if future && !self.is_word(k + 1, &["be"]) {
                return None;
            }
            if let Some(kind) = self.cue_at(k) {
                return (!kind.is_actual()).then_some(kind);
            }
            let filler = self.is_word(
                k,
                &[
                    "is", "are", "was", "were", "be", "been", "being", "the", "a", "an", "its",
                    "their", "our", "his", "her", "es", "era", "fue", "la", "el", "su", "está",
                    "están", "é", "foi", "o",
                ],
            );
            if !filler {
                return None;
            }
        }
        None
    }
}
