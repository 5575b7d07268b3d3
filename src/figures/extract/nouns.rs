//! The counted noun after a number: "24 Russian helicopters", "six of the most violent
//! countries", model codes ("36 UH-1Ns", "12 Mi-17 y 4 Mi-8") and names counted whole ("56
//! Black Hawks").

use super::*;

/// At most this many tokens make a counted noun phrase ("14 UH-60L Black Hawk helicopters").
const NOUN_PHRASE_TOKENS: usize = 12;

impl<'a> Sentence<'a> {
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
}
