//! Gain to rank k: the least improvement that takes a unit to rank `k` or better.
//!
//! Ranks are competition ranks, so an equal score shares the better rank: reaching the score of
//! the unit now `k`-th among the others is enough. Scores are the block's scores under a
//! [`Scenario`] (its weights and overrides), not only the published ones.
//!
//! Two levers ([`Lever`]):
//! - `Total`: the smallest change of the unit's total score.
//! - `Components`: the cheapest change of the unit's components under the scenario's weights,
//!   minimising the total of component points added, each component capped at its maximum.
//!   One component point of `i` is worth `c_i = scale_max × share_i / max_i` score points, so
//!   this is the LP `min Σ Δ_i` s.t. `Σ c_i Δ_i ≥ D`, `0 ≤ Δ_i ≤ max_i − value_i`: a fractional
//!   knapsack, solved exactly by filling components in order of `c_i` (largest first; ties in
//!   component order). Only for indices where a higher score is better.
//!
//! A complete block ([`RankCertainty::Exact`]) ranks exactly. In a partially published block
//! ([`RankCertainty::WorstCase`]) "rank ≤ k" means *for sure*: the worst rank of the
//! [`crate::interval`] model is ≤ k, whatever the unpublished scores are. The best rank may be
//! reached earlier; that is not what a reader asking "what would it take" can rely on.

use thiserror::Error;

use crate::dataset::UnitId;
use crate::interval::IntervalModel;
use crate::matrix::BlockMatrix;
use crate::rank::TIE_EPSILON;
use crate::scenario::{evaluate_scores, OverrideKind, Scenario, ScenarioError, ScoreBasis};

/// What the unit may change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lever {
    /// Its total score.
    Total,
    /// Its component values, under the scenario's weights.
    Components,
}

/// The question: how much must `unit` gain to reach `target_rank_1_based` or better?
#[derive(Debug, Clone, PartialEq)]
pub struct GainQuery {
    /// The unit.
    pub unit: UnitId,
    /// Target rank, 1-based.
    pub target_rank_1_based: u32,
    /// What may change.
    pub lever: Lever,
}

/// How sure the answer is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RankCertainty {
    /// Every score of the block is known: ranks are exact.
    Exact,
    /// The block is partly published: "reaching rank k" means the worst possible rank is ≤ k.
    WorstCase,
}

/// One component's increase in a [`Gain::Needed`] answer.
#[derive(Debug, Clone, PartialEq)]
pub struct ComponentIncrease {
    /// Index of the component.
    pub component_idx: usize,
    /// Id of the component.
    pub component_id: String,
    /// Component points added (> 0).
    pub increase: f64,
    /// The component's new value.
    pub new_value: f64,
}

/// Why the target cannot be reached.
#[derive(Debug, Clone, PartialEq)]
pub enum ImpossibleReason {
    /// The block size is unknown, so any number of unnamed units may be above: no score makes
    /// the rank certain.
    BlockSizeUnknown,
    /// Even every component at its maximum does not reach the needed score.
    ComponentsAtMax {
        /// Score needed.
        needed_score: f64,
        /// Score with every component at its maximum.
        max_score: f64,
    },
}

/// The answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Gain {
    /// The unit is already at rank `k` or better (for sure, in a partial block).
    AlreadyThere,
    /// The least change that reaches rank `k`.
    Needed {
        /// `new_score − current score` (negative when a lower score is better).
        delta: f64,
        /// The score that reaches rank `k` (equal to the score it ties with).
        new_score: f64,
        /// Component increases in component order (only those > 0); empty for `Lever::Total`.
        component_increases: Vec<ComponentIncrease>,
    },
    /// The target cannot be reached.
    Impossible {
        /// Why.
        reason: ImpossibleReason,
    },
}

/// A gain answer and how sure it is.
#[derive(Debug, Clone, PartialEq)]
pub struct GainAnswer {
    /// The answer.
    pub gain: Gain,
    /// Exact ranks, or the worst case of a partial block.
    pub certainty: RankCertainty,
    /// The unit's current score in the scenario.
    pub current_score: f64,
}

/// Why a gain question cannot be answered.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum GainError {
    /// The scenario is invalid.
    #[error(transparent)]
    Scenario(#[from] ScenarioError),
    /// The unit has no record in the block that year.
    #[error("unit '{}' is not in this block this year", .0 .0)]
    UnknownUnit(UnitId),
    /// The unit's current score is unknown, so no change can be measured from it.
    #[error("unit '{}' has no known score", .0 .0)]
    NoScore(UnitId),
    /// Ranks start at 1.
    #[error("the target rank must be at least 1")]
    TargetRankZero,
    /// In a partially published block the interval model rests on the published scores, so a
    /// scenario may change only the unit asked about.
    #[error("in a partially published block only the unit asked about may be changed")]
    ScenarioOnPartialBlock,
    /// The components lever needs weights for the year.
    #[error("the year has no weights to score components with")]
    NoWeights,
    /// The components lever needs every component of the unit.
    #[error("unit '{}': component '{component}' is unknown", unit.0)]
    MissingComponent {
        /// The unit.
        unit: UnitId,
        /// Component id.
        component: String,
    },
    /// The unit's total was overridden, so its components no longer explain it.
    #[error("unit '{}': its total was overridden; the components lever does not apply", .0 .0)]
    TotalOverridden(UnitId),
    /// Raising components to lower a score makes no sense for a lower-is-better index.
    #[error("the components lever needs an index where a higher score is better")]
    LowerIsBetter,
}

