//! The error classes of the fourth probe sets (en4, es3: texts written without sight of the
//! rules): "N more X", model codes joined by "and", negative changes, Mexican thousands
//! ("16 mil 700 millones"), and "del año anterior". Sentences written for the purpose.

use super::*;

#[test]
fn more_between_the_number_and_its_noun() {
    check(
        "Venezuela wants to buy as many as 60 more helicopters, and Bolivia six more Russian helicopters.",
        &[
            ("60 more helicopters", 60.0, "helicopter", N),
            ("six more Russian helicopters", 6.0, "helicopter", N),
        ],
    );
    // "more than" still ends the phrase: the number is a comparison, not a count of "than".
    let got = extract("Police arrested 12 more than in 2013.");
    assert!(got.iter().all(|f| f.unit != "than"), "{got:?}");
}

#[test]
fn model_codes_joined_by_and_share_the_noun() {
    check(
        "Since 2007 the region has acquired more than 150 Mi-17 and Mi-35 helicopters from Russia.",
        &[(
            "150 Mi-17 and Mi-35 helicopters",
            150.0,
            "helicopter",
            // "since 2007": the open range from 2007.
            Year::Range(Some(2007), None),
        )],
    );
    check(
        "Caracas bought more than 120 VN-4 and VN-1 armored vehicles.",
        &[("120 VN-4 and VN-1 armored vehicles", 120.0, "vehicle", N)],
    );
}

#[test]
fn a_minus_sign_that_touches_the_number_makes_it_negative() {
    let got = extract("Coca cultivation changed by -38 percent in 2015, from its 2010-2013 level.");
    let f = got
        .iter()
        .find(|f| f.unit == "percent")
        .expect("a percentage");
    assert_eq!(f.value, -38.0);
    assert!(got.iter().all(|f| f.value >= -38.0 && f.value != -2013.0));
    // A dash between two numbers, spaced, is a range, not a sign.
    let got = extract("Seizures ranged from 10 - 20 tons a year.");
    assert!(got.iter().all(|f| f.value > 0.0), "{got:?}");
}

#[test]
fn mexican_thousands_read_as_one_number() {
    check(
        "El Gobierno destinó 16 mil 700 millones de pesos y desplegó 2 mil 500 soldados.",
        &[
            ("16 mil 700 millones de pesos", 16.7e9, "peso", N),
            ("2 mil 500 soldados", 2500.0, "soldado", N),
        ],
    );
    check(
        "Washington entregó unos mil 300 millones de dólares en 2015.",
        &[("mil 300 millones de dólares", 1.3e9, "USD", y(2015))],
    );
    // "mil millones" stays a scale, and a year after "mil" is not added to it.
    check(
        "El plan costó 3 mil millones de dólares.",
        &[("3 mil millones de dólares", 3e9, "USD", N)],
    );
}

#[test]
fn del_ano_anterior_is_the_year_before() {
    check(
        "Nicaragua incautó 10,5 toneladas de cocaína en 2012, frente a las 13,2 toneladas del año anterior.",
        &[
            ("10,5 toneladas", 10.5, "tonne", y(2012)),
            ("13,2 toneladas", 13.2, "tonne", y(2011)),
        ],
    );
}

#[test]
fn a_list_after_a_colon_takes_the_year_of_its_introduction() {
    let text = "In 2015 the anti-drug force reported the following results:\n\n\
                1. It seized 11,500 kilograms of cocaine base.\n\n\
                2. It destroyed 2,310 laboratories and arrested 86 foreigners.\n\n\
                The ministry also said it had 40 helicopters.\n";
    let got = figs(text);
    let year_of = |t: &str| {
        got.iter()
            .find(|f| f.0 == t)
            .map(|f| f.3)
            .unwrap_or_else(|| panic!("{t} in {got:?}"))
    };
    assert_eq!(year_of("11,500 kilograms"), y(2015));
    assert_eq!(year_of("2,310 laboratories"), y(2015));
    assert_eq!(year_of("86 foreigners"), y(2015));
    // The paragraph after the list is not an item.
    assert_eq!(year_of("40 helicopters"), N);
    // A dateline that dates the introduction dates its list too.
    let text = "La Paz, 30 de junio de 2015.- El Ministerio informa los resultados del semestre:\n\n\
                1. La FELCN ejecutó 6.420 operativos.\n";
    assert!(
        figs(text)
            .iter()
            .any(|f| f.0 == "6.420 operativos" && f.3 == y(2015)),
        "{:?}",
        figs(text)
    );
}

#[test]
fn a_model_code_counts_the_thing_its_family_names() {
    // Plural codes and bare codes take the family's noun from the language file.
    check(
        "In 2009 Russia sold 36 UH-1Ns and 12 Mi-17s to Peru, and 50 T-72s to Nicaragua.",
        &[
            ("36 UH-1Ns", 36.0, "helicopter", y(2009)),
            ("12 Mi-17s", 12.0, "helicopter", y(2009)),
            ("50 T-72s", 50.0, "tank", y(2009)),
        ],
    );
    check(
        "En 2010 Venezuela compró 12 Mi-17 y 4 Mi-8 a Rusia.",
        &[
            ("12 Mi-17", 12.0, "helicóptero", y(2010)),
            ("4 Mi-8", 4.0, "helicóptero", y(2010)),
        ],
    );
    // A noun in the text wins over the family; a family the file does not list keeps the
    // code; a code after a label is still no figure.
    check(
        "The air force fielded 42 UH-1H Huey II and 24 Su-30MK2 fighters.",
        &[
            ("42 UH-1H", 42.0, "helicopter", N),
            ("24 Su-30MK2 fighters", 24.0, "fighter", N),
        ],
    );
    check("Peru bought 8 ZX-9s.", &[("8 ZX-9s", 8.0, "zx-9", N)]);
    assert!(figs("See page 12 AK-47 in the annex.").is_empty());
    // A year before a code is the year of what follows (an attack found "2019 helicopters").
    check(
        "The 2019 Mi-17 crash killed 12 people.",
        &[("12 people", 12.0, "person", N)],
    );
}

