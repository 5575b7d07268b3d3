//! Relations: sentences that tie two actors, by a cue of cooperation or exchange ("signed",
//! "will train", "joint operation") or by a passage the analyst tagged. Pairs are taken across
//! each cue (the actors before it with those after it); actors listed together ("Mexico, Cuba
//! and Panama") are not tied to each other unless the cue is reciprocal and they are its
//! subject ("Peru and Mexico will cooperate") or follow "between". A person is not tied to
//! their own body or country, nor a body to its country. Direction comes from the cue
//! (supplier → buyer, trainer → trainee), turned round by "by" ("financed by Moscow").

use std::collections::BTreeMap;

use super::extract::{ArticleActors, Cue};
use super::lexicon::Direction;
use super::{Actor, ActorId, ActorKind, Mention, Resolved};
use crate::corpus::{Article, ArticleId, Corpus};
use crate::figures::Figure;
use crate::project::{Project, ThemeId};

/// Mentions further apart than this (in code points) are not paired, so that text without
/// sentence ends costs time in proportion to its length.
pub const MAX_PAIR_DISTANCE: usize = 400;
/// At most this many mentions on each side of a cue are paired with it (the nearest).
pub const MAX_SIDE: usize = 8;

/// A sentence that ties two actors.
#[derive(Clone, Debug, PartialEq)]
pub struct Relation {
    pub article: ArticleId,
    /// The sentence's code point offsets.
    pub start: usize,
    pub end: usize,
    /// The source when `directed` (supplier, trainer, funder); else the smaller id.
    pub a: ActorId,
    pub b: ActorId,
    pub directed: bool,
    /// The cue's type ("training", "sale", …), or "theme" when a tagged passage alone ties them.
    pub kind: String,
    /// The cue as written, when there is one.
    pub cue: Option<String>,
    /// Themes of the passages overlapping the sentence, sorted.
    pub themes: Vec<ThemeId>,
    /// Figures stated in the sentence.
    pub figures: Vec<Figure>,
    /// The article's year, where its dateline gives one.
    pub year: Option<i32>,
}

/// The relations of every article, in article and text order.
pub fn relations(
    corpus: &Corpus,
    extracted: &BTreeMap<ArticleId, ArticleActors>,
    resolved: &Resolved,
    project: Option<&Project>,
    figures: &BTreeMap<ArticleId, Vec<Figure>>,
) -> Vec<Relation> {
    let mut out = Vec::new();
    for (id, ex) in extracted {
        let Some(article) = corpus.get(id) else {
            continue;
        };
        let mentions = resolved.mentions.get(id).map_or(&[][..], Vec::as_slice);
        let passages: Vec<(usize, usize, &[ThemeId])> = project
            .map(|p| {
                p.passages_of(id)
                    .map(|p| (p.start, p.end, p.themes.as_slice()))
                    .collect()
            })
            .unwrap_or_default();
        let mut figs = figures.get(id).cloned().unwrap_or_default();
        figs.sort_by_key(|f| (f.start, f.end));
        out.extend(article_relations(
            article,
            ex,
            mentions,
            &resolved.actors,
            &passages,
            &figs,
        ));
    }
    out
}

/// One sentence's material: its mentions (those in the main clause) grouped into lists, and
/// its cues.
struct Sentence<'a> {
    article: &'a Article,
    mentions: Vec<&'a Mention>,
    cues: &'a [Cue],
    /// Each group: a range of `mentions` listed together ("Mexico, Cuba and Panama").
    groups: Vec<std::ops::Range<usize>>,
    /// Whether the group follows "between" or "entre".
    between: Vec<bool>,
}

