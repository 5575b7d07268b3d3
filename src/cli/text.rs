//! `dossier text FILE`: the text Dossier reads from one file of any format (after conversion:
//! the text that passage and figure offsets refer to), so an extraction can be checked from the
//! shell. `--meta` prints the detected attributes instead, one JSON object.

use std::io::Write;
use std::path::PathBuf;

use crate::corpus::LoadOptions;
use crate::corpus::load::{SkipReason, is_text_name, read_article};

use super::load::CliError;

const READS: &str =
    " (Dossier reads .txt, .md, .html, .htm, .xhtml, .pdf, .docx, .odt, .epub and .rtf files)";

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub load: super::load::LoadFlags,
    /// A file of any format Dossier reads (.txt, .md, .html, .htm, .xhtml, .pdf, .docx, .odt,
    /// .epub, .rtf).
    pub file: PathBuf,
    /// Print the detected attributes (title, date, outlet, …, with where each came from) as
    /// JSON instead of the text.
    #[arg(long)]
    pub meta: bool,
}

pub fn run(args: &Args, options: &LoadOptions, out: &mut dyn Write) -> Result<(), CliError> {
    let path = &args.file;
    if path.is_dir() {
        return Err(CliError::Usage(format!(
            "{} is a folder; `dossier text` reads one file (use `dossier info` for a folder)",
            path.display()
        )));
    }
    let root = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), std::path::Path::to_path_buf);
    if let Err(extension) = is_text_name(path) {
        return Err(CliError::Usage(format!(
            "{}: {}{READS}",
            path.display(),
            SkipReason::NotText { extension }
        )));
    }
    let article = read_article(&root, path, options).map_err(|skipped| {
        let hint = match skipped.reason {
            SkipReason::NotText { .. } => {
                " (Dossier reads .txt, .md, .html, .pdf, .docx, .odt, .epub and .rtf files)"
            }
            _ => "",
        };
        CliError::Usage(format!("{}: {}{hint}", path.display(), skipped.reason))
    })?;
    if args.meta {
        let value = serde_json::json!({
            "file": path.display().to_string(),
            "format": article.format.name(),
            "converter": article.converter.as_ref().map(ToString::to_string),
            "detected": article.meta,
        });
        writeln!(out, "{value}")?;
    } else {
        out.write_all(article.text.as_bytes())?;
        if !article.text.ends_with('\n') {
            writeln!(out)?;
        }
    }
    Ok(())
}
