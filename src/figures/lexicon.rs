//! Words the figure extractor knows: number words, scale words, currencies, units of measure,
//! and the small sets of words that tell a figure from a date, a label or a model number.
//! All comparisons are case-insensitive.

/// The value of a cardinal number word ("seven" → 7, "twenty" → 20).
pub fn number_word(w: &str) -> Option<f64> {
    const SMALL: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(i) = SMALL.iter().position(|s| s.eq_ignore_ascii_case(w)) {
        return Some(i as f64);
    }
    TENS.iter()
        .position(|s| s.eq_ignore_ascii_case(w))
        .map(|i| (i as f64 + 2.0) * 10.0)
}

/// Multipliers written as words or abbreviations after a number ("1.2 million", "$5bn").
pub fn scale_word(w: &str) -> Option<f64> {
    let l = w.to_ascii_lowercase();
    Some(match l.as_str() {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" | "millions" | "mn" | "mln" | "mil" | "millones" | "millón" | "millon" => 1e6,
        "billion" | "billions" | "bn" | "bln" => 1e9,
        "trillion" | "trillions" | "tn" | "trn" => 1e12,
        _ => return None,
    })
}

/// Scale abbreviations only valid right after a money amount ("$5m", "$3k", "$2b").
pub fn money_scale_abbreviation(w: &str) -> Option<f64> {
    match w {
        "m" | "M" => Some(1e6),
        "k" | "K" => Some(1e3),
        "b" | "B" => Some(1e9),
        _ => None,
    }
}

/// A currency symbol written before the amount.
pub fn currency_symbol(s: &str) -> Option<&'static str> {
    Some(match s {
        "$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "¥" => "JPY",
        "₽" => "RUB",
        _ => return None,
    })
}

/// A word written right before `$` that names whose dollar it is ("US$", "R$", "C$").
pub fn dollar_prefix(w: &str) -> Option<&'static str> {
    Some(match w {
        "US" | "U.S" | "USA" => "USD",
        "R" => "BRL",
        "C" | "CA" | "CAN" => "CAD",
        "MX" | "Mex" => "MXN",
        "COP" | "COL" | "Col" => "COP",
        "A" | "AU" => "AUD",
        "NZ" => "NZD",
        _ => return None,
    })
}

/// ISO 4217 codes written as words ("USD 5 million", "5 million EUR").
pub fn currency_code(w: &str) -> Option<&'static str> {
    const CODES: &[&str] = &[
        "USD", "EUR", "GBP", "MXN", "COP", "PEN", "BOB", "RUB", "BRL", "VES", "VEF", "NIO", "CNY",
        "JPY", "SEK", "CAD", "ARS", "CLP", "GTQ", "HNL", "UYU", "PYG", "DOP", "CUP", "AUD", "CHF",
    ];
    CODES.iter().find(|c| **c == w).copied()
}

/// A currency named by a word after the amount ("406 million dollars"). Pesos depend on the
/// country; `None` in the second slot means "ask the article which country".
pub fn currency_word(w: &str) -> Option<Option<&'static str>> {
    let l = w.to_lowercase();
    Some(Some(match l.as_str() {
        "dollar" | "dollars" => "USD",
        "euro" | "euros" => "EUR",
        "ruble" | "rubles" | "rouble" | "roubles" => "RUB",
        "real" | "reais" | "reals" => "BRL",
        "sol" | "soles" => "PEN",
        "boliviano" | "bolivianos" => "BOB",
        "bolívar" | "bolívares" | "bolivar" | "bolivares" | "bolivars" => "VES",
        "córdoba" | "córdobas" | "cordoba" | "cordobas" => "NIO",
        "quetzal" | "quetzales" | "quetzals" => "GTQ",
        "lempira" | "lempiras" => "HNL",
        "yuan" | "renminbi" => "CNY",
        "yen" => "JPY",
        "kronor" | "krona" => "SEK",
        "sterling" => "GBP",
        "peso" | "pesos" => return Some(None),
        _ => return None,
    }))
}

