//! A grid and its mapping -> a dataset in chiso's format, every record citing the reader's
//! source; problems located by line and column heading, warnings that do not block.

use super::mapping::Mapping;
use super::read::Grid;
use crate::schema::RawDataset;

/// The dataset id every own table gets.
pub const OWN_DATASET_ID: &str = "own";
/// The source id every record of an own table cites.
pub const OWN_SOURCE_ID: &str = "own";

/// A table turned into a dataset, with what the reader should know.
#[derive(Debug, Clone, PartialEq)]
pub struct Built {
    /// The dataset, ready for [`crate::dataset::Dataset::from_raw`] (which accepts it).
    pub raw: RawDataset,
    /// Oddities that do not block.
    pub warnings: Vec<TableIssue>,
    /// How many units (rows read as units) it holds.
    pub n_rows: usize,
}

/// A problem or warning at a place in the table.
#[derive(Debug, Clone, PartialEq)]
pub struct TableIssue {
    /// The line of the text (as [`super::read::GridRow::line`]); `None` for the whole table.
    pub line: Option<usize>,
    /// The column's heading (or "" when the table has no header row) and its 0-based index.
    pub column: Option<(usize, String)>,
    /// The cell's text as written, when a cell is at fault.
    pub value: Option<String>,
    /// What is wrong or odd.
    pub kind: IssueKind,
}

/// What a [`TableIssue`] is about.
#[derive(Debug, Clone, PartialEq)]
pub enum IssueKind {
    // Problems (block the build).
    /// No column is mapped to the unit name.
    NoNameColumn,
    /// More than one column is mapped to the name (or to total, rank, group, year, kind).
    SeveralColumns,
    /// Neither a total nor any component column.
    NoScoreColumn,
    /// No data rows under the header.
    NoRows,
    /// A cell that should be a number is not ("9,5,3").
    NotANumber,
    /// A rank that is not a whole number from 1.
    BadRank,
    /// A year that is not a whole number in the accepted range.
    BadYear,
    /// A negative score, or one above the scale by more than it allows.
    OutOfRange,
    /// A row without a name but with numbers.
    EmptyName,
    /// Weights that are negative or add up to nothing.
    BadWeights,
    /// The same unit twice in one block and year.
    DuplicateName {
        /// The line it first appears on.
        first_line: usize,
    },
    /// The built dataset broke a rule of the format (should not happen; the path is kept).
    Dataset(String),
    // Warnings (do not block).
    /// A score above the scale maximum (kept as written).
    AboveScale {
        /// The scale maximum.
        max: f64,
    },
    /// A published rank that the scores order otherwise.
    RankDisagrees {
        /// The rank the scores give.
        by_scores: u32,
    },
}

impl IssueKind {
    /// True for the kinds that stop the table from becoming a dataset.
    pub fn blocks(&self) -> bool {
        !matches!(self, IssueKind::AboveScale { .. } | IssueKind::RankDisagrees { .. })
    }
}

/// Build the dataset. Cells reading as not published ("", "–", "-", "—", "n/a", "na", "x",
/// "chưa công bố", "không có"… any case, with or without diacritics) are `None`, never 0.
/// Units match across years by their folded name within a block; ids are ASCII slugs of the
/// name, unique in the dataset. The kind comes from the kind column, else from the name's first
/// word ("Sở", "Quận", "Huyện", "Thị xã", "Tỉnh", "Thành phố", "Bộ"), else `khac`.
pub fn build(grid: &Grid, mapping: &Mapping) -> Result<Built, Vec<TableIssue>> {
    let _ = (grid, mapping);
    todo!()
}
