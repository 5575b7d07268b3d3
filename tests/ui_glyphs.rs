//! The UI's own symbols are drawn with the fonts Dossier bundles: every character that is not
//! ASCII in a string of `src/ui/` has a glyph in egui's default fonts, so no symbol of the
//! window shows as a box where the system has no fonts to fall back on. (Text from the articles
//! may need the system's fonts, which eframe loads on demand when present.)

use std::collections::BTreeMap;
use std::path::Path;

/// Non-ASCII characters inside string literals of the Rust files under `dir`, with where.
fn symbols(dir: &Path, found: &mut BTreeMap<char, String>) {
    for entry in std::fs::read_dir(dir).expect("src/ui") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            symbols(&path, found);
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("source");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            // Characters between double quotes on the line (strings do not span lines here).
            for (k, part) in code.split('"').enumerate() {
                if k % 2 == 1 {
                    for c in part.chars().filter(|c| !c.is_ascii()) {
                        found
                            .entry(c)
                            .or_insert_with(|| format!("{}:{}", path.display(), n + 1));
                    }
                }
            }
        }
    }
}

#[test]
fn every_symbol_of_the_ui_has_a_glyph_in_the_bundled_fonts() {
    let mut found = BTreeMap::new();
    symbols(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui"),
        &mut found,
    );
    assert!(found.contains_key(&'…'), "the scan finds the UI's strings");
    let ctx = egui::Context::default();
    // One frame loads the fonts; its texture upload is for a renderer there is none of.
    let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
    output.textures_delta.clear();
    let missing: Vec<String> = ctx.fonts_mut(|fonts| {
        found
            .iter()
            .filter(|(c, _)| {
                !fonts.has_glyph(&egui::FontId::proportional(14.0), **c)
                    || !fonts.has_glyph(&egui::FontId::monospace(14.0), **c)
            })
            .map(|(c, at)| format!("{c:?} (U+{:04X}) at {at}", u32::from(*c)))
            .collect()
    });
    assert!(missing.is_empty(), "no glyph for {missing:#?}");
}
