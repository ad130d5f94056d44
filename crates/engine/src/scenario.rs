//! What-if scenarios: other weights and overridden scores or components -> a rescored ranking.
//!
//! A [`Scenario`] names a block and year, a [`WeightChoice`] and per-unit [`Override`]s;
//! [`evaluate`] rescores the block laid out in a [`BlockMatrix`] (build it once, evaluate many
//! times: one evaluation of a 63 × 10 block takes about 10 µs natively).
//!
//! Scores in a scenario, per unit:
//! - `Override::Total(t)`: `t`.
//! - `Override::Components(..)`: the given components (the published ones where `None`) scored
//!   with [`BlockMatrix::score_with`] under the scenario's weights; every component must then be
//!   known.
//! - no override, weights other than the edition's, every component published: rescored with
//!   [`BlockMatrix::score_with`] (`score_offset + composite`).
//! - otherwise the baseline score (published, or computed under the edition's weights). A unit
//!   without components keeps its total under any weights, since nothing says how it would move.
//!
//! Ranks are competition ranks of the new scores when every unit of the block has one (the
//! published block size is known and matched); a scenario that changes nothing keeps the
//! baseline ranks (published, else computed) exactly; otherwise ranks are `None` — for a
//! partially published block ask [`crate::interval`] instead of guessing.

use std::collections::BTreeMap;

use thiserror::Error;

use crate::dataset::{GroupId, UnitId};
use crate::matrix::BlockMatrix;
use crate::rank::{competition_ranks, ScoreOrigin};

/// Two weight vectors closer than this in every share are the same weights.
const SAME_SHARE_EPSILON: f64 = 1e-12;

/// Which weights score the block.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum WeightChoice {
    /// The year's edition weights (published or derived).
    #[default]
    Edition,
    /// Every component weighs the same.
    Equal,
    /// Shares by component index. They need not sum to 1: they are divided by their sum.
    Custom(Vec<f64>),
}

/// A reader's hypothetical change to one unit.
#[derive(Debug, Clone, PartialEq)]
pub enum Override {
    /// A new total score.
    Total(f64),
    /// New component values by component index; `None` keeps the published value.
    Components(Vec<Option<f64>>),
}

/// A what-if: the block, the weights and the overrides.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    /// The block.
    pub group: GroupId,
    /// The year.
    pub year: i32,
    /// The weights.
    pub weights: WeightChoice,
    /// Changes by unit.
    pub overrides: BTreeMap<UnitId, Override>,
}

impl Scenario {
    /// The scenario that changes nothing: edition weights, no override.
    pub fn baseline(group: GroupId, year: i32) -> Scenario {
        Scenario { group, year, weights: WeightChoice::Edition, overrides: BTreeMap::new() }
    }
}

/// Where a scenario score comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScoreBasis {
    /// The published total, unchanged.
    Published,
    /// The baseline composite of published components under the edition's weights, unchanged.
    Computed,
    /// Rescored under the scenario's weights (not the edition's).
    Reweighted,
    /// The reader's total, or the reader's components scored under the scenario's weights.
    Overridden,
}

/// One unit in a scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioRow {
    /// The unit.
    pub unit_id: UnitId,
    /// Baseline score (published, else computed under the edition's weights).
    pub baseline_score: Option<f64>,
    /// Score in the scenario.
    pub score: Option<f64>,
    /// Where `score` comes from; `None` exactly when `score` is `None`.
    pub basis: Option<ScoreBasis>,
    /// Baseline rank: the published position, else the computed rank of a complete block.
    pub baseline_rank_1_based: Option<u32>,
    /// Rank in the scenario (see the module doc for when it is known).
    pub rank_1_based: Option<u32>,
    /// True when another unit shares `rank_1_based`.
    pub tied: bool,
    /// `score − baseline_score`, when both are known.
    pub score_change: Option<f64>,
    /// Places gained against the baseline rank (positive = moved up), when both are known.
    pub rank_change: Option<i64>,
    /// True when the reader overrode this unit.
    pub overridden: bool,
    /// True when `score` is not a baseline fact: overridden, or rescored under other weights.
    pub hypothetical: bool,
}

/// A rescored block.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioResult {
    /// The block.
    pub group: GroupId,
    /// The year.
    pub year: i32,
    /// The weight shares used (summing to 1), when the block has weights.
    pub weight_shares: Option<Vec<f64>>,
    /// True when `weight_shares` differ from the edition's.
    pub reweighted: bool,
    /// True when every unit of the block has a scenario score, so ranks are computed.
    pub complete: bool,
    /// Rows by scenario rank (unranked last), then better score first (unscored last), then
    /// unit id. Deterministic.
    pub rows: Vec<ScenarioRow>,
}

