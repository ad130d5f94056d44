//! Bytes and text in: which decoder a file needs, what kind of file it is, and the delimited
//! text (TSV from a spreadsheet paste, CSV with `,` or `;`) split into rows of cells.

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
pub fn sniff_encoding(bytes: &[u8]) -> (TextEncoding, usize) {
    let _ = bytes;
    todo!()
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
    let _ = bytes;
    todo!()
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
pub fn read_delimited(text: &str, delimiter: Option<Delimiter>) -> Result<Grid, ReadError> {
    let _ = (text, delimiter);
    todo!()
}
