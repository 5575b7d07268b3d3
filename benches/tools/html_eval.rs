//! Score Dossier's HTML extraction against a dataset with ground truth.
//!
//! ```sh
//! cargo run --release --example html_eval -- DATASET [--show N]
//! cargo run --release --example html_eval -- --snippets EVALDATA.json PAGES_DIR...
//! ```
//!
//! `DATASET` is a folder laid out like the public article-extraction benchmark
//! (`ground-truth.json`: `{"<id>": {"articleBody": "…", "headline"?: "…", "datePublished"?:
//! "…"}}`, and `html/<id>.html` or `html/<id>.html.gz`). The dataset is not part of Dossier;
//! fetch it yourself.
//!
//! Prints, over all pages: mean word-level precision, recall and F1 (each page's words as a
//! bag, lower-cased, `\w+` tokens; then averaged over pages), the benchmark's own measure
//! (4-word shingles, F1 of mean precision and mean recall), and, on the pages whose ground
//! truth has a headline or a date, the share that Dossier gets right. Dossier's text starts
//! with the headline; it is taken off before scoring the body, since the ground truth's body
//! has none.
//!
//! `--snippets` scores the other common kind of ground truth (trafilatura's evaluation data):
//! for each page, phrases that the main text must contain (`with`) and phrases of the page's
//! furniture it must not (`without`); a page file is looked for in each `PAGES_DIR`. Prints
//! precision, recall and F1 over the phrases, overall and by the language Dossier detects.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use dossier::corpus::formats::{Format, read_bytes};
use dossier::corpus::{Article, ArticleId};

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// (tp, predicted, true) over bags of items.
fn overlap<T: std::hash::Hash + Eq + Clone>(truth: &[T], pred: &[T]) -> (f64, f64, f64) {
    let mut bag: HashMap<T, usize> = HashMap::new();
    for t in truth {
        *bag.entry(t.clone()).or_insert(0) += 1;
    }
    let mut tp = 0usize;
    for p in pred {
        if let Some(n) = bag.get_mut(p).filter(|n| **n > 0) {
            *n -= 1;
            tp += 1;
        }
    }
    (tp as f64, pred.len() as f64, truth.len() as f64)
}

fn prf(tp: f64, pred: f64, truth: f64) -> (f64, f64, f64) {
    let p = if pred == 0.0 {
        f64::from(u8::from(truth == 0.0))
    } else {
        tp / pred
    };
    let r = if truth == 0.0 { 1.0 } else { tp / truth };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

fn shingles(w: &[String]) -> Vec<String> {
    if w.len() < 4 {
        return vec![w.join(" ")];
    }
    w.windows(4).map(|x| x.join(" ")).collect()
}

fn read_page(dir: &Path, id: &str) -> Option<Vec<u8>> {
    let plain = dir.join("html").join(format!("{id}.html"));
    if let Ok(b) = std::fs::read(&plain) {
        return Some(b);
    }
    let gz = std::fs::File::open(dir.join("html").join(format!("{id}.html.gz"))).ok()?;
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(gz)
        .read_to_end(&mut out)
        .ok()?;
    Some(out)
}

fn fold(s: &str) -> String {
    words(s).join(" ")
}

/// Phrase counts: (with found, with missed, without absent, without present).
#[derive(Default, Clone, Copy)]
struct Snips(usize, usize, usize, usize);

impl Snips {
    fn add(&mut self, o: Snips) {
        self.0 += o.0;
        self.1 += o.1;
        self.2 += o.2;
        self.3 += o.3;
    }

    fn line(&self) -> String {
        let (tp, fn_, tn, fp) = (self.0 as f64, self.1 as f64, self.2 as f64, self.3 as f64);
        let p = tp / (tp + fp).max(1.0);
        let r = tp / (tp + fn_).max(1.0);
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        let acc = (tp + tn) / (tp + tn + fp + fn_).max(1.0);
        format!("precision {p:.3}  recall {r:.3}  F1 {f:.3}  accuracy {acc:.3}")
    }
}

fn snippets(args: &[String]) {
    let data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&args[0]).expect("evaldata")).expect("JSON");
    let dirs: Vec<PathBuf> = args[1..].iter().map(PathBuf::from).collect();
    let mut total = Snips::default();
    let mut by_lang: std::collections::BTreeMap<String, (usize, Snips)> =
        std::collections::BTreeMap::new();
    let (mut pages, mut missing, mut refused) = (0, 0, 0);
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let started = std::time::Instant::now();
    for entry in data.as_object().expect("object").values() {
        let Some(file) = entry["file"].as_str() else {
            continue;
        };
        let Some(bytes) = dirs.iter().find_map(|d| std::fs::read(d.join(file)).ok()) else {
            missing += 1;
            continue;
        };
        pages += 1;
        let (text, lang) = match read_bytes(Format::Html, &bytes) {
            Ok((c, stamp)) => {
                let a = Article::converted(
                    ArticleId(file.into()),
                    PathBuf::from(file),
                    Format::Html,
                    c,
                    stamp,
                );
                let lang = a
                    .meta
                    .language
                    .as_ref()
                    .map_or("?".to_owned(), |l| l.value.clone());
                (norm(&a.text), lang)
            }
            Err(_) => {
                refused += 1;
                (String::new(), "?".to_owned())
            }
        };
        let mut s = Snips::default();
        for w in entry["with"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|x| x.as_str())
        {
            if text.contains(&norm(w)) {
                s.0 += 1
            } else {
                s.1 += 1
            }
        }
        for w in entry["without"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|x| x.as_str())
        {
            if text.contains(&norm(w)) {
                s.3 += 1
            } else {
                s.2 += 1
            }
        }
        total.add(s);
        let slot = by_lang.entry(lang).or_default();
        slot.0 += 1;
        slot.1.add(s);
    }
    println!(
        "pages: {pages} ({refused} refused, {missing} not found), {:.1} ms per page",
        started.elapsed().as_secs_f64() * 1000.0 / pages.max(1) as f64
    );
    println!("all: {}", total.line());
    for (lang, (n, s)) in by_lang {
        println!("  {lang} ({n} pages): {}", s.line());
    }
}

