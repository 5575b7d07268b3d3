//! The figure extractor on probe texts written for the purpose (tests/data/probes), scored
//! with the rules of `score_figures.py`: English texts, one per error class of issue 12 plus a
//! report, an encyclopedia article and a wire story; Spanish wire stories and government press
//! releases; Portuguese money, weights, areas and percentages; and a second English and Spanish
//! set (en2, es2) written after the first had shaped the rules, as a check on unseen text
//! (its first score, before any change, is in docs/figures.md). The targets are those of issue
//! 12 for unseen text: core strict F1 ≥ 0.95, year accuracy ≥ 0.90, counted-noun accuracy
//! ≥ 0.95 (and kinds ≥ 0.90). The same scores with the Python scorer:
//!
//! ```sh
//! for l in en es pt en2 es2; do
//!   target/release/dossier figures tests/data/probes/$l > /tmp/$l.jsonl
//!   python3 ../shared/eval/score_figures.py --gold tests/data/probes/$l.gold.jsonl \
//!     --texts tests/data/probes/$l /tmp/$l.jsonl --errors
//! done
//! ```

#![allow(
    clippy::print_stderr,
    reason = "the test prints each set's scores, the numbers docs/figures.md quotes"
)]

use std::path::Path;

use crate::figures_support::{Gold, context_misses, extract_dir, gold, tiers};

fn probes(
    lang: &str,
) -> (
    Vec<Gold>,
    Vec<Gold>,
    Vec<(String, dossier::figures::Figure)>,
) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/probes");
    let golds = gold(&dir.join(format!("{lang}.gold.jsonl")));
    let context = gold(&dir.join(format!("{lang}.context.jsonl")));
    let refs: Vec<&Gold> = golds.iter().chain(&context).collect();
    let preds = extract_dir(&dir.join(lang), &refs);
    (golds, context, preds)
}

fn check(lang: &str, f1: f64, year: f64, noun: f64, kind: f64) {
    check_allowing(lang, [f1, year, noun, kind], 0);
}

/// [`check`], allowing `context_missed` numbers that the gold keeps as context ("the two
/// countries") to be offered as figures.
fn check_allowing(lang: &str, [f1, year, noun, kind]: [f64; 4], context_missed: usize) {
    let (golds, context, preds) = probes(lang);
    let (core, all) = tiers(&preds, &golds);
    eprintln!(
        "{lang}: core strict P={:.3} R={:.3} F1={:.3} year={:.3} noun={:.3} kind={:.3}; all strict F1={:.3}",
        core.precision, core.recall, core.f1, core.year_acc, core.noun_acc, core.kind_acc, all.f1
    );
    let errors = all.errors.join("\n");
    assert!(
        core.f1 >= f1,
        "{lang} core strict F1 {:.3} < {f1}\n{errors}",
        core.f1
    );
    assert!(
        core.year_acc >= year,
        "{lang} year accuracy {:.3} < {year}\n{errors}",
        core.year_acc
    );
    assert!(
        core.noun_acc >= noun,
        "{lang} noun accuracy {:.3} < {noun}\n{errors}",
        core.noun_acc
    );
    assert!(
        core.kind_acc >= kind,
        "{lang} kind accuracy {:.3} < {kind}\n{errors}",
        core.kind_acc
    );
    let missed = context_misses(&preds, &context);
    assert!(missed.len() <= context_missed, "{}", missed.join("\n"));
}

#[test]
fn english_probes_meet_the_targets_for_unseen_text() {
    check("en", 0.95, 0.90, 0.95, 0.90);
}

#[test]
fn spanish_probes_meet_the_targets_for_unseen_text() {
    check("es", 0.95, 0.90, 0.95, 0.90);
}

#[test]
fn english_validation_probes_meet_the_targets_for_unseen_text() {
    check("en2", 0.95, 0.90, 0.95, 0.90);
}

#[test]
fn spanish_validation_probes_meet_the_targets_for_unseen_text() {
    check("es2", 0.95, 0.90, 0.95, 0.90);
}

#[test]
fn portuguese_money_weights_areas_and_percentages() {
    check("pt", 0.95, 0.90, 0.95, 0.90);
}

#[test]
fn english_probes_for_tables_names_elisions_currencies_cues_and_factors() {
    check("en3", 0.95, 0.90, 0.95, 0.90);
}

/// en4 and es3 were written by a helper who saw neither the rules nor the earlier probe texts,
/// as a stand-in for the held-out sets. Their first scores (core strict F1 en4 0.926, es3
/// 0.897; year accuracy 0.908 and 0.743) fell short of the targets; the floors below hold what
/// the rules of figures round 4 reach, so that a change that loses ground shows. Spanish year
/// accuracy is the open gap (docs/figures.md lists the error classes left).
#[test]
fn english_probes_written_without_sight_of_the_rules_hold_their_ground() {
    // "Two" (of the countries) and "Three lessons" are offered as figures.
    check_allowing("en4", [0.935, 0.90, 0.95, 0.90], 2);
}

#[test]
fn spanish_probes_written_without_sight_of_the_rules_hold_their_ground() {
    // "tres departamentos" is offered as a figure. Round 5 (model families, parallel items,
    // "desde entonces") took F1 from 0.905 to 0.928 and year accuracy from 0.817 to 0.819; the
    // gold dates "que incluye 12 Mi-17 y 4 Mi-8" by the clause before the relative clause,
    // which the rules do not reach into.
    check_allowing("es3", [0.925, 0.81, 0.94, 0.88], 1);
}
