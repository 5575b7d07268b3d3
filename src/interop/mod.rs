//! Exchange with other tools: qualitative-analysis tools (REFI-QDA) and network tools (GEXF,
//! GraphML, CSV).

pub mod graph;
pub mod graph_csv;
pub mod graph_graphml;
pub mod refi;