/// The least gain for `query.unit` to reach `query.target_rank_1_based` under `scenario`.
pub fn gain(m: &BlockMatrix, scenario: &Scenario, query: &GainQuery) -> Result<GainAnswer, GainError> {
    if query.target_rank_1_based == 0 {
        return Err(GainError::TargetRankZero);
    }
    let ev = evaluate_scores(m, scenario)?;
    let Some(x) = m.unit_idx(&query.unit) else { return Err(GainError::UnknownUnit(query.unit.clone())) };
    let Some(current) = ev.scores.get(x).copied().flatten() else {
        return Err(GainError::NoScore(query.unit.clone()));
    };
    let (model, certainty) = if ev.complete {
        (IntervalModel::new(m, &ev.scores, x), RankCertainty::Exact)
    } else {
        // Only the unit asked about may differ from its baseline; the others' baseline scores
        // and positions are what the interval model reasons from.
        let others_changed = ev
            .bases
            .iter()
            .enumerate()
            .any(|(i, b)| i != x && matches!(b, Some(ScoreBasis::Reweighted | ScoreBasis::Overridden)));
        if others_changed {
            return Err(GainError::ScenarioOnPartialBlock);
        }
        let baseline: Vec<Option<f64>> = m.units().iter().map(|u| u.baseline_score).collect();
        (IntervalModel::new(m, &baseline, x), RankCertainty::WorstCase)
    };
    let k = query.target_rank_1_based;
    let top = if m.higher_is_better() { m.scale_max() } else { -m.scale_min() };
    let current_key = m.key(current);
    let answer = |gain| Ok(GainAnswer { gain, certainty, current_score: current });

    if model.worst(current_key).is_none() {
        return answer(Gain::Impossible { reason: ImpossibleReason::BlockSizeUnknown });
    }
    if model.worst(current_key).is_some_and(|w| w <= k) {
        return answer(Gain::AlreadyThere);
    }
    let Some(target_key) = model
        .breakpoints(top)
        .into_iter()
        .filter(|&c| c > current_key)
        .find(|&c| model.worst(c).is_some_and(|w| w <= k))
    else {
        // Unreachable: at the top of the scale nobody can be above. Kept as an answer, not a panic.
        return answer(Gain::Impossible { reason: ImpossibleReason::BlockSizeUnknown });
    };
    let new_score = if m.higher_is_better() { target_key } else { -target_key };
    let delta = new_score - current;
    match query.lever {
        Lever::Total => answer(Gain::Needed { delta, new_score, component_increases: Vec::new() }),
        Lever::Components => {
            if !m.higher_is_better() {
                return Err(GainError::LowerIsBetter);
            }
            if ev.overrides.get(x).copied().flatten() == Some(OverrideKind::Total) {
                return Err(GainError::TotalOverridden(query.unit.clone()));
            }
            let Some(shares) = ev.shares.as_deref() else { return Err(GainError::NoWeights) };
            let n = m.n_components();
            let values = ev.values.get(x * n..(x + 1) * n).unwrap_or(&[]);
            if let Some(c) = m.components().iter().zip(values).find(|(_, v)| v.is_nan()).map(|(c, _)| c) {
                return Err(GainError::MissingComponent { unit: query.unit.clone(), component: c.id.clone() });
            }
            answer(cheapest_components(m, shares, values, current, new_score))
        }
    }
}

/// The fractional knapsack of the module doc: raise `values` to add `new_score − current`.
fn cheapest_components(m: &BlockMatrix, shares: &[f64], values: &[f64], current: f64, new_score: f64) -> Gain {
    let coefs = m.points_per_component_point(shares);
    let mut order: Vec<usize> = (0..coefs.len()).filter(|&i| coefs.get(i).is_some_and(|&c| c > 0.0)).collect();
    order.sort_by(|&a, &b| {
        let ca = coefs.get(a).copied().unwrap_or(0.0);
        let cb = coefs.get(b).copied().unwrap_or(0.0);
        cb.total_cmp(&ca).then(a.cmp(&b))
    });
    let mut remaining = new_score - current;
    let mut increases: Vec<ComponentIncrease> = Vec::new();
    for i in order {
        if remaining <= 0.0 {
            break;
        }
        let (Some(&coef), Some(&value), Some(c)) = (coefs.get(i), values.get(i), m.components().get(i)) else {
            continue;
        };
        let headroom = (c.max - value).max(0.0);
        if headroom <= 0.0 {
            continue;
        }
        let increase = (remaining / coef).min(headroom);
        // Land exactly on the maximum rather than a hair below it.
        let new_value = if increase >= headroom { c.max } else { value + increase };
        remaining -= coef * increase;
        increases.push(ComponentIncrease { component_idx: i, component_id: c.id.clone(), increase, new_value });
    }
    if remaining > TIE_EPSILON {
        let headroom_points: f64 =
            m.components().iter().zip(values).zip(&coefs).map(|((c, v), coef)| coef * (c.max - v).max(0.0)).sum();
        return Gain::Impossible {
            reason: ImpossibleReason::ComponentsAtMax { needed_score: new_score, max_score: current + headroom_points },
        };
    }
    increases.sort_by_key(|inc| inc.component_idx);
    Gain::Needed { delta: new_score - current, new_score, component_increases: increases }
}
