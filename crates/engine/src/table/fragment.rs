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
    // Serialising plain structs with string keys cannot fail (serde_json writes a non-finite
    // number as `null`, which validation would have refused anyway).
    serde_json::to_string(raw).unwrap_or_default()
}

/// The fragment (without `#`) for compressed bytes, or `TooLong`.
pub fn encode(compressed: &[u8]) -> Result<String, FragmentError> {
    if PREFIX.len() + base64url_len(compressed.len()) > MAX_FRAGMENT_CHARS {
        return Err(FragmentError::TooLong { limit: MAX_FRAGMENT_CHARS });
    }
    Ok(format!("{PREFIX}{}", base64url_encode(compressed)))
}

/// The compressed bytes in a fragment (with or without its leading `#`).
/// An empty payload is [`FragmentError::Damaged`]: no compressed dataset is empty.
pub fn decode(fragment: &str) -> Result<Vec<u8>, FragmentError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let Some(payload) = fragment.strip_prefix(PREFIX) else { return Err(FragmentError::NotData) };
    if fragment.len() > MAX_FRAGMENT_CHARS {
        return Err(FragmentError::TooLong { limit: MAX_FRAGMENT_CHARS });
    }
    match base64url_decode(payload) {
        Some(bytes) if !bytes.is_empty() => Ok(bytes),
        _ => Err(FragmentError::Damaged),
    }
}

/// The base64url alphabet (RFC 4648 §5).
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The length of `n_bytes` bytes in base64url without padding.
pub fn base64url_len(n_bytes: usize) -> usize {
    n_bytes / 3 * 4 + [0, 2, 3].get(n_bytes % 3).copied().unwrap_or(0)
}

/// `bytes` in base64url without padding (RFC 4648 §5). Written here rather than taken from a
/// crate: it is a few lines, and every byte of the wasm ships to every reader.
pub fn base64url_encode(bytes: &[u8]) -> String {
    let symbol = |index: u32| char::from(ALPHABET.get((index & 63) as usize).copied().unwrap_or(b'A'));
    let mut out = String::with_capacity(base64url_len(bytes.len()));
    for chunk in bytes.chunks(3) {
        let b = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = (b(0) << 16) | (b(1) << 8) | b(2);
        // A chunk of k bytes gives k + 1 symbols.
        for shift in [18, 12, 6, 0].into_iter().take(chunk.len() + 1) {
            out.push(symbol(n >> shift));
        }
    }
    out
}

/// The bytes of unpadded base64url text; `None` for a character outside the alphabet, an
/// impossible length (one symbol past a whole group) or leftover bits that are not zero (text
/// that no encoder writes, so a changed link).
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let value = |c: u8| -> Option<u32> {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return None,
        };
        Some(u32::from(v))
    };
    let bytes = text.as_bytes();
    if bytes.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3 + 2);
    for chunk in bytes.chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= value(c)? << (18 - 6 * i);
        }
        let [_, b0, b1, b2] = n.to_be_bytes();
        let n_bytes = chunk.len() - 1;
        let decoded = [b0, b1, b2];
        // Bits past the last whole byte must be zero.
        let leftover = match n_bytes {
            1 => n & 0xFFFF,
            2 => n & 0xFF,
            _ => 0,
        };
        if leftover != 0 {
            return None;
        }
        out.extend(decoded.iter().take(n_bytes));
    }
    Some(out)
}

/// True when the fragment claims to carry a dataset (has the prefix), damaged or not.
pub fn is_data_fragment(fragment: &str) -> bool {
    fragment.trim_start_matches('#').starts_with(PREFIX)
}
