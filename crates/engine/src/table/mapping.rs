//! Which column is what: guessed from the headings and the cells, every guess changeable by the
//! reader (the UI edits a [`Mapping`] and calls [`super::build::build`] again).

use super::read::{Delimiter, Grid, GridRow};
use crate::dataset::MAX_BLOCK_SIZE;
use crate::search::fold;
use crate::view_state::{MAX_YEAR, MIN_YEAR};

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
///
/// The heading words are [`HEADING_RULES`]. By values: a column of whole numbers 1, 2, 3… in
/// row order is a row number (ignored); whole numbers from 1 that order the rows like the total
/// does are the rank; a column that is the sum or the mean of the other numeric columns is the
/// total; a column of years (1900–2100) is the year; the other numeric columns are components
/// (or the total, when there is only one).
pub fn guess(grid: &Grid, default_year: i32) -> Mapping {
    let width = grid.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let header_row = guess_header_row(grid);
    let header_cells = header_row.and_then(|h| grid.rows.get(h)).map(|r| r.cells.as_slice()).unwrap_or_default();
    let data: Vec<&GridRow> = grid.rows.iter().skip(header_row.map_or(0, |h| h + 1)).collect();
    let decimal = guess_decimal(&data, grid.delimiter);
    let headers: Vec<String> = (0..width).map(|c| header_cells.get(c).cloned().unwrap_or_default()).collect();
    let stats: Vec<ColumnStats> = (0..width).map(|c| ColumnStats::of(&data, c, decimal)).collect();

    // 1. Headings, where the values agree with them.
    let mut roles: Vec<Option<Role>> = headers
        .iter()
        .zip(&stats)
        .map(|(header, st)| match heading_role(header)? {
            Role::Total | Role::Component if !st.numeric_compatible() => None,
            Role::Rank if st.n_rank_bad > st.n_rank => None,
            Role::Name if st.n_text < st.n_number => None,
            Role::Year if st.n_year * 2 < st.n_number + st.n_text => None,
            role => Some(role),
        })
        .collect();
    // 2. One column per role: the first keeps it; a second total is a component.
    for role in [Role::Name, Role::Total, Role::Rank, Role::Group, Role::Year, Role::Kind] {
        let mut seen = false;
        for r in roles.iter_mut().filter(|r| **r == Some(role)) {
            if seen {
                *r = Some(if role == Role::Total { Role::Component } else { Role::Ignore });
            }
            seen = true;
        }
    }
    let has = |roles: &[Option<Role>], role: Role| roles.contains(&Some(role));
    // 3. The columns no heading named, by their values.
    let mut numeric: Vec<usize> = Vec::new();
    let mut text: Vec<usize> = Vec::new();
    for (c, st) in stats.iter().enumerate() {
        let Some(slot) = roles.get_mut(c) else { continue };
        if slot.is_some() {
            continue;
        }
        if st.n_number == 0 && st.n_text == 0 {
            *slot = Some(Role::Ignore);
        } else if st.n_number > 0 && st.n_text * 4 <= st.n_number {
            if st.is_sequence {
                *slot = Some(Role::Ignore);
            } else {
                numeric.push(c);
            }
        } else {
            text.push(c);
        }
    }
    if !has(&roles, Role::Year) {
        if let Some(pos) = numeric.iter().position(|&c| stats.get(c).is_some_and(|st| st.n_year == st.n_number)) {
            let c = numeric.remove(pos);
            set(&mut roles, c, Role::Year);
        }
    }
    if !has(&roles, Role::Name) {
        // The text column with the most distinct values; the leftmost on a tie.
        let best =
            text.iter().copied().max_by_key(|&c| (stats.get(c).map_or(0, |st| st.distinct), std::cmp::Reverse(c)));
        if let Some(c) = best {
            set(&mut roles, c, Role::Name);
        }
    }
    for &c in &text {
        if roles.get(c).copied().flatten().is_none() {
            set(&mut roles, c, Role::Ignore);
        }
    }
    let values = |c: usize| stats.get(c).map(|st| st.values.as_slice()).unwrap_or_default();
    if !has(&roles, Role::Total) {
        let labelled_components: Vec<usize> =
            (0..width).filter(|&c| roles.get(c).copied().flatten() == Some(Role::Component)).collect();
        let found = numeric.iter().position(|&t| {
            let others: Vec<&[Option<f64>]> =
                numeric.iter().chain(&labelled_components).filter(|&&o| o != t).map(|&o| values(o)).collect();
            is_sum_or_mean(values(t), &others)
        });
        if let Some(pos) = found {
            let c = numeric.remove(pos);
            set(&mut roles, c, Role::Total);
        } else if let ([a, b], false) = (numeric.as_slice(), has(&roles, Role::Rank)) {
            // Two unnamed numeric columns: a rank and the total it orders.
            let (a, b) = (*a, *b);
            for (rank, total) in [(a, b), (b, a)] {
                let rank_like = stats.get(rank).is_some_and(|st| st.rank_like);
                if rank_like && ranks_agree(values(total), values(rank)) {
                    set(&mut roles, rank, Role::Rank);
                    set(&mut roles, total, Role::Total);
                    numeric.clear();
                    break;
                }
            }
        }
        if !has(&roles, Role::Total) && numeric.len() == 1 && labelled_components.is_empty() {
            if let Some(c) = numeric.pop() {
                set(&mut roles, c, Role::Total);
            }
        }
    }
    if !has(&roles, Role::Rank) {
        if let Some(total) = roles.iter().position(|r| *r == Some(Role::Total)) {
            let found = numeric
                .iter()
                .position(|&c| stats.get(c).is_some_and(|st| st.rank_like) && ranks_agree(values(total), values(c)));
            if let Some(pos) = found {
                let c = numeric.remove(pos);
                set(&mut roles, c, Role::Rank);
            }
        }
    }
    for c in numeric {
        set(&mut roles, c, Role::Component);
    }

    let columns: Vec<ColumnMap> = headers
        .into_iter()
        .zip(&roles)
        .map(|(header, role)| ColumnMap { header, role: role.unwrap_or(Role::Ignore), weight: None })
        .collect();
    let max_of = |role: Role| {
        columns
            .iter()
            .zip(&stats)
            .filter(|(col, _)| col.role == role)
            .map(|(_, st)| st.max)
            .fold(f64::NEG_INFINITY, f64::max)
    };
    let has_total = columns.iter().any(|c| c.role == Role::Total);
    let total_max = max_of(Role::Total);
    let component_max = max_of(Role::Component);
    let title = header_row
        .and_then(|h| grid.rows.get(..h))
        .and_then(|above| above.iter().flat_map(|r| &r.cells).find(|c| !c.is_empty()).cloned())
        .unwrap_or_default();
    Mapping {
        header_row,
        columns,
        decimal,
        // Without a total the computed composite is shown out of 100.
        scale_max: if has_total { round_scale(total_max) } else { 100.0 },
        component_max: round_scale(component_max),
        year: default_year,
        title,
        source: String::new(),
    }
}

