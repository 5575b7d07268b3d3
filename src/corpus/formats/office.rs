//! What the zipped XML formats (DOCX, ODT, EPUB) share: reading a member of a ZIP archive with
//! size limits (no zip bombs), and walking an XML document as a flat list of events.

use std::io::{Cursor, Read};

use quick_xml::events::Event;

use super::{ConvertError, Format};

/// The most a single archive member may hold once inflated.
const MAX_MEMBER_BYTES: u64 = 256 * 1024 * 1024;
/// The most members an archive may have.
const MAX_MEMBERS: usize = 100_000;

/// A ZIP archive opened from memory.
pub struct Archive<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    format: Format,
}

impl<'a> Archive<'a> {
    pub fn open(bytes: &'a [u8], format: Format) -> Result<Self, ConvertError> {
        let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
            ConvertError::Damaged(format, format!("not a readable ZIP archive ({e})"))
        })?;
        if zip.len() > MAX_MEMBERS {
            return Err(ConvertError::TooLarge(format!(
                "{} archive members",
                zip.len()
            )));
        }
        Ok(Self { zip, format })
    }

    /// The text of a member, `Ok(None)` when the archive has no member of that name.
    pub fn text(&mut self, name: &str) -> Result<Option<String>, ConvertError> {
        let format = self.format;
        let damaged = |e: String| ConvertError::Damaged(format, e);
        let mut file = match self.zip.by_name(name) {
            Ok(file) => file,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(zip::result::ZipError::UnsupportedArchive(why)) if why.contains("ncrypt") => {
                return Err(ConvertError::Encrypted);
            }
            Err(e) => return Err(damaged(format!("{name}: {e}"))),
        };
        if file.encrypted() {
            return Err(ConvertError::Encrypted);
        }
        let mut bytes = Vec::new();
        (&mut file)
            .take(MAX_MEMBER_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| damaged(format!("{name}: {e}")))?;
        if bytes.len() as u64 > MAX_MEMBER_BYTES {
            return Err(ConvertError::TooLarge(format!(
                "{name} inflates past 256 MB"
            )));
        }
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        };
        Ok(Some(text))
    }
}

/// One event of an XML document, with namespace prefixes dropped from names.
#[derive(Debug, PartialEq, Eq)]
pub enum Xml<'t> {
    /// An opening tag (an empty element gives `Start` then `End`), with its attributes.
    Start(&'t str, &'t [(String, String)]),
    End(&'t str),
    Text(&'t str),
}

/// The local part of a qualified name: `w:p` -> `p`.
fn local(name: &str) -> String {
    match name.rsplit_once(':') {
        Some((_, l)) => l.to_owned(),
        None => name.to_owned(),
    }
}

/// Walk `xml`, calling `f` for every element and text. Stops with an error on malformed XML.
pub fn walk(xml: &str, format: Format, mut f: impl FnMut(Xml<'_>)) -> Result<(), ConvertError> {
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().trim_text(false);
    let damaged = |e: String| ConvertError::Damaged(format, format!("malformed XML ({e})"));
    let mut attrs: Vec<(String, String)> = Vec::new();
    loop {
        let event = reader.read_event().map_err(|e| damaged(e.to_string()))?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let name = local(e.name().as_ref());
                attrs.clear();
                for a in e.attributes().flatten() {
                    let value = a
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .map(|v| v.into_owned())
                        .unwrap_or_default();
                    attrs.push((local(a.key.as_ref()), value));
                }
                f(Xml::Start(&name, &attrs));
                if matches!(event, Event::Empty(_)) {
                    f(Xml::End(&name));
                }
            }
            Event::End(ref e) => f(Xml::End(&local(e.name().as_ref()))),
            Event::Text(ref t) => f(Xml::Text(
                &t.xml_content(quick_xml::XmlVersion::Implicit1_0),
            )),
            Event::CData(ref t) => f(Xml::Text(
                &t.xml_content(quick_xml::XmlVersion::Implicit1_0),
            )),
            Event::GeneralRef(ref r) => {
                if let Some(text) = reference(r) {
                    f(Xml::Text(&text));
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// The text of an entity or character reference (`&amp;`, `&#233;`).
fn reference(r: &quick_xml::events::BytesRef<'_>) -> Option<String> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return Some(c.to_string());
    }
    let name = r.xml_content(quick_xml::XmlVersion::Implicit1_0);
    Some(
        match name.as_ref() {
            "amp" => "&",
            "lt" => "<",
            "gt" => ">",
            "quot" => "\"",
            "apos" => "'",
            "nbsp" => "\u{a0}",
            _ => return None,
        }
        .to_owned(),
    )
}

/// The value of attribute `name` (local name) in `attrs`.
pub fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// The text of the first element named `name` in `xml` (for property files such as
/// `docProps/core.xml` or an ODF `meta.xml`).
pub fn element_text(xml: &str, format: Format, name: &str) -> Option<String> {
    let mut depth = 0usize;
    let mut found = String::new();
    let mut done = false;
    walk(xml, format, |ev| {
        if done {
            return;
        }
        match ev {
            Xml::Start(n, _) if n == name => depth += 1,
            Xml::Start(..) => {}
            Xml::End(n) if n == name && depth > 0 => {
                depth -= 1;
                done = depth == 0;
            }
            Xml::End(_) => {}
            Xml::Text(t) if depth > 0 => found.push_str(t),
            Xml::Text(_) => {}
        }
    })
    .ok()?;
    let found = found.trim().to_owned();
    (!found.is_empty()).then_some(found)
}

/// The OLE2 signature: a password-protected DOCX (or a .doc) is an OLE compound file.
pub fn is_ole(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}
