//! Collecting the glyphs `pdf-extract` places on each page into lines: characters on one
//! baseline, in the order the page draws them, with a space where the gap between two glyphs
//! is wider than a fifth of the font size.

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// One line of text on a page. Coordinates are in points, `y` grows downwards.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Line {
    pub x0: f64,
    pub x1: f64,
    /// The baseline.
    pub y: f64,
    /// The font size the glyphs are drawn at.
    pub size: f64,
    pub text: String,
}

/// The lines of one page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    pub width: f64,
    pub height: f64,
    pub lines: Vec<Line>,
}

/// An [`OutputDev`] that keeps lines instead of writing text.
#[derive(Default)]
pub struct Collector {
    pages: Vec<Page>,
    flip: Option<Transform>,
    /// A space was drawn (or a word ended) since the last glyph.
    space: bool,
}

/// The most glyphs kept from one page (a page of 200,000 glyphs is a drawing, not text).
const MAX_GLYPHS: usize = 200_000;

impl Collector {
    pub fn pages(self) -> Vec<Page> {
        self.pages
    }

    /// Drop what was collected of the page being read (it failed half-way).
    pub fn abandon_page(&mut self) {
        if let Some(p) = self.pages.last_mut() {
            p.lines.clear();
        }
    }
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _: u32,
        media_box: &MediaBox,
        _: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        let height = media_box.ury - media_box.lly;
        self.flip = Some(Transform::row_major(1., 0., 0., -1., 0., height));
        self.pages.push(Page {
            width: media_box.urx - media_box.llx,
            height,
            lines: Vec::new(),
        });
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _: f64,
        font_size: f64,
        ch: &str,
    ) -> Result<(), OutputError> {
        let Some(flip) = self.flip else { return Ok(()) };
        let Some(page) = self.pages.last_mut() else {
            return Ok(());
        };
        let pos = trm.post_transform(&flip);
        let v = trm.transform_vector(euclid::vec2(font_size, font_size));
        let size = (v.x * v.y).abs().sqrt();
        let (x, y) = (pos.m31, pos.m32);
        if !(x.is_finite() && y.is_finite() && size.is_finite()) {
            return Ok(());
        }
        let end = x + width * size;
        if ch.chars().all(char::is_whitespace) {
            self.space = true;
            return Ok(());
        }
        if page.lines.iter().map(|l| l.text.len()).sum::<usize>() > MAX_GLYPHS * 4 {
            return Ok(());
        }
        let tolerance = size.max(1.0) * 0.5;
        match page.lines.last_mut() {
            Some(line) if (line.y - y).abs() < tolerance && x > line.x1 - size * 0.5 => {
                if self.space || x > line.x1 + size * 0.2 {
                    line.text.push(' ');
                }
                line.text.push_str(ch);
                line.x1 = line.x1.max(end);
                line.size = line.size.max(size);
            }
            _ => page.lines.push(Line {
                x0: x,
                x1: end,
                y,
                size,
                text: ch.to_owned(),
            }),
        }
        self.space = false;
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}
