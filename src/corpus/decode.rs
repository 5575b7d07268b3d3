//! Turning the bytes of a file into article text: encoding detection, BOM, newlines.
//!
//! The text every offset in Dossier refers to is the output of [`decode`]: UTF-8 (or
//! Windows-1252 when the bytes are not UTF-8), the byte-order mark removed, and every CRLF or
//! lone CR turned into LF.

use std::fmt;

/// How the bytes of a file were read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextEncoding {
    /// Valid UTF-8, with or without a byte-order mark.
    Utf8 { bom: bool },
    /// Mostly UTF-8 with a few invalid bytes, each replaced by U+FFFD.
    Utf8Lossy { replaced: usize },
    /// UTF-16 with a byte-order mark.
    Utf16 { little_endian: bool },
    /// Not UTF-8: read as Windows-1252 (a superset of Latin-1 for printable text).
    Windows1252,
    /// The encoding the file declares (an HTML page's `<meta charset>`), by its WHATWG name.
    Declared(&'static str),
}

impl fmt::Display for TextEncoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Utf8 { bom: false } => write!(f, "UTF-8"),
            Self::Utf8 { bom: true } => write!(f, "UTF-8 with BOM"),
            Self::Utf8Lossy { replaced } => {
                write!(f, "UTF-8 with {replaced} invalid byte sequence(s) replaced")
            }
            Self::Utf16 {
                little_endian: true,
            } => write!(f, "UTF-16LE"),
            Self::Utf16 {
                little_endian: false,
            } => write!(f, "UTF-16BE"),
            Self::Windows1252 => write!(f, "Windows-1252"),
            Self::Declared(name) => write!(f, "{name} (declared)"),
        }
    }
}

/// Why bytes could not be turned into an article.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("the file is empty")]
    Empty,
    #[error("the file holds only white space")]
    Blank,
    #[error("the file is binary ({0}), not text")]
    Binary(&'static str),
}

/// The decoded text of a file and how it was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: TextEncoding,
}

/// Decode the bytes of a text file. See the module docs for the rules.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (decode_utf8(rest), None)
    } else if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let little_endian = bytes[0] == 0xFF;
        let enc = if little_endian {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        let (text, _) = enc.decode_with_bom_removal(bytes);
        let text = text.into_owned();
        if looks_binary_text(&text) {
            return Err(DecodeError::Binary("control characters"));
        }
        (
            Utf8Text::Valid(text),
            Some(TextEncoding::Utf16 { little_endian }),
        )
    } else {
        if let Some(kind) = binary_kind(bytes) {
            return Err(DecodeError::Binary(kind));
        }
        (decode_utf8(bytes), None)
    };
    let (text, encoding) = match (text, encoding) {
        (Utf8Text::Valid(t), None) => (
            t,
            TextEncoding::Utf8 {
                bom: bytes.starts_with(b"\xEF\xBB\xBF"),
            },
        ),
        (Utf8Text::Lossy(t, replaced), None) => (t, TextEncoding::Utf8Lossy { replaced }),
        (Utf8Text::NotUtf8, None) => {
            let (t, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            (t.into_owned(), TextEncoding::Windows1252)
        }
        (Utf8Text::Valid(t) | Utf8Text::Lossy(t, _), Some(enc)) => (t, enc),
        (Utf8Text::NotUtf8, Some(enc)) => (String::new(), enc),
    };
    let text = normalize_newlines(text);
    if text.trim().is_empty() {
        return Err(DecodeError::Blank);
    }
    Ok(Decoded { text, encoding })
}

enum Utf8Text {
    Valid(String),
    /// Text with invalid sequences replaced, and how many there were.
    Lossy(String, usize),
    NotUtf8,
}

fn decode_utf8(bytes: &[u8]) -> Utf8Text {
    match std::str::from_utf8(bytes) {
        Ok(s) => Utf8Text::Valid(s.to_owned()),
        Err(_) => {
            // Decide between "UTF-8 with a few bad bytes" and "a single-byte encoding": a file
            // with real multi-byte UTF-8 sequences and only rare invalid ones is UTF-8 that
            // got damaged; reading it as Windows-1252 would garble every accented letter.
            let (valid_multibyte, invalid) = count_utf8_sequences(bytes);
            if valid_multibyte > 0 && invalid * 4 <= valid_multibyte.max(4) {
                let text = String::from_utf8_lossy(bytes).into_owned();
                Utf8Text::Lossy(text, invalid)
            } else {
                Utf8Text::NotUtf8
            }
        }
    }
}

