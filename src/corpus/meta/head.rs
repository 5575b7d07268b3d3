//! Reading the head of an article: datelines ("MEXICO CITY, February 23 (Itar-Tass) —"),
//! bylines ("By Dialogo", "Por Lucía Fernández / 14 de marzo de 2015") and photo captions.

use std::sync::OnceLock;

use regex::Regex;

use super::date::{PartialDate, find_in_words, find_near_start};
use super::tables::{Place, fold, tables};

/// What a dateline says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dateline {
    /// The place as the text writes it, in title case when the text shouts it.
    pub place: Option<String>,
    /// The gazetteer's entry for the place, when it has one.
    pub known: Option<Place>,
    pub date: Option<PartialDate>,
    /// The agency in parentheses: "Itar-Tass", "EFE".
    pub agency: Option<String>,
}

fn regex(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| {
        Regex::new(pattern).unwrap_or_else(|_| Regex::new("$^").unwrap_or_else(|_| unreachable!()))
    })
}

/// The dateline at the start of `para`, if it has one.
pub fn dateline(para: &str) -> Option<Dateline> {
    static SEP: OnceLock<Regex> = OnceLock::new();
    // The prefix ends at a dash (—, –, --, " - ", ".-") within the first 120 bytes.
    let sep = regex(&SEP, r"(?:\)\s*|\s)(?:—+|–+|-{2,}|-)\s|\)?\.[-—–]\s?|:\s");
    let head = para.get(..para.len().min(160)).unwrap_or(para);
    let head = &para[..floor_boundary(para, head.len())];
    let m = sep.find(head)?;
    if m.start() > 120 {
        return None;
    }
    let prefix = para[..m.end()]
        .trim_end_matches([' ', '—', '–', '-', '.', ':'])
        .trim();
    let mut out = Dateline::default();
    let mut rest = prefix;
    if let Some(open) = rest.rfind('(')
        && rest.ends_with(')')
    {
        let agency = rest[open + 1..rest.len() - 1].trim();
        if (2..=40).contains(&agency.chars().count()) {
            out.agency = Some(agency.to_owned());
        }
        rest = rest[..open].trim();
    }
    let (place, after) = match rest.split_once(',') {
        Some((p, a)) => (p.trim(), a.trim()),
        None => (rest, ""),
    };
    if let Some((d, _)) = find_in_words(after) {
        out.date = Some(d);
    } else if !after.is_empty() && out.agency.is_none() {
        // "PLACE, Region —" without date or agency is a dateline only when the place is known.
        tables().place(place)?;
    }
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    let shouted = letters >= 3 && place.chars().all(|c| !c.is_lowercase());
    let known = tables().place(place);
    if !(shouted || known.is_some()) || place.split_whitespace().count() > 4 {
        return None;
    }
    if out.date.is_none() && out.agency.is_none() {
        return None;
    }
    out.place = Some(match &known {
        Some(k) if shouted => k.name.clone(),
        _ if shouted => title_case(place),
        _ => place.to_owned(),
    });
    out.known = known;
    Some(out)
}

/// The largest char boundary of `s` at or below `i`.
fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// "MEXICO CITY" -> "Mexico City".
fn title_case(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// A byline: who wrote the article (or which outlet), and a date on the same line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Byline {
    pub name: String,
    /// Whether the name is a known outlet or agency rather than a person.
    pub outlet: bool,
    pub date: Option<PartialDate>,
}

/// The byline on `line` ("By Dialogo", "By Dialogo / April 17, 2015", "Por Ana Pérez").
pub fn byline(line: &str) -> Option<Byline> {
    static BY: OnceLock<Regex> = OnceLock::new();
    let by = regex(&BY, r"^(?i:by|por|par|von|от|de)[:\s]\s*(.+)$");
    let c = by.captures(line.trim())?;
    let rest = c.get(1)?.as_str();
    // The date of a byline follows the name ("By Dialogo / April 17, 2015").
    let date = find_near_start(rest, 160);
    let cut = [" / ", " | ", " - ", " — ", ", "]
        .iter()
        .filter_map(|s| rest.find(s))
        .chain(date.as_ref().map(|(_, r)| r.start))
        .min()
        .unwrap_or(rest.len());
    let name = &rest[..cut];
    let name = name.trim().trim_end_matches(['.', ',']);
    let words = name.split_whitespace().count();
    let capitalised = name.chars().next().is_some_and(char::is_uppercase);
    if !(1..=6).contains(&words) || !capitalised {
        return None;
    }
    let outlet = tables().outlets.contains_key(&fold(name));
    Some(Byline {
        name: name.to_owned(),
        outlet,
        date: date.map(|(d, _)| d),
    })
}

