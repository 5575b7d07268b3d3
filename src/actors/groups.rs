//! How the mentions of one sentence stand to each other before pairs are taken: which only
//! qualify their neighbour ("Russian drug czar Viktor Ivanov", "Russia's FSKN"), which are
//! listed together ("Mexico, Cuba and Panama"), which follow "between", and which side of a
//! verb of saying they are on ("Holmberg said Stockholm would train…": the speaker is tied to
//! no one the quote names).

use std::collections::BTreeMap;
use std::ops::Range;

use super::clauses::SPEECH_WORDS;
use super::lexicon::{CLAUSE, SPEECH, lexicon};
use super::words::fold;
use super::{Actor, ActorId, ActorKind, Mention};
use crate::corpus::Article;

/// The words of a gap between mentions, folded, with parenthesised text left out ("(State)
/// and the" gives "and", "the").
pub(crate) fn gap_words(gap: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut word = String::new();
    for c in gap.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth == 0 && (c.is_alphanumeric() || c == '\'' || c == '’') {
            word.push(c);
        } else if !word.is_empty() {
            out.push(fold(&std::mem::take(&mut word)));
        }
    }
    if !word.is_empty() {
        out.push(fold(&word));
    }
    out
}

/// `gap` without its parenthesised parts.
fn outside_parens(gap: &str) -> String {
    let mut depth = 0usize;
    gap.chars()
        .filter(|c| {
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' => {
                    depth = depth.saturating_sub(1);
                    return false;
                }
                _ => {}
            }
            depth == 0
        })
        .collect()
}

/// Drop a mention that only qualifies its neighbour: the country or body of the person or body
/// next to it ("Russian drug czar Viktor Ivanov", "the Federal Drug Control Service of Russia"),
/// and any country or body before "'s" and another mention ("Russia's FSKN").
pub(crate) fn absorb<'m>(
    article: &Article,
    actors: &BTreeMap<ActorId, Actor>,
    ms: Vec<&'m Mention>,
) -> Vec<&'m Mention> {
    let mut keep = vec![true; ms.len()];
    for k in 0..ms.len().saturating_sub(1) {
        let (a, b) = (ms[k], ms[k + 1]);
        let gap = article.slice(a.end, b.start).unwrap_or("x x x x");
        if matches!(gap, "'s " | "’s " | "' " | "’ ") {
            keep[k] = false;
            continue;
        }
        if apposition(article, b, ms.get(k + 2).copied(), gap) {
            keep[k + 1] = false;
            continue;
        }
        if !qualifier_gap(gap) {
            continue;
        }
        // "Khokholikov, Moscú capacitará": a comma alone does not make the country after a
        // person its qualifier.
        let bare_comma = gap.trim() == ",";
        let b_country = actors
            .get(&b.actor)
            .is_some_and(|x| x.kind == ActorKind::Country);
        if part_of(actors, &b.actor, &a.actor) {
            keep[k] = false;
        } else if part_of(actors, &a.actor, &b.actor) && !(bare_comma && b_country) {
            keep[k + 1] = false;
        }
    }
    ms.into_iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(m, _)| m)
        .collect()
}

/// Is `b` named only in an apposition to the mention before it, `gap` before it ("Viktor
/// Ivanov, the FSKN director, visited", "Rosoboronexport, Russia's state arms exporter, at"):
/// after a comma (and an article), then lower-case words that are no cue, no verb of saying and
/// no conjunction, up to the next comma, before `next`?
fn apposition(article: &Article, b: &Mention, next: Option<&Mention>, gap: &str) -> bool {
    if !matches!(
        gap,
        ", " | ", the " | ", el " | ", la " | ", los " | ", las "
    ) {
        return false;
    }
    let limit = next.map_or(b.end + APPOSITION_CHARS, |n| {
        n.start.min(b.end + APPOSITION_CHARS)
    });
    let rest = article.slice(b.end, limit).unwrap_or("");
    let Some(comma) = rest.find(',') else {
        return false;
    };
    let body = &rest[..comma];
    let body = ["'s", "’s"]
        .iter()
        .find_map(|p| body.strip_prefix(p))
        .unwrap_or(body);
    let lex = lexicon();
    let words: Vec<&str> = body.split_whitespace().collect();
    let lower = |w: &&str| w.chars().all(|c| c.is_lowercase() || c == '-');
    !words.is_empty()
        && words.len() <= 4
        && body.starts_with(' ')
        && words.iter().all(|w| {
            let f = fold(w);
            lower(w)
                && lex.cue_word(&f).is_none()
                && lex.flags_of(&f) & (SPEECH | CLAUSE) == 0
                && !matches!(f.as_str(), "and" | "y" | "or" | "o" | "that" | "que")
        })
}

