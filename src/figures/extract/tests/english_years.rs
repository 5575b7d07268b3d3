//! Years, comparisons and what is not a figure, in English.

use super::*;

#[test]
fn labels_model_numbers_and_codes_are_not_figures() {
    assert!(figs("See page 12, Table 3 and Resolution 1373.").is_empty());
    assert!(figs("The Mi-17 and the AK-103 replaced the F-16 under Decree No. 35.").is_empty());
    assert!(figs("Gangs such as MS13 and Barrio 18 grew; the Boeing 737 landed.").is_empty());
    assert!(figs("Call +57 1 315 0811 or 555-0199.").is_empty());
}

#[test]
fn list_numbering_footnotes_and_citations_are_not_figures() {
    assert!(figs("1. Introduction\n2. Background").is_empty());
    assert!(figs("Investigations\n\n  • 1\n  • 2\n  • 3").is_empty());
    assert!(figs("The land is unequally divided.1 Others agree.[12]").is_empty());
}

#[test]
fn one_alone_is_not_a_count() {
    assert!(figs("One official said one of the ships sank.").is_empty());
    let (_, v, u, _) = one("Only one percent of the budget went to prevention.");
    assert_eq!((v, u.as_str()), (1.0, "percent"));
}

#[test]
fn shares_as_fractions() {
    let (_, v, u, _) = one("Nearly half of the seized drugs came by sea.");
    assert_eq!((v, u.as_str()), (0.5, "fraction"));
    let (_, v, _, _) = one("The economy shrank by two-thirds.");
    assert!(close(v, 2.0 / 3.0));
    assert!(figs("In the second half of 2015 it rained.").is_empty());
    let (t, v, u, _) = one("One in five prisoners is held for drug offences.");
    assert_eq!(
        (t.as_str(), v, u.as_str()),
        ("One in five", 0.2, "fraction")
    );
    let (t, v, _, _) = one("Police stop one in every 10 trucks.");
    assert_eq!((t.as_str(), v), ("one in every 10", 0.1));
    assert!(figs("One in the crowd shouted.").is_empty());
}

#[test]
fn qualifiers_are_reported() {
    let q = |t: &str| extract(t).into_iter().next().and_then(|f| f.qualifier);
    assert_eq!(q("They seized more than 3 tons."), Some("more than".into()));
    assert_eq!(q("They seized around 3 tons."), Some("around".into()));
    assert_eq!(q("They seized up to 3 tons."), Some("up to".into()));
    assert_eq!(q("They seized at least 3 tons."), Some("at least".into()));
    assert_eq!(q("They seized nearly 3 tons."), Some("nearly".into()));
    assert_eq!(q("They seized 3 tons."), None);
    assert_eq!(q("They had ~500 troops."), Some("about".into()));
    assert_eq!(q("They had c. 1,000 men."), Some("about".into()));
    assert_eq!(q("Cultivation fell by >50%."), Some("more than".into()));
    assert_eq!(q("Losses were <10%."), Some("less than".into()));
    assert_eq!(q("Mexico gets aid over three years."), None);
    assert_eq!(
        q("It lasted for over three years."),
        Some("more than".into())
    );
}

#[test]
fn offsets_are_code_points_and_sentences_are_given() {
    let text = "Perú — «año récord» de la lucha contra el narcotráfico: el gobierno de Humala erradicó 35.000 hectáreas de coca en el valle de los ríos. Luego, la policía incautó 2 toneladas de la droga.";
    let found = extract(text);
    assert_eq!(found.len(), 2, "{found:?}");
    let chars: Vec<char> = text.chars().collect();
    for f in &found {
        let slice: String = chars[f.start..f.end].iter().collect();
        assert_eq!(slice, f.text);
        let sentence: String = chars[f.sentence.0..f.sentence.1].iter().collect();
        assert!(sentence.contains(&f.text));
    }
    assert_eq!(found[0].value, 35_000.0, "Spanish thousands separator");
    let (_, v, _, _) = one("La multa llegó a 5,4 millones.");
    assert_eq!(v, 5.4e6, "Spanish decimal comma and scale word");
    assert_eq!(found[0].unit, "hectare");
    assert_eq!(found[1].unit, "tonne");
}

