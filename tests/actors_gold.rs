//! Mention and relation quality on a hand-made gold (tests/data/actors/: wire stories and
//! government press releases in English and Spanish, annotated by the conventions in
//! tests/data/actors/README.md). Mentions score by exact span and actor; relations by
//! unordered actor pair and sentence. Prints precision, recall and F1 (run with
//! `--nocapture`) and holds them above a floor.

use crate::common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use dossier::actors::{extract_corpus, relations::relations, resolve};
use dossier::corpus::{Article, ArticleId};
use dossier::project::actors::ActorBook;

type Gold = BTreeMap<String, GoldArticle>;

#[derive(serde::Deserialize)]
struct GoldArticle {
    mentions: Vec<(String, usize, String)>,
    relations: Vec<(String, String, String)>,
}

fn data() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/actors")
}

/// Code point range of the `n`th (1-based) whole-word occurrence of `needle`.
fn occurrence(text: &str, needle: &str, n: usize) -> (usize, usize) {
    let mut seen = 0;
    for (byte, _) in text.match_indices(needle) {
        let before = text[..byte].chars().next_back();
        let after = text[byte + needle.len()..].chars().next();
        if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
            continue;
        }
        seen += 1;
        if seen == n {
            let start = text[..byte].chars().count();
            return (start, start + needle.chars().count());
        }
    }
    panic!("gold: “{needle}” has no occurrence {n}");
}

struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Score {
    fn of<T: Ord>(gold: &BTreeSet<T>, found: &BTreeSet<T>) -> Self {
        let tp = gold.intersection(found).count();
        Self {
            tp,
            fp: found.len() - tp,
            fn_: gold.len() - tp,
        }
    }

    fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }

    fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }

    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn sentence_of(sentences: &[(usize, usize)], at: usize) -> usize {
    sentences.partition_point(|s| s.1 <= at)
}

/// Print what the extractor missed and what it found beyond the gold.
fn show_differences<T: Ord + std::fmt::Debug>(what: &str, gold: &BTreeSet<T>, found: &BTreeSet<T>) {
    for x in gold.difference(found) {
        println!("missed {what}: {x:?}");
    }
    for x in found.difference(gold) {
        println!("extra {what}:  {x:?}");
    }
}

/// The members of `set` that `keep` keeps.
fn pick<T: Ord + Clone>(set: &BTreeSet<T>, keep: impl Fn(&T) -> bool) -> BTreeSet<T> {
    set.iter().filter(|x| keep(x)).cloned().collect()
}

#[test]
fn gold_mentions_and_relations() {
    let gold: Gold = serde_json::from_str(
        &std::fs::read_to_string(data().join("gold.json")).expect("gold.json"),
    )
    .expect("gold parses");
    let (corpus, _) = common::load(&data().join("texts"));
    assert_eq!(corpus.len(), gold.len(), "one gold entry per text");
    let extracted = extract_corpus(&corpus, 2, &|_| {});
    let resolved = resolve(&extracted, &ActorBook::default(), &corpus);
    let rels = relations(&corpus, &extracted, &resolved, None, &BTreeMap::new());

    let mut gold_m = BTreeSet::new();
    let mut gold_r = BTreeSet::new();
    for (file, g) in &gold {
        let id = ArticleId(file.clone());
        let a: &Article = corpus.get(&id).expect("gold text is loaded");
        let sentences = &extracted[&id].sentences;
        for (text, n, actor) in &g.mentions {
            let (s, e) = occurrence(&a.text, text, *n);
            gold_m.insert((file.clone(), s, e, actor.clone()));
        }
        for (x, y, snippet) in &g.relations {
            let (s, _) = occurrence(&a.text, snippet, 1);
            let pair = if x < y {
                (x.clone(), y.clone())
            } else {
                (y.clone(), x.clone())
            };
            gold_r.insert((file.clone(), sentence_of(sentences, s), pair));
        }
    }
    let found_m: BTreeSet<_> = resolved
        .mentions
        .iter()
        .flat_map(|(f, list)| {
            list.iter()
                .map(move |m| (f.0.clone(), m.start, m.end, m.actor.0.clone()))
        })
        .collect();
    let found_r: BTreeSet<_> = rels
        .iter()
        .map(|r| {
            let sentences = &extracted[&r.article].sentences;
            let (x, y) = (r.a.0.clone(), r.b.0.clone());
            let pair = if x < y { (x, y) } else { (y, x) };
            (r.article.0.clone(), sentence_of(sentences, r.start), pair)
        })
        .collect();
    show_differences("mention", &gold_m, &found_m);
    show_differences("relation", &gold_r, &found_r);
    let m = Score::of(&gold_m, &found_m);
    let r = Score::of(&gold_r, &found_r);
    let languages: BTreeMap<String, &str> = gold
        .keys()
        .map(|f| {
            let a = corpus.get(&ArticleId(f.clone())).expect("gold text");
            let lang = dossier::corpus::language::detect(&a.text).map_or("?", |d| d.code);
            (f.clone(), lang)
        })
        .collect();
    for lang in ["en", "es"] {
        let of_lang = |f: &String| languages.get(f).copied() == Some(lang);
        let ml = Score::of(
            &pick(&gold_m, |x| of_lang(&x.0)),
            &pick(&found_m, |x| of_lang(&x.0)),
        );
        let rl = Score::of(
            &pick(&gold_r, |x| of_lang(&x.0)),
            &pick(&found_r, |x| of_lang(&x.0)),
        );
        println!(
            "{lang}: mentions P {:.3} R {:.3} F1 {:.3}; relations P {:.3} R {:.3} F1 {:.3}",
            ml.precision(),
            ml.recall(),
            ml.f1(),
            rl.precision(),
            rl.recall(),
            rl.f1()
        );
        assert!(ml.f1() >= 0.90, "{lang} mention F1 {:.3}", ml.f1());
        assert!(rl.f1() >= 0.80, "{lang} relation F1 {:.3}", rl.f1());
    }
    println!(
        "all: mentions P {:.3} R {:.3} F1 {:.3} ({} gold, {} found)\nall: relations P {:.3} R {:.3} F1 {:.3} ({} gold, {} found)",
        m.precision(),
        m.recall(),
        m.f1(),
        gold_m.len(),
        found_m.len(),
        r.precision(),
        r.recall(),
        r.f1(),
        gold_r.len(),
        found_r.len()
    );
    assert!(m.f1() >= 0.90, "mention F1 {:.3}", m.f1());
    assert!(r.f1() >= 0.80, "relation F1 {:.3}", r.f1());
}
