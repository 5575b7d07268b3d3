//! Scoring extracted figures against a gold file, with the rules of `score_figures.py` (in
//! ../shared/eval): spans overlap, the value agrees within 1% (alternative values and a
//! maximum accepted), one-to-one matching, "strict" needs the unit's class and, for money and
//! measures, the unit; the core tier leaves predictions overlapping non-core gold neutral;
//! predictions with tier "context" are left out. Year, counted-noun and kind accuracy are
//! over the strict matches of each tier.
//!
//! Counts the extractor keeps as context ("the two nations") are listed in a separate file
//! per gold (`*.context.jsonl`) and checked to come out with tier "context".

#![allow(dead_code, reason = "each test file uses part of the scorer")]

use std::collections::HashSet;
use std::path::Path;

use dossier::corpus::{LoadOptions, load_folder};
use dossier::figures::{Figure, Kind, Tier, Year, extract_article};
use serde_json::Value;

pub struct Gold {
    pub file: String,
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub alt: Vec<f64>,
    pub unit: String,
    pub year: Year,
    pub since: bool,
    pub kind: Kind,
    pub core: bool,
    pub surface: String,
}

/// A gold file in the scorer's format.
pub fn gold(path: &Path) -> Vec<Gold> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("gold line is JSON");
            let mut alt: Vec<f64> = v["alt_values"]
                .as_array()
                .map(|a| a.iter().filter_map(Value::as_f64).collect())
                .unwrap_or_default();
            if let Some(m) = v["value_max"].as_f64() {
                alt.push(m);
            }
            let file = v["file"].as_str().unwrap_or_default();
            Gold {
                file: file.rsplit('/').next().unwrap_or(file).to_owned(),
                start: v["start"].as_u64().unwrap_or_default() as usize,
                end: v["end"].as_u64().unwrap_or_default() as usize,
                value: v["value"].as_f64().unwrap_or_default(),
                alt,
                unit: v["unit"].as_str().unwrap_or_default().to_owned(),
                year: serde_json::from_value(v["year"].clone()).expect("gold year"),
                since: v["year_qualifier"].as_str() == Some("since"),
                kind: v["kind"]
                    .as_str()
                    .map_or(Kind::Actual, |k| k.parse().expect("gold kind")),
                core: v["tier"].as_str().unwrap_or("core") == "core",
                surface: v["text"].as_str().unwrap_or_default().to_owned(),
            }
        })
        .collect()
}

/// Every figure of every article in `dir`, with the article's file name; and a check that the
/// gold offsets fit the decoded articles.
pub fn extract_dir(dir: &Path, golds: &[&Gold]) -> Vec<(String, Figure)> {
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let (corpus, _) =
        load_folder(dir, &LoadOptions::default(), &mut |_| {}, &cancel).expect("probe folder");
    for g in golds {
        let a = corpus
            .articles()
            .iter()
            .find(|a| a.id.file_name() == g.file)
            .unwrap_or_else(|| panic!("gold names {} in {}", g.file, dir.display()));
        assert_eq!(
            a.slice(g.start, g.end),
            Some(g.surface.as_str()),
            "gold offsets"
        );
    }
    corpus
        .articles()
        .iter()
        .flat_map(|a| {
            extract_article(a)
                .into_iter()
                .map(|f| (a.id.file_name().to_owned(), f))
        })
        .collect()
}

const MONEY: &[&str] = &[
    "USD", "EUR", "GBP", "MXN", "COP", "PEN", "BOB", "RUB", "BRL", "VES", "VEF", "NIO", "CNY",
    "JPY", "SEK", "CAD", "ARS", "CLP", "GTQ", "HNL", "USD/kg",
];

fn canon(unit: &str) -> String {
    let u = unit.trim();
    if MONEY.contains(&u) {
        return u.to_owned();
    }
    let up = u.to_uppercase();
    if MONEY.contains(&up.as_str()) {
        return up;
    }
    let lo = u.to_lowercase();
    let alias = match lo.as_str() {
        "dollar" | "dollars" | "us$" | "$" | "usd" => "USD",
        "ha" | "hectares" => "hectare",
        "square kilometer" | "square kilometre" | "sq km" | "km²" => "km2",
        "ton" | "tons" | "tonnes" | "metric ton" => "tonne",
        "kilogram" | "kilograms" | "kilo" | "kilos" => "kg",
        "pounds" | "lb" | "lbs" => "pound",
        "%" | "per cent" | "percentage" => "percent",
        "years" => "year",
        "centuries" => "century",
        "months" => "month",
        "kilometer" | "kilometre" | "kilometers" => "km",
        "miles" => "mile",
        other => other,
    };
    alias.to_owned()
}

fn unit_class(unit: &str) -> &'static str {
    let u = canon(unit);
    if MONEY.contains(&u.as_str()) {
        return "money";
    }
    match u.as_str() {
        "hectare" | "km2" | "acre" | "m2" => "area",
        "km" | "mile" | "m" | "nautical mile" => "length",
        "tonne" | "kg" | "pound" | "g" => "weight",
        "percent" | "fraction" => "percent",
        "year" | "month" | "week" | "day" | "century" | "decade" | "hour" => "duration",
        _ => "count",
    }
}

fn value_ok(p: &Figure, g: &Gold) -> bool {
    std::iter::once(g.value)
        .chain(g.alt.iter().copied())
        .any(|t| {
            if t == 0.0 {
                p.value == 0.0
            } else {
                (p.value - t).abs() <= 0.01 * t.abs()
            }
        })
}

