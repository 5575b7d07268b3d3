//! Fuzz target: decoding any bytes never panics; decoded text has no CR and its code point index
//! agrees with the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(decoded) = dossier::corpus::decode(data) {
        assert!(!decoded.text.contains('\r'));
        assert!(!decoded.text.starts_with('\u{FEFF}'));
        let index = dossier::corpus::TextIndex::new(&decoded.text);
        assert_eq!(index.char_len(), decoded.text.chars().count());
        for (c, (b, _)) in decoded.text.char_indices().enumerate().step_by(7) {
            assert_eq!(index.byte_of(&decoded.text, c), Some(b));
            assert_eq!(index.char_of(&decoded.text, b), Some(c));
        }
    }
});
