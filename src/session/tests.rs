//! The domain rules the session enforces, on the seeds: tagging and toggling, a passage keeps at
//! least one theme, deleting a figure takes it out of its series, renaming a series, saves of
//! an older state, and derived data computed once per change.

use std::path::Path;
use std::sync::atomic::AtomicBool;

use super::*;
use crate::corpus::LoadOptions;
use crate::project::codebook::default_themes;
use crate::project::{EditError, FigureStatus, Opened};

pub(super) fn seeds_loaded() -> LoadedCorpus {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    load::load_corpus(
        &folder,
        &LoadOptions::default(),
        None,
        &|_, _| {},
        &AtomicBool::new(false),
    )
    .expect("the seeds load")
}

/// A session on the seeds, as the app opens a folder (shared by the session's test files).
pub(super) fn seeds() -> Session {
    Session::from_folder(seeds_loaded())
}

/// The range of `phrase` in the seeds' article `file`.
fn range_of(session: &Session, file: &str, phrase: &str) -> TextRange {
    let article = session
        .corpus()
        .get(&ArticleId(file.into()))
        .expect("article");
    let at = article.text.find(phrase).expect("phrase");
    let start = article.char_of(at).expect("boundary");
    TextRange {
        article: article.id.clone(),
        start,
        end: start + phrase.chars().count(),
    }
}

fn theme(n: u32) -> ThemeId {
    ThemeId(n)
}

#[test]
fn tagging_a_range_again_toggles_the_theme_and_a_passage_keeps_one() {
    let mut s = seeds();
    let range = range_of(&s, "003_eaa2cb2b0ffc7ced.txt", "24 Russian helicopters");
    let tag = |range: &TextRange, t| {
        Intent::from(TagIntent::TagRange {
            range: range.clone(),
            theme: theme(t),
        })
    };
    let made = s.apply(tag(&range, 1)).expect("tagged");
    let id = made.passage.expect("the new passage is selected");
    assert_eq!(s.project().passages[&id].quote, "24 Russian helicopters");

    // The same range with another theme adds it to that passage; again removes it.
    let again = s.apply(tag(&range, 2)).expect("added");
    assert_eq!(again.passage, Some(id));
    assert_eq!(s.project().passages.len(), 1);
    assert_eq!(s.project().passages[&id].themes, vec![theme(1), theme(2)]);
    s.apply(tag(&range, 2)).expect("removed");
    assert_eq!(s.project().passages[&id].themes, vec![theme(1)]);

    // The last theme stays: toggled directly it is refused, tagged again it is explained.
    let before = s.project().clone();
    let refused = s.apply(
        TagIntent::ToggleTheme {
            passage: id,
            theme: theme(1),
        }
        .into(),
    );
    assert_eq!(refused, Err(SessionError::LastTheme));
    assert_eq!(refused.map_err(|e| e.level()), Err(Level::Warning));
    let explained = s.apply(tag(&range, 1)).expect("not an error");
    assert_eq!(explained.passage, Some(id));
    assert!(!explained.changed);
    assert_eq!(
        explained.notice.map(|n| n.level),
        Some(Level::Warning),
        "the analyst is told why"
    );
    assert_eq!(s.project(), &before);

    // The project itself refuses a passage without a theme.
    let mut bare = s.project().passages[&id].clone();
    bare.themes.clear();
    let mut project = s.project().clone();
    assert_eq!(
        project.apply(crate::project::Edit::UpdatePassage(bare)),
        Err(EditError::NoThemes)
    );
}

