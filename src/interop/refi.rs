//! REFI-QDA (QDA-XML 1.0) export: the project as `.qdpx` (the XML `project.qde` and the article
//! texts in a ZIP) and the codebook as `.qdc`, the files NVivo, ATLAS.ti, MAXQDA and QualCoder
//! import. Positions are code points into LF-only text, as in Dossier itself.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Cursor, Write};

use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use crate::corpus::Corpus;
use crate::project::{CoderId, Passage, Project, Theme, ThemeId, Timestamp};

/// What an export wrote, and what it had to leave out (each entry says why).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RefiReport {
    pub sources: usize,
    pub selections: usize,
    pub codings: usize,
    pub skipped: Vec<String>,
    /// Codes exported under another name, because another code has the same name (QDA tools
    /// keep only the first of two codes with one name, and drop the other's codings).
    pub renamed: Vec<String>,
    /// Passages with the same span exported as one selection (QDA tools merge them, keeping one
    /// note): their themes and notes are all kept on it.
    pub merged: Vec<String>,
}

/// A `.qdpx` before zipping: the XML and each source's file name and text.
#[derive(Clone, Debug)]
pub struct QdpxParts {
    pub xml: String,
    pub sources: Vec<(String, String)>,
    pub report: RefiReport,
}

#[derive(Debug, thiserror::Error)]
pub enum RefiError {
    #[error("cannot write the ZIP archive: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("cannot write the ZIP archive: {0}")]
    Io(#[from] std::io::Error),
}

/// A stable GUID for one thing (`kind`, `key`): the same project exports the same GUIDs, so
/// exports diff well and a re-import can match what it saw before.
pub fn guid(kind: &str, key: &str) -> String {
    let digest = Sha256::digest(format!("dossier:{kind}:{key}").as_bytes());
    let mut b = [0u8; 16];
    b.copy_from_slice(&digest[..16]);
    b[6] = (b[6] & 0x0f) | 0x50; // version 5 (name-based)
    b[8] = (b[8] & 0x3f) | 0x80; // RFC 4122 variant
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

fn theme_guid(id: ThemeId) -> String {
    guid("theme", &id.0.to_string())
}

/// Text made safe for XML 1.0: markup characters escaped; characters XML cannot carry
/// (most controls, lone surrogates cannot occur in `str`) become U+FFFD. In attributes, line
/// breaks and tabs are written as character references so parsers keep them.
/// Escape text for XML (in an attribute value when `attribute`).
pub fn esc_xml(s: &str, attribute: bool) -> String {
    esc(s, attribute)
}

fn esc(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\r' => out.push_str("&#13;"),
            '\n' | '\t' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

fn date_attr(name: &str, t: &Timestamp) -> String {
    if t.is_valid() {
        format!(" {name}=\"{}\"", esc(&t.0, true))
    } else {
        String::new()
    }
}

/// The analyst named in the export: the login name, or "analyst".
pub fn user_name() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .ok()
        .filter(|u| !u.trim().is_empty())
        .unwrap_or_else(|| "analyst".to_owned())
}

/// Each coder's GUID and exported name. A project without a coder list exports its implicit
/// coder under `user` (the login name), as before coders existed.
pub fn coder_users(project: &Project, user: &str) -> BTreeMap<CoderId, (String, String)> {
    project
        .coder_list()
        .into_iter()
        .map(|c| {
            let name = if project.has_implicit_coder() {
                user.to_owned()
            } else {
                c.name
            };
            (c.id, (guid("user", &name), name))
        })
        .collect()
}

/// Themes as a tree: children of each parent, in id order. A theme whose parent is missing,
/// or that is on a loop of parents, is a root.
fn theme_tree(themes: &[Theme]) -> (Vec<ThemeId>, BTreeMap<ThemeId, Vec<ThemeId>>) {
    let ids: BTreeSet<ThemeId> = themes.iter().map(|t| t.id).collect();
    let parent_of: BTreeMap<ThemeId, ThemeId> = themes
        .iter()
        .filter_map(|t| t.parent.filter(|p| ids.contains(p)).map(|p| (t.id, p)))
        .collect();
    // On a loop of parents: following them comes back to the theme itself.
    let loops = |id: ThemeId| {
        let mut seen = BTreeSet::new();
        let mut at = id;
        while let Some(&p) = parent_of.get(&at) {
            if p == id {
                return true;
            }
            if !seen.insert(p) {
                return false; // a loop further up, which this theme hangs from
            }
            at = p;
        }
        false
    };
    let mut roots = Vec::new();
    let mut children: BTreeMap<ThemeId, Vec<ThemeId>> = BTreeMap::new();
    for t in themes {
        match parent_of.get(&t.id) {
            Some(&p) if !loops(t.id) => children.entry(p).or_default().push(t.id),
            _ => roots.push(t.id),
        }
    }
    (roots, children)
}

/// The name each theme is exported under: its own when no other theme has it (case aside),
/// else "Name (Parent)", numbered if that is taken too. Returns the names and a line per rename.
pub fn code_names(project: &Project) -> (BTreeMap<ThemeId, String>, Vec<String>) {
    let key = |name: &str| name.trim().to_lowercase();
    let mut count: BTreeMap<String, usize> = BTreeMap::new();
    for t in &project.themes {
        *count.entry(key(&t.name)).or_default() += 1;
    }
    let shared = |t: &Theme| count.get(&key(&t.name)).is_some_and(|&n| n > 1);
    let mut taken: BTreeSet<String> = project
        .themes
        .iter()
        .filter(|t| !shared(t))
        .map(|t| key(&t.name))
        .collect();
    let (mut names, mut renamed) = (BTreeMap::new(), Vec::new());
    for t in &project.themes {
        if !shared(t) {
            names.insert(t.id, t.name.clone());
            continue;
        }
        let wanted = match t.parent.and_then(|p| project.theme(p)) {
            Some(parent) => format!("{} ({})", t.name, parent.name),
            None => t.name.clone(),
        };
        let mut name = wanted.clone();
        for n in 2.. {
            if !taken.contains(&key(&name)) {
                break;
            }
            name = format!("{wanted} {n}");
        }
        if name != t.name {
            renamed.push(format!(
                "the code “{}” ({}) is exported as “{name}”: another code has the same name",
                t.name, t.id
            ));
        }
        taken.insert(key(&name));
        names.insert(t.id, name);
    }
    (names, renamed)
}

fn write_code(out: &mut String, project: &Project, id: ThemeId, tree: &CodeTree, depth: usize) {
    let Some(t) = project.theme(id) else {
        return;
    };
    let pad = "  ".repeat(depth);
    let name = tree.names.get(&id).unwrap_or(&t.name);
    out.push_str(&format!(
        "{pad}<Code guid=\"{}\" name=\"{}\" isCodable=\"true\" color=\"{}\"",
        theme_guid(t.id),
        esc(name, true),
        t.color.to_hex()
    ));
    let kids = tree
        .children
        .get(&id)
        .map(Vec::as_slice)
        .unwrap_or_default();
    if t.description.is_empty() && kids.is_empty() {
        out.push_str("/>\n");
        return;
    }
    out.push_str(">\n");
    if !t.description.is_empty() {
        out.push_str(&format!(
            "{pad}  <Description>{}</Description>\n",
            esc(&t.description, false)
        ));
    }
    for &k in kids {
        write_code(out, project, k, tree, depth + 1);
    }
    out.push_str(&format!("{pad}</Code>\n"));
}

/// The codebook's tree and the names its codes are exported under.
struct CodeTree {
    children: BTreeMap<ThemeId, Vec<ThemeId>>,
    names: BTreeMap<ThemeId, String>,
}

/// The `<Codes>` of the codebook, indented by `depth`, and the renames it needed.
fn codes(project: &Project, depth: usize) -> (String, Vec<String>) {
    let (roots, children) = theme_tree(&project.themes);
    let (names, renamed) = code_names(project);
    let tree = CodeTree { children, names };
    let pad = "  ".repeat(depth);
    let mut out = format!("{pad}<Codes>\n");
    for id in roots {
        write_code(&mut out, project, id, &tree, depth + 1);
    }
    out.push_str(&format!("{pad}</Codes>\n"));
    (out, renamed)
}

/// The codebook as a `.qdc` file (namespace `urn:QDA-XML:codebook:1.0`); `None` when the
/// codebook is empty, which the format cannot express. Code names are made distinct as by
/// [`code_names`], which also lists the renames.
pub fn qdc(project: &Project) -> Option<String> {
    if project.themes.is_empty() {
        return None;
    }
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str("<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\" origin=\"Dossier\">\n");
    out.push_str(&codes(project, 1).0);
    out.push_str("</CodeBook>\n");
    Some(out)
}

/// Can `p` be exported as it stands: its article is loaded and the quote is at its offsets?
fn placed_text<'a>(p: &Passage, corpus: &'a Corpus) -> Result<&'a str, String> {
    let article = corpus
        .get(&p.article)
        .ok_or_else(|| format!("{} in {}: the article is not loaded", p.id, p.article))?;
    match article.slice(p.start, p.end) {
        Some(t) if t == p.quote => Ok(t),
        _ => Err(format!(
            "{} in {}: its text no longer matches the article (re-attach it first)",
            p.id, p.article
        )),
    }
}

