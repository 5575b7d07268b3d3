//! Facts about the whole article that change how its numbers read: its language (per
//! paragraph for mixed texts), whether it writes `1.500` or `1,500` for fifteen hundred, which
//! country's pesos it means, and its date (for years inferred from "last year").

use std::ops::Range;

use crate::corpus::language;
use crate::figures::lexicon::{Lang, Lexicon, Money};

/// How many bytes of an article its language is detected from: trigram detection is reliable
/// on a paragraph, and reading more costs more than extracting the figures.
const LANGUAGE_SAMPLE_BYTES: usize = 1_200;

/// The languages told apart: those with word lists. A text in another language is read with
/// the lists of the nearest of these (its decimal mark is read from its numbers anyway);
/// allowing more languages made short Spanish sentences come out as Catalan.
const DETECTED: &[&str] = &["en", "es", "pt"];

/// Paragraphs shorter than this (in bytes) are read in the article's language.
const MIN_PARAGRAPH_BYTES: usize = 80;

/// How many bytes at the head of an article are searched for its date.
const DATE_HEAD_BYTES: usize = 1_500;

/// What the extractor needs to know about an article before reading its sentences.
pub struct ArticleContext<'t> {
    /// Byte ranges of the text with the language each is in, in order, covering the text.
    parts: Vec<(Range<usize>, &'static Lang, bool)>,
    /// The code of each local currency (by index in the lexicon), for this article: worked
    /// out the first time a local currency is read.
    locals: std::cell::OnceCell<Vec<Option<&'static str>>>,
    text: &'t str,
    /// The year (and month, when known) the article is dated.
    pub date: Option<(i32, Option<u32>)>,
}

impl<'t> ArticleContext<'t> {
    /// Read the article-level facts of `text`, with an optional known date.
    pub fn of(text: &'t str, date: Option<(i32, Option<u32>)>) -> Self {
        Self::with_language(text, date, None)
    }

    /// The same, with the article's language when it is known (an ISO 639-1 code, from the
    /// article's metadata): one of the languages with word lists is taken as it is.
    pub fn with_language(
        text: &'t str,
        date: Option<(i32, Option<u32>)>,
        language: Option<&str>,
    ) -> Self {
        let lex = Lexicon::get();
        // Function words settle most articles at once; whatlang decides the others.
        let sample = detection_sample(text);
        let known = language.and_then(|l| DETECTED.iter().copied().find(|d| *d == l));
        // A short text ("Russia sold 50 tanks to Nicaragua.") gives the trigram detector too
        // little to go on: it takes any majority of function words before an unsure guess.
        let article = known
            .or_else(|| function_word_language(sample, Majority::Decisive))
            .or_else(|| {
                language::detect_among(sample, DETECTED)
                    .filter(|d| d.reliable)
                    .map(|d| d.code)
            })
            .or_else(|| function_word_language(sample, Majority::Any))
            .or_else(|| language::detect_among(sample, DETECTED).map(|d| d.code))
            .unwrap_or("en");
        let mut parts: Vec<(Range<usize>, &'static Lang, bool)> = Vec::new();
        for (range, code) in languages(text, article) {
            let lang = lex.lang(code);
            let comma = decimal_comma(&text[range.clone()], lang.decimal_comma);
            match parts.last_mut() {
                Some((r, l, c)) if l.code == lang.code && *c == comma => r.end = range.end,
                _ => parts.push((range, lang, comma)),
            }
        }
        Self {
            parts,
            locals: std::cell::OnceCell::new(),
            text,
            date: date.or_else(|| article_date(text, lex)),
        }
    }

    /// The language of the text at byte `at`, and whether numbers there use a decimal comma.
    pub fn lang_at(&self, at: usize) -> (&'static Lang, bool) {
        let i = self.parts.partition_point(|(r, _, _)| r.end <= at);
        self.parts
            .get(i)
            .or(self.parts.last())
            .map_or((Lexicon::get().lang("en"), false), |(_, l, c)| (*l, *c))
    }

    /// The ISO code of a currency named by a word or symbol in this article, if it can tell.
    pub fn currency(&self, m: Money) -> Option<&'static str> {
        match m {
            Money::Code(c) => Some(c),
            Money::Local(i) => self
                .locals
                .get_or_init(|| local_codes(self.text))
                .get(i)
                .copied()
                .flatten(),
        }
    }
}