#[test]
fn tagging_needs_text_and_undo_and_redo_step_through_it() {
    let mut s = seeds();
    let mut range = range_of(&s, "003_eaa2cb2b0ffc7ced.txt", "26 people");
    range.end = range.start;
    let empty = s.apply(
        TagIntent::TagRange {
            range: range.clone(),
            theme: theme(1),
        }
        .into(),
    );
    assert!(matches!(empty, Err(SessionError::NeedsSelection(_))));
    range.end = range.start + 9;
    s.apply(
        TagIntent::TagRange {
            range,
            theme: theme(1),
        }
        .into(),
    )
    .expect("tagged");
    assert!(s.is_dirty());
    s.apply(HistoryIntent::Undo.into()).expect("undone");
    assert!(s.project().passages.is_empty() && !s.is_dirty());
    s.apply(HistoryIntent::Redo.into()).expect("redone");
    assert_eq!(s.project().passages.len(), 1);
    let nothing = s
        .apply(HistoryIntent::Redo.into())
        .expect("nothing to redo");
    assert!(!nothing.changed);
}

/// Two hectare figures of the seeds (the article repeats them; the first two), as a new
/// series; returns its id and the figures' keys.
fn coca_series(s: &mut Session) -> (SeriesId, Vec<crate::figures::curation::FigureKey>) {
    let keys: Vec<_> = s
        .figure_rows()
        .iter()
        .filter(|r| r.figure.unit == "hectare" && r.key.start < 4000)
        .map(|r| r.key.clone())
        .collect();
    assert_eq!(keys.len(), 2);
    let made = s
        .apply(
            SeriesIntent::Create {
                name: "Peru coca".into(),
                keys: keys.clone(),
            }
            .into(),
        )
        .expect("series");
    (made.series.expect("the new series"), keys)
}

#[test]
fn deleting_a_figure_takes_it_out_of_every_series_in_one_step() {
    let mut s = seeds();
    let (first, keys) = coca_series(&mut s);
    s.apply(
        SeriesIntent::Create {
            name: "Just one".into(),
            keys: keys[..1].to_vec(),
        }
        .into(),
    )
    .expect("second series");
    let figure = s.project().series_by_id(first).expect("series").figures[0];
    assert_eq!(s.project().series_of(figure).len(), 2);
    // The project alone refuses: the figure is in a series.
    let mut project = s.project().clone();
    assert!(
        project
            .apply(crate::project::Edit::RemoveFigure(figure))
            .is_err()
    );
    let before = s.project().clone();
    s.apply(FigureIntent::Delete(figure).into())
        .expect("deleted");
    assert!(!s.project().figures.contains_key(&figure));
    assert!(
        s.project()
            .series
            .iter()
            .all(|x| !x.figures.contains(&figure))
    );
    s.apply(HistoryIntent::Undo.into()).expect("undone");
    assert_eq!(s.project(), &before, "one undo brings it back everywhere");
}

#[test]
fn renaming_a_series_trims_and_refuses_an_empty_name() {
    let mut s = seeds();
    let (id, _) = coca_series(&mut s);
    s.apply(
        SeriesIntent::Rename {
            series: id,
            name: "  Coca eradication  ".into(),
        }
        .into(),
    )
    .expect("renamed");
    assert_eq!(
        s.project().series_by_id(id).map(|x| x.name.as_str()),
        Some("Coca eradication")
    );
    let empty = s.apply(
        SeriesIntent::Rename {
            series: id,
            name: "   ".into(),
        }
        .into(),
    );
    assert_eq!(empty, Err(SessionError::Edit(EditError::EmptySeriesName)));
    let gone = s.apply(
        SeriesIntent::Rename {
            series: SeriesId(99),
            name: "x".into(),
        }
        .into(),
    );
    assert!(matches!(gone, Err(SessionError::Curate(_))));
}

