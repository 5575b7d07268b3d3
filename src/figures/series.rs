//! Series of figures ready to plot or export: points sorted by year, and suggestions of series
//! from figures that share a unit and the words of their sentences.

use std::collections::{BTreeMap, BTreeSet};

use super::curation::{FigureRow, RowStatus};
use super::{Kind, Year};
use crate::corpus::{ArticleId, Corpus};

/// Words near a figure (its clause, at most eight words on each side), to compare figures.
pub fn context_words(sentence: &str, figure: &str) -> String {
    let Some(at) = sentence.find(figure) else {
        return sentence.to_owned();
    };
    let before: Vec<&str> = sentence[..at].split_whitespace().collect();
    let after: Vec<&str> = sentence[at + figure.len()..].split_whitespace().collect();
    let b = &before[before.len().saturating_sub(8)..];
    let a = &after[..after.len().min(8)];
    format!("{} {}", b.join(" "), a.join(" "))
}
use crate::project::{FigureId, Project, Series};

/// One point of a series.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub figure: FigureId,
    pub article: ArticleId,
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub year: Year,
    /// Actual, target or forecast: a series may hold all three (see [`super::pairing`]).
    pub kind: Kind,
    /// The analyst's label, or the figure's text.
    pub label: String,
    pub text: String,
    pub sentence: String,
}

/// The points of a series, by year (figures without a year last, in the analyst's order).
pub fn points(project: &Project, corpus: &Corpus, series: &Series) -> Vec<Point> {
    let mut out: Vec<Point> = series
        .figures
        .iter()
        .filter_map(|id| project.figures.get(id))
        .map(|f| {
            let sentence = corpus
                .get(&f.article)
                .and_then(|a| {
                    let (s, e) =
                        super::curation::sentence_around(&a.text, &a.index, f.start, f.end)?;
                    a.slice(s, e).map(str::to_owned)
                })
                .unwrap_or_else(|| f.quote.clone());
            Point {
                figure: f.id,
                article: f.article.clone(),
                start: f.start,
                end: f.end,
                value: f.value,
                year: f.year,
                kind: f.kind,
                label: if f.label.is_empty() {
                    f.quote.clone()
                } else {
                    f.label.clone()
                },
                text: f.quote.clone(),
                sentence,
            }
        })
        .collect();
    // A stable sort keeps the analyst's order among points of the same year.
    out.sort_by_key(|p| (p.year.key().is_none(), p.year.key()));
    out
}

/// Write a series as CSV: one row per point.
pub fn write_csv<W: std::io::Write>(
    series: &Series,
    points: &[Point],
    out: W,
) -> Result<(), csv::Error> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "series", "year", "value", "unit", "label", "text", "article", "start", "end", "sentence",
        "kind",
    ])?;
    for p in points {
        w.write_record([
            series.name.as_str(),
            &p.year.to_string(),
            &format_value(p.value),
            series.unit.as_str(),
            p.label.as_str(),
            p.text.as_str(),
            p.article.as_str(),
            &p.start.to_string(),
            &p.end.to_string(),
            p.sentence.as_str(),
            p.kind.as_str(),
        ])?;
    }
    w.flush()?;
    Ok(())
}

/// A number without a needless fraction: 35000, 5400000000, 1.2.
pub fn format_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e17 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// A series the analyst might want: figures of one unit whose sentences share words.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    pub name: String,
    pub unit: String,
    /// Indices into the rows given to [`suggest`].
    pub rows: Vec<usize>,
    pub keywords: Vec<String>,
}

const STOP: &[&str] = &[
    "about",
    "after",
    "also",
    "been",
    "before",
    "being",
    "between",
    "both",
    "could",
    "during",
    "each",
    "from",
    "have",
    "into",
    "more",
    "most",
    "other",
    "over",
    "said",
    "since",
    "some",
    "such",
    "than",
    "that",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "under",
    "until",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "will",
    "with",
    "would",
    "year",
    "years",
    "according",
    "percent",
    "million",
    "billion",
    "around",
    "first",
    "last",
    "next",
    "only",
    "well",
    "against",
    "among",
    "across",
    "within",
    "without",
    "including",
    "made",
    "make",
    "took",
    "take",
    "many",
    "much",
    "very",
    "just",
    "still",
];

