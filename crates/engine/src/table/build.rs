//! A grid and its mapping -> a dataset in chiso's format, every record citing the reader's
//! source; problems located by line and column heading, warnings that do not block.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use super::mapping::{
    heading_words, read_number, read_rank, read_year, round_scale, unguard, Mapping, NumberCell, RankCell, Role,
};
use super::read::{Grid, GridRow};
use crate::dataset::{Dataset, LoadError, MAX_ID_CHARS};
use crate::rank::TIE_EPSILON;
use crate::schema::{
    RawComponent, RawDataset, RawEdition, RawGroup, RawGroupYear, RawIndex, RawObservation, RawRank, RawScale,
    RawSource, RawUnit, ScoreUnit, Text, UnitKind, WeightsStatus, SCHEMA_VERSION,
};
use crate::search::fold;
use crate::view_state::{MAX_YEAR, MIN_YEAR};

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
    /// The same name twice in one block and year (a warning: both rows are kept, as two units
    /// of the same name).
    DuplicateName {
        /// The line it first appears on.
        first_line: usize,
    },
    /// The built dataset broke a rule of the format (should not happen; the path is kept).
    Dataset(String),
    // Warnings (do not block).
    /// A score above the scale maximum the mapping gives: kept as written, and the dataset's
    /// scale is raised to fit it ([`super::mapping::round_scale`]), so the reader sees the
    /// ranking and the warning together.
    AboveScale {
        /// The scale maximum the mapping gave.
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
        !matches!(
            self,
            IssueKind::AboveScale { .. } | IssueKind::RankDisagrees { .. } | IssueKind::DuplicateName { .. }
        )
    }
}

/// Build the dataset. Cells reading as not published ("", "–", "-", "—", "n/a", "na", "x",
/// "chưa công bố", "không có"… any case, with or without diacritics) are `None`, never 0.
/// Units match across years by their folded name within a block; ids are ASCII slugs of the
/// name, unique in the dataset. The kind comes from the kind column, else from the name's first
/// word ("Sở", "Quận", "Huyện", "Thị xã", "Tỉnh", "Thành phố", "Bộ"), else `khac`.
///
/// More rules, for the reader's table as the dataset format needs it:
/// - An empty group or year cell repeats the row above (merged cells); the first rows without
///   one get the group "all" ("Tất cả") and [`Mapping::year`].
/// - A negative score is [`IssueKind::OutOfRange`] (blocking). A score above its scale maximum
///   is kept with an [`IssueKind::AboveScale`] warning, and the dataset's scale (total or
///   components) is raised to the round number that fits the largest value, since the format
///   rejects values above the maximum; the reader may still set the scale in the mapping.
/// - The same name twice in a block and year is an [`IssueKind::DuplicateName`] warning: both
///   rows stay, as two units of that name (the second with its own id).
/// - Weights are all-or-nothing: when any component has one, every component needs one
///   ([`IssueKind::BadWeights`] otherwise). Given weights make editions with
///   `weights_status: official`; without any, equal weights (`100 / n` each) with `derived`
///   (they were not published). Either way the edition has `weights_pct`, which is what makes
///   the engine compute a total from the components when a row has no total
///   ([`crate::composite::observation_score`]).
/// - Each block and year gets a `unit_count`: the units listed, or the largest published rank
///   when that is more. So a block whose every unit has a score is complete and the engine
///   ranks it; a table of ranks 11 to 20 is a part of a larger block.
/// - A published rank the scores contradict is [`IssueKind::RankDisagrees`], with
///   `by_scores` = 1 + the units of the block and year with a strictly higher score: a rank
///   better than that, or better than the rank of a unit with a strictly higher score (sound
///   even when the table is part of a block); in a complete block (every unit scored, no rank
///   past the units listed) any rank other than `by_scores`.
/// - Problems are collected from the whole table, at most [`MAX_ISSUES`] of them.
pub fn build(grid: &Grid, mapping: &Mapping) -> Result<Built, Vec<TableIssue>> {
    let cols = columns(mapping)?;
    let mut acc = Accumulator::default();
    let start = mapping.header_row.map_or(0, |h| h.saturating_add(1));
    for row in grid.rows.iter().skip(start) {
        acc.row(row, mapping, &cols);
    }
    if acc.units.is_empty() && acc.problems.is_empty() {
        acc.problem(TableIssue { line: None, column: None, value: None, kind: IssueKind::NoRows });
    }
    if !acc.problems.is_empty() {
        return Err(acc.problems);
    }
    // Scores above the mapping's scales are kept: the dataset's scales grow to fit them.
    let mut effective = mapping.clone();
    if acc.max_total > mapping.scale_max {
        effective.scale_max = round_scale(acc.max_total);
    }
    if acc.max_component > mapping.component_max {
        effective.component_max = round_scale(acc.max_component);
    }
    let mapping = &effective;
    let raw = acc.dataset(mapping, &cols);
    let mut warnings = std::mem::take(&mut acc.warnings);
    warnings.extend(rank_warnings(&acc, mapping, &cols));
    warnings.truncate(MAX_ISSUES);
    if let Err(error) = Dataset::from_raw(raw.clone()) {
        let problems = match error {
            LoadError::Invalid(problems) => {
                problems.into_iter().take(MAX_ISSUES).map(|p| p.to_string()).collect::<Vec<_>>()
            }
            other => vec![other.to_string()],
        };
        return Err(problems
            .into_iter()
            .map(|text| TableIssue { line: None, column: None, value: None, kind: IssueKind::Dataset(text) })
            .collect());
    }
    let n_rows = acc.units.iter().map(|u| u.observations.len()).sum();
    Ok(Built { raw, warnings, n_rows })
}

