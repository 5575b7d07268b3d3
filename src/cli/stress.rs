//! The crash test's save loop: a hidden command that saves a growing project until killed.

use std::path::Path;

use crate::project::io;

use super::load::CliError;

/// The `k`-th state of the crash test's project: `k` passages, all derived from `k`, so that any
/// state can be rebuilt to compare with what a killed process left on disk.
pub fn stress_state(k: usize) -> crate::project::Project {
    use crate::project::{Passage, PassageId, Project, ThemeId, Timestamp};
    let mut project = Project::with_themes(crate::project::codebook::default_themes());
    project.corpus_folder = Some("seeds".into());
    for i in 1..=k {
        let quote = format!("Passage {i} quotes “text” — with accents: Perú, año {i}.");
        let passage = Passage {
            id: PassageId(i as u64),
            article: crate::corpus::ArticleId(format!("article-{:03}.txt", i % 97)),
            start: i * 10,
            end: i * 10 + quote.chars().count(),
            quote,
            prefix: format!("before {i}"),
            suffix: format!("after {i}"),
            themes: vec![ThemeId(1 + (i % 11) as u32)],
            note: if i % 3 == 0 {
                format!("note {i}")
            } else {
                String::new()
            },
            created: Timestamp::from_unix(1_700_000_000 + i as i64),
            modified: Timestamp::from_unix(1_700_000_000 + i as i64),
            coder: Default::default(),
        };
        project.passages.insert(passage.id, passage);
    }
    project
}

/// `dossier stress-save PROJECT`: save states 1, 2, 3, … of [`stress_state`] until killed.
pub fn stress_save(path: &Path) -> Result<(), CliError> {
    let mut k = 1;
    loop {
        io::save(&stress_state(k), path)?;
        k = if k >= 3000 { 1 } else { k + 1 };
    }
}