impl ScenarioRow {
    /// The score's change when it moved by more than [`crate::rank::TIE_EPSILON`] (what a table
    /// shows; a change that rounds to nothing is no change).
    pub fn score_moved(&self) -> Option<f64> {
        self.score_change.filter(|c| c.abs() > crate::rank::TIE_EPSILON)
    }
}

impl ScenarioResult {
    /// The row of a unit.
    pub fn row(&self, unit: &UnitId) -> Option<&ScenarioRow> {
        self.rows.iter().find(|r| &r.unit_id == unit)
    }
}

/// Why a scenario cannot be evaluated. Each variant names the offending unit, component or
/// weight so the UI can point at the input.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ScenarioError {
    /// The scenario names another block or year than the matrix it was evaluated against.
    #[error("the scenario is for '{}' {scenario_year} but the block is '{}' {block_year}", scenario_group.0, block_group.0)]
    BlockMismatch {
        /// Group named by the scenario.
        scenario_group: GroupId,
        /// Year named by the scenario.
        scenario_year: i32,
        /// Group of the matrix.
        block_group: GroupId,
        /// Year of the matrix.
        block_year: i32,
    },
    /// An override names a unit without a record in the block that year.
    #[error("unit '{}' is not in this block this year", .0 .0)]
    UnknownUnit(UnitId),
    /// An overridden total is not a number inside the index's scale.
    #[error("unit '{}': total {score} is outside {min}..={max}", unit.0)]
    TotalOutOfRange {
        /// The unit.
        unit: UnitId,
        /// The total given.
        score: f64,
        /// Scale minimum.
        min: f64,
        /// Scale maximum.
        max: f64,
    },
    /// A components override has the wrong number of entries.
    #[error("unit '{}': {found} component values given, the index has {expected}", unit.0)]
    ComponentCount {
        /// The unit.
        unit: UnitId,
        /// Number of components of the index.
        expected: usize,
        /// Number of values given.
        found: usize,
    },
    /// An overridden component value is not a number inside the component's range.
    #[error("unit '{}': component '{component}' value {value} is outside {min}..={max}", unit.0)]
    ComponentOutOfRange {
        /// The unit.
        unit: UnitId,
        /// Component id.
        component: String,
        /// The value given.
        value: f64,
        /// Component minimum.
        min: f64,
        /// Component maximum.
        max: f64,
    },
    /// A components override leaves a component that was never published without a value.
    #[error("unit '{}': component '{component}' was not published; give a value to rescore", unit.0)]
    MissingComponent {
        /// The unit.
        unit: UnitId,
        /// Component id.
        component: String,
    },
    /// Components were overridden but the year has no weights to score them with.
    #[error("unit '{}': components cannot be scored without weights for the year", unit.0)]
    NoWeights {
        /// The unit.
        unit: UnitId,
    },
    /// Custom weights have the wrong number of entries.
    #[error("{found} weights given, the index has {expected} components")]
    WeightCount {
        /// Number of components.
        expected: usize,
        /// Number of weights given.
        found: usize,
    },
    /// A custom weight is negative or not a number.
    #[error("weight {share} of component '{component}' must be a number >= 0")]
    InvalidWeight {
        /// Component id.
        component: String,
        /// The weight given.
        share: f64,
    },
    /// Custom weights add up to 0.
    #[error("the weights add up to 0")]
    WeightsSumToZero,
}

/// The per-unit outcome of a scenario, aligned with [`BlockMatrix::units`] (no sorting, no
/// rows): what gain, explain and the rows are built from.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Evaluated {
    /// Weight shares in force (summing to 1).
    pub(crate) shares: Option<Vec<f64>>,
    /// True when `shares` differ from the edition's.
    pub(crate) reweighted: bool,
    /// Score per unit.
    pub(crate) scores: Vec<Option<f64>>,
    /// Basis per unit.
    pub(crate) bases: Vec<Option<ScoreBasis>>,
    /// Override per unit, if any.
    pub(crate) overrides: Vec<Option<OverrideKind>>,
    /// Component values after overrides, row by row (NaN where unknown).
    pub(crate) values: Vec<f64>,
    /// Every unit of the block has a score.
    pub(crate) complete: bool,
}

/// Which kind of override a unit got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OverrideKind {
    Total,
    Components,
}

