//! Labels for the analysis tables and charts: column headers written upwards so long names fit
//! a narrow column, and row labels cut to a width; both show the whole text on hover and carry
//! it as their accessible name.

use egui::epaint::TextShape;
use egui::text::{LayoutJob, TextWrapping};
use egui::{FontId, Response, Sense, TextFormat, Ui, Vec2};

/// The longest a rotated header gets; longer names are cut with "…".
pub(super) const MAX_HEADER: f32 = 150.0;

fn galley(ui: &Ui, text: &str, size: f32, width: f32) -> std::sync::Arc<egui::Galley> {
    let mut job = LayoutJob::single_section(
        text.to_owned(),
        TextFormat::simple(FontId::proportional(size), ui.visuals().text_color()),
    );
    job.wrap = TextWrapping::truncate_at_width(width);
    ui.fonts_mut(|f| f.layout_job(job))
}

/// How tall the rotated headers for `texts` need to be.
pub(super) fn header_height(ui: &Ui, texts: &[String]) -> f32 {
    texts
        .iter()
        .map(|t| galley(ui, t, 12.0, MAX_HEADER).size().x)
        .fold(20.0_f32, f32::max)
        + 6.0
}

/// A column header `width` wide and `height` tall, its text read from bottom to top.
pub(super) fn rotated_header(ui: &mut Ui, text: &str, width: f32, height: f32) -> Response {
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, height), Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
    if ui.is_rect_visible(rect) {
        let g = galley(ui, text, 12.0, (height - 6.0).min(MAX_HEADER));
        // Turned a quarter left about its top-left corner: it runs upwards from the bottom.
        let pos = egui::pos2(rect.center().x - g.size().y / 2.0, rect.bottom() - 3.0);
        let color = ui.visuals().text_color();
        ui.painter()
            .add(TextShape::new(pos, g, color).with_angle(-std::f32::consts::FRAC_PI_2));
    }
    response.on_hover_text(text)
}

/// A row label cut to `width` (with "…"), the whole text on hover.
pub(super) fn row_label(ui: &mut Ui, text: &str, width: f32) -> Response {
    let g = galley(ui, text, 13.0, width);
    let (rect, response) =
        ui.allocate_exact_size(Vec2::new(width, g.size().y.max(18.0)), Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
    let y = rect.center().y - g.size().y / 2.0;
    let color = ui.visuals().text_color();
    ui.painter().galley(egui::pos2(rect.left(), y), g, color);
    response.on_hover_text(text)
}
