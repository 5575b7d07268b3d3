//! The state of the team dialogs: where to write an imported REFI-QDA project, what to do with
//! codebook codes named like themes, and the preview of merging another analyst's project
//! (each of their themes' target can be changed there). The dialogs answer with commands.

use std::path::{Path, PathBuf};

use crate::interop::refi_import::{Imported, default_sources_folder};
use crate::interop::refi_import_codebook::Codebook;
use crate::project::Project;
use crate::project::merge::MergePlan;

/// "Import REFI-QDA project": the file is read; where do the new project and its articles go?
#[derive(Debug)]
pub struct ImportDialog {
    /// The `.qdpx` file.
    pub from: PathBuf,
    /// What was read (taken by the answer).
    pub imported: Option<Box<Imported>>,
    /// The new project file, as typed.
    pub project: String,
    /// The folder for the articles, as typed.
    pub sources: String,
    /// The analyst typed a sources folder of their own (it no longer follows the project).
    pub sources_edited: bool,
    /// Why the last attempt to write failed (the project exists, the folder is not empty).
    pub error: Option<String>,
}

impl ImportDialog {
    /// The dialog for `imported`, read from `from`: the new project beside the `.qdpx` file,
    /// named after it, and its articles in `NAME-sources/` beside that.
    pub fn new(from: PathBuf, imported: Imported) -> Self {
        let stem = from.file_stem().map_or_else(
            || "imported".to_owned(),
            |s| s.to_string_lossy().into_owned(),
        );
        let folder = from.parent().unwrap_or(Path::new("."));
        let project = folder.join(format!("{stem}.dossier.json"));
        Self {
            sources: default_sources_folder(&project).display().to_string(),
            project: project.display().to_string(),
            from,
            imported: Some(Box::new(imported)),
            sources_edited: false,
            error: None,
        }
    }

    /// The sources folder that goes with the project typed (unless the analyst chose one).
    pub fn follow_project(&mut self) {
        if !self.sources_edited {
            self.sources = default_sources_folder(Path::new(self.project.trim()))
                .display()
                .to_string();
        }
    }
}

/// "Import codebook": some codes are named like themes of the project.
#[derive(Debug)]
pub struct CodebookDialog {
    /// The file's name, for messages.
    pub from: String,
    pub book: Box<Codebook>,
    /// The codes whose names are themes already.
    pub clashes: Vec<String>,
}

/// "Merge project": the proposed mapping of their themes, which the analyst may change.
#[derive(Debug)]
pub struct MergeDialog {
    /// Their project file (never written).
    pub path: PathBuf,
    /// Names their implicit coder, and labels their notes: the file's stem.
    pub their_name: String,
    /// Their project (taken by the answer).
    pub theirs: Option<Box<Project>>,
    pub plan: MergePlan,
}