/// The most problems (and the most warnings) reported for one table.
pub const MAX_ISSUES: usize = 100;

/// The group id of a table without a group column.
pub const DEFAULT_GROUP_ID: &str = "all";

/// The columns by role, checked.
struct Columns {
    name: usize,
    total: Option<usize>,
    rank: Option<usize>,
    group: Option<usize>,
    year: Option<usize>,
    kind: Option<usize>,
    /// Component columns, in table order.
    components: Vec<usize>,
    /// Weights in percent (or shares), one per component; equal when none were given.
    weights: Vec<f64>,
    /// True when the reader gave the weights.
    weights_given: bool,
}

fn header_of(mapping: &Mapping, c: usize) -> (usize, String) {
    (c, mapping.columns.get(c).map(|col| col.header.clone()).unwrap_or_default())
}

fn issue(kind: IssueKind) -> TableIssue {
    TableIssue { line: None, column: None, value: None, kind }
}

/// The mapping's columns by role, or what is wrong with it (every problem, not the first).
fn columns(mapping: &Mapping) -> Result<Columns, Vec<TableIssue>> {
    let mut problems = Vec::new();
    let (mut name, mut total, mut rank, mut group, mut year, mut kind) = (None, None, None, None, None, None);
    let mut components = Vec::new();
    for (c, col) in mapping.columns.iter().enumerate() {
        let slot = match col.role {
            Role::Name => &mut name,
            Role::Total => &mut total,
            Role::Rank => &mut rank,
            Role::Group => &mut group,
            Role::Year => &mut year,
            Role::Kind => &mut kind,
            Role::Component => {
                components.push(c);
                continue;
            }
            Role::Ignore => continue,
        };
        if slot.is_some() {
            problems.push(TableIssue { column: Some(header_of(mapping, c)), ..issue(IssueKind::SeveralColumns) });
        } else {
            *slot = Some(c);
        }
    }
    if name.is_none() {
        problems.push(issue(IssueKind::NoNameColumn));
    }
    if total.is_none() && components.is_empty() {
        problems.push(issue(IssueKind::NoScoreColumn));
    }
    let given: Vec<Option<f64>> =
        components.iter().map(|&c| mapping.columns.get(c).and_then(|col| col.weight)).collect();
    let weights_given = given.iter().any(Option::is_some);
    let mut weights = Vec::new();
    if weights_given {
        for (&c, w) in components.iter().zip(&given) {
            match w {
                Some(w) if w.is_finite() && *w >= 0.0 => weights.push(*w),
                _ => problems.push(TableIssue {
                    column: Some(header_of(mapping, c)),
                    value: w.map(|w| w.to_string()),
                    ..issue(IssueKind::BadWeights)
                }),
            }
        }
        if weights.len() == components.len() && weights.iter().sum::<f64>() <= 0.0 {
            problems.push(issue(IssueKind::BadWeights));
        }
    } else {
        // 100 / n to 10 decimals: adds up to 100 within the format's 1e-6 and writes as a short
        // JSON number that reads back exactly (100 / 27 in full does not).
        let n = components.len().max(1) as f64;
        weights = vec![(100.0 / n * 1e10).round() / 1e10; components.len()];
    }
    let bad_scale = |max: f64| !(max.is_finite() && max > 0.0);
    if bad_scale(mapping.scale_max) {
        problems.push(TableIssue { value: Some(mapping.scale_max.to_string()), ..issue(IssueKind::OutOfRange) });
    }
    if !components.is_empty() && bad_scale(mapping.component_max) {
        problems.push(TableIssue { value: Some(mapping.component_max.to_string()), ..issue(IssueKind::OutOfRange) });
    }
    match name {
        Some(name) if problems.is_empty() => {
            Ok(Columns { name, total, rank, group, year, kind, components, weights, weights_given })
        }
        _ => Err(problems),
    }
}

