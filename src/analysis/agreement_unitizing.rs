//! Krippendorff's unitizing α (αu) for one category (a theme) on one continuum (the compared
//! articles laid end to end), as defined in Krippendorff (2004), *Content Analysis*, 2nd ed.,
//! section 12.4, and implemented by DKPro Statistics (which INCEpTION uses). Each coder's units
//! of the category cut the continuum into units and gaps; the observed disagreement sums the
//! squared boundary differences of overlapping units (or the squared length of a unit that
//! lies wholly inside the other coder's gap); the expected disagreement is that of all
//! placements of the same units in the same gaps. docs/agreement.md states the formulas.
//!
//! Time: O(R² · U + U · log U) for R coders and U units; the continuum's length is a number,
//! never a loop bound. The sums are exact integers (u128) until the final division.

/// One coder's units as half-open code point ranges `(start, end)` on the continuum.
pub type Units = Vec<(u64, u64)>;

/// The observed and expected disagreement of one category: αu = 1 − observed / expected, and
/// the α over several categories is 1 − Σ observed / Σ expected.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Disagreement {
    pub observed: f64,
    pub expected: f64,
}

impl Disagreement {
    pub fn alpha(self) -> Option<f64> {
        (self.expected > 0.0).then(|| 1.0 - self.observed / self.expected)
    }

    pub fn add(&mut self, other: Self) {
        self.observed += other.observed;
        self.expected += other.expected;
    }
}

/// A stretch of one coder's partition of the continuum: a unit or a gap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Segment {
    start: u64,
    len: u64,
    unit: bool,
}

