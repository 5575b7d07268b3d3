//! The year an article was published, from a date near its top ("April 17, 2015", "17 April
//! 2015", "2015-04-17", "17 de abril de 2015"). Used to filter the network by year.

use std::sync::OnceLock;

use regex::Regex;

/// How far into the text the dateline may be, in bytes.
const HEAD: usize = 800;

fn pattern() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        let en = "January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?";
        let es = "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre";
        Regex::new(&format!(
            r"(?i)\b(?:(?:{en})\s+\d{{1,2}},\s*((?:19|20)\d\d)|\d{{1,2}}\s+(?:{en})\s+((?:19|20)\d\d)|((?:19|20)\d\d)-\d\d-\d\d|\d{{1,2}}\s+de\s+(?:{es})\s+(?:de|del)\s+((?:19|20)\d\d))\b"
        ))
        .ok()
    })
    .as_ref()
}

/// The year of the first full date near the top of `text`.
pub fn article_year(text: &str) -> Option<i32> {
    let mut end = HEAD.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let caps = pattern()?.captures(&text[..end])?;
    (1..=4)
        .find_map(|g| caps.get(g))
        .and_then(|m| m.as_str().parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_in_english_and_spanish() {
        assert_eq!(
            article_year("By Dialogo\nApril 17, 2015\n\nThe Armed"),
            Some(2015)
        );
        assert_eq!(article_year("LIMA, 3 de marzo de 2014 (EFE) —"), Some(2014));
        assert_eq!(article_year("Posted 2013-10-02 by staff"), Some(2013));
        assert_eq!(article_year("MEXICO CITY, February 23 (Itar-Tass)"), None);
        assert_eq!(
            article_year("In 2009 Russia took the United States' place"),
            None
        );
    }
}
