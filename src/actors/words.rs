//! The tokenizer the actor rules read: words (letters and digits, split at hyphens and
//! apostrophes) and single punctuation marks, each with its byte range, its capitalisation and
//! a folded key (lower case, accents removed) kept in one shared buffer.

use std::ops::Range;

/// One token of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tok {
    /// Byte range in the text.
    pub start: u32,
    pub end: u32,
    /// Byte range of the folded key in [`Tokens::keys`].
    key_start: u32,
    key_end: u32,
    pub flags: u8,
}

/// A word (letters or digits); otherwise a punctuation mark.
pub const WORD: u8 = 1;
/// The first character is an upper-case letter.
pub const UPPER: u8 = 2;
/// Two or more letters, all upper case.
pub const ALL_CAPS: u8 = 4;
/// Has at least one letter.
pub const LETTERS: u8 = 8;
/// A line break (or the start of the text) comes right before the token.
pub const LINE_START: u8 = 16;
/// White space comes right before the token.
pub const SPACE_BEFORE: u8 = 32;

impl Tok {
    pub fn is(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }

    pub fn is_word(&self) -> bool {
        self.is(WORD)
    }

    /// A word that starts with a capital letter.
    pub fn is_cap(&self) -> bool {
        self.flags & (WORD | UPPER) == WORD | UPPER
    }

    pub fn bytes(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// The tokens of a text and their folded keys.
#[derive(Debug, Default)]
pub struct Tokens {
    pub toks: Vec<Tok>,
    keys: String,
}

impl Tokens {
    /// The folded key of token `i` ("méxico" for "México", "," for a comma).
    pub fn key(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .and_then(|t| self.keys.get(t.key_start as usize..t.key_end as usize))
            .unwrap_or("")
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// The text of token `i` as written.
    pub fn text<'t>(&self, text: &'t str, i: usize) -> &'t str {
        self.toks
            .get(i)
            .and_then(|t| text.get(t.bytes()))
            .unwrap_or("")
    }
}

/// Tokenize `text`. Texts over 4 GiB are cut at 4 GiB (offsets are kept in 32 bits).
pub fn tokenize(text: &str) -> Tokens {
    let text = &text[..floor_boundary(text, u32::MAX as usize)];
    let mut out = Tokens {
        toks: Vec::with_capacity(text.len() / 5 + 1),
        keys: String::with_capacity(text.len()),
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut line_start = true;
    let mut space = false;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            line_start |= b == b'\n';
            space = true;
            i += 1;
            continue;
        }
        let mut flags = 0;
        if line_start {
            flags |= LINE_START;
        }
        if space {
            flags |= SPACE_BEFORE;
        }
        line_start = false;
        space = false;
        let key_start = out.keys.len();
        let start = i;
        if b.is_ascii_alphanumeric() {
            // The ASCII fast path: a run of letters and digits.
            let mut j = i;
            let (mut upper, mut lower) = (0usize, 0usize);
            while j < bytes.len() && bytes[j].is_ascii_alphanumeric() {
                let c = bytes[j];
                upper += c.is_ascii_uppercase() as usize;
                lower += c.is_ascii_lowercase() as usize;
                out.keys.push(c.to_ascii_lowercase() as char);
                j += 1;
            }
            if j < bytes.len() && bytes[j] >= 0x80 {
                // A word that goes on with non-ASCII letters ("Bogotá").
                let (end, up, low) = word_tail(text, j, &mut out.keys);
                j = end;
                upper += up;
                lower += low;
            }
            flags |= word_flags(b.is_ascii_uppercase(), upper, lower);
            i = j;
        } else if b >= 0x80 {
            let c = text[i..].chars().next().unwrap_or(' ');
            if c.is_alphanumeric() {
                let (end, upper, lower) = word_tail(text, i, &mut out.keys);
                flags |= word_flags(c.is_uppercase(), upper, lower);
                i = end;
            } else {
                i += c.len_utf8();
                if c.is_whitespace() {
                    out.keys.truncate(key_start);
                    line_start |= c == '\u{2028}' || c == '\u{2029}';
                    space = true;
                    continue;
                }
                push_folded_punct(c, &mut out.keys);
            }
        } else {
            out.keys.push(b as char);
            i += 1;
        }
        out.toks.push(Tok {
            start: start as u32,
            end: i as u32,
            key_start: key_start as u32,
            key_end: out.keys.len() as u32,
            flags,
        });
    }
    out
}

fn word_flags(first_upper: bool, upper: usize, lower: usize) -> u8 {
    let mut flags = WORD;
    if first_upper {
        flags |= UPPER;
    }
    if upper + lower > 0 {
        flags |= LETTERS;
    }
    if upper >= 2 && lower == 0 {
        flags |= ALL_CAPS;
    }
    flags
}

/// Read letters and digits from byte `at`, folding them into `keys`; returns the end and the
/// counts of upper- and lower-case letters.
fn word_tail(text: &str, at: usize, keys: &mut String) -> (usize, usize, usize) {
    let (mut upper, mut lower) = (0, 0);
    let mut end = at;
    for (k, c) in text[at..].char_indices() {
        if !c.is_alphanumeric() {
            break;
        }
        upper += c.is_uppercase() as usize;
        lower += c.is_lowercase() as usize;
        push_folded(c, keys);
        end = at + k + c.len_utf8();
    }
    (end, upper, lower)
}

/// Push `c` lower-cased and without its accent.
pub fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    for l in c.to_lowercase() {
        out.push(match l {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'ē' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'ī' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ō' => 'o',
            'ú' | 'ù' | 'û' | 'ü' | 'ū' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            'ș' | 'ş' => 's',
            'ț' | 'ţ' => 't',
            other => other,
        });
    }
}

fn push_folded_punct(c: char, out: &mut String) {
    out.push(match c {
        '’' | '‘' | '`' | '´' => '\'',
        '“' | '”' | '«' | '»' => '"',
        '–' | '—' | '‐' | '‑' => '-',
        other => other,
    });
}

/// `s` folded as a whole (for word lists).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_alphanumeric() {
            push_folded(c, &mut out);
        } else {
            push_folded_punct(c, &mut out);
        }
    }
    out
}

fn floor_boundary(text: &str, at: usize) -> usize {
    let mut i = at.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_punctuation_and_keys() {
        let text = "Russia's FSKN, in Bogotá–México\nU.S. Army";
        let t = tokenize(text);
        let keys: Vec<&str> = (0..t.len()).map(|i| t.key(i)).collect();
        assert_eq!(
            keys,
            vec![
                "russia", "'", "s", "fskn", ",", "in", "bogota", "-", "mexico", "u", ".", "s", ".",
                "army"
            ]
        );
        assert!(t.toks[0].is_cap() && !t.toks[0].is(ALL_CAPS));
        assert!(t.toks[3].is(ALL_CAPS));
        assert!(t.toks[9].is(LINE_START));
        assert_eq!(t.text(text, 6), "Bogotá");
        assert!(!t.toks[8].is(SPACE_BEFORE) && t.toks[5].is(SPACE_BEFORE));
    }
}
