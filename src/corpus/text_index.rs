//! Fast conversion between code point offsets (what Dossier stores) and byte offsets (what
//! Rust strings and egui galleys use). The index is built on first use, so a text nobody asks
//! about (a search that found nothing in it) never pays for it.

use std::sync::OnceLock;

/// One checkpoint every this many code points.
const STRIDE: usize = 128;

/// A sparse map from code point offsets to byte offsets for one text. Every method takes the
/// text the index was made for; the map is built from it the first time it is needed.
#[derive(Clone, Debug, Default)]
pub struct TextIndex {
    built: OnceLock<Built>,
}

#[derive(Clone, Debug, Default)]
struct Built {
    /// Byte offset of code point `i * STRIDE`. Empty when the text is ASCII.
    checkpoints: Vec<usize>,
    char_len: usize,
    byte_len: usize,
}

impl Built {
    fn of(text: &str) -> Self {
        if text.is_ascii() {
            return Self {
                checkpoints: Vec::new(),
                char_len: text.len(),
                byte_len: text.len(),
            };
        }
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut char_len = 0;
        for (i, (byte, _)) in text.char_indices().enumerate() {
            if i % STRIDE == 0 {
                checkpoints.push(byte);
            }
            char_len = i + 1;
        }
        Self {
            checkpoints,
            char_len,
            byte_len: text.len(),
        }
    }

    fn is_ascii(&self) -> bool {
        self.char_len == self.byte_len
    }
}

impl TextIndex {
    /// The index of `text`, built now.
    pub fn new(text: &str) -> Self {
        let index = Self::lazy();
        index.built(text);
        index
    }

    /// An index that is built from the text on first use.
    pub fn lazy() -> Self {
        Self::default()
    }

    /// Has the map been built yet? (For tests and memory accounting.)
    pub fn is_built(&self) -> bool {
        self.built.get().is_some()
    }

    fn built(&self, text: &str) -> &Built {
        self.built.get_or_init(|| Built::of(text))
    }

    /// Number of code points in the text.
    pub fn char_len(&self, text: &str) -> usize {
        self.built(text).char_len
    }

    /// Byte offset of code point `char_idx` (which may equal the length). `None` past the end.
    pub fn byte_of(&self, text: &str, char_idx: usize) -> Option<usize> {
        let built = self.built(text);
        if char_idx > built.char_len {
            return None;
        }
        if built.is_ascii() {
            return Some(char_idx);
        }
        if char_idx == built.char_len {
            return Some(built.byte_len);
        }
        let start = *built.checkpoints.get(char_idx / STRIDE)?;
        let rest = text.get(start..)?;
        rest.char_indices()
            .nth(char_idx % STRIDE)
            .map(|(b, _)| start + b)
    }

    /// Code point offset of byte `byte_idx`, which must sit on a char boundary.
    pub fn char_of(&self, text: &str, byte_idx: usize) -> Option<usize> {
        let built = self.built(text);
        if byte_idx > built.byte_len || !text.is_char_boundary(byte_idx) {
            return None;
        }
        if built.is_ascii() {
            return Some(byte_idx);
        }
        let slot = match built.checkpoints.binary_search(&byte_idx) {
            Ok(i) => return Some(i * STRIDE),
            Err(i) => i.saturating_sub(1),
        };
        let start = *built.checkpoints.get(slot)?;
        Some(slot * STRIDE + text.get(start..byte_idx)?.chars().count())
    }

    /// The text between two code point offsets, or `None` when the range is not inside it.
    pub fn slice<'t>(&self, text: &'t str, start: usize, end: usize) -> Option<&'t str> {
        if start > end {
            return None;
        }
        let a = self.byte_of(text, start)?;
        let b = self.byte_of(text, end)?;
        text.get(a..b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multibyte_offsets_round_trip() {
        let text = "Perú – “35,000 hectáreas” 🌿 ".repeat(40);
        let index = TextIndex::lazy();
        assert!(!index.is_built());
        assert_eq!(index.char_len(&text), text.chars().count());
        assert!(index.is_built());
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(index.byte_of(&text, ci), Some(bi));
            assert_eq!(index.char_of(&text, bi), Some(ci));
        }
        let n = index.char_len(&text);
        assert_eq!(index.byte_of(&text, n), Some(text.len()));
        assert_eq!(index.byte_of(&text, n + 1), None);
        // 'ú' is two bytes: byte 4 is inside it.
        assert_eq!(index.char_of(&text, 4), None);
        assert_eq!(index.slice(&text, 0, 4), Some("Perú"));
        assert_eq!(index.slice(&text, 26, 27), Some("🌿"));
        assert_eq!(index.slice(&text, 5, 4), None);
    }

    #[test]
    fn ascii_is_identity() {
        let index = TextIndex::new("hello");
        assert_eq!(index.byte_of("hello", 3), Some(3));
        assert_eq!(index.slice("hello", 1, 3), Some("el"));
        assert_eq!(index.slice("hello", 1, 9), None);
    }
}
