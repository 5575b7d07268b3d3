//! The colours themes and series are given: a categorical palette of 24 distinct colours
//! (`assets/theme-colours.txt`), handed out first-unused, and the OKLab arithmetic that checks
//! they stay apart and makes the variants the window shows on light and dark backgrounds.

use std::sync::OnceLock;

use super::model::Rgb;

/// The palette file: one `#rrggbb` a line, `#` followed by a space starts a comment.
const PALETTE: &str = include_str!("../../assets/theme-colours.txt");

/// How much darker (OKLab lightness) a colour is shown on the light background, and how much
/// lighter on the dark one, so pale and deep colours both stay readable.
pub const LIGHT_SHIFT: f32 = -0.16;
pub const DARK_SHIFT: f32 = 0.06;

/// The palette, in the order colours are handed out.
pub fn palette() -> &'static [Rgb] {
    static PARSED: OnceLock<Vec<Rgb>> = OnceLock::new();
    PARSED.get_or_init(|| {
        PALETTE
            .lines()
            .filter_map(|l| Rgb::from_hex(l.trim()))
            .collect()
    })
}

/// The first palette colour none of `used` has; when every one is taken, the least used (the
/// earliest of those).
pub fn first_unused(used: impl IntoIterator<Item = Rgb>) -> Rgb {
    let colours = palette();
    let mut counts = vec![0usize; colours.len()];
    for c in used {
        if let Some(i) = colours.iter().position(|p| *p == c) {
            counts[i] += 1;
        }
    }
    let least = counts
        .iter()
        .enumerate()
        .min_by_key(|(i, n)| (**n, *i))
        .map_or(0, |(i, _)| i);
    colours
        .get(least)
        .copied()
        .unwrap_or(Rgb([0x4e, 0x79, 0xa7]))
}

