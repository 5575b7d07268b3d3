//! Exporting the plot as a PNG: a screenshot of the window is cropped to the plot and encoded
//! off the UI thread.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use super::{JobOutput, Jobs, display_name};
use crate::context::jobs::{JobProgress, Running, Slot};

impl Jobs {
    /// A screenshot callback that crops `rect` (in points) out of the window's image, encodes
    /// it as PNG and writes it to `path`, off the UI thread.
    pub fn png_of_region(
        &mut self,
        path: PathBuf,
        rect: egui::Rect,
        pixels_per_point: f32,
        rules: crate::project::output::OutputRules,
    ) -> impl FnOnce(std::sync::Arc<egui::ColorImage>) + Send + 'static {
        let (tx, ctx) = (self.tx.clone(), self.ctx.clone());
        let id = self.next_id;
        self.next_id += 1;
        let progress = Arc::new(JobProgress::default());
        self.running.push(Running {
            id,
            slot: Slot::Export,
            label: format!("Writing {}", display_name(&path)),
            progress,
            started: Instant::now(),
        });
        move |image: std::sync::Arc<egui::ColorImage>| {
            let work = move || {
                let result = encode_png(&image, rect, pixels_per_point).and_then(|png| {
                    crate::project::output::write_output(&path, &png, &rules.policy())
                        .map_err(|e| e.to_string())
                });
                let _ = tx.send((id, JobOutput::Exported { path, result }));
                ctx.request_repaint();
            };
            if std::thread::Builder::new()
                .name("dossier-png".into())
                .spawn(work)
                .is_err()
            {
                // Already reported through the running job staying visible; nothing else to do.
            }
        }
    }
}

/// Crop `rect` (points) from `image` and encode it as an RGBA PNG.
pub fn encode_png(
    image: &egui::ColorImage,
    rect: egui::Rect,
    pixels_per_point: f32,
) -> Result<Vec<u8>, String> {
    let [w, h] = image.size;
    let x0 = ((rect.min.x * pixels_per_point).max(0.0) as usize).min(w);
    let y0 = ((rect.min.y * pixels_per_point).max(0.0) as usize).min(h);
    let x1 = ((rect.max.x * pixels_per_point).max(0.0) as usize).min(w);
    let y1 = ((rect.max.y * pixels_per_point).max(0.0) as usize).min(h);
    if x1 <= x0 || y1 <= y0 {
        return Err("the plot is not on screen".into());
    }
    let mut rgba = Vec::with_capacity((x1 - x0) * (y1 - y0) * 4);
    for y in y0..y1 {
        for px in &image.pixels[y * w + x0..y * w + x1] {
            let [r, g, b, a] = px.to_srgba_unmultiplied();
            rgba.extend_from_slice(&[r, g, b, a]);
        }
    }
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, (x1 - x0) as u32, (y1 - y0) as u32);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
        writer.write_image_data(&rgba).map_err(|e| e.to_string())?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_crops_the_region_and_decodes() {
        // A 4×3 image (pixels per point 2: the region is 2×1 points from (0.5, 0.5)).
        let mut image = egui::ColorImage::filled([4, 3], egui::Color32::BLACK);
        image.pixels[4 + 1] = egui::Color32::from_rgb(255, 0, 0);
        let rect = egui::Rect::from_min_size(egui::pos2(0.5, 0.5), egui::vec2(1.5, 1.0));
        let png = encode_png(&image, rect, 2.0).expect("encodes");
        let decoder = png::Decoder::new(std::io::Cursor::new(png));
        let mut reader = decoder.read_info().expect("a PNG");
        let mut buf = vec![0; reader.output_buffer_size().expect("size")];
        let info = reader.next_frame(&mut buf).expect("frame");
        assert_eq!((info.width, info.height), (3, 2));
        assert_eq!(
            &buf[..4],
            &[255, 0, 0, 255],
            "the red pixel is the corner of the crop"
        );
        let off_screen = egui::Rect::from_min_size(egui::pos2(10.0, 10.0), egui::vec2(5.0, 5.0));
        assert!(encode_png(&image, off_screen, 1.0).is_err());
    }
}
