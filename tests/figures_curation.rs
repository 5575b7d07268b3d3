//! Curating figures on the seeds: accepting, rejecting, correcting value, unit, year or kind
//! (and keeping corrections when the extraction runs again and the project is saved), series
//! holding targets and results, suggestions, the table's hidden rows, and CSV export.

use crate::common;

use std::collections::BTreeMap;

use dossier::corpus::{ArticleId, Corpus};
use dossier::figures::curate::{self, Correction, CurateError};
use dossier::figures::curation::{FigureRow, RowStatus, merge};
use dossier::figures::series::{points, suggest, write_csv};
use dossier::figures::{Figure, Year, extract_article};
use dossier::project::{Edit, FigureStatus, History, Project, Rgb, Timestamp};

fn extracted(corpus: &Corpus) -> BTreeMap<ArticleId, Vec<Figure>> {
    corpus
        .articles()
        .iter()
        .map(|a| (a.id.clone(), extract_article(a)))
        .collect()
}

fn row<'a>(rows: &'a [FigureRow], text: &str) -> &'a FigureRow {
    rows.iter()
        .find(|r| r.figure.text == text)
        .unwrap_or_else(|| panic!("no row {text}"))
}

struct Setup {
    corpus: Corpus,
    figures: BTreeMap<ArticleId, Vec<Figure>>,
    project: Project,
    history: History,
}

impl Setup {
    fn new() -> Self {
        let corpus = common::load_seeds();
        let figures = extracted(&corpus);
        Self {
            corpus,
            figures,
            project: Project::default(),
            history: History::saved(),
        }
    }

    fn rows(&self) -> Vec<FigureRow> {
        merge(&self.figures, &self.project, &self.corpus)
    }

    fn apply(&mut self, edit: Edit) {
        self.history
            .apply(&mut self.project, edit)
            .expect("edit applies");
    }
}

#[test]
fn accept_reject_and_unreview_are_undoable() {
    let mut s = Setup::new();
    let rows = s.rows();
    assert!(rows.iter().all(|r| r.status == RowStatus::Unreviewed));
    let now = Timestamp::from_unix(0);
    let picked = [
        row(&rows, "$406 million"),
        row(&rows, "24 Russian helicopters"),
    ];
    let edit = curate::set_status(
        &s.project,
        &s.corpus,
        &picked,
        Some(FigureStatus::Accepted),
        &now,
    )
    .expect("edit");
    s.apply(edit);
    let rows = s.rows();
    assert_eq!(row(&rows, "$406 million").status, RowStatus::Accepted);
    assert_eq!(
        row(&rows, "24 Russian helicopters").status,
        RowStatus::Accepted
    );
    assert_eq!(s.project.figures.len(), 2);

    let edit = curate::set_status(
        &s.project,
        &s.corpus,
        &[row(&rows, "$406 million")],
        Some(FigureStatus::Rejected),
        &now,
    )
    .expect("edit");
    s.apply(edit);
    assert_eq!(row(&s.rows(), "$406 million").status, RowStatus::Rejected);

    let rows = s.rows();
    let edit = curate::set_status(
        &s.project,
        &s.corpus,
        &[row(&rows, "$406 million")],
        None,
        &now,
    )
    .expect("edit");
    s.apply(edit);
    assert_eq!(row(&s.rows(), "$406 million").status, RowStatus::Unreviewed);
    assert_eq!(
        s.project.figures.len(),
        1,
        "an unreviewed figure needs no record"
    );

    s.history.undo(&mut s.project).expect("undo");
    assert_eq!(row(&s.rows(), "$406 million").status, RowStatus::Rejected);
    s.history.undo(&mut s.project).expect("undo");
    s.history.undo(&mut s.project).expect("undo");
    assert!(s.project.figures.is_empty());
}

#[test]
fn corrections_survive_re_extraction() {
    let mut s = Setup::new();
    let rows = s.rows();
    let target = row(&rows, "$16 billion").clone();
    let correction = Correction {
        value: 16e9,
        unit: "USD".into(),
        year: Year::Point(2012),
        kind: dossier::figures::Kind::Actual,
        label: "Russian energy investment in Venezuela".into(),
    };
    let edit = curate::correct(
        &s.project,
        &s.corpus,
        &target,
        &correction,
        &Timestamp::from_unix(0),
    )
    .expect("edit");
    s.apply(edit);
    // Extract again from scratch, as after reopening the project: the correction is applied.
    s.figures = extracted(&s.corpus);
    let rows = s.rows();
    let r = row(&rows, "$16 billion");
    assert_eq!(r.figure.year, Year::Point(2012));
    assert_eq!(r.label, "Russian energy investment in Venezuela");
    assert!(r.corrected);
    assert_eq!(r.status, RowStatus::Accepted);
    let record = s.project.figures.values().next().expect("record");
    assert_eq!(
        record.extracted.as_ref().map(|e| e.year),
        Some(Year::None),
        "the extractor's reading is kept"
    );
    // A curated figure the extractor no longer finds is still listed.
    s.figures.clear();
    let rows = s.rows();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].figure.text, "$16 billion");
    assert_eq!(rows[0].figure.year, Year::Point(2012));
}