fn set(roles: &mut [Option<Role>], c: usize, role: Role) {
    if let Some(slot) = roles.get_mut(c) {
        *slot = Some(role);
    }
}

/// 10 or 100 when the largest value fits, else the next of 1, 2, 5 × a power of ten.
/// Nothing to go by (no values) gives 10.
pub fn round_scale(max_value: f64) -> f64 {
    if !max_value.is_finite() || max_value <= 10.0 {
        return 10.0;
    }
    if max_value <= 100.0 {
        return 100.0;
    }
    let mut power = 100.0;
    // Bounded: f64's range ends near 1e308.
    for _ in 0..310 {
        for step in [2.0, 5.0, 10.0] {
            if step * power >= max_value {
                return step * power;
            }
        }
        power *= 10.0;
    }
    max_value
}

/// How many data rows the guesses that compare columns look at.
const SAMPLE_ROWS: usize = 300;
/// How many data rows distinct texts are counted over.
const DISTINCT_ROWS: usize = 2000;

/// What a column's cells look like below the header.
#[derive(Debug, Default)]
struct ColumnStats {
    /// Cells that read as numbers.
    n_number: usize,
    /// Cells that are neither numbers nor "not published".
    n_text: usize,
    /// Cells that read as ranks, and those that do not (not published aside).
    n_rank: usize,
    n_rank_bad: usize,
    /// Whole numbers in the accepted year range.
    n_year: usize,
    /// The largest number.
    max: f64,
    /// Distinct folded texts (over the first [`DISTINCT_ROWS`] rows).
    distinct: usize,
    /// Numbers of the first [`SAMPLE_ROWS`] data rows, by row.
    values: Vec<Option<f64>>,
    /// The filled cells are 1, 2, 3… in row order (a row number).
    is_sequence: bool,
    /// Every number is a whole number from 1 to the row count, at least two of them.
    rank_like: bool,
}

