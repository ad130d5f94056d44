//! Why is this unit where it is? Each component's contribution to its score, and the components
//! where it is furthest from the block's best, in score points under the scenario's weights.
//!
//! Component `i` contributes `scale_max × share_i × value_i / max_i` score points. A gap is the
//! distance from the unit's value to the best value of the block on that component (the highest
//! for a higher-is-better index, else the lowest), in component points and in score points
//! (`scale_max × share_i / max_i` per component point): the score the unit would gain by matching
//! the block's best on that component alone.

use thiserror::Error;

use crate::dataset::UnitId;
use crate::matrix::BlockMatrix;
use crate::scenario::{evaluate_scores, OverrideKind, Scenario, ScenarioError};

/// One component's share of a unit's score.
#[derive(Debug, Clone, PartialEq)]
pub struct ComponentContribution {
    /// Index of the component.
    pub component_idx: usize,
    /// Id of the component.
    pub component_id: String,
    /// The unit's value on it.
    pub value: f64,
    /// Its weight share.
    pub weight_share: f64,
    /// Score points it contributes.
    pub contribution: f64,
}

/// How far a unit is from the block's best on one component.
#[derive(Debug, Clone, PartialEq)]
pub struct ComponentGap {
    /// Index of the component.
    pub component_idx: usize,
    /// Id of the component.
    pub component_id: String,
    /// The unit's value.
    pub value: f64,
    /// The best value in the block on this component.
    pub block_best: f64,
    /// `|block_best − value|`, in component points.
    pub gap_component_points: f64,
    /// The same gap in score points under the scenario's weights.
    pub gap_score_points: f64,
}

/// A unit's score, taken apart.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    /// The unit.
    pub unit_id: UnitId,
    /// Its score in the scenario.
    pub score: f64,
    /// Contributions in component order; with `score_offset` they add up to `score`.
    pub contributions: Vec<ComponentContribution>,
    /// The part of the score the components do not explain (rounding of a published total, or
    /// the error of derived weights); see [`crate::matrix`].
    pub score_offset: f64,
    /// Gaps to the block's best, largest in score points first, ties in component order.
    pub gaps: Vec<ComponentGap>,
}

/// Gaps smaller than this many score points are not worth telling a reader about.
pub const MIN_GAP_TOLD_SCORE_POINTS: f64 = 0.005;

/// At most this many gaps are told in the explanation's sentence.
pub const MAX_GAPS_TOLD: usize = 2;

/// What the explanation's sentence tells: the component that contributes most, and the widest
/// gaps to the block's best worth telling.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Headline<'a> {
    /// The largest contribution (the last one in component order among equals).
    pub top: Option<&'a ComponentContribution>,
    /// Up to [`MAX_GAPS_TOLD`] gaps over [`MIN_GAP_TOLD_SCORE_POINTS`], widest first.
    pub gaps: [Option<&'a ComponentGap>; MAX_GAPS_TOLD],
}

impl Explanation {
    /// What a one-sentence explanation should say.
    pub fn headline(&self) -> Headline<'_> {
        let top = self.contributions.iter().max_by(|a, b| a.contribution.total_cmp(&b.contribution));
        let mut told = self.gaps.iter().filter(|g| g.gap_score_points > MIN_GAP_TOLD_SCORE_POINTS);
        Headline { top, gaps: [told.next(), told.next()] }
    }
}

/// Why a unit cannot be explained.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ExplainError {
    /// The scenario is invalid.
    #[error(transparent)]
    Scenario(#[from] ScenarioError),
    /// The unit has no record in the block that year.
    #[error("unit '{}' is not in this block this year", .0 .0)]
    UnknownUnit(UnitId),
    /// There are no weights to split the score with.
    #[error("the year has no weights to split the score with")]
    NoWeights,
    /// A component of the unit is unknown.
    #[error("unit '{}': component '{component}' is unknown", unit.0)]
    MissingComponent {
        /// The unit.
        unit: UnitId,
        /// Component id.
        component: String,
    },
    /// The unit's total was overridden, so its components no longer explain it.
    #[error("unit '{}': its total was overridden; components do not explain it", .0 .0)]
    TotalOverridden(UnitId),
}

/// Explain `unit`'s score under `scenario` (its weights and overrides).
pub fn explain(m: &BlockMatrix, scenario: &Scenario, unit: &UnitId) -> Result<Explanation, ExplainError> {
    let ev = evaluate_scores(m, scenario)?;
    let Some(x) = m.unit_idx(unit) else { return Err(ExplainError::UnknownUnit(unit.clone())) };
    if ev.overrides.get(x).copied().flatten() == Some(OverrideKind::Total) {
        return Err(ExplainError::TotalOverridden(unit.clone()));
    }
    let Some(shares) = ev.shares.as_deref() else { return Err(ExplainError::NoWeights) };
    let n = m.n_components();
    let values = ev.values.get(x * n..(x + 1) * n).unwrap_or(&[]);
    if let Some(c) = m.components().iter().zip(values).find(|(_, v)| v.is_nan()).map(|(c, _)| c) {
        return Err(ExplainError::MissingComponent { unit: unit.clone(), component: c.id.clone() });
    }
    let coefs = m.points_per_component_point(shares);
    let contributions: Vec<ComponentContribution> = m
        .components()
        .iter()
        .enumerate()
        .zip(values.iter().zip(shares).zip(&coefs))
        .map(|((i, c), ((&value, &share), &coef))| ComponentContribution {
            component_idx: i,
            component_id: c.id.clone(),
            value,
            weight_share: share,
            contribution: coef * value,
        })
        .collect();
    let score = ev.scores.get(x).copied().flatten().unwrap_or_else(|| m.score_with(x, shares, values));
    let explained: f64 = contributions.iter().map(|c| c.contribution).sum();

    let mut gaps: Vec<ComponentGap> = Vec::with_capacity(n);
    for (i, ((c, &value), &coef)) in m.components().iter().zip(values).zip(&coefs).enumerate() {
        // Best value among units whose value on this component is known (the unit included).
        let column = ev.values.iter().skip(i).step_by(n.max(1)).copied().filter(|v| !v.is_nan());
        let best = if m.higher_is_better() { column.fold(value, f64::max) } else { column.fold(value, f64::min) };
        let gap = (best - value).abs();
        gaps.push(ComponentGap {
            component_idx: i,
            component_id: c.id.clone(),
            value,
            block_best: best,
            gap_component_points: gap,
            gap_score_points: coef * gap,
        });
    }
    gaps.sort_by(|a, b| b.gap_score_points.total_cmp(&a.gap_score_points).then(a.component_idx.cmp(&b.component_idx)));
    Ok(Explanation { unit_id: unit.clone(), score, contributions, score_offset: score - explained, gaps })
}