#[test]
fn series_need_one_unit_and_plot_by_year() {
    let mut s = Setup::new();
    let rows = s.rows();
    let now = Timestamp::from_unix(0);
    let mixed = [row(&rows, "$5.4 billion"), row(&rows, "900 percent")];
    assert!(matches!(
        curate::new_series(&s.project, &s.corpus, &mixed, "Arms", Rgb([0, 0, 0]), &now),
        Err(CurateError::MixedUnits(_))
    ));
    let money = [
        row(&rows, "$5.4 billion"),
        row(&rows, "$4.4 billion"),
        row(&rows, "$406 million"),
    ];
    let edit = curate::new_series(
        &s.project,
        &s.corpus,
        &money,
        "Russian arms sales (USD)",
        Rgb([1, 2, 3]),
        &now,
    )
    .expect("edit");
    s.apply(edit);
    let series = &s.project.series[0];
    assert_eq!(series.unit, "USD");
    let pts = points(&s.project, &s.corpus, series);
    let got: Vec<(f64, Year)> = pts.iter().map(|p| (p.value, p.year)).collect();
    assert_eq!(
        got,
        vec![
            (4.4e9, Year::Range(Some(2005), Some(2007))),
            (5.4e9, Year::Point(2009)),
            (406e6, Year::None),
        ],
        "by year, undated last"
    );
    assert!(pts[1].sentence.starts_with("In 2009 Russia took"));
    // Adding a figure of another unit is refused; of the same unit, accepted.
    let rows = s.rows();
    let id = s.project.series[0].id;
    assert!(matches!(
        curate::add_to_series(&s.project, &s.corpus, &[row(&rows, "1.2 tons")], id, &now),
        Err(CurateError::WrongUnit { .. })
    ));
    let edit = curate::add_to_series(
        &s.project,
        &s.corpus,
        &[row(&rows, "$10 billion")],
        id,
        &now,
    )
    .expect("edit");
    s.apply(edit);
    assert_eq!(s.project.series[0].figures.len(), 4);
    // The CSV has a header and one row per point, quoted where needed.
    let mut csv = Vec::new();
    write_csv(
        &s.project.series[0],
        &points(&s.project, &s.corpus, &s.project.series[0]),
        &mut csv,
    )
    .expect("csv");
    let mut reader = csv::Reader::from_reader(csv.as_slice());
    assert_eq!(reader.headers().expect("header").get(1), Some("year"));
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(records.len(), 4);
    assert_eq!(&records[0][1], "2005–2007");
    assert_eq!(&records[0][2], "4400000000");
    assert!(records[1][9].contains("$5.4 billion"));
}

#[test]
fn a_missed_figure_can_be_added_from_a_selection() {
    let mut s = Setup::new();
    let article = s.corpus.articles()[4].clone();
    // "the seventh Cabinet" is an ordinal the extractor skips; the analyst adds it anyway.
    let byte = article.text.find("seventh Cabinet").expect("phrase");
    let start = article.char_of(byte).expect("boundary");
    let err = curate::manual_figure(
        &s.project,
        &article,
        start,
        start + 7,
        &Timestamp::from_unix(0),
    );
    assert_eq!(err, Err(CurateError::NoNumber));
    let byte = article.text.find("35,000 hectares").expect("phrase");
    let start = article.char_of(byte).expect("boundary");
    let edit = curate::manual_figure(
        &s.project,
        &article,
        start,
        start + 6,
        &Timestamp::from_unix(0),
    )
    .expect("edit");
    s.apply(edit);
    let f = s.project.figures.values().next().expect("figure");
    assert!(f.manual);
    assert_eq!(
        (f.value, f.unit.as_str(), f.year),
        (35_000.0, "hectare", Year::Point(2015))
    );
    assert_eq!(f.quote, "35,000");
}

#[test]
fn suggestions_group_figures_that_measure_the_same_thing() {
    let s = Setup::new();
    let rows = s.rows();
    let sentence = |r: &FigureRow| {
        s.corpus
            .get(&r.key.article)
            .and_then(|a| a.slice(r.figure.sentence.0, r.figure.sentence.1))
            .map(|t| dossier::figures::series::context_words(t, &r.figure.text))
            .unwrap_or_default()
    };
    let found = suggest(&rows, sentence);

    let coca = found
        .iter()
        .find(|g| g.unit == "hectare")
        .expect("the two eradication figures are suggested together");
    let mut values: Vec<f64> = coca.rows.iter().map(|&i| rows[i].figure.value).collect();
    values.sort_by(f64::total_cmp);
    assert_eq!(
        values,
        vec![31_000.0, 35_000.0],
        "repeated paragraphs do not repeat points"
    );
    assert!(coca.name.contains("coca"), "{}", coca.name);
    assert!(found.iter().all(|g| g.rows.len() >= 2));
    assert!(
        found
            .iter()
            .all(|g| !matches!(g.unit.as_str(), "year" | "century" | ""))
    );
}

