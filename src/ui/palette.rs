//! Every colour the UI uses, in one place. Themes carry their own colour; this module turns it
//! into fills and strokes that read well in the light and the dark visuals.

use egui::Color32;

use crate::project::Rgb;

use crate::project::colours::{DARK_SHIFT, LIGHT_SHIFT, shifted};

/// The categorical palette themes and series take their colours from, in order.
pub use crate::project::colours::palette as theme_colours;

/// A colour exactly as stored.
pub fn color(rgb: Rgb) -> Color32 {
    let [r, g, b] = rgb.0;
    Color32::from_rgb(r, g, b)
}

/// A theme's (or series') colour as drawn on the current background: a little darker on the
/// light one, a little lighter on the dark one, so that every colour of the palette reads on
/// both (swatches, underlines, stripes, bars).
pub fn theme(rgb: Rgb, dark: bool) -> Color32 {
    color(shifted(rgb, if dark { DARK_SHIFT } else { LIGHT_SHIFT }))
}

/// The fill behind text covered by passages of these colours: their average, more opaque the
/// more passages overlap, so overlaps stay visible.
pub fn highlight_fill(colours: &[Rgb], dark: bool) -> Color32 {
    if colours.is_empty() {
        return Color32::TRANSPARENT;
    }
    let n = colours.len() as u32;
    let sum = colours.iter().fold([0u32; 3], |acc, c| {
        [
            acc[0] + u32::from(c.0[0]),
            acc[1] + u32::from(c.0[1]),
            acc[2] + u32::from(c.0[2]),
        ]
    });
    let avg = sum.map(|v| (v / n) as u8);
    let base = if dark { 0.38 } else { 0.30 };
    let alpha = (base + 0.14 * (n.min(4) - 1) as f32).min(0.8);
    Color32::from_rgba_unmultiplied(avg[0], avg[1], avg[2], (alpha * 255.0) as u8)
}

/// Text colour on a highlighted span.
pub fn highlighted_text(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(250)
    } else {
        Color32::from_gray(10)
    }
}

/// The outline around the selected passage.
pub fn selection_outline(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(255, 230, 120)
    } else {
        Color32::from_rgb(20, 20, 20)
    }
}

/// Figures in the reader: a colour distinct from theme fills (used for text, not background).
pub fn figure_text(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(120, 200, 255)
    } else {
        Color32::from_rgb(0, 90, 170)
    }
}

pub fn warning(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(255, 190, 80)
    } else {
        Color32::from_rgb(170, 100, 0)
    }
}

/// A value the analyst set or corrected (an article attribute), told apart from detected ones.
pub fn analyst(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(140, 210, 140)
    } else {
        Color32::from_rgb(30, 120, 50)
    }
}

pub fn error(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(255, 110, 100)
    } else {
        Color32::from_rgb(190, 30, 30)
    }
}

/// A cell shade for heat maps: `t` from 0 (empty) to 1 (the largest value).
pub fn heat(t: f32, dark: bool) -> Color32 {
    let t = t.clamp(0.0, 1.0);
    let a = (40.0 + 200.0 * t) as u8;
    if dark {
        Color32::from_rgba_unmultiplied(80, 160, 255, a)
    } else {
        Color32::from_rgba_unmultiplied(30, 100, 200, a)
    }
}

/// An actor's kind in the actor views: countries blue, organisations orange, people green.
pub fn actor_kind(kind: crate::actors::ActorKind) -> Color32 {
    match kind {
        crate::actors::ActorKind::Country => Color32::from_rgb(70, 130, 220),
        crate::actors::ActorKind::Org => Color32::from_rgb(230, 140, 40),
        crate::actors::ActorKind::Person => Color32::from_rgb(60, 170, 90),
    }
}

/// The fill of an agreement grade: green (good), amber (tentative), red (poor).
pub fn grade(grade: crate::analysis::agreement::Grade, dark: bool) -> Color32 {
    use crate::analysis::agreement::Grade;
    let (r, g, b) = match grade {
        Grade::Good => (60, 160, 80),
        Grade::Tentative => (220, 160, 40),
        Grade::Poor => (210, 70, 60),
    };
    Color32::from_rgba_unmultiplied(r, g, b, if dark { 150 } else { 110 })
}

/// The two coders' colours when the reader shows two coders side by side: blue and orange,
/// apart from each other for colour-blind readers too.
pub const CODER_COLOURS: [Rgb; 2] = [Rgb([40, 120, 220]), Rgb([235, 130, 20])];