/// Which peso an adjective names ("Mexican pesos").
pub fn peso_country(adjective: &str) -> Option<&'static str> {
    let l = adjective.to_lowercase();
    Some(match l.as_str() {
        "mexican" | "mexico" => "MXN",
        "colombian" | "colombia" => "COP",
        "argentine" | "argentinian" | "argentina" => "ARS",
        "chilean" | "chile" => "CLP",
        "cuban" | "cuba" => "CUP",
        "dominican" => "DOP",
        "uruguayan" | "uruguay" => "UYU",
        "philippine" | "philippines" => "PHP",
        _ => return None,
    })
}

/// A unit of measure starting at word `w` (lower case) and optionally the next word, as
/// (canonical unit, how many words it took). Money and counts are handled elsewhere.
pub fn measure_unit(w: &str, next: Option<&str>) -> Option<(&'static str, usize)> {
    let l = w.to_lowercase();
    let n = next.map(str::to_lowercase);
    let n = n.as_deref();
    let two = |unit| Some((unit, 2));
    match (l.as_str(), n) {
        ("square" | "sq", Some("kilometers" | "kilometres" | "kilometer" | "kilometre" | "km")) => {
            return two("km2");
        }
        ("square" | "sq", Some("miles" | "mile" | "mi")) => return two("mi2"),
        ("square" | "sq", Some("meters" | "metres" | "meter" | "metre" | "m")) => return two("m2"),
        ("metric" | "short" | "long", Some("tons" | "tonnes" | "ton" | "tonne")) => {
            return two("tonne");
        }
        ("per", Some("cent")) => return two("percent"),
        ("percentage", Some("points" | "point")) => return two("percent"),
        ("nautical", Some("miles" | "mile")) => return two("nautical mile"),
        _ => {}
    }
    let unit = match l.as_str() {
        "hectare" | "hectares" | "ha" | "hectáreas" | "hectárea" => "hectare",
        "km²" | "km2" | "sqkm" => "km2",
        "acre" | "acres" => "acre",
        "ton" | "tons" | "tonne" | "tonnes" | "toneladas" | "tonelada" | "mt" | "t" => "tonne",
        "kilogram" | "kilograms" | "kilogramme" | "kilogrammes" | "kg" | "kgs" | "kilo"
        | "kilos" => "kg",
        "gram" | "grams" | "g" | "gr" => "g",
        "pound" | "pounds" | "lb" | "lbs" => "pound",
        "percent" | "pct" | "%" | "porciento" => "percent",
        "kilometer" | "kilometers" | "kilometre" | "kilometres" | "km" | "kms" => "km",
        "mile" | "miles" | "mi" => "mile",
        "meter" | "meters" | "metre" | "metres" => "m",
        "year" | "years" | "yr" | "yrs" | "año" | "años" => "year",
        "month" | "months" => "month",
        "week" | "weeks" => "week",
        "day" | "days" => "day",
        "hour" | "hours" => "hour",
        "decade" | "decades" => "decade",
        "century" | "centuries" => "century",
        _ => return None,
    };
    Some((unit, 1))
}

/// Is this unit a counted noun (not money, a measure, a share or empty)?
pub fn unit_is_count(unit: &str) -> bool {
    !unit.is_empty() && super::unit_class(unit) == super::UnitClass::Count
}

/// Is this a unit of time (a duration)?
pub fn is_duration(unit: &str) -> bool {
    matches!(
        unit,
        "year" | "month" | "week" | "day" | "hour" | "decade" | "century"
    )
}

pub fn month(w: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    const SHORT: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let l = w.to_lowercase();
    MONTHS
        .iter()
        .position(|m| *m == l)
        .or_else(|| SHORT.iter().position(|m| *m == l))
        .or_else(|| (l == "sept").then_some(8))
        .map(|i| i as u32 + 1)
        // "May" is also a verb; it is a month only when capitalised.
        .filter(|&m| m != 5 || w.starts_with('M'))
}

