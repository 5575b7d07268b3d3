//! The words the figure extractor knows, read once from the data files in `assets/lexicon/`:
//! a language-neutral table of units and currencies (`units.lex`) and one file per language
//! (`en.lex`, `es.lex`, `pt.lex`) with number words, scale words, currency and unit words,
//! qualifiers, year leads, counted-noun rules and the cues of a figure's kind.
//!
//! Adding a unit or a currency is one entry in one file; see docs/figures.md.

mod build;
pub mod parse;
mod plural;

use std::sync::OnceLock;

pub use parse::LexiconError;

use crate::text::fast_hash::FastMap;

use crate::figures::UnitClass;

/// The bundled data files, compiled into the binary.
const FILES: [(&str, &str); 4] = [
    (
        "units.lex",
        include_str!("../../../assets/lexicon/units.lex"),
    ),
    ("en.lex", include_str!("../../../assets/lexicon/en.lex")),
    ("es.lex", include_str!("../../../assets/lexicon/es.lex")),
    ("pt.lex", include_str!("../../../assets/lexicon/pt.lex")),
];

/// A unit of measure from the units table.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitDef {
    /// The canonical name a figure's unit is given: `hectare`, `km2`, `tonne`.
    pub canonical: String,
    pub class: UnitClass,
    /// How people write it in a label: "hectares", "km²".
    pub label: String,
}

/// A currency named by a word or symbol.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Money {
    /// An ISO 4217 code.
    Code(&'static str),
    /// A currency whose code depends on the country ("pesos"): an index into the local
    /// currencies of the [`Lexicon`].
    Local(usize),
}

/// A currency that is a different one in each country ("pesos", "Bs.").
#[derive(Clone, Debug, PartialEq)]
pub struct LocalCurrency {
    pub name: String,
    /// The code when the article names none of the countries.
    pub default: Option<String>,
    /// (stem of a country's name, code), looked for in the article's text.
    pub countries: Vec<(String, String)>,
}

/// Named word sets of a language file; each is a section of the same name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Set {
    Label,
    QuantityLead,
    PhraseBreak,
    NotPlural,
    Adjective,
    NounModifier,
    YearLead,
    YearPreposition,
    SentenceOpener,
    YearSince,
    YearUntil,
    YearRangeOpen,
    YearRangeJoin,
    YearListLead,
    YearPart,
    YearPeriod,
    Fiscal,
    Determiner,
    Of,
    ComparisonWord,
    BaseWord,
    ChangeBase,
    ReportingVerb,
    ChangeNoun,
    ChangeVerb,
    ComparedWith,
    TargetCue,
    ForecastCue,
    FutureAuxiliary,
    ForecastVerb,
    ActualCue,
    CarryingVerb,
    FutureHorizon,
    ContextNoun,
    ContextDeterminer,
    Weekday,
    OrdinalSuffix,
    NumberJoiner,
    IndefiniteOne,
    Per,
    ShareWord,
    ElidedVerb,
}

