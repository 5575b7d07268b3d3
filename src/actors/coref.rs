//! Who a mention refers to within its article: acronyms defined in the text ("Federal Service
//! for Drug Control (FSKN)") name their body wherever they stand; people are named again by
//! surname; a body's short form ("State") names it where the text names it in full.

use std::collections::{HashMap, HashSet};

use super::extract::{Ctx, Span};
use super::words::{ALL_CAPS, LINE_START};
use super::{ActorId, ActorKind, MentionRole};

/// Acronyms defined in the text ("Latin American Security and Defense Network (RESDAL)") name
/// the organisation before them, here and wherever they stand alone; other acronyms are kept as
/// weak mentions that count only if another article defines them.
pub(crate) fn acronyms(ctx: &Ctx, spans: &mut Vec<Span>, sentence_of: &[u32]) {
    let mut defined: HashMap<String, usize> = HashMap::new();
    let mut added = Vec::new();
    for s in 0..spans.len() {
        if spans[s].kind != ActorKind::Org {
            continue;
        }
        let Some((a, b)) = ctx.acronym_in_parens(spans[s].j) else {
            continue;
        };
        let acronym = ctx.phrase(a, b);
        // An acronym the gazetteer knows names its entry: the long name before it is an alias.
        if let Some(next) = spans.get(s + 1).filter(|n| n.i == a)
            && next.role == MentionRole::Acronym
        {
            if spans[s].role == MentionRole::Name
                && ctx.lex.entry_by_id(spans[s].actor.as_str()).is_none()
            {
                let (actor, name, country) =
                    (next.actor.clone(), next.name.clone(), next.country.clone());
                spans[s].actor = actor;
                spans[s].name = name;
                spans[s].country = country;
                spans[s].generic = None;
            }
            defined.insert(acronym, s);
            continue;
        }
        // A generic body named with its country ("Peruvian National Police (PNP)") stays that
        // country's body; any other name takes the acronym as its id.
        let country_body = spans[s].generic.is_some() && spans[s].country.is_some();
        if ctx.lex.entry_by_id(spans[s].actor.as_str()).is_none() && !country_body {
            spans[s].actor = ActorId(format!("org:{}", super::slug(&acronym)));
            spans[s].generic = None;
        }
        let mut m = spans[s].clone();
        m.i = a;
        m.j = b;
        m.role = MentionRole::Acronym;
        added.push(m);
        defined.insert(acronym, s);
    }
    merge_spans(spans, added);
    // Bare acronyms: defined here, or weak.
    let covered = coverage(spans, ctx.toks.len());
    let mut bare = Vec::new();
    for k in 0..ctx.toks.len() {
        let t = ctx.toks.toks[k];
        if covered[k] || !t.is(ALL_CAPS) || ctx.caps_run(k) || sentence_of[k] == u32::MAX {
            continue;
        }
        let text = ctx.toks.text(ctx.text, k);
        let len = text.chars().count();
        if !(2..=10).contains(&len) || is_roman(text) || ctx.lex.is_stop(ctx.toks.key(k)) {
            continue;
        }
        let mut span = match defined.get(text).and_then(|s| spans.get(*s)) {
            Some(def) => def.clone(),
            None => Span {
                i: k,
                j: k + 1,
                actor: ActorId(format!("org:{}", super::slug(text))),
                role: MentionRole::Acronym,
                kind: ActorKind::Org,
                name: text.to_owned(),
                country: None,
                org: None,
                weak: true,
                generic: None,
            },
        };
        span.i = k;
        span.j = k + 1;
        span.role = MentionRole::Acronym;
        bare.push(span);
    }
    merge_spans(spans, bare);
}

fn is_roman(s: &str) -> bool {
    s.chars()
        .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'))
}

/// Which tokens a mention covers.
pub(crate) fn coverage(spans: &[Span], n: usize) -> Vec<bool> {
    let mut covered = vec![false; n];
    for s in spans {
        for c in covered.iter_mut().take(s.j).skip(s.i) {
            *c = true;
        }
    }
    covered
}

/// Add spans that cover no token already covered, keeping the order.
pub(crate) fn merge_spans(spans: &mut Vec<Span>, added: Vec<Span>) {
    if added.is_empty() {
        return;
    }
    spans.extend(added);
    spans.sort_by_key(|s| (s.i, std::cmp::Reverse(s.j)));
    let mut end = 0;
    spans.retain(|s| {
        let keep = s.i >= end;
        if keep {
            end = s.j;
        }
        keep
    });
}

