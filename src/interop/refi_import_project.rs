//! Reading a REFI-QDA project XML into a Dossier project, tolerant of what real tools write:
//! - one `PlainTextSelection` per coding (QualCoder): selections of the same source, span and
//!   coder are grouped back into one passage with all their themes; a note copied onto each
//!   coding is kept once;
//! - source texts that begin with a byte-order mark (positions count code points after it) or
//!   use CR LF (positions are mapped onto the LF text Dossier keeps);
//! - selection `name`s holding the quote: ignored, the quote is cut from the source text;
//! - a `creatingUser` that matches no `User`; colours in upper case or `#RGB`; categories with
//!   `isCodable="false"`; only creation times;
//! - `plainTextPath` as `internal://`, `relative://` (against `basePath` or the file's folder)
//!   and `absolute://`, or the text inline as `PlainTextContent`;
//! - `Notes` referred to by `NoteRef` from selections, codings and codes (kept with the passage
//!   or theme; notes on sources or the project have no place in Dossier and are listed);
//! - PDF sources: their text `Representation` and its selections are imported, the page
//!   rectangles (`PDFSelection`) are listed as skipped; `Variables`, `Cases`, `Sets`, `Links`,
//!   `Graphs`, pictures, audio and video are listed as skipped with the reason.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use roxmltree::{Document, Node, ParsingOptions};

use super::refi_import::{Archive, ImportError, ImportReport, Imported, ImportedSource};
use super::refi_import_build::{build, read_users, report_unread};
use super::refi_import_codebook::{guid_key, read_codes};
use super::refi_import_schema::{self as schema, LineIndex};
use super::refi_import_text::{child, children, decode_source, file_name, lf_only, text_of, time};
use crate::project::{ThemeId, Timestamp};

/// A text source read from the XML.
pub(super) struct Source {
    pub(super) file: String,
    pub(super) text: String,
    /// Old code point index → new, when CR LF or CR line ends were turned into LF.
    pub(super) map: Option<Vec<usize>>,
}

/// One selection (or source-level coding) before grouping.
pub(super) struct Selection {
    pub(super) source: usize,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) user: Option<String>,
    pub(super) themes: Vec<ThemeId>,
    pub(super) notes: Vec<String>,
    pub(super) created: Option<Timestamp>,
    pub(super) modified: Option<Timestamp>,
}

/// The state of one import while the XML is read.
pub(super) struct Reader<'a> {
    pub(super) archive: &'a mut Archive,
    pub(super) lines: LineIndex,
    pub(super) base_path: Option<String>,
    pub(super) codes: BTreeMap<String, ThemeId>,
    pub(super) notes: BTreeMap<String, String>,
    pub(super) used_notes: BTreeSet<String>,
    pub(super) sources: Vec<Source>,
    pub(super) selections: Vec<Selection>,
    pub(super) report: ImportReport,
}

