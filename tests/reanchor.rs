//! Re-anchoring against generated edits of the seed articles: insertions before, inside and
//! after passages, deletions, reflowed line breaks, a changed word inside a quote, and a whole
//! rewrite. Every passage whose quote is still present must come back at exactly that text;
//! none may land on text further from its quote than the fuzzy threshold.

use crate::common;

use std::collections::BTreeMap;

use dossier::corpus::{Article, Corpus, decode};
use dossier::project::anchor::{Placement, max_edits, semi_global};
use dossier::project::reanchor::{Counts, reanchor};
use dossier::project::{Anchor, History, Passage, PassageId, Project, ThemeId, Timestamp};
use dossier::text::sentences;

/// A passage on every sentence of every seed, and on the middle words of every other one.
fn tagged(corpus: &Corpus) -> Project {
    let mut project = Project::default();
    let mut id = 1;
    for a in corpus.articles() {
        for (n, r) in sentences(&a.text).into_iter().enumerate() {
            let (Some(s), Some(e)) = (a.char_of(r.start), a.char_of(r.end)) else {
                continue;
            };
            let mut ranges = vec![(s, e)];
            if n % 2 == 1 && e - s > 30 {
                ranges.push((s + (e - s) / 3, s + 2 * (e - s) / 3));
            }
            for (s, e) in ranges {
                // Snap to word boundaries so quotes are phrases.
                let Some(anchor) = Anchor::cut(a, s, e) else {
                    continue;
                };
                let p = Passage::new(
                    PassageId(id),
                    a.id.clone(),
                    anchor,
                    vec![ThemeId(1)],
                    Timestamp::from_unix(0),
                );
                project.passages.insert(p.id, p);
                id += 1;
            }
        }
    }
    project
}

/// A tiny deterministic random number generator (no dependency, same edits every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

fn with_text(corpus: &Corpus, id: &dossier::corpus::ArticleId, text: String) -> Corpus {
    let mut articles: Vec<Article> = corpus.articles().to_vec();
    for a in &mut articles {
        if &a.id == id {
            *a = Article::new(
                a.id.clone(),
                a.path.clone(),
                decode(text.as_bytes()).expect("text"),
            );
        }
    }
    Corpus::new(corpus.root.clone(), articles)
}

fn char_index(text: &str, c: usize) -> usize {
    text.char_indices().nth(c).map_or(text.len(), |(b, _)| b)
}

/// Whitespace-insensitive edit distance, as the fuzzy search measures it.
fn distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.is_empty() || b.is_empty() {
        return a.len().max(b.len());
    }
    // Global distance = semi-global with the text exactly the candidate, plus unmatched ends.
    semi_global(&a, &b).map_or(usize::MAX, |(s, e, d)| d + s + (b.len() - e))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    InsertBefore,
    InsertInside,
    InsertAfter,
    DeleteBefore,
    ChangeWord,
    Reflow,
    Rewrite,
}

/// Edit the article of passage `p` in the way `kind` says.
fn edit(text: &str, p: &Passage, kind: Kind, rng: &mut Lcg) -> String {
    let at = |c| char_index(text, c);
    let mut t = text.to_owned();
    match kind {
        Kind::InsertBefore => {
            let c = rng.next(p.start + 1);
            t.insert_str(at(c), "UPDATE (added later): ");
        }
        Kind::InsertInside => {
            let c = p.start + 1 + rng.next(p.char_len().saturating_sub(1));
            t.insert_str(at(c), " indeed");
        }
        Kind::InsertAfter => {
            let len = text.chars().count();
            let c = p.end + rng.next(len - p.end + 1);
            t.insert_str(at(c), " [Editor's note: corrected.] ");
        }
        Kind::DeleteBefore => {
            if p.start > 12 {
                let c = rng.next(p.start - 10);
                t.replace_range(at(c)..at(c + 10), "");
            }
        }
        Kind::ChangeWord => {
            let quote = &p.quote;
            if let Some((s, w)) = quote
                .split_word_bound_indices()
                .into_iter()
                .find(|(_, w)| w.len() > 3)
            {
                let byte = at(p.start) + s;
                t.replace_range(byte..byte + w.len(), "WORD");
            }
        }
        Kind::Reflow => {
            let mut out = String::with_capacity(t.len());
            let mut col = 0;
            for ch in t.chars() {
                if ch == ' ' && col > 40 {
                    out.push('\n');
                    col = 0;
                } else if ch == '\n' {
                    out.push(' ');
                    col += 1;
                } else {
                    out.push(ch);
                    col += 1;
                }
            }
            t = out;
        }
        Kind::Rewrite => {
            t = "An entirely different story about fishing quotas in the North Sea, with nothing from before.\n".repeat(3);
        }
    }
    t
}

/// Split on word boundaries without a dependency: (byte index, word).
trait Words {
    fn split_word_bound_indices(&self) -> Vec<(usize, &str)>;
}

