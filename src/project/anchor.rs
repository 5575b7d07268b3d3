//! Finding passages (and curated figures) again when an article's text has changed, the way
//! Hypothesis does: the stored offsets if the text there is still the quote; else an exact
//! search for the quote, choosing by context and then nearness; else a fuzzy search allowing up
//! to a quarter of the quote's length in edits, scored by quote similarity, then context, then
//! nearness. What cannot be placed is an orphan; nothing is moved silently.

use std::collections::HashMap;

use crate::corpus::Article;

/// Where a stored quote was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// At its stored offsets.
    Exact,
    /// The same quote, elsewhere.
    Moved { start: usize, end: usize },
    /// Text within the edit threshold of the quote.
    Fuzzy {
        start: usize,
        end: usize,
        distance: usize,
    },
    /// Nowhere close enough.
    Orphan,
}

impl Placement {
    /// The new range, when there is one.
    pub fn range(self, old: (usize, usize)) -> Option<(usize, usize)> {
        match self {
            Placement::Exact => Some(old),
            Placement::Moved { start, end } | Placement::Fuzzy { start, end, .. } => {
                Some((start, end))
            }
            Placement::Orphan => None,
        }
    }
}

/// A stored quote to place.
#[derive(Clone, Copy, Debug)]
pub struct Target<'a> {
    pub start: usize,
    pub end: usize,
    pub quote: &'a str,
    pub prefix: &'a str,
    pub suffix: &'a str,
}

/// The largest number of edits a fuzzy match may have: a quarter of the quote's length.
pub fn max_edits(quote_chars: usize) -> usize {
    quote_chars / 4
}

/// An article's text as code points, built once and used for all its quotes, with indexes
/// built the first time they are needed.
pub struct Haystack<'a> {
    article: &'a Article,
    chars: Vec<char>,
    /// The text with every run of white space as one space, and where each of its characters
    /// came from.
    squeezed: std::cell::OnceCell<(String, Vec<usize>)>,
    /// Positions of every 3-gram (white space folded).
    grams: std::cell::OnceCell<HashMap<[char; 3], Vec<usize>>>,
}

impl<'a> Haystack<'a> {
    pub fn new(article: &'a Article) -> Self {
        Self {
            article,
            chars: article.text.chars().collect(),
            squeezed: std::cell::OnceCell::new(),
            grams: std::cell::OnceCell::new(),
        }
    }

    fn squeezed(&self) -> &(String, Vec<usize>) {
        self.squeezed.get_or_init(|| {
            let mut text = String::with_capacity(self.article.text.len());
            let mut map = Vec::with_capacity(self.chars.len());
            let mut last_space = false;
            for (i, c) in self.chars.iter().enumerate() {
                if c.is_whitespace() {
                    if !last_space {
                        text.push(' ');
                        map.push(i);
                    }
                    last_space = true;
                } else {
                    text.push(*c);
                    map.push(i);
                    last_space = false;
                }
            }
            (text, map)
        })
    }

    fn grams(&self) -> &HashMap<[char; 3], Vec<usize>> {
        self.grams.get_or_init(|| {
            let mut grams: HashMap<[char; 3], Vec<usize>> = HashMap::new();
            for p in 0..self.chars.len().saturating_sub(2) {
                let g = [
                    fold(self.chars[p]),
                    fold(self.chars[p + 1]),
                    fold(self.chars[p + 2]),
                ];
                grams.entry(g).or_default().push(p);
            }
            grams
        })
    }

    /// The quote with white space squeezed, found in the squeezed text (reflowed lines): the
    /// occurrence nearest the old place. (start, end) in the original text.
    fn squeezed_match(&self, t: &Target) -> Option<(usize, usize)> {
        let mut quote = String::with_capacity(t.quote.len());
        let mut last_space = false;
        for c in t.quote.chars() {
            if c.is_whitespace() {
                if !last_space {
                    quote.push(' ');
                }
                last_space = true;
            } else {
                quote.push(c);
                last_space = false;
            }
        }
        let quote = quote.trim();
        if quote.is_empty() {
            return None;
        }
        let (text, map) = self.squeezed();
        let n = quote.chars().count();
        let mut best: Option<(usize, (usize, usize))> = None;
        for (byte, _) in text.match_indices(quote) {
            let first = text[..byte].chars().count();
            let (Some(&start), Some(&last)) = (map.get(first), map.get(first + n - 1)) else {
                continue;
            };
            let near = start.abs_diff(t.start);
            if best.is_none_or(|(b, _)| near < b) {
                best = Some((near, (start, last + 1)));
            }
        }
        best.map(|(_, r)| r)
    }

