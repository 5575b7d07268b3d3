//! Turning the bytes of a file into article text: encoding detection, BOM, newlines.
//!
//! The text every offset in Dossier refers to is the output of [`decode`]: UTF-8 (or
//! Windows-1252 when the bytes are not UTF-8, or UTF-16 with or without a byte-order mark),
//! the byte-order mark removed, and every CRLF or lone CR turned into LF.
//!
//! Whether a file is binary is decided from its first block alone ([`sniff`]), so that a huge
//! binary file is refused before it is read.

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
    /// UTF-16 without a byte-order mark, recognised by its zero bytes on one side of each pair.
    Utf16NoBom { little_endian: bool },
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
            Self::Utf16NoBom { little_endian } => {
                let order = if *little_endian { "LE" } else { "BE" };
                write!(f, "UTF-16{order} without a byte-order mark")
            }
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

/// How many bytes at the start of a file decide whether it is text.
pub const SNIFF_BYTES: usize = 64 * 1024;

/// Decode the bytes of a text file. See the module docs for the rules.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    decode_owned(bytes.to_vec())
}

/// [`decode`], taking the bytes: valid UTF-8 (the usual case) becomes the text without a copy.
pub fn decode_owned(bytes: Vec<u8>) -> Result<Decoded, DecodeError> {
    let sniffed = sniff(&bytes);
    decode_sniffed(bytes, sniffed)
}

/// [`decode_owned`] for bytes whose first block [`sniff`] has already looked at.
pub fn decode_sniffed(mut bytes: Vec<u8>, sniffed: Sniffed) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let (text, encoding) = if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
        utf8_or_fallback(bytes, true)
    } else if let Some(little_endian) = utf16_bom(&bytes) {
        let text = utf16(&bytes, little_endian, true)?;
        (text, TextEncoding::Utf16 { little_endian })
    } else {
        match sniffed {
            Sniffed::Binary(kind) => return Err(DecodeError::Binary(kind)),
            Sniffed::Utf16NoBom { little_endian } => match utf16(&bytes, little_endian, false) {
                Ok(text) => (text, TextEncoding::Utf16NoBom { little_endian }),
                // Not UTF-16 after all: binary for the reason the bytes give.
                Err(_) => {
                    let kind = binary_kind(&bytes).unwrap_or("control characters");
                    return Err(DecodeError::Binary(kind));
                }
            },
            Sniffed::Text => utf8_or_fallback(bytes, false),
        }
    };
    let text = normalize_newlines(text);
    if text.trim().is_empty() {
        return Err(DecodeError::Blank);
    }
    Ok(Decoded { text, encoding })
}

/// What the first block of a file says it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sniffed {
    Text,
    Utf16NoBom { little_endian: bool },
    Binary(&'static str),
}

/// Decide from the first [`SNIFF_BYTES`] of a file (more are ignored) whether it is text. Text
/// (no zero byte, few control bytes) costs one fast pass over the block.
pub fn sniff(bytes: &[u8]) -> Sniffed {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if utf16_bom(head).is_some() || head.starts_with(b"\xEF\xBB\xBF") {
        return Sniffed::Text;
    }
    if let Some(kind) = magic_kind(head) {
        return Sniffed::Binary(kind);
    }
    // One pass decides for ordinary text: no control byte at all (NUL is one).
    let control = control_bytes(head);
    if control == 0 {
        return Sniffed::Text;
    }
    if head.contains(&0) {
        return match utf16_without_bom(head) {
            Some(little_endian) => Sniffed::Utf16NoBom { little_endian },
            None => Sniffed::Binary("contains NUL bytes"),
        };
    }
    if control * 10 > head.len() {
        return Sniffed::Binary("control characters");
    }
    Sniffed::Text
}

/// Bytes below 0x20 other than LF, CR, tab and form feed. Counted in runs of 255 into a byte,
/// with comparisons only, so that the loop vectorises (this is most of the cost of a search).
fn control_bytes(bytes: &[u8]) -> usize {
    bytes
        .chunks(255)
        .map(|run| {
            run.iter().fold(0u8, |n, &b| {
                let allowed = u8::from(b == b'\n')
                    + u8::from(b == b'\r')
                    + u8::from(b == b'\t')
                    + u8::from(b == 0x0C);
                n.wrapping_add(u8::from(b < 0x20).wrapping_sub(allowed))
            })
        })
        .map(usize::from)
        .sum()
}

fn utf16_bom(bytes: &[u8]) -> Option<bool> {
    if bytes.starts_with(b"\xFF\xFE") {
        Some(true)
    } else if bytes.starts_with(b"\xFE\xFF") {
        Some(false)
    } else {
        None
    }
}

/// UTF-16 text of a language written mostly in Latin, Greek or Cyrillic letters has a zero
/// (or a small constant) high byte in most pairs; ASCII-range text in it has a zero on one side
/// of the pair only. Some zeros on one side and none on the other is UTF-16 without a BOM.
fn utf16_without_bom(head: &[u8]) -> Option<bool> {
    let pairs = head.len() / 2;
    if pairs < 2 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in head.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    // Zeros in at least one pair in fifty on one side (spaces, digits and punctuation give
    // that in any script), and twenty times fewer on the other (a CJK character has a zero low
    // byte now and then). The decoded text is checked for control characters afterwards.
    let one_sided = |a: usize, b: usize| a * 50 >= pairs && b * 20 <= a;
    if one_sided(odd, even) {
        Some(true)
    } else if one_sided(even, odd) {
        Some(false)
    } else {
        None
    }
}

