//! Inter-coder agreement on a project (see docs/agreement.md). The units are the code points of
//! the compared articles (by default those in which every compared coder has a passage); a
//! unit's value for a coder and theme is 1 inside one of that coder's passages with the theme,
//! else 0. Per theme and overall (every theme's units pooled) it gives percent agreement,
//! Cohen's κ (two coders), Fleiss' κ, Krippendorff's nominal α and unitizing αu, plus the
//! grade the Agreement tab colours by and the passages where two coders disagree.
//!
//! Nothing is kept per code point: each coder's passages of a theme become sorted runs, and a
//! sweep over the run boundaries counts how many units k coders coded. Time O(P log P) for P
//! passages, whatever the articles' lengths.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::agreement_coeffs::BinaryCounts;
use super::agreement_unitizing::{self as unitizing, Disagreement, Units};
use crate::corpus::{ArticleId, Corpus};
use crate::project::{Coder, CoderId, Project, ThemeId};

/// What to compare. Empty `coders`: every coder with passages; `None`: the default sets.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    pub coders: Vec<CoderId>,
    pub themes: Option<Vec<ThemeId>>,
    pub articles: Option<Vec<ArticleId>>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AgreementError {
    #[error("agreement needs at least two coders with passages; this project has {0}")]
    TooFewCoders(usize),
    #[error("{0} is not a coder of this project")]
    UnknownCoder(CoderId),
    #[error("the same coder is named twice")]
    RepeatedCoder,
    #[error("{0} is not in the codebook")]
    UnknownTheme(ThemeId),
    #[error("no article has passages of every compared coder (and a known length)")]
    NoCommonArticles,
}

/// Krippendorff's guidance for α: at least 0.8 to rely on the data, 0.667 for tentative
/// conclusions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Grade {
    Good,
    Tentative,
    Poor,
}

impl Grade {
    pub fn of(alpha: Option<f64>) -> Option<Self> {
        let a = alpha?;
        Some(if a >= 0.8 {
            Self::Good
        } else if a >= 0.667 {
            Self::Tentative
        } else {
            Self::Poor
        })
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Good => "good",
            Self::Tentative => "tentative",
            Self::Poor => "poor",
        }
    }
}

/// The coefficients for one theme or overall; `None` where undefined.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Coefficients {
    /// Code points compared (for the overall row: code points × themes).
    pub units: u64,
    /// Code points each coder coded with the theme, in the order of [`Agreement::coders`].
    pub coded: Vec<u64>,
    pub percent: Option<f64>,
    pub cohen_kappa: Option<f64>,
    pub fleiss_kappa: Option<f64>,
    pub alpha: Option<f64>,
    pub alpha_u: Option<f64>,
    pub grade: Option<Grade>,
}

impl Coefficients {
    fn of(counts: &BinaryCounts, unitized: Disagreement) -> Self {
        let alpha = counts.krippendorff_alpha();
        Self {
            units: counts.units(),
            coded: counts.ones.clone(),
            percent: counts.percent_agreement(),
            cohen_kappa: counts.cohen_kappa(),
            fleiss_kappa: counts.fleiss_kappa(),
            alpha,
            alpha_u: unitized.alpha(),
            grade: Grade::of(alpha),
        }
    }
}

/// One row of the per-theme table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ThemeAgreement {
    pub theme: ThemeId,
    pub name: String,
    #[serde(flatten)]
    pub coefficients: Coefficients,
}

/// The agreement table: what was compared, per theme, and overall.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Agreement {
    pub coders: Vec<Coder>,
    pub articles: Vec<ArticleId>,
    /// Code points of the compared articles.
    pub units: u64,
    pub themes: Vec<ThemeAgreement>,
    pub overall: Coefficients,
}

