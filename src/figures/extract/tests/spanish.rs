//! Spanish and Portuguese: decimal and grouping marks by the article's writing, scale words
//! ("mil", "millones", "mil millones", "bilhões"), currencies and their symbols, units with
//! their plurals, counted nouns in the singular in the article's language, qualifiers and
//! year leads. Sentences written for the purpose.

use super::*;

#[test]
fn scale_words_and_currencies_in_spanish() {
    check(
        "El Gobierno recibió 28 millones de dólares y 3,5 mil millones de euros del fondo.",
        &[
            ("28 millones de dólares", 28e6, "USD", N),
            ("3,5 mil millones de euros", 3.5e9, "EUR", N),
        ],
    );
    check(
        "La aduana retuvo 100 mil rifles y un millón de toneladas métricas de carga.",
        &[
            ("100 mil rifles", 1e5, "rifle", N),
            ("un millón de toneladas métricas", 1e6, "tonne", N),
        ],
    );
    check(
        "El préstamo asciende a US$ 45 millones, S/ 1.200 millones y 80 millones de bolivianos.",
        &[
            ("US$ 45 millones", 45e6, "USD", N),
            ("S/ 1.200 millones", 1.2e9, "PEN", N),
            ("80 millones de bolivianos", 80e6, "BOB", N),
        ],
    );
}

#[test]
fn spanish_grouping_dots_and_decimal_commas() {
    check(
        "La policía incautó 11.500 libras de marihuana y 2,75 toneladas de cocaína.",
        &[
            ("11.500 libras", 11_500.0, "pound", N),
            ("2,75 toneladas", 2.75, "tonne", N),
        ],
    );
    // The article writes numbers the other way (Mexican press): "1,500.5" decides.
    let text = "El Ejército destruyó 1,500 plantíos y aseguró 2,350.5 kilos de cocaína.";
    let found = figs(text);
    assert_eq!(found[0].1, 1500.0, "{found:?}");
    assert_eq!(found[1].1, 2350.5, "{found:?}");
}

#[test]
fn pesos_by_adjective_or_country() {
    check(
        "La multa fue de 4.500 millones de pesos chilenos y 300 millones de pesos mexicanos.",
        &[
            ("4.500 millones de pesos chilenos", 4.5e9, "CLP", N),
            ("300 millones de pesos mexicanos", 300e6, "MXN", N),
        ],
    );
    let text = "En Colombia, la Fiscalía incautó bienes por 2.300 millones de pesos.";
    assert_eq!(one(text).2, "COP");
    let text = "Las autoridades de Sinaloa aseguraron 500 mdp en efectivo.";
    let (_, v, u, _) = one(text);
    assert_eq!((v, u.as_str()), (500e6, "MXN"));
}

#[test]
fn counted_nouns_are_spanish_singulars() {
    check(
        "Llegaron 24 helicópteros rusos, 12 aviones y tres camiones con 450 fusiles.",
        &[
            ("24 helicópteros", 24.0, "helicóptero", N),
            ("12 aviones", 12.0, "avión", N),
            ("tres camiones", 3.0, "camión", N),
            ("450 fusiles", 450.0, "fusil", N),
        ],
    );
    check(
        "Fueron detenidos cinco presuntos narcotraficantes y 16 personas más.",
        &[
            (
                "cinco presuntos narcotraficantes",
                5.0,
                "narcotraficante",
                N,
            ),
            ("16 personas", 16.0, "persona", N),
        ],
    );
}

#[test]
fn number_words_in_spanish() {
    check(
        "Murieron treinta y cinco soldados y doscientos cincuenta civiles.",
        &[
            ("treinta y cinco soldados", 35.0, "soldado", N),
            ("doscientos cincuenta civiles", 250.0, "civil", N),
        ],
    );
    let (_, v, u, _) = one("El ejército envió mil soldados a la frontera.");
    assert_eq!((v, u.as_str()), (1000.0, "soldado"));
}

#[test]
fn percentages_rates_and_qualifiers_in_spanish() {
    check(
        "Los homicidios bajaron un 12 por ciento, a 22,4 por cada 100.000 habitantes.",
        &[
            ("12 por ciento", 12.0, "percent", N),
            (
                "22,4 por cada 100.000 habitantes",
                22.4,
                "per 100.000 habitante",
                N,
            ),
        ],
    );
    // Qualifiers, in sentences long enough to be told from Portuguese.
    let q = |t: &str| {
        let text = format!("La policía informó que en la operación {t} en el puerto de la ciudad.");
        extract(&text).into_iter().next().and_then(|f| f.qualifier)
    };
    assert_eq!(
        q("se incautaron más de 3 toneladas"),
        Some("more than".into())
    );
    assert_eq!(q("se incautaron unas 300 armas"), Some("about".into()));
    assert_eq!(
        q("se incautaron cerca de 40 kilos"),
        Some("close to".into())
    );
    let (_, v, u, _) = one("Un kilo de pasta se vende a US$ 2.000 por kilo en la frontera.");
    assert_eq!((v, u.as_str()), (2000.0, "USD/kg"));
}

#[test]
fn spanish_years_and_dates() {
    check(
        "Entre 2006 y 2008 se erradicaron 30.000 hectáreas; desde 2011, otras 90.000 hectáreas.",
        &[
            ("30.000 hectáreas", 30_000.0, "hectare", r(2006, 2008)),
            (
                "90.000 hectáreas",
                90_000.0,
                "hectare",
                Year::Range(Some(2011), None),
            ),
        ],
    );
    check(
        "El 16 de mayo de 2014 la Marina decomisó 2 toneladas de cocaína.",
        &[("2 toneladas", 2.0, "tonne", y(2014))],
    );
    check(
        "La meta es reducir un 30 % los homicidios antes de 2022.",
        &[("30 %", 30.0, "percent", Year::Range(None, Some(2022)))],
    );
}

#[test]
fn portuguese_money_weights_areas_and_percentages() {
    check(
        "A PF apreendeu 2,3 toneladas de cocaína avaliadas em R$ 350 milhões.",
        &[
            ("2,3 toneladas", 2.3, "tonne", N),
            ("R$ 350 milhões", 350e6, "BRL", N),
        ],
    );
    check(
        "O governo investiu R$ 2,5 bilhões e o desmatamento caiu 9,5% em 11.088 km² de floresta.",
        &[
            ("R$ 2,5 bilhões", 2.5e9, "BRL", N),
            ("9,5%", 9.5, "percent", N),
            ("11.088 km²", 11_088.0, "km2", N),
        ],
    );
    check(
        "Foram apreendidos 850 quilos de maconha em 4.500 hectares e o orçamento chegou a R$ 8,4 bi.",
        &[
            ("850 quilos", 850.0, "kg", N),
            ("4.500 hectares", 4500.0, "hectare", N),
            ("R$ 8,4 bi", 8.4e9, "BRL", N),
        ],
    );
}
