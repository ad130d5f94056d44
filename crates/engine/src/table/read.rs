//! Bytes and text in: which decoder a file needs, what kind of file it is, and the delimited
//! text (TSV from a spreadsheet paste, CSV with `,` or `;`) split into rows of cells.

use super::{MAX_COLUMNS, MAX_ROWS};

/// The text encodings chiso reads; the browser's `TextDecoder` decodes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16 little-endian (Excel's "Unicode text"), with its BOM.
    Utf16Le,
    /// UTF-16 big-endian, with its BOM.
    Utf16Be,
    /// Windows-1258 (Vietnamese legacy code page): bytes that are not valid UTF-8.
    Windows1258,
}

impl TextEncoding {
    /// The `TextDecoder` label.
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "utf-8",
            TextEncoding::Utf16Le => "utf-16le",
            TextEncoding::Utf16Be => "utf-16be",
            TextEncoding::Windows1258 => "windows-1258",
        }
    }
}

/// The decoder for `bytes` and how many leading bytes (a BOM) to skip before decoding.
///
/// A byte-order mark decides (UTF-8 `EF BB BF`, UTF-16 LE `FF FE`, UTF-16 BE `FE FF`). Without
/// one, text that is mostly NUL bytes at every other position is UTF-16 written without a mark;
/// otherwise valid UTF-8 is UTF-8 and anything else is taken as Windows-1258, the legacy
/// Vietnamese code page.
pub fn sniff_encoding(bytes: &[u8]) -> (TextEncoding, usize) {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return (TextEncoding::Utf8, 3);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return (TextEncoding::Utf16Le, 2);
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return (TextEncoding::Utf16Be, 2);
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        return (encoding, 0);
    }
    if std::str::from_utf8(bytes).is_ok() {
        (TextEncoding::Utf8, 0)
    } else {
        (TextEncoding::Windows1258, 0)
    }
}

/// UTF-16 text of Latin letters has a NUL in every other byte; text in any 8-bit encoding has
/// almost none. Looks at the first 512 bytes.
fn utf16_without_bom(bytes: &[u8]) -> Option<TextEncoding> {
    let head = bytes.get(..bytes.len().min(512))?;
    let n_pairs = head.len() / 2;
    if n_pairs < 2 {
        return None;
    }
    let (mut zero_even, mut zero_odd) = (0usize, 0usize);
    for pair in head.chunks_exact(2) {
        if let [even, odd] = pair {
            zero_even += usize::from(*even == 0);
            zero_odd += usize::from(*odd == 0);
        }
    }
    // At least 40% of one side NUL (Vietnamese letters from U+1E00 have none) and at most 5%
    // of the other (a code point ending in 00 is rare; 8-bit text has no NUL at all).
    let most = |n: usize| n * 10 >= n_pairs * 4;
    let few = |n: usize| n * 20 <= n_pairs;
    if most(zero_odd) && few(zero_even) {
        Some(TextEncoding::Utf16Le)
    } else if most(zero_even) && few(zero_odd) {
        Some(TextEncoding::Utf16Be)
    } else {
        None
    }
}

/// What a file holds, from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// Text starting with `{` (after a BOM and whitespace): a dataset in chiso's JSON format.
    Json,
    /// A ZIP container (`PK\x03\x04`): an XLSX workbook, which chiso does not read.
    Xlsx,
    /// Old binary Excel (`D0 CF 11 E0`), not read either.
    Xls,
    /// Anything else is read as delimited text.
    Delimited,
}

/// The kind of input `bytes` is (a paste is always text: pass its UTF-8 bytes).
pub fn sniff_kind(bytes: &[u8]) -> InputKind {
    if bytes.starts_with(b"PK\x03\x04") {
        return InputKind::Xlsx;
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return InputKind::Xls;
    }
    let (encoding, skip) = sniff_encoding(bytes);
    let body = bytes.get(skip..).unwrap_or_default();
    let first = match encoding {
        TextEncoding::Utf8 | TextEncoding::Windows1258 => {
            body.iter().copied().map(u32::from).find(|&c| !is_blank_code(c))
        }
        TextEncoding::Utf16Le => utf16_units(body, u16::from_le_bytes).find(|&c| !is_blank_code(c)),
        TextEncoding::Utf16Be => utf16_units(body, u16::from_be_bytes).find(|&c| !is_blank_code(c)),
    };
    if first == Some(u32::from('{')) {
        InputKind::Json
    } else {
        InputKind::Delimited
    }
}

