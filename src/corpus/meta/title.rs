//! The headline of an article: what the file states (HTML `og:title`, JSON-LD `headline`, the
//! page's `<h1>`, document properties) when the text confirms it, else the first line of the
//! text that is not boilerplate, a byline, a date, a dateline or a photo caption, else the
//! first sentence.

use std::collections::HashSet;

use super::Attr;
use super::date::{LONGEST_DATE, find_in_words};
use super::head::{byline, dateline, is_caption};
use super::tables::{fold, tables};
use crate::corpus::formats::SourceMeta;

/// Longest title kept, in characters.
const MAX_CHARS: usize = 160;
/// How many lines of the head may be passed over looking for the headline.
const MAX_LINES: usize = 8;

pub fn detect(
    lines: &[&str],
    text: &str,
    stated: &SourceMeta,
    skip: &HashSet<String>,
) -> Option<Attr> {
    let stated_title = stated
        .title
        .as_ref()
        .filter(|s| !junk_title(&s.value))
        .map(|s| {
            (
                confirmed_part(&s.value, s.source, text)
                    .unwrap_or_else(|| strip_site(&s.value, stated)),
                s.source,
            )
        });
    let from_text = text_title(lines, skip);
    if let Some((title, source)) = &stated_title {
        // A stated title the text repeats is the headline; an HTML page states it reliably
        // even when the text does not repeat it.
        let head = fold(&text[..super::floor(text, 3_000)]);
        let confirmed = head.contains(&fold(title));
        if confirmed
            || source.starts_with("meta")
            || source.starts_with("JSON-LD")
            || from_text.is_none()
        {
            return Some(Attr::new(shorten(title), *source));
        }
    }
    if let Some(line) = from_text {
        return Some(Attr::new(shorten(line), "first line"));
    }
    if let Some(s) = first_sentence(lines, skip) {
        return Some(Attr::new(s, "first sentence"));
    }
    // A text of short lines only: its first line that is not boilerplate.
    let boilerplate = &tables().boilerplate;
    lines
        .iter()
        .find(|l| !boilerplate.contains(&fold(l)) && !skip.contains(&fold(l)))
        .map(|l| Attr::new(shorten(l), "first line"))
}

/// The first line of the head that can be a headline.
fn text_title<'a>(lines: &[&'a str], skip: &HashSet<String>) -> Option<&'a str> {
    let boilerplate = &tables().boilerplate;
    for line in lines.iter().take(MAX_LINES) {
        let folded = fold(line);
        if folded.is_empty() || boilerplate.contains(&folded) || skip.contains(&folded) {
            continue;
        }
        if byline(line).is_some() || is_caption(line) || dateline(line).is_some() {
            continue;
        }
        // Only a short line can be mostly a date.
        if line.len() <= 2 * LONGEST_DATE
            && let Some((_, r)) = find_in_words(line)
            && r.len() * 10 >= line.len() * 7
        {
            continue; // a date line
        }
        let words = line.split_whitespace().count();
        if words < 3 {
            continue; // a section label or a name
        }
        // A sentence ending in a full stop (long, or followed by another) is the first
        // paragraph: there is no headline above it.
        let sentence = line.ends_with(['.', '"', '”'])
            && (line.chars().count() > 120 || words >= 12 || line.contains(". "));
        if sentence {
            return None;
        }
        if line.chars().count() > 300 {
            return None;
        }
        return Some(line);
    }
    None
}

/// The first sentence of the first paragraph (a line of eight words or more that is not a
/// caption, byline or boilerplate), shortened at a word.
fn first_sentence(lines: &[&str], skip: &HashSet<String>) -> Option<String> {
    let boilerplate = &tables().boilerplate;
    let para = lines.iter().take(MAX_LINES * 2).find(|l| {
        let folded = fold(l);
        l.split_whitespace().count() >= 8
            && !boilerplate.contains(&folded)
            && !skip.contains(&folded)
            && !is_caption(l)
            && byline(l).is_none()
    })?;
    let end = para
        .match_indices(". ")
        .map(|(i, _)| i)
        .find(|&i| i > 20)
        .unwrap_or(para.len());
    Some(shorten(para[..end].trim_end_matches('.')))
}

