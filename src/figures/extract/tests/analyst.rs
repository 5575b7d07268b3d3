//! What the analyst sees besides value and unit: kinds, context counts, repeats, inferred
//! years, datelines, and the error classes of unseen text named in issue 12 (dashes, lists
//! stating a unit once, rates, adjectives and model codes, headlines, spans). Sentences
//! written for the purpose.

use super::*;

#[test]
fn targets_forecasts_and_results() {
    let k = kinds(
        "The ministry's goal is to destroy 4,000 labs in 2019, after police destroyed 3,100 labs in 2018.",
    );
    assert_eq!(
        k,
        [
            ("4,000 labs".into(), Kind::Target),
            ("3,100 labs".into(), Kind::Actual)
        ]
    );
    let k = kinds("Experts expect exports to reach $3 billion by 2025.");
    assert_eq!(k, [("$3 billion".into(), Kind::Forecast)]);
    let k = kinds("Brazil will send 200 troops and would buy 12 radars.");
    assert_eq!(
        k,
        [
            ("200 troops".into(), Kind::Target),
            ("12 radars".into(), Kind::Target)
        ]
    );
    let k = kinds("Sales will reach $2 billion next year.");
    assert_eq!(k, [("$2 billion".into(), Kind::Forecast)]);
    // A cue right after the figure.
    let k = kinds("In 2020, 35,000 hectares is the goal.");
    assert_eq!(k, [("35,000 hectares".into(), Kind::Target)]);
    // A past verb ends the reach of a cue; what might have been is no forecast.
    let k = kinds("Under the plan, agents seized 5 tons and could have seized 8 tons.");
    assert_eq!(
        k,
        [
            ("5 tons".into(), Kind::Actual),
            ("8 tons".into(), Kind::Actual)
        ]
    );
    // A list keeps the kind of its first member.
    let k = kinds("Russia will deliver 12 helicopters, 40 tanks and 300 rifles.");
    assert!(k.iter().all(|(_, kind)| *kind == Kind::Target), "{k:?}");
}

#[test]
fn targets_and_forecasts_in_spanish() {
    let k = kinds("Para 2019 la meta es erradicar 25.000 hectáreas, frente a las 23.000 de 2018.");
    assert_eq!(k[0], ("25.000 hectáreas".into(), Kind::Target));
    let k = kinds("El Gobierno invertirá 300 millones de soles en la frontera durante el año.");
    assert_eq!(k, [("300 millones de soles".into(), Kind::Target)]);
    let k = kinds("Según el ministerio, el consumo podría bajar un 5 % en los próximos tres años.");
    assert_eq!(
        k,
        [
            ("5 %".into(), Kind::Forecast),
            ("tres años".into(), Kind::Forecast)
        ]
    );
}

#[test]
fn counts_of_parties_named_before_are_context() {
    let tier = |t: &str| -> Vec<(String, Tier)> {
        extract(t).into_iter().map(|f| (f.text, f.tier)).collect()
    };
    assert_eq!(
        tier("The two presidents met, and both governments pledged 300 officers."),
        [
            ("two presidents".into(), Tier::Context),
            ("300 officers".into(), Tier::Core)
        ]
    );
    assert_eq!(
        tier("Agents from seven countries trained with the three ministries."),
        [
            ("seven countries".into(), Tier::Core),
            ("three ministries".into(), Tier::Context)
        ]
    );
    assert_eq!(
        tier("Los dos gobiernos acordaron enviar 3.000 soldados a la frontera común."),
        [
            ("dos gobiernos".into(), Tier::Context),
            ("3.000 soldados".into(), Tier::Core)
        ]
    );
}

#[test]
fn figures_in_a_repeated_body_are_repeats() {
    let body = "The navy seized 4 tons of cocaine off the coast in March. Two vessels were stopped near the border and 12 crew members were arrested by the coast guard.";
    let text = format!("Navy seizure\n\n{body}\n\nRelated stories\n\n{body}\n");
    let found = extract(&text);
    assert_eq!(found.len(), 6, "{found:?}");
    let repeats: Vec<bool> = found.iter().map(|f| f.repeat).collect();
    assert_eq!(repeats, [false, false, false, true, true, true]);
    assert_eq!(found[0].value, found[3].value);
}

#[test]
fn years_inferred_from_the_article_date_and_the_sentence_before() {
    let text = "LIMA, March 3, 2016\n\nPolice seized 7 tons of cocaine last year. In 2012 the navy sank 14 boats. That year, agents also burned 300 labs. On Tuesday, customs found 2 tons.";
    let found = extract(text);
    let get = |t: &str| {
        found
            .iter()
            .find(|f| f.text == t)
            .map(|f| (f.year, f.year_inferred))
            .unwrap_or_else(|| panic!("{t} in {found:?}"))
    };
    assert_eq!(get("7 tons"), (N, y(2015)));
    assert_eq!(get("14 boats"), (y(2012), N));
    assert_eq!(get("300 labs"), (N, y(2012)));
    assert_eq!(get("2 tons"), (N, y(2016)));
    // A date given from elsewhere (metadata) wins over the text's.
    let found = extract_with(text, &TextIndex::new(text), Some((2018, Some(1))));
    assert_eq!(found[0].year_inferred, y(2017));
    // Spanish: "el año pasado".
    let text = "BOGOTÁ, 12 de agosto de 2019 (EFE).\n\nEl año pasado la policía incautó 210 toneladas de cocaína en los puertos del país.";
    let f = &extract(text)[0];
    assert_eq!((f.year, f.year_inferred), (N, y(2018)));
}

