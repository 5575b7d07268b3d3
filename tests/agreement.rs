//! Inter-coder agreement against published worked examples (Krippendorff 1995, 2004, 2011;
//! Fleiss 1971) and against reference numbers that independent implementations computed once
//! (tests/data/agreement/reference.py: the `krippendorff` package, scikit-learn, statsmodels,
//! DKPro Statistics), to 1e-9.

use crate::common;

use std::path::Path;

use dossier::analysis::agreement::{self, Grade, Options};
use dossier::analysis::agreement_coeffs::{
    alpha_nominal, cohen_kappa_pairs, fleiss_kappa_table, percent_agreement_table,
};
use dossier::analysis::agreement_disagreements::disagreements;
use dossier::analysis::agreement_unitizing::{Disagreement, disagreement};
use dossier::project::{CoderId, Project, io};
use serde_json::Value;

fn data_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/agreement"))
}

fn reference() -> Value {
    let text = std::fs::read_to_string(data_dir().join("reference.json")).expect("reference");
    serde_json::from_str(&text).expect("JSON")
}

fn fixture() -> Project {
    io::open(&data_dir().join("seeds-three-coders.dossier.json"))
        .expect("fixture")
        .project
}

#[track_caller]
fn close(ours: Option<f64>, theirs: &Value, what: &str) {
    match (ours, theirs.as_f64()) {
        (Some(a), Some(b)) => assert!((a - b).abs() < 1e-9, "{what}: {a} vs {b}"),
        (None, None) => {}
        (a, _) => panic!("{what}: ours {a:?}, reference {theirs}"),
    }
}

fn reliability(rows: &Value) -> Vec<Vec<Option<u32>>> {
    rows.as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            r.as_array()
                .expect("row")
                .iter()
                .map(|v| v.as_u64().map(|x| x as u32))
                .collect()
        })
        .collect()
}

