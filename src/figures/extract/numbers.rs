//! Reading a number: digits with separators and scale words, numbers in words, shares.

use super::*;

impl<'a> Sentence<'a> {
    /// A number written in digits at token `i`, with its scale.
    pub(super) fn digits_at(&self, i: usize) -> Option<Cand> {
        let s = self.num_text(i)?;
        let value = parse_digits(s, self.decimal_comma)?;
        let separators =
            s.contains([',', '.']) || s.contains([' ', '\u{00A0}', '\u{202F}', '\u{2009}']);
        let mut c = Cand::new(i, i + 1, value);
        c.separators = separators;
        // "2.5 million", "28 mil millones", "$5bn".
        let mut j = i + 1;
        // "a $1-billion credit", "a 30-million-dollar deal": a scale word joined by a hyphen.
        if self.punct(j) == Some("-")
            && self.joined(j)
            && self.joined(j + 1)
            && self.e(j + 1).is_some_and(|e| e.scale.is_some())
        {
            j += 1;
        }
        while let Some(w) = self.word(j) {
            let joined = self.joined(j);
            // "24 Mil Mi-171Sh helicopters": a capitalised scale word in running text (not a
            // headline, not in capitals) is a name.
            if self.capitalised_name(j) {
                break;
            }
            let scale = self.e(j).and_then(|e| e.scale).or_else(|| {
                (joined || self.lang.code != "en")
                    .then(|| self.lang.money_scale(w))
                    .flatten()
                    .filter(|_| self.money_before(i).is_some())
            });
            match scale {
                Some(f) if f >= 1e3 || c.scale.is_none() => {
                    c.value *= f;
                    c.scale = Some(c.scale.unwrap_or(1.0) * f);
                    // "500 mdd": millions of dollars.
                    if let Some(m) = self.e(j).and_then(|e| e.currency) {
                        c.currency = self.ctx.currency(m).map(str::to_owned);
                    }
                    j += 1;
                }
                _ => break,
            }
        }
        c.num = i..j;
        c.end = j;
        // "-38 percent": a minus sign that touches the number but not the word before it (not
        // the dash of "2010-2013" or of a range "10 - 20").
        if i > 0
            && matches!(self.punct(i - 1), Some("-" | "\u{2212}"))
            && self.joined(i)
            && !self.joined(i - 1)
        {
            c.value = -c.value;
            c.first = i - 1;
        }
        c.value.is_finite().then_some(c)
    }

    /// "2 mil 500 soldados", "16 mil 700 millones", "mil 300 millones de dólares" (Mexican and
    /// Central American press): "N mil M" is N × 1000 + M, and "N mil M millones" is that many
    /// millions, not two figures.
    pub(super) fn thousands_then_units(&self, c: &mut Cand) {
        if self.lang.code == "en"
            || !self.is_word(c.end.wrapping_sub(1), &["mil"])
            || c.value % 1000.0 != 0.0
        {
            return;
        }
        let Some(m) = self
            .num_text(c.end)
            .filter(|t| t.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|t| t.parse::<u32>().ok())
            .filter(|m| *m < 1000)
        else {
            return;
        };
        c.value += f64::from(m);
        c.end += 1;
        match self.e(c.end).and_then(|e| e.scale).filter(|f| *f >= 1e6) {
            Some(f) => {
                c.value *= f;
                c.scale = Some(f);
                c.end += 1;
            }
            None => c.scale = None,
        }
        c.num = c.num.start..c.end;
    }

