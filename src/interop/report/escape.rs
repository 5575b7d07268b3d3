//! Escaping text for HTML and SVG: every piece of the analyst's text (theme names, quotes,
//! notes, article titles) goes through [`text`] before it reaches the page.

/// `s` with `&`, `<`, `>`, `"` and `'` replaced by entities: safe in element content and in
/// quoted attribute values alike. Control characters other than tab and newline (invalid in
/// HTML) become U+FFFD.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_quotes_become_entities() {
        assert_eq!(
            text(r#"<script>alert("x & 'y'")</script>"#),
            "&lt;script&gt;alert(&quot;x &amp; &#39;y&#39;&quot;)&lt;/script&gt;"
        );
        assert_eq!(text("a\u{0}b\nc"), "a\u{FFFD}b\nc");
        assert_eq!(text("Ñandú — 北京"), "Ñandú — 北京");
    }
}
