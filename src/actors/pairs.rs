//! The pairs of one sentence. Each cue ties the actors before it (its subject: the nearest
//! list, and lists joined to it by a short gap) to those after it (its object), up to the next
//! cue — a list right before the next cue is that cue's subject ("the loans Russia has
//! granted to Venezuela"). A reciprocal cue with no object ties its subject's members ("Peru
//! and Mexico will cooperate") unless a later cue gives that subject an object ("agreed to
//! share intelligence with Paraguay"); a nominal one ties its complements ("cooperation of
//! Russia with Central America") and lists after "between". Mentions on either side of a verb
//! of saying are never paired, nor a destination after words of traffic ("the aid reduced the
//! flow of cocaine to Brazil").

use std::collections::BTreeMap;
use std::ops::Range;

use super::extract::Cue;
use super::groups::{affiliated, gap_words};
use super::lexicon::{AUXILIARY, CLAUSE, Direction, TRAFFIC, lexicon};
use super::relations::{MAX_PAIR_DISTANCE, MAX_SIDE};
use super::{Actor, ActorId, Mention};
use crate::corpus::Article;

/// Code points between a cue and a later cue that is its complement ("agreed on Wednesday to
/// share"), at most.
const MAX_COMPLEMENT_GAP: usize = 40;

/// One sentence's material: its mentions (those in the main clause) grouped into lists, and
/// its cues.
pub(crate) struct Sentence<'a> {
    pub article: &'a Article,
    pub mentions: Vec<&'a Mention>,
    pub cues: &'a [Cue],
    /// Each group: a range of `mentions` listed together ("Mexico, Cuba and Panama").
    pub groups: Vec<Range<usize>>,
    /// Whether the group follows "between" or "entre".
    pub between: Vec<bool>,
    /// Each mention's side of the verbs of saying.
    pub sides: Vec<u16>,
}

/// What ties one pair in a sentence.
pub(crate) struct Tie {
    pub source: ActorId,
    pub target: ActorId,
    pub directed: bool,
    pub kind: String,
    pub cue: Option<String>,
}

/// The pairs found in one sentence, each with what ties it (a directed cue wins).
struct Ties<'a> {
    actors: &'a BTreeMap<ActorId, Actor>,
    out: BTreeMap<(ActorId, ActorId), Tie>,
}

impl Ties<'_> {
    fn add(&mut self, l: &Mention, r: &Mention, dir: Direction, kind: &str, cue: Option<&str>) {
        if l.actor == r.actor
            || affiliated(self.actors, &l.actor, &r.actor)
            || l.start.abs_diff(r.start) > MAX_PAIR_DISTANCE
        {
            return;
        }
        let (source, target) = match dir {
            Direction::Reverse => (r.actor.clone(), l.actor.clone()),
            _ => (l.actor.clone(), r.actor.clone()),
        };
        let key = if l.actor < r.actor {
            (l.actor.clone(), r.actor.clone())
        } else {
            (r.actor.clone(), l.actor.clone())
        };
        let directed = dir != Direction::None;
        if self
            .out
            .get(&key)
            .is_some_and(|old| old.directed || !directed)
        {
            return;
        }
        let tie = Tie {
            source,
            target,
            directed,
            kind: kind.to_owned(),
            cue: cue.map(str::to_owned),
        };
        self.out.insert(key, tie);
    }
}

/// A cue's subject and object: the number of groups before it, and the groups on each side.
struct Side {
    /// A pronoun before the cue is its subject ("and in 2014 it signed an accord"), not the
    /// list before it; the pronoun stands for the previous cue's subject.
    own_subject: bool,
    before: usize,
    left: Vec<usize>,
    right: Vec<usize>,
}

