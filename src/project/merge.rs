//! Merging another analyst's project on the same corpus into this one, as one undoable edit.
//! Articles are matched by path, then by text hash; their passages are placed again on this
//! corpus's texts (exactly, moved, or approximately; what cannot be placed is left out and
//! reported). Themes are matched by id and name, then by path in the tree, then by a unique
//! name; [`plan`] proposes the mapping and the analyst may change any target before [`merge`]
//! builds the edit. Passages keep their coder; a passage with the same span, themes and coder
//! as one here is not added twice (a different note is kept beside ours). The other project is
//! only read.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::anchor::{Haystack, Placement, Target};
use super::coders::{Coder, CoderId, name_key};
use super::edit::Edit;
use super::model::{Anchor, Passage, PassageId, Project, ThemeId};
use super::time::Timestamp;
use crate::corpus::{ArticleId, Corpus};

/// How one of their themes was matched to ours.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchedBy {
    /// Same id and same name.
    Id,
    /// Same names from the root of the tree down.
    Path,
    /// The only theme here with that name.
    Name,
    /// Nothing matched: a new theme.
    Nothing,
}

/// Where one of their themes goes; the analyst may change it in the preview.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ThemeTarget {
    Existing(ThemeId),
    New,
    LeaveOut,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ThemeMapping {
    pub theirs: ThemeId,
    pub name: String,
    /// Their theme's place in their tree: `Parent / Child`.
    pub path: String,
    pub matched_by: MatchedBy,
    pub target: ThemeTarget,
    /// Why an obvious match was not taken (same id, another name; several themes so named).
    pub clash: Option<String>,
}

/// How one of their articles was found in this corpus.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "how", content = "ours")]
pub enum ArticleMatch {
    /// Same path, same text.
    Same(ArticleId),
    /// Same path, the text differs: passages are re-anchored.
    Changed(ArticleId),
    /// Another path, the same text.
    ByHash(ArticleId),
    /// Not in this corpus: its passages are left out.
    Missing,
}

/// The proposed merge, for the preview.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MergePlan {
    pub themes: Vec<ThemeMapping>,
    pub articles: BTreeMap<ArticleId, ArticleMatch>,
}

/// What a merge did, for the message and the command's JSON report.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct MergeReport {
    pub coders_added: Vec<String>,
    pub coders_matched: Vec<String>,
    pub themes_added: Vec<String>,
    pub themes_matched: Vec<(String, String)>,
    pub themes_left_out: Vec<String>,
    pub articles: BTreeMap<ArticleId, ArticleMatch>,
    pub passages_added: usize,
    pub passages_identical: usize,
    pub notes_side_by_side: usize,
    pub passages_moved: usize,
    pub passages_fuzzy: usize,
    /// Passages not merged, each with the reason.
    pub left_out: Vec<String>,
    /// What a merge does not bring over (figures, series, rules).
    pub not_merged: Vec<String>,
}

fn path_of(p: &Project, id: ThemeId) -> Vec<String> {
    let mut names: Vec<String> = p
        .ancestors(id)
        .iter()
        .rev()
        .filter_map(|a| p.theme(*a))
        .map(|t| t.name.clone())
        .collect();
    names.extend(p.theme(id).map(|t| t.name.clone()));
    names
}

fn key_of(path: &[String]) -> String {
    path.iter()
        .map(|n| name_key(n))
        .collect::<Vec<_>>()
        .join("/")
}

/// Propose how their themes and articles map onto ours.
pub fn plan(ours: &Project, corpus: &Corpus, theirs: &Project) -> MergePlan {
    let by_path: BTreeMap<String, ThemeId> = ours
        .themes
        .iter()
        .map(|t| (key_of(&path_of(ours, t.id)), t.id))
        .collect();
    let mut by_name: BTreeMap<String, Vec<ThemeId>> = BTreeMap::new();
    for t in &ours.themes {
        by_name.entry(name_key(&t.name)).or_default().push(t.id);
    }
    let mut themes = Vec::new();
    for (_, t) in theirs.theme_tree() {
        let path = path_of(theirs, t.id);
        let same_id = ours.theme(t.id);
        let named = by_name.get(&name_key(&t.name)).cloned().unwrap_or_default();
        let (matched_by, target) =
            if same_id.is_some_and(|o| name_key(&o.name) == name_key(&t.name)) {
                (MatchedBy::Id, ThemeTarget::Existing(t.id))
            } else if let Some(id) = by_path.get(&key_of(&path)) {
                (MatchedBy::Path, ThemeTarget::Existing(*id))
            } else if let [id] = named.as_slice() {
                (MatchedBy::Name, ThemeTarget::Existing(*id))
            } else {
                (MatchedBy::Nothing, ThemeTarget::New)
            };
        let clash = match (matched_by, same_id) {
            (MatchedBy::Id, _) => None,
            _ if named.len() > 1 => Some(format!(
                "{} themes here are named “{}”",
                named.len(),
                t.name
            )),
            (_, Some(o)) => Some(format!("{} is “{}” here", t.id, o.name)),
            _ => None,
        };
        themes.push(ThemeMapping {
            theirs: t.id,
            name: t.name.clone(),
            path: path.join(" / "),
            matched_by,
            target,
            clash,
        });
    }
    let by_hash: BTreeMap<&str, &ArticleId> = corpus
        .articles()
        .iter()
        .map(|a| (a.sha256(), &a.id))
        .collect();
    let used: BTreeSet<&ArticleId> = theirs.passages.values().map(|p| &p.article).collect();
    let mut articles = BTreeMap::new();
    for id in used {
        let record = theirs.articles.iter().find(|r| &r.path == id);
        let found = match (corpus.get(id), record) {
            (Some(a), Some(r)) if a.sha256() == r.sha256 => ArticleMatch::Same(id.clone()),
            (Some(_), _) => ArticleMatch::Changed(id.clone()),
            (None, Some(r)) => by_hash
                .get(r.sha256.as_str())
                .map_or(ArticleMatch::Missing, |o| {
                    ArticleMatch::ByHash((*o).clone())
                }),
            (None, None) => ArticleMatch::Missing,
        };
        articles.insert(id.clone(), found);
    }
    MergePlan { themes, articles }
}

