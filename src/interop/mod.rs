//! Exchange with other qualitative-analysis tools (REFI-QDA).

pub mod refi;
pub mod refi_import;
mod refi_import_build;
pub mod refi_import_codebook;
pub mod refi_import_project;
pub mod refi_import_schema;
mod refi_import_text;
