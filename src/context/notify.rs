//! Notifications: every error and result the user should know about reaches them here, as a
//! toast and in the message log. Nothing is only printed to a terminal.

use std::time::{Duration, Instant};

pub use crate::session::{Level, Notice};

/// One message.
#[derive(Clone, Debug)]
pub struct Notification {
    pub level: Level,
    pub text: String,
    pub at: Instant,
    /// Dismissed from the toasts (it stays in the log).
    pub dismissed: bool,
}

/// The message log and the toasts currently shown.
#[derive(Debug, Default)]
pub struct Notifications {
    log: Vec<Notification>,
}

/// Info toasts disappear after this long; warnings and errors stay until dismissed.
const INFO_TTL: Duration = Duration::from_secs(6);
const LOG_LIMIT: usize = 500;

impl Notifications {
    pub fn push(&mut self, level: Level, text: impl Into<String>) {
        self.log.push(Notification {
            level,
            text: text.into(),
            at: Instant::now(),
            dismissed: false,
        });
        if self.log.len() > LOG_LIMIT {
            self.log.remove(0);
        }
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.push(Level::Info, text);
    }

    pub fn warn(&mut self, text: impl Into<String>) {
        self.push(Level::Warning, text);
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.push(Level::Error, text);
    }

    /// Toasts to show now, oldest first, with their index for dismissal. Info toasts go by
    /// themselves after a few seconds; warnings and errors stay until dismissed.
    pub fn active(&self) -> impl Iterator<Item = (usize, &Notification)> {
        let now = Instant::now();
        self.log.iter().enumerate().filter(move |(_, n)| {
            let expired = n.level == Level::Info && now.duration_since(n.at) > INFO_TTL;
            !n.dismissed && !expired
        })
    }

    /// Tell the analyst.
    pub fn notice(&mut self, notice: Notice) {
        self.push(notice.level, notice.text);
    }

    /// When the next info toast expires, so the UI can repaint then.
    pub fn next_expiry(&self) -> Option<Duration> {
        let now = Instant::now();
        self.log
            .iter()
            .filter(|n| {
                !n.dismissed && n.level == Level::Info && now.duration_since(n.at) <= INFO_TTL
            })
            .map(|n| INFO_TTL.saturating_sub(now.duration_since(n.at)))
            .min()
    }

    pub fn dismiss(&mut self, index: usize) {
        if let Some(n) = self.log.get_mut(index) {
            n.dismissed = true;
        }
    }

    pub fn dismiss_all(&mut self) {
        for n in &mut self.log {
            n.dismissed = true;
        }
    }

    /// Every message this session, oldest first.
    pub fn log(&self) -> &[Notification] {
        &self.log
    }

    /// The newest message at or above `level`.
    pub fn last(&self, level: Level) -> Option<&Notification> {
        self.log.iter().rev().find(|n| n.level >= level)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn success_messages_fade_and_errors_stay() {
        let mut notes = Notifications::default();
        notes.info("Saved project.dossier.json");
        notes.warn("2 passages moved");
        notes.error("Cannot save — /read-only/p.dossier.json");
        assert_eq!(notes.active().count(), 3, "all three are shown at first");
        assert!(notes.next_expiry().is_some_and(|d| d <= INFO_TTL));
        // Seven seconds later: the info toast has gone by itself; the others stay.
        let Some(earlier) = Instant::now().checked_sub(INFO_TTL + Duration::from_secs(1)) else {
            return;
        };
        for n in &mut notes.log {
            n.at = earlier;
        }
        let levels: Vec<Level> = notes.active().map(|(_, n)| n.level).collect();
        assert_eq!(levels, [Level::Warning, Level::Error]);
        assert_eq!(notes.next_expiry(), None);
        assert_eq!(notes.log().len(), 3, "the log keeps every message");
    }
}
