//! Language detection's fast path: counting function words ("the", "los", "não", "der") of
//! the languages in `assets/sources/function-words.tsv`. A text of news prose names its
//! language this way in a few microseconds, where the trigram model takes a few hundred; a
//! text whose counts are not clear (short, mixed, or in another language) gets `None` and goes
//! to the model.

use std::sync::OnceLock;

use crate::text::fast_hash::FastMap;

const TABLE: &str = include_str!("../../assets/sources/function-words.tsv");

/// The winning language needs at least this many function words…
const MIN_HITS: u32 = 12;
/// …and this many times as many as any other language.
const MIN_RATIO: u32 = 3;

struct Table {
    /// Language codes in table order.
    codes: Vec<&'static str>,
    /// Word -> bit set of the languages (by index into `codes`) that list it.
    words: FastMap<&'static str, u32>,
}

fn table() -> &'static Table {
    static TABLE_CELL: OnceLock<Table> = OnceLock::new();
    TABLE_CELL.get_or_init(|| {
        let mut codes = Vec::new();
        let mut words: FastMap<&'static str, u32> = FastMap::default();
        for line in TABLE.lines().filter(|l| !l.starts_with('#')) {
            let Some((code, list)) = line.split_once('\t') else {
                continue;
            };
            if codes.len() >= 32 {
                break; // one bit per language
            }
            let bit = 1u32 << codes.len();
            codes.push(code.trim());
            for w in list.split_whitespace() {
                *words.entry(w).or_insert(0) |= bit;
            }
        }
        Table { codes, words }
    })
}

/// The language of `text` by its function words, when one language clearly leads.
pub fn clear_language(text: &str) -> Option<&'static str> {
    let table = table();
    let mut counts = [0u32; 32];
    let mut lower = String::new();
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty() && w.len() <= 8)
    {
        // Most words are lower case already: only the others are copied.
        let key = if word.chars().any(char::is_uppercase) {
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase));
            lower.as_str()
        } else {
            word
        };
        if let Some(&bits) = table.words.get(key) {
            for (i, n) in counts.iter_mut().enumerate().take(table.codes.len()) {
                *n += (bits >> i) & 1;
            }
        }
    }
    let (best, &hits) = counts.iter().enumerate().max_by_key(|(_, n)| **n)?;
    let runner_up = counts
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != best)
        .map(|(_, n)| *n)
        .max()
        .unwrap_or(0);
    (hits >= MIN_HITS && hits >= MIN_RATIO * runner_up.max(1)).then(|| table.codes[best])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_prose_in_each_language_is_clear() {
        let cases = [
            (
                "en",
                "The Russian government agreed on Tuesday to supply helicopters to the army of Peru, \
                 officials said after a meeting in Lima. The deal, which has been discussed for a year, \
                 will be signed by the ministers of defence and it is expected that the first machines \
                 are delivered in the spring. It was not said how much they would cost.",
            ),
            (
                "es",
                "El gobierno ruso acordó el martes suministrar helicópteros al ejército del Perú, \
                 dijeron los funcionarios tras una reunión en Lima. El acuerdo, que se discute desde \
                 hace un año, será firmado por los ministros de defensa y se espera que las primeras \
                 máquinas lleguen en primavera. No se dijo cuánto costarán ni cuándo se pagará su precio.",
            ),
            (
                "pt",
                "O governo russo concordou na terça-feira em fornecer helicópteros ao exército do Peru, \
                 disseram as autoridades após uma reunião em Lima. O acordo, que foi discutido durante \
                 um ano, será assinado pelos ministros da defesa e é esperado que as primeiras máquinas \
                 sejam entregues na primavera. Não foi dito quanto custarão nem quando serão pagas.",
            ),
        ];
        for (code, text) in cases {
            assert_eq!(clear_language(text), Some(code), "{text}");
        }
    }

    #[test]
    fn short_or_foreign_text_is_left_to_the_model() {
        assert_eq!(clear_language("The army of Peru."), None);
        assert_eq!(
            clear_language(
                "Правительство России согласилось поставить вертолёты перуанской армии, \
                 заявили официальные лица во вторник после встречи в Лиме."
            ),
            None
        );
        assert_eq!(clear_language(""), None);
    }
}
