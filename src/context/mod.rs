//! What the app and every pane share, below both: the per-frame [`ViewContext`] a pane reads,
//! the [`Command`]s it asks with and their [`catalogue`], the [`Selection`], the state of
//! dialogs, notifications and what is known of background work. `ui` and `app` both use this
//! module; `ui` never uses `app`.

pub mod catalogue;
pub mod command;
pub mod dialog;
pub mod jobs;
pub mod notify;
pub mod selection;
pub mod tab;
pub mod team_dialogs;

use std::cell::RefCell;
use std::path::PathBuf;

pub use catalogue::{KeyScope, UiCommand};
pub use command::{
    AgreementRequest, AgreementResult, Command, DialogCommand, ExportWhat, FileCommand,
    SelectCommand, WorkCommand, theme_click,
};
pub use dialog::{Dialog, DialogKind, Pending, Windows};
pub use jobs::{Running, Slot};
pub use notify::Notifications;
pub use selection::{CoderView, Selection, theme_for_key};
pub use tab::{SidePanel, Tab};

use crate::session::Session;

/// Commands asked for during a frame, applied by the app after it.
#[derive(Debug, Default)]
pub struct CommandQueue(RefCell<Vec<Command>>);

impl CommandQueue {
    pub fn send(&self, command: impl Into<Command>) {
        self.0.borrow_mut().push(command.into());
    }

    /// Ask for something before everything asked for so far.
    pub fn send_first(&self, command: impl Into<Command>) {
        self.0.borrow_mut().insert(0, command.into());
    }

    /// Everything asked for so far, oldest first; the queue is left empty.
    pub fn take(&self) -> Vec<Command> {
        std::mem::take(&mut *self.0.borrow_mut())
    }
}

/// What a pane gets each frame: the session and the selection to read, what the window knows
/// besides (background work, recent files, messages), and where to send commands. Its own view
/// state is passed beside it.
pub struct ViewContext<'a> {
    pub session: &'a Session,
    pub selection: &'a Selection,
    /// Background work running now.
    pub jobs: &'a [Running],
    /// Recently opened projects and folders, newest first.
    pub recent: &'a [PathBuf],
    pub notes: &'a Notifications,
    commands: &'a CommandQueue,
}

impl<'a> ViewContext<'a> {
    pub fn new(
        session: &'a Session,
        selection: &'a Selection,
        jobs: &'a [Running],
        recent: &'a [PathBuf],
        notes: &'a Notifications,
        commands: &'a CommandQueue,
    ) -> Self {
        Self {
            session,
            selection,
            jobs,
            recent,
            notes,
            commands,
        }
    }

    /// Ask for something; it happens after the frame.
    pub fn send(&self, command: impl Into<Command>) {
        self.commands.send(command);
    }
}
