//! What Dossier remembers between runs that is not part of any project: recent files, and the
//! corpus folders outside their project's folder the analyst agreed to load. Kept by
//! eframe's storage (apart from project files, which hold only the analyst's work).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::context::SidePanel;

pub const STORAGE_KEY: &str = "dossier-settings";
const RECENT_LIMIT: usize = 10;

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Recently opened projects and folders, newest first.
    pub recent: Vec<PathBuf>,
    /// (project file, corpus folder) pairs where the analyst said to load the articles from
    /// outside the project's folder: the question is not asked again for them.
    pub outside_corpora: Vec<(PathBuf, PathBuf)>,
    /// Which panels around the reader are hidden (their sizes egui remembers itself).
    pub panels: Panels,
}

/// The panels around the reader the analyst hid (and the coding stripes, shown when asked for).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Panels {
    pub hide_library: bool,
    pub hide_codebook: bool,
    pub hide_lower: bool,
    pub show_stripes: bool,
}

impl Panels {
    pub fn shown(&self, panel: SidePanel) -> bool {
        match panel {
            SidePanel::Library => !self.hide_library,
            SidePanel::Codebook => !self.hide_codebook,
            SidePanel::Lower => !self.hide_lower,
            SidePanel::Stripes => self.show_stripes,
        }
    }

    pub fn toggle(&mut self, panel: SidePanel) {
        let flag = match panel {
            SidePanel::Library => &mut self.hide_library,
            SidePanel::Codebook => &mut self.hide_codebook,
            SidePanel::Lower => &mut self.hide_lower,
            SidePanel::Stripes => &mut self.show_stripes,
        };
        *flag = !*flag;
    }
}

impl Settings {
    pub fn add_recent(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_LIMIT);
    }

    /// Remember that `project` may load its articles from `folder`.
    pub fn allow_outside(&mut self, project: &Path, folder: &Path) {
        let pair = (canonical(project), canonical(folder));
        self.outside_corpora.retain(|p| p != &pair);
        self.outside_corpora.insert(0, pair);
        self.outside_corpora.truncate(OUTSIDE_LIMIT);
    }

    /// Did the analyst agree before that `project` loads its articles from `folder`?
    pub fn outside_allowed(&self, project: &Path, folder: &Path) -> bool {
        let pair = (canonical(project), canonical(folder));
        self.outside_corpora.contains(&pair)
    }
}

/// How many agreed (project, folder) pairs are remembered.
const OUTSIDE_LIMIT: usize = 200;

fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_agreed_outside_folder_is_remembered_across_runs() {
        let dir = tempfile::tempdir().expect("tempdir");
        let project = dir.path().join("work").join("p.json");
        let folder = dir.path().join("seeds");
        let mut settings = Settings::default();
        assert!(!settings.outside_allowed(&project, &folder));
        settings.allow_outside(&project, &folder);
        settings.allow_outside(&project, &folder);
        assert_eq!(settings.outside_corpora.len(), 1);
        // What eframe writes and reads back (settings written before this field load too).
        let text = serde_json::to_string(&settings).expect("json");
        let back: Settings = serde_json::from_str(&text).expect("parse");
        assert!(back.outside_allowed(&project, &folder));
        assert!(!back.outside_allowed(&project, &dir.path().join("other")));
        let old: Settings = serde_json::from_str(r#"{"recent": []}"#).expect("old settings");
        assert!(old.outside_corpora.is_empty());
    }

    #[test]
    fn the_coding_stripes_start_hidden_and_are_remembered_with_the_panels() {
        let mut settings = Settings::default();
        assert!(!settings.panels.shown(SidePanel::Stripes));
        assert!(settings.panels.shown(SidePanel::Library));
        settings.panels.toggle(SidePanel::Stripes);
        let text = serde_json::to_string(&settings).expect("json");
        let back: Settings = serde_json::from_str(&text).expect("parse");
        assert!(back.panels.shown(SidePanel::Stripes));
        assert!(back.panels.shown(SidePanel::Codebook));
        // Settings written before the stripes existed load with them hidden.
        let old: Settings =
            serde_json::from_str(r#"{"panels": {"hide_library": true}}"#).expect("old settings");
        assert!(!old.panels.shown(SidePanel::Stripes));
        assert!(!old.panels.shown(SidePanel::Library));
    }
}
