//! Numbers, units, currencies and counted nouns in English.

use super::*;

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