fn to_linear(c: u8) -> f32 {
    let c = f32::from(c) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

fn from_linear(c: f32) -> f32 {
    if c <= 0.003_130_8 {
        12.92 * c
    } else {
        1.055 * c.powf(1.0 / 2.4) - 0.055
    }
}

/// The colour in OKLab (Ottosson 2020): lightness 0–1 and two opponent axes.
pub fn oklab(rgb: Rgb) -> [f32; 3] {
    let [r, g, b] = rgb.0.map(to_linear);
    let l = (0.412_221_46 * r + 0.536_332_55 * g + 0.051_445_995 * b).cbrt();
    let m = (0.211_903_5 * r + 0.680_699_5 * g + 0.107_396_96 * b).cbrt();
    let s = (0.088_302_46 * r + 0.281_718_85 * g + 0.629_978_7 * b).cbrt();
    [
        0.210_454_26 * l + 0.793_617_8 * m - 0.004_072_047 * s,
        1.977_998_5 * l - 2.428_592_2 * m + 0.450_593_7 * s,
        0.025_904_037 * l + 0.782_771_77 * m - 0.808_675_77 * s,
    ]
}

/// The sRGB colour of an OKLab one, or `None` when it lies outside sRGB.
pub fn from_oklab([lightness, a, b]: [f32; 3]) -> Option<Rgb> {
    let l = (lightness + 0.396_337_78 * a + 0.215_803_76 * b).powi(3);
    let m = (lightness - 0.105_561_346 * a - 0.063_854_17 * b).powi(3);
    let s = (lightness - 0.089_484_18 * a - 1.291_485_5 * b).powi(3);
    let linear = [
        4.076_741_7 * l - 3.307_711_6 * m + 0.230_969_94 * s,
        -1.268_438 * l + 2.609_757_4 * m - 0.341_319_38 * s,
        -0.004_196_086_3 * l - 0.703_418_6 * m + 1.707_614_7 * s,
    ];
    let mut out = [0u8; 3];
    for (o, c) in out.iter_mut().zip(linear) {
        let v = from_linear(c);
        if !(-0.001..=1.001).contains(&v) {
            return None;
        }
        *o = (v.clamp(0.0, 1.0) * 255.0).round() as u8;
    }
    Some(Rgb(out))
}

/// The same hue `shift` lighter (negative: darker) in OKLab lightness, with its chroma reduced
/// as far as needed to stay in sRGB.
pub fn shifted(rgb: Rgb, shift: f32) -> Rgb {
    let [l, a, b] = oklab(rgb);
    let l = (l + shift).clamp(0.0, 1.0);
    (0..=10)
        .rev()
        .find_map(|k| {
            let k = k as f32 / 10.0;
            from_oklab([l, a * k, b * k])
        })
        .unwrap_or(rgb)
}

/// How far apart two colours look (Euclidean distance in OKLab).
pub fn distance(x: Rgb, y: Rgb) -> f32 {
    let (p, q) = (oklab(x), oklab(y));
    p.iter()
        .zip(q)
        .map(|(a, b)| (a - b).powi(2))
        .sum::<f32>()
        .sqrt()
}

/// The WCAG contrast ratio of two colours (1 to 21).
pub fn contrast(x: Rgb, y: Rgb) -> f32 {
    let luminance = |c: Rgb| {
        let [r, g, b] = c.0.map(to_linear);
        0.2126 * r + 0.7152 * g + 0.0722 * b
    };
    let (a, b) = (luminance(x), luminance(y));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn min_distance(colours: &[Rgb]) -> f32 {
        let mut min = f32::MAX;
        for (i, a) in colours.iter().enumerate() {
            for b in &colours[i + 1..] {
                min = min.min(distance(*a, *b));
            }
        }
        min
    }

    #[test]
    fn the_palette_has_twenty_distinct_colours_or_more() {
        let p = palette();
        assert!(p.len() >= 20, "{} colours", p.len());
        assert!(min_distance(p) >= 0.09, "{}", min_distance(p));
        // Far from the grey of placeholder themes.
        let grey = Rgb([0x88, 0x88, 0x88]);
        assert!(p.iter().all(|c| distance(*c, grey) >= 0.06));
    }

    #[test]
    fn the_variants_stay_distinct_and_readable_on_their_background() {
        // egui's panel fills: light grey 248, dark grey 27.
        let (light_bg, dark_bg) = (Rgb([248; 3]), Rgb([27; 3]));
        let light: Vec<Rgb> = palette().iter().map(|c| shifted(*c, LIGHT_SHIFT)).collect();
        let dark: Vec<Rgb> = palette().iter().map(|c| shifted(*c, DARK_SHIFT)).collect();
        // About twice a just-noticeable difference at the least.
        assert!(min_distance(&light) >= 0.04, "{}", min_distance(&light));
        assert!(min_distance(&dark) >= 0.04, "{}", min_distance(&dark));
        for (l, d) in light.iter().zip(&dark) {
            assert!(contrast(*l, light_bg) >= 2.5, "{} on light", l.to_hex());
            assert!(contrast(*d, dark_bg) >= 4.0, "{} on dark", d.to_hex());
        }
    }

    #[test]
    fn oklab_round_trips_and_knows_its_gamut() {
        for c in palette() {
            assert_eq!(from_oklab(oklab(*c)), Some(*c), "{}", c.to_hex());
        }
        assert_eq!(from_oklab([1.0, 0.3, 0.3]), None);
        assert!((oklab(Rgb([255; 3]))[0] - 1.0).abs() < 1e-3);
        assert!((contrast(Rgb([0; 3]), Rgb([255; 3])) - 21.0).abs() < 0.01);
    }

    #[test]
    fn new_colours_are_the_first_unused() {
        let p = palette();
        assert_eq!(first_unused([]), p[0]);
        assert_eq!(first_unused([p[0], p[2]]), p[1]);
        // Every colour taken once, the first twice: the second is least used.
        let mut all: Vec<Rgb> = p.to_vec();
        all.push(p[0]);
        assert_eq!(first_unused(all), p[1]);
    }
}
