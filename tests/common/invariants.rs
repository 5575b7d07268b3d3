//! Invariants that must hold for any input, checked by the fuzz targets (`tests/fuzz`, which
//! include this file by path) and by the regression tests over inputs fuzzing or bug reports
//! produced (`tests/data/fuzz`). Each function panics with a message when an invariant is broken.

use std::path::Path;

use dossier::corpus::{Article, ArticleId, TextIndex, decode};
use dossier::project::anchor::{Haystack, Placement, Target};
use dossier::project::format;

/// Opening any text as a project never panics; whatever opens saves and opens again unchanged.
pub fn project_text(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new("input.json");
    if let Ok(opened) = format::parse(text, path) {
        let saved = format::to_json(&opened.project);
        let again = format::parse(&saved, path)
            .unwrap_or_else(|e| panic!("a saved project does not open: {e}"));
        assert_eq!(
            again.project, opened.project,
            "save then open changed the project"
        );
    }
}

/// Decoding any bytes never panics; decoded text has no CR, its byte-order mark is gone (one,
/// as Python's `utf-8-sig` and the figure scorer read it: a second one is text), and its code
/// point index agrees with it.
pub fn decoded_bytes(data: &[u8]) {
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    if let Ok(decoded) = decode(data) {
        assert!(!decoded.text.contains('\r'), "a CR survived decoding");
        if data.starts_with(BOM) && !data[3..].starts_with(BOM) {
            assert!(
                !decoded.text.starts_with('\u{FEFF}'),
                "the BOM survived decoding"
            );
        }
        let index = TextIndex::new(&decoded.text);
        assert_eq!(index.char_len(&decoded.text), decoded.text.chars().count());
        for (c, (b, _)) in decoded.text.char_indices().enumerate().step_by(7) {
            assert_eq!(index.byte_of(&decoded.text, c), Some(b));
            assert_eq!(index.char_of(&decoded.text, b), Some(c));
        }
    }
}

/// Every figure found in any text is a code point range of it holding the figure's text,
/// inside the figure's sentence, with a finite value.
pub fn figures_of(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let chars: Vec<char> = text.chars().collect();
    for f in dossier::figures::extract(text) {
        assert!(
            f.start < f.end && f.end <= chars.len(),
            "range {}..{} of {}",
            f.start,
            f.end,
            chars.len()
        );
        let got: String = chars[f.start..f.end].iter().collect();
        assert_eq!(got, f.text, "the figure's text is not at its offsets");
        assert!(
            f.sentence.0 <= f.start && f.end <= f.sentence.1 && f.sentence.1 <= chars.len(),
            "the figure is outside its sentence"
        );
        assert!(f.value.is_finite(), "a figure has no finite value");
        assert!(
            f.sentence.1 - f.sentence.0 <= dossier::figures::extract::MAX_SENTENCE_BYTES,
            "an unbounded window of context"
        );
        assert!(
            f.year.is_none() || f.year_inferred.is_none(),
            "a year proposed where the text states one"
        );
    }
}

/// Placing a quote (`quote|text`) in any text never gives a range off a char boundary or
/// outside the text.
pub fn placement(data: &[u8]) {
    let Ok(all) = std::str::from_utf8(data) else {
        return;
    };
    let Some((quote, text)) = all.split_once('|') else {
        return;
    };
    let Ok(decoded) = decode(text.as_bytes()) else {
        return;
    };
    let article = Article::new(ArticleId("a".into()), "a".into(), decoded);
    let n = article.char_len();
    let start = quote.len() % (n + 1);
    let target = Target {
        start,
        end: start + quote.chars().count(),
        quote,
        prefix: "",
        suffix: "",
    };
    match Haystack::new(&article).locate(&target) {
        Placement::Moved { start, end } | Placement::Fuzzy { start, end, .. } => {
            assert!(start < end && end <= n, "placed at {start}..{end} of {n}");
            assert!(
                article.slice(start, end).is_some(),
                "placed off a char boundary"
            );
        }
        Placement::Exact | Placement::Orphan => {}
    }
}