/// One unit as read so far.
struct UnitAcc {
    name: String,
    kind: UnitKind,
    /// By year: the record and the line it was read from.
    observations: BTreeMap<i32, Record>,
}

/// One row's numbers.
struct Record {
    line: usize,
    score: Option<f64>,
    rank: Option<u32>,
    /// The rank cell as written (for warnings).
    rank_text: String,
    /// By component column, in [`Columns::components`] order.
    components: Vec<Option<f64>>,
}

struct GroupAcc {
    name: Option<String>,
    units: Vec<usize>,
}

#[derive(Default)]
struct Accumulator {
    groups: Vec<GroupAcc>,
    /// Folded group name (`None`: the default group) -> index into `groups`.
    group_index: HashMap<Option<String>, usize>,
    units: Vec<UnitAcc>,
    /// (group, folded name) -> index into `units`.
    unit_index: HashMap<(usize, String), usize>,
    problems: Vec<TableIssue>,
    /// Warnings met while reading rows (above-scale scores, duplicate names).
    warnings: Vec<TableIssue>,
    /// The largest total and component read (scales grow to fit them).
    max_total: f64,
    max_component: f64,
    last_group: Option<String>,
    last_year: Option<i32>,
    default_year_checked: bool,
}

impl Accumulator {
    fn problem(&mut self, issue: TableIssue) {
        if self.problems.len() < MAX_ISSUES {
            self.problems.push(issue);
        }
    }

    fn cell_problem(&mut self, mapping: &Mapping, line: usize, c: usize, value: &str, kind: IssueKind) {
        self.problem(TableIssue {
            line: Some(line),
            column: Some(header_of(mapping, c)),
            value: Some(value.to_owned()),
            kind,
        });
    }

    fn cell_warning(&mut self, mapping: &Mapping, line: usize, c: usize, value: &str, kind: IssueKind) {
        if self.warnings.len() < MAX_ISSUES {
            self.warnings.push(TableIssue {
                line: Some(line),
                column: Some(header_of(mapping, c)),
                value: Some(value.to_owned()),
                kind,
            });
        }
    }

