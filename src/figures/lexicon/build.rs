//! Building a [`Lexicon`] from the parsed data files: the units table first, then each
//! language file, checking every reference (a unit a word names must be in the table).

use super::parse::{LexiconError, Line, Section, sections};
use super::{Entry, Lang, Lexicon, LocalCurrency, Meaning, Money, Phrase, Set, UnitDef};
use crate::figures::UnitClass;

/// Build the lexicon from (file name, text) pairs: `units.lex` and one file per language.
pub fn build(files: &[(&str, &'static str)]) -> Result<Lexicon, LexiconError> {
    let mut lex = Lexicon::default();
    let mut neutral: Vec<(String, usize, bool)> = Vec::new();
    for (name, text) in files {
        let secs = sections(name, text)?;
        if *name == "units.lex" {
            units_file(&mut lex, &mut neutral, name, &secs)?;
        } else {
            let lang = language_file(&lex, &neutral, name, &secs)?;
            lex.langs.push(lang);
        }
    }
    Ok(lex)
}

fn err(file: &str, line: usize, message: impl Into<String>) -> LexiconError {
    LexiconError {
        file: file.to_owned(),
        line,
        message: message.into(),
    }
}

fn class_of(name: &str) -> Option<UnitClass> {
    Some(match name {
        "area" => UnitClass::Area,
        "weight" => UnitClass::Weight,
        "length" => UnitClass::Length,
        "volume" => UnitClass::Volume,
        "percent" => UnitClass::Percent,
        "duration" => UnitClass::Duration,
        _ => return None,
    })
}

fn list(field: &str) -> impl Iterator<Item = &str> {
    field.split(',').map(str::trim).filter(|s| !s.is_empty())
}

/// The units table: units, currencies and local currencies. `neutral` gets each symbol and
/// abbreviation (lower case) with its unit and whether it is valid only after digits.
fn units_file(
    lex: &mut Lexicon,
    neutral: &mut Vec<(String, usize, bool)>,
    file: &str,
    secs: &[Section<'static>],
) -> Result<(), LexiconError> {
    for sec in secs {
        for (n, line) in &sec.lines {
            let Line::Row(f) = line else {
                return Err(err(file, *n, "expected fields separated by |"));
            };
            match (sec.name, f.as_slice()) {
                ("units", [canonical, class, label, symbols, short]) => {
                    let class = class_of(class)
                        .ok_or_else(|| err(file, *n, format!("unknown class “{class}”")))?;
                    let i = lex.units.len();
                    lex.units.push(UnitDef {
                        canonical: (*canonical).to_owned(),
                        class,
                        label: (*label).to_owned(),
                    });
                    neutral.extend(list(symbols).map(|s| (s.to_lowercase(), i, false)));
                    neutral.extend(list(short).map(|s| (s.to_lowercase(), i, true)));
                }
                ("currencies", [code, _label, symbols]) => {
                    lex.codes.insert((*code).to_owned(), code);
                    for s in list(symbols) {
                        lex.symbols.insert(s.to_owned(), Money::Code(code));
                    }
                }
                ("local currencies", [name, default, symbols, countries]) => {
                    let i = lex.locals.len();
                    let mut pairs = Vec::new();
                    for c in list(countries) {
                        let (stem, code) = c
                            .split_once('=')
                            .ok_or_else(|| err(file, *n, format!("“{c}” is not stem = code")))?;
                        pairs.push((stem.trim().to_owned(), code.trim().to_owned()));
                    }
                    lex.locals.push(LocalCurrency {
                        name: (*name).to_owned(),
                        default: (!default.is_empty()).then(|| (*default).to_owned()),
                        countries: pairs,
                    });
                    for s in list(symbols) {
                        lex.symbols.insert(s.to_owned(), Money::Local(i));
                    }
                }
                (name, _) => {
                    return Err(err(file, *n, format!("a row [{name}] does not have")));
                }
            }
        }
    }
    lex.longest_symbol = lex.symbols.keys().map(String::len).max().unwrap_or(0);
    Ok(())
}

/// A currency value in a language file: an ISO code ("USD") or `?name` for a local currency.
fn money(lex: &Lexicon, value: &'static str) -> Option<Money> {
    match value.strip_prefix('?') {
        Some(name) => lex
            .locals
            .iter()
            .position(|l| l.name == name)
            .map(Money::Local),
        None => lex.code(value).map(Money::Code),
    }
}

fn number(file: &str, n: usize, v: &str) -> Result<f64, LexiconError> {
    v.parse::<f64>()
        .ok()
        .filter(|x| x.is_finite())
        .ok_or_else(|| err(file, n, format!("“{v}” is not a number")))
}

/// A language file.
fn language_file(
    lex: &Lexicon,
    neutral: &[(String, usize, bool)],
    file: &str,
    secs: &[Section<'static>],
) -> Result<Lang, LexiconError> {
    let mut lang = Lang::default();
    for (word, unit, short) in neutral {
        let e = lang.words.entry(word.clone()).or_default();
        e.unit = Some(*unit);
        e.short_unit = *short;
    }
    for sec in secs {
        for (n, line) in &sec.lines {
            let n = *n;
            match line {
                Line::Map(keys, value) => map_line(lex, &mut lang, file, sec.name, n, keys, value)?,
                Line::Set(words) => {
                    let set = Set::ALL
                        .iter()
                        .find(|(_, name)| *name == sec.name)
                        .map(|(s, _)| *s)
                        .ok_or_else(|| err(file, n, format!("[{}] is not a word set", sec.name)))?;
                    for w in words {
                        let w = w.to_lowercase();
                        if w.contains(' ') {
                            add_phrase(&mut lang, &w, Meaning::Set(set));
                        } else {
                            let e = lang.words.entry(w).or_default();
                            e.sets |= set.bit();
                        }
                    }
                }
                Line::Row(_) => return Err(err(file, n, "a | table row in a language file")),
            }
        }
    }
    if lang.code.is_empty() {
        return Err(err(file, 1, "no [language] code"));
    }
    for list in lang.qualifiers.values_mut() {
        list.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
    }
    for list in lang.phrases.values_mut() {
        list.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
    }
    Ok(lang)
}

fn add_phrase(lang: &mut Lang, key: &str, meaning: Meaning) {
    let words: Vec<String> = key.split(' ').map(str::to_owned).collect();
    let first = words.first().cloned().unwrap_or_default();
    lang.words.entry(first.clone()).or_default().starts_phrase = true;
    lang.phrases
        .entry(first)
        .or_default()
        .push(Phrase { words, meaning });
}

/// The sections kept as tables of their own, not as word entries: money scales, model
/// families and plural suffixes. True when `section` is one of them.
fn keyed_section(
    lang: &mut Lang,
    file: &str,
    section: &str,
    n: usize,
    keys: &[String],
    value: &'static str,
) -> Result<bool, LexiconError> {
    match section {
        "money scales" => {
            let f = number(file, n, value)?;
            for k in keys {
                lang.money_scales.insert(k.clone(), f);
            }
        }
        "model families" => {
            for k in keys {
                lang.model_families
                    .insert(k.to_lowercase(), value.to_owned());
            }
        }
        "plural suffixes" => {
            for k in keys {
                lang.plural_suffixes.push((k.clone(), value.to_owned()));
            }
        }
        _ => return Ok(false),
    }
    Ok(true)
}

fn map_line(
    lex: &Lexicon,
    lang: &mut Lang,
    file: &str,
    section: &str,
    n: usize,
    keys: &[String],
    value: &'static str,
) -> Result<(), LexiconError> {
    if section == "language" {
        let key = keys.first().map(String::as_str).unwrap_or_default();
        match key {
            "code" => lang.code = value.to_owned(),
            "decimal" => lang.decimal_comma = value == ",",
            "currency adjective" => lang.currency_adjective_after = value == "after",
            "noun adjectives" => lang.adjectives_after_noun = value == "after",
            "past endings" => lang.past_endings = list(value).collect(),
            "future endings" => lang.future_endings = list(value).collect(),
            _ => return Err(err(file, n, format!("unknown setting “{key}”"))),
        }
        return Ok(());
    }
    if keyed_section(lang, file, section, n, keys, value)? {
        return Ok(());
    }
    for key in keys {
        let key = key.to_lowercase();
        let several = key.contains(' ');
        let meaning = match section {
            "units" => {
                let unit = lex
                    .units
                    .iter()
                    .position(|u| u.canonical == value)
                    .ok_or_else(|| err(file, n, format!("“{value}” is not in units.lex")))?;
                Meaning::Unit(unit)
            }
            "currency words" | "currency or weight" => Meaning::Currency(
                money(lex, value)
                    .ok_or_else(|| err(file, n, format!("“{value}” is not a currency")))?,
            ),
            "qualifiers" => {
                let words: Vec<String> = key.split(' ').map(str::to_owned).collect();
                let last = words.last().cloned().unwrap_or_default();
                lang.qualifiers.entry(last).or_default().push(Phrase {
                    words,
                    meaning: Meaning::Qualifier(value),
                });
                continue;
            }
            "relative years" if value == "since" => {
                add_phrase(lang, &key, Meaning::SinceThen);
                continue;
            }
            "relative years" | "dated years" => {
                let shift = value
                    .parse::<i32>()
                    .map_err(|_| err(file, n, format!("“{value}” is not a whole number")))?;
                let meaning = if section == "relative years" {
                    Meaning::RelativeYear(shift)
                } else {
                    Meaning::DatedYear(shift)
                };
                add_phrase(lang, &key, meaning);
                continue;
            }
            _ => {
                single_word(
                    lex,
                    lang.words.entry(key).or_default(),
                    file,
                    section,
                    n,
                    value,
                )?;
                continue;
            }
        };
        if several {
            add_phrase(lang, &key, meaning);
        } else {
            let e = lang.words.entry(key).or_default();
            match meaning {
                Meaning::Unit(u) => {
                    e.unit = Some(u);
                    e.short_unit = false;
                }
                Meaning::Currency(m) if section == "currency or weight" => {
                    e.currency_or_weight = Some(m);
                }
                Meaning::Currency(m) => e.currency = Some(m),
                _ => {}
            }
        }
    }
    Ok(())
}

/// Mappings that only single words have.
fn single_word(
    lex: &Lexicon,
    e: &mut Entry,
    file: &str,
    section: &str,
    n: usize,
    value: &'static str,
) -> Result<(), LexiconError> {
    match section {
        "numbers" => e.number = Some(number(file, n, value)?),
        "multipliers" => e.multiplier = Some(number(file, n, value)?),
        "times words" => e.times = Some(number(file, n, value)?),
        "scales" => e.scale = Some(number(file, n, value)?),
        "months" => {
            e.month = Some(
                value
                    .parse::<u32>()
                    .ok()
                    .filter(|m| (1..=12).contains(m))
                    .ok_or_else(|| err(file, n, format!("“{value}” is not a month")))?,
            );
        }
        "currency adjectives" => {
            lex.code(value)
                .ok_or_else(|| err(file, n, format!("“{value}” is not a currency code")))?;
            e.currency_adjective = lex.code(value);
        }
        "irregular plurals" => e.singular = Some(value),
        _ => return Err(err(file, n, format!("[{section}] takes no “= value”"))),
    }
    Ok(())
}

/// How many entries each kind of section produced, for a test that the files were all read.
#[cfg(test)]
pub fn counts(lang: &Lang) -> std::collections::HashMap<&'static str, usize> {
    let mut out = std::collections::HashMap::new();
    for e in lang.words.values() {
        if e.number.is_some() {
            *out.entry("numbers").or_insert(0) += 1;
        }
        if e.scale.is_some() {
            *out.entry("scales").or_insert(0) += 1;
        }
        if e.unit.is_some() {
            *out.entry("units").or_insert(0) += 1;
        }
        if e.currency.is_some() {
            *out.entry("currencies").or_insert(0) += 1;
        }
        if e.month.is_some() {
            *out.entry("months").or_insert(0) += 1;
        }
    }
    out.insert("phrases", lang.phrases.values().map(Vec::len).sum());
    out.insert("qualifiers", lang.qualifiers.values().map(Vec::len).sum());
    out
}