/// A short name for a selection: the start of its quote on one line.
fn selection_name(quote: &str) -> String {
    let one_line: String = quote.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut name: String = one_line.chars().take(80).collect();
    if one_line.chars().count() > 80 {
        name.push('…');
    }
    name
}

/// The XML declaration and the `<Project>` start tag.
fn opening(name: &str, user_guid: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"{}\" origin=\"Dossier {}\" creatingUserGUID=\"{user_guid}\">\n",
        esc(name, true),
        env!("CARGO_PKG_VERSION")
    )
}

/// The `.qdpx` contents: `project.qde` and one text file per loaded article.
pub fn qdpx_parts(project: &Project, corpus: &Corpus, name: &str, user: &str) -> QdpxParts {
    let users = coder_users(project, user);
    let user_guid = users
        .get(&project.current_coder)
        .map_or_else(|| guid("user", user), |(g, _)| g.clone());
    let creator = |p: &Passage| {
        users
            .get(&p.coder)
            .map_or_else(|| user_guid.clone(), |(g, _)| g.clone())
    };
    let mut report = RefiReport::default();
    let mut x = opening(name, &user_guid);
    x.push_str("  <Users>\n");
    for (g, name) in users.values() {
        x.push_str(&format!(
            "    <User guid=\"{g}\" name=\"{}\"/>\n",
            esc(name, true)
        ));
    }
    x.push_str("  </Users>\n");
    if !project.themes.is_empty() {
        let (codes, renamed) = codes(project, 2);
        x.push_str("  <CodeBook>\n");
        x.push_str(&codes);
        x.push_str("  </CodeBook>\n");
        report.renamed = renamed;
    }
    let mut vars = super::refi_attributes::variables(project, corpus);
    x.push_str(&vars.variables);
    let known: BTreeSet<ThemeId> = project.themes.iter().map(|t| t.id).collect();
    // Passages by article, in reading order; the ones that cannot be placed are reported.
    let mut by_article: BTreeMap<&crate::corpus::ArticleId, Vec<&Passage>> = BTreeMap::new();
    for p in project.passages.values() {
        match placed_text(p, corpus) {
            Ok(_) => by_article.entry(&p.article).or_default().push(p),
            Err(why) => report.skipped.push(why),
        }
    }
    let mut sources = Vec::new();
    if !corpus.is_empty() {
        x.push_str("  <Sources>\n");
    }
    let selection = Selection { known: &known };
    for article in corpus.articles() {
        let g = guid("source", article.id.as_str());
        let file = format!("{g}.txt");
        x.push_str(&format!(
            "    <TextSource guid=\"{g}\" name=\"{}\" plainTextPath=\"internal://{file}\" creatingUser=\"{user_guid}\">\n",
            esc(article.id.as_str(), true)
        ));
        let mut passages = by_article.remove(&article.id).unwrap_or_default();
        // One coder's passages with one span become one selection (QDA tools would merge them
        // and keep one note); different coders' stay apart, as their agreement needs.
        passages.sort_by_key(|p| (p.start, p.end, p.coder, p.id));
        for group in
            passages.chunk_by(|a, b| (a.start, a.end, a.coder) == (b.start, b.end, b.coder))
        {
            let by = group
                .first()
                .map_or_else(|| user_guid.clone(), |p| creator(p));
            selection.write(&mut x, group, &by, &mut report);
        }
        x.push_str(&vars.source_tail(project, corpus, &article.id));
        x.push_str("    </TextSource>\n");
        sources.push((file, article.text.clone()));
        report.sources += 1;
    }
    if !corpus.is_empty() {
        x.push_str("  </Sources>\n");
    }
    x.push_str(&super::refi_attributes::notes(project, corpus, &user_guid));
    x.push_str("</Project>\n");
    QdpxParts {
        xml: x,
        sources,
        report,
    }
}