/// The UTF-16 code units of `bytes`, in the byte order `from_bytes` reads.
fn utf16_units(bytes: &[u8], from_bytes: fn([u8; 2]) -> u16) -> impl Iterator<Item = u32> + '_ {
    bytes.chunks_exact(2).filter_map(move |pair| match pair {
        [a, b] => Some(u32::from(from_bytes([*a, *b]))),
        _ => None,
    })
}

/// Whitespace before a JSON document (and a BOM left inside the text).
fn is_blank_code(c: u32) -> bool {
    matches!(c, 0x20 | 0x09 | 0x0A | 0x0D | 0xFEFF)
}

/// The cell separator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delimiter {
    /// Tab (a paste from a spreadsheet, "Unicode text").
    Tab,
    /// Semicolon (CSV written by Excel with Vietnamese or European settings).
    Semicolon,
    /// Comma.
    Comma,
}

/// A table read from text: rows of cells, each row with its line number in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    /// The separator used (guessed unless given).
    pub delimiter: Delimiter,
    /// Non-blank rows, in order.
    pub rows: Vec<GridRow>,
}

/// One row of a [`Grid`].
#[derive(Debug, Clone, PartialEq)]
pub struct GridRow {
    /// 1-based line of the text the row starts on (what a spreadsheet calls its row number when
    /// the text came from one).
    pub line: usize,
    /// The cells, unquoted and trimmed.
    pub cells: Vec<String>,
}

/// Why text could not be read as a table.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ReadError {
    /// Nothing but blank lines.
    #[error("the text holds no table")]
    Empty,
    /// More rows than [`super::MAX_ROWS`].
    #[error("more than {limit} rows")]
    TooManyRows {
        /// The limit.
        limit: usize,
    },
    /// A row with more cells than [`super::MAX_COLUMNS`].
    #[error("line {line}: {count} columns, more than {limit}")]
    TooManyColumns {
        /// The row's line.
        line: usize,
        /// Its cell count.
        count: usize,
        /// The limit.
        limit: usize,
    },
    /// A quoted cell that never closes.
    #[error("line {line}: a quote (\") opened here is never closed")]
    UnclosedQuote {
        /// The line the quote opens on.
        line: usize,
    },
}

/// Split `text` into rows and cells. `delimiter: None` guesses (tab, then `;`, then `,`: the
/// one that splits the first lines most consistently). Quotes follow RFC 4180 (`""` inside a
/// quoted cell is a quote; a quoted cell may span lines). Blank lines are skipped; a BOM at the
/// start is dropped; line ends may be `\n`, `\r\n` or `\r`.
///
/// A quote opens a quoted cell only at the start of a cell (spaces before it allowed); anywhere
/// else it is an ordinary character, as spreadsheets write it.
pub fn read_delimited(text: &str, delimiter: Option<Delimiter>) -> Result<Grid, ReadError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let delimiter = delimiter.unwrap_or_else(|| guess_delimiter(text));
    let rows = split_rows(text, delimiter.char(), MAX_ROWS)?;
    if rows.is_empty() {
        return Err(ReadError::Empty);
    }
    Ok(Grid { delimiter, rows })
}

impl Delimiter {
    /// The character written between cells.
    pub fn char(self) -> char {
        match self {
            Delimiter::Tab => '\t',
            Delimiter::Semicolon => ';',
            Delimiter::Comma => ',',
        }
    }
}

/// How many rows the delimiter guess looks at.
const GUESS_ROWS: usize = 30;

