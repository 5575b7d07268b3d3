//! Exchange with other tools and people: qualitative-analysis tools (REFI-QDA), network tools
//! (GEXF, GraphML, CSV), and the HTML report for a colleague without Dossier.

pub mod graph;
pub mod graph_csv;
pub mod graph_graphml;
pub mod refi;
mod refi_attributes;
pub mod refi_import;
mod refi_import_build;
pub mod refi_import_codebook;
pub mod refi_import_project;
pub mod refi_import_schema;
mod refi_import_text;
pub mod report;