    /// A score cell: `None` when not published or wrong (the problem is recorded). A score
    /// above `max` is kept, with a warning; `total` says which scale it counts towards.
    fn score(&mut self, mapping: &Mapping, line: usize, c: usize, cell: &str, total: bool) -> (Option<f64>, bool) {
        let max = if total { mapping.scale_max } else { mapping.component_max };
        match read_number(cell, mapping.decimal) {
            NumberCell::NotPublished => (None, false),
            NumberCell::NotANumber => {
                self.cell_problem(mapping, line, c, cell, IssueKind::NotANumber);
                (None, true)
            }
            NumberCell::Number(x) if x < 0.0 => {
                self.cell_problem(mapping, line, c, cell, IssueKind::OutOfRange);
                (None, true)
            }
            NumberCell::Number(x) => {
                if x > max {
                    self.cell_warning(mapping, line, c, cell, IssueKind::AboveScale { max });
                }
                let seen = if total { &mut self.max_total } else { &mut self.max_component };
                *seen = seen.max(x);
                (Some(x), true)
            }
        }
    }

    fn row(&mut self, row: &GridRow, mapping: &Mapping, cols: &Columns) {
        let line = row.line;
        let cell = |c: usize| row.cells.get(c).map(String::as_str).unwrap_or_default();
        let name = unguard(cell(cols.name)).split_whitespace().collect::<Vec<_>>().join(" ");
        let mut has_values = false;
        let mut score = None;
        if let Some(c) = cols.total {
            let (value, written) = self.score(mapping, line, c, cell(c), true);
            score = value;
            has_values |= written;
        }
        let mut components = Vec::with_capacity(cols.components.len());
        for &c in &cols.components {
            let (value, written) = self.score(mapping, line, c, cell(c), false);
            components.push(value);
            has_values |= written;
        }
        let mut rank = None;
        if let Some(c) = cols.rank {
            match read_rank(cell(c)) {
                RankCell::NotPublished => {}
                RankCell::Rank(r) => {
                    rank = Some(r);
                    has_values = true;
                }
                RankCell::Bad => {
                    self.cell_problem(mapping, line, c, cell(c), IssueKind::BadRank);
                    has_values = true;
                }
            }
        }
        if name.is_empty() {
            // A row of nothing but a group or a year label, or blanks, is not a unit.
            if has_values {
                self.problem(TableIssue {
                    line: Some(line),
                    column: Some(header_of(mapping, cols.name)),
                    value: None,
                    kind: IssueKind::EmptyName,
                });
            }
            return;
        }
        let group_text = cols.group.map(|c| unguard(cell(c)).split_whitespace().collect::<Vec<_>>().join(" "));
        let group_name = match group_text {
            Some(text) if !text.is_empty() => {
                self.last_group = Some(text.clone());
                Some(text)
            }
            _ => self.last_group.clone(),
        };
        let year = match cols.year.map(|c| (c, read_year(cell(c)))) {
            Some((_, Some(Ok(year)))) => {
                self.last_year = Some(year);
                year
            }
            Some((c, Some(Err(_)))) => {
                self.cell_problem(mapping, line, c, cell(c), IssueKind::BadYear);
                return;
            }
            _ => match self.last_year {
                Some(year) => year,
                None => {
                    if !(MIN_YEAR..=MAX_YEAR).contains(&mapping.year) {
                        if !self.default_year_checked {
                            self.problem(TableIssue {
                                value: Some(mapping.year.to_string()),
                                ..issue(IssueKind::BadYear)
                            });
                        }
                        self.default_year_checked = true;
                        return;
                    }
                    mapping.year
                }
            },
        };
        let kind_cell = cols.kind.map(cell).filter(|text| !text.trim().is_empty());
        let kind = kind_cell.map_or_else(|| kind_from_name(&name), kind_from_text);

        let group_key = group_name.as_deref().map(fold);
        let group = match self.group_index.get(&group_key) {
            Some(&g) => g,
            None => {
                self.groups.push(GroupAcc { name: group_name, units: Vec::new() });
                let g = self.groups.len() - 1;
                self.group_index.insert(group_key, g);
                g
            }
        };
        let mut unit_key = (group, fold(&name));
        let earlier =
            self.unit_index.get(&unit_key).and_then(|&u| self.units.get(u)).and_then(|u| u.observations.get(&year));
        if let Some(first_line) = earlier.map(|r| r.line) {
            // The same name again in this block and year: kept as another unit of that name.
            self.cell_warning(mapping, line, cols.name, &name, IssueKind::DuplicateName { first_line });
            unit_key.1 = format!("{}\u{0}{line}", unit_key.1);
        }
        let unit = match self.unit_index.get(&unit_key) {
            Some(&u) => u,
            None => {
                self.units.push(UnitAcc { name, kind, observations: BTreeMap::new() });
                let u = self.units.len() - 1;
                self.unit_index.insert(unit_key, u);
                if let Some(g) = self.groups.get_mut(group) {
                    g.units.push(u);
                }
                u
            }
        };
        let rank_text = cols.rank.map(|c| cell(c).to_owned()).unwrap_or_default();
        if let Some(u) = self.units.get_mut(unit) {
            if u.kind == UnitKind::Khac {
                u.kind = kind;
            }
            u.observations.insert(year, Record { line, score, rank, rank_text, components });
        }
    }

