//! Fuzz target: placing a quote in any text never panics and never gives a range off a char
//! boundary or outside the text.
#![no_main]

use dossier::corpus::{Article, ArticleId, decode};
use dossier::project::anchor::{Haystack, Placement, Target};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(all) = std::str::from_utf8(data) else { return };
    // "quote|text", the old place from the lengths.
    let Some((quote, text)) = all.split_once('|') else { return };
    let Ok(decoded) = decode(text.as_bytes()) else { return };
    let article = Article::new(ArticleId("a".into()), "a".into(), decoded);
    let n = article.char_len();
    let start = quote.len() % (n + 1);
    let target = Target { start, end: start + quote.chars().count(), quote, prefix: "", suffix: "" };
    let placement = Haystack::new(&article).locate(&target);
    if let Some((s, e)) = placement.range((target.start, target.end)) {
        if placement != Placement::Exact {
            assert!(s < e && e <= n);
            assert!(article.slice(s, e).is_some());
        }
    }
});