/// The coder list after the merge and each of their coders' id in it. `our_name` names our
/// implicit coder (a project without coders), `their_name` theirs.
fn merge_coders(
    ours: &Project,
    our_name: Option<&str>,
    theirs: &Project,
    their_name: &str,
    report: &mut MergeReport,
) -> (Vec<Coder>, BTreeMap<CoderId, CoderId>) {
    let mut list = ours.coder_list();
    if let (true, Some(name)) = (ours.has_implicit_coder(), our_name) {
        list[0].name = name.to_owned();
    }
    let mut map = BTreeMap::new();
    let mut next = list.iter().map(|c| c.id.0).max().unwrap_or(0) + 1;
    for mut c in theirs.coder_list() {
        if theirs.has_implicit_coder() {
            c.name = their_name.to_owned();
        }
        if let Some(o) = list.iter().find(|o| name_key(&o.name) == name_key(&c.name)) {
            map.insert(c.id, o.id);
            report.coders_matched.push(c.name.clone());
        } else {
            let id = CoderId(next);
            next += 1;
            map.insert(c.id, id);
            report.coders_added.push(c.name.clone());
            list.push(Coder::new(id, c.name));
        }
    }
    (list, map)
}

/// Join two notes: ours, then theirs when it says something ours does not.
fn side_by_side(ours: &str, theirs: &str, label: &str) -> Option<String> {
    let t = theirs.trim();
    if t.is_empty() || ours.contains(t) {
        return None;
    }
    Some(if ours.trim().is_empty() {
        t.to_owned()
    } else {
        format!("{ours}\n\n[{label}] {t}")
    })
}

/// Their themes as ours: edits adding new themes and updating matched descriptions, and the
/// id each of their themes becomes (none when left out).
fn theme_edits(
    ours: &Project,
    theirs: &Project,
    plan: &MergePlan,
    label: &str,
    report: &mut MergeReport,
    edits: &mut Vec<Edit>,
) -> BTreeMap<ThemeId, ThemeId> {
    let mut ids = BTreeMap::new();
    let mut next = ours.next_theme_id().0;
    let mut taken: BTreeSet<String> = ours.themes.iter().map(|t| name_key(&t.name)).collect();
    for m in &plan.themes {
        let Some(t) = theirs.theme(m.theirs) else {
            continue;
        };
        match m.target {
            ThemeTarget::LeaveOut => report.themes_left_out.push(t.name.clone()),
            ThemeTarget::Existing(id) => {
                let Some(o) = ours.theme(id) else { continue };
                ids.insert(t.id, id);
                report.themes_matched.push((t.name.clone(), o.name.clone()));
                if let Some(d) = side_by_side(&o.description, &t.description, label) {
                    let mut o = o.clone();
                    o.description = d;
                    edits.push(Edit::UpdateTheme(o));
                }
            }
            ThemeTarget::New => {
                let mut new = t.clone();
                new.id = ThemeId(next);
                next += 1;
                new.parent = t.parent.and_then(|p| ids.get(&p).copied());
                if !taken.insert(name_key(&new.name)) {
                    new.name = format!("{} ({label})", t.name);
                    taken.insert(name_key(&new.name));
                }
                ids.insert(t.id, new.id);
                report.themes_added.push(new.name.clone());
                edits.push(Edit::AddTheme(new));
            }
        }
    }
    ids
}