impl Reader<'_> {
    pub(super) fn line(&self, node: Node) -> usize {
        self.lines.line(node.range().start)
    }

    pub(super) fn skip(&mut self, node: Node, why: String) {
        let line = self.line(node);
        self.report.skipped.push(format!("line {line}: {why}"));
    }

    /// The text of a `TextSource`-shaped element: inline, or from its `plainTextPath`.
    pub(super) fn source_text(&mut self, node: Node) -> Result<String, String> {
        if let Some(content) = child(node, "PlainTextContent") {
            return Ok(text_of(content));
        }
        let path = node
            .attribute("plainTextPath")
            .ok_or("it has neither plainTextPath nor PlainTextContent")?;
        if let Some(file) = path.strip_prefix("internal://") {
            return decode_source(&self.archive.internal(file)?);
        }
        let candidates: Vec<PathBuf> = if let Some(rel) = path.strip_prefix("relative://") {
            let mut c = Vec::new();
            if let Some(base) = &self.base_path {
                c.push(Path::new(base.trim_start_matches("absolute://")).join(rel));
            }
            if let Some(folder) = &self.archive.folder {
                c.push(folder.join(rel));
            }
            c
        } else if let Some(abs) = path.strip_prefix("absolute://") {
            let mut c = vec![PathBuf::from(abs)];
            let name = abs.rsplit(['/', '\\']).next().unwrap_or(abs);
            if let Some(folder) = &self.archive.folder {
                c.push(folder.join(name));
            }
            c
        } else {
            return Err(format!(
                "its plainTextPath “{path}” is not internal://, relative:// or absolute://"
            ));
        };
        for c in &candidates {
            if let Ok(meta) = std::fs::metadata(c)
                && meta.is_file()
                && meta.len() <= super::refi_import::MAX_SOURCE_BYTES
            {
                let bytes = std::fs::read(c).map_err(|e| format!("{}: {e}", c.display()))?;
                return decode_source(&bytes);
            }
        }
        Err(format!(
            "its text file {path} is not in the archive and was not found on this computer"
        ))
    }

    /// Read one text source (or a PDF's text representation) and its selections.
    fn text_source(&mut self, node: Node, name: &str, taken: &mut BTreeSet<String>) {
        let text = match self.source_text(node) {
            Ok(t) => t,
            Err(why) => return self.skip(node, format!("source “{name}”: {why}")),
        };
        let (text, map) = lf_only(text);
        if text.trim().is_empty() {
            return self.skip(node, format!("source “{name}”: its text is empty"));
        }
        if map.is_some() {
            self.report.notes.push(format!(
                "source “{name}” had CR LF line ends; positions were moved onto its LF text"
            ));
        }
        let index = self.sources.len();
        let chars = text.chars().count();
        self.sources.push(Source {
            file: file_name(name, taken),
            text,
            map,
        });
        self.report.sources += 1;
        for sel in children(node, "PlainTextSelection") {
            self.selection(sel, index, chars);
        }
        for coding in children(node, "Coding") {
            // Coded as a whole (NVivo's "code at source").
            let s = Selection {
                source: index,
                start: 0,
                end: chars,
                user: coding.attribute("creatingUser").map(guid_key),
                themes: Vec::new(),
                notes: Vec::new(),
                created: time(coding.attribute("creationDateTime")),
                modified: None,
            };
            self.codings(s, coding);
        }
        for nr in children(node, "NoteRef") {
            let g = guid_key(nr.attribute("targetGUID").unwrap_or(""));
            self.used_notes.insert(g.clone());
            let note = self.notes.get(&g).cloned().unwrap_or_default();
            self.skip(nr, format!("a note on source “{name}” (Dossier keeps notes on passages and themes only): {note}"));
        }
        if child(node, "VariableValue").is_some() {
            let n = children(node, "VariableValue").count();
            self.skip(
                node,
                format!(
                    "{n} variable value(s) of source “{name}”: Dossier has no document attributes"
                ),
            );
        }
    }

    /// Add the themes and notes of `coding` to `s` and keep it.
    fn codings(&mut self, mut s: Selection, coding: Node) {
        self.add_coding(&mut s, coding);
        if !s.themes.is_empty() {
            self.selections.push(s);
        }
    }

    fn add_coding(&mut self, s: &mut Selection, coding: Node) {
        let target = child(coding, "CodeRef")
            .and_then(|r| r.attribute("targetGUID"))
            .map(guid_key);
        match target.as_ref().and_then(|g| self.codes.get(g)) {
            Some(t) => s.themes.push(*t),
            None => self.skip(
                coding,
                format!(
                    "a coding refers to a code that is not in the codebook ({})",
                    target.unwrap_or_default()
                ),
            ),
        }
        if s.user.is_none() {
            s.user = coding.attribute("creatingUser").map(guid_key);
        }
        for nr in children(coding, "NoteRef") {
            self.note_ref(nr, &mut s.notes);
        }
    }

    fn note_ref(&mut self, nr: Node, into: &mut Vec<String>) {
        let g = guid_key(nr.attribute("targetGUID").unwrap_or(""));
        match self.notes.get(&g) {
            Some(n) => into.push(n.clone()),
            None => self.skip(nr, format!("a NoteRef to a note that does not exist ({g})")),
        }
        self.used_notes.insert(g);
    }

    fn selection(&mut self, sel: Node, source: usize, chars: usize) {
        let pos = |k| {
            sel.attribute(k)
                .and_then(|v| v.trim().parse::<usize>().ok())
        };
        let (Some(mut start), Some(mut end)) = (pos("startPosition"), pos("endPosition")) else {
            return self.skip(
                sel,
                "a selection without valid start and end positions".into(),
            );
        };
        if let Some(map) = &self.sources[source].map {
            (start, end) = (
                map.get(start).copied().unwrap_or(usize::MAX),
                map.get(end).copied().unwrap_or(usize::MAX),
            );
        }
        if start >= end || end > chars {
            return self.skip(
                sel,
                format!("a selection at {start}..{end} outside its source's {chars} characters"),
            );
        }
        self.report.selections += 1;
        let mut s = Selection {
            source,
            start,
            end,
            user: sel.attribute("creatingUser").map(guid_key),
            themes: Vec::new(),
            notes: child(sel, "Description").map(text_of).into_iter().collect(),
            created: time(sel.attribute("creationDateTime")),
            modified: time(sel.attribute("modifiedDateTime")),
        };
        for nr in children(sel, "NoteRef") {
            self.note_ref(nr, &mut s.notes);
        }
        for coding in children(sel, "Coding") {
            self.add_coding(&mut s, coding);
        }
        if s.themes.is_empty() {
            self.skip(sel, format!("a selection at {start}..{end} with no code (Dossier passages have at least one theme)"));
        } else {
            self.selections.push(s);
        }
    }

    fn sources(&mut self, sources: Node) {
        let mut taken = BTreeSet::new();
        for node in sources.children().filter(Node::is_element) {
            let name = node
                .attribute("name")
                .map_or_else(|| format!("{}", self.sources.len() + 1), str::to_owned);
            match node.tag_name().name() {
                "TextSource" => self.text_source(node, &name, &mut taken),
                "PDFSource" => {
                    let rects = children(node, "PDFSelection").count();
                    match child(node, "Representation") {
                        Some(rep) => {
                            self.text_source(rep, &name, &mut taken);
                            if rects > 0 {
                                self.skip(node, format!("{rects} PDF selection(s) of “{name}”: they are page rectangles; its text representation's selections were imported"));
                            }
                        }
                        None => self.skip(node, format!("PDF source “{name}” and its {rects} selection(s): it has no text representation and Dossier does not read PDF files")),
                    }
                }
                kind => {
                    let what = kind.trim_end_matches("Source").to_lowercase();
                    self.skip(
                        node,
                        format!("{what} source “{name}”: Dossier codes text only"),
                    );
                }
            }
        }
    }
}