/// The relations of one article. `passages` are (start, end, themes) of its tagged passages;
/// `figures` are its figures sorted by start.
pub fn article_relations(
    article: &Article,
    ex: &ArticleActors,
    mentions: &[Mention],
    actors: &BTreeMap<ActorId, Actor>,
    passages: &[(usize, usize, &[ThemeId])],
    figures: &[Figure],
) -> Vec<Relation> {
    let mut out = Vec::new();
    let (mut m0, mut c0) = (0, 0);
    let mut by_start: Vec<(usize, usize, &[ThemeId])> = passages.to_vec();
    by_start.sort_by_key(|p| (p.0, p.1));
    let (mut next_passage, mut active) = (0, Vec::new());
    for &(s0, s1) in &ex.sentences {
        while m0 < mentions.len() && mentions[m0].start < s0 {
            m0 += 1;
        }
        let m1 = m0 + mentions[m0..].partition_point(|m| m.end <= s1);
        while c0 < ex.cues.len() && ex.cues[c0].start < s0 {
            c0 += 1;
        }
        let c1 = c0 + ex.cues[c0..].partition_point(|c| c.end <= s1);
        let ms = &mentions[m0..m1];
        if ms.len() < 2 || ms.iter().all(|m| m.actor == ms[0].actor) {
            continue;
        }
        // Passages over the sentence: a sweep over passages sorted by start (each enters and
        // leaves `active` once), so long articles stay linear.
        while next_passage < by_start.len() && by_start[next_passage].0 < s1 {
            active.push(by_start[next_passage]);
            next_passage += 1;
        }
        active.retain(|(_, b, _)| *b > s0);
        let mut themes: Vec<ThemeId> = active
            .iter()
            .filter(|(a, b, _)| *a < s1 && s0 < *b)
            .flat_map(|(_, _, t)| t.iter().copied())
            .collect();
        themes.sort();
        themes.dedup();
        let cues = &ex.cues[c0..c1];
        if cues.is_empty() && themes.is_empty() {
            continue;
        }
        let hidden = super::clauses::hidden(article, s0, ms, s1);
        let ms: Vec<&Mention> = ms
            .iter()
            .zip(hidden)
            .filter(|(_, h)| !h)
            .map(|(m, _)| m)
            .collect();
        let ms = absorb(article, actors, ms);
        let (groups, between) = coordination(article, &ms);
        let s = Sentence {
            article,
            mentions: ms,
            cues,
            groups,
            between,
        };
        let pairs = s.pairs(actors);
        let f0 = figures.partition_point(|f| f.start < s0);
        let sentence_figures: Vec<Figure> = figures[f0..]
            .iter()
            .take_while(|f| f.start < s1)
            .filter(|f| f.end <= s1)
            .cloned()
            .collect();
        for ((a, b), p) in pairs {
            let (a, b) = if p.directed {
                (p.source, p.target)
            } else {
                (a, b)
            };
            out.push(Relation {
                article: article.id.clone(),
                start: s0,
                end: s1,
                a,
                b,
                directed: p.directed,
                kind: p.kind,
                cue: p.cue,
                themes: themes.clone(),
                figures: sentence_figures.clone(),
                year: ex.year,
            });
        }
    }
    out
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

/// What ties one pair in a sentence.
struct Tie {
    source: ActorId,
    target: ActorId,
    directed: bool,
    kind: String,
    cue: Option<String>,
}

impl Sentence<'_> {
    fn text(&self, start: usize, end: usize) -> &str {
        self.article.slice(start, end).unwrap_or("")
    }

    /// The pairs of the sentence, keyed by (smaller id, larger id).
    fn pairs(&self, actors: &BTreeMap<ActorId, Actor>) -> BTreeMap<(ActorId, ActorId), Tie> {
        let mut ties = Ties {
            actors,
            out: BTreeMap::new(),
        };
        let g = &self.groups;
        for (ci, cue) in self.cues.iter().enumerate() {
            let cue_text = Some(self.text(cue.start, cue.end));
            let (before, left, right) = self.sides(ci);
            // A list after "between" is tied within itself, not to the actors before the cue.
            let reciprocal = cue.direction == Direction::None;
            for &lg in &left {
                for &rg in right
                    .iter()
                    .filter(|&&rg| !(reciprocal && self.between[rg]))
                {
                    for (l, r) in g[lg]
                        .clone()
                        .flat_map(|l| g[rg].clone().map(move |r| (l, r)))
                    {
                        let mut dir = cue.direction;
                        if dir != Direction::None && self.passive_by(cue, r) {
                            dir = match dir {
                                Direction::Forward => Direction::Reverse,
                                _ => Direction::Forward,
                            };
                        }
                        ties.add(self.mentions[l], self.mentions[r], dir, &cue.kind, cue_text);
                    }
                }
            }
            if !reciprocal {
                continue;
            }
            // A reciprocal cue with no one after it ties the actors before it, back to the
            // previous cue ("Peru and Mexico will cooperate"); with someone after it, only a
            // list after "between" ("relations between Russia and Nicaragua").
            if right.is_empty() {
                let from = ci.checked_sub(1).map_or(0, |i| self.cues[i].end);
                let first = g.partition_point(|r| self.mentions[r.start].start < from);
                let subject: Vec<usize> = (first.max(before.saturating_sub(MAX_SIDE))..before)
                    .flat_map(|k| g[k].clone())
                    .collect();
                for (n, &x) in subject.iter().enumerate() {
                    for &y in subject.iter().skip(n + 1).take(MAX_SIDE) {
                        let (mx, my) = (self.mentions[x], self.mentions[y]);
                        ties.add(mx, my, Direction::None, &cue.kind, cue_text);
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
            // A tagged passage: neighbouring lists, and lists after "between".
            for k in 0..g.len() {
                if k + 1 < g.len() {
                    for (l, r) in g[k]
                        .clone()
                        .flat_map(|l| g[k + 1].clone().map(move |r| (l, r)))
                    {
                        let (ml, mr) = (self.mentions[l], self.mentions[r]);
                        ties.add(ml, mr, Direction::None, "theme", None);
                    }
                }
                if self.between[k] {
                    self.within(k, &mut |x, y| {
                        ties.add(x, y, Direction::None, "theme", None)
                    });
                }
            }
        }
        ties.out
    }

    /// For cue `ci`: the number of groups before it (its subject's end), and the groups paired
    /// across it — the nearest on each side with those joined to it by a short gap.
    fn sides(&self, ci: usize) -> (usize, Vec<usize>, Vec<usize>) {
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
        while k > 0 && left.len() < 3 {
            k -= 1;
            left.push(k);
            if k == 0 || !self.short_gap(k - 1, k) {
                break;
            }
        }
        let mut right = Vec::new();
        let mut k = after;
        while k < g.len() && right.len() < 3 {
            right.push(k);
            if k + 1 >= g.len() || !self.short_gap(k, k + 1) {
                break;
            }
            k += 1;
        }
        (before, left, right)
    }

    /// Call `f` on the pairs of members of group `k`.
    fn within<'m>(&'m self, k: usize, f: &mut dyn FnMut(&'m Mention, &'m Mention)) {
        let r = self.groups[k].clone();
        for x in r.clone() {
            for y in x + 1..r.end.min(x + MAX_SIDE) {
                f(self.mentions[x], self.mentions[y]);
            }
        }
    }

    /// Are groups `a` and `a + 1` joined by at most two words and no cue ("allies, Russia")?
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
        gap.split_whitespace().count() <= 2
            && self.cues.get(c).is_none_or(|c| c.end > to)
            && !gap.contains(['(', ')', '.', ';', ':'])
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

/// Drop a mention that only qualifies its neighbour: the country or body of the person or body
/// next to it ("Russian drug czar Viktor Ivanov", "the Federal Drug Control Service of Russia").
fn absorb<'m>(
    article: &Article,
    actors: &BTreeMap<ActorId, Actor>,
    ms: Vec<&'m Mention>,
) -> Vec<&'m Mention> {
    let mut keep = vec![true; ms.len()];
    for k in 0..ms.len().saturating_sub(1) {
        let (a, b) = (ms[k], ms[k + 1]);
        let gap = article.slice(a.end, b.start).unwrap_or("x x x x");
        if !qualifier_gap(gap) {
            continue;
        }
        if part_of(actors, &b.actor, &a.actor) {
            keep[k] = false;
        } else if part_of(actors, &a.actor, &b.actor) {
            keep[k + 1] = false;
        }
    }
    ms.into_iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(m, _)| m)
        .collect()
}

