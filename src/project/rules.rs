//! Saved searches: the query of a search, and auto-tag rules (a query, the unit around each
//! hit, and a theme) that the project keeps so they can run again on new articles.

use regex::{Regex, RegexBuilder};
use serde::{Deserialize, Serialize};

use super::model::ThemeId;

/// What to look for.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Query {
    pub pattern: String,
    /// Treat `pattern` as a regular expression (the `regex` crate's syntax).
    #[serde(default)]
    pub regex: bool,
    #[serde(default)]
    pub case_sensitive: bool,
    #[serde(default)]
    pub whole_word: bool,
}

/// Why a query cannot run.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SearchError {
    #[error("type something to search for")]
    Empty,
    #[error("not a valid regular expression: {0}")]
    BadRegex(String),
}

impl Query {
    pub fn plain(pattern: &str) -> Self {
        Self {
            pattern: pattern.to_owned(),
            ..Self::default()
        }
    }

    /// Compile the query into a regex.
    pub fn compile(&self) -> Result<Regex, SearchError> {
        if self.pattern.is_empty() {
            return Err(SearchError::Empty);
        }
        let body = if self.regex {
            self.pattern.clone()
        } else {
            regex::escape(&self.pattern)
        };
        let body = if self.whole_word {
            format!(r"\b(?:{body})\b")
        } else {
            body
        };
        RegexBuilder::new(&body)
            .case_insensitive(!self.case_sensitive)
            .size_limit(1 << 24)
            .build()
            .map_err(|e| SearchError::BadRegex(first_line_of_regex_error(&e)))
    }
}

/// The regex crate's errors are several lines (the pattern, a caret, the message); keep the
/// message and the position.
fn first_line_of_regex_error(e: &regex::Error) -> String {
    let text = e.to_string();
    let message = text
        .lines()
        .rev()
        .find(|l| l.trim_start().starts_with("error:"))
        .map(|l| {
            l.trim_start()
                .trim_start_matches("error:")
                .trim()
                .to_owned()
        });
    match message {
        Some(m) => m,
        None => text.lines().last().unwrap_or("").trim().to_owned(),
    }
}

/// What part of the text around a hit becomes the passage.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    #[default]
    Hit,
    Sentence,
    Paragraph,
}

impl Unit {
    pub const ALL: [Unit; 3] = [Unit::Hit, Unit::Sentence, Unit::Paragraph];

    pub fn label(self) -> &'static str {
        match self {
            Unit::Hit => "the hit",
            Unit::Sentence => "its sentence",
            Unit::Paragraph => "its paragraph",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RuleId(pub u64);

/// A saved auto-tag rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    pub id: RuleId,
    pub query: Query,
    pub unit: Unit,
    pub theme: ThemeId,
}
