//! The figure extractor on the seeds, scored against the hand-checked gold list with the rules
//! of `score_figures.py` (see `figures_support`): every tier, the year, the counted noun and
//! the kind of every figure must be right, and the counts the extractor keeps as context
//! ("the two nations", listed in `seeds-figures.context.jsonl`) must come out as context.

use std::path::Path;

use crate::figures_support::{Gold, context_misses, extract_dir, gold, tiers};

fn data(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// The seeds gold without the counts the extractor keeps as context, and those counts.
fn seeds_gold() -> (Vec<Gold>, Vec<Gold>) {
    let context = gold(&data("seeds-figures.context.jsonl"));
    let all = gold(&data("seeds-figures.gold.jsonl"));
    let (ctx, rest): (Vec<Gold>, Vec<Gold>) = all.into_iter().partition(|g| {
        context
            .iter()
            .any(|c| c.file == g.file && c.start == g.start)
    });
    assert_eq!(
        ctx.len(),
        context.len(),
        "every context count is in the gold"
    );
    (rest, ctx)
}

#[test]
fn seed_figures_are_all_right_in_every_tier_with_year_noun_and_kind() {
    let (golds, context) = seeds_gold();
    let refs: Vec<&Gold> = golds.iter().chain(&context).collect();
    let preds = extract_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"), &refs);
    let (core, all) = tiers(&preds, &golds);
    let errors = [core.errors.clone(), all.errors.clone()].concat();
    eprintln!(
        "seeds core strict P={:.3} R={:.3} F1={:.3} year={:.3} kind={:.3}; all strict F1={:.3} year={:.3} noun={:.3} kind={:.3}",
        core.precision,
        core.recall,
        core.f1,
        core.year_acc,
        core.kind_acc,
        all.f1,
        all.year_acc,
        all.noun_acc,
        all.kind_acc
    );
    for (name, s) in [("core", &core), ("all", &all)] {
        assert_eq!(
            s.f1,
            1.0,
            "{name} strict F1 {:.3} below 1.000:\n{}",
            s.f1,
            errors.join("\n")
        );
        assert_eq!(
            s.year_acc,
            1.0,
            "{name} year accuracy:\n{}",
            errors.join("\n")
        );
        assert_eq!(
            s.kind_acc,
            1.0,
            "{name} kind accuracy:\n{}",
            errors.join("\n")
        );
    }
    assert_eq!(
        core.noun_acc,
        1.0,
        "core noun accuracy:\n{}",
        errors.join("\n")
    );
    let missed = context_misses(&preds, &context);
    assert!(missed.is_empty(), "{}", missed.join("\n"));
}

#[test]
fn the_scorer_itself_counts_misses_false_hits_and_wrong_kinds() {
    // A check of the scoring code: dropping a figure, adding a wrong one and changing a kind
    // must lower precision, recall and kind accuracy.
    let (golds, context) = seeds_gold();
    let refs: Vec<&Gold> = golds.iter().chain(&context).collect();
    let mut preds = extract_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"), &refs);
    let (full, _) = tiers(&preds, &golds);
    let i = preds
        .iter()
        .position(|(_, f)| f.text == "$406 million")
        .expect("a core figure");
    let removed = preds.remove(i);
    let mut wrong = removed.clone();
    wrong.1.value *= 3.0;
    preds.push(wrong);
    let j = preds
        .iter()
        .position(|(_, f)| f.text == "$5.4 billion")
        .expect("another");
    preds[j].1.kind = dossier::figures::Kind::Forecast;
    let (worse, _) = tiers(&preds, &golds);
    assert!(worse.recall < full.recall && worse.precision < full.precision);
    assert!(worse.kind_acc < full.kind_acc);
    assert!(worse.errors.iter().any(|e| e.starts_with("KIND")));
}
