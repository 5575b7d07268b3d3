//! Merging another analyst's project into this one: the merge the analyst previewed (with the
//! theme targets they chose) becomes one undoable edit, and a report of what came in.

use super::{MergeIntent, Notice, Outcome, Report, Session, SessionError};
use crate::project::coders::name_from_file_stem;
use crate::project::{Edit, Timestamp, merge};

impl Session {
    pub(super) fn merge_project(&mut self, intent: MergeIntent) -> Result<Outcome, SessionError> {
        let MergeIntent {
            theirs,
            their_name,
            plan,
        } = intent;
        // A project without coders names its one coder after its file, as the command does.
        let our_name = self.project_path.as_deref().and_then(name_from_file_stem);
        let (edit, report) = merge::merge(
            &self.project,
            our_name.as_deref(),
            &self.corpus,
            &theirs,
            &their_name,
            &plan,
            &Timestamp::now(),
        );
        let nothing = matches!(&edit, Edit::Batch { edits, .. } if edits.is_empty());
        let mut outcome = if nothing {
            Outcome::unchanged()
        } else {
            self.edit(edit)?
        };
        let left_out = report.left_out.len();
        let text = format!(
            "Merged “{their_name}”: {} passage(s) added, {} identical, {left_out} left out{}.",
            report.passages_added,
            report.passages_identical,
            if nothing { " (nothing changed)" } else { "" }
        );
        outcome.notice = Some(if left_out > 0 {
            Notice::warn(text)
        } else {
            Notice::info(text)
        });
        outcome.report = Some(Report::of_merge(&report, &their_name));
        Ok(outcome)
    }
}
