//! What a number measures: its currency, unit or counted noun, and its qualifier.

use super::*;

impl<'a> Sentence<'a> {
    /// A percent sign, scale word, currency or measure unit follows token `i`.
    pub(super) fn has_measure_after(&self, i: usize) -> bool {
        if self.punct(i + 1) == Some("%") {
            return true;
        }
        let Some(w) = self.word(i + 1) else {
            // "10-year"
            return self.is_dash(i + 1)
                && self
                    .word(i + 2)
                    .is_some_and(|w| lexicon::measure_unit(w, None).is_some());
        };
        lexicon::scale_word(w).is_some()
            || lexicon::currency_word(w).is_some()
            || lexicon::measure_unit(w, self.word(i + 2)).is_some()
    }

    /// A plural noun follows within a few modifiers.
    pub(super) fn plural_after(&self, i: usize) -> bool {
        self.count_noun(i + 1).is_some()
    }

    /// A currency written before the number at token `i`: (currency, first token).
    pub(super) fn money_before(&self, i: usize) -> Option<(String, usize)> {
        let p = i.checked_sub(1)?;
        if let Some(sym) = self.punct(p) {
            // "S/ 100" (Peruvian soles)
            if sym == "/" && self.word(p.wrapping_sub(1)) == Some("S") {
                return Some(("PEN".into(), p - 1));
            }
            let code = lexicon::currency_symbol(sym)?;
            if sym == "$" && p > 0 && !self.toks[p].space_before
                || sym == "$" && self.word(p.wrapping_sub(1)).is_some_and(|w| w == "US")
            {
                if let Some(prefix) = self.word(p - 1).and_then(lexicon::dollar_prefix) {
                    return Some((prefix.into(), p - 1));
                }
                // "U.S.$": the word "U.S" then "." then "$".
                if self.punct(p - 1) == Some(".")
                    && self
                        .word(p.wrapping_sub(2))
                        .is_some_and(|w| w.ends_with('S'))
                {
                    return Some(("USD".into(), p - 2));
                }
            }
            return Some((code.into(), p));
        }
        let w = self.word(p)?;
        // "$US 4 million", "$A 2 million": the symbol, then whose dollar it is.
        if self.punct(p.wrapping_sub(1)) == Some("$")
            && self.joined(p)
            && let Some(code) = lexicon::dollar_prefix(w)
        {
            return Some((code.into(), p - 1));
        }
        lexicon::currency_code(w).map(|c| (c.into(), p))
    }

