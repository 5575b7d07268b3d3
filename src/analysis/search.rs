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

/// All matches, in article and text order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchResult {
    pub hits: Vec<Hit>,
    /// (article, number of hits), in article order, only articles with hits.
    pub per_article: Vec<(ArticleId, usize)>,
    /// More hits exist than `limit` allowed.
    pub truncated: bool,
}

/// Search `corpus` with `regex` in `scope`, keeping at most `limit` hits.
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
        let before = result.hits.len();
        let mut last_end = 0;
        for (a, b) in merged(ranges) {
            for m in regex.find_iter(&article.text[a..b]) {
                if m.start() == m.end() {
                    continue; // an empty match is not a hit
                }
                if result.hits.len() >= limit {
                    result.truncated = true;
                    break;
                }
                let (Some(s), Some(e)) =
                    (article.char_of(a + m.start()), article.char_of(a + m.end()))
                else {
                    continue;
                };
                if s < last_end {
                    continue;
                }
                last_end = e;
                result.hits.push(Hit {
                    article: article.id.clone(),
                    start: s,
                    end: e,
                });
            }
        }
        let n = result.hits.len() - before;
        if n > 0 {
            result.per_article.push((article.id.clone(), n));
        }
        if result.truncated {
            break;
        }
    }
    result
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
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let left = article
        .slice(start.saturating_sub(width), start)
        .unwrap_or("");
    let hit = article.slice(start, end).unwrap_or("");
    let right = article
        .slice(end, (end + width).min(article.char_len()))
        .unwrap_or("");
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
        assert_eq!(
            search(&c, &re, &Scope::Corpus, 10).per_article,
            vec![(ArticleId("a".into()), 2), (ArticleId("b".into()), 1)]
        );
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