/// Cut `s` to [`MAX_CHARS`] at a word, with an ellipsis when cut.
fn shorten(s: &str) -> String {
    if s.chars().count() <= MAX_CHARS {
        return s.to_owned();
    }
    let cut: String = s.chars().take(MAX_CHARS).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ':']))
}

/// Titles that document properties carry but that say nothing about the article.
fn junk_title(t: &str) -> bool {
    let l = t.to_lowercase();
    l.len() < 4
        || l.starts_with("microsoft word")
        || l.starts_with("untitled")
        || [".doc", ".pdf", ".rtf", ".odt", ".indd", ".qxd"]
            .iter()
            .any(|e| l.contains(e))
}

/// Of a page's `<title>` made of parts ("Site | Headline", "Headline - Section - Site"), the
/// longest part the text repeats near its top: the headline the page shows.
fn confirmed_part(title: &str, source: &str, text: &str) -> Option<String> {
    if source != "HTML <title>" {
        return None;
    }
    let head = fold(&text[..super::floor(text, 3_000)]);
    [" | ", " - ", " — ", " – ", " :: "]
        .iter()
        .flat_map(|sep| title.split(sep))
        .map(str::trim)
        .filter(|p| {
            p.split_whitespace().count() >= 3 && p.len() < title.len() && head.contains(&fold(p))
        })
        .max_by_key(|p| p.len())
        .map(str::to_owned)
}

/// "Headline | Site" or "Headline - Site" -> "Headline", and "Site | Headline" -> "Headline":
/// the part that names the stated site comes off (without a stated site name, a short last
/// part beside a long one).
pub(super) fn strip_site(title: &str, stated: &SourceMeta) -> String {
    let title = title.trim();
    let site = stated.site.as_ref().map(|s| fold(&s.value));
    let words = |s: &str| s.split_whitespace().count();
    for sep in [" | ", " - ", " — ", " – ", " :: ", " « ", " » "] {
        if let Some(i) = title.rfind(sep) {
            let (head, tail) = (&title[..i], &title[i + sep.len()..]);
            let tail_is_site = site.as_ref().is_some_and(|s| *s == fold(tail))
                || (site.is_none() && words(tail) <= 4 && words(head) >= 4);
            if tail_is_site {
                return head.trim().to_owned();
            }
        }
        if let Some(i) = title.find(sep) {
            let (head, tail) = (&title[..i], &title[i + sep.len()..]);
            let head_is_site = site.as_ref().is_some_and(|s| *s == fold(head));
            if head_is_site {
                return tail.trim().to_owned();
            }
        }
    }
    title.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title(text: &str) -> Option<String> {
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        detect(&lines, text, &SourceMeta::default(), &HashSet::new()).map(|a| a.value)
    }

    #[test]
    fn menus_bylines_and_captions_are_not_headlines() {
        assert_eq!(
            title("All news\n\nRussia to help train drug police\n\nMEXICO CITY, February 23 (Itar-Tass) —— Body.").as_deref(),
            Some("Russia to help train drug police")
        );
        assert_eq!(
            title("Viktor Ivanov with President Daniel Ortega\n\nAs Russia deepens its involvement in Latin America, the United States has to decide. More.").as_deref(),
            Some("As Russia deepens its involvement in Latin America, the United States has to decide")
        );
        let long = "Russia is to step up multilateral cooperation in counternarcotics operations in Latin America, in what may also be a play to increase its geopolitical influence in the region.";
        let t = title(long).expect("a title");
        assert!(t.ends_with('…') && t.chars().count() <= 161, "{t}");
    }

    #[test]
    fn site_names_come_off_stated_titles() {
        let stated = SourceMeta {
            title: crate::corpus::formats::Stated::new(
                "Coca falls again | Andean Wire",
                "meta og:title",
            ),
            site: crate::corpus::formats::Stated::new("Andean Wire", "meta og:site_name"),
            ..SourceMeta::default()
        };
        let t = detect(
            &["Coca falls again"],
            "Coca falls again\n\nBody",
            &stated,
            &HashSet::new(),
        );
        assert_eq!(
            t.map(|a| (a.value, a.source)),
            Some(("Coca falls again".into(), "meta og:title".into()))
        );
    }
}
