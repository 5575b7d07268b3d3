//! The layering rules of docs/architecture.md, read from the source: no two top-level modules
//! import each other (directly or round a longer loop), `ui` never imports `app`, and the model
//! and session layers never name egui. A new import that breaks a rule fails here with the
//! file that made it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file below `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file of `src/` belongs to (`src/ui/reader/mod.rs` → `ui`).
fn top_module(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).expect("below src");
    let first = rel.components().next().expect("a component");
    first
        .as_os_str()
        .to_string_lossy()
        .trim_end_matches(".rs")
        .to_owned()
}

/// The code of a file without its comments (doc links name modules without importing them).
fn code_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().filter(|l| !l.trim_start().starts_with("//"))
}

/// Which top-level modules each module names as `crate::X`, with a file that does.
fn imports() -> BTreeMap<String, BTreeMap<String, PathBuf>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut graph: BTreeMap<String, BTreeMap<String, PathBuf>> = BTreeMap::new();
    for file in files {
        let from = top_module(&src, &file);
        if from == "lib" || from == "main" {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("read");
        for line in code_lines(&text) {
            for (i, _) in line.match_indices("crate::") {
                let rest = &line[i + "crate::".len()..];
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() && name != from {
                    graph
                        .entry(from.clone())
                        .or_default()
                        .entry(name)
                        .or_insert_with(|| file.clone());
                }
            }
        }
    }
    graph
}

#[test]
fn no_two_modules_import_each_other() {
    let graph = imports();
    // Depth-first search for a loop; report it with a file for each step.
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeMap<String, PathBuf>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flat_map(BTreeMap::keys) {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        if let Some(cycle) = visit(node, &graph, &mut Vec::new(), &mut done) {
            let steps: Vec<String> = cycle
                .windows(2)
                .map(|w| format!("{} → {} ({})", w[0], w[1], graph[&w[0]][&w[1]].display()))
                .collect();
            panic!("modules import each other in a loop:\n{}", steps.join("\n"));
        }
    }
}

#[test]
fn ui_never_imports_app_and_the_model_never_names_egui() {
    let graph = imports();
    if let Some(file) = graph.get("ui").and_then(|m| m.get("app")) {
        panic!("ui imports app in {}", file.display());
    }
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let model = [
        "corpus",
        "project",
        "figures",
        "figure_types",
        "actors",
        "actor_types",
        "analysis",
        "interop",
        "text",
        "session",
    ];
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    for file in files {
        if !model.contains(&top_module(&src, &file).as_str()) {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("read");
        if let Some(line) = code_lines(&text).find(|l| l.contains("egui")) {
            panic!("{} names egui: {line}", file.display());
        }
    }
}

/// The four test binaries: `Cargo.toml` turns off test discovery, so a file under `tests/` runs
/// only when one of these roots names it as a module.
const TEST_ROOTS: [&str; 4] = ["model", "figures", "actors", "ui"];

#[test]
fn every_test_file_is_a_module_of_exactly_one_test_binary() {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut named: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for root in TEST_ROOTS {
        let text = std::fs::read_to_string(tests.join(format!("{root}.rs"))).expect("a test root");
        for line in code_lines(&text) {
            if let Some(module) = line.trim().strip_prefix("mod ") {
                let module = module.trim_end_matches(';').to_owned();
                named.entry(module).or_default().push(root);
            }
        }
    }
    let cargo = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
        .expect("Cargo.toml");
    assert!(
        cargo.contains("autotests = false"),
        "the roots assume discovery is off"
    );
    for root in TEST_ROOTS {
        assert!(
            cargo.contains(&format!("path = \"tests/{root}.rs\"")),
            "Cargo.toml declares the test binary {root}"
        );
    }
    let mut checked = 0;
    for entry in std::fs::read_dir(&tests).expect("read tests") {
        let path = entry.expect("entry").path();
        let Some(stem) = path.file_stem().map(|s| s.to_string_lossy().into_owned()) else {
            continue;
        };
        let is_module = if path.is_dir() {
            path.join("mod.rs").is_file()
        } else {
            path.extension().is_some_and(|e| e == "rs") && !TEST_ROOTS.contains(&stem.as_str())
        };
        if !is_module {
            continue;
        }
        checked += 1;
        let roots = named.get(&stem).map_or(0, Vec::len);
        // `common` is shared by every binary; every other file belongs to exactly one.
        let wanted = if stem == "common" {
            TEST_ROOTS.len()
        } else {
            1
        };
        assert_eq!(
            roots, wanted,
            "tests/{stem} is named by {roots} test roots, wanted {wanted}"
        );
    }
    assert!(
        checked > 50,
        "only {checked} test modules found under tests/"
    );
}
