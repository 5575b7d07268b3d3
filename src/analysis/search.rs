//! Searching the corpus for plain text or a regular expression, with case and whole-word
//! options, within the whole corpus, one article, or the passages of one theme. Offsets of hits
//! are code points, like every offset in Dossier.

use regex::Regex;

use crate::corpus::{Article, ArticleId, Corpus};
pub use crate::project::rules::{Query, SearchError};

/// Where to search.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Scope {
    #[default]
    Corpus,
    Article(ArticleId),
    /// Only inside these ranges (code points), e.g. the passages of one theme.
    Ranges(Vec<(ArticleId, usize, usize)>),
}

/// One match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub article: ArticleId,
    /// Code point offsets.
    pub start: usize,
    pub end: usize,
}

/// All matches, in article and text order, the first `limit` of them kept.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchResult {
    /// At most `limit` hits.
    pub hits: Vec<Hit>,
    /// (article, number of hits kept), in article order, only articles with hits kept: the
    /// counts add up to `hits.len()`.
    pub per_article: Vec<(ArticleId, usize)>,
    /// More hits exist than `limit` allowed: `hits` is cut, `total` is not.
    pub truncated: bool,
    /// How many hits there are in all.
    pub total: usize,
}

/// How many hits the window keeps; the rest are counted, not kept.
pub const WINDOW_LIMIT: usize = 100_000;

/// Search `corpus` with `regex` in `scope`, keeping at most `limit` hits and counting them all.
/// Code point offsets are computed only for the hits kept.
pub fn search(corpus: &Corpus, regex: &Regex, scope: &Scope, limit: usize) -> SearchResult {
    let mut result = SearchResult::default();
    for article in corpus.articles() {
        let ranges: Vec<(usize, usize)> = match scope {
            Scope::Corpus => vec![(0, article.text.len())],
            Scope::Article(id) if *id == article.id => vec![(0, article.text.len())],
            Scope::Article(_) => continue,
            Scope::Ranges(list) => list
                .iter()
                .filter(|(a, _, _)| *a == article.id)
                .filter_map(|(_, s, e)| Some((article.byte_of(*s)?, article.byte_of(*e)?)))
                .collect(),
        };
        let (mut n, mut kept) = (0, 0);
        // Merged ranges are disjoint and sorted, and matches within one do not overlap.
        for (a, b) in merged(ranges) {
            let Some(part) = article.text.get(a..b) else {
                continue;
            };
            for m in regex.find_iter(part) {
                if m.start() == m.end() {
                    continue; // an empty match is not a hit
                }
                n += 1;
                if result.hits.len() >= limit {
                    result.truncated = true;
                    continue;
                }
                let (Some(s), Some(e)) =
                    (article.char_of(a + m.start()), article.char_of(a + m.end()))
                else {
                    continue;
                };
                result.hits.push(Hit {
                    article: article.id.clone(),
                    start: s,
                    end: e,
                });
                kept += 1;
            }
        }
        if kept > 0 {
            result.per_article.push((article.id.clone(), kept));
        }
        result.total += n;
    }
    result
}

/// One match in a text, in bytes and in code points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextHit {
    pub byte_start: usize,
    pub byte_end: usize,
    /// Code point offsets.
    pub start: usize,
    pub end: usize,
}

/// Every non-empty match of `regex` in `text`, in order. Code points are counted from one hit
/// to the next as the matches come, so no index of the text is built and a text without hits
/// costs only the search.
pub fn hits_in_text<'t>(text: &'t str, regex: &'t Regex) -> impl Iterator<Item = TextHit> + 't {
    let (mut byte, mut char) = (0, 0);
    regex
        .find_iter(text)
        .filter(|m| m.start() < m.end())
        .map(move |m| {
            let start = char + text.get(byte..m.start()).map_or(0, |s| s.chars().count());
            let end = start + m.as_str().chars().count();
            (byte, char) = (m.end(), end);
            TextHit {
                byte_start: m.start(),
                byte_end: m.end(),
                start,
                end,
            }
        })
}

