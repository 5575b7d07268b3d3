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

mod dating;
mod links;
mod numbers;
mod units;

use dating::{YEAR_LEADS, pair_respectively};
pub use numbers::parse_digits;
use numbers::small_or_plain;

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
    /// A share written in words over tokens `first..end` ("two-thirds", "one in five").
    fn share(first: usize, end: usize, value: f64) -> Self {
        Self {
            first,
            num: first..end,
            end,
            value,
            scale: None,
            currency: None,
            unit: Some("fraction".into()),
            words: true,
            separators: false,
            qualifier: None,
            dropped: false,
        }
    }

    fn has_unit(&self) -> bool {
        self.unit.is_some() || self.currency.is_some()
    }
}

struct Sentence<'a> {
    text: &'a str,
    toks: &'a [Token],
    ctx: &'a Context,
}

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
}

#[cfg(test)]
#[path = "extract_tests.rs"]
mod tests;