/// The article Dossier makes of a page, and its text without the headline (the ground
/// truth's body has none).
fn convert(id: &str, bytes: &[u8]) -> Option<(String, Article)> {
    let (c, stamp) = read_bytes(Format::Html, bytes).ok()?;
    let a = Article::converted(
        ArticleId(format!("{id}.html")),
        PathBuf::from(id),
        Format::Html,
        c,
        stamp,
    );
    let text = match a.text.split_once("\n\n") {
        Some((first, rest)) if fold(first) == fold(&a.title) => rest.to_owned(),
        _ => a.text.clone(),
    };
    Some((text, a))
}

/// Sums over the pages of a dataset.
#[derive(Default)]
struct Totals {
    p: f64,
    r: f64,
    f: f64,
    sh_p: f64,
    sh_r: f64,
    titles: (usize, usize),
    dates: (usize, usize),
    failed: usize,
    worst: Vec<(f64, String)>,
}

impl Totals {
    fn page(&mut self, id: &str, gt: &serde_json::Value, converted: Option<(String, Article)>) {
        let body = gt["articleBody"].as_str().unwrap_or_default();
        if converted.is_none() {
            self.failed += 1;
        }
        let (text, article) = converted.map_or((String::new(), None), |(t, a)| (t, Some(a)));
        let (tw, pw) = (words(body), words(&text));
        let (tp, np, nt) = overlap(&tw, &pw);
        let (p, r, f) = prf(tp, np, nt);
        (self.p, self.r, self.f) = (self.p + p, self.r + r, self.f + f);
        let (tp, np, nt) = overlap(&shingles(&tw), &shingles(&pw));
        let (sp, sr, _) = prf(tp, np, nt);
        (self.sh_p, self.sh_r) = (self.sh_p + sp, self.sh_r + sr);
        self.worst.push((f, id.to_owned()));
        let field = |k: &str| {
            gt.get(k)
                .and_then(|v| v.as_str())
                .filter(|v| !v.trim().is_empty())
        };
        if let Some(headline) = field("headline") {
            self.titles.1 += 1;
            if article
                .as_ref()
                .is_some_and(|a| fold(&a.title) == fold(headline))
            {
                self.titles.0 += 1;
            }
        }
        if let Some(date) = field("datePublished").filter(|d| d.len() >= 10) {
            self.dates.1 += 1;
            let got = article
                .as_ref()
                .and_then(|a| a.meta.date.as_ref())
                .map(|d| d.value.clone());
            if got.as_deref() == date.get(..10) {
                self.dates.0 += 1;
            }
        }
    }

    fn print(mut self, pages: usize, elapsed: std::time::Duration, show: usize) {
        let n = pages as f64;
        println!(
            "pages: {pages} ({} refused), {:.1} ms per page",
            self.failed,
            elapsed.as_secs_f64() * 1000.0 / n
        );
        println!(
            "word level, mean over pages: precision {:.3}  recall {:.3}  F1 {:.3}",
            self.p / n,
            self.r / n,
            self.f / n
        );
        let (p, r) = (self.sh_p / n, self.sh_r / n);
        println!(
            "benchmark measure (4-word shingles): precision {p:.3}  recall {r:.3}  F1 {:.3}",
            2.0 * p * r / (p + r)
        );
        for (what, (ok, all)) in [("title", self.titles), ("date", self.dates)] {
            if all > 0 {
                println!(
                    "{what} right: {ok}/{all} ({:.1}%)",
                    100.0 * ok as f64 / all as f64
                );
            }
        }
        self.worst.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (f, id) in self.worst.iter().take(show) {
            println!("  F1 {f:.3}  {id}");
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--snippets") {
        snippets(&args[2..]);
        return;
    }
    let Some(dir) = args.get(1).map(PathBuf::from) else {
        use std::io::Write;
        let _ = writeln!(std::io::stderr(), "usage: html_eval DATASET [--show N]");
        std::process::exit(2);
    };
    let show: usize = args
        .iter()
        .position(|a| a == "--show")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let truth: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("ground-truth.json")).expect("ground-truth.json"),
    )
    .expect("JSON");
    let truth = truth.as_object().expect("an object of pages");
    let mut ids: Vec<&String> = truth.keys().collect();
    ids.sort();
    let mut totals = Totals::default();
    let started = std::time::Instant::now();
    for id in &ids {
        let Some(bytes) = read_page(&dir, id) else {
            continue;
        };
        totals.page(id, &truth[id.as_str()], convert(id, &bytes));
    }
    totals.print(ids.len(), started.elapsed(), show);
}
