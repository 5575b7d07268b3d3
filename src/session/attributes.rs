//! Article attributes and memos: correcting a detected value or resetting it to the detected
//! one, values of custom attributes, defining, renaming and removing custom attributes, and the
//! article and project memos. Each intent is one undoable step (renaming and removing move or
//! drop the attribute's values in the same step).

use super::{AttributeIntent, Notice, Outcome, Session, SessionError};
use crate::project::Edit;
use crate::project::attributes::{AttributeDef, AttributeEdit, AttributeError, Attributes};

impl Session {
    pub(super) fn attributes(&mut self, intent: AttributeIntent) -> Result<Outcome, SessionError> {
        let current = &self.project.attributes;
        match intent {
            AttributeIntent::Set {
                article,
                key,
                value,
            } => {
                let value = value.trim().to_owned();
                if current.set_value(&article, &key) == Some(value.as_str()) {
                    return Ok(Outcome::unchanged());
                }
                self.attribute_edit(AttributeEdit::SetValue {
                    article,
                    key,
                    value: Some(value),
                })
            }
            AttributeIntent::Reset { article, key } => {
                if current.set_value(&article, &key).is_none() {
                    return Ok(Outcome::unchanged());
                }
                self.attribute_edit(AttributeEdit::SetValue {
                    article,
                    key,
                    value: None,
                })
            }
            AttributeIntent::Define(mut def) => {
                def.name = def.name.trim().to_owned();
                if current.definition(&def.name) == Some(&def) {
                    return Ok(Outcome::unchanged());
                }
                self.attribute_edit(AttributeEdit::Define(def))
            }
            AttributeIntent::Rename { from, to } => {
                let edit = rename(current, &from, to.trim())?;
                self.edit(edit)
            }
            AttributeIntent::Remove(name) => {
                let (edit, used) = remove(current, &name)?;
                let outcome = self.edit(edit)?;
                Ok(if used > 0 {
                    outcome.with_notice(Notice::info(format!(
                        "Removed the attribute “{name}” and its values on {used} article(s) \
                         (Edit › Undo brings them back)."
                    )))
                } else {
                    outcome
                })
            }
            AttributeIntent::ArticleMemo { article, memo } => {
                let old = current.memos.get(&article).map_or("", String::as_str);
                if old == memo.trim_end() {
                    return Ok(Outcome::unchanged());
                }
                self.attribute_edit(AttributeEdit::ArticleMemo {
                    article,
                    memo: memo.trim_end().to_owned(),
                })
            }
            AttributeIntent::ProjectMemo(memo) => {
                if current.memo == memo.trim_end() {
                    return Ok(Outcome::unchanged());
                }
                self.attribute_edit(AttributeEdit::ProjectMemo(memo.trim_end().to_owned()))
            }
        }
    }

    fn attribute_edit(&mut self, edit: AttributeEdit) -> Result<Outcome, SessionError> {
        self.edit(Edit::Attributes(edit))
    }
}

/// The edit that renames custom attribute `from` to `to`, moving every article's value.
fn rename(attributes: &Attributes, from: &str, to: &str) -> Result<Edit, SessionError> {
    let def = attributes
        .definition(from)
        .ok_or_else(|| AttributeError::Unknown(from.to_owned()))
        .map_err(attribute_error)?;
    if to == from {
        return Ok(Edit::Batch {
            label: format!("rename attribute “{from}”"),
            edits: Vec::new(),
        });
    }
    if attributes.definition(to).is_some() {
        return Err(SessionError::Attribute(format!(
            "there is already an attribute “{to}”"
        )));
    }
    let mut edits = vec![Edit::Attributes(AttributeEdit::Define(AttributeDef {
        name: to.to_owned(),
        ..def.clone()
    }))];
    for (article, values) in &attributes.values {
        if let Some(v) = values.get(from) {
            edits.push(set(article, to, Some(v.clone())));
            edits.push(set(article, from, None));
        }
    }
    edits.push(Edit::Attributes(AttributeEdit::Remove(from.to_owned())));
    Ok(Edit::Batch {
        label: format!("rename attribute “{from}” to “{to}”"),
        edits,
    })
}

/// The edit that removes custom attribute `name` with its values, and how many articles had one.
fn remove(attributes: &Attributes, name: &str) -> Result<(Edit, usize), SessionError> {
    if attributes.definition(name).is_none() {
        return Err(attribute_error(AttributeError::Unknown(name.to_owned())));
    }
    let mut edits: Vec<Edit> = attributes
        .values
        .iter()
        .filter(|(_, values)| values.contains_key(name))
        .map(|(article, _)| set(article, name, None))
        .collect();
    let used = edits.len();
    edits.push(Edit::Attributes(AttributeEdit::Remove(name.to_owned())));
    Ok((
        Edit::Batch {
            label: format!("remove attribute “{name}”"),
            edits,
        },
        used,
    ))
}

fn set(article: &crate::corpus::ArticleId, key: &str, value: Option<String>) -> Edit {
    Edit::Attributes(AttributeEdit::SetValue {
        article: article.clone(),
        key: key.to_owned(),
        value,
    })
}

fn attribute_error(e: AttributeError) -> SessionError {
    SessionError::Attribute(e.to_string())
}
