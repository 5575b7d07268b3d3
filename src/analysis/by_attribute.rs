//! Sorting, filtering and grouping articles by any attribute, and splitting the theme ×
//! article matrix, the theme frequencies and the figures by attribute (themes by year,
//! arms-sales figures by outlet, passages by country). The UI calls these; nothing here
//! depends on egui.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

use crate::analysis::matrix::{Measure, theme_article};
use crate::corpus::meta::PartialDate;
use crate::corpus::{Article, ArticleId, Corpus};
use crate::figures::Figure;
use crate::project::attributes::{AttributeKind, Attributes, value_of};
use crate::project::{Project, ThemeId};

/// The label of the group of articles without a value.
pub const NO_VALUE: &str = "(none)";

/// How values of an attribute compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Order {
    Text,
    Number,
    Date,
}

fn order_of(attributes: &Attributes, key: &str) -> Order {
    match key {
        "date" => Order::Date,
        "year" => Order::Number,
        _ => match attributes.definition(key).map(|d| &d.kind) {
            Some(AttributeKind::Number) => Order::Number,
            Some(AttributeKind::Date) => Order::Date,
            _ => Order::Text,
        },
    }
}

fn compare(order: Order, a: &str, b: &str) -> Ordering {
    match order {
        Order::Number => {
            let (x, y) = (a.trim().parse::<f64>(), b.trim().parse::<f64>());
            match (x, y) {
                (Ok(x), Ok(y)) => x.total_cmp(&y),
                _ => a.cmp(b),
            }
        }
        Order::Date => {
            // Dates without a year sort after dated ones of the same month and day.
            let key = |s: &str| PartialDate::parse_iso(s).map(|d| (d.year.is_none(), d));
            key(a).cmp(&key(b))
        }
        Order::Text => a
            .to_lowercase()
            .cmp(&b.to_lowercase())
            .then_with(|| a.cmp(b)),
    }
}

/// Sort articles by attribute `key` (articles without a value last, ties by id).
pub fn sort(articles: &mut [&Article], attributes: &Attributes, key: &str, descending: bool) {
    let order = order_of(attributes, key);
    let mut keyed: Vec<(Option<String>, usize)> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (value_of(attributes, a, key).map(|v| v.text), i))
        .collect();
    keyed.sort_by(|(va, ia), (vb, ib)| {
        let by_value = match (va, vb) {
            (Some(a), Some(b)) => {
                let o = compare(order, a, b);
                if descending { o.reverse() } else { o }
            }
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        by_value.then_with(|| articles[*ia].id.cmp(&articles[*ib].id))
    });
    let sorted: Vec<&Article> = keyed.iter().map(|(_, i)| articles[*i]).collect();
    articles.copy_from_slice(&sorted);
}

/// A condition on one attribute.
#[derive(Clone, Debug, PartialEq)]
pub enum Filter {
    /// The value equals this (ignoring case).
    Is(String),
    /// The value contains this (ignoring case).
    Contains(String),
    /// The value lies between these (inclusive; numbers and dates compare as such).
    Between(String, String),
    HasValue,
    NoValue,
}

/// Whether `article` passes `filter` on attribute `key`.
pub fn matches(attributes: &Attributes, article: &Article, key: &str, filter: &Filter) -> bool {
    let value = value_of(attributes, article, key).map(|v| v.text);
    let order = order_of(attributes, key);
    match (filter, value) {
        (Filter::NoValue, v) => v.is_none(),
        (Filter::HasValue, v) => v.is_some(),
        (_, None) => false,
        (Filter::Is(x), Some(v)) => v.to_lowercase() == x.to_lowercase(),
        (Filter::Contains(x), Some(v)) => v.to_lowercase().contains(&x.to_lowercase()),
        (Filter::Between(lo, hi), Some(v)) => {
            compare(order, &v, lo) != Ordering::Less && compare(order, &v, hi) != Ordering::Greater
        }
    }
}

/// The articles of `corpus` that pass `filter` on `key`, in id order.
pub fn filter<'c>(
    corpus: &'c Corpus,
    attributes: &Attributes,
    key: &str,
    filter: &Filter,
) -> Vec<&'c Article> {
    corpus
        .articles()
        .iter()
        .filter(|a| matches(attributes, a, key, filter))
        .collect()
}