/// The code each local currency has in `text`: the country (or region) it names most. All
/// the names are looked for in one pass.
fn local_codes(text: &str) -> Vec<Option<&'static str>> {
    let lex = Lexicon::get();
    let Some((finder, owners)) = stem_finder() else {
        return lex.locals.iter().map(|l| l.default.as_deref()).collect();
    };
    let mut counts = vec![0usize; owners.len()];
    for m in finder.find_iter(text).take(10_000) {
        counts[m.pattern().as_usize()] += 1;
    }
    lex.locals
        .iter()
        .enumerate()
        .map(|(i, l)| {
            owners
                .iter()
                .zip(&counts)
                .filter(|((owner, _), n)| *owner == i && **n > 0)
                .max_by_key(|(_, n)| **n)
                .map(|((_, code), _)| *code)
                .or(l.default.as_deref())
        })
        .collect()
}

/// About [`LANGUAGE_SAMPLE_BYTES`] of the article's body (from a third of the way in, past
/// titles and datelines), cut at char boundaries and spaces.
fn detection_sample(text: &str) -> &str {
    if text.len() <= LANGUAGE_SAMPLE_BYTES * 3 / 2 {
        return text;
    }
    let floor = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor((text.len() / 3).min(text.len() - LANGUAGE_SAMPLE_BYTES));
    let end = floor(start + LANGUAGE_SAMPLE_BYTES);
    let piece = &text[start..end];
    let a = piece.find(' ').map_or(0, |i| i + 1);
    let b = piece.rfind(' ').unwrap_or(piece.len()).max(a);
    &piece[a..b]
}

/// Country and region names of the local currencies with each one's currency (index in the
/// lexicon) and code.
type Stems = (aho_corasick::AhoCorasick, Vec<(usize, &'static str)>);

/// One matcher for the country names of every local currency.
fn stem_finder() -> Option<&'static Stems> {
    static FINDER: std::sync::OnceLock<Option<Stems>> = std::sync::OnceLock::new();
    FINDER
        .get_or_init(|| {
            let lex = Lexicon::get();
            let mut stems = Vec::new();
            let mut owners = Vec::new();
            for (i, l) in lex.locals.iter().enumerate() {
                for (stem, code) in &l.countries {
                    stems.push(stem.as_str());
                    owners.push((i, code.as_str()));
                }
            }
            aho_corasick::AhoCorasick::new(&stems)
                .ok()
                .map(|f| (f, owners))
        })
        .as_ref()
}

/// The language of each part of the text: the article's language, and paragraphs whose
/// function words say another language are checked with the language detector.
fn languages(text: &str, article: &'static str) -> Vec<(Range<usize>, &'static str)> {
    let mut out: Vec<(Range<usize>, &'static str)> = Vec::new();
    let mut start = 0;
    let mut push = |range: Range<usize>, code: &'static str| match out.last_mut() {
        Some((r, c)) if *c == code => r.end = range.end,
        _ => out.push((range, code)),
    };
    for (end, next) in paragraph_breaks(text) {
        let para = &text[start..end];
        // Too short to tell: the article's language.
        let guess = if para.len() < MIN_PARAGRAPH_BYTES {
            None
        } else {
            function_word_language(para, Majority::Clear)
        };
        let code = match guess {
            Some(guess) if guess != article => language::detect_among(para, DETECTED)
                .filter(|d| d.confidence > 0.5 && d.code == guess)
                .map_or(article, |d| d.code),
            _ => article,
        };
        push(start..next, code);
        start = next;
    }
    if out.is_empty() {
        out.push((0..text.len(), article));
    }
    out
}

/// Ends of paragraphs (at blank lines) and where the next starts; the last ends the text.
fn paragraph_breaks(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(off) = text[i..].find("\n\n") {
        let end = i + off;
        let next = end + text[end..].len() - text[end..].trim_start_matches('\n').len();
        out.push((end, next));
        i = next;
    }
    out.push((text.len(), text.len()));
    out
}

/// How clear a lead of one language's function words must be.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Majority {
    /// Three times the next language's count and at least six words: enough to skip the
    /// trigram detector.
    Decisive,
    /// At least three words of the language among eight or more.
    Clear,
    /// More words than any other language (a one-line text).
    Any,
}