/// Count valid multi-byte UTF-8 sequences and invalid sequences.
fn count_utf8_sequences(mut bytes: &[u8]) -> (usize, usize) {
    let (mut valid, mut invalid) = (0, 0);
    loop {
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                valid += s.chars().filter(|c| c.len_utf8() > 1).count();
                return (valid, invalid);
            }
            Err(e) => {
                let (good, rest) = bytes.split_at(e.valid_up_to());
                // `good` is valid by construction; count its multi-byte chars.
                valid += String::from_utf8_lossy(good)
                    .chars()
                    .filter(|c| c.len_utf8() > 1)
                    .count();
                invalid += 1;
                let skip = e.error_len().unwrap_or(rest.len()).max(1);
                bytes = rest.get(skip..).unwrap_or_default();
            }
        }
    }
}

/// Recognise binary content: known magic numbers, NUL bytes, or many control bytes.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"%PDF-", "PDF document"),
        (b"PK\x03\x04", "ZIP archive or office document"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"GIF87a", "GIF image"),
        (b"GIF89a", "GIF image"),
        (b"\x7FELF", "executable"),
        (b"\x1F\x8B", "gzip archive"),
        (b"\xD0\xCF\x11\xE0", "old office document"),
    ];
    for (magic, kind) in MAGIC {
        if bytes.starts_with(magic) {
            return Some(kind);
        }
    }
    let head = &bytes[..bytes.len().min(64 * 1024)];
    if head.contains(&0) {
        return Some("contains NUL bytes");
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    if control * 10 > head.len() {
        return Some("control characters");
    }
    None
}

fn looks_binary_text(text: &str) -> bool {
    let head: Vec<char> = text.chars().take(64 * 1024).collect();
    let control = head
        .iter()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}'))
        .count();
    control * 10 > head.len()
}

/// Turn CRLF and lone CR into LF. Returns the input untouched when it holds no CR.
pub fn normalize_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(bytes: &[u8]) -> Decoded {
        decode(bytes).expect("decodes")
    }

    #[test]
    fn plain_utf8() {
        let d = ok("Perú — 35,000 hectáreas".as_bytes());
        assert_eq!(d.text, "Perú — 35,000 hectáreas");
        assert_eq!(d.encoding, TextEncoding::Utf8 { bom: false });
    }

    #[test]
    fn bom_is_stripped() {
        let d = ok(b"\xEF\xBB\xBFHello\n");
        assert_eq!(d.text, "Hello\n");
        assert_eq!(d.encoding, TextEncoding::Utf8 { bom: true });
    }

    #[test]
    fn latin1_falls_back_to_windows_1252() {
        // "Perú: 5 años" in Latin-1, plus a Windows-1252 curly quote (0x93/0x94).
        let d = ok(b"Per\xFA: 5 a\xF1os \x93hi\x94");
        assert_eq!(d.text, "Perú: 5 años \u{201C}hi\u{201D}");
        assert_eq!(d.encoding, TextEncoding::Windows1252);
    }

    #[test]
    fn only_one_bom_is_stripped() {
        // As Python's utf-8-sig (which the figure scorer uses) reads it: found by fuzzing.
        let d = ok(b"\xEF\xBB\xBF\xEF\xBB\xBFText");
        assert_eq!(d.text, "\u{FEFF}Text");
    }

    #[test]
    fn crlf_and_lone_cr_become_lf() {
        assert_eq!(ok(b"a\r\nb\rc\n\r\nd").text, "a\nb\nc\n\nd");
    }

    #[test]
    fn damaged_utf8_keeps_its_accents() {
        let mut bytes = "café año niño señor ".repeat(3).into_bytes();
        bytes.insert(5, 0xFF);
        let d = ok(&bytes);
        assert!(matches!(
            d.encoding,
            TextEncoding::Utf8Lossy { replaced: 1 }
        ));
        assert!(d.text.starts_with("café\u{FFFD} año"));
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Año\r\n".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = ok(&bytes);
        assert_eq!(d.text, "Año\n");
        assert_eq!(
            d.encoding,
            TextEncoding::Utf16 {
                little_endian: true
            }
        );
    }

    #[test]
    fn empty_blank_and_binary_are_refused() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\r\n\t"), Err(DecodeError::Blank));
        assert_eq!(decode(b"\xEF\xBB\xBF"), Err(DecodeError::Blank));
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(DecodeError::Binary("PNG image"))
        );
        assert_eq!(
            decode(b"text\0with nul"),
            Err(DecodeError::Binary("contains NUL bytes"))
        );
    }
}