    /// Find the currency, unit or counted noun of a number, and its qualifier.
    pub(super) fn attach(&self, c: &mut Cand) {
        let i = c.num.start;
        if let Some((cur, first)) = self.money_before(i) {
            c.currency = Some(cur);
            c.first = first;
        }
        c.qualifier = self.qualifier_before(c.first);
        if c.unit.is_some() {
            return; // fractions
        }
        let j = c.num.end;
        let joined = self.joined(j);
        // "45%"
        if self.punct(j) == Some("%") {
            c.unit = Some("percent".into());
            c.end = j + 1;
            return;
        }
        // "10-year", "30-day"
        if self.is_dash(j)
            && joined
            && self.joined(j + 1)
            && let Some((unit, 1)) = self
                .word(j + 1)
                .and_then(|w| lexicon::measure_unit(w, None))
        {
            // "18-year-old" is an age, not a figure to plot.
            let age = self.is_dash(j + 2) && self.is_word(j + 3, &["old"]);
            if age {
                c.dropped = true;
                c.end = j + 4;
                return;
            }
            // "a 20-ton shipment", "a 15-percent rise", "a 5,000-hectare plot"; not "4-g" or
            // "3-m", which name other things.
            let spelled = self.word(j + 1).is_some_and(|w| w.chars().count() > 2);
            if lexicon::is_duration(unit) || unit == "km" || spelled {
                c.unit = Some(unit.into());
                c.end = j + 2;
                return;
            }
        }
        // "a 30-million-dollar loan", "a 500-euro fine"
        if self.is_dash(j)
            && joined
            && self.joined(j + 1)
            && c.currency.is_none()
            && let Some(Some(code)) = self.word(j + 1).and_then(lexicon::currency_word)
        {
            c.currency = Some(code.into());
            c.end = j + 2;
            return;
        }
        let Some(w) = self.word(j) else {
            return;
        };
        // Currencies written after: "406 million dollars", "US dollars", "Mexican pesos", "USD".
        // "5.6 million U.S. dollars"
        let us_dotted = w == "U"
            && self.punct(j + 1) == Some(".")
            && self.word(j + 2) == Some("S")
            && self.punct(j + 3) == Some(".");
        let (adj, cur_at) = match self.word(j + 1) {
            _ if us_dotted
                && self
                    .word(j + 4)
                    .is_some_and(|n| lexicon::currency_word(n).is_some()) =>
            {
                (Some("US"), j + 4)
            }
            Some(next)
                if lexicon::currency_word(next).is_some()
                    && (w == "US"
                        || lexicon::peso_country(w).is_some()
                        || w.eq_ignore_ascii_case("american")) =>
            {
                (Some(w), j + 1)
            }
            _ => (None, j),
        };
        if let Some(cur_word) = self.word(cur_at) {
            // "pounds" after a bare number is weight; after "million" it is sterling.
            let weight_pounds = cur_word.to_lowercase().starts_with("pound") && c.scale.is_none();
            if !weight_pounds {
                let found = match lexicon::currency_word(cur_word) {
                    Some(Some(code)) => Some(code.to_owned()),
                    Some(None) => Some(
                        adj.and_then(lexicon::peso_country)
                            .or(self.ctx.peso)
                            .unwrap_or("peso")
                            .to_owned(),
                    ),
                    None if cur_word.eq_ignore_ascii_case("pounds")
                        || cur_word.eq_ignore_ascii_case("pound") =>
                    {
                        Some("GBP".to_owned())
                    }
                    None => lexicon::currency_code(cur_word).map(str::to_owned),
                };
                if let Some(code) = found {
                    if c.currency.is_none() {
                        c.currency = Some(code);
                    }
                    c.end = cur_at + 1;
                    self.per_kilogram(c);
                    return;
                }
            }
        }
        if c.currency.is_some() {
            self.per_kilogram(c);
            return;
        }
        // "km2", "km²", "m2": an area written with a joined 2.
        if matches!(w, "km" | "m" | "mi" | "sq")
            && self.joined(j + 1)
            && matches!(self.tok(j + 1).map(|t| t.text(self.text)), Some("2" | "²"))
        {
            c.unit = Some(
                match w {
                    "km" => "km2",
                    "mi" => "mi2",
                    _ => "m2",
                }
                .into(),
            );
            c.end = j + 2;
            return;
        }
        // "24.3 per 100,000 inhabitants": a rate.
        if w == "per"
            && self.num_text(j + 1).is_some()
            && let Some((noun, end)) = self.count_noun(j + 2)
        {
            c.unit = Some(format!("per {} {noun}", self.num_text(j + 1).unwrap_or("")));
            c.end = end;
            return;
        }
        if let Some((unit, len)) = lexicon::measure_unit(w, self.word(j + 1)) {
            // "5 m" is metres only when spaced; "ha" and "g" need a number written in digits.
            let short = matches!(w, "m" | "g" | "ha" | "t" | "T" | "gr" | "MT" | "mt");
            // "92 T-72 tanks": a letter joined to a dash or digits is a model code.
            let code =
                self.joined(j + len) && (self.is_dash(j + len) || self.num_text(j + len).is_some());
            if !(code || short && c.words) {
                c.unit = Some(unit.into());
                c.end = j + len;
                return;
            }
        }
        if let Some((noun, end, of_pattern)) = self.counted(j) {
            c.unit = Some(noun);
            if !of_pattern {
                c.end = end;
            }
        }
    }

