//! Fuzz target: opening a project file never panics, and whatever opens saves and opens again
//! to the same project.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let path = std::path::Path::new("fuzz.json");
    if let Ok(opened) = dossier::project::format::parse(text, path) {
        let saved = dossier::project::format::to_json(&opened.project);
        let again = dossier::project::format::parse(&saved, path).expect("a saved project opens");
        assert_eq!(again.project, opened.project, "save then open is the identity");
    }
});
