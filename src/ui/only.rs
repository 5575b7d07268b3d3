//! "Only [attribute] is [value]": narrows a view (the library, the figures table, the plot) to
//! the articles with one value of one attribute, such as the figures of one outlet. The set
//! of articles is worked out once per change of the session or of the choice, not per frame.

use std::collections::BTreeSet;

use egui::{ComboBox, Ui};

use crate::analysis::by_attribute::{self as query, NO_VALUE};
use crate::corpus::ArticleId;
use crate::session::Session;

/// The choice, and the articles it keeps.
#[derive(Clone, Debug, Default)]
pub struct OnlyFilter {
    /// The attribute and the value to keep ([`NO_VALUE`]: articles without one).
    pub only: Option<(String, String)>,
    /// (session revision, choice) → the articles kept.
    kept: Option<(u64, (String, String), BTreeSet<ArticleId>)>,
}

impl OnlyFilter {
    /// The articles kept, or `None` when every article is.
    pub fn kept(&mut self, session: &Session) -> Option<&BTreeSet<ArticleId>> {
        // A custom attribute removed (or undone) since it was chosen: back to every article.
        if let Some((key, _)) = &self.only
            && !session.project().attributes.names().contains(&key.as_str())
        {
            self.only = None;
        }
        let choice = self.only.clone()?;
        let fresh = self
            .kept
            .as_ref()
            .is_some_and(|(rev, c, _)| *rev == session.revision() && *c == choice);
        if !fresh {
            let ids = query::articles_with(
                session.corpus(),
                &session.project().attributes,
                &choice.0,
                &choice.1,
            );
            self.kept = Some((session.revision(), choice, ids));
        }
        self.kept.as_ref().map(|(_, _, ids)| ids)
    }

    /// Whether `article` is kept.
    pub fn keeps(&mut self, session: &Session, article: &ArticleId) -> bool {
        self.kept(session).is_none_or(|ids| ids.contains(article))
    }

    /// The two lists: the attribute (or "all articles"), then its value with its count.
    pub fn ui(&mut self, ui: &mut Ui, id_salt: &str, session: &Session) {
        only_ui(ui, id_salt, session, &mut self.only);
    }
}

/// Tall enough for the built-in attributes and a few custom ones without scrolling.
pub const LIST_HEIGHT: f32 = 420.0;

/// "Only [attribute] is [value]" as two lists, on one line.
pub fn only_ui(ui: &mut Ui, id_salt: &str, session: &Session, only: &mut Option<(String, String)>) {
    let names: Vec<String> = session
        .project()
        .attributes
        .names()
        .into_iter()
        .map(str::to_owned)
        .collect();
    if let Some((key, _)) = only
        && !names.contains(key)
    {
        *only = None; // a custom attribute removed since it was chosen
    }
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Only");
        let key = only.as_ref().map(|(k, _)| k.clone());
        let mut chosen = key.clone();
        ComboBox::from_id_salt((id_salt, "key"))
            .height(LIST_HEIGHT)
            .selected_text(chosen.as_deref().unwrap_or("all articles"))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut chosen, None, "all articles");
                for n in &names {
                    ui.selectable_value(&mut chosen, Some(n.clone()), n);
                }
            })
            .response
            .labelled_by(label.id);
        if chosen != key {
            *only = chosen.map(|k| {
                let first = query::group(session.corpus(), &session.project().attributes, &k)
                    .into_iter()
                    .next()
                    .map_or_else(|| NO_VALUE.to_owned(), |(v, _)| v);
                (k, first)
            });
        }
        if let Some((key, value)) = only {
            let label = ui.label("is");
            ComboBox::from_id_salt((id_salt, "value"))
                .height(LIST_HEIGHT)
                .selected_text(value.as_str())
                .show_ui(ui, |ui| {
                    let attributes = &session.project().attributes;
                    for (v, ids) in query::group(session.corpus(), attributes, key) {
                        let text = format!("{v} ({})", ids.len());
                        ui.selectable_value(value, v, text);
                    }
                })
                .response
                .labelled_by(label.id);
        }
    });
}
