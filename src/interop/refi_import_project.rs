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
use super::refi_import_codebook::{ImportedCode, guid_key, read_codes, unique_name};
use super::refi_import_schema::{self as schema, LineIndex};
use crate::corpus::{Article, ArticleId, Decoded, TextEncoding};
use crate::project::{Anchor, Coder, CoderId, Passage, PassageId, Project, ThemeId, Timestamp};

/// A text source read from the XML.
struct Source {
    file: String,
    text: String,
    /// Old code point index → new, when CR LF or CR line ends were turned into LF.
    map: Option<Vec<usize>>,
}

/// One selection (or source-level coding) before grouping.
struct Selection {
    source: usize,
    start: usize,
    end: usize,
    user: Option<String>,
    themes: Vec<ThemeId>,
    notes: Vec<String>,
    created: Option<Timestamp>,
    modified: Option<Timestamp>,
}

struct Reader<'a, 'i> {
    archive: &'a mut Archive,
    lines: LineIndex,
    base_path: Option<String>,
    codes: BTreeMap<String, ThemeId>,
    notes: BTreeMap<String, String>,
    used_notes: BTreeSet<String>,
    sources: Vec<Source>,
    selections: Vec<Selection>,
    report: ImportReport,
    _doc: std::marker::PhantomData<Node<'a, 'i>>,
}

fn children<'a, 'i>(node: Node<'a, 'i>, name: &'static str) -> impl Iterator<Item = Node<'a, 'i>> {
    node.children()
        .filter(move |c| c.is_element() && c.tag_name().name() == name)
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &'static str) -> Option<Node<'a, 'i>> {
    children(node, name).next()
}

fn text_of(node: Node) -> String {
    node.children().filter_map(|c| c.text()).collect()
}

/// An XML Schema date-time as RFC 3339 (a missing zone is read as UTC).
fn time(value: Option<&str>) -> Option<Timestamp> {
    let v = value?.trim();
    let t = Timestamp(v.to_owned());
    if t.is_valid() {
        return Some(t);
    }
    let z = Timestamp(format!("{v}Z"));
    z.is_valid().then_some(z)
}

/// Turn CR LF and lone CR into LF; when anything changed, also the map from old code point
/// indices (0..=len) to new ones.
fn lf_only(text: String) -> (String, Option<Vec<usize>>) {
    if !text.contains('\r') {
        return (text, None);
    }
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    let mut chars = text.chars().peekable();
    let mut at = 0;
    while let Some(c) = chars.next() {
        map.push(at);
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
                map.push(at);
            }
            out.push('\n');
        } else {
            out.push(c);
        }
        at += 1;
    }
    map.push(at);
    (out, Some(map))
}

/// Decode a source file: UTF-8 with or without a BOM, else whatever Dossier's loader reads.
fn decode_source(bytes: &[u8]) -> Result<String, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_owned()),
        Err(_) => crate::corpus::decode(bytes)
            .map(|d| d.text)
            .map_err(|e| e.to_string()),
    }
}

/// A file name for an article from a source's name: no folders, no hidden names, `.txt`.
fn file_name(name: &str, taken: &mut BTreeSet<String>) -> String {
    let mut base: String = name
        .trim()
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    if base.is_empty() {
        base = "source".into();
    }
    if base.starts_with('.') {
        base.insert(0, '_');
    }
    let lower = base.to_lowercase();
    if !(lower.ends_with(".txt") || lower.ends_with(".md") || lower.ends_with(".text")) {
        base.push_str(".txt");
    }
    let (stem, ext) = base
        .rsplit_once('.')
        .map_or((base.clone(), String::new()), |(s, e)| {
            (s.to_owned(), format!(".{e}"))
        });
    let mut candidate = base.clone();
    let mut n = 2;
    while !taken.insert(candidate.to_lowercase()) {
        candidate = format!("{stem} ({n}){ext}");
        n += 1;
    }
    candidate
}

impl Reader<'_, '_> {
    fn line(&self, node: Node) -> usize {
        self.lines.line(node.range().start)
    }

    fn skip(&mut self, node: Node, why: String) {
        let line = self.line(node);
        self.report.skipped.push(format!("line {line}: {why}"));
    }

