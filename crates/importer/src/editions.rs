//! Editions that carry only what the sources say about comparing a year with the one before
//! (indices without published components: Hanoi's CCHC, the PAR INDEX).

use std::collections::BTreeMap;

use chiso_engine::schema::{Comparability, RawComparability, RawEdition, Text};

/// The edition of `year`: how it compares with the previous year (`with_previous`), why (in
/// Vietnamese and English), and the source ids that say so.
pub fn comparability(year: i32, with_previous: Comparability, vi: &str, en: &str, sources: &[&str]) -> RawEdition {
    RawEdition {
        year,
        weights_pct: BTreeMap::new(),
        weights_status: None,
        note: None,
        sources: vec![],
        comparability: Some(RawComparability {
            with_previous,
            note: Text { vi: vi.to_owned(), en: Some(en.to_owned()) },
            sources: sources.iter().map(|s| (*s).to_string()).collect(),
        }),
    }
}