impl Sentence<'_> {
    fn text(&self, start: usize, end: usize) -> &str {
        self.article.slice(start, end).unwrap_or("")
    }

    /// Call `f` on every pair of members of groups `a` and `b` on the same side of speech.
    fn across(&self, a: usize, b: usize, f: &mut dyn FnMut(usize, usize)) {
        for l in self.groups[a].clone() {
            for r in self.groups[b].clone() {
                if self.sides[l] == self.sides[r] {
                    f(l, r);
                }
            }
        }
    }

    /// The pairs of the sentence, keyed by (smaller id, larger id).
    pub fn pairs(&self, actors: &BTreeMap<ActorId, Actor>) -> BTreeMap<(ActorId, ActorId), Tie> {
        let mut ties = Ties {
            actors,
            out: BTreeMap::new(),
        };
        let mut sides: Vec<Side> = Vec::with_capacity(self.cues.len());
        for ci in 0..self.cues.len() {
            let side = self.side(ci, sides.last());
            sides.push(side);
        }
        for (ci, cue) in self.cues.iter().enumerate() {
            let cue_text = Some(self.text(cue.start, cue.end));
            let Side {
                before,
                left,
                right,
                ..
            } = &sides[ci];
            let reciprocal = cue.direction == Direction::None;
            // "cooperation of Russia with Central America"
            if reciprocal && let Some((a, b)) = self.of_with(cue, right) {
                self.across(a, b, &mut |x, y| {
                    let (mx, my) = (self.mentions[x], self.mentions[y]);
                    ties.add(mx, my, Direction::None, &cue.kind, cue_text);
                });
                continue;
            }
            // "Colombia has trained … with U.S. support": the helper is tied to the subject of
            // the cue before.
            if right.is_empty()
                && let Some(prev) = ci.checked_sub(1).map(|p| &sides[p])
                && self.with_group(left, ci)
            {
                self.tie_across(&mut ties, left, &prev.left, cue, cue_text);
            }
            for &lg in left {
                for &rg in right
                    .iter()
                    .filter(|&&rg| !(reciprocal && self.between[rg]))
                {
                    self.across(lg, rg, &mut |l, r| {
                        let mut dir = cue.direction;
                        if dir != Direction::None && self.passive_by(cue, r) {
                            dir = match dir {
                                Direction::Forward => Direction::Reverse,
                                _ => Direction::Forward,
                            };
                        }
                        ties.add(self.mentions[l], self.mentions[r], dir, &cue.kind, cue_text);
                    });
                }
            }
            if !reciprocal {
                continue;
            }
            // A reciprocal cue with no object ties its subject's members, back to the previous
            // cue ("Peru and Mexico will cooperate"), unless a cue close after it gives them an
            // object ("agreed on Wednesday to share intelligence with Paraguay"); one further
            // on, in a clause of its own, does not ("signed a plan under which the two
            // countries will train officers from Honduras").
            let later_object = sides[ci + 1..]
                .iter()
                .zip(&self.cues[ci + 1..])
                .any(|(s, next)| {
                    s.left.first() == left.first()
                        && !s.right.is_empty()
                        && self.complement(cue, next)
                });
            if right.is_empty() && !later_object {
                let from = ci.checked_sub(1).map_or(0, |i| self.cues[i].end);
                let g = &self.groups;
                let first = g.partition_point(|r| self.mentions[r.start].start < from);
                let subject: Vec<usize> = (first.max(before.saturating_sub(MAX_SIDE))..*before)
                    .flat_map(|k| g[k].clone())
                    .collect();
                for (n, &x) in subject.iter().enumerate() {
                    for &y in subject.iter().skip(n + 1).take(MAX_SIDE) {
                        if self.sides[x] == self.sides[y] {
                            let (mx, my) = (self.mentions[x], self.mentions[y]);
                            ties.add(mx, my, Direction::None, &cue.kind, cue_text);
                        }
                    }
                }
            }
            for &rg in right.iter().filter(|&&rg| self.between[rg]) {
                self.within(rg, &mut |x, y| {
                    ties.add(x, y, Direction::None, &cue.kind, cue_text)
                });
            }
        }
        if self.cues.is_empty() {
            self.theme_pairs(&mut ties);
        }
        ties.out
    }

    /// A tagged passage with no cue: neighbouring lists, and lists after "between".
    fn theme_pairs(&self, ties: &mut Ties) {
        let g = &self.groups;
        for k in 0..g.len() {
            if k + 1 < g.len() {
                self.across(k, k + 1, &mut |l, r| {
                    let (ml, mr) = (self.mentions[l], self.mentions[r]);
                    ties.add(ml, mr, Direction::None, "theme", None);
                });
            }
            if self.between[k] {
                self.within(k, &mut |x, y| {
                    ties.add(x, y, Direction::None, "theme", None)
                });
            }
        }
    }

    /// For cue `ci`: its subject (the nearest groups before it) and object (the nearest groups
    /// after it, before the next cue and its subject, short of words of traffic).
    fn side(&self, ci: usize, prev: Option<&Side>) -> Side {
        let g = &self.groups;
        let cue = &self.cues[ci];
        let mut before = g.partition_point(|r| self.mentions[r.end - 1].end <= cue.start);
        let after = g.partition_point(|r| self.mentions[r.start].start < cue.end);
        if before > 0 {
            let last = self.mentions[g[before - 1].end - 1];
            let near = cue.start.saturating_sub(last.end) <= MAX_PAIR_DISTANCE;
            let gap = if near {
                self.text(last.end, cue.start)
            } else {
                ""
            };
            let coordinated = gap.split_whitespace().any(|w| matches!(w, "and" | "y"));
            // The subject of the verb before ("Borisov visited Caracas … and met").
            let prev = ci.checked_sub(1).map(|i| &self.cues[i]);
            if let Some(p) =
                prev.filter(|p| coordinated && p.start < self.mentions[g[before - 1].start].start)
            {
                before = g.partition_point(|r| self.mentions[r.end - 1].end <= p.start);
            }
        }
        let mut left = Vec::new();
        let mut k = before;
        // "…, and in 2013 it signed": a pronoun is the subject, not the list before; so for
        // the cues after it with no mention between ("it signed an accord").
        let own_subject = before > 0 && {
            let last = self.mentions[g[before - 1].end - 1];
            let lex = lexicon();
            let prev_after_list = ci
                .checked_sub(1)
                .is_some_and(|p| self.cues[p].start >= last.end);
            (prev.is_some_and(|p| p.own_subject) && prev_after_list)
                || gap_words(self.text(last.end, cue.start))
                    .iter()
                    .rev()
                    .find(|w| lex.flags_of(w) & AUXILIARY == 0)
                    .is_some_and(|w| lex.flags_of(w) & CLAUSE != 0)
        };
        while k > 0 && left.len() < 3 && !own_subject {
            k -= 1;
            left.push(k);
            if k == 0 || !self.short_gap(k - 1, k) {
                break;
            }
        }
        // The pronoun stands for the subject of the clause before ("Russia has sold … and in
        // 2013 it signed an agreement with Nicaragua").
        if own_subject && let Some(p) = prev {
            left.clone_from(&p.left);
        }
        let next = self.cues[ci + 1..].iter().find(|c| c.start >= cue.end);
        let mut right = Vec::new();
        let mut k = after;
        while k < g.len() && right.len() < 3 {
            let first = self.mentions[g[k].start];
            let stops = next.is_some_and(|n| first.start >= n.start || self.subject_of(k, n))
                || self.words_between(cue.end, first.start, TRAFFIC | CLAUSE);
            if stops {
                break;
            }
            right.push(k);
            if k + 1 >= g.len() || !self.short_gap(k, k + 1) {
                break;
            }
            k += 1;
        }
        Side {
            own_subject,
            before,
            left,
            right,
        }
    }

    /// Tie the members of groups `a` to those of groups `b` by `cue`, `a` first.
    fn tie_across(
        &self,
        ties: &mut Ties,
        a: &[usize],
        b: &[usize],
        cue: &Cue,
        cue_text: Option<&str>,
    ) {
        for &ga in a {
            for &gb in b {
                self.across(ga, gb, &mut |x, y| {
                    let (mx, my) = (self.mentions[x], self.mentions[y]);
                    ties.add(mx, my, cue.direction, &cue.kind, cue_text);
                });
            }
        }
    }

    /// Is the subject `left` of cue `ci` one group right after "with" or "con" and the cue
    /// before ("trained officers with U.S. support", "con apoyo ruso")?
    fn with_group(&self, left: &[usize], ci: usize) -> bool {
        let ([g], Some(prev)) = (left, ci.checked_sub(1).map(|p| &self.cues[p])) else {
            return false;
        };
        let first = self.mentions[self.groups[*g].start];
        first.start > prev.end
            && first.start - prev.end <= MAX_PAIR_DISTANCE
            && gap_words(self.text(prev.end, first.start))
                .last()
                .is_some_and(|w| matches!(w.as_str(), "with" | "con"))
    }

    /// Does cue `next` follow `cue` closely, in the same clause ("agreed on Wednesday to
    /// share")?
    fn complement(&self, cue: &Cue, next: &Cue) -> bool {
        next.start >= cue.end
            && next.start - cue.end <= MAX_COMPLEMENT_GAP
            && !self.text(cue.end, next.start).contains([',', ';', ':'])
    }

    /// Is group `k` the subject of `next`: only auxiliaries between them ("Russia has granted")?
    fn subject_of(&self, k: usize, next: &Cue) -> bool {
        let last = self.mentions[self.groups[k].end - 1];
        if last.end > next.start {
            return false;
        }
        let gap = self.text(last.end, next.start);
        let lex = lexicon();
        !gap.contains([',', ';', ':', '.'])
            && gap_words(gap)
                .iter()
                .all(|w| lex.flags_of(w) & AUXILIARY != 0)
    }

    /// Do words of traffic ("flow of cocaine to") or a word that starts a clause of its own
    /// ("…, when the FSKN began", "mientras que Brasil") stand between `from` and `to`? `flags`
    /// says which.
    fn words_between(&self, from: usize, to: usize, flags: u16) -> bool {
        let lex = lexicon();
        to > from
            && gap_words(self.text(from, to))
                .iter()
                .any(|w| lex.flags_of(w) & flags != 0)
    }

    /// "cooperation of Russia with Central America": the two groups after a nominal cue joined
    /// as "of X with Y".
    fn of_with(&self, cue: &Cue, right: &[usize]) -> Option<(usize, usize)> {
        let a = *right.first()?;
        let b = a + 1;
        if b >= self.groups.len() {
            return None;
        }
        let first = self.mentions[self.groups[a].start];
        let lead = gap_words(self.text(cue.end, first.start));
        let of = !lead.is_empty()
            && lead
                .iter()
                .all(|w| matches!(w.as_str(), "of" | "de" | "del" | "the" | "la" | "el"));
        let (end_a, start_b) = (
            self.mentions[self.groups[a].end - 1].end,
            self.mentions[self.groups[b].start].start,
        );
        let mid = gap_words(self.text(end_a, start_b));
        let with = mid
            .first()
            .is_some_and(|w| matches!(w.as_str(), "with" | "con"))
            && mid[1..]
                .iter()
                .all(|w| matches!(w.as_str(), "the" | "la" | "el"));
        (of && with).then_some((a, b))
    }

    /// Call `f` on the pairs of members of group `k`.
    fn within<'m>(&'m self, k: usize, f: &mut dyn FnMut(&'m Mention, &'m Mention)) {
        let r = self.groups[k].clone();
        for x in r.clone() {
            for y in x + 1..r.end.min(x + MAX_SIDE) {
                if self.sides[x] == self.sides[y] {
                    f(self.mentions[x], self.mentions[y]);
                }
            }
        }
    }

    /// Are groups `a` and `a + 1` joined by at most two words, no cue and no preposition
    /// ("allies, Russia")?
    fn short_gap(&self, a: usize, b: usize) -> bool {
        let (from, to) = (
            self.mentions[self.groups[a].end - 1].end,
            self.mentions[self.groups[b].start].start,
        );
        if to.saturating_sub(from) > 80 {
            return false;
        }
        let gap = self.text(from, to);
        let c = self.cues.partition_point(|c| c.start < from);
        let words = gap_words(gap);
        words.len() <= 2
            && self.cues.get(c).is_none_or(|c| c.end > to)
            && !gap.contains(['(', ')', '.', ';', ':'])
            && !words.iter().any(|w| {
                matches!(
                    w.as_str(),
                    "with"
                        | "con"
                        | "by"
                        | "por"
                        | "from"
                        | "de"
                        | "del"
                        | "of"
                        | "in"
                        | "en"
                        | "to"
                        | "a"
                        | "for"
                        | "para"
                )
            })
    }

    /// Is mention `r` the agent of a passive cue ("financed by Moscow", "entrenados por Rusia")?
    fn passive_by(&self, cue: &Cue, r: usize) -> bool {
        let r = self.mentions[r];
        if r.start.saturating_sub(cue.end) > 40 {
            return false;
        }
        let gap = self.text(cue.end, r.start).to_lowercase();
        let words: Vec<&str> = gap.split_whitespace().collect();
        words.len() <= 3
            && words
                .iter()
                .position(|w| matches!(*w, "by" | "por"))
                .is_some_and(|p| {
                    words[p + 1..]
                        .iter()
                        .all(|w| matches!(*w, "the" | "el" | "la"))
                })
    }
}
