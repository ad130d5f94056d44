//! CSV out: what a view shows, for a spreadsheet. UTF-8 with a BOM so Excel opens Vietnamese
//! correctly; `;` with decimal commas (Excel with Vietnamese settings) or `,` with points.

/// The CSV dialect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvStyle {
    /// `;` between cells, `94,25`.
    Semicolon,
    /// `,` between cells, `94.25`.
    Comma,
}

/// One cell to write.
#[derive(Debug, Clone, PartialEq)]
pub enum CsvCell {
    /// Text, written as is (quoted when it must be; a leading `=`, `+`, `-` or `@` is prefixed
    /// with `'` so a spreadsheet does not run it as a formula).
    Text(String),
    /// A number with this many decimals (no thousands separator).
    Number(f64, usize),
    /// Nothing (not published).
    Empty,
}

/// The CSV text: BOM, the header, the rows, CRLF line ends.
/// A cell is quoted when it holds the delimiter, a quote, CR or LF (inner quotes doubled);
/// NaN and infinite numbers are written as nothing.
pub fn to_csv(header: &[String], rows: &[Vec<CsvCell>], style: CsvStyle) -> String {
    let delimiter = match style {
        CsvStyle::Semicolon => ';',
        CsvStyle::Comma => ',',
    };
    let mut out = String::from("\u{FEFF}");
    let mut line = |cells: &mut dyn Iterator<Item = String>| {
        for (i, cell) in cells.enumerate() {
            if i > 0 {
                out.push(delimiter);
            }
            push_quoted(&mut out, &cell, delimiter);
        }
        out.push_str("\r\n");
    };
    line(&mut header.iter().map(|h| guard(h)));
    for row in rows {
        line(&mut row.iter().map(|cell| match cell {
            CsvCell::Text(text) => guard(text),
            CsvCell::Number(x, decimals) => number(*x, *decimals, style),
            CsvCell::Empty => String::new(),
        }));
    }
    out
}

/// Text with a leading `=`, `+`, `-` or `@` prefixed with `'`, so a spreadsheet shows it
/// rather than running it as a formula.
fn guard(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// A number with `decimals` decimals, `,` as the mark in the semicolon style; nothing when not
/// finite. Negative numbers use `-`, which spreadsheets read.
fn number(x: f64, decimals: usize, style: CsvStyle) -> String {
    if !x.is_finite() {
        return String::new();
    }
    // Past 17 decimals f64 has no more digits to show.
    let text = format!("{x:.*}", decimals.min(17));
    // "-0.00" is written "0.00".
    let text = if text.starts_with('-') && text.bytes().all(|b| matches!(b, b'-' | b'0' | b'.')) {
        text.trim_start_matches('-').to_owned()
    } else {
        text
    };
    match style {
        CsvStyle::Semicolon => text.replace('.', ","),
        CsvStyle::Comma => text,
    }
}

fn push_quoted(out: &mut String, cell: &str, delimiter: char) {
    if cell.contains([delimiter, '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(cell);
    }
}