#[test]
fn kind_corrections_survive_re_extraction_and_saving() {
    use dossier::figures::Kind;
    let mut s = Setup::new();
    let rows = s.rows();
    let forecast = row(&rows, "$10 billion").clone();
    assert_eq!(forecast.figure.kind, Kind::Forecast);
    let to = Correction {
        value: forecast.figure.value,
        unit: forecast.figure.unit.clone(),
        year: forecast.figure.year,
        kind: Kind::Target,
        label: String::new(),
    };
    let now = Timestamp::from_unix(0);
    s.apply(curate::correct(&s.project, &s.corpus, &forecast, &to, &now).expect("edit"));
    // Accepting another figure as it is keeps it actual.
    let accepted = row(&rows, "$406 million").clone();
    s.apply(
        curate::set_status(
            &s.project,
            &s.corpus,
            &[&accepted],
            Some(FigureStatus::Accepted),
            &now,
        )
        .expect("edit"),
    );
    s.figures = extracted(&s.corpus);
    let rows = s.rows();
    let r = row(&rows, "$10 billion");
    assert_eq!(r.figure.kind, Kind::Target);
    assert!(r.corrected, "a changed kind is a correction");
    // Saved and opened again: the kind is kept; an actual figure writes no "kind" at all, as
    // files written before kinds existed.
    let dir = common::tempdir();
    let path = dir.path().join("p.json");
    dossier::project::io::save(&s.project, &path).expect("save");
    let json = std::fs::read_to_string(&path).expect("read");
    assert_eq!(json.matches("\"kind\": \"target\"").count(), 1, "{json}");
    assert_eq!(
        json.matches("\"kind\": \"forecast\"").count(),
        1,
        "the extractor's reading"
    );
    assert!(!json.contains("\"actual\""), "{json}");
    let opened = dossier::project::io::open(&path).expect("open");
    assert_eq!(opened.project, s.project);
}

#[test]
fn a_series_holds_targets_and_results_paired_by_year() {
    use dossier::figures::Kind;
    use dossier::figures::pairing::target_vs_actual;
    let mut s = Setup::new();
    let rows = s.rows();
    let now = Timestamp::from_unix(0);
    let pick = [row(&rows, "35,000 hectares"), row(&rows, "31,000 hectares")];
    let edit = curate::new_series(
        &s.project,
        &s.corpus,
        &pick,
        "Coca eradication",
        Rgb([0, 0, 0]),
        &now,
    )
    .expect("one unit");
    s.apply(edit);
    let series = s.project.series.first().expect("series").clone();
    let pts = points(&s.project, &s.corpus, &series);
    let kinds: Vec<(Year, Kind)> = pts.iter().map(|p| (p.year, p.kind)).collect();
    assert_eq!(
        kinds,
        [
            (Year::Point(2014), Kind::Actual),
            (Year::Point(2015), Kind::Target)
        ]
    );
    let pairs = target_vs_actual(&pts);
    assert_eq!(
        pairs
            .iter()
            .map(|p| (p.year, p.actual, p.target))
            .collect::<Vec<_>>(),
        [(2014, Some(31_000.0), None), (2015, None, Some(35_000.0))]
    );
    let mut csv = Vec::new();
    write_csv(&series, &pts, &mut csv).expect("csv");
    let csv = String::from_utf8(csv).expect("utf8");
    assert!(
        csv.lines().next().is_some_and(|h| h.ends_with(",kind")),
        "{csv}"
    );
    assert!(
        csv.contains(",target\n") && csv.contains(",actual\n"),
        "{csv}"
    );
}

#[test]
fn the_table_hides_context_counts_and_repeats_unless_asked() {
    use dossier::figures::Tier;
    use dossier::figures::curation::FigureFilter;
    let s = Setup::new();
    let rows = s.rows();
    let context = rows
        .iter()
        .filter(|r| r.figure.tier == Tier::Context)
        .count();
    let repeats = rows.iter().filter(|r| r.figure.repeat).count();
    assert!(
        context > 0 && repeats > 0,
        "{context} context counts, {repeats} repeats"
    );
    let shown = |f: &FigureFilter| rows.iter().filter(|r| f.matches(r, "")).count();
    let default = FigureFilter::default();
    let hidden = rows
        .iter()
        .filter(|r| r.figure.tier == Tier::Context || r.figure.repeat)
        .count();
    assert_eq!(shown(&default), rows.len() - hidden);
    let all = FigureFilter {
        show_context: true,
        show_repeats: true,
        ..FigureFilter::default()
    };
    assert_eq!(shown(&all), rows.len());
}