/// A quick guess at a paragraph's language from its commonest function words, or `None`
/// when it has too few to tell.
fn function_word_language(para: &str, majority: Majority) -> Option<&'static str> {
    // Words of one language only (not "que", "se" or "para", which Spanish and Portuguese
    // share).
    const WORDS: [(&str, &[&str]); 3] = [
        (
            "en",
            &[
                "the", "of", "and", "to", "in", "is", "that", "was", "for", "with", "on", "by",
            ],
        ),
        (
            "es",
            &[
                "el", "la", "los", "las", "del", "por", "una", "con", "en", "al", "y", "lo",
            ],
        ),
        (
            "pt",
            &[
                "os", "do", "da", "dos", "das", "não", "uma", "com", "ao", "em", "na", "pelo", "e",
            ],
        ),
    ];
    let mut counts = [0usize; 3];
    let mut seen = 0;
    let limit = if majority == Majority::Decisive {
        120
    } else {
        30
    };
    for w in para.split(|c: char| !c.is_alphabetic()).take(limit) {
        // Every function word listed has at most four letters.
        if w.is_empty() || w.len() > 5 {
            seen += usize::from(!w.is_empty());
            continue;
        }
        seen += 1;
        crate::figures::lexicon::with_lower(w, |l| {
            for (k, (_, list)) in WORDS.iter().enumerate() {
                if list.contains(&l) {
                    counts[k] += 1;
                }
            }
        });
    }
    let (best, n) = counts.iter().enumerate().max_by_key(|(_, n)| **n)?;
    let second = counts
        .iter()
        .enumerate()
        .filter(|(k, _)| *k != best)
        .map(|(_, n)| *n)
        .max()
        .unwrap_or(0);
    let clear = match majority {
        Majority::Decisive => *n >= 6 && *n >= 3 * second,
        Majority::Clear => seen >= 8 && *n >= 3,
        Majority::Any => *n > second,
    };
    clear.then(|| WORDS[best].0)
}

/// Does this part of the text write a decimal comma ("1,5", "11.500", "1.234,5")? Numbers that
/// can only be read one way decide; the language's habit breaks a tie.
fn decimal_comma(text: &str, default: bool) -> bool {
    let (mut comma, mut point) = (0, 0);
    let b = text.as_bytes();
    let mut i = 0;
    let mut checked = 0;
    while i < b.len() && checked < 400 {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() {
            let separator_then_digit =
                matches!(b[i], b'.' | b',') && b.get(i + 1).is_some_and(u8::is_ascii_digit);
            if !(b[i].is_ascii_digit() || separator_then_digit) {
                break;
            }
            i += 1;
        }
        checked += 1;
        match number_style(&text[start..i]) {
            Some(true) => comma += 1,
            Some(false) => point += 1,
            None => {}
        }
    }
    if comma == point {
        default
    } else {
        comma > point
    }
}

/// `Some(true)` for a number only a decimal comma explains ("1,5", "1.234,5", "1.234.567"),
/// `Some(false)` for one only a decimal point explains ("28.5", "1,234.5", "1,234,567").
fn number_style(n: &str) -> Option<bool> {
    let commas = n.matches(',').count();
    let dots = n.matches('.').count();
    let last_group = |sep: char| n.rsplit(sep).next().map_or(0, str::len);
    match (commas, dots) {
        (0, 0) => None,
        (c, d) if c > 0 && d > 0 => Some(n.rfind(',') > n.rfind('.')),
        (c, 0) if c > 1 => Some(false),
        (0, d) if d > 1 => Some(true),
        (1, 0) => (last_group(',') != 3).then_some(true),
        _ => (last_group('.') != 3).then_some(false),
    }
}

