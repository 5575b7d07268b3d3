//! The error classes left after the second probe sets (figures v3): counted nouns after model
//! names, elided nouns, Andean currencies, target cues, multipliers. Sentences written for
//! the purpose, in English and Spanish.

use super::*;

#[test]
fn a_capitalised_scale_word_in_running_text_is_a_name() {
    check(
        "Bogota ordered 24 Mil Mi-171Sh transport helicopters and five new Bell 412EP helicopters.",
        &[
            (
                "24 Mil Mi-171Sh transport helicopters",
                24.0,
                "helicopter",
                N,
            ),
            ("five new Bell 412EP helicopters", 5.0, "helicopter", N),
        ],
    );
    check(
        "El Ejército recibió 12 helicópteros Mil Mi-17 y pagó 40 mil dólares por el mantenimiento.",
        &[
            ("12 helicópteros", 12.0, "helicóptero", N),
            ("40 mil dólares", 40e3, "USD", N),
        ],
    );
}

#[test]
fn initials_and_conjoined_names_inside_a_counted_phrase() {
    check(
        "Officials from 16 U.S. agencies trained 500 Nicaraguan and Central American police officers.",
        &[
            ("16 U.S. agencies", 16.0, "agency", N),
            (
                "500 Nicaraguan and Central American police officers",
                500.0,
                "officer",
                N,
            ),
        ],
    );
    check(
        "Since 2000, 130 U.S.-funded helicopters have flown and 1 fixed-wing aircraft was lost.",
        &[
            (
                "130 U.S.-funded helicopters",
                130.0,
                "helicopter",
                Year::Range(Some(2000), None),
            ),
            (
                "1 fixed-wing aircraft",
                1.0,
                "aircraft",
                Year::Range(Some(2000), None),
            ),
        ],
    );
}

#[test]
fn a_bare_number_takes_the_noun_it_leaves_out() {
    check(
        "Of the 35 helicopters ordered, 24 were delivered in 2016, 10 in 2017 and 1 in 2018.",
        &[
            ("35 helicopters", 35.0, "helicopter", N),
            ("24", 24.0, "helicopter", y(2016)),
            ("10", 10.0, "helicopter", y(2017)),
            ("1", 1.0, "helicopter", y(2018)),
        ],
    );
    check(
        "The army has 16 Mi-17s; 11 are operational.",
        &[
            ("16 Mi-17s", 16.0, "helicopter", N),
            ("11", 11.0, "helicopter", N),
        ],
    );
    let text = "The ministry bought 40 armored vehicles in 2015. Only 22 were in service.";
    check(
        text,
        &[
            ("40 armored vehicles", 40.0, "vehicle", y(2015)),
            ("22", 22.0, "vehicle", N),
        ],
    );
    // Not across a paragraph, and not from money.
    check(
        "The ministry bought 40 armored vehicles.\n\nOnly 22 were in service.",
        &[("40 armored vehicles", 40.0, "vehicle", N)],
    );
    check(
        "De los 35 helicópteros comprados, 24 fueron entregados en 2016. Otros 8 están en reparación.",
        &[
            ("35 helicópteros", 35.0, "helicóptero", N),
            ("24", 24.0, "helicóptero", y(2016)),
            ("8", 8.0, "helicóptero", N),
        ],
    );
}

#[test]
fn ranges_and_lists_share_the_unit_written_once() {
    check(
        "Each lab produced between 2,000 and 3,000 tonnes, and each boat carried 3 and 4 tonnes.",
        &[
            ("2,000", 2000.0, "tonne", N),
            ("3,000 tonnes", 3000.0, "tonne", N),
            ("3", 3.0, "tonne", N),
            ("4 tonnes", 4.0, "tonne", N),
        ],
    );
    check(
        "Cada laboratorio producía entre 2.000 y 3.000 toneladas.",
        &[
            ("2.000", 2000.0, "tonne", N),
            ("3.000 toneladas", 3000.0, "tonne", N),
        ],
    );
}

#[test]
fn andean_currency_symbols() {
    check(
        "Peru budgeted S/. 1.2 billion and S/ 500 million. In Bolivia coca sold at Bs 69 per kilogram.",
        &[
            ("S/. 1.2 billion", 1.2e9, "PEN", N),
            ("S/ 500 million", 500e6, "PEN", N),
            ("Bs 69 per kilogram", 69.0, "BOB/kg", N),
        ],
    );
    check(
        "El Perú destinó S/. 1.200 millones y en Bolivia el kilo se pagó a Bs. 69.",
        &[
            ("S/. 1.200 millones", 1.2e9, "PEN", N),
            ("Bs. 69", 69.0, "BOB", N),
        ],
    );
}

#[test]
fn target_cues_and_what_is_already_done() {
    let k = kinds(
        "The army is to receive 8 helicopters. The park authority plans new trails and already manages 22 protected areas.",
    );
    assert_eq!(
        k,
        vec![
            ("8 helicopters".to_owned(), Kind::Target),
            ("22 protected areas".to_owned(), Kind::Actual)
        ]
    );
    let k = kinds(
        "El Gobierno prevé erradicar 20.000 hectáreas. La policía se propone capturar a 300 cabecillas. Fijó una meta de 40.000 hectáreas y ya erradicó 12.000 hectáreas.",
    );
    assert_eq!(
        k,
        vec![
            ("20.000 hectáreas".to_owned(), Kind::Target),
            ("300 cabecillas".to_owned(), Kind::Target),
            ("40.000 hectáreas".to_owned(), Kind::Target),
            ("12.000 hectáreas".to_owned(), Kind::Actual)
        ]
    );
}

#[test]
fn a_factor_in_one_word_is_a_figure() {
    check(
        "Production could double by 2020. Seizures tripled in 2018, a twofold increase in arrests followed, and the price is triple the price in 2015.",
        &[
            ("double", 2.0, "times", y(2020)),
            ("tripled", 3.0, "times", y(2018)),
            ("twofold", 2.0, "times", N),
            ("triple", 3.0, "times", N),
        ],
    );
    check(
        "Las incautaciones se duplicaron en 2018. El precio es el triple que en 2010.",
        &[
            ("duplicaron", 2.0, "times", y(2018)),
            ("triple", 3.0, "times", N),
        ],
    );
    // Adjectives before a noun are not factors.
    check(
        "A double murder and a triple homicide shook the town in 2019.",
        &[],
    );
    check("Un doble homicidio conmocionó al pueblo.", &[]);
}

#[test]
fn a_table_takes_its_unit_from_the_caption_and_its_years_from_the_header() {
    let text = "Table 3. Aid to Peru, FY2013-FY2014 (in millions of current U.S. dollars)\n\nAccount    FY2013    FY2014\nINCLE      98.2      74.6\nFMF        1.8       –\n\nSource: State Department.\n\nThe account    held 12    and 14.";
    check(
        text,
        &[
            ("98.2", 98.2e6, "USD", y(2013)),
            ("74.6", 74.6e6, "USD", y(2014)),
            ("1.8", 1.8e6, "USD", y(2013)),
        ],
    );
    let text = "Incautaciones por año (en miles de toneladas)\nAño       Cocaína     Marihuana\n2017      1,2         3,5\n2018      1,5         4,0\nLa tabla resume los datos.";
    check(
        text,
        &[
            ("1,2", 1200.0, "tonne", y(2017)),
            ("3,5", 3500.0, "tonne", y(2017)),
            ("1,5", 1500.0, "tonne", y(2018)),
            ("4,0", 4000.0, "tonne", y(2018)),
        ],
    );
}
