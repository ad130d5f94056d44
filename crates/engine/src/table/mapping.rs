//! Which column is what: guessed from the headings and the cells, every guess changeable by the
//! reader (the UI edits a [`Mapping`] and calls [`super::build::build`] again).

use super::read::Grid;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Not used.
    Ignore,
    /// The unit's name (exactly one column).
    Name,
    /// The total score.
    Total,
    /// A component score (weighted into a computed total when no total is given).
    Component,
    /// The published rank.
    Rank,
    /// The block or group the unit is ranked in.
    Group,
    /// The year assessed.
    Year,
    /// The kind of unit (Sở, Quận, Huyện, Tỉnh…).
    Kind,
}

impl Role {
    /// Every role, in the order the UI's menu lists them.
    pub const ALL: [Role; 8] =
        [Role::Name, Role::Total, Role::Component, Role::Rank, Role::Group, Role::Year, Role::Kind, Role::Ignore];
}

/// The decimal mark of the table's numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecimalMark {
    /// `94,25` (Vietnamese and European settings).
    Comma,
    /// `94.25`.
    Point,
}

/// One column's reading.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnMap {
    /// Its heading as in the table ("Cột 3" style headings are made by the UI when there is
    /// no header row: this is then empty).
    pub header: String,
    /// What it holds.
    pub role: Role,
    /// The component's weight in percent (or any positive share), for [`Role::Component`];
    /// `None` means equal weights.
    pub weight: Option<f64>,
}

/// How the table is read: the reader sees this in the mapping step and may change any of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Mapping {
    /// Index into [`Grid::rows`] of the header row; `None` when the table has none. Rows above
    /// it are skipped (titles above a table).
    pub header_row: Option<usize>,
    /// One entry per column (the widest row's count).
    pub columns: Vec<ColumnMap>,
    /// The numbers' decimal mark.
    pub decimal: DecimalMark,
    /// The total's scale maximum (10, 100, or what the data needs); the minimum is 0.
    pub scale_max: f64,
    /// The components' scale maximum.
    pub component_max: f64,
    /// The year of every row when no column is [`Role::Year`].
    pub year: i32,
    /// The index's name (a heading above the table, or the file's name, or empty).
    pub title: String,
    /// Where the numbers come from, as the reader says (shown as the source of every record).
    pub source: String,
}

/// The best guess for `grid`: header row (the first row mostly of text followed by rows with
/// numbers), the name column (most distinct text), total and rank (by heading words, Vietnamese
/// and English — "Điểm", "Tổng", "Chỉ số", "Hạng", "Xếp hạng", "Score", "Rank"… — else by their
/// values), components (the other numeric columns), group/year/kind by heading, the decimal mark
/// (from cells like `94,25` vs `94.25`, and the delimiter), and the scales (10 or 100 when the
/// values fit, else the next round number). `default_year` is used when no year column exists.
pub fn guess(grid: &Grid, default_year: i32) -> Mapping {
    let _ = (grid, default_year);
    todo!()
}