/// Can the words between two mentions make one qualify the other ("drug czar", "’s",
/// "Minister of Defense", "de")? Titles, "of" words and at most one other lower-case word.
fn qualifier_gap(gap: &str) -> bool {
    let lex = super::lexicon::lexicon();
    let mut other = 0;
    for w in gap.split(|c: char| c.is_whitespace() || c == ',') {
        let w = super::words::fold(w.trim_matches(|c: char| c == '’' || c == '\'' || c == '"'));
        let w = w.strip_suffix("'s").unwrap_or(&w).to_owned();
        if w.is_empty()
            || matches!(
                w.as_str(),
                "s" | "of" | "de" | "del" | "the" | "la" | "el" | "los" | "las" | "then" | "-"
            )
            || lex.is_title_word(&w)
            || lex.is_generic(&w)
        {
            continue;
        }
        if lex.cue_word(&w).is_some()
            || w.chars().any(|c| !c.is_alphabetic())
            || super::clauses::SPEECH_WORDS.contains(&w.as_str())
            || matches!(
                w.as_str(),
                "that" | "que" | "who" | "which" | "and" | "y" | "or" | "o"
            )
        {
            return false;
        }
        other += 1;
    }
    other <= 1
}

/// Is `x` part of `y`: a person of their body or country, a body of its country?
fn part_of(actors: &BTreeMap<ActorId, Actor>, x: &ActorId, y: &ActorId) -> bool {
    let (Some(ax), Some(ay)) = (actors.get(x), actors.get(y)) else {
        return false;
    };
    if ax.kind == ActorKind::Country {
        return false;
    }
    ax.org.as_ref() == Some(y)
        || (ay.kind == ActorKind::Country && ax.country.is_some() && ax.country == ay.country)
}

