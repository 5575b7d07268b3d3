//! Organisations the gazetteer does not list, by rule: a capitalised name holding an
//! organisation word ("Latin American Security and Defense Network"), with the country it is
//! named with as part of it ("Armed Forces of Peru", "Fuerza Aérea Colombiana", "Brazilian
//! Army", "U.S. Embassy" — one mention each, the longest); companies by their legal form
//! ("Embraer SA", "Petróleos de Venezuela, S.A.") or the noun before them ("la empresa mixta
//! Petrosinovensa"). A body named only with generic words ("Army", "Ministry of Defense") keeps
//! its canonical name in [`Span::generic`] and gets its country later.

use super::coref::{coverage, merge_spans};
use super::extract::{Ctx, Span};
use super::lexicon::{COMPANY, GENERIC, GIVEN, ORG, Role, STOP, TITLE};
use super::names::CONNECTORS;
use super::{ActorId, ActorKind, MentionRole};

const MAX_ORG: usize = 10;

/// Where a capitalised organisation name ends.
struct Extent {
    /// One past the name's own words ("Armed Forces").
    core: usize,
    /// One past the whole mention ("Armed Forces of Peru").
    end: usize,
    country: Option<String>,
}

impl Ctx<'_> {
    /// An organisation named by a capitalised sequence at `i` holding an organisation word.
    pub(crate) fn org_sequence(&self, i: usize, start: usize, end: usize) -> Option<Span> {
        let t = self.toks.toks.get(i)?;
        let key = self.key(i);
        // "Secretaría de Relaciones Exteriores": a title that is also a body's word may start it.
        let title = self.flag(i, TITLE) && !self.flag(i, ORG);
        if !t.is_cap() || self.caps_run(i) || self.flag(i, STOP) || title {
            return None;
        }
        // "Commanders of …": a plural title starts no body's name.
        if key
            .strip_suffix('s')
            .is_some_and(|s| self.lex.is_title_word(s))
        {
            return None;
        }
        let Extent {
            core,
            end: j,
            mut country,
        } = self.org_extent(i, end);
        // One word at the start of a sentence only when generic ("Congress approved"), and not
        // in a headline, where any word is capitalised ("Government Says").
        let headline = i == start && self.title_lines.get(i).copied().unwrap_or(false);
        let lone = j - i < 2 && i == start && (headline || !self.all_generic(i, core));
        if lone || !(i..core).any(|k| self.flag(k, ORG)) {
            return None;
        }
        // A demonym or country first is a mention of its own ("Mexican Sinaloa Cartel"), joined
        // to a generic name later ("Brazilian Army"), unless an acronym follows and makes the
        // whole an official name.
        if let Some((len, _, _)) = self.place_at(i, end)
            && len < core - i
            && (!self.acronym_after(j) || self.all_generic(i + len, core))
        {
            return None;
        }
        let generic = self.generic_base(i, core);
        // "the Interior Ministry in Lima": a generic body is the country's it stands in.
        if generic.is_some()
            && country.is_none()
            && matches!(self.key(j), "in" | "en")
            && let Some((_, c, Role::Name | Role::Capital)) = self.place_at(j + 1, end)
        {
            country = c;
        }
        Some(self.named_org(i, j, country, generic))
    }

    /// An organisation named by tokens `i..j`, its id the slug of the name.
    fn named_org(
        &self,
        i: usize,
        j: usize,
        country: Option<String>,
        generic: Option<String>,
    ) -> Span {
        let name = self.phrase(i, j);
        Span {
            i,
            j,
            actor: ActorId(format!("org:{}", super::slug(&name))),
            role: MentionRole::Name,
            kind: ActorKind::Org,
            name,
            country,
            org: None,
            weak: false,
            generic,
        }
    }

    /// How far the capitalised name at `i` goes, and the country named as part of it.
    fn org_extent(&self, i: usize, end: usize) -> Extent {
        let (mut k, mut last) = (i, i);
        while k < end && k - i < MAX_ORG {
            let tk = self.toks.toks[k];
            if k > i && CONNECTORS.contains(&self.key(k)) {
                let mut n = k;
                while n < end && CONNECTORS.contains(&self.key(n)) {
                    n += 1;
                }
                // "of Peru" ends the name and says whose it is; "of the International
                // Institute…" starts another name; "Army and Navy" are two.
                if let Some((len, c, role)) = self.place_at(n, end) {
                    if matches!(role, Role::Name | Role::Acronym)
                        && c.is_some()
                        && matches!(self.key(k), "of" | "de" | "del")
                    {
                        return Extent {
                            core: last,
                            end: n + len,
                            country: c,
                        };
                    }
                    break;
                }
                if self.gazetteer_len(n, end).is_some()
                    || (matches!(self.key(k), "and" | "y")
                        && (i..k).any(|x| self.flag(x, ORG))
                        && self.flag(n, ORG))
                {
                    break;
                }
                k += 1;
                continue;
            }
            // "Fuerza Aérea Colombiana", "Fuerzas Armadas colombianas": a demonym after a
            // generic name says whose it is.
            if k > i
                && self.all_generic(i, last)
                && let Some((len, c @ Some(_), Role::Demonym)) = self.place_at(k, end)
            {
                return Extent {
                    core: last,
                    end: k + len,
                    country: c,
                };
            }
            let key = self.key(k);
            if !(tk.is_cap()
                || (k > i && tk.is_word() && key.starts_with(|c: char| c.is_ascii_digit())))
                || (k > i && self.flag(k, STOP))
                || (k > i && self.flag(k, GIVEN) && self.name_len(k, end) >= 2)
            {
                break;
            }
            k += 1;
            last = k;
        }
        Extent {
            core: last,
            end: last,
            country: None,
        }
    }

    /// A body every country has, written in capitals on a line of capitals ("MINISTERIO DEL
    /// INTERIOR" heading a press release), where the rules for capitalised names do not read:
    /// the longest generic name at `i`, matched without regard to case.
    pub(crate) fn caps_body(&self, i: usize, end: usize) -> Option<Span> {
        if !self.caps_run(i) || !self.toks.toks.get(i)?.is(super::words::ALL_CAPS) {
            return None;
        }
        let mut key = String::new();
        let mut best = None;
        for j in i + 1..=end.min(i + MAX_ORG) {
            let t = self.toks.toks[j - 1];
            if !t.is_word() || !self.caps_run(j - 1) {
                break;
            }
            if j > i + 1 {
                key.push(' ');
            }
            key.push_str(self.key(j - 1));
            if let Some(g) = self.lex.lists.generic_of(&key) {
                best = Some((j, g));
            }
        }
        let (j, g) = best?;
        let generic = Some(self.lex.lists.generic[g as usize].id.clone());
        Some(self.named_org(i, j, None, generic))
    }

    /// Are tokens `i..j` all words of generic names (and at least one)?
    pub(crate) fn all_generic(&self, i: usize, j: usize) -> bool {
        j > i && (i..j).all(|k| self.flag(k, GENERIC))
    }

    /// The canonical name of a generic body at `i..j` ("army" for "Ejército"), or the slug of
    /// its words; `None` when a word is not generic.
    pub(crate) fn generic_base(&self, i: usize, j: usize) -> Option<String> {
        if !self.all_generic(i, j) {
            return None;
        }
        let key: Vec<&str> = (i..j).map(|k| self.key(k)).collect();
        Some(match self.lex.lists.generic_of(&key.join(" ")) {
            Some(g) => self.lex.lists.generic[g as usize].id.clone(),
            None => super::slug(&self.phrase(i, j)),
        })
    }

    /// A company's legal form at `k` (after an optional comma): one past its last token.
    fn legal_form(&self, k: usize) -> Option<usize> {
        let k = if self.key(k) == "," { k + 1 } else { k };
        self.lex.lists.suffixes.iter().find_map(|form| {
            let fits = k + form.len() <= self.toks.len()
                && form
                    .iter()
                    .enumerate()
                    .all(|(n, w)| self.toks.text(self.text, k + n) == w.text);
            fits.then_some(k + form.len())
        })
    }
}

