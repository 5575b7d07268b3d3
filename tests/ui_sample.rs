//! The sample project (`sample.dossier.json` on the seeds): Help › Open the sample project opens
//! it with its themes, passages with notes and an accepted series, every passage where its
//! quote is; and Save never writes over it.

use crate::common;

use std::path::Path;

use crate::common::ui::{open, settle};
use dossier::context::UiCommand;
use dossier::project::FigureStatus;
use egui_kittest::kittest::Queryable;

fn sample() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample.dossier.json")
}

#[test]
fn help_opens_the_sample_project_with_passages_notes_and_a_series() {
    let before = std::fs::read(sample()).expect("the sample project is shipped");
    let mut window = open(common::seeds_dir());
    assert!(window.state().session().project().passages.is_empty());
    window.get_by_label("Help").click();
    window.run();
    window.get_by_label("Open the sample project").click();
    settle(&mut window);

    let session = window.state().session();
    let project = session.project();
    assert_eq!(
        session.project_path().and_then(Path::file_name),
        sample().file_name()
    );
    assert!(project.themes.len() >= 5, "{} themes", project.themes.len());
    assert!(
        project.passages.len() >= 10,
        "{} passages",
        project.passages.len()
    );
    assert!(
        project
            .passages
            .values()
            .filter(|p| !p.note.is_empty())
            .count()
            >= 5
    );
    assert!(
        project.themes.iter().any(|t| t.parent.is_some()),
        "a child theme"
    );
    // Every passage is where its quote is, in an unchanged article: nothing to re-anchor.
    assert!(session.problems().is_empty(), "{:?}", session.problems());
    assert!(session.changed_articles().is_empty());
    assert!(session.missing_articles().is_empty());
    for p in project.passages.values() {
        let article = session.corpus().get(&p.article).expect("article");
        let text: String = article
            .text
            .chars()
            .skip(p.start)
            .take(p.end - p.start)
            .collect();
        assert_eq!(text, p.quote, "passage {:?}", p.id);
    }
    // The series has accepted figures, and they plot.
    let series = project.series.first().expect("a series");
    assert!(series.figures.len() >= 2);
    for id in &series.figures {
        let figure = project.figures.get(id).expect("figure");
        assert_eq!(figure.status, FigureStatus::Accepted);
    }
    assert_eq!(session.series_points(series.id).len(), series.figures.len());
    assert!(!session.is_dirty(), "opening the sample changes nothing");

    // Save asks for a new file (the typed path here) and leaves the sample as shipped.
    window.state_mut().push(UiCommand::Save);
    window.run();
    window.run();
    assert!(
        window.query_by_label("Path").is_some(),
        "Save asks for a file"
    );
    assert_eq!(std::fs::read(sample()).expect("read"), before);
}
