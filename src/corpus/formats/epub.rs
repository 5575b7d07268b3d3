//! EPUB: the chapters in spine order, each read as an XHTML document (its whole body, through
//! the HTML converter's text rendering), and the package metadata (title, creator, date,
//! language). Built on `zip` and `quick-xml`: the `epub` crate is GPL-3.0, which Dossier (MIT)
//! cannot take.

use std::collections::BTreeMap;

use super::office::{Archive, Xml, attr, walk};
use super::{ConvertError, Converted, Converter, Format, SourceMeta, Stated, html};
use crate::corpus::TextEncoding;

pub struct Epub;

/// The most chapters read from one book.
const MAX_CHAPTERS: usize = 5_000;

impl Converter for Epub {
    fn format(&self) -> Format {
        Format::Epub
    }

    fn version(&self) -> &'static str {
        "1"
    }

    fn convert(&self, bytes: &[u8]) -> Result<Converted, ConvertError> {
        let mut zip = Archive::open(bytes, Format::Epub)?;
        if let Some(enc) = zip.text("META-INF/encryption.xml")? {
            // Font obfuscation is common and harmless; encrypted chapters are DRM.
            let mut chapters_encrypted = false;
            walk(&enc, Format::Epub, |ev| {
                if let Xml::Start("CipherReference", a) = ev
                    && attr(a, "URI").is_some_and(|u| {
                        let u = u.to_lowercase();
                        u.ends_with("html") || u.ends_with(".htm") || u.ends_with(".xml")
                    })
                {
                    chapters_encrypted = true;
                }
            })?;
            if chapters_encrypted {
                return Err(ConvertError::Encrypted);
            }
        }
        let container = zip.text("META-INF/container.xml")?.ok_or_else(|| {
            ConvertError::Damaged(Format::Epub, "no META-INF/container.xml".into())
        })?;
        let mut opf_path = None;
        walk(&container, Format::Epub, |ev| {
            if let Xml::Start("rootfile", a) = ev
                && opf_path.is_none()
            {
                opf_path = attr(a, "full-path").map(str::to_owned);
            }
        })?;
        let opf_path = opf_path
            .ok_or_else(|| ConvertError::Damaged(Format::Epub, "no package file named".into()))?;
        let opf = zip.text(&opf_path)?.ok_or_else(|| {
            ConvertError::Damaged(
                Format::Epub,
                format!("the package file {opf_path} is missing"),
            )
        })?;
        let package = Package::read(&opf)?;
        let base = opf_path.rsplit_once('/').map_or("", |(dir, _)| dir);
        let mut parts = Vec::new();
        for id in package.spine.iter().take(MAX_CHAPTERS) {
            let Some(href) = package.manifest.get(id) else {
                continue;
            };
            let path = join(base, href);
            if let Some(xhtml) = zip.text(&path)? {
                let (text, _) = html::document_text(&xhtml);
                if !text.trim().is_empty() {
                    parts.push(text);
                }
            }
        }
        Ok(Converted {
            text: parts.join("\n\n"),
            meta: package.meta,
            encoding: TextEncoding::Utf8 { bom: false },
        })
    }
}

/// What the package file (`.opf`) says.
struct Package {
    /// Manifest id -> href.
    manifest: BTreeMap<String, String>,
    /// Manifest ids in reading order.
    spine: Vec<String>,
    meta: SourceMeta,
}

impl Package {
    fn read(opf: &str) -> Result<Self, ConvertError> {
        let mut manifest = BTreeMap::new();
        let mut spine = Vec::new();
        let mut fields: BTreeMap<&'static str, String> = BTreeMap::new();
        let mut current: Option<&'static str> = None;
        walk(opf, Format::Epub, |ev| match ev {
            Xml::Start("item", a) => {
                if let (Some(id), Some(href)) = (attr(a, "id"), attr(a, "href")) {
                    manifest.insert(id.to_owned(), href.to_owned());
                }
            }
            Xml::Start("itemref", a) => {
                if let Some(id) = attr(a, "idref") {
                    spine.push(id.to_owned());
                }
            }
            Xml::Start(name @ ("title" | "creator" | "date" | "language"), _) => {
                current = ["title", "creator", "date", "language"]
                    .into_iter()
                    .find(|n| *n == name)
                    .filter(|n| !fields.contains_key(n));
            }
            Xml::End(_) => current = None,
            Xml::Text(t) => {
                if let Some(name) = current {
                    fields.entry(name).or_default().push_str(t);
                }
            }
            _ => {}
        })?;
        let get = |n: &str| {
            fields
                .get(n)
                .and_then(|v| Stated::new(v.clone(), "EPUB package"))
        };
        let meta = SourceMeta {
            title: get("title"),
            author: get("creator"),
            date: get("date"),
            language: get("language"),
            site: None,
        };
        Ok(Self {
            manifest,
            spine,
            meta,
        })
    }
}

/// `base` + `href`, with `..` resolved and `%XX` escapes decoded.
fn join(base: &str, href: &str) -> String {
    let href = href.split('#').next().unwrap_or(href);
    let mut parts: Vec<&str> = if base.is_empty() {
        Vec::new()
    } else {
        base.split('/').collect()
    };
    for seg in href.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    percent_decode(&parts.join("/"))
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hrefs_resolve_against_the_package() {
        assert_eq!(
            join("OEBPS", "sections/a%20b.xhtml#x"),
            "OEBPS/sections/a b.xhtml"
        );
        assert_eq!(join("OEBPS/text", "../ch1.xhtml"), "OEBPS/ch1.xhtml");
        assert_eq!(join("", "ch1.xhtml"), "ch1.xhtml");
    }
}