    /// "$35,000 per kilogram" → a price per kilogram.
    pub(super) fn per_kilogram(&self, c: &mut Cand) {
        let j = c.end;
        let per = self.is_word(j, &["per", "a"]) || self.punct(j) == Some("/");
        if per && self.is_word(j + 1, &["kilogram", "kilo", "kg", "kilogramme"]) {
            c.unit = Some("/kg".into());
            c.end = j + 2;
        }
    }

    /// The counted noun after a number: "24 Russian helicopters", or "six of the most violent
    /// countries" (then only the number is the figure's text). (noun, end token, of-pattern)
    pub(super) fn counted(&self, j: usize) -> Option<(String, usize, bool)> {
        if let Some((noun, end)) = self.count_noun(j) {
            return Some((noun, end, false));
        }
        if self.is_word(j, &["of"]) {
            let mut k = j + 1;
            if self.is_word(
                k,
                &[
                    "the", "those", "these", "its", "their", "our", "his", "her", "all", "whom",
                ],
            ) {
                k += 1;
            }
            if self.is_word(k, &["most", "more"]) {
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
        while words < 5 {
            let t = self.tok(k)?;
            match t.kind {
                Kind::Word => {
                    let w = t.text(self.text);
                    let l = w.to_lowercase();
                    if lexicon::is_phrase_break(&l) || lexicon::month(w).is_some() {
                        return None;
                    }
                    let code = self.joined(k + 1)
                        && (self.is_dash(k + 1) || self.num_text(k + 1).is_some());
                    let unit_word = lexicon::measure_unit(&l, None).is_some()
                        || lexicon::currency_word(&l).is_some()
                        || lexicon::scale_word(&l).is_some();
                    if unit_word && !code {
                        return None;
                    }
                    // A word joined to the next by a hyphen is a modifier ("anti-drug").
                    let hyphenated =
                        self.is_dash(k + 1) && self.joined(k + 1) && self.joined(k + 2);
                    // "police officers": "police" modifies a plural that follows.
                    let modifies_next =
                        l == "police" && self.word(k + 1).and_then(lexicon::singular).is_some();
                    if !hyphenated
                        && !modifies_next
                        && let Some(s) = lexicon::singular(w)
                    {
                        // "Four Seasons Hotel": a capitalised plural inside a name.
                        let capital = |x: &str| x.chars().next().is_some_and(char::is_uppercase);
                        let proper = capital(w) && self.word(k + 1).is_some_and(capital);
                        if !proper && !matches!(l.as_str(), "times" | "folds") {
                            return Some((s, k + 1));
                        }
                        if !proper {
                            return None;
                        }
                    }
                    let modifier = lexicon::is_adjective(&l)
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
                // A model code made plural is the noun: "12 Su-30s", "a dozen AK-47s".
                Kind::Number
                    if k > j
                        && self.joined(k)
                        && self.word(k + 1) == Some("s")
                        && self.joined(k + 1) =>
                {
                    let code_start = (j..k)
                        .rev()
                        .take_while(|&m| m == k - 1 || self.joined(m + 1))
                        .last()
                        .unwrap_or(k);
                    let code = &self.text[self.toks[code_start].start..self.toks[k].end];
                    return Some((code.to_lowercase(), k + 2));
                }
                // Model codes inside the phrase: "24 Mi-17 helicopters".
                Kind::Number if k > j && self.joined(k) => k += 1,
                Kind::Punct if self.is_dash(k) && self.joined(k) => k += 1,
                _ => return None,
            }
        }
        None
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
        for (words, name) in QUALIFIERS {
            let len = words.len();
            if first < len {
                continue;
            }
            let start = first - len;
            if words
                .iter()
                .enumerate()
                .all(|(k, w)| self.is_word(start + k, &[w]))
            {
                return Some(name);
            }
        }
        None
    }
}