    /// A number written in words starting at token `i` ("twenty-four", "a dozen", "treinta y
    /// cinco", "un millón").
    pub(super) fn words_at(&self, i: usize) -> Option<Cand> {
        // Most words are not numbers: decide that from the token's entry, without lowering it.
        let e = self.e(i);
        let numeric = e.is_some_and(|e| {
            e.number.is_some() || e.multiplier.is_some() || e.is(Set::IndefiniteOne)
        });
        if !numeric && !self.is_word(i, &["half"]) {
            return None;
        }
        let first = self.lower(i)?;
        if let Some(c) = self.fraction_at(i, &first) {
            return Some(c);
        }
        let mut j = i;
        let mut total = 0.0;
        let mut current = 0.0;
        let mut any = false;
        let mut scale: Option<f64> = None;
        let indefinite = self.in_set(i, Set::IndefiniteOne);
        // "a half-dozen", "half a dozen": six.
        let h = if indefinite { i + 1 } else { i };
        if self.is_word(h, &["half"])
            && (self.is_dash(h + 1) && self.joined(h + 1) || self.is_word(h + 1, &["a"]))
            && self.is_word(h + 2, &["dozen"])
        {
            current = 6.0;
            any = true;
            j = h + 3;
        } else if indefinite {
            let next = self.e(i + 1)?;
            if next.scale.is_none() && next.multiplier.is_none() {
                return None;
            }
            current = 1.0;
            j = i + 1;
        }
        while let Some(e) = self.e(j) {
            let as_scale = e.scale.filter(|f| *f >= 1e3 && (any || current > 0.0));
            if let Some(v) = e.number.filter(|_| as_scale.is_none()) {
                if any && current % 10.0 != 0.0 {
                    break; // "two three": not one number
                }
                current += v;
                any = true;
                j += 1;
                // "twenty-four"
                if self.is_dash(j)
                    && self.joined(j)
                    && self.joined(j + 1)
                    && let Some(v2) = self.e(j + 1).and_then(|e| e.number)
                    && v >= 20.0
                    && v2 < 10.0
                {
                    current += v2;
                    j += 2;
                }
                continue;
            }
            if let Some(m) = e.multiplier.filter(|_| any || current > 0.0) {
                current = current.max(1.0) * m;
                any = true;
                j += 1;
                continue;
            }
            if let Some(f) = e.scale.filter(|f| *f >= 1e3) {
                if !(any || current > 0.0) {
                    break; // "millions of", "millones de": not a number
                }
                total += current.max(1.0) * f;
                current = 0.0;
                scale = Some(scale.map_or(f, |s: f64| s.max(f)));
                any = true;
                j += 1;
                continue;
            }
            // "three hundred and fifty", "treinta y cinco"
            if e.is(Set::NumberJoiner)
                && any
                && let Some(next) = self.e(j + 1).and_then(|n| n.number)
                && (current >= 100.0 || current >= 20.0 && current % 10.0 == 0.0 && next < 10.0)
            {
                j += 1;
                continue;
            }
            break;
        }
        if !any {
            return None;
        }
        let mut c = Cand::new(i, j, total + current);
        c.scale = scale;
        c.words = true;
        self.and_a_half(&mut c);
        c.value.is_finite().then_some(c)
    }

    /// A change by a factor said in one word (unit `times`): "could double by 2020", "seizures
    /// tripled in 2018", "is triple the price", "a twofold increase", "se duplicó", "el
    /// triple". Not a name or an adjective before a noun ("double murder", "doble homicidio").
    pub(super) fn times_at(&self, i: usize) -> Option<Cand> {
        let factor = self.e(i)?.times?;
        if self.capitalised_name(i) || self.is_dash(i + 1) && self.joined(i + 1) {
            return None;
        }
        let before = i.wrapping_sub(1);
        let lead = self.in_set(before, Set::FutureAuxiliary)
            || self.in_set(before, Set::ForecastCue)
            || self.in_set(before, Set::TargetCue)
            || self.in_set(before, Set::Determiner)
            || self.is_word(
                before,
                &["to", "se", "is", "was", "are", "were", "es", "era", "é"],
            );
        let next_free = match self.tok(i + 1) {
            None => true,
            Some(t) if t.kind != TokKind::Word => true,
            Some(_) => {
                self.in_set(i + 1, Set::PhraseBreak)
                    || self.in_set(i + 1, Set::ChangeNoun)
                    || self.in_set(i + 1, Set::Determiner)
                    || self.in_set(i + 1, Set::Of)
            }
        };
        if !(lead || next_free) {
            return None;
        }
        let mut c = Cand::new(i, i + 1, factor);
        c.unit = Some("times".into());
        c.words = true;
        Some(c)
    }

    /// "two and a half years", "one and a half million people".
    fn and_a_half(&self, c: &mut Cand) {
        let j = c.end;
        if !(self.is_word(j, &["and"])
            && self.is_word(j + 1, &["a"])
            && self.is_word(j + 2, &["half"]))
        {
            return;
        }
        c.value += 0.5;
        c.num = c.first..j + 3;
        c.end = j + 3;
        if c.scale.is_none()
            && let Some(f) = self.e(j + 3).and_then(|e| e.scale).filter(|f| *f >= 1e3)
        {
            c.value *= f;
            c.scale = Some(f);
            c.num = c.first..j + 4;
            c.end = j + 4;
        }
    }

    /// "cut by a third", "grew by a quarter in 2015": a change by a share, where the share
    /// stands alone ("by a third party" names a party; "by a quarter century" is a period).
    pub(super) fn changed_by_share(&self, i: usize) -> bool {
        let alone = match self.tok(i + 2) {
            None => true,
            Some(t) if t.kind != TokKind::Word => true,
            Some(_) => {
                self.in_set(i + 2, Set::PhraseBreak) || self.is_word(i + 2, &["last", "compared"])
            }
        };
        self.is_word(i.wrapping_sub(1), &["by"]) && alone
    }

