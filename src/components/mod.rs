//! UI components, one per file. They read signals and call the engine; no logic of their own.

pub mod controls;
pub mod error_panel;
pub mod explorer;
pub mod ranking_table;
pub mod sources;