/// People named again by surname ("Ivanov", "Castro Contreras") after their full name.
pub(crate) fn surnames(ctx: &Ctx, spans: &mut Vec<Span>) {
    // Folded surname (one or two words) → the persons with it, by first token.
    let mut by_surname: HashMap<String, Vec<usize>> = HashMap::new();
    for (n, s) in spans.iter().enumerate() {
        if s.kind != ActorKind::Person || s.j - s.i < 2 || s.role != MentionRole::Name {
            continue;
        }
        let words: Vec<usize> = (s.i + 1..s.j)
            .filter(|&k| ctx.toks.toks[k].is_cap())
            .collect();
        for (w, &k) in words.iter().enumerate() {
            if ctx.lex.is_given_name(ctx.toks.key(k)) && w + 1 < words.len() {
                continue; // a second given name ("Juan Carlos")
            }
            by_surname
                .entry(ctx.toks.key(k).to_owned())
                .or_default()
                .push(n);
            if let Some(&k2) = words.get(w + 1) {
                let two = format!("{} {}", ctx.toks.key(k), ctx.toks.key(k2));
                by_surname.entry(two).or_default().push(n);
            }
        }
    }
    if by_surname.is_empty() {
        return;
    }
    relink_titled(ctx, spans, &by_surname);
    // Folded words the text writes in lower case: a capitalised one at a sentence's start is a
    // common word there ("Young people …" after "Mark Young"), not the surname.
    let lower: HashSet<&str> = (0..ctx.toks.len())
        .filter(|&k| ctx.toks.toks[k].is_word() && !ctx.toks.toks[k].is_cap())
        .map(|k| ctx.toks.key(k))
        .collect();
    let covered = coverage(spans, ctx.toks.len());
    let mut found = Vec::new();
    let mut k = 0;
    while k < ctx.toks.len() {
        let t = ctx.toks.toks[k];
        if covered[k] || !t.is_cap() || ctx.caps_run(k) || ctx.lex.is_stop(ctx.toks.key(k)) {
            k += 1;
            continue;
        }
        let two = (k + 1 < ctx.toks.len() && !covered[k + 1] && ctx.toks.toks[k + 1].is_cap())
            .then(|| format!("{} {}", ctx.toks.key(k), ctx.toks.key(k + 1)))
            .and_then(|key| by_surname.get(&key).map(|p| (2, p)));
        let hit = two.or_else(|| {
            let key = ctx.toks.key(k);
            let common = sentence_start(ctx, k) && lower.contains(key);
            by_surname.get(key).filter(|_| !common).map(|p| (1, p))
        });
        let Some((len, persons)) = hit else {
            k += 1;
            continue;
        };
        if let Some(p) = nearest(spans, persons, k) {
            let mut s = p.clone();
            s.i = k;
            s.j = k + len;
            s.role = MentionRole::Surname;
            found.push(s);
        }
        k += len;
    }
    merge_spans(spans, found);
}

/// The full name in `persons` (span indices in text order) nearest before token `k`, else the
/// first after: the last one before `k`, found by halving.
fn nearest<'s>(spans: &'s [Span], persons: &[usize], k: usize) -> Option<&'s Span> {
    let before = persons.partition_point(|&p| spans[p].i < k);
    before
        .checked_sub(1)
        .and_then(|b| persons.get(b))
        .or(persons.first())
        .and_then(|&p| spans.get(p))
}

/// Does token `k` start a sentence or a line?
fn sentence_start(ctx: &Ctx, k: usize) -> bool {
    k == 0
        || ctx.toks.toks[k].is(LINE_START)
        || matches!(
            ctx.toks.key(k - 1),
            "." | "!" | "?" | "\"" | "“" | "«" | "¿" | "¡"
        )
}

/// A one-word person found after a title ("Minister Pinzón", "Assistant Secretary Brownfield")
/// whose word is the surname of a full name in the article ("Juan Carlos Pinzón") is that
/// person, named by surname.
fn relink_titled(ctx: &Ctx, spans: &mut [Span], by_surname: &HashMap<String, Vec<usize>>) {
    let mut found = Vec::new();
    for (n, s) in spans.iter().enumerate() {
        if s.kind != ActorKind::Person || s.j - s.i != 1 || s.role != MentionRole::Name {
            continue;
        }
        let Some(full) = by_surname
            .get(ctx.toks.key(s.i))
            .and_then(|persons| nearest(spans, persons, s.i))
        else {
            continue;
        };
        let mut m = full.clone();
        m.i = s.i;
        m.j = s.j;
        m.role = MentionRole::Surname;
        found.push((n, m));
    }
    for (n, m) in found {
        spans[n] = m;
    }
}

/// Short forms of a body the text also names in full ("State" where the Department of State
/// is named, as GAO and CRS reports write): capitalised, not after "of" or "the", not before
/// another capitalised word.
pub(crate) fn short_forms(ctx: &Ctx, spans: &mut Vec<Span>) {
    let shorts = &ctx.lex.lists.short_forms;
    if shorts.is_empty() {
        return;
    }
    let named: std::collections::HashSet<&str> = spans.iter().map(|s| s.actor.as_str()).collect();
    let covered = coverage(spans, ctx.toks.len());
    let mut found = Vec::new();
    for (k, &is_covered) in covered.iter().enumerate().take(ctx.toks.len()) {
        let t = ctx.toks.toks[k];
        if is_covered || !t.is_cap() || t.is(ALL_CAPS) {
            continue;
        }
        let Some(entries) = shorts.get(ctx.toks.key(k)) else {
            continue;
        };
        let Some(e) = entries
            .iter()
            .filter_map(|e| ctx.lex.entry(*e))
            .find(|e| named.contains(e.id.as_str()))
        else {
            continue;
        };
        let before = k.checked_sub(1).map_or("", |p| ctx.toks.key(p));
        let next_cap = ctx.toks.toks.get(k + 1).is_some_and(|n| n.is_cap());
        if matches!(before, "of" | "the" | "de" | "del" | "el" | "la") || next_cap {
            continue;
        }
        found.push(Span {
            i: k,
            j: k + 1,
            actor: e.id.clone(),
            role: MentionRole::Acronym,
            kind: e.kind,
            name: e.name.clone(),
            country: e.country.clone(),
            org: None,
            weak: false,
            generic: None,
        });
    }
    merge_spans(spans, found);
}
