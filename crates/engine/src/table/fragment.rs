//! A dataset carried in a link's fragment (`#d1.<base64url>`): never sent to any server. The
//! bytes framed here are the browser's `CompressionStream("deflate-raw")` output of the
//! dataset's compact JSON ([`dataset_json`]); this module does the framing and its checks.

use crate::schema::RawDataset;

/// The fragment's prefix: format version 1 of the framing.
pub const PREFIX: &str = "d1.";
/// The longest fragment accepted or written, in characters (past it the page offers the
/// dataset file and the `data=` route instead).
pub const MAX_FRAGMENT_CHARS: usize = 200_000;
/// The largest decompressed JSON accepted from a fragment, in bytes.
pub const MAX_INFLATED_BYTES: usize = 5 * 1024 * 1024;

/// Why a fragment could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FragmentError {
    /// Not a dataset fragment (another prefix, or none).
    #[error("the link's fragment does not carry a dataset")]
    NotData,
    /// Longer than [`MAX_FRAGMENT_CHARS`].
    #[error("the fragment is longer than {limit} characters")]
    TooLong {
        /// The limit.
        limit: usize,
    },
    /// Characters outside base64url, or a bad length (a link cut short by a messenger).
    #[error("the fragment is damaged (cut short or changed)")]
    Damaged,
}

/// The dataset's compact JSON, the text that gets compressed.
pub fn dataset_json(raw: &RawDataset) -> String {
    let _ = raw;
    todo!()
}

/// The fragment (without `#`) for compressed bytes, or `TooLong`.
pub fn encode(compressed: &[u8]) -> Result<String, FragmentError> {
    let _ = compressed;
    todo!()
}

/// The compressed bytes in a fragment (with or without its leading `#`).
pub fn decode(fragment: &str) -> Result<Vec<u8>, FragmentError> {
    let _ = fragment;
    todo!()
}

/// True when the fragment claims to carry a dataset (has the prefix), damaged or not.
pub fn is_data_fragment(fragment: &str) -> bool {
    fragment.trim_start_matches('#').starts_with(PREFIX)
}
