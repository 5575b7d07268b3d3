//! What the library lists and in which order: articles filtered by their title or file name
//! and by the value of one attribute, sorted by any attribute, and grouped by one (outlet,
//! country, year, language, …) under collapsible headings. Computed once per change of the
//! session or of these settings, never per frame.

use std::collections::BTreeSet;

use egui::{ComboBox, Ui};

use crate::analysis::by_attribute::{self as query, Filter, NO_VALUE};
use crate::corpus::Article;
use crate::project::attributes::value_of;
use crate::session::Session;

/// The attributes offered first for grouping: what analysts of news split a corpus by.
pub const GROUP_FIRST: [&str; 4] = ["outlet", "country", "year", "language"];

/// How the library is sorted, filtered and grouped.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LibraryView {
    /// The attribute to sort by; `None`: by file name.
    pub sort: Option<String>,
    pub descending: bool,
    /// The attribute to group by.
    pub group: Option<String>,
    /// Only articles whose value of this attribute is `value` ([`NO_VALUE`]: none).
    pub only: Option<(String, String)>,
    /// Groups shown closed.
    pub collapsed: BTreeSet<String>,
}

/// A line of the library.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Row {
    /// The heading of a group: its value and how many articles it has.
    Group {
        label: String,
        count: usize,
        open: bool,
    },
    /// An article, by its index in the corpus.
    Article(usize),
}

/// The rows to show for `view` and the text filter.
pub fn rows(session: &Session, view: &LibraryView, text: &str) -> Vec<Row> {
    let corpus = session.corpus();
    let attributes = &session.project().attributes;
    let needle = text.trim().to_lowercase();
    let mut shown: Vec<&Article> = corpus
        .articles()
        .iter()
        .filter(|a| {
            needle.is_empty()
                || a.title.to_lowercase().contains(&needle)
                || a.id.as_str().to_lowercase().contains(&needle)
        })
        .filter(|a| match &view.only {
            None => true,
            Some((key, value)) if value == NO_VALUE => {
                query::matches(attributes, a, key, &Filter::NoValue)
            }
            Some((key, value)) => query::matches(attributes, a, key, &Filter::Is(value.clone())),
        })
        .collect();
    if let Some(key) = &view.sort {
        query::sort(&mut shown, attributes, key, view.descending);
    } else if view.descending {
        shown.reverse();
    }
    let index = |a: &Article| corpus.position(&a.id);
    let Some(key) = &view.group else {
        return shown
            .iter()
            .filter_map(|a| index(a).map(Row::Article))
            .collect();
    };
    // Groups in the order of their values; articles keep the sort order within a group.
    let mut members: std::collections::HashMap<String, Vec<usize>> =
        std::collections::HashMap::new();
    for a in &shown {
        if let Some(i) = index(a) {
            members
                .entry(group_label(session, a, key))
                .or_default()
                .push(i);
        }
    }
    let mut out = Vec::with_capacity(shown.len() + members.len());
    for (label, _) in query::group(corpus, attributes, key) {
        let Some(list) = members.remove(&label) else {
            continue;
        };
        let open = !view.collapsed.contains(&label);
        out.push(Row::Group {
            label,
            count: list.len(),
            open,
        });
        if open {
            out.extend(list.into_iter().map(Row::Article));
        }
    }
    out
}

/// The group an article falls in for `key`.
fn group_label(session: &Session, article: &Article, key: &str) -> String {
    value_of(&session.project().attributes, article, key)
        .map_or_else(|| NO_VALUE.to_owned(), |v| v.text)
}

/// The sort, group and "only" controls above the list.
pub fn view_ui(ui: &mut Ui, session: &Session, view: &mut LibraryView) {
    let names: Vec<String> = session
        .project()
        .attributes
        .names()
        .into_iter()
        .map(str::to_owned)
        .collect();
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Sort");
        ComboBox::from_id_salt("library_sort")
            .selected_text(view.sort.as_deref().unwrap_or("file name"))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut view.sort, None, "file name");
                for n in &names {
                    ui.selectable_value(&mut view.sort, Some(n.clone()), n);
                }
            })
            .response
            .labelled_by(label.id);
        let arrow = if view.descending {
            "descending"
        } else {
            "ascending"
        };
        if ui
            .small_button(arrow)
            .on_hover_text("Sort the other way")
            .clicked()
        {
            view.descending = !view.descending;
        }
        let label = ui.label("Group");
        let group = view.group.clone();
        ComboBox::from_id_salt("library_group")
            .selected_text(group.as_deref().unwrap_or("none"))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut view.group, None, "none");
                for n in GROUP_FIRST.iter().map(|s| (*s).to_owned()).chain(
                    names
                        .iter()
                        .filter(|n| !GROUP_FIRST.contains(&n.as_str()))
                        .cloned(),
                ) {
                    ui.selectable_value(&mut view.group, Some(n.clone()), n);
                }
            })
            .response
            .labelled_by(label.id);
        if view.group != group {
            view.collapsed.clear();
        }
    });
    super::only::only_ui(ui, "library_only", session, &mut view.only);
}
