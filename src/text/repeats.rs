//! Text that repeats itself: an article whose body was saved twice (the fifth seed), a block
//! of paragraphs pasted again further down. [`find`] returns each later copy with the text it
//! copies, so that what lies in a copy (search hits, figures) can be marked as a repeat
//! instead of counted twice.
//!
//! The text is cut into lines; a line repeats when the same words, white space aside, came
//! earlier. Runs of repeated lines (blank and short lines between them do not break a run)
//! long enough to be more than a stock phrase are reported. One hash per line makes it linear
//! in the text.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::ops::Range;

/// Lines shorter than this (in bytes, white space collapsed) are not looked up: "Share", a
/// date or a dateline may well appear twice without the body being repeated.
const MIN_LINE_BYTES: usize = 24;
/// A run of repeated lines shorter than this (in bytes) is a stock phrase or a headline shown
/// twice, not a repeated copy.
const MIN_RUN_BYTES: usize = 200;

/// A later copy of earlier text, as byte ranges of the same text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Repeat {
    /// Where the text was first written.
    pub original: Range<usize>,
    /// The later copy.
    pub copy: Range<usize>,
}

/// One line of the text: its byte range without the line break and outer white space.
#[derive(Clone, Debug)]
struct Line {
    range: Range<usize>,
    /// Bytes of its words with single spaces between them.
    len: usize,
    hash: u64,
}

/// The later copies of earlier text in `text`, in text order, cut at line boundaries.
pub fn find(text: &str) -> Vec<Repeat> {
    let lines = lines(text);
    // For each line, the earlier line it repeats.
    let mut first: HashMap<u64, usize> = HashMap::new();
    let mut source: Vec<Option<usize>> = vec![None; lines.len()];
    for (k, line) in lines.iter().enumerate() {
        if line.len < MIN_LINE_BYTES {
            continue;
        }
        match first.get(&line.hash) {
            Some(&earlier) if same_words(text, &lines[earlier].range, &line.range) => {
                source[k] = Some(earlier);
            }
            Some(_) => {}
            None => {
                first.insert(line.hash, k);
            }
        }
    }
    runs(&lines, &source)
}

/// Runs of repeated lines: short lines between two repeated ones do not break a run (they
/// were not looked up); a long line that is new does.
fn runs(lines: &[Line], source: &[Option<usize>]) -> Vec<Repeat> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        let Some(start_src) = source[k] else {
            k += 1;
            continue;
        };
        let (mut last, mut last_src, mut bytes) = (k, start_src, lines[k].len);
        let mut j = k + 1;
        while j < lines.len() {
            match source[j] {
                // The copy goes on in the same order as the original.
                Some(s) if s > last_src => {
                    (last, last_src) = (j, s);
                    bytes += lines[j].len;
                }
                None if lines[j].len < MIN_LINE_BYTES => {}
                _ => break,
            }
            j += 1;
        }
        let copy = lines[k].range.start..lines[last].range.end;
        let original = lines[start_src].range.start..lines[last_src].range.end;
        // A copy that overlaps its original is a line repeated in a row, not a second body.
        if bytes >= MIN_RUN_BYTES && original.end <= copy.start {
            out.push(Repeat { original, copy });
        }
        k = last + 1;
    }
    out
}

/// Every non-blank line with its hash of words (white space collapsed).
fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut at = 0;
    for raw in text.split_inclusive('\n') {
        let start = at;
        at += raw.len();
        let body = raw.trim_end_matches(['\n', '\r']);
        let trimmed_start = body.len() - body.trim_start().len();
        let trimmed = body.trim();
        if trimmed.is_empty() {
            continue;
        }
        let mut hasher = DefaultHasher::new();
        let mut len = 0;
        for (i, word) in trimmed.split_whitespace().enumerate() {
            if i > 0 {
                len += 1;
            }
            word.hash(&mut hasher);
            len += word.len();
        }
        let s = start + trimmed_start;
        out.push(Line {
            range: s..s + trimmed.len(),
            len,
            hash: hasher.finish(),
        });
    }
    out
}

fn same_words(text: &str, a: &Range<usize>, b: &Range<usize>) -> bool {
    match (text.get(a.clone()), text.get(b.clone())) {
        (Some(x), Some(y)) => x.split_whitespace().eq(y.split_whitespace()),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "The Armed Forces of Peru and Mexico are strengthening their cooperation.\n\n\
        During his official visit to Mexico, the minister announced bilateral cooperation.\n\n\
        Under the agreement, the two countries will exchange information on drug trafficking.\n";

    #[test]
    fn a_body_saved_twice_is_one_repeat_of_the_first_copy() {
        let text = format!("Headline of the story here\n\nBy Dialogo\n\n{BODY}\n\n\n{BODY}");
        let found = find(&text);
        assert_eq!(found.len(), 1, "{found:?}");
        let r = &found[0];
        let first = text.find("The Armed").expect("first");
        let second = text.rfind("The Armed").expect("second");
        assert_eq!(r.original.start, first);
        assert_eq!(r.copy.start, second);
        assert_eq!(&text[r.copy.clone()], BODY.trim_end());
        assert_eq!(&text[r.original.clone()], BODY.trim_end());
    }

    #[test]
    fn a_headline_shown_twice_or_a_short_line_is_not_a_repeat() {
        let text = "Armed Forces of Peru and Mexico Cooperate\n\nArmed Forces of Peru and Mexico Cooperate\n\nShare\n\nShare\n\nThe body of the article is written once and only once.";
        assert!(find(text).is_empty());
        assert!(find("").is_empty());
        // A long line repeated right after itself: not a second body.
        let line = "A long sentence that the page shows again right after itself, by mistake.";
        let twice = format!("{line}\n{line}\n{line}\n");
        for r in find(&twice) {
            assert!(r.original.end <= r.copy.start);
        }
    }

    #[test]
    fn white_space_does_not_hide_a_copy_and_new_text_ends_it() {
        let copy = BODY.replace(' ', "  ");
        let text = format!(
            "{BODY}\nSomething written only here, long enough to count as new text.\n{copy}\nThe end of the piece, which is new as well and long enough."
        );
        let found = find(&text);
        assert_eq!(found.len(), 1);
        assert!(text[found[0].copy.clone()].starts_with("The  Armed"));
        assert!(text[found[0].copy.clone()].ends_with("trafficking."));
    }

    #[test]
    fn the_fifth_seed_holds_its_body_twice_and_no_other_seed_repeats() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).expect("seeds") {
            let path = entry.expect("entry").path();
            let text = std::fs::read_to_string(&path).expect("seed");
            let found = find(&text);
            if path.ends_with("004_4e1d6365705cc31f.txt") {
                assert_eq!(found.len(), 1, "{found:?}");
                let r = &found[0];
                assert!(
                    text[r.copy.clone()].starts_with("The Armed Forces of Peru and Mexico are")
                );
                assert!(
                    r.copy.len() * 10 > text.len() * 4,
                    "the copy is most of the second half"
                );
                assert!(r.original.end <= r.copy.start);
            } else {
                assert!(found.is_empty(), "{}: {found:?}", path.display());
            }
            seen += 1;
        }
        assert_eq!(seen, 5);
    }
}
