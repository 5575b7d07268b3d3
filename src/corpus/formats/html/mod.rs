//! HTML pages (`.html`, `.htm`, `.xhtml`, saved news pages): the article's main text without
//! navigation, headers, footers, related-article blocks, comments, scripts and styles, with
//! its paragraphs, the headline first, entities decoded and the declared charset honoured;
//! plus what the page states (meta tags, JSON-LD).
//!
//! The main text is chosen by `dom_smoothie` (a port of Mozilla's Readability) and rendered to
//! paragraphs here ([`render`]); docs/sources.md has the comparison that chose it.

mod page;
mod render;

use std::sync::OnceLock;

use dom_query::Document;
use regex::bytes::Regex;

use super::paragraphs::collapse;
use super::{ConvertError, Converted, Converter, Format, SourceMeta};
use crate::corpus::decode::{TextEncoding, decode, normalize_newlines};

pub struct Html;

impl Converter for Html {
    fn format(&self) -> Format {
        Format::Html
    }

    fn version(&self) -> &'static str {
        "1 (dom_smoothie 0.19)"
    }

    fn convert(&self, bytes: &[u8]) -> Result<Converted, ConvertError> {
        let (html, encoding) = decode_html(bytes)?;
        // The HTML parser takes time in the square of the nesting depth: refuse a page nested
        // deeper than any real one instead of hanging on it.
        let nesting = rough_depth(&html);
        if nesting > MAX_SOURCE_DEPTH {
            return Err(ConvertError::TooLarge(format!(
                "elements nested {nesting} deep"
            )));
        }
        let doc = Document::from(html.as_str());
        let meta = page::page_meta(&doc);
        let body = doc
            .try_select("body")
            .map(|b| collapse(&b.text()))
            .unwrap_or_default();
        if body.is_empty() {
            return Err(ConvertError::NoText("the page has no body text"));
        }
        // The readability algorithm recurses over the tree: a page nested deeper than any real
        // page is read whole (without its chrome) rather than risk the stack.
        let main = (depth(&doc) <= MAX_DEPTH)
            .then(|| main_text(&html))
            .flatten()
            .unwrap_or_else(|| render::render(&doc.root(), true));
        if main.trim().is_empty() {
            return Err(ConvertError::NoText("no article text on the page"));
        }
        let text = with_headline(main, &meta);
        Ok(Converted {
            text,
            meta,
            encoding,
        })
    }
}

/// The deepest nesting of elements in the source that is parsed at all.
const MAX_SOURCE_DEPTH: usize = 5_000;

