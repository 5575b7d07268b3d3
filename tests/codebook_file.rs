//! Number keys and the codebook order in the project file: a project whose keys are still the
//! positional ones saves without them (as before), reassigned keys and a reordered codebook
//! are written and read back, and damaged keys are dropped with a warning.

use std::path::Path;

use dossier::project::codebook::default_themes;
use dossier::project::format;
use dossier::project::{Edit, Project, ThemeId};

fn project() -> Project {
    let mut p = Project::with_themes(default_themes());
    p.ensure_theme_keys();
    p
}

fn reopen(p: &Project) -> (Project, Vec<String>) {
    let opened = format::parse(&format::to_json(p), Path::new("p.json")).expect("parses");
    (opened.project, opened.warnings)
}

#[test]
fn positional_keys_are_not_written_and_come_back() {
    let p = project();
    let json = format::to_json(&p);
    assert!(
        !json.contains("theme_keys") && !json.contains("theme_order"),
        "{json}"
    );
    let (back, warnings) = reopen(&p);
    assert!(warnings.is_empty());
    assert_eq!(back, p);
    assert_eq!(format::to_json(&back), json, "byte for byte");
}

#[test]
fn reassigned_keys_and_a_moved_theme_are_kept() {
    let mut p = project();
    let eleventh = p.theme_tree()[10].1.id;
    let keys = p.theme_keys.with(eleventh, Some(1));
    p.apply(Edit::SetThemeKeys(keys)).expect("keys");
    let last = p.theme_tree().last().map(|(_, t)| t.id).expect("theme");
    let first = p.theme_tree()[0].1.id;
    let moved = p.move_theme(last, None, Some(first)).expect("move");
    p.apply(moved).expect("moved");
    assert_eq!(p.theme_tree()[0].1.id, last);
    let json = format::to_json(&p);
    assert!(json.contains("\"theme_keys\"") && json.contains("\"theme_order\""));
    let (back, warnings) = reopen(&p);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(back.theme_keys, p.theme_keys);
    assert_eq!(back.theme_keys.theme(1), Some(eleventh));
    assert_eq!(back.theme_tree()[0].1.id, last);
    assert_eq!(format::to_json(&back), json);
}

#[test]
fn damaged_keys_are_dropped_with_a_warning() {
    let p = project();
    let json = format::to_json(&p).replacen(
        "\"themes\": [",
        "\"theme_keys\": {\"1\": 4, \"2\": 99, \"12\": 3, \"3\": 4},\n  \"themes\": [",
        1,
    );
    let opened = format::parse(&json, Path::new("p.json")).expect("parses");
    assert_eq!(opened.warnings.len(), 3, "{:?}", opened.warnings);
    let keys: Vec<(u8, ThemeId)> = opened.project.theme_keys.iter().collect();
    assert_eq!(keys, vec![(1, ThemeId(4))]);
}
