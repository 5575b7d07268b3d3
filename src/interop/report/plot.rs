//! A series as an inline SVG plot: value against year, one circle per point (filled: actual;
//! hollow: target; dashed: forecast), a line through the actual values, and axes with round
//! ticks. Points without a year sit in a "no year" column at the right.

use std::fmt::Write;

use super::escape::text;
use crate::figure_types::Kind;
use crate::figures::series::{Point, format_value, unit_label};
use crate::project::Series;

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 280.0;
const LEFT: f64 = 78.0;
const RIGHT: f64 = 24.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 40.0;

/// The x positions of the points: by year, and one column after the last year for points
/// without one. Returns the years shown on the axis with their positions too.
struct XScale {
    first: i32,
    last: i32,
    /// Is there a "no year" column?
    undated: bool,
}

impl XScale {
    fn of(points: &[Point]) -> Self {
        let years: Vec<i32> = points.iter().filter_map(|p| p.year.key()).collect();
        let (first, last) = match (years.iter().min(), years.iter().max()) {
            (Some(a), Some(b)) => (*a, *b),
            _ => (0, 0),
        };
        Self {
            first,
            last,
            undated: points.iter().any(|p| p.year.key().is_none()),
        }
    }

    /// Slots from the first year to the last (plus the "no year" column), at least two.
    fn slots(&self) -> f64 {
        let years = f64::from(self.last - self.first) + 1.0;
        (years + if self.undated { 1.0 } else { 0.0 }).max(2.0)
    }

    fn x_of_slot(&self, slot: f64) -> f64 {
        let inner = WIDTH - LEFT - RIGHT;
        LEFT + inner * (slot + 0.5) / self.slots()
    }

    fn x(&self, year: Option<i32>) -> f64 {
        match year {
            Some(y) => self.x_of_slot(f64::from(y - self.first)),
            None => self.x_of_slot(self.slots() - 1.0),
        }
    }
}

/// A round step for about `count` ticks over `span`: 1, 2 or 5 times a power of ten.
fn nice_step(span: f64, count: f64) -> f64 {
    if !(span.is_finite() && span > 0.0) {
        return 1.0;
    }
    let raw = span / count;
    let power = 10f64.powf(raw.log10().floor());
    let fraction = raw / power;
    let nice = if fraction <= 1.0 {
        1.0
    } else if fraction <= 2.0 {
        2.0
    } else if fraction <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * power
}

/// The value axis: from 0 (or the lowest negative value) to the highest value, on round ticks.
struct YScale {
    low: f64,
    high: f64,
    step: f64,
}

impl YScale {
    fn of(points: &[Point]) -> Self {
        let values = points.iter().map(|p| p.value).filter(|v| v.is_finite());
        let (min, max) = values.fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
        let step = nice_step(max - min, 4.0);
        let low = (min / step).floor() * step;
        let high = ((max / step).ceil() * step).max(low + step);
        Self { low, high, step }
    }

    fn y(&self, value: f64) -> f64 {
        let inner = HEIGHT - TOP - BOTTOM;
        let v = if value.is_finite() { value } else { self.low };
        TOP + inner * (1.0 - (v - self.low) / (self.high - self.low))
    }
}

/// The plot of `series` (its points as [`crate::figures::series::points`] gives them).
pub fn series_svg(series: &Series, points: &[Point]) -> String {
    let colour = series.color.to_hex();
    let xs = XScale::of(points);
    let ys = YScale::of(points);
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="series-plot" xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{}"><title>{}</title>"#,
        text(&series.name),
        text(&format!("{} ({})", series.name, unit_label(&series.unit))),
    );
    axes(&mut svg, &xs, &ys, &series.unit);
    // The line through the actual values that have a year, in year order.
    let line: Vec<String> = points
        .iter()
        .filter(|p| p.kind == Kind::Actual && p.year.key().is_some() && p.value.is_finite())
        .map(|p| format!("{:.1},{:.1}", xs.x(p.year.key()), ys.y(p.value)))
        .collect();
    if line.len() > 1 {
        let _ = write!(
            svg,
            r#"<polyline class="series-line" fill="none" stroke="{colour}" stroke-width="2" points="{}"/>"#,
            line.join(" ")
        );
    }
    for p in points {
        let (fill, dash) = match p.kind {
            Kind::Actual => (colour.as_str(), ""),
            Kind::Target => ("#ffffff", ""),
            Kind::Forecast => ("#ffffff", r#" stroke-dasharray="2 2""#),
        };
        let _ = write!(
            svg,
            r#"<circle class="point" data-kind="{}" cx="{:.1}" cy="{:.1}" r="5" fill="{fill}" stroke="{colour}" stroke-width="2"{dash}><title>{}</title></circle>"#,
            p.kind.as_str(),
            xs.x(p.year.key()),
            ys.y(p.value),
            text(&format!(
                "{}: {} {} ({}) — {}",
                if p.year.is_none() {
                    "no year".to_owned()
                } else {
                    p.year.to_string()
                },
                format_value(p.value),
                unit_label(&series.unit),
                p.kind.as_str(),
                p.label
            )),
        );
    }
    svg.push_str("</svg>");
    svg
}

/// The axes, their ticks and labels.
fn axes(svg: &mut String, xs: &XScale, ys: &YScale, unit: &str) {
    let (bottom, right) = (HEIGHT - BOTTOM, WIDTH - RIGHT);
    let _ = write!(
        svg,
        r##"<g class="axes" stroke="#888" stroke-width="1"><line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{bottom}"/><line x1="{LEFT}" y1="{bottom}" x2="{right}" y2="{bottom}"/></g><g class="ticks" font-family="sans-serif" font-size="11" fill="#444">"##
    );
    let ticks = ((ys.high - ys.low) / ys.step).round() as i64;
    for i in 0..=ticks.clamp(0, 20) {
        let v = ys.low + ys.step * i as f64;
        let y = ys.y(v);
        let _ = write!(
            svg,
            r##"<line x1="{LEFT}" y1="{y:.1}" x2="{right}" y2="{y:.1}" stroke="#ddd"/><text x="{:.1}" y="{:.1}" text-anchor="end">{}</text>"##,
            LEFT - 6.0,
            y + 4.0,
            text(&format_value(v))
        );
    }
    if xs.first != 0 || xs.last != 0 {
        let span = xs.last - xs.first;
        let every = (span / 10 + 1).max(1);
        for year in (xs.first..=xs.last).step_by(usize::try_from(every).unwrap_or(1)) {
            let _ = write!(
                svg,
                r#"<text x="{:.1}" y="{:.1}" text-anchor="middle">{year}</text>"#,
                xs.x(Some(year)),
                bottom + 16.0
            );
        }
    }
    if xs.undated {
        let _ = write!(
            svg,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="middle">no year</text>"#,
            xs.x(None),
            bottom + 16.0
        );
    }
    let _ = write!(
        svg,
        r#"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-style="italic">{}</text></g>"#,
        (LEFT + right) / 2.0,
        HEIGHT - 6.0,
        text(&unit_label(unit))
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_round() {
        assert_eq!(nice_step(35_000.0, 4.0), 10_000.0);
        assert_eq!(nice_step(7.0, 4.0), 2.0);
        assert_eq!(nice_step(0.0, 4.0), 1.0);
        assert_eq!(nice_step(f64::NAN, 4.0), 1.0);
    }
}
