//! A generated corpus for the benchmarks: the seeds, repeated with their digits and years
//! varied so that no two articles are the same text.
#![allow(dead_code, reason = "each benchmark uses a part of these helpers")]

use std::path::Path;
use std::sync::atomic::AtomicBool;

use dossier::corpus::{Article, ArticleId, LoadOptions, decode, load_folder};

/// About 50 MB of articles: the seeds with their numbers and years varied, so that no two
/// articles are the same text.
pub fn corpus(target_bytes: usize) -> Vec<Article> {
    let seeds = load_folder(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"),
        &LoadOptions::default(),
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .expect("seeds")
    .0;
    let mut out = Vec::new();
    let mut total = 0;
    let mut n = 0usize;
    while total < target_bytes {
        let base = &seeds.articles()[n % seeds.len()].text;
        let varied: String = base
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_digit((d + n as u32) % 10, 10).unwrap_or(c),
                None => c,
            })
            .collect();
        let text = format!(
            "{varied}\n\nIn {} the ministry reported {} hectares and ${}.{} million.\n",
            1990 + n % 35,
            1000 + n,
            n % 900,
            n % 10
        );
        total += text.len();
        let decoded = decode(text.as_bytes()).expect("text");
        out.push(Article::new(
            ArticleId(format!("{n:06}.txt")),
            format!("{n:06}.txt").into(),
            decoded,
        ));
        n += 1;
    }
    out
}

/// A project with `n` passages spread evenly over `corpus` (100,000 over the five seeds is
/// 20,000 an article): 40 to 160 code points each, two themes, every third with a note.
pub fn project_with_passages(
    corpus: &dossier::corpus::Corpus,
    n: usize,
) -> dossier::project::Project {
    use dossier::project::codebook::default_themes;
    use dossier::project::{
        Anchor, ArticleRecord, Passage, PassageId, Project, ThemeId, Timestamp,
    };
    let mut project = Project::with_themes(default_themes());
    project.articles = corpus.articles().iter().map(ArticleRecord::of).collect();
    let themes = project.themes.len() as u32;
    let articles = corpus.articles();
    for i in 0..n {
        let article = &articles[i % articles.len()];
        let len = article.char_len();
        let span = (40 + i % 120).min(len);
        let start = (i / articles.len() * 7919) % (len - span + 1);
        let Some(anchor) = Anchor::cut(article, start, start + span) else {
            continue;
        };
        let mut p = Passage::new(
            PassageId(i as u64 + 1),
            article.id.clone(),
            anchor,
            vec![
                ThemeId(1 + i as u32 % themes),
                ThemeId(1 + (i as u32 * 7) % themes),
            ],
            Timestamp::from_unix(1_700_000_000 + i as i64),
        );
        if i % 3 == 0 {
            p.note = format!("Note number {i}: worth comparing with the earlier report.");
        }
        project.passages.insert(p.id, p);
    }
    project
}

/// One article of about `bytes` bytes: the generated articles one after another.
pub fn long_text(bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + 8192);
    for article in corpus(bytes) {
        text.push_str(&article.text);
        text.push('\n');
    }
    text
}