impl Set {
    /// Every set with the name of its section.
    pub const ALL: [(Set, &'static str); 42] = [
        (Set::Label, "labels"),
        (Set::QuantityLead, "quantity leads"),
        (Set::PhraseBreak, "phrase breaks"),
        (Set::NotPlural, "not plural"),
        (Set::Adjective, "adjectives"),
        (Set::NounModifier, "noun modifiers"),
        (Set::YearLead, "year leads"),
        (Set::YearPreposition, "year prepositions"),
        (Set::SentenceOpener, "sentence openers"),
        (Set::YearSince, "year since"),
        (Set::YearUntil, "year until"),
        (Set::YearRangeOpen, "year range open"),
        (Set::YearRangeJoin, "year range join"),
        (Set::YearListLead, "year list leads"),
        (Set::YearPart, "year parts"),
        (Set::YearPeriod, "year periods"),
        (Set::Fiscal, "fiscal"),
        (Set::Determiner, "determiners"),
        (Set::Of, "of"),
        (Set::ComparisonWord, "comparison words"),
        (Set::BaseWord, "base words"),
        (Set::ChangeBase, "change bases"),
        (Set::ReportingVerb, "reporting verbs"),
        (Set::ChangeNoun, "change nouns"),
        (Set::ChangeVerb, "change verbs"),
        (Set::ComparedWith, "compared with"),
        (Set::TargetCue, "target cues"),
        (Set::ForecastCue, "forecast cues"),
        (Set::FutureAuxiliary, "future auxiliaries"),
        (Set::ForecastVerb, "forecast verbs"),
        (Set::ActualCue, "actual cues"),
        (Set::CarryingVerb, "carrying verbs"),
        (Set::FutureHorizon, "future horizons"),
        (Set::ContextNoun, "context nouns"),
        (Set::ContextDeterminer, "context determiners"),
        (Set::Weekday, "weekdays"),
        (Set::OrdinalSuffix, "ordinal suffixes"),
        (Set::NumberJoiner, "number joiners"),
        (Set::IndefiniteOne, "indefinite one"),
        (Set::Per, "per"),
        (Set::ShareWord, "share words"),
        (Set::ElidedVerb, "elided subject verbs"),
    ];

    fn bit(self) -> u64 {
        1 << (self as u32)
    }
}

/// What a language knows about one word (lower case).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Entry {
    sets: u64,
    pub number: Option<f64>,
    /// "hundred", "dozen": multiplies the number written before it in words.
    pub multiplier: Option<f64>,
    /// "doubled", "tripled", "twofold", "duplicó": a change by this factor (unit `times`).
    pub times: Option<f64>,
    pub scale: Option<f64>,
    pub currency: Option<Money>,
    /// "pounds": sterling after a scale word, a weight otherwise.
    pub currency_or_weight: Option<Money>,
    /// "Mexican", "estadounidenses": the currency an adjective names.
    pub currency_adjective: Option<&'static str>,
    /// An index into [`Lexicon::units`].
    pub unit: Option<usize>,
    /// An abbreviation valid only right after digits ("ha", "t", "m").
    pub short_unit: bool,
    pub month: Option<u32>,
    /// The singular of an irregular plural ("people" → "person").
    pub singular: Option<&'static str>,
    /// Some phrase of the language starts with this word (look the phrases up).
    pub starts_phrase: bool,
}

impl Entry {
    pub fn is(&self, set: Set) -> bool {
        self.sets & set.bit() != 0
    }
}

/// What a phrase of several words means.
#[derive(Clone, Debug, PartialEq)]
pub enum Meaning {
    Unit(usize),
    Currency(Money),
    Qualifier(&'static str),
    /// A year relative to another year the text names ("the following year": +1).
    RelativeYear(i32),
    /// From another year the text names on ("since then", "desde entonces").
    SinceThen,
    /// A year relative to the article's date ("last year": -1).
    DatedYear(i32),
    Set(Set),
}

/// A phrase of several words (lower case) and what it means.
#[derive(Clone, Debug, PartialEq)]
pub struct Phrase {
    pub words: Vec<String>,
    pub meaning: Meaning,
}

/// One language's words.
#[derive(Debug, Default)]
pub struct Lang {
    pub code: String,
    /// The language writes `1,5` for one and a half and `1.500` for fifteen hundred.
    pub decimal_comma: bool,
    /// Currency adjectives follow the currency word ("pesos mexicanos").
    pub currency_adjective_after: bool,
    /// Most adjectives follow the counted noun ("helicópteros rusos").
    pub adjectives_after_noun: bool,
    /// Endings of verbs in the past tense ("seized", "erradicó").
    pub past_endings: Vec<&'static str>,
    /// Endings of verbs in the future tense ("erradicará").
    pub future_endings: Vec<&'static str>,
    words: FastMap<String, Entry>,
    /// Case-sensitive abbreviations valid only after money ("$5m", "R$ 2 bi").
    money_scales: FastMap<String, f64>,
    /// Phrases by their first word.
    phrases: FastMap<String, Vec<Phrase>>,
    /// Qualifiers by their last word, longest first.
    qualifiers: FastMap<String, Vec<Phrase>>,
    /// (plural ending, singular ending), in order; `V` and `C` stand for a vowel, a consonant.
    plural_suffixes: Vec<(String, String)>,
    /// The thing a model code's family names, by the code's leading letters in lower case
    /// ("mi" → helicopter for "Mi-17").
    model_families: FastMap<String, String>,
}

impl Lang {
    /// What the language knows about `word` (any case).
    pub fn entry(&self, word: &str) -> Option<&Entry> {
        with_lower(word, |l| self.words.get(l))
    }

    /// `word` is in `set`.
    pub fn is(&self, word: &str, set: Set) -> bool {
        self.entry(word).is_some_and(|e| e.is(set))
    }

    pub fn number_word(&self, w: &str) -> Option<f64> {
        self.entry(w)?.number
    }

    pub fn scale_word(&self, w: &str) -> Option<f64> {
        self.entry(w)?.scale
    }

