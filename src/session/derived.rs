//! What is derived from the project and the corpus (problems, the figures table, series points,
//! suggestions, counts), memoised: each is computed the first time it is asked for after a
//! change, then kept until the next change, never once per frame. A change replaces the whole
//! [`Derived`] with an empty one ([`Session::changed`](super::Session)).

use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet};

use crate::corpus::{ArticleId, Corpus};
use crate::figures::Figure;
use crate::figures::curate::status_counts;
use crate::figures::curation::{FigureRow, RowStatus, merge};
use crate::figures::series::{Point, Suggestion, context_words, points, suggest};
use crate::project::converted::{ConverterChange, converter_changes};
use crate::project::{
    FigureId, PassageId, PassageProblem, Project, SeriesId, ThemeId, check_figures, check_passages,
};
use crate::text::Intervals;

type Extracted = BTreeMap<ArticleId, Vec<Figure>>;

/// The caches of one revision.
#[derive(Debug, Default)]
pub(super) struct Derived {
    problems: OnceCell<BTreeMap<PassageId, PassageProblem>>,
    figure_problems: OnceCell<BTreeMap<FigureId, PassageProblem>>,
    figure_rows: OnceCell<Vec<FigureRow>>,
    /// Each article's figure rows that are not rejected (their index in `figure_rows`).
    figure_index: OnceCell<BTreeMap<ArticleId, Intervals<usize>>>,
    /// Each article's passages.
    passage_index: OnceCell<BTreeMap<ArticleId, Intervals<PassageId>>>,
    figure_units: OnceCell<Vec<String>>,
    figure_status_counts: OnceCell<[usize; 3]>,
    series_points: OnceCell<BTreeMap<SeriesId, Vec<Point>>>,
    suggestions: OnceCell<Vec<Suggestion>>,
    theme_usage: OnceCell<BTreeMap<ThemeId, usize>>,
    theme_articles: OnceCell<BTreeMap<ThemeId, usize>>,
    passage_counts: OnceCell<BTreeMap<ArticleId, usize>>,
    missing_articles: OnceCell<Vec<ArticleId>>,
    converter_changes: OnceCell<Vec<ConverterChange>>,
}

impl Derived {
    /// The project's article records changed (after a save); nothing else did.
    pub fn forget_records(&mut self) {
        self.missing_articles = OnceCell::new();
        self.converter_changes = OnceCell::new();
    }

    pub fn problems(
        &self,
        project: &Project,
        corpus: &Corpus,
    ) -> &BTreeMap<PassageId, PassageProblem> {
        self.problems
            .get_or_init(|| check_passages(project, corpus))
    }

    pub fn figure_problems(
        &self,
        project: &Project,
        corpus: &Corpus,
    ) -> &BTreeMap<FigureId, PassageProblem> {
        self.figure_problems
            .get_or_init(|| check_figures(project, corpus))
    }

    pub fn figure_rows(
        &self,
        extracted: &Extracted,
        project: &Project,
        corpus: &Corpus,
    ) -> &[FigureRow] {
        self.figure_rows
            .get_or_init(|| merge(extracted, project, corpus))
    }

    /// Each article's figures that are not rejected, by the code points they cover: the
    /// index of each one's row in [`Derived::figure_rows`].
    pub fn figure_index(
        &self,
        extracted: &Extracted,
        project: &Project,
        corpus: &Corpus,
    ) -> &BTreeMap<ArticleId, Intervals<usize>> {
        self.figure_index.get_or_init(|| {
            let mut spans: BTreeMap<&ArticleId, Vec<(usize, usize, usize)>> = BTreeMap::new();
            for (i, r) in self
                .figure_rows(extracted, project, corpus)
                .iter()
                .enumerate()
            {
                if r.status != RowStatus::Rejected {
                    spans
                        .entry(&r.key.article)
                        .or_default()
                        .push((r.key.start, r.key.end, i));
                }
            }
            spans
                .into_iter()
                .map(|(a, s)| (a.clone(), Intervals::new(s)))
                .collect()
        })
    }

    /// Each article's passages, by the code points they cover (ordered by start, end, id).
    pub fn passage_index(&self, project: &Project) -> &BTreeMap<ArticleId, Intervals<PassageId>> {
        self.passage_index.get_or_init(|| {
            let mut spans: BTreeMap<&ArticleId, Vec<(usize, usize, PassageId)>> = BTreeMap::new();
            for p in project.passages.values() {
                spans
                    .entry(&p.article)
                    .or_default()
                    .push((p.start, p.end, p.id));
            }
            spans
                .into_iter()
                .map(|(a, s)| (a.clone(), Intervals::new(s)))
                .collect()
        })
    }

    /// The units of the figures table, sorted, without repeats.
    pub fn figure_units(
        &self,
        extracted: &Extracted,
        project: &Project,
        corpus: &Corpus,
    ) -> &[String] {
        self.figure_units.get_or_init(|| {
            let units: BTreeSet<&str> = self
                .figure_rows(extracted, project, corpus)
                .iter()
                .map(|r| r.figure.unit.as_str())
                .collect();
            units.into_iter().map(str::to_owned).collect()
        })
    }

    /// How many rows are new, accepted and rejected.
    pub fn figure_status_counts(
        &self,
        extracted: &Extracted,
        project: &Project,
        corpus: &Corpus,
    ) -> [usize; 3] {
        *self
            .figure_status_counts
            .get_or_init(|| status_counts(self.figure_rows(extracted, project, corpus)))
    }

    /// Every series' points (each one finds its figures' sentences in their articles).
    pub fn series_points(
        &self,
        project: &Project,
        corpus: &Corpus,
    ) -> &BTreeMap<SeriesId, Vec<Point>> {
        self.series_points.get_or_init(|| {
            project
                .series
                .iter()
                .map(|s| (s.id, points(project, corpus, s)))
                .collect()
        })
    }

    pub fn suggestions(
        &self,
        extracted: &Extracted,
        project: &Project,
        corpus: &Corpus,
    ) -> &[Suggestion] {
        self.suggestions.get_or_init(|| {
            suggest(self.figure_rows(extracted, project, corpus), |r| {
                let sentence = corpus
                    .get(&r.key.article)
                    .and_then(|a| a.slice(r.figure.sentence.0, r.figure.sentence.1))
                    .unwrap_or("");
                context_words(sentence, &r.figure.text)
            })
        })
    }

    pub fn theme_usage(&self, project: &Project) -> &BTreeMap<ThemeId, usize> {
        self.theme_usage.get_or_init(|| project.theme_usage())
    }

    pub fn theme_articles(&self, project: &Project) -> &BTreeMap<ThemeId, usize> {
        self.theme_articles
            .get_or_init(|| project.theme_article_counts())
    }

    pub fn passage_counts(&self, project: &Project) -> &BTreeMap<ArticleId, usize> {
        self.passage_counts.get_or_init(|| {
            project
                .passage_counts()
                .into_iter()
                .map(|(a, n)| (a.clone(), n))
                .collect()
        })
    }

    pub fn converter_changes(&self, project: &Project, corpus: &Corpus) -> &[ConverterChange] {
        self.converter_changes
            .get_or_init(|| converter_changes(project, corpus))
    }

    pub fn missing_articles(&self, project: &Project, corpus: &Corpus) -> &[ArticleId] {
        self.missing_articles.get_or_init(|| {
            let mut ids: BTreeSet<&ArticleId> = project.articles.iter().map(|r| &r.path).collect();
            ids.extend(project.passages.values().map(|p| &p.article));
            ids.into_iter()
                .filter(|id| corpus.get(id).is_none())
                .cloned()
                .collect()
        })
    }
}
