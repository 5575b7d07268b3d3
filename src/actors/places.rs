//! Where a capital or a region names a place rather than an actor, and whose a generic body
//! is. A capital stands for its government when it acts ("Moscow said", "Washington's aid",
//! "financed by Moscow", "supplied Managua with tanks"); in a dateline ("LIMA, March 3 —"),
//! after "in", "across" or a verb of travel ("arrived in Managua", "visited Caracas"), or after
//! "to" and "from" with no giving before ("a trip to Lima"), it is a place and no mention. A
//! region is an actor unless it stands so ("drugs bound for Europe", "across Latin America").
//! A generic body ("the Army") takes the country named with it, else the country of the same
//! body earlier, else the country the sentence places it in, else the dateline's; the bare
//! English "Congress" is the US Congress; a body with no country is no mention.

use super::extract::{Ctx, Span};
use super::lexicon::{DETERMINER, DIRECTIONAL, LANGUAGE, LOCATIVE, MOTION, PROGRAM, TRAFFIC};
use super::words::{LINE_START, UPPER};
use super::{ActorId, ActorKind, MentionRole};

/// How far back a cue of giving makes "to" or "from" name a party, in tokens.
const GIVING_REACH: usize = 10;

/// What the places of an article are.
pub(crate) struct Places {
    /// Per span: it names a place, not an actor (to drop).
    pub place: Vec<bool>,
    /// Per span: a country the sentence says something happens in ("in Peru", "visitó
    /// Nicaragua"), a context for generic bodies.
    pub located: Vec<bool>,
    /// The country of the article's dateline.
    pub dateline: Option<String>,
}

/// Decide which country spans are places.
pub(crate) fn places(ctx: &Ctx, spans: &[Span], sentence_of: &[u32]) -> Places {
    let mut out = Places {
        place: vec![false; spans.len()],
        located: vec![false; spans.len()],
        dateline: None,
    };
    for (n, s) in spans.iter().enumerate() {
        if s.kind != ActorKind::Country {
            continue;
        }
        let region = s.actor.as_str().starts_with("region:");
        let capital = s.role == MentionRole::Capital;
        let caps_name =
            s.role == MentionRole::Name && ctx.toks.toks[s.i].is(super::words::ALL_CAPS);
        if (capital || caps_name) && is_dateline(ctx, s) {
            out.place[n] = true;
            out.located[n] = true;
            if out.dateline.is_none() && s.i < 400 {
                out.dateline = s.country.clone();
            }
            continue;
        }
        // "its Spanish acronym": a language, not a country.
        if s.role == MentionRole::Demonym {
            out.place[n] = ctx.flag(s.j, LANGUAGE);
            continue;
        }
        let metonym = s.role == MentionRole::Metonym;
        if !capital && !region && !metonym && s.role != MentionRole::Name {
            continue;
        }
        let before = previous_word(ctx, s.i);
        let coordinated_place = n > 0
            && out.place[n - 1]
            && before.is_some_and(|p| {
                matches!(ctx.key(p), "and" | "y" | "or" | "o" | ",") && p == spans[n - 1].j
            });
        let situated = situated(ctx, s, before, sentence_of);
        let determined =
            before.is_some_and(|p| ctx.flag(p, DETERMINER) && !(ctx.spanish && ctx.key(p) == "a"));
        if capital || region || metonym {
            out.place[n] = coordinated_place
                || (situated && !possessive(ctx, s.j))
                || (capital && determined)
                || (capital && names_its_country(ctx, s.j, spans.get(n + 1)))
                || (region && starts_program_name(ctx, s.j));
        }
        out.located[n] = !region && situated;
    }
    out
}

/// A dateline: the name starts a line, and a comma, a bracket or a dash follows, with a date
/// or an agency before the line ends ("LIMA, March 3 (Reuters) –", "Washington, DC").
fn is_dateline(ctx: &Ctx, s: &Span) -> bool {
    if !ctx.toks.toks[s.i].is(LINE_START) || !matches!(ctx.key(s.j), "," | "(" | "." | "-") {
        return false;
    }
    let mut k = s.j + 1;
    while k < ctx.toks.len() && k < s.j + 8 && !ctx.toks.toks[k].is(LINE_START) {
        let t = ctx.toks.toks[k];
        let key = ctx.key(k);
        if key.starts_with(|c: char| c.is_ascii_digit())
            || key == "("
            || (t.is(UPPER) && ctx.flag(k, super::lexicon::STOP))
            || t.is(super::words::ALL_CAPS)
        {
            return true;
        }
        k += 1;
    }
    ctx.toks.toks.get(k).is_none_or(|t| t.is(LINE_START))
}

/// The word before token `i`, skipping "the", "la", "el".
fn previous_word(ctx: &Ctx, i: usize) -> Option<usize> {
    let p = i.checked_sub(1)?;
    if matches!(ctx.key(p), "the" | "la" | "el") {
        p.checked_sub(1)
    } else {
        Some(p)
    }
}

