//! Year mentions in a sentence ("in 2014", "between 2004 and 2009", "since 2018", "2010–15",
//! "the 1990s", "entre 2006 y 2008", "desde 2011"), in the sentence's language.

use super::Year;
use super::lexicon::{Lang, Set};
use super::tokens::{Kind, Token};

/// A year expression found in a sentence, with the token range it covers.
#[derive(Clone, Debug, PartialEq)]
pub struct YearMention {
    pub year: Year,
    /// Token indices, inclusive start and exclusive end.
    pub first: usize,
    pub last: usize,
}

/// Is this number token a plausible year (1900–2100, four digits, no separators)?
pub fn year_value(tok: &Token, text: &str) -> Option<i32> {
    if tok.kind != Kind::Number {
        return None;
    }
    let s = tok.text(text);
    if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = s.parse().ok()?;
    (1900..=2100).contains(&y).then_some(y)
}

fn word_is(toks: &[Token], text: &str, i: usize, words: &[&str]) -> bool {
    toks.get(i)
        .is_some_and(|t| t.kind == Kind::Word && words.iter().any(|w| t.is(text, w)))
}

/// Token `i` is a word of `set` in `lang`.
fn in_set(toks: &[Token], text: &str, lang: &Lang, i: usize, set: Set) -> bool {
    toks.get(i)
        .is_some_and(|t| t.kind == Kind::Word && lang.is(t.text(text), set))
}

/// A dash or hyphen token.
pub fn is_dash(t: &Token, text: &str) -> bool {
    t.kind == Kind::Punct && matches!(t.text(text), "-" | "–" | "—" | "‐" | "‑")
}

fn is_month(toks: &[Token], text: &str, lang: &Lang, k: usize) -> bool {
    toks.get(k)
        .is_some_and(|t| t.kind == Kind::Word && lang.month(t.text(text)).is_some())
}

/// The word before the year at token `i`, looking past what only narrows the year: "FY",
/// "fiscal year", a month, "mid-", "the end of" ("since the beginning of 2007" gives "since",
/// "desde finales de 2011" gives "desde").
fn word_before_year(toks: &[Token], text: &str, lang: &Lang, i: usize) -> Option<usize> {
    let set = |k: usize, s: Set| in_set(toks, text, lang, k, s);
    let mut p = i.checked_sub(1)?;
    // "antes de 2021", "a partir de 2015": the word before "of" says how the year reads.
    if set(p, Set::Of)
        && (set(p.wrapping_sub(1), Set::YearUntil) || set(p.wrapping_sub(1), Set::YearSince))
    {
        return Some(p - 1);
    }
    if word_is(toks, text, p, &["year", "years"]) && set(p.wrapping_sub(1), Set::Fiscal) {
        p = p.checked_sub(2)?;
    } else if set(p, Set::Fiscal) {
        p = p.checked_sub(1)?;
    }
    // "December 2006", "diciembre de 2006", "mid-2012", "early 2015"
    if set(p, Set::Of) && is_month(toks, text, lang, p.wrapping_sub(1)) {
        p = p.checked_sub(2)?;
    } else if is_month(toks, text, lang, p) {
        p = p.checked_sub(1)?;
    }
    if toks.get(p).is_some_and(|t| is_dash(t, text))
        && word_is(toks, text, p.wrapping_sub(1), &["mid"])
    {
        p = p.checked_sub(2)?;
    } else if set(p, Set::YearPart) && !set(p.wrapping_sub(1), Set::Of) {
        p = p.checked_sub(1)?;
    }
    // "the beginning of 2007", "the end of 2011", "a finales de 2011"
    if set(p, Set::Of) && set(p.wrapping_sub(1), Set::YearPeriod) {
        p = p.checked_sub(2)?;
        if set(p, Set::Determiner) {
            p = p.checked_sub(1)?;
        }
    }
    Some(p)
}

/// How many tokens from `k` only narrow the year that follows them ("FY", "December",
/// "mid-", "late", "diciembre de").
fn year_prefix(toks: &[Token], text: &str, lang: &Lang, k: usize) -> usize {
    let mut n = 0;
    if word_is(toks, text, k, &["mid"]) && toks.get(k + 1).is_some_and(|t| is_dash(t, text)) {
        n = 2;
    } else if in_set(toks, text, lang, k, Set::YearPart) {
        n = 1;
    }
    if is_month(toks, text, lang, k + n) {
        n += 1;
        if in_set(toks, text, lang, k + n, Set::Of) {
            n += 1;
        }
    }
    if in_set(toks, text, lang, k + n, Set::Fiscal) {
        n += 1;
    }
    n
}

