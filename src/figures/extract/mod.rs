//! The rules that find figures: numbers (digits or words) with their scale, currency or unit
//! or counted noun, qualifiers, ranges and lists, the year each refers to, and its kind. Dates,
//! years, ordinals, labels ("page 5"), model numbers ("Mi-17"), footnote marks and phone-like
//! numbers are not figures ([`roles`]).
//!
//! Each sentence is read in its paragraph's language, with that language's word lists (see
//! [`crate::figures::lexicon`]) and decimal mark. No rule looks at more than one bounded
//! sentence at a time, so extraction is linear in the text.

use std::ops::Range;

use super::lexicon::{Entry, Lang, Lexicon, Set};
use super::tokens::{Kind as TokKind, Token, tokenize};
use super::years::{self, YearMention, is_dash, year_value};
use super::{Figure, Kind, Tier, UnitClass, Year, is_count, is_duration};
use crate::corpus::{Article, TextIndex};
use crate::text::repeats::{in_repeat, repeats_in};

mod article;
mod clauses;
mod context;
mod dating;
mod inferred;
mod kinds;
mod links;
mod lists;
mod nouns;
mod numbers;
mod qualifiers;
pub mod roles;
mod tables;
mod units;

pub use article::ArticleContext;
pub use context::{MAX_SENTENCE_BYTES, bounded_sentences, window};
pub use numbers::parse_digits;

use dating::{Dating, pair_respectively};
use roles::Role;

/// In a sentence longer than twice this (in characters), a figure's context is about this
/// many characters on each side of it.
pub const CONTEXT_CHARS: usize = 200;

/// Extract the figures of an article, with the date and language its metadata detected
/// (`corpus::meta`), when it has them.
pub fn extract_article(article: &Article) -> Vec<Figure> {
    let date = article
        .meta
        .date
        .as_ref()
        .and_then(|d| iso_year_month(&d.value));
    // An unsure guess (a one-line text) is left to the extractor's own function words.
    let language = article
        .meta
        .language
        .as_ref()
        .filter(|l| l.source != crate::corpus::meta::UNSURE_LANGUAGE)
        .map(|l| l.value.as_str());
    extract_in(&article.text, &article.index, date, language)
}

/// The year and month of an ISO 8601 date, possibly partial (`2015-04-17`, `2015-04`, `2015`).
fn iso_year_month(iso: &str) -> Option<(i32, Option<u32>)> {
    let mut parts = iso.split('-');
    let year = parts.next().filter(|y| y.len() == 4)?.parse::<i32>().ok()?;
    let month = parts
        .next()
        .and_then(|m| m.parse::<u32>().ok())
        .filter(|m| (1..=12).contains(m));
    Some((year, month))
}

/// Extract the figures of a text (already decoded: see `corpus::decode`).
pub fn extract(text: &str) -> Vec<Figure> {
    extract_with(text, &TextIndex::new(text), None)
}

/// Extract the figures of a text whose code point index is `index`. `date` (year, month) is
/// the article's date when known from elsewhere; otherwise a date at the head of the text is
/// used to propose years for "last year" and the like.
pub fn extract_with(
    text: &str,
    index: &TextIndex,
    date: Option<(i32, Option<u32>)>,
) -> Vec<Figure> {
    extract_in(text, index, date, None)
}

/// [`extract_with`], with the article's language when it is known (an ISO 639-1 code).
fn extract_in(
    text: &str,
    index: &TextIndex,
    date: Option<(i32, Option<u32>)>,
    language: Option<&str>,
) -> Vec<Figure> {
    let ctx = ArticleContext::with_language(text, date, language);
    let lex = Lexicon::get();
    let ranges = bounded_sentences(text);
    let repeats = repeats_in(text, &ranges);
    let mut out = Vec::new();
    let mut toks = Vec::with_capacity(256);
    let mut entries: Vec<Option<&'static Entry>> = Vec::with_capacity(256);
    let mut previous: Option<i32> = None;
    // The last count of the sentence before, in the same paragraph ("… 40 vehicles. Only 22
    // were in service").
    let mut carried: Option<String> = None;
    let mut tables = tables::Tables::default();
    let mut lists = lists::Lists::default();
    let mut last_end = 0;
    for range in &ranges {
        tokenize(text, range.clone(), &mut toks);
        if toks.is_empty() {
            continue;
        }
        let gap = text.get(last_end..range.start).unwrap_or("");
        if gap.contains("\n\n") {
            carried = None;
        }
        let new_paragraph = gap.contains('\n');
        let list_year = lists.year_for(text, range, new_paragraph);
        last_end = range.end;
        let (lang, decimal_comma) = ctx.lang_at(range.start);
        entries.clear();
        entries.extend(toks.iter().map(|t| match t.kind {
            TokKind::Word => lang.entry(t.text(text)),
            _ => None,
        }));
        let sentence = Sentence::new(text, &toks, &entries, &ctx, lang, lex, decimal_comma);
        let (raws, named) = match tables.row(text, range, &sentence) {
            Some(rows) => (rows, None),
            None => sentence.figures(previous, carried.as_deref()),
        };
        previous = named.or(previous);
        lists.read(text, range, new_paragraph, named);
        let mut raws = raws;
        if let Some(y) = list_year {
            for raw in raws.iter_mut().filter(|r| r.year.is_none()) {
                raw.year = Year::Point(y);
                raw.year_inferred = Year::None;
            }
        }
        carried = raws
            .iter()
            .rev()
            .find(|r| is_count(&r.unit) && r.tier == Tier::Core)
            .map(|r| r.unit.clone());
        if raws.is_empty() {
            continue;
        }
        // In a sentence of ASCII text, code points are bytes counted from its start.
        let ascii_start = text[range.clone()]
            .is_ascii()
            .then(|| index.char_of(text, range.start))
            .flatten();
        let char_of = |b: usize| match ascii_start {
            Some(c) if range.contains(&b) || b == range.end => Some(c + (b - range.start)),
            _ => index.char_of(text, b),
        };
        for raw in raws {
            let context = window(text, range, &raw.bytes);
            let (Some(start), Some(end), Some(s0), Some(s1)) = (
                char_of(raw.bytes.start),
                char_of(raw.bytes.end),
                char_of(context.start),
                char_of(context.end),
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
                kind: raw.kind,
                tier: raw.tier,
                repeat: in_repeat(&repeats, raw.bytes.start),
                year_inferred: raw.year_inferred,
            });
        }
    }
    out
}

