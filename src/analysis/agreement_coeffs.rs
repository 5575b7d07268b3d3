//! Agreement coefficients as pure formulas (see docs/agreement.md): percent agreement, Cohen's
//! κ, Fleiss' κ and Krippendorff's nominal α, both from general reliability data (any values,
//! missing values allowed) and from the counts of binary units that the character-level
//! agreement of a project reduces to. `None` means the coefficient is undefined for the data
//! (no units, or no variation for the chance term to divide by).

use std::collections::BTreeMap;

/// Binary units (one per code point) summarised without listing them: `hist[k]` units were
/// coded 1 by exactly `k` of the `m` coders, and `ones[c]` units were coded 1 by coder `c`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BinaryCounts {
    pub hist: Vec<u64>,
    pub ones: Vec<u64>,
}

impl BinaryCounts {
    pub fn new(coders: usize) -> Self {
        Self {
            hist: vec![0; coders + 1],
            ones: vec![0; coders],
        }
    }

    pub fn coders(&self) -> usize {
        self.ones.len()
    }

    pub fn units(&self) -> u64 {
        self.hist.iter().sum()
    }

    /// Add the counts of another set of units coded by the same coders.
    pub fn add(&mut self, other: &Self) {
        for (a, b) in self.hist.iter_mut().zip(&other.hist) {
            *a += b;
        }
        for (a, b) in self.ones.iter_mut().zip(&other.ones) {
            *a += b;
        }
    }

    /// Share of agreeing coder pairs, averaged over units (for two coders: the share of units
    /// on which they agree).
    pub fn percent_agreement(&self) -> Option<f64> {
        let m = self.coders() as f64;
        let n = self.units() as f64;
        if self.coders() < 2 || n == 0.0 {
            return None;
        }
        let agreeing: f64 = self
            .hist
            .iter()
            .enumerate()
            .map(|(k, &h)| {
                let k = k as f64;
                h as f64 * (k * (k - 1.0) + (m - k) * (m - k - 1.0))
            })
            .sum();
        Some(agreeing / (m * (m - 1.0) * n))
    }

    /// Cohen's κ; only for two coders.
    pub fn cohen_kappa(&self) -> Option<f64> {
        if self.coders() != 2 {
            return None;
        }
        let n = self.units() as f64;
        let po = self.percent_agreement()?;
        let (a, b) = (self.ones[0] as f64 / n, self.ones[1] as f64 / n);
        let pe = a * b + (1.0 - a) * (1.0 - b);
        chance_corrected(po, pe)
    }

    /// Fleiss' κ for two or more coders.
    pub fn fleiss_kappa(&self) -> Option<f64> {
        let po = self.percent_agreement()?;
        let p1 =
            self.ones.iter().sum::<u64>() as f64 / (self.units() as f64 * self.coders() as f64);
        let pe = p1 * p1 + (1.0 - p1) * (1.0 - p1);
        chance_corrected(po, pe)
    }

    /// Krippendorff's α, nominal (every unit coded by every coder, so no values are missing).
    pub fn krippendorff_alpha(&self) -> Option<f64> {
        let m = self.coders() as f64;
        if self.coders() < 2 || self.units() == 0 {
            return None;
        }
        let n = self.units() as f64 * m;
        let n1 = self.ones.iter().sum::<u64>() as f64;
        let n0 = n - n1;
        // Off-diagonal coincidences o_01: each unit adds k(m-k)/(m-1).
        let o01: f64 = self
            .hist
            .iter()
            .enumerate()
            .map(|(k, &h)| h as f64 * k as f64 * (m - k as f64) / (m - 1.0))
            .sum();
        (n0 > 0.0 && n1 > 0.0).then(|| 1.0 - (n - 1.0) * o01 / (n0 * n1))
    }
}

fn chance_corrected(observed: f64, expected: f64) -> Option<f64> {
    (expected < 1.0).then(|| (observed - expected) / (1.0 - expected))
}

/// Krippendorff's nominal α for reliability data: `data[coder][unit]`, `None` where a coder
/// gave a unit no value. Units with fewer than two values are not pairable and left out.
pub fn alpha_nominal(data: &[Vec<Option<u32>>]) -> Option<f64> {
    let units = data.iter().map(Vec::len).max().unwrap_or(0);
    // o[(c, k)]: the coincidence matrix; only c != k and the margins are needed.
    let mut off_diagonal = 0.0;
    let mut margins: BTreeMap<u32, f64> = BTreeMap::new();
    for u in 0..units {
        let mut counts: BTreeMap<u32, f64> = BTreeMap::new();
        for coder in data {
            if let Some(Some(v)) = coder.get(u) {
                *counts.entry(*v).or_insert(0.0) += 1.0;
            }
        }
        let mu: f64 = counts.values().sum();
        if mu < 2.0 {
            continue;
        }
        for (v, c) in &counts {
            *margins.entry(*v).or_insert(0.0) += c;
            off_diagonal += c * (mu - c) / (mu - 1.0);
        }
    }
    let n: f64 = margins.values().sum();
    let expected: f64 = margins.values().map(|c| c * (n - c)).sum();
    (expected > 0.0).then(|| 1.0 - (n - 1.0) * off_diagonal / expected)
}

