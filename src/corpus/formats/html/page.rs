//! What a saved page states about its article: Open Graph and other meta tags, JSON-LD
//! (`NewsArticle` and kin), `<time>`, `<h1>`, `<title>` and `<html lang>`, each kept with the
//! tag it came from.

use dom_query::Document;
use serde_json::Value;

use super::super::{SourceMeta, Stated};

/// The page's metadata.
pub fn page_meta(doc: &Document) -> SourceMeta {
    let ld = json_ld(doc);
    let meta = |sel: &str| meta_content(doc, sel);
    SourceMeta {
        title: first([
            (
                ld.as_ref().and_then(|l| string(l.get("headline"))),
                "JSON-LD headline",
            ),
            (meta("meta[property='og:title']"), "meta og:title"),
            (meta("meta[name='twitter:title']"), "meta twitter:title"),
            (h1(doc), "HTML <h1>"),
            (
                doc.try_select("title").map(|t| t.text().to_string()),
                "HTML <title>",
            ),
        ]),
        date: page_date(doc, ld.as_ref()),
        author: first([
            (
                ld.as_ref().and_then(|l| names(l.get("author"))),
                "JSON-LD author",
            ),
            (
                meta("meta[name='author']").filter(|a| !a.starts_with("http")),
                "meta author",
            ),
            (
                meta("meta[property='article:author']").filter(|a| !a.starts_with("http")),
                "meta article:author",
            ),
        ]),
        site: first([
            (meta("meta[property='og:site_name']"), "meta og:site_name"),
            (
                ld.as_ref().and_then(|l| names(l.get("publisher"))),
                "JSON-LD publisher",
            ),
            (
                meta("meta[name='application-name']"),
                "meta application-name",
            ),
        ]),
        language: first([
            (
                doc.try_select("html")
                    .and_then(|h| h.attr("lang"))
                    .map(|l| l.to_string()),
                "HTML lang",
            ),
            (
                meta("meta[http-equiv='content-language']"),
                "meta content-language",
            ),
            (
                ld.as_ref().and_then(|l| string(l.get("inLanguage"))),
                "JSON-LD inLanguage",
            ),
        ]),
    }
}

/// The page's publication date, from the first source that states one.
fn page_date(doc: &Document, ld: Option<&Value>) -> Option<Stated> {
    let meta = |sel: &str| meta_content(doc, sel);
    first([
        (
            meta("meta[property='article:published_time']"),
            "meta article:published_time",
        ),
        (
            ld.and_then(|l| string(l.get("datePublished"))),
            "JSON-LD datePublished",
        ),
        (
            meta("meta[itemprop='datePublished']"),
            "meta itemprop datePublished",
        ),
        (
            meta(
                "meta[name='pubdate'], meta[name='publishdate'], meta[name='date'], meta[name='DC.date.issued'], meta[name='dc.date'], meta[name='sailthru.date'], meta[name='parsely-pub-date']",
            ),
            "meta date",
        ),
        (
            doc.try_select("time[datetime]")
                .and_then(|t| t.attr("datetime"))
                .map(|d| d.to_string()),
            "HTML <time>",
        ),
        (
            meta(
                "meta[name='article:published_time'], meta[property='og:published_time'], meta[name='dcterms.date'], meta[name='DC.Date'], meta[name='publication_date'], meta[name='pub_date'], meta[name='publish-date'], meta[name='article.published'], meta[name='datePublished'], meta[property='article:modified_time']",
            ),
            "meta date",
        ),
        (
            ld.and_then(|l| string(l.get("dateCreated"))),
            "JSON-LD dateCreated",
        ),
        (visible_date(doc), "HTML date element"),
        (url_date(doc), "page URL"),
    ])
}

/// The first non-empty `content` of the elements `sel` selects.
fn meta_content(doc: &Document, sel: &str) -> Option<String> {
    doc.try_select(sel)?
        .iter()
        .filter_map(|n| n.attr("content"))
        .map(|c| c.trim().to_owned())
        .find(|c| !c.is_empty())
}