/// What every `<PlainTextSelection>` of an export needs.
struct Selection<'a> {
    known: &'a BTreeSet<ThemeId>,
}

impl Selection<'_> {
    /// One selection for one coder's passages with the same span (usually one passage): the
    /// first one's GUID and times, every note, every theme once; `user_guid` is the coder's.
    fn write(&self, x: &mut String, group: &[&Passage], user_guid: &str, report: &mut RefiReport) {
        let Some(first) = group.first() else {
            return;
        };
        if group.len() > 1 {
            let ids: Vec<String> = group.iter().map(|p| p.id.0.to_string()).collect();
            report.merged.push(format!(
                "passages {} in {} have the same span and are exported as one selection with all \
                 their themes and notes",
                ids.join(", "),
                first.article
            ));
        }
        let modified = group
            .iter()
            .map(|p| &p.modified)
            .max()
            .unwrap_or(&first.modified);
        x.push_str(&format!(
            "      <PlainTextSelection guid=\"{}\" name=\"{}\" startPosition=\"{}\" endPosition=\"{}\" creatingUser=\"{user_guid}\"{}{}>\n",
            guid("passage", &first.id.0.to_string()),
            esc(&selection_name(&first.quote), true),
            first.start,
            first.end,
            date_attr("creationDateTime", &first.created),
            date_attr("modifiedDateTime", modified),
        ));
        let mut notes: Vec<&str> = Vec::new();
        for p in group {
            if !p.note.is_empty() && !notes.contains(&p.note.as_str()) {
                notes.push(&p.note);
            }
        }
        if !notes.is_empty() {
            x.push_str(&format!(
                "        <Description>{}</Description>\n",
                esc(&notes.join("\n\n"), false)
            ));
        }
        let mut themes: BTreeMap<ThemeId, &Passage> = BTreeMap::new();
        for p in group {
            for t in &p.themes {
                themes.entry(*t).or_insert(p);
            }
        }
        for (t, p) in themes {
            if !self.known.contains(&t) {
                report.skipped.push(format!(
                    "{} in {}: {t} is not in the codebook",
                    p.id, p.article
                ));
                continue;
            }
            x.push_str(&format!(
                "        <Coding guid=\"{}\" creatingUser=\"{user_guid}\">\n          <CodeRef targetGUID=\"{}\"/>\n        </Coding>\n",
                guid("coding", &format!("{}:{}", p.id.0, t.0)),
                theme_guid(t)
            ));
            report.codings += 1;
        }
        x.push_str("      </PlainTextSelection>\n");
        report.selections += 1;
    }
}