/// Is one actor part of the other (a person of their body or country, a body of its country)?
fn affiliated(actors: &BTreeMap<ActorId, Actor>, a: &ActorId, b: &ActorId) -> bool {
    let part_of = |x: &ActorId, y: &ActorId| {
        let (Some(ax), Some(ay)) = (actors.get(x), actors.get(y)) else {
            return false;
        };
        if ax.kind == ActorKind::Country {
            return false;
        }
        ax.org.as_ref() == Some(y)
            || (ay.kind == ActorKind::Country && ax.country.is_some() && ax.country == ay.country)
            || (ay.kind == ActorKind::Org
                && ax.kind == ActorKind::Person
                && ay.org.is_none()
                && ax.org.as_ref() == Some(&ay.id))
    };
    part_of(a, b) || part_of(b, a)
}

/// Group mentions listed together ("Mexico, Cuba, Nicaragua and Panama"): consecutive mentions
/// with only commas, "and", "or", "y", "o" or "the" between them. Also marks groups that follow
/// "between" or "entre".
fn coordination(article: &Article, ms: &[&Mention]) -> (Vec<std::ops::Range<usize>>, Vec<bool>) {
    let mut groups: Vec<std::ops::Range<usize>> = Vec::new();
    for k in 0..ms.len() {
        let joined = k > 0 && {
            let gap = article.slice(ms[k - 1].end, ms[k].start).unwrap_or("x");
            gap.split(|c: char| c.is_whitespace() || c == ',').all(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "" | "and" | "or" | "y" | "e" | "o" | "the" | "&" | "as" | "well" | "el" | "la"
                )
            })
        };
        match groups.last_mut() {
            Some(g) if joined => g.end = k + 1,
            _ => groups.push(k..k + 1),
        }
    }
    let between = groups
        .iter()
        .map(|g| {
            let first = ms[g.start].start;
            let before = article
                .slice(first.saturating_sub(16), first)
                .unwrap_or("")
                .to_lowercase();
            let before = before.trim_end();
            let before = before.strip_suffix("the").unwrap_or(before).trim_end();
            before.ends_with("between") || before.ends_with("entre")
        })
        .collect();
    (groups, between)
}
