//! From lines on pages to article text: running headers, footers and page numbers dropped,
//! words hyphenated at line ends joined, lines joined into paragraphs where the spacing, the
//! font size, an indent, a bullet or a short last line does not say a new paragraph starts.

use std::collections::{HashMap, HashSet};

use super::glyphs::{Line, Page};
use crate::corpus::formats::paragraphs::TextBuilder;

/// Share of the page height at the top and bottom where running heads and page numbers sit.
const MARGIN_BAND: f64 = 0.12;

/// The article text of `pages`.
pub fn text(pages: &[Page]) -> String {
    let kept = drop_running_lines(pages);
    let lines: Vec<(usize, &Line)> = kept
        .iter()
        .enumerate()
        .flat_map(|(p, lines)| lines.iter().map(move |l| (p, *l)))
        .collect();
    let pitch = line_pitch(&lines);
    let (left, right) = column_edges(&lines);
    let vocabulary = vocabulary(&lines);
    let mut out = TextBuilder::new();
    let mut para = String::new();
    let mut bullet = false;
    let emit = |para: &mut String, bullet: &mut bool, out: &mut TextBuilder| {
        if *bullet {
            out.list_item("-", para);
        } else {
            out.paragraph(para);
            out.end_list();
        }
        para.clear();
        *bullet = false;
    };
    for (i, &(page, line)) in lines.iter().enumerate() {
        let (text, is_bullet) = strip_bullet(line.text.trim());
        let starts_new = match i.checked_sub(1).and_then(|j| lines.get(j)) {
            None => true,
            Some(&(prev_page, prev)) => {
                is_bullet || breaks(prev, line, prev_page != page, &pitch, left, right)
            }
        };
        if starts_new && !para.is_empty() {
            emit(&mut para, &mut bullet, &mut out);
        }
        if starts_new {
            bullet = is_bullet;
        }
        join(&mut para, text, &vocabulary);
    }
    if !para.is_empty() {
        emit(&mut para, &mut bullet, &mut out);
    }
    out.finish()
}

/// Whether a new paragraph starts between `prev` and `line`.
fn breaks(prev: &Line, line: &Line, new_page: bool, pitch: &Pitch, left: f64, right: f64) -> bool {
    let size_change = (line.size - prev.size).abs() > 0.15 * prev.size.max(line.size);
    if size_change {
        return true;
    }
    let prev_text = prev.text.trim_end();
    let ends_sentence = prev_text.ends_with(['.', '!', '?', ':', '"', '”', '’', ')', ';']);
    let width = (right - left).max(1.0);
    let prev_full = prev.x1 >= right - 0.12 * width;
    if new_page || line.y < prev.y - 0.5 * line.size {
        // A new page or column: the paragraph goes on when the last line reached the margin
        // and did not end a sentence.
        return (!prev_full || ends_sentence) && !prev_text.ends_with('-');
    }
    let gap = line.y - prev.y;
    let pitch = pitch.of(line.size);
    if gap > pitch * 1.3 {
        return true;
    }
    let indented = line.x0 > left + 1.2 * line.size && line.x0 > prev.x0 + line.size;
    ends_sentence && (!prev_full || indented)
}

/// Append `text` to the paragraph, joining a word hyphenated at the end of the last line.
fn join(para: &mut String, text: &str, vocabulary: &HashSet<String>) {
    if para.is_empty() {
        para.push_str(text);
        return;
    }
    let hyphen = para.ends_with(['-', '\u{ad}', '\u{2010}']);
    let before_hyphen = para.trim_end_matches(['-', '\u{ad}', '\u{2010}']);
    let letter_before = before_hyphen
        .chars()
        .next_back()
        .is_some_and(char::is_alphabetic);
    let first = text.chars().next();
    if hyphen && letter_before && first.is_some_and(char::is_lowercase) {
        let head: String = before_hyphen
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let tail: String = text.chars().take_while(|c| c.is_alphabetic()).collect();
        let hyphenated = format!("{head}-{tail}").to_lowercase();
        // Keep the hyphen of a compound the document writes with one elsewhere
        // ("anti-drug"); drop the hyphen the typesetter added ("eradi-cation").
        let keep = vocabulary.contains(&hyphenated)
            && !vocabulary.contains(&format!("{head}{tail}").to_lowercase());
        if !keep {
            para.truncate(before_hyphen.len());
        }
        para.push_str(text);
    } else if hyphen
        && letter_before
        && first.is_some_and(|c| c.is_ascii_digit() || c.is_uppercase())
    {
        para.push_str(text); // "Mi-" + "171Sh", "Russian-" + "Nicaraguan"
    } else {
        para.push(' ');
        para.push_str(text);
    }
}

