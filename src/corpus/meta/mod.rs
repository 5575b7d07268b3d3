//! Article metadata: title, date, outlet, place and country of the dateline, author and
//! language, each detected with where it came from ([`Attr::source`]). Reads what the file
//! states about itself (HTML meta tags, JSON-LD, document properties) and the head of the text
//! (headline, byline, dateline). Word lists and the small gazetteer are in `assets/`.

pub mod date;
mod head;
mod tables;
mod title;

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

pub use date::PartialDate;

/// A stated title without the site name it often ends with ("Headline | Site" -> "Headline").
pub fn headline_of(title: &str, stated: &SourceMeta) -> String {
    title::strip_site(title, stated)
}
pub use tables::fold;

use super::formats::SourceMeta;

/// A detected value and where it came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Attr {
    pub value: String,
    /// `first line`, `dateline`, `byline`, `meta og:site_name`, `JSON-LD datePublished`,
    /// `PDF properties`, `folder name`, `language model`, …
    pub source: String,
}

impl Attr {
    fn new(value: impl Into<String>, source: impl Into<String>) -> Self {
        Self {
            value: value.into(),
            source: source.into(),
        }
    }
}

/// Everything detected about one article.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Detected {
    pub title: Option<Attr>,
    /// ISO 8601, possibly partial: `2015-04-17`, `2015-04`, `--02-23` (no year stated).
    pub date: Option<Attr>,
    pub outlet: Option<Attr>,
    pub place: Option<Attr>,
    pub country: Option<Attr>,
    /// ISO 3166-1 alpha-2 of `country`.
    pub country_code: Option<String>,
    pub author: Option<Attr>,
    /// ISO 639-1 where one exists ("en", "es", "pt", "ru").
    pub language: Option<Attr>,
}

/// How many bytes of the text's head are read for the headline, byline and dateline.
const HEAD_BYTES: usize = 4_000;
/// How many bytes from the start of the text language detection reads.
const LANGUAGE_BYTES: usize = 1_500;
/// How many paragraphs may come before the dateline.
const DATELINE_PARAGRAPHS: usize = 6;

/// Detect the metadata of an article from its text, what its file states, and the folder it
/// is in below the corpus folder (`None` at the top). `skip` holds folded lines known to be
/// boilerplate in this corpus (see [`repeated_lines`]).
pub fn detect(
    text: &str,
    stated: &SourceMeta,
    folder: Option<&str>,
    skip: &HashSet<String>,
) -> Detected {
    let head = Head::read(text);
    let mut d = Detected {
        title: title::detect(&head.lines, text, stated, skip),
        ..Detected::default()
    };
    let (bylines, dateline) = (&head.bylines, head.dateline.as_ref());
    date(&mut d, &head.lines, stated, bylines, dateline);
    outlet(&mut d, stated, bylines, dateline, folder);
    if let Some(dl) = dateline {
        if let Some(place) = &dl.place {
            d.place = Some(Attr::new(place.clone(), "dateline"));
        }
        if let Some(known) = &dl.known {
            d.country = Some(Attr::new(known.country.clone(), "dateline (gazetteer)"));
            d.country_code = Some(known.code.clone());
        }
    }
    d.author = stated
        .author
        .as_ref()
        .filter(|a| head::outlet_name(&a.value).is_none())
        .map(|a| Attr::new(a.value.clone(), a.source))
        .or_else(|| {
            bylines
                .iter()
                .find(|b| !b.outlet)
                .map(|b| Attr::new(b.name.clone(), "byline"))
        });
    d.language = language(text, stated);
    d
}

/// Only the date and the language of [`detect`] (the same values; everything else `None`):
/// what figure extraction reads, at a fraction of the cost (no title, outlet or author).
pub fn detect_date_and_language(text: &str, stated: &SourceMeta) -> Detected {
    let head = Head::read(text);
    let mut d = Detected::default();
    let (bylines, dateline) = (&head.bylines, head.dateline.as_ref());
    date(&mut d, &head.lines, stated, bylines, dateline);
    d.language = language(text, stated);
    d
}

