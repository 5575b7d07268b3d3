//! The rules that find figures: numbers (digits or words) with their scale, currency or unit
//! or counted noun, qualifiers, ranges and lists, and the year each refers to. Dates, years,
//! ordinals, labels ("page 5"), model numbers ("Mi-17"), footnote marks and phone-like numbers
//! are not figures.

use std::ops::Range;

use super::lexicon::{self, QUALIFIERS};
use super::sentences::sentences;
use super::tokens::{Kind, Token, tokenize};
use super::years::{self, YearMention, is_dash, year_value};
use super::{Figure, Year};
use crate::corpus::{Article, TextIndex};

/// Extract the figures of an article.
pub fn extract_article(article: &Article) -> Vec<Figure> {
    extract_with_index(&article.text, &article.index)
}

/// Extract the figures of a text (already decoded: see `corpus::decode`).
pub fn extract(text: &str) -> Vec<Figure> {
    extract_with_index(text, &TextIndex::new(text))
}

fn extract_with_index(text: &str, index: &TextIndex) -> Vec<Figure> {
    let ctx = Context::of(text);
    let mut out = Vec::new();
    let mut toks = Vec::with_capacity(256);
    for range in sentences(text) {
        tokenize(text, range.clone(), &mut toks);
        if toks.is_empty() {
            continue;
        }
        let sentence = Sentence {
            text,
            toks: &toks,
            ctx: &ctx,
        };
        for raw in sentence.figures() {
            let (Some(start), Some(end), Some(s0), Some(s1)) = (
                index.char_of(text, raw.bytes.start),
                index.char_of(text, raw.bytes.end),
                index.char_of(text, range.start),
                index.char_of(text, range.end),
            ) else {
                continue;
            };
            out.push(Figure {
                start,
                end,
                text: text[raw.bytes.clone()].to_owned(),
                value: raw.value,
                unit: raw.unit,
                year: raw.year,
                qualifier: raw.qualifier.map(str::to_owned),
                sentence: (s0, s1),
            });
        }
    }
    out
}

/// Facts about the whole text that change how numbers read.
struct Context {
    /// Spanish-style numbers: `1.500` is fifteen hundred, `5,4` is five point four.
    spanish: bool,
    /// The peso meant when the text says "pesos" without a country.
    peso: Option<&'static str>,
}

impl Context {
    fn of(text: &str) -> Self {
        let head = &text[..floor_char_boundary(text, 20_000)];
        let count = |w: &str| head.matches(w).count();
        let spanish_words =
            count(" de ") + count(" la ") + count(" los ") + count(" que ") + count(" el ");
        let english_words = count(" the ") + count(" of ") + count(" and ");
        let peso = if text.contains("peso") || text.contains("Peso") {
            const COUNTRIES: [(&str, &str); 8] = [
                ("Mexic", "MXN"),
                ("Colombia", "COP"),
                ("Argentin", "ARS"),
                ("Chile", "CLP"),
                ("Cuba", "CUP"),
                ("Dominican", "DOP"),
                ("Urugua", "UYU"),
                ("Philippin", "PHP"),
            ];
            COUNTRIES
                .iter()
                .map(|(name, code)| (text.matches(name).count(), *code))
                .filter(|(n, _)| *n > 0)
                .max()
                .map(|(_, code)| code)
        } else {
            None
        };
        Self {
            spanish: spanish_words > 2 * english_words + 3,
            peso,
        }
    }
}

fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut i = at.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// What a number token turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Candidate,
    Year,
    Skip,
}

/// A figure before offsets are converted.
struct Raw {
    bytes: Range<usize>,
    value: f64,
    unit: String,
    year: Year,
    qualifier: Option<&'static str>,
}

/// "20 and 25 tons in 2016 and 2017, respectively": as many figures as years, paired in order.
fn pair_respectively(raws: &mut [Raw], mentions: &[YearMention]) {
    let years: Vec<Year> = mentions
        .iter()
        .filter(|m| matches!(m.year, Year::Point(_)))
        .map(|m| m.year)
        .collect();
    if years.len() >= 2 && years.len() == raws.len() {
        for (raw, year) in raws.iter_mut().zip(years) {
            raw.year = year;
        }
    }
}

/// A number found in a sentence, before ranges are linked and bare numbers dropped.
#[derive(Clone, Debug)]
struct Cand {
    /// First token of the figure (a currency sign or the number).
    first: usize,
    /// The number's own tokens.
    num: Range<usize>,
    /// One past the last token of the figure.
    end: usize,
    value: f64,
    /// A scale word was applied ("million").
    scale: Option<f64>,
    currency: Option<String>,
    unit: Option<String>,
    /// Written in words ("two"), not digits.
    words: bool,
    /// Digits with a thousands separator or a decimal point.
    separators: bool,
    qualifier: Option<&'static str>,
    /// Not a figure after all (an age); kept so its tokens are not read again.
    dropped: bool,
}

impl Cand {
    fn has_unit(&self) -> bool {
        self.unit.is_some() || self.currency.is_some()
    }
}

struct Sentence<'a> {
    text: &'a str,
    toks: &'a [Token],
    ctx: &'a Context,
}