/// Each article's length in code points: the loaded text, else the length saved with the
/// project.
pub fn article_lengths(project: &Project, corpus: Option<&Corpus>) -> BTreeMap<ArticleId, u64> {
    let mut out: BTreeMap<ArticleId, u64> = project
        .articles
        .iter()
        .map(|r| (r.path.clone(), r.chars as u64))
        .collect();
    for a in corpus.map(Corpus::articles).unwrap_or_default() {
        out.insert(a.id.clone(), a.char_len() as u64);
    }
    out
}

/// The coders to compare: the chosen ones (checked), or every coder with passages.
fn chosen_coders(project: &Project, wanted: &[CoderId]) -> Result<Vec<Coder>, AgreementError> {
    if wanted.is_empty() {
        let usage = project.coder_usage();
        let coders: Vec<Coder> = project
            .coder_list()
            .into_iter()
            .filter(|c| usage.contains_key(&c.id))
            .collect();
        return if coders.len() < 2 {
            Err(AgreementError::TooFewCoders(coders.len()))
        } else {
            Ok(coders)
        };
    }
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for id in wanted {
        if !seen.insert(*id) {
            return Err(AgreementError::RepeatedCoder);
        }
        out.push(
            project
                .coder(*id)
                .ok_or(AgreementError::UnknownCoder(*id))?,
        );
    }
    if out.len() < 2 {
        return Err(AgreementError::TooFewCoders(out.len()));
    }
    Ok(out)
}

/// The articles compared: the chosen ones, or those where every coder has a passage; only
/// articles whose length is known.
pub fn common_articles(
    project: &Project,
    coders: &[CoderId],
    lengths: &BTreeMap<ArticleId, u64>,
    chosen: Option<&[ArticleId]>,
) -> Vec<ArticleId> {
    let mut out: Vec<ArticleId> = match chosen {
        Some(list) => list.to_vec(),
        None => {
            let mut by: BTreeMap<&ArticleId, BTreeSet<CoderId>> = BTreeMap::new();
            for p in project.passages.values() {
                by.entry(&p.article).or_default().insert(p.coder);
            }
            by.into_iter()
                .filter(|(_, who)| coders.iter().all(|c| who.contains(c)))
                .map(|(a, _)| a.clone())
                .collect()
        }
    };
    out.retain(|a| lengths.get(a).is_some_and(|l| *l > 0));
    out.sort();
    out.dedup();
    out
}

/// Every compared coder's units per theme, on the continuum of the compared articles laid end
/// to end in id order: `units[theme][coder]`.
type ThemeUnits = BTreeMap<ThemeId, Vec<Units>>;

fn collect_units(
    project: &Project,
    coders: &[CoderId],
    articles: &[ArticleId],
    lengths: &BTreeMap<ArticleId, u64>,
    themes: Option<&BTreeSet<ThemeId>>,
) -> (ThemeUnits, u64) {
    let mut offset: BTreeMap<&ArticleId, (u64, u64)> = BTreeMap::new();
    let mut total = 0;
    for a in articles {
        let len = lengths.get(a).copied().unwrap_or(0);
        offset.insert(a, (total, len));
        total += len;
    }
    let slot: BTreeMap<CoderId, usize> = coders.iter().enumerate().map(|(i, c)| (*c, i)).collect();
    let mut units: ThemeUnits = BTreeMap::new();
    if let Some(wanted) = themes {
        for t in wanted {
            units.insert(*t, vec![Vec::new(); coders.len()]);
        }
    }
    for p in project.passages.values() {
        let (Some(&i), Some(&(base, len))) = (slot.get(&p.coder), offset.get(&p.article)) else {
            continue;
        };
        let (s, e) = (p.start as u64, (p.end as u64).min(len));
        if s >= e {
            continue;
        }
        for t in &p.themes {
            if themes.is_some_and(|w| !w.contains(t)) {
                continue;
            }
            let per_coder = units
                .entry(*t)
                .or_insert_with(|| vec![Vec::new(); coders.len()]);
            per_coder[i].push((base + s, base + e));
        }
    }
    for per_coder in units.values_mut() {
        for u in per_coder.iter_mut() {
            *u = unitizing::normalise(std::mem::take(u), total);
        }
    }
    (units, total)
}