/// Krippendorff (2011), examples A and C (C has missing values): published α = 0.095 and
/// 0.743, and the `krippendorff` package's numbers to 1e-9.
#[test]
fn alpha_matches_krippendorffs_published_examples() {
    let r = reference();
    let c: Vec<Vec<Option<u32>>> = vec![
        vec![
            Some(1),
            Some(2),
            Some(3),
            Some(3),
            Some(2),
            Some(1),
            Some(4),
            Some(1),
            Some(2),
            None,
            None,
            None,
        ],
        vec![
            Some(1),
            Some(2),
            Some(3),
            Some(3),
            Some(2),
            Some(2),
            Some(4),
            Some(1),
            Some(2),
            Some(5),
            None,
            Some(3),
        ],
        vec![
            None,
            Some(3),
            Some(3),
            Some(3),
            Some(2),
            Some(3),
            Some(4),
            Some(2),
            Some(2),
            Some(5),
            Some(1),
            None,
        ],
        vec![
            Some(1),
            Some(2),
            Some(3),
            Some(3),
            Some(2),
            Some(4),
            Some(4),
            Some(1),
            Some(2),
            Some(5),
            Some(1),
            None,
        ],
    ];
    let alpha = alpha_nominal(&c).expect("defined");
    assert!(
        (alpha - 0.743).abs() < 0.0005,
        "published 0.743, got {alpha}"
    );
    close(
        Some(alpha),
        &r["published"]["krippendorff_2011_c"]["alpha"],
        "example C",
    );
    let a = vec![
        vec![0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
        vec![1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ];
    let a: Vec<Vec<Option<u32>>> = a
        .into_iter()
        .map(|r| r.into_iter().map(Some).collect())
        .collect();
    let alpha = alpha_nominal(&a).expect("defined");
    assert!(
        (alpha - 0.095).abs() < 0.0005,
        "published 0.095, got {alpha}"
    );
    close(
        Some(alpha),
        &r["published"]["krippendorff_2011_a"]["alpha"],
        "example A",
    );
    let pairs: Vec<(u32, u32)> = a[0]
        .iter()
        .zip(&a[1])
        .map(|(x, y)| (x.unwrap_or(0), y.unwrap_or(0)))
        .collect();
    close(
        cohen_kappa_pairs(&pairs),
        &r["published"]["krippendorff_2011_a"]["cohen_kappa"],
        "κ A",
    );
}

/// Krippendorff (1995: 57), example A: two coders' units on 24 characters, read per
/// character as Dossier does. Published κ = 0.385 and α = 0.329.
#[test]
fn character_level_matches_krippendorff_1995() {
    let r = &reference()["published"]["krippendorff_1995_a"];
    let counts = agreement::binary_counts(24, &[vec![(2, 10), (14, 20)], vec![(4, 8), (15, 17)]]);
    let kappa = counts.cohen_kappa().expect("κ");
    let alpha = counts.krippendorff_alpha().expect("α");
    assert!(
        (kappa - 0.385).abs() < 0.0005,
        "published κ 0.385, got {kappa}"
    );
    assert!(
        (alpha - 0.329).abs() < 0.0005,
        "published α 0.329, got {alpha}"
    );
    close(Some(kappa), &r["cohen_kappa"], "κ");
    close(Some(alpha), &r["alpha"], "α");
    let data = reliability(&Value::Array(vec![
        serde_json::json!([
            0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0
        ]),
        serde_json::json!([
            0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0
        ]),
    ]));
    close(alpha_nominal(&data), &r["alpha"], "α from reliability data");
}

/// Fleiss (1971: 379): 30 subjects, 6 raters, 5 categories. Published κ = 0.430.
#[test]
fn fleiss_kappa_matches_fleiss_1971() {
    let ratings: [[u64; 6]; 30] = [
        [4, 4, 4, 4, 4, 4],
        [2, 2, 2, 5, 5, 5],
        [2, 3, 3, 3, 3, 5],
        [5, 5, 5, 5, 5, 5],
        [2, 2, 2, 4, 4, 4],
        [1, 1, 3, 3, 3, 3],
        [3, 3, 3, 3, 5, 5],
        [1, 1, 3, 3, 3, 4],
        [1, 1, 4, 4, 4, 4],
        [5, 5, 5, 5, 5, 5],
        [1, 4, 4, 4, 4, 4],
        [1, 2, 4, 4, 4, 4],
        [2, 2, 2, 3, 3, 3],
        [1, 4, 4, 4, 4, 4],
        [2, 2, 4, 4, 4, 5],
        [3, 3, 3, 3, 3, 5],
        [1, 1, 1, 4, 5, 5],
        [1, 1, 1, 1, 1, 2],
        [2, 2, 4, 4, 4, 4],
        [1, 3, 3, 5, 5, 5],
        [5, 5, 5, 5, 5, 5],
        [2, 4, 4, 4, 4, 4],
        [2, 2, 4, 5, 5, 5],
        [1, 1, 4, 4, 4, 4],
        [1, 4, 4, 4, 4, 5],
        [2, 2, 2, 2, 2, 4],
        [1, 1, 1, 1, 5, 5],
        [2, 2, 4, 4, 4, 4],
        [1, 3, 3, 3, 3, 3],
        [5, 5, 5, 5, 5, 5],
    ];
    let table: Vec<Vec<u64>> = ratings
        .iter()
        .map(|row| {
            (1..=5)
                .map(|c| row.iter().filter(|v| **v == c).count() as u64)
                .collect()
        })
        .collect();
    let kappa = fleiss_kappa_table(&table).expect("κ");
    assert!(
        (kappa - 0.430).abs() < 0.0005,
        "published 0.430, got {kappa}"
    );
    close(
        Some(kappa),
        &reference()["published"]["fleiss_1971"]["fleiss_kappa"],
        "Fleiss",
    );
    // Fleiss's P̄, the percent agreement of many raters: published 0.5556.
    let percent = percent_agreement_table(&table).expect("P̄");
    assert!(
        (percent - 0.5556).abs() < 0.00005,
        "published 0.5556, got {percent}"
    );
    close(
        Some(percent),
        &reference()["published"]["fleiss_1971"]["percent"],
        "P̄",
    );
}

/// Krippendorff (2004: 254): two coders, categories c and k. Published: D_o(c) = 0.0144,
/// D_e(c) = 0.0532, αu(c) = 0.7286, αu(k) = 1; DKPro Statistics' numbers to 1e-9.
#[test]
fn unitizing_alpha_matches_krippendorff_2004() {
    let r = &reference()["published"]["krippendorff_2004_u"];
    let shift = |v: &[(u64, u64)]| v.iter().map(|(b, l)| (b - 150, b - 150 + l)).collect();
    let c = disagreement(
        300,
        &[
            shift(&[(225, 70), (370, 30)]),
            shift(&[(220, 80), (355, 20), (400, 20)]),
        ],
    );
    let k = disagreement(
        300,
        &[
            shift(&[(180, 60), (300, 50)]),
            shift(&[(180, 60), (300, 50)]),
        ],
    );
    assert!((c.observed - 0.0144).abs() < 0.00005, "{c:?}");
    assert!((c.expected - 0.0532).abs() < 0.00005, "{c:?}");
    let alpha_c = c.alpha().expect("αu(c)");
    assert!(
        (alpha_c - 0.7286).abs() < 0.00005,
        "published 0.7286, got {alpha_c}"
    );
    assert_eq!(k.alpha(), Some(1.0));
    close(Some(alpha_c), &r["alpha_u_c"], "αu(c)");
    close(k.alpha(), &r["alpha_u_k"], "αu(k)");
    let mut both = Disagreement::default();
    both.add(c);
    both.add(k);
    close(both.alpha(), &r["alpha_u"], "αu overall");
}

/// Every coefficient of every theme and overall, for each pair of the three coders and for
/// all three, equals the independent implementations' numbers to 1e-9.
#[test]
fn project_agreement_matches_independent_implementations() {
    let project = fixture();
    let corpus = common::load_seeds();
    let lengths = agreement::article_lengths(&project, Some(&corpus));
    let r = reference();
    let cases = r["project"].as_array().expect("cases");
    assert_eq!(cases.len(), 4);
    for case in cases {
        let names: Vec<&str> = case["coders"]
            .as_array()
            .expect("coders")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        let coders: Vec<CoderId> = names
            .iter()
            .map(|n| project.coder_by_name(n).expect("coder").id)
            .collect();
        let options = Options {
            coders,
            ..Options::default()
        };
        let table = agreement::agreement(&project, &lengths, &options).expect("table");
        let articles: Vec<&str> = table.articles.iter().map(|a| a.as_str()).collect();
        let theirs: Vec<&str> = case["articles"]
            .as_array()
            .expect("articles")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        assert_eq!(articles, theirs);
        let themes = case["themes"].as_object().expect("themes");
        assert_eq!(table.themes.len(), themes.len(), "{names:?}");
        for row in &table.themes {
            let want = &themes[&row.theme.0.to_string()];
            let c = &row.coefficients;
            let what = format!("{names:?} theme {}", row.theme.0);
            close(c.percent, &want["percent"], &format!("{what} percent"));
            close(c.alpha, &want["alpha"], &format!("{what} α"));
            close(
                c.fleiss_kappa,
                &want["fleiss_kappa"],
                &format!("{what} Fleiss"),
            );
            close(c.alpha_u, &want["alpha_u"], &format!("{what} αu"));
            if names.len() == 2 {
                close(
                    c.cohen_kappa,
                    &want["cohen_kappa"],
                    &format!("{what} Cohen"),
                );
            } else {
                assert_eq!(c.cohen_kappa, None);
            }
        }
        let o = &table.overall;
        let want = &case["overall"];
        close(o.percent, &want["percent"], "overall percent");
        close(o.alpha, &want["alpha"], "overall α");
        close(o.fleiss_kappa, &want["fleiss_kappa"], "overall Fleiss");
        close(o.alpha_u, &want["alpha_u"], "overall αu");
        if names.len() == 2 {
            close(o.cohen_kappa, &want["cohen_kappa"], "overall Cohen");
        }
        assert_eq!(o.grade, Grade::of(o.alpha));
    }
}

/// The side-by-side list: a passage only one coder made, shifted boundaries and swapped themes
/// are listed; identical passages are not.
#[test]
fn disagreements_list_each_coders_passages() {
    let project = fixture();
    let analyst = project.coder_by_name("analyst").expect("analyst").id;
    let bob = project.coder_by_name("bob").expect("bob").id;
    let articles: Vec<_> = project.articles.iter().map(|a| a.path.clone()).collect();
    let list = disagreements(&project, analyst, bob, &articles, None);
    assert!(!list.is_empty());
    // Passage 1 (analyst, 10..82) is identical in bob's work: not listed.
    assert!(
        !list
            .iter()
            .any(|d| d.a.iter().any(|p| p.start == 10 && p.end == 82))
    );
    // Bob's tighter boundaries on the analyst's second passage (184..253 → 187..248).
    let shifted = list
        .iter()
        .find(|d| d.a.iter().any(|p| (p.start, p.end) == (184, 253)))
        .expect("the shifted passage");
    assert!(shifted.b.iter().any(|p| (p.start, p.end) == (187, 248)));
    // Bob's passage of his own (900..980, arms sales) has nothing beside it.
    let own = list
        .iter()
        .find(|d| d.b.iter().any(|p| (p.start, p.end) == (900, 980)))
        .expect("bob's own passage");
    assert!(own.a.is_empty());
    for d in &list {
        assert!(!d.themes.is_empty());
        assert!(d.start < d.end);
    }
}

#[test]
fn bad_choices_are_refused_with_reasons() {
    let project = fixture();
    let lengths = agreement::article_lengths(&project, None);
    let one = Options {
        coders: vec![CoderId(1)],
        ..Options::default()
    };
    assert!(agreement::agreement(&project, &lengths, &one).is_err());
    let unknown = Options {
        coders: vec![CoderId(1), CoderId(9)],
        ..Options::default()
    };
    assert_eq!(
        agreement::agreement(&project, &lengths, &unknown)
            .map(|_| ())
            .expect_err("refused")
            .to_string(),
        "coder 9 is not a coder of this project"
    );
    let single = Project::default();
    assert!(agreement::agreement(&single, &lengths, &Options::default()).is_err());
}

#[test]
fn the_command_prints_json_and_csv() {
    let project = data_dir().join("seeds-three-coders.dossier.json");
    let run = |args: &[&str]| {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
            .arg("agreement")
            .arg(&project)
            // The fixture's corpus is the bundled seeds, outside its folder.
            .arg("--allow-outside-corpus")
            .args(args)
            .output()
            .expect("runs");
        (
            o.status.success(),
            String::from_utf8_lossy(&o.stdout).into_owned(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )
    };
    let (ok, out, err) = run(&[
        "--coders",
        "analyst,bob",
        "--format",
        "json",
        "--disagreements",
    ]);
    assert!(ok, "{err}");
    let v: Value = serde_json::from_str(&out).expect("JSON");
    let r = reference();
    let want = r["project"]
        .as_array()
        .expect("cases")
        .iter()
        .find(|c| c["coders"] == serde_json::json!(["analyst", "bob"]))
        .expect("pair");
    close(
        v["overall"]["alpha"].as_f64(),
        &want["overall"]["alpha"],
        "CLI α",
    );
    assert!(!v["disagreements"].as_array().expect("list").is_empty());
    let (ok, out, err) = run(&["--themes", "Arms sales,9", "--format", "csv"]);
    assert!(ok, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "theme_id,theme,units,coded_by_analyst,coded_by_bob,coded_by_carol,percent,cohen_kappa,fleiss_kappa,alpha,alpha_u,grade"
    );
    assert_eq!(lines.len(), 4, "two themes and the overall row: {out}");
    assert!(lines[3].starts_with(",overall,"));
    let (ok, _, err) = run(&["--coders", "analyst,nobody"]);
    assert!(
        !ok && err.contains("no coder “nobody”") && err.contains("analyst, bob, carol"),
        "{err}"
    );
}

/// The run-length path equals the general formulas on the same data materialised per code
/// point, for many random codings (a deterministic generator).
#[test]
fn run_lengths_equal_code_point_data() {
    let mut seed = 42u64;
    let mut next = |below: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % below
    };
    for _ in 0..200 {
        let length = 50 + next(400);
        let coders = 2 + next(3) as usize;
        let runs: Vec<Vec<(u64, u64)>> = (0..coders)
            .map(|_| {
                let raw: Vec<(u64, u64)> = (0..next(6))
                    .map(|_| {
                        let s = next(length);
                        (s, (s + 1 + next(60)).min(length))
                    })
                    .collect();
                dossier::analysis::agreement_unitizing::normalise(raw, length)
            })
            .collect();
        let counts = agreement::binary_counts(length, &runs);
        let values: Vec<Vec<Option<u32>>> = runs
            .iter()
            .map(|r| {
                (0..length)
                    .map(|u| Some(r.iter().any(|(s, e)| (*s..*e).contains(&u)) as u32))
                    .collect()
            })
            .collect();
        let table: Vec<Vec<u64>> = (0..length as usize)
            .map(|u| {
                let ones = values.iter().filter(|v| v[u] == Some(1)).count() as u64;
                vec![coders as u64 - ones, ones]
            })
            .collect();
        let same = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(x), Some(y)) => assert!((x - y).abs() < 1e-12, "{x} vs {y}"),
            (None, None) => {}
            other => panic!("{other:?}"),
        };
        same(counts.krippendorff_alpha(), alpha_nominal(&values));
        same(counts.fleiss_kappa(), fleiss_kappa_table(&table));
        if coders == 2 {
            let pairs: Vec<(u32, u32)> = (0..length as usize)
                .map(|u| (values[0][u].unwrap_or(0), values[1][u].unwrap_or(0)))
                .collect();
            same(counts.cohen_kappa(), cohen_kappa_pairs(&pairs));
        }
    }
}