/// A figure before offsets are converted.
struct Raw {
    bytes: Range<usize>,
    value: f64,
    unit: String,
    year: Year,
    qualifier: Option<&'static str>,
    kind: Kind,
    tier: Tier,
    year_inferred: Year,
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
    /// The currency came from a bare "$", which a currency word after the number overrides
    /// ("$500 millones de pesos").
    dollar_sign: bool,
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
    fn new(first: usize, end: usize, value: f64) -> Self {
        Self {
            first,
            num: first..end,
            end,
            value,
            scale: None,
            currency: None,
            dollar_sign: false,
            unit: None,
            words: false,
            separators: false,
            qualifier: None,
            dropped: false,
        }
    }

    /// A share written in words over tokens `first..end` ("two-thirds", "one in five").
    fn share(first: usize, end: usize, value: f64) -> Self {
        let mut c = Self::new(first, end, value);
        c.unit = Some("fraction".into());
        c.words = true;
        c
    }

    fn has_unit(&self) -> bool {
        self.unit.is_some() || self.currency.is_some()
    }
}

struct Sentence<'a> {
    text: &'a str,
    toks: &'a [Token],
    /// What the language knows about each token (words only).
    entries: &'a [Option<&'static Entry>],
    ctx: &'a ArticleContext<'a>,
    lang: &'static Lang,
    lex: &'static Lexicon,
    /// Numbers here write a decimal comma ("1,5") and grouping dots ("11.500").
    decimal_comma: bool,
    /// Most words are capitalised: a headline in title case or capitals.
    headline: bool,
    /// The first and last tokens that are not punctuation.
    first_content: usize,
    last_content: usize,
}

