//! What a number measures: its currency or unit (the counted noun is in [`super::nouns`],
//! the qualifier in [`super::qualifiers`]).

use super::*;
use crate::figures::lexicon::{Meaning, Money};

impl<'a> Sentence<'a> {
    /// The longest phrase starting at token `j` whose meaning `want` accepts: (meaning, words).
    pub(super) fn phrase_at<T>(
        &self,
        j: usize,
        want: impl Fn(&Meaning) -> Option<T>,
    ) -> Option<(T, usize)> {
        let first = self.word(j)?;
        if !self.e(j).is_some_and(|e| e.starts_phrase) {
            return None;
        }
        self.lang.phrases_from(first).iter().find_map(|p| {
            let fits = p.words.iter().enumerate().skip(1).all(|(k, w)| {
                self.word(j + k)
                    .is_some_and(|x| crate::figures::lexicon::with_lower(x, |l| l == w))
            });
            if fits {
                want(&p.meaning).map(|t| (t, p.words.len()))
            } else {
                None
            }
        })
    }

    /// A unit of measure written at token `j`: (unit index, words, only after digits).
    pub(super) fn unit_at(&self, j: usize) -> Option<(usize, usize, bool)> {
        if let Some((u, len)) = self.phrase_at(j, |m| match m {
            Meaning::Unit(u) => Some(*u),
            _ => None,
        }) {
            return Some((u, len, false));
        }
        let e = self.e(j)?;
        // "Barrio 18 has 10,000 members": a short form that is also a verb of the language,
        // followed by a number, is the verb.
        if e.short_unit && e.is(Set::PhraseBreak) && self.num_text(j + 1).is_some() {
            return None;
        }
        e.unit.map(|u| (u, 1, e.short_unit))
    }

    /// A currency named at token `j` by a word, a phrase or an ISO code: (currency, words,
    /// a weight when no scale word came before — "pounds", "libras").
    pub(super) fn currency_at(&self, j: usize) -> Option<(Money, usize, bool)> {
        if let Some((m, len)) = self.phrase_at(j, |m| match m {
            Meaning::Currency(c) => Some(*c),
            _ => None,
        }) {
            return Some((m, len, false));
        }
        if let Some(e) = self.e(j) {
            if let Some(m) = e.currency {
                return Some((m, 1, false));
            }
            if let Some(m) = e.currency_or_weight {
                return Some((m, 1, true));
            }
        }
        self.word(j)
            .and_then(|w| self.lex.code(w))
            .map(|c| (Money::Code(c), 1, false))
    }

    /// A percent sign, scale word, currency or measure unit follows token `i`.
    pub(super) fn has_measure_after(&self, i: usize) -> bool {
        if self.punct(i + 1) == Some("%") {
            return true;
        }
        if self.word(i + 1).is_none() {
            // "10-year"
            return self.is_dash(i + 1) && self.unit_at(i + 2).is_some();
        }
        self.e(i + 1).is_some_and(|e| e.scale.is_some())
            || self.currency_at(i + 1).is_some()
            || self.unit_at(i + 1).is_some()
    }

    /// A plural noun follows within a few modifiers.
    pub(super) fn plural_after(&self, i: usize) -> bool {
        self.count_noun(i + 1).is_some()
    }

    /// A currency written before the number at token `i`: (currency, first token). Symbols
    /// may be several tokens written together ("US$", "U.S.$", "S/.", "R$").
    pub(super) fn money_before(&self, i: usize) -> Option<(String, usize)> {
        let p = i.checked_sub(1)?;
        if let Some(w) = self.word(p)
            && let Some(code) = self.lex.code(w)
            && self.punct(p.wrapping_sub(1)) != Some("$")
        {
            return Some((code.to_owned(), p));
        }
        // The longest run of tokens written together that is a known symbol.
        let mut best = None;
        let mut k = p;
        loop {
            let s = self.toks[k].start;
            let e = self.toks[p].end;
            if e - s > self.lex.longest_symbol {
                break;
            }
            if let Some(m) = self.text.get(s..e).and_then(|sym| self.lex.symbol(sym)) {
                best = Some((m, k));
            }
            if k == 0 || self.toks[k].space_before {
                break;
            }
            k -= 1;
        }
        let (m, first) = best?;
        let code = self
            .ctx
            .currency(m)
            .map(str::to_owned)
            .or_else(|| match m {
                Money::Local(l) => self.lex.locals.get(l).map(|l| l.name.clone()),
                Money::Code(c) => Some(c.to_owned()),
            })?;
        Some((code, first))
    }

