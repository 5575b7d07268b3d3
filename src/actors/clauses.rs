//! Which mentions of a sentence stand outside its main clause and so tie no one: a dateline
//! ("MEXICO CITY, February 23 (Itar-Tass) —"), a parenthesis or a pair of dashes, a headline's
//! attribution ("… – FSKN chief"), the source of a report ("told Itar-Tass", "according to
//! Europol") and the speaker of a quote ("…, Castro Contreras said").

use super::{Mention, MentionRole};
use crate::corpus::Article;

const SOURCE_WORDS: &[&str] = &[
    "told",
    "according",
    "reported",
    "reports",
    "quoted",
    "cited",
    "según",
    "segun",
    "informó",
    "reportó",
    "citado",
    "citó",
];
pub(crate) const SPEECH_WORDS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "explained",
    "stated",
    "noted",
    "declared",
    "dijo",
    "afirmó",
    "señaló",
    "explicó",
    "declaró",
    "añadió",
    "indicó",
    "aseguró",
];

/// For each mention of the sentence `s0..s1`, whether it is outside the main clause.
pub fn hidden(article: &Article, s0: usize, mentions: &[Mention], s1: usize) -> Vec<bool> {
    let text: Vec<char> = article.slice(s0, s1).unwrap_or("").chars().collect();
    let n = text.len();
    // Depth in parentheses and inside a pair of dashes, per character.
    let mut aside = vec![false; n];
    let mut depth = 0usize;
    let dashes: Vec<usize> = (0..n).filter(|&i| is_dash_at(&text, i)).collect();
    for (i, c) in text.iter().enumerate() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ => {}
        }
        aside[i] = depth > 0;
    }
    for pair in dashes.chunks(2) {
        if let [a, b] = pair {
            for x in aside.iter_mut().take(*b).skip(*a) {
                *x = true;
            }
        }
    }
    // A dateline before the first dash; an attribution after the last one.
    if let Some(&first) = dashes.first()
        && first < 90
    {
        let head: String = text[..first].iter().collect();
        let dateline = head.chars().any(|c| c.is_ascii_digit())
            || head.split_whitespace().any(|w| {
                w.chars().filter(|c| c.is_alphabetic()).count() >= 3
                    && w.chars().all(|c| !c.is_lowercase())
            });
        if dateline {
            for x in aside.iter_mut().take(first) {
                *x = true;
            }
        }
    }
    if let Some(&last) = dashes.last() {
        let tail: String = text[last + 1..].iter().collect();
        if dashes.len() % 2 == 1 && tail.split_whitespace().count() <= 4 {
            for x in aside.iter_mut().skip(last) {
                *x = true;
            }
        }
    }
    mentions
        .iter()
        .map(|m| {
            let at = m.start.saturating_sub(s0);
            aside.get(at).copied().unwrap_or(false)
                || is_source(&text, at)
                || is_speaker(&text, m.end.saturating_sub(s0), at)
                || is_venue(&text, at, m.role)
        })
        .collect()
}

/// Where something happened, not who took part: a capital after "in", "at" or "en" ("signed
/// in Stockholm"), a body after "at the" ("at the Interior Ministry").
fn is_venue(text: &[char], at: usize, role: MentionRole) -> bool {
    let words = words_before(text, at);
    let n = words.len();
    let last = words.last().map(String::as_str);
    match role {
        MentionRole::Capital => matches!(last, Some("in" | "at" | "en" | "near")),
        MentionRole::Name | MentionRole::Acronym => {
            n >= 2
                && matches!(last, Some("the" | "la" | "el"))
                && matches!(words[n - 2].as_str(), "at" | "en")
        }
        _ => false,
    }
}

fn is_dash_at(text: &[char], i: usize) -> bool {
    let c = text[i];
    let spaced = |k: usize| text.get(k).is_none_or(|c| c.is_whitespace());
    match c {
        '—' | '–' => (i == 0 || spaced(i - 1)) || spaced(i + 1),
        '-' => {
            (i > 0 && text[i - 1] == '-' && spaced(i + 1))
                || (i > 0 && spaced(i - 1) && spaced(i + 1))
        }
        _ => false,
    }
}

/// The words (lower case) of the up to 40 characters before `at`, back to a comma or period.
fn words_before(text: &[char], at: usize) -> Vec<String> {
    let from = at.saturating_sub(40);
    let before: String = text[from..at.min(text.len())].iter().collect();
    let clause = before
        .rsplit([',', '.', ';', ':', '“', '"'])
        .next()
        .unwrap_or("");
    clause.split_whitespace().map(str::to_lowercase).collect()
}

/// "told Itar-Tass", "according to Russian newspaper Pravda", "según la agencia EFE".
fn is_source(text: &[char], at: usize) -> bool {
    let words = words_before(text, at);
    // "…,” said Castro Contreras": the speech word alone after a comma or quote.
    let last_speaks = words.len() == 1
        && words
            .last()
            .is_some_and(|w| SPEECH_WORDS.contains(&w.trim_matches(|c: char| !c.is_alphabetic())));
    last_speaks
        || words
            .iter()
            .rev()
            .take(4)
            .any(|w| SOURCE_WORDS.contains(&w.as_str()))
}

/// "…, Castro Contreras said." or "…,” Cateriano told": a speaker after a comma or a quote.
fn is_speaker(text: &[char], end: usize, start: usize) -> bool {
    let after: String = text[end.min(text.len())..(end + 20).min(text.len())]
        .iter()
        .collect();
    let next = after
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
        .find(|w| !w.is_empty());
    let speaks = next.is_some_and(|w| SPEECH_WORDS.contains(&w.as_str()));
    if !speaks {
        return false;
    }
    let before: String = text[start.saturating_sub(3)..start.min(text.len())]
        .iter()
        .collect();
    let before = before.trim_end();
    before.ends_with(',') || before.ends_with('”') || before.ends_with('"')
}
