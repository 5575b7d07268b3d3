//! Coders: who made each passage. A project lists its coders and names one as current (the
//! analyst at the keyboard); every passage records its coder's id. A project without a list
//! (every project saved before coders existed) has one implicit coder, id 1, named
//! [`DEFAULT_CODER_NAME`], which is written to the file only once it is changed.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::model::{Passage, Project};

/// The name of the implicit coder of a project that has no coder list.
pub const DEFAULT_CODER_NAME: &str = "analyst";

/// A coder's id; stable across saves. Id 1 is the first (or implicit) coder.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CoderId(pub u32);

impl CoderId {
    /// The first coder, and the implicit one of a project without a coder list.
    pub const FIRST: Self = Self(1);

    /// For `skip_serializing_if`: the first coder is not written on passages.
    pub fn is_first(&self) -> bool {
        *self == Self::FIRST
    }
}

impl Default for CoderId {
    fn default() -> Self {
        Self::FIRST
    }
}

impl std::fmt::Display for CoderId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "coder {}", self.0)
    }
}

/// One analyst who codes passages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coder {
    pub id: CoderId,
    pub name: String,
}

impl Coder {
    pub fn new(id: CoderId, name: impl Into<String>) -> Self {
        Self {
            id,
            name: name.into(),
        }
    }

    /// The implicit coder of a project without a coder list.
    pub fn implicit() -> Self {
        Self::new(CoderId::FIRST, DEFAULT_CODER_NAME)
    }
}

/// Why a coder list cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CoderError {
    #[error("a coder needs a name")]
    EmptyName,
    #[error("two coders share id {0}")]
    DuplicateId(u32),
    #[error("two coders are named “{0}”")]
    DuplicateName(String),
    #[error("{0} still has passages")]
    InUse(CoderId),
    #[error("{0} does not exist")]
    Missing(CoderId),
}

/// A coder name as compared for clashes: trimmed, case folded.
pub fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Check a coder list: non-empty unique names, unique ids.
pub fn validate(coders: &[Coder]) -> Result<(), CoderError> {
    let mut ids = BTreeSet::new();
    let mut names = BTreeSet::new();
    for c in coders {
        if c.name.trim().is_empty() {
            return Err(CoderError::EmptyName);
        }
        if !ids.insert(c.id) {
            return Err(CoderError::DuplicateId(c.id.0));
        }
        if !names.insert(name_key(&c.name)) {
            return Err(CoderError::DuplicateName(c.name.clone()));
        }
    }
    Ok(())
}

/// The name a project file's stem gives its implicit coder: `alice.dossier.json` → `alice`.
pub fn name_from_file_stem(path: &std::path::Path) -> Option<String> {
    let name = path.file_name()?.to_string_lossy().into_owned();
    let stem = name
        .strip_suffix(".json")
        .unwrap_or(&name)
        .trim_end_matches(".dossier")
        .trim();
    (!stem.is_empty()).then(|| stem.to_owned())
}

impl Project {
    /// The coders, sorted by id: the stored list, or the one implicit coder.
    pub fn coder_list(&self) -> Vec<Coder> {
        if self.coders.is_empty() {
            vec![Coder::implicit()]
        } else {
            self.coders.clone()
        }
    }

    /// Does the project have only its implicit coder (no list of its own)?
    pub fn has_implicit_coder(&self) -> bool {
        self.coders.is_empty()
    }

    pub fn coder(&self, id: CoderId) -> Option<Coder> {
        if self.coders.is_empty() {
            return (id == CoderId::FIRST).then(Coder::implicit);
        }
        self.coders
            .binary_search_by_key(&id, |c| c.id)
            .ok()
            .map(|i| self.coders[i].clone())
    }

    /// The coder's name, or "coder N" for an id the project does not know.
    pub fn coder_name(&self, id: CoderId) -> String {
        self.coder(id)
            .map_or_else(|| format!("coder {}", id.0), |c| c.name)
    }

    /// The coder with this name (compared trimmed and case folded).
    pub fn coder_by_name(&self, name: &str) -> Option<Coder> {
        let key = name_key(name);
        self.coder_list()
            .into_iter()
            .find(|c| name_key(&c.name) == key)
    }

