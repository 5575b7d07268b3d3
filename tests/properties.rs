//! Property tests: saving then opening any valid project gives it back unchanged, and placing a
//! quote in any text never gives a range off a char boundary or outside the text.

use std::collections::BTreeMap;

use dossier::analysis::Query;
use dossier::analysis::autotag::{Rule, RuleId, Unit};
use dossier::corpus::{Article, ArticleId, decode};
use dossier::figures::Year;
use dossier::project::anchor::{Haystack, Placement, Target};
use dossier::project::{
    ArticleRecord, CuratedFigure, FigureId, FigureStatus, Passage, PassageId, Project, Rgb, Series,
    SeriesId, Theme, ThemeId, Timestamp, format,
};
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    // Any characters, with plenty of the awkward ones: quotes, accents, emoji, controls.
    proptest::collection::vec(
        prop_oneof![
            any::<char>(),
            Just('"'),
            Just('\\'),
            Just('é'),
            Just('\n'),
            Just('🌿')
        ],
        0..24,
    )
    .prop_map(|c| c.into_iter().collect())
}

fn timestamp() -> impl Strategy<Value = Timestamp> {
    (0i64..4_000_000_000).prop_map(Timestamp::from_unix)
}

fn year() -> impl Strategy<Value = Year> {
    prop_oneof![
        Just(Year::None),
        (1900i32..2100).prop_map(Year::Point),
        (
            proptest::option::of(1900i32..2100),
            proptest::option::of(1900i32..2100)
        )
            .prop_map(|(a, b)| Year::Range(a, b)),
    ]
}

