//! Article attributes and memos kept in the project: the analyst's corrections of detected
//! metadata (title, date, outlet, place, country, author, language), custom attributes (text,
//! number, date or a choice list, as in QualCoder and MAXQDA), a memo per article and one for
//! the project. Every change is an [`AttributeEdit`] inside [`super::Edit::Attributes`], so
//! undo and redo work as for passages. Sorting, filtering, grouping and splitting articles by
//! attribute is in [`crate::analysis::by_attribute`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::corpus::meta::PartialDate;
use crate::corpus::{Article, ArticleId};

/// Attributes Dossier detects for every article; a value set by the analyst replaces the
/// detected one. `year` is read from `date`; `format` and `converter` cannot be changed.
pub const BUILT_IN: [&str; 10] = [
    "title",
    "date",
    "year",
    "outlet",
    "place",
    "country",
    "author",
    "language",
    "format",
    "converter",
];

/// Built-in attributes the analyst can correct.
const EDITABLE: [&str; 7] = [
    "title", "date", "outlet", "place", "country", "author", "language",
];

/// The type of a custom attribute.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum AttributeKind {
    Text,
    Number,
    /// ISO 8601, possibly partial: `2015`, `2015-04`, `2015-04-17`.
    Date,
    Choice {
        options: Vec<String>,
    },
}

/// A custom attribute the analyst defined.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttributeDef {
    /// Unique, not one of [`BUILT_IN`].
    pub name: String,
    #[serde(flatten)]
    pub kind: AttributeKind,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

/// Everything about attributes and memos that a project holds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attributes {
    /// Custom attributes, sorted by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub definitions: Vec<AttributeDef>,
    /// Values the analyst set, by article and attribute name (corrections of built-ins and
    /// values of custom attributes). An empty string clears a detected value.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub values: BTreeMap<ArticleId, BTreeMap<String, String>>,
    /// A memo per article.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub memos: BTreeMap<ArticleId, String>,
    /// The project's memo.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub memo: String,
}

impl Attributes {
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }

    pub fn definition(&self, name: &str) -> Option<&AttributeDef> {
        self.definitions.iter().find(|d| d.name == name)
    }

    /// The value the analyst set for `key` on `article`, if any.
    pub fn set_value(&self, article: &ArticleId, key: &str) -> Option<&str> {
        self.values.get(article)?.get(key).map(String::as_str)
    }

    /// Every attribute name, built-ins first, then custom ones by name.
    pub fn names(&self) -> Vec<&str> {
        BUILT_IN
            .iter()
            .copied()
            .chain(self.definitions.iter().map(|d| d.name.as_str()))
            .collect()
    }

    /// Check a value for `key` before it is set.
    pub fn validate(&self, key: &str, value: &str) -> Result<(), AttributeError> {
        if value.is_empty() {
            return Ok(()); // clearing is always allowed
        }
        if BUILT_IN.contains(&key) {
            if !EDITABLE.contains(&key) {
                return Err(AttributeError::ReadOnly(key.to_owned()));
            }
            if key == "date" && PartialDate::parse_iso(value).is_none() {
                return Err(AttributeError::BadDate(value.to_owned()));
            }
            return Ok(());
        }
        let def = self
            .definition(key)
            .ok_or_else(|| AttributeError::Unknown(key.to_owned()))?;
        match &def.kind {
            AttributeKind::Text => Ok(()),
            AttributeKind::Number => value
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .map(|_| ())
                .ok_or_else(|| AttributeError::BadNumber(value.to_owned())),
            AttributeKind::Date => PartialDate::parse_iso(value)
                .map(|_| ())
                .ok_or_else(|| AttributeError::BadDate(value.to_owned())),
            AttributeKind::Choice { options } => {
                if options.iter().any(|o| o == value) {
                    Ok(())
                } else {
                    Err(AttributeError::NotAChoice {
                        name: key.to_owned(),
                        value: value.to_owned(),
                    })
                }
            }
        }
    }

    /// Apply `edit`, returning the edit that undoes it. On error nothing changed.
    pub fn apply(&mut self, edit: AttributeEdit) -> Result<AttributeEdit, AttributeError> {
        match edit {
            AttributeEdit::SetValue {
                article,
                key,
                value,
            } => {
                if let Some(v) = &value {
                    self.validate(&key, v)?;
                }
                let slot = self.values.entry(article.clone()).or_default();
                let old = match value {
                    Some(v) => slot.insert(key.clone(), v),
                    None => slot.remove(&key),
                };
                if slot.is_empty() {
                    self.values.remove(&article);
                }
                Ok(AttributeEdit::SetValue {
                    article,
                    key,
                    value: old,
                })
            }
            AttributeEdit::Define(def) => self.define(def),
            AttributeEdit::Remove(name) => {
                let i = self
                    .definitions
                    .iter()
                    .position(|d| d.name == name)
                    .ok_or_else(|| AttributeError::Unknown(name.clone()))?;
                let used = self
                    .values
                    .values()
                    .filter(|v| v.contains_key(&name))
                    .count();
                if used > 0 {
                    return Err(AttributeError::InUse(name, used));
                }
                Ok(AttributeEdit::Define(self.definitions.remove(i)))
            }
            AttributeEdit::ArticleMemo { article, memo } => {
                let old = if memo.is_empty() {
                    self.memos.remove(&article)
                } else {
                    self.memos.insert(article.clone(), memo)
                };
                Ok(AttributeEdit::ArticleMemo {
                    article,
                    memo: old.unwrap_or_default(),
                })
            }
            AttributeEdit::ProjectMemo(memo) => Ok(AttributeEdit::ProjectMemo(std::mem::replace(
                &mut self.memo,
                memo,
            ))),
        }
    }

    /// Add a custom attribute or replace the one of that name. A replacement that would make
    /// values invalid (a choice removed that articles use, a type change) is refused.
    fn define(&mut self, def: AttributeDef) -> Result<AttributeEdit, AttributeError> {
        let name = def.name.trim();
        if name.is_empty() {
            return Err(AttributeError::EmptyName);
        }
        if BUILT_IN.contains(&name) {
            return Err(AttributeError::BuiltIn(name.to_owned()));
        }
        let old = self.definitions.iter().position(|d| d.name == def.name);
        let previous = old.map(|i| std::mem::replace(&mut self.definitions[i], def.clone()));
        if old.is_none() {
            self.definitions.push(def.clone());
        }
        let bad = self
            .values
            .values()
            .filter_map(|v| v.get(&def.name))
            .find(|v| self.validate(&def.name, v).is_err())
            .cloned();
        if let Some(value) = bad {
            // Put the old definition back: the change would strand a value.
            match (old, previous) {
                (Some(i), Some(p)) => self.definitions[i] = p,
                _ => self.definitions.retain(|d| d.name != def.name),
            }
            return Err(AttributeError::WouldInvalidate {
                name: def.name,
                value,
            });
        }
        self.definitions.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(match previous {
            Some(p) => AttributeEdit::Define(p),
            None => AttributeEdit::Remove(def.name),
        })
    }
}

