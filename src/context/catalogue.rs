//! The catalogue of user commands: every action a menu, a key or the command palette can start,
//! with its text, tooltip and shortcuts. Menus, the shortcuts window (F1), the key handling and
//! the command palette (Ctrl+Shift+P) all read it, so they never drift apart.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::selection::Selection;
use super::tab::{SidePanel, Tab};
use crate::session::Session;

/// A user command that needs no arguments.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum UiCommand {
    OpenFolder,
    OpenProject,
    OpenPath,
    Save,
    SaveAs,
    ExportQdpx,
    ExportQdc,
    /// Write the project as one self-contained HTML report.
    ExportReport,
    ImportQdpx,
    ImportQdc,
    MergeProject,
    Preferences,
    Quit,
    Undo,
    Redo,
    DeleteSelection,
    Find,
    FindNext,
    FindPrevious,
    /// Keys 1–9: tag the selected text with the theme of that number, or add or remove it on
    /// the selected passage.
    TagWithTheme(u8),
    /// Esc: clear the selected passage and text.
    ClearSelection,
    ShowTab(Tab),
    ShowLoadReport,
    ShowMessages,
    ShowShortcuts,
    /// Open the sample project shipped with Dossier (never saved over: Save asks for a file).
    OpenSample,
    CommandPalette,
    /// Open the original file of the article in the reader with the system's viewer.
    OpenSource,
    ShowProjectMemo,
    /// Show or hide a panel around the reader.
    TogglePanel(SidePanel),
}

/// Where a shortcut works.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyScope {
    /// Everywhere.
    Global,
    /// Not while a text field has the keyboard (it edits text with the same keys).
    NotInTextField,
    /// Only while the reader (or nothing) has the keyboard and no dialog is open.
    Reader,
}

const NUMBER_KEYS: [Key; 9] = [
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
    Key::Num8,
    Key::Num9,
];

impl UiCommand {
    /// Every command, in menu order (the number keys in order, each tab in tab order).
    pub fn all() -> Vec<UiCommand> {
        let mut all = vec![
            Self::OpenFolder,
            Self::OpenProject,
            Self::OpenPath,
            Self::Save,
            Self::SaveAs,
            Self::ExportQdpx,
            Self::ExportQdc,
            Self::ExportReport,
            Self::ImportQdpx,
            Self::ImportQdc,
            Self::MergeProject,
            Self::Preferences,
            Self::Quit,
            Self::Undo,
            Self::Redo,
            Self::DeleteSelection,
            Self::Find,
            Self::FindNext,
            Self::FindPrevious,
        ];
        all.extend((1..=9).map(Self::TagWithTheme));
        all.push(Self::ClearSelection);
        all.extend(Tab::ALL.iter().map(|t| Self::ShowTab(*t)));
        all.extend(SidePanel::ALL.map(Self::TogglePanel));
        all.extend([
            Self::ShowLoadReport,
            Self::ShowMessages,
            Self::ShowShortcuts,
            Self::OpenSample,
            Self::CommandPalette,
            Self::OpenSource,
            Self::ShowProjectMemo,
        ]);
        all
    }

    /// Menu text; a command that asks for more input ends with `…`.
    pub fn text(self) -> String {
        let text = match self {
            Self::OpenFolder => "Open folder…",
            Self::OpenProject => "Open project…",
            Self::OpenPath => "Open typed path…",
            Self::Save => "Save",
            Self::SaveAs => "Save as…",
            Self::ExportQdpx => "Export REFI-QDA project (.qdpx)…",
            Self::ExportQdc => "Export codebook (.qdc)…",
            Self::ExportReport => "Export report (.html)…",
            Self::ImportQdpx => "Import REFI-QDA project (.qdpx)…",
            Self::ImportQdc => "Import codebook (.qdc)…",
            Self::MergeProject => "Merge project…",
            Self::Preferences => "Preferences…",
            Self::Quit => "Quit",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::DeleteSelection => "Delete selected passage",
            Self::Find => "Find…",
            Self::FindNext => "Find next",
            Self::FindPrevious => "Find previous",
            Self::TagWithTheme(n) => return format!("Tag with theme {n}"),
            Self::ClearSelection => "Clear the selection",
            Self::ShowTab(tab) => return format!("Go to {}", tab.title()),
            Self::ShowLoadReport => "Load report",
            Self::ShowMessages => "Messages",
            Self::ShowShortcuts => "Keyboard shortcuts",
            Self::OpenSample => "Open the sample project",
            Self::CommandPalette => "Command palette…",
            Self::OpenSource => "Open the source file",
            Self::ShowProjectMemo => "Project memo",
            Self::TogglePanel(SidePanel::Library) => "Show or hide the library",
            Self::TogglePanel(SidePanel::Codebook) => "Show or hide the codebook",
            Self::TogglePanel(SidePanel::Lower) => "Show or hide the lower tabs",
            Self::TogglePanel(SidePanel::Stripes) => "Show or hide the coding stripes",
        };
        text.to_owned()
    }