    /// Place one quote.
    pub fn locate(&self, t: &Target) -> Placement {
        if self.article.slice(t.start, t.end) == Some(t.quote) && t.start < t.end {
            return Placement::Exact;
        }
        let quote: Vec<char> = t.quote.chars().collect();
        if quote.is_empty() {
            return Placement::Orphan;
        }
        if let Some((start, end)) = self.exact(t, &quote) {
            return if (start, end) == (t.start, t.end) {
                Placement::Exact
            } else {
                Placement::Moved { start, end }
            };
        }
        if let Some((start, end)) = self.squeezed_match(t) {
            return Placement::Fuzzy {
                start,
                end,
                distance: 0,
            };
        }
        match self.fuzzy(t, &quote) {
            Some((start, end, distance)) => Placement::Fuzzy {
                start,
                end,
                distance,
            },
            None => Placement::Orphan,
        }
    }

    /// Every exact occurrence of the quote; the best by context, then nearness.
    fn exact(&self, t: &Target, quote: &[char]) -> Option<(usize, usize)> {
        let text = &self.article.text;
        let mut best: Option<(usize, usize, usize)> = None; // (context score, -distance, start)
        let mut best_key = (0usize, usize::MAX);
        for (byte, _) in text.match_indices(t.quote) {
            let Some(start) = self.article.char_of(byte) else {
                continue;
            };
            let end = start + quote.len();
            let context = self.context_score(start, end, t);
            let near = start.abs_diff(t.start);
            let better = match best {
                None => true,
                Some(_) => context > best_key.0 || (context == best_key.0 && near < best_key.1),
            };
            if better {
                best = Some((context, near, start));
                best_key = (context, near);
            }
        }
        best.map(|(_, _, start)| (start, start + quote.len()))
    }

    /// How many characters of the stored prefix and suffix agree with the text around a place.
    fn context_score(&self, start: usize, end: usize, t: &Target) -> usize {
        let before = t
            .prefix
            .chars()
            .rev()
            .zip(self.chars[..start.min(self.chars.len())].iter().rev())
            .take_while(|(a, b)| same(*a, **b))
            .count();
        let after = t
            .suffix
            .chars()
            .zip(self.chars.get(end..).unwrap_or_default())
            .take_while(|(a, b)| same(*a, **b))
            .count();
        before + after
    }

    /// The best approximate match within the threshold: (start, end, edits).
    fn fuzzy(&self, t: &Target, quote: &[char]) -> Option<(usize, usize, usize)> {
        let m = quote.len();
        let k = max_edits(m);
        if k == 0 || self.chars.is_empty() {
            return None;
        }
        let mut candidates = self.candidates(quote, k);
        candidates.push(t.start as isize);
        candidates.sort_unstable();
        candidates.dedup();
        // (edits, better context first, distance from the old place) → (start, end, edits)
        type Ranked = (
            (usize, std::cmp::Reverse<usize>, usize),
            (usize, usize, usize),
        );
        let mut best: Option<Ranked> = None;
        for diagonal in candidates {
            let from = (diagonal - k as isize).max(0) as usize;
            let to = ((diagonal + (m + k) as isize).max(0) as usize).min(self.chars.len());
            if from >= to {
                continue;
            }
            let Some((s, e, d)) = semi_global(quote, &self.chars[from..to]) else {
                continue;
            };
            if d > k {
                continue;
            }
            let (start, end) = (from + s, from + e);
            if start >= end {
                continue;
            }
            let key = (
                d,
                std::cmp::Reverse(self.context_score(start, end, t)),
                start.abs_diff(t.start),
            );
            if best.as_ref().is_none_or(|(b, _)| key < *b) {
                best = Some((key, (start, end, d)));
            }
        }
        best.map(|(_, found)| found)
    }

    /// Likely start positions of the quote: diagonals where many of its 3-grams line up.
    fn candidates(&self, quote: &[char], k: usize) -> Vec<isize> {
        const Q: usize = 3;
        let m = quote.len();
        if m < Q {
            return Vec::new();
        }
        let index = self.grams();
        let mut votes: HashMap<isize, u32> = HashMap::new();
        for j in 0..=m - Q {
            let g = [fold(quote[j]), fold(quote[j + 1]), fold(quote[j + 2])];
            for p in index.get(&g).map(Vec::as_slice).unwrap_or_default() {
                // Bucket diagonals so that insertions and deletions still vote together.
                let d = (*p as isize - j as isize).div_euclid((k as isize).max(1));
                *votes.entry(d).or_insert(0) += 1;
            }
        }
        // q-gram lemma: a match with k edits shares at least m + 1 - q(k + 1) q-grams.
        let needed = (m + 1).saturating_sub(Q * (k + 1)).max(1) as u32;
        let mut ranked: Vec<(u32, isize)> = votes.into_iter().map(|(d, v)| (v, d)).collect();
        ranked.sort_unstable_by(|a, b| b.cmp(a));
        let bucket = (k as isize).max(1);
        ranked
            .into_iter()
            .filter(|(v, _)| *v >= needed / 2)
            .take(8)
            .flat_map(|(_, d)| [d * bucket, d * bucket + bucket])
            .collect()
    }
}

