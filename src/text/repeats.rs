//! Text that repeats itself: an article whose body was saved twice, a paragraph pasted again
//! further down, a pull quote. [`repeats`] finds the later copies so that what is in them
//! (figures, search hits, metadata) can be marked as a repeat instead of counted twice.
//!
//! The text is cut into blocks (sentences); a block repeats when the same words, white space
//! aside, came earlier. Runs of neighbouring repeated blocks long enough to be more than a
//! stock phrase are reported. Hashing makes it linear in the text.

use std::ops::Range;

use super::fast_hash::FastMap;

/// Blocks shorter than this (in bytes, white space collapsed) are not looked up: "Share",
/// "Read more" and a dateline repeat in every article without being a repeated body.
const MIN_BLOCK_BYTES: usize = 24;
/// A run of repeated blocks shorter than this is a stock phrase, not a repeated copy.
const MIN_RUN_BYTES: usize = 120;

/// A later copy of earlier text, as byte ranges of the same text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Repeat {
    /// The repeated text (the later copy).
    pub copy: Range<usize>,
    /// Where it was first written.
    pub original: Range<usize>,
}

/// The later copies of earlier text in `text`, in text order, cut at sentence boundaries.
pub fn repeats(text: &str) -> Vec<Repeat> {
    repeats_in(text, &super::sentences(text))
}

/// The same as [`repeats`], over blocks the caller has already cut (byte ranges in order,
/// for example the sentences it split anyway).
pub fn repeats_in(text: &str, blocks: &[Range<usize>]) -> Vec<Repeat> {
    let mut first: FastMap<u64, usize> = FastMap::default();
    // For each block, the block it repeats.
    let mut source: Vec<Option<usize>> = vec![None; blocks.len()];
    for (k, b) in blocks.iter().enumerate() {
        let Some(piece) = text.get(b.clone()) else {
            continue;
        };
        let (hash, len) = normalized_hash(piece);
        if len < MIN_BLOCK_BYTES {
            continue;
        }
        match first.get(&hash) {
            Some(&earlier) if same_words(text, &blocks[earlier], b) => source[k] = Some(earlier),
            Some(_) => {}
            None => {
                first.insert(hash, k);
            }
        }
    }
    let mut out = Vec::new();
    let mut k = 0;
    while k < blocks.len() {
        let Some(start_src) = source[k] else {
            k += 1;
            continue;
        };
        let run_start = k;
        let mut bytes = 0;
        let mut last_src = start_src;
        while k < blocks.len()
            && let Some(s) = source[k]
        {
            bytes += blocks[k].len();
            last_src = s;
            k += 1;
        }
        if bytes >= MIN_RUN_BYTES {
            let original_end = if last_src >= start_src {
                blocks[last_src].end
            } else {
                blocks[start_src].end
            };
            out.push(Repeat {
                copy: blocks[run_start].start..blocks[k - 1].end,
                original: blocks[start_src].start..original_end,
            });
        }
    }
    out
}

/// Is byte `at` inside one of `repeats` (sorted, as [`repeats`] returns them)?
pub fn in_repeat(repeats: &[Repeat], at: usize) -> bool {
    let i = repeats.partition_point(|r| r.copy.end <= at);
    repeats.get(i).is_some_and(|r| r.copy.start <= at)
}

/// A hash of the words of `piece` with white space runs collapsed (FNV-1a over the bytes,
/// one space for each run), and the collapsed length.
fn normalized_hash(piece: &str) -> (u64, usize) {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut len = 0;
    let mut space = false;
    for &b in piece.trim().as_bytes() {
        if b.is_ascii_whitespace() {
            space = true;
            continue;
        }
        if space {
            h = (h ^ u64::from(b' ')).wrapping_mul(0x100_0000_01b3);
            len += 1;
            space = false;
        }
        h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        len += 1;
    }
    (h, len)
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

    const BODY: &str = "The navy seized 4 tons of cocaine off the coast in March, officials said. \
        Two vessels were stopped near the border and their crews were arrested. The minister \
        called it the largest seizure of the year.";

    #[test]
    fn a_body_saved_twice_is_one_repeat() {
        let text = format!("Title\n\n{BODY}\n\nShare this\n\n{BODY}\n");
        let found = repeats(&text);
        assert_eq!(found.len(), 1, "{found:?}");
        let second = text.rfind("The navy").expect("copy");
        assert_eq!(found[0].copy.start, second);
        assert_eq!(found[0].copy.end, text.trim_end().len());
        assert_eq!(
            found[0].original.start,
            text.find("The navy").expect("original")
        );
        assert_eq!(&text[found[0].original.clone()], BODY);
        assert!(in_repeat(&found, second + 5));
        assert!(!in_repeat(&found, 10));
    }

    #[test]
    fn white_space_does_not_hide_a_repeat() {
        let wrapped = BODY.replace(" off the", "\noff  the");
        let text = format!("{BODY}\n\n{wrapped}");
        assert_eq!(repeats(&text).len(), 1);
    }

    #[test]
    fn stock_phrases_and_distinct_texts_are_not_repeats() {
        let text = "Read the full report here.\n\nThe army cut 300 hectares.\n\nRead the full report here.\n\nThe navy cut 200 hectares.";
        assert!(repeats(text).is_empty());
        assert!(repeats("").is_empty());
        assert!(repeats(BODY).is_empty());
    }

    #[test]
    fn a_long_text_with_one_sentence_repeated_many_times_is_linear() {
        let sentence = "Police seized 5 tons of marijuana in a warehouse near the port of Callao. ";
        let text = sentence.repeat(20_000);
        let t = std::time::Instant::now();
        let found = repeats(&text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].copy.start, sentence.len());
        assert!(t.elapsed().as_secs() < 10);
    }
}