const YEAR_LEADS: &[&str] = &[
    "in",
    "of",
    "by",
    "since",
    "during",
    "from",
    "to",
    "between",
    "and",
    "until",
    "till",
    "through",
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "this",
    "that",
    "for",
    "fiscal",
    "year",
    "early",
    "late",
    "mid",
    "before",
    "after",
    "as",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "on",
    "at",
    "around",
    "about",
    "circa",
    "c",
    "ca",
    "or",
    "end",
    "beginning",
    "start",
    "middle",
    "close",
    "course",
    "first",
    "second",
    "third",
    "fourth",
    "last",
    "half",
    "quarter",
    "part",
    "fy",
    "cy",
    "calendar",
    "within",
    "throughout",
    "over",
    "both",
];

/// Words that open a sentence with a time adverbial: "In 2014, …", "By the end of 2018, …".
const SENTENCE_OPENERS: &[&str] = &[
    "in",
    "during",
    "by",
    "since",
    "as",
    "between",
    "from",
    "until",
    "till",
    "through",
    "on",
    "at",
    "over",
    "within",
    "throughout",
    "for",
    "after",
    "before",
    "early",
    "late",
    "around",
    "circa",
];

impl<'a> Sentence<'a> {
    fn tok(&self, i: usize) -> Option<&Token> {
        self.toks.get(i)
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.toks.get(i)?;
        (t.kind == Kind::Word).then(|| t.text(self.text))
    }

    fn lower(&self, i: usize) -> Option<String> {
        self.word(i).map(str::to_lowercase)
    }

    fn is_word(&self, i: usize, words: &[&str]) -> bool {
        self.word(i)
            .is_some_and(|w| words.iter().any(|x| w.eq_ignore_ascii_case(x)))
    }

