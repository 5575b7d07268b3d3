//! The default codebook a new project starts with (`assets/themes.json`), and the format of
//! codebook files.

use serde::Deserialize;

use super::model::{Rgb, Theme, ThemeId};

/// The codebook shipped in `assets/themes.json`.
pub const DEFAULT_CODEBOOK: &str = include_str!("../../assets/themes.json");

#[derive(Deserialize)]
struct CodebookFile {
    format: String,
    themes: Vec<CodebookTheme>,
}

#[derive(Deserialize)]
struct CodebookTheme {
    name: String,
    color: Rgb,
    #[serde(default)]
    description: String,
    /// The parent's name; it must come earlier in the list.
    #[serde(default)]
    parent: Option<String>,
}

/// Why a codebook file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CodebookError {
    #[error("not valid codebook JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("not a Dossier codebook (format is “{0}”)")]
    Format(String),
    #[error("theme “{0}” names a parent “{1}” that is not listed before it")]
    Parent(String, String),
    #[error("the codebook lists “{0}” twice")]
    Duplicate(String),
}

/// Parse a codebook file into themes numbered from 1.
pub fn parse_codebook(text: &str) -> Result<Vec<Theme>, CodebookError> {
    let file: CodebookFile = serde_json::from_str(text)?;
    if file.format != "dossier-codebook" {
        return Err(CodebookError::Format(file.format));
    }
    let mut themes: Vec<Theme> = Vec::with_capacity(file.themes.len());
    for (i, t) in file.themes.into_iter().enumerate() {
        if themes.iter().any(|x| x.name == t.name) {
            return Err(CodebookError::Duplicate(t.name));
        }
        let parent = match t.parent {
            None => None,
            Some(name) => Some(
                themes
                    .iter()
                    .find(|x| x.name == name)
                    .map(|x| x.id)
                    .ok_or_else(|| CodebookError::Parent(t.name.clone(), name))?,
            ),
        };
        themes.push(Theme {
            id: ThemeId(i as u32 + 1),
            name: t.name,
            color: t.color,
            description: t.description,
            parent,
        });
    }
    Ok(themes)
}

/// The default codebook's themes.
pub fn default_themes() -> Vec<Theme> {
    // The asset is part of the build and tested below, so it always parses.
    parse_codebook(DEFAULT_CODEBOOK).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_codebook_parses_with_a_hierarchy() {
        let themes = parse_codebook(DEFAULT_CODEBOOK).expect("the shipped codebook parses");
        assert!(themes.len() >= 10, "{} themes", themes.len());
        let rivalry = themes
            .iter()
            .find(|t| t.name == "Rivalry with the United States")
            .expect("child theme");
        let parent = themes
            .iter()
            .find(|t| Some(t.id) == rivalry.parent)
            .expect("parent");
        assert_eq!(parent.name, "Geopolitical influence");
        assert!(themes.iter().all(|t| !t.description.is_empty()));
        // Every theme's colour is the palette's and far from every other's.
        for (i, a) in themes.iter().enumerate() {
            assert!(
                super::super::colours::palette().contains(&a.color),
                "{}",
                a.name
            );
            for b in &themes[i + 1..] {
                let d = super::super::colours::distance(a.color, b.color);
                assert!(d >= 0.09, "{} and {} are {d} apart", a.name, b.name);
            }
        }
    }

    #[test]
    fn bad_codebooks_are_refused() {
        assert!(matches!(
            parse_codebook(r##"{"format":"x","themes":[]}"##),
            Err(CodebookError::Format(_))
        ));
        assert!(matches!(
            parse_codebook(
                r##"{"format":"dossier-codebook","themes":[{"name":"a","color":"#000000","parent":"b"}]}"##
            ),
            Err(CodebookError::Parent(..))
        ));
        assert!(matches!(
            parse_codebook(
                r##"{"format":"dossier-codebook","themes":[{"name":"a","color":"red"}]}"##
            ),
            Err(CodebookError::Json(_))
        ));
    }
}
