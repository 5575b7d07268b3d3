//! The figure extractor on the seeds, scored against the hand-checked gold list with the same
//! rules as `score_figures.py` (overlapping span, value within 1%, unit class for "strict",
//! one-to-one matching, the core tier with non-core overlaps left neutral).

mod common;

use std::collections::HashSet;

use dossier::figures::{Figure, Year, extract_article};
use serde_json::Value;

struct Gold {
    file: String,
    start: usize,
    end: usize,
    value: f64,
    alt: Vec<f64>,
    unit: String,
    year: Year,
    core: bool,
    surface: String,
}

fn gold() -> Vec<Gold> {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/seeds-figures.gold.jsonl"),
    )
    .expect("gold file");
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
            Gold {
                file: v["file"].as_str().unwrap_or_default().to_owned(),
                start: v["start"].as_u64().unwrap_or_default() as usize,
                end: v["end"].as_u64().unwrap_or_default() as usize,
                value: v["value"].as_f64().unwrap_or_default(),
                alt,
                unit: v["unit"].as_str().unwrap_or_default().to_owned(),
                year: serde_json::from_value(v["year"].clone()).expect("gold year"),
                core: v["tier"].as_str().unwrap_or("core") == "core",
                surface: v["text"].as_str().unwrap_or_default().to_owned(),
            }
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

/// Maximum one-to-one matching by augmenting paths; returns pred index → gold index.
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

struct Score {
    precision: f64,
    recall: f64,
    f1: f64,
    year_acc: f64,
}

fn score(preds: &[(String, Figure)], golds: &[&Gold], strict: bool) -> Score {
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
    let tp = pairs.len() as f64;
    let precision = if preds.is_empty() {
        0.0
    } else {
        tp / preds.len() as f64
    };
    let recall = if golds.is_empty() {
        0.0
    } else {
        tp / golds.len() as f64
    };
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    let years = pairs
        .iter()
        .filter(|(pi, gi)| preds[*pi].1.year == golds[*gi].year)
        .count();
    let year_acc = if pairs.is_empty() {
        0.0
    } else {
        years as f64 / pairs.len() as f64
    };
    Score {
        precision,
        recall,
        f1,
        year_acc,
    }
}

#[test]
fn seed_figures_meet_the_targets() {
    let corpus = common::load_seeds();
    let golds = gold();
    // The gold offsets fit the decoded seeds.
    for g in &golds {
        let article = corpus
            .articles()
            .iter()
            .find(|a| a.id.as_str() == g.file)
            .expect("gold names a seed");
        assert_eq!(
            article.slice(g.start, g.end),
            Some(g.surface.as_str()),
            "gold offsets"
        );
    }
    let preds: Vec<(String, Figure)> = corpus
        .articles()
        .iter()
        .flat_map(|a| {
            extract_article(a)
                .into_iter()
                .map(|f| (a.id.as_str().to_owned(), f))
        })
        .collect();
    // Core tier: predictions overlapping a non-core gold figure are neither right nor wrong.
    let core: Vec<&Gold> = golds.iter().filter(|g| g.core).collect();
    let core_preds: Vec<(String, Figure)> = preds
        .iter()
        .filter(|(file, p)| {
            !golds
                .iter()
                .any(|g| !g.core && &g.file == file && p.start < g.end && g.start < p.end)
        })
        .cloned()
        .collect();
    let all: Vec<&Gold> = golds.iter().collect();
    let core_strict = score(&core_preds, &core, true);
    let all_strict = score(&preds, &all, true);
    let core_lenient = score(&core_preds, &core, false);
    eprintln!(
        "core strict P={:.3} R={:.3} F1={:.3} year_acc={:.3}; core lenient F1={:.3}; all strict F1={:.3}",
        core_strict.precision,
        core_strict.recall,
        core_strict.f1,
        core_strict.year_acc,
        core_lenient.f1,
        all_strict.f1
    );
    assert!(
        core_strict.f1 >= 0.95,
        "core strict F1 {:.3} is below 0.95",
        core_strict.f1
    );
    assert!(
        core_strict.year_acc >= 0.90,
        "year accuracy {:.3} is below 0.90",
        core_strict.year_acc
    );
    assert!(
        all_strict.f1 >= 0.90,
        "all-tier strict F1 {:.3} fell",
        all_strict.f1
    );
}

#[test]
fn the_scorer_itself_counts_misses_and_false_hits() {
    // A check of the scoring code: dropping a core figure and adding a wrong one must lower
    // precision and recall.
    let corpus = common::load_seeds();
    let golds = gold();
    let core: Vec<&Gold> = golds.iter().filter(|g| g.core).collect();
    let mut preds: Vec<(String, Figure)> = corpus
        .articles()
        .iter()
        .flat_map(|a| {
            extract_article(a)
                .into_iter()
                .map(|f| (a.id.as_str().to_owned(), f))
        })
        .filter(|(file, p)| {
            !golds
                .iter()
                .any(|g| !g.core && &g.file == file && p.start < g.end && g.start < p.end)
        })
        .collect();
    let full = score(&preds, &core, true);
    let removed = preds.remove(0);
    let mut wrong = removed.clone();
    wrong.1.value *= 3.0;
    preds.push(wrong);
    let worse = score(&preds, &core, true);
    assert!(worse.recall < full.recall && worse.precision < full.precision);
}