/// The head of a text: its first non-blank lines, their bylines and the dateline.
struct Head<'t> {
    lines: Vec<&'t str>,
    bylines: Vec<head::Byline>,
    dateline: Option<head::Dateline>,
}

impl<'t> Head<'t> {
    fn read(text: &'t str) -> Self {
        let head = &text[..floor(text, HEAD_BYTES)];
        let lines: Vec<&str> = head
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let bylines = lines
            .iter()
            .take(12)
            .filter_map(|l| head::byline(l))
            .collect();
        let dateline = lines
            .iter()
            .take(DATELINE_PARAGRAPHS + 2)
            .find_map(|l| head::dateline(l));
        Self {
            lines,
            bylines,
            dateline,
        }
    }
}

/// The largest char boundary of `s` at or below `i` (so `&s[..floor(s, i)]` never panics).
pub fn floor(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The date: what the file states for HTML-like metadata, a full date in the head of the
/// text, the document properties, then a partial date of the text (no year).
fn date(
    d: &mut Detected,
    lines: &[&str],
    stated: &SourceMeta,
    bylines: &[head::Byline],
    dateline: Option<&head::Dateline>,
) {
    let stated_date = stated
        .date
        .as_ref()
        .and_then(|s| date::parse_stated(&s.value).map(|p| Attr::new(p.to_string(), s.source)));
    // Properties of office files and PDFs are often the date of the file, not of the story:
    // a date the text states comes first for them.
    let trusted = stated.date.as_ref().is_some_and(|s| {
        s.source.starts_with("meta")
            || s.source.starts_with("JSON-LD")
            || s.source.starts_with("HTML")
    });
    if trusted && stated_date.is_some() {
        d.date = stated_date;
        return;
    }
    let mut found: Vec<(PartialDate, &str)> = Vec::new();
    if let Some(p) = dateline.and_then(|dl| dl.date) {
        found.push((p, "dateline"));
    }
    for b in bylines {
        if let Some(p) = b.date {
            found.push((p, "byline"));
        }
    }
    for line in lines.iter().take(10) {
        // A line that is (nearly) only a date ("April 17, 2015"), a short line with a full
        // date ("Datum: 22.12.2012, Rubrik: USA"), or a paragraph that opens with one.
        // A line longer than 80 characters can only count for a date that opens it.
        let whole = line.len() <= 2 * date::LONGEST_DATE
            || (line.len() <= 320 && line.chars().count() <= 80);
        let found_here = if whole {
            date::find_in_words(line)
        } else {
            date::find_near_start(line, date::LONGEST_DATE).filter(|(_, r)| r.start == 0)
        };
        if let Some((p, r)) = found_here {
            let mostly_date = r.len() * 10 >= line.len() * 7;
            let short = line.chars().count() <= 80 && p.is_complete();
            let opens = r.start == 0 && p.is_complete();
            if mostly_date || short || opens {
                found.push((p, "date line"));
            }
        }
    }
    let full = found.iter().find(|(p, _)| p.is_complete());
    let file_date = stated
        .date
        .as_ref()
        .and_then(|s| date::parse_stated(&s.value))
        .filter(PartialDate::is_complete);
    d.date = match (full, found.first(), file_date) {
        (Some((p, src)), _, _) => Some(Attr::new(p.to_string(), *src)),
        // The text gives the day, the file its year, when the file was made soon after.
        (None, Some((p, src)), Some(file)) => Some(match p.dated_by(&file) {
            Some(dated) => Attr::new(dated.to_string(), year_from_file(src)),
            // The file's own date contradicts the day the text states: the text wins.
            None => Attr::new(p.to_string(), *src),
        }),
        (None, None, Some(_)) => stated_date,
        (None, first, None) => first.map(|(p, src)| Attr::new(p.to_string(), *src)),
    };
}

/// Where a date came from when the text gave its day and the document properties its year.
fn year_from_file(source: &str) -> &'static str {
    match source {
        "dateline" => "dateline, year from the file's properties",
        "byline" => "byline, year from the file's properties",
        _ => "the text, year from the file's properties",
    }
}