/// Count the units each number of coders coded 1 (runs must be normalised, i.e. sorted and
/// not overlapping within a coder).
pub fn binary_counts(length: u64, coders: &[Units]) -> BinaryCounts {
    let mut counts = BinaryCounts::new(coders.len());
    let mut events: Vec<(u64, i64)> = Vec::new();
    for (i, runs) in coders.iter().enumerate() {
        counts.ones[i] = runs.iter().map(|(s, e)| e - s).sum();
        for (s, e) in runs {
            events.push((*s, 1));
            events.push((*e, -1));
        }
    }
    events.sort_unstable();
    let (mut at, mut depth, mut covered) = (0u64, 0i64, 0u64);
    for (pos, delta) in events {
        if pos > at && depth > 0 {
            counts.hist[depth as usize] += pos - at;
            covered += pos - at;
        }
        at = pos;
        depth += delta;
    }
    counts.hist[0] = length.saturating_sub(covered);
    counts
}

/// The agreement table of `options` on `project`, with article lengths from
/// [`article_lengths`].
pub fn agreement(
    project: &Project,
    lengths: &BTreeMap<ArticleId, u64>,
    options: &Options,
) -> Result<Agreement, AgreementError> {
    let coders = chosen_coders(project, &options.coders)?;
    let ids: Vec<CoderId> = coders.iter().map(|c| c.id).collect();
    let wanted: Option<BTreeSet<ThemeId>> = match &options.themes {
        Some(list) => {
            if let Some(t) = list.iter().find(|t| project.theme(**t).is_none()) {
                return Err(AgreementError::UnknownTheme(*t));
            }
            Some(list.iter().copied().collect())
        }
        None => None,
    };
    let articles = common_articles(project, &ids, lengths, options.articles.as_deref());
    if articles.is_empty() {
        return Err(AgreementError::NoCommonArticles);
    }
    let (units, total) = collect_units(project, &ids, &articles, lengths, wanted.as_ref());
    let mut overall_counts = BinaryCounts::new(ids.len());
    let mut overall_u = Disagreement::default();
    let mut themes = Vec::new();
    // Codebook order: parents before children.
    for (_, theme) in project.theme_tree() {
        let Some(per_coder) = units.get(&theme.id) else {
            continue;
        };
        let counts = binary_counts(total, per_coder);
        let unitized = unitizing::disagreement(total, per_coder);
        overall_counts.add(&counts);
        overall_u.add(unitized);
        themes.push(ThemeAgreement {
            theme: theme.id,
            name: theme.name.clone(),
            coefficients: Coefficients::of(&counts, unitized),
        });
    }
    Ok(Agreement {
        coders,
        articles,
        units: total,
        themes,
        overall: Coefficients::of(&overall_counts, overall_u),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_count_like_code_points() {
        let a: Units = vec![(2, 10), (14, 20)];
        let b: Units = vec![(4, 8), (15, 17)];
        let counts = binary_counts(24, &[a.clone(), b.clone()]);
        // Per code point, the hard way.
        let mut hist = [0u64; 3];
        for u in 0..24 {
            let k = [&a, &b]
                .iter()
                .filter(|r| r.iter().any(|(s, e)| (*s..*e).contains(&u)))
                .count();
            hist[k] += 1;
        }
        assert_eq!(counts.hist, hist.to_vec());
        assert_eq!(counts.ones, vec![14, 6]);
    }

    #[test]
    fn grades_follow_krippendorff() {
        assert_eq!(Grade::of(Some(0.81)), Some(Grade::Good));
        assert_eq!(Grade::of(Some(0.8)), Some(Grade::Good));
        assert_eq!(Grade::of(Some(0.7)), Some(Grade::Tentative));
        assert_eq!(Grade::of(Some(0.5)), Some(Grade::Poor));
        assert_eq!(Grade::of(None), None);
    }
}
