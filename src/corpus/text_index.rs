//! Fast conversion between code point offsets (what Dossier stores) and byte offsets (what
//! Rust strings and egui galleys use).

/// One checkpoint every this many code points.
const STRIDE: usize = 128;

/// A sparse map from code point offsets to byte offsets for one text.
#[derive(Clone, Debug, Default)]
pub struct TextIndex {
    /// Byte offset of code point `i * STRIDE`. Empty when the text is ASCII.
    checkpoints: Vec<usize>,
    char_len: usize,
    byte_len: usize,
}

impl TextIndex {
    pub fn new(text: &str) -> Self {
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

    /// Number of code points in the text.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    fn is_ascii(&self) -> bool {
        self.char_len == self.byte_len
    }

    /// Byte offset of code point `char_idx` (which may equal the length). `None` past the end.
    pub fn byte_of(&self, text: &str, char_idx: usize) -> Option<usize> {
        if char_idx > self.char_len {
            return None;
        }
        if self.is_ascii() {
            return Some(char_idx);
        }
        if char_idx == self.char_len {
            return Some(self.byte_len);
        }
        let start = *self.checkpoints.get(char_idx / STRIDE)?;
        let rest = text.get(start..)?;
        rest.char_indices()
            .nth(char_idx % STRIDE)
            .map(|(b, _)| start + b)
    }

    /// Code point offset of byte `byte_idx`, which must sit on a char boundary.
    pub fn char_of(&self, text: &str, byte_idx: usize) -> Option<usize> {
        if byte_idx > self.byte_len || !text.is_char_boundary(byte_idx) {
            return None;
        }
        if self.is_ascii() {
            return Some(byte_idx);
        }
        let slot = match self.checkpoints.binary_search(&byte_idx) {
            Ok(i) => return Some(i * STRIDE),
            Err(i) => i.saturating_sub(1),
        };
        let start = *self.checkpoints.get(slot)?;
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
        let index = TextIndex::new(&text);
        assert_eq!(index.char_len(), text.chars().count());
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(index.byte_of(&text, ci), Some(bi));
            assert_eq!(index.char_of(&text, bi), Some(ci));
        }
        assert_eq!(index.byte_of(&text, index.char_len()), Some(text.len()));
        assert_eq!(index.byte_of(&text, index.char_len() + 1), None);
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