/// Words (and hyphenated compounds) written within lines, lower-cased.
fn vocabulary(lines: &[(usize, &Line)]) -> HashSet<String> {
    let mut words = HashSet::new();
    for (_, line) in lines {
        let text = line.text.trim_end_matches(['-', '\u{ad}', '\u{2010}']);
        for w in text.split(|c: char| !(c.is_alphanumeric() || c == '-')) {
            let w = w.trim_matches('-');
            if !w.is_empty() {
                words.insert(w.to_lowercase());
            }
        }
    }
    words
}

/// A bullet at the start of a line: "•", "◦", "▪", "‣", "–" or a private-use glyph (symbol
/// fonts), followed by a space.
fn strip_bullet(text: &str) -> (&str, bool) {
    let mut chars = text.chars();
    let Some(c) = chars.next() else {
        return (text, false);
    };
    let bullet = matches!(
        c,
        '•' | '◦' | '▪' | '‣' | '●' | '○' | '■' | '□' | '–' | '·' | '\u{2043}'
    ) || ('\u{e000}'..='\u{f8ff}').contains(&c);
    let rest = chars.as_str();
    // A symbol-font glyph is a bullet even without a space after it.
    let private = ('\u{e000}'..='\u{f8ff}').contains(&c);
    if bullet && (private || rest.starts_with(char::is_whitespace)) {
        (rest.trim_start(), true)
    } else {
        (text, false)
    }
}

/// The usual distance between the baselines of two lines of one paragraph, by font size: the
/// most common gap between consecutive lines of that size on a page.
struct Pitch(HashMap<i64, f64>);

impl Pitch {
    /// The pitch of lines of `size` points (1.25 times the size when the document has no two
    /// such lines in a row).
    fn of(&self, size: f64) -> f64 {
        self.0
            .get(&(size.round() as i64))
            .copied()
            .unwrap_or(size * 1.25)
    }
}

fn line_pitch(lines: &[(usize, &Line)]) -> Pitch {
    let mut gaps: HashMap<i64, HashMap<i64, usize>> = HashMap::new();
    for pair in lines.windows(2) {
        let ((pa, a), (pb, b)) = (pair[0], pair[1]);
        if pa != pb || (a.size - b.size).abs() > 0.5 {
            continue;
        }
        let gap = b.y - a.y;
        if gap > 0.0 && gap < 4.0 * a.size {
            let by_size = gaps.entry(a.size.round() as i64).or_default();
            *by_size.entry((gap * 2.0).round() as i64).or_insert(0) += 1;
        }
    }
    Pitch(
        gaps.into_iter()
            .filter_map(|(size, g)| {
                let (gap, _) = g.into_iter().max_by_key(|&(g, n)| (n, -g))?;
                Some((size, gap as f64 / 2.0))
            })
            .collect(),
    )
}

/// The left and right edges of the text column: where most lines start, and the right edge
/// most full lines reach.
fn column_edges(lines: &[(usize, &Line)]) -> (f64, f64) {
    let mut lefts: Vec<f64> = lines.iter().map(|(_, l)| l.x0).collect();
    let mut rights: Vec<f64> = lines.iter().map(|(_, l)| l.x1).collect();
    if lefts.is_empty() {
        return (0.0, 0.0);
    }
    lefts.sort_by(f64::total_cmp);
    rights.sort_by(f64::total_cmp);
    let left = lefts[lefts.len() / 10];
    let right = rights[rights.len() * 9 / 10];
    (left, right)
}