/// Where their passage goes in our corpus, or why it cannot.
fn place<'c>(
    p: &Passage,
    plan: &MergePlan,
    corpus: &'c Corpus,
    stacks: &mut BTreeMap<ArticleId, Haystack<'c>>,
    report: &mut MergeReport,
) -> Result<(ArticleId, Anchor), String> {
    let ours = match plan.articles.get(&p.article) {
        Some(ArticleMatch::Same(a) | ArticleMatch::Changed(a) | ArticleMatch::ByHash(a)) => a,
        _ => {
            return Err(format!(
                "{} in {}: the article is not in this corpus",
                p.id, p.article
            ));
        }
    };
    let article = corpus
        .get(ours)
        .ok_or_else(|| format!("{} in {}: the article is not loaded", p.id, p.article))?;
    let hay = stacks
        .entry(ours.clone())
        .or_insert_with(|| Haystack::new(article));
    let target = Target {
        start: p.start,
        end: p.end,
        quote: &p.quote,
        prefix: &p.prefix,
        suffix: &p.suffix,
    };
    let placement = hay.locate(&target);
    match placement {
        Placement::Moved { .. } => report.passages_moved += 1,
        Placement::Fuzzy { .. } => report.passages_fuzzy += 1,
        _ => {}
    }
    let (s, e) = placement.range((p.start, p.end)).ok_or_else(|| {
        format!(
            "{} in {}: its quote is no longer in the article",
            p.id, p.article
        )
    })?;
    let anchor = Anchor::cut(article, s, e).ok_or_else(|| {
        format!(
            "{} in {}: its place does not fit the article",
            p.id, p.article
        )
    })?;
    Ok((ours.clone(), anchor))
}

/// The merge as one undoable edit, and its report. `our_name` and `their_name` name the
/// projects' implicit coders (the files' stems); the analyst's changes to `plan` are obeyed.
pub fn merge(
    ours: &Project,
    our_name: Option<&str>,
    corpus: &Corpus,
    theirs: &Project,
    their_name: &str,
    plan: &MergePlan,
    now: &Timestamp,
) -> (Edit, MergeReport) {
    let label = their_name;
    let mut report = MergeReport {
        articles: plan.articles.clone(),
        ..MergeReport::default()
    };
    let (coders, coder_map) = merge_coders(ours, our_name, theirs, their_name, &mut report);
    let mut edits = Vec::new();
    if coders != ours.coder_list() {
        edits.push(Edit::SetCoders(coders));
    }
    let theme_map = theme_edits(ours, theirs, plan, label, &mut report, &mut edits);
    // Ours by (article, span, coder, themes), to find identical passages in O(log n).
    let mut index: BTreeMap<(ArticleId, usize, usize, CoderId, Vec<ThemeId>), PassageId> = ours
        .passages
        .values()
        .map(|p| {
            (
                (p.article.clone(), p.start, p.end, p.coder, p.themes.clone()),
                p.id,
            )
        })
        .collect();
    let mut notes: BTreeMap<PassageId, String> = BTreeMap::new();
    let mut next = ours.next_passage_id().0;
    let mut stacks = BTreeMap::new();
    for p in theirs.passages.values() {
        let mut themes: Vec<ThemeId> = p
            .themes
            .iter()
            .filter_map(|t| theme_map.get(t).copied())
            .collect();
        themes.sort();
        themes.dedup();
        if themes.is_empty() {
            report.left_out.push(format!(
                "{} in {}: all its themes were left out",
                p.id, p.article
            ));
            continue;
        }
        let (article, anchor) = match place(p, plan, corpus, &mut stacks, &mut report) {
            Ok(x) => x,
            Err(why) => {
                report.left_out.push(why);
                continue;
            }
        };
        let coder = coder_map.get(&p.coder).copied().unwrap_or(CoderId::FIRST);
        let key = (
            article.clone(),
            anchor.start,
            anchor.end,
            coder,
            themes.clone(),
        );
        if let Some(id) = index.get(&key) {
            report.passages_identical += 1;
            let current = notes
                .get(id)
                .cloned()
                .or_else(|| ours.passages.get(id).map(|o| o.note.clone()))
                .unwrap_or_default();
            if let Some(n) = side_by_side(&current, &p.note, label) {
                notes.insert(*id, n);
            }
            continue;
        }
        let mut q =
            Passage::new(PassageId(next), article, anchor, themes, p.created.clone()).by(coder);
        next += 1;
        q.modified = p.modified.clone();
        q.note = p.note.clone();
        index.insert(key, q.id);
        report.passages_added += 1;
        edits.push(Edit::AddPassage(q));
    }
    finish(ours, theirs, notes, now, &mut report, &mut edits);
    let edit = Edit::Batch {
        label: format!("merge “{label}”"),
        edits,
    };
    (edit, report)
}

/// Our passages' notes with theirs beside them, and what the merge does not bring over.
fn finish(
    ours: &Project,
    theirs: &Project,
    notes: BTreeMap<PassageId, String>,
    now: &Timestamp,
    report: &mut MergeReport,
    edits: &mut Vec<Edit>,
) {
    for (id, note) in notes {
        if let Some(o) = ours.passages.get(&id) {
            let mut o = o.clone();
            o.note = note;
            o.modified = now.clone();
            report.notes_side_by_side += 1;
            edits.push(Edit::UpdatePassage(o));
        }
    }
    for (n, what) in [
        (theirs.figures.len(), "curated figure(s)"),
        (theirs.series.len(), "series"),
        (theirs.rules.len(), "auto-tag rule(s)"),
    ] {
        if n > 0 {
            report.not_merged.push(format!(
                "{n} {what}: merging brings passages, themes and coders only"
            ));
        }
    }
}