#[test]
fn spanish_decimal_comma_and_narrow_spaces() {
    assert_eq!(parse_digits("5,4", false), Some(5.4));
    assert_eq!(parse_digits("35,000", false), Some(35_000.0));
    assert_eq!(parse_digits("1.200.000", false), Some(1_200_000.0));
    assert_eq!(parse_digits("1,200.50", false), Some(1200.5));
    assert_eq!(parse_digits("1.200,50", true), Some(1200.5));
    assert_eq!(parse_digits("35.000", true), Some(35_000.0));
    assert_eq!(parse_digits("35.000", false), Some(35.0));
    assert_eq!(parse_digits("35\u{00A0}000", false), Some(35_000.0));
}

#[test]
fn hard_wrapped_report_lines_stay_one_sentence() {
    let text = "In 2017, the Government of Peru reported that it had eradicated a total of\n25,107 hectares of coca in the Upper Huallaga and the VRAEM valleys.";
    check(text, &[("25,107 hectares", 25107.0, "hectare", y(2017))]);
}

#[test]
fn ages_are_not_durations() {
    assert!(figs("A 17-year-old courier was caught.").is_empty());
    check(
        "He got a 10-year sentence.",
        &[("10-year", 10.0, "year", N)],
    );
}

#[test]
fn a_plural_model_code_counts_what_its_family_names() {
    check(
        "The contract covers 12 Su-30s and a dozen AK-47s for the guard.",
        &[
            ("12 Su-30s", 12.0, "aircraft", N),
            ("a dozen AK-47s", 12.0, "rifle", N),
        ],
    );
}

#[test]
fn and_a_half_before_a_scale_word() {
    check(
        "One and a half million people fled over two and a half years.",
        &[
            ("One and a half million people", 1.5e6, "person", N),
            ("two and a half years", 2.5, "year", N),
        ],
    );
}

#[test]
fn half_a_dozen_is_six() {
    check(
        "A half-dozen jets flew over, and half a dozen boats sank.",
        &[
            ("A half-dozen jets", 6.0, "jet", N),
            ("half a dozen boats", 6.0, "boat", N),
        ],
    );
}

#[test]
fn a_unit_joined_by_a_hyphen() {
    check(
        "Police found a 20-ton shipment, a 15-percent rise and a 5,000-hectare plot.",
        &[
            ("20-ton", 20.0, "tonne", N),
            ("15-percent", 15.0, "percent", N),
            ("5,000-hectare", 5000.0, "hectare", N),
        ],
    );
    assert!(figs("The 4-g phones came.").is_empty());
}

#[test]
fn section_numbers_before_a_verb_are_not_figures() {
    assert!(figs("Chapter 3, Section 2.1 provides details on the method.").is_empty());
    assert!(figs("Section 4.2 outlines the plan.").is_empty());
    assert!(figs("Article 3 states that the parties cooperate.").is_empty());
    assert!(figs("Under 17 U.S.C. § 107 applies, and ¶ 12 too.").is_empty());
    // A label followed by a measure is still a quantity.
    let (_, v, u, _) = one("Phase 2.5 tonnes of cocaine were seized.");
    assert_eq!((v, u.as_str()), (2.5, "tonne"));
    // "week" is a label word, but a count may follow it.
    let (_, v, _, _) = one("Last week 30 people were arrested in Lima.");
    assert_eq!(v, 30.0);
}

#[test]
fn the_only_year_in_a_neighbouring_clause_attaches() {
    check(
        "Russia delivered 12 helicopters between 2006 and 2008, in contracts worth an estimated $4.4 billion.",
        &[
            ("12 helicopters", 12.0, "helicopter", r(2006, 2008)),
            ("$4.4 billion", 4.4e9, "USD", r(2006, 2008)),
        ],
    );
    check(
        "Arms exports fell, to 1.2 billion dollars, by 2014.",
        &[("1.2 billion dollars", 1.2e9, "USD", y(2014))],
    );
    // The year of a report is not the year of the figure, nor is a year far away.
    check(
        "Seizures doubled to 40 tons, officials said in 2016.",
        &[
            ("doubled", 2.0, "times", Year::None),
            ("40 tons", 40.0, "tonne", Year::None),
        ],
    );
    check(
        "The treaty was signed in 1995, and it has lasted, by any measure, two decades.",
        &[("two decades", 2.0, "decade", Year::None)],
    );
}

