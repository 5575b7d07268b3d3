//! REFI-QDA codes to Dossier themes: the `<Codes>` tree of a `.qdpx` project or a `.qdc`
//! codebook becomes themes with their hierarchy, colours and descriptions. Categories that
//! other tools mark `isCodable="false"` become themes too, so the tree keeps its shape.
//! Importing a `.qdc` into an existing project is one undoable edit; a code whose name is
//! already a theme is renamed, merged into that theme, or stops the import (`OnClash`).

use std::collections::{BTreeMap, BTreeSet};

use roxmltree::{Document, Node};

use super::refi_import::ImportError;
use super::refi_import_schema::{self as schema, LineIndex};
use crate::project::codebook::default_themes;
use crate::project::{Edit, Project, Rgb, Theme, ThemeId};

/// One code read from the XML, as the theme it becomes.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportedCode {
    /// The code's GUID, lower case, without braces.
    pub guid: String,
    pub theme: Theme,
    /// `isCodable="false"`: a category other tools do not let analysts code with.
    pub codable: bool,
    /// GUIDs of notes the code refers to (`NoteRef`).
    pub notes: Vec<String>,
}

/// A GUID as compared: lower case, braces and spaces removed.
pub fn guid_key(s: &str) -> String {
    s.trim()
        .trim_start_matches('{')
        .trim_end_matches('}')
        .to_ascii_lowercase()
}

/// `#RRGGBB` or `#RGB` in any case; other tools write upper case.
pub fn colour(value: Option<&str>, fallback_index: usize) -> Rgb {
    let parsed = value.and_then(|v| {
        let v = v.trim().to_ascii_lowercase();
        let hex = v.strip_prefix('#')?;
        if hex.len() == 3 {
            let long: String = hex.chars().flat_map(|c| [c, c]).collect();
            Rgb::from_hex(&format!("#{long}"))
        } else {
            Rgb::from_hex(&v)
        }
    });
    parsed.unwrap_or_else(|| {
        let palette = default_themes();
        palette
            .get(fallback_index % palette.len().max(1))
            .map_or(Rgb([0x88, 0x88, 0x88]), |t| t.color)
    })
}

fn text_of(node: Node) -> String {
    node.children().filter_map(|c| c.text()).collect()
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children()
        .find(|c| c.is_element() && c.tag_name().name() == name)
}

/// Read the codes under `codes` (a `<Codes>` element) depth first; ids count up from
/// `first`. Codes without a GUID or name are skipped with a reason in `skipped`.
pub fn read_codes(
    codes: Node,
    first: ThemeId,
    lines: &LineIndex,
    skipped: &mut Vec<String>,
) -> Vec<ImportedCode> {
    let mut out = Vec::new();
    let mut stack: Vec<(Node, Option<ThemeId>)> = codes
        .children()
        .filter(|c| c.is_element() && c.tag_name().name() == "Code")
        .map(|c| (c, None))
        .collect();
    stack.reverse();
    let mut next = first.0;
    while let Some((node, parent)) = stack.pop() {
        let line = lines.line(node.range().start);
        let (Some(guid), Some(name)) = (node.attribute("guid"), node.attribute("name")) else {
            skipped.push(format!(
                "line {line}: a code without a guid or name (and the codes inside it)"
            ));
            continue;
        };
        let name = if name.trim().is_empty() {
            format!("Unnamed code {next}")
        } else {
            name.trim().to_owned()
        };
        let id = ThemeId(next);
        next += 1;
        let theme = Theme {
            id,
            name,
            color: colour(node.attribute("color"), out.len()),
            description: child(node, "Description").map(text_of).unwrap_or_default(),
            parent,
        };
        let notes = node
            .children()
            .filter(|c| c.is_element() && c.tag_name().name() == "NoteRef")
            .filter_map(|c| c.attribute("targetGUID").map(guid_key))
            .collect();
        out.push(ImportedCode {
            guid: guid_key(guid),
            theme,
            codable: !matches!(node.attribute("isCodable"), Some("false" | "0")),
            notes,
        });
        let mut kids: Vec<(Node, Option<ThemeId>)> = node
            .children()
            .filter(|c| c.is_element() && c.tag_name().name() == "Code")
            .map(|c| (c, Some(id)))
            .collect();
        kids.reverse();
        stack.extend(kids);
    }
    out
}

/// Make theme names unique (case folded) against `taken`, renaming later ones “Name (2)”.
pub fn unique_name(name: &str, taken: &mut BTreeSet<String>) -> String {
    let mut candidate = name.to_owned();
    let mut n = 2;
    while !taken.insert(candidate.trim().to_lowercase()) {
        candidate = format!("{name} ({n})");
        n += 1;
    }
    candidate
}

