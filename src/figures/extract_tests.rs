//! One test per rule of the extractor, on sentences written for the purpose (none from the
//! seeds), in the language of news and government reports.

use super::*;

/// (text, value, unit, year) of each figure in `text`.
fn figs(text: &str) -> Vec<(String, f64, String, Year)> {
    extract(text)
        .into_iter()
        .map(|f| (f.text, f.value, f.unit, f.year))
        .collect()
}

fn one(text: &str) -> (String, f64, String, Year) {
    let all = figs(text);
    assert_eq!(all.len(), 1, "expected one figure in {text:?}, got {all:?}");
    all.into_iter().next().expect("one")
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

fn check(text: &str, expected: &[(&str, f64, &str, Year)]) {
    let got = figs(text);
    assert_eq!(got.len(), expected.len(), "{text:?}\n got {got:?}");
    for (g, e) in got.iter().zip(expected) {
        assert_eq!(g.0, e.0, "text in {text:?}");
        assert!(close(g.1, e.1), "value of {:?}: {} vs {}", g.0, g.1, e.1);
        assert_eq!(g.2, e.2, "unit of {:?}", g.0);
        assert_eq!(g.3, e.3, "year of {:?}", g.0);
    }
}

const N: Year = Year::None;
fn y(v: i32) -> Year {
    Year::Point(v)
}
fn r(a: i32, b: i32) -> Year {
    Year::Range(Some(a), Some(b))
}

#[test]
fn money_with_symbols_codes_and_words() {
    check(
        "Brazil paid $250 million for the radars, US$ 30 million for training and USD 12 million for spares.",
        &[
            ("$250 million", 250e6, "USD", N),
            ("US$ 30 million", 30e6, "USD", N),
            ("USD 12 million", 12e6, "USD", N),
        ],
    );
    check(
        "The loan of €300 million, 2 billion euros and £45m was approved.",
        &[
            ("€300 million", 300e6, "EUR", N),
            ("2 billion euros", 2e9, "EUR", N),
            ("£45m", 45e6, "GBP", N),
        ],
    );
    check(
        "Moscow offered a $1-billion credit and a 30-million-dollar loan. Each tank cost $1.5m. The last came in 2013.",
        &[
            ("$1-billion", 1e9, "USD", N),
            ("30-million-dollar", 30e6, "USD", N),
            ("$1.5m", 1.5e6, "USD", N),
        ],
    );
    check(
        "The deal was put at $1.5-2 billion, or $700m-$1bn, and COP$ 1.5 billion.",
        &[
            ("$1.5", 1.5e9, "USD", N),
            ("2 billion", 2e9, "USD", N),
            ("$700m", 700e6, "USD", N),
            ("$1bn", 1e9, "USD", N),
            ("COP$ 1.5 billion", 1.5e9, "COP", N),
        ],
    );
    check(
        "Canberra gave $A 2 million and Washington $US 4 million.",
        &[
            ("$A 2 million", 2e6, "AUD", N),
            ("$US 4 million", 4e6, "USD", N),
        ],
    );
    check(
        "Bogotá budgeted 900 billion Colombian pesos and 40 million dollars.",
        &[
            ("900 billion Colombian pesos", 900e9, "COP", N),
            ("40 million dollars", 40e6, "USD", N),
        ],
    );
}

#[test]
fn pesos_take_the_country_the_article_is_about() {
    let text = "Mexico's federal police got a raise. The Mexican government spent 5 billion pesos on the force.";
    assert_eq!(one(text).2, "MXN");
}

#[test]
fn prices_per_kilogram() {
    let (_, v, u, _) = one("A kilogram of cocaine sells for $28,000 per kilogram in Miami.");
    assert_eq!((v, u.as_str()), (28_000.0, "USD/kg"));
}

#[test]
fn scale_words_and_abbreviations() {
    check(
        "Exports were worth $1.2bn, imports $800m, and the debt 3.5 trillion dollars.",
        &[
            ("$1.2bn", 1.2e9, "USD", N),
            ("$800m", 800e6, "USD", N),
            ("3.5 trillion dollars", 3.5e12, "USD", N),
        ],
    );
    let (_, v, u, _) = one("Some 2.3 million people fled.");
    assert_eq!((v, u.as_str()), (2.3e6, "person"));
}

#[test]
fn number_words_in_any_case() {
    check(
        "Twenty-four agents, TWO DRONES and a dozen boats took part, with three hundred and fifty soldiers.",
        &[
            ("Twenty-four agents", 24.0, "agent", N),
            ("TWO DRONES", 2.0, "drone", N),
            ("a dozen boats", 12.0, "boat", N),
            ("three hundred and fifty soldiers", 350.0, "soldier", N),
        ],
    );
    let (_, v, _, _) = one("The ministry hired two million temporary workers.");
    assert_eq!(v, 2e6);
}

#[test]
fn units_of_area_weight_length_share_and_time() {
    check(
        "They cleared 1,500 ha and 20 square kilometres, seized 3 metric tons and 450 kg, patrolled 2,000 km and 300 miles, and cut crime 12 per cent in four months.",
        &[
            ("1,500 ha", 1500.0, "hectare", N),
            ("20 square kilometres", 20.0, "km2", N),
            ("3 metric tons", 3.0, "tonne", N),
            ("450 kg", 450.0, "kg", N),
            ("2,000 km", 2000.0, "km", N),
            ("300 miles", 300.0, "mile", N),
            ("12 per cent", 12.0, "percent", N),
            ("four months", 4.0, "month", N),
        ],
    );
    check(
        "Unemployment hit 7.5% and 10 acres were lost.",
        &[("7.5%", 7.5, "percent", N), ("10 acres", 10.0, "acre", N)],
    );
    check(
        "The border is 2,219 km (1,379 mi) long.",
        &[
            ("2,219 km", 2219.0, "km", N),
            ("1,379 mi", 1379.0, "mile", N),
        ],
    );
}

#[test]
fn counted_nouns_skip_adjectives_and_model_codes() {
    check(
        "Caracas received 12 new Su-30MK2 fighter jets and 5,000 Russian-made rifles.",
        &[
            ("12 new Su-30MK2 fighter jets", 12.0, "jet", N),
            ("5,000 Russian-made rifles", 5000.0, "rifle", N),
        ],
    );
    check(
        "Police detained 31 people, among them nine women and three children.",
        &[
            ("31 people", 31.0, "person", N),
            ("nine women", 9.0, "woman", N),
            ("three children", 3.0, "child", N),
        ],
    );
    let (text, v, u, _) = one("Five of the largest ports were closed.");
    assert_eq!((text.as_str(), v, u.as_str()), ("Five", 5.0, "port"));
}

#[test]
fn ranges_and_lists_share_their_unit() {
    check(
        "Estimates range from $12 to 15 billion.",
        &[("$12", 12e9, "USD", N), ("15 billion", 15e9, "USD", N)],
    );
    check(
        "Rates fell by 15 and 4 percent, and between 10-20% in the north.",
        &[
            ("15", 15.0, "percent", N),
            ("4 percent", 4.0, "percent", N),
            ("10", 10.0, "percent", N),
            ("20%", 20.0, "percent", N),
        ],
    );
    check(
        "The area shrank from 9,000 square kilometers to 700 square kilometers.",
        &[
            ("9,000 square kilometers", 9000.0, "km2", N),
            ("700 square kilometers", 700.0, "km2", N),
        ],
    );
    check(
        "It took five or ten years.",
        &[("five", 5.0, "year", N), ("ten years", 10.0, "year", N)],
    );
}

#[test]
fn a_guess_between_neighbouring_numbers_is_one_figure() {
    let all = extract("It took three or four years.");
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(
        (all[0].text.as_str(), all[0].value, all[0].unit.as_str()),
        ("three or four years", 3.0, "year")
    );
    assert_eq!(all[0].qualifier.as_deref(), Some("about"));
    check(
        "Prices rose 2 or 3 percent.",
        &[("2 or 3 percent", 2.0, "percent", N)],
    );
}

#[test]
fn years_attach_within_the_clause() {
    check(
        "Bolivia eradicated 11,000 hectares in 2016, more than the 7,000 hectares it cut in 2015.",
        &[
            ("11,000 hectares", 11000.0, "hectare", y(2016)),
            ("7,000 hectares", 7000.0, "hectare", y(2015)),
        ],
    );
    check(
        "Seizures doubled to 40 tons between 2011 and 2014, officials said in 2016.",
        &[("40 tons", 40.0, "tonne", r(2011, 2014))],
    );
    check(
        "Since 2012, the agency has trained 4,000 officers.",
        &[(
            "4,000 officers",
            4000.0,
            "officer",
            Year::Range(Some(2012), None),
        )],
    );
    check(
        "The target is 50,000 hectares by 2021.",
        &[("50,000 hectares", 50000.0, "hectare", y(2021))],
    );
    check(
        "Production rose 8 percent over 2010–2013.",
        &[("8 percent", 8.0, "percent", r(2010, 2013))],
    );
}

#[test]
fn a_bracket_does_not_end_the_clause() {
    check(
        "Bolivia seized 20.8 metric tons (MT) of cocaine base in 2018.",
        &[("20.8 metric tons", 20.8, "tonne", y(2018))],
    );
    check(
        "Over 1 000 tonnes (about 40 percent) were seized in 2019.",
        &[
            ("1 000 tonnes", 1000.0, "tonne", y(2019)),
            ("40 percent", 40.0, "percent", y(2019)),
        ],
    );
}

#[test]
fn a_year_opening_the_sentence_covers_it() {
    check(
        "In 2013, the navy intercepted 17 vessels carrying 22 tons of cocaine.",
        &[
            ("17 vessels", 17.0, "vessel", y(2013)),
            ("22 tons", 22.0, "tonne", y(2013)),
        ],
    );
    check(
        "As of December 31, 2019, some 900 fighters remained.",
        &[("900 fighters", 900.0, "fighter", y(2019))],
    );
    check(
        "In 2010 Chile bought radars from France, with sales totalling $80 million.",
        &[("$80 million", 80e6, "USD", y(2010))],
    );
}

#[test]
fn a_list_of_years_covers_its_span_unless_paired_respectively() {
    check(
        "In 2016, 2017 and 2018, seizures averaged 20 tons a year.",
        &[("20 tons", 20.0, "tonne", r(2016, 2018))],
    );
    check(
        "In 2008 and 2009, Russian vessels carried 400 sailors.",
        &[("400 sailors", 400.0, "sailor", r(2008, 2009))],
    );
    check(
        "Seizures were 20 and 25 tons in 2016 and 2017, respectively.",
        &[
            ("20", 20.0, "tonne", y(2016)),
            ("25 tons", 25.0, "tonne", y(2017)),
        ],
    );
    // Not a rising list: each year stays a point.
    check(
        "They seized 9 tons in 2019 and 2 tons in 2012.",
        &[
            ("9 tons", 9.0, "tonne", y(2019)),
            ("2 tons", 2.0, "tonne", y(2012)),
        ],
    );
}

#[test]
fn a_change_spans_the_years_it_compares() {
    check(
        "Seizures increased by 22 percent, from 101 MT in 2017 to 123 MT in 2018.",
        &[
            ("22 percent", 22.0, "percent", r(2017, 2018)),
            ("101 MT", 101.0, "tonne", y(2017)),
            ("123 MT", 123.0, "tonne", y(2018)),
        ],
    );
}

#[test]
fn fiscal_years_in_ranges_and_since() {
    check(
        "INL has obligated more than $1.2 billion since FY 2008.",
        &[("$1.2 billion", 1.2e9, "USD", Year::Range(Some(2008), None))],
    );
    check(
        "Between FY2008 and FY2015, Congress appropriated $2.5 billion.",
        &[("$2.5 billion", 2.5e9, "USD", r(2008, 2015))],
    );
}

#[test]
fn months_and_parts_of_years_in_ranges() {
    check(
        "More than 60,000 people were killed between December 2006 and November 2012.",
        &[("60,000 people", 60000.0, "person", r(2006, 2012))],
    );
    check(
        "Between 2006 and mid-2012, seizures reached 300 tons.",
        &[("300 tons", 300.0, "tonne", r(2006, 2012))],
    );
    check(
        "Since the beginning of 2007, 2,000 police officers have been dismissed.",
        &[(
            "2,000 police officers",
            2000.0,
            "officer",
            Year::Range(Some(2007), None),
        )],
    );
}

#[test]
fn a_year_named_relative_to_another() {
    check(
        "In 2011 the government reported 1,345 murders; the following year the figure fell to 1,100.",
        &[
            ("1,345 murders", 1345.0, "murder", y(2011)),
            ("1,100", 1100.0, "", y(2012)),
        ],
    );
    check(
        "The navy seized 9 tons in 2020, a year earlier only 4 tons.",
        &[
            ("9 tons", 9.0, "tonne", y(2020)),
            ("4 tons", 4.0, "tonne", y(2019)),
        ],
    );
    check(
        "Seizures reached 30 tons in 2019, up 12 percent over the previous year.",
        &[
            ("30 tons", 30.0, "tonne", y(2019)),
            ("12 percent", 12.0, "percent", y(2019)),
        ],
    );
    check(
        "The following year, the army destroyed 60 labs.",
        &[("60 labs", 60.0, "lab", N)],
    );
}

#[test]
fn no_year_when_the_sentence_gives_none_for_the_figure() {
    check(
        "Last month the army destroyed 60 labs.",
        &[("60 labs", 60.0, "lab", N)],
    );
    check(
        "The 2018 elections are over, and the party has been in power for three decades.",
        &[("three decades", 3.0, "decade", N)],
    );
}

#[test]
fn decades_and_fiscal_years() {
    check(
        "In the 1990s, the cartel moved 80 percent of the cocaine.",
        &[("80 percent", 80.0, "percent", r(1990, 1999))],
    );
    check(
        "In FY2019 INL spent $5 million.",
        &[("$5 million", 5e6, "USD", y(2019))],
    );
}

#[test]
fn years_dates_and_ordinals_are_not_figures() {
    assert!(
        figs("On February 23, 2015, the minister arrived; on 5 April 1992 Congress closed.")
            .is_empty()
    );
    assert!(
        figs("The visit ran from March 23-25 and was the 3rd of its kind in the 21st century.")
            .is_empty()
    );
    assert!(figs("In 2014 and 2015 the talks stalled.").is_empty());
    assert!(figs("The meeting began at 10:30 and ended at 3 pm.").is_empty());
}

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
fn a_plural_model_code_is_the_counted_noun() {
    check(
        "The contract covers 12 Su-30s and a dozen AK-47s for the guard.",
        &[
            ("12 Su-30s", 12.0, "su-30", N),
            ("a dozen AK-47s", 12.0, "ak-47", N),
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
        &[("40 tons", 40.0, "tonne", Year::None)],
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
