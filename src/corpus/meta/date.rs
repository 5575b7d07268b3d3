//! Dates as articles state them: ISO dates and times (`2015-03-14T09:30:00-05:00`), PDF dates
//! (`D:20150314093000`), and dates in words in English, Spanish, Portuguese, French, German and
//! Russian ("April 17, 2015", "17 de abril de 2015", "17. April 2015", "February 23").

use std::sync::OnceLock;

use regex::Regex;

use super::tables::{fold, tables};

/// A calendar date of which the year, or the year and day, may be unknown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    fn new(year: Option<i32>, month: Option<u8>, day: Option<u8>) -> Option<Self> {
        let year_ok = year.is_none_or(|y| (1800..=2200).contains(&y));
        let month_ok = month.is_none_or(|m| (1..=12).contains(&m));
        let day_ok =
            day.is_none_or(|d| (1..=31).contains(&d)) && (day.is_none() || month.is_some());
        (year_ok && month_ok && day_ok && (year.is_some() || month.is_some())).then_some(Self {
            year,
            month,
            day,
        })
    }

    /// Whether year, month and day are all known.
    pub fn is_complete(&self) -> bool {
        self.year.is_some() && self.month.is_some() && self.day.is_some()
    }

    /// `self`, a month and day the text states without a year, dated by `file`, a full date of
    /// the file (document properties): the file's year when the story's day falls in the 31
    /// days up to the file's date (a report saved after the event), the year before when the
    /// file was made early in January for a December story. `None` when they disagree more.
    pub fn dated_by(&self, file: &PartialDate) -> Option<PartialDate> {
        let (None, Some(m), Some(d)) = (self.year, self.month, self.day) else {
            return None;
        };
        let (Some(fy), Some(fm), Some(fd)) = (file.year, file.month, file.day) else {
            return None;
        };
        let day_of_year = |m: u8, d: u8| i32::from(m - 1) * 31 + i32::from(d);
        let file_day = day_of_year(fm, fd);
        let story_day = day_of_year(m, d);
        let year = if (0..=31).contains(&(file_day - story_day)) {
            fy
        } else if (0..=31).contains(&(file_day + 12 * 31 - story_day)) {
            fy - 1
        } else {
            return None;
        };
        Self::new(Some(year), Some(m), Some(d))
    }

    /// For people: `2015-04-17`, or `23 February, year not stated` when the year is unknown.
    pub fn human(iso: &str) -> std::borrow::Cow<'_, str> {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        match Self::parse_iso(iso) {
            Some(Self {
                year: None,
                month: Some(m),
                day,
            }) => {
                let month = MONTHS[usize::from(m - 1)];
                match day {
                    Some(d) => format!("{d} {month}, year not stated").into(),
                    None => format!("{month}, year not stated").into(),
                }
            }
            _ => iso.into(),
        }
    }

    /// Parse what [`Display`](std::fmt::Display) writes: `2015-04-17`, `2015-04`, `2015`,
    /// `--02-23` (no year).
    pub fn parse_iso(s: &str) -> Option<Self> {
        let s = s.trim();
        if let Some(rest) = s.strip_prefix("--") {
            return match rest.split_once('-') {
                Some((m, d)) => Self::new(None, m.parse().ok(), Some(d.parse().ok()?)),
                None => Self::new(None, Some(rest.parse().ok()?), None),
            };
        }
        let mut parts = s.splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next().map(str::parse).transpose().ok()?;
        let day = parts.next().map(str::parse).transpose().ok()?;
        Self::new(Some(year), month, day)
    }
}

impl std::fmt::Display for PartialDate {
    /// ISO 8601: `2015-04-17`, `2015-04`, `2015`, or `--02-23` when the year is unknown.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.year, self.month, self.day) {
            (Some(y), Some(m), Some(d)) => write!(f, "{y:04}-{m:02}-{d:02}"),
            (Some(y), Some(m), None) => write!(f, "{y:04}-{m:02}"),
            (Some(y), _, _) => write!(f, "{y:04}"),
            (None, Some(m), Some(d)) => write!(f, "--{m:02}-{d:02}"),
            (None, Some(m), None) => write!(f, "--{m:02}"),
            (None, None, _) => Ok(()),
        }
    }
}

