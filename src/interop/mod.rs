//! Exchange with other qualitative-analysis tools (REFI-QDA).

pub mod refi;
mod refi_attributes;