    /// "half", "a third", "two-thirds", "a quarter" used as a share of something.
    pub(super) fn fraction_at(&self, i: usize, first: &str) -> Option<Cand> {
        // "one in five prisoners", "one in every ten": a share.
        if first == "one" && self.is_word(i + 1, &["in"]) {
            let at = if self.is_word(i + 2, &["every"]) {
                i + 3
            } else {
                i + 2
            };
            let den = match self.e(at) {
                Some(e) => e.number,
                None => self
                    .num_text(at)
                    .filter(|s| s.len() <= 3)
                    .and_then(|s| s.parse::<f64>().ok()),
            };
            if let Some(den) = den.filter(|d| *d >= 2.0) {
                return Some(Cand::share(i, at + 1, 1.0 / den));
            }
        }
        let (value, end) = match first {
            "half" => (0.5, i + 1),
            "a" | "one"
                if self.is_word(i + 1, &["third", "quarter", "half"])
                    && (self.is_word(i + 2, &["of"]) || self.changed_by_share(i)) =>
            {
                let v = match self.lower(i + 1)?.as_str() {
                    "third" => 1.0 / 3.0,
                    "quarter" => 0.25,
                    _ => 0.5,
                };
                (v, i + 2)
            }
            "one" | "two" | "three" if self.is_dash(i + 1) && self.joined(i + 1) => {
                let den = match self.lower(i + 2)?.as_str() {
                    "third" | "thirds" => 3.0,
                    "quarter" | "quarters" => 4.0,
                    "half" => 2.0,
                    _ => return None,
                };
                (self.e(i)?.number? / den, i + 3)
            }
            "two" if self.is_word(i + 1, &["thirds"]) => (2.0 / 3.0, i + 2),
            "three" if self.is_word(i + 1, &["quarters"]) => (0.75, i + 2),
            _ => return None,
        };
        // A share needs "of" or a determiner after it, or a qualifier before it; "the first
        // half of 2015" is a period, not a share.
        let after_ok = self.is_word(
            end,
            &["of", "the", "its", "their", "his", "her", "all", "our"],
        );
        let before = self.lower(i.wrapping_sub(1)).unwrap_or_default();
        let qualified = matches!(
            before.as_str(),
            "than"
                | "nearly"
                | "almost"
                | "about"
                | "around"
                | "roughly"
                | "over"
                | "some"
                | "approximately"
                | "by"
        );
        let period = matches!(
            before.as_str(),
            "first" | "second" | "last" | "other" | "latter" | "former"
        ) || self.is_word(end, &["of"])
            && self.num_text(end + 1).is_some_and(|s| s.len() == 4);
        if period || !(after_ok || qualified) || first == "half" && self.is_word(end, &["a", "an"])
        {
            return None;
        }
        Some(Cand::share(i, end, value))
    }
}

/// A plain integer of at most four digits ("18", "737").
pub(super) fn small_or_plain(s: &str) -> bool {
    s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit())
}

/// The value of digits with separators, or `None` when it is not a finite number. A decimal
/// point unless `decimal_comma`: `35,000` and `1,200.5`; `5,4` (one or two digits after a
/// single comma) is a decimal comma either way, and `1.200.000` has grouping dots either way.
pub fn parse_digits(s: &str, decimal_comma: bool) -> Option<f64> {
    let s: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}'))
        .collect();
    let commas = s.matches(',').count();
    let dots = s.matches('.').count();
    let groups_of_three = |sep: char| s.split(sep).skip(1).all(|g| g.len() == 3);
    let normal: String = match (commas, dots) {
        (0, 0) => s.clone(),
        (_, 0) if !decimal_comma && groups_of_three(',') => s.replace(',', ""),
        (1, 0) => s.replace(',', "."),
        (_, 0) => s.replace(',', ""),
        (0, 1) if decimal_comma && groups_of_three('.') => s.replace('.', ""),
        (0, 1) => s.clone(),
        (0, _) => s.replace('.', ""),
        _ => {
            // Both: the last separator is the decimal one.
            let last_comma = s.rfind(',').unwrap_or(0);
            let last_dot = s.rfind('.').unwrap_or(0);
            if last_dot > last_comma {
                s.replace(',', "")
            } else {
                s.replace('.', "").replace(',', ".")
            }
        }
    };
    normal.parse::<f64>().ok().filter(|v| v.is_finite())
}