/// A country named right before a body the rules found is part of its name: "Brazilian Army",
/// "U.S. Embassy", "Peruvian National Police" are one mention, the body of that country.
pub(crate) fn join_country_names(ctx: &Ctx, spans: &mut Vec<Span>) {
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans.drain(..) {
        let joined = out.last().is_some_and(|prev| {
            prev.j == s.i
                && prev.kind == ActorKind::Country
                && prev.country.is_some()
                && matches!(prev.role, MentionRole::Demonym | MentionRole::Name)
                && s.kind == ActorKind::Org
                && s.role == MentionRole::Name
                && ctx.lex.entry_by_id(s.actor.as_str()).is_none()
        });
        match out.last_mut() {
            Some(prev) if joined => {
                let name = ctx.phrase(prev.i, s.j);
                *prev = Span {
                    i: prev.i,
                    actor: ActorId(format!("org:{}", super::slug(&name))),
                    role: MentionRole::Name,
                    kind: ActorKind::Org,
                    name,
                    country: prev.country.take(),
                    ..s
                };
            }
            _ => out.push(s),
        }
    }
    *spans = out;
}

/// Companies by their legal form: a body's mention takes the form after it ("Boeing Co",
/// "Petróleos de Venezuela, S.A."); capitalised words before a form nothing else named are a
/// company ("Acme Widgets Inc."). Also a capitalised name right after a noun for a firm
/// ("la empresa mixta Petrosinovensa").
pub(crate) fn companies(ctx: &Ctx, spans: &mut Vec<Span>) {
    for s in spans.iter_mut().filter(|s| s.kind == ActorKind::Org) {
        if let Some(end) = ctx.legal_form(s.j)
            && ctx
                .toks
                .toks
                .get(s.j)
                .is_some_and(|t| !t.is(super::words::LINE_START))
        {
            s.j = end;
        }
    }
    let covered = coverage(spans, ctx.toks.len());
    let mut found = Vec::new();
    let mut k = 0;
    while k < ctx.toks.len() {
        if covered[k] || !ctx.toks.toks[k].is_cap() || ctx.caps_run(k) {
            k += 1;
            continue;
        }
        // A run of capitalised words nothing covers.
        let mut j = k;
        while j < ctx.toks.len() && j - k < 5 && !covered[j] && ctx.toks.toks[j].is_cap() {
            j += 1;
        }
        let after_noun = firm_noun_before(ctx, k);
        let form = ctx.legal_form(j);
        let first_ok = !ctx.flag(k, STOP | TITLE) && ctx.gazetteer_len(k, j).is_none();
        if first_ok && (form.is_some() || after_noun) {
            let name = ctx.phrase(k, j);
            found.push(Span {
                i: k,
                j: form.unwrap_or(j),
                actor: ActorId(format!("org:{}", super::slug(&name))),
                role: MentionRole::Name,
                kind: ActorKind::Org,
                name,
                country: None,
                org: None,
                weak: false,
                generic: None,
            });
        }
        k = j.max(k + 1);
    }
    merge_spans(spans, found);
}

/// Is there a noun for a firm just before token `k`, with at most two lower-case words or a
/// demonym between ("the state holding", "la petrolera rusa", "defense group")?
fn firm_noun_before(ctx: &Ctx, k: usize) -> bool {
    (1..=3).any(|back| {
        let Some(n) = k.checked_sub(back) else {
            return false;
        };
        ctx.flag(n, COMPANY)
            && !ctx.toks.toks[n].is(super::words::UPPER)
            && (n + 1..k).all(|m| {
                let t = ctx.toks.toks[m];
                t.is_word() && !t.is(super::words::UPPER)
            })
    })
}
