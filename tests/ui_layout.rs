//! The window's layout (egui_kittest): at 800×600 the reader keeps a usable size, and the
//! side and lower panels hide and come back from the View menu and their shortcuts.

use crate::common;

use crate::common::ui::{Window, open_sized};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

fn reader(window: &Window) -> egui::Rect {
    window.get_by_label("Article text").rect()
}

/// The reader's width, and the height of the text shown: down to the lower panel's edge (its
/// resize handle), or to the status bar when the lower panel is hidden.
fn reader_room(window: &Window) -> egui::Vec2 {
    let text = reader(window);
    let bottom = window
        .get_all_by_label("Resize panel")
        .map(|n| n.rect())
        .filter(|r| r.width() > r.height())
        .map(|r| r.top())
        .fold(570.0_f32, f32::min);
    egui::vec2(text.width(), text.bottom().min(bottom) - text.top())
}

fn settle_animation(window: &mut Window) {
    for _ in 0..5 {
        window.run();
    }
}

#[test]
fn at_800_by_600_the_reader_has_room_and_panels_hide_and_return() {
    let mut window = open_sized(common::seeds_dir(), [800.0, 600.0]);
    let room = reader_room(&window);
    eprintln!(
        "R {:?} {:?} lib {:?} cb {:?}",
        reader(&window),
        room,
        window.query_by_label("Library").map(|n| n.rect()),
        window.query_by_label("Codebook").map(|n| n.rect())
    );
    assert!(room.x >= 330.0, "the reader is {room:?}");
    assert!(room.y >= 120.0, "the reader is {room:?}");

    // Ctrl+Shift+L hides the library: the reader grows; pressed again it comes back.
    window.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::L);
    settle_animation(&mut window);
    assert!(
        window.query_by_label("Library").is_none(),
        "the library is hidden"
    );
    let wider = reader_room(&window);
    eprintln!(
        "R {:?} {:?} lib {:?} cb {:?}",
        reader(&window),
        wider,
        window.query_by_label("Library").map(|n| n.rect()),
        window.query_by_label("Codebook").map(|n| n.rect())
    );
    assert!(wider.x > room.x + 100.0, "{wider:?} after {room:?}");
    window.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::L);
    settle_animation(&mut window);
    window.get_by_label("Library");

    // The View menu hides the codebook and the lower tabs.
    for item in ["Show or hide the codebook", "Show or hide the lower tabs"] {
        window.get_by_label("View").click();
        window.run();
        window.get_by_label_contains(item).click();
        settle_animation(&mut window);
    }
    assert!(window.query_by_label("Codebook").is_none());
    assert!(
        window.query_by_label("Passages").is_none(),
        "the tabs are hidden"
    );
    let big = reader_room(&window);
    assert!(big.y > room.y + 60.0, "{big:?} after {room:?}");
}
