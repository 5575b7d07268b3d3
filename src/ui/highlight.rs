//! Turning overlapping highlighted ranges into what the reader draws: flat segments (a layout
//! job's sections cannot overlap) and underline lanes (so overlapping passages stay visible as
//! stacked lines). Pure functions over code point ranges.

/// A stretch of text covered by the same set of spans.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub start: usize,
    pub end: usize,
    /// Indices into the input spans covering this stretch, ascending.
    pub covering: Vec<usize>,
}

/// Split `0..len` at every span boundary. Segments cover the text without gaps; a segment no
/// span covers has an empty `covering`. Spans are clamped to the text.
pub fn flatten(len: usize, spans: &[(usize, usize)]) -> Vec<Segment> {
    let mut cuts: Vec<usize> = Vec::with_capacity(spans.len() * 2 + 2);
    cuts.push(0);
    cuts.push(len);
    for &(s, e) in spans {
        cuts.push(s.min(len));
        cuts.push(e.min(len));
    }
    cuts.sort_unstable();
    cuts.dedup();
    // Sweep: spans sorted by start enter, and leave when their end is passed.
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| spans[i].0);
    let mut next = 0;
    let mut active: Vec<usize> = Vec::new();
    let mut out = Vec::with_capacity(cuts.len());
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        while next < order.len() && spans[order[next]].0 <= a {
            active.push(order[next]);
            next += 1;
        }
        active.retain(|&i| spans[i].1 > a);
        let mut covering: Vec<usize> = active
            .iter()
            .copied()
            .filter(|&i| spans[i].0 < spans[i].1)
            .collect();
        covering.sort_unstable();
        out.push(Segment {
            start: a,
            end: b,
            covering,
        });
    }
    out
}

/// Give each span a lane (0, 1, 2, …) so that overlapping spans never share one; greedy by
/// start, which uses the fewest lanes possible for intervals.
pub fn lanes(spans: &[(usize, usize)]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| (spans[i].0, std::cmp::Reverse(spans[i].1)));
    let mut lane_end: Vec<usize> = Vec::new();
    let mut out = vec![0; spans.len()];
    for i in order {
        let (s, e) = spans[i];
        match lane_end.iter().position(|&end| end <= s) {
            Some(l) => {
                lane_end[l] = e;
                out[i] = l;
            }
            None => {
                lane_end.push(e);
                out[i] = lane_end.len() - 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_spans_flatten_into_covering_sets() {
        let segs = flatten(20, &[(2, 10), (5, 15)]);
        let got: Vec<(usize, usize, Vec<usize>)> = segs
            .into_iter()
            .map(|s| (s.start, s.end, s.covering))
            .collect();
        assert_eq!(
            got,
            vec![
                (0, 2, vec![]),
                (2, 5, vec![0]),
                (5, 10, vec![0, 1]),
                (10, 15, vec![1]),
                (15, 20, vec![]),
            ]
        );
    }

    #[test]
    fn nested_and_identical_spans() {
        let segs = flatten(10, &[(0, 10), (3, 4), (3, 4)]);
        assert_eq!(segs.len(), 3);
        assert_eq!(segs[1].covering, vec![0, 1, 2]);
        assert_eq!(segs[2].covering, vec![0]);
    }

    #[test]
    fn spans_past_the_end_are_clamped() {
        let segs = flatten(5, &[(3, 50)]);
        assert_eq!(segs.last().map(|s| (s.start, s.end)), Some((3, 5)));
    }

    #[test]
    fn overlapping_spans_get_different_lanes() {
        let spans = [(0, 10), (5, 15), (12, 20), (2, 3)];
        let l = lanes(&spans);
        for i in 0..spans.len() {
            for j in 0..i {
                let overlap = spans[i].0 < spans[j].1 && spans[j].0 < spans[i].1;
                if overlap {
                    assert_ne!(l[i], l[j], "{i} and {j}");
                }
            }
        }
        assert_eq!(l.iter().max(), Some(&1), "two lanes suffice here");
    }
}