/// The ids of the articles whose value of `key` is `value` (ignoring case; [`NO_VALUE`]: the
/// articles without one), for narrowing a view to them.
pub fn articles_with(
    corpus: &Corpus,
    attributes: &Attributes,
    key: &str,
    value: &str,
) -> BTreeSet<ArticleId> {
    let wanted = if value == NO_VALUE {
        Filter::NoValue
    } else {
        Filter::Is(value.to_owned())
    };
    filter(corpus, attributes, key, &wanted)
        .into_iter()
        .map(|a| a.id.clone())
        .collect()
}

/// Articles grouped by their value of `key` (use `year` to group by year): groups in value
/// order, articles without a value last under [`NO_VALUE`], ids sorted within a group.
pub fn group(corpus: &Corpus, attributes: &Attributes, key: &str) -> Vec<(String, Vec<ArticleId>)> {
    let order = order_of(attributes, key);
    let mut groups: BTreeMap<String, BTreeSet<ArticleId>> = BTreeMap::new();
    let mut none = BTreeSet::new();
    for a in corpus.articles() {
        match value_of(attributes, a, key) {
            Some(v) => {
                groups.entry(v.text).or_default().insert(a.id.clone());
            }
            None => {
                none.insert(a.id.clone());
            }
        }
    }
    let mut out: Vec<(String, Vec<ArticleId>)> = groups
        .into_iter()
        .map(|(k, v)| (k, v.into_iter().collect()))
        .collect();
    out.sort_by(|a, b| compare(order, &a.0, &b.0));
    if !none.is_empty() {
        out.push((NO_VALUE.to_owned(), none.into_iter().collect()));
    }
    out
}

/// Articles split into groups by one attribute, for splitting the analysis views.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Split {
    pub key: String,
    /// Group labels with their articles, in value order.
    pub groups: Vec<(String, Vec<ArticleId>)>,
}

/// Counts per theme (rows, codebook order) and group (columns).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GroupMatrix {
    pub themes: Vec<ThemeId>,
    pub groups: Vec<String>,
    /// `cells[t][g]`.
    pub cells: Vec<Vec<usize>>,
}

impl Split {
    pub fn new(corpus: &Corpus, attributes: &Attributes, key: &str) -> Self {
        Self {
            key: key.to_owned(),
            groups: group(corpus, attributes, key),
        }
    }

    /// The group of an article, if it is in one.
    pub fn group_of(&self, article: &ArticleId) -> Option<&str> {
        self.groups
            .iter()
            .find(|(_, ids)| ids.binary_search(article).is_ok())
            .map(|(label, _)| label.as_str())
    }

    /// The theme × article matrix with its article columns summed into groups.
    pub fn matrix(&self, project: &Project, corpus: &Corpus, measure: Measure) -> GroupMatrix {
        let m = theme_article(project, corpus, measure);
        let labels: Vec<String> = self.groups.iter().map(|(l, _)| l.clone()).collect();
        let mut cells = vec![vec![0; labels.len()]; m.themes.len()];
        for (c, article) in m.articles.iter().enumerate() {
            let Some(g) = self
                .groups
                .iter()
                .position(|(_, ids)| ids.binary_search(article).is_ok())
            else {
                continue; // an article missing from the corpus has no attributes
            };
            for (t, row) in m.cells.iter().enumerate() {
                cells[t][g] += row.get(c).copied().unwrap_or(0);
            }
        }
        GroupMatrix {
            themes: m.themes,
            groups: labels,
            cells,
        }
    }

    /// Passages per theme, split by group (codebook order).
    pub fn frequencies(
        &self,
        project: &Project,
        corpus: &Corpus,
    ) -> Vec<(ThemeId, BTreeMap<String, usize>)> {
        let m = self.matrix(project, corpus, Measure::Passages);
        m.themes
            .iter()
            .zip(&m.cells)
            .map(|(t, row)| {
                let per = m
                    .groups
                    .iter()
                    .zip(row)
                    .filter(|(_, n)| **n > 0)
                    .map(|(g, n)| (g.clone(), *n))
                    .collect();
                (*t, per)
            })
            .collect()
    }

    /// Figures by group: for each group label, its articles' figures.
    pub fn figures<'f>(
        &self,
        figures: &'f BTreeMap<ArticleId, Vec<Figure>>,
    ) -> Vec<(String, Vec<(&'f ArticleId, &'f Figure)>)> {
        self.groups
            .iter()
            .map(|(label, ids)| {
                let list = ids
                    .iter()
                    .filter_map(|id| figures.get_key_value(id))
                    .flat_map(|(id, fs)| fs.iter().map(move |f| (id, f)))
                    .collect();
                (label.clone(), list)
            })
            .collect()
    }
}