impl ColumnStats {
    fn of(data: &[&GridRow], c: usize, decimal: DecimalMark) -> ColumnStats {
        let mut st = ColumnStats { max: f64::NEG_INFINITY, is_sequence: true, ..ColumnStats::default() };
        let mut distinct = std::collections::HashSet::new();
        let mut n_whole_in_range = 0usize;
        let n_rows = data.len();
        for (i, row) in data.iter().enumerate() {
            let cell = row.cells.get(c).map(String::as_str).unwrap_or_default();
            let number = match read_number(cell, decimal) {
                NumberCell::Number(x) => {
                    st.n_number += 1;
                    st.max = st.max.max(x);
                    if x.fract() == 0.0 && (f64::from(MIN_YEAR)..=f64::from(MAX_YEAR)).contains(&x) {
                        st.n_year += 1;
                    }
                    let n = st.n_number as f64;
                    st.is_sequence &= x == n;
                    if x.fract() == 0.0 && x >= 1.0 && x <= n_rows as f64 {
                        n_whole_in_range += 1;
                    }
                    Some(x)
                }
                NumberCell::NotANumber => {
                    st.n_text += 1;
                    st.is_sequence = false;
                    if i < DISTINCT_ROWS {
                        distinct.insert(fold(cell));
                    }
                    None
                }
                NumberCell::NotPublished => None,
            };
            match read_rank(cell) {
                RankCell::Rank(_) => st.n_rank += 1,
                RankCell::Bad => st.n_rank_bad += 1,
                RankCell::NotPublished => {}
            }
            if i < SAMPLE_ROWS {
                st.values.push(number);
            }
        }
        st.is_sequence &= st.n_number >= 2;
        st.rank_like = st.n_number >= 2 && n_whole_in_range == st.n_number;
        st.distinct = distinct.len();
        st
    }

    /// Numbers, or nothing published: a text cell among numbers is a typo to report, but a
    /// column of mostly text is not numeric.
    fn numeric_compatible(&self) -> bool {
        self.n_text <= self.n_number
    }
}

/// True when `total` is, on at least 90% of at least two rows, the sum or the mean of `others`
/// (at least two columns), allowing for each value's rounding to two decimals.
fn is_sum_or_mean(total: &[Option<f64>], others: &[&[Option<f64>]]) -> bool {
    if others.len() < 2 {
        return false;
    }
    let n = others.len() as f64;
    let tolerance = 0.01 + 0.005 * n;
    let (mut checked, mut matched) = (0usize, 0usize);
    for (i, t) in total.iter().enumerate() {
        let Some(t) = *t else { continue };
        let row: Option<Vec<f64>> = others.iter().map(|col| col.get(i).copied().flatten()).collect();
        let Some(row) = row else { continue };
        let sum: f64 = row.iter().sum();
        checked += 1;
        if (t - sum).abs() <= tolerance || (t - sum / n).abs() <= tolerance / n + 0.005 {
            matched += 1;
        }
    }
    checked >= 2 && matched * 10 >= checked * 9
}