/// A date stated in metadata: ISO 8601 (date or date-time) or a PDF date string. Free text is
/// tried as a date in words.
pub fn parse_stated(s: &str) -> Option<PartialDate> {
    let s = s.trim();
    if let Some(pdf) = s.strip_prefix("D:") {
        return digits_date(pdf);
    }
    static ISO: OnceLock<Regex> = OnceLock::new();
    let iso = ISO.get_or_init(|| {
        Regex::new(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]|$)").unwrap_or_else(|_| never())
    });
    if let Some(c) = iso.captures(s) {
        return PartialDate::new(c[1].parse().ok(), c[2].parse().ok(), c[3].parse().ok());
    }
    if s.len() >= 8 && s.bytes().take(8).all(|b| b.is_ascii_digit()) {
        return digits_date(s);
    }
    find_in_words(s).map(|(d, _)| d)
}

/// `YYYYMMDD…` as a date.
fn digits_date(s: &str) -> Option<PartialDate> {
    let year = s.get(0..4)?.parse().ok()?;
    let month = s.get(4..6).and_then(|m| m.parse().ok());
    let day = month.and(s.get(6..8).and_then(|d| d.parse().ok()));
    PartialDate::new(Some(year), month, day)
}

/// Never reached: the patterns above are literals that compile.
fn never() -> Regex {
    Regex::new("$^").unwrap_or_else(|_| unreachable!())
}

/// The first date among the first `max_bytes` of `s` (cut at a character boundary): a date
/// that opens a line or follows a byline's name is near its start, and a paragraph-long line
/// costs no more to look at than a short one.
pub fn find_near_start(s: &str, max_bytes: usize) -> Option<(PartialDate, std::ops::Range<usize>)> {
    find_in_words(&s[..super::floor(s, max_bytes)])
}

/// The longest date in words, in bytes, with room to spare ("30 de septiembre del 2015" is
/// 25; "23 сентября 2013 г." 29).
pub const LONGEST_DATE: usize = 64;