    pub fn next_coder_id(&self) -> CoderId {
        CoderId(self.coder_list().last().map_or(1, |c| c.id.0 + 1))
    }

    /// Passages per coder.
    pub fn coder_usage(&self) -> BTreeMap<CoderId, usize> {
        let mut usage = BTreeMap::new();
        for p in self.passages.values() {
            *usage.entry(p.coder).or_insert(0) += 1;
        }
        usage
    }

    /// Replace the coder list; returns the old one. Every passage's coder and the current
    /// coder must be in the new list (an empty list means the implicit coder).
    pub(super) fn set_coders(&mut self, mut coders: Vec<Coder>) -> Result<Vec<Coder>, CoderError> {
        coders.sort_by_key(|c| c.id);
        validate(&coders)?;
        let known = |id: CoderId| {
            if coders.is_empty() {
                id == CoderId::FIRST
            } else {
                coders.binary_search_by_key(&id, |c| c.id).is_ok()
            }
        };
        if let Some(p) = self.passages.values().find(|p| !known(p.coder)) {
            return Err(CoderError::InUse(p.coder));
        }
        if !known(self.current_coder) {
            return Err(CoderError::InUse(self.current_coder));
        }
        Ok(std::mem::replace(&mut self.coders, coders))
    }
}

impl Project {
    /// The edit that makes `name` the current coder, adding the coder when the project does
    /// not have one of that name (what the preferences' "current coder" field does).
    pub fn switch_coder_edit(&self, name: &str) -> Result<super::Edit, CoderError> {
        if name.trim().is_empty() {
            return Err(CoderError::EmptyName);
        }
        if let Some(c) = self.coder_by_name(name) {
            return Ok(super::Edit::SetCurrentCoder(c.id));
        }
        let id = self.next_coder_id();
        let mut list = self.coder_list();
        list.push(Coder::new(id, name.trim()));
        Ok(super::Edit::Batch {
            label: format!("add coder “{}”", name.trim()),
            edits: vec![
                super::Edit::SetCoders(list),
                super::Edit::SetCurrentCoder(id),
            ],
        })
    }

    /// The edit that renames a coder (names stay unique).
    pub fn rename_coder_edit(&self, id: CoderId, name: &str) -> Result<super::Edit, CoderError> {
        let mut list = self.coder_list();
        let c = list
            .iter_mut()
            .find(|c| c.id == id)
            .ok_or(CoderError::Missing(id))?;
        c.name = name.trim().to_owned();
        validate(&list)?;
        Ok(super::Edit::SetCoders(list))
    }

    /// An article's passages made by any of `coders`, in reading order (the reader showing one
    /// coder's passages, or two coders' side by side).
    pub fn passages_by<'a>(
        &'a self,
        article: &'a crate::corpus::ArticleId,
        coders: &'a [CoderId],
    ) -> impl Iterator<Item = &'a Passage> {
        self.passages_of(article)
            .filter(move |p| coders.contains(&p.coder))
    }
}

impl Passage {
    /// The same passage, made by `coder`.
    pub fn by(mut self, coder: CoderId) -> Self {
        self.coder = coder;
        self
    }
}