/// Words before a number that make it a label, not a quantity ("page 5", "Resolution 1373").
pub fn is_label_word(w: &str) -> bool {
    const LABELS: &[&str] = &[
        "page",
        "pages",
        "p",
        "pp",
        "no",
        "nos",
        "number",
        "article",
        "art",
        "articles",
        "section",
        "sections",
        "chapter",
        "chapters",
        "table",
        "tables",
        "figure",
        "figures",
        "fig",
        "vol",
        "volume",
        "issue",
        "line",
        "lines",
        "item",
        "items",
        "resolution",
        "resolutions",
        "law",
        "decree",
        "bill",
        "act",
        "paragraph",
        "para",
        "annex",
        "appendix",
        "box",
        "case",
        "file",
        "phase",
        "level",
        "grade",
        "room",
        "code",
        "tier",
        "route",
        "flight",
        "version",
        "model",
        "class",
        "group",
        "unit",
        "district",
        "zone",
        "region",
        "step",
        "stage",
        "round",
        "week",
        "ref",
        "rule",
        "amendment",
        "order",
        "report",
        "footnote",
        "note",
        "doc",
        "document",
        "block",
        "lot",
        "precinct",
        "ward",
        "brigade",
        "battalion",
        "division",
        "squadron",
        "regiment",
        "corps",
        "fleet",
        "platoon",
        "company",
    ];
    let l = w.to_lowercase();
    LABELS.contains(&l.as_str())
}

/// Words that may stand right before a number without making it a label: qualifiers,
/// prepositions, determiners, verbs of change.
pub fn is_quantity_lead(w: &str) -> bool {
    const LEADS: &[&str] = &[
        "about",
        "around",
        "approximately",
        "roughly",
        "some",
        "nearly",
        "almost",
        "over",
        "under",
        "more",
        "less",
        "fewer",
        "than",
        "least",
        "up",
        "to",
        "from",
        "of",
        "by",
        "at",
        "in",
        "on",
        "for",
        "with",
        "and",
        "or",
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "our",
        "these",
        "those",
        "all",
        "only",
        "just",
        "another",
        "other",
        "estimated",
        "est",
        "total",
        "nearly",
        "reached",
        "rose",
        "fell",
        "grew",
        "increased",
        "decreased",
        "dropped",
        "totalled",
        "totaled",
        "totalling",
        "totaling",
        "between",
        "among",
        "than",
        "as",
        "many",
        "much",
        "below",
        "above",
        "exceeding",
        "exceeded",
        "topped",
        "hit",
        "reaching",
        "killing",
        "killed",
        "arresting",
        "arrested",
        "seized",
        "seizing",
        "destroyed",
        "eradicated",
        "eradicating",
        "captured",
        "deployed",
        "sent",
        "bought",
        "sold",
        "spent",
        "paid",
        "received",
        "cost",
        "costing",
        "worth",
        "valued",
        "is",
        "was",
        "were",
        "are",
        "be",
        "been",
        "had",
        "has",
        "have",
        "with",
        "per",
        "only",
        "just",
        "then",
        "now",
        "still",
        "while",
    ];
    let l = w.to_lowercase();
    LEADS.contains(&l.as_str())
}

/// Function words and verbs that end a noun phrase after a number.
pub fn is_phrase_break(w: &str) -> bool {
    const BREAKS: &[&str] = &[
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "and",
        "or",
        "but",
        "nor",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "were",
        "was",
        "are",
        "is",
        "be",
        "been",
        "had",
        "have",
        "has",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "can",
        "did",
        "do",
        "does",
        "the",
        "a",
        "an",
        "this",
        "these",
        "those",
        "their",
        "its",
        "his",
        "her",
        "our",
        "per",
        "each",
        "every",
        "than",
        "as",
        "while",
        "over",
        "under",
        "into",
        "since",
        "during",
        "including",
        "between",
        "among",
        "across",
        "after",
        "before",
        "until",
        "when",
        "where",
        "because",
        "if",
        "so",
        "not",
        "also",
        "then",
        "there",
        "it",
        "they",
        "he",
        "she",
        "we",
        "you",
        "i",
        "annually",
        "each",
        "apiece",
        "alone",
        "ago",
        "earlier",
        "later",
        "more",
        "less",
        "respectively",
        "said",
        "says",
        "according",
        "out",
        "off",
        "up",
        "down",
    ];
    let l = w.to_lowercase();
    BREAKS.contains(&l.as_str())
}