#[test]
fn derived_data_is_computed_once_per_change() {
    let mut s = seeds();
    let (id, keys) = coca_series(&mut s);
    let points = s.series_points(id);
    assert_eq!(points.len(), 2);
    let rows = s.figure_rows().as_ptr();
    // Asked again without a change: the same memory, not a new computation.
    assert!(std::ptr::eq(points, s.series_points(id)));
    assert_eq!(rows, s.figure_rows().as_ptr());
    let revision = s.revision();
    s.apply(
        FigureIntent::SetStatus {
            keys: keys[..1].to_vec(),
            status: Some(FigureStatus::Rejected),
        }
        .into(),
    )
    .expect("rejected");
    assert_ne!(s.revision(), revision);
    let row = s.figure_row(&keys[0]).expect("row");
    assert_eq!(row.status, crate::figures::curation::RowStatus::Rejected);
    assert!(
        !s.figure_spans(&keys[0].article)
            .contains(&(keys[0].start, keys[0].end)),
        "a rejected figure is not marked in the reader"
    );
}

#[test]
fn a_save_of_an_older_state_leaves_the_newer_one_unsaved() {
    let mut s = seeds();
    let range = range_of(&s, "003_eaa2cb2b0ffc7ced.txt", "26 people");
    s.apply(
        TagIntent::TagRange {
            range,
            theme: theme(1),
        }
        .into(),
    )
    .expect("tagged");
    let state = s.history().state();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("p.json");
    let copy = s.project_for_save(&path);
    s.apply(
        CodebookIntent::Add {
            name: " New ".into(),
        }
        .into(),
    )
    .expect("theme");
    assert_eq!(
        s.project().themes.last().map(|t| t.name.as_str()),
        Some("New")
    );
    s.apply(
        FileIntent::Saved {
            path: path.clone(),
            state,
            written: Box::new(copy),
            stamp: None,
        }
        .into(),
    )
    .expect("saved");
    assert_eq!(s.project_path(), Some(path.as_path()));
    assert!(s.is_dirty(), "the theme added after the copy is not saved");
    assert!(
        !s.project().articles.is_empty(),
        "the records written are kept"
    );
    s.apply(HistoryIntent::Undo.into()).expect("undone");
    assert!(!s.is_dirty(), "back at the saved state");
}

#[test]
fn an_opened_project_without_articles_lists_its_articles_as_missing() {
    let mut s = seeds();
    let range = range_of(&s, "000_8ac47412c0faaaf5.txt", "train drug police");
    s.apply(
        TagIntent::TagRange {
            range,
            theme: theme(2),
        }
        .into(),
    )
    .expect("tagged");
    let project = s.project_for_save(Path::new("/tmp/p.json"));
    let opened = Opened {
        project,
        warnings: Vec::new(),
        migrated_from: None,
        stamp: None,
    };
    let alone = Session::from_project(None, opened, None);
    assert_eq!(alone.missing_articles().len(), 5);
    assert_eq!(alone.problems().len(), 1);
    assert!(
        alone.revision() != s.revision(),
        "revisions are never shared"
    );
    let fresh = Session::from_project(
        None,
        Opened {
            project: crate::project::Project::with_themes(default_themes()),
            warnings: Vec::new(),
            migrated_from: None,
            stamp: None,
        },
        None,
    );
    assert!(fresh.missing_articles().is_empty());
}

#[test]
fn a_tagged_passage_is_the_current_coders() {
    use crate::project::{Coder, CoderId, Edit};
    let mut project = crate::project::Project::with_themes(default_themes());
    project
        .apply(Edit::SetCoders(vec![
            Coder::implicit(),
            Coder::new(CoderId(2), "bob"),
        ]))
        .expect("coders");
    project
        .apply(Edit::SetCurrentCoder(CoderId(2)))
        .expect("bob codes");
    let opened = Opened {
        project,
        warnings: Vec::new(),
        migrated_from: None,
        stamp: None,
    };
    let mut s = Session::from_project(None, opened, Some(seeds_loaded()));
    let range = range_of(&s, "003_eaa2cb2b0ffc7ced.txt", "26 people");
    let made = s
        .apply(
            TagIntent::TagRange {
                range,
                theme: theme(1),
            }
            .into(),
        )
        .expect("tagged");
    let id = made.passage.expect("passage");
    assert_eq!(s.project().passages[&id].coder, CoderId(2));
}