/// Repair a coder list read from a file: renumber duplicate ids, name unnamed coders, make
/// names unique, and add a placeholder for every coder id that passages (or `current`) use but
/// the list lacks. Returns the list to keep (empty when only the implicit coder is needed).
pub fn repair(
    coders: Vec<Coder>,
    used: &BTreeSet<CoderId>,
    warnings: &mut Vec<String>,
) -> Vec<Coder> {
    let mut out: Vec<Coder> = Vec::with_capacity(coders.len());
    let mut ids = super::repair::Renumber::new(coders.iter().map(|c| c.id.0));
    let mut names = BTreeSet::new();
    for mut c in coders {
        if let Some(next) = ids.fresh(c.id.0) {
            warnings.push(format!(
                "Two coders share id {}; “{}” was given id {next}.",
                c.id.0, c.name
            ));
            c.id = CoderId(next);
        }
        if c.name.trim().is_empty() {
            c.name = format!("Coder {}", c.id.0);
            warnings.push(format!(
                "Coder {} had no name; it is now “{}”.",
                c.id.0, c.name
            ));
        }
        let base = c.name.clone();
        let mut n = 2;
        while !names.insert(name_key(&c.name)) {
            c.name = format!("{base} ({n})");
            n += 1;
        }
        if c.name != base {
            warnings.push(format!(
                "Two coders were named “{base}”; coder {} is now “{}”.",
                c.id.0, c.name
            ));
        }
        out.push(c);
    }
    let implicit = out.is_empty();
    for id in used {
        let known = if implicit {
            *id == CoderId::FIRST
        } else {
            ids.contains(&id.0)
        };
        if known {
            continue;
        }
        if out.is_empty() {
            out.push(Coder::implicit());
            names.insert(name_key(DEFAULT_CODER_NAME));
        }
        let mut name = format!("Missing coder {}", id.0);
        while !names.insert(name_key(&name)) {
            name.push('*');
        }
        warnings.push(format!(
            "Passages use coder {}, who is not in the list of coders; a placeholder “{name}” \
             was added.",
            id.0
        ));
        out.push(Coder::new(*id, name));
    }
    out.sort_by_key(|c| c.id);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn file_stems_name_coders() {
        let stem = |p: &str| name_from_file_stem(Path::new(p));
        assert_eq!(stem("/x/alice.dossier.json"), Some("alice".into()));
        assert_eq!(stem("bob.json"), Some("bob".into()));
        assert_eq!(stem("carol"), Some("carol".into()));
        assert_eq!(stem(".dossier.json"), None);
    }

    #[test]
    fn repair_renames_clashes_and_adds_placeholders() {
        let mut warnings = Vec::new();
        let coders = vec![
            Coder::new(CoderId(1), "Ann"),
            Coder::new(CoderId(1), "ann"),
            Coder::new(CoderId(3), " "),
        ];
        let used: BTreeSet<CoderId> = [CoderId(1), CoderId(7)].into();
        let out = repair(coders, &used, &mut warnings);
        let names: Vec<(u32, &str)> = out.iter().map(|c| (c.id.0, c.name.as_str())).collect();
        assert_eq!(
            names,
            vec![
                (1, "Ann"),
                (3, "Coder 3"),
                (4, "ann (2)"),
                (7, "Missing coder 7")
            ]
        );
        assert_eq!(warnings.len(), 4, "{warnings:?}");
    }

    #[test]
    fn switching_and_renaming_coders_are_edits() {
        let mut p = Project::default();
        let edit = p.switch_coder_edit(" bob ").expect("edit");
        let undo = p.apply(edit).expect("applies");
        assert_eq!(p.coder_name(p.current_coder), "bob");
        assert_eq!(p.coder_list().len(), 2);
        assert_eq!(
            p.switch_coder_edit("ANALYST").expect("edit"),
            crate::project::Edit::SetCurrentCoder(CoderId::FIRST)
        );
        assert_eq!(
            p.rename_coder_edit(CoderId(2), "Analyst"),
            Err(CoderError::DuplicateName("Analyst".into()))
        );
        p.apply(p.rename_coder_edit(CoderId(2), "Robert").expect("edit"))
            .expect("renames");
        assert_eq!(p.coder_name(CoderId(2)), "Robert");
        p.apply(p.rename_coder_edit(CoderId(2), "bob").expect("edit"))
            .expect("renames back");
        p.apply(undo).expect("undo");
        assert_eq!(p, Project::default());
        assert_eq!(p.switch_coder_edit("  "), Err(CoderError::EmptyName));
    }

    #[test]
    fn an_implicit_coder_needs_no_list() {
        let mut warnings = Vec::new();
        let used: BTreeSet<CoderId> = [CoderId(1)].into();
        assert!(repair(Vec::new(), &used, &mut warnings).is_empty());
        assert!(warnings.is_empty());
        let used: BTreeSet<CoderId> = [CoderId(1), CoderId(2)].into();
        let out = repair(Vec::new(), &used, &mut warnings);
        assert_eq!(out[0], Coder::implicit());
        assert_eq!(out[1].id, CoderId(2));
    }
}
