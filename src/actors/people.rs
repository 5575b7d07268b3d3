//! People whose given name no list holds, by the shape of a name where a person must stand:
//! after a verb of saying ("said Rafael Toledo"), before one ("Laura Estrada said"), before an
//! apposition with a role ("Sergei Kornev, the head of …"), after a role and a comma ("el jefe
//! policial, Francisco Díaz Madriz"), and in bylines ("By Irina Volkova", "Reporting by Lucas
//! Ferreira; Editing by Helen Marsh"), where names may be written in capitals.

use super::MentionRole;
use super::coref::{coverage, merge_spans};
use super::extract::{Ctx, Span};
use super::lexicon::{GENERIC, ORG, SPEECH, STOP, TITLE};
use super::words::{ALL_CAPS, LINE_START};

/// Words of a name read in a byline, at most.
const BYLINE_NAME: usize = 4;
/// Tokens between a role and the comma before the name ("ministro de Exteriores de Nicaragua").
const ROLE_GAP: usize = 7;

/// Find the people these shapes name among the tokens no mention covers yet.
pub(crate) fn more_people(ctx: &Ctx, spans: &mut Vec<Span>) {
    let covered = coverage(spans, ctx.toks.len());
    // A name made only of words of generic bodies ("Defensa Nacional, general …") is no one's.
    let free = |a: usize, b: usize| {
        b <= covered.len() && (a..b).all(|k| !covered[k]) && !ctx.all_generic(a, b)
    };
    let mut found = Vec::new();
    let n = ctx.toks.len();
    let mut k = 0;
    while k < n {
        if covered[k] {
            k += 1;
            continue;
        }
        // "said Rafael Toledo"
        if ctx.flag(k, SPEECH) {
            let len = ctx.name_len(k + 1, n);
            if len >= 2 && free(k + 1, k + 1 + len) {
                found.push(ctx.person(k + 1, k + 1 + len));
                k += 1 + len;
                continue;
            }
        }
        // "el jefe policial, Francisco Díaz Madriz"
        if ctx.flag(k, TITLE)
            && let Some((i, j)) = ctx.name_after_role(k, &covered)
            && free(i, j)
        {
            found.push(ctx.person(i, j));
            k = j;
            continue;
        }
        let len = if ctx.toks.toks[k].is_cap() {
            ctx.name_len(k, n)
        } else {
            0
        };
        if len >= 2 && free(k, k + len) && ctx.person_follows(k + len) {
            found.push(ctx.person(k, k + len));
            k += len;
            continue;
        }
        k += 1;
    }
    merge_spans(spans, found);
}

impl Ctx<'_> {
    /// A byline's opening words at `k` ("By", "Reporting by", "Editado por") at the start of a
    /// line, after "(" or after ";": one past them.
    pub(crate) fn byline_at(&self, k: usize) -> Option<usize> {
        let t = self.toks.toks.get(k)?;
        let opens = t.is(LINE_START)
            || k.checked_sub(1)
                .is_some_and(|p| matches!(self.key(p), "(" | ";"));
        if !opens || !t.is_cap() {
            return None;
        }
        self.lex.lists.bylines.iter().find_map(|words| {
            let fits = words.iter().enumerate().all(|(n, w)| self.key(k + n) == w);
            fits.then_some(k + words.len())
        })
    }

    /// The names of a byline from `k`, joined by "and", "y", "," or "&": pushed to `found`;
    /// returns where reading stopped.
    pub(crate) fn byline_names(
        &self,
        mut k: usize,
        free: &dyn Fn(usize, usize) -> bool,
        found: &mut Vec<Span>,
    ) -> usize {
        loop {
            let len = self.byline_name_len(k);
            if len < 2 || !free(k, k + len) {
                return k;
            }
            let mut p = self.person(k, k + len);
            p.role = MentionRole::Byline;
            found.push(p);
            k += len;
            if matches!(self.key(k), "and" | "y" | "," | "&") {
                k += 1;
            } else {
                return k;
            }
        }
    }

    /// A writer's name at `k`: capitalised words all written alike (all capitals, or not),
    /// none of them a stop word, an organisation word or the start of a known name.
    fn byline_name_len(&self, k: usize) -> usize {
        let Some(first) = self.toks.toks.get(k) else {
            return 0;
        };
        let caps = first.is(ALL_CAPS);
        let mut len = 0;
        while len < BYLINE_NAME {
            let m = k + len;
            let Some(t) = self.toks.toks.get(m) else {
                break;
            };
            let fits = t.is_cap()
                && t.is(ALL_CAPS) == caps
                && self.key(m).chars().next().is_some_and(char::is_alphabetic)
                && !self.flag(m, STOP | ORG)
                && self.gazetteer_len(m, m + 4).is_none()
                && (len == 0 || (t.is(super::words::SPACE_BEFORE) && !t.is(LINE_START)));
            if !fits {
                break;
            }
            len += 1;
        }
        len
    }

    /// After the role at `k` (a title, then up to a few lower-case, generic or place words),
    /// a comma and a name: the name's tokens.
    fn name_after_role(&self, k: usize, covered: &[bool]) -> Option<(usize, usize)> {
        let mut m = k + self.title_len(k, self.toks.len()).max(1);
        let stop = (m + ROLE_GAP).min(self.toks.len());
        while m < stop && self.key(m) != "," {
            let t = self.toks.toks[m];
            let ok = !t.is(LINE_START)
                && ((t.is_word() && !t.is(super::words::UPPER))
                    || self.flag(m, GENERIC | TITLE)
                    || covered[m]);
            if !ok {
                return None;
            }
            m += 1;
        }
        if self.key(m) != "," {
            return None;
        }
        let len = self.name_len(m + 1, self.toks.len());
        (len >= 2).then_some((m + 1, m + 1 + len))
    }

    /// Does a person's name end at `k`: a verb of saying follows ("Laura Estrada said"), or a
    /// comma and a role ("Sergei Kornev, the head of", "Rafael Toledo, a spokesman")?
    fn person_follows(&self, k: usize) -> bool {
        if self.flag(k, SPEECH) {
            return true;
        }
        if self.key(k) != "," {
            return false;
        }
        let mut m = k + 1;
        if matches!(self.key(m), "the" | "a" | "an" | "el" | "la" | "un" | "una") {
            m += 1;
        }
        self.title_len(m, self.toks.len()) > 0
            && self
                .toks
                .toks
                .get(m)
                .is_some_and(|t| !t.is(super::words::UPPER))
    }
}
