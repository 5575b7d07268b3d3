//! Reading a lexicon file (`assets/lexicon/*.lex`): sections in brackets, then one entry per
//! line. An entry is `words = value` (a mapping), a list of words separated by commas (a set,
//! possibly over several lines), or fields separated by `|` (a table row). `#` starts a
//! comment. The format is documented in docs/figures.md.

/// One line of a section, already split.
#[derive(Clone, Debug, PartialEq)]
pub enum Line<'a> {
    /// `a, b c, d = value`: the keys (each possibly several words) and the value.
    Map(Vec<String>, &'a str),
    /// `a, b c, d`: members of a set.
    Set(Vec<String>),
    /// `x | y | z`: fields of a table row, trimmed.
    Row(Vec<&'a str>),
}

/// A section of a file with its lines and the line number each came from (for messages).
#[derive(Clone, Debug, PartialEq)]
pub struct Section<'a> {
    pub name: &'a str,
    pub lines: Vec<(usize, Line<'a>)>,
}

/// A problem in a lexicon file: which file, which line, what.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct LexiconError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// Split a lexicon file into sections. Lines before the first section are an error.
pub fn sections<'a>(file: &str, text: &'a str) -> Result<Vec<Section<'a>>, LexiconError> {
    let mut out: Vec<Section> = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            out.push(Section {
                name: name.trim(),
                lines: Vec::new(),
            });
            continue;
        }
        let Some(section) = out.last_mut() else {
            return Err(LexiconError {
                file: file.to_owned(),
                line: line_no,
                message: "an entry before the first [section]".into(),
            });
        };
        let parsed = if line.contains('|') {
            Line::Row(line.split('|').map(str::trim).collect())
        } else if let Some((keys, value)) = line.split_once(" = ").or_else(|| {
            // "s =" (an empty value) at the end of a line
            line.strip_suffix(" =").map(|k| (k, ""))
        }) {
            Line::Map(split_list(keys), value.trim())
        } else {
            Line::Set(split_list(line))
        };
        section.lines.push((line_no, parsed));
    }
    Ok(out)
}

/// `#` starts a comment unless it is part of a word (no `#` is used in the word lists).
fn strip_comment(line: &str) -> &str {
    match line.find('#') {
        Some(i) => &line[..i],
        None => line,
    }
}

/// Comma-separated items, trimmed, empty ones dropped; inner white space collapsed.
fn split_list(s: &str) -> Vec<String> {
    s.split(',')
        .map(|w| w.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|w| !w.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_sets_rows_and_comments() {
        let text =
            "# head\n[a]\none, un = 1  # trailing\nx, y z\n\n[b]\nkm2 | area | km² | a, b |\ns =\n";
        let s = sections("t.lex", text).expect("parses");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].name, "a");
        assert_eq!(
            s[0].lines[0],
            (3, Line::Map(vec!["one".into(), "un".into()], "1"))
        );
        assert_eq!(s[0].lines[1].1, Line::Set(vec!["x".into(), "y z".into()]));
        assert_eq!(
            s[1].lines[0].1,
            Line::Row(vec!["km2", "area", "km²", "a, b", ""])
        );
        assert_eq!(s[1].lines[1].1, Line::Map(vec!["s".into()], ""));
    }

    #[test]
    fn an_entry_outside_a_section_names_its_line() {
        let e = sections("x.lex", "\n\nhello = 1\n").expect_err("refused");
        assert_eq!(
            e.to_string(),
            "x.lex:3: an entry before the first [section]"
        );
    }
}
