//! Turning an HTML tree into article text: block elements (paragraphs, headings, list items,
//! table cells, quotes) become paragraphs, list items `- item` or `1. item`, inline elements
//! flow into their paragraph; scripts, styles, forms and other non-text elements are left out.
//! The walk keeps its own stack, so deeply nested pages cannot overflow the thread's stack.

use dom_query::NodeRef;

use super::super::paragraphs::TextBuilder;

/// Elements whose content is never article text.
const SKIP: [&str; 17] = [
    "script", "style", "noscript", "template", "iframe", "svg", "canvas", "button", "input",
    "select", "textarea", "option", "head", "title", "meta", "link", "object",
];

/// Elements that end the paragraph before and after them.
const BLOCKS: [&str; 35] = [
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "td",
    "th",
    "caption",
    "figure",
    "figcaption",
    "form",
    "fieldset",
    "address",
    "hr",
    "center",
];

/// Where a walk is in the tree.
enum Step<'a> {
    Enter(NodeRef<'a>),
    Leave(String),
}

/// The text of `root` and everything below it. `skip_chrome` also leaves out `nav`,
/// `header`, `footer`, `aside` and `form` elements (for whole documents, not for a main
/// content fragment already chosen).
pub fn render(root: &NodeRef<'_>, skip_chrome: bool) -> String {
    // In a main-content fragment, blocks whose class or id names page furniture (captions,
    // share bars, related links, …) are dropped when they hold a small part of the text.
    let boilerplate = (!skip_chrome).then(|| word_count(&root.text()));
    let mut out = TextBuilder::new();
    let mut para = String::new();
    // Open lists: numbered or not, and the item counter.
    let mut lists: Vec<(bool, u32)> = Vec::new();
    // The marker of the list item being read, if any.
    let mut item: Option<String> = None;
    let mut stack = vec![Step::Enter(*root)];
    // Emit the paragraph read so far; an empty one leaves a pending list marker in place, so
    // that `<li><p>text</p></li>` is one item.
    let flush = |para: &mut String, item: &mut Option<String>, out: &mut TextBuilder| {
        if para.trim().is_empty() {
            para.clear();
            return;
        }
        match item.take() {
            Some(marker) => out.list_item(&marker, para),
            None => out.paragraph(para),
        }
        para.clear();
    };
    while let Some(step) = stack.pop() {
        match step {
            Step::Enter(node) => {
                if node.is_text() {
                    para.push_str(&node.text());
                    continue;
                }
                if !(node.is_element() || node.is_document() || node.is_fragment()) {
                    continue;
                }
                let name = node
                    .node_name()
                    .map(|n| n.to_lowercase())
                    .unwrap_or_default();
                if SKIP.contains(&name.as_str())
                    || matches!(
                        name.as_str(),
                        "nav" | "footer" | "aside" | "form" | "figure" | "figcaption"
                    )
                    || (skip_chrome && name == "header")
                    || hidden(&node)
                    || boilerplate.is_some_and(|total| is_boilerplate(&node, total))
                {
                    continue;
                }
                match name.as_str() {
                    "br" => {
                        flush(&mut para, &mut item, &mut out);
                        continue;
                    }
                    "ul" | "ol" => {
                        flush(&mut para, &mut item, &mut out);
                        lists.push((name == "ol", 0));
                    }
                    "li" => {
                        flush(&mut para, &mut item, &mut out);
                        let marker = match lists.last_mut() {
                            Some((true, n)) => {
                                *n += 1;
                                format!("{n}.")
                            }
                            _ => "-".to_owned(),
                        };
                        item = Some(marker);
                    }
                    n if BLOCKS.contains(&n) => flush(&mut para, &mut item, &mut out),
                    _ => {}
                }
                stack.push(Step::Leave(name));
                for child in node.children_it(true) {
                    stack.push(Step::Enter(child));
                }
            }
            Step::Leave(name) => {
                if name == "ul" || name == "ol" {
                    flush(&mut para, &mut item, &mut out);
                    lists.pop();
                    if lists.is_empty() {
                        out.end_list();
                    }
                } else if BLOCKS.contains(&name.as_str()) {
                    flush(&mut para, &mut item, &mut out);
                }
            }
        }
    }
    flush(&mut para, &mut item, &mut out);
    out.finish()
}

/// Words in a class or id that mark page furniture rather than article text.
const FURNITURE: [&str; 30] = [
    "caption",
    "credit",
    "gallery",
    "slideshow",
    "share",
    "sharing",
    "social",
    "related",
    "newsletter",
    "subscribe",
    "promo",
    "advert",
    "sponsor",
    "tags",
    "byline",
    "timestamp",
    "comment",
    "breadcrumb",
    "toolbar",
    "sr-only",
    "visually-hidden",
    "recommend",
    "more-stories",
    "read-more",
    "readmore",
    "also-like",
    "signup",
    "paywall",
    "author-bio",
    "print-only",
];

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Whether `node` is page furniture: its class or id names it, and it holds less than a
/// third of the fragment's `total` words.
fn is_boilerplate(node: &NodeRef<'_>, total: usize) -> bool {
    let names = format!(
        "{} {}",
        node.attr("class")
            .map(|c| c.to_lowercase())
            .unwrap_or_default(),
        node.attr("id")
            .map(|c| c.to_lowercase())
            .unwrap_or_default()
    );
    if names.trim().is_empty() || !FURNITURE.iter().any(|f| names.contains(f)) {
        return false;
    }
    word_count(&node.text()) * 3 < total
}

/// Whether an element is hidden from readers (`hidden`, `aria-hidden="true"`,
/// `display:none`).
fn hidden(node: &NodeRef<'_>) -> bool {
    node.has_attr("hidden")
        || node
            .attr("aria-hidden")
            .is_some_and(|v| v.as_ref() == "true")
        || node.attr("style").is_some_and(|s| {
            let s: String = s
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}
