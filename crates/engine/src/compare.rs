//! Year against year: each unit's score and rank in a base year and a later year, and the
//! biggest climbers and fallers — only where both years' figures are known.

use crate::comparability::{compare_years, YearsCompare};
use crate::dataset::{Dataset, GroupId, UnitId};
use crate::rank::rank_group;

/// One unit in both years.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareRow {
    /// The unit.
    pub unit_id: UnitId,
    /// Vietnamese name.
    pub name: String,
    /// Score in the base year, if known.
    pub from_score: Option<f64>,
    /// Score in the later year, if known.
    pub to_score: Option<f64>,
    /// Rank position in the base year, if known.
    pub from_rank: Option<u32>,
    /// Rank position in the later year, if known.
    pub to_rank: Option<u32>,
    /// `to_score - from_score`, when both are known.
    pub score_change: Option<f64>,
    /// Places gained (positive = moved up), when both ranks are known.
    pub rank_change: Option<i64>,
}

/// The comparison of a group between two years.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Base year.
    pub from: i32,
    /// Later year.
    pub to: i32,
    /// Units present in both years, by later rank (unranked last), then name.
    pub rows: Vec<CompareRow>,
    /// Whether the two years compare (`crate::comparability`): when they do not, every change
    /// is `None` and there are no climbers or fallers.
    pub years: YearsCompare,
}

impl Comparison {
    /// Units that gained places, most places first (ties by later rank).
    pub fn climbers(&self, n: usize) -> Vec<&CompareRow> {
        let mut up: Vec<&CompareRow> = self.rows.iter().filter(|r| r.rank_change.is_some_and(|d| d > 0)).collect();
        up.sort_by(|a, b| b.rank_change.cmp(&a.rank_change).then(a.to_rank.cmp(&b.to_rank)));
        up.truncate(n);
        up
    }

    /// Units that lost places, most places first (ties by later rank).
    pub fn fallers(&self, n: usize) -> Vec<&CompareRow> {
        let mut down: Vec<&CompareRow> = self.rows.iter().filter(|r| r.rank_change.is_some_and(|d| d < 0)).collect();
        down.sort_by(|a, b| a.rank_change.cmp(&b.rank_change).then(a.to_rank.cmp(&b.to_rank)));
        down.truncate(n);
        down
    }

    /// Rows where both ranks are known (what a slope chart can draw).
    pub fn ranked_both(&self) -> impl Iterator<Item = &CompareRow> {
        self.rows.iter().filter(|r| r.from_rank.is_some() && r.to_rank.is_some())
    }

    /// The slope chart's lines (none when the years do not compare): every unit ranked in both
    /// years, in row order; each labelled
    /// when there are at most [`LABEL_ALL_UP_TO`] lines, else only the [`N_MOVERS_LABELLED`]
    /// biggest climbers and fallers.
    pub fn slope_lines(&self) -> Vec<SlopeLine<'_>> {
        // Years that do not compare get no lines: a line is a change.
        if !self.years.draws_change() {
            return Vec::new();
        }
        let movers: Vec<&UnitId> = self
            .climbers(N_MOVERS_LABELLED)
            .into_iter()
            .chain(self.fallers(N_MOVERS_LABELLED))
            .map(|r| &r.unit_id)
            .collect();
        let label_all = self.ranked_both().count() <= LABEL_ALL_UP_TO;
        self.rows
            .iter()
            .filter_map(|row| {
                let (from_rank, to_rank) = (row.from_rank?, row.to_rank?);
                let labelled = label_all || movers.contains(&&row.unit_id);
                Some(SlopeLine { row, from_rank, to_rank, labelled })
            })
            .collect()
    }

    /// Rank positions the slope chart's axis spans: the block size in the later year, or the
    /// largest rank drawn if that is larger (or the size unknown); at least 1.
    pub fn n_positions(&self, unit_count: Option<u32>) -> u32 {
        let max_rank = self.ranked_both().filter_map(|r| r.from_rank.max(r.to_rank)).max().unwrap_or(1);
        unit_count.unwrap_or(0).max(max_rank)
    }
}

/// Slope charts label every line up to this many lines.
pub const LABEL_ALL_UP_TO: usize = 12;

/// Past [`LABEL_ALL_UP_TO`] lines, this many climbers and this many fallers are labelled.
pub const N_MOVERS_LABELLED: usize = 3;

/// One line of the slope chart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SlopeLine<'a> {
    /// The unit's row.
    pub row: &'a CompareRow,
    /// Rank in the base year.
    pub from_rank: u32,
    /// Rank in the later year.
    pub to_rank: u32,
    /// True when the line carries its name.
    pub labelled: bool,
}

/// Compare a group's ranking in `from` with `to`. `None` when either year has no ranking.
pub fn compare(ds: &Dataset, group: &GroupId, from: i32, to: i32) -> Option<Comparison> {
    let before = rank_group(ds, group, from)?;
    let after = rank_group(ds, group, to)?;
    let years = compare_years(ds, from, to);
    let draw = years.draws_change();
    let mut rows: Vec<CompareRow> = after
        .rows
        .iter()
        .filter_map(|a| {
            let b = before.rows.iter().find(|b| b.unit_id == a.unit_id)?;
            let from_rank = b.rank.map(|r| r.position);
            let to_rank = a.rank.map(|r| r.position);
            Some(CompareRow {
                unit_id: a.unit_id.clone(),
                name: a.name.clone(),
                from_score: b.score,
                to_score: a.score,
                from_rank,
                to_rank,
                score_change: a.score.zip(b.score).map(|(x, y)| x - y).filter(|_| draw),
                rank_change: from_rank.zip(to_rank).map(|(f, t)| i64::from(f) - i64::from(t)).filter(|_| draw),
            })
        })
        .collect();
    // By later rank, then the accent-free name order (as every list of the engine).
    let name_order = |r: &CompareRow| ds.unit(&r.unit_id).map_or(u32::MAX, |u| u.name_order);
    rows.sort_by(|a, b| {
        let key = |r: &CompareRow| r.to_rank.unwrap_or(u32::MAX);
        key(a).cmp(&key(b)).then(name_order(a).cmp(&name_order(b))).then(a.unit_id.cmp(&b.unit_id))
    });
    Some(Comparison { from, to, rows, years })
}
