//! Fuzz target: figure extraction on any text never panics, and every figure's offsets are a
//! code point range of the text whose content is the figure's text, inside its sentence.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let chars: Vec<char> = text.chars().collect();
    for f in dossier::figures::extract(text) {
        assert!(f.start < f.end && f.end <= chars.len(), "range {}..{} of {}", f.start, f.end, chars.len());
        let got: String = chars[f.start..f.end].iter().collect();
        assert_eq!(got, f.text);
        assert!(f.sentence.0 <= f.start && f.end <= f.sentence.1 && f.sentence.1 <= chars.len());
        assert!(f.value.is_finite());
    }
});