    pub fn month(&self, w: &str) -> Option<u32> {
        let m = self.entry(w)?.month?;
        // English "May" is also a verb: a month only when capitalised.
        (m != 5 || self.code != "en" || w.starts_with('M')).then_some(m)
    }

    /// An abbreviation of a scale valid only right after money ("m" in "$5m").
    pub fn money_scale(&self, w: &str) -> Option<f64> {
        self.money_scales.get(w).copied()
    }

    /// What a model code counts, from the letters it starts with ("Mi-171Sh", "UH-1N",
    /// "Bell 212" → helicopter): `None` for a family the language file does not list.
    pub fn model_family(&self, code: &str) -> Option<&str> {
        let letters = code
            .split(|c: char| c == '-' || c == ' ' || c.is_ascii_digit())
            .next()?;
        with_lower(letters, |l| self.model_families.get(l)).map(String::as_str)
    }

    /// Phrases (of two or more words) starting with `first` (lower case).
    pub fn phrases_from(&self, first: &str) -> &[Phrase] {
        with_lower(first, |l| self.phrases.get(l))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Qualifiers ending with the word `last`, longest first.
    pub fn qualifiers_ending(&self, last: &str) -> &[Phrase] {
        with_lower(last, |l| self.qualifiers.get(l))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The singular of a plural noun, lower case; `None` when the word does not look plural.
    pub fn singular(&self, word: &str) -> Option<String> {
        plural::singular(self, word)
    }
}

/// Everything the extractor knows.
#[derive(Debug, Default)]
pub struct Lexicon {
    pub units: Vec<UnitDef>,
    pub locals: Vec<LocalCurrency>,
    /// Currency symbols written before an amount, exact case ("$", "US$", "R$", "S/").
    symbols: FastMap<String, Money>,
    /// The longest symbol, in bytes.
    pub longest_symbol: usize,
    /// ISO codes written as words ("USD 12 million").
    codes: FastMap<String, &'static str>,
    langs: Vec<Lang>,
}

impl Lexicon {
    /// The lexicon of the bundled files, read on first use.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        // The files are compiled in and checked by a test, so an error cannot happen in a
        // released build; an empty lexicon would still read numbers written in digits.
        LEXICON.get_or_init(|| Lexicon::load().unwrap_or_default())
    }

    /// Read the bundled files.
    pub fn load() -> Result<Lexicon, LexiconError> {
        build::build(&FILES)
    }

    /// The language with ISO 639-1 `code`, or English for any other.
    pub fn lang(&self, code: &str) -> &Lang {
        self.langs
            .iter()
            .find(|l| l.code == code)
            .or_else(|| self.langs.first())
            .unwrap_or_else(|| empty_lang())
    }

    /// The languages the lexicon has files for.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.langs.iter().map(|l| l.code.as_str())
    }

    /// The canonical name of unit `i`.
    pub fn unit_name(&self, i: usize) -> &str {
        self.units.get(i).map_or("", |u| u.canonical.as_str())
    }

    /// The unit with this canonical name.
    pub fn unit_named(&self, canonical: &str) -> Option<&UnitDef> {
        self.units.iter().find(|u| u.canonical == canonical)
    }

    /// A currency symbol or prefixed symbol, exact case ("$", "US$", "S/.").
    pub fn symbol(&self, s: &str) -> Option<Money> {
        self.symbols.get(s).copied()
    }

    /// An ISO 4217 code written as a word ("USD").
    pub fn code(&self, w: &str) -> Option<&'static str> {
        self.codes.get(w).copied()
    }
}

fn empty_lang() -> &'static Lang {
    static EMPTY: OnceLock<Lang> = OnceLock::new();
    EMPTY.get_or_init(Lang::default)
}

/// Call `f` with `word` in lower case, without allocating for short ASCII words.
pub fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let bytes = word.as_bytes();
    if bytes.len() <= 32 && bytes.is_ascii() {
        if !bytes.iter().any(u8::is_ascii_uppercase) {
            return f(word);
        }
        let mut buf = [0u8; 32];
        for (d, s) in buf.iter_mut().zip(bytes) {
            *d = s.to_ascii_lowercase();
        }
        return f(std::str::from_utf8(&buf[..bytes.len()]).unwrap_or(word));
    }
    // "hectáreas": already lower case, as most words are.
    if !word.chars().any(char::is_uppercase) {
        return f(word);
    }
    f(&word.to_lowercase())
}

#[cfg(test)]
mod tests;
