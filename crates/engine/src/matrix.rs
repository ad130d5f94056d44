//! [`BlockMatrix`]: one block in one year, laid out flat for fast what-ifs. Built once per
//! (group, year) and reused by every scenario, gain, interval, sensitivity and explain call, so
//! those never walk the dataset.
//!
//! Scores under other weights follow one rule everywhere ([`BlockMatrix::score_with`]):
//! `score = score_offset + composite(shares, values)`, where a unit's `score_offset` is its
//! baseline score minus the composite of its published components under the edition's weights.
//! The offset is the part of a published total that the formula does not explain (rounding of
//! the printed total, or the error of derived weights); carrying it keeps every published total
//! exact under the edition's own weights and makes a change of weights or components move a
//! score by exactly the composite change. It is 0 when the total was computed, and when the
//! edition has no weights (then scores under other weights are plain composites).

use thiserror::Error;

use crate::dataset::{Component, Dataset, GroupId, UnitId};
use crate::rank::{self, RankOrigin, ScoreOrigin};

/// Why a block could not be laid out.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum MatrixError {
    /// The dataset has no group with this id.
    #[error("there is no group '{}'", .0 .0)]
    UnknownGroup(GroupId),
    /// No unit of the group has a record in this year.
    #[error("group '{}' has no record in {year}", group.0)]
    NoRecords {
        /// The group.
        group: GroupId,
        /// The year asked for.
        year: i32,
    },
}

/// One unit of a [`BlockMatrix`]: its baseline (published or computed) facts.
#[derive(Debug, Clone, PartialEq)]
pub struct BlockUnit {
    /// The unit.
    pub id: UnitId,
    /// Published total, else the composite of published components under the edition's
    /// weights; `None` when neither is known.
    pub baseline_score: Option<f64>,
    /// Where `baseline_score` comes from.
    pub score_origin: Option<ScoreOrigin>,
    /// Published position (a printed rank, or "last" resolved with the block size).
    pub published_position: Option<u32>,
    /// The published position, else the computed competition rank when the block is complete.
    pub baseline_rank_1_based: Option<u32>,
    /// True when every component value was published.
    pub has_all_components: bool,
    /// `baseline_score − composite(edition shares, published components)` when all three are
    /// known, else 0 (see the module doc).
    pub score_offset: f64,
}

/// One block in one year: units in file order, component values as a flat row-major matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct BlockMatrix {
    group: GroupId,
    year: i32,
    higher_is_better: bool,
    scale_min: f64,
    scale_max: f64,
    components: Vec<Component>,
    edition_shares: Option<Vec<f64>>,
    unit_count: Option<u32>,
    complete: bool,
    units: Vec<BlockUnit>,
    /// `units.len() × components.len()` values, row by row; NaN where not published.
    values: Vec<f64>,
}

impl BlockMatrix {
    /// Lay out `group` in `year`: every unit with a record that year, in file order.
    pub fn new(ds: &Dataset, group: &GroupId, year: i32) -> Result<BlockMatrix, MatrixError> {
        let Some(g) = ds.group(group) else { return Err(MatrixError::UnknownGroup(group.clone())) };
        let block = rank::block_year(ds, g, year);
        if block.units.is_empty() {
            return Err(MatrixError::NoRecords { group: group.clone(), year });
        }
        let edition_shares = ds.edition(year).and_then(|e| e.weight_shares.clone());
        let n_components = ds.index.components.len();
        let mut values = Vec::with_capacity(block.units.len() * n_components);
        let mut units = Vec::with_capacity(block.units.len());
        for ((unit, scored), rank) in block.units.iter().zip(&block.scores).zip(&block.ranks) {
            let obs = unit.observations.get(&year);
            let row: Vec<Option<f64>> = obs.map_or_else(|| vec![None; n_components], |o| o.components.clone());
            values.extend(row.iter().map(|v| v.unwrap_or(f64::NAN)));
            let has_all_components = n_components > 0 && row.iter().all(Option::is_some);
            let baseline_score = scored.map(|(s, _)| s);
            let score_offset = match (baseline_score, edition_shares.as_deref(), obs) {
                (Some(score), Some(shares), Some(obs)) => {
                    crate::composite::observation_composite(&ds.index, shares, obs).map_or(0.0, |c| score - c)
                }
                _ => 0.0,
            };
            units.push(BlockUnit {
                id: unit.id.clone(),
                baseline_score,
                score_origin: scored.map(|(_, o)| o),
                published_position: rank.filter(|r| r.origin == RankOrigin::Published).map(|r| r.position),
                baseline_rank_1_based: rank.map(|r| r.position),
                has_all_components,
                score_offset,
            });
        }
        Ok(BlockMatrix {
            group: group.clone(),
            year,
            higher_is_better: ds.index.higher_is_better,
            scale_min: ds.index.scale_min,
            scale_max: ds.index.scale_max,
            components: ds.index.components.clone(),
            edition_shares,
            unit_count: block.unit_count,
            complete: block.complete,
            units,
            values,
        })
    }

