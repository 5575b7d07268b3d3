//! Relations: sentences that tie two actors, by a cue of cooperation or exchange ("signed",
//! "will train", "joint operation") or by a passage the analyst tagged. Pairs are taken across
//! each cue (the actors before it with those after it); actors listed together ("Mexico, Cuba
//! and Panama") are not tied to each other unless the cue is reciprocal and they are its
//! subject ("Peru and Mexico will cooperate") or follow "between". A person is not tied to
//! their own body or country, nor a body to its country. Direction comes from the cue
//! (supplier → buyer, trainer → trainee), turned round by "by" ("financed by Moscow").

use std::collections::BTreeMap;

use super::extract::ArticleActors;
use super::groups::{absorb, coordination, speech_sides};
use super::pairs::Sentence;
use super::{Actor, ActorId, Mention, MentionRole, Resolved};
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
            .filter(|(m, h)| !h && m.role != MentionRole::Byline)
            .map(|(m, _)| m)
            .collect();
        let ms = absorb(article, actors, ms);
        let (groups, between) = coordination(article, actors, &ms);
        let sides = speech_sides(article, &ms);
        let s = Sentence {
            article,
            mentions: ms,
            cues,
            groups,
            between,
            sides,
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