#[test]
fn a_name_before_a_number_that_counts_a_plural_is_the_receiver() {
    check(
        "Russia sold Peru 24 helicopters, and Rusia vendió a Nicaragua 50 tanques.",
        &[
            ("24 helicopters", 24.0, "helicopter", N),
            ("50 tanques", 50.0, "tanque", N),
        ],
    );
    // "has" after a number is the verb when a number follows, not hectares.
    check(
        "Barrio 18 has 10,000 members, and the farm has 12 ha of coca.",
        &[
            ("10,000 members", 10000.0, "member", N),
            ("12 ha", 12.0, "hectare", N),
        ],
    );
    // A name with its number stays a name: "Barrio 18", "the Boeing 737 jets".
    assert!(figs("Members of the Barrio 18 gang fled. They flew the Boeing 737 jets.").is_empty());
}

#[test]
fn pounds_of_a_substance_weigh_it() {
    check(
        "Mexico seized 1.3 million pounds of marijuana, and the fine was 2 million pounds.",
        &[
            ("1.3 million pounds", 1.3e6, "pound", N),
            ("2 million pounds", 2e6, "GBP", N),
        ],
    );
}

#[test]
fn a_one_line_text_takes_the_language_of_its_function_words() {
    // Too short for the trigram detector to be sure: "to" settles English.
    check(
        "Russia sold 50 tanks to Nicaragua.",
        &[("50 tanks", 50.0, "tank", N)],
    );
}

#[test]
fn a_table_reads_digit_groups_set_apart_by_spaces_and_a_percent_column() {
    // Spanish and French statistics group digits with spaces; a "Var. %" column holds the
    // change, in percent, dated by the first year its header names.
    let text = "Cuadro 2. Superficie sembrada por región, 2022-2023 (hectáreas)\n\nRegión           2022      2023    Var. % 2023/2022\nNorte          12 410    13 025         5,0\nSur             1 002       998        -0,4\n\nFuente: elaboración propia.";
    check(
        text,
        &[
            ("12 410", 12410.0, "hectare", y(2022)),
            ("13 025", 13025.0, "hectare", y(2023)),
            ("5,0", 5.0, "percent", y(2023)),
            ("1 002", 1002.0, "hectare", y(2022)),
            ("998", 998.0, "hectare", y(2023)),
            ("-0,4", -0.4, "percent", y(2023)),
        ],
    );
    // Single spaces that do not group by threes are not one number.
    let text = "Cuadro 3. Decomisos (toneladas)\n\nRegión      2022\nNorte       12 41\n\nFin.";
    assert!(figs(text).iter().all(|f| f.1 != 1241.0), "{:?}", figs(text));
}

#[test]
fn parallel_items_led_by_the_same_word_share_the_unit() {
    check(
        "La superficie cultivada fue de 23.100 hectáreas en 2016, de 24.500 en 2017 y de 29.400 en 2021.",
        &[
            ("23.100 hectáreas", 23100.0, "hectare", y(2016)),
            ("24.500", 24500.0, "hectare", y(2017)),
            ("29.400", 29400.0, "hectare", y(2021)),
        ],
    );
    check(
        "Por departamento: Nariño, con 28.415 hectáreas; Putumayo, con 15.102, y Bolívar, con 7.934 hectáreas.",
        &[
            ("28.415 hectáreas", 28415.0, "hectare", N),
            ("15.102", 15102.0, "hectare", N),
            ("7.934 hectáreas", 7934.0, "hectare", N),
        ],
    );
    // A qualifier between "a" and the number does not hide the range: "de … a menos de".
    check(
        "La superficie pasó de unas 38.000 hectáreas en 1997 a menos de 7.000 en 2000.",
        &[
            ("38.000 hectáreas", 38000.0, "hectare", y(1997)),
            ("7.000", 7000.0, "hectare", y(2000)),
        ],
    );
    // Different lead words are not parallel: "in 2015" is no item of "of 12 tons".
    check(
        "The unit seized 12 tons of cocaine, in 3 raids.",
        &[("12 tons", 12.0, "tonne", N), ("3 raids", 3.0, "raid", N)],
    );
}

#[test]
fn since_then_dates_from_the_year_named_before() {
    check(
        "The country expelled the DEA in 2008, and since then police have seized 120 tons of cocaine.",
        &[("120 tons", 120.0, "tonne", Year::Range(Some(2008), None))],
    );
    // "desde entonces" as a clause of its own, before the figure's clause.
    check(
        "El presidente rompió con la DEA en 2005 y aseguró que, desde entonces, se han decomisado 250 toneladas.",
        &[(
            "250 toneladas",
            250.0,
            "tonne",
            Year::Range(Some(2005), None),
        )],
    );
    // With no year named before in the sentence, "since then" dates nothing.
    check(
        "Desde entonces se decomisaron 40 toneladas.",
        &[("40 toneladas", 40.0, "tonne", N)],
    );
}
