//! The reader in the window (egui_kittest): it keeps its scroll position when a number key
//! tags the selection or adds a theme to the selected passage.

use crate::common;

use crate::common::ui::{Window, open_sized};
use dossier::context::SelectCommand;
use dossier::session::TextRange;
use egui::Key;
use egui_kittest::kittest::Queryable;

/// Where the article's text starts on the screen (it moves up as the reader scrolls down).
fn text_top(window: &Window) -> f32 {
    window.get_by_label("Article text").rect().top()
}

#[test]
fn the_reader_keeps_its_scroll_when_a_number_key_tags() {
    let mut window = open_sized(common::seeds_dir(), [1000.0, 700.0]);
    // The longest seed article, a range in its middle: the reader scrolls down to it.
    let article = window
        .state()
        .session()
        .corpus()
        .articles()
        .iter()
        .max_by_key(|a| a.char_len())
        .map(|a| a.id.clone())
        .expect("an article");
    let text = window
        .state()
        .session()
        .corpus()
        .get(&article)
        .expect("a")
        .text
        .clone();
    let byte = text.find("VRAEM").expect("phrase");
    let start = text[..byte].chars().count();
    window.state_mut().push(SelectCommand::ShowRange(TextRange {
        article,
        start,
        end: start + 5,
    }));
    window.run();
    window.run();
    let scrolled = text_top(&window);
    assert!(
        scrolled < 0.0,
        "the reader scrolled down to the range ({scrolled})"
    );
    assert_eq!(window.state().selection().text, Some((start, start + 5)));

    press_digit(&mut window, Key::Num3, "3");
    window.run();
    assert_eq!(window.state().session().project().passages.len(), 1);
    assert!(window.state().selection().passage.is_some());
    assert_eq!(text_top(&window), scrolled, "tagging kept the scroll");

    // A second theme onto the selected passage.
    press_digit(&mut window, Key::Num5, "5");
    window.run();
    let p = window
        .state()
        .session()
        .project()
        .passages
        .values()
        .next()
        .cloned()
        .expect("p");
    assert_eq!(p.themes.len(), 2);
    assert_eq!(
        text_top(&window),
        scrolled,
        "adding a theme kept the scroll"
    );
}

/// A digit typed as a real keyboard sends it: the key, then the text it types.
fn press_digit(window: &mut Window, key: Key, text: &str) {
    window.key_press(key);
    window.event(egui::Event::Text(text.to_owned()));
    window.run();
}
