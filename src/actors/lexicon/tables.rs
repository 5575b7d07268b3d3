//! Reading the gazetteer's tables of countries, regions and organisations into the lexicon,
//! with the forms each name takes (demonym plurals, Spanish genders, ways of writing the US).

use super::super::ActorKind;
use super::super::words::fold;
use super::{COUNTRIES, Lexicon, ORGS, REGIONS, Role};

impl Lexicon {
    /// Countries: names, demonyms (English and Spanish), capitals, metonyms.
    pub(super) fn read_countries(&mut self) {
        for row in rows(COUNTRIES) {
            let code = row.first().copied().unwrap_or_default();
            let names = list(row.get(1));
            let Some(display) = names.first() else {
                continue;
            };
            let e = self.add_entry(code, display, ActorKind::Country, Some(code));
            for n in &names {
                self.add_alias(e, n, Role::Name, false, false);
            }
            for d in list(row.get(2)) {
                self.add_alias(e, d, Role::Demonym, false, false);
                if let Some(p) = english_plural(d) {
                    self.add_alias(e, &p, Role::Demonym, false, false);
                }
            }
            for d in list(row.get(3)) {
                for form in spanish_forms(d) {
                    self.add_alias(e, &form, Role::Demonym, false, true);
                }
            }
            for c in list(row.get(4)) {
                self.add_alias(e, c, Role::Capital, false, false);
            }
            for m in list(row.get(5)) {
                self.add_alias(e, m, Role::Metonym, false, false);
            }
        }
    }

    /// Regions: names and demonyms.
    pub(super) fn read_regions(&mut self) {
        for row in rows(REGIONS) {
            let names = list(row.get(1));
            let (Some(id), Some(display)) = (row.first(), names.first()) else {
                continue;
            };
            let e = self.add_entry(&format!("region:{id}"), display, ActorKind::Country, None);
            for n in &names {
                self.add_alias(e, n, Role::Name, false, false);
            }
            for d in list(row.get(2)) {
                self.add_alias(e, d, Role::Demonym, false, false);
                if let Some(p) = english_plural(d) {
                    self.add_alias(e, &p, Role::Demonym, false, false);
                }
            }
            for d in list(row.get(3)) {
                for form in spanish_forms(d) {
                    self.add_alias(e, &form, Role::Demonym, false, true);
                }
            }
        }
    }

    /// Organisations: names, acronyms and the short forms that name them after a full mention.
    pub(super) fn read_orgs(&mut self) {
        for row in rows(ORGS) {
            let names = list(row.get(2));
            let acronyms = list(row.get(3));
            let Some(id) = row.first() else { continue };
            let Some(display) = names.first().or(acronyms.first()) else {
                continue;
            };
            let country = row.get(1).filter(|c| c.len() == 2).copied();
            let e = self.add_entry(&format!("org:{id}"), display, ActorKind::Org, country);
            for n in names.iter().flat_map(|n| us_variants(n)) {
                let long = n.split_whitespace().count() >= 3;
                self.add_alias(e, &n, Role::Name, long, false);
            }
            for a in &acronyms {
                self.add_alias(e, a, Role::Acronym, false, false);
            }
            for short in list(row.get(4)) {
                self.lists
                    .short_forms
                    .entry(fold(short))
                    .or_default()
                    .push(e);
            }
        }
    }
}

pub(super) fn rows(table: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    table
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

fn list(cell: Option<&&'static str>) -> Vec<&'static str> {
    cell.map(|c| {
        c.split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect()
    })
    .unwrap_or_default()
}

/// An organisation's name with the other ways of writing the United States at its start
/// ("US Army", "U.S. Army", "United States Army").
fn us_variants(name: &str) -> Vec<String> {
    const FORMS: [&str; 3] = ["US ", "U.S. ", "United States "];
    match FORMS.iter().find_map(|f| name.strip_prefix(f)) {
        Some(rest) => FORMS.iter().map(|f| format!("{f}{rest}")).collect(),
        None => vec![name.to_owned()],
    }
}

/// English plural of a demonym: "Russians", "Pakistanis"; none for "Chinese" or "Swiss".
fn english_plural(d: &str) -> Option<String> {
    let last = d.chars().last()?;
    if d.ends_with("ese") || d.ends_with("ss") || d.ends_with("ch") || d.ends_with("sh") {
        return None;
    }
    matches!(last, 'n' | 'i' | 'r' | 'e' | 'k' | 't' | 'o').then(|| format!("{d}s"))
}

/// Spanish forms of a masculine singular demonym: "ruso" → ruso, rusa, rusos, rusas.
fn spanish_forms(d: &str) -> Vec<String> {
    let stem = |n: usize| d[..d.len() - n].to_owned();
    if let Some(s) = d.strip_suffix('o') {
        vec![
            d.into(),
            format!("{s}a"),
            format!("{s}os"),
            format!("{s}as"),
        ]
    } else if d.ends_with("és") {
        let s = stem("és".len());
        vec![
            d.into(),
            format!("{s}esa"),
            format!("{s}eses"),
            format!("{s}esas"),
        ]
    } else if d.ends_with("án") {
        let s = stem("án".len());
        vec![
            d.into(),
            format!("{s}ana"),
            format!("{s}anes"),
            format!("{s}anas"),
        ]
    } else if d.ends_with("ón") {
        let s = stem("ón".len());
        vec![
            d.into(),
            format!("{s}ona"),
            format!("{s}ones"),
            format!("{s}onas"),
        ]
    } else if d.ends_with('í') || d.ends_with('ú') {
        vec![d.into(), format!("{d}es"), format!("{d}s")]
    } else if d.ends_with('l') || d.ends_with('n') {
        vec![
            d.into(),
            format!("{d}a"),
            format!("{d}es"),
            format!("{d}as"),
        ]
    } else {
        vec![d.into(), format!("{d}s")]
    }
}