impl Evaluated {
    /// True when some unit's score is not its baseline fact.
    pub(crate) fn any_hypothetical(&self) -> bool {
        self.bases.iter().any(|b| matches!(b, Some(ScoreBasis::Reweighted | ScoreBasis::Overridden)))
    }
}

/// The weight shares of a choice, normalised to sum 1 (by component index). `None` when the
/// choice is the edition's and the year has none, or the index has no components.
pub fn resolve_shares(m: &BlockMatrix, weights: &WeightChoice) -> Result<Option<Vec<f64>>, ScenarioError> {
    let n = m.n_components();
    match weights {
        WeightChoice::Edition => Ok(m.edition_shares().map(<[f64]>::to_vec)),
        WeightChoice::Equal if n == 0 => Ok(None),
        WeightChoice::Equal => Ok(Some(vec![1.0 / n as f64; n])),
        WeightChoice::Custom(raw) => {
            if raw.len() != n {
                return Err(ScenarioError::WeightCount { expected: n, found: raw.len() });
            }
            for (c, &share) in m.components().iter().zip(raw) {
                if !(share.is_finite() && share >= 0.0) {
                    return Err(ScenarioError::InvalidWeight { component: c.id.clone(), share });
                }
            }
            let total: f64 = raw.iter().sum();
            if total <= 0.0 || n == 0 {
                return Err(ScenarioError::WeightsSumToZero);
            }
            Ok(Some(raw.iter().map(|w| w / total).collect()))
        }
    }
}

/// True when `shares` are not the edition's weights (within [`SAME_SHARE_EPSILON`]).
fn differs_from_edition(m: &BlockMatrix, shares: Option<&[f64]>) -> bool {
    match (shares, m.edition_shares()) {
        (None, _) => false,
        (Some(_), None) => true,
        (Some(a), Some(b)) => a.iter().zip(b).any(|(x, y)| (x - y).abs() > SAME_SHARE_EPSILON),
    }
}

fn check_block(m: &BlockMatrix, scenario: &Scenario) -> Result<(), ScenarioError> {
    if &scenario.group != m.group() || scenario.year != m.year() {
        return Err(ScenarioError::BlockMismatch {
            scenario_group: scenario.group.clone(),
            scenario_year: scenario.year,
            block_group: m.group().clone(),
            block_year: m.year(),
        });
    }
    Ok(())
}

/// Rescore the block per unit; the work behind [`evaluate`], shared with gain and explain.
pub(crate) fn evaluate_scores(m: &BlockMatrix, scenario: &Scenario) -> Result<Evaluated, ScenarioError> {
    check_block(m, scenario)?;
    let shares = resolve_shares(m, &scenario.weights)?;
    let reweighted = differs_from_edition(m, shares.as_deref());
    let n_comp = m.n_components();
    let mut values = m.values_flat().to_vec();
    let mut overrides: Vec<Option<OverrideKind>> = vec![None; m.n_units()];
    let mut override_totals: Vec<Option<f64>> = vec![None; m.n_units()];

    for (unit, ov) in &scenario.overrides {
        let Some(ui) = m.unit_idx(unit) else { return Err(ScenarioError::UnknownUnit(unit.clone())) };
        match ov {
            Override::Total(score) => {
                let (min, max) = (m.scale_min(), m.scale_max());
                if !(score.is_finite() && (min..=max).contains(score)) {
                    return Err(ScenarioError::TotalOutOfRange { unit: unit.clone(), score: *score, min, max });
                }
                if let Some(slot) = override_totals.get_mut(ui) {
                    *slot = Some(*score);
                }
                if let Some(slot) = overrides.get_mut(ui) {
                    *slot = Some(OverrideKind::Total);
                }
            }
            Override::Components(given) => {
                if given.len() != n_comp {
                    return Err(ScenarioError::ComponentCount {
                        unit: unit.clone(),
                        expected: n_comp,
                        found: given.len(),
                    });
                }
                let Some(row) = values.get_mut(ui * n_comp..(ui + 1) * n_comp) else {
                    return Err(ScenarioError::UnknownUnit(unit.clone()));
                };
                for ((slot, g), c) in row.iter_mut().zip(given).zip(m.components()) {
                    if let Some(v) = *g {
                        if !(v.is_finite() && (c.min..=c.max).contains(&v)) {
                            return Err(ScenarioError::ComponentOutOfRange {
                                unit: unit.clone(),
                                component: c.id.clone(),
                                value: v,
                                min: c.min,
                                max: c.max,
                            });
                        }
                        *slot = v;
                    } else if slot.is_nan() {
                        return Err(ScenarioError::MissingComponent { unit: unit.clone(), component: c.id.clone() });
                    }
                }
                if shares.is_none() {
                    return Err(ScenarioError::NoWeights { unit: unit.clone() });
                }
                if let Some(slot) = overrides.get_mut(ui) {
                    *slot = Some(OverrideKind::Components);
                }
            }
        }
    }

    let mut scores = Vec::with_capacity(m.n_units());
    let mut bases = Vec::with_capacity(m.n_units());
    for (ui, (unit, ov)) in m.units().iter().zip(&overrides).enumerate() {
        let row = values.get(ui * n_comp..(ui + 1) * n_comp).unwrap_or(&[]);
        let (score, basis) = match (ov, shares.as_deref()) {
            (Some(OverrideKind::Total), _) => {
                (override_totals.get(ui).copied().flatten(), Some(ScoreBasis::Overridden))
            }
            (Some(OverrideKind::Components), Some(sh)) => {
                (Some(m.score_with(ui, sh, row)), Some(ScoreBasis::Overridden))
            }
            (None, Some(sh)) if reweighted && unit.has_all_components => {
                (Some(m.score_with(ui, sh, row)), Some(ScoreBasis::Reweighted))
            }
            _ => (
                unit.baseline_score,
                unit.score_origin.map(|o| match o {
                    ScoreOrigin::Published => ScoreBasis::Published,
                    ScoreOrigin::Computed => ScoreBasis::Computed,
                }),
            ),
        };
        scores.push(score);
        bases.push(basis.filter(|_| score.is_some()));
    }
    let complete = m.unit_count().is_some_and(|n| usize::try_from(n).is_ok_and(|n| n == m.n_units()))
        && scores.iter().all(Option::is_some);
    Ok(Evaluated { shares, reweighted, scores, bases, overrides, values, complete })
}