/// The lines of each page without running headers, running footers and page numbers: lines
/// in the top or bottom band of the page that repeat (digits aside) on at least half of the
/// pages, and lone page numbers there.
fn drop_running_lines(pages: &[Page]) -> Vec<Vec<&Line>> {
    let shape = |l: &Line| -> String {
        l.text
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| {
                if c.is_ascii_digit() {
                    '#'
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    };
    let in_band = |page: &Page, l: &Line| {
        let h = page.height.max(1.0);
        l.y < h * MARGIN_BAND || l.y > h * (1.0 - MARGIN_BAND)
    };
    let mut counts: HashMap<String, usize> = HashMap::new();
    for page in pages {
        let shapes: HashSet<String> = page
            .lines
            .iter()
            .filter(|l| in_band(page, l))
            .map(shape)
            .collect();
        for s in shapes {
            *counts.entry(s).or_insert(0) += 1;
        }
    }
    let repeats = |s: &str| {
        pages.len() >= 2
            && counts
                .get(s)
                .is_some_and(|&n| n * 2 >= pages.len() && n >= 2)
    };
    pages
        .iter()
        .map(|page| {
            page.lines
                .iter()
                .filter(|l| !(in_band(page, l) && (repeats(&shape(l)) || is_page_number(&l.text))))
                .collect()
        })
        .collect()
}

/// "12", "- 12 -", "Page 12", "Page 12 of 40", "12 / 40", "xii".
fn is_page_number(text: &str) -> bool {
    let t = text
        .trim()
        .trim_matches(|c: char| c == '-' || c == '–' || c == '—' || c.is_whitespace())
        .to_lowercase();
    let t = t
        .strip_prefix("page")
        .or_else(|| t.strip_prefix("página"))
        .or_else(|| t.strip_prefix("seite"))
        .map_or(t.as_str(), str::trim);
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || c == '/')
        .filter(|w| !w.is_empty() && *w != "of" && *w != "de" && *w != "von")
        .collect();
    !words.is_empty()
        && words.len() <= 2
        && words.iter().all(|w| {
            w.chars().all(|c| c.is_ascii_digit())
                || (w.len() <= 6 && w.chars().all(|c| "ivxlc".contains(c)))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(y: f64, x0: f64, x1: f64, size: f64, text: &str) -> Line {
        Line {
            x0,
            x1,
            y,
            size,
            text: text.into(),
        }
    }

    #[test]
    fn page_numbers() {
        for t in ["12", "- 12 -", "Page 3", "Page 3 of 40", "3 / 40", "xii"] {
            assert!(is_page_number(t), "{t}");
        }
        for t in ["2014", "Page one of the report", "In 2014 the"] {
            assert!(!is_page_number(t) || t == "2014", "{t}");
        }
    }

    #[test]
    fn hyphens_paragraphs_and_running_heads() {
        let page = |n: usize, body: Vec<Line>| {
            let mut lines = vec![line(30.0, 50.0, 300.0, 9.0, "Annual report · Coca")];
            lines.extend(body);
            lines.push(line(580.0, 150.0, 170.0, 9.0, &format!("{n}")));
            Page {
                width: 420.0,
                height: 595.0,
                lines,
            }
        };
        let pages = vec![
            page(
                1,
                vec![
                    line(
                        100.0,
                        50.0,
                        370.0,
                        11.0,
                        "The teams removed coca in the eradi-",
                    ),
                    line(
                        114.0,
                        50.0,
                        371.0,
                        11.0,
                        "cation zones of the valley and an anti-",
                    ),
                    line(128.0, 50.0, 200.0, 11.0, "drug unit stayed."),
                    line(
                        150.0,
                        50.0,
                        370.0,
                        11.0,
                        "A new paragraph starts here and it runs to the",
                    ),
                ],
            ),
            page(
                2,
                vec![line(100.0, 50.0, 250.0, 11.0, "next page, where it ends.")],
            ),
        ];
        assert_eq!(
            text(&pages),
            "The teams removed coca in the eradication zones of the valley and an antidrug unit stayed.\n\nA new paragraph starts here and it runs to the next page, where it ends."
        );
    }
}
