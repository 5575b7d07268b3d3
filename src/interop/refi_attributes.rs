//! Article attributes and memos in a REFI-QDA export: every attribute with a value on some
//! article becomes a `<Variable>` (title, date, outlet, place, country, author, language,
//! format, converter and the analyst's custom attributes), each article's values
//! `<VariableValue>`s of its `<TextSource>`, and article and project memos `<Note>`s.

use std::collections::BTreeMap;

use super::refi::{esc_xml, guid};
use crate::corpus::{ArticleId, Corpus};
use crate::project::Project;
use crate::project::attributes::{AttributeKind, value_of};

/// Attributes exported as variables, built-ins first (`year` is left out: it is the date's).
fn exported(project: &Project) -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = [
        "title",
        "date",
        "outlet",
        "place",
        "country",
        "author",
        "language",
        "format",
        "converter",
    ]
    .iter()
    .map(|k| ((*k).to_owned(), "Text"))
    .collect();
    for def in &project.attributes.definitions {
        let kind = match def.kind {
            AttributeKind::Number => "Float",
            // Partial dates ("2015-04") are not xsd:date; dates go as text.
            AttributeKind::Text | AttributeKind::Date | AttributeKind::Choice { .. } => "Text",
        };
        out.push((def.name.clone(), kind));
    }
    out
}

/// The XML pieces of the attributes: the `<Variables>` element (empty when no article has a
/// value) and, per article, its `<VariableValue>` elements.
pub struct VariablesXml {
    pub variables: String,
    pub values: BTreeMap<ArticleId, String>,
}

impl VariablesXml {
    /// What closes an article's `<TextSource>`: its memo's `<NoteRef>`, then its values.
    pub fn source_tail(
        &mut self,
        project: &Project,
        corpus: &Corpus,
        article: &ArticleId,
    ) -> String {
        let mut out = memo_ref(project, corpus, article);
        out.push_str(&self.values.remove(article).unwrap_or_default());
        out
    }
}

pub fn variables(project: &Project, corpus: &Corpus) -> VariablesXml {
    let mut used = Vec::new();
    let mut values: BTreeMap<ArticleId, String> = BTreeMap::new();
    for (name, kind) in exported(project) {
        let var_guid = guid("variable", &name);
        let mut any = false;
        for article in corpus.articles() {
            let Some(v) = value_of(&project.attributes, article, &name) else {
                continue;
            };
            let value = match kind {
                "Float" => match v.text.trim().parse::<f64>() {
                    Ok(x) if x.is_finite() => format!("<FloatValue>{}</FloatValue>", decimal(x)),
                    _ => continue,
                },
                _ => format!("<TextValue>{}</TextValue>", esc_xml(&v.text, false)),
            };
            any = true;
            values.entry(article.id.clone()).or_default().push_str(&format!(
                "      <VariableValue>\n        <VariableRef targetGUID=\"{var_guid}\"/>\n        {value}\n      </VariableValue>\n"
            ));
        }
        if any {
            used.push(format!(
                "    <Variable guid=\"{var_guid}\" name=\"{}\" typeOfVariable=\"{kind}\"/>\n",
                esc_xml(&name, true)
            ));
        }
    }
    let variables = if used.is_empty() {
        String::new()
    } else {
        format!("  <Variables>\n{}  </Variables>\n", used.concat())
    };
    VariablesXml { variables, values }
}

/// An `xsd:decimal`: no exponent.
fn decimal(x: f64) -> String {
    let s = format!("{x}");
    if s.contains(['e', 'E']) {
        format!("{x:.6}")
    } else {
        s
    }
}

/// The GUID of an article's memo note.
pub fn memo_guid(article: &ArticleId) -> String {
    guid("memo", article.as_str())
}

/// The `<NoteRef>` of an article's memo, if it has one (exported).
fn memo_ref(project: &Project, corpus: &Corpus, article: &ArticleId) -> String {
    match project.attributes.memos.get(article) {
        Some(m) if !m.trim().is_empty() && corpus.get(article).is_some() => {
            format!("      <NoteRef targetGUID=\"{}\"/>\n", memo_guid(article))
        }
        _ => String::new(),
    }
}

/// The `<Notes>` element with the memos of loaded articles and the project memo, followed by
/// the project-level `<NoteRef>` (nothing when there are no memos). Dossier writes no `Links`,
/// `Sets`, `Graphs` or `Description`, which the schema puts between the two.
pub fn notes(project: &Project, corpus: &Corpus, user_guid: &str) -> String {
    let mut notes = String::new();
    let note = |g: &str, name: &str, text: &str| {
        format!(
            "    <Note guid=\"{g}\" name=\"{}\" creatingUser=\"{user_guid}\">\n      <PlainTextContent>{}</PlainTextContent>\n    </Note>\n",
            esc_xml(name, true),
            esc_xml(text, false)
        )
    };
    for (article, memo) in &project.attributes.memos {
        if !memo.trim().is_empty() && corpus.get(article).is_some() {
            notes.push_str(&note(
                &memo_guid(article),
                &format!("Memo: {article}"),
                memo,
            ));
        }
    }
    let mut project_ref = String::new();
    if !project.attributes.memo.trim().is_empty() {
        let g = guid("memo", "project");
        notes.push_str(&note(&g, "Project memo", &project.attributes.memo));
        project_ref = format!("  <NoteRef targetGUID=\"{g}\"/>\n");
    }
    if notes.is_empty() {
        return String::new();
    }
    format!("  <Notes>\n{notes}  </Notes>\n{project_ref}")
}
