//! chiso's pure engine: dataset validation, rankings, composite scores, what-if scenarios, rank
//! intervals under partial publication, gains to a target rank, weight sensitivity, score
//! explanations, search, filters, number formatting and the URL view state. No web, IO or wasm
//! dependency: everything here is tested natively.

pub mod comparability;
pub mod compare;
pub mod composite;
pub mod dataset;
pub mod datasets;
pub mod embed;
pub mod explain;
pub mod filter;
pub mod format;
pub mod gain;
pub mod interval;
pub mod matrix;
pub mod rank;
pub mod resolve;
pub mod robustness;
pub mod scenario;
pub mod scenario_link;
pub mod schema;
pub mod search;
pub mod sensitivity;
pub mod table;
pub mod view_state;
pub mod whatif;