    fn dataset(&self, mapping: &Mapping, cols: &Columns) -> RawDataset {
        let own = || OWN_SOURCE_ID.to_owned();
        let text = |vi: &str, en: &str| Text { vi: vi.to_owned(), en: Some(en.to_owned()) };
        let given = |s: &str| Text { vi: s.trim().to_owned(), en: None };
        let title = mapping.title.trim();
        let source = mapping.source.trim();
        let name = if title.is_empty() { text("Bảng của bạn", "Your table") } else { given(title) };
        let publisher = if source.is_empty() { text("Người dùng", "User") } else { given(source) };

        let mut component_ids = HashSet::new();
        let components: Vec<RawComponent> = cols
            .components
            .iter()
            .enumerate()
            .map(|(k, &c)| {
                let header = mapping.columns.get(c).map(|col| col.header.trim()).unwrap_or_default();
                let n = k + 1;
                let id = unique_id(&short_slug(header, COMPONENT_ID_CHARS), || format!("c{n}"), &mut component_ids);
                let name = if header.is_empty() {
                    Text { vi: format!("Thành phần {n}"), en: Some(format!("Component {n}")) }
                } else {
                    given(header)
                };
                RawComponent { id, name, min: 0.0, max: mapping.component_max }
            })
            .collect();

        let years: BTreeSet<i32> = self.units.iter().flat_map(|u| u.observations.keys().copied()).collect();
        let weights_pct: BTreeMap<String, f64> =
            components.iter().zip(&cols.weights).map(|(c, &w)| (c.id.clone(), w)).collect();
        let weights_status = match (components.is_empty(), cols.weights_given) {
            (true, _) => None,
            (false, true) => Some(WeightsStatus::Official),
            (false, false) => Some(WeightsStatus::Derived),
        };
        let editions = years
            .iter()
            .map(|&year| RawEdition {
                year,
                weights_pct: weights_pct.clone(),
                weights_status,
                // Equal weights were not given by anyone: the page says so, as it does for
                // PCI 2023's derived weights.
                note: (weights_status == Some(WeightsStatus::Derived)).then(|| {
                    text(
                        "Trọng số bằng nhau: bảng không nêu trọng số của các thành phần.",
                        "Equal weights: the table gives no weights for its components.",
                    )
                }),
                sources: if components.is_empty() { Vec::new() } else { vec![own()] },
                comparability: None,
            })
            .collect();

        let mut group_ids = HashSet::new();
        let mut unit_ids = HashSet::new();
        let mut n_units = 0usize;
        let groups = self
            .groups
            .iter()
            .enumerate()
            .map(|(gi, g)| {
                let (id, name) = match &g.name {
                    Some(name) => {
                        let n = gi + 1;
                        (unique_id(&slug(name), || format!("group-{n}"), &mut group_ids), given(name))
                    }
                    None => (unique_id(DEFAULT_GROUP_ID, String::new, &mut group_ids), text("Tất cả", "All")),
                };
                let units = g
                    .units
                    .iter()
                    .filter_map(|&u| self.units.get(u))
                    .map(|u| {
                        n_units += 1;
                        let n = n_units;
                        let observations = u
                            .observations
                            .iter()
                            .map(|(&year, r)| RawObservation {
                                year,
                                score: r.score,
                                rank: r.rank.map(RawRank::Position),
                                components: components
                                    .iter()
                                    .zip(&r.components)
                                    .filter_map(|(c, v)| Some((c.id.clone(), (*v)?)))
                                    .collect(),
                                source: own(),
                                other_sources: Vec::new(),
                                note: None,
                            })
                            .collect();
                        RawUnit {
                            id: unique_id(&slug(&u.name), || format!("unit-{n}"), &mut unit_ids),
                            name: u.name.clone(),
                            name_en: None,
                            kind: u.kind,
                            observations,
                        }
                    })
                    .collect();
                RawGroup { id, name, roster_note: None, years: self.group_years(g), units }
            })
            .collect();

        RawDataset {
            schema_version: SCHEMA_VERSION,
            id: OWN_DATASET_ID.to_owned(),
            index: RawIndex {
                short_name: name.clone(),
                name,
                publisher,
                scale: RawScale { min: 0.0, max: mapping.scale_max, unit: ScoreUnit::Points },
                higher_is_better: true,
                components,
            },
            sources: vec![RawSource {
                id: own(),
                title: if source.is_empty() { "Bảng do người dùng nhập".to_owned() } else { source.to_owned() },
                publisher: "Người dùng".to_owned(),
                date: None,
                url: None,
            }],
            notes: vec![text(
                "Bảng do người dùng đưa vào chiso; chiso không đối chiếu số liệu với văn bản công bố.",
                "A table a reader brought to chiso; chiso has not checked its figures against a publication.",
            )],
            editions,
            groups,
        }
    }
}

