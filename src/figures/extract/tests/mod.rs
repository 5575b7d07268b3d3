//! One test per rule of the extractor, on sentences written for the purpose (none from the
//! seeds), in the language of news and government reports: English ([`english`],
//! [`english_years`]), Spanish and Portuguese ([`spanish`]), the roles of numbers ([`roles`]),
//! kinds, tiers, repeats, inferred years and windows ([`analyst`]), and bad input
//! ([`hostile`]).

use super::*;

mod analyst;
mod classes_v3;
mod classes_v4;
mod english;
mod english_years;
mod hostile;
mod roles;
mod spanish;

/// (text, value, unit, year) of each figure in `text`.
pub(super) fn figs(text: &str) -> Vec<(String, f64, String, Year)> {
    extract(text)
        .into_iter()
        .map(|f| (f.text, f.value, f.unit, f.year))
        .collect()
}

pub(super) fn one(text: &str) -> (String, f64, String, Year) {
    let all = figs(text);
    assert_eq!(all.len(), 1, "expected one figure in {text:?}, got {all:?}");
    all.into_iter().next().expect("one")
}

pub(super) fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

pub(super) fn check(text: &str, expected: &[(&str, f64, &str, Year)]) {
    let got = figs(text);
    assert_eq!(got.len(), expected.len(), "{text:?}\n got {got:?}");
    for (g, e) in got.iter().zip(expected) {
        assert_eq!(g.0, e.0, "text in {text:?}");
        assert!(close(g.1, e.1), "value of {:?}: {} vs {}", g.0, g.1, e.1);
        assert_eq!(g.2, e.2, "unit of {:?}", g.0);
        assert_eq!(g.3, e.3, "year of {:?}", g.0);
    }
}

pub(super) const N: Year = Year::None;
pub(super) fn y(v: i32) -> Year {
    Year::Point(v)
}
pub(super) fn r(a: i32, b: i32) -> Year {
    Year::Range(Some(a), Some(b))
}

/// Which role rule decides the number token whose text is `number` in `text`, and its role.
pub(super) fn rule_for(
    text: &str,
    number: &str,
) -> (crate::figures::extract::roles::Role, &'static str) {
    let ctx = ArticleContext::of(text, None);
    let lex = Lexicon::get();
    let mut toks = Vec::new();
    tokenize(text, 0..text.len(), &mut toks);
    let (lang, comma) = ctx.lang_at(0);
    let entries: Vec<_> = toks
        .iter()
        .map(|t| match t.kind {
            TokKind::Word => lang.entry(t.text(text)),
            _ => None,
        })
        .collect();
    let s = Sentence::new(text, &toks, &entries, &ctx, lang, lex, comma);
    let i = toks
        .iter()
        .position(|t| t.kind == TokKind::Number && t.text(text) == number)
        .unwrap_or_else(|| panic!("{number:?} is not a number token of {text:?}"));
    s.role_with_rule(i)
}

/// The figures of `text` with their kinds.
pub(super) fn kinds(text: &str) -> Vec<(String, Kind)> {
    extract(text)
        .into_iter()
        .map(|f| (f.text, f.kind))
        .collect()
}