/// Decode UTF-16 (a leading BOM is dropped) and refuse what is not text after all. Without a
/// BOM the guess must be clean: not one control character, unpaired surrogate or noncharacter
/// in the first block.
fn utf16(bytes: &[u8], little_endian: bool, bom: bool) -> Result<String, DecodeError> {
    let enc = if little_endian {
        encoding_rs::UTF_16LE
    } else {
        encoding_rs::UTF_16BE
    };
    let (text, _) = enc.decode_with_bom_removal(bytes);
    let text = text.into_owned();
    let head = || text.chars().take(SNIFF_BYTES);
    let unpaired = head().filter(|&c| c == char::REPLACEMENT_CHARACTER).count();
    if looks_binary_text(&text) || unpaired * 100 > head().count() {
        return Err(DecodeError::Binary("control characters"));
    }
    let odd = |c: char| {
        (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}'))
            || matches!(c, '\u{FFFD}' | '\u{FFFE}' | '\u{FFFF}')
    };
    if !bom && head().any(odd) {
        return Err(DecodeError::Binary("contains NUL bytes"));
    }
    Ok(text)
}

/// UTF-8 when it is (taking the bytes as they are), damaged UTF-8 with replacements, or
/// Windows-1252.
fn utf8_or_fallback(bytes: Vec<u8>, bom: bool) -> (String, TextEncoding) {
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return (text, TextEncoding::Utf8 { bom }),
        Err(e) => e.into_bytes(),
    };
    match decode_utf8(&bytes) {
        Utf8Text::Valid(t) => (t, TextEncoding::Utf8 { bom }),
        Utf8Text::Lossy(t, replaced) => (t, TextEncoding::Utf8Lossy { replaced }),
        Utf8Text::NotUtf8 => {
            let (t, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes);
            (t.into_owned(), TextEncoding::Windows1252)
        }
    }
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

/// Recognise binary content by its magic number.
fn magic_kind(bytes: &[u8]) -> Option<&'static str> {
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
    MAGIC
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, kind)| *kind)
}

/// Recognise binary content: known magic numbers, NUL bytes, or many control bytes.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    if let Some(kind) = magic_kind(bytes) {
        return Some(kind);
    }
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.contains(&0) {
        return Some("contains NUL bytes");
    }
    if control_bytes(head) * 10 > head.len() {
        return Some("control characters");
    }
    None
}

fn looks_binary_text(text: &str) -> bool {
    let head: Vec<char> = text.chars().take(SNIFF_BYTES).collect();
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

    fn utf16_bytes(text: &str, little_endian: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| {
                if little_endian {
                    u.to_le_bytes()
                } else {
                    u.to_be_bytes()
                }
            })
            .collect()
    }

    #[test]
    fn utf16_without_bom_is_text_not_binary() {
        // Issue 9, case 11: this was called binary ("contains NUL bytes").
        for le in [true, false] {
            let d = ok(&utf16_bytes("Perú: 35,000 hectáreas\r\nde coca.\r\n", le));
            assert_eq!(d.text, "Perú: 35,000 hectáreas\nde coca.\n");
            assert_eq!(d.encoding, TextEncoding::Utf16NoBom { little_endian: le });
        }
        let chinese = ok(&utf16_bytes("秘鲁 2015 年铲除了 35,000 公顷古柯。", true));
        assert_eq!(chinese.text, "秘鲁 2015 年铲除了 35,000 公顷古柯。");
        assert_eq!(
            sniff(&utf16_bytes("Año", true)),
            Sniffed::Utf16NoBom {
                little_endian: true
            }
        );
        // Zeros on both sides are still binary.
        assert!(matches!(sniff(&[0u8; 4096]), Sniffed::Binary(_)));
        assert!(matches!(
            decode(b"\x01\x00\x02\x00\x03\x00\x04\x00"),
            Err(DecodeError::Binary(_))
        ));
        // The hostile fixture's binary file: a zero on one side only, but not text.
        assert!(matches!(
            decode(b"\x00\x01\x02\x03 not text \xff\xfe\x00"),
            Err(DecodeError::Binary(_))
        ));
    }

    #[test]
    fn control_bytes_are_counted_exactly() {
        let mut bytes = b"line\r\n\ttab\x0Cfeed".repeat(300);
        assert_eq!(control_bytes(&bytes), 0);
        bytes.extend_from_slice(&[1, 2, 0x1F, 0x20, 0x7F]);
        assert_eq!(control_bytes(&bytes), 3);
        assert_eq!(control_bytes(&[0x1B; 1000]), 1000);
    }

    #[test]
    fn the_first_block_decides_binary() {
        let mut bytes = vec![0u8; SNIFF_BYTES];
        bytes.extend_from_slice(b"text after the first block");
        assert!(matches!(sniff(&bytes), Sniffed::Binary(_)));
        let mut text = b"plain text ".repeat(SNIFF_BYTES / 11 + 1);
        assert_eq!(sniff(&text), Sniffed::Text);
        text.extend_from_slice(&[0, 0, 0]);
        assert_eq!(
            sniff(&text),
            Sniffed::Text,
            "only the first block is looked at"
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
