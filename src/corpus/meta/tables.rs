//! The word lists metadata detection reads, loaded once from `assets/` (compiled in): month
//! names, outlets and news agencies, boilerplate lines, and the minimal dateline gazetteer.

use std::collections::HashMap;
use std::sync::OnceLock;

const MONTHS: &str = include_str!("../../../assets/sources/months.tsv");
const OUTLETS: &str = include_str!("../../../assets/sources/outlets.txt");
const BOILERPLATE: &str = include_str!("../../../assets/sources/boilerplate-lines.txt");
const PLACES: &str = include_str!("../../../assets/gazetteer/places-min.tsv");
/// The actors module's country gazetteer: every country's names and capitals.
const COUNTRIES: &str = include_str!("../../../assets/gazetteer/countries.tsv");

/// A place of the gazetteer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    /// How the place is shown (the first spelling in the table).
    pub name: String,
    /// ISO 3166-1 alpha-2.
    pub code: String,
    pub country: String,
}

pub struct Tables {
    /// Folded month name -> month number.
    pub months: HashMap<String, u8>,
    /// Folded outlet name -> how it is shown.
    pub outlets: HashMap<String, String>,
    /// Folded boilerplate lines.
    pub boilerplate: Vec<String>,
    /// Folded place name -> place.
    pub places: HashMap<String, Place>,
    /// Folded country name -> (code, country).
    pub countries: HashMap<String, (String, String)>,
}

impl Tables {
    /// The place of this name, or the country of this name (as a place of its own).
    pub fn place(&self, name: &str) -> Option<Place> {
        let key = fold(name);
        self.places.get(&key).cloned().or_else(|| {
            self.countries.get(&key).map(|(code, country)| Place {
                name: country.clone(),
                code: code.clone(),
                country: country.clone(),
            })
        })
    }
}

/// The tables, parsed on first use.
pub fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(parse)
}

fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

fn parse() -> Tables {
    let mut months = HashMap::new();
    for line in lines(MONTHS) {
        let mut cols = line.split('\t');
        let (_, Some(n), Some(names)) = (cols.next(), cols.next(), cols.next()) else {
            continue;
        };
        let Ok(n) = n.parse::<u8>() else { continue };
        for name in names.split('|') {
            months.insert(fold(name), n);
        }
    }
    let mut outlets = HashMap::new();
    for line in lines(OUTLETS) {
        let shown = line.split('|').next().unwrap_or(line).trim().to_owned();
        for name in line.split('|') {
            outlets.insert(fold(name), shown.clone());
        }
    }
    let boilerplate = lines(BOILERPLATE).map(fold).collect();
    let mut places = HashMap::new();
    let mut countries = HashMap::new();
    for line in lines(PLACES) {
        let mut cols = line.split('\t');
        let (Some(names), Some(code), Some(country)) = (cols.next(), cols.next(), cols.next())
        else {
            continue;
        };
        let shown = names.split('|').next().unwrap_or(names).to_owned();
        for name in names.split('|') {
            places.insert(
                fold(name),
                Place {
                    name: shown.clone(),
                    code: code.to_owned(),
                    country: country.to_owned(),
                },
            );
        }
        countries.insert(fold(country), (code.to_owned(), country.to_owned()));
    }
    add_countries(&mut places, &mut countries);
    Tables {
        months,
        outlets,
        boilerplate,
        places,
        countries,
    }
}

/// Every country of the full gazetteer (`countries.tsv`: code, names, demonyms, Spanish
/// demonyms, capitals, …): its names as countries and its capitals as places. The minimal
/// table's entries win where both have a name.
fn add_countries(
    places: &mut HashMap<String, Place>,
    countries: &mut HashMap<String, (String, String)>,
) {
    for line in lines(COUNTRIES) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (Some(code), Some(names)) = (cols.first(), cols.get(1)) else {
            continue;
        };
        let country = names.split('|').next().unwrap_or(names).to_owned();
        for name in names.split('|') {
            // Names in capitals (US, UK) are abbreviations: too ambiguous in a dateline.
            if name
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
            {
                continue;
            }
            countries
                .entry(fold(name))
                .or_insert_with(|| ((*code).to_owned(), country.clone()));
        }
        let capitals = cols.get(4).copied().unwrap_or_default();
        let shown = capitals.split('|').next().unwrap_or_default().to_owned();
        for name in capitals.split('|').filter(|n| !n.trim().is_empty()) {
            places.entry(fold(name)).or_insert_with(|| Place {
                name: shown.clone(),
                code: (*code).to_owned(),
                country: country.clone(),
            });
        }
    }
}

/// Lower case without accents and with runs of spaces and punctuation made one space, for
/// comparing names: `"  BOGOTÁ, "` -> `"bogota"`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        let c = strip_accent(c);
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else {
            space = true;
        }
    }
    out
}

fn strip_accent(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å' => 'A',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'É' | 'È' | 'Ê' | 'Ë' => 'E',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'Í' | 'Ì' | 'Î' | 'Ï' => 'I',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
        'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' => 'O',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'Ú' | 'Ù' | 'Û' | 'Ü' => 'U',
        'ñ' => 'n',
        'Ñ' => 'N',
        'ç' => 'c',
        'Ç' => 'C',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_parse_and_fold() {
        let t = tables();
        assert_eq!(t.months.get("febrero"), Some(&2));
        assert_eq!(t.months.get("fevrier"), Some(&2));
        assert_eq!(
            t.outlets.get("itar tass").map(String::as_str),
            Some("Itar-Tass")
        );
        assert_eq!(
            t.outlets.get("dialogo").map(String::as_str),
            Some("Diálogo")
        );
        let city = &t.places[&fold("MEXICO CITY")];
        assert_eq!(
            (city.name.as_str(), city.code.as_str()),
            ("Mexico City", "MX")
        );
        assert_eq!(t.places[&fold("BOGOTÁ")].country, "Colombia");
        assert!(t.boilerplate.contains(&fold("All news")));
        // From the full country gazetteer: a capital the minimal table lacks, a country name.
        assert_eq!(t.place("ULAANBAATAR").map(|p| p.code), Some("MN".into()));
        assert_eq!(
            t.place("Nicaragua").map(|p| p.country),
            Some("Nicaragua".into())
        );
    }
}
