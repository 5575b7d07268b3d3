//! A list that continues the sentence introducing it: "During 2015 the force achieved the
//! following:\n1. 6,420 operations …\n2. 2,310 laboratories destroyed …". Each item's figures
//! without a year of their own take the year the introduction names.

use std::ops::Range;

/// Where the article's sentences stand with respect to a list.
#[derive(Debug, Default)]
pub(super) struct Lists {
    /// The year of the introduction of the list being read, while its items go on.
    year: Option<i32>,
    /// The year the sentence before named, when it was in the same paragraph.
    before: Option<i32>,
}

/// "1.", "2)", "a)", "-", "•", "–", "*" opening a line.
fn opens_with_marker(s: &str) -> bool {
    let s = s.trim_start();
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &s[digits..];
    let numbered = (1..=2).contains(&digits) && rest.starts_with(['.', ')']);
    let lettered = s.len() > 1 && s.as_bytes()[0].is_ascii_lowercase() && s.as_bytes()[1] == b')';
    numbered || lettered || s.starts_with(['-', '•', '–', '*', '·'])
}

impl Lists {
    /// The year for the figures of the sentence at `range` that have none, before it is read.
    /// `new_paragraph`: a line break comes before it.
    pub(super) fn year_for(
        &mut self,
        text: &str,
        range: &Range<usize>,
        new_paragraph: bool,
    ) -> Option<i32> {
        let sentence = text.get(range.clone()).unwrap_or("");
        if new_paragraph && !opens_with_marker(sentence) {
            self.year = None; // the list has ended
        }
        self.year
    }

    /// After the sentence at `range` was read, naming `named` (its last year).
    pub(super) fn read(
        &mut self,
        text: &str,
        range: &Range<usize>,
        new_paragraph: bool,
        named: Option<i32>,
    ) {
        let sentence = text.get(range.clone()).unwrap_or("").trim_end();
        if sentence.ends_with(':') {
            let before = if new_paragraph { None } else { self.before };
            if let Some(y) = named.or(before) {
                self.year = Some(y);
            }
        }
        self.before = named.or(if new_paragraph { None } else { self.before });
    }
}

#[cfg(test)]
mod tests {
    use super::opens_with_marker;

    #[test]
    fn list_markers() {
        for s in [
            "1. La Fuerza",
            "12) item",
            "a) uno",
            "- dash",
            "• bullet",
            "  2. indented",
        ] {
            assert!(opens_with_marker(s), "{s}");
        }
        for s in [
            "2015 was a year",
            "100 tons",
            "La Paz",
            "A) not lower case",
            "123. three digits",
        ] {
            assert!(!opens_with_marker(s), "{s}");
        }
    }
}