/// One change to attributes or memos.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AttributeEdit {
    /// Set (`Some`) or remove (`None`) the analyst's value of `key` for `article`.
    SetValue {
        article: ArticleId,
        key: String,
        value: Option<String>,
    },
    /// Add a custom attribute, or replace the one with the same name.
    Define(AttributeDef),
    /// Remove a custom attribute no article has a value for.
    Remove(String),
    /// Set an article's memo (empty removes it).
    ArticleMemo {
        article: ArticleId,
        memo: String,
    },
    ProjectMemo(String),
}

impl AttributeEdit {
    /// Text for the undo and redo menu items.
    pub fn label(&self) -> String {
        match self {
            Self::SetValue {
                key,
                value: Some(_),
                ..
            } => format!("set {key}"),
            Self::SetValue {
                key, value: None, ..
            } => format!("reset {key} to the detected value"),
            Self::Define(d) => format!("define attribute “{}”", d.name),
            Self::Remove(name) => format!("remove attribute “{name}”"),
            Self::ArticleMemo { .. } => "edit article memo".into(),
            Self::ProjectMemo(_) => "edit project memo".into(),
        }
    }
}

/// Why an attribute edit was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AttributeError {
    #[error("an attribute needs a name")]
    EmptyName,
    #[error("“{0}” is a built-in attribute")]
    BuiltIn(String),
    #[error("“{0}” is set by Dossier and cannot be changed")]
    ReadOnly(String),
    #[error("there is no attribute “{0}”")]
    Unknown(String),
    #[error("attribute “{0}” still has values on {1} article(s)")]
    InUse(String, usize),
    #[error("“{0}” is not a number")]
    BadNumber(String),
    #[error("“{0}” is not a date like 2015, 2015-04 or 2015-04-17")]
    BadDate(String),
    #[error("“{value}” is not one of the choices of “{name}”")]
    NotAChoice { name: String, value: String },
    #[error("the change to “{name}” would make the value “{value}” invalid")]
    WouldInvalidate { name: String, value: String },
}

/// Where an article's attribute value came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Detected by Dossier; the text says where from ("dateline", "meta og:site_name").
    Detected(String),
    /// Set or corrected by the analyst.
    Analyst,
}

/// An article's value of one attribute.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Value {
    pub text: String,
    pub origin: Origin,
}

/// The value of attribute `key` for `article`: the analyst's, else the detected one. `None`
/// when neither exists or the analyst cleared it.
pub fn value_of(attributes: &Attributes, article: &Article, key: &str) -> Option<Value> {
    if let Some(v) = attributes.set_value(&article.id, key) {
        return (!v.is_empty()).then(|| Value {
            text: v.to_owned(),
            origin: Origin::Analyst,
        });
    }
    if key == "year" {
        let date = value_of(attributes, article, "date")?;
        let year = PartialDate::parse_iso(&date.text)?.year?;
        return Some(Value {
            text: year.to_string(),
            origin: date.origin,
        });
    }
    let m = &article.meta;
    let detected = match key {
        "title" => m.title.as_ref(),
        "date" => m.date.as_ref(),
        "outlet" => m.outlet.as_ref(),
        "place" => m.place.as_ref(),
        "country" => m.country.as_ref(),
        "author" => m.author.as_ref(),
        "language" => m.language.as_ref(),
        "format" => {
            return Some(Value {
                text: article.format.name().to_owned(),
                origin: Origin::Detected("file name".into()),
            });
        }
        "converter" => {
            return article.converter.as_ref().map(|c| Value {
                text: c.to_string(),
                origin: Origin::Detected("Dossier".into()),
            });
        }
        _ => None,
    }?;
    Some(Value {
        text: detected.value.clone(),
        origin: Origin::Detected(detected.source.clone()),
    })
}