    /// The group laid out.
    pub fn group(&self) -> &GroupId {
        &self.group
    }

    /// The year laid out.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// True when a higher score is better.
    pub fn higher_is_better(&self) -> bool {
        self.higher_is_better
    }

    /// Lowest possible total score.
    pub fn scale_min(&self) -> f64 {
        self.scale_min
    }

    /// Highest possible total score.
    pub fn scale_max(&self) -> f64 {
        self.scale_max
    }

    /// The index's components, in display order.
    pub fn components(&self) -> &[Component] {
        &self.components
    }

    /// Number of components.
    pub fn n_components(&self) -> usize {
        self.components.len()
    }

    /// The edition's weight shares for the year, when known.
    pub fn edition_shares(&self) -> Option<&[f64]> {
        self.edition_shares.as_deref()
    }

    /// Published block size, when known.
    pub fn unit_count(&self) -> Option<u32> {
        self.unit_count
    }

    /// True when every unit of the block (per the published block size) has a baseline score.
    pub fn is_complete(&self) -> bool {
        self.complete
    }

    /// Units with a record that year, in file order; a unit's index here is its `unit_idx`.
    pub fn units(&self) -> &[BlockUnit] {
        &self.units
    }

    /// Number of units with a record.
    pub fn n_units(&self) -> usize {
        self.units.len()
    }

    /// Index of a unit in [`BlockMatrix::units`].
    pub fn unit_idx(&self, id: &UnitId) -> Option<usize> {
        self.units.iter().position(|u| &u.id == id)
    }

    /// A unit's component values (NaN where not published).
    pub fn unit_values(&self, unit_idx: usize) -> Option<&[f64]> {
        let n = self.components.len();
        self.values.get(unit_idx * n..(unit_idx + 1) * n)
    }

    /// The whole matrix, row by row (`n_units × n_components`, NaN where not published).
    pub fn values_flat(&self) -> &[f64] {
        &self.values
    }

    /// Composite points per component point under `shares` (`scale_max × share_i / max_i`).
    pub fn points_per_component_point(&self, shares: &[f64]) -> Vec<f64> {
        self.components.iter().zip(shares).map(|(c, s)| self.scale_max * s / c.max).collect()
    }

    /// The score of unit `unit_idx` with component `values` under `shares`:
    /// `score_offset + scale_max × Σ share_i × value_i / max_i` (see the module doc).
    pub fn score_with(&self, unit_idx: usize, shares: &[f64], values: &[f64]) -> f64 {
        let offset = self.units.get(unit_idx).map_or(0.0, |u| u.score_offset);
        offset
            + self
                .components
                .iter()
                .zip(shares)
                .zip(values)
                .map(|((c, share), value)| self.scale_max * share * value / c.max)
                .sum::<f64>()
    }

    /// The "goodness" of a score: the score itself when higher is better, else its negation, so
    /// that a bigger key is always a better rank.
    pub(crate) fn key(&self, score: f64) -> f64 {
        if self.higher_is_better {
            score
        } else {
            -score
        }
    }
}
