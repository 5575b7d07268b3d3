//! The crash test's growing project: state `k` has `k` passages, all derived from `k`, so that
//! any state can be rebuilt to compare with what a killed process left on disk.

use dossier::corpus::ArticleId;
use dossier::project::codebook::default_themes;
use dossier::project::{Passage, PassageId, Project, ThemeId, Timestamp};

/// The `k`-th state of the crash test's project.
pub fn stress_state(k: usize) -> Project {
    let mut project = Project::with_themes(default_themes());
    project.corpus_folder = Some("seeds".into());
    for i in 1..=k {
        let quote = format!("Passage {i} quotes “text” — with accents: Perú, año {i}.");
        let passage = Passage {
            id: PassageId(i as u64),
            article: ArticleId(format!("article-{:03}.txt", i % 97)),
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