/// The first date in words or ISO form in `line`, with its byte range.
pub fn find_in_words(line: &str) -> Option<(PartialDate, std::ops::Range<usize>)> {
    // Every form has digits: most lines are passed over without running a pattern.
    if !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    static PATTERNS: OnceLock<[Regex; 4]> = OnceLock::new();
    static DOTTED: OnceLock<Regex> = OnceLock::new();
    // 17.04.2015 (German, Russian, Polish, …): day, month, year.
    let dotted = DOTTED.get_or_init(|| {
        Regex::new(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b").unwrap_or_else(|_| never())
    });
    let [iso, month_day, day_month, month_year] = PATTERNS.get_or_init(|| {
        let word = r"\p{L}{3,10}\.?";
        [
            // 2015-04-17, 2015/04/17, 2015.04.17
            Regex::new(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b"),
            // April 17, 2015 · February 23 · Feb. 23 2015
            Regex::new(&format!(r"(?i)\b({word})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}})\b)?")),
            // 17 April 2015 · 17 de abril de 2015 · 17. April 2015 · 17 avril · 17 апреля 2015 г.
            Regex::new(&format!(r"(?i)\b(\d{{1,2}})(?:\.|º|er)?\s+(?:de\s+)?({word})(?:,?\s+(?:de\s+|del\s+)?(\d{{4}})\b)?")),
            // April 2015 · abril de 2015
            Regex::new(&format!(r"(?i)\b({word})\s+(?:de\s+)?(\d{{4}})\b")),
        ]
        .map(|r| r.unwrap_or_else(|_| never()))
    });
    let months = &tables().months;
    let month = |w: &str| months.get(&fold(w.trim_end_matches('.'))).copied();
    let mut best: Option<(PartialDate, std::ops::Range<usize>)> = None;
    let mut consider = |d: Option<PartialDate>, r: std::ops::Range<usize>| {
        if let Some(d) = d
            && best.as_ref().is_none_or(|(b, br)| {
                r.start < br.start || (r.start == br.start && score(&d) > score(b))
            })
        {
            best = Some((d, r));
        }
    };
    for c in iso.captures_iter(line) {
        let d = PartialDate::new(c[1].parse().ok(), c[2].parse().ok(), c[3].parse().ok());
        consider(d, c.get(0).map_or(0..0, |m| m.range()));
    }
    for c in dotted.captures_iter(line) {
        let d = PartialDate::new(c[3].parse().ok(), c[2].parse().ok(), c[1].parse().ok());
        consider(d, c.get(0).map_or(0..0, |m| m.range()));
    }
    for c in month_day.captures_iter(line) {
        let Some(m) = month(&c[1]) else { continue };
        let year = c.get(3).and_then(|y| y.as_str().parse().ok());
        let d = PartialDate::new(year, Some(m), c[2].parse().ok());
        consider(d, c.get(0).map_or(0..0, |m| m.range()));
    }
    for c in day_month.captures_iter(line) {
        let Some(m) = month(&c[2]) else { continue };
        let year = c.get(3).and_then(|y| y.as_str().parse().ok());
        let d = PartialDate::new(year, Some(m), c[1].parse().ok());
        consider(d, c.get(0).map_or(0..0, |m| m.range()));
    }
    for c in month_year.captures_iter(line) {
        let Some(m) = month(&c[1]) else { continue };
        let d = PartialDate::new(c[2].parse().ok(), Some(m), None);
        consider(d, c.get(0).map_or(0..0, |m| m.range()));
    }
    best
}

/// How much a date says: a full date beats a month and day, which beats a month and year.
fn score(d: &PartialDate) -> u8 {
    u8::from(d.year.is_some()) * 2 + u8::from(d.day.is_some()) * 2 + u8::from(d.month.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Option<String> {
        find_in_words(s).map(|(d, _)| d.to_string())
    }

    #[test]
    fn a_day_without_a_year_takes_the_year_of_a_file_made_soon_after() {
        let day = |s: &str| PartialDate::parse_iso(s).unwrap_or_else(|| panic!("{s}"));
        let dated =
            |story: &str, file: &str| day(story).dated_by(&day(file)).map(|d| d.to_string());
        assert_eq!(
            dated("--03-14", "2015-03-14").as_deref(),
            Some("2015-03-14")
        );
        assert_eq!(
            dated("--03-14", "2015-04-02").as_deref(),
            Some("2015-03-14")
        );
        assert_eq!(
            dated("--12-30", "2016-01-04").as_deref(),
            Some("2015-12-30")
        );
        // A file made long after, or before, the story says nothing of its year.
        assert_eq!(dated("--03-14", "2026-12-03"), None);
        assert_eq!(dated("--03-14", "2015-03-10"), None);
        // Only a day without a year is dated, and only by a full date.
        assert_eq!(dated("2014-03-14", "2015-03-14"), None);
        assert_eq!(dated("--03-14", "2015-03"), None);
    }

    #[test]
    fn a_date_without_a_year_reads_as_words() {
        assert_eq!(
            PartialDate::human("--02-23"),
            "23 February, year not stated"
        );
        assert_eq!(PartialDate::human("--11"), "November, year not stated");
        assert_eq!(PartialDate::human("2015-04-17"), "2015-04-17");
        assert_eq!(PartialDate::human("anything else"), "anything else");
    }

    #[test]
    fn dates_in_words_in_six_languages() {
        assert_eq!(words("April 17, 2015").as_deref(), Some("2015-04-17"));
        assert_eq!(
            words("MEXICO CITY, February 23 (Itar-Tass)").as_deref(),
            Some("--02-23")
        );
        assert_eq!(
            words("Lima, 17 de abril de 2015.").as_deref(),
            Some("2015-04-17")
        );
        assert_eq!(
            words("publicado em 3 de março de 2016").as_deref(),
            Some("2016-03-03")
        );
        assert_eq!(words("le 1er avril 2014").as_deref(), Some("2014-04-01"));
        assert_eq!(
            words("Berlin, 17. April 2015").as_deref(),
            Some("2015-04-17")
        );
        assert_eq!(words("23 февраля 2013 г.").as_deref(), Some("2013-02-23"));
        assert_eq!(words("Sept. 5th 2012").as_deref(), Some("2012-09-05"));
        assert_eq!(
            words("in March 2014 the police").as_deref(),
            Some("2014-03")
        );
        assert_eq!(
            words("Stand: 17.04.2015, 10:30 Uhr").as_deref(),
            Some("2015-04-17")
        );
        assert_eq!(words("am 2015/4/17 um").as_deref(), Some("2015-04-17"));
        assert_eq!(words("May I say"), None);
        assert_eq!(words("a march of 20 people"), None);
    }

    #[test]
    fn stated_dates() {
        let s = |x: &str| parse_stated(x).map(|d| d.to_string());
        assert_eq!(
            s("2015-03-14T09:30:00-05:00").as_deref(),
            Some("2015-03-14")
        );
        assert_eq!(s("D:20150314093000+01'00'").as_deref(), Some("2015-03-14"));
        assert_eq!(s("2015-3-4").as_deref(), Some("2015-03-04"));
        assert_eq!(s("14 March 2015").as_deref(), Some("2015-03-14"));
        assert_eq!(s("yesterday"), None);
        assert_eq!(
            PartialDate::parse_iso("--02-23")
                .map(|d| d.to_string())
                .as_deref(),
            Some("--02-23")
        );
        assert_eq!(
            PartialDate::parse_iso("2015-04").map(|d| d.month),
            Some(Some(4))
        );
    }
}
