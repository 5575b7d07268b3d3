//! Converting files that are not plain text (HTML pages, PDF reports, Word and OpenDocument
//! files, EPUB books, RTF) into article text, one module per format behind [`Converter`].
//!
//! A converter turns the bytes of one file into the text Dossier reads (paragraphs separated by
//! a blank line, LF line ends, no BOM: the text every offset refers to) plus what the file says
//! about itself ([`SourceMeta`]: title, date, author, site). Every converter has a version;
//! the project stores it with the hash of the text, so a later Dossier that extracts a
//! different text re-anchors the passages (see `project::converted`).

mod docx;
mod epub;
mod html;
mod odt;
mod office;
mod paragraphs;
mod pdf;
mod rtf;

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::decode::{DecodeError, TextEncoding, decode};

pub use paragraphs::normalize_paragraphs;

/// The kinds of file Dossier reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Html,
    Pdf,
    Docx,
    Odt,
    Epub,
    Rtf,
}

impl Format {
    /// The format a file name says, or `None` for a name Dossier does not read.
    pub fn of_path(path: &Path) -> Option<Self> {
        let Some(ext) = path.extension() else {
            return Some(Self::Text);
        };
        Some(match ext.to_string_lossy().to_lowercase().as_str() {
            "txt" | "md" | "markdown" | "text" => Self::Text,
            "html" | "htm" | "xhtml" | "shtml" => Self::Html,
            "pdf" => Self::Pdf,
            "docx" => Self::Docx,
            "odt" => Self::Odt,
            "epub" => Self::Epub,
            "rtf" => Self::Rtf,
            _ => return None,
        })
    }

    /// Lower-case short name: `txt`, `html`, `pdf`, `docx`, `odt`, `epub`, `rtf`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Text => "txt",
            Self::Html => "html",
            Self::Pdf => "pdf",
            Self::Docx => "docx",
            Self::Odt => "odt",
            Self::Epub => "epub",
            Self::Rtf => "rtf",
        }
    }

    /// The converter for this format; `None` for plain text, which is only decoded.
    pub fn converter(self) -> Option<&'static dyn Converter> {
        match self {
            Self::Text => None,
            Self::Html => Some(&html::Html),
            Self::Pdf => Some(&pdf::Pdf),
            Self::Docx => Some(&docx::Docx),
            Self::Odt => Some(&odt::Odt),
            Self::Epub => Some(&epub::Epub),
            Self::Rtf => Some(&rtf::Rtf),
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Text => "text",
            Self::Html => "HTML",
            Self::Pdf => "PDF",
            Self::Docx => "DOCX",
            Self::Odt => "ODT",
            Self::Epub => "EPUB",
            Self::Rtf => "RTF",
        })
    }
}

/// Which converter made an article's text, and which version of it. Stored in the project with
/// the hash of the text.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ConverterStamp {
    /// The format's short name (`html`, `pdf`, …).
    pub name: String,
    /// The converter's version, e.g. `1 (dom_smoothie 0.19)`: the number changes whenever the
    /// same file could give a different text.
    pub version: String,
}

impl std::fmt::Display for ConverterStamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.name, self.version)
    }
}

/// A value a file states about itself, with where in the file it was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stated {
    pub value: String,
    /// Where it came from: `meta article:published_time`, `JSON-LD datePublished`,
    /// `DOCX core properties`, …
    pub source: &'static str,
}

impl Stated {
    pub fn new(value: impl Into<String>, source: &'static str) -> Option<Self> {
        let value: String = value
            .into()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        (!value.is_empty()).then_some(Self { value, source })
    }
}

/// What a file says about itself (HTML meta tags and JSON-LD, document properties).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceMeta {
    pub title: Option<Stated>,
    /// As written: an ISO date-time, a PDF date (`D:20150314…`), or free text.
    pub date: Option<Stated>,
    pub author: Option<Stated>,
    /// The site or publisher: `og:site_name`, JSON-LD `publisher`.
    pub site: Option<Stated>,
    /// A declared language (`<html lang>`, `dc:language`).
    pub language: Option<Stated>,
}

/// The text of a converted file and what the file says about itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Converted {
    pub text: String,
    pub meta: SourceMeta,
    /// How the bytes were decoded, for formats that are text (HTML, RTF).
    pub encoding: TextEncoding,
}

/// Why a file could not be converted. Shown in the load report after the format's name.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ConvertError {
    #[error("no text layer (scanned?)")]
    NoTextLayer,
    #[error("encrypted (password-protected); save an unprotected copy to read it")]
    Encrypted,
    #[error("damaged or unreadable file: {1}")]
    Damaged(Format, String),
    #[error("no article text found ({0})")]
    NoText(&'static str),
    #[error("too complex to read safely ({0})")]
    TooLarge(String),
}

/// One file format's converter.
pub trait Converter: Sync {
    fn format(&self) -> Format;
    /// The converter's version; see [`ConverterStamp::version`].
    fn version(&self) -> &'static str;
    /// The article text and metadata of a file of this format.
    fn convert(&self, bytes: &[u8]) -> Result<Converted, ConvertError>;

    fn stamp(&self) -> ConverterStamp {
        ConverterStamp {
            name: self.format().name().to_owned(),
            version: self.version().to_owned(),
        }
    }
}

/// Why a file of any format could not be read as an article.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error(transparent)]
    Decode(#[from] DecodeError),
    #[error("{0}: {1}")]
    Convert(Format, ConvertError),
}

/// The text (and what the file states) of a file of format `format`. Plain text is decoded;
/// other formats go through their converter. Never panics, whatever the bytes.
pub fn read_bytes(
    format: Format,
    bytes: &[u8],
) -> Result<(Converted, Option<ConverterStamp>), ReadError> {
    let Some(converter) = format.converter() else {
        let decoded = decode(bytes)?;
        let converted = Converted {
            text: decoded.text,
            meta: SourceMeta::default(),
            encoding: decoded.encoding,
        };
        return Ok((converted, None));
    };
    if bytes.is_empty() {
        return Err(DecodeError::Empty.into());
    }
    // The converters use crates that may panic on hostile input: a panic becomes a reason.
    let convert = std::panic::AssertUnwindSafe(|| converter.convert(bytes));
    let result = std::panic::catch_unwind(convert).unwrap_or_else(|_| {
        Err(ConvertError::Damaged(
            format,
            "the converter failed on this file".into(),
        ))
    });
    let converted = result.map_err(|e| ReadError::Convert(format, e))?;
    if converted.text.trim().is_empty() {
        return Err(ReadError::Convert(format, ConvertError::NoText("empty")));
    }
    Ok((converted, Some(converter.stamp())))
}

/// Every converter, for listing versions (`dossier --version`-like reports and docs).
pub fn converters() -> [&'static dyn Converter; 6] {
    [
        &html::Html,
        &pdf::Pdf,
        &docx::Docx,
        &odt::Odt,
        &epub::Epub,
        &rtf::Rtf,
    ]
}

/// Fuzz invariant: converting any bytes as `format` never panics, and a text that comes out
/// has no CR, no BOM and no blank article.
pub fn check_any_bytes(format: Format, bytes: &[u8]) {
    if let Ok((converted, _)) = read_bytes(format, bytes) {
        assert!(!converted.text.contains('\r'), "CR left in the text");
        assert!(
            !converted.text.starts_with('\u{feff}'),
            "BOM left in the text"
        );
        assert!(!converted.text.trim().is_empty(), "blank text accepted");
    }
}