/// True when `ranks` order the rows as `totals` do (a higher total, a smaller rank) on at least
/// 90% of the pairs of rows that have both and differ in both.
fn ranks_agree(totals: &[Option<f64>], ranks: &[Option<f64>]) -> bool {
    let pairs: Vec<(f64, f64)> = totals.iter().zip(ranks).filter_map(|(t, r)| Some(((*t)?, (*r)?))).collect();
    let (mut n_pairs, mut discordant) = (0usize, 0usize);
    for (i, (ti, ri)) in pairs.iter().enumerate() {
        for (tj, rj) in pairs.iter().skip(i + 1) {
            if ti == tj || ri == rj {
                continue;
            }
            n_pairs += 1;
            if (ti > tj) == (ri > rj) {
                discordant += 1;
            }
        }
    }
    n_pairs >= 1 && discordant * 10 <= n_pairs
}

/// The header row: skipping single-cell rows (titles), the first row with two or more cells,
/// when most of them are text and either one of them heads a column of numbers or a heading
/// word is recognised. A first row of mostly numbers means there is no header.
fn guess_header_row(grid: &Grid) -> Option<usize> {
    let looks_numeric = |cell: &str| {
        matches!(read_number(cell, DecimalMark::Comma), NumberCell::Number(_))
            || matches!(read_number(cell, DecimalMark::Point), NumberCell::Number(_))
    };
    let is_text = |cell: &str| !cell.is_empty() && !looks_numeric(cell) && !is_not_published(cell);
    for (i, row) in grid.rows.iter().enumerate().take(20) {
        let n_filled = row.cells.iter().filter(|c| !c.is_empty()).count();
        if n_filled < 2 {
            continue;
        }
        let n_text = row.cells.iter().filter(|c| is_text(c)).count();
        if n_text * 2 < n_filled {
            return None;
        }
        let below: Vec<&GridRow> = grid.rows.iter().skip(i + 1).take(10).collect();
        let heads_numbers = row.cells.iter().enumerate().any(|(c, cell)| {
            let cells_below = below.iter().filter_map(|r| r.cells.get(c)).filter(|x| !x.is_empty());
            let (n, n_numeric) = cells_below.fold((0, 0), |(n, k), x| (n + 1, k + usize::from(looks_numeric(x))));
            is_text(cell) && n > 0 && n_numeric * 2 > n
        });
        let named = row.cells.iter().filter(|c| heading_role(c).is_some()).count();
        return (heads_numbers || named >= 1).then_some(i);
    }
    None
}

/// `Comma` for a `;` or tab table whose cells look like `94,25` more often than `94.25`, `Point`
/// for a `,` table (a decimal comma would have had to be quoted) and for more `94.25`; on a tie
/// `;` tables get `Comma` (Excel with Vietnamese settings) and tab tables `Point`. A cell like
/// `1.234` (three digits after the point) could be a thousand with a thousands point and does
/// not count for `Point`.
fn guess_decimal(data: &[&GridRow], delimiter: Delimiter) -> DecimalMark {
    if delimiter == Delimiter::Comma {
        return DecimalMark::Point;
    }
    let (mut n_comma, mut n_point) = (0usize, 0usize);
    for cell in data.iter().flat_map(|r| &r.cells) {
        let body = cell.trim().trim_start_matches(['+', '-', '\u{2212}']).trim_end_matches('%').trim();
        let is_decimal = |mark: char| {
            body.split_once(mark).is_some_and(|(a, b)| {
                !a.is_empty() && !b.is_empty() && a.chars().chain(b.chars()).all(|c| c.is_ascii_digit())
            })
        };
        // "1.234" may be a thousand written with a Vietnamese thousands point: not a vote.
        let thousands_like = body.split_once('.').is_some_and(|(a, b)| a.len() <= 3 && b.len() == 3);
        n_comma += usize::from(is_decimal(','));
        n_point += usize::from(is_decimal('.') && !thousands_like);
    }
    match n_comma.cmp(&n_point) {
        std::cmp::Ordering::Greater => DecimalMark::Comma,
        std::cmp::Ordering::Less => DecimalMark::Point,
        std::cmp::Ordering::Equal if delimiter == Delimiter::Semicolon => DecimalMark::Comma,
        std::cmp::Ordering::Equal => DecimalMark::Point,
    }
}