impl Words for String {
    fn split_word_bound_indices(&self) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in self.char_indices() {
            match (c.is_alphabetic(), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    out.push((s, &self[s..i]));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            out.push((s, &self[s..]));
        }
        out
    }
}

#[test]
fn passages_survive_edited_articles() {
    let corpus = common::load_seeds();
    let project = tagged(&corpus);
    assert!(
        project.passages.len() > 150,
        "{} passages",
        project.passages.len()
    );
    let mut rng = Lcg(7);
    let mut rates: BTreeMap<Kind, Counts> = BTreeMap::new();
    let kinds = [
        Kind::InsertBefore,
        Kind::InsertInside,
        Kind::InsertAfter,
        Kind::DeleteBefore,
        Kind::ChangeWord,
        Kind::Reflow,
        Kind::Rewrite,
    ];
    // Each passage in turn is the focus of one edit of its article (every third, to keep the
    // debug build quick); all passages of that article are then placed again.
    for (n, focus) in project
        .passages
        .values()
        .enumerate()
        .filter(|(n, _)| n % 3 == 0)
    {
        let kind = kinds[n / 3 % kinds.len()];
        let article = corpus.get(&focus.article).expect("article");
        let text = edit(&article.text, focus, kind, &mut rng);
        let edited = with_text(&corpus, &focus.article, text);
        let found = reanchor(
            &project,
            &edited,
            Some(std::slice::from_ref(&focus.article)),
        );
        let a = edited.get(&focus.article).expect("article");
        for (id, placement) in &found.passages {
            let p = &project.passages[id];
            let counts = rates.entry(kind).or_default();
            match placement {
                Placement::Exact => counts.exact += 1,
                Placement::Moved { .. } => counts.moved += 1,
                Placement::Fuzzy { .. } => counts.fuzzy += 1,
                Placement::Orphan => counts.orphaned += 1,
            }
            let landed = placement.range((p.start, p.end)).map(|(s, e)| {
                a.slice(s, e)
                    .expect("range inside the text, on char boundaries")
            });
            if a.text.contains(&p.quote) {
                assert_eq!(
                    landed,
                    Some(p.quote.as_str()),
                    "{kind:?}: passage {} with its quote intact",
                    id.0
                );
            }
            if let (Some(text), Placement::Fuzzy { .. }) = (landed, placement) {
                let d = distance(&p.quote, text);
                assert!(
                    d <= max_edits(p.quote.chars().count()),
                    "{kind:?}: passage {} landed {d} edits away",
                    id.0
                );
            }
        }
    }
    for (kind, c) in &rates {
        eprintln!(
            "{kind:?}: exact {} moved {} fuzzy {} orphaned {}",
            c.exact, c.moved, c.fuzzy, c.orphaned
        );
    }
    let rewrite = rates[&Kind::Rewrite];
    assert_eq!(
        rewrite.exact + rewrite.moved + rewrite.fuzzy,
        0,
        "a rewritten article keeps no passage"
    );
    let reflow = rates[&Kind::Reflow];
    assert_eq!(reflow.orphaned, 0, "reflowed lines lose nothing");
    let change = rates[&Kind::ChangeWord];
    assert!(change.fuzzy > 0, "a changed word is found fuzzily");
}

#[test]
fn re_anchoring_is_one_undoable_edit_and_orphans_are_kept() {
    let corpus = common::load_seeds();
    let mut project = tagged(&corpus);
    let before = project.clone();
    let target = corpus.articles()[3].id.clone();
    let text = format!(
        "Breaking update.\n\n{}",
        corpus
            .get(&target)
            .expect("article")
            .text
            .replace("helicopters", "choppers")
    );
    let edited = with_text(&corpus, &target, text);
    let found = reanchor(&project, &edited, None);
    let counts = found.passage_counts();
    assert!(counts.moved > 10 && counts.fuzzy >= 1, "{counts:?}");
    let edit =
        dossier::project::reanchor::edit(&project, &edited, &found).expect("something moved");
    let mut history = History::saved();
    history.apply(&mut project, edit).expect("applies");
    assert!(
        dossier::project::check_passages(&project, &edited).is_empty(),
        "every moved passage fits"
    );
    history.undo(&mut project).expect("undo");
    assert_eq!(project, before);
    // A rewrite orphans, and the orphans keep their old place and quote.
    let rewritten = with_text(&corpus, &target, "Nothing left of the old text.".into());
    let found = reanchor(&project, &rewritten, None);
    let orphans: Vec<PassageId> = found.orphaned_passages().collect();
    assert!(!orphans.is_empty());
    assert!(dossier::project::reanchor::edit(&project, &rewritten, &found).is_none_or(|e| match e {
        dossier::project::Edit::Batch { edits, .. } => edits.iter().all(|e| !matches!(e, dossier::project::Edit::UpdatePassage(p) if orphans.contains(&p.id))),
        _ => false,
    }));
}
