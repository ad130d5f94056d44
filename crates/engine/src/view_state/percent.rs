//! Percent coding of query strings: values written as UTF-8 with `%XX` escapes (a space as `+`),
//! read back strictly, and made safe to show when they cannot be read.

/// A value in a [`super::ParamWarning`] is cut to this many characters (plus "…").
const MAX_RAW_DISPLAY_CHARS: usize = 80;

/// Percent-encode `value` as UTF-8 for a query string: `A-Z a-z 0-9 - . _ ~` stay, a space
/// becomes `+`, every other byte becomes `%XX` (upper-case hex).
pub(crate) fn encode(value: &str) -> String {
    encode_keeping(value, false)
}

/// [`encode`] that keeps `/` as it is, for a path (`data=fixtures/x.json` stays readable).
pub(crate) fn encode_path(value: &str) -> String {
    encode_keeping(value, true)
}

fn encode_keeping(value: &str, keep_slash: bool) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => out.push(char::from(byte)),
            b'/' if keep_slash => out.push('/'),
            b' ' => out.push('+'),
            _ => {
                out.push('%');
                for nibble in [byte >> 4, byte & 0x0F] {
                    out.push(HEX.get(usize::from(nibble)).map_or('0', |&hex| char::from(hex)));
                }
            }
        }
    }
    out
}

/// The bytes `raw` stands for (`+` is a space, `%XX` a byte) and whether every `%` was followed
/// by two hex digits; a bad escape is kept as written.
fn decode_bytes(raw: &str) -> (Vec<u8>, bool) {
    let mut bytes = Vec::with_capacity(raw.len());
    let mut well_formed = true;
    let mut rest = raw.as_bytes().iter().copied();
    while let Some(byte) = rest.next() {
        match byte {
            b'+' => bytes.push(b' '),
            b'%' => {
                let mut lookahead = rest.clone();
                let high = lookahead.next().and_then(hex_value);
                let low = lookahead.next().and_then(hex_value);
                match (high, low) {
                    (Some(high), Some(low)) => {
                        bytes.push((high << 4) | low);
                        rest = lookahead;
                    }
                    _ => {
                        well_formed = false;
                        bytes.push(b'%');
                    }
                }
            }
            other => bytes.push(other),
        }
    }
    (bytes, well_formed)
}

fn hex_value(byte: u8) -> Option<u8> {
    char::from(byte).to_digit(16).and_then(|digit| u8::try_from(digit).ok())
}

/// Strict decoding of a name or value: bad escapes and non-UTF-8 bytes are errors.
pub(crate) fn decode(raw: &str) -> Result<String, super::ParamProblem> {
    let (bytes, well_formed) = decode_bytes(raw);
    if !well_formed {
        return Err(super::ParamProblem::BadPercentEncoding);
    }
    String::from_utf8(bytes).map_err(|_| super::ParamProblem::NotUtf8)
}

/// `raw` made safe to show: decoded as far as possible, then [`shorten_for_display`].
pub(crate) fn for_display(raw: &str) -> String {
    let (bytes, _) = decode_bytes(raw);
    shorten_for_display(&String::from_utf8_lossy(&bytes))
}

/// `text` with control characters replaced by U+FFFD and cut to 80 characters plus "…".
pub(crate) fn shorten_for_display(text: &str) -> String {
    let mut shown: String = text
        .chars()
        .take(MAX_RAW_DISPLAY_CHARS)
        .map(|c| if c.is_control() { char::REPLACEMENT_CHARACTER } else { c })
        .collect();
    if text.chars().nth(MAX_RAW_DISPLAY_CHARS).is_some() {
        shown.push('…');
    }
    shown
}
