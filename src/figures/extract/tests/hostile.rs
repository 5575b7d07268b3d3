//! Text that is not prose: numbers too large for a float, sentences without end, odd marks.
//! Nothing panics, every value is finite, every figure lies inside its text and its context.

use super::*;

fn sound(text: &str) -> Vec<Figure> {
    let found = extract(text);
    let chars: Vec<char> = text.chars().collect();
    for f in &found {
        assert!(f.value.is_finite(), "{f:?}");
        assert!(f.start < f.end && f.end <= chars.len(), "{f:?}");
        let s: String = chars[f.start..f.end].iter().collect();
        assert_eq!(s, f.text);
        assert!(f.sentence.0 <= f.start && f.end <= f.sentence.1, "{f:?}");
        assert!(f.sentence.1 - f.sentence.0 <= MAX_SENTENCE_BYTES, "{f:?}");
    }
    found
}

#[test]
fn a_number_too_large_for_a_float_is_not_a_figure() {
    let text = format!("{} tons", "9".repeat(400));
    assert!(sound(&text).is_empty());
    let text = format!("They paid ${} billion trillion.", "9".repeat(300));
    assert!(sound(&text).is_empty());
    // Scale words piled on a large number overflow too.
    let text = format!("It cost ${}{}", "9".repeat(290), " trillion".repeat(10));
    assert!(sound(&text).is_empty());
    // Number words multiplied without end.
    let text = format!("two {} people", "hundred ".repeat(400));
    assert!(sound(&text).iter().all(|f| f.value.is_finite()));
}

#[test]
fn text_without_full_stops_is_read_in_bounded_pieces() {
    let text = "police seized 5 tons of cocaine in the port ".repeat(2_000);
    let found = sound(&text);
    assert_eq!(found.len(), 2_000);
    let text = "5 tons ".repeat(5_000);
    assert_eq!(sound(&text).len(), 5_000);
    // Cut at char boundaries when there is no space at all (read as Spanish, having no English
    // words to tell).
    let blob = "é".repeat(10_000) + " la policía incautó 5 toneladas";
    assert_eq!(sound(&blob).len(), 1);
}

#[test]
fn odd_marks_and_empty_text() {
    for text in [
        "",
        "   \n\n  ",
        "....",
        "$$$ 5",
        "% 5 %",
        "5-5-5-5-5-5-5-5-5-5-5-5 tons",
        "Su-30s-30s-30s",
        "R$ R$ R$ 5",
        "1,2,3,4,5,6,7,8,9,0",
        "2015-2016-2017-2018",
        "\u{202F}5\u{202F}000\u{202F}000 hectares",
        "¿5?¡6! «7» — 8 – 9",
        "mil mil mil millones de millones",
        "veintiún mil quinientos",
    ] {
        sound(text);
    }
    let model = format!("24 {}helicopters", "Mi-17 ".repeat(100));
    assert!(sound(&model).iter().all(|f| f.text.chars().count() < 200));
}
