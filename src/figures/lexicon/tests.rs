//! The bundled lexicon files read without error, and each kind of entry is there.

use super::*;

#[test]
fn the_bundled_files_read_without_error() {
    let lex = Lexicon::load().expect("the bundled lexicon files are valid");
    let codes: Vec<&str> = lex.languages().collect();
    assert_eq!(codes, ["en", "es", "pt"]);
    for code in codes {
        let counts = build::counts(lex.lang(code));
        for kind in [
            "numbers",
            "scales",
            "units",
            "currencies",
            "months",
            "qualifiers",
        ] {
            assert!(
                counts.get(kind).copied().unwrap_or(0) > 0,
                "{code} has no {kind}: {counts:?}"
            );
        }
    }
}

#[test]
fn units_and_currencies_share_canonical_codes_across_languages() {
    let lex = Lexicon::load().expect("lexicon");
    let unit = |code: &str, w: &str| {
        lex.lang(code)
            .entry(w)
            .and_then(|e| e.unit)
            .map(|u| lex.unit_name(u).to_owned())
    };
    assert_eq!(unit("en", "Hectares").as_deref(), Some("hectare"));
    assert_eq!(unit("es", "hectáreas").as_deref(), Some("hectare"));
    assert_eq!(unit("pt", "hectares").as_deref(), Some("hectare"));
    assert_eq!(unit("es", "toneladas").as_deref(), Some("tonne"));
    assert_eq!(unit("pt", "quilos").as_deref(), Some("kg"));
    // Symbols from the units table work in every language.
    assert_eq!(unit("es", "km2").as_deref(), Some("km2"));
    assert_eq!(unit("pt", "ha").as_deref(), Some("hectare"));
    let money = |code: &str, w: &str| lex.lang(code).entry(w).and_then(|e| e.currency);
    assert_eq!(money("en", "dollars"), Some(Money::Code("USD")));
    assert_eq!(money("es", "dólares"), Some(Money::Code("USD")));
    assert_eq!(money("pt", "reais"), Some(Money::Code("BRL")));
    assert!(matches!(money("es", "pesos"), Some(Money::Local(_))));
    assert_eq!(lex.symbol("R$"), Some(Money::Code("BRL")));
    assert_eq!(lex.symbol("US$"), Some(Money::Code("USD")));
    assert_eq!(lex.symbol("S/."), Some(Money::Code("PEN")));
    assert!(matches!(lex.symbol("Bs."), Some(Money::Local(_))));
    assert_eq!(lex.code("MXN"), Some("MXN"));
    assert_eq!(lex.unit_named("km2").map(|u| u.label.as_str()), Some("km²"));
}

#[test]
fn numbers_scales_and_months_by_language() {
    let lex = Lexicon::load().expect("lexicon");
    let (en, es, pt) = (lex.lang("en"), lex.lang("es"), lex.lang("pt"));
    assert_eq!(en.number_word("TWENTY"), Some(20.0));
    assert_eq!(es.number_word("veinticuatro"), Some(24.0));
    assert_eq!(es.number_word("quinientos"), Some(500.0));
    assert_eq!(pt.number_word("duzentos"), Some(200.0));
    assert_eq!(es.scale_word("millones"), Some(1e6));
    assert_eq!(es.scale_word("billón"), Some(1e12));
    assert_eq!(pt.scale_word("bilhões"), Some(1e9));
    assert_eq!(pt.money_scale("bi"), Some(1e9));
    assert_eq!(en.money_scale("m"), Some(1e6));
    assert_eq!(en.money_scale("bn"), None);
    assert_eq!(en.month("May"), Some(5));
    assert_eq!(en.month("may"), None);
    assert_eq!(es.month("mayo"), Some(5));
    assert!(en.is("page", Set::Label));
    assert!(es.is("desde", Set::YearSince));
    assert!(es.is("meta", Set::TargetCue));
    assert_eq!(lex.lang("fr").code, "en", "other languages read as English");
}

#[test]
fn multi_word_entries_are_phrases() {
    let lex = Lexicon::load().expect("lexicon");
    let en = lex.lang("en");
    let km2 = en
        .phrases_from("square")
        .iter()
        .find(|p| p.words == ["square", "kilometers"])
        .expect("square kilometers");
    assert!(matches!(km2.meaning, Meaning::Unit(u) if lex.unit_name(u) == "km2"));
    let more = en.qualifiers_ending("than");
    assert!(more.iter().any(|q| q.words == ["more", "than"]));
    let es = lex.lang("es");
    assert!(
        es.phrases_from("el")
            .iter()
            .any(|p| p.words == ["el", "año", "pasado"] && p.meaning == Meaning::DatedYear(-1))
    );
}

#[test]
fn a_bad_file_is_refused_with_its_line() {
    let units = "[units]\nhectare | area | hectares | | ha\n[currencies]\nUSD | dollars | $\n";
    let bad_unit = "[language]\ncode = xx\n[units]\nfurlong = furlong\n";
    let e = build::build(&[("units.lex", units), ("xx.lex", bad_unit)]).expect_err("refused");
    assert_eq!(e.to_string(), "xx.lex:4: “furlong” is not in units.lex");
    let bad_section = "[language]\ncode = xx\n[colours]\nred, blue\n";
    let e = build::build(&[("units.lex", units), ("xx.lex", bad_section)]).expect_err("refused");
    assert_eq!(e.to_string(), "xx.lex:4: [colours] is not a word set");
    let bad_class = "[units]\nfoo | smell | foos | |\n";
    let e = build::build(&[("units.lex", bad_class)]).expect_err("refused");
    assert_eq!(e.to_string(), "units.lex:2: unknown class “smell”");
}

#[test]
fn adding_a_unit_is_one_line_in_one_file() {
    // The example in docs/figures.md: a unit in the table, its words in a language file.
    let units = "[units]\nhectare | area | hectares | | ha\nfurlong | length | furlongs | fur |\n[currencies]\nUSD | dollars | $\n";
    let lang = "[language]\ncode = en\n[units]\nfurlong, furlongs = furlong\n";
    let lex = build::build(&[("units.lex", units), ("en.lex", lang)]).expect("builds");
    let en = lex.lang("en");
    for w in ["furlongs", "fur"] {
        let u = en.entry(w).and_then(|e| e.unit).expect("a unit");
        assert_eq!(lex.unit_name(u), "furlong");
    }
    assert_eq!(
        lex.unit_named("furlong").map(|u| u.class),
        Some(UnitClass::Length)
    );
}
