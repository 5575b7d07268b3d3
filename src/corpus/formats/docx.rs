//! DOCX (Word 2007 and later): paragraphs, headings, list items and table cells of
//! `word/document.xml` in document order, footnotes and endnotes after the body, and the core
//! properties (title, author, created). Written on `zip` and `quick-xml`: the text of a DOCX is
//! a walk over one XML part, which no crate does better than these few lines.

use std::collections::BTreeMap;

use super::office::{Archive, Xml, attr, element_text, is_ole, walk};
use super::paragraphs::TextBuilder;
use super::{ConvertError, Converted, Converter, Format, SourceMeta, Stated};
use crate::corpus::TextEncoding;

pub struct Docx;

impl Converter for Docx {
    fn format(&self) -> Format {
        Format::Docx
    }

    fn version(&self) -> &'static str {
        "1"
    }

    fn convert(&self, bytes: &[u8]) -> Result<Converted, ConvertError> {
        if is_ole(bytes) {
            return Err(ConvertError::Encrypted);
        }
        let mut zip = Archive::open(bytes, Format::Docx)?;
        let document = zip.text("word/document.xml")?.ok_or_else(|| {
            ConvertError::Damaged(Format::Docx, "no word/document.xml in the archive".into())
        })?;
        let lists = zip
            .text("word/numbering.xml")?
            .map(|xml| numbering(&xml))
            .unwrap_or_default();
        let mut notes = Notes::default();
        for (part, kind) in [
            ("word/footnotes.xml", "footnote"),
            ("word/endnotes.xml", "endnote"),
        ] {
            if let Some(xml) = zip.text(part)? {
                notes.read(&xml, kind)?;
            }
        }
        let mut text = TextBuilder::new();
        let mut cited = Vec::new();
        body(&document, &lists, &mut text, &mut cited)?;
        text.end_list();
        for (n, (kind, id)) in cited.iter().enumerate() {
            if let Some(note) = notes.get(kind, id) {
                text.paragraph(&format!("[{}] {note}", n + 1));
            }
        }
        let mut meta = SourceMeta::default();
        if let Some(core) = zip.text("docProps/core.xml")? {
            let get = |name| element_text(&core, Format::Docx, name);
            meta.title = get("title").and_then(|v| Stated::new(v, "DOCX core properties"));
            meta.author = get("creator").and_then(|v| Stated::new(v, "DOCX core properties"));
            meta.date = get("created").and_then(|v| Stated::new(v, "DOCX core properties"));
            meta.language = get("language").and_then(|v| Stated::new(v, "DOCX core properties"));
        }
        Ok(Converted {
            text: text.finish(),
            meta,
            encoding: TextEncoding::Utf8 { bom: false },
        })
    }
}

/// For each list (`numId`) and level, whether it is bulleted.
type Lists = BTreeMap<(String, String), bool>;

/// Read `word/numbering.xml`: which list levels are bullets.
fn numbering(xml: &str) -> Lists {
    let mut abstract_levels: BTreeMap<(String, String), bool> = BTreeMap::new();
    let mut num_to_abstract: BTreeMap<String, String> = BTreeMap::new();
    let (mut cur_abstract, mut cur_level, mut cur_num) = (None, None, None);
    let _ = walk(xml, Format::Docx, |ev| match ev {
        Xml::Start("abstractNum", a) => cur_abstract = attr(a, "abstractNumId").map(str::to_owned),
        Xml::Start("lvl", a) => cur_level = attr(a, "ilvl").map(str::to_owned),
        Xml::Start("numFmt", a) => {
            if let (Some(abs), Some(lvl)) = (&cur_abstract, &cur_level) {
                let bullet = attr(a, "val").is_some_and(|v| v == "bullet");
                abstract_levels.insert((abs.clone(), lvl.clone()), bullet);
            }
        }
        Xml::Start("num", a) => cur_num = attr(a, "numId").map(str::to_owned),
        Xml::Start("abstractNumId", a) => {
            if let (Some(num), Some(v)) = (&cur_num, attr(a, "val")) {
                num_to_abstract.insert(num.clone(), v.to_owned());
            }
        }
        Xml::End("abstractNum") => cur_abstract = None,
        Xml::End("num") => cur_num = None,
        _ => {}
    });
    let mut lists = Lists::new();
    for (num, abs) in num_to_abstract {
        for ((a, lvl), bullet) in &abstract_levels {
            if *a == abs {
                lists.insert((num.clone(), lvl.clone()), *bullet);
            }
        }
    }
    lists
}