fn outlet(
    d: &mut Detected,
    stated: &SourceMeta,
    bylines: &[head::Byline],
    dateline: Option<&head::Dateline>,
    folder: Option<&str>,
) {
    d.outlet = stated
        .site
        .as_ref()
        .map(|s| Attr::new(s.value.clone(), s.source))
        .or_else(|| {
            let agency = dateline.and_then(|dl| dl.agency.as_deref())?;
            let name = head::outlet_name(agency).unwrap_or_else(|| agency.to_owned());
            Some(Attr::new(name, "dateline agency"))
        })
        .or_else(|| {
            let b = bylines.iter().find(|b| b.outlet)?;
            Some(Attr::new(head::outlet_name(&b.name)?, "byline"))
        })
        .or_else(|| folder.map(|f| Attr::new(f, "folder name")));
}

/// The source of a language the trigram model guessed without confidence (a short text).
pub const UNSURE_LANGUAGE: &str = "language model (whatlang, unsure)";

fn language(text: &str, stated: &SourceMeta) -> Option<Attr> {
    // A few thousand bytes tell the language as well as the whole text, at a fraction of the
    // cost (detection runs for every article of every load).
    let head = &text[..floor(text, LANGUAGE_BYTES)];
    // News prose names its language by its function words at a hundredth of the trigram
    // model's cost; the model decides what they leave unclear.
    if let Some(code) = super::function_words::clear_language(head) {
        return Some(Attr::new(code, "function words"));
    }
    let detected = super::language::detect(head);
    match (detected, &stated.language) {
        (Some(l), _) if l.reliable || l.confidence >= 0.5 => {
            Some(Attr::new(l.code, "language model (whatlang)"))
        }
        (_, Some(s)) => {
            let code: String = s
                .value
                .chars()
                .take_while(|c| c.is_ascii_alphabetic())
                .collect();
            (!code.is_empty()).then(|| Attr::new(code.to_lowercase(), s.source))
        }
        (Some(l), None) => Some(Attr::new(l.code, UNSURE_LANGUAGE)),
        (None, None) => None,
    }
}

/// Detect the titles again for articles whose title is a line repeated at the top of other
/// articles of their group (outlet, else folder); see [`repeated_lines`].
pub fn pass_over_repeated_lines(articles: &mut [super::Article]) {
    let group = |a: &super::Article| -> String {
        a.meta
            .outlet
            .as_ref()
            .map(|o| o.value.clone())
            .or_else(|| a.folder().map(str::to_owned))
            .unwrap_or_default()
    };
    let groups: Vec<String> = articles.iter().map(group).collect();
    let repeated = repeated_lines(
        groups
            .iter()
            .zip(articles.iter())
            .map(|(g, a)| (g.as_str(), a.text.as_str())),
    );
    if repeated.is_empty() {
        return;
    }
    for a in articles.iter_mut() {
        if a.meta
            .title
            .as_ref()
            .is_some_and(|t| repeated.contains(&fold(&t.value)))
        {
            a.detect_meta(&repeated);
        }
    }
}

/// Lines that open several articles of one group (an outlet or a folder): site menus and
/// section labels such as "All news" that a press database exports with every story. Returns
/// the folded lines that appear in the first lines of at least two articles of a group and of
/// at least a third of it (groups of three articles or more).
pub fn repeated_lines<'a>(articles: impl Iterator<Item = (&'a str, &'a str)>) -> HashSet<String> {
    let mut groups: BTreeMap<&str, Vec<HashSet<String>>> = BTreeMap::new();
    for (group, text) in articles {
        let head = &text[..floor(text, 1_000)];
        let lines: HashSet<String> = head
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .take(5)
            .filter(|l| l.split_whitespace().count() <= 8)
            .map(fold)
            .collect();
        groups.entry(group).or_default().push(lines);
    }
    let mut out = HashSet::new();
    for heads in groups.values() {
        let mut counts: BTreeMap<&String, usize> = BTreeMap::new();
        for h in heads {
            for l in h {
                *counts.entry(l).or_insert(0) += 1;
            }
        }
        for (line, n) in counts {
            if heads.len() >= 3 && n >= 2 && n * 3 >= heads.len() {
                out.insert(line.clone());
            }
        }
    }
    out
}