/// Words ending in -s that are not plural nouns.
pub fn is_not_plural(l: &str) -> bool {
    const NOT: &[&str] = &[
        "was",
        "is",
        "has",
        "this",
        "its",
        "his",
        "hers",
        "ours",
        "theirs",
        "as",
        "us",
        "thus",
        "plus",
        "versus",
        "across",
        "always",
        "perhaps",
        "yes",
        "less",
        "unless",
        "whereas",
        "besides",
        "towards",
        "afterwards",
        "news",
        "series",
        "various",
        "previous",
        "serious",
        "numerous",
        "famous",
        "dangerous",
        "continuous",
        "enormous",
        "us",
        "does",
        "goes",
        "gas",
        "bus",
        "lens",
        "analysis",
        "basis",
        "crisis",
        "thesis",
        "status",
        "census",
        "consensus",
        "chaos",
        "bonus",
        "virus",
        "campus",
        "corpus",
        "focus",
        "process",
        "access",
        "success",
        "business",
        "witness",
        "progress",
        "congress",
        "address",
        "press",
        "class",
        "mass",
        "grass",
        "glass",
        "boss",
        "loss",
        "cross",
        "miss",
        "kiss",
    ];
    NOT.contains(&l)
}

/// Plural nouns that do not end in -s, and their singular.
pub fn irregular_plural(l: &str) -> Option<&'static str> {
    Some(match l {
        "people" => "person",
        "persons" => "person",
        "men" => "man",
        "women" => "woman",
        "children" => "child",
        "police" => "police officer",
        "personnel" => "personnel",
        "aircraft" => "aircraft",
        "cattle" => "cattle",
        "staff" => "staff",
        "militia" => "militia",
        "feet" => "foot",
        "teeth" => "tooth",
        "mice" => "mouse",
        "geese" => "goose",
        "criteria" => "criterion",
        "data" => "data",
        "media" => "media",
        "fish" => "fish",
        "sheep" => "sheep",
        "deer" => "deer",
        "series" => "series",
        "species" => "species",
        "offspring" => "offspring",
        "youth" => "youth",
        _ => return None,
    })
}

/// The singular of a plural noun (lower case); `None` when the word does not look plural.
pub fn singular(word: &str) -> Option<String> {
    let l = word.to_lowercase();
    let l = l.replace('’', "'");
    if let Some(s) = irregular_plural(&l) {
        return Some(s.to_owned());
    }
    if l.len() < 3
        || !l.ends_with('s')
        || l.ends_with("ss")
        || l.ends_with("'s")
        || is_not_plural(&l)
    {
        return None;
    }
    const F_PLURALS: &[(&str, &str)] = &[
        ("lives", "life"),
        ("wives", "wife"),
        ("knives", "knife"),
        ("thieves", "thief"),
        ("leaves", "leaf"),
        ("wolves", "wolf"),
        ("halves", "half"),
        ("selves", "self"),
        ("shelves", "shelf"),
    ];
    if let Some((_, s)) = F_PLURALS.iter().find(|(p, _)| *p == l) {
        return Some((*s).to_owned());
    }
    let stem = &l[..l.len() - 1];
    if let Some(base) = l.strip_suffix("ies")
        && !base.is_empty()
    {
        return Some(format!("{base}y"));
    }
    for suffix in ["ches", "shes", "xes", "sses", "zzes"] {
        if l.ends_with(suffix) {
            return Some(l[..l.len() - 2].to_owned());
        }
    }
    if l.ends_with("oes")
        && matches!(
            l.as_str(),
            "heroes" | "potatoes" | "tomatoes" | "vetoes" | "torpedoes" | "cargoes"
        )
    {
        return Some(l[..l.len() - 2].to_owned());
    }
    Some(stem.to_owned())
}