#[test]
fn a_change_by_a_share() {
    check(
        "Arms exports fell by a third in 2014.",
        &[("a third", 1.0 / 3.0, "fraction", y(2014))],
    );
    check(
        "Coca cultivation grew by a quarter.",
        &[("a quarter", 0.25, "fraction", Year::None)],
    );
    assert!(figs("The weapons were sold on by a third party.").is_empty());
    assert!(figs("The border was held by a quarter century of truce.").is_empty());
}

#[test]
fn a_change_is_dated_by_the_later_year_not_its_base() {
    check(
        "Coca covered 171,000 hectares in 2017, up 17% from 146,000 hectares in 2016.",
        &[
            ("171,000 hectares", 171000.0, "hectare", y(2017)),
            ("17%", 17.0, "percent", y(2017)),
            ("146,000 hectares", 146000.0, "hectare", y(2016)),
        ],
    );
    check(
        "In 2018, police seized 79.7 MT of drugs, a 16 percent decrease from the 95 MT seized in 2017.",
        &[
            ("79.7 MT", 79.7, "tonne", y(2018)),
            ("16 percent", 16.0, "percent", y(2018)),
            ("95 MT", 95.0, "tonne", y(2017)),
        ],
    );
    // A range after "from" is the figure's period, not a base.
    check(
        "Seizures rose 40 percent from 2016 to 2018.",
        &[("40 percent", 40.0, "percent", r(2016, 2018))],
    );
    // With no year of its own, a figure does not take the base year of a comparison.
    check(
        "Coca covered 24,500 hectares, a six percent increase from 2016.",
        &[
            ("24,500 hectares", 24500.0, "hectare", Year::None),
            ("six percent", 6.0, "percent", Year::None),
        ],
    );
}

#[test]
fn a_bare_number_compared_with_a_figure_takes_its_unit() {
    check(
        "Police arrested 1,356 people, up from 900 a year earlier.",
        &[
            ("1,356 people", 1356.0, "person", Year::None),
            ("900", 900.0, "person", Year::None),
        ],
    );
    check(
        "Aid reached $3.2 million, compared with 2.1 in the previous budget.",
        &[
            ("$3.2 million", 3.2e6, "USD", Year::None),
            ("2.1", 2.1e6, "USD", Year::None),
        ],
    );
    check(
        "The army destroyed 98 airstrips in 2018, a 40 percent increase from 70 in 2017.",
        &[
            ("98 airstrips", 98.0, "airstrip", y(2018)),
            ("40 percent", 40.0, "percent", y(2018)),
            ("70", 70.0, "airstrip", y(2017)),
        ],
    );
    check(
        "Unemployment rose to 12 percent from 10.",
        &[
            ("12 percent", 12.0, "percent", N),
            ("10", 10.0, "percent", N),
        ],
    );
    check(
        "Peru eradicated 25,000 hectares in 2017, 23,000 in 2018 and 25,500 in 2019.",
        &[
            ("25,000 hectares", 25000.0, "hectare", y(2017)),
            ("23,000", 23000.0, "hectare", y(2018)),
            ("25,500", 25500.0, "hectare", y(2019)),
        ],
    );
    check(
        "Mexico saw 33,341 homicides in 2018 — a record — and 34,582 in 2019.",
        &[
            ("33,341 homicides", 33341.0, "homicide", y(2018)),
            ("34,582", 34582.0, "homicide", y(2019)),
        ],
    );
    check(
        "Seizures fell from 400 tons in 2016 to 350 in 2017.",
        &[
            ("400 tons", 400.0, "tonne", y(2016)),
            ("350", 350.0, "tonne", y(2017)),
        ],
    );
    // Without a comparison, a small bare number stays out.
    assert_eq!(
        figs("Police arrested 1,356 people and 12 more fled.").len(),
        1
    );
}

#[test]
fn an_unspaced_en_dash_is_a_range_not_a_clause_break() {
    check(
        "The thresholds, set in 2015, were 0–1 grams for cocaine.",
        &[("0", 0.0, "g", y(2015)), ("1 grams", 1.0, "g", y(2015))],
    );
}

#[test]
fn punctuation_opening_the_text_before_a_number() {
    // Found by fuzzing: a colon, dash or quote as the very first token used to underflow.
    assert_eq!(figs(":25,107 people").len(), 1);
    assert_eq!(figs("-25,107 people").len(), 1);
    assert_eq!(figs("\"25,107 people").len(), 1);
}