    pub fn tooltip(self) -> &'static str {
        match self {
            Self::OpenFolder => "Load a folder of articles (.txt, .md) into a new project",
            Self::OpenProject => "Open a saved Dossier project (.json)",
            Self::OpenPath => {
                "Type the path of a folder or a project, for systems without a file dialog"
            }
            Self::Save => "Save the project (asks for a file the first time)",
            Self::SaveAs => "Save the project to a new file",
            Self::ExportQdpx => {
                "The articles, codebook and passages for NVivo, ATLAS.ti, MAXQDA or QualCoder"
            }
            Self::ExportQdc => "The codebook alone, as REFI-QDA codes",
            Self::ExportReport => {
                "One HTML file for a colleague without Dossier: the codebook, passages with notes, figures, series plots and the theme × article matrix"
            }
            Self::ImportQdpx => {
                "A project from NVivo, ATLAS.ti, MAXQDA or QualCoder, as a new Dossier project"
            }
            Self::ImportQdc => "Add the codes of a REFI-QDA codebook to the themes",
            Self::MergeProject => {
                "Bring another analyst's project on the same articles into this one"
            }
            Self::Preferences => "Who you are: the coder new passages are made by",
            Self::Quit => "Close Dossier (asks first when there are unsaved changes)",
            Self::Undo => "Undo the last edit",
            Self::Redo => "Redo the last undone edit",
            Self::DeleteSelection => "Delete the passage selected in the reader",
            Self::Find => "Search the articles (plain text or regex)",
            Self::FindNext => "Open the next search hit in the reader",
            Self::FindPrevious => "Open the previous search hit in the reader",
            Self::TagWithTheme(_) => {
                "Tag the selected text with the theme of that number, or add/remove it on the selected passage"
            }
            Self::ClearSelection => "Clear the selected passage and text",
            Self::ShowTab(_) => "Show this tab of the lower pane",
            Self::ShowLoadReport => "Files that were skipped or read with a fallback encoding",
            Self::ShowMessages => "Every message and error shown this session",
            Self::ShowShortcuts => "Every keyboard shortcut",
            Self::OpenSample => {
                "A project on the bundled articles with themes, tagged passages and a series \
                 (your changes are saved to a new file)"
            }
            Self::CommandPalette => "Find any command by name and run it",
            Self::OpenSource => {
                "Open the original file (HTML, PDF, Word…) of the article in the reader with the system's viewer"
            }
            Self::ShowProjectMemo => "Notes on the whole project, saved with it and exported",
            Self::TogglePanel(SidePanel::Stripes) => {
                "A bar beside the text for each passage, in a column per theme, from the line \
                 where it starts to the line where it ends; click one to select its passage"
            }
            Self::TogglePanel(_) => "More room for the reader; the choice is remembered",
        }
    }

    /// The shortcuts, the main one first.
    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
        let cmd = Modifiers::COMMAND;
        let cmd_shift = Modifiers::COMMAND.plus(Modifiers::SHIFT);
        let none = Modifiers::NONE;
        let key = |modifiers, key| vec![KeyboardShortcut::new(modifiers, key)];
        match self {
            Self::OpenFolder => key(cmd_shift, Key::O),
            Self::OpenProject => key(cmd, Key::O),
            Self::Save => key(cmd, Key::S),
            Self::SaveAs => key(cmd_shift, Key::S),
            Self::Quit => key(cmd, Key::Q),
            Self::Undo => key(cmd, Key::Z),
            Self::Redo => vec![
                KeyboardShortcut::new(cmd_shift, Key::Z),
                KeyboardShortcut::new(cmd, Key::Y),
            ],
            Self::DeleteSelection => key(none, Key::Delete),
            Self::Find => key(cmd, Key::F),
            Self::FindNext => key(none, Key::F3),
            Self::FindPrevious => key(Modifiers::SHIFT, Key::F3),
            Self::TagWithTheme(n) => NUMBER_KEYS
                .get(usize::from(n).wrapping_sub(1))
                .map_or_else(Vec::new, |k| key(none, *k)),
            Self::ClearSelection => key(none, Key::Escape),
            Self::ShowShortcuts => key(none, Key::F1),
            Self::CommandPalette => key(cmd_shift, Key::P),
            Self::TogglePanel(SidePanel::Library) => key(cmd_shift, Key::L),
            Self::TogglePanel(SidePanel::Codebook) => key(cmd_shift, Key::B),
            Self::TogglePanel(SidePanel::Lower) => key(cmd_shift, Key::T),
            Self::TogglePanel(SidePanel::Stripes) => key(cmd_shift, Key::K),
            Self::OpenPath
            | Self::ExportQdpx
            | Self::ExportQdc
            | Self::ExportReport
            | Self::ImportQdpx
            | Self::ImportQdc
            | Self::MergeProject
            | Self::Preferences
            | Self::ShowTab(_)
            | Self::ShowLoadReport
            | Self::ShowMessages
            | Self::OpenSource
            | Self::ShowProjectMemo
            | Self::OpenSample => Vec::new(),
        }
    }

    /// Where the shortcuts work.
    pub fn key_scope(self) -> KeyScope {
        match self {
            Self::Undo | Self::Redo | Self::DeleteSelection => KeyScope::NotInTextField,
            Self::TagWithTheme(_) | Self::ClearSelection => KeyScope::Reader,
            Self::OpenFolder
            | Self::OpenProject
            | Self::OpenPath
            | Self::Save
            | Self::SaveAs
            | Self::ExportQdpx
            | Self::ExportQdc
            | Self::ExportReport
            | Self::ImportQdpx
            | Self::ImportQdc
            | Self::MergeProject
            | Self::Preferences
            | Self::Quit
            | Self::Find
            | Self::FindNext
            | Self::FindPrevious
            | Self::ShowTab(_)
            | Self::ShowLoadReport
            | Self::ShowMessages
            | Self::ShowShortcuts
            | Self::OpenSample
            | Self::CommandPalette
            | Self::OpenSource
            | Self::ShowProjectMemo
            | Self::TogglePanel(_) => KeyScope::Global,
        }
    }

    /// Can the command run now? Menus grey it out, and the palette shows it greyed.
    pub fn enabled(self, session: &Session, selection: &Selection) -> bool {
        match self {
            Self::Save | Self::SaveAs => session.has_work(),
            Self::ExportQdpx => !session.corpus().is_empty(),
            Self::ExportQdc => !session.project().themes.is_empty(),
            Self::ExportReport => {
                let p = session.project();
                !(p.themes.is_empty() && p.series.is_empty() && p.figures.is_empty())
            }
            Self::MergeProject => !session.corpus().is_empty(),
            Self::Undo => session.history().can_undo(),
            Self::Redo => session.history().can_redo(),
            Self::OpenSource => selection
                .article
                .as_ref()
                .is_some_and(|id| session.corpus().get(id).is_some()),
            Self::TagWithTheme(n) => {
                (selection.text.is_some() || selection.passage.is_some())
                    && super::selection::theme_for_key(session.project(), n).is_some()
            }
            Self::OpenFolder
            | Self::OpenProject
            | Self::OpenPath
            | Self::ImportQdpx
            | Self::ImportQdc
            | Self::Preferences
            | Self::Quit
            | Self::DeleteSelection
            | Self::Find
            | Self::FindNext
            | Self::FindPrevious
            | Self::ClearSelection
            | Self::ShowTab(_)
            | Self::ShowLoadReport
            | Self::ShowMessages
            | Self::ShowShortcuts
            | Self::OpenSample
            | Self::CommandPalette
            | Self::ShowProjectMemo
            | Self::TogglePanel(_) => true,
        }
    }

    /// The row of the shortcuts window: keys and what they do. The nine number keys share one
    /// row; commands without a shortcut have none.
    pub fn help_row(self, ctx: &egui::Context) -> Option<(String, String)> {
        match self {
            Self::TagWithTheme(1) => Some(("1 … 9".to_owned(), self.tooltip().to_owned())),
            Self::TagWithTheme(_) => None,
            Self::ClearSelection => Some(("Esc".to_owned(), self.text())),
            _ => {
                let keys: Vec<String> = self
                    .shortcuts()
                    .iter()
                    .map(|s| ctx.format_shortcut(s))
                    .collect();
                (!keys.is_empty()).then(|| (keys.join(", "), self.text()))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    /// One number per variant. The `match` has no wildcard: a new variant does not compile
    /// until it is given a number here, and the test then fails until `all()` lists it.
    fn variant(command: UiCommand) -> usize {
        match command {
            UiCommand::OpenFolder => 0,
            UiCommand::OpenProject => 1,
            UiCommand::OpenPath => 2,
            UiCommand::Save => 3,
            UiCommand::SaveAs => 4,
            UiCommand::ExportQdpx => 5,
            UiCommand::ExportQdc => 6,
            UiCommand::Quit => 7,
            UiCommand::Undo => 8,
            UiCommand::Redo => 9,
            UiCommand::DeleteSelection => 10,
            UiCommand::Find => 11,
            UiCommand::FindNext => 12,
            UiCommand::FindPrevious => 13,
            UiCommand::TagWithTheme(_) => 14,
            UiCommand::ClearSelection => 15,
            UiCommand::ShowTab(_) => 16,
            UiCommand::ShowLoadReport => 17,
            UiCommand::ShowMessages => 18,
            UiCommand::ShowShortcuts => 19,
            UiCommand::CommandPalette => 20,
            UiCommand::OpenSource => 21,
            UiCommand::ShowProjectMemo => 22,
            UiCommand::TogglePanel(_) => 23,
            UiCommand::ImportQdpx => 24,
            UiCommand::ImportQdc => 25,
            UiCommand::MergeProject => 26,
            UiCommand::Preferences => 27,
            UiCommand::OpenSample => 28,
            UiCommand::ExportReport => 29,
        }
    }
    const VARIANTS: usize = 30;

    #[test]
    fn the_catalogue_lists_every_command_with_text_and_tooltip() {
        let all = UiCommand::all();
        let covered: BTreeSet<usize> = all.iter().map(|c| variant(*c)).collect();
        assert_eq!(covered, (0..VARIANTS).collect::<BTreeSet<_>>());
        for n in 1..=9 {
            assert!(all.contains(&UiCommand::TagWithTheme(n)), "number key {n}");
        }
        for tab in Tab::ALL {
            assert!(all.contains(&UiCommand::ShowTab(*tab)), "{tab:?}");
        }
        let unique: BTreeSet<&UiCommand> = all.iter().collect();
        assert_eq!(unique.len(), all.len(), "each command is listed once");
        for c in &all {
            assert!(!c.text().is_empty() && !c.tooltip().is_empty(), "{c:?}");
        }
    }

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut seen: Vec<(KeyboardShortcut, UiCommand)> = Vec::new();
        for c in UiCommand::all() {
            for s in c.shortcuts() {
                if let Some((_, other)) = seen.iter().find(|(t, _)| *t == s) {
                    panic!("{c:?} and {other:?} share a shortcut");
                }
                seen.push((s, c));
            }
        }
        // The keys the README and the shortcuts window promise.
        let has = |c: UiCommand, m: Modifiers, k: Key| {
            c.shortcuts().contains(&KeyboardShortcut::new(m, k))
        };
        assert!(has(UiCommand::TagWithTheme(3), Modifiers::NONE, Key::Num3));
        assert!(has(UiCommand::ClearSelection, Modifiers::NONE, Key::Escape));
        assert!(has(UiCommand::Redo, Modifiers::COMMAND, Key::Y));
        assert!(has(
            UiCommand::CommandPalette,
            Modifiers::COMMAND.plus(Modifiers::SHIFT),
            Key::P
        ));
        assert!(UiCommand::TagWithTheme(10).shortcuts().is_empty());
    }

    #[test]
    fn the_shortcuts_window_has_one_row_for_the_number_keys() {
        let ctx = egui::Context::default();
        let rows: Vec<(String, String)> = UiCommand::all()
            .into_iter()
            .filter_map(|c| c.help_row(&ctx))
            .collect();
        assert_eq!(rows.iter().filter(|(k, _)| k == "1 … 9").count(), 1);
        assert!(
            rows.iter()
                .any(|(k, t)| k == "Esc" && t == "Clear the selection")
        );
        let with_keys = UiCommand::all()
            .into_iter()
            .filter(|c| !c.shortcuts().is_empty() && !matches!(c, UiCommand::TagWithTheme(2..)))
            .count();
        assert_eq!(
            rows.len(),
            with_keys,
            "every command with a shortcut has a row"
        );
    }
}
