//! Moving themes by dragging their grip: dropped on the upper half of a theme's row it goes
//! just before that theme (beside it), on the lower half it goes under it (last of its
//! children), and below the list to the end of the top level. Each drop is one `Move` intent.

use egui::{Color32, Pos2, Rect, Response, Sense, Stroke, Ui, Vec2};

use crate::context::ViewContext;
use crate::project::{Project, Theme, ThemeId};
use crate::session::CodebookIntent;
use crate::ui::palette;

/// Where a dragged theme would go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Drop {
    /// Beside the row's theme, just before it.
    Before,
    /// Under the row's theme, as its last child.
    Into,
}

/// The grip at the start of a row: three short lines; dragging it carries the theme.
pub(super) fn grip_ui(ui: &mut Ui, theme: &Theme) {
    let (rect, response) = ui.allocate_exact_size(Vec2::new(10.0, 16.0), Sense::drag());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Button,
            true,
            format!("Drag to move “{}”", theme.name),
        )
    });
    response.dnd_set_drag_payload(theme.id);
    let color = if response.hovered() || response.dragged() {
        ui.visuals().strong_text_color()
    } else {
        ui.visuals().weak_text_color()
    };
    for i in 0..3 {
        let y = rect.center().y + (i as f32 - 1.0) * 4.0;
        ui.painter().line_segment(
            [
                Pos2::new(rect.left() + 1.0, y),
                Pos2::new(rect.right() - 1.0, y),
            ],
            Stroke::new(1.5, color),
        );
    }
    response.on_hover_text(
        "Drag onto another theme: upper half to put it before, lower half to put it under",
    );
}

/// Can `dragged` go under `parent` (`None`: the top level)?
fn allowed(project: &Project, dragged: ThemeId, parent: Option<ThemeId>) -> bool {
    parent.is_none_or(|p| p != dragged && !project.ancestors(p).contains(&dragged))
}

/// The row of `target` as a drop target: shows where a theme held over it would go, and moves
/// it there when it is let go.
pub(super) fn drop_on_row(ui: &Ui, cx: &ViewContext<'_>, target: &Theme, row: &Response) {
    let Some(dragged) = row.dnd_hover_payload::<ThemeId>() else {
        return;
    };
    let dragged = *dragged;
    if dragged == target.id {
        return;
    }
    let Some(pointer) = ui.input(|i| i.pointer.interact_pos()) else {
        return;
    };
    let rect = row.rect;
    let zone = if pointer.y < rect.center().y {
        Drop::Before
    } else {
        Drop::Into
    };
    let parent = match zone {
        Drop::Before => target.parent,
        Drop::Into => Some(target.id),
    };
    let project = cx.session.project();
    if !allowed(project, dragged, parent) {
        return;
    }
    let stroke = Stroke::new(2.0, palette::selection_outline(ui.visuals().dark_mode));
    match zone {
        Drop::Before => {
            ui.painter().hline(rect.x_range(), rect.top() - 1.0, stroke);
        }
        Drop::Into => {
            ui.painter()
                .rect_stroke(rect, 3.0, stroke, egui::StrokeKind::Outside);
        }
    }
    if row.dnd_release_payload::<ThemeId>().is_some() {
        cx.send(CodebookIntent::Move {
            theme: dragged,
            parent,
            before: (zone == Drop::Before).then_some(target.id),
        });
    }
}

/// Below the list, while a theme is dragged: drop it there to make it the last top-level theme.
pub(super) fn drop_at_end(ui: &mut Ui, cx: &ViewContext<'_>) {
    if !egui::DragAndDrop::has_payload_of_type::<ThemeId>(ui.ctx()) {
        return;
    }
    let (rect, response) =
        ui.allocate_exact_size(Vec2::new(ui.available_width(), 22.0), Sense::hover());
    let hovered = response.dnd_hover_payload::<ThemeId>().is_some();
    let color = if hovered {
        palette::selection_outline(ui.visuals().dark_mode)
    } else {
        ui.visuals().weak_text_color()
    };
    ui.painter().rect_stroke(
        Rect::from_min_size(rect.min, rect.size()).shrink(1.0),
        3.0,
        Stroke::new(1.0, color),
        egui::StrokeKind::Inside,
    );
    ui.painter().text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        "Drop here to put it last, at the top level",
        egui::FontId::proportional(12.0),
        if hovered { color } else { Color32::GRAY },
    );
    if let Some(dragged) = response.dnd_release_payload::<ThemeId>() {
        cx.send(CodebookIntent::Move {
            theme: *dragged,
            parent: None,
            before: None,
        });
    }
}