/// The text of the first element whose class, id or itemprop names a publication date
/// ("date", "time", "published", "dateline"), when it reads as a full date.
fn visible_date(doc: &Document) -> Option<String> {
    let found = doc.try_select(
        "[itemprop='datePublished'], time, [class*='date'], [class*='Date'], [class*='time'], [class*='publish'], [id*='date'], [class*='meta'], [class*='byline'], [class*='stamp'], [class*='info'], article header, [class*='author']",
    )?;
    found.iter().take(200).find_map(|n| {
        let text = n.text();
        let text = text.trim();
        (text.len() < 200)
            .then(|| crate::corpus::meta::date::find_in_words(text))
            .flatten()
            .filter(|(d, _)| d.is_complete())
            .map(|(d, _)| d.to_string())
    })
}

/// A date in the page's own address (`…/2019/06/17/…`, `…/2019-06-17-…`), from its canonical
/// link or `og:url`.
fn url_date(doc: &Document) -> Option<String> {
    let url = doc
        .try_select("link[rel='canonical']")
        .and_then(|l| l.attr("href"))
        .or_else(|| {
            doc.try_select("meta[property='og:url']")
                .and_then(|m| m.attr("content"))
        })?;
    let parts: Vec<&str> = url.split(['/', '-', '_']).collect();
    parts.windows(3).find_map(|w| {
        let y = w[0].parse::<i32>().ok()?;
        let m = w[1].parse::<u8>().ok()?;
        let d = w[2].get(..2)?.parse::<u8>().ok()?;
        let plausible =
            (1990..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d);
        (plausible && w[1].len() == 2).then(|| format!("{y:04}-{m:02}-{d:02}"))
    })
}

fn first<const N: usize>(candidates: [(Option<String>, &'static str); N]) -> Option<Stated> {
    candidates
        .into_iter()
        .find_map(|(v, source)| v.and_then(|v| Stated::new(v, source)))
}

/// The first `<h1>` with text, inside `<article>` or `<main>` when there is one.
fn h1(doc: &Document) -> Option<String> {
    for sel in ["article h1", "main h1", "h1"] {
        if let Some(found) = doc
            .try_select(sel)?
            .iter()
            .map(|n| n.text().split_whitespace().collect::<Vec<_>>().join(" "))
            .find(|t| t.split_whitespace().count() >= 2)
        {
            return Some(found);
        }
    }
    None
}

/// The JSON-LD object that describes the article (an `Article`, `NewsArticle`,
/// `BlogPosting`, … or failing that a `WebPage`), looking into `@graph` lists.
fn json_ld(doc: &Document) -> Option<Value> {
    let scripts = doc.try_select("script[type='application/ld+json']")?;
    let mut page = None;
    for script in scripts.iter() {
        let text = script.text();
        let Ok(value) = serde_json::from_str::<Value>(text.trim()) else {
            continue;
        };
        let mut queue = vec![value];
        let mut seen = 0;
        while let Some(v) = queue.pop() {
            seen += 1;
            if seen > 1_000 {
                break;
            }
            match v {
                Value::Array(items) => queue.extend(items),
                Value::Object(ref map) => {
                    let kinds: Vec<String> = match map.get("@type") {
                        Some(Value::String(s)) => vec![s.clone()],
                        Some(Value::Array(a)) => a
                            .iter()
                            .filter_map(|x| x.as_str().map(str::to_owned))
                            .collect(),
                        _ => Vec::new(),
                    };
                    if kinds
                        .iter()
                        .any(|k| k.ends_with("Article") || k == "BlogPosting" || k == "Report")
                    {
                        return Some(v);
                    }
                    if kinds.iter().any(|k| k == "WebPage") && page.is_none() {
                        page = Some(v.clone());
                    }
                    if let Some(graph) = map.get("@graph") {
                        queue.push(graph.clone());
                    }
                }
                _ => {}
            }
        }
    }
    page
}

fn string(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Array(a) => a.iter().find_map(|x| string(Some(x))),
        _ => None,
    }
}

/// Names of a person or organisation value: `"A"`, `{"name": "A"}`, or a list of them.
fn names(v: Option<&Value>) -> Option<String> {
    let v = v?;
    let list: Vec<String> = match v {
        Value::String(s) => vec![s.clone()],
        Value::Object(o) => o
            .get("name")
            .and_then(|n| string(Some(n)))
            .into_iter()
            .collect(),
        Value::Array(a) => a.iter().filter_map(|x| names(Some(x))).collect(),
        _ => Vec::new(),
    };
    let list: Vec<String> = list
        .into_iter()
        .filter(|n| !n.trim().is_empty() && !n.starts_with("http"))
        .collect();
    (!list.is_empty()).then(|| list.join(", "))
}
