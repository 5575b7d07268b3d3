//! Sentences bounded in length: a text with no full stops is read in pieces of at most
//! [`MAX_SENTENCE_BYTES`], cut at a clause or a space, so that rules that look at a whole
//! sentence (figures, actors and their relations) stay linear in the text.

use std::ops::Range;

/// A sentence longer than this (in bytes) is cut at its last clause or line break before it,
/// or failing that at a space: no rule then looks at more than this much text at once.
pub const MAX_SENTENCE_BYTES: usize = 2_000;
/// The sentences of `text` (byte ranges), none longer than [`MAX_SENTENCE_BYTES`].
pub fn bounded_sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for r in crate::text::sentences(text) {
        let mut start = r.start;
        while r.end - start > MAX_SENTENCE_BYTES {
            let cut = cut_point(text, start, start + MAX_SENTENCE_BYTES);
            out.push(start..cut);
            start = cut;
            // The next piece starts at a word.
            while start < r.end && text.as_bytes()[start].is_ascii_whitespace() {
                start += 1;
            }
        }
        if start < r.end {
            out.push(start..r.end);
        }
    }
    out
}

/// Where to cut `text[start..limit]`: after its last line break, semicolon, colon or comma
/// followed by a space in the second half, else at its last space, else at a char boundary.
fn cut_point(text: &str, start: usize, limit: usize) -> usize {
    let mut limit = limit.min(text.len());
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let half = start + (limit - start) / 2;
    let piece = &text.as_bytes()[half..limit];
    for marks in [&b"\n"[..], b";", b":", b","] {
        if let Some(p) = piece
            .windows(2)
            .rposition(|w| marks.contains(&w[0]) && w[1].is_ascii_whitespace())
        {
            return half + p + 1;
        }
    }
    // A space between two words with no digit just before, so that "5 tons" and "24 Russian
    // helicopters" stay together; failing that, a space after a word; failing that, any.
    let calm = (1..piece.len().saturating_sub(1)).rev().find(|&p| {
        piece[p].is_ascii_whitespace()
            && piece[p + 1].is_ascii_alphabetic()
            && piece[p - 1].is_ascii_alphabetic()
            && !piece[p.saturating_sub(16)..p]
                .iter()
                .any(u8::is_ascii_digit)
    });
    let after_word = || {
        (1..piece.len())
            .rev()
            .find(|&p| piece[p].is_ascii_whitespace() && piece[p - 1].is_ascii_alphabetic())
    };
    if let Some(p) = calm
        .or_else(after_word)
        .or_else(|| piece.iter().rposition(u8::is_ascii_whitespace))
    {
        return half + p;
    }
    let mut cut = limit;
    while cut > start && !text.is_char_boundary(cut) {
        cut -= 1;
    }
    if cut == start { limit } else { cut }
}
