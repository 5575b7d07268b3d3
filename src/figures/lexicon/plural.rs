//! The singular of a counted noun, by a language's rules: its irregular plurals, the words
//! that only look plural, and its plural endings ("ies = y", "iones = ión", "Vles = Vl").

use super::{Lang, Set};

/// The singular of `word` (lower case), or `None` when it does not look like a plural.
pub fn singular(lang: &Lang, word: &str) -> Option<String> {
    let l = word.to_lowercase().replace('’', "'");
    if let Some(e) = lang.words.get(&l) {
        if let Some(s) = e.singular {
            return Some(s.to_owned());
        }
        if e.is(Set::NotPlural) {
            return None;
        }
    }
    if l.chars().count() < 3 || l.ends_with("'s") || (lang.code == "en" && l.ends_with("ss")) {
        return None;
    }
    lang.plural_suffixes
        .iter()
        .find_map(|(plural, single)| apply(&l, plural, single))
}

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e'
            | 'i'
            | 'o'
            | 'u'
            | 'á'
            | 'é'
            | 'í'
            | 'ó'
            | 'ú'
            | 'â'
            | 'ê'
            | 'ô'
            | 'ã'
            | 'õ'
            | 'ü'
    )
}

/// Apply one rule: `plural` may start with `V` (a vowel) or `C` (a consonant), which the
/// singular keeps in the same place.
fn apply(word: &str, plural: &str, single: &str) -> Option<String> {
    let (class, rest) = match plural.chars().next() {
        Some('V') => (Some(true), &plural[1..]),
        Some('C') => (Some(false), &plural[1..]),
        _ => (None, plural),
    };
    let stem = word.strip_suffix(rest)?;
    let single_rest = match class {
        Some(_) => single.get(1..).unwrap_or(""),
        None => single,
    };
    if let Some(vowel) = class {
        let c = stem.chars().next_back()?;
        if is_vowel(c) != vowel || !c.is_alphabetic() {
            return None;
        }
    }
    if stem.is_empty() {
        return None;
    }
    Some(format!("{stem}{single_rest}"))
}

#[cfg(test)]
mod tests {
    use super::super::Lexicon;

    #[test]
    fn english_singulars() {
        let lex = Lexicon::load().expect("lexicon");
        let en = lex.lang("en");
        for (p, s) in [
            ("helicopters", "helicopter"),
            ("countries", "country"),
            ("People", "person"),
            ("gangs", "gang"),
            ("churches", "church"),
            ("boxes", "box"),
            ("allies", "ally"),
            ("lives", "life"),
            ("heroes", "hero"),
            ("TROOPS", "troop"),
        ] {
            assert_eq!(en.singular(p).as_deref(), Some(s), "{p}");
        }
        for w in ["was", "analysis", "gas", "Peru's", "business", "its", "ss"] {
            assert_eq!(en.singular(w), None, "{w}");
        }
    }

    #[test]
    fn spanish_singulars() {
        let lex = Lexicon::load().expect("lexicon");
        let es = lex.lang("es");
        for (p, s) in [
            ("helicópteros", "helicóptero"),
            ("rifles", "rifle"),
            ("fusiles", "fusil"),
            ("dólares", "dólar"),
            ("camiones", "camión"),
            ("naciones", "nación"),
            ("aviones", "avión"),
            ("países", "país"),
            ("veces", "vez"),
            ("ciudades", "ciudad"),
            ("mujeres", "mujer"),
            ("madres", "madre"),
            ("leyes", "ley"),
            ("rehenes", "rehén"),
            ("jóvenes", "joven"),
            ("Personas", "persona"),
            ("efectivos", "efectivo"),
            ("franceses", "francés"),
            ("meses", "mes"),
            ("calles", "calle"),
            ("narcotraficantes", "narcotraficante"),
        ] {
            assert_eq!(es.singular(p).as_deref(), Some(s), "{p}");
        }
        for w in ["lunes", "crisis", "más", "tres", "de"] {
            assert_eq!(es.singular(w), None, "{w}");
        }
    }

    #[test]
    fn portuguese_singulars() {
        let lex = Lexicon::load().expect("lexicon");
        let pt = lex.lang("pt");
        for (p, s) in [
            ("milhões", "milhão"),
            ("reais", "real"),
            ("homens", "homem"),
            ("fuzis", "fuzil"),
            ("toneladas", "tonelada"),
            ("helicópteros", "helicóptero"),
            ("países", "país"),
        ] {
            assert_eq!(pt.singular(p).as_deref(), Some(s), "{p}");
        }
    }
}
