//! Exchange with other qualitative-analysis tools (REFI-QDA).

pub mod refi;
pub mod refi_import;
pub mod refi_import_codebook;
pub mod refi_import_project;
pub mod refi_import_schema;