/// Read the project XML (`xml`), taking source texts from `archive`.
pub fn read_project(
    xml: &str,
    archive: &mut Archive,
    now: &Timestamp,
) -> Result<Imported, ImportError> {
    let options = ParsingOptions {
        allow_dtd: false,
        ..ParsingOptions::default()
    };
    let doc =
        Document::parse_with_options(xml, options).map_err(|e| ImportError::Xml(e.to_string()))?;
    if schema::depth(&doc) > schema::MAX_DEPTH {
        return Err(ImportError::TooDeep);
    }
    let root = doc.root_element();
    if root.tag_name().name() != "Project" {
        return Err(ImportError::Root {
            expected: "project (<Project>)",
            found: root.tag_name().name().to_owned(),
        });
    }
    let mut r = Reader {
        archive,
        lines: LineIndex::new(xml),
        base_path: root.attribute("basePath").map(str::to_owned),
        codes: BTreeMap::new(),
        notes: BTreeMap::new(),
        used_notes: BTreeSet::new(),
        sources: Vec::new(),
        selections: Vec::new(),
        report: ImportReport {
            origin: root.attribute("origin").unwrap_or("").to_owned(),
            schema_problems: schema::validate(&schema::project_schema(), &doc, xml),
            ..ImportReport::default()
        },
    };
    read_notes(&mut r, root);
    let mut codes = Vec::new();
    if let Some(c) = child(root, "CodeBook").and_then(|b| child(b, "Codes")) {
        codes = read_codes(c, ThemeId(1), &r.lines, &mut r.report.skipped);
    }
    r.codes = codes.iter().map(|c| (c.guid.clone(), c.theme.id)).collect();
    if let Some(sources) = child(root, "Sources") {
        r.sources(sources);
    }
    let users = read_users(root);
    let project = build(&mut r, codes, &users, root, now);
    report_unread(&mut r, root);
    let unreferenced = r.archive.unreferenced(&referenced_files(root));
    if unreferenced > 0 {
        r.report.notes.push(format!("{unreferenced} file(s) in the archive's sources folder belong to no source and were not read"));
    }
    let sources = r
        .sources
        .into_iter()
        .map(|s| ImportedSource {
            file: s.file,
            text: s.text,
        })
        .collect();
    Ok(Imported {
        project,
        sources,
        report: r.report,
    })
}

fn referenced_files(root: Node) -> Vec<String> {
    root.descendants()
        .filter_map(|n| n.attribute("plainTextPath"))
        .filter_map(|p| p.strip_prefix("internal://"))
        .map(str::to_owned)
        .collect()
}

fn read_notes(r: &mut Reader, root: Node) {
    let Some(notes) = child(root, "Notes") else {
        return;
    };
    for note in children(notes, "Note") {
        let Some(g) = note.attribute("guid").map(guid_key) else {
            continue;
        };
        let name = note.attribute("name").unwrap_or("").trim().to_owned();
        let text = match r.source_text(note) {
            Ok(t) => lf_only(t).0.trim().to_owned(),
            Err(why) => {
                r.skip(note, format!("note “{name}”: {why}"));
                continue;
            }
        };
        let full = if name.is_empty() || text.starts_with(&name) {
            text
        } else {
            format!("{name}: {text}")
        };
        r.notes.insert(g, full);
    }
}
