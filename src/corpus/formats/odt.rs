//! ODT (OpenDocument text): headings, paragraphs, list items and table cells of `content.xml`
//! in document order, footnotes and endnotes after the body, and `meta.xml` (title, author,
//! created). Built on `zip` and `quick-xml` like DOCX.

use std::collections::BTreeMap;

use super::office::{Archive, Xml, attr, element_text, walk};
use super::paragraphs::TextBuilder;
use super::{ConvertError, Converted, Converter, Format, SourceMeta, Stated};
use crate::corpus::TextEncoding;

pub struct Odt;

impl Converter for Odt {
    fn format(&self) -> Format {
        Format::Odt
    }

    fn version(&self) -> &'static str {
        "1"
    }

    fn convert(&self, bytes: &[u8]) -> Result<Converted, ConvertError> {
        let mut zip = Archive::open(bytes, Format::Odt)?;
        if zip
            .text("META-INF/manifest.xml")?
            .is_some_and(|m| m.contains("encryption-data"))
        {
            return Err(ConvertError::Encrypted);
        }
        let content = zip.text("content.xml")?.ok_or_else(|| {
            ConvertError::Damaged(Format::Odt, "no content.xml in the archive".into())
        })?;
        let mut numbered = list_styles(&content);
        if let Some(styles) = zip.text("styles.xml")? {
            numbered.extend(list_styles(&styles));
        }
        let text = body(&content, &numbered)?;
        let mut meta = SourceMeta::default();
        if let Some(xml) = zip.text("meta.xml")? {
            let get = |name| element_text(&xml, Format::Odt, name);
            meta.title = get("title").and_then(|v| Stated::new(v, "ODT meta.xml"));
            meta.author = get("initial-creator")
                .or_else(|| get("creator"))
                .and_then(|v| Stated::new(v, "ODT meta.xml"));
            meta.date = get("creation-date").and_then(|v| Stated::new(v, "ODT meta.xml"));
            meta.language = get("language").and_then(|v| Stated::new(v, "ODT meta.xml"));
        }
        Ok(Converted {
            text,
            meta,
            encoding: TextEncoding::Utf8 { bom: false },
        })
    }
}

/// List styles by name: whether their first level is numbered.
fn list_styles(xml: &str) -> BTreeMap<String, bool> {
    let mut out = BTreeMap::new();
    let mut current: Option<String> = None;
    let _ = walk(xml, Format::Odt, |ev| match ev {
        Xml::Start("list-style", a) => current = attr(a, "name").map(str::to_owned),
        Xml::Start(kind @ ("list-level-style-number" | "list-level-style-bullet"), a) => {
            if let Some(name) = &current
                && attr(a, "level") == Some("1")
            {
                out.insert(name.clone(), kind == "list-level-style-number");
            }
        }
        Xml::End("list-style") => current = None,
        _ => {}
    });
    out
}

#[derive(Default)]
struct Walk {
    para: String,
    /// Depth of paragraphs (`text:p`, `text:h`) open; text outside them is not article text.
    in_para: usize,
    /// Open lists: whether numbered, and the item counter.
    lists: Vec<(bool, u32)>,
    in_item: bool,
    /// Inside a footnote's body: its text goes to `note`.
    note: Option<String>,
    notes: Vec<String>,
    /// Depth inside parts that are not article text (tracked deletions, annotations).
    skip: usize,
}

fn body(xml: &str, numbered: &BTreeMap<String, bool>) -> Result<String, ConvertError> {
    let mut text = TextBuilder::new();
    let mut w = Walk::default();
    walk(xml, Format::Odt, |ev| {
        if w.skip > 0 {
            match ev {
                Xml::Start("tracked-changes" | "annotation" | "note-citation", _) => w.skip += 1,
                Xml::End("tracked-changes" | "annotation" | "note-citation") => w.skip -= 1,
                _ => {}
            }
            return;
        }
        match ev {
            Xml::Start("tracked-changes" | "annotation" | "note-citation", _) => w.skip = 1,
            Xml::Start("note-body", _) => w.note = Some(String::new()),
            Xml::End("note-body") => {
                if let Some(note) = w.note.take() {
                    w.notes.push(note);
                    w.para.push_str(&format!("[{}]", w.notes.len()));
                }
            }
            Xml::Start("list", a) => {
                let style = attr(a, "style-name").and_then(|s| numbered.get(s)).copied();
                let inherited = w.lists.last().is_some_and(|l| l.0);
                w.lists.push((style.unwrap_or(inherited), 0));
            }
            // Lists that follow each other make one block, as in DOCX and HTML.
            Xml::End("list") => {
                w.lists.pop();
            }
            Xml::Start("list-item", _) => {
                w.in_item = true;
                if let Some(l) = w.lists.last_mut() {
                    l.1 += 1;
                }
            }
            Xml::Start("p" | "h", _) => {
                w.in_para += 1;
                if w.note.is_none() && w.in_para == 1 {
                    w.para.clear();
                }
            }
            Xml::Start("s", a) => {
                let n: usize = attr(a, "c").and_then(|c| c.parse().ok()).unwrap_or(1);
                push(&mut w, &" ".repeat(n.min(64)));
            }
            Xml::Start("tab" | "line-break", _) => push(&mut w, " "),
            Xml::Text(t) if w.in_para > 0 => push(&mut w, t),
            Xml::End("p" | "h") => {
                w.in_para = w.in_para.saturating_sub(1);
                if let Some(note) = &mut w.note {
                    note.push(' ');
                } else if w.in_para == 0 {
                    end_paragraph(&mut w, &mut text);
                }
            }
            _ => {}
        }
    })?;
    text.end_list();
    for (i, note) in w.notes.iter().enumerate() {
        text.paragraph(&format!("[{}] {note}", i + 1));
    }
    Ok(text.finish())
}

fn push(w: &mut Walk, s: &str) {
    match &mut w.note {
        Some(note) => note.push_str(s),
        None => w.para.push_str(s),
    }
}

fn end_paragraph(w: &mut Walk, text: &mut TextBuilder) {
    let para = std::mem::take(&mut w.para);
    match (w.in_item, w.lists.last()) {
        (true, Some(&(numbered, n))) => {
            let marker = if numbered {
                format!("{n}.")
            } else {
                "-".into()
            };
            text.list_item(&marker, &para);
            w.in_item = false;
        }
        _ => text.paragraph(&para),
    }
}
