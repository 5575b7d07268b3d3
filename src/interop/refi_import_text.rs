//! Small readers shared by the REFI-QDA import: child elements, texts, times, line ends, file
//! names.

use std::collections::BTreeSet;

use roxmltree::Node;

use crate::project::Timestamp;

pub(super) fn children<'a, 'i>(
    node: Node<'a, 'i>,
    name: &'static str,
) -> impl Iterator<Item = Node<'a, 'i>> {
    node.children()
        .filter(move |c| c.is_element() && c.tag_name().name() == name)
}

pub(super) fn child<'a, 'i>(node: Node<'a, 'i>, name: &'static str) -> Option<Node<'a, 'i>> {
    children(node, name).next()
}

pub(super) fn text_of(node: Node) -> String {
    node.children().filter_map(|c| c.text()).collect()
}

/// An XML Schema date-time as RFC 3339 (a missing zone is read as UTC).
pub(super) fn time(value: Option<&str>) -> Option<Timestamp> {
    let v = value?.trim();
    let t = Timestamp(v.to_owned());
    if t.is_valid() {
        return Some(t);
    }
    let z = Timestamp(format!("{v}Z"));
    z.is_valid().then_some(z)
}

/// Turn CR LF and lone CR into LF; when anything changed, also the map from old code point
/// indices (0..=len) to new ones.
pub(super) fn lf_only(text: String) -> (String, Option<Vec<usize>>) {
    if !text.contains('\r') {
        return (text, None);
    }
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    let mut chars = text.chars().peekable();
    let mut at = 0;
    while let Some(c) = chars.next() {
        map.push(at);
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
                map.push(at);
            }
            out.push('\n');
        } else {
            out.push(c);
        }
        at += 1;
    }
    map.push(at);
    (out, Some(map))
}

/// Decode a source file: UTF-8 with or without a BOM, else whatever Dossier's loader reads.
pub(super) fn decode_source(bytes: &[u8]) -> Result<String, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_owned()),
        Err(_) => crate::corpus::decode(bytes)
            .map(|d| d.text)
            .map_err(|e| e.to_string()),
    }
}

/// A file name for an article from a source's name: no folders, no hidden names, `.txt`.
pub(super) fn file_name(name: &str, taken: &mut BTreeSet<String>) -> String {
    let mut base: String = name
        .trim()
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    if base.is_empty() {
        base = "source".into();
    }
    if base.starts_with('.') {
        base.insert(0, '_');
    }
    let lower = base.to_lowercase();
    if !(lower.ends_with(".txt") || lower.ends_with(".md") || lower.ends_with(".text")) {
        base.push_str(".txt");
    }
    let (stem, ext) = base
        .rsplit_once('.')
        .map_or((base.clone(), String::new()), |(s, e)| {
            (s.to_owned(), format!(".{e}"))
        });
    let mut candidate = base.clone();
    let mut n = 2;
    while !taken.insert(candidate.to_lowercase()) {
        candidate = format!("{stem} ({n}){ext}");
        n += 1;
    }
    candidate
}
