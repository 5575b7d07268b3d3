//! Article metadata on the bundled seeds: every seed gets a real headline as its title (never
//! a menu line such as "All news", a caption or a byline), and the date, outlet and place
//! where the text states them.

use crate::common;

use dossier::corpus::meta::Attr;
use dossier::corpus::{Article, Corpus};

fn seed<'c>(corpus: &'c Corpus, prefix: &str) -> &'c Article {
    corpus
        .articles()
        .iter()
        .find(|a| a.id.as_str().starts_with(prefix))
        .unwrap_or_else(|| panic!("seed {prefix}"))
}

fn value(a: &Option<Attr>) -> Option<&str> {
    a.as_ref().map(|a| a.value.as_str())
}

#[test]
fn every_seed_has_its_headline_as_title() {
    let corpus = common::load_seeds();
    let titles: Vec<(&str, &str)> = corpus
        .articles()
        .iter()
        .map(|a| (&a.id.as_str()[..3], a.title.as_str()))
        .collect();
    assert_eq!(
        titles,
        [
            (
                "000",
                "Russia to help Central American countries train drug police – FSKN chief"
            ),
            (
                "001",
                "Russia is to step up multilateral cooperation in counternarcotics operations in Latin America, in what may also be a play to increase its geopolitical…"
            ),
            (
                "002",
                "Colombia tightens security cooperation with Russia and Sweden"
            ),
            (
                "003",
                "As Russia deepens its military and counternarcotics involvement in Latin America, the United States has to decide whether this represents competition, or…"
            ),
            (
                "004",
                "Armed Forces of Peru and Mexico Cooperate to Fight Organized Crime"
            ),
        ]
    );
    for a in corpus.articles() {
        assert_eq!(value(&a.meta.language), Some("en"), "{}", a.id);
    }
}

#[test]
fn seed_000_is_an_itar_tass_dispatch_from_mexico_city_of_february_23() {
    let corpus = common::load_seeds();
    let a = seed(&corpus, "000");
    assert_eq!(value(&a.meta.outlet), Some("Itar-Tass"));
    assert_eq!(
        a.meta.outlet.as_ref().map(|o| o.source.as_str()),
        Some("dateline agency")
    );
    // The dateline gives no year: the date is a month and day.
    assert_eq!(value(&a.meta.date), Some("--02-23"));
    assert_eq!(value(&a.meta.place), Some("Mexico City"));
    assert_eq!(value(&a.meta.country), Some("Mexico"));
    assert_eq!(a.meta.country_code.as_deref(), Some("MX"));
}

#[test]
fn seed_004_is_by_dialogo_of_april_17_2015() {
    let corpus = common::load_seeds();
    let a = seed(&corpus, "004");
    assert_eq!(value(&a.meta.outlet), Some("Dialogo"));
    assert_eq!(
        a.meta.outlet.as_ref().map(|o| o.source.as_str()),
        Some("byline")
    );
    assert_eq!(value(&a.meta.date), Some("2015-04-17"));
    assert_eq!(a.meta.author, None, "Dialogo is an outlet, not an author");
}

#[test]
fn seeds_without_a_stated_date_or_outlet_get_none() {
    let corpus = common::load_seeds();
    for prefix in ["001", "002", "003"] {
        let a = seed(&corpus, prefix);
        assert_eq!(a.meta.date, None, "{prefix}");
        assert_eq!(a.meta.place, None, "{prefix}");
    }
}

#[test]
fn a_menu_line_repeated_across_an_outlets_articles_is_not_a_title() {
    let dir = common::tempdir();
    let outlet = dir.path().join("agency");
    std::fs::create_dir(&outlet).expect("mkdir");
    for (i, headline) in [
        "Coca area falls in Peru",
        "Bolivia expels drug agents",
        "Navy seizes cocaine boat",
    ]
    .iter()
    .enumerate()
    {
        let text = format!(
            "Lo último de la agencia\n\n{headline}\n\nLIMA, 3 de marzo (Andina) – El texto de la noticia número {i} sigue aquí.\n"
        );
        std::fs::write(outlet.join(format!("{i}.txt")), text).expect("write");
    }
    let (corpus, _) = common::load(dir.path());
    let titles: Vec<&str> = corpus.articles().iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Coca area falls in Peru",
            "Bolivia expels drug agents",
            "Navy seizes cocaine boat"
        ]
    );
    for a in corpus.articles() {
        assert_eq!(value(&a.meta.outlet), Some("Andina"));
        assert_eq!(value(&a.meta.date), Some("--03-03"));
        assert_eq!(value(&a.meta.country), Some("Peru"));
    }
}

/// `dossier figures` loads with `Metadata::DateAndLanguage` (issue 16: the title, outlet and
/// author cost most of a load and figures read none of them): each article gets the date and
/// language a full load gives it, so the same figures, on the seeds and on every source format
/// (whose files state dates and languages of their own).
#[test]
fn a_load_for_figures_finds_the_same_dates_languages_and_figures() {
    use dossier::corpus::{LoadOptions, Metadata};
    use dossier::figures::extract_article;
    let sources = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sources");
    for dir in [common::seeds_dir(), sources] {
        let load = |metadata| {
            let options = LoadOptions {
                metadata,
                ..LoadOptions::default()
            };
            common::load_with(&dir, &options).0
        };
        let (full, light) = (load(Metadata::All), load(Metadata::DateAndLanguage));
        assert_eq!(full.len(), light.len());
        let (mut dated, mut figures) = (0, 0);
        for (a, b) in full.articles().iter().zip(light.articles()) {
            assert_eq!(a.id, b.id);
            assert_eq!(a.meta.date, b.meta.date, "{}", a.id);
            assert_eq!(a.meta.language, b.meta.language, "{}", a.id);
            assert!(b.meta.title.is_none() && b.meta.outlet.is_none() && b.meta.author.is_none());
            let extracted = extract_article(a);
            assert_eq!(extracted, extract_article(b), "{}", a.id);
            dated += usize::from(a.meta.date.is_some());
            figures += extracted.len();
        }
        assert!(
            dated > 0 && figures > 0,
            "{}: {dated} dated, {figures}",
            dir.display()
        );
    }
}

/// A date that opens a paragraph-long first line is the article's date, wherever the line
/// ends; a date inside such a paragraph is not (it is what the story says, not when).
#[test]
fn a_date_opening_a_long_first_paragraph_dates_the_article() {
    use dossier::corpus::formats::SourceMeta;
    use std::collections::HashSet;
    let long = "the ministry said the teams would work in rotations of forty days ".repeat(40);
    let opening = format!("Headline of the story here\n\n17 April 2015 {long}\n");
    let d = dossier::corpus::meta::detect(&opening, &SourceMeta::default(), None, &HashSet::new());
    assert_eq!(value(&d.date), Some("2015-04-17"));
    let inside = format!("Headline of the story here\n\nOn Friday {long} on 17 April 2015.\n");
    let d = dossier::corpus::meta::detect(&inside, &SourceMeta::default(), None, &HashSet::new());
    assert_eq!(value(&d.date), None);
}
