//! Building article text out of blocks: every converter hands over paragraphs and lists, and
//! this module writes them the one way Dossier's text looks (paragraphs separated by one blank
//! line, list items one per line as `- item`, spaces collapsed, no CR).

/// Article text built block by block.
#[derive(Debug, Default)]
pub struct TextBuilder {
    out: String,
    /// Lines of the list being built, if any.
    list: Vec<String>,
}

impl TextBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Add a paragraph (a heading, a table cell, a caption); its white space is collapsed.
    pub fn paragraph(&mut self, text: &str) {
        self.end_list();
        let text = collapse(text);
        if !text.is_empty() {
            self.block(&text);
        }
    }

    /// Add one list item; consecutive items form one block, one item per line.
    pub fn list_item(&mut self, marker: &str, text: &str) {
        let text = collapse(text);
        if !text.is_empty() {
            self.list.push(format!("{marker} {text}"));
        }
    }

    /// Close the list being built, if any.
    pub fn end_list(&mut self) {
        if !self.list.is_empty() {
            let list = std::mem::take(&mut self.list).join("\n");
            self.block(&list);
        }
    }

    fn block(&mut self, text: &str) {
        if !self.out.is_empty() {
            self.out.push_str("\n\n");
        }
        self.out.push_str(text);
    }

    pub fn finish(mut self) -> String {
        self.end_list();
        self.out
    }
}

/// Collapse every run of white space (newlines included) into one space, and trim. Soft
/// hyphens, zero-width spaces and BOMs are dropped.
pub fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if matches!(
            c,
            '\u{ad}' | '\u{200b}' | '\u{feff}' | '\u{200c}' | '\u{200d}'
        ) {
            continue;
        }
        if c.is_whitespace() {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// A text with its paragraphs normalised: blocks separated by exactly one blank line, spaces
/// within each line collapsed, blank lines at the ends dropped. Two texts that differ only in
/// white space normalise to the same string.
pub fn normalize_paragraphs(text: &str) -> String {
    let mut blocks: Vec<String> = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    for line in text.lines() {
        let line = collapse(line);
        if line.is_empty() {
            if !lines.is_empty() {
                blocks.push(std::mem::take(&mut lines).join("\n"));
            }
        } else {
            lines.push(line);
        }
    }
    if !lines.is_empty() {
        blocks.push(lines.join("\n"));
    }
    blocks.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_separated_by_one_blank_line() {
        let mut b = TextBuilder::new();
        b.paragraph("  Title\n ");
        b.paragraph("");
        b.list_item("-", "one");
        b.list_item("-", " two\u{ad} ");
        b.paragraph("Body\u{a0}text   here");
        assert_eq!(b.finish(), "Title\n\n- one\n- two\n\nBody text here");
    }

    #[test]
    fn normalising_ignores_white_space_only() {
        assert_eq!(
            normalize_paragraphs("\n\nA  b\r\n\n\n\nc\n d \n\n"),
            "A b\n\nc\nd"
        );
    }
}