/// Footnotes and endnotes by kind and id.
#[derive(Default)]
struct Notes(BTreeMap<(String, String), String>);

impl Notes {
    fn read(&mut self, xml: &str, kind: &str) -> Result<(), ConvertError> {
        let mut current: Option<String> = None;
        let mut buf = String::new();
        walk(xml, Format::Docx, |ev| match ev {
            Xml::Start(n, a) if n == kind => {
                let separator = attr(a, "type").is_some_and(|t| t != "normal");
                current = (!separator).then(|| attr(a, "id").unwrap_or_default().to_owned());
                buf.clear();
            }
            Xml::End(n) if n == kind => {
                if let Some(id) = current.take() {
                    self.0.insert((kind.to_owned(), id), buf.trim().to_owned());
                }
            }
            Xml::End("p") if current.is_some() => buf.push(' '),
            Xml::Start("tab", _) if current.is_some() => buf.push(' '),
            Xml::Text(t) if current.is_some() => buf.push_str(t),
            _ => {}
        })
    }

    fn get(&self, kind: &str, id: &str) -> Option<String> {
        let note = self.0.get(&(kind.to_owned(), id.to_owned()))?;
        let note = super::paragraphs::collapse(note);
        (!note.is_empty()).then_some(note)
    }
}

/// The state of the walk over `word/document.xml`.
#[derive(Default)]
struct Walk {
    /// Text of the paragraph being read.
    para: String,
    /// Whether text goes into `para`: inside `w:t` (not `w:delText` or `w:instrText`).
    in_text: bool,
    /// Depth inside parts whose text is not the document's (`mc:Fallback` duplicates).
    skip: usize,
    list: Option<(String, String)>,
    /// Counters of numbered lists, by list and level.
    counters: BTreeMap<(String, String), u32>,
}

/// Read the body into `text`; footnote references go into `cited` in order.
fn body(
    xml: &str,
    lists: &Lists,
    text: &mut TextBuilder,
    cited: &mut Vec<(String, String)>,
) -> Result<(), ConvertError> {
    let mut w = Walk::default();
    let mut num_id: Option<String> = None;
    let mut ilvl = String::from("0");
    walk(xml, Format::Docx, |ev| {
        if w.skip > 0 {
            match ev {
                Xml::Start("Fallback", _) => w.skip += 1,
                Xml::End("Fallback") => w.skip -= 1,
                _ => {}
            }
            return;
        }
        match ev {
            Xml::Start("Fallback", _) => w.skip = 1,
            Xml::Start("p", _) => {
                w.para.clear();
                w.list = None;
                num_id = None;
                ilvl = "0".into();
            }
            Xml::Start("numId", a) => num_id = attr(a, "val").map(str::to_owned),
            Xml::Start("ilvl", a) => ilvl = attr(a, "val").unwrap_or("0").to_owned(),
            Xml::End("numPr") => {
                w.list = num_id
                    .clone()
                    .filter(|n| n != "0")
                    .map(|n| (n, ilvl.clone()));
            }
            Xml::Start("t", _) => w.in_text = true,
            Xml::End("t") => w.in_text = false,
            Xml::Start("tab", _) | Xml::Start("br", _) | Xml::Start("cr", _) => w.para.push(' '),
            Xml::Start("noBreakHyphen", _) => w.para.push('-'),
            Xml::Start(kind @ ("footnoteReference" | "endnoteReference"), a) => {
                let kind = kind.trim_end_matches("Reference").to_owned();
                cited.push((kind, attr(a, "id").unwrap_or_default().to_owned()));
                w.para.push_str(&format!("[{}]", cited.len()));
            }
            Xml::Text(t) if w.in_text => w.para.push_str(t),
            Xml::End("p") => end_paragraph(&mut w, lists, text),
            _ => {}
        }
    })
}

fn end_paragraph(w: &mut Walk, lists: &Lists, text: &mut TextBuilder) {
    let para = std::mem::take(&mut w.para);
    match w.list.take() {
        Some(key) => {
            let bullet = lists.get(&key).copied().unwrap_or(true);
            if bullet {
                text.list_item("-", &para);
            } else {
                let level: u32 = key.1.parse().unwrap_or(0);
                // A higher-level item restarts the numbering of the levels below it.
                w.counters
                    .retain(|(n, l), _| *n != key.0 || l.parse::<u32>().unwrap_or(0) <= level);
                let n = w.counters.entry(key).or_insert(0);
                *n += 1;
                text.list_item(&format!("{n}."), &para);
            }
        }
        // Headings, body paragraphs and table cells alike are paragraphs of their own.
        None => text.paragraph(&para),
    }
}
