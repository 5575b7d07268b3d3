//! The rules for names the gazetteer does not know: people after a title ("Minister Juan Carlos
//! Pinzon", "drug czar Viktor Ivanov") or starting with a given name ("Carl Bildt"), and
//! organisations as capitalised names holding an organisation word ("Latin American Security and
//! Defense Network", "Armed Forces of Peru" → "Armed Forces", of Peru). Also who a person or a
//! generic organisation belongs to, from the words around it.

use super::extract::{Ctx, Span};
use super::lexicon::{GIVEN, ORG, Role, STOP, TITLE};
use super::words::ALL_CAPS;
use super::{ActorKind, MentionRole};

/// Words that join the parts of a name ("Ministry of Defense", "Fuerzas Armadas de Colombia").
pub(crate) const CONNECTORS: &[&str] = &[
    "of", "for", "and", "the", "on", "against", "de", "del", "la", "las", "los", "y", "para",
    "contra", "en", "e", "&", "-", "al", "el", "una", "un",
];

/// Particles inside people's names ("Luiz Inácio Lula da Silva", "Juan de la Cruz").
const PARTICLES: &[&str] = &[
    "de", "del", "da", "das", "do", "dos", "la", "van", "von", "der", "y", "di", "bin", "al", "-",
];

const MAX_NAME: usize = 5;