impl Accumulator {
    /// The records of a group in a year, in unit order.
    fn records(&self, group: &GroupAcc, year: i32) -> Vec<&Record> {
        group.units.iter().filter_map(|&u| self.units.get(u)?.observations.get(&year)).collect()
    }

    /// Every year with a record in `group`.
    fn years(&self, group: &GroupAcc) -> BTreeSet<i32> {
        group.units.iter().filter_map(|&u| self.units.get(u)).flat_map(|u| u.observations.keys().copied()).collect()
    }

    /// The block size of each year: the units listed, or the largest published rank when that
    /// is more (a table of the units ranked 11th to 20th is part of a block of at least 20).
    fn group_years(&self, group: &GroupAcc) -> Vec<RawGroupYear> {
        self.years(group)
            .into_iter()
            .map(|year| {
                let records = self.records(group, year);
                let n_listed = u32::try_from(records.len()).unwrap_or(u32::MAX);
                let max_rank = records.iter().filter_map(|r| r.rank).max().unwrap_or(0);
                RawGroupYear {
                    year,
                    unit_count: Some(n_listed.max(max_rank)),
                    unit_count_source: Some(OWN_SOURCE_ID.to_owned()),
                    mean: None,
                    mean_change: None,
                    stats_source: None,
                }
            })
            .collect()
    }
}

/// A record's score as the engine works it out: the total, else the composite of every
/// component under the weights ([`crate::composite`]: `scale_max × Σ share × value / max`).
fn record_score(record: &Record, mapping: &Mapping, cols: &Columns) -> Option<f64> {
    if record.score.is_some() {
        return record.score;
    }
    let total_weight: f64 = cols.weights.iter().sum();
    if record.components.is_empty() || total_weight <= 0.0 {
        return None;
    }
    let mut sum = 0.0;
    for (value, weight) in record.components.iter().zip(&cols.weights) {
        sum += mapping.scale_max * (weight / total_weight) * (*value)? / mapping.component_max;
    }
    Some(sum)
}