/// Is the name a location: after "in", a verb of travel, or "to"/"from" with no cue of giving
/// shortly before in the sentence?
fn situated(ctx: &Ctx, s: &Span, before: Option<usize>, sentence_of: &[u32]) -> bool {
    let Some(p) = before else {
        return false;
    };
    // "visited Nicaragua", "visitó después Nicaragua"
    let travelled =
        ctx.flag(p, MOTION) || (p > 0 && ctx.flag(p - 1, MOTION) && !ctx.toks.toks[p].is(UPPER));
    if ctx.flag(p, LOCATIVE) || travelled {
        return true;
    }
    if !ctx.flag(p, DIRECTIONAL) {
        return false;
    }
    // The nearest cue of giving before "to", unless goods move in between ("the aid reduced
    // the flow of cocaine to Europe").
    let from = p.saturating_sub(GIVING_REACH);
    let giving = (from..p).rev().find(|&k| {
        sentence_of.get(k) == sentence_of.get(s.i)
            && ctx.cue_of[k]
                .is_some_and(|c| ctx.lex.cue_types.get(c as usize).is_some_and(|t| t.gives))
    });
    giving.is_none_or(|g| (g + 1..p).any(|k| ctx.flag(k, TRAFFIC)))
}

/// "Central America Regional Security Initiative": capitalised words after the name up to a
/// programme's last word.
fn starts_program_name(ctx: &Ctx, j: usize) -> bool {
    let mut k = j;
    while k < ctx.toks.len() && k < j + 6 && ctx.toks.toks[k].is_cap() {
        if ctx.flag(k, PROGRAM) {
            return k > j;
        }
        k += 1;
    }
    false
}

fn possessive(ctx: &Ctx, j: usize) -> bool {
    ctx.key(j) == "'" && ctx.key(j + 1) == "s"
}

/// "Managua, Nicaragua": a capital followed by a comma and its country is a place.
fn names_its_country(ctx: &Ctx, j: usize, next: Option<&Span>) -> bool {
    ctx.key(j) == "," && next.is_some_and(|n| n.i == j + 1 && n.kind == ActorKind::Country)
}

/// Give each generic body its country (see the module's notes); bodies left without one are
/// marked in `drop`.
pub(crate) fn generic_countries(
    ctx: &Ctx,
    spans: &mut [Span],
    places: &Places,
    sentence_of: &[u32],
    drop: &mut [bool],
) {
    // Canonical name → countries seen with it, in order.
    let mut seen: std::collections::HashMap<String, Vec<String>> = Default::default();
    let mut located: Option<(u32, String)> = None;
    for n in 0..spans.len() {
        let sentence = sentence_of.get(spans[n].i).copied().unwrap_or(u32::MAX);
        if places.located[n]
            && let Some(c) = &spans[n].country
        {
            located = Some((sentence, c.clone()));
        }
        let Some(base) = spans[n].generic.clone() else {
            continue;
        };
        if spans[n].kind != ActorKind::Org {
            continue;
        }
        let country = spans[n].country.clone().or_else(|| {
            let earlier = seen.get(&base).and_then(|list| {
                let dateline = places.dateline.as_ref().filter(|d| list.contains(d));
                dateline.or(list.last()).cloned()
            });
            earlier
                .or_else(|| default_country(ctx, &base))
                .or_else(|| {
                    located
                        .as_ref()
                        .filter(|(s, _)| *s == sentence)
                        .map(|(_, c)| c.clone())
                })
                .or_else(|| places.dateline.clone())
        });
        let Some(country) = country else {
            drop[n] = true;
            continue;
        };
        seen.entry(base.clone()).or_default().push(country.clone());
        let s = &mut spans[n];
        s.country = Some(country.clone());
        match generic_actor(ctx, &base, &country) {
            Ok((id, name)) => {
                s.actor = id;
                s.name = name;
            }
            Err(id) => s.actor = id,
        }
    }
}

/// The country a bare English generic name means where nothing says ("Congress": US).
fn default_country(ctx: &Ctx, base: &str) -> Option<String> {
    if ctx.spanish {
        return None;
    }
    ctx.lex
        .lists
        .generic
        .iter()
        .find(|g| g.id == base)
        .and_then(|g| g.default_country.clone())
}

/// The actor a generic body of a country is: the gazetteer's entry for it ("navy" of MX is
/// SEMAR) with its name, else (`Err`) `org:<name>-<country>`.
fn generic_actor(ctx: &Ctx, base: &str, country: &str) -> Result<(ActorId, String), ActorId> {
    let lists = &ctx.lex.lists;
    let listed = lists
        .generic
        .iter()
        .position(|g| g.id == base)
        .and_then(|g| lists.country_generic.get(&(g as u16, country.to_owned())))
        .and_then(|e| ctx.lex.entry(*e));
    match listed {
        Some(e) => Ok((e.id.clone(), e.name.clone())),
        None => Err(ActorId(format!("org:{base}-{}", country.to_lowercase()))),
    }
}