/// Adjectives that sit between a number and its noun ("two largest gangs", "24 new
/// helicopters"). Capitalised words, words in -est, hyphenated words and model codes are also
/// skipped; see the extractor.
pub fn is_adjective(l: &str) -> bool {
    const ADJ: &[&str] = &[
        "new",
        "old",
        "more",
        "additional",
        "other",
        "major",
        "main",
        "small",
        "large",
        "big",
        "armed",
        "military",
        "civilian",
        "local",
        "illegal",
        "foreign",
        "former",
        "active",
        "suspected",
        "alleged",
        "different",
        "separate",
        "total",
        "regional",
        "national",
        "international",
        "federal",
        "state",
        "private",
        "public",
        "young",
        "top",
        "senior",
        "junior",
        "key",
        "rural",
        "urban",
        "individual",
        "independent",
        "further",
        "extra",
        "modern",
        "used",
        "second-hand",
        "light",
        "heavy",
        "combat",
        "attack",
        "transport",
        "fighter",
        "armoured",
        "armored",
        "police",
        "army",
        "navy",
        "naval",
        "air",
        "security",
        "drug",
        "criminal",
        "rebel",
        "guerrilla",
        "paramilitary",
        "government",
        "official",
        "unofficial",
        "registered",
        "known",
        "confirmed",
        "reported",
        "documented",
        "identified",
        "coca",
        "cocaine",
        "marijuana",
        "opium",
        "poppy",
        "anti-drug",
        "counternarcotics",
        "high-level",
        "low-level",
        "medium",
        "short",
        "long",
        "full",
        "part-time",
        "full-time",
        "european",
        "american",
        "latin",
        "asian",
        "african",
        "african-american",
        "indigenous",
        "innocent",
        "violent",
        "dead",
        "wounded",
        "injured",
        "missing",
        "displaced",
        "internally",
        "homeless",
        "poor",
        "rich",
        "wealthy",
        "eligible",
        "separate",
        "distinct",
        "entire",
        "whole",
        "remaining",
        "existing",
        "planned",
        "proposed",
        "ongoing",
        "joint",
        "bilateral",
        "multilateral",
        "annual",
        "monthly",
        "daily",
        "weekly",
        "special",
        "mobile",
        "fixed",
        "multi-role",
        "multirole",
        "surface-to-air",
        "anti-aircraft",
        "unmanned",
        "armed",
    ];
    ADJ.contains(&l) || (l.ends_with("est") && l.len() > 4) || l.ends_with("ian")
}

/// Words that qualify a figure, looked for right before it, longest first.
pub const QUALIFIERS: &[(&[&str], &str)] = &[
    (&["more", "than"], "more than"),
    (&["less", "than"], "less than"),
    (&["fewer", "than"], "fewer than"),
    (&["at", "least"], "at least"),
    (&["at", "most"], "at most"),
    (&["up", "to"], "up to"),
    (&["as", "many", "as"], "as many as"),
    (&["as", "much", "as"], "as much as"),
    (&["as", "few", "as"], "as few as"),
    (&["close", "to"], "close to"),
    (&["in", "excess", "of"], "more than"),
    (&["upwards", "of"], "more than"),
    (&["an", "estimated"], "about"),
    (&["estimated"], "about"),
    (&["about"], "about"),
    (&["around"], "around"),
    (&["approximately"], "about"),
    (&["circa"], "about"),
    (&["approx"], "about"),
    (&["roughly"], "about"),
    (&["some"], "about"),
    (&["nearly"], "nearly"),
    (&["almost"], "nearly"),
    (&["over"], "more than"),
    (&["under"], "less than"),
    (&["below"], "less than"),
    (&["above"], "more than"),
    (&["exceeding"], "more than"),
    (&["last"], "last"),
    (&["past"], "last"),
    (&["next"], "next"),
    (&["only"], "only"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn singulars() {
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
            assert_eq!(singular(p).as_deref(), Some(s), "{p}");
        }
        for w in ["was", "analysis", "gas", "Peru's", "business", "its", "ss"] {
            assert_eq!(singular(w), None, "{w}");
        }
    }

    #[test]
    fn units() {
        assert_eq!(measure_unit("square", Some("kilometers")), Some(("km2", 2)));
        assert_eq!(measure_unit("Hectares", None), Some(("hectare", 1)));
        assert_eq!(measure_unit("metric", Some("tons")), Some(("tonne", 2)));
        assert_eq!(measure_unit("per", Some("cent")), Some(("percent", 2)));
        assert_eq!(measure_unit("CENTURIES", None), Some(("century", 1)));
        assert_eq!(measure_unit("helicopters", None), None);
        assert_eq!(currency_word("Dollars"), Some(Some("USD")));
        assert_eq!(currency_word("pesos"), Some(None));
        assert_eq!(month("May"), Some(5));
        assert_eq!(month("may"), None);
        assert_eq!(number_word("TWENTY"), Some(20.0));
    }
}
