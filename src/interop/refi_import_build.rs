//! Assembling the imported project: users become coders, selections are grouped into
//! passages, and what Dossier has no place for is listed in the report.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use roxmltree::Node;

use super::refi_import_codebook::{ImportedCode, guid_key, unique_name};
use super::refi_import_project::Reader;
use super::refi_import_text::{child, children, time};
use crate::corpus::{Article, ArticleId, Decoded, TextEncoding};
use crate::project::{Anchor, Coder, CoderId, Passage, PassageId, Project, ThemeId, Timestamp};

/// `(guid, name)` of each user, in file order.
pub(super) fn read_users(root: Node) -> Vec<(String, String)> {
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
    if users.is_empty() {
        // No users at all: everything is the project's one implicit coder.
        let all = r
            .selections
            .iter()
            .map(|s| (s.user.clone(), CoderId::FIRST))
            .collect();
        return (Vec::new(), all);
    }
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

/// The codes as themes: unique names, notes referred to by `NoteRef` added to descriptions.
fn themes_of(r: &mut Reader, codes: &[ImportedCode]) -> Vec<crate::project::Theme> {
    let mut themes = Vec::with_capacity(codes.len());
    let notes = r.notes.clone();
    let mut taken = BTreeSet::new();
    for code in codes {
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
        themes.push(theme);
    }
    let categories = codes.iter().filter(|c| !c.codable).count();
    if categories > 0 {
        r.report.notes.push(format!(
            "{categories} categor(ies) marked isCodable=\"false\" became themes, keeping the tree"
        ));
    }
    themes
}

/// Group the selections into passages and assemble the project.
pub(super) fn build(
    r: &mut Reader,
    codes: Vec<ImportedCode>,
    users: &[(String, String)],
    root: Node,
    now: &Timestamp,
) -> Project {
    let (coders, by_guid) = coders_of(r, users);
    let mut project = Project::with_themes(themes_of(r, &codes));
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
pub(super) fn report_unread(r: &mut Reader, root: Node) {
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