/// Code points after a mention that an apposition may take, at most.
const APPOSITION_CHARS: usize = 60;

/// Can the words between two mentions make one qualify the other ("drug czar", "’s",
/// "Minister of Defense", "de")? Titles, "of" words and at most one other lower-case word.
fn qualifier_gap(gap: &str) -> bool {
    let lex = lexicon();
    let mut other = 0;
    for w in gap.split(|c: char| c.is_whitespace() || c == ',') {
        let w = fold(w.trim_matches(|c: char| c == '’' || c == '\'' || c == '"'));
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
            || SPEECH_WORDS.contains(&w.as_str())
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
pub(crate) fn affiliated(actors: &BTreeMap<ActorId, Actor>, a: &ActorId, b: &ActorId) -> bool {
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
/// with only "and", "or", "y", "o", "the" between them (parentheses aside), or only a comma
/// between two of the same kind ("Khokholikov, Moscú" is no list). Also marks groups that
/// follow "between" or "entre".
pub(crate) fn coordination(
    article: &Article,
    actors: &BTreeMap<ActorId, Actor>,
    ms: &[&Mention],
) -> (Vec<Range<usize>>, Vec<bool>) {
    let kind = |m: &Mention| actors.get(&m.actor).map(|a| a.kind);
    let mut groups: Vec<Range<usize>> = Vec::new();
    for k in 0..ms.len() {
        let joined = k > 0 && {
            let gap = outside_parens(article.slice(ms[k - 1].end, ms[k].start).unwrap_or("x"));
            let words: Vec<String> = gap
                .split(|c: char| c.is_whitespace() || c == ',')
                .map(str::to_lowercase)
                .filter(|w| !w.is_empty())
                .collect();
            let listing = words.iter().all(|w| {
                matches!(
                    w.as_str(),
                    "and" | "or" | "y" | "e" | "o" | "the" | "&" | "as" | "well" | "el" | "la"
                )
            });
            let conjunction = words.iter().any(|w| w != "the" && w != "el" && w != "la");
            let only_punct = gap.chars().all(|c| c.is_whitespace() || c == ',');
            listing && (conjunction || !only_punct || kind(ms[k - 1]) == kind(ms[k]))
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

/// Each mention's side of the verbs of saying in its sentence: the count of such verbs before
/// it, after the first mention ("Holmberg said Stockholm …": 0, then 1).
pub(crate) fn speech_sides(article: &Article, ms: &[&Mention]) -> Vec<u16> {
    let mut out = Vec::with_capacity(ms.len());
    let mut side = 0u16;
    for k in 0..ms.len() {
        if k > 0 {
            let gap = article.slice(ms[k - 1].end, ms[k].start).unwrap_or("");
            let words = gap_words(gap);
            let lex = lexicon();
            // "said", or a verb of saying before "that" ("destacó que", "recalled that").
            let speaks = words
                .iter()
                .any(|w| SPEECH_WORDS.iter().any(|s| fold(s) == *w))
                || words.windows(2).any(|p| {
                    matches!(p[1].as_str(), "that" | "que") && lex.flags_of(&p[0]) & SPEECH != 0
                });
            side += u16::from(speaks);
        }
        out.push(side);
    }
    out
}