prop_compose! {
    fn project()(
        n_themes in 1usize..6,
        passages in proptest::collection::vec((0usize..5, 0usize..500, 1usize..80, text(), text(), proptest::collection::vec(0usize..6, 1..3), text(), timestamp()), 0..8),
        figures in proptest::collection::vec((0usize..5, 0usize..500, text(), any::<f64>().prop_filter("finite", |v| v.is_finite()), text(), year(), any::<bool>(), text()), 0..6),
        names in proptest::collection::vec(text().prop_filter("a name", |s| !s.trim().is_empty()), 6),
        rules in proptest::collection::vec((text().prop_filter("a pattern", |s| !s.is_empty()), any::<bool>(), any::<bool>(), 0usize..3, 0usize..6), 0..3),
        folder in proptest::option::of("[a-z]{1,8}(/[a-z]{1,8}){0,2}"),
    ) -> Project {
        let themes: Vec<Theme> = (0..n_themes)
            .map(|i| Theme {
                id: ThemeId(i as u32 + 1),
                // Distinct at each level of the codebook (opening renames siblings that share one).
                name: format!("{} {i}", names[i]),
                color: Rgb([i as u8 * 40, 7, 200]),
                description: names[(i + 1) % names.len()].clone(),
                // Parents only point to earlier themes, so there are no cycles.
                parent: (i > 0 && i % 2 == 0).then_some(ThemeId(i as u32)),
            })
            .collect();
        let mut project = Project::with_themes(themes);
        project.corpus_folder = folder.map(Into::into);
        let article = |a: usize| ArticleId(format!("folder/{a}.txt"));
        project.articles = (0..5).map(|a| ArticleRecord { path: article(a), sha256: format!("{a:064}"), chars: 1000, converter: None }).collect();
        for (i, (a, start, len, quote, note, themes, prefix, when)) in passages.into_iter().enumerate() {
            let mut themes: Vec<ThemeId> = themes.into_iter().map(|t| ThemeId((t % n_themes) as u32 + 1)).collect();
            themes.sort();
            themes.dedup();
            let p = Passage {
                id: PassageId(i as u64 + 1),
                article: article(a),
                start,
                end: start + len,
                quote,
                prefix,
                suffix: String::new(),
                themes,
                note,
                created: when.clone(),
                modified: when,
                coder: Default::default(),
            };
            project.passages.insert(p.id, p);
        }
        for (i, (a, start, quote, value, unit, year, manual, label)) in figures.into_iter().enumerate() {
            let f = CuratedFigure {
                id: FigureId(i as u64 + 1),
                article: article(a),
                start,
                end: start + quote.chars().count() + 1,
                quote,
                prefix: String::new(),
                suffix: String::new(),
                status: if manual { FigureStatus::Accepted } else { FigureStatus::Rejected },
                value,
                unit,
                year,
                // Every kind, so that save and open keep it.
                kind: dossier::figures::Kind::ALL[i % 3],
                label,
                manual,
                extracted: None,
                created: Timestamp::from_unix(0),
                modified: Timestamp::from_unix(1),
            };
            project.figures.insert(f.id, f);
        }
        if !project.figures.is_empty() {
            let ids: Vec<FigureId> = project.figures.keys().copied().collect();
            project.series.push(Series { id: SeriesId(1), name: "Series".into(), unit: "USD".into(), color: Rgb([1, 2, 3]), figures: ids, note: String::new() });
        }
        for (i, (pattern, regex, case_sensitive, unit, theme)) in rules.into_iter().enumerate() {
            project.rules.push(Rule {
                id: RuleId(i as u64 + 1),
                query: Query { pattern, regex, case_sensitive, whole_word: !regex },
                unit: [Unit::Hit, Unit::Sentence, Unit::Paragraph][unit],
                theme: ThemeId((theme % n_themes) as u32 + 1),
            });
        }
        project
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn save_then_open_is_the_identity(project in project()) {
        let json = format::to_json(&project);
        let opened = format::parse(&json, std::path::Path::new("p.json")).expect("a saved project opens");
        prop_assert!(opened.warnings.is_empty(), "{:?}", opened.warnings);
        prop_assert_eq!(&opened.project, &project);
        prop_assert_eq!(format::to_json(&opened.project), json, "and saves byte for byte the same");
    }

    #[test]
    fn placing_a_quote_stays_inside_the_text_on_char_boundaries(
        text in proptest::collection::vec(prop_oneof![Just('a'), Just('b'), Just(' '), Just('\n'), Just('é'), Just('🌿'), Just('x')], 1..200),
        from in 0usize..200,
        len in 1usize..40,
        edits in proptest::collection::vec((0usize..60, prop_oneof![Just('a'), Just('é'), Just(' ')]), 0..6),
        old in 0usize..260,
    ) {
        let text: String = text.into_iter().collect();
        let chars: Vec<char> = text.chars().collect();
        let start = from.min(chars.len() - 1);
        let end = (start + len).min(chars.len());
        let mut quote: Vec<char> = chars[start..end].to_vec();
        for (at, c) in edits {
            let at = at % (quote.len() + 1);
            quote.insert(at, c);
        }
        let quote: String = quote.into_iter().collect();
        let Ok(decoded) = decode(text.as_bytes()) else { return Ok(()) };
        let article = Article::new(ArticleId("a".into()), "a".into(), decoded);
        let n = article.char_len();
        let target = Target { start: old, end: old + quote.chars().count(), quote: &quote, prefix: "", suffix: "" };
        let placement = Haystack::new(&article).locate(&target);
        match placement {
            Placement::Exact => prop_assert_eq!(article.slice(old, target.end), Some(quote.as_str())),
            Placement::Moved { start, end } => prop_assert_eq!(article.slice(start, end), Some(quote.as_str())),
            Placement::Fuzzy { start, end, .. } => {
                prop_assert!(start < end && end <= n);
                prop_assert!(article.slice(start, end).is_some());
            }
            Placement::Orphan => {}
        }
    }
}

#[test]
fn the_generator_makes_projects_with_content() {
    // A guard against a strategy that only ever produces empty projects.
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let mut counts = BTreeMap::new();
    for _ in 0..50 {
        let p = project().new_tree(&mut runner).expect("tree").current();
        *counts.entry("passages").or_insert(0) += p.passages.len();
        *counts.entry("figures").or_insert(0) += p.figures.len();
        *counts.entry("rules").or_insert(0) += p.rules.len();
    }
    assert!(counts.values().all(|n| *n > 20), "{counts:?}");
}