    /// The text of a `TextSource`-shaped element: inline, or from its `plainTextPath`.
    fn source_text(&mut self, node: Node) -> Result<String, String> {
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
            if let Ok(meta) = std::fs::metadata(c) {
                if meta.is_file() && meta.len() <= super::refi_import::MAX_SOURCE_BYTES {
                    let bytes = std::fs::read(c).map_err(|e| format!("{}: {e}", c.display()))?;
                    return decode_source(&bytes);
                }
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
        _doc: std::marker::PhantomData,
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

/// `(guid, name)` of each user, in file order.
fn read_users(root: Node) -> Vec<(String, String)> {
    child(root, "Users")
        .map(|u| {
            children(u, "User")
                .filter_map(|n| {
                    Some((
                        guid_key(n.attribute("guid")?),
                        n.attribute("name").unwrap_or("").trim().to_owned(),
                    ))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The coders: one per user, plus “unknown coder” when selections name a user that is not
/// listed and there is more than one user to choose from.
fn coders_of(
    r: &mut Reader,
    users: &[(String, String)],
) -> (Vec<Coder>, BTreeMap<Option<String>, CoderId>) {
    let mut taken = BTreeSet::new();
    let mut coders: Vec<Coder> = users
        .iter()
        .enumerate()
        .map(|(i, (_, name))| {
            let name = if name.is_empty() {
                format!("User {}", i + 1)
            } else {
                name.clone()
            };
            Coder::new(CoderId(i as u32 + 1), unique_name(&name, &mut taken))
        })
        .collect();
    let mut by_guid: BTreeMap<Option<String>, CoderId> = users
        .iter()
        .zip(&coders)
        .map(|((g, _), c)| (Some(g.clone()), c.id))
        .collect();
    let wanted: BTreeSet<Option<String>> = r.selections.iter().map(|s| s.user.clone()).collect();
    for u in wanted {
        if by_guid.contains_key(&u) {
            continue;
        }
        let id = if coders.len() == 1 {
            coders[0].id
        } else {
            if !coders.iter().any(|c| c.name == "Unknown coder") {
                let id = CoderId(coders.len() as u32 + 1);
                coders.push(Coder::new(id, unique_name("Unknown coder", &mut taken)));
            }
            coders.last().map_or(CoderId::FIRST, |c| c.id)
        };
        if coders.is_empty() {
            coders.push(Coder::implicit());
        }
        let who = u.clone().unwrap_or_else(|| "(none)".into());
        r.report.notes.push(format!(
            "selections by user {who}, who is not in the file's list of users, were given to {}",
            coders
                .iter()
                .find(|c| c.id == id)
                .map_or("the first coder", |c| c.name.as_str())
        ));
        by_guid.insert(u, id);
    }
    if coders == [Coder::implicit()] {
        coders.clear();
    }
    (coders, by_guid)
}

fn join_notes(notes: &mut Vec<String>, more: &[String]) {
    for n in more {
        let n = n.trim();
        if !n.is_empty() && !notes.iter().any(|m| m == n) {
            notes.push(n.to_owned());
        }
    }
}

/// Group the selections into passages and assemble the project.
fn build(
    r: &mut Reader,
    codes: Vec<ImportedCode>,
    users: &[(String, String)],
    root: Node,
    now: &Timestamp,
) -> Project {
    let (coders, by_guid) = coders_of(r, users);
    let mut project = Project::with_themes(Vec::new());
    let notes = r.notes.clone();
    let mut taken = BTreeSet::new();
    for code in &codes {
        let mut theme = code.theme.clone();
        theme.name = unique_name(&theme.name, &mut taken);
        let mut parts = vec![theme.description.clone()];
        parts.extend(code.notes.iter().filter_map(|g| notes.get(g).cloned()));
        r.used_notes.extend(code.notes.iter().cloned());
        theme.description = parts
            .into_iter()
            .filter(|p| !p.trim().is_empty())
            .collect::<Vec<_>>()
            .join("\n\n");
        project.themes.push(theme);
    }
    let categories = codes.iter().filter(|c| !c.codable).count();
    if categories > 0 {
        r.report.notes.push(format!(
            "{categories} categor(ies) marked isCodable=\"false\" became themes, keeping the tree"
        ));
    }
    project.coders = coders;
    project.current_coder = root
        .attribute("creatingUserGUID")
        .and_then(|g| by_guid.get(&Some(guid_key(g))).copied())
        .filter(|id| project.coder(*id).is_some())
        .unwrap_or(CoderId::FIRST);
    let fallback = time(root.attribute("creationDateTime")).unwrap_or_else(|| now.clone());
    // (source, start, end, coder) → themes, notes, created, modified.
    type Group = (
        BTreeSet<ThemeId>,
        Vec<String>,
        Option<Timestamp>,
        Option<Timestamp>,
    );
    let mut groups: BTreeMap<(usize, usize, usize, CoderId), Group> = BTreeMap::new();
    for s in std::mem::take(&mut r.selections) {
        let coder = by_guid.get(&s.user).copied().unwrap_or(CoderId::FIRST);
        let g = groups.entry((s.source, s.start, s.end, coder)).or_default();
        g.0.extend(s.themes);
        join_notes(&mut g.1, &s.notes);
        g.2 = match (g.2.take(), s.created) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        g.3 = match (g.3.take(), s.modified) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
    }
    let articles: Vec<Article> = r
        .sources
        .iter()
        .map(|s| {
            Article::new(
                ArticleId(s.file.clone()),
                PathBuf::from(&s.file),
                Decoded {
                    text: s.text.clone(),
                    encoding: TextEncoding::Utf8 { bom: false },
                },
            )
        })
        .collect();
    for (n, ((source, start, end, coder), (themes, notes, created, modified))) in
        groups.into_iter().enumerate()
    {
        let Some(anchor) = articles
            .get(source)
            .and_then(|a| Anchor::cut(a, start, end))
        else {
            continue;
        };
        let created = created.unwrap_or_else(|| fallback.clone());
        let mut p = Passage::new(
            PassageId(n as u64 + 1),
            articles[source].id.clone(),
            anchor,
            themes.into_iter().collect(),
            created.clone(),
        )
        .by(coder);
        p.modified = modified.unwrap_or(created);
        p.note = notes.join("\n\n");
        project.passages.insert(p.id, p);
    }
    r.report.passages = project.passages.len();
    r.report.themes = project.themes.len();
    r.report.coders = project.coder_list().len();
    if r.report.selections > r.report.passages {
        r.report.notes.push(format!("{} selections were grouped into {} passages (selections of one span by one coder are one passage)", r.report.selections, r.report.passages));
    }
    project
}

/// List what the file holds that Dossier has no place for.
fn report_unread(r: &mut Reader, root: Node) {
    let count = |parent: &'static str, item: &'static str| {
        child(root, parent).map_or(0, |p| children(p, item).count())
    };
    let lists = [
        (
            "Variables",
            "Variable",
            "variable(s) (document attributes such as date or outlet): Dossier has no document attributes",
        ),
        ("Cases", "Case", "case(s): Dossier has no cases"),
        (
            "Sets",
            "Set",
            "set(s) of codes or sources: Dossier has no sets",
        ),
        (
            "Links",
            "Link",
            "link(s) between items: Dossier has no links",
        ),
        ("Graphs", "Graph", "graph(s): Dossier has no graphs"),
    ];
    for (parent, item, why) in lists {
        let n = count(parent, item);
        if n > 0 {
            let at = child(root, parent).map_or(0, |p| r.line(p));
            r.report.skipped.push(format!("line {at}: {n} {why}"));
        }
    }
    for nr in children(root, "NoteRef") {
        let g = guid_key(nr.attribute("targetGUID").unwrap_or(""));
        let text = r.notes.get(&g).cloned().unwrap_or_default();
        r.used_notes.insert(g);
        r.skip(
            nr,
            format!("a note on the whole project (Dossier has no project memo): {text}"),
        );
    }
    let unused: Vec<String> = r
        .notes
        .iter()
        .filter(|(g, _)| !r.used_notes.contains(*g))
        .map(|(_, t)| t.clone())
        .collect();
    for text in unused {
        let short: String = text.chars().take(80).collect();
        r.report.skipped.push(format!(
            "a free note that nothing refers to (Dossier has no memos): {short}"
        ));
    }
}