/// Find the year mentions among `toks`. `is_year[i]` says which number tokens were judged to
/// be years (not figures); `respectively` that the sentence pairs figures with years in order.
pub fn mentions(
    toks: &[Token],
    text: &str,
    is_year: &[bool],
    lang: &Lang,
    respectively: bool,
) -> Vec<YearMention> {
    let set = |k: usize, s: Set| in_set(toks, text, lang, k, s);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !is_year[i] {
            // "the 1990s": a decade.
            if let Some((y, len)) = decade(toks, text, i) {
                out.push(YearMention {
                    year: Year::Range(Some(y), Some(y + 9)),
                    first: i,
                    last: i + len,
                });
                i += len;
                continue;
            }
            i += 1;
            continue;
        }
        let Some(y) = year_value(&toks[i], text) else {
            i += 1;
            continue;
        };
        // "2010-2015", "2010–15", "2014/15"
        if let (Some(sep), Some(next)) = (toks.get(i + 1), toks.get(i + 2)) {
            let joined = !sep.space_before && !next.space_before;
            if joined
                && (is_dash(sep, text) || sep.is_punct(text, '/'))
                && next.kind == Kind::Number
            {
                let s = next.text(text);
                let end = match s.len() {
                    4 => year_value(next, text),
                    2 => s
                        .parse::<i32>()
                        .ok()
                        .map(|n| y / 100 * 100 + n)
                        .filter(|e| *e > y),
                    _ => None,
                };
                if let Some(end) = end {
                    out.push(YearMention {
                        year: Year::Range(Some(y), Some(end)),
                        first: i,
                        last: i + 3,
                    });
                    i += 3;
                    continue;
                }
            }
        }
        // "between 2004 and 2009", "from 2010 to 2015", "between FY2008 and FY2015"
        let before = word_before_year(toks, text, lang, i);
        let opener = before.filter(|&p| set(p, Set::YearRangeOpen));
        let second = i + 2 + year_prefix(toks, text, lang, i + 2);
        if let Some(p) = opener
            && set(i + 1, Set::YearRangeJoin)
            && toks
                .get(second)
                .is_some_and(|t| is_year[second] && year_value(t, text).is_some())
        {
            let end = toks.get(second).and_then(|t| year_value(t, text));
            out.push(YearMention {
                year: Year::Range(Some(y), end),
                first: p,
                last: second + 1,
            });
            i = second + 1;
            continue;
        }
        // "in 2016, 2017 and 2018": a list of years in order covers their span, unless the
        // sentence pairs them with figures ("…, respectively").
        let list_end = year_list(toks, text, is_year, lang, i);
        if list_end > i + 2
            && !respectively
            && let Some(end) = toks.get(list_end - 1).and_then(|t| year_value(t, text))
        {
            let lead = i.checked_sub(1).filter(|&p| set(p, Set::YearListLead));
            out.push(YearMention {
                year: Year::Range(Some(y), Some(end)),
                first: lead.unwrap_or(i),
                last: list_end,
            });
            i = list_end;
            continue;
        }
        let year = if before.is_some_and(|p| set(p, Set::YearSince)) {
            Year::Range(Some(y), None)
        } else if before.is_some_and(|p| set(p, Set::YearUntil)) {
            Year::Range(None, Some(y))
        } else {
            Year::Point(y)
        };
        // The mention includes a preposition or month right before the year ("in 2014",
        // "March 2015"), not a determiner ("the 2016 elections").
        let lead =
            before.filter(|&p| set(p, Set::YearPreposition) || is_month(toks, text, lang, p));
        let fiscal = i.checked_sub(1).filter(|&p| set(p, Set::Fiscal));
        out.push(YearMention {
            year,
            first: lead.or(fiscal).unwrap_or(i),
            last: i + 1,
        });
        i += 1;
    }
    out
}

/// The end (exclusive token index) of a list of rising years starting at token `i`: "2016,
/// 2017 and 2018", "2008 and 2009". `i + 1` when no list starts there.
fn year_list(toks: &[Token], text: &str, is_year: &[bool], lang: &Lang, i: usize) -> usize {
    let mut end = i + 1;
    let mut last = toks
        .get(i)
        .and_then(|t| year_value(t, text))
        .unwrap_or(i32::MAX);
    loop {
        let comma = toks.get(end).is_some_and(|t| t.is_punct(text, ','));
        let joins = |k: usize| {
            word_is(toks, text, k, &["and", "y", "e"])
                && lang.is(toks[k].text(text), Set::YearRangeJoin)
        };
        let and = joins(end) || comma && toks.get(end + 1).is_some() && joins(end + 1);
        let next = if comma && and { end + 2 } else { end + 1 };
        if !(comma || and) {
            return end;
        }
        match toks.get(next).and_then(|t| year_value(t, text)) {
            Some(y) if is_year[next] && y > last && y - last <= 10 => {
                last = y;
                end = next + 1;
                if and {
                    return end;
                }
            }
            _ => return end,
        }
    }
}

/// "1990s" or "1990's" starting at token `i`: the decade's first year and its token count.
pub fn decade(toks: &[Token], text: &str, i: usize) -> Option<(i32, usize)> {
    let t = toks.get(i)?;
    let s = t.text(text);
    if t.kind != Kind::Number || s.len() != 4 || !s.ends_with('0') {
        return None;
    }
    let y: i32 = s.parse().ok()?;
    if !(1800..=2090).contains(&y) {
        return None;
    }
    let next = toks.get(i + 1)?;
    if next.space_before {
        return None;
    }
    if next.kind == Kind::Word && next.text(text) == "s" {
        return Some((y, 2));
    }
    let after = toks.get(i + 2)?;
    let apostrophe = matches!(next.text(text), "'" | "’");
    (apostrophe && !after.space_before && after.kind == Kind::Word && after.text(text) == "s")
        .then_some((y, 3))
}