    /// Find the currency, unit or counted noun of a number, and its qualifier.
    pub(super) fn attach(&self, c: &mut Cand) {
        let i = c.num.start;
        if let Some((cur, first)) = self.money_before(i) {
            c.dollar_sign = self.punct(first) == Some("$") && first + 1 == i;
            c.currency = Some(cur);
            c.first = first;
        }
        c.qualifier = self.qualifier_before(c.first);
        if c.unit.is_some() {
            return; // fractions
        }
        let j = c.num.end;
        if self.joined_unit(c, j) {
            return;
        }
        // "28 millones de dólares", "un millón de toneladas": "of" after a scale word.
        let k = if c.scale.is_some() && self.in_set(j, Set::Of) && self.lang.code != "en" {
            j + 1
        } else {
            j
        };
        if let Some((code, end)) = self.currency_after(k, c) {
            if c.currency.is_none() || c.dollar_sign {
                c.currency = Some(code);
            }
            c.end = end;
            self.per_unit(c);
            return;
        }
        if c.currency.is_some() {
            self.per_unit(c);
            return;
        }
        let Some(w) = self.word(j) else {
            return;
        };
        // "km2", "km²", "m2": an area written with a joined 2.
        if matches!(w, "km" | "m" | "mi" | "sq")
            && self.joined(j + 1)
            && matches!(self.tok(j + 1).map(|t| t.text(self.text)), Some("2" | "²"))
        {
            let unit = match w {
                "km" => "km2",
                "mi" => "mi2",
                _ => "m2",
            };
            c.unit = Some(unit.into());
            c.end = j + 2;
            return;
        }
        // "24.3 per 100,000 inhabitants", "22,4 por cada 100.000 habitantes": a rate.
        let den_at = match w {
            "per" => Some(j + 1),
            "por" if self.is_word(j + 1, &["cada"]) => Some(j + 2),
            "por" => Some(j + 1),
            _ => None,
        };
        if let Some(at) = den_at
            && let Some(den) = self.num_text(at)
            && let Some((noun, end)) = self.count_noun(at + 1)
        {
            c.unit = Some(format!("per {den} {noun}"));
            c.end = end;
            return;
        }
        if self.unit_after(c, k) {
            return;
        }
        if let Some((noun, end, of_pattern)) = self.counted(j) {
            c.unit = Some(noun);
            if !of_pattern || k > j {
                c.end = end;
            }
        }
    }

    /// Units joined to the number: "45%", "10-year", "a 20-ton shipment", "a 30-million-dollar
    /// loan"; an age ("18-year-old") is dropped. True when one was found.
    fn joined_unit(&self, c: &mut Cand, j: usize) -> bool {
        let joined = self.joined(j);
        if self.punct(j) == Some("%") {
            c.unit = Some("percent".into());
            c.end = j + 1;
            return true;
        }
        if !(self.is_dash(j) && joined && self.joined(j + 1)) {
            return false;
        }
        if let Some((unit, 1, _)) = self.unit_at(j + 1) {
            if self.is_dash(j + 2) && self.is_word(j + 3, &["old"]) {
                c.dropped = true;
                c.end = j + 4;
                return true;
            }
            // Not "4-g" or "3-m", which name other things.
            let spelled = self.word(j + 1).is_some_and(|w| w.chars().count() > 2);
            let name = self.lex.unit_name(unit);
            if is_duration(name) || name == "km" || spelled {
                c.unit = Some(name.into());
                c.end = j + 2;
                return true;
            }
        }
        if c.currency.is_none()
            && let Some((m, 1, _)) = self.currency_at(j + 1)
            && let Some(code) = self.money_code(m, None)
        {
            c.currency = Some(code);
            c.end = j + 2;
            return true;
        }
        false
    }

