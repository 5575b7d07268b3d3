//! Text fields for values kept in the project (an attribute, a memo): typing changes a draft
//! kept in egui's memory, and the draft is handed back once, when the analyst presses Enter or
//! leaves the field, so that one edit is one undo step rather than one per key. When the
//! saved value changes underneath (an undo), the field shows the new value.

use egui::{Id, TextEdit, Ui};

/// A draft and the saved value it started from.
#[derive(Clone, Debug, Default)]
struct Draft {
    base: String,
    text: String,
}

/// A one-line (or, with `rows > 1`, multi-line) field for `saved`, `width` wide, named `name`
/// for screen readers and tests. Returns the new text when the analyst finished an edit that changed it.
pub fn draft_field(
    ui: &mut Ui,
    id: Id,
    name: &str,
    saved: &str,
    hint: &str,
    (width, rows): (f32, usize),
) -> Option<String> {
    let stored: Option<Draft> = ui.data(|d| d.get_temp(id));
    let mut draft = stored.filter(|d| d.base == saved).unwrap_or_else(|| Draft {
        base: saved.to_owned(),
        text: saved.to_owned(),
    });
    let edit = if rows > 1 {
        TextEdit::multiline(&mut draft.text).desired_rows(rows)
    } else {
        TextEdit::singleline(&mut draft.text)
    };
    let response = ui.add(
        edit.id(id.with("field"))
            .hint_text(hint)
            .desired_width(width),
    );
    let response = response.accessible_name(name);
    let done = response.lost_focus();
    let changed = draft.text != draft.base;
    if done || !changed {
        ui.data_mut(|d| d.remove::<Draft>(id));
    } else {
        ui.data_mut(|d| d.insert_temp(id, draft.clone()));
    }
    (done && changed).then_some(draft.text)
}