/// The article's date from a dateline or a date line near its head: "April 17, 2015",
/// "17 April 2015", "16 de mayo de 2014", "2015-04-17".
fn article_date(text: &str, lex: &Lexicon) -> Option<(i32, Option<u32>)> {
    let mut end = DATE_HEAD_BYTES.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    // Most articles name no year at their head: look no further then.
    let b = head.as_bytes();
    let has_year = b.windows(4).any(|w| {
        matches!(&w[..2], b"19" | b"20") && w[2].is_ascii_digit() && w[3].is_ascii_digit()
    });
    if !has_year {
        return None;
    }
    let words: Vec<&str> = head
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let month = |w: &str| {
        let plausible =
            (3..=10).contains(&w.len()) && w.chars().next().is_some_and(char::is_alphabetic);
        plausible
            .then(|| lex.languages().find_map(|code| lex.lang(code).month(w)))
            .flatten()
    };
    let year = |w: &str| {
        w.parse::<i32>()
            .ok()
            .filter(|y| w.len() == 4 && (1900..=2100).contains(y))
    };
    let day = |w: &str| w.parse::<u32>().ok().filter(|d| (1..=31).contains(d));
    for (k, w) in words.iter().enumerate() {
        // ISO dates: "2015-04-17"
        let mut iso = w.split('-');
        if let (Some(y), Some(m), Some(_)) = (iso.next(), iso.next(), iso.next())
            && let (Some(y), Ok(m)) = (year(y), m.parse::<u32>())
            && (1..=12).contains(&m)
        {
            return Some((y, Some(m)));
        }
        let Some(m) = month(w) else {
            continue;
        };
        let next = |n: usize| words.get(k + n).copied().unwrap_or("");
        let prev = |n: usize| {
            k.checked_sub(n)
                .and_then(|i| words.get(i))
                .copied()
                .unwrap_or("")
        };
        // "April 17, 2015" / "April 2015"
        if day(next(1)).is_some()
            && let Some(y) = year(next(2))
        {
            return Some((y, Some(m)));
        }
        // "17 April 2015", "16 de mayo de 2014"
        let after = if lex.lang("es").is(next(1), crate::figures::lexicon::Set::Of) {
            next(2)
        } else {
            next(1)
        };
        let before = if lex.lang("es").is(prev(1), crate::figures::lexicon::Set::Of) {
            prev(2)
        } else {
            prev(1)
        };
        if day(before).is_some()
            && let Some(y) = year(after)
        {
            return Some((y, Some(m)));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_styles_decide_the_decimal_mark() {
        assert!(decimal_comma(
            "Se incautaron 11.500 libras y 1,5 toneladas.",
            false
        ));
        assert!(!decimal_comma(
            "México gastó 1,500.5 millones y 28.5 millones.",
            true
        ));
        // Only ambiguous numbers: the language decides.
        assert!(decimal_comma("Se incautaron 11.500 libras.", true));
        assert!(!decimal_comma("They seized 11,500 pounds.", false));
        assert_eq!(number_style("1.234.567"), Some(true));
        assert_eq!(number_style("1,234,567"), Some(false));
        assert_eq!(number_style("1.234,5"), Some(true));
        assert_eq!(number_style("35,000"), None);
    }

    #[test]
    fn dates_at_the_head() {
        let lex = Lexicon::get();
        assert_eq!(
            article_date(
                "Armed Forces\n\nBy Dialogo\nApril 17, 2015\n\nThe navy…",
                lex
            ),
            Some((2015, Some(4)))
        );
        assert_eq!(
            article_date("LIMA, 16 de mayo de 2014 (EFE). La policía…", lex),
            Some((2014, Some(5)))
        );
        assert_eq!(
            article_date("Posted 2019-03-02 by staff", lex),
            Some((2019, Some(3)))
        );
        assert_eq!(
            article_date("The army may cut 300 jobs in 2016.", lex),
            None
        );
    }

    #[test]
    fn a_spanish_paragraph_in_an_english_article() {
        let en = "The army eradicated thousands of hectares of coca last year, the ministry said in its annual report to the congress.";
        let es = "El ejército erradicó miles de hectáreas de coca el año pasado, según el informe anual del ministerio de defensa.";
        let text = format!("{en}\n\n{en}\n\n{es}\n\n{en}");
        let ctx = ArticleContext::of(&text, None);
        let at = text.find("El ejército").expect("es");
        assert_eq!(ctx.lang_at(0).0.code, "en");
        assert_eq!(ctx.lang_at(at + 5).0.code, "es");
        assert_eq!(ctx.lang_at(text.len() - 3).0.code, "en");
    }
}