/// How a heading phrase is matched against a heading's folded words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadingMatch {
    /// The whole heading is the phrase.
    Whole,
    /// The heading starts with the phrase.
    First,
    /// The phrase occurs anywhere in the heading.
    Anywhere,
}

/// Heading phrases (folded: lower case, no diacritics, words split on anything that is not a
/// letter or a digit) and the role they name, tried in order: the first rule that matches
/// decides. Row numbers ("STT", "No."), notes, statuses and previous-year or change columns
/// are ignored; the headings chiso's own CSV export writes ("Hạng", "Đơn vị", "Điểm", "Khối",
/// "Năm", "Loại", "Ghi chú", "Trạng thái", and their English) map back to their roles.
pub const HEADING_RULES: &[(HeadingMatch, &str, Role)] = {
    use HeadingMatch::{Anywhere, First, Whole};
    use Role::*;
    &[
        (Whole, "stt", Ignore),
        (Whole, "tt", Ignore),
        (Whole, "no", Ignore),
        (Whole, "nr", Ignore),
        (Whole, "number", Ignore),
        (Whole, "so tt", Ignore),
        (Whole, "so thu tu", Ignore),
        (Whole, "thu tu", Ignore),
        (Whole, "id", Ignore),
        (First, "ma", Ignore),
        (First, "code", Ignore),
        (Anywhere, "ghi chu", Ignore),
        (Anywhere, "note", Ignore),
        (Anywhere, "notes", Ignore),
        (Anywhere, "trang thai", Ignore),
        (Anywhere, "status", Ignore),
        (Anywhere, "xep loai", Ignore),
        (Anywhere, "nguon", Ignore),
        (Anywhere, "source", Ignore),
        (Anywhere, "nam truoc", Ignore),
        (Anywhere, "ky truoc", Ignore),
        (Anywhere, "previous", Ignore),
        (Anywhere, "thay doi", Ignore),
        (Anywhere, "tang giam", Ignore),
        (Anywhere, "chenh lech", Ignore),
        (Anywhere, "so voi", Ignore),
        (Anywhere, "change", Ignore),
        (First, "khoi", Group),
        (First, "nhom", Group),
        (First, "block", Group),
        (First, "group", Group),
        (Whole, "nam", Year),
        (Whole, "year", Year),
        (First, "nam danh gia", Year),
        (First, "ky danh gia", Year),
        (First, "loai", Kind),
        (First, "cap", Kind),
        (Anywhere, "kind", Kind),
        (Anywhere, "type", Kind),
        (Anywhere, "hang", Rank),
        (Anywhere, "rank", Rank),
        (Anywhere, "ranking", Rank),
        (Anywhere, "thanh phan", Component),
        (Anywhere, "linh vuc", Component),
        (Anywhere, "tieu chi", Component),
        (Anywhere, "noi dung", Component),
        (Anywhere, "component", Component),
        (Anywhere, "pillar", Component),
        (Anywhere, "dimension", Component),
        (Anywhere, "sub index", Component),
        (Anywhere, "subindex", Component),
        (Anywhere, "diem", Total),
        (Anywhere, "tong", Total),
        (Anywhere, "chi so", Total),
        (Anywhere, "ket qua", Total),
        (Anywhere, "cchc", Total),
        (Anywhere, "score", Total),
        (Anywhere, "total", Total),
        (Anywhere, "index", Total),
        (Anywhere, "points", Total),
        (Anywhere, "pci", Total),
        (Anywhere, "papi", Total),
        (Anywhere, "sipas", Total),
        (Anywhere, "don vi", Name),
        (Anywhere, "ten", Name),
        (Anywhere, "co quan", Name),
        (Anywhere, "tinh", Name),
        (Anywhere, "thanh pho", Name),
        (Anywhere, "dia phuong", Name),
        (Anywhere, "so nganh", Name),
        (Anywhere, "bo nganh", Name),
        (Anywhere, "quan", Name),
        (Anywhere, "huyen", Name),
        (Anywhere, "unit", Name),
        (Anywhere, "name", Name),
        (Anywhere, "province", Name),
        (Anywhere, "city", Name),
        (Anywhere, "agency", Name),
        (Anywhere, "department", Name),
        (Anywhere, "ministry", Name),
        (Anywhere, "district", Name),
        (Anywhere, "locality", Name),
    ]
};