    fn punct(&self, i: usize) -> Option<&'a str> {
        let t = self.toks.get(i)?;
        (t.kind == Kind::Punct).then(|| t.text(self.text))
    }

    /// Token `i` touches the token before it (no white space between).
    fn joined(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before) && i > 0
    }

    fn is_dash(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| is_dash(t, self.text))
    }

    fn num_text(&self, i: usize) -> Option<&'a str> {
        let t = self.toks.get(i)?;
        (t.kind == Kind::Number).then(|| t.text(self.text))
    }

    /// All figures in the sentence.
    fn figures(&self) -> Vec<Raw> {
        let n = self.toks.len();
        let roles: Vec<Role> = (0..n).map(|i| self.role(i)).collect();
        let mut cands: Vec<Cand> = Vec::new();
        let mut i = 0;
        while i < n {
            let found = match self.toks[i].kind {
                Kind::Number if roles[i] == Role::Candidate => self.digits_at(i),
                Kind::Word => self.words_at(i),
                _ => None,
            };
            match found {
                Some(mut c) => {
                    self.attach(&mut c);
                    i = c.end.max(i + 1);
                    cands.push(c);
                }
                None => i += 1,
            }
        }
        self.merge_estimates(&mut cands);
        self.link_ranges(&mut cands);
        self.link_comparisons(&mut cands);
        let is_year: Vec<bool> = roles.iter().map(|r| *r == Role::Year).collect();
        let mentions = years::mentions(self.toks, self.text, &is_year);
        let clauses = self.clauses();
        let mut raws = cands
            .into_iter()
            .filter(|c| !c.dropped)
            .filter_map(|c| {
                let unit = match (&c.currency, &c.unit) {
                    (Some(cur), Some(u)) if u.starts_with('/') => format!("{cur}{u}"),
                    (Some(cur), _) => cur.clone(),
                    (None, Some(u)) => u.clone(),
                    (None, None) => {
                        // A bare number is a figure only when it is plainly a quantity.
                        let plain = c.scale.is_some() || (c.separators && c.value >= 1000.0);
                        if !plain {
                            return None;
                        }
                        String::new()
                    }
                };
                // "one" alone is an article or a pronoun, not a count.
                if c.value == 1.0 && c.scale.is_none() && lexicon::unit_is_count(&unit) {
                    return None;
                }
                let start = self.toks[c.first].start;
                let end = self.toks[c.end - 1].end;
                // "$1.6 billion over three years" spreads an amount; "for over three years"
                // is more than three.
                let spread = lexicon::is_duration(&unit)
                    && self.is_word(c.first.wrapping_sub(1), &["over"])
                    && !self.is_word(
                        c.first.wrapping_sub(2),
                        &[
                            "for", "after", "in", "of", "than", "lasted", "took", "spent", "served",
                        ],
                    );
                Some(Raw {
                    bytes: start..end,
                    value: c.value,
                    unit,
                    year: self.year_for(&c, &mentions, &clauses),
                    qualifier: if spread { None } else { c.qualifier },
                })
            })
            .collect::<Vec<Raw>>();
        if self.respectively() {
            pair_respectively(&mut raws, &mentions);
        }
        raws
    }

    /// Does the sentence say "respectively"?
    fn respectively(&self) -> bool {
        (0..self.toks.len()).any(|k| self.is_word(k, &["respectively"]))
    }

    /// Decide what the number token `i` is.
    fn role(&self, i: usize) -> Role {
        let t = &self.toks[i];
        if t.kind != Kind::Number {
            return Role::Skip;
        }
        let s = t.text(self.text);
        let joined_prev = i > 0 && !t.space_before;
        let next_joined = self.tok(i + 1).is_some_and(|n| !n.space_before);
        // Codes with a leading zero: "007", "0100".
        if s.len() > 1 && s.starts_with('0') && !s.starts_with("0.") && !s.starts_with("0,") {
            return Role::Skip;
        }
        // Letters right after the digits: an ordinal, a decade, a unit, or a model code.
        if next_joined && let Some(w) = self.word(i + 1) {
            let l = w.to_ascii_lowercase();
            if matches!(l.as_str(), "st" | "nd" | "rd" | "th" | "s") {
                return Role::Skip;
            }
            let unit = lexicon::measure_unit(&l, None).is_some()
                || lexicon::scale_word(&l).is_some()
                || lexicon::money_scale_abbreviation(w).is_some() && self.money_before(i).is_some();
            if !unit {
                return Role::Skip;
            }
        }
        // "§ 107", "¶ 12": section and paragraph numbers.
        if matches!(self.punct(i.wrapping_sub(1)), Some("§" | "¶")) {
            return Role::Skip;
        }
        // Letters right before: "MS13", "FY2019".
        if joined_prev {
            if let Some(w) = self.word(i - 1) {
                return if w.eq_ignore_ascii_case("FY") && year_value(t, self.text).is_some() {
                    Role::Year
                } else {
                    Role::Skip
                };
            }
            let p = self.punct(i - 1).unwrap_or("");
            // "Mi-17", "AK-103", "COVID-19"; but "mid-2012" is a year.
            if self.is_dash(i - 1) && self.joined(i - 1) && self.word(i.wrapping_sub(2)).is_some() {
                let mid = self.is_word(i.wrapping_sub(2), &["mid"]);
                return if mid && year_value(t, self.text).is_some() {
                    Role::Year
                } else {
                    Role::Skip
                };
            }
            // "#5", "+1 202…", "v2"
            if matches!(p, "#" | "+" | "№") {
                return Role::Skip;
            }
            // Footnote marks: "land.1", "report,12", "said”3"
            if matches!(p, "." | "," | "”" | "\"" | ")" | "’" | ";")
                && self.joined(i - 1)
                && self
                    .tok(i.wrapping_sub(2))
                    .is_some_and(|t| t.kind == Kind::Word)
            {
                return Role::Skip;
            }
            // Times: "10:30"
            if p == ":" && self.num_text(i.wrapping_sub(2)).is_some() && self.joined(i - 1) {
                return Role::Skip;
            }
        }
        // The denominator of a rate: "per 100,000 inhabitants".
        if self.is_word(i.wrapping_sub(1), &["per"]) {
            return Role::Skip;
        }
        // Citations: "[12]"
        if i > 0 && self.punct(i - 1) == Some("[") && self.punct(i + 1) == Some("]") {
            return Role::Skip;
        }
        if self.punct(i + 1) == Some(":") && next_joined && self.num_text(i + 2).is_some() {
            return Role::Skip;
        }
        if self.is_word(i + 1, &["am", "pm", "a.m", "p.m", "GMT", "UTC", "hrs"]) {
            return Role::Skip;
        }
        // Labels: "page 5", "No. 12", "Resolution 1373".
        let label_at = if self.punct(i.wrapping_sub(1)) == Some(".") {
            i.wrapping_sub(2)
        } else {
            i.wrapping_sub(1)
        };
        if self.word(label_at).is_some_and(lexicon::is_label_word) {
            // A decimal after a label is a section number ("Section 2.1 provides"): only a unit
            // of measure makes it a quantity. A whole number may still count a plural noun
            // ("last week 30 people"), unless that word is a verb taking an object or clause
            // ("Article 3 states that", "Table 2 shows the").
            let verb_next = self.is_word(
                i + 2,
                &[
                    "that", "the", "a", "an", "how", "what", "whether", "which", "its", "their",
                ],
            );
            let quantity = if s.contains('.') {
                self.has_measure_after(i)
            } else {
                self.has_measure_after(i) || self.plural_after(i) && !verb_next
            };
            if !quantity {
                return Role::Skip;
            }
        }
        let small_int = s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
        // Dates: "February 23", "23 February", "Feb. 23", "March 23-25".
        if small_int {
            let month_before = self
                .word(label_at)
                .is_some_and(|w| lexicon::month(w).is_some());
            let month_after = self
                .word(i + 1)
                .is_some_and(|w| lexicon::month(w).is_some())
                || self.is_word(i + 1, &["of"])
                    && self
                        .word(i + 2)
                        .is_some_and(|w| lexicon::month(w).is_some());
            let range_end = i >= 2
                && self.is_dash(i - 1)
                && self.num_text(i - 2).is_some_and(|p| p.len() <= 2)
                && self
                    .word(i.wrapping_sub(3))
                    .is_some_and(|w| lexicon::month(w).is_some());
            if month_before || month_after || range_end {
                return Role::Skip;
            }
        }
        // Phone-like groups: "555-0199", "202 555 0100".
        if self.is_dash(i + 1)
            && next_joined
            && self
                .num_text(i + 2)
                .is_some_and(|n| n.starts_with('0') && n.len() > 1)
        {
            return Role::Skip;
        }
        if self.num_text(i + 1).is_some() || (i > 0 && self.num_text(i - 1).is_some()) {
            return Role::Skip;
        }
        // List numbering: "1. Introduction", "2) Background", or a number standing alone.
        let first_content = (0..i).all(|k| self.toks[k].kind == Kind::Punct);
        if first_content {
            let ends_alone = (i + 1..self.toks.len()).all(|k| self.toks[k].kind == Kind::Punct);
            let numbering = matches!(self.punct(i + 1), Some("." | ")"))
                && self.tok(i + 2).is_some_and(|t| t.kind == Kind::Word);
            if ends_alone || numbering {
                return Role::Skip;
            }
        }
        // A name and a number: "Barrio 18", "Boeing 737" (not a quantity unless a unit follows).
        if i > 0
            && t.space_before
            && let Some(w) = self.word(i - 1)
        {
            let capital = w.chars().next().is_some_and(char::is_uppercase);
            let is_lead = lexicon::is_quantity_lead(w)
                || lexicon::month(w).is_some()
                || w.ends_with("'s")
                || w.ends_with("’s")
                || matches!(w, "US" | "U.S" | "USD" | "EUR");
            let year = year_value(t, self.text).is_some();
            if capital
                && !is_lead
                && !year
                && i > 1
                && small_or_plain(s)
                && !self.has_measure_after(i)
            {
                return Role::Skip;
            }
        }
        if year_value(t, self.text).is_some() {
            // "2017-2021", "2010–2015": a span of years.
            let partner = |k: usize| {
                self.tok(k)
                    .is_some_and(|p| year_value(p, self.text).is_some())
            };
            if (joined_prev && self.is_dash(i - 1) && partner(i.wrapping_sub(2)))
                || (next_joined && self.is_dash(i + 1) && partner(i + 2))
            {
                return Role::Year;
            }
            let money = self.money_before(i).is_some();
            let measured = self.has_measure_after(i);
            // "killed 2000 people" (but "the 2016 elections" and "Strategy 2021 allocates" are
            // years): a verb or a qualifier must come before.
            let counted = self.plural_after(i)
                && self.word(i.wrapping_sub(1)).is_some_and(|w| {
                    lexicon::is_quantity_lead(w)
                        && !YEAR_LEADS.iter().any(|l| w.eq_ignore_ascii_case(l))
                });
            return if money || measured || counted {
                Role::Candidate
            } else {
                Role::Year
            };
        }
        Role::Candidate
    }

    /// A percent sign, scale word, currency or measure unit follows token `i`.
    fn has_measure_after(&self, i: usize) -> bool {
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
    fn plural_after(&self, i: usize) -> bool {
        self.count_noun(i + 1).is_some()
    }

    /// A currency written before the number at token `i`: (currency, first token).
    fn money_before(&self, i: usize) -> Option<(String, usize)> {
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

    /// A number written in digits at token `i`, with its scale.
    fn digits_at(&self, i: usize) -> Option<Cand> {
        let s = self.num_text(i)?;
        let value = parse_digits(s, self.ctx.spanish)?;
        let separators =
            s.contains([',', '.']) || s.contains([' ', '\u{00A0}', '\u{202F}', '\u{2009}']);
        let mut c = Cand {
            first: i,
            num: i..i + 1,
            end: i + 1,
            value,
            scale: None,
            currency: None,
            unit: None,
            words: false,
            separators,
            qualifier: None,
            dropped: false,
        };
        // "2.5 million", "five hundred thousand" after digits, "$5bn".
        let mut j = i + 1;
        // "a $1-billion credit", "a 30-million-dollar deal": a scale word joined by a hyphen.
        if self.punct(j) == Some("-")
            && self.joined(j)
            && self.joined(j + 1)
            && self
                .word(j + 1)
                .is_some_and(|w| lexicon::scale_word(w).is_some())
        {
            j += 1;
        }
        while let Some(w) = self.word(j) {
            let joined = self.joined(j);
            let scale = lexicon::scale_word(w).or_else(|| {
                (joined && self.money_before(i).is_some())
                    .then(|| lexicon::money_scale_abbreviation(w))
                    .flatten()
            });
            match scale {
                Some(f) if f >= 1e3 || c.scale.is_none() => {
                    c.value *= f;
                    c.scale = Some(c.scale.unwrap_or(1.0) * f);
                    j += 1;
                }
                _ => break,
            }
        }
        c.num = i..j;
        c.end = j;
        Some(c)
    }

    /// A number written in words starting at token `i` ("twenty-four", "a dozen", "half").
    fn words_at(&self, i: usize) -> Option<Cand> {
        let first = self.lower(i)?;
        if let Some(c) = self.fraction_at(i, &first) {
            return Some(c);
        }
        let mut j = i;
        let mut total = 0.0;
        let mut current = 0.0;
        let mut any = false;
        let mut scale: Option<f64> = None;
        // "a half-dozen", "half a dozen": six.
        let h = if matches!(first.as_str(), "a" | "an") {
            i + 1
        } else {
            i
        };
        if self.is_word(h, &["half"])
            && (self.is_dash(h + 1) && self.joined(h + 1) || self.is_word(h + 1, &["a"]))
            && self.is_word(h + 2, &["dozen"])
        {
            current = 6.0;
            any = true;
            j = h + 3;
        } else if matches!(first.as_str(), "a" | "an") {
            let next = self.lower(i + 1)?;
            if lexicon::scale_word(&next).is_none() && next != "dozen" {
                return None;
            }
            current = 1.0;
            j = i + 1;
        }
        while let Some(w) = self.lower(j) {
            if let Some(v) = lexicon::number_word(&w) {
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
                    && let Some(v2) = self.lower(j + 1).and_then(|w| lexicon::number_word(&w))
                    && v >= 20.0
                    && v2 < 10.0
                {
                    current += v2;
                    j += 2;
                }
                continue;
            }
            if w == "hundred" && (any || current > 0.0) {
                current = current.max(1.0) * 100.0;
                any = true;
                j += 1;
                continue;
            }
            if w == "dozen" && (any || current > 0.0) {
                current = current.max(1.0) * 12.0;
                any = true;
                j += 1;
                continue;
            }
            if let Some(f) = lexicon::scale_word(&w).filter(|f| *f >= 1e3) {
                if !(any || current > 0.0) || w.ends_with('s') {
                    break; // "millions of": not a number
                }
                total += current.max(1.0) * f;
                current = 0.0;
                scale = Some(scale.map_or(f, |s: f64| s.max(f)));
                any = true;
                j += 1;
                continue;
            }
            if w == "and"
                && any
                && self
                    .lower(j + 1)
                    .is_some_and(|n| lexicon::number_word(&n).is_some())
                && current >= 100.0
            {
                j += 1;
                continue;
            }
            break;
        }
        if !any {
            return None;
        }
        let mut c = Cand {
            first: i,
            num: i..j,
            end: j,
            value: total + current,
            scale,
            currency: None,
            unit: None,
            words: true,
            separators: false,
            qualifier: None,
            dropped: false,
        };
        // "two and a half years"
        if self.is_word(j, &["and"])
            && self.is_word(j + 1, &["a"])
            && self.is_word(j + 2, &["half"])
        {
            c.value += 0.5;
            c.num = i..j + 3;
            c.end = j + 3;
            // "one and a half million people"
            if c.scale.is_none()
                && let Some(f) = self
                    .word(j + 3)
                    .and_then(lexicon::scale_word)
                    .filter(|f| *f >= 1e3)
            {
                c.value *= f;
                c.scale = Some(f);
                c.num = i..j + 4;
                c.end = j + 4;
            }
        }
        Some(c)
    }

    /// "cut by a third", "grew by a quarter in 2015": a change by a share, where the share
    /// stands alone ("by a third party" names a party; "by a quarter century" is a period).
    fn changed_by_share(&self, i: usize) -> bool {
        let alone = match self.tok(i + 2) {
            None => true,
            Some(t) if t.kind != Kind::Word => true,
            Some(_) => self.is_word(
                i + 2,
                &[
                    "in", "to", "from", "since", "between", "over", "during", "last", "this",
                    "and", "or", "but", "while", "compared", "on", "after", "before", "at", "as",
                    "within", "by", "against", "than",
                ],
            ),
        };
        self.is_word(i.wrapping_sub(1), &["by"]) && alone
    }

    /// "half", "a third", "two-thirds", "a quarter" used as a share of something.
    fn fraction_at(&self, i: usize, first: &str) -> Option<Cand> {
        // "one in five prisoners", "one in every ten": a share.
        if first == "one" && self.is_word(i + 1, &["in"]) {
            let at = if self.is_word(i + 2, &["every"]) {
                i + 3
            } else {
                i + 2
            };
            let den = match self.lower(at) {
                Some(w) => lexicon::number_word(&w),
                None => self
                    .num_text(at)
                    .filter(|s| s.len() <= 3)
                    .and_then(|s| s.parse::<f64>().ok()),
            };
            if let Some(den) = den.filter(|d| *d >= 2.0) {
                return Some(Cand {
                    first: i,
                    num: i..at + 1,
                    end: at + 1,
                    value: 1.0 / den,
                    scale: None,
                    currency: None,
                    unit: Some("fraction".into()),
                    words: true,
                    separators: false,
                    qualifier: None,
                    dropped: false,
                });
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
                let d = self.lower(i + 2)?;
                let den = match d.as_str() {
                    "third" | "thirds" => 3.0,
                    "quarter" | "quarters" => 4.0,
                    "half" => 2.0,
                    _ => return None,
                };
                (lexicon::number_word(first)? / den, i + 3)
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
        Some(Cand {
            first: i,
            num: i..end,
            end,
            value,
            scale: None,
            currency: None,
            unit: Some("fraction".into()),
            words: true,
            separators: false,
            qualifier: None,
            dropped: false,
        })
    }

    /// Find the currency, unit or counted noun of a number, and its qualifier.
    fn attach(&self, c: &mut Cand) {
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
    fn per_kilogram(&self, c: &mut Cand) {
        let j = c.end;
        let per = self.is_word(j, &["per", "a"]) || self.punct(j) == Some("/");
        if per && self.is_word(j + 1, &["kilogram", "kilo", "kg", "kilogramme"]) {
            c.unit = Some("/kg".into());
            c.end = j + 2;
        }
    }

    /// The counted noun after a number: "24 Russian helicopters", or "six of the most violent
    /// countries" (then only the number is the figure's text). (noun, end token, of-pattern)
    fn counted(&self, j: usize) -> Option<(String, usize, bool)> {
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
    fn count_noun(&self, j: usize) -> Option<(String, usize)> {
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

    fn qualifier_before(&self, first: usize) -> Option<&'static str> {
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

    /// Ranges and lists share a unit: "$12 to 15 billion", "15 and 4 percent", "10-15%",
    /// "four or five years". Works right to left so a unit spreads along a list.
    fn link_ranges(&self, cands: &mut [Cand]) {
        for k in (0..cands.len().saturating_sub(1)).rev() {
            let (left, right) = cands.split_at_mut(k + 1);
            let (a, b) = (&mut left[k], &mut right[0]);
            let gap: Vec<usize> = (a.end..b.first).collect();
            let linked = match gap.as_slice() {
                [g] => {
                    self.is_word(*g, &["to", "and", "or", "through"])
                        || self.is_dash(*g)
                        || self.punct(*g) == Some(",")
                }
                [g, h] => self.punct(*g) == Some(",") && self.is_word(*h, &["and", "or"]),
                _ => false,
            };
            if !linked {
                continue;
            }
            if !a.has_unit() && b.has_unit() {
                a.unit = b.unit.clone();
                a.currency = b.currency.clone();
                if a.scale.is_none()
                    && let Some(f) = b.scale
                {
                    a.value *= f;
                    a.scale = Some(f);
                }
            } else if a.currency.is_some()
                && a.currency == b.currency
                && a.unit.is_none()
                && b.unit.is_some()
            {
                a.unit = b.unit.clone(); // "from COP 2,800 to COP 2,300 per kilogram"
            } else if a.currency.is_some()
                && (b.currency.is_none() || b.currency == a.currency)
                && b.unit.is_none()
            {
                b.currency = a.currency.clone();
                if a.scale.is_none() && b.scale.is_some() {
                    a.value *= b.scale.unwrap_or(1.0);
                    a.scale = b.scale;
                }
            }
        }
    }

    /// "four or five years", "2 or 3 times": a guess between neighbouring whole numbers is
    /// one figure, the lower number, qualified "about" (a range "from 4 to 5" stays two).
    fn merge_estimates(&self, cands: &mut [Cand]) {
        for k in 0..cands.len().saturating_sub(1) {
            let (left, right) = cands.split_at_mut(k + 1);
            let (a, b) = (&mut left[k], &mut right[0]);
            let whole = |c: &Cand| c.value.fract() == 0.0 && c.scale.is_none() && !c.separators;
            if a.dropped
                || b.dropped
                || b.first != a.end + 1
                || !self.is_word(a.end, &["or"])
                || !whole(a)
                || !whole(b)
                || b.value != a.value + 1.0
                || a.value < 1.0
                || a.has_unit() && b.has_unit()
            {
                continue;
            }
            if !a.has_unit() {
                a.unit = b.unit.clone();
                a.currency = b.currency.clone();
            }
            a.end = b.end;
            a.qualifier = a.qualifier.or(Some("about"));
            b.dropped = true;
        }
    }

    /// A bare number compared with a figure before it takes that figure's unit: "arrested
    /// 1,356 people, up from 1,100", "$3.2 million, compared with 2.1 million", "more
    /// hectares than the 9,000 of 2016".
    fn link_comparisons(&self, cands: &mut [Cand]) {
        for k in 1..cands.len() {
            let (left, right) = cands.split_at_mut(k);
            let b = &mut right[0];
            if b.has_unit() || b.words {
                continue;
            }
            let at = b.first;
            // "rose to 12 percent from 10"
            let right_after = left.last().is_some_and(|a| a.end + 1 == at && a.has_unit());
            let compared = self.is_word(at.wrapping_sub(1), &["than", "versus", "vs"])
                || right_after && self.is_word(at.wrapping_sub(1), &["from"])
                || self.is_word(at.wrapping_sub(1), &["from"])
                    && self.is_word(
                        at.wrapping_sub(2),
                        &[
                            "up", "down", "rising", "falling", "rose", "fell", "increase",
                            "decrease", "drop", "rise", "jump",
                        ],
                    )
                || self.is_word(at.wrapping_sub(1), &["with", "to"])
                    && self.is_word(at.wrapping_sub(2), &["compared", "comparison"])
                || self.is_word(at.wrapping_sub(1), &["the"])
                    && self.is_word(at.wrapping_sub(2), &["than", "from"]);
            // "98 airstrips, a 40 percent increase from 70": a change is not what is
            // compared; the figure before it is.
            let is_change = |a: &Cand| {
                a.unit
                    .as_deref()
                    .is_some_and(|u| matches!(u, "percent" | "times"))
                    && (self.is_word(a.end, CHANGE_NOUNS)
                        || self.is_word(a.first.wrapping_sub(1), &["up", "down", "by"]))
            };
            let Some(a) = left
                .iter()
                .rev()
                .filter(|a| a.has_unit() && !a.dropped)
                .find(|a| !is_change(a))
            else {
                continue;
            };
            // "25,000 hectares in 2017, 23,000 in 2018 and 25,500 in 2019": parallel figures
            // for different years share a unit.
            let dated = |end: usize| {
                self.is_word(end, &["in", "during", "for", "by"])
                    && self
                        .tok(end + 1)
                        .is_some_and(|t| years::year_value(t, self.text).is_some())
            };
            let parallel = (self.is_word(at.wrapping_sub(1), &["and", "or"])
                || self.punct(at.wrapping_sub(1)) == Some(","))
                && dated(b.end)
                && dated(a.end);
            // "from 400 tons in 2016 to 350 in 2017"
            let from_to = self.is_word(at.wrapping_sub(1), &["to"])
                && self.is_word(a.first.wrapping_sub(1), &["from"]);
            if !(compared || parallel || from_to) || a.unit.as_deref() == Some("fraction") {
                continue;
            }
            b.unit = a.unit.clone();
            b.currency = a.currency.clone();
            // "$3.2 million, up from 2.1": the scale carries over to a small bare number.
            if b.scale.is_none()
                && let Some(f) = a.scale
                && b.value < 1000.0
            {
                b.value *= f;
                b.scale = Some(f);
            }
        }
    }

    /// Clause number of each token: commas, semicolons, colons, brackets and dashes split.
    fn clauses(&self) -> Vec<usize> {
        let mut id = 0;
        let mut fresh = 0;
        // The clause a bracket interrupts goes on after it: "seized 210 tons (MT) in 2021".
        let mut open: Vec<usize> = Vec::new();
        let mut out = Vec::with_capacity(self.toks.len());
        for (k, t) in self.toks.iter().enumerate() {
            if t.kind == Kind::Punct && matches!(t.text(self.text), "(" | "[") {
                open.push(id);
                fresh += 1;
                id = fresh;
                out.push(id);
                continue;
            }
            if t.kind == Kind::Punct
                && matches!(t.text(self.text), ")" | "]")
                && let Some(outer) = open.pop()
            {
                out.push(id);
                id = outer;
                continue;
            }
            if t.kind == Kind::Punct {
                let p = t.text(self.text);
                // An em dash always sets off a clause; an en dash only with a space beside it
                // ("0–1 grams" is a range, "the drugs – 2 tons – were" an aside).
                let spaced_dash = p == "—"
                    || (p == "–"
                        && (t.space_before || self.tok(k + 1).is_some_and(|n| n.space_before)))
                    || (p == "-"
                        && t.space_before
                        && self
                            .tok(k + 1)
                            .is_some_and(|n| n.space_before || self.is_dash(k + 1)));
                if matches!(p, "," | ";" | ":" | ")" | "]") || spaced_dash {
                    fresh += 1;
                    id = fresh;
                }
            }
            out.push(id);
        }
        out
    }

    /// A year named relative to another in clause `clause`: "the following year" (+1), "a
    /// year earlier" (-1), "that same year" (0). "Up 5% over the previous year" names the base
    /// of a change, not the figure's year.
    fn relative_year(&self, clause: usize, clauses: &[usize]) -> Option<i32> {
        let in_clause = |k: usize| clauses.get(k) == Some(&clause);
        (0..self.toks.len())
            .filter(|&k| in_clause(k) && self.is_word(k, &["year"]))
            .find_map(|k| {
                let before = k.wrapping_sub(1);
                let det = before.wrapping_sub(1);
                if self.is_word(k + 1, &["later"]) && self.is_word(before, &["a", "one"]) {
                    return Some(1);
                }
                if self.is_word(k + 1, &["earlier"]) && self.is_word(before, &["a", "one"]) {
                    return Some(-1);
                }
                if !self.is_word(det, &["the", "that"]) && !self.is_word(before, &["that"]) {
                    return None;
                }
                if self.is_word(before, &["following", "next", "subsequent"]) {
                    Some(1)
                } else if self.is_word(before, &["previous", "preceding", "prior"]) {
                    let base = self.is_word(
                        det.wrapping_sub(1),
                        &["over", "from", "than", "to", "with", "versus", "vs", "on"],
                    );
                    (!base).then_some(-1)
                } else if self.is_word(before, &["that", "same"]) {
                    Some(0)
                } else {
                    None
                }
            })
    }

    /// The year a figure refers to. See the module docs of `years`.
    fn year_for(&self, c: &Cand, mentions: &[YearMention], clauses: &[usize]) -> Year {
        if mentions.is_empty() {
            return Year::None;
        }
        let clause = clauses[c.num.start];
        let mention_clause = |m: &YearMention| clauses[m.first.min(clauses.len() - 1)];
        // A change ("a 16 percent decrease from the 95 tons seized in 2017", "up 17% from
        // 2016") is dated by the later year; the year after "from" is its base.
        let change = c
            .unit
            .as_deref()
            .is_some_and(|u| matches!(u, "percent" | "fraction" | "times"));
        let is_base = |m: &YearMention| {
            change
                && matches!(m.year, Year::Point(_))
                && m.first >= c.end
                && (c.end..=m.first)
                    .any(|k| self.is_word(k, &["from", "over", "compared", "versus", "vs", "than"]))
        };
        let base_skipped = mentions.iter().any(&is_base);
        // 1. The nearest year in the figure's own clause (a following one wins a tie).
        let best = mentions
            .iter()
            .filter(|m| !is_base(m))
            .filter(|m| {
                mention_clause(m) == clause
                    || clauses[(m.last - 1).min(clauses.len() - 1)] == clause
            })
            .map(|m| {
                let dist = if m.last <= c.first {
                    (c.first - m.last) * 2 + 1
                } else {
                    m.first.saturating_sub(c.end) * 2
                };
                (dist, m)
            })
            .min_by_key(|(d, _)| *d);
        if let Some((_, m)) = best {
            return m.year;
        }
        // 2. A year in brackets right after the figure: "24.3 per 100,000 (2018)".
        if self.punct(c.end) == Some("(")
            && let Some(m) = mentions
                .iter()
                .find(|m| m.first == c.end + 1 && self.punct(m.last) == Some(")"))
        {
            return m.year;
        }
        // 3. "In 2011 there were 1,345 deaths; the following year, 1,100": a year named
        //    relative to the sentence's only other year.
        if let Some(shift) = self.relative_year(clause, clauses) {
            let others: Vec<i32> = mentions
                .iter()
                .filter(|m| mention_clause(m) != clause)
                .filter_map(|m| match m.year {
                    Year::Point(y) => Some(y),
                    _ => None,
                })
                .collect();
            if let [y] = others.as_slice() {
                return Year::Point(y + shift);
            }
        }
        // 4. A year that opens the sentence ("In 2014, …", "In August 2002, …") covers it.
        let opener = self.is_word(0, SENTENCE_OPENERS);
        let opening = mentions
            .first()
            .filter(|m| opener || m.first == 0)
            .filter(|m| {
                (0..m.first).all(|k| {
                    self.word(k).is_some_and(|w| {
                        YEAR_LEADS.iter().any(|l| w.eq_ignore_ascii_case(l))
                            || lexicon::month(w).is_some()
                    }) || self.num_text(k).is_some_and(|s| s.len() <= 2)
                        || self.punct(k).is_some()
                })
            });
        if let Some(m) = opening {
            return m.year;
        }
        // 5. "…, with sales totalling $5.4 billion": the clause before gives the year.
        let before_clause = (0..c.first).rev().find(|&k| clauses[k] != clause);
        let mut first_of_clause = before_clause.map_or(0, |k| k + 1);
        while self.punct(first_of_clause).is_some() && first_of_clause < c.first {
            first_of_clause += 1;
        }
        // Also "…, exceeding its goal of 25,000 hectares": a participle continues the clause before.
        let participle = self.word(first_of_clause).is_some_and(|w| {
            w.len() > 4 && w.ends_with("ing") && w.chars().all(|c| c.is_lowercase())
        });
        let joins = participle
            || self.is_word(
                first_of_clause,
                &[
                    "with",
                    "totalling",
                    "totaling",
                    "worth",
                    "amounting",
                    "valued",
                ],
            );
        if (joins || base_skipped)
            && let Some(previous_clause) = before_clause.map(|k| clauses[k])
        {
            let previous: Vec<&YearMention> = mentions
                .iter()
                .filter(|m| mention_clause(m) == previous_clause)
                .collect();
            if let [m] = previous.as_slice() {
                return m.year;
            }
        }
        // 6. "increased by 22 percent, from 101 MT in 2017 to 123 MT in 2018": a change
        //    spans the years of the "from … to …" clause beside it.
        if change {
            for at in adjacent_clauses(clause, clauses) {
                let opens_from = (0..self.toks.len())
                    .find(|&k| clauses[k] == at && self.punct(k).is_none())
                    .is_some_and(|k| self.is_word(k, &["from"]));
                let years: Vec<i32> = mentions
                    .iter()
                    .filter(|m| mention_clause(m) == at)
                    .filter_map(|m| match m.year {
                        Year::Point(y) => Some(y),
                        _ => None,
                    })
                    .collect();
                if opens_from
                    && let [a, b] = years.as_slice()
                    && a < b
                {
                    return Year::Range(Some(*a), Some(*b));
                }
            }
        }
        // 7. The sentence's only year, in the clause right before or after the figure's:
        //    "…between 2006 and 2008, in contracts worth $4.4 billion", "…fell, to $1.2 billion,
        //    by 2014". Not when that clause reports ("officials said in 2016"), not the base of
        //    a comparison ("…, a 6 percent increase from 2016"), and not for a duration
        //    ("lasted over two centuries").
        let compares = |m: &YearMention| {
            let before = m.first.wrapping_sub(1);
            self.is_word(m.first, &["from"])
                || self.is_word(before, &["than", "over", "versus", "vs"])
                || self.is_word(before, &["with", "to"])
                    && self.is_word(before.wrapping_sub(1), &["compared"])
        };
        if let [m] = mentions
            && !compares(m)
        {
            let at = mention_clause(m);
            let next_to = adjacent_clauses(clause, clauses).contains(&at);
            let reporting = || {
                (0..self.toks.len()).filter(|&k| clauses[k] == at).any(|k| {
                    self.is_word(
                        k,
                        &[
                            "said",
                            "says",
                            "say",
                            "told",
                            "reported",
                            "reports",
                            "according",
                            "announced",
                            "stated",
                            "noted",
                            "added",
                            "published",
                        ],
                    )
                })
            };
            let duration = c.unit.as_deref().is_some_and(|u| {
                matches!(u, "year" | "decade" | "century" | "month" | "week" | "day")
            });
            if next_to && !duration && !reporting() {
                return m.year;
            }
        }
        Year::None
    }
}

/// The clauses that touch clause `clause` in reading order (before or after any of its
/// pieces; a bracket splits a clause in two).
fn adjacent_clauses(clause: usize, clauses: &[usize]) -> Vec<usize> {
    let mut out = Vec::new();
    for w in clauses.windows(2) {
        if w[0] == clause && w[1] != clause {
            out.push(w[1]);
        } else if w[1] == clause && w[0] != clause {
            out.push(w[0]);
        }
    }
    out
}

/// Nouns that make a percent a change: "a 40 percent increase".
const CHANGE_NOUNS: &[&str] = &[
    "increase",
    "decrease",
    "rise",
    "drop",
    "jump",
    "fall",
    "decline",
    "reduction",
    "growth",
    "gain",
    "cut",
];

/// A plain integer of at most four digits ("18", "737").
fn small_or_plain(s: &str) -> bool {
    s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit())
}

/// The value of digits with separators. English style unless `spanish`: `35,000` and
/// `1,200.5`; `5,4` (one or two digits after a single comma) is a decimal comma either way.
pub fn parse_digits(s: &str, spanish: bool) -> Option<f64> {
    let s: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}'))
        .collect();
    let commas = s.matches(',').count();
    let dots = s.matches('.').count();
    let groups_of_three = |sep: char| s.split(sep).skip(1).all(|g| g.len() == 3);
    let normal: String = match (commas, dots) {
        (0, 0) => s.clone(),
        (_, 0) if !spanish && groups_of_three(',') => s.replace(',', ""),
        (1, 0) => s.replace(',', "."),
        (_, 0) => s.replace(',', ""),
        (0, 1) if spanish && groups_of_three('.') => s.replace('.', ""),
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
    normal.parse::<f64>().ok()
}

#[cfg(test)]
#[path = "extract_tests.rs"]
mod tests;