/// [`IssueKind::RankDisagrees`] for every published rank the scores contradict (see
/// [`build`]), in line order.
fn rank_warnings(acc: &Accumulator, mapping: &Mapping, cols: &Columns) -> Vec<TableIssue> {
    let Some(rank_col) = cols.rank else { return Vec::new() };
    let mut warnings = Vec::new();
    for group in &acc.groups {
        for year in acc.years(group) {
            let records = acc.records(group, year);
            let scores: Vec<Option<f64>> = records.iter().map(|r| record_score(r, mapping, cols)).collect();
            // The whole block is listed and scored (the engine then computes its ranks).
            let n_listed = u32::try_from(records.len()).unwrap_or(u32::MAX);
            let complete = scores.iter().all(Option::is_some) && records.iter().all(|r| r.rank <= Some(n_listed));
            let mut descending: Vec<f64> = scores.iter().flatten().copied().collect();
            descending.sort_by(|a, b| b.total_cmp(a));
            let ranked_above_better = ranked_above_a_better_score(&records, &scores);
            for ((record, score), above_better) in records.iter().zip(&scores).zip(ranked_above_better) {
                let (Some(rank), Some(score)) = (record.rank, *score) else { continue };
                let n_better = descending.partition_point(|&other| other > score + TIE_EPSILON);
                let by_scores = u32::try_from(n_better + 1).unwrap_or(u32::MAX);
                if rank < by_scores || above_better || (complete && rank != by_scores) {
                    warnings.push(TableIssue {
                        line: Some(record.line),
                        column: Some(header_of(mapping, rank_col)),
                        value: Some(record.rank_text.clone()),
                        kind: IssueKind::RankDisagrees { by_scores },
                    });
                }
            }
        }
    }
    warnings.sort_by_key(|w| w.line);
    warnings.truncate(MAX_ISSUES);
    warnings
}

/// Per record: true when it is ranked strictly better than a record with a strictly higher
/// score. Sound even when the table lists only part of the block. Sorted once, so large blocks
/// stay fast.
fn ranked_above_a_better_score(records: &[&Record], scores: &[Option<f64>]) -> Vec<bool> {
    let mut flagged = vec![false; records.len()];
    let mut by_rank: Vec<(u32, f64, usize)> =
        records.iter().zip(scores).enumerate().filter_map(|(i, (r, s))| Some((r.rank?, (*s)?, i))).collect();
    // Worst rank first; the best score among strictly worse ranks is carried along.
    by_rank.sort_by_key(|&(rank, ..)| std::cmp::Reverse(rank));
    let mut best_worse = f64::NEG_INFINITY;
    for same_rank in by_rank.chunk_by(|a, b| a.0 == b.0) {
        for &(_, score, i) in same_rank {
            if best_worse > score + TIE_EPSILON {
                if let Some(flag) = flagged.get_mut(i) {
                    *flag = true;
                }
            }
        }
        best_worse = same_rank.iter().map(|&(_, s, _)| s).fold(best_worse, f64::max);
    }
    flagged
}

/// An id from a text: folded to ASCII ([`fold`]), every run of other characters a `-`, no `-`
/// at either end, at most [`MAX_ID_CHARS`] characters. Empty when the text has no letter or
/// digit.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.truncate(MAX_ID_CHARS);
    out.trim_end_matches('-').to_owned()
}

/// The longest component id made from a heading. Component ids are keys repeated in every
/// record, so long headings would make the link carrying the dataset much longer; the heading
/// itself stays the component's name.
pub const COMPONENT_ID_CHARS: usize = 24;

/// [`slug`] cut to at most `max_chars` characters (no `-` at the end).
fn short_slug(text: &str, max_chars: usize) -> String {
    let mut id = slug(text);
    id.truncate(max_chars);
    id.trim_end_matches('-').to_owned()
}

