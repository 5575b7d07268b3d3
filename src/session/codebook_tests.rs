//! The codebook rules the session enforces, on the seeds' default codebook: number keys stay
//! with their themes, a new theme takes the lowest free key and the first unused colour,
//! merging and moving are one undoable step each, and a new passage is trimmed.

use super::*;
use crate::project::colours::palette;

use super::tests::seeds;

fn id_of(s: &Session, name: &str) -> ThemeId {
    s.project()
        .themes
        .iter()
        .find(|t| t.name == name)
        .map(|t| t.id)
        .expect("theme")
}

#[test]
fn keys_stay_with_their_themes_when_others_are_added_moved_and_deleted() {
    let mut s = seeds();
    let keys_before: Vec<(u8, ThemeId)> = s.project().theme_keys.iter().collect();
    assert_eq!(
        keys_before.len(),
        9,
        "the default codebook's first nine have keys"
    );
    let arms = id_of(&s, "Arms sales");
    let arms_key = s.project().theme_keys.key_of(arms).expect("a key");
    // Re-parent the theme before it, and move another to the top: keys do not move.
    let first = s.project().theme_tree()[0].1.id;
    s.apply(
        CodebookIntent::Move {
            theme: first,
            parent: Some(arms),
            before: None,
        }
        .into(),
    )
    .expect("moved");
    assert_eq!(s.project().theme_keys.theme(arms_key), Some(arms));
    let kept: Vec<(u8, ThemeId)> = s.project().theme_keys.iter().collect();
    assert_eq!(kept, keys_before);
    // Deleting a keyed theme frees its key; a new theme takes it, with an unused colour.
    let gone = s.project().theme_keys.theme(2).expect("key 2");
    s.apply(CodebookIntent::Delete(gone).into())
        .expect("deleted");
    assert_eq!(s.project().theme_keys.theme(2), None);
    assert_eq!(s.project().theme_keys.theme(arms_key), Some(arms));
    s.apply(
        CodebookIntent::Add {
            name: "Sanctions".into(),
        }
        .into(),
    )
    .expect("added");
    let new = id_of(&s, "Sanctions");
    assert_eq!(s.project().theme_keys.key_of(new), Some(2));
    let colour = s.project().theme(new).map(|t| t.color).expect("colour");
    assert_eq!(
        s.project()
            .themes
            .iter()
            .filter(|t| t.color == colour)
            .count(),
        1,
        "no other theme has its colour"
    );
    let first_free = palette().iter().find(|c| {
        s.project()
            .themes
            .iter()
            .all(|t| t.id == new || t.color != **c)
    });
    assert_eq!(Some(&colour), first_free);
    // One undo takes the new theme and its key away.
    s.apply(HistoryIntent::Undo.into()).expect("undo");
    assert_eq!(s.project().theme_keys.theme(2), None);
}

#[test]
fn the_analyst_reassigns_keys_and_a_taken_key_swaps() {
    let mut s = seeds();
    let drugs = id_of(&s, "Drug policy and treatment");
    assert_eq!(
        s.project().theme_keys.key_of(drugs),
        None,
        "the eleventh theme has none"
    );
    let had_one = s.project().theme_keys.theme(1).expect("key 1");
    s.apply(
        CodebookIntent::SetKey {
            theme: drugs,
            key: Some(1),
        }
        .into(),
    )
    .expect("set");
    assert_eq!(s.project().theme_keys.theme(1), Some(drugs));
    assert_eq!(s.project().theme_keys.key_of(had_one), None);
    s.apply(HistoryIntent::Undo.into()).expect("undo");
    assert_eq!(s.project().theme_keys.theme(1), Some(had_one));
}

#[test]
fn merging_two_themes_keeps_notes_and_is_one_undo() {
    let mut s = seeds();
    let (arms, deals) = (
        id_of(&s, "Arms sales"),
        id_of(&s, "Agreements and diplomacy"),
    );
    let article = s.corpus().articles()[3].id.clone();
    let tagged = s
        .apply(
            TagIntent::TagRange {
                range: TextRange {
                    article,
                    start: 0,
                    end: 40,
                },
                theme: arms,
            }
            .into(),
        )
        .expect("tagged");
    let id = tagged.passage.expect("passage");
    s.apply(
        TagIntent::SetNote {
            passage: id,
            note: "the first deal".into(),
        }
        .into(),
    )
    .expect("note");
    let before = s.project().clone();
    let merged = s
        .apply(
            CodebookIntent::Merge {
                from: arms,
                into: deals,
            }
            .into(),
        )
        .expect("merged");
    assert!(merged.notice.is_some(), "the analyst is told");
    let p = &s.project().passages[&id];
    assert_eq!(
        (p.themes.clone(), p.note.as_str()),
        (vec![deals], "the first deal")
    );
    assert!(s.project().theme(arms).is_none());
    s.apply(HistoryIntent::Undo.into()).expect("undo");
    assert_eq!(s.project(), &before);
    assert!(matches!(
        s.apply(
            CodebookIntent::Merge {
                from: arms,
                into: arms
            }
            .into()
        ),
        Err(SessionError::Edit(_))
    ));
}

#[test]
fn a_new_passage_is_trimmed_of_white_space() {
    let mut s = seeds();
    let article = s.corpus().articles()[1].clone();
    let at = article.text.find("counternarcotics ").expect("phrase");
    let start = article.char_of(at).expect("boundary");
    let range = |start, end| TextRange {
        article: article.id.clone(),
        start,
        end,
    };
    // " counternarcotics " with the spaces on both sides.
    let made = s
        .apply(
            TagIntent::TagRange {
                range: range(start - 1, start + 17),
                theme: ThemeId(1),
            }
            .into(),
        )
        .expect("tagged");
    let p = &s.project().passages[&made.passage.expect("passage")];
    assert_eq!(p.quote, "counternarcotics");
    assert_eq!((p.start, p.end), (start, start + 16));
    let blank = s.apply(
        TagIntent::TagRange {
            range: range(start + 16, start + 17),
            theme: ThemeId(1),
        }
        .into(),
    );
    assert!(matches!(blank, Err(SessionError::NeedsSelection(_))));
}
