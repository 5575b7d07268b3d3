//! A small tokenizer for figure extraction: words, numbers and single punctuation marks, with
//! byte offsets and whether white space (or a line break) came before each. It allocates
//! nothing per token, so a whole corpus can be scanned quickly.

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Letters (any script), possibly with internal apostrophes: `Peru`, `country's`.
    Word,
    /// Digits, possibly with internal `,` `.` or narrow spaces between digit groups: `35,000`.
    Number,
    /// Any other single character: `$`, `%`, `-`, `(`.
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: Kind,
    /// Byte range in the text.
    pub start: usize,
    pub end: usize,
    /// White space came right before this token.
    pub space_before: bool,
}

impl Token {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Case-insensitive comparison with an ASCII word.
    pub fn is(&self, text: &str, word: &str) -> bool {
        self.text(text).eq_ignore_ascii_case(word)
    }

    pub fn is_punct(&self, text: &str, c: char) -> bool {
        self.kind == Kind::Punct && self.text(text).starts_with(c)
    }
}

/// Characters that may sit between the digit groups of one number.
fn is_group_space(c: char) -> bool {
    matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2009}')
}

/// Split `text[range]` into tokens (offsets are into `text`).
pub fn tokenize(text: &str, range: std::ops::Range<usize>, out: &mut Vec<Token>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut i = range.start;
    let end = range.end.min(text.len());
    let mut space = false;
    while i < end {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            space = true;
            i += 1;
            continue;
        }
        let start = i;
        let kind = if b.is_ascii_digit() {
            i = number_end(text, start, end);
            Kind::Number
        } else if b.is_ascii_alphabetic() || b >= 0x80 {
            // Decode one char to decide (non-ASCII may be a letter, a space or a symbol).
            let c = text[i..end].chars().next().unwrap_or(' ');
            if c.is_whitespace() {
                space = true;
                i += c.len_utf8();
                continue;
            }
            if c.is_alphabetic() {
                i = word_end(text, start, end);
                Kind::Word
            } else {
                i += c.len_utf8();
                Kind::Punct
            }
        } else {
            i += 1;
            Kind::Punct
        };
        out.push(Token {
            kind,
            start,
            end: i,
            space_before: space,
        });
        space = false;
    }
}

/// Where the word starting at byte `start` ends: letters (any script), with apostrophes
/// inside ("country's").
fn word_end(text: &str, start: usize, end: usize) -> usize {
    let mut i = start;
    while i < end {
        let c = text[i..end].chars().next().unwrap_or(' ');
        let inner_apostrophe = (c == '\'' || c == '’')
            && text[i + c.len_utf8()..end]
                .chars()
                .next()
                .is_some_and(char::is_alphabetic);
        if !(c.is_alphabetic() || inner_apostrophe) {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// Where the number starting at byte `start` ends: digits, with `,` or `.` between digits,
/// and digit groups split by one space ("1 000 tonnes", only groups of three after one to
/// three digits) or a narrow space ("35\u{202F}000").
fn number_end(text: &str, start: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = start + 1;
    // The number so far is groups of digits split by single spaces, the first of one to three
    // digits and the others of three (kept as the number grows, so no group is read twice).
    let mut first_group = true;
    let mut group = 1;
    let mut plain = true;
    loop {
        while i < end && bytes[i].is_ascii_digit() {
            i += 1;
            group += 1;
        }
        if first_group {
            plain &= group <= 3;
        } else {
            plain &= group == 3;
        }
        // A separator continues the number only when a digit follows it.
        if i + 1 < end && matches!(bytes[i], b',' | b'.') && bytes[i + 1].is_ascii_digit() {
            i += 1;
            plain = false;
            group = 0;
            continue;
        }
        // "1 000 tonnes": a plain space groups digits when exactly three digits follow.
        if i + 1 < end && bytes[i] == b' ' && bytes[i + 1].is_ascii_digit() && plain {
            let after = i + 1;
            if three_digits_end(bytes, after, end) {
                i = after;
                first_group = false;
                group = 0;
                continue;
            }
        }
        if i < end
            && bytes[i] >= 0x80
            && let Some(c) = text[i..end].chars().next()
        {
            let after = i + c.len_utf8();
            // "35 000": only when exactly three digits follow.
            if is_group_space(c) && after < end && bytes[after].is_ascii_digit() {
                let digits = bytes[after..end]
                    .iter()
                    .take_while(|d| d.is_ascii_digit())
                    .count();
                if digits == 3 {
                    i = after;
                    plain = false;
                    group = 0;
                    continue;
                }
            }
        }
        return i;
    }
}

/// Exactly three digits start at `at`, and the number ends after them (a separator after
/// them must not lead on to more digits).
fn three_digits_end(bytes: &[u8], at: usize, end: usize) -> bool {
    let digits = bytes[at..end]
        .iter()
        .take_while(|d| d.is_ascii_digit())
        .count();
    let next = bytes.get(at + 3).copied();
    let ends = match next {
        None => true,
        Some(b',' | b'.') => bytes.get(at + 4).is_none_or(|d| !d.is_ascii_digit()),
        Some(d) => !d.is_ascii_digit(),
    };
    digits == 3 && ends && at + 3 <= end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(Kind, &str, bool)> {
        let mut out = Vec::new();
        tokenize(text, 0..text.len(), &mut out);
        out.iter()
            .map(|t| (t.kind, t.text(text), t.space_before))
            .collect()
    }

    #[test]
    fn numbers_words_and_marks() {
        use Kind::*;
        assert_eq!(
            toks("$5.4 billion, Mi-17 country's 35,000."),
            vec![
                (Punct, "$", false),
                (Number, "5.4", false),
                (Word, "billion", true),
                (Punct, ",", false),
                (Word, "Mi", true),
                (Punct, "-", false),
                (Number, "17", false),
                (Word, "country's", true),
                (Number, "35,000", true),
                (Punct, ".", false),
            ]
        );
    }

    #[test]
    fn narrow_spaces_group_digits() {
        let t = toks("35\u{00A0}000 hectáreas and 12\u{00A0}34");
        assert_eq!(t[0].1, "35\u{00A0}000");
        assert_eq!(t[1].1, "hectáreas");
        assert_eq!(t[3].1, "12");
        let t = toks(
            "Over 1 000 tonnes, 12 500 000 people, 2 500. In 2019 150 ships, 3 4000 and 5 123 4",
        );
        let numbers: Vec<&str> = t
            .iter()
            .filter(|x| x.0 == Kind::Number)
            .map(|x| x.1)
            .collect();
        assert_eq!(
            numbers,
            vec![
                "1 000",
                "12 500 000",
                "2 500",
                "2019",
                "150",
                "3",
                "4000",
                "5 123",
                "4"
            ]
        );
    }
}
