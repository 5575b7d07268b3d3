//! A "target vs actual" reading of a series: its points paired by year, so that a chart can
//! show "target 35,000 for 2015 against 31,000 done in 2014" at a glance. A series may hold
//! figures of every kind; this is the one place that puts them side by side.

use std::collections::BTreeMap;

use super::Kind;
use super::series::Point;

/// One year of a series, with the value of each kind the series states for it.
#[derive(Clone, Debug, PartialEq)]
pub struct YearPair {
    pub year: i32,
    /// What was done; the sum when several actual figures give parts of the year ("Q1",
    /// "Q2") would double count a repeated total, so the largest is taken.
    pub actual: Option<f64>,
    pub target: Option<f64>,
    pub forecast: Option<f64>,
    /// Indices into the points given, in their order.
    pub points: Vec<usize>,
}

impl YearPair {
    /// The actual value as a share of the target (1.0 = met), when the year has both.
    pub fn attainment(&self) -> Option<f64> {
        match (self.actual, self.target) {
            (Some(a), Some(t)) if t != 0.0 => Some(a / t),
            _ => None,
        }
    }
}

/// The points of a series paired by year (a range counts for its last year), in year order.
/// When one year has several figures of one kind, the largest is kept (repeats and rounded
/// restatements of one number are common); points without a year are left out.
pub fn target_vs_actual(points: &[Point]) -> Vec<YearPair> {
    let mut years: BTreeMap<i32, YearPair> = BTreeMap::new();
    for (i, p) in points.iter().enumerate() {
        let Some(year) = p.year.key() else {
            continue;
        };
        let pair = years.entry(year).or_insert_with(|| YearPair {
            year,
            actual: None,
            target: None,
            forecast: None,
            points: Vec::new(),
        });
        let slot = match p.kind {
            Kind::Actual => &mut pair.actual,
            Kind::Target => &mut pair.target,
            Kind::Forecast => &mut pair.forecast,
        };
        *slot = Some(slot.map_or(p.value, |v| v.max(p.value)));
        pair.points.push(i);
    }
    years.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::ArticleId;
    use crate::figures::Year;
    use crate::project::FigureId;

    fn point(id: u64, value: f64, year: Year, kind: Kind) -> Point {
        Point {
            figure: FigureId(id),
            article: ArticleId("a.txt".into()),
            start: 0,
            end: 1,
            value,
            year,
            kind,
            label: String::new(),
            text: String::new(),
            sentence: String::new(),
        }
    }

    #[test]
    fn targets_and_results_pair_by_year() {
        let points = [
            point(1, 31_000.0, Year::Point(2014), Kind::Actual),
            point(2, 35_000.0, Year::Point(2015), Kind::Target),
            point(3, 30_000.0, Year::Point(2014), Kind::Target),
            point(
                4,
                40_000.0,
                Year::Range(Some(2015), Some(2016)),
                Kind::Forecast,
            ),
            point(5, 9.0, Year::None, Kind::Actual),
            point(6, 30_500.0, Year::Point(2014), Kind::Actual),
        ];
        let pairs = target_vs_actual(&points);
        assert_eq!(pairs.len(), 3);
        assert_eq!(
            (
                pairs[0].year,
                pairs[0].actual,
                pairs[0].target,
                pairs[0].forecast
            ),
            (2014, Some(31_000.0), Some(30_000.0), None)
        );
        assert_eq!(pairs[0].points, [0, 2, 5]);
        assert!((pairs[0].attainment().expect("both") - 31.0 / 30.0).abs() < 1e-12);
        assert_eq!(
            (pairs[1].year, pairs[1].actual, pairs[1].target),
            (2015, None, Some(35_000.0))
        );
        assert_eq!(pairs[1].attainment(), None);
        assert_eq!((pairs[2].year, pairs[2].forecast), (2016, Some(40_000.0)));
    }
}
