//! An index of ranges (passages, figures) for "which ranges cover this offset" and "which
//! ranges meet this window": the ranges sorted by start, with the running maximum of their
//! ends, so that a look-up is two binary searches and a walk over the ranges that start before
//! the offset and may still reach it, never over the whole list.

/// Ranges `start..end` with an item each, sorted by (start, end) and then in the order given.
#[derive(Clone, Debug, Default)]
pub struct Intervals<T> {
    spans: Vec<(usize, usize)>,
    items: Vec<T>,
    /// `max_end[i]`: the largest end of `spans[..=i]` (never decreasing).
    max_end: Vec<usize>,
}

impl<T> Intervals<T> {
    /// Index `ranges` (start, end, item). Ranges with the same start and end keep their order.
    pub fn new(mut ranges: Vec<(usize, usize, T)>) -> Self {
        ranges.sort_by_key(|r| (r.0, r.1));
        let mut spans = Vec::with_capacity(ranges.len());
        let mut items = Vec::with_capacity(ranges.len());
        let mut max_end = Vec::with_capacity(ranges.len());
        let mut reach = 0;
        for (start, end, item) in ranges {
            reach = reach.max(end);
            spans.push((start, end));
            items.push(item);
            max_end.push(reach);
        }
        Self {
            spans,
            items,
            max_end,
        }
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Every range, sorted by (start, end).
    pub fn spans(&self) -> &[(usize, usize)] {
        &self.spans
    }

    /// Every range and its item, sorted by (start, end).
    pub fn iter(&self) -> impl Iterator<Item = ((usize, usize), &T)> {
        self.spans.iter().copied().zip(&self.items)
    }

    /// The ranges that share at least one offset with `lo..hi` (`start < hi && end > lo`),
    /// sorted by (start, end).
    pub fn overlapping(&self, lo: usize, hi: usize) -> impl Iterator<Item = ((usize, usize), &T)> {
        // Before `first` every range ends at or before `lo`; from `last` on every range starts
        // at or after `hi`.
        let first = self.max_end.partition_point(|&e| e <= lo);
        let last = self.spans.partition_point(|s| s.0 < hi).max(first);
        self.spans[first..last]
            .iter()
            .copied()
            .zip(&self.items[first..last])
            .filter(move |((s, e), _)| *s < hi && *e > lo)
    }

    /// The ranges covering offset `at` (`start <= at < end`), sorted by (start, end).
    pub fn covering(&self, at: usize) -> impl Iterator<Item = ((usize, usize), &T)> {
        self.overlapping(at, at.saturating_add(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same answers as a walk over every range, on ranges that nest, overlap, touch, repeat
    /// and are empty.
    #[test]
    fn look_ups_agree_with_a_walk_over_every_range() {
        let mut ranges = Vec::new();
        let mut x: u64 = 7;
        for i in 0..600 {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let start = (x >> 33) as usize % 1_000;
            let len = match i % 5 {
                0 => 0,
                1 => 400,
                _ => (x >> 20) as usize % 40,
            };
            ranges.push((start, start + len, i));
        }
        let index = Intervals::new(ranges.clone());
        let mut sorted = ranges.clone();
        sorted.sort_by_key(|r| (r.0, r.1));
        assert_eq!(index.len(), 600);
        let all: Vec<_> = index.iter().map(|(s, i)| (s.0, s.1, *i)).collect();
        assert_eq!(all, sorted, "stable by (start, end)");
        for at in 0..1_500 {
            let want: Vec<_> = sorted
                .iter()
                .filter(|r| r.0 <= at && at < r.1)
                .map(|r| r.2)
                .collect();
            let got: Vec<_> = index.covering(at).map(|(_, i)| *i).collect();
            assert_eq!(got, want, "covering {at}");
        }
        for (lo, hi) in [(0, 1), (10, 90), (500, 501), (990, 2_000), (300, 300)] {
            let want: Vec<_> = sorted
                .iter()
                .filter(|r| r.0 < hi && r.1 > lo)
                .map(|r| r.2)
                .collect();
            let got: Vec<_> = index.overlapping(lo, hi).map(|(_, i)| *i).collect();
            assert_eq!(got, want, "overlapping {lo}..{hi}");
        }
        assert!(
            Intervals::<u8>::new(Vec::new())
                .covering(3)
                .next()
                .is_none()
        );
    }
}