/// The outlet a name stands for, as the text spells it (or as the table does when the text
/// shouts it): `"Itar-Tass"`, `"Dialogo"`.
pub fn outlet_name(name: &str) -> Option<String> {
    let shown = tables().outlets.get(&fold(name))?;
    let shouted = name.chars().filter(|c| c.is_alphabetic()).count() > 4
        && name.chars().all(|c| !c.is_lowercase());
    Some(if shouted {
        shown.clone()
    } else {
        name.trim().to_owned()
    })
}

/// Whether `line` reads like a photo caption or credit rather than a headline.
pub fn is_caption(line: &str) -> bool {
    let lower = line.to_lowercase();
    const CUES: [&str; 9] = [
        "(photo",
        "photo:",
        "foto:",
        "(foto",
        "credit:",
        "getty images",
        "ap photo",
        "(reuters)",
        "image:",
    ];
    if CUES.iter().any(|c| lower.contains(c)) {
        return true;
    }
    // "Viktor Ivanov with President Daniel Ortega": names joined by a lower-case "with",
    // "and", "at" or "during", and nothing else in lower case.
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.len() > 10 || line.ends_with(['.', '?', '!', ':']) {
        return false;
    }
    const JOINERS: [&str; 4] = ["with", "during", "at", "and"];
    const SMALL: [&str; 6] = ["of", "the", "de", "del", "la", "y"];
    let mut joined = false;
    for w in &words {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        if JOINERS.contains(&w) {
            joined = true;
        } else if w.chars().next().is_some_and(char::is_lowercase) && !SMALL.contains(&w) {
            return false;
        }
    }
    joined
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_give_place_date_and_agency() {
        let d = dateline("MEXICO CITY, February 23 (Itar-Tass) —— Russia will extend")
            .expect("dateline");
        assert_eq!(d.place.as_deref(), Some("Mexico City"));
        assert_eq!(d.known.map(|k| k.country), Some("Mexico".to_owned()));
        assert_eq!(d.date.map(|x| x.to_string()).as_deref(), Some("--02-23"));
        assert_eq!(d.agency.as_deref(), Some("Itar-Tass"));
        let d = dateline("BOGOTÁ, 23 feb (EFE).- El Gobierno de Colombia").expect("spanish");
        assert_eq!(d.place.as_deref(), Some("Bogotá"));
        assert_eq!(d.agency.as_deref(), Some("EFE"));
        let d = dateline("Lima, 14 de marzo de 2015 (Andina) – El Gobierno").expect("known place");
        assert_eq!(d.place.as_deref(), Some("Lima"));
        assert_eq!(d.date.map(|x| x.to_string()).as_deref(), Some("2015-03-14"));
        assert_eq!(
            dateline("Currently he is on a visit - to El Salvador"),
            None
        );
        assert_eq!(
            dateline("During his official visit to Mexico from March 23-25, the then"),
            None
        );
    }

    #[test]
    fn bylines_tell_outlets_from_people() {
        let b = byline("By Dialogo").expect("byline");
        assert!(b.outlet);
        assert_eq!(b.name, "Dialogo");
        let b = byline("By Dialogo / April 17, 2015").expect("with date");
        assert_eq!(b.date.map(|d| d.to_string()).as_deref(), Some("2015-04-17"));
        let b = byline("Por Lucía Fernández").expect("spanish");
        assert!(!b.outlet);
        assert_eq!(
            byline("By the way, this is a sentence that goes on and on"),
            None
        );
        assert_eq!(outlet_name("ITAR-TASS").as_deref(), Some("Itar-Tass"));
    }

    #[test]
    fn captions() {
        assert!(is_caption("Viktor Ivanov with President Daniel Ortega"));
        assert!(is_caption(
            "Juan Carlos Pinzon (Photo: Ministry of Defense)"
        ));
        assert!(!is_caption(
            "Armed Forces of Peru and Mexico Cooperate to Fight Organized Crime"
        ));
        assert!(!is_caption(
            "Colombia tightens security cooperation with Russia and Sweden"
        ));
    }
}