impl<'a> Sentence<'a> {
    fn new(
        text: &'a str,
        toks: &'a [Token],
        entries: &'a [Option<&'static Entry>],
        ctx: &'a ArticleContext<'a>,
        lang: &'static Lang,
        lex: &'static Lexicon,
        decimal_comma: bool,
    ) -> Self {
        let content = |t: &Token| t.kind != TokKind::Punct;
        let first_content = toks.iter().position(content).unwrap_or(toks.len());
        let last_content = toks.iter().rposition(content).unwrap_or(0);
        let (mut words, mut capital) = (0, 0);
        for t in toks.iter().filter(|t| t.kind == TokKind::Word).take(40) {
            let w = t.text(text);
            if w.chars().count() > 3 {
                words += 1;
                capital += usize::from(w.chars().next().is_some_and(char::is_uppercase));
            }
        }
        Self {
            text,
            toks,
            entries,
            ctx,
            lang,
            lex,
            decimal_comma,
            // A headline has no full stop; a sentence with one needs every long word capitalised.
            headline: words >= 3
                && if toks.last().is_some_and(|t| t.text(text) == ".") {
                    capital == words
                } else {
                    capital * 5 >= words * 4
                },
            first_content,
            last_content,
        }
    }

    fn tok(&self, i: usize) -> Option<&Token> {
        self.toks.get(i)
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.toks.get(i)?;
        (t.kind == TokKind::Word).then(|| t.text(self.text))
    }

    /// What the language knows about the word at token `i`.
    fn e(&self, i: usize) -> Option<&'static Entry> {
        self.entries.get(i).copied().flatten()
    }

    fn in_set(&self, i: usize, set: Set) -> bool {
        self.e(i).is_some_and(|e| e.is(set))
    }

    /// The month named at token `i` ("May" only capitalised in English).
    fn month(&self, i: usize) -> Option<u32> {
        self.e(i)?.month?;
        self.lang.month(self.word(i)?)
    }

    fn lower(&self, i: usize) -> Option<String> {
        self.word(i).map(str::to_lowercase)
    }

    /// Case-insensitive comparison of token `i` with literal words.
    fn is_word(&self, i: usize, words: &[&str]) -> bool {
        self.word(i)
            .is_some_and(|w| words.iter().any(|x| w.eq_ignore_ascii_case(x)))
    }

    fn punct(&self, i: usize) -> Option<&'a str> {
        let t = self.toks.get(i)?;
        (t.kind == TokKind::Punct).then(|| t.text(self.text))
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
        (t.kind == TokKind::Number).then(|| t.text(self.text))
    }

    /// All figures in the sentence, and the last year it names (for "that year" after it).
    fn figures(&self, previous: Option<i32>, carried: Option<&str>) -> (Vec<Raw>, Option<i32>) {
        let n = self.toks.len();
        // A sentence with no digits and no number words has no figures; it may still name a
        // year, which "that year" in a later sentence refers to.
        let numbers = self.toks.iter().any(|t| t.kind == TokKind::Number);
        let number_words = self.entries.iter().flatten().any(|e| {
            e.number.is_some()
                || e.scale.is_some()
                || e.multiplier.is_some()
                || e.times.is_some()
                || e.is(Set::ShareWord)
        });
        if !numbers && !number_words {
            return (Vec::new(), None);
        }
        let roles: Vec<Role> = (0..n).map(|i| self.role(i)).collect();
        let mut cands: Vec<Cand> = Vec::new();
        let mut i = 0;
        while i < n {
            let found = match self.toks[i].kind {
                TokKind::Number if roles[i] == Role::Candidate => self.digits_at(i),
                TokKind::Word => self.words_at(i).or_else(|| self.times_at(i)),
                _ => None,
            };
            match found {
                Some(mut c) => {
                    self.thousands_then_units(&mut c);
                    self.attach(&mut c);
                    i = c.end.max(i + 1);
                    cands.push(c);
                }
                None => i += 1,
            }
        }
        let is_year: Vec<bool> = roles.iter().map(|r| *r == Role::Year).collect();
        if cands.is_empty() {
            let respectively = false;
            let mentions = years::mentions(self.toks, self.text, &is_year, self.lang, respectively);
            return (Vec::new(), inferred::last_named_in(&mentions));
        }
        self.merge_estimates(&mut cands);
        self.link_ranges(&mut cands);
        self.link_elided(&mut cands, carried);
        self.link_comparisons(&mut cands);
        let dating = self.dating(&is_year);
        let kinds = self.kinds(&cands, &dating.clauses);
        let time = self.time_words(&dating);
        let mut raws = Vec::new();
        let mut before: Option<(usize, Year)> = None;
        for (c, kind) in cands.iter().zip(kinds) {
            if c.dropped {
                continue;
            }
            let others = dating::Others { previous: before };
            let year = self.year_for(c, &dating, &others);
            before = Some((c.end, year));
            if let Some(raw) = self.raw(c, kind, year, &dating, &time, previous) {
                raws.push(raw);
            }
        }
        if dating.respectively {
            pair_respectively(&mut raws, &dating.mentions);
        }
        for raw in &mut raws {
            if !raw.year.is_none() {
                raw.year_inferred = Year::None;
            }
        }
        (raws, inferred::last_named(&dating))
    }

    /// A candidate as a figure, or `None` when it is not one (a bare small number, "one").
    fn raw(
        &self,
        c: &Cand,
        kind: Kind,
        year: Year,
        dating: &Dating,
        time: &inferred::TimeWords,
        previous: Option<i32>,
    ) -> Option<Raw> {
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
        // "one" alone is an article or a pronoun, not a count; "1 aircraft" in digits is one.
        if c.value == 1.0 && c.scale.is_none() && is_count(&unit) && c.words {
            return None;
        }
        if !c.value.is_finite() {
            return None;
        }
        let start = self.toks[c.first].start;
        let end = self.toks[c.end - 1].end;
        // "$1.6 billion over three years" spreads an amount; "for over three years" is more
        // than three.
        let spread = is_duration(&unit)
            && self.is_word(c.first.wrapping_sub(1), &["over"])
            && !self.is_word(
                c.first.wrapping_sub(2),
                &[
                    "for", "after", "in", "of", "than", "lasted", "took", "spent", "served",
                ],
            );
        let year_inferred = if year.is_none() {
            self.inferred_year(&unit, time, dating, previous)
        } else {
            Year::None
        };
        Some(Raw {
            bytes: start..end,
            value: c.value,
            tier: self.tier(c, &unit),
            unit,
            year,
            qualifier: if spread { None } else { c.qualifier },
            kind,
            year_inferred,
        })
    }
}

#[cfg(test)]
mod tests;
