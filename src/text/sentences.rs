//! Splitting text into sentences: at `.`, `!` and `?` before a capital (not after common
//! abbreviations or initials), at blank lines, and at single line breaks that end a line of
//! its own (a heading, a list item, a line ending in punctuation). Hard-wrapped lines of one
//! sentence stay together.

use std::ops::Range;

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "no", "nos", "vs", "etc", "e.g", "i.e", "gen", "col", "lt",
    "sgt", "gov", "sen", "rep", "inc", "ltd", "co", "corp", "jr", "sr", "prof", "rev", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est",
    "fig", "p", "pp", "vol", "art", "sec", "u.s", "u.n", "u.k", "dept", "govt", "min", "max", "mt",
    "ft", "av", "ave",
];

/// Byte ranges of the sentences of `text`, trimmed, in order.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let n = bytes.len();
    let push = |out: &mut Vec<Range<usize>>, a: usize, b: usize| {
        let piece = &text[a..b];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        if lead + trail < piece.len() {
            out.push(a + lead..b - trail);
        }
    };
    while i < n {
        match bytes[i] {
            b'\n' => {
                if line_break_ends_sentence(text, start, i) {
                    push(&mut out, start, i);
                    start = i + 1;
                }
                i += 1;
            }
            b'.' | b'!' | b'?' => {
                let mut j = i + 1;
                // Closing quotes and brackets, and citation marks like "[12]", belong to the
                // sentence.
                while j < n {
                    let c = text[j..].chars().next().unwrap_or(' ');
                    if matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»') {
                        j += c.len_utf8();
                    } else if c == '[' {
                        let close = text[j..].find(']').filter(|&k| k <= 12);
                        match close {
                            Some(k)
                                if text[j + 1..j + k]
                                    .chars()
                                    .all(|d| d.is_ascii_alphanumeric() || d == ' ') =>
                            {
                                j += k + 1
                            }
                            _ => break,
                        }
                    } else {
                        break;
                    }
                }
                // A footnote mark after the dot: "…in 2015 (UNODC).1 The decline…".
                if bytes[i] == b'.' && i > 0 && !bytes[i - 1].is_ascii_digit() {
                    let digits = bytes[j..].iter().take_while(|b| b.is_ascii_digit()).count();
                    if (1..=3).contains(&digits)
                        && starts_with_space(text, j + digits)
                        && text[j + digits..]
                            .trim_start()
                            .starts_with(|c: char| c.is_uppercase())
                    {
                        j += digits;
                    }
                }
                // After a closing quote the dot ends the sentence even after "no".
                let quoted = j > i + 1;
                let ends = j >= n
                    || (starts_with_space(text, j)
                        && next_starts_sentence(text, j)
                        && !(bytes[i] == b'.' && !quoted && is_abbreviation(text, start, i, j)));
                if ends {
                    push(&mut out, start, j);
                    start = j;
                }
                i = j.max(i + 1);
            }
            _ => i += 1,
        }
    }
    if start < n {
        push(&mut out, start, n);
    }
    out
}

fn starts_with_space(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_some_and(char::is_whitespace)
}

/// Does the first non-space character after `at` start a sentence?
fn next_starts_sentence(text: &str, at: usize) -> bool {
    match text[at..].chars().find(|c| !c.is_whitespace()) {
        None => true,
        Some(c) => {
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(
                    c,
                    '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '•' | '¿' | '¡' | '–' | '—'
                )
        }
    }
}