/// Percent agreement from a table of counts (`table[subject][category]`, every subject rated
/// by the same number of raters): the share of agreeing rater pairs, averaged over subjects.
pub fn percent_agreement_table(table: &[Vec<u64>]) -> Option<f64> {
    let raters: u64 = table.first()?.iter().sum();
    if raters < 2 || table.iter().any(|row| row.iter().sum::<u64>() != raters) {
        return None;
    }
    let r = raters as f64;
    let pairs: f64 = table
        .iter()
        .map(|row| {
            row.iter()
                .map(|&c| (c * c.saturating_sub(1)) as f64)
                .sum::<f64>()
        })
        .sum();
    Some(pairs / (table.len() as f64 * r * (r - 1.0)))
}

/// Fleiss' κ from a table of counts: `table[subject][category]` raters who chose the category
/// for the subject; every subject has the same number of ratings.
pub fn fleiss_kappa_table(table: &[Vec<u64>]) -> Option<f64> {
    let raters: u64 = table.first()?.iter().sum();
    if raters < 2 || table.iter().any(|row| row.iter().sum::<u64>() != raters) {
        return None;
    }
    let (n, r) = (table.len() as f64, raters as f64);
    let categories = table.iter().map(Vec::len).max().unwrap_or(0);
    let po = table
        .iter()
        .map(|row| row.iter().map(|&c| (c * c) as f64).sum::<f64>() - r)
        .sum::<f64>()
        / (n * r * (r - 1.0));
    let pe: f64 = (0..categories)
        .map(|j| {
            let p = table
                .iter()
                .map(|row| row.get(j).copied().unwrap_or(0))
                .sum::<u64>() as f64
                / (n * r);
            p * p
        })
        .sum();
    chance_corrected(po, pe)
}

/// Cohen's κ for two coders' values on the same units.
pub fn cohen_kappa_pairs(pairs: &[(u32, u32)]) -> Option<f64> {
    if pairs.is_empty() {
        return None;
    }
    let n = pairs.len() as f64;
    let mut a: BTreeMap<u32, f64> = BTreeMap::new();
    let mut b: BTreeMap<u32, f64> = BTreeMap::new();
    let mut same = 0.0;
    for (x, y) in pairs {
        *a.entry(*x).or_insert(0.0) += 1.0;
        *b.entry(*y).or_insert(0.0) += 1.0;
        if x == y {
            same += 1.0;
        }
    }
    let pe: f64 = a
        .iter()
        .map(|(v, ca)| ca / n * b.get(v).copied().unwrap_or(0.0) / n)
        .sum();
    chance_corrected(same / n, pe)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Binary data as reliability data: `rows[coder][unit]`.
    fn counts(rows: &[&[u8]]) -> BinaryCounts {
        let mut c = BinaryCounts::new(rows.len());
        for u in 0..rows[0].len() {
            let k = rows.iter().filter(|r| r[u] == 1).count();
            c.hist[k] += 1;
        }
        for (i, r) in rows.iter().enumerate() {
            c.ones[i] = r.iter().filter(|v| **v == 1).count() as u64;
        }
        c
    }

    #[test]
    fn counts_and_general_forms_agree() {
        let a: &[u8] = &[0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1];
        let b: &[u8] = &[1, 1, 1, 0, 0, 1, 0, 0, 0, 0, 1, 0];
        let c: &[u8] = &[1, 1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0];
        let bin = counts(&[a, b]);
        let pairs: Vec<(u32, u32)> = a
            .iter()
            .zip(b)
            .map(|(x, y)| (*x as u32, *y as u32))
            .collect();
        let close = |x: Option<f64>, y: Option<f64>| {
            let (x, y) = (x.expect("defined"), y.expect("defined"));
            assert!((x - y).abs() < 1e-12, "{x} vs {y}");
        };
        close(bin.cohen_kappa(), cohen_kappa_pairs(&pairs));
        let rel = |rows: &[&[u8]]| -> Vec<Vec<Option<u32>>> {
            rows.iter()
                .map(|r| r.iter().map(|v| Some(*v as u32)).collect())
                .collect()
        };
        close(bin.krippendorff_alpha(), alpha_nominal(&rel(&[a, b])));
        let three = counts(&[a, b, c]);
        close(three.krippendorff_alpha(), alpha_nominal(&rel(&[a, b, c])));
        let table: Vec<Vec<u64>> = (0..a.len())
            .map(|u| {
                let ones = [a[u], b[u], c[u]].iter().filter(|v| **v == 1).count() as u64;
                vec![3 - ones, ones]
            })
            .collect();
        close(three.fleiss_kappa(), fleiss_kappa_table(&table));
        close(three.percent_agreement(), percent_agreement_table(&table));
        assert_eq!(three.cohen_kappa(), None, "Cohen's κ is for two coders");
    }

    #[test]
    fn no_variation_is_undefined() {
        let none = counts(&[&[0, 0, 0], &[0, 0, 0]]);
        assert_eq!(none.percent_agreement(), Some(1.0));
        assert_eq!(none.krippendorff_alpha(), None);
        assert_eq!(none.cohen_kappa(), None);
        assert_eq!(none.fleiss_kappa(), None);
        assert_eq!(BinaryCounts::new(2).percent_agreement(), None);
    }
}