impl Ctx<'_> {
    pub(crate) fn key(&self, i: usize) -> &str {
        self.toks.key(i)
    }

    /// Can token `i` be a word of a person's name?
    fn name_word(&self, i: usize) -> bool {
        let Some(t) = self.toks.toks.get(i) else {
            return false;
        };
        let key = self.key(i);
        t.is_cap()
            && !t.is(ALL_CAPS)
            && !self.caps_run(i)
            && !self.flag(i, ORG)
            && (!self.flag(i, STOP | TITLE) || self.flag(i, GIVEN))
            && key.chars().next().is_some_and(char::is_alphabetic)
    }

    /// The length of a person's name starting at `i` (within `end`), particles included.
    pub(crate) fn name_len(&self, i: usize, end: usize) -> usize {
        if !self.name_word(i) {
            return 0;
        }
        let mut len = 1;
        let mut words = 1;
        let mut k = i + 1;
        while k < end && words < MAX_NAME {
            // An initial: "J." then a name word.
            if self.key(k) == "."
                && self.toks.text(self.text, k - 1).chars().count() == 1
                && self.name_word(k + 1)
                && k + 1 < end
            {
                k += 1;
                continue;
            }
            let mut j = k;
            while j < end && PARTICLES.contains(&self.key(j)) && j - k < 2 {
                j += 1;
            }
            let hyphen = self.key(k) == "-";
            if j < end && self.name_word(j) && (j == k || !hyphen || self.adjacent(k, j)) {
                words += 1;
                k = j + 1;
                len = k - i;
            } else {
                break;
            }
        }
        len
    }

    /// No white space between tokens `a` and `b` (and those between).
    fn adjacent(&self, a: usize, b: usize) -> bool {
        (a + 1..=b).all(|k| {
            self.toks
                .toks
                .get(k)
                .is_some_and(|t| !t.is(super::words::SPACE_BEFORE))
        })
    }

    /// A title at `i` ("Defense Minister", "drug czar" ends at "czar"): its length.
    pub(crate) fn title_len(&self, i: usize, end: usize) -> usize {
        for words in &self.word(i).titles {
            if i + words.len() <= end && words.iter().enumerate().all(|(n, w)| self.key(i + n) == w)
            {
                return words.len();
            }
        }
        0
    }

    /// A person named after a title at `i`: the name's span.
    pub(crate) fn titled_person(&self, i: usize, end: usize) -> Option<Span> {
        let t = self.title_len(i, end);
        if t == 0 {
            return None;
        }
        let mut k = i + t;
        // "Deputy Prime Minister Yuri Borisov": titles in a row.
        loop {
            let more = self.title_len(k, end);
            if more == 0 {
                break;
            }
            k += more;
        }
        // "President-elect", "Gen." : skip a dot after an abbreviated title.
        if self.key(k) == "." {
            k += 1;
        }
        let n = self.name_len(k, end);
        // A lone word after a title is a name only when it is no place or body ("President Putin").
        if n == 0 || (n == 1 && self.gazetteer_len(k, end).is_some()) {
            return None;
        }
        Some(self.person(k, k + n))
    }

    /// A person whose name starts with a known given name at `i`; `after_mention` when a
    /// mention ends right before `i` ("… Law Enforcement Affairs William R. Brownfield").
    pub(crate) fn named_person(&self, i: usize, end: usize, after_mention: bool) -> Option<Span> {
        if !self.flag(i, GIVEN) {
            return None;
        }
        let n = self.name_len(i, end);
        if n < 2 {
            return None;
        }
        // "Sao Bernardo do Campo": a given name inside a longer name is no person.
        if i > 0
            && !after_mention
            && !self.toks.toks[i].is(super::words::LINE_START)
            && self.name_word(i - 1)
        {
            return None;
        }
        // In a headline ("Marijuana Bill Faces Political, Economic Obstacles") a given name
        // starts a person only if the surname is also written elsewhere.
        if self.title_case(i) && !self.body_words().contains(self.key(i + n - 1)) {
            return None;
        }
        Some(self.person(i, i + n))
    }

    /// Folded capitalised words written outside headlines (built on first use).
    fn body_words(&self) -> &std::collections::HashSet<String> {
        self.body_words.get_or_init(|| {
            (0..self.toks.len())
                .filter(|&k| self.toks.toks[k].is_cap() && !self.title_case(k))
                .map(|k| self.key(k).to_owned())
                .collect()
        })
    }

    /// Is token `i` on a line in title case (every word of four letters or more capitalised)?
    fn title_case(&self, i: usize) -> bool {
        self.title_lines.get(i).copied().unwrap_or(false)
    }

    pub(crate) fn person(&self, i: usize, j: usize) -> Span {
        let name = self.phrase(i, j);
        Span {
            i,
            j,
            actor: super::ActorId(format!("person:{}", super::slug(&name))),
            role: MentionRole::Name,
            kind: ActorKind::Person,
            name,
            country: None,
            org: None,
            weak: false,
            generic: None,
        }
    }

    /// The text of tokens `i..j` as written.
    pub(crate) fn phrase(&self, i: usize, j: usize) -> String {
        let (Some(a), Some(b)) = (
            self.toks.toks.get(i),
            self.toks.toks.get(j.saturating_sub(1)),
        ) else {
            return String::new();
        };
        self.text
            .get(a.start as usize..b.end as usize)
            .unwrap_or("")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// A country or region named at `i` (name, capital or demonym): its length and country.
    pub(crate) fn place_at(&self, i: usize, end: usize) -> Option<(usize, Option<String>, Role)> {
        let (len, alias) = self.gazetteer_len(i, end)?;
        let a = self.lex.aliases.get(alias as usize)?;
        let e = self.lex.entry(a.entry)?;
        (e.kind == ActorKind::Country).then(|| (len, e.country.clone(), a.role))
    }

    /// Is "(ACRONYM)" right at token `j`?
    pub(crate) fn acronym_after(&self, j: usize) -> bool {
        self.acronym_in_parens(j).is_some()
    }

    /// "(FSKN)" at token `j`: the acronym's token range.
    pub(crate) fn acronym_in_parens(&self, j: usize) -> Option<(usize, usize)> {
        if self.key(j) != "(" {
            return None;
        }
        let mut k = j + 1;
        while k < self.toks.len() && k - j <= 3 && self.key(k) != ")" {
            let t = self.toks.toks[k];
            let ok = t.is(ALL_CAPS)
                || (self.key(k) == "-" && k > j + 1)
                || (t.is_word() && self.key(k).chars().all(|c| c.is_ascii_digit()) && k > j + 1);
            if !ok {
                return None;
            }
            k += 1;
        }
        (self.key(k) == ")" && k > j + 1 && self.toks.toks[j + 1].is(ALL_CAPS))
            .then_some((j + 1, k))
    }

    /// Is token `i` inside a stretch of three or more words in capitals (a shouted line)?
    pub(crate) fn caps_run(&self, i: usize) -> bool {
        self.caps_runs.get(i).copied().unwrap_or(false)
    }
}

