//! The codebook in the window (egui_kittest): a theme keeps its number key when another theme
//! is re-parented, keys are reassigned in the editor, a theme is dragged under another, and two
//! themes are merged in one undoable step with the passages' notes kept.

use crate::common;

use crate::common::ui::{Window, open};
use dossier::context::SelectCommand;
use dossier::project::ThemeId;
use dossier::session::{TagIntent, TextRange};
use egui::{Key, Modifiers, Pos2};
use egui_kittest::kittest::Queryable;

fn id_of(window: &Window, name: &str) -> ThemeId {
    let project = window.state().session().project();
    project
        .themes
        .iter()
        .find(|t| t.name == name)
        .map(|t| t.id)
        .expect("theme")
}

/// Select the first `n` characters of the first article.
fn select_start(window: &mut Window, n: usize) {
    let article = window.state().session().corpus().articles()[0].id.clone();
    window.state_mut().push(SelectCommand::ShowRange(TextRange {
        article,
        start: 0,
        end: n,
    }));
    window.run();
}

/// Open the editor of the theme named `name`.
fn edit(window: &mut Window, name: &str) {
    let id = id_of(window, name);
    window.state_mut().push(SelectCommand::EditTheme(Some(id)));
    window.run();
    window.get_by_label("Edit theme");
}

#[test]
fn a_number_key_tags_the_same_theme_after_another_theme_is_re_parented() {
    let mut window = open(common::seeds_dir());
    let project = window.state().session().project();
    let before = dossier::ui::theme_for_key(project, 3).expect("key 3");
    let first = project.theme_tree()[0].1.name.clone();
    // Put the first theme under "Economic interests" (tenth in the list) in its editor.
    edit(&mut window, &first);
    window.get_by_label("Parent").click();
    window.run();
    window
        .get_all_by_label("Economic interests")
        .last()
        .expect("listed in the parent box")
        .click_accesskit();
    window.run();
    window.get_by_label("Apply").click();
    window.run();
    let economic = id_of(&window, "Economic interests");
    let moved = id_of(&window, &first);
    let project = window.state().session().project();
    assert_eq!(project.theme(moved).and_then(|t| t.parent), Some(economic));
    assert_ne!(
        project.theme_tree()[2].1.id,
        before,
        "the third theme in the list is another one now"
    );

    select_start(&mut window, 28);
    window.key_press(Key::Num3);
    window.run();
    let passages: Vec<_> = window
        .state()
        .session()
        .project()
        .passages
        .values()
        .cloned()
        .collect();
    assert_eq!(passages.len(), 1);
    assert_eq!(
        passages[0].themes,
        vec![before],
        "key 3 still tags its theme"
    );
}

#[test]
fn keys_are_shown_and_reassigned_in_the_editor() {
    let mut window = open(common::seeds_dir());
    let drugs = id_of(&window, "Drug policy and treatment");
    let had_one = dossier::ui::theme_for_key(window.state().session().project(), 1).expect("1");
    edit(&mut window, "Drug policy and treatment");
    window.get_by_label("Number key").click();
    window.run();
    window.get_by_label_contains("1 (now “").click();
    window.run();
    let keys = &window.state().session().project().theme_keys;
    assert_eq!(keys.theme(1), Some(drugs));
    assert_eq!(
        keys.key_of(had_one),
        None,
        "the eleventh theme had no key to give"
    );
    select_start(&mut window, 12);
    window.key_press(Key::Num1);
    window.run();
    let themes: Vec<Vec<ThemeId>> = window
        .state()
        .session()
        .project()
        .passages
        .values()
        .map(|p| p.themes.clone())
        .collect();
    assert_eq!(themes, vec![vec![drugs]]);
}

#[test]
fn dragging_a_theme_onto_the_lower_half_of_another_puts_it_under_that_one() {
    let mut window = open(common::seeds_dir());
    let arms = id_of(&window, "Arms sales");
    let routes = id_of(&window, "Trafficking routes");
    let grip = window
        .get_by_label("Drag to move “Arms sales”")
        .rect()
        .center();
    let target = window.get_by_label("Trafficking routes 0 · 0").rect();
    let drop = Pos2::new(target.center().x, target.bottom() - 3.0);
    drag(&mut window, grip, drop);
    let project = window.state().session().project();
    assert_eq!(project.theme(arms).and_then(|t| t.parent), Some(routes));
    // One undo puts it back.
    window.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    window.run();
    let project = window.state().session().project();
    assert_eq!(project.theme(arms).and_then(|t| t.parent), None);
    // Onto the upper half: just before that theme, beside it.
    let grip = window
        .get_by_label("Drag to move “Arms sales”")
        .rect()
        .center();
    let first = window.state().session().project().theme_tree()[0]
        .1
        .name
        .clone();
    let target = window.get_by_label(&format!("{first} 0 · 0")).rect();
    drag(
        &mut window,
        grip,
        Pos2::new(target.center().x, target.top() + 3.0),
    );
    let project = window.state().session().project();
    assert_eq!(project.theme_tree()[0].1.id, arms);
}

/// Press at `from`, move in steps to `to`, release there.
fn drag(window: &mut Window, from: Pos2, to: Pos2) {
    window.hover_at(from);
    window.event(egui::Event::PointerButton {
        pos: from,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    window.run();
    for i in 1..=10 {
        let t = i as f32 / 10.0;
        window.hover_at(from + (to - from) * t);
        window.run();
    }
    window.event(egui::Event::PointerButton {
        pos: to,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    window.run();
    window.run();
}

#[test]
fn merging_two_themes_keeps_the_notes_and_undoes_in_one_step() {
    let mut window = open(common::seeds_dir());
    let arms = id_of(&window, "Arms sales");
    let deals = id_of(&window, "Agreements and diplomacy");
    let key = window
        .state()
        .session()
        .project()
        .theme_keys
        .key_of(arms)
        .expect("a key");
    select_start(&mut window, 20);
    window.key_press(Key::from_name(&key.to_string()).expect("digit"));
    window.run();
    let id = *window
        .state()
        .session()
        .project()
        .passages
        .keys()
        .next()
        .expect("tagged");
    window.state_mut().push(TagIntent::SetNote {
        passage: id,
        note: "a deal".into(),
    });
    window.run();
    let before = window.state().session().project().clone();
    edit(&mut window, "Arms sales");
    window.get_by_label("Merge into").click();
    window.run();
    window
        .get_all_by_label("Agreements and diplomacy")
        .last()
        .expect("listed")
        .click_accesskit();
    window.run();
    window.get_by_label("Merge").scroll_to_me();
    window.run();
    window.get_by_label("Merge").click();
    window.run();
    let project = window.state().session().project();
    assert!(project.theme(arms).is_none());
    assert_eq!(project.passages[&id].themes, vec![deals]);
    assert_eq!(project.passages[&id].note, "a deal");
    window.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    window.run();
    assert_eq!(window.state().session().project(), &before);
}
