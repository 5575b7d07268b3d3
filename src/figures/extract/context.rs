//! A figure's place in its text: sentences bounded in length (a text with no full stops is
//! read in pieces, so time and output stay linear), the window of context a figure carries,
//! and counts kept only as context ("the two nations").

use super::*;
pub use crate::text::bounded::{MAX_SENTENCE_BYTES, bounded_sentences};

/// Counts up to this size that refer back to parties ("the two nations") are context.
const CONTEXT_COUNT_MAX: f64 = 10.0;

/// The context a figure at `fig` carries within `sentence` (byte ranges): the sentence, or,
/// when the sentence is longer than twice [`CONTEXT_CHARS`], about that many characters on
/// each side of the figure, cut at spaces.
pub fn window(text: &str, sentence: &Range<usize>, fig: &Range<usize>) -> Range<usize> {
    let s = &text[sentence.clone()];
    if s.len() <= 2 * CONTEXT_CHARS {
        return sentence.clone();
    }
    let before = &text[sentence.start..fig.start];
    let mut start = before
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS - 1)
        .map_or(sentence.start, |(i, _)| sentence.start + i);
    if start > sentence.start
        && let Some(sp) = text[start..fig.start].find(char::is_whitespace)
    {
        start += sp + 1;
    }
    let after = &text[fig.end..sentence.end];
    let mut end = after
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(sentence.end, |(i, _)| fig.end + i);
    if end < sentence.end
        && let Some(sp) = text[fig.end..end].rfind(char::is_whitespace)
    {
        end = fig.end + sp;
    }
    start.min(fig.start)..end.max(fig.end)
}

impl<'a> Sentence<'a> {
    /// A count that refers back to parties already named is context: "the two nations",
    /// "both countries' 3 leaders", "los dos gobiernos".
    pub(super) fn tier(&self, c: &Cand, unit: &str) -> Tier {
        let determiner = self.in_set(c.first.wrapping_sub(1), Set::ContextDeterminer);
        let small = c.value <= CONTEXT_COUNT_MAX && c.scale.is_none() && c.currency.is_none();
        let party = is_count(unit) && self.e_word(unit).is_some_and(|e| e.is(Set::ContextNoun));
        if determiner && small && party {
            Tier::Context
        } else {
            Tier::Core
        }
    }

    /// What the language knows about a word given as text (not a token).
    fn e_word(&self, w: &str) -> Option<&'static crate::figures::lexicon::Entry> {
        self.lang.entry(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_runaway_sentence_is_cut_at_clause_breaks() {
        let clause = "police seized 5 tons of cocaine in the port, ";
        let text = clause.repeat(200);
        let parts = bounded_sentences(&text);
        assert!(parts.len() > 1);
        for p in &parts {
            assert!(p.len() <= MAX_SENTENCE_BYTES, "{}", p.len());
            assert!(
                text[p.clone()].starts_with("police"),
                "{:?}",
                &text[p.clone()][..10]
            );
        }
        // No punctuation at all: cut at spaces; no spaces at all: cut anyway.
        let words = "word ".repeat(2_000);
        assert!(
            bounded_sentences(&words)
                .iter()
                .all(|p| p.len() <= MAX_SENTENCE_BYTES)
        );
        let blob = "é".repeat(5_000);
        let parts = bounded_sentences(&blob);
        assert!(
            parts
                .iter()
                .all(|p| blob.is_char_boundary(p.start) && p.len() <= MAX_SENTENCE_BYTES)
        );
        assert_eq!(parts.iter().map(|p| p.len()).sum::<usize>(), blob.len());
    }

    #[test]
    fn the_window_of_a_long_sentence_is_bounded() {
        let text = format!("{} 5 tons {}", "a ".repeat(1000), "b ".repeat(1000));
        let at = text.find("5 tons").expect("figure");
        let fig = at..at + 6;
        let w = window(&text, &(0..text.len()), &fig);
        assert!(w.start <= fig.start && fig.end <= w.end);
        assert!(w.len() <= 2 * CONTEXT_CHARS + fig.len() + 2, "{}", w.len());
        let short = "Police seized 5 tons.";
        assert_eq!(window(short, &(0..short.len()), &(14..20)), 0..short.len());
    }
}