/// Content words of a sentence, lower case, crudely stemmed.
fn keywords(sentence: &str) -> BTreeSet<String> {
    sentence
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() > 3)
        .map(|w| {
            let l = w.to_lowercase();
            let l = l.strip_suffix("'s").unwrap_or(&l).to_owned();
            let stem = l
                .strip_suffix("ies")
                .map(|s| format!("{s}y"))
                .or_else(|| {
                    l.strip_suffix('s')
                        .filter(|s| !s.ends_with('s'))
                        .map(str::to_owned)
                })
                .unwrap_or(l);
            stem.strip_suffix("an")
                .filter(|s| s.len() > 4)
                .map_or(stem.clone(), str::to_owned)
        })
        .filter(|w| !STOP.contains(&w.as_str()))
        .collect()
}

/// Suggest series: rows (not rejected, not already in a series, with a unit) grouped by unit,
/// then clustered by shared sentence words. Only groups with two or more distinct
/// (value, year) points are suggested, largest first.
pub fn suggest(rows: &[FigureRow], context_of: impl Fn(&FigureRow) -> String) -> Vec<Suggestion> {
    let mut by_unit: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, r) in rows.iter().enumerate() {
        let unit = r.figure.unit.as_str();
        let plottable = !unit.is_empty() && unit != "fraction" && !super::is_duration(unit);
        if r.status != RowStatus::Rejected && r.series.is_empty() && plottable {
            by_unit.entry(unit).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    for (unit, members) in by_unit {
        let words: Vec<BTreeSet<String>> = members
            .iter()
            .map(|&i| keywords(&context_of(&rows[i])))
            .collect();
        // Greedy clustering: join the first cluster sharing two words (or a third of them).
        let mut clusters: Vec<(BTreeMap<String, usize>, Vec<usize>)> = Vec::new();
        for (k, &i) in members.iter().enumerate() {
            let w = &words[k];
            let joined = clusters.iter_mut().find(|(counts, _)| {
                let shared = w.iter().filter(|x| counts.contains_key(*x)).count();
                shared >= 2 || (!w.is_empty() && shared * 3 >= w.len())
            });
            match joined {
                Some((counts, list)) => {
                    for x in w {
                        *counts.entry(x.clone()).or_insert(0) += 1;
                    }
                    list.push(i);
                }
                None => clusters.push((w.iter().map(|x| (x.clone(), 1)).collect(), vec![i])),
            }
        }
        for (counts, list) in clusters {
            // Distinct points only: a repeated paragraph gives the same figure twice.
            let mut seen = BTreeSet::new();
            let list: Vec<usize> = list
                .into_iter()
                .filter(|&i| seen.insert((rows[i].figure.value.to_bits(), rows[i].figure.year)))
                .collect();
            // Figures from one sentence in no year or one year are a comparison, not a series.
            let sentences: BTreeSet<(&ArticleId, usize)> = list
                .iter()
                .map(|&i| (&rows[i].key.article, rows[i].figure.sentence.0))
                .collect();
            let years: BTreeSet<Option<i32>> =
                list.iter().map(|&i| rows[i].figure.year.key()).collect();
            if list.len() < 2 || (sentences.len() < 2 && years.len() < 2) {
                continue;
            }
            let mut top: Vec<(&String, &usize)> = counts.iter().filter(|(_, n)| **n >= 2).collect();
            top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            let keywords: Vec<String> = top.iter().take(3).map(|(w, _)| (*w).clone()).collect();
            let name = if keywords.is_empty() {
                format!("{} figures", unit_label(unit))
            } else {
                format!("{} ({})", keywords.join(", "), unit_label(unit))
            };
            out.push(Suggestion {
                name,
                unit: unit.to_owned(),
                rows: list,
                keywords,
            });
        }
    }
    out.sort_by(|a, b| b.rows.len().cmp(&a.rows.len()).then(a.name.cmp(&b.name)));
    out
}

/// A unit as people write it: "USD", "hectares", "km²", "people".
pub fn unit_label(unit: &str) -> String {
    match unit {
        "hectare" => "hectares".into(),
        "km2" => "km²".into(),
        "mi2" => "sq mi".into(),
        "m2" => "m²".into(),
        "tonne" => "tonnes".into(),
        "percent" => "%".into(),
        "person" => "people".into(),
        "" => "no unit".into(),
        u if u.len() == 3 && u.bytes().all(|b| b.is_ascii_uppercase()) => u.into(),
        u if u.contains('/') => u.into(),
        u => {
            if u.ends_with('y') && !u.ends_with("ey") {
                format!("{}ies", &u[..u.len() - 1])
            } else if u.ends_with('s') || u.ends_with("ch") || u.ends_with("sh") || u.ends_with('x')
            {
                format!("{u}es")
            } else {
                format!("{u}s")
            }
        }
    }
}