/// Rescore a block under a scenario. See the module doc for how each score and rank is found.
pub fn evaluate(m: &BlockMatrix, scenario: &Scenario) -> Result<ScenarioResult, ScenarioError> {
    let ev = evaluate_scores(m, scenario)?;
    let ranks: Vec<Option<u32>> = if !ev.any_hypothetical() {
        m.units().iter().map(|u| u.baseline_rank_1_based).collect()
    } else if ev.complete {
        let flat: Vec<f64> = ev.scores.iter().map(|s| s.unwrap_or(f64::NAN)).collect();
        competition_ranks(&flat, m.higher_is_better()).into_iter().map(Some).collect()
    } else {
        vec![None; m.n_units()]
    };
    // How many units hold each rank, to mark ties. Counted over the ranks present (sorted), not
    // in a table indexed by rank: a published rank can be far larger than the block.
    let mut present: Vec<u32> = ranks.iter().flatten().copied().collect();
    present.sort_unstable();
    let rank_count = |r: u32| present.partition_point(|&x| x <= r) - present.partition_point(|&x| x < r);
    let mut rows: Vec<ScenarioRow> = m
        .units()
        .iter()
        .zip(&ev.scores)
        .zip(&ev.bases)
        .zip(&ev.overrides)
        .zip(&ranks)
        .map(|((((unit, &score), &basis), ov), &rank)| ScenarioRow {
            unit_id: unit.id.clone(),
            baseline_score: unit.baseline_score,
            score,
            basis,
            baseline_rank_1_based: unit.baseline_rank_1_based,
            rank_1_based: rank,
            tied: rank.is_some_and(|r| rank_count(r) > 1),
            score_change: score.zip(unit.baseline_score).map(|(a, b)| a - b),
            rank_change: rank.zip(unit.baseline_rank_1_based).map(|(r, b)| i64::from(b) - i64::from(r)),
            overridden: ov.is_some(),
            hypothetical: matches!(basis, Some(ScoreBasis::Reweighted | ScoreBasis::Overridden)),
        })
        .collect();
    let key = |r: &ScenarioRow| r.score.map_or(f64::INFINITY, |s| -m.key(s));
    rows.sort_by(|a, b| {
        let rank_key = |r: &ScenarioRow| r.rank_1_based.unwrap_or(u32::MAX);
        rank_key(a).cmp(&rank_key(b)).then(key(a).total_cmp(&key(b))).then(a.unit_id.cmp(&b.unit_id))
    });
    Ok(ScenarioResult {
        group: m.group().clone(),
        year: m.year(),
        weight_shares: ev.shares,
        reweighted: ev.reweighted,
        complete: ev.complete,
        rows,
    })
}