/// The role a heading names by [`HEADING_RULES`], if any.
pub fn heading_role(header: &str) -> Option<Role> {
    let words = heading_words(header);
    if words.is_empty() {
        return None;
    }
    HEADING_RULES.iter().find(|(how, phrase, _)| matches_phrase(&words, phrase, *how)).map(|&(_, _, role)| role)
}

/// A text's folded words (see [`fold`]), split on anything that is not a letter or a digit.
pub fn heading_words(header: &str) -> Vec<String> {
    fold(header).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

fn matches_phrase(words: &[String], phrase: &str, how: HeadingMatch) -> bool {
    let phrase: Vec<&str> = phrase.split(' ').collect();
    let same = |window: &[String]| window.len() == phrase.len() && window.iter().zip(&phrase).all(|(a, b)| a == b);
    match how {
        HeadingMatch::Whole => same(words),
        HeadingMatch::First => words.get(..phrase.len()).is_some_and(same),
        HeadingMatch::Anywhere => words.windows(phrase.len().max(1)).any(same),
    }
}

/// The longest entry of [`NOT_PUBLISHED`], in characters (checked by a test).
pub const NOT_PUBLISHED_MAX_CHARS: usize = 14;

/// Cell texts (folded) that mean "not published": dashes, "n/a", "x", ellipses and the
/// Vietnamese words for "not published" / "none". An empty cell is not published either.
pub const NOT_PUBLISHED: &[&str] = &[
    "",
    "-",
    "--",
    "–",
    "—",
    "\u{2212}",
    "x",
    "?",
    "…",
    "..",
    "...",
    "n/a",
    "#n/a",
    "na",
    "n.a",
    "n.a.",
    "null",
    "none",
    "chua cong bo",
    "chua co",
    "chua xep hang",
    "khong co",
    "khong cong bo",
    "khong xep hang",
    "khong",
    "kcb",
    "ccb",
    "kxh",
];

/// True when a cell says "not published" (see [`NOT_PUBLISHED`]); any case, with or without
/// diacritics.
pub fn is_not_published(cell: &str) -> bool {
    let cell = unguard(cell.trim());
    // No word starts with a digit: numbers skip the folding. Nor is any word longer than
    // NOT_PUBLISHED_MAX_CHARS once folded, and folding leaves at least one character per letter
    // of the cell (marks and spaces aside), so a long cell (most unit names) skips it too.
    if cell.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let letters = cell.chars().filter(|c| !c.is_whitespace() && !('\u{0300}'..='\u{036F}').contains(c)).count();
    if letters > NOT_PUBLISHED_MAX_CHARS {
        return false;
    }
    NOT_PUBLISHED.contains(&fold(cell).as_str())
}

/// A cell without the `'` a spreadsheet (or chiso's CSV export) puts before a leading `=`, `+`,
/// `-` or `@` so the text is not run as a formula.
pub fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => cell,
    }
}

/// A cell read as a number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NumberCell {
    /// Not published (see [`is_not_published`]).
    NotPublished,
    /// A finite number.
    Number(f64),
    /// Something else ("9,5,3", "abc").
    NotANumber,
}

/// Read a number written with `decimal` as its mark: spaces around it, a leading `+`, `-` or
/// `−`, a trailing `%` allowed; the other mark only as a thousands separator in a valid grouping
/// (`1.234,5` with a decimal comma, `1,234.5` with a point). No exponents. Rounded to 15
/// significant digits, a spreadsheet's precision.
pub fn read_number(cell: &str, decimal: DecimalMark) -> NumberCell {
    let cell = unguard(cell.trim());
    if is_not_published(cell) {
        return NumberCell::NotPublished;
    }
    parse_number(cell, decimal).map_or(NumberCell::NotANumber, NumberCell::Number)
}