fn strict_ok(p: &Figure, g: &Gold) -> bool {
    let (pc, gc) = (unit_class(&p.unit), unit_class(&g.unit));
    pc == gc && (gc == "count" || gc == "percent" || canon(&p.unit) == canon(&g.unit))
}

fn year_ok(p: &Figure, g: &Gold) -> bool {
    p.year == g.year
        || g.since
            && matches!((g.year, p.year), (Year::Point(a), Year::Range(Some(b), None)) if a == b)
}

/// Maximum one-to-one matching by augmenting paths; returns (pred index, gold index).
fn matching(edges: &[Vec<usize>], golds: usize) -> Vec<(usize, usize)> {
    fn augment(
        pi: usize,
        edges: &[Vec<usize>],
        owner: &mut [Option<usize>],
        seen: &mut HashSet<usize>,
    ) -> bool {
        for &gi in &edges[pi] {
            if seen.insert(gi) && (owner[gi].is_none_or(|o| augment(o, edges, owner, seen))) {
                owner[gi] = Some(pi);
                return true;
            }
        }
        false
    }
    let mut owner = vec![None; golds];
    for pi in 0..edges.len() {
        augment(pi, edges, &mut owner, &mut HashSet::new());
    }
    owner
        .iter()
        .enumerate()
        .filter_map(|(gi, o)| o.map(|pi| (pi, gi)))
        .collect()
}

/// Scores of one tier.
#[derive(Debug, Default)]
pub struct Score {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub year_acc: f64,
    pub noun_acc: f64,
    pub kind_acc: f64,
    /// What went wrong, one line each (MISS, FALSE, YEAR, NOUN, KIND), for the message.
    pub errors: Vec<String>,
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 { 0.0 } else { n as f64 / d as f64 }
}

pub fn score(preds: &[&(String, Figure)], golds: &[&Gold], strict: bool) -> Score {
    let edges: Vec<Vec<usize>> = preds
        .iter()
        .map(|(file, p)| {
            golds
                .iter()
                .enumerate()
                .filter(|(_, g)| {
                    &g.file == file
                        && p.start < g.end
                        && g.start < p.end
                        && value_ok(p, g)
                        && (!strict || strict_ok(p, g))
                })
                .map(|(i, _)| i)
                .collect()
        })
        .collect();
    let pairs = matching(&edges, golds.len());
    let precision = ratio(pairs.len(), preds.len());
    let recall = ratio(pairs.len(), golds.len());
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    let mut errors = Vec::new();
    let (mut years, mut nouns, mut kinds) = (0, 0, 0);
    for &(pi, gi) in &pairs {
        let (p, g) = (&preds[pi].1, golds[gi]);
        let at = format!("{} {} {:?}", g.file, g.start, g.surface);
        if year_ok(p, g) {
            years += 1;
        } else {
            errors.push(format!("YEAR  {at} gold {:?} got {:?}", g.year, p.year));
        }
        if unit_class(&g.unit) != "count" || canon(&p.unit) == canon(&g.unit) {
            nouns += 1;
        } else {
            errors.push(format!("NOUN  {at} gold {:?} got {:?}", g.unit, p.unit));
        }
        if p.kind == g.kind {
            kinds += 1;
        } else {
            errors.push(format!("KIND  {at} gold {} got {}", g.kind, p.kind));
        }
    }
    let hit_g: HashSet<usize> = pairs.iter().map(|p| p.1).collect();
    let hit_p: HashSet<usize> = pairs.iter().map(|p| p.0).collect();
    for (gi, g) in golds.iter().enumerate().filter(|(i, _)| !hit_g.contains(i)) {
        let _ = gi;
        errors.push(format!(
            "MISS  {} {} {:?} {} {}",
            g.file, g.start, g.surface, g.value, g.unit
        ));
    }
    for (_, (file, p)) in preds
        .iter()
        .enumerate()
        .filter(|(i, _)| !hit_p.contains(i))
        .map(|(i, p)| (i, *p))
    {
        errors.push(format!(
            "FALSE {file} {} {:?} {} {}",
            p.start, p.text, p.value, p.unit
        ));
    }
    Score {
        precision,
        recall,
        f1,
        year_acc: ratio(years, pairs.len()),
        noun_acc: ratio(nouns, pairs.len()),
        kind_acc: ratio(kinds, pairs.len()),
        errors,
    }
}

/// Core and all-tier strict scores of `preds` against `golds`, with the scorer's rules.
pub fn tiers(preds: &[(String, Figure)], golds: &[Gold]) -> (Score, Score) {
    let figures: Vec<&(String, Figure)> = preds
        .iter()
        .filter(|(_, f)| f.tier != Tier::Context)
        .collect();
    let core_gold: Vec<&Gold> = golds.iter().filter(|g| g.core).collect();
    let core_preds: Vec<&(String, Figure)> = figures
        .iter()
        .copied()
        .filter(|(file, p)| {
            !golds
                .iter()
                .any(|g| !g.core && &g.file == file && p.start < g.end && g.start < p.end)
        })
        .collect();
    let all_gold: Vec<&Gold> = golds.iter().collect();
    (
        score(&core_preds, &core_gold, true),
        score(&figures, &all_gold, true),
    )
}

/// Gold counts that must come out with tier "context" but did not.
pub fn context_misses(preds: &[(String, Figure)], context: &[Gold]) -> Vec<String> {
    context
        .iter()
        .filter(|g| {
            !preds.iter().any(|(file, p)| {
                file == &g.file
                    && p.start < g.end
                    && g.start < p.end
                    && value_ok(p, g)
                    && p.tier == Tier::Context
            })
        })
        .map(|g| format!("CONTEXT {} {} {:?}", g.file, g.start, g.surface))
        .collect()
}