/// Zip the parts into a `.qdpx`: `project.qde`, then `sources/<guid>.txt`. The archive is the
/// same byte for byte for the same parts (fixed file times).
pub fn zip_qdpx(parts: &QdpxParts) -> Result<Vec<u8>, RefiError> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default());
    zip.start_file("project.qde", options)?;
    zip.write_all(parts.xml.as_bytes())?;
    for (name, text) in &parts.sources {
        zip.start_file(format!("sources/{name}"), options)?;
        zip.write_all(text.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}

/// The whole `.qdpx` file and its report.
pub fn qdpx(
    project: &Project,
    corpus: &Corpus,
    name: &str,
    user: &str,
) -> Result<(Vec<u8>, RefiReport), RefiError> {
    let parts = qdpx_parts(project, corpus, name, user);
    Ok((zip_qdpx(&parts)?, parts.report))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guids_are_stable_and_well_formed() {
        let g = guid("theme", "3");
        assert_eq!(g, guid("theme", "3"));
        assert_ne!(g, guid("theme", "4"));
        let parts: Vec<usize> = g.split('-').map(str::len).collect();
        assert_eq!(parts, vec![8, 4, 4, 4, 12]);
        assert!(g.chars().all(|c| c == '-' || c.is_ascii_hexdigit()));
    }

    #[test]
    fn escaping_keeps_xml_well_formed() {
        assert_eq!(esc("a<b & \"c\"", true), "a&lt;b &amp; &quot;c&quot;");
        assert_eq!(esc("line\none", true), "line&#10;one");
        assert_eq!(esc("line\none", false), "line\none");
        assert_eq!(esc("bell\u{7}", false), "bell\u{FFFD}");
    }

    #[test]
    fn a_looping_parent_chain_does_not_hang_the_tree() {
        let theme = |id: u32, parent: Option<u32>| Theme {
            id: ThemeId(id),
            name: format!("t{id}"),
            color: crate::project::Rgb([1, 2, 3]),
            description: String::new(),
            parent: parent.map(ThemeId),
        };
        let themes = vec![
            theme(1, Some(2)),
            theme(2, Some(1)),
            theme(3, Some(1)),
            theme(4, Some(9)),
        ];
        let (roots, children) = theme_tree(&themes);
        assert_eq!(roots, vec![ThemeId(1), ThemeId(2), ThemeId(4)]);
        assert_eq!(children.get(&ThemeId(1)), Some(&vec![ThemeId(3)]));
    }
}