/// Sort, clip to `length` and join overlapping units (a coder's units of one category may not
/// overlap); touching units stay two units.
pub fn normalise(mut units: Units, length: u64) -> Units {
    units.retain_mut(|(s, e)| {
        *e = (*e).min(length);
        s < e
    });
    units.sort_unstable();
    let mut out: Units = Vec::with_capacity(units.len());
    for (s, e) in units {
        match out.last_mut() {
            Some(last) if s < last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// The partition of `0..length` into the coder's units and the gaps between them.
fn partition(units: &[(u64, u64)], length: u64) -> Vec<Segment> {
    let mut out = Vec::with_capacity(units.len() * 2 + 1);
    let mut at = 0;
    for &(s, e) in units {
        if s > at {
            out.push(Segment {
                start: at,
                len: s - at,
                unit: false,
            });
        }
        out.push(Segment {
            start: s,
            len: e - s,
            unit: true,
        });
        at = e;
    }
    if at < length {
        out.push(Segment {
            start: at,
            len: length - at,
            unit: false,
        });
    }
    out
}

/// δ² of two overlapping segments of two coders (Krippendorff 2004).
fn distance(a: Segment, b: Segment) -> u128 {
    let (ab, al, bb, bl) = (
        a.start as i128,
        a.len as i128,
        b.start as i128,
        b.len as i128,
    );
    let begin = ab - bb;
    let end = (ab + al) - (bb + bl);
    let squared = |x: i128| (x * x) as u128;
    match (a.unit, b.unit) {
        (true, true) if -al < begin && begin < bl => squared(begin) + squared(end),
        // A unit wholly inside the other coder's gap.
        (true, false) if begin >= 0 && end <= 0 => squared(al),
        (false, true) if begin <= 0 && end >= 0 => squared(bl),
        _ => 0,
    }
}

/// Σ δ² over the overlapping segments of two coders' partitions (a merge of two sorted lists).
fn observed_pair(a: &[Segment], b: &[Segment]) -> u128 {
    let (mut i, mut j, mut sum) = (0, 0, 0u128);
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        sum += distance(x, y);
        let (xe, ye) = (x.start + x.len, y.start + y.len);
        if xe <= ye {
            i += 1;
        }
        if ye <= xe {
            j += 1;
        }
    }
    sum
}

/// The observed and expected disagreement of one category: `coders[r]` holds coder r's units
/// on a continuum of `length` code points.
pub fn disagreement(length: u64, coders: &[Units]) -> Disagreement {
    let r = coders.len() as u128;
    let l = length as u128;
    if r < 2 || l == 0 {
        return Disagreement::default();
    }
    let units: Vec<Units> = coders
        .iter()
        .map(|u| normalise(u.clone(), length))
        .collect();
    let parts: Vec<Vec<Segment>> = units.iter().map(|u| partition(u, length)).collect();
    let mut observed = 0u128;
    for (i, a) in parts.iter().enumerate() {
        for b in &parts[i + 1..] {
            observed += observed_pair(a, b);
        }
    }
    // Expected: every unit of every coder, placed anywhere in any coder's gap it fits in.
    let mut gaps: Vec<u128> = parts
        .iter()
        .flatten()
        .filter(|s| !s.unit)
        .map(|s| s.len as u128)
        .collect();
    gaps.sort_unstable();
    // suffix[i] = Σ (gap + 1) and count of gaps[i..].
    let mut suffix = vec![0u128; gaps.len() + 1];
    for i in (0..gaps.len()).rev() {
        suffix[i] = suffix[i + 1] + gaps[i] + 1;
    }
    let lengths: Vec<u128> = units
        .iter()
        .flatten()
        .map(|(s, e)| (e - s) as u128)
        .collect();
    let n = lengths.len() as u128;
    let mut numerator = 0u128;
    let mut self_pairs = 0u128;
    for &len in &lengths {
        // (N − 1)(2l³ − 3l² + l)/3 = (N − 1) · l(l − 1)(2l − 1)/3, an integer.
        numerator += (n - 1) * (len * (len - 1) * (2 * len - 1) / 3);
        let first = gaps.partition_point(|g| *g < len);
        let fits = suffix[first] - (gaps.len() - first) as u128 * len;
        numerator += len * len * fits;
        self_pairs += len * (len - 1);
    }
    let denominator = r * l * (r * l - 1) - self_pairs;
    if lengths.is_empty() || denominator == 0 {
        return Disagreement {
            observed: 0.0,
            expected: 0.0,
        };
    }
    Disagreement {
        observed: 2.0 * observed as f64 / (r * (r - 1) * l * l) as f64,
        expected: 2.0 * numerator as f64 / (l as f64 * denominator as f64),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(start: u64, len: u64, unit: bool) -> Segment {
        Segment { start, len, unit }
    }

    /// Krippendorff (2004: 252), as DKPro Statistics checks them: δ² of pairs of segments.
    #[test]
    fn distances_of_the_published_examples() {
        assert_eq!(distance(seg(5, 6, true), seg(4, 2, true)), 26);
        assert_eq!(distance(seg(5, 6, true), seg(5, 2, true)), 16);
        assert_eq!(distance(seg(5, 6, true), seg(7, 2, true)), 8);
        assert_eq!(distance(seg(5, 6, true), seg(6, 4, true)), 2);
        assert_eq!(distance(seg(5, 6, true), seg(5, 6, true)), 0);
        assert_eq!(distance(seg(225, 70, true), seg(220, 80, true)), 50);
        assert_eq!(distance(seg(370, 30, true), seg(355, 20, true)), 850);
        assert_eq!(distance(seg(400, 50, false), seg(400, 20, true)), 400);
        assert_eq!(distance(seg(5, 6, true), seg(4, 7, false)), 36);
    }

    #[test]
    fn overlapping_units_of_one_coder_are_joined() {
        assert_eq!(
            normalise(vec![(5, 9), (0, 3), (2, 4), (9, 12), (30, 50)], 40),
            vec![(0, 4), (5, 9), (9, 12), (30, 40)]
        );
    }

    #[test]
    fn identical_units_agree_perfectly() {
        let d = disagreement(100, &[vec![(10, 20), (50, 60)], vec![(10, 20), (50, 60)]]);
        assert_eq!(d.observed, 0.0);
        assert!(d.expected > 0.0);
        assert_eq!(d.alpha(), Some(1.0));
        assert_eq!(disagreement(100, &[vec![], vec![]]).alpha(), None);
    }
}
