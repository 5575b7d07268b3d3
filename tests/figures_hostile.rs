//! `dossier figures` on hostile input, run as a real process: each test is named after the
//! case of issue 9 it pins (non-finite values, output growing with figures × sentence length,
//! super-linear time on text without sentence breaks) or after issue 16's output order.

use crate::common;

use std::path::Path;
use std::process::Command;
use std::time::Instant;

fn figures(dir: &Path, extra: &[&str]) -> (bool, Vec<u8>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("figures")
        .arg(dir)
        .args(extra)
        .output()
        .expect("the binary runs");
    (
        out.status.success(),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn records(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON record per line"))
        .collect()
}

#[test]
fn issue9_case2_nine_repeated_400_times_before_tons_gives_no_infinite_value() {
    let dir = common::tempdir();
    let text = format!(
        "{} tons\n\nAnd {} dollars.",
        "9".repeat(400),
        "9".repeat(400)
    );
    std::fs::write(dir.path().join("nines.txt"), text).expect("write");
    let (ok, out, err) = figures(dir.path(), &[]);
    assert!(ok, "{err}");
    for r in records(&out) {
        let v = r["value"].as_f64().expect("a number, never null");
        assert!(v.is_finite(), "{r}");
    }
}

#[test]
fn issue9_case4_five_tons_repeated_32000_times_gives_output_linear_in_the_input() {
    let dir = common::tempdir();
    let text = "5 tons ".repeat(32_000);
    std::fs::write(dir.path().join("tons.txt"), &text).expect("write");
    let (ok, out, err) = figures(dir.path(), &[]);
    assert!(ok, "{err}");
    let rs = records(&out);
    assert_eq!(rs.len(), 32_000);
    // Every record carries a bounded window of context, not the whole 224 KB "sentence".
    let longest = String::from_utf8_lossy(&out)
        .lines()
        .map(str::len)
        .max()
        .unwrap_or(0);
    assert!(longest < 1_000, "a record of {longest} bytes");
    assert!(
        out.len() < 120 * text.len(),
        "{} bytes out for {} in",
        out.len(),
        text.len()
    );
}

#[test]
fn issue9_case4_two_megabytes_of_words_without_full_stops_write_output_linear_in_the_input() {
    let dir = common::tempdir();
    let words = [
        "police", "seized", "5", "tons", "of", "cocaine", "in", "the", "port", "army", "1,200",
        "hectares", "2015", "and", "$3", "million",
    ];
    let mut text = String::new();
    let mut x: u32 = 7;
    while text.len() < 2_000_000 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        text.push_str(words[(x >> 16) as usize % words.len()]);
        text.push(' ');
    }
    std::fs::write(dir.path().join("salad.txt"), &text).expect("write");
    let (ok, out, err) = figures(dir.path(), &[]);
    assert!(ok, "{err}");
    assert!(!records(&out).is_empty());
    assert!(
        out.len() < 120 * text.len(),
        "{} bytes out for {} in",
        out.len(),
        text.len()
    );
}

/// Seconds to extract the figures of `text` (the best of three runs).
fn seconds(text: &str) -> f64 {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            let n = dossier::figures::extract(text).len();
            assert!(n > 0);
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

#[test]
fn issue9_case5_extraction_is_linear_on_text_without_sentence_breaks() {
    // The same words with and without full stops: four times the text takes about four
    // times as long (a quadratic rule would take sixteen), and no more than prose.
    let words = [
        "troops", "seized", "12", "tons", "near", "the", "border", "and", "3,400",
    ];
    let make = |n: usize, stops: bool| {
        let mut s = String::new();
        for k in 0..n {
            s.push_str(words[k % words.len()]);
            s.push_str(if stops && k % 17 == 16 { ". The " } else { " " });
        }
        s
    };
    let small = seconds(&make(40_000, false));
    let large = seconds(&make(160_000, false));
    let prose = seconds(&make(160_000, true));
    assert!(
        large < 8.0 * small,
        "4x the text took {:.1}x the time",
        large / small
    );
    assert!(
        large < 3.0 * prose,
        "without full stops {large:.3}s, prose {prose:.3}s"
    );
}

#[test]
fn the_output_is_the_same_on_one_thread_and_on_four() {
    let dir = common::tempdir();
    common::copy_seeds(dir.path());
    for (i, n) in [120, 7_000, 300, 50_000].iter().enumerate() {
        let text = "Police seized 4 tons in 2014. ".repeat(*n / 30 + 1);
        std::fs::write(dir.path().join(format!("extra{i}.txt")), text).expect("write");
    }
    let (ok1, one, err) = figures(dir.path(), &["--threads", "1"]);
    assert!(ok1, "{err}");
    let (ok4, four, err) = figures(dir.path(), &["--threads", "4"]);
    assert!(ok4, "{err}");
    assert!(!one.is_empty());
    assert_eq!(one, four);
    let (_, csv1, _) = figures(dir.path(), &["--threads", "1", "--format", "csv"]);
    let (_, csv4, _) = figures(dir.path(), &["--threads", "4", "--format", "csv"]);
    assert_eq!(csv1, csv4);
    let header = String::from_utf8_lossy(&csv1);
    assert!(header.starts_with(
        "file,start,end,text,value,unit,year,qualifier,kind,tier,repeat,year_inferred,sentence\n"
    ));
}
