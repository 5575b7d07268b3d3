//! Fuzz target: figure extraction on any text (see `dossier::invariants::figures_of`), and the
//! figure's other promises: a bounded window of context, a proposed year only where the text
//! states none, and a repeat only after the text it repeats.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    dossier::invariants::figures_of(data);
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut first_repeat = None;
    for f in dossier::figures::extract(text) {
        assert!(
            f.sentence.1 - f.sentence.0 <= dossier::figures::extract::MAX_SENTENCE_BYTES,
            "an unbounded context"
        );
        assert!(
            f.year.is_none() || f.year_inferred.is_none(),
            "a year proposed where the text states one"
        );
        if f.repeat {
            first_repeat.get_or_insert(f.start);
        }
    }
    assert!(first_repeat.is_none_or(|s| s > 0), "a repeat at the very start");
});
