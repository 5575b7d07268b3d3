//! What a number measures: its currency, unit or counted noun, and its qualifier.

use super::*;
use crate::figures::lexicon::{Meaning, Money};

/// At most this many tokens make a counted noun phrase ("14 UH-60L Black Hawk helicopters").
const NOUN_PHRASE_TOKENS: usize = 12;

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

    /// The counted noun after a number: "24 Russian helicopters", or "six of the most violent
    /// countries" (then only the number is the figure's text). (noun, end token, of-pattern)
    pub(super) fn counted(&self, j: usize) -> Option<(String, usize, bool)> {
        if let Some((noun, end)) = self.count_noun(j) {
            return Some((noun, end, false));
        }
        if let Some((noun, end)) = self.bare_code(j) {
            return Some((noun, end, false));
        }
        if self.in_set(j, Set::Of) {
            let mut k = j + 1;
            let determiner = self.in_set(k, Set::Determiner)
                || self.in_set(k, Set::ContextDeterminer)
                || self.is_word(
                    k,
                    &["its", "their", "our", "his", "her", "whom", "sus", "su"],
                );
            if determiner {
                k += 1;
            }
            if self.is_word(k, &["most", "more"]) {
                k += 1;
            }
            // "9 of its 14 regional programs": the whole's number goes before its noun.
            if self.num_text(k).is_some() {
                k += 1;
            }
            if let Some((noun, end)) = self.count_noun(k) {
                return Some((noun, end, true));
            }
        }
        None
    }

    /// A plural noun phrase starting at token `j`, skipping up to four modifiers:
    /// (singular head noun, end token).
    pub(super) fn count_noun(&self, j: usize) -> Option<(String, usize)> {
        let mut k = j;
        let mut words = 0;
        while words < 5 && k < j + NOUN_PHRASE_TOKENS {
            let t = self.tok(k)?;
            match t.kind {
                TokKind::Word => {
                    let w = t.text(self.text);
                    let e = self.e(k);
                    if self.stays_in_phrase(j, k) {
                        k += 1;
                        continue;
                    }
                    if self.in_set(k, Set::PhraseBreak) || self.month(k).is_some() {
                        return None;
                    }
                    let code = self.joined(k + 1)
                        && (self.is_dash(k + 1) || self.num_text(k + 1).is_some());
                    let unit_word = e.is_some_and(|e| {
                        e.unit.is_some()
                            || e.currency.is_some()
                            || e.currency_or_weight.is_some()
                            || e.scale.is_some() && !self.capitalised_name(k)
                    });
                    // "UH-60L": letters joined to a code's digits are part of the code.
                    let in_code = k > j && self.joined(k);
                    if unit_word && !code && !in_code {
                        return None;
                    }
                    // A word joined to the next by a hyphen is a modifier ("anti-drug").
                    let hyphenated =
                        self.is_dash(k + 1) && self.joined(k + 1) && self.joined(k + 2);
                    // "police officers": "police" modifies a plural that follows.
                    let modifies_next = self.in_set(k, Set::NounModifier)
                        && self
                            .word(k + 1)
                            .and_then(|n| self.lang.singular(n))
                            .is_some();
                    // "24 nuevos helicópteros": an adjective before a noun is not the noun.
                    let adjective_first = self.in_set(k, Set::Adjective)
                        && self
                            .word(k + 1)
                            .is_some_and(|n| !self.lang.is(n, Set::PhraseBreak));
                    if !(hyphenated
                        || modifies_next
                        || adjective_first && self.lang.adjectives_after_noun)
                        && let Some(s) = self.lang.singular(w)
                    {
                        // "Four Seasons Hotel": a capitalised plural inside a name.
                        let capital = |x: &str| x.chars().next().is_some_and(char::is_uppercase);
                        let proper =
                            !self.headline && capital(w) && self.word(k + 1).is_some_and(capital);
                        if !proper {
                            return Some((self.named_plural(j, k, &s), k + 1));
                        }
                        return None;
                    }
                    let l = w.to_lowercase();
                    // "three of the cartel's leaders": a possessive modifies what follows.
                    let possessive = l.ends_with("'s") || l.ends_with("’s");
                    let modifier = possessive
                        || self.in_set(k, Set::Adjective)
                        || (l.ends_with("est") && l.len() > 4)
                        || l.ends_with("ian")
                        || w.chars().next().is_some_and(char::is_uppercase)
                        || l.ends_with("ed")
                        || hyphenated
                        || l.chars().all(char::is_alphabetic);
                    if !modifier {
                        return None;
                    }
                    k += if hyphenated { 2 } else { 1 };
                    words += 1;
                }
                // A model code made plural is the noun: "12 Su-30s", "36 UH-1Ns", "22 Bell 212s".
                TokKind::Number if k > j && self.joined(k + 1) => {
                    if let Some(code) = self.plural_code(j, k) {
                        return Some(code);
                    }
                    if !self.joined(k) && !self.capitalised_name(k - 1) {
                        return None;
                    }
                    k += 1;
                }
                // Model codes inside the phrase: "24 Mi-17 helicopters", "five Bell 412EP
                // helicopters" (digits after a maker's name, letters joined after them).
                TokKind::Number
                    if k > j
                        && (self.joined(k)
                            || self.word(k + 1).is_some() && self.capitalised_name(k - 1)) =>
                {
                    k += 1;
                }
                TokKind::Punct if self.is_dash(k) && self.joined(k) => k += 1,
                // "16 U.S. agencies", "130 U.S.-funded helicopters": the dots of initials.
                TokKind::Punct
                    if k > j
                        && self.punct(k) == Some(".")
                        && self.joined(k)
                        && self.word(k - 1).is_some_and(|w| {
                            w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase())
                        }) =>
                {
                    k += 1;
                }
                _ => return None,
            }
        }
        None
    }

    /// A break word that stays in the phrase starting at `j`: a conjunction between
    /// capitalised adjectives or model codes ("Nicaraguan and Central American police
    /// officers"), and "more" before the noun ("60 more helicopters"; "12 more than" ends).
    fn stays_in_phrase(&self, j: usize, k: usize) -> bool {
        (k > j && self.and_between_names(k))
            || (k == j
                && self.is_word(k, &["more"])
                && self.word(k + 1).is_some()
                && !self.in_set(k + 1, Set::PhraseBreak))
    }

    /// The word at `k` is capitalised in running text (not a headline, not all capitals): part
    /// of a name ("Mil Mi-171Sh", "Bell 412EP").
    pub(super) fn capitalised_name(&self, k: usize) -> bool {
        let Some(w) = self.word(k) else {
            return false;
        };
        let mut cs = w.chars();
        !self.headline && cs.next().is_some_and(char::is_uppercase) && cs.any(char::is_lowercase)
    }

    /// "and"/"y"/"e" at `k` joins two capitalised words ("Nicaraguan and Central American").
    /// Also between model codes: "150 Mi-17 and Mi-35 helicopters".
    fn and_between_names(&self, k: usize) -> bool {
        let code_before = self.num_text(k - 1).is_some() && self.joined(k - 1);
        // "VN-4 and VN-1 armored vehicles": a code in capitals after the "and".
        let code_after = code_before
            && self.word(k + 1).is_some()
            && self.joined(k + 2)
            && (self.is_dash(k + 2) || self.num_text(k + 2).is_some());
        self.is_word(k, &["and", "y", "e"])
            && (self.capitalised_name(k - 1) || code_before)
            && (self.capitalised_name(k + 1) || code_after)
            && !self.in_set(k + 1, Set::PhraseBreak)
    }

    /// The number token `k` ends a model code made plural ("Su-30s", "AK-47s", "UH-1Ns"):
    /// the code in lower case without the plural's "s", and the end token.
    fn plural_code(&self, j: usize, k: usize) -> Option<(String, usize)> {
        let suffix = self.word(k + 1)?;
        let letters = suffix.strip_suffix('s')?;
        if !(letters.is_empty() || letters.len() <= 2 && letters.chars().all(char::is_uppercase)) {
            return None;
        }
        // A noun after the code is the thing counted ("28 GAU-19s guns" is rare; "14 UH-60L
        // Black Hawk helicopters" has no plural code).
        let mut code_start = k;
        while code_start > j && self.joined(code_start) {
            code_start -= 1;
        }
        // "22 Bell 212s": digits alone take the maker's name before them.
        if code_start == k
            && code_start > j
            && self
                .word(k - 1)
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        {
            code_start = k - 1;
        }
        let start = self.toks.get(code_start)?.start;
        let end = self.toks.get(k + 1)?.end - 1;
        let code = self.text.get(start..end)?;
        let noun = self
            .lang
            .model_family(code)
            .map_or_else(|| code.to_lowercase(), str::to_owned);
        Some((noun, k + 2))
    }

    /// A model code with no noun after it, whose family the language file knows: "12 Mi-17
    /// y 4 Mi-8" (helicóptero), "42 UH-1H Huey II". (the family's noun, end token)
    fn bare_code(&self, j: usize) -> Option<(String, usize)> {
        let family = self.word(j)?;
        // After digits only: in "12 helicópteros Mil Mi-17", "Mil" is the maker, not 1,000;
        // and not after a year ("the 2019 Mi-17 crash").
        if j == 0
            || self.num_text(j - 1).is_none()
            || self
                .tok(j - 1)
                .is_some_and(|t| years::year_value(t, self.text).is_some())
            || !family.chars().next().is_some_and(char::is_uppercase)
            || !(self.is_dash(j + 1) && self.joined(j + 1) && self.joined(j + 2))
            || self.num_text(j + 2).is_none()
        {
            return None;
        }
        let noun = self.lang.model_family(family)?;
        // Letters and digits joined to the digits belong to the code ("171Sh", "30MK2").
        let mut end = j + 3;
        while end < j + NOUN_PHRASE_TOKENS && self.tok(end).is_some() && self.joined(end) {
            if self.is_dash(end) || self.punct(end).is_some() {
                break;
            }
            end += 1;
        }
        Some((noun.to_owned(), end))
    }

    /// "56 Black Hawks": a capitalised plural after capitalised words that are not adjectives
    /// of nationality is a name, counted whole ("black hawk").
    fn named_plural(&self, j: usize, k: usize, singular: &str) -> String {
        let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        if self.headline || !self.word(k).is_some_and(capital) {
            return singular.to_owned();
        }
        let mut first = k;
        while first > j
            && let Some(w) = self.word(first - 1)
            && capital(w)
            && !self.in_set(first - 1, Set::Adjective)
            && !["an", "ian", "ese", "ish", "i"]
                .iter()
                .any(|e| w.ends_with(e))
        {
            first -= 1;
        }
        if first == k {
            return singular.to_owned();
        }
        let mut name: Vec<String> = (first..k)
            .filter_map(|m| self.word(m))
            .map(str::to_lowercase)
            .collect();
        name.push(singular.to_owned());
        name.join(" ")
    }

    /// The first token of the qualifier before the number at `first` ("menos de 7.000" →
    /// "menos"), or `first` when none is written in words.
    pub(super) fn qualifier_start(&self, first: usize) -> usize {
        let Some(last) = first.checked_sub(1).and_then(|k| self.word(k)) else {
            return first;
        };
        let fits = |q: &&crate::figures::lexicon::Phrase| {
            let len = q.words.len();
            first >= len
                && matches!(q.meaning, Meaning::Qualifier(_))
                && q.words.iter().enumerate().all(|(k, w)| {
                    self.word(first - len + k)
                        .is_some_and(|x| crate::figures::lexicon::with_lower(x, |l| l == w))
                })
        };
        self.lang
            .qualifiers_ending(last)
            .iter()
            .find(fits)
            .map_or(first, |q| first - q.words.len())
    }

    pub(super) fn qualifier_before(&self, first: usize) -> Option<&'static str> {
        // Signs: "~500", "≈30%", ">50%", "<10%".
        let sign = match self.punct(first.wrapping_sub(1)) {
            Some("~" | "≈") => Some("about"),
            Some(">" | "≥") => Some("more than"),
            Some("<" | "≤") => Some("less than"),
            // "c. 1,000", "ca. 7,000"
            Some(".") if self.is_word(first.wrapping_sub(2), &["c", "ca"]) => Some("about"),
            _ => None,
        };
        if sign.is_some() {
            return sign;
        }
        let last = self.word(first.checked_sub(1)?)?;
        self.lang.qualifiers_ending(last).iter().find_map(|q| {
            let len = q.words.len();
            if first < len {
                return None;
            }
            let start = first - len;
            let fits = q.words.iter().enumerate().all(|(k, w)| {
                self.word(start + k)
                    .is_some_and(|x| crate::figures::lexicon::with_lower(x, |l| l == w))
            });
            match (&q.meaning, fits) {
                (Meaning::Qualifier(name), true) => Some(*name),
                _ => None,
            }
        })
    }
}