/// `base` if unused, else `base-2`, `base-3`… (cut to fit [`MAX_ID_CHARS`]); `fallback()` when
/// `base` is empty. Records the id as used.
fn unique_id(base: &str, fallback: impl Fn() -> String, used: &mut HashSet<String>) -> String {
    let base = if base.is_empty() { fallback() } else { base.to_owned() };
    let mut id = base.clone();
    let mut n = 1usize;
    while used.contains(&id) {
        n += 1;
        let suffix = format!("-{n}");
        let mut stem = base.clone();
        stem.truncate(MAX_ID_CHARS.saturating_sub(suffix.len()));
        id = format!("{}{suffix}", stem.trim_end_matches('-'));
    }
    used.insert(id.clone());
    id
}

/// Kind words and the kind they name, matched against the first folded words of a kind cell.
/// Longer phrases come first; the UI's own names of the kinds (Vietnamese and English) are here,
/// so an exported table reads back.
const KIND_WORDS: &[(&str, UnitKind)] = &[
    ("co quan tuong duong so", UnitKind::CoQuanTuongDuongSo),
    ("department level agency", UnitKind::CoQuanTuongDuongSo),
    ("co quan trung uong", UnitKind::CoQuanTrungUong),
    ("central agency", UnitKind::CoQuanTrungUong),
    ("thanh pho truc thuoc", UnitKind::ThanhPhoTrucThuocTw),
    ("centrally run city", UnitKind::ThanhPhoTrucThuocTw),
    ("thi xa", UnitKind::ThiXa),
    ("town", UnitKind::ThiXa),
    ("thanh pho", UnitKind::ThanhPhoTrucThuocTw),
    ("so", UnitKind::So),
    ("department", UnitKind::So),
    ("quan", UnitKind::Quan),
    ("urban district", UnitKind::Quan),
    ("huyen", UnitKind::Huyen),
    ("rural district", UnitKind::Huyen),
    ("tinh", UnitKind::Tinh),
    ("province", UnitKind::Tinh),
    ("bo", UnitKind::Bo),
    ("ministry", UnitKind::Bo),
];

/// The kind a kind cell names: a kind code (`thi_xa`), else by [`KIND_WORDS`], else `khac`.
pub fn kind_from_text(text: &str) -> UnitKind {
    if let Some(kind) = UnitKind::from_code(text.trim()) {
        return kind;
    }
    let words = heading_words(text);
    KIND_WORDS
        .iter()
        .find(|(phrase, _)| {
            let phrase: Vec<&str> = phrase.split(' ').collect();
            words.len() >= phrase.len() && words.iter().zip(&phrase).all(|(a, b)| a == b)
        })
        .map_or(UnitKind::Khac, |&(_, kind)| kind)
}

/// Name prefixes and the kind they give ("Sở Tư pháp", "Quận Đống Đa", "Thị xã Sơn Tây").
const KIND_PREFIXES: &[(&str, UnitKind)] = &[
    ("sở", UnitKind::So),
    ("quận", UnitKind::Quan),
    ("huyện", UnitKind::Huyen),
    ("thị xã", UnitKind::ThiXa),
    ("tỉnh", UnitKind::Tinh),
    ("thành phố", UnitKind::ThanhPhoTrucThuocTw),
    ("bộ", UnitKind::Bo),
];

/// The kind a name's first words give, else `khac`. With diacritics the words must match as
/// written (lower-cased), so "Bố Trạch" is not a ministry; a name typed without any diacritics
/// is matched folded ("So Tu phap").
pub fn kind_from_name(name: &str) -> UnitKind {
    let lowered = name.to_lowercase();
    let plain = name.is_ascii();
    let words: Vec<&str> = lowered.split_whitespace().collect();
    // Compared word by word without building the prefixes' words (this runs once per row).
    KIND_PREFIXES
        .iter()
        .find(|(prefix, _)| {
            words.len() > prefix.split(' ').count()
                && prefix.split(' ').zip(&words).all(|(p, w)| if plain { fold(p) == *w } else { p == *w })
        })
        .map_or(UnitKind::Khac, |&(_, kind)| kind)
}
