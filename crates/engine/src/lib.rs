//! chiso's pure engine: dataset validation, rankings, search, filters, number formatting and the
//! URL view state. No web, IO or wasm dependency: everything here is tested natively.

pub mod dataset;
pub mod filter;
pub mod format;
pub mod rank;
pub mod schema;
pub mod search;
pub mod view_state;