/// What to do with a code whose name is already a theme of the project.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum OnClash {
    /// Add it as a new theme named “Name (2)”.
    Rename,
    /// Use the existing theme (codes inside it go under that theme).
    Skip,
    /// Import nothing and say which names clash.
    Fail,
}

/// A codebook read from a `.qdc` file.
#[derive(Clone, Debug, PartialEq)]
pub struct Codebook {
    pub codes: Vec<ImportedCode>,
    /// Where the file departs from the QDA-XML codebook schema, with lines.
    pub problems: Vec<String>,
    pub skipped: Vec<String>,
}

/// Read and validate a `.qdc` file's text.
pub fn parse_qdc(text: &str) -> Result<Codebook, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let doc = Document::parse(text).map_err(|e| ImportError::Xml(e.to_string()))?;
    if schema::depth(&doc) > schema::MAX_DEPTH {
        return Err(ImportError::TooDeep);
    }
    let root = doc.root_element();
    if root.tag_name().name() != "CodeBook" {
        return Err(ImportError::Root {
            expected: "codebook (<CodeBook>)",
            found: root.tag_name().name().to_owned(),
        });
    }
    let problems = schema::validate(&schema::codebook_schema(), &doc, text);
    let lines = LineIndex::new(text);
    let mut skipped = Vec::new();
    let codes = child(root, "Codes")
        .map(|c| read_codes(c, ThemeId(1), &lines, &mut skipped))
        .unwrap_or_default();
    if let Some(sets) = child(root, "Sets") {
        let n = sets
            .children()
            .filter(|c| c.is_element() && c.tag_name().name() == "Set")
            .count();
        skipped.push(format!("{n} set(s) of codes: Dossier has no code sets"));
    }
    Ok(Codebook {
        codes,
        problems,
        skipped,
    })
}

/// The result of merging a codebook into a project.
#[derive(Clone, Debug, Default)]
pub struct CodebookMerge {
    /// One undoable edit adding the themes; `None` when nothing is new.
    pub edit: Option<Edit>,
    pub added: usize,
    /// Codes that met an existing theme of the same name: (code name, what happened).
    pub clashes: Vec<(String, String)>,
}

/// The edit that adds `codes` to `project`'s codebook, keeping their tree.
pub fn merge_codebook(
    project: &Project,
    codes: &[ImportedCode],
    on_clash: OnClash,
) -> Result<CodebookMerge, ImportError> {
    let existing: BTreeMap<String, ThemeId> = project
        .themes
        .iter()
        .map(|t| (t.name.trim().to_lowercase(), t.id))
        .collect();
    let clashing: Vec<&ImportedCode> = codes
        .iter()
        .filter(|c| existing.contains_key(&c.theme.name.trim().to_lowercase()))
        .collect();
    if on_clash == OnClash::Fail && !clashing.is_empty() {
        let names: Vec<String> = clashing
            .iter()
            .map(|c| format!("“{}”", c.theme.name))
            .collect();
        return Err(ImportError::Clash(format!(
            "these codes are already themes of the project: {}; nothing was imported \
             (choose --on-clash rename or skip)",
            names.join(", ")
        )));
    }
    let mut taken: BTreeSet<String> = existing.keys().cloned().collect();
    let mut next = project.next_theme_id().0;
    let mut ids: BTreeMap<ThemeId, ThemeId> = BTreeMap::new();
    let mut out = CodebookMerge::default();
    let mut edits = Vec::new();
    for code in codes {
        let key = code.theme.name.trim().to_lowercase();
        if let (Some(&id), OnClash::Skip) = (existing.get(&key), on_clash) {
            ids.insert(code.theme.id, id);
            out.clashes
                .push((code.theme.name.clone(), "kept the existing theme".into()));
            continue;
        }
        let mut theme = code.theme.clone();
        theme.id = ThemeId(next);
        next += 1;
        theme.parent = code.theme.parent.and_then(|p| ids.get(&p).copied());
        theme.name = unique_name(&code.theme.name, &mut taken);
        if theme.name != code.theme.name {
            out.clashes.push((
                code.theme.name.clone(),
                format!("added as “{}”", theme.name),
            ));
        }
        ids.insert(code.theme.id, theme.id);
        edits.push(Edit::AddTheme(theme));
    }
    out.added = edits.len();
    out.edit = (!edits.is_empty()).then(|| Edit::Batch {
        label: format!("import {} theme(s) from a codebook", edits.len()),
        edits,
    });
    Ok(out)
}
