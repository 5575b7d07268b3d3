//! What an import or a merge did, as text for the window's report window: a title, a summary
//! of what came in, and lists of what was read differently or left out, each with the reason.

use std::path::Path;

use crate::interop::refi_import::ImportReport;
use crate::interop::refi_import_codebook::{Codebook, CodebookMerge};
use crate::project::merge::{ArticleMatch, MergeReport};

/// A report to show after a long operation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub title: String,
    /// What was done, one fact a line.
    pub summary: Vec<String>,
    /// Lists under headings: what was read differently, left out, or needs a look.
    pub sections: Vec<(String, Vec<String>)>,
}

impl Report {
    fn section(&mut self, heading: &str, items: Vec<String>) {
        self.sections.push((heading.to_owned(), items));
    }

    /// A REFI-QDA project imported into `project` with its sources in `sources`.
    pub fn of_import(r: &ImportReport, from: &str, project: &Path, sources: &Path) -> Self {
        let origin = if r.origin.trim().is_empty() {
            "an unnamed tool".to_owned()
        } else {
            r.origin.clone()
        };
        let mut report = Self {
            title: format!("Imported {from}"),
            summary: vec![
                format!("Written by {origin}."),
                format!(
                    "{} source(s), {} theme(s), {} coder(s); {} passage(s) from {} selection(s).",
                    r.sources, r.themes, r.coders, r.passages, r.selections
                ),
                format!("The project is {}.", project.display()),
                format!("Its articles are in {}.", sources.display()),
            ],
            sections: Vec::new(),
        };
        report.section("Not imported", r.skipped.clone());
        report.section(
            "Where the file departs from the schema",
            r.schema_problems.clone(),
        );
        report.section("Read differently from how it was written", r.notes.clone());
        report
    }

    /// A codebook's codes added to the project's themes.
    pub fn of_codebook(book: &Codebook, merge: &CodebookMerge, from: &str) -> Self {
        let mut report = Self {
            title: format!("Imported the codebook {from}"),
            summary: vec![format!(
                "{} code(s) read; {} theme(s) added.",
                book.codes.len(),
                merge.added
            )],
            sections: Vec::new(),
        };
        let clashes = merge
            .clashes
            .iter()
            .map(|(name, what)| format!("“{name}”: {what}"))
            .collect();
        report.section("Codes named like a theme", clashes);
        report.section("Not imported", book.skipped.clone());
        report.section(
            "Where the file departs from the schema",
            book.problems.clone(),
        );
        report
    }

    /// Another analyst's project (`from`) merged into this one.
    pub fn of_merge(r: &MergeReport, from: &str) -> Self {
        let count = |f: fn(&ArticleMatch) -> bool| r.articles.values().filter(|m| f(m)).count();
        let mut report = Self {
            title: format!("Merged “{from}”"),
            summary: vec![
                format!(
                    "{} passage(s) added; {} identical passage(s) not added twice; {} note(s) \
                     kept side by side.",
                    r.passages_added, r.passages_identical, r.notes_side_by_side
                ),
                format!(
                    "Articles: {} the same, {} changed (passages placed again), {} found by \
                     their text, {} missing.",
                    count(|m| matches!(m, ArticleMatch::Same(_))),
                    count(|m| matches!(m, ArticleMatch::Changed(_))),
                    count(|m| matches!(m, ArticleMatch::ByHash(_))),
                    count(|m| matches!(m, ArticleMatch::Missing)),
                ),
                format!(
                    "{} passage(s) moved to where their quote is now, {} placed approximately.",
                    r.passages_moved, r.passages_fuzzy
                ),
            ],
            sections: Vec::new(),
        };
        let mut coders: Vec<String> = r
            .coders_added
            .iter()
            .map(|c| format!("“{c}” added"))
            .collect();
        coders.extend(
            r.coders_matched
                .iter()
                .map(|c| format!("“{c}” was already here")),
        );
        report.section("Coders", coders);
        let mut themes: Vec<String> = r
            .themes_matched
            .iter()
            .map(|(theirs, ours)| format!("“{theirs}” into “{ours}”"))
            .collect();
        themes.extend(r.themes_added.iter().map(|t| format!("“{t}” added")));
        themes.extend(r.themes_left_out.iter().map(|t| format!("“{t}” left out")));
        report.section("Themes", themes);
        report.section("Passages left out", r.left_out.clone());
        report.section("Not merged", r.not_merged.clone());
        report
    }
}