/// Characters that count as the same: equal, or both white space (reflowed lines).
fn same(a: char, b: char) -> bool {
    a == b || (a.is_whitespace() && b.is_whitespace())
}

fn fold(c: char) -> char {
    if c.is_whitespace() { ' ' } else { c }
}

/// Sellers' algorithm: the substring of `text` with the fewest edits from `pattern` (free start
/// and end in `text`). Returns (start, end, edits), preferring fewer edits, then a longer match.
pub fn semi_global(pattern: &[char], text: &[char]) -> Option<(usize, usize, usize)> {
    let (m, n) = (pattern.len(), text.len());
    if m == 0 || n == 0 {
        return None;
    }
    // cost[j], start[j] for the previous and current pattern rows.
    let mut prev: Vec<usize> = vec![0; n + 1];
    let mut prev_start: Vec<usize> = (0..=n).collect();
    let mut cur = vec![0; n + 1];
    let mut cur_start = vec![0; n + 1];
    for i in 1..=m {
        cur[0] = i;
        cur_start[0] = 0;
        for j in 1..=n {
            let sub = prev[j - 1] + usize::from(!same(pattern[i - 1], text[j - 1]));
            let del = prev[j] + 1; // pattern char not in text
            let ins = cur[j - 1] + 1; // text char not in pattern
            let (c, s) = if sub <= del && sub <= ins {
                (sub, prev_start[j - 1])
            } else if del <= ins {
                (del, prev_start[j])
            } else {
                (ins, cur_start[j - 1])
            };
            cur[j] = c;
            cur_start[j] = s;
        }
        std::mem::swap(&mut prev, &mut cur);
        std::mem::swap(&mut prev_start, &mut cur_start);
    }
    (1..=n)
        .map(|j| (prev[j], prev_start[j], j))
        .min_by_key(|(c, s, j)| (*c, std::cmp::Reverse(j - s)))
        .map(|(c, s, j)| (s, j, c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{ArticleId, decode};

    fn article(text: &str) -> Article {
        Article::new(
            ArticleId("a".into()),
            "a".into(),
            decode(text.as_bytes()).expect("text"),
        )
    }

    fn place(text: &str, t: Target) -> Placement {
        let a = article(text);
        Haystack::new(&a).locate(&t)
    }

    #[test]
    fn semi_global_finds_the_closest_substring() {
        let p: Vec<char> = "helicopters".chars().collect();
        let t: Vec<char> = "we bought helicoptres yesterday".chars().collect();
        let (s, e, d) = semi_global(&p, &t).expect("match");
        assert_eq!(t[s..e].iter().collect::<String>(), "helicoptres");
        assert_eq!(d, 2);
    }

    #[test]
    fn exact_then_moved_then_fuzzy_then_orphan() {
        let t = Target {
            start: 4,
            end: 15,
            quote: "helicopters",
            prefix: "buy ",
            suffix: " now",
        };
        assert_eq!(place("buy helicopters now", t), Placement::Exact);
        assert_eq!(
            place("We buy helicopters now", t),
            Placement::Moved { start: 7, end: 18 }
        );
        assert!(matches!(
            place("We buy helicoptres now", t),
            Placement::Fuzzy {
                start: 7,
                end: 18,
                distance: 2
            }
        ));
        assert_eq!(
            place("Nothing like it at all in this text", t),
            Placement::Orphan
        );
    }

    #[test]
    fn context_chooses_between_repeats() {
        let t = Target {
            start: 20,
            end: 24,
            quote: "coca",
            prefix: "eradicated ",
            suffix: " crops",
        };
        let text = "coca leaf; they eradicated coca crops; more coca";
        assert_eq!(place(text, t), Placement::Moved { start: 27, end: 31 });
    }

    #[test]
    fn reflowed_lines_are_close_matches() {
        let quote = "the Peruvian government made a\n$406 million deal";
        let t = Target {
            start: 0,
            end: quote.chars().count(),
            quote,
            prefix: "",
            suffix: "",
        };
        match place("xx the Peruvian government made a $406 million deal yy", t) {
            Placement::Fuzzy {
                start,
                end,
                distance,
            } => {
                assert_eq!((start, end, distance), (3, 51, 0));
            }
            other => panic!("{other:?}"),
        }
    }
}