/// Sort and merge overlapping byte ranges.
fn merged(mut ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    ranges.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (a, b) in ranges {
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

/// Keyword in context: up to `width` code points on each side of a hit, on one line.
pub fn context(
    article: &Article,
    start: usize,
    end: usize,
    width: usize,
) -> (String, String, String) {
    match (article.byte_of(start), article.byte_of(end)) {
        (Some(a), Some(b)) if a <= b => context_bytes(&article.text, a, b, width),
        _ => Default::default(),
    }
}

/// [`context`] for a hit given by byte offsets on char boundaries of `text`.
pub fn context_bytes(text: &str, a: usize, b: usize, width: usize) -> (String, String, String) {
    let before = text.get(..a).unwrap_or("");
    let left_start = before
        .char_indices()
        .rev()
        .take(width)
        .last()
        .map_or(a, |(i, _)| i);
    let left = before.get(left_start..).unwrap_or("");
    let hit = text.get(a..b).unwrap_or("");
    let after = text.get(b..).unwrap_or("");
    let right_end = after
        .char_indices()
        .nth(width)
        .map_or(after.len(), |(i, _)| i);
    let right = after.get(..right_end).unwrap_or("");
    let left_space = left.ends_with(char::is_whitespace);
    let right_space = right.starts_with(char::is_whitespace);
    let mut l = flat(left);
    if left_space && !l.is_empty() {
        l.push(' ');
    }
    let mut r = flat(right);
    if right_space && !r.is_empty() {
        r.insert(0, ' ');
    }
    (l, flat(hit), r)
}

/// `s` on one line: runs of white space become one space, none at either end. Copies runs of
/// other text whole; only bytes past ASCII are decoded to ask whether they are white space.
fn flat(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let (mut run, mut space) = (0, false);
    let flush = |out: &mut String, run: usize, end: usize, space: &mut bool| {
        if let Some(word) = s.get(run..end).filter(|w| !w.is_empty()) {
            if *space && !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
            *space = false;
        }
    };
    let mut i = 0;
    while let Some(&b) = s.as_bytes().get(i) {
        let (white, len) = if b < 0x80 {
            (b.is_ascii_whitespace() || b == 0x0B, 1)
        } else {
            let c = s.get(i..).and_then(|t| t.chars().next()).unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        if white {
            flush(&mut out, run, i, &mut space);
            space = true;
            run = i + len;
        }
        i += len;
    }
    flush(&mut out, run, s.len(), &mut space);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::decode;
    use std::path::PathBuf;

    fn corpus(texts: &[(&str, &str)]) -> Corpus {
        Corpus::new(
            PathBuf::from("/c"),
            texts
                .iter()
                .map(|(id, t)| {
                    Article::new(
                        ArticleId((*id).into()),
                        PathBuf::from(id),
                        decode(t.as_bytes()).expect("text"),
                    )
                })
                .collect(),
        )
    }

    fn spans(c: &Corpus, q: &Query) -> Vec<(String, usize, usize)> {
        let re = q.compile().expect("compiles");
        search(c, &re, &Scope::Corpus, 1000)
            .hits
            .into_iter()
            .map(|h| (h.article.0, h.start, h.end))
            .collect()
    }

    #[test]
    fn plain_text_is_literal_and_case_insensitive_by_default() {
        let c = corpus(&[
            ("a", "Helicopters (and a helicopter) cost $406 million."),
            ("b", "No match."),
        ]);
        assert_eq!(
            spans(&c, &Query::plain("helicopter")),
            vec![("a".into(), 0, 10), ("a".into(), 19, 29)]
        );
        assert_eq!(
            spans(&c, &Query::plain("$406")),
            vec![("a".into(), 36, 40)],
            "$ is literal"
        );
        let q = Query {
            case_sensitive: true,
            ..Query::plain("Helicopter")
        };
        assert_eq!(spans(&c, &q).len(), 1);
    }

    #[test]
    fn whole_words_only() {
        let c = corpus(&[("a", "arms, armed, firearms and ARMS")]);
        let q = Query {
            whole_word: true,
            ..Query::plain("arms")
        };
        assert_eq!(
            spans(&c, &q),
            vec![("a".into(), 0, 4), ("a".into(), 26, 30)]
        );
    }

    #[test]
    fn regex_and_code_point_offsets_on_multibyte_text() {
        let c = corpus(&[("a", "Perú — 35.000 hectáreas; Bolivia — 23.000 hectáreas")]);
        let q = Query {
            regex: true,
            ..Query::plain(r"\d+\.\d+ hect\w+")
        };
        let hits = spans(&c, &q);
        assert_eq!(hits, vec![("a".into(), 7, 23), ("a".into(), 35, 51)]);
        let text: Vec<char> = "Perú — 35.000 hectáreas; Bolivia — 23.000 hectáreas"
            .chars()
            .collect();
        assert_eq!(text[7..23].iter().collect::<String>(), "35.000 hectáreas");
    }

    #[test]
    fn an_invalid_regex_is_an_error_not_a_panic() {
        let q = Query {
            regex: true,
            ..Query::plain("(unclosed")
        };
        match q.compile() {
            Err(SearchError::BadRegex(m)) => assert!(m.contains("unclosed"), "{m}"),
            other => panic!("{other:?}"),
        }
        assert_eq!(Query::plain("").compile().err(), Some(SearchError::Empty));
        // Not a regex when the option is off: the same text is searched literally.
        assert!(Query::plain("(unclosed").compile().is_ok());
    }

    #[test]
    fn scopes_limit_where_hits_come_from() {
        let c = corpus(&[("a", "coca coca"), ("b", "coca")]);
        let re = Query::plain("coca").compile().expect("compiles");
        assert_eq!(
            search(&c, &re, &Scope::Article(ArticleId("b".into())), 10)
                .hits
                .len(),
            1
        );
        let ranges = Scope::Ranges(vec![(ArticleId("a".into()), 3, 9)]);
        let r = search(&c, &re, &ranges, 10);
        assert_eq!(
            r.hits,
            vec![Hit {
                article: ArticleId("a".into()),
                start: 5,
                end: 9
            }]
        );
        let limited = search(&c, &re, &Scope::Corpus, 2);
        assert_eq!(limited.hits.len(), 2);
        assert!(limited.truncated);
        assert_eq!(limited.total, 3, "the true count, past the limit");
        assert_eq!(limited.per_article, vec![(ArticleId("a".into()), 2)]);
        assert_eq!(
            search(&c, &re, &Scope::Corpus, 10).per_article,
            vec![(ArticleId("a".into()), 2), (ArticleId("b".into()), 1)]
        );
    }

    #[test]
    fn hits_in_text_count_code_points_as_they_go() {
        let text = "Perú — 35.000 hectáreas; Bolivia — 23.000 hectáreas 🌿 hectáreas";
        let re = Query::plain("hectáreas").compile().expect("compiles");
        let hits: Vec<(usize, usize)> = hits_in_text(text, &re).map(|h| (h.start, h.end)).collect();
        let c = corpus(&[("a", text)]);
        let expected: Vec<(usize, usize)> = search(&c, &re, &Scope::Corpus, 100)
            .hits
            .iter()
            .map(|h| (h.start, h.end))
            .collect();
        assert_eq!(hits, expected);
        assert_eq!(hits.len(), 3);
        let h = hits_in_text(text, &re).nth(2).expect("third");
        assert_eq!(&text[h.byte_start..h.byte_end], "hectáreas");
        assert_eq!(
            context_bytes(text, h.byte_start, h.byte_end, 3),
            ("🌿 ".into(), "hectáreas".into(), String::new())
        );
    }

    #[test]
    fn flat_matches_split_whitespace() {
        for s in [
            "",
            "  ",
            "a",
            " a  b\tc\n\nd ",
            "Perú\u{A0}—\u{2028}año\u{B}x\u{85}y",
            "🌿 🌿",
        ] {
            assert_eq!(
                flat(s),
                s.split_whitespace().collect::<Vec<_>>().join(" "),
                "{s:?}"
            );
        }
    }

    #[test]
    fn context_is_one_line_with_the_hit_apart() {
        let c = corpus(&[("a", "before\nthe\n\nhit\nafter it")]);
        let a = &c.articles()[0];
        assert_eq!(
            context(a, 12, 15, 6),
            ("the ".into(), "hit".into(), " after".into())
        );
    }
}