/// Is the word before the `.` at `dot` an abbreviation or an initial?
fn is_abbreviation(text: &str, sentence_start: usize, dot: usize, after: usize) -> bool {
    let before = &text[sentence_start..dot];
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect::<Vec<char>>()
        .into_iter()
        .rev()
        .collect();
    if word.is_empty() {
        return false;
    }
    // A single capital letter: an initial ("J. Smith") .
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    if let (Some(c), None) = (letters.next(), letters.next())
        && c.is_uppercase()
        && !word.contains('.')
    {
        return true;
    }
    let lower = word.to_lowercase();
    // "No. 5", "p. 12" and "c. 1,000" abbreviate only before a number.
    if matches!(lower.as_str(), "no" | "nos" | "p" | "pp" | "c" | "ca") {
        return text[after..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit());
    }
    // A unit after a number ("505.7 MT.", "6 ft.") ends the sentence like any word.
    if matches!(lower.as_str(), "mt" | "ft" | "min" | "max" | "est") && after_number(before, &word)
    {
        return false;
    }
    // Dotted abbreviations ("e.g", "U.S") are letters only: "$1.5m." ends a sentence.
    ABBREVIATIONS.contains(&lower.as_str())
        || lower.contains('.')
            && lower.len() <= 5
            && lower.chars().all(|c| c.is_alphabetic() || c == '.')
}

/// Does `word`, which ends `before`, follow a number ("505.7 MT")?
fn after_number(before: &str, word: &str) -> bool {
    before[..before.len() - word.len()]
        .trim_end()
        .ends_with(|c: char| c.is_ascii_digit())
}

/// Does the line that ends at the `\n` at `nl` end a sentence?
fn line_break_ends_sentence(text: &str, sentence_start: usize, nl: usize) -> bool {
    let line_start = text[..nl]
        .rfind('\n')
        .map_or(0, |p| p + 1)
        .max(sentence_start);
    let line = text[line_start..nl].trim();
    let next_line_end = text[nl + 1..].find('\n').map_or(text.len(), |p| nl + 1 + p);
    let next = text[nl + 1..next_line_end].trim();
    if line.is_empty() || next.is_empty() {
        return true; // a blank line on either side
    }
    let last = line.chars().next_back().unwrap_or('.');
    if matches!(
        last,
        '.' | '!' | '?' | ':' | ';' | '"' | '”' | '’' | ')' | ']'
    ) {
        return true;
    }
    let first = next.chars().next().unwrap_or('A');
    if matches!(first, '•' | '*' | '·' | '▪' | '–' | '—') {
        return true;
    }
    // A line going on in lower case is a hard-wrapped sentence. Otherwise a short line not
    // ending in punctuation is a heading or a list item, and a long one wraps.
    if first.is_lowercase() {
        return false;
    }
    line.chars().count() < 50
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn sentence_ends_and_abbreviations() {
        assert_eq!(
            split("Sales rose 5.4 percent. The U.S. Army agreed. Mr. Ivanov left! Did he? Yes."),
            vec![
                "Sales rose 5.4 percent.",
                "The U.S. Army agreed.",
                "Mr. Ivanov left!",
                "Did he?",
                "Yes."
            ]
        );
        assert_eq!(
            split(
                "Each tank cost $1.5m. The S-300 came in 2013. They seized 505.7 MT. Mt. Roraima is 2,810 m."
            ),
            vec![
                "Each tank cost $1.5m.",
                "The S-300 came in 2013.",
                "They seized 505.7 MT.",
                "Mt. Roraima is 2,810 m."
            ]
        );
        assert_eq!(
            split(
                "It fell to 43,400 ha in 2015 (UNODC).1 The decline followed 35,868 ha.12 Then it rose."
            ),
            vec![
                "It fell to 43,400 ha in 2015 (UNODC).1",
                "The decline followed 35,868 ha.12",
                "Then it rose."
            ]
        );
        assert_eq!(
            split("He said \"no.\" Then J. Smith spoke."),
            vec!["He said \"no.\"", "Then J. Smith spoke."]
        );
    }

    #[test]
    fn headings_lists_and_wrapped_lines() {
        let text = "Colombia tightens security\n\nIn 2014, Peru eradicated a total of some 31,000\nhectares of coca across the main valleys of the country\nand the Amazon.\n  • 1\n  • 2\nPrev Next";
        assert_eq!(
            split(text),
            vec![
                "Colombia tightens security",
                "In 2014, Peru eradicated a total of some 31,000\nhectares of coca across the main valleys of the country\nand the Amazon.",
                "• 1",
                "• 2",
                "Prev Next"
            ]
        );
    }
}