/// How deeply the tags of `html` nest, counted on the source (elements that need no end tag
/// or that the parser closes by itself, such as `<p>` and `<li>`, are not counted).
fn rough_depth(html: &str) -> usize {
    const FLAT: [&str; 22] = [
        "p", "li", "td", "th", "tr", "dt", "dd", "option", "br", "img", "meta", "link", "input",
        "hr", "wbr", "source", "area", "base", "col", "embed", "param", "track",
    ];
    let (mut depth, mut deepest) = (0usize, 0usize);
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(off) = bytes
        .get(i..)
        .and_then(|rest| rest.iter().position(|&b| b == b'<'))
    {
        i += off + 1;
        let closing = bytes.get(i) == Some(&b'/');
        let start = i + usize::from(closing);
        let end = bytes[start.min(bytes.len())..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .map_or(bytes.len(), |n| start + n);
        let name = html
            .get(start..end)
            .unwrap_or_default()
            .to_ascii_lowercase();
        if name.is_empty() || FLAT.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// The deepest element nesting handed to the readability algorithm.
const MAX_DEPTH: usize = 400;

/// How deeply the elements of `doc` nest (counted without recursion).
fn depth(doc: &Document) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(doc.root(), 0usize)];
    while let Some((node, d)) = stack.pop() {
        deepest = deepest.max(d);
        if deepest > MAX_DEPTH {
            break;
        }
        for child in node.children_it(false) {
            if child.is_element() {
                stack.push((child, d + 1));
            }
        }
    }
    deepest
}

/// The text of a whole XHTML document (an EPUB chapter): everything in its body except
/// navigation and page chrome, and what its head states.
pub fn document_text(html: &str) -> (String, SourceMeta) {
    let doc = Document::from(html);
    let meta = page::page_meta(&doc);
    let root = doc
        .try_select("body")
        .and_then(|b| b.nodes().first().cloned())
        .unwrap_or_else(|| doc.root());
    (render::render(&root, true), meta)
}

/// The main text of a page as chosen by the readability algorithm, rendered to paragraphs.
/// `None` when the algorithm finds nothing readable.
fn main_text(html: &str) -> Option<String> {
    let config = dom_smoothie::Config {
        max_elements_to_parse: 200_000,
        // Classes stay on the chosen content so that the rendering can drop page furniture.
        keep_classes: true,
        ..dom_smoothie::Config::default()
    };
    let mut readability = dom_smoothie::Readability::new(html, None, Some(config)).ok()?;
    let article = readability.parse().ok()?;
    let fragment = Document::from(article.content.as_ref());
    let text = trim_edges(&render::render(&fragment.root(), false));
    (!text.trim().is_empty()).then_some(text)
}

/// How many paragraphs at each end of the main text are checked for page furniture.
const EDGE: usize = 6;

/// Drop the bylines, time stamps, photo credits, tag lists and button labels that the main
/// text often starts or ends with (only at its ends: a short line inside is a subheading).
fn trim_edges(text: &str) -> String {
    let paras: Vec<&str> = text.split("\n\n").collect();
    let n = paras.len();
    paras
        .iter()
        .enumerate()
        .filter(|(i, p)| !((*i < EDGE || i + EDGE >= n) && furniture_line(p)))
        .map(|(_, p)| *p)
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn furniture_line(p: &str) -> bool {
    const STARTS: [&str; 18] = [
        "updated",
        "published",
        "posted",
        "last updated",
        "photo:",
        "photo by",
        "image ",
        "getty images",
        "credit:",
        "tags",
        "topics:",
        "share",
        "advertisement",
        "read more",
        "you may also like",
        "related:",
        "follow us",
        "sign up",
    ];
    let lower = p.trim().to_lowercase();
    let words = lower.split_whitespace().count();
    let by = lower.starts_with("by ") && words <= 6;
    by || (words <= 20 && STARTS.iter().any(|s| lower.starts_with(s)))
}

/// Put the headline first unless the text already starts with it.
fn with_headline(text: String, meta: &SourceMeta) -> String {
    let Some(title) = meta.title.as_ref() else {
        return text;
    };
    let headline = super::super::meta::headline_of(&title.value, meta);
    let first = text.lines().next().unwrap_or_default();
    let fold = super::super::meta::fold;
    if headline.is_empty()
        || fold(first) == fold(&headline)
        || fold(&text[..super::super::meta::floor(&text, 400)]).starts_with(&fold(&headline))
    {
        return text;
    }
    format!("{headline}\n\n{text}")
}

/// Decode a page: a byte-order mark wins, then the charset the page declares (`<meta
/// charset>`, `http-equiv` content type, XML declaration), then the usual guess (UTF-8, else
/// Windows-1252).
fn decode_html(bytes: &[u8]) -> Result<(String, TextEncoding), ConvertError> {
    let has_bom = bytes.starts_with(b"\xEF\xBB\xBF")
        || bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF");
    if !has_bom
        && let Some(enc) = declared_charset(bytes)
        && enc != encoding_rs::UTF_8
    {
        let (text, _, _) = enc.decode(bytes);
        let encoding = if enc == encoding_rs::WINDOWS_1252 {
            TextEncoding::Windows1252
        } else {
            TextEncoding::Declared(enc.name())
        };
        return Ok((normalize_newlines(text.into_owned()), encoding));
    }
    let decoded = decode(bytes).map_err(|e| ConvertError::Damaged(Format::Html, e.to_string()))?;
    Ok((decoded.text, decoded.encoding))
}

/// The encoding a page declares in its first 4 KiB.
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    static CHARSET: OnceLock<Option<Regex>> = OnceLock::new();
    let re = CHARSET
        .get_or_init(|| {
            Regex::new(r#"(?i)(?:<meta[^>]{0,200}?charset\s*=\s*["']?\s*|<\?xml[^>]{0,100}?encoding\s*=\s*["'])([a-z0-9_:.\-]{2,40})"#).ok()
        })
        .as_ref()?;
    let head = &bytes[..bytes.len().min(4096)];
    let label = re.captures(head)?.get(1)?.as_bytes();
    encoding_rs::Encoding::for_label(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_latin1_is_honoured() {
        let page = b"<html><head><meta charset=\"iso-8859-1\"><title>Lima</title></head><body><p>Bogot\xe1 y Per\xfa firmaron el acuerdo sobre la coca y el desarrollo alternativo en la regi\xf3n.</p></body></html>";
        let c = Html.convert(page).expect("converts");
        assert!(c.text.contains("Bogotá y Perú"), "{}", c.text);
        assert_eq!(c.encoding, TextEncoding::Windows1252);
        let koi = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\"><body><p>\xed\xcf\xd3\xcb\xd7\xc1</p></body>";
        let c = Html.convert(koi).expect("koi8-r");
        assert!(c.text.contains("Москва"), "{}", c.text);
    }

    #[test]
    fn a_page_nested_too_deep_is_refused_quickly() {
        let deep = format!(
            "<html><body>{}x{}</body></html>",
            "<div>".repeat(20_000),
            "</div>".repeat(20_000)
        );
        let started = std::time::Instant::now();
        assert!(matches!(
            Html.convert(deep.as_bytes()),
            Err(ConvertError::TooLarge(_))
        ));
        assert!(started.elapsed().as_secs() < 2);
        assert_eq!(
            rough_depth("<div><p>a<p>b<br><span>c</span></div><img src=x>"),
            2
        );
    }

    #[test]
    fn a_page_without_body_text_is_refused() {
        let page = b"<html><head><title>Nothing</title><script>var x = 1;</script></head><body>  </body></html>";
        assert_eq!(
            Html.convert(page),
            Err(ConvertError::NoText("the page has no body text"))
        );
    }

    #[test]
    fn entities_are_decoded_and_scripts_dropped() {
        let page = b"<html><body><article><h1>Caf&eacute; prices &amp; coca</h1><p>Farmers in the valley said that &ldquo;prices&rdquo; fell by half in 2014, and that they would plant cocoa instead of coca.<script>alert(1)</script></p><p>The ministry said it would pay for seedlings &#8212; and roads &#x2014; over five years.</p></article></body></html>";
        let c = Html.convert(page).expect("converts");
        assert!(c.text.starts_with("Café prices & coca\n\n"), "{}", c.text);
        assert!(
            c.text.contains("“prices”") && c.text.contains("seedlings — and roads —"),
            "{}",
            c.text
        );
        assert!(!c.text.contains("alert"));
    }
}
