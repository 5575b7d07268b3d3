//! PDF reports: the text layer in reading order, with running headers, footers and page
//! numbers dropped, words hyphenated at line ends joined, and paragraphs rebuilt from line
//! spacing ([`layout`]); the document information (title, author, creation date). A PDF
//! without a text layer (a scan) is refused with "no text layer (scanned?)".
//!
//! `pdf-extract` (on `lopdf`) positions every glyph; the lines and paragraphs are built here.
//! docs/sources.md has the comparison that chose it.

mod glyphs;
mod layout;

use lopdf::{Document, Object};

use super::{ConvertError, Converted, Converter, Format, SourceMeta, Stated};
use crate::corpus::TextEncoding;

pub struct Pdf;

/// The most pages read from one file.
const MAX_PAGES: usize = 20_000;

impl Converter for Pdf {
    fn format(&self) -> Format {
        Format::Pdf
    }

    fn version(&self) -> &'static str {
        "1 (pdf-extract 0.12)"
    }

    fn convert(&self, bytes: &[u8]) -> Result<Converted, ConvertError> {
        let head = &bytes[..bytes.len().min(1024)];
        if !head.windows(5).any(|w| w == b"%PDF-") {
            return Err(ConvertError::Damaged(Format::Pdf, "no %PDF header".into()));
        }
        let doc = Document::load_mem(bytes).map_err(|e| {
            let message = e.to_string();
            let lower = message.to_lowercase();
            if lower.contains("decrypt") || lower.contains("password") || lower.contains("encrypt")
            {
                ConvertError::Encrypted
            } else {
                ConvertError::Damaged(Format::Pdf, message)
            }
        })?;
        if doc.is_encrypted() {
            return Err(ConvertError::Encrypted);
        }
        let pages = doc.get_pages();
        if pages.len() > MAX_PAGES {
            return Err(ConvertError::TooLarge(format!("{} pages", pages.len())));
        }
        let mut collector = glyphs::Collector::default();
        let mut failed = 0usize;
        for &number in pages.keys() {
            if pdf_extract::output_doc_page(&doc, &mut collector, number).is_err() {
                failed += 1;
                collector.abandon_page();
            }
        }
        let read = collector.pages();
        let chars: usize = read
            .iter()
            .flat_map(|p| &p.lines)
            .map(|l| l.text.chars().filter(|c| !c.is_whitespace()).count())
            .sum();
        if chars == 0 {
            if failed > 0 && failed == pages.len() {
                return Err(ConvertError::Damaged(
                    Format::Pdf,
                    "no page could be read".into(),
                ));
            }
            return Err(ConvertError::NoTextLayer);
        }
        let text = layout::text(&read);
        Ok(Converted {
            text,
            meta: info(&doc),
            encoding: TextEncoding::Utf8 { bom: false },
        })
    }
}

/// The document information dictionary: title, author, creation date.
fn info(doc: &Document) -> SourceMeta {
    let dict = doc.trailer.get(b"Info").ok().and_then(|o| match o {
        Object::Reference(id) => doc.get_dictionary(*id).ok(),
        Object::Dictionary(d) => Some(d),
        _ => None,
    });
    let Some(dict) = dict else {
        return SourceMeta::default();
    };
    let get = |key: &[u8]| -> Option<String> {
        match dict.get(key).ok()? {
            Object::String(bytes, _) => Some(text_string(bytes)),
            _ => None,
        }
    };
    SourceMeta {
        title: get(b"Title").and_then(|v| Stated::new(v, "PDF properties")),
        author: get(b"Author").and_then(|v| Stated::new(v, "PDF properties")),
        date: get(b"CreationDate").and_then(|v| Stated::new(v, "PDF properties")),
        site: None,
        language: None,
    }
}

/// A PDF text string: UTF-16BE with a byte-order mark, else PDFDocEncoding (read as Latin-1,
/// which it matches for letters).
fn text_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    bytes.iter().map(|&b| b as char).collect()
}
