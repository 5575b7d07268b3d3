//! Which language an article (or a paragraph of it) is written in, by `whatlang`'s trigram model.
//!
//! Languages are named by ISO 639-1 codes ("en", "es", "pt", "ru", …) where one exists, else by
//! whatlang's ISO 639-3 code. Detection reads a bounded sample, so it costs the same on a 20 MB
//! article as on a 20 KB one.

use whatlang::{Detector, Lang};

/// How many bytes of text detection reads at most (taken from the start, middle and end).
const SAMPLE_BYTES: usize = 12_000;
/// Paragraphs shorter than this (in bytes) are too short to judge and take the article's language.
const MIN_PARAGRAPH_BYTES: usize = 60;

/// A detected language with whatlang's confidence (0–1).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Detected {
    /// ISO 639-1 code where one exists ("en"), else ISO 639-3 ("ceb").
    pub code: &'static str,
    pub confidence: f64,
    /// whatlang's own judgement that the text was long and clear enough.
    pub reliable: bool,
}

/// The language of `text`, or `None` when it has too few letters to tell.
pub fn detect(text: &str) -> Option<Detected> {
    let sample = sample(text, SAMPLE_BYTES);
    let info = Detector::new().detect(&sample)?;
    Some(Detected {
        code: iso639_1(info.lang()),
        confidence: info.confidence(),
        reliable: info.is_reliable(),
    })
}

/// The language of `text` among the languages with these ISO 639-1 codes only ("en", "es",
/// "pt"). whatlang then scores only those, which costs several times less per call: the
/// figure extractor detects every article's language this way.
pub fn detect_among(text: &str, codes: &[&str]) -> Option<Detected> {
    let allow: Vec<Lang> = Lang::all()
        .iter()
        .copied()
        .filter(|l| codes.contains(&iso639_1(*l)))
        .collect();
    let sample = sample(text, SAMPLE_BYTES);
    let info = Detector::with_allowlist(allow).detect(&sample)?;
    Some(Detected {
        code: iso639_1(info.lang()),
        confidence: info.confidence(),
        reliable: info.is_reliable(),
    })
}

