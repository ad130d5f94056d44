//! A reader's own table: text or bytes from a paste or a file -> a grid of cells -> a mapping of
//! columns to roles (guessed, changeable by the reader) -> a dataset in chiso's own format, with
//! every problem located in the reader's terms (line and column heading) and warnings that do not
//! block. Also the way back out: the dataset carried in a link's fragment, and CSV of what a view
//! shows.
//!
//! Nothing here touches the web: decoding text (`TextDecoder`) and compressing the fragment
//! (`CompressionStream`) are the browser's, at no wasm cost; this module says which decoder to
//! use and frames the compressed bytes.

pub mod build;
pub mod export;
pub mod fragment;
pub mod mapping;
pub mod read;

/// The largest file read, in bytes (5 MB).
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// The most rows read from a table (header included).
pub const MAX_ROWS: usize = 100_000;
/// The most columns a row may have.
pub const MAX_COLUMNS: usize = 200;