/// The delimiter that splits the first rows into the most consistent number of cells (at least
/// two); on a tie the earlier of tab, `;`, `,`. A `;` file with decimal commas splits
/// consistently on `;` and raggedly on `,`, so it is read as `;`.
fn guess_delimiter(text: &str) -> Delimiter {
    let mut best: Option<(Delimiter, usize, usize)> = None; // (delimiter, rows at the mode, rows)
    for delimiter in [Delimiter::Tab, Delimiter::Semicolon, Delimiter::Comma] {
        // A sample that cannot be read with this delimiter (an unclosed quote) does not count.
        let Ok(rows) = split_rows(text, delimiter.char(), GUESS_ROWS) else { continue };
        let mut counts: Vec<usize> = rows.iter().map(|r| r.cells.len()).collect();
        counts.sort_unstable();
        // The most frequent cell count (the larger on a tie) and how many rows have it.
        let mut mode: Option<(usize, usize)> = None;
        for chunk in counts.chunk_by(|a, b| a == b) {
            let (Some(&count), n) = (chunk.first(), chunk.len()) else { continue };
            if mode.is_none_or(|(_, best_n)| n >= best_n) {
                mode = Some((count, n));
            }
        }
        let Some((count, n_at_mode)) = mode else { continue };
        if count < 2 {
            continue;
        }
        // Compare n_at_mode / rows.len() as fractions, without floats.
        let better = best.is_none_or(|(_, bn, brows)| n_at_mode * brows > bn * rows.len());
        if better {
            best = Some((delimiter, n_at_mode, rows.len()));
        }
    }
    match best {
        Some((delimiter, ..)) => delimiter,
        // One column, or nothing splits: a tab if there is one (a paste), else by frequency.
        None if text.contains('\t') => Delimiter::Tab,
        None if text.contains(';') => Delimiter::Semicolon,
        None if text.contains(',') => Delimiter::Comma,
        None => Delimiter::Tab,
    }
}

/// The non-blank rows of `text` split on `delimiter`, at most `max_rows` of them: past that,
/// [`ReadError::TooManyRows`] when `max_rows` is [`MAX_ROWS`], else the rows so far (a sample).
fn split_rows(text: &str, delimiter: char, max_rows: usize) -> Result<Vec<GridRow>, ReadError> {
    let mut rows: Vec<GridRow> = Vec::new();
    let mut cells: Vec<String> = Vec::new();
    let mut n_cells = 0usize; // cells of the current row, counted past MAX_COLUMNS too
    let mut cell = String::new();
    let mut line = 1usize;
    let mut row_line = 1usize;
    let mut in_quotes = false;
    let mut quote_line = 1usize;
    let mut cell_was_quoted = false;
    let mut row_has_text = false;
    let mut chars = text.chars().peekable();
    loop {
        let c = chars.next();
        if in_quotes {
            match c {
                None => return Err(ReadError::UnclosedQuote { line: quote_line }),
                Some('"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                Some('"') => in_quotes = false,
                Some('\r') => {
                    if chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    line += 1;
                    cell.push('\n');
                }
                Some('\n') => {
                    line += 1;
                    cell.push('\n');
                }
                Some(other) => cell.push(other),
            }
            continue;
        }
        let ends_cell = c == Some(delimiter);
        let ends_row = matches!(c, None | Some('\r' | '\n'));
        if !(ends_cell || ends_row) {
            match c {
                Some('"') if !cell_was_quoted && cell.chars().all(char::is_whitespace) => {
                    cell.clear();
                    in_quotes = true;
                    cell_was_quoted = true;
                    quote_line = line;
                }
                Some(other) => cell.push(other),
                None => {}
            }
            continue;
        }
        // The cell ends here; cells past the limit are counted, not kept.
        n_cells += 1;
        let trimmed = cell.trim();
        row_has_text |= !trimmed.is_empty();
        if n_cells <= MAX_COLUMNS {
            cells.push(trimmed.to_owned());
        }
        cell.clear();
        cell_was_quoted = false;
        if ends_cell {
            continue;
        }
        if row_has_text {
            if n_cells > MAX_COLUMNS {
                return Err(ReadError::TooManyColumns { line: row_line, count: n_cells, limit: MAX_COLUMNS });
            }
            if rows.len() >= max_rows {
                return if max_rows >= MAX_ROWS { Err(ReadError::TooManyRows { limit: MAX_ROWS }) } else { Ok(rows) };
            }
            rows.push(GridRow { line: row_line, cells: std::mem::take(&mut cells) });
        }
        cells.clear();
        n_cells = 0;
        row_has_text = false;
        if c.is_none() {
            return Ok(rows);
        }
        if c == Some('\r') && chars.peek() == Some(&'\n') {
            chars.next();
        }
        line += 1;
        row_line = line;
    }
}