/// The language of each paragraph (text between blank lines), as byte ranges of `text` with
/// their codes. Short or unclear paragraphs take `fallback` (usually the article's language).
/// Neighbouring paragraphs of one language are merged.
pub fn paragraphs(
    text: &str,
    fallback: &'static str,
) -> Vec<(std::ops::Range<usize>, &'static str)> {
    let detector = Detector::new();
    let mut out: Vec<(std::ops::Range<usize>, &'static str)> = Vec::new();
    let mut start = 0;
    for (end, next) in paragraph_breaks(text) {
        let para = &text[start..end];
        let code = if para.len() < MIN_PARAGRAPH_BYTES {
            fallback
        } else {
            detector
                .detect(&sample(para, SAMPLE_BYTES))
                .filter(|i| i.confidence() > 0.5)
                .map_or(fallback, |i| iso639_1(i.lang()))
        };
        match out.last_mut() {
            Some((range, c)) if *c == code => range.end = end,
            _ => out.push((start..end, code)),
        }
        start = next;
    }
    out
}

/// The end of each paragraph and where the next one starts, the last ending at `text.len()`.
fn paragraph_breaks(text: &str) -> Vec<(usize, usize)> {
    let mut breaks = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(off) = text[i..].find("\n\n") {
        let end = i + off;
        let mut next = end;
        while next < bytes.len() && bytes[next] == b'\n' {
            next += 1;
        }
        breaks.push((end, next));
        i = next;
    }
    breaks.push((text.len(), text.len()));
    breaks
}

/// At most `max` bytes of `text`: all of it when short, else three slices from its start,
/// middle and end, each cut at char boundaries.
fn sample(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    if text.len() <= max {
        return std::borrow::Cow::Borrowed(text);
    }
    let third = max / 3;
    let mid = text.len() / 2 - third / 2;
    let mut out = String::with_capacity(max + 2);
    for start in [0, mid, text.len() - third] {
        let s = floor_char(text, start);
        let e = floor_char(text, start + third);
        out.push_str(&text[s..e]);
        out.push('\n');
    }
    std::borrow::Cow::Owned(out)
}

fn floor_char(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The ISO 639-1 code of `lang` where it has one, else whatlang's ISO 639-3 code.
fn iso639_1(lang: Lang) -> &'static str {
    match lang {
        Lang::Eng => "en",
        Lang::Spa => "es",
        Lang::Por => "pt",
        Lang::Rus => "ru",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Ita => "it",
        Lang::Ukr => "uk",
        Lang::Cmn => "zh",
        Lang::Jpn => "ja",
        Lang::Kor => "ko",
        Lang::Ara => "ar",
        Lang::Nld => "nl",
        Lang::Pol => "pl",
        Lang::Tur => "tr",
        Lang::Swe => "sv",
        Lang::Fin => "fi",
        Lang::Dan => "da",
        Lang::Nob => "nb",
        Lang::Ces => "cs",
        Lang::Ell => "el",
        Lang::Heb => "he",
        Lang::Hin => "hi",
        Lang::Cat => "ca",
        Lang::Ron => "ro",
        Lang::Hun => "hu",
        Lang::Bul => "bg",
        Lang::Srp => "sr",
        Lang::Hrv => "hr",
        Lang::Pes => "fa",
        Lang::Vie => "vi",
        Lang::Ind => "id",
        Lang::Tha => "th",
        other => other.code(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_spanish_portuguese_and_russian_articles_are_told_apart() {
        let cases = [
            (
                "en",
                "The Russian government agreed to supply helicopters to the Peruvian army, \
                 officials said on Tuesday after a meeting in Lima.",
            ),
            (
                "es",
                "El gobierno ruso acordó suministrar helicópteros al ejército peruano, \
                 dijeron los funcionarios el martes tras una reunión en Lima.",
            ),
            (
                "pt",
                "O governo russo concordou em fornecer helicópteros ao exército peruano, \
                 disseram as autoridades na terça-feira após uma reunião em Lima.",
            ),
            (
                "ru",
                "Правительство России согласилось поставить вертолёты перуанской армии, \
                 заявили официальные лица во вторник после встречи в Лиме.",
            ),
        ];
        for (code, text) in cases {
            let d = detect(text).expect("a language");
            assert_eq!(d.code, code, "{text}");
        }
    }

    #[test]
    fn the_seeds_are_english() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let mut n = 0;
        for entry in std::fs::read_dir(dir).expect("seeds") {
            let text = std::fs::read_to_string(entry.expect("entry").path()).expect("text");
            assert_eq!(detect(&text).map(|d| d.code), Some("en"));
            n += 1;
        }
        assert_eq!(n, 5);
    }

    #[test]
    fn detection_among_a_few_languages_picks_among_them() {
        let es = "El ejército del Perú erradicó miles de hectáreas de coca el año pasado, según el informe anual del ministerio.";
        assert_eq!(
            detect_among(es, &["en", "es", "pt"]).map(|d| d.code),
            Some("es")
        );
        let ru = "Правительство России согласилось поставить вертолёты перуанской армии.";
        assert_eq!(detect_among(ru, &["en", "es"]).map(|d| d.code), None);
    }

    #[test]
    fn a_mixed_text_is_split_by_paragraph() {
        let en = "Peru's army eradicated thousands of hectares of coca last year, the ministry said in its annual report.";
        let es = "El ejército del Perú erradicó miles de hectáreas de coca el año pasado, según el informe anual del ministerio.";
        let text = format!("{en}\n\n{en}\n\n{es}\n\nShort.\n\n{es}");
        let parts = paragraphs(&text, "en");
        let codes: Vec<&str> = parts.iter().map(|(_, c)| *c).collect();
        assert_eq!(codes, ["en", "es", "en", "es"]);
        assert_eq!(parts[0].0.start, 0);
        assert_eq!(parts.last().map(|p| p.0.end), Some(text.len()));
        assert_eq!(&text[parts[1].0.clone()], es);
    }

    #[test]
    fn a_huge_text_is_sampled_at_char_boundaries() {
        let text = "año ".repeat(1_000_000);
        let s = sample(&text, SAMPLE_BYTES);
        assert!(s.len() <= SAMPLE_BYTES + 3);
        assert!(detect("12 34 56").is_none());
    }
}