/// Can the tokens between two mentions tie a person to the body or country before it?
/// Adjacent, a comma or a possessive ("FSKN, Viktor Ivanov"; "Russia's"), or title words with
/// a few lower-case words ("drug czar", "Minister of Defense").
pub(crate) fn title_gap(ctx: &Ctx, from: usize, to: usize) -> bool {
    if to < from || to - from > 8 {
        return false;
    }
    let keys: Vec<&str> = (from..to).map(|k| ctx.toks.key(k)).collect();
    if keys.iter().all(|k| matches!(*k, "," | "'" | "s")) {
        return true;
    }
    let mut titled = false;
    let mut k = from;
    while k < to {
        let t = ctx.title_len(k, to);
        if t > 0 {
            titled = true;
            k += t;
            continue;
        }
        let key = ctx.toks.key(k);
        let tok = ctx.toks.toks[k];
        let lower_word = tok.is_word() && !tok.is(super::words::UPPER);
        let ok = matches!(
            key,
            "'" | "s" | "-" | "," | "of" | "the" | "de" | "del" | "la" | "el" | "for"
        ) || (lower_word && !ctx.lex.is_stop(key) && ctx.lex.cue_word(key).is_none())
            || ctx.lex.is_generic(key);
        if !ok {
            return false;
        }
        k += 1;
    }
    titled
}

/// Whom each person and generic organisation belongs to, from the mentions around it.
pub(crate) fn affiliate(ctx: &Ctx, spans: &mut [Span], sentence_of: &[u32]) {
    let same_sentence = |a: usize, b: usize| sentence_of.get(a) == sentence_of.get(b);
    for p in 0..spans.len() {
        let (kind, role) = (spans[p].kind, spans[p].role);
        if kind == ActorKind::Person && role == MentionRole::Name {
            let (mut org, mut country) = (None, None);
            // Leftwards: "Russian drug czar Viktor Ivanov", "the director of Russia's Federal
            // Narcotics Service, Viktor Ivanov".
            let mut cur = p;
            while cur > 0 && p - cur < 3 {
                let m = cur - 1;
                if !same_sentence(spans[m].i, spans[p].i)
                    || !title_gap(ctx, spans[m].j, spans[cur].i)
                {
                    break;
                }
                take(&spans[m], &mut org, &mut country);
                cur = m;
            }
            // Rightwards: "Viktor Ivanov, the head of Russia's FSKN".
            let mut cur = p;
            while cur + 1 < spans.len() && cur - p < 3 {
                let n = cur + 1;
                let gap_ok = if cur == p {
                    ctx.toks.key(spans[p].j) == "," && title_gap(ctx, spans[p].j + 1, spans[n].i)
                } else {
                    title_gap(ctx, spans[cur].j, spans[n].i)
                        && (spans[cur].j..spans[n].i).all(|k| matches!(ctx.toks.key(k), "'" | "s"))
                };
                if !same_sentence(spans[n].i, spans[p].i) || !gap_ok {
                    break;
                }
                take(&spans[n], &mut org, &mut country);
                cur = n;
            }
            spans[p].org = org;
            if country.is_some() {
                spans[p].country = country;
            }
        } else if kind == ActorKind::Org && spans[p].country.is_none() && p > 0 {
            // "Peru's Armed Forces", "Colombian National Police".
            let m = p - 1;
            let gap = (spans[m].j..spans[p].i).all(|k| matches!(ctx.toks.key(k), "'" | "s"));
            if gap && spans[m].kind == ActorKind::Country && same_sentence(spans[m].i, spans[p].i) {
                spans[p].country = spans[m].country.clone();
            }
        }
    }
}

fn take(m: &Span, org: &mut Option<super::ActorId>, country: &mut Option<String>) {
    match m.kind {
        ActorKind::Org if org.is_none() => *org = Some(m.actor.clone()),
        ActorKind::Country if country.is_none() && m.country.is_some() => {
            *country = m.country.clone()
        }
        _ => {}
    }
}