#[test]
fn a_dateline_dates_its_sentence() {
    check(
        "WASHINGTON, June 3, 2019 – The department approved $75 million for the program.",
        &[("$75 million", 75e6, "USD", y(2019))],
    );
    // A year the sentence names itself wins over the dateline's.
    check(
        "LIMA, June 3, 2019 – Peru eradicated 23,000 hectares in 2017.",
        &[("23,000 hectares", 23_000.0, "hectare", y(2017))],
    );
}

#[test]
fn a_unit_before_a_dash_is_shared_by_its_range() {
    check(
        "Growers planted 8,000 to 11,000 hectares—a shift that worried officials.",
        &[
            ("8,000", 8000.0, "hectare", N),
            ("11,000 hectares", 11_000.0, "hectare", N),
        ],
    );
    check(
        "Seizures reached 300 tons–the most in years.",
        &[("300 tons", 300.0, "tonne", N)],
    );
}

#[test]
fn a_list_that_states_its_unit_once() {
    check(
        "Cultivation grew from 2000 ha in 1990, to 6500 ha in 2000, to 9,100 in 2010.",
        &[
            ("2000 ha", 2000.0, "hectare", y(1990)),
            ("6500 ha", 6500.0, "hectare", y(2000)),
            ("9,100", 9100.0, "hectare", y(2010)),
        ],
    );
    check(
        "Police arrested 410 people in 2019 and 380 in 2020.",
        &[
            ("410 people", 410.0, "person", y(2019)),
            ("380", 380.0, "person", y(2020)),
        ],
    );
    check(
        "They found 12 tons of marijuana and 3 of cocaine.",
        &[("12 tons", 12.0, "tonne", N), ("3", 3.0, "tonne", N)],
    );
}

#[test]
fn prices_per_unit() {
    check(
        "Coca paste sells for $900/kilo, gasoline for $4 a gallon and land for US$ 2,500 per hectare.",
        &[
            ("$900/kilo", 900.0, "USD/kg", N),
            ("$4 a gallon", 4.0, "USD/gallon", N),
            ("US$ 2,500 per hectare", 2500.0, "USD/hectare", N),
        ],
    );
}

#[test]
fn adjectives_before_units_and_model_codes_before_nouns() {
    check(
        "Agents seized 450 pure metric tons and 2.5 refined tons of cocaine.",
        &[
            ("450 pure metric tons", 450.0, "tonne", N),
            ("2.5 refined tons", 2.5, "tonne", N),
        ],
    );
    check(
        "The army got 8 UH-1Hs, 10 AW-139 utility helicopters and 6 C-130J transport aircraft.",
        &[
            ("8 UH-1Hs", 8.0, "helicopter", N),
            ("10 AW-139 utility helicopters", 10.0, "helicopter", N),
            ("6 C-130J transport aircraft", 6.0, "aircraft", N),
        ],
    );
    check(
        "Chile flies 12 Super Pumas and 4 Bell 412s.",
        &[
            ("12 Super Pumas", 12.0, "super puma", N),
            ("4 Bell 412s", 4.0, "helicopter", N),
        ],
    );
}

#[test]
fn headlines_in_title_case_and_money_in_words() {
    check(
        "Eleven Mexican Police Officers Arrested in Sting",
        &[("Eleven Mexican Police Officers", 11.0, "officer", N)],
    );
    check(
        "Three Hundred and Twelve Million Euros Pledged for Border",
        &[("Three Hundred and Twelve Million Euros", 312e6, "EUR", N)],
    );
}

#[test]
fn a_change_since_a_year_dates_its_start_not_its_end() {
    check(
        "Since 2015, production has fallen from 410 to 380 tons a year.",
        &[
            ("410", 410.0, "tonne", y(2015)),
            ("380 tons", 380.0, "tonne", N),
        ],
    );
}

#[test]
fn the_context_of_a_long_sentence_is_a_window() {
    let filler = "and the officials of the ministry met the governors of the provinces ".repeat(20);
    let text = format!("Police seized 4 tons of cocaine {filler}in a long meeting.");
    let f = &extract(&text)[0];
    let len = f.sentence.1 - f.sentence.0;
    assert!(len <= 2 * CONTEXT_CHARS + 20, "{len}");
    assert!(f.sentence.0 <= f.start && f.end <= f.sentence.1);
    let short = "Police seized 4 tons.";
    assert_eq!(extract(short)[0].sentence, (0, short.chars().count()));
}