    /// The ISO code of a currency as this article reads it; a country's adjective decides a
    /// peso ("Mexican pesos", "pesos mexicanos").
    fn money_code(&self, m: Money, adjective: Option<&'static str>) -> Option<String> {
        match m {
            Money::Code(c) => Some(c.to_owned()),
            Money::Local(l) => adjective
                .or_else(|| self.ctx.currency(m))
                .map(str::to_owned)
                .or_else(|| self.lex.locals.get(l).map(|l| l.name.clone())),
        }
    }

    /// A currency written after the number at token `k`: "406 million dollars", "US dollars",
    /// "Mexican pesos", "5.6 million U.S. dollars", "pesos mexicanos", "USD". (code, end token)
    fn currency_after(&self, k: usize, c: &Cand) -> Option<(String, usize)> {
        let w = self.word(k)?;
        let us_dotted = w == "U"
            && self.punct(k + 1) == Some(".")
            && self.word(k + 2) == Some("S")
            && self.punct(k + 3) == Some(".");
        let before = self.e(k).and_then(|e| e.currency_adjective);
        let (adjective, at) = if us_dotted && self.currency_at(k + 4).is_some() {
            (Some("USD"), k + 4)
        } else if before.is_some()
            && !self.lang.currency_adjective_after
            && self.currency_at(k + 1).is_some()
        {
            (before, k + 1)
        } else {
            (None, k)
        };
        let (m, len, or_weight) = self.currency_at(at)?;
        // "500 pounds" is a weight; "2 million pounds" is sterling, but "1.3 million pounds
        // of marijuana" (and "millones de libras de cocaína") weighs what follows "of".
        let weighs_what_follows =
            self.in_set(at + len, Set::Of) && self.word(at + len + 1).is_some();
        if or_weight && (c.scale.is_none() || weighs_what_follows) {
            return None;
        }
        let mut end = at + len;
        let mut adjective = adjective;
        if self.lang.currency_adjective_after
            && let Some(a) = self.e(end).and_then(|e| e.currency_adjective)
        {
            adjective = Some(a);
            end += 1;
        }
        Some((self.money_code(m, adjective)?, end))
    }

    /// A unit after the number, past up to two adjectives ("887 pure metric tons"). "ha", "t",
    /// "m" need digits; a letter joined to a hyphen and digits is a model code ("92 T-72
    /// tanks"). True when one was found.
    fn unit_after(&self, c: &mut Cand, j: usize) -> bool {
        for k in j..j + 3 {
            if let Some((unit, len, short)) = self.unit_at(k) {
                let short_word = self.word(k).is_some_and(|w| w.chars().count() <= 3);
                let code = short_word
                    && self.joined(k + len)
                    && (self.punct(k + len) == Some("-") || self.num_text(k + len).is_some());
                if code || short && c.words {
                    return false;
                }
                c.unit = Some(self.lex.unit_name(unit).to_owned());
                c.end = k + len;
                return true;
            }
            if !(self.in_set(k, Set::Adjective) && self.word(k + 1).is_some()) {
                return false;
            }
        }
        false
    }

    /// "$35,000 per kilogram", "$1,500/kilo", "US$ 300 per hectare", "2.000 dólares el kilo": a
    /// price per unit of weight, area, volume or length.
    pub(super) fn per_unit(&self, c: &mut Cand) {
        let j = c.end;
        let per = self.in_set(j, Set::Per) || self.punct(j) == Some("/");
        if !per {
            return;
        }
        if let Some((unit, len, short)) = self.unit_at(j + 1) {
            let u = &self.lex.units[unit];
            let rate = matches!(
                u.class,
                UnitClass::Weight | UnitClass::Area | UnitClass::Volume | UnitClass::Length
            );
            if rate && !(short && self.punct(j) != Some("/")) {
                c.unit = Some(format!("/{}", u.canonical));
                c.end = j + 1 + len;
            }
        }
    }
}