fn parse_number(cell: &str, decimal: DecimalMark) -> Option<f64> {
    let (body, negative) = if let Some(rest) = cell.strip_prefix('+') {
        (rest, false)
    } else if let Some(rest) = cell.strip_prefix('-').or_else(|| cell.strip_prefix('\u{2212}')) {
        (rest, true)
    } else {
        (cell, false)
    };
    let body = body.trim_start();
    let body = body.strip_suffix('%').map_or(body, str::trim_end);
    let (mark, group) = match decimal {
        DecimalMark::Comma => (',', '.'),
        DecimalMark::Point => ('.', ','),
    };
    let (int_part, frac_part) = body.split_once(mark).unwrap_or((body, ""));
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if !digits(frac_part) || (int_part.is_empty() && frac_part.is_empty()) {
        return None;
    }
    let mut ascii = String::with_capacity(body.len() + 2);
    if negative {
        ascii.push('-');
    }
    if int_part.contains(group) {
        // Thousands groups: 1–3 digits, then groups of exactly 3.
        for (i, part) in int_part.split(group).enumerate() {
            let ok = if i == 0 { (1..=3).contains(&part.len()) } else { part.len() == 3 };
            if !ok || !digits(part) {
                return None;
            }
            ascii.push_str(part);
        }
    } else {
        if !digits(int_part) {
            return None;
        }
        ascii.push_str(int_part);
    }
    if int_part.is_empty() {
        ascii.push('0');
    }
    if !frac_part.is_empty() {
        ascii.push('.');
        ascii.push_str(frac_part);
    }
    let x = ascii.parse::<f64>().ok().filter(|x| x.is_finite())?;
    // At most 15 significant digits, as a spreadsheet keeps ("94,249999999999986" is 94,25):
    // such a number's shortest JSON form reads back as the same f64 (serde_json's default
    // parser can be one unit in the last place off on 17 digits). A cell of 15 digits or fewer
    // already is one (the common case, and a quick one: no formatting).
    let significant = ascii.trim_start_matches(['-', '0', '.']).bytes().filter(u8::is_ascii_digit).count();
    if significant <= 15 {
        return Some(x);
    }
    format!("{x:.14e}").parse::<f64>().ok()
}

/// A cell read as a published rank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RankCell {
    /// Not published.
    NotPublished,
    /// A position from 1 (written `3`, or `=3` for a shared place).
    Rank(u32),
    /// Anything else (0, a fraction, text, beyond [`MAX_BLOCK_SIZE`]).
    Bad,
}

/// Read a published rank: a whole number from 1, optionally after `=` (a tie, "=3").
pub fn read_rank(cell: &str) -> RankCell {
    let cell = unguard(cell.trim());
    if is_not_published(cell) {
        return RankCell::NotPublished;
    }
    let body = cell.strip_prefix('=').map_or(cell, str::trim_start);
    if body.is_empty() || !body.chars().all(|c| c.is_ascii_digit()) {
        return RankCell::Bad;
    }
    match body.parse::<u32>() {
        Ok(rank) if (1..=MAX_BLOCK_SIZE).contains(&rank) => RankCell::Rank(rank),
        _ => RankCell::Bad,
    }
}

/// Read a year: `Some(Ok(year))` for a whole number from [`MIN_YEAR`] to [`MAX_YEAR`], `None`
/// for an empty (not published) cell, `Some(Err(BadCell))` otherwise.
pub fn read_year(cell: &str) -> Option<Result<i32, BadCell>> {
    let cell = cell.trim();
    if is_not_published(cell) {
        return None;
    }
    let year = cell.parse::<i32>().ok().filter(|y| (MIN_YEAR..=MAX_YEAR).contains(y));
    Some(year.ok_or(BadCell))
}

/// A cell that does not read as what its column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadCell;
