//! UI components, one per file. They read signals and call the engine; no logic of their own.
//! Every view takes one `Ctx` (context.rs); no view imports another view.

pub mod compare_view;
pub mod context;
pub mod controls;
pub mod copy_link;
pub mod downloads;
pub mod embed;
pub mod embed_code;
pub mod error_panel;
pub mod explorer;
pub mod filters;
pub mod lang_switch;
pub mod notices;
pub mod own_data;
pub mod rank_change;
pub mod ranking_table;
pub mod ranking_view;
pub mod sensitivity_view;
pub mod sources;
pub mod unit_card;
pub mod view_nav;
pub mod viewport;
pub mod whatif;
