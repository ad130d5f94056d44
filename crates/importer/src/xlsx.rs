//! Reading one sheet of an .xlsx workbook with calamine, after one repair the PCI files need.
//!
//! LibreOffice saves some sheets with a row-only size hint, `<dimension ref="1:69"/>` (the
//! 2014 PCI workbook's `Summary_VN` is one). calamine (0.21 and later, up to 0.38 at least)
//! rejects such a ref ("Range is missing the expected column component") and reads nothing.
//! The element is only a hint — calamine sizes the range from the cells when it is absent — so
//! the package is copied in memory without it. No cell is touched; the file on disk is only read.

use std::io::{Cursor, Read, Write};
use std::path::Path;

use calamine::{Data, Range, Reader, Xlsx};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// The cells of sheet `name` of the workbook at `path`.
pub fn sheet(path: &Path, name: &str) -> Result<Range<Data>, String> {
    let shown = path.display();
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {shown}: {e}"))?;
    let repaired = without_row_only_dimensions(&bytes).map_err(|e| format!("{shown}: {e}"))?;
    let mut book = Xlsx::new(Cursor::new(repaired)).map_err(|e| format!("cannot open {shown}: {e}"))?;
    book.worksheet_range(name).map_err(|e| format!("{shown}: cannot read sheet '{name}': {e}"))
}

/// A copy of the package in which every worksheet part has its row-only `<dimension>` removed.
/// Entries are stored uncompressed: the copy lives in memory only.
fn without_row_only_dimensions(package: &[u8]) -> Result<Vec<u8>, String> {
    let mut archive = ZipArchive::new(Cursor::new(package)).map_err(|e| e.to_string())?;
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(|e| e.to_string())?;
        let name = entry.name().map_err(|e| e.to_string())?.to_string();
        if entry.is_dir() {
            out.add_directory(name, options).map_err(|e| e.to_string())?;
            continue;
        }
        let mut content = Vec::new();
        entry.read_to_end(&mut content).map_err(|e| format!("{name}: {e}"))?;
        if name.starts_with("xl/worksheets/") && name.ends_with(".xml") {
            content = drop_row_only_dimension(content);
        }
        out.start_file(name.as_str(), options).map_err(|e| e.to_string())?;
        out.write_all(&content).map_err(|e| format!("{name}: {e}"))?;
    }
    out.finish().map(Cursor::into_inner).map_err(|e| e.to_string())
}

/// `xml` without its `<dimension ref="..."/>` element when the ref has digits and ':' only;
/// unchanged otherwise.
fn drop_row_only_dimension(xml: Vec<u8>) -> Vec<u8> {
    const OPEN: &[u8] = b"<dimension ref=\"";
    let Some(start) = find(&xml, OPEN, 0) else { return xml };
    let ref_start = start + OPEN.len();
    let Some(quote) = find(&xml, b"\"", ref_start) else { return xml };
    let Some(reference) = xml.get(ref_start..quote) else { return xml };
    let row_only = !reference.is_empty() && reference.iter().all(|b| b.is_ascii_digit() || *b == b':');
    let Some(close) = find(&xml, b"/>", quote) else { return xml };
    if !row_only {
        return xml;
    }
    let mut out = xml.get(..start).unwrap_or_default().to_vec();
    out.extend_from_slice(xml.get(close + 2..).unwrap_or_default());
    out
}

/// Position of the first `needle` in `haystack` at or after `from`.
fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|p| p + from)
}

#[cfg(test)]
mod tests {
    use super::drop_row_only_dimension;

    fn check(xml: &str, want: &str) {
        let got = drop_row_only_dimension(xml.as_bytes().to_vec());
        assert_eq!(String::from_utf8_lossy(&got), want, "{xml}");
    }

    #[test]
    fn removes_only_row_only_dimensions() {
        check(r#"<a><dimension ref="1:69"/><sheetData/></a>"#, "<a><sheetData/></a>");
        check(r#"<a><dimension ref="1:69" /><b/></a>"#, "<a><b/></a>");
        check(r#"<a><dimension ref="A1:Z69"/></a>"#, r#"<a><dimension ref="A1:Z69"/></a>"#);
        check(r#"<a><dimension ref="B2"/></a>"#, r#"<a><dimension ref="B2"/></a>"#);
        check("<a><sheetData/></a>", "<a><sheetData/></a>");
    }
}
